//! The graph model: actors, relations and the evidence behind every edge.
//!
//! These types are what exporters read and what `graph::Graph` merges; nothing here knows
//! how text was read or how names were found.

use super::DocSet;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

/// What an actor is. `Document` marks a node that stands for one input file, not an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Leader,
    Analyst,
    Person,
    Institute,
    Outlet,
    Country,
    Document,
}

impl ActorKind {
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Leader,
        ActorKind::Analyst,
        ActorKind::Person,
        ActorKind::Institute,
        ActorKind::Outlet,
        ActorKind::Country,
        ActorKind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Leader => "leader",
            ActorKind::Analyst => "analyst",
            ActorKind::Person => "person",
            ActorKind::Institute => "institute",
            ActorKind::Outlet => "outlet",
            ActorKind::Country => "country",
            ActorKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// People are leaders, analysts and other persons: the kinds a surname can refer to.
    pub fn is_person(self) -> bool {
        matches!(self, ActorKind::Leader | ActorKind::Analyst | ActorKind::Person)
    }

    pub fn is_organisation(self) -> bool {
        matches!(self, ActorKind::Institute | ActorKind::Outlet)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed relation between two actors (or an actor and a document for `QuotedIn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    MetWith,
    QuotedIn,
    AlliedWith,
    AffiliatedTo,
}

impl RelationKind {
    pub const ALL: [RelationKind; 4] = [
        RelationKind::MetWith,
        RelationKind::QuotedIn,
        RelationKind::AlliedWith,
        RelationKind::AffiliatedTo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::MetWith => "met-with",
            RelationKind::QuotedIn => "quoted-in",
            RelationKind::AlliedWith => "allied-with",
            RelationKind::AffiliatedTo => "affiliated-to",
        }
    }

    pub fn parse(s: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Symmetric relations are stored once per unordered pair, smaller id first.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::MetWith | RelationKind::AlliedWith)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document's path as shown to the user. One allocation per document is shared by its
/// node, every actor's `documents` and every piece of evidence: a large corpus names each
/// path about a dozen times, and owned copies were a quarter of the memory of a 100 MB run.
pub type DocPath = Arc<str>;

/// Why an edge exists: where in which document, and the words that triggered it. Ordered
/// field by field (document, span, sentence, trigger...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The document's path as shown to the user.
    pub document: DocPath,
    /// Byte offsets of the sentence in the document text.
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    pub trigger: String,
    /// Where the edge comes from when the text alone does not say it: `knowledge` for an edge
    /// of the actor dictionary (a dated role), whose sentence is the one naming the actor and
    /// whose trigger is the role with its dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The publication day of the document (`YYYY-MM-DD`, or as much of it as the source
    /// gives), shared like the path; set by the merge from the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocPath>,
    /// Byte offsets of the trigger in the document, where extraction knows them (a quoted-in
    /// edge's reporting cue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// What was said (quoted-in only): its byte offsets in the document, and whether it stands
    /// inside quotation marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Quoted>,
}

impl Ord for Evidence {
    fn cmp(&self, other: &Evidence) -> std::cmp::Ordering {
        // Pieces of one document share its path: comparing the pointer first spares reading
        // the path, which sorting an edge's evidence would otherwise do at every step.
        let document = if Arc::ptr_eq(&self.document, &other.document) {
            std::cmp::Ordering::Equal
        } else {
            self.document.cmp(&other.document)
        };
        document
            .then_with(|| (self.start, self.end).cmp(&(other.start, other.end)))
            .then_with(|| self.sentence.cmp(&other.sentence))
            .then_with(|| self.trigger.cmp(&other.trigger))
            .then_with(|| self.source.cmp(&other.source))
            .then_with(|| self.date.cmp(&other.date))
            .then_with(|| self.cue.cmp(&other.cue))
            .then_with(|| self.content.cmp(&other.content))
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Evidence) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The content of an attribution: byte offsets in the document, and whether it is a direct
/// quotation (inside quotation marks) or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quoted {
    pub start: usize,
    pub end: usize,
    pub direct: bool,
}

/// One node of the graph: an actor, or a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub label: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: BTreeSet<String>,
    #[serde(default)]
    pub mentions: usize,
    #[serde(default)]
    pub documents: DocSet,
    /// Set for document nodes only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<DocPath>,
    /// Paths of the documents the actor is quoted in, set only when document nodes are
    /// hidden (`--no-documents`), so that quoted-in survives as an attribute.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub quoted_in: BTreeSet<DocPath>,
    /// From the user's lexicon (`--lexicon`): the id of the actor's country, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// From the user's lexicon: the actor's role as written there (`defence minister`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// From the actor dictionary: the CAMEO code of the entry the actor is linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Document nodes: the publication day (`YYYY-MM-DD`), from JSONL `date` or the page's
    /// metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocPath>,
    /// Document nodes: where the article lives, from JSONL `url` or the page's canonical link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Document nodes: who wrote the article, from the page's structured data or author line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
}

impl Actor {
    /// An actor with nothing but its id, label and kind: no aliases, mentions or documents.
    /// Fields added to the model later default here, not at every place that builds one.
    pub fn new(id: impl Into<String>, label: impl Into<String>, kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            label: label.into(),
            kind,
            aliases: BTreeSet::new(),
            mentions: 0,
            documents: DocSet::new(),
            path: None,
            quoted_in: BTreeSet::new(),
            country: None,
            role: None,
            cameo: None,
            date: None,
            url: None,
            byline: None,
        }
    }
}

/// One edge: all evidence for (source, relation, target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub source: String,
    pub target: String,
    pub kind: RelationKind,
    pub evidence: Vec<Evidence>,
    /// Pieces of evidence read but not kept (`--max-evidence`): counted in the weight.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unkept: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Relation {
    /// The weight of an edge is its number of pieces of evidence, kept or not.
    pub fn weight(&self) -> usize {
        self.evidence.len() + self.unkept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn piece(document: &str, start: usize, sentence: &str, trigger: &str) -> Evidence {
        Evidence {
            document: document.into(),
            start,
            end: start + sentence.len(),
            sentence: sentence.into(),
            trigger: trigger.into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        }
    }

    /// The fields in declaration order, as a derived order would compare them.
    #[allow(clippy::type_complexity)]
    fn fields(
        e: &Evidence,
    ) -> (
        &str,
        usize,
        usize,
        &str,
        &str,
        &Option<String>,
        &Option<DocPath>,
        Option<(usize, usize)>,
        &Option<Quoted>,
    ) {
        let cue = e.cue.map(|c| (c.start, c.end));
        (
            &e.document,
            e.start,
            e.end,
            &e.sentence,
            &e.trigger,
            &e.source,
            &e.date,
            cue,
            &e.content,
        )
    }

    #[test]
    fn evidence_orders_field_by_field_whether_or_not_paths_are_shared() {
        let shared: DocPath = "a/1.txt".into();
        let with = |mut e: Evidence| {
            e.document = shared.clone();
            e
        };
        let mut dated = piece("a/1.txt", 0, "One.", "met");
        dated.date = Some("2020-01-02".into());
        let mut cued = piece("a/1.txt", 0, "One.", "met");
        cued.cue = Some(crate::text::Span { start: 1, end: 2 });
        let mut quoted = piece("a/1.txt", 0, "One.", "met");
        quoted.content = Some(Quoted {
            start: 0,
            end: 3,
            direct: true,
        });
        let mut sourced = piece("a/1.txt", 0, "One.", "met");
        sourced.source = Some("knowledge".into());
        let all = [
            piece("a/1.txt", 0, "One.", "met"),
            with(piece("a/1.txt", 0, "One.", "met")),
            with(piece("a/1.txt", 5, "Two.", "met")),
            piece("a/1.txt", 0, "One.", "said"),
            piece("a/1.txt", 0, "Onf.", "met"),
            piece("a/2.txt", 0, "One.", "met"),
            piece("a/10.txt", 0, "One.", "met"),
            piece("b.txt", 3, "One.", "met"),
            dated,
            cued,
            quoted,
            sourced,
        ];
        for a in &all {
            for b in &all {
                let want = fields(a).cmp(&fields(b));
                assert_eq!(a.cmp(b), want, "{a:?} against {b:?}");
                assert_eq!(a.partial_cmp(b), Some(want));
                assert_eq!(a == b, want == Ordering::Equal, "{a:?} against {b:?}");
            }
        }
    }
}
