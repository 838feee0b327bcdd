//! The graph: actors and relations keyed by stable ids, merged from many documents.
//!
//! Storage is ordered maps so that every walk over the graph is deterministic; `petgraph`
//! gives the algorithmic view (neighbourhoods, degrees) when one is needed.

pub mod community;
mod docset;
pub mod filter;
mod ids;
mod model;
pub mod time;

pub use docset::DocSet;
pub use filter::{Ego, Filter};
pub use ids::{document_id, fold, slug};
pub use model::{Actor, ActorKind, DocPath, Evidence, Quoted, Relation, RelationKind};
pub use time::Period;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use std::collections::{BTreeMap, HashMap};

/// Key of an edge: (source id, relation, target id); symmetric relations have source <= target.
pub type EdgeKey = (String, RelationKind, String);

/// The merged graph of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// Number of documents the graph was built from.
    pub documents: usize,
    actors: BTreeMap<String, Actor>,
    relations: BTreeMap<EdgeKey, Relation>,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds an actor, or folds it into the one with the same id (aliases, mentions and
    /// documents are unions; the first label and kind stay).
    pub fn add_actor(&mut self, actor: Actor) {
        match self.actors.get_mut(&actor.id) {
            Some(have) => {
                have.aliases.extend(actor.aliases);
                have.documents.extend(actor.documents);
                have.mentions += actor.mentions;
                have.aliases.remove(&have.label);
                have.country = have.country.take().or(actor.country);
                have.role = have.role.take().or(actor.role);
                have.cameo = have.cameo.take().or(actor.cameo);
                have.date = have.date.take().or(actor.date);
                have.url = have.url.take().or(actor.url);
                have.byline = have.byline.take().or(actor.byline);
            }
            None => {
                self.actors.insert(actor.id.clone(), actor);
            }
        }
    }

    /// Adds actors built apart, keyed by id, as [`Graph::add_actor`] would one by one; when
    /// the graph has none of their ids the two maps are joined in linear time.
    pub fn add_actor_map(&mut self, mut more: BTreeMap<String, Actor>) {
        if more.keys().any(|id| self.actors.contains_key(id)) {
            more.into_values().for_each(|a| self.add_actor(a));
        } else {
            self.actors.append(&mut more);
        }
    }

    /// Adds one piece of evidence for an edge; both ends must already be actors.
    /// Returns false (and adds nothing) for a self-loop or an unknown end.
    pub fn add_evidence(&mut self, source: &str, kind: RelationKind, target: &str, evidence: Evidence) -> bool {
        if source == target || !self.actors.contains_key(source) || !self.actors.contains_key(target) {
            return false;
        }
        let (s, t) = if kind.is_symmetric() && target < source {
            (target, source)
        } else {
            (source, target)
        };
        let key = (s.to_string(), kind, t.to_string());
        let rel = self.relations.entry(key).or_insert_with(|| Relation {
            source: s.to_string(),
            target: t.to_string(),
            kind,
            evidence: Vec::new(),
            unkept: 0,
        });
        // Evidence mostly arrives in order, so this is a push; a search and a re-sort per
        // piece would make a much-repeated pair quadratic.
        if let Err(at) = rel.evidence.binary_search(&evidence) {
            rel.evidence.insert(at, evidence);
        }
        true
    }

    /// Adds a whole edge, its evidence sorted and without repeats; it replaces any edge with
    /// the same key. Returns false (and adds nothing) for a self-loop or an unknown end.
    /// Symmetric relations must come with the smaller id first.
    pub fn add_relation(&mut self, relation: Relation) -> bool {
        let (s, t) = (&relation.source, &relation.target);
        if s == t || !self.actors.contains_key(s) || !self.actors.contains_key(t) {
            return false;
        }
        debug_assert!(
            !relation.kind.is_symmetric() || s < t,
            "a symmetric edge with its ends swapped"
        );
        let key = (s.clone(), relation.kind, t.clone());
        self.relations.insert(key, relation);
        true
    }

    /// Adds whole edges as [`Graph::add_relation`] would, one by one; to a graph with no edges
    /// yet, edges in key order are built into the map at once (linear, not a search each).
    pub fn add_relations(&mut self, relations: Vec<Relation>) {
        let sorted = relations
            .windows(2)
            .all(|w| (&w[0].source, w[0].kind, &w[0].target) < (&w[1].source, w[1].kind, &w[1].target));
        if !self.relations.is_empty() || !sorted {
            for r in relations {
                self.add_relation(r);
            }
            return;
        }
        use rayon::prelude::*;
        let valid = |r: &Relation| {
            r.source != r.target && self.actors.contains_key(&r.source) && self.actors.contains_key(&r.target)
        };
        // Checked and keyed on the current pool; only the build of the map is serial.
        let entries: Vec<(EdgeKey, Relation)> = relations
            .into_par_iter()
            .filter(valid)
            .map(|r| ((r.source.clone(), r.kind, r.target.clone()), r))
            .collect();
        // In key order already: the map's bulk build from sorted input.
        self.relations = entries.into_iter().collect();
    }

    /// Counts `n` more pieces of evidence on an edge than it keeps (`--max-evidence`).
    pub fn add_unkept(&mut self, source: &str, kind: RelationKind, target: &str, n: usize) {
        let (s, t) = if kind.is_symmetric() && target < source {
            (target, source)
        } else {
            (source, target)
        };
        if let Some(r) = self.relations.get_mut(&(s.to_string(), kind, t.to_string())) {
            r.unkept += n;
        }
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// Nodes in id order.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.actors.values()
    }

    /// Edges in (source, relation, target) order.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        self.relations.values()
    }

    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    pub fn relation_count(&self) -> usize {
        self.relations.len()
    }

    /// The same graph as a petgraph, node and edge indices in id order.
    /// How many edges each node has, either direction; nodes without any are absent.
    pub fn degrees(&self) -> HashMap<&str, usize> {
        let mut d: HashMap<&str, usize> = HashMap::with_capacity(self.actors.len());
        for r in self.relations.values() {
            *d.entry(r.source.as_str()).or_default() += 1;
            *d.entry(r.target.as_str()).or_default() += 1;
        }
        d
    }

    pub fn to_petgraph(&self) -> StableDiGraph<&Actor, &Relation> {
        let mut g = StableDiGraph::with_capacity(self.actors.len(), self.relations.len());
        let mut index: HashMap<&str, NodeIndex> = HashMap::with_capacity(self.actors.len());
        for a in self.actors.values() {
            index.insert(a.id.as_str(), g.add_node(a));
        }
        for r in self.relations.values() {
            g.add_edge(index[r.source.as_str()], index[r.target.as_str()], r);
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 1,
            ..Actor::new(id, id, kind)
        }
    }

    fn ev(doc: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            start: 0,
            end: 1,
            sentence: "x".into(),
            trigger: "met".into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        }
    }

    #[test]
    fn actors_added_as_a_map_equal_actors_added_one_by_one() {
        let doc = |id: &str| Actor {
            aliases: [format!("{id} alias")].into_iter().collect(),
            ..actor(id, ActorKind::Document)
        };
        for (have, more) in [
            (vec!["a", "c"], vec!["b", "d"]),
            (vec![], vec!["b"]),
            (vec!["a", "doc:x"], vec!["doc:x", "doc:y"]),
        ] {
            let mut one_by_one = Graph::new();
            have.iter()
                .for_each(|id| one_by_one.add_actor(actor(id, ActorKind::Person)));
            let mut as_map = one_by_one.clone();
            more.iter().for_each(|id| one_by_one.add_actor(doc(id)));
            as_map.add_actor_map(more.iter().map(|id| (id.to_string(), doc(id))).collect());
            assert_eq!(as_map, one_by_one, "{have:?} + {more:?}");
        }
    }

    #[test]
    fn edges_added_at_once_equal_edges_added_one_by_one() {
        let rel = |s: &str, kind, t: &str| Relation {
            source: s.into(),
            target: t.into(),
            kind,
            evidence: vec![ev("a.txt")],
            unkept: 0,
        };
        let in_order = vec![
            rel("a", RelationKind::AffiliatedTo, "b"),
            rel("a", RelationKind::MetWith, "c"),
            rel("b", RelationKind::MetWith, "b"),       // a self-loop: left out
            rel("b", RelationKind::QuotedIn, "nobody"), // an unknown end: left out
            rel("c", RelationKind::AffiliatedTo, "a"),
        ];
        let mut shuffled = in_order.clone();
        shuffled.reverse();
        for relations in [in_order, shuffled] {
            let mut base = Graph::new();
            for id in ["a", "b", "c"] {
                base.add_actor(actor(id, ActorKind::Person));
            }
            let (mut at_once, mut one_by_one) = (base.clone(), base);
            at_once.add_relations(relations.clone());
            for r in relations {
                one_by_one.add_relation(r);
            }
            assert_eq!(at_once, one_by_one);
            assert_eq!(at_once.relation_count(), 3);
        }
    }

    #[test]
    fn symmetric_edges_are_stored_once_per_pair() {
        let mut g = Graph::new();
        g.add_actor(actor("b", ActorKind::Leader));
        g.add_actor(actor("a", ActorKind::Leader));
        assert!(g.add_evidence("b", RelationKind::MetWith, "a", ev("d1")));
        assert!(g.add_evidence("a", RelationKind::MetWith, "b", ev("d2")));
        assert_eq!(g.relation_count(), 1);
        let r = g.relations().next().unwrap();
        assert_eq!((r.source.as_str(), r.target.as_str(), r.weight()), ("a", "b", 2));
    }

    #[test]
    fn directed_edges_keep_their_direction_and_reject_loops() {
        let mut g = Graph::new();
        g.add_actor(actor("b", ActorKind::Person));
        g.add_actor(actor("a", ActorKind::Institute));
        assert!(g.add_evidence("b", RelationKind::AffiliatedTo, "a", ev("d1")));
        assert!(!g.add_evidence("a", RelationKind::AffiliatedTo, "a", ev("d1")));
        assert!(!g.add_evidence("a", RelationKind::AffiliatedTo, "zz", ev("d1")));
        let r = g.relations().next().unwrap();
        assert_eq!((r.source.as_str(), r.target.as_str()), ("b", "a"));
    }

    #[test]
    fn merging_actors_unions_aliases_and_counts() {
        let mut g = Graph::new();
        let mut a = actor("kim", ActorKind::Leader);
        a.aliases.insert("Kim".into());
        g.add_actor(a);
        let mut b = actor("kim", ActorKind::Leader);
        b.aliases.insert("Mr. Kim".into());
        g.add_actor(b);
        let k = g.actor("kim").unwrap();
        assert_eq!(k.mentions, 2);
        assert_eq!(k.aliases.len(), 2);
        assert_eq!(g.to_petgraph().node_count(), 1);
    }
}
