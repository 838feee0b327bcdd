//! Identity resolution: which mentions are one actor, within a document (`document`) and
//! across documents (here).
//!
//! Across documents, actors join when they share a full spelling (folded: case, accents,
//! hyphens, periods and a leading `the` do not matter) or a lexicon id. A person known in
//! some document only by a surname joins the one person of the corpus who carries it.
//! Everything is computed from sorted data, so the argument order never changes the graph.

pub mod document;
mod merger;
pub mod partial;
pub mod stoplist;
pub mod stream;

use crate::corpus::Document;
use crate::extract::Extraction;
use crate::graph::{ActorKind, Graph, slug};
pub use merger::Merger;
use partial::Partial;
use rayon::prelude::*;

/// A spelling folded for comparison: lowercase, no accents, hyphens and periods as spaces
/// or nothing, no possessive, no leading `the`.
pub fn fold(name: &str) -> String {
    let s = name.replace('\u{2019}', "'");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '.' | '\'' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push(' '),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let words = if words.len() > 1 && words[0] == "the" {
        &words[1..]
    } else {
        &words[..]
    };
    slug(&words.join(" ")).replace('-', " ")
}

/// Extracts every document (in parallel, on the current rayon pool) and merges the results
/// into one graph, documents taken in the order given.
pub fn build_graph(docs: &[Document]) -> Graph {
    build_graph_with(docs, &stoplist::StopList::default())
}

/// As `build_graph`, with the stop-listed names dropped from every document first.
pub fn build_graph_with(docs: &[Document], stop: &stoplist::StopList) -> Graph {
    let parts: Vec<Partial> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| Partial::extract_with(d, "", i, stop))
        .collect();
    let mut merger = Merger::new();
    for p in parts {
        merger.add(p);
    }
    merger.finish()
}

/// The broad class an actor's names live in: people and organisations never share a node.
fn class(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Leader | ActorKind::Analyst | ActorKind::Person => "person",
        ActorKind::Country => "country",
        _ => "org",
    }
}

/// Merges per-document extractions (in document order, which is path order).
pub fn merge(docs: &[Document], extractions: &[Extraction]) -> Graph {
    let mut merger = Merger::new();
    for (i, (d, ex)) in docs.iter().zip(extractions).enumerate() {
        merger.add(Partial::new(d, "", i, ex.clone()));
    }
    merger.finish()
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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding() {
        let cases = [
            ("Kim Jong-un", "kim jong un"),
            ("Kim Jong Un", "kim jong un"),
            ("The Korea Herald", "korea herald"),
            ("U.S.", "us"),
            ("Kim’s", "kim"),
            ("Workers’ Party", "workers party"),
            ("Ségolène Royal", "segolene royal"),
        ];
        for (a, b) in cases {
            assert_eq!(fold(a), b, "{a}");
        }
    }
}

#[cfg(test)]
mod tables;
