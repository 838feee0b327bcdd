//! Scoring a graph against gold: nodes aligned to gold entities by name, then entities, kinds
//! and relations counted, exactly as `../shared/eval/score.py` counts them.
//!
//! Alignment: each actor node claims one gold entity whose folded name equals its folded
//! label (or, failing that, any folded alias). Nodes with more mentions claim first, so the
//! fragment of an actor is the one that counts as a duplicate. Relation ends go through the
//! alignment; an edge with an unaligned end is a stray false alarm.

use super::figures::{Scores, prf};
use super::fold::{doc_key, fold};
use super::gold::Gold;
use crate::graph::{Actor, ActorKind, Graph, RelationKind};
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeSet, HashMap};

/// A predicted node named in the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRef {
    pub id: String,
    pub label: String,
    pub kind: ActorKind,
    /// For a duplicate: the gold entity another node already claimed.
    pub gold: Option<String>,
}

/// One relation, with ends as gold ids or document keys (or, for a stray, predicted ids).
/// Ordered as score.py sorts its tuples: by the relation's name, then the ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triple {
    pub relation: RelationKind,
    pub source: String,
    pub target: String,
}

impl Triple {
    /// Symmetric relations are one triple per unordered pair.
    pub fn new(relation: RelationKind, source: &str, target: &str) -> Triple {
        let (s, t) = if relation.is_symmetric() && target < source {
            (target, source)
        } else {
            (source, target)
        };
        Triple {
            relation,
            source: s.to_string(),
            target: t.to_string(),
        }
    }

    fn key(&self) -> (&str, &str, &str) {
        (self.relation.as_str(), &self.source, &self.target)
    }
}

impl Ord for Triple {
    fn cmp(&self, other: &Triple) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Triple {
    fn partial_cmp(&self, other: &Triple) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A matched node whose kind is not the gold kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongKind {
    pub entity: String,
    pub predicted: ActorKind,
    pub gold: ActorKind,
}

/// The sizes behind the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub gold_entities: usize,
    pub pred_actors: usize,
    pub gold_relations: usize,
    pub optional_relations: usize,
    pub pred_relations: usize,
}

/// What went wrong, item by item, in score.py's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detail {
    /// Nodes that match no gold entity, in claiming order.
    pub unmatched_nodes: Vec<NodeRef>,
    /// Nodes whose gold entities were all claimed already, in claiming order.
    pub duplicate_nodes: Vec<NodeRef>,
    /// Gold ids no node claimed, sorted.
    pub missed_entities: Vec<String>,
    pub wrong_kinds: Vec<WrongKind>,
    /// Required gold relations not found, sorted.
    pub missed_relations: Vec<Triple>,
    /// Predicted relations between aligned ends that gold does not hold, sorted.
    pub wrong_relations: Vec<Triple>,
    /// Predicted relations with an end that matches no gold entity (predicted ids), sorted.
    pub stray_relations: Vec<Triple>,
    pub counts: Counts,
}

/// The result of scoring one graph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    pub scores: Scores,
    pub detail: Detail,
}

/// Where each predicted node landed.
struct Alignment<'g> {
    /// Predicted id to gold id or document key; `None` for an unmatched or duplicate node.
    mapping: HashMap<&'g str, Option<String>>,
    /// Actor nodes in claiming order.
    nodes: Vec<&'g Actor>,
    duplicates: Vec<NodeRef>,
    unmatched: Vec<NodeRef>,
}

/// Scores `graph` against `gold`.
pub fn score(gold: &Gold, graph: &Graph) -> Evaluation {
    let alignment = align(gold, graph);
    let mut detail = Detail::default();
    let mut scores = score_entities(gold, &alignment, &mut detail);
    score_relations(gold, graph, &alignment, &mut scores, &mut detail);
    detail.unmatched_nodes = alignment.unmatched;
    detail.duplicate_nodes = alignment.duplicates;
    Evaluation { scores, detail }
}

/// Folded gold name to the ids of the entities that carry it.
fn name_index(gold: &Gold) -> HashMap<String, BTreeSet<&str>> {
    let mut index: HashMap<String, BTreeSet<&str>> = HashMap::new();
    for e in &gold.entities {
        for name in &e.names {
            index.entry(fold(name)).or_default().insert(&e.id);
        }
    }
    index
}

/// The gold entities a node's label names, or else those its aliases name.
fn hits<'i>(index: &HashMap<String, BTreeSet<&'i str>>, node: &Actor) -> BTreeSet<&'i str> {
    if let Some(by_label) = index.get(&fold(&node.label)) {
        return by_label.clone();
    }
    node.aliases
        .iter()
        .filter_map(|a| index.get(&fold(a)))
        .flatten()
        .copied()
        .collect()
}

