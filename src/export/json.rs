//! Node-link JSON, the layout networkx's `node_link_graph` reads (key `edges`).
//!
//! The field order of the structs below is the order of the keys in the output: the
//! contract in ONTOLOGY.md fixes it, and serde keeps declaration order.

use super::Exporter;
use crate::graph::{Actor, ActorKind, DocPath, DocSet, Evidence, Graph, Relation, RelationKind};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

pub struct Json;

impl Exporter for Json {
    fn extension(&self) -> &'static str {
        "json"
    }

    /// Written by hand around the two arrays, whose items are serialised in parallel (on the
    /// current rayon pool): the bytes are those `serde_json::to_writer_pretty` writes.
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let generator = serde_json::to_string(crate::GENERATOR)?;
        write!(
            out,
            "{{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {{\n    \"generator\": {generator},\n    \"documents\": {}\n  }},\n  \"nodes\": ",
            graph.documents
        )?;
        let facts = super::Facts::of(graph);
        let actors: Vec<&Actor> = graph.actors().collect();
        // Sizes roughly as written: a document path or alias a line of about 60 bytes.
        let node_size = |a: &&Actor| 300 + 60 * (a.documents.len() + a.quoted_in.len() + a.aliases.len());
        write_array(out, &actors, node_size, |a| {
            let id = a.id.as_str();
            let span = facts.span(id);
            Node {
                degree: facts.degree(id),
                community: facts.community(id),
                first: span.map(|s| s.0),
                last: span.map(|s| s.1),
                ..Node::from(*a)
            }
        })?;
        out.write_all(b",\n  \"edges\": ")?;
        let relations: Vec<&Relation> = graph.relations().collect();
        let edge_size = |r: &&Relation| 300 + r.evidence.iter().map(|e| 250 + e.sentence.len()).sum::<usize>();
        write_array(out, &relations, edge_size, |r| Edge::from(*r))?;
        out.write_all(b"\n}\n")
    }
}

/// Items serialised at a time, at most: enough to keep every thread busy, few enough that
/// the serialised text held at once stays small next to the graph.
const WINDOW: usize = 4096;

/// Text serialised at a time, at most (roughly, by the items' estimated sizes): an actor of
/// a large corpus lists tens of thousands of documents, so a count of items alone would
/// let a window hold most of the output.
const WINDOW_BYTES: usize = 8 << 20;

/// `items` cut into windows of at most `WINDOW` items and about `WINDOW_BYTES` (an item larger
/// than that is a window of its own).
fn windows<I>(items: &[I], size: impl Fn(&I) -> usize) -> Vec<&[I]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        let n = size(item);
        if i > start && (i - start == WINDOW || bytes + n > WINDOW_BYTES) {
            out.push(&items[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += n;
    }
    if start < items.len() {
        out.push(&items[start..]);
    }
    out
}

/// Writes `items` as the array serde_json's pretty printer writes as the value of a key of
/// the top object: `[]`, or one item a line block indented by four spaces. The items of a
/// window are serialised in parallel while the window before is written, in order.
fn write_array<I: Sync, T: Serialize>(
    out: &mut dyn Write,
    items: &[I],
    size: impl Fn(&I) -> usize,
    view: impl Fn(&I) -> T + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut pending = Vec::new();
    for (w, window) in windows(items, size).into_iter().enumerate() {
        let mut next = Vec::new();
        let mut written = Ok(());
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| next = serialise(w == 0, window, &view));
            written = write_texts(out, std::mem::take(&mut pending));
        });
        written?;
        pending = next;
    }
    write_texts(out, pending)?;
    out.write_all(b"\n  ]")
}

/// The items of one window as text, in chunks serialised in parallel; `first` for the
/// window that opens the array (its first item takes no comma).
fn serialise<I: Sync, T: Serialize>(
    first: bool,
    window: &[I],
    view: &(impl Fn(&I) -> T + Sync),
) -> Vec<io::Result<Vec<u8>>> {
    window
        .par_chunks(64)
        .enumerate()
        .map(|(c, chunk)| {
            let mut text = Vec::new();
            for (i, item) in chunk.iter().enumerate() {
                let opens = first && c == 0 && i == 0;
                text.extend_from_slice(if opens { b"\n    " } else { b",\n    " });
                let one = serde_json::to_vec_pretty(&view(item))?;
                // Nested one level deeper than alone: every line break takes the indent
                // (strings never hold a raw line break, JSON escapes it).
                for (j, line) in one.split(|&b| b == b'\n').enumerate() {
                    if j > 0 {
                        text.extend_from_slice(b"\n    ");
                    }
                    text.extend_from_slice(line);
                }
            }
            Ok(text)
        })
        .collect()
}

