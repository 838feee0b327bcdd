//! `graphgen diff`: what changed between two graphs, each built from a corpus or read from a
//! graph JSON. This module owns the diff model: the union of both graphs, every node and edge
//! tagged added, removed, changed or unchanged. `matching` decides which actors are the same,
//! `filter` cuts both sides alike, and `text`, `json` and `dot` write the result.
//!
//! A diff is symmetric by construction: `diff(b, a)` is `diff(a, b).mirror()`, so nothing in
//! the matching may prefer one side.

mod dot;
mod filter;
mod json;
mod matching;
mod side;
mod text;

use crate::pipeline::Pipeline;
pub use filter::{Filter, parse_kind, parse_relation};
pub use side::{Side, load_side};

use crate::corpus::Problem;
use crate::graph::{Actor, ActorKind, Graph, Relation, RelationKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What happened to a node or an edge between the left (old) and the right (new) side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// One node of the union graph, with the actor as each side has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDiff {
    /// Its id in the union: the id both sides share, or, for a pair matched by name, the
    /// smaller of the two ids (so the choice does not depend on which side is which).
    pub id: String,
    pub left: Option<Actor>,
    pub right: Option<Actor>,
}

/// One edge of the union graph, keyed by union ids, with the relation as each side has it
/// (in that side's own ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeDiff {
    pub source: String,
    pub relation: RelationKind,
    pub target: String,
    pub left: Option<Relation>,
    pub right: Option<Relation>,
}

/// The size of one side, after filtering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub nodes: usize,
    pub edges: usize,
}

/// The whole comparison: nodes sorted by union id, edges by (source, relation, target).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub left: Counts,
    pub right: Counts,
    pub nodes: Vec<NodeDiff>,
    pub edges: Vec<EdgeDiff>,
}

/// A diff with what it was made from, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The inputs of each side, as the user named them.
    pub left: Vec<String>,
    pub right: Vec<String>,
    pub filter: Filter,
    pub diff: Diff,
}

/// Output formats of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Dot,
}

fn status_of<T: PartialEq>(left: Option<&T>, right: Option<&T>, same: impl Fn(&T, &T) -> bool) -> Status {
    match (left, right) {
        (None, _) => Status::Added,
        (_, None) => Status::Removed,
        (Some(l), Some(r)) if same(l, r) => Status::Unchanged,
        _ => Status::Changed,
    }
}

impl NodeDiff {
    pub fn status(&self) -> Status {
        status_of(self.left.as_ref(), self.right.as_ref(), |l, r| {
            l.kind == r.kind && l.label == r.label && l.aliases == r.aliases && l.mentions == r.mentions
        })
    }

    /// The actor as it is now: the right side's, else the left's.
    pub fn current(&self) -> &Actor {
        self.right
            .as_ref()
            .or(self.left.as_ref())
            .expect("a node is on one side at least")
    }

    fn both(&self) -> Option<(&Actor, &Actor)> {
        self.left.as_ref().zip(self.right.as_ref())
    }

    pub fn kind_change(&self) -> Option<(ActorKind, ActorKind)> {
        self.both()
            .filter(|(l, r)| l.kind != r.kind)
            .map(|(l, r)| (l.kind, r.kind))
    }

    pub fn label_change(&self) -> Option<(&str, &str)> {
        self.both()
            .filter(|(l, r)| l.label != r.label)
            .map(|(l, r)| (l.label.as_str(), r.label.as_str()))
    }

    /// Aliases only the right side has, and aliases only the left side has.
    pub fn alias_change(&self) -> Option<(Vec<&str>, Vec<&str>)> {
        let (l, r) = self.both().filter(|(l, r)| l.aliases != r.aliases)?;
        Some((only_in(&r.aliases, &l.aliases), only_in(&l.aliases, &r.aliases)))
    }

    pub fn mention_change(&self) -> Option<(usize, usize)> {
        self.both()
            .filter(|(l, r)| l.mentions != r.mentions)
            .map(|(l, r)| (l.mentions, r.mentions))
    }

    fn mirror(self) -> NodeDiff {
        NodeDiff {
            left: self.right,
            right: self.left,
            ..self
        }
    }
}

fn only_in<'a>(a: &'a BTreeSet<String>, b: &BTreeSet<String>) -> Vec<&'a str> {
    a.iter().filter(|x| !b.contains(*x)).map(String::as_str).collect()
}

impl EdgeDiff {
    /// Edges are compared by weight, the number of pieces of evidence; the same weight from
    /// other sentences is the same tie.
    pub fn status(&self) -> Status {
        status_of(self.left.as_ref(), self.right.as_ref(), |l, r| l.weight() == r.weight())
    }

    /// Weights on the left and the right, 0 where the edge is missing.
    pub fn weights(&self) -> (usize, usize) {
        let w = |r: &Option<Relation>| r.as_ref().map_or(0, Relation::weight);
        (w(&self.left), w(&self.right))
    }

    /// The relation as it is now: the right side's, else the left's.
    pub fn current(&self) -> &Relation {
        self.right
            .as_ref()
            .or(self.left.as_ref())
            .expect("an edge is on one side at least")
    }

    fn mirror(self) -> EdgeDiff {
        EdgeDiff {
            left: self.right,
            right: self.left,
            ..self
        }
    }
}

impl Diff {
    /// True when the two sides are the same graph.
    pub fn is_empty(&self) -> bool {
        self.nodes.iter().all(|n| n.status() == Status::Unchanged)
            && self.edges.iter().all(|e| e.status() == Status::Unchanged)
    }

