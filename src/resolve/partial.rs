//! Partial graphs: what one document contributes to the merge, in a form that can be written
//! as a JSON line and read back (`graphgen INPUT --partial`, `graphgen merge`).
//!
//! A partial carries the document node and the document's actors with everything the
//! cross-document merge reads (labels, aliases, strong keys, kinds, lexicon ids, weak flags),
//! so identity resolution finishes in the merge exactly as in one run. Merging sorts the
//! partials by their file and place in it, the order one run reads them in, which makes the
//! merge associative and commutative.

use super::document::LocalActor;
use crate::corpus::{Document, make_unique};
use crate::extract::{Extraction, Target, extract_document};
use crate::graph::{Evidence, RelationKind};
use serde::{Deserialize, Serialize};

/// The document a partial comes from, as its node and its place in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub path: String,
    pub stem: String,
    /// The document node's label (its title, or its first line of text).
    pub label: String,
    /// The input file it was read from, as shown (`-` for stdin).
    pub source: String,
    /// Its place in that file (JSONL line order; 0 for a one-article file).
    pub place: usize,
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
        Partial {
            document: DocMeta {
                path: doc.path.clone(),
                stem: doc.stem.clone(),
                label: super::document_label(doc),
                source: source.to_string(),
                place,
            },
            actors: ex.actors,
            relations,
        }
    }

    /// Extracts one document.
    pub fn extract(doc: &Document, source: &str, place: usize) -> Partial {
        Partial::new(doc, source, place, extract_document(doc))
    }
}

/// Puts partials in reading order and gives repeated paths and stems `-2`, `-3`… as one run
/// over all their documents would (evidence follows its document's new path).
pub fn order(parts: &mut Vec<Partial>) {
    parts.sort_by(|a, b| {
        let (a, b) = (&a.document, &b.document);
        (&a.source, a.place, &a.path).cmp(&(&b.source, b.place, &b.path))
    });
    let before: Vec<String> = parts.iter().map(|p| p.document.path.clone()).collect();
    make_unique(parts, |p| &mut p.document.path);
    make_unique(parts, |p| &mut p.document.stem);
    for (p, old) in parts.iter_mut().zip(before) {
        if p.document.path != old {
            for r in &mut p.relations {
                r.evidence.document = p.document.path.clone();
            }
        }
    }
}

/// Reads partial graphs written one a line; blank lines are skipped. `name` names the
/// input in errors.
pub fn read_jsonl(name: &str, text: &str) -> crate::Result<Vec<Partial>> {
    let mut parts = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let part = serde_json::from_str(line).map_err(|e| crate::Error::Invalid {
            what: format!("{name}:{}", i + 1),
            message: format!("not a partial graph ({e}); write partials with `graphgen INPUT --partial`"),
        })?;
        parts.push(part);
    }
    Ok(parts)
}
