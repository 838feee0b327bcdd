//! Cuts that make a picture readable, applied after extraction and before export, the same
//! for every format and for `diff`: kinds, relations, a minimum weight, one actor's
//! neighbourhood (`ego`), the N actors of highest weighted degree (`top`), and documents folded
//! into their actors (`no_documents`).
//!
//! Order matters and is fixed: kinds, relations and weights first (the question asked), then
//! documents folded away, then the neighbourhood, then lone actors (`connected_only`, what a
//! picture leaves out by default), then the top N of what is left.

use crate::graph::fold;
use crate::graph::{Actor, ActorKind, DocPath, Evidence, Graph, Relation, RelationKind};
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

/// One actor's neighbourhood: the actors within `depth` edges of it, either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ego {
    /// Matched, case-folded, against an actor's id, label or any alias.
    pub name: String,
    pub depth: usize,
}

/// What to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only edges of these relations.
    pub relations: BTreeSet<RelationKind>,
    /// Keep only nodes of these kinds, and the edges between them.
    pub kinds: BTreeSet<ActorKind>,
    /// Keep only edges with at least this many pieces of evidence.
    pub min_weight: Option<usize>,
    /// Keep one actor's neighbourhood.
    pub ego: Option<Ego>,
    /// Keep the N actors of highest weighted degree (the evidence on their edges; ties by
    /// mentions, then id), the edges among them and the documents those edges need.
    pub top: Option<usize>,
    /// Hide document nodes; each actor lists the documents it is quoted in as `quoted_in`.
    pub no_documents: bool,
    /// Keep only evidence published in this period; edges left without evidence go, and the
    /// actors left without edges (undated evidence is in no closed period).
    pub period: crate::graph::Period,
    /// Keep only nodes with at least one edge: a picture of a corpus is otherwise mostly a
    /// ring of actors named once and tied to nothing (DOT and HTML by default).
    pub connected_only: bool,
}

/// The `--ego` name matches no node, or several.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownEgo {
    #[error(
        "--ego {0:?}: no actor has this name, id or alias; check the spelling against the graph JSON (`graphgen INPUT --json`)"
    )]
    Missing(String),
    #[error("--ego {name:?} names {} actors; pass one of their ids instead:\n{}", .matches.len(), list(.matches))]
    Ambiguous {
        name: String,
        /// `(id, label)` of each actor the name matches, in id order.
        matches: Vec<(String, String)>,
    },
}

