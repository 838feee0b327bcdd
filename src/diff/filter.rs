//! The cuts `diff` makes to both sides before comparing them: relations, kinds, a minimum
//! weight. Cutting first means an edge that crosses the weight threshold shows as added or
//! removed, which is what a reader of the filtered picture sees.

use crate::graph::{ActorKind, Graph, RelationKind};
use std::collections::{BTreeSet, HashSet};

/// Keeps only some relations, kinds and weights. Empty sets keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only edges of these relations.
    pub relations: BTreeSet<RelationKind>,
    /// Keep only nodes of these kinds, and the edges between them.
    pub kinds: BTreeSet<ActorKind>,
    /// Keep only edges with at least this many pieces of evidence.
    pub min_weight: Option<usize>,
}

impl Filter {
    /// True when some edges may be cut for what they are, not for their ends.
    fn cuts_edges(&self) -> bool {
        !self.relations.is_empty() || self.min_weight.is_some_and(|w| w > 1)
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && !self.cuts_edges()
    }

    /// The graph cut down. When relations or weights cut edges, actors left without any edge
    /// go too: the question was about those ties, and their ends are what is left of it.
    pub fn apply(&self, graph: &Graph) -> Graph {
        if self.is_empty() {
            return graph.clone();
        }
        let kind_ok = |id: &str| self.kinds.is_empty() || graph.actor(id).is_some_and(|a| self.kinds.contains(&a.kind));
        let edges: Vec<_> = graph
            .relations()
            .filter(|r| self.relations.is_empty() || self.relations.contains(&r.kind))
            .filter(|r| r.weight() >= self.min_weight.unwrap_or(0))
            .filter(|r| kind_ok(&r.source) && kind_ok(&r.target))
            .collect();
        let linked: HashSet<&str> = edges
            .iter()
            .flat_map(|r| [r.source.as_str(), r.target.as_str()])
            .collect();
        let mut out = Graph::new();
        out.documents = graph.documents;
        for a in graph.actors() {
            if kind_ok(&a.id) && (!self.cuts_edges() || linked.contains(a.id.as_str())) {
                out.add_actor(a.clone());
            }
        }
        for r in edges {
            for e in &r.evidence {
                out.add_evidence(&r.source, r.kind, &r.target, e.clone());
            }
        }
        out
    }
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
mod tests {
    use super::*;
    use crate::graph::{Actor, Evidence};

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            label: id.into(),
            kind,
            aliases: BTreeSet::new(),
            mentions: 1,
            documents: BTreeSet::new(),
            path: None,
        }
    }

    fn ev(start: usize) -> Evidence {
        Evidence {
            document: "d.txt".into(),
            start,
            end: start + 1,
            sentence: "s".into(),
            trigger: "t".into(),
        }
    }

    /// a, b leaders who met twice; a affiliated to country c once; d an isolated person;
    /// a quoted in doc:x once.
    fn sample() -> Graph {
        let mut g = Graph::new();
        for (id, kind) in [
            ("a", ActorKind::Leader),
            ("b", ActorKind::Leader),
            ("c", ActorKind::Country),
            ("d", ActorKind::Person),
            ("doc:x", ActorKind::Document),
        ] {
            g.add_actor(actor(id, kind));
        }
        g.add_evidence("a", RelationKind::MetWith, "b", ev(0));
        g.add_evidence("a", RelationKind::MetWith, "b", ev(5));
        g.add_evidence("a", RelationKind::AffiliatedTo, "c", ev(0));
        g.add_evidence("a", RelationKind::QuotedIn, "doc:x", ev(0));
        g.documents = 1;
        g
    }

    fn ids(g: &Graph) -> Vec<&str> {
        g.actors().map(|a| a.id.as_str()).collect()
    }

    fn edges(g: &Graph) -> Vec<String> {
        g.relations()
            .map(|r| format!("{} {} {}", r.source, r.kind, r.target))
            .collect()
    }

    #[test]
    fn filter_table() {
        let g = sample();
        let relations = |r: &[RelationKind]| r.iter().copied().collect::<BTreeSet<_>>();
        let kinds = |k: &[ActorKind]| k.iter().copied().collect::<BTreeSet<_>>();
        let cases: Vec<(Filter, Vec<&str>, Vec<&str>)> = vec![
            (
                Filter::default(),
                vec!["a", "b", "c", "d", "doc:x"],
                vec!["a met-with b", "a quoted-in doc:x", "a affiliated-to c"],
            ),
            (
                Filter {
                    relations: relations(&[RelationKind::MetWith]),
                    ..Filter::default()
                },
                vec!["a", "b"],
                vec!["a met-with b"],
            ),
            (
                Filter {
                    min_weight: Some(2),
                    ..Filter::default()
                },
                vec!["a", "b"],
                vec!["a met-with b"],
            ),
            // A weight floor of 1 cuts nothing, so it drops no lone actor either.
            (
                Filter {
                    min_weight: Some(1),
                    ..Filter::default()
                },
                vec!["a", "b", "c", "d", "doc:x"],
                vec!["a met-with b", "a quoted-in doc:x", "a affiliated-to c"],
            ),
            (
                Filter {
                    kinds: kinds(&[ActorKind::Leader, ActorKind::Person]),
                    ..Filter::default()
                },
                vec!["a", "b", "d"],
                vec!["a met-with b"],
            ),
            (
                Filter {
                    relations: relations(&[RelationKind::QuotedIn, RelationKind::AffiliatedTo]),
                    kinds: kinds(&[ActorKind::Leader, ActorKind::Document]),
                    min_weight: None,
                },
                vec!["a", "doc:x"],
                vec!["a quoted-in doc:x"],
            ),
        ];
        for (filter, want_ids, want_edges) in cases {
            let cut = filter.apply(&g);
            assert_eq!(ids(&cut), want_ids, "{filter:?}");
            assert_eq!(edges(&cut), want_edges, "{filter:?}");
            assert_eq!(cut.documents, 1);
        }
        let heavy = Filter {
            min_weight: Some(2),
            ..Filter::default()
        }
        .apply(&g);
        assert_eq!(heavy.relations().next().unwrap().weight(), 2, "evidence is kept whole");
    }

    #[test]
    fn names_parse_as_written_in_the_graph() {
        assert_eq!(parse_relation("met-with"), Ok(RelationKind::MetWith));
        assert_eq!(parse_kind(" country"), Ok(ActorKind::Country));
        assert!(parse_relation("met_with").unwrap_err().contains("met-with, quoted-in"));
        assert!(parse_kind("boss").unwrap_err().contains("leader, analyst"));
    }
}