fn write_texts(out: &mut dyn Write, texts: Vec<io::Result<Vec<u8>>>) -> io::Result<()> {
    for text in texts {
        out.write_all(&text?)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    label: &'a str,
    kind: ActorKind,
    aliases: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    mentions: usize,
    /// How many relations (edges of any kind, either direction) the node has.
    degree: usize,
    /// The node's community (Louvain; 0 the largest), see `graph::community`.
    community: usize,
    /// The first and last day of the node's dated evidence (a document: its own date).
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
    /// Document nodes: the publication day and the article's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    documents: &'a DocSet,
    /// Only with `--no-documents`: where the actor is quoted, as document paths.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    quoted_in: &'a BTreeSet<DocPath>,
    /// Only for actors of the user's lexicon that give them.
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    /// For actors linked to the actor dictionary: the entry's CAMEO code.
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'a str>,
}

impl<'a> From<&'a Actor> for Node<'a> {
    fn from(a: &'a Actor) -> Node<'a> {
        // The contract requires `path` on document nodes, so one is always written for them.
        let path = match (a.kind, a.path.as_deref()) {
            (_, Some(p)) => Some(p),
            (ActorKind::Document, None) => Some(""),
            (_, None) => None,
        };
        Node {
            id: &a.id,
            label: &a.label,
            kind: a.kind,
            aliases: &a.aliases,
            path,
            mentions: a.mentions,
            degree: 0,
            community: 0,
            first: None,
            last: None,
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            byline: a.byline.as_deref(),
            documents: &a.documents,
            quoted_in: &a.quoted_in,
            country: a.country.as_deref(),
            role: a.role.as_deref(),
            cameo: a.cameo.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Edge<'a> {
    source: &'a str,
    target: &'a str,
    /// networkx keys the parallel edges of a multigraph; the relation is unique per pair.
    key: RelationKind,
    relation: RelationKind,
    weight: usize,
    /// The first and last day of the edge's dated evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
    evidence: &'a [Evidence],
}

impl<'a> From<&'a Relation> for Edge<'a> {
    fn from(r: &'a Relation) -> Edge<'a> {
        let span = r.span();
        Edge {
            source: &r.source,
            target: &r.target,
            key: r.kind,
            relation: r.kind,
            weight: r.weight(),
            first: span.map(|s| s.0),
            last: span.map(|s| s.1),
            evidence: &r.evidence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 1,
            ..Actor::new(id, id.to_uppercase(), kind)
        }
    }

    fn render(g: &Graph) -> String {
        let mut out = Vec::new();
        Json.write(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn windows_hold_a_bounded_count_and_size_and_every_item_once() {
        let big = WINDOW_BYTES;
        for (sizes, lens) in [
            (vec![], vec![]),
            (vec![1; WINDOW * 2 + 1], vec![WINDOW, WINDOW, 1]),
            (vec![big / 2, big / 2, 1, big * 3, 1], vec![2, 1, 1, 1]),
            (vec![big * 2], vec![1]),
        ] {
            let got: Vec<usize> = windows(&sizes, |&n| n).iter().map(|w| w.len()).collect();
            assert_eq!(got, lens, "{:?}", &sizes[..sizes.len().min(5)]);
        }
    }

    #[test]
    fn empty_graph_has_every_top_level_key() {
        let text = render(&Graph::new());
        let want = format!(
            "{{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {{\n    \"generator\": \"{}\",\n    \"documents\": 0\n  }},\n  \"nodes\": [],\n  \"edges\": []\n}}\n",
            crate::GENERATOR
        );
        assert_eq!(text, want);
    }

    #[test]
    fn document_nodes_always_carry_a_path_and_actors_never_invent_one() {
        let mut g = Graph::new();
        g.add_actor(actor("doc:x", ActorKind::Document));
        g.add_actor(actor("someone", ActorKind::Person));
        let v: serde_json::Value = serde_json::from_str(&render(&g)).unwrap();
        assert_eq!(v["nodes"][0]["path"], "");
        assert!(v["nodes"][1].get("path").is_none());
    }

    #[test]
    fn edge_keys_in_contract_order() {
        let mut g = Graph::new();
        g.add_actor(actor("a", ActorKind::Leader));
        g.add_actor(actor("b", ActorKind::Leader));
        let ev = Evidence {
            document: "d.txt".into(),
            start: 3,
            end: 9,
            sentence: "s".into(),
            trigger: "t".into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        };
        g.add_evidence("a", RelationKind::AlliedWith, "b", ev);
        let text = render(&g);
        let edge = &text[text.find("\"edges\"").unwrap()..];
        let keys = [
            "source", "target", "key", "relation", "weight", "evidence", "document", "start", "end", "sentence",
            "trigger",
        ];
        let positions: Vec<usize> = keys.iter().map(|k| edge.find(&format!("\"{k}\"")).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{edge}");
        assert!(edge.contains("\"key\": \"allied-with\""));
    }
}
