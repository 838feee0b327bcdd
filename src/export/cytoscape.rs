//! Cytoscape.js `elements` JSON (`.cyjs`), which Cytoscape.js loads as it is and Cytoscape
//! desktop imports: every node and edge as `{"data": {...}}`, its look (colour, shape, size,
//! width, arrow) carried in the data so a style can map it, and the evidence of each edge as
//! parallel lists, since Cytoscape desktop makes columns of lists but not of objects. The
//! HTML page embeds the same document.

use super::style::{self, Arrow, edge_width, node_size};
use super::{Exporter, free_prefix};
use crate::graph::{Actor, DocSet, Graph, Relation};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};

pub struct Cytoscape;

impl Exporter for Cytoscape {
    fn extension(&self) -> &'static str {
        "cyjs"
    }

    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &document(graph))?;
        out.write_all(b"\n")
    }
}

/// The whole file; field order is the order written.
#[derive(Debug, Serialize)]
pub(super) struct Document<'a> {
    format_version: &'static str,
    generated_by: &'static str,
    target_cytoscapejs_version: &'static str,
    data: NetworkData,
    elements: Elements<'a>,
}

#[derive(Debug, Serialize)]
struct NetworkData {
    name: &'static str,
    documents: usize,
}

#[derive(Debug, Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

#[derive(Debug, Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Debug, Serialize)]
struct NodeData<'a> {
    id: Cow<'a, str>,
    /// What Cytoscape desktop shows as a node's name.
    name: &'a str,
    label: &'a str,
    kind: &'static str,
    aliases: &'a BTreeSet<String>,
    mentions: usize,
    degree: usize,
    /// Louvain community, 0 the largest (`graph::community`).
    community: usize,
    documents: &'a DocSet,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    /// Document nodes: publication day and address.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    /// The first and last day of the node's dated evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
    /// From the user's lexicon, when it gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    color: &'static str,
    border: &'static str,
    border_width: f64,
    shape: &'static str,
    size: f64,
}

#[derive(Debug, Serialize)]
struct EdgeData<'a> {
    id: String,
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    /// What Cytoscape desktop calls an edge's type.
    interaction: &'static str,
    relation: &'static str,
    weight: usize,
    symmetric: bool,
    color: &'static str,
    line_style: &'static str,
    width: f64,
    arrow: &'static str,
    arrow_fill: &'static str,
    evidence_document: Vec<&'a str>,
    evidence_start: Vec<usize>,
    evidence_end: Vec<usize>,
    evidence_sentence: Vec<&'a str>,
    evidence_trigger: Vec<&'a str>,
    /// The publication day of each piece of evidence, `""` when its document has none.
    evidence_date: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
}

/// The graph as a Cytoscape.js document. Edge ids get a prefix no node id has, since
/// Cytoscape.js wants ids unique across nodes and edges; it refuses an empty id, so that one
/// (possible only in a hand-edited graph) is written as a free prefix of its own.
pub(super) fn document(graph: &Graph) -> Document<'_> {
    let edge_prefix = free_prefix(graph, "edge:");
    let ids = Ids {
        empty: free_prefix(graph, "empty:"),
    };
    let facts = super::Facts::of(graph);
    Document {
        format_version: "1.0",
        generated_by: crate::GENERATOR,
        target_cytoscapejs_version: "~3.34",
        data: NetworkData {
            name: "graphgen",
            documents: graph.documents,
        },
        elements: Elements {
            nodes: graph
                .actors()
                .map(|a| Element {
                    data: node_data(&ids, &facts, a),
                })
                .collect(),
            edges: graph
                .relations()
                .enumerate()
                .map(|(i, r)| Element {
                    data: edge_data(&ids, format!("{edge_prefix}{i}"), r),
                })
                .collect(),
        },
    }
}

/// Element ids: the actor's id, unless Cytoscape.js would refuse it.
struct Ids {
    empty: String,
}

impl Ids {
    fn of<'a>(&self, id: &'a str) -> Cow<'a, str> {
        if id.is_empty() {
            Cow::Owned(self.empty.clone())
        } else {
            Cow::Borrowed(id)
        }
    }
}

fn node_data<'a>(ids: &Ids, facts: &super::Facts<'a>, actor: &'a Actor) -> NodeData<'a> {
    let s = style::kind_style(actor.kind);
    let span = facts.span(&actor.id);
    NodeData {
        id: ids.of(&actor.id),
        name: &actor.label,
        label: &actor.label,
        kind: actor.kind.as_str(),
        aliases: &actor.aliases,
        mentions: actor.mentions,
        degree: facts.degree(&actor.id),
        community: facts.community(&actor.id),
        documents: &actor.documents,
        path: actor.path.as_deref(),
        date: actor.date.as_deref(),
        url: actor.url.as_deref(),
        byline: actor.byline.as_deref(),
        first: span.map(|s| s.0),
        last: span.map(|s| s.1),
        country: actor.country.as_deref(),
        role: actor.role.as_deref(),
        color: s.fill,
        border: s.border,
        border_width: if s.bold { 2.5 } else { 1.0 },
        shape: s.shape.cytoscape(),
        size: node_size(actor),
    }
}

