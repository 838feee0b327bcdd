//! Partial graphs: what one document contributes to the merge, in a form that can be written
//! as a JSON line and read back (`graphgen INPUT --partial`, `graphgen merge`).
//!
//! A partial carries the document node and the document's actors with everything the
//! cross-document merge reads (labels, aliases, strong keys, kinds, lexicon ids, weak flags),
//! so identity resolution finishes in the merge exactly as in one run. The merge sorts the
//! partials by their file and place in it, the order one run reads them in, which makes it
//! associative and commutative.

use crate::corpus::Document;
use crate::extract::identity::LocalActor;
use crate::extract::{Extraction, Target};
use crate::graph::{DocPath, Evidence, RelationKind};
use serde::{Deserialize, Serialize};

/// The document a partial comes from, as its node and its place in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub path: DocPath,
    pub stem: String,
    /// The document node's label (its title, or its first line of text).
    pub label: String,
    /// The input file it was read from, as shown (`-` for stdin).
    pub source: DocPath,
    /// Its place in that file (JSONL line order; 0 for a one-article file).
    pub place: usize,
    /// The publication day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocPath>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When the label is the page's title: its first line of text, the label to fall back on
    /// should other documents share the title (a site's banner rather than a headline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line: Option<String>,
}

impl DocMeta {
    /// Points the source and every piece of evidence that names this document at the one
    /// copy of its path.
    pub(super) fn share_path(&mut self, relations: &mut [PartialRelation]) {
        if self.source == self.path {
            self.source = self.path.clone();
        }
        for r in relations {
            if r.evidence.document == self.path {
                r.evidence.document = self.path.clone();
                // Every piece of evidence carries its document's day, one shared copy.
                r.evidence.date = self.date.clone();
            }
        }
    }
}

/// A relation between two actors of one partial; `target: None` is the document itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialRelation {
    pub source: usize,
    pub kind: RelationKind,
    pub target: Option<usize>,
    pub evidence: Evidence,
}

/// One document's contribution to the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    pub document: DocMeta,
    pub actors: Vec<LocalActor>,
    pub relations: Vec<PartialRelation>,
}

impl Partial {
    /// Keeps what the merge needs from an extraction; the mentions and the text are dropped.
    pub fn new(doc: &Document, source: &str, place: usize, ex: Extraction) -> Partial {
        let relations = ex
            .relations
            .into_iter()
            .map(|r| PartialRelation {
                source: r.source,
                kind: r.kind,
                target: match r.target {
                    Target::Actor(t) => Some(t),
                    Target::Document => None,
                },
                evidence: r.evidence,
            })
            .collect();
        // The merger points the evidence at the document's one path (`DocMeta::share_path`).
        Partial {
            document: DocMeta {
                path: doc.path.as_str().into(),
                stem: doc.stem.clone(),
                label: super::document_label(doc),
                source: source.into(),
                place,
                date: doc.date.as_deref().map(Into::into),
                url: doc.url.clone(),
                byline: doc.byline.clone(),
                first_line: doc.title.as_ref().map(|_| super::first_line(doc)),
            },
            actors: ex.actors,
            relations,
        }
    }
}

/// Reads partial graphs written one a line, handing each to `each`; blank lines are skipped.
/// `name` names the input in errors.
pub fn read_jsonl(name: &str, input: impl std::io::BufRead, mut each: impl FnMut(Partial)) -> crate::Result<()> {
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| crate::Error::Read {
            path: name.into(),
            cause: e,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let part = serde_json::from_str(&line).map_err(|e| crate::Error::Invalid {
            what: format!("{name}:{}", i + 1),
            message: format!("not a partial graph ({e}); write partials with `graphgen INPUT --partial`"),
        })?;
        each(part);
    }
    Ok(())
}

/// Splits a finished graph (graphgen's JSON, read back) into one partial per document node, so
/// a graph can be merged with other graphs and partials. A graph no longer holds what each
/// document's own resolution found, only its nodes: each actor travels as a local actor fixed
/// to its node id, with its label and aliases as keys, in every document it lists. Merging
/// graphs is therefore a union of nodes by id and name, not a re-run of the resolution, and is
/// byte-identical to one run only for partials.
pub fn from_graph(graph: &crate::graph::Graph, source: &str) -> Vec<Partial> {
    use crate::graph::ActorKind;
    use std::collections::BTreeMap;
    let mut parts: Vec<Partial> = Vec::new();
    let mut by_path: BTreeMap<&str, usize> = BTreeMap::new();
    for node in graph.actors().filter(|a| a.kind == ActorKind::Document) {
        let path = node.path.clone().unwrap_or_else(|| node.id.as_str().into());
        by_path.insert(node.path.as_deref().unwrap_or(&node.id), parts.len());
        parts.push(Partial {
            document: DocMeta {
                stem: node.id.strip_prefix("doc:").unwrap_or(&node.id).to_string(),
                path,
                label: node.label.clone(),
                source: source.into(),
                place: parts.len(),
                date: node.date.clone(),
                url: node.url.clone(),
                byline: node.byline.clone(),
                first_line: None,
            },
            actors: Vec::new(),
            relations: Vec::new(),
        });
    }
    // Local index of each actor in each document it appears in.
    let mut local: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for actor in graph.actors().filter(|a| a.kind != ActorKind::Document) {
        let mut first = true;
        for path in &actor.documents {
            let Some(&d) = by_path.get(&**path) else { continue };
            local.insert((d, &actor.id), parts[d].actors.len());
            parts[d]
                .actors
                .push(local_actor(actor, if first { actor.mentions } else { 0 }));
            first = false;
        }
    }
    for rel in graph.relations() {
        for ev in &rel.evidence {
            let Some(&d) = by_path.get(&*ev.document) else {
                continue;
            };
            let mut index_of = |id: &str, parts: &mut Vec<Partial>| -> Option<Option<usize>> {
                let actor = graph.actor(id)?;
                if actor.kind == ActorKind::Document {
                    return Some(None);
                }
                let i = *local.entry((d, &actor.id)).or_insert_with(|| {
                    parts[d].actors.push(local_actor(actor, 0));
                    parts[d].actors.len() - 1
                });
                Some(Some(i))
            };
            let (Some(Some(s)), Some(t)) = (index_of(&rel.source, &mut parts), index_of(&rel.target, &mut parts))
            else {
                continue;
            };
            parts[d].relations.push(PartialRelation {
                source: s,
                kind: rel.kind,
                target: t,
                evidence: ev.clone(),
            });
        }
    }
    parts
}

fn local_actor(actor: &crate::graph::Actor, mentions: usize) -> LocalActor {
    let class = super::class(actor.kind);
    // Full names among the aliases identify the actor; a lone surname or first name does not.
    let mut strong: std::collections::BTreeSet<String> = actor
        .aliases
        .iter()
        .filter(|n| n.split_whitespace().count() >= 2)
        .map(|n| crate::graph::fold(n))
        .collect();
    strong.insert(crate::graph::fold(&actor.label));
    LocalActor {
        key: format!("{class}:{}", crate::graph::fold(&actor.label)),
        label: actor.label.clone(),
        kind: actor.kind,
        kind_strength: 2,
        aliases: actor.aliases.clone(),
        strong,
        mentions,
        fixed_id: Some(actor.id.clone()),
        weak: false,
        country: actor.country.clone(),
        role: actor.role.clone(),
        cameo: actor.cameo.clone(),
    }
}