fn align<'g>(gold: &Gold, graph: &'g Graph) -> Alignment<'g> {
    let index = name_index(gold);
    // The sort is stable, so equal mentions keep the graph's id order, as in the JSON.
    let mut nodes: Vec<&Actor> = graph.actors().filter(|a| a.kind != ActorKind::Document).collect();
    nodes.sort_by_key(|a| Reverse(a.mentions));
    let mut mapping = HashMap::new();
    let mut taken = BTreeSet::new();
    let (mut duplicates, mut unmatched) = (Vec::new(), Vec::new());
    for node in &nodes {
        let hits = hits(&index, node);
        let claim = hits.iter().find(|h| !taken.contains(*h)).copied();
        let node_ref = |gold: Option<&str>| NodeRef {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
            gold: gold.map(str::to_string),
        };
        match (claim, hits.first()) {
            (Some(id), _) => {
                taken.insert(id);
                mapping.insert(node.id.as_str(), Some(id.to_string()));
            }
            (None, Some(first)) => {
                mapping.insert(node.id.as_str(), None);
                duplicates.push(node_ref(Some(first)));
            }
            (None, None) => {
                mapping.insert(node.id.as_str(), None);
                unmatched.push(node_ref(None));
            }
        }
    }
    for doc in graph.actors().filter(|a| a.kind == ActorKind::Document) {
        let named = doc.path.as_deref().filter(|p| !p.is_empty()).unwrap_or(&doc.id);
        mapping.insert(doc.id.as_str(), Some(doc_key(named)));
    }
    Alignment {
        mapping,
        nodes,
        duplicates,
        unmatched,
    }
}

fn score_entities(gold: &Gold, alignment: &Alignment, detail: &mut Detail) -> Scores {
    // (gold id, predicted kind) of every node that claimed an entity.
    let matched: Vec<(&str, ActorKind)> = alignment
        .nodes
        .iter()
        .filter_map(|n| {
            let gid = alignment.mapping.get(n.id.as_str())?.as_deref()?;
            (!gid.is_empty() && !gid.starts_with("doc:")).then_some((gid, n.kind))
        })
        .collect();
    let gold_kind = |id: &str| gold.entity(id).map(|e| e.kind);
    let (tp, predicted, wanted) = (matched.len(), alignment.nodes.len(), gold.entities.len());
    let right_kind = matched.iter().filter(|(gid, k)| gold_kind(gid) == Some(*k)).count();
    let claimed: BTreeSet<&str> = matched.iter().map(|(gid, _)| *gid).collect();
    detail.missed_entities = gold
        .entities
        .iter()
        .map(|e| e.id.clone())
        .filter(|id| !claimed.contains(id.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut wrong: Vec<WrongKind> = matched
        .iter()
        .filter_map(|&(gid, predicted)| {
            let want = gold_kind(gid)?;
            (want != predicted).then(|| WrongKind {
                entity: gid.to_string(),
                predicted,
                gold: want,
            })
        })
        .collect();
    wrong.sort_by(|a, b| {
        (a.entity.as_str(), a.predicted.as_str(), a.gold.as_str()).cmp(&(
            b.entity.as_str(),
            b.predicted.as_str(),
            b.gold.as_str(),
        ))
    });
    detail.wrong_kinds = wrong;
    detail.counts.gold_entities = wanted;
    detail.counts.pred_actors = predicted;
    Scores {
        entity: prf(tp, predicted - tp, wanted - tp),
        kind_acc: if tp == 0 { 0.0 } else { right_kind as f64 / tp as f64 },
        typed_f1: prf(right_kind, predicted - right_kind, wanted - right_kind).f1,
        ..Scores::default()
    }
}

fn score_relations(gold: &Gold, graph: &Graph, alignment: &Alignment, scores: &mut Scores, detail: &mut Detail) {
    let (mut want, mut maybe) = (BTreeSet::new(), BTreeSet::new());
    for r in &gold.relations {
        let triple = Triple::new(r.relation, &r.source, &r.target);
        if r.optional { &mut maybe } else { &mut want }.insert(triple);
    }
    let (mut got, mut stray) = (BTreeSet::new(), Vec::new());
    for edge in graph.relations() {
        let end = |id: &str| alignment.mapping.get(id).cloned().flatten();
        match (end(&edge.source), end(&edge.target)) {
            (Some(s), Some(t)) => {
                got.insert(Triple::new(edge.kind, &s, &t));
            }
            _ => stray.push(Triple {
                relation: edge.kind,
                source: edge.source.clone(),
                target: edge.target.clone(),
            }),
        }
    }
    stray.sort();
    let found: Vec<&Triple> = got.intersection(&want).collect();
    let wrong: Vec<&Triple> = got
        .iter()
        .filter(|t| !want.contains(*t) && !maybe.contains(*t))
        .collect();
    let missed: Vec<&Triple> = want.iter().filter(|t| !got.contains(*t)).collect();
    let count = |items: &[&Triple], kind: RelationKind| items.iter().filter(|t| t.relation == kind).count();
    for (i, kind) in RelationKind::ALL.into_iter().enumerate() {
        let strays = stray.iter().filter(|t| t.relation == kind).count();
        scores.per_relation[i] = prf(count(&found, kind), count(&wrong, kind) + strays, count(&missed, kind));
    }
    scores.relation = prf(found.len(), wrong.len() + stray.len(), missed.len());
    detail.counts.gold_relations = want.len();
    detail.counts.optional_relations = maybe.len();
    detail.counts.pred_relations = got.len() + stray.len();
    detail.missed_relations = missed.into_iter().cloned().collect();
    detail.wrong_relations = wrong.into_iter().cloned().collect();
    detail.stray_relations = stray;
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