fn edge_data<'a>(ids: &Ids, id: String, relation: &'a Relation) -> EdgeData<'a> {
    let s = style::relation_style(relation.kind);
    let (arrow, arrow_fill) = match s.arrow {
        _ if relation.kind.is_symmetric() => ("none", "filled"),
        Arrow::Normal => ("triangle", "filled"),
        Arrow::Vee => ("vee", "filled"),
        Arrow::Empty => ("triangle", "hollow"),
    };
    let ev = &relation.evidence;
    let span = relation.span();
    EdgeData {
        id,
        source: ids.of(&relation.source),
        target: ids.of(&relation.target),
        interaction: relation.kind.as_str(),
        relation: relation.kind.as_str(),
        weight: relation.weight(),
        symmetric: relation.kind.is_symmetric(),
        color: s.color,
        line_style: s.line.dash(),
        width: edge_width(relation.weight()),
        arrow,
        arrow_fill,
        evidence_document: ev.iter().map(|e| &*e.document).collect(),
        evidence_start: ev.iter().map(|e| e.start).collect(),
        evidence_end: ev.iter().map(|e| e.end).collect(),
        evidence_sentence: ev.iter().map(|e| e.sentence.as_str()).collect(),
        evidence_trigger: ev.iter().map(|e| e.trigger.as_str()).collect(),
        evidence_date: ev.iter().map(|e| e.date.as_deref().unwrap_or("")).collect(),
        first: span.map(|s| s.0),
        last: span.map(|s| s.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ActorKind, Evidence, RelationKind};
    use serde_json::Value;

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 2,
            ..Actor::new(id, id.to_uppercase(), kind)
        }
    }

    fn ev(start: usize, sentence: &str, trigger: &str) -> Evidence {
        Evidence {
            document: "d.txt".into(),
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

    fn render(g: &Graph) -> Value {
        let mut out = Vec::new();
        Cytoscape.write(g, &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn elements_carry_data_and_look() {
        let mut g = Graph::new();
        g.add_actor(actor("ana", ActorKind::Analyst));
        g.add_actor(actor("inst", ActorKind::Institute));
        g.add_evidence("ana", RelationKind::AffiliatedTo, "inst", ev(4, "Ana of Inst.", "of"));
        g.add_evidence("ana", RelationKind::AffiliatedTo, "inst", ev(0, "Ana at Inst.", "at"));
        let v = render(&g);
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 2);
        assert_eq!(nodes[0]["data"]["id"], "ana");
        assert_eq!(nodes[0]["data"]["name"], "ANA");
        assert_eq!(nodes[0]["data"]["shape"], "ellipse");
        assert_eq!(nodes[1]["data"]["color"], "#A5D6A7");
        let edge = &v["elements"]["edges"][0]["data"];
        assert_eq!(edge["id"], "edge:0");
        assert_eq!(
            (edge["source"].as_str(), edge["target"].as_str()),
            (Some("ana"), Some("inst"))
        );
        assert_eq!(edge["weight"], 2);
        assert_eq!(
            (edge["arrow"].as_str(), edge["arrow_fill"].as_str()),
            (Some("triangle"), Some("hollow"))
        );
        assert_eq!(edge["evidence_start"], serde_json::json!([0, 4]));
        assert_eq!(edge["evidence_trigger"], serde_json::json!(["at", "of"]));
    }

    #[test]
    fn edge_ids_never_meet_node_ids() {
        let mut g = Graph::new();
        g.add_actor(actor("edge:0", ActorKind::Person));
        g.add_actor(actor("b", ActorKind::Person));
        g.add_evidence("edge:0", RelationKind::MetWith, "b", ev(0, "s", "met"));
        let v = render(&g);
        let edge = &v["elements"]["edges"][0]["data"];
        assert_eq!(edge["id"], "_edge:0");
        assert_eq!(edge["arrow"], "none", "met-with is symmetric");
    }

    #[test]
    fn the_empty_id_gets_one_cytoscape_accepts() {
        let mut g = Graph::new();
        g.add_actor(actor("", ActorKind::Person));
        g.add_actor(actor("empty:", ActorKind::Person));
        g.add_evidence("", RelationKind::MetWith, "empty:", ev(0, "s", "met"));
        let v = render(&g);
        assert_eq!(v["elements"]["nodes"][0]["data"]["id"], "_empty:");
        assert_eq!(v["elements"]["nodes"][1]["data"]["id"], "empty:");
        assert_eq!(v["elements"]["edges"][0]["data"]["source"], "_empty:");
    }
}
