//! Identity across documents: which actors of different documents are one actor. (Within a
//! document, identities are settled by [`extract::identity`](crate::extract::identity).)
//!
//! Across documents, actors join when they share a full spelling (folded: case, accents,
//! hyphens, periods and a leading `the` do not matter) or a lexicon id. A person known in
//! some document only by a surname joins the one person of the corpus who carries it.
//! Everything is computed from sorted data, so the argument order never changes the graph.

mod evidence;
mod merger;
pub mod partial;

use crate::corpus::Document;
use crate::graph::{ActorKind, Graph};
pub use merger::{Leftovers, Merger};
use partial::Partial;

/// The broad class an actor's names live in: people and organisations never share a node.
fn class(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Leader | ActorKind::Analyst | ActorKind::Person => "person",
        ActorKind::Country => "country",
        _ => "org",
    }
}

/// Merges partial graphs, in any order (see [`Merger`]).
pub fn merge_partials(parts: &[Partial]) -> Graph {
    let mut merger = Merger::new();
    for p in parts {
        merger.add(p.clone());
    }
    merger.finish()
}

/// The label of a document's node: its title, or its first line of text.
fn document_label(doc: &Document) -> String {
    doc.title.clone().unwrap_or_else(|| first_line(doc))
}

/// The first line of text that is not page furniture, with any furniture inside it left
/// out, shortened to a title's length.
fn first_line(doc: &Document) -> String {
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let (start, end) = (pos, pos + line.len());
        pos = end;
        let mut kept = String::new();
        let mut at = start;
        for r in doc.furniture.iter().filter(|r| r.end > start && r.start < end) {
            if r.start > at {
                kept.push_str(&doc.text[at..r.start]);
            }
            at = at.max(r.end);
        }
        if at < end {
            kept.push_str(&doc.text[at..end]);
        }
        let t = kept.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.is_empty() {
            continue;
        }
        let mut s: String = t.chars().take(80).collect();
        if t.chars().count() > 80 {
            s.push('…');
        }
        return s;
    }
    doc.stem.clone()
}