    pub fn node(&self, id: &str) -> Option<&NodeDiff> {
        self.nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }

    pub fn nodes_with(&self, status: Status) -> impl Iterator<Item = &NodeDiff> {
        self.nodes.iter().filter(move |n| n.status() == status)
    }

    pub fn edges_with(&self, status: Status) -> impl Iterator<Item = &EdgeDiff> {
        self.edges.iter().filter(move |e| e.status() == status)
    }

    /// The diff the other way round: added and removed swap, and so do both sides' values.
    pub fn mirror(self) -> Diff {
        Diff {
            left: self.right,
            right: self.left,
            nodes: self.nodes.into_iter().map(NodeDiff::mirror).collect(),
            edges: self.edges.into_iter().map(EdgeDiff::mirror).collect(),
        }
    }
}

impl Report {
    pub fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Text => text::write(self, out),
            Format::Json => json::write(self, out),
            Format::Dot => dot::write(self, out),
        }
    }

    pub fn mirror(self) -> Report {
        Report {
            left: self.right,
            right: self.left,
            filter: self.filter,
            diff: self.diff.mirror(),
        }
    }
}

impl Format {
    /// The format a file name asks for: `.json`, `.dot` or `.gv`, else the text report.
    pub fn for_output(path: Option<&Path>) -> Format {
        match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some("json") => Format::Json,
            Some("dot") | Some("gv") => Format::Dot,
            _ => Format::Text,
        }
    }
}

/// Loads both sides from their paths and compares them. The problems are those of the
/// corpora's inputs (reported, not fatal, as for `graphgen` itself).
///
/// Errors: a side's graph JSON cannot be read or is not graphgen's; stdin on both sides.
/// Corpora are read through `pipeline` (its size cap, threads, lexicon and stop list).
pub fn run(
    pipeline: &Pipeline,
    left: &[PathBuf],
    right: &[PathBuf],
    filter: &Filter,
) -> crate::Result<(Report, Vec<Problem>)> {
    let stdin = |paths: &[PathBuf]| paths.iter().any(|p| p.as_os_str() == "-");
    if stdin(left) && stdin(right) {
        return Err(crate::Error::Invalid {
            what: "-".into(),
            message: "stdin can feed one side only; save one side to a file".into(),
        });
    }
    let left = side::load_side(pipeline, left)?;
    let right = side::load_side(pipeline, right)?;
    // An ego missing from one side is news (the actor came or went); from both, a typo.
    if let Some(ego) = &filter.ego
        && filter.try_apply(&left.graph).is_err()
        && filter.try_apply(&right.graph).is_err()
    {
        return Err(crate::Error::Invalid {
            what: format!("--ego {:?}", ego.name),
            message: "no actor of either side has this name, id or alias; check the spelling".into(),
        });
    }
    let report = compare(&left, &right, filter);
    Ok((report, [left.problems, right.problems].concat()))
}

/// Compares two loaded sides after cutting both with the same filter.
pub fn compare(left: &Side, right: &Side, filter: &Filter) -> Report {
    Report {
        left: left.inputs.clone(),
        right: right.inputs.clone(),
        filter: filter.clone(),
        diff: diff(&filter.apply(&left.graph), &filter.apply(&right.graph)),
    }
}

/// Compares two graphs: actors matched by id, then by name (see `matching`), relations by
/// (source, relation, target) in union ids, symmetric ones unordered.
pub fn diff(left: &Graph, right: &Graph) -> Diff {
    let pairs = matching::match_actors(left, right);
    let mut left_ids = HashMap::new();
    let mut right_ids = HashMap::new();
    let mut nodes = Vec::with_capacity(pairs.len());
    for (l, r) in pairs {
        let id = match (l, r) {
            (Some(l), Some(r)) => l.id.as_str().min(r.id.as_str()),
            (Some(one), None) | (None, Some(one)) => one.id.as_str(),
            (None, None) => continue,
        };
        if let Some(l) = l {
            left_ids.insert(l.id.as_str(), id.to_string());
        }
        if let Some(r) = r {
            right_ids.insert(r.id.as_str(), id.to_string());
        }
        nodes.push(NodeDiff {
            id: id.to_string(),
            left: l.cloned(),
            right: r.cloned(),
        });
    }
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut edges: BTreeMap<(String, RelationKind, String), EdgeDiff> = BTreeMap::new();
    for r in left.relations() {
        union_edge(&mut edges, r, &left_ids).left = Some(r.clone());
    }
    for r in right.relations() {
        union_edge(&mut edges, r, &right_ids).right = Some(r.clone());
    }
    Diff {
        left: counts(left),
        right: counts(right),
        nodes,
        edges: edges.into_values().collect(),
    }
}

fn union_edge<'a>(
    edges: &'a mut BTreeMap<(String, RelationKind, String), EdgeDiff>,
    r: &Relation,
    ids: &HashMap<&str, String>,
) -> &'a mut EdgeDiff {
    // Every end of a relation is an actor of its graph, and every actor got a union id.
    let (mut s, mut t) = (ids[r.source.as_str()].clone(), ids[r.target.as_str()].clone());
    if r.kind.is_symmetric() && t < s {
        std::mem::swap(&mut s, &mut t);
    }
    edges.entry((s.clone(), r.kind, t.clone())).or_insert_with(|| EdgeDiff {
        source: s,
        relation: r.kind,
        target: t,
        left: None,
        right: None,
    })
}

fn counts(g: &Graph) -> Counts {
    Counts {
        documents: g.documents,
        nodes: g.actor_count(),
        edges: g.relation_count(),
    }
}

#[cfg(test)]
mod tests;
