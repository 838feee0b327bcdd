//! Identity resolution: which mentions are one actor, within a document (`document`) and
//! across documents (here).
//!
//! Across documents, actors join when they share a full spelling (folded: case, accents,
//! hyphens, periods and a leading `the` do not matter) or a lexicon id. A person known in
//! some document only by a surname joins the one person of the corpus who carries it.
//! Everything is computed from sorted data, so the argument order never changes the graph.

pub mod document;
pub mod partial;
pub mod stream;

use crate::corpus::Document;
use crate::extract::Extraction;
use crate::graph::{Actor, ActorKind, Graph, document_id, slug};
use document::LocalActor;
use partial::Partial;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

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
    let parts: Vec<Partial> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| Partial::extract(d, "", i))
        .collect();
    merge_partials(&parts)
}

/// The broad class an actor's names live in: people and organisations never share a node.
fn class(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Leader | ActorKind::Analyst | ActorKind::Person => "person",
        ActorKind::Country => "country",
        _ => "org",
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Merges per-document extractions (in document order, which is path order).
pub fn merge(docs: &[Document], extractions: &[Extraction]) -> Graph {
    let parts: Vec<Partial> = docs
        .iter()
        .zip(extractions)
        .enumerate()
        .map(|(i, (d, ex))| Partial::new(d, "", i, ex.clone()))
        .collect();
    merge_partials(&parts)
}

/// Merges partial graphs in the order given (see [`partial::order`] for reading order).
pub fn merge_partials(extractions: &[Partial]) -> Graph {
    // Every local actor, flattened, with its document.
    let mut flat: Vec<(usize, &LocalActor)> = Vec::new();
    let mut offset = Vec::with_capacity(extractions.len());
    for (d, ex) in extractions.iter().enumerate() {
        offset.push(flat.len());
        flat.extend(ex.actors.iter().map(|a| (d, a)));
    }
    let mut uf = UnionFind((0..flat.len()).collect());
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (_, a)) in flat.iter().enumerate() {
        let keys: Vec<String> = match &a.fixed_id {
            Some(id) => vec![format!("{}:id:{id}", class(a.kind))],
            None => a.strong.iter().map(|s| format!("{}:{s}", class(a.kind))).collect(),
        };
        for key in keys {
            match by_key.get(&key) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(key, i);
                }
            }
        }
        // A known outlet's name also reaches outlets found by head word elsewhere.
        if a.fixed_id.is_some() {
            for s in &a.strong {
                let key = format!("{}:{s}", class(a.kind));
                match by_key.get(&key) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        by_key.insert(key, i);
                    }
                }
            }
        }
    }
    join_surnames(&flat, &mut uf);

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..flat.len() {
        let r = uf.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut ids_of: Vec<String> = vec![String::new(); flat.len()];
    let mut graph = Graph::new();
    graph.documents = extractions.len();
    let mut nodes: Vec<Actor> = groups
        .values()
        .map(|members| group_actor(extractions, &flat, members))
        .collect();
    disambiguate(&mut nodes);
    for (members, node) in groups.values().zip(&nodes) {
        for &m in members {
            ids_of[m] = node.id.clone();
        }
    }
    // Names only the tagger vouches for become nodes when the text relates them to something,
    // repeats them, or gives a full personal name.
    let mut related: BTreeSet<String> = BTreeSet::new();
    for (d, ex) in extractions.iter().enumerate() {
        for r in &ex.relations {
            related.insert(ids_of[offset[d] + r.source].clone());
            if let Some(t) = r.target {
                related.insert(ids_of[offset[d] + t].clone());
            }
        }
    }
    for (members, node) in groups.values().zip(nodes) {
        // A full personal name, or a name repeated, is evidence enough on its own.
        let weak = members.iter().all(|&m| flat[m].1.weak)
            && node.mentions < 2
            && !(node.kind.is_person() && node.label.split_whitespace().count() >= 2);
        if !weak || related.contains(&node.id) {
            graph.add_actor(node);
        }
    }
    for (d, part) in extractions.iter().enumerate() {
        graph.add_actor(document_node(&part.document));
        let doc_node = document_id(&part.document.stem);
        for r in &part.relations {
            let source = &ids_of[offset[d] + r.source];
            let target = match r.target {
                Some(t) => ids_of[offset[d] + t].clone(),
                None => doc_node.clone(),
            };
            graph.add_evidence(source, r.kind, &target, r.evidence.clone());
        }
    }
    graph
}