fn list(matches: &[(String, String)]) -> String {
    matches
        .iter()
        .map(|(id, label)| format!("  --ego {id}    ({label})"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Filter {
    /// True when some edges may be cut for what they are, not for their ends.
    fn cuts_edges(&self) -> bool {
        !self.relations.is_empty() || self.min_weight.is_some() || !self.period.is_open()
    }

    /// True when the documents may be folded into their actors while the graph is merged
    /// (`Merger::folding_documents`) with the same result: `no_documents` is asked and
    /// nothing cut before the fold looks at documents or edges.
    pub fn folds_documents_first(&self) -> bool {
        self.no_documents && self.kinds.is_empty() && !self.cuts_edges()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && !self.cuts_edges()
            && self.ego.is_none()
            && self.top.is_none()
            && !self.no_documents
            && !self.connected_only
    }

    /// The graph cut down; an `ego` that names no actor gives an empty graph (see `try_apply`).
    pub fn apply(&self, graph: &Graph) -> Graph {
        self.try_apply(graph).unwrap_or_else(|_| Graph {
            documents: graph.documents,
            ..Graph::default()
        })
    }

    /// The graph cut down, or the `ego` name that matches nothing.
    pub fn try_apply(&self, graph: &Graph) -> Result<Graph, UnknownEgo> {
        if self.is_empty() {
            return Ok(graph.clone());
        }
        let mut g = self.cut(graph);
        if self.no_documents {
            g = fold_documents(&g);
        }
        if let Some(ego) = &self.ego {
            g = neighbourhood(&g, ego)?;
        }
        if self.connected_only {
            g = connected(&g);
        }
        if let Some(n) = self.top {
            g = top(&g, n);
            if self.connected_only {
                // An actor of the top N may have had ties only outside it.
                g = connected(&g);
            }
        }
        Ok(g)
    }

    /// As [`Filter::try_apply`], but takes the graph: with nothing to cut it comes back as it
    /// is, so a plain run never holds two copies of a large graph.
    pub fn try_apply_owned(&self, graph: Graph) -> Result<Graph, UnknownEgo> {
        if self.is_empty() {
            Ok(graph)
        } else {
            self.try_apply(&graph)
        }
    }

    /// Kinds, relations and weights. When relations or weights cut edges, actors left without
    /// any edge go too: the question was about those ties, and their ends are what is left.
    fn cut(&self, graph: &Graph) -> Graph {
        let kind_ok = |id: &str| self.kinds.is_empty() || graph.actor(id).is_some_and(|a| self.kinds.contains(&a.kind));
        let in_period = |e: &Evidence| self.period.contains(e.date.as_deref());
        // The weight floor counts the evidence left in the period; without one, every piece
        // read (kept or not, `--max-evidence`).
        let weight = |r: &Relation| {
            if self.period.is_open() {
                r.weight()
            } else {
                r.evidence.iter().filter(|e| in_period(e)).count()
            }
        };
        let edge_ok = |r: &Relation| {
            (self.relations.is_empty() || self.relations.contains(&r.kind))
                && weight(r) >= self.min_weight.unwrap_or(1)
                && kind_ok(&r.source)
                && kind_ok(&r.target)
        };
        let edges: Vec<_> = graph.relations().filter(|r| edge_ok(r)).collect();
        let linked: HashSet<&str> = edges
            .iter()
            .flat_map(|r| [r.source.as_str(), r.target.as_str()])
            .collect();
        let keep = |a: &Actor| kind_ok(&a.id) && (!self.cuts_edges() || linked.contains(a.id.as_str()));
        let mut out = Graph::new();
        out.documents = graph.documents;
        for a in graph.actors().filter(|a| keep(a)) {
            out.add_actor(a.clone());
        }
        for r in edges {
            if self.period.is_open() {
                out.add_relation(r.clone());
                continue;
            }
            // Evidence not kept has no date: a period counts only what was kept.
            for e in r.evidence.iter().filter(|e| in_period(e)) {
                out.add_evidence(&r.source, r.kind, &r.target, e.clone());
            }
        }
        out
    }
}

/// The actors `keep` accepts, with their own clones, and the edges `edge_ok` accepts
/// between them.
fn subgraph(graph: &Graph, keep: impl Fn(&Actor) -> bool, edge_ok: impl Fn(&Relation) -> bool) -> Graph {
    let mut out = Graph::new();
    out.documents = graph.documents;
    for a in graph.actors().filter(|a| keep(a)) {
        out.add_actor(a.clone());
    }
    for r in graph.relations().filter(|r| edge_ok(r)) {
        // add_relation refuses edges whose ends were not kept.
        out.add_relation(r.clone());
    }
    out
}

/// The nodes with at least one edge, and every edge.
fn connected(graph: &Graph) -> Graph {
    let linked: HashSet<&str> = graph
        .relations()
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    subgraph(graph, |a| linked.contains(a.id.as_str()), |_| true)
}

/// Documents removed; each quoted-in edge becomes the actor's `quoted_in` path.
fn fold_documents(graph: &Graph) -> Graph {
    let mut quoted: BTreeMap<&str, BTreeSet<DocPath>> = BTreeMap::new();
    for r in graph.relations().filter(|r| r.kind == RelationKind::QuotedIn) {
        if let Some(doc) = graph.actor(&r.target).filter(|d| d.kind == ActorKind::Document) {
            let path = doc.path.clone().unwrap_or_else(|| doc.id.as_str().into());
            quoted.entry(r.source.as_str()).or_default().insert(path);
        }
    }
    let mut out = Graph::new();
    out.documents = graph.documents;
    for a in graph.actors().filter(|a| a.kind != ActorKind::Document) {
        let mut a = a.clone();
        if let Some(paths) = quoted.get(a.id.as_str()) {
            a.quoted_in.extend(paths.iter().cloned());
        }
        out.add_actor(a);
    }
    for r in graph.relations() {
        out.add_relation(r.clone());
    }
    out
}

/// The node `name` means: an exact id always; else the one node whose folded id, label or
/// alias is the folded name. Several such nodes are an error that lists them, since picking
/// one (the first in id order, as before) drew the wrong actor's neighbourhood without a word.
fn find_actor<'g>(graph: &'g Graph, name: &str) -> Result<&'g Actor, UnknownEgo> {
    if let Some(a) = graph.actor(name) {
        return Ok(a);
    }
    let want = fold(name);
    let found: Vec<&Actor> = graph
        .actors()
        .filter(|a| fold(&a.id) == want || fold(&a.label) == want || a.aliases.iter().any(|s| fold(s) == want))
        .collect();
    match found.as_slice() {
        [] => Err(UnknownEgo::Missing(name.to_string())),
        [one] => Ok(one),
        many => Err(UnknownEgo::Ambiguous {
            name: name.to_string(),
            matches: many.iter().map(|a| (a.id.clone(), a.label.clone())).collect(),
        }),
    }
}

/// Breadth-first over edges in both directions, `depth` steps from the ego.
fn neighbourhood(graph: &Graph, ego: &Ego) -> Result<Graph, UnknownEgo> {
    let centre = find_actor(graph, &ego.name)?;
    let pg = graph.to_petgraph();
    let start = pg
        .node_indices()
        .find(|&i| pg[i].id == centre.id)
        .expect("every actor is a petgraph node");
    let mut seen: HashSet<&str> = HashSet::from([pg[start].id.as_str()]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((node, d)) = queue.pop_front() {
        if d == ego.depth {
            continue;
        }
        let around = pg
            .neighbors_directed(node, Direction::Outgoing)
            .chain(pg.neighbors_directed(node, Direction::Incoming));
        for next in around {
            if seen.insert(pg[next].id.as_str()) {
                queue.push_back((next, d + 1));
            }
        }
    }
    Ok(subgraph(graph, |a| seen.contains(a.id.as_str()), |_| true))
}

/// The `n` actors of highest weighted degree (the evidence on their edges, either
/// direction: node strength, Barrat et al. 2004), ties by mentions then id, and the edges
/// among them; a document stays only when a kept edge reaches it.
fn top(graph: &Graph, n: usize) -> Graph {
    let mut strength: BTreeMap<&str, (usize, usize)> = graph
        .actors()
        .filter(|a| a.kind != ActorKind::Document)
        .map(|a| (a.id.as_str(), (0, a.mentions)))
        .collect();
    for r in graph.relations() {
        for end in [&r.source, &r.target] {
            if let Some(e) = strength.get_mut(end.as_str()) {
                e.0 += r.weight();
            }
        }
    }
    let mut ranked: Vec<(&str, (usize, usize))> = strength.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let chosen: HashSet<&str> = ranked.into_iter().take(n).map(|(id, _)| id).collect();
    let is_doc = |id: &str| graph.actor(id).is_some_and(|a| a.kind == ActorKind::Document);
    let edge_ok = |s: &str, t: &str| (chosen.contains(s) || is_doc(s)) && (chosen.contains(t) || is_doc(t));
    let needed: HashSet<&str> = graph
        .relations()
        .filter(|r| edge_ok(&r.source, &r.target))
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    subgraph(
        graph,
        |a| chosen.contains(a.id.as_str()) || (a.kind == ActorKind::Document && needed.contains(a.id.as_str())),
        |_| true,
    )
}

fn one_of(names: &[&str]) -> String {
    format!("expected one of {}", names.join(", "))
}

/// Parses a relation name as written in the graph (`met-with`), for the command line.
pub fn parse_relation(s: &str) -> Result<RelationKind, String> {
    RelationKind::parse(s.trim()).ok_or_else(|| one_of(&RelationKind::ALL.map(RelationKind::as_str)))
}

/// Parses a kind name as written in the graph (`leader`), for the command line.
pub fn parse_kind(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(s.trim()).ok_or_else(|| one_of(&ActorKind::ALL.map(ActorKind::as_str)))
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
