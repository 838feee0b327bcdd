//! The diff as JSON, for programs. The structure (documented in the README, "Compare two
//! corpora"):
//!
//! ```text
//! {generator, left: {inputs, documents, nodes, edges}, right: {...}, filter,
//!  summary: {nodes: {added, removed, changed, unchanged}, edges: {...}},
//!  nodes: {added: [node], removed: [node], changed: [{id, changes, left: node, right: node}]},
//!  edges: {added: [edge], removed: [edge],
//!          changed: [{source, target, relation, left: {source, target, weight}, right: {...}}]}}
//! ```
//!
//! Ids in `id`, `source` and `target` are union ids; `left` and `right` carry each side's
//! own. Field order is declaration order, so the output is byte-stable.

use super::{EdgeDiff, NodeDiff, Report, Status};
use crate::graph::{Actor, ActorKind, Evidence, Relation, RelationKind};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

#[derive(Serialize)]
struct Out<'a> {
    generator: &'static str,
    left: SideOut<'a>,
    right: SideOut<'a>,
    filter: FilterOut,
    summary: Summary,
    nodes: Changes<NodeOut<'a>, NodeChange<'a>>,
    edges: Changes<EdgeOut<'a>, EdgeChange<'a>>,
}

#[derive(Serialize)]
struct SideOut<'a> {
    inputs: &'a [String],
    documents: usize,
    nodes: usize,
    edges: usize,
}

#[derive(Serialize)]
struct FilterOut {
    relation: Vec<RelationKind>,
    kind: Vec<ActorKind>,
    min_weight: Option<usize>,
    // The later filters are written only when used, so older readers see what they knew.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    no_documents: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    ego: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    depth: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top: Option<usize>,
}

#[derive(Serialize)]
struct Summary {
    nodes: Tally,
    edges: Tally,
}

#[derive(Serialize)]
struct Tally {
    added: usize,
    removed: usize,
    changed: usize,
    unchanged: usize,
}

#[derive(Serialize)]
struct Changes<T, C> {
    added: Vec<T>,
    removed: Vec<T>,
    changed: Vec<C>,
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    label: &'a str,
    kind: ActorKind,
    aliases: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    mentions: usize,
}

#[derive(Serialize)]
struct NodeChange<'a> {
    id: &'a str,
    /// Which of `kind`, `label`, `aliases`, `mentions` differ.
    changes: Vec<&'static str>,
    left: NodeOut<'a>,
    right: NodeOut<'a>,
}

#[derive(Serialize)]
struct EdgeOut<'a> {
    source: &'a str,
    target: &'a str,
    relation: RelationKind,
    weight: usize,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct EdgeChange<'a> {
    source: &'a str,
    target: &'a str,
    relation: RelationKind,
    left: EdgeSide<'a>,
    right: EdgeSide<'a>,
}

#[derive(Serialize)]
struct EdgeSide<'a> {
    source: &'a str,
    target: &'a str,
    weight: usize,
}

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let d = &report.diff;
    let doc = Out {
        generator: crate::GENERATOR,
        left: SideOut {
            inputs: &report.left,
            documents: d.left.documents,
            nodes: d.left.nodes,
            edges: d.left.edges,
        },
        right: SideOut {
            inputs: &report.right,
            documents: d.right.documents,
            nodes: d.right.nodes,
            edges: d.right.edges,
        },
        filter: FilterOut {
            relation: report.filter.relations.iter().copied().collect(),
            kind: report.filter.kinds.iter().copied().collect(),
            min_weight: report.filter.min_weight,
            no_documents: report.filter.no_documents,
            ego: report.filter.ego.as_ref().map(|e| e.name.clone()),
            depth: report.filter.ego.as_ref().map(|e| e.depth),
            top: report.filter.top,
        },
        summary: Summary {
            nodes: tally(d.nodes.iter().map(NodeDiff::status)),
            edges: tally(d.edges.iter().map(EdgeDiff::status)),
        },
        nodes: Changes {
            added: d.nodes_with(Status::Added).map(|n| node(n.current())).collect(),
            removed: d.nodes_with(Status::Removed).map(|n| node(n.current())).collect(),
            changed: d.nodes_with(Status::Changed).filter_map(node_change).collect(),
        },
        edges: Changes {
            added: d.edges_with(Status::Added).map(edge).collect(),
            removed: d.edges_with(Status::Removed).map(edge).collect(),
            changed: d.edges_with(Status::Changed).filter_map(edge_change).collect(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn tally(statuses: impl Iterator<Item = Status>) -> Tally {
    let mut t = Tally {
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: 0,
    };
    for s in statuses {
        match s {
            Status::Added => t.added += 1,
            Status::Removed => t.removed += 1,
            Status::Changed => t.changed += 1,
            Status::Unchanged => t.unchanged += 1,
        }
    }
    t
}

fn node(a: &Actor) -> NodeOut<'_> {
    NodeOut {
        id: &a.id,
        label: &a.label,
        kind: a.kind,
        aliases: &a.aliases,
        path: a.path.as_deref(),
        mentions: a.mentions,
    }
}

fn node_change(n: &NodeDiff) -> Option<NodeChange<'_>> {
    let (l, r) = (n.left.as_ref()?, n.right.as_ref()?);
    let changes = [
        ("kind", l.kind != r.kind),
        ("label", l.label != r.label),
        ("aliases", l.aliases != r.aliases),
        ("mentions", l.mentions != r.mentions),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect();
    Some(NodeChange {
        id: &n.id,
        changes,
        left: node(l),
        right: node(r),
    })
}

fn edge(e: &EdgeDiff) -> EdgeOut<'_> {
    let r = e.current();
    EdgeOut {
        source: &e.source,
        target: &e.target,
        relation: e.relation,
        weight: r.weight(),
        evidence: &r.evidence,
    }
}

fn edge_side(r: &Relation) -> EdgeSide<'_> {
    EdgeSide {
        source: &r.source,
        target: &r.target,
        weight: r.weight(),
    }
}

fn edge_change(e: &EdgeDiff) -> Option<EdgeChange<'_>> {
    Some(EdgeChange {
        source: &e.source,
        target: &e.target,
        relation: e.relation,
        left: edge_side(e.left.as_ref()?),
        right: edge_side(e.right.as_ref()?),
    })
}