/// A person named only by a surname in one document joins the single person of the corpus
/// whose full name has that surname.
fn join_surnames(flat: &[(usize, &LocalActor)], uf: &mut UnionFind) {
    let mut full: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, (_, a)) in flat.iter().enumerate() {
        let words: Vec<&str> = a.label.split_whitespace().collect();
        if class(a.kind) == "person" && words.len() >= 2 {
            for w in [words[0], words[words.len() - 1]] {
                full.entry(fold(w)).or_default().insert(i);
            }
        }
    }
    let single: Vec<usize> = (0..flat.len())
        .filter(|&i| class(flat[i].1.kind) == "person" && flat[i].1.label.split_whitespace().count() == 1)
        .collect();
    for i in single {
        let Some(holders) = full.get(&fold(&flat[i].1.label)) else {
            continue;
        };
        let roots: BTreeSet<usize> = holders.iter().map(|&h| uf.find(h)).collect();
        if roots.len() == 1 {
            let r = *roots.iter().next().unwrap();
            uf.union(i, r);
        }
    }
}

fn group_actor(docs: &[Partial], flat: &[(usize, &LocalActor)], members: &[usize]) -> Actor {
    let mut label_votes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kind_votes: BTreeMap<(u8, ActorKind), usize> = BTreeMap::new();
    let mut aliases = BTreeSet::new();
    let mut documents = BTreeSet::new();
    let mut mentions = 0;
    let mut fixed = None;
    for &m in members {
        let (d, a) = flat[m];
        *label_votes.entry(a.label.as_str()).or_default() += a.mentions.max(1);
        *kind_votes.entry((a.kind_strength, a.kind)).or_default() += 1;
        aliases.insert(a.label.clone());
        aliases.extend(a.aliases.iter().cloned());
        documents.insert(docs[d].document.path.clone());
        mentions += a.mentions;
        if fixed.is_none() {
            fixed = a.fixed_id.clone();
        }
    }
    // Full names beat short forms, then the most mentioned spelling, then the first in order.
    let label = label_votes
        .iter()
        .max_by(|a, b| {
            let wa = a.0.split_whitespace().count().min(3);
            let wb = b.0.split_whitespace().count().min(3);
            (wa, a.1).cmp(&(wb, b.1)).then_with(|| b.0.cmp(a.0))
        })
        .map(|(l, _)| l.to_string())
        .unwrap_or_default();
    let top_strength = kind_votes.keys().map(|k| k.0).max().unwrap_or(0);
    let kind = kind_votes
        .iter()
        .filter(|(k, _)| k.0 == top_strength)
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| rank(a.0.1).cmp(&rank(b.0.1))))
        .map(|(k, _)| k.1)
        .unwrap_or(ActorKind::Person);
    aliases.remove(&label);
    Actor {
        id: fixed.unwrap_or_else(|| slug(&label)),
        label,
        kind,
        aliases,
        mentions,
        documents,
        path: None,
    }
}

fn rank(k: ActorKind) -> u8 {
    match k {
        ActorKind::Leader => 3,
        ActorKind::Analyst => 2,
        _ => 1,
    }
}

/// Two different actors whose labels slug alike get `-2`, `-3`… in label order.
fn disambiguate(nodes: &mut [Actor]) {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        (&nodes[a].id, &nodes[a].label, nodes[a].kind).cmp(&(&nodes[b].id, &nodes[b].label, nodes[b].kind))
    });
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for i in order {
        let n = seen.entry(nodes[i].id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            nodes[i].id = format!("{}-{}", nodes[i].id, n);
        }
    }
}

fn document_node(doc: &partial::DocMeta) -> Actor {
    Actor {
        id: document_id(&doc.stem),
        label: doc.label.clone(),
        kind: ActorKind::Document,
        aliases: BTreeSet::new(),
        mentions: 0,
        documents: BTreeSet::from([doc.path.clone()]),
        path: Some(doc.path.clone()),
    }
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
