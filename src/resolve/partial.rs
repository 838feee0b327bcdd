//! Partial graphs: what one document contributes to the merge, in a form that can be written
//! as a JSON line and read back (`graphgen INPUT --partial`, `graphgen merge`).
//!
//! A partial carries the document node and the document's actors with everything the
//! cross-document merge reads (labels, aliases, strong keys, kinds, lexicon ids, weak flags),
//! so identity resolution finishes in the merge exactly as in one run. The merge sorts the
//! partials by their file and place in it, the order one run reads them in, which makes it
//! associative and commutative.

use super::document::LocalActor;
use super::stoplist::StopList;
use crate::corpus::Document;
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
        Partial::extract_with(doc, source, place, &StopList::default())
    }

    /// Extracts one document and drops its stop-listed names.
    pub fn extract_with(doc: &Document, source: &str, place: usize, stop: &StopList) -> Partial {
        let mut ex = extract_document(doc);
        stop.apply(&mut ex);
        Partial::new(doc, source, place, ex)
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
