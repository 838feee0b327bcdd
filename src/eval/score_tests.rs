//! Tables for the scorer on invented graphs: alignment, duplicates, symmetric and optional
//! relations, strays and document keys.

use super::*;
use crate::eval::gold::{GoldEntity, GoldRelation};
use crate::graph::Evidence;

fn entity(id: &str, names: &[&str], kind: ActorKind) -> GoldEntity {
    GoldEntity {
        id: id.into(),
        names: names.iter().map(|n| n.to_string()).collect(),
        kind,
    }
}

fn relation(relation: RelationKind, source: &str, target: &str, optional: bool) -> GoldRelation {
    GoldRelation {
        relation,
        source: source.into(),
        target: target.into(),
        optional,
    }
}

fn node(id: &str, label: &str, kind: ActorKind, mentions: usize, aliases: &[&str]) -> Actor {
    Actor {
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        ..Actor::new(id, label, kind)
    }
}

fn doc_node(id: &str, path: &str) -> Actor {
    Actor {
        path: Some(path.into()),
        ..node(id, "A headline", ActorKind::Document, 0, &[])
    }
}

fn edge(g: &mut Graph, source: &str, kind: RelationKind, target: &str) {
    let ev = Evidence {
        document: "corpus/017_harbour.txt".into(),
        start: 0,
        end: 10,
        sentence: "An invented sentence.".into(),
        trigger: "met".into(),
        source: None,
        date: None,
        cue: None,
        content: None,
    };
    assert!(g.add_evidence(source, kind, target, ev), "{source} {kind} {target}");
}

fn graph_of(nodes: Vec<Actor>) -> Graph {
    let mut g = Graph::new();
    for n in nodes {
        g.add_actor(n);
    }
    g
}

/// Two analysts, an institute and a country of an invented harbour town.
fn harbour_gold(relations: Vec<GoldRelation>) -> Gold {
    Gold {
        entities: vec![
            entity("ada-brennick", &["Ada Brennick"], ActorKind::Analyst),
            entity("tomas-quell", &["Tomas Quell"], ActorKind::Leader),
            entity(
                "albrecht-bay-trust",
                &["Albrecht Bay Trust", "ABT"],
                ActorKind::Institute,
            ),
            entity("varnland", &["Varnland"], ActorKind::Country),
        ],
        relations,
    }
}

fn triple(relation: RelationKind, source: &str, target: &str) -> Triple {
    Triple::new(relation, source, target)
}

#[test]
fn the_node_with_more_mentions_claims_the_entity_and_the_other_is_a_duplicate() {
    let gold = harbour_gold(vec![]);
    for (full, fragment, claimer, duplicate) in [
        (9, 2, "ada-brennick", "ms-brennick"),
        (2, 9, "ms-brennick", "ada-brennick"),
    ] {
        let g = graph_of(vec![
            node("ada-brennick", "Ada Brennick", ActorKind::Analyst, full, &[]),
            node("ms-brennick", "Ms. Ada Brennick", ActorKind::Analyst, fragment, &[]),
        ]);
        let ev = score(&gold, &g);
        assert_eq!(ev.detail.duplicate_nodes.len(), 1);
        let dup = &ev.detail.duplicate_nodes[0];
        assert_eq!(dup.id, duplicate, "{claimer} claims first");
        assert_eq!(dup.gold.as_deref(), Some("ada-brennick"));
        assert_eq!(ev.scores.entity.p, 0.5);
        assert_eq!(ev.scores.entity.r, 0.25);
        assert_eq!(
            ev.detail.missed_entities,
            ["albrecht-bay-trust", "tomas-quell", "varnland"]
        );
    }
}

#[test]
fn labels_match_before_aliases_and_aliases_match_when_the_label_does_not() {
    let gold = harbour_gold(vec![]);
    let cases = [
        // (label, aliases, gold entity claimed)
        ("ABT", vec![], Some("albrecht-bay-trust")),
        ("The Albrecht Bay Trust's", vec![], Some("albrecht-bay-trust")),
        ("Bay Trust", vec!["Albrecht Bay Trust"], Some("albrecht-bay-trust")),
        ("Varnland", vec!["Albrecht Bay Trust"], Some("varnland")),
        ("Brennick", vec!["Quell"], None),
    ];
    for (label, aliases, want) in cases {
        let g = graph_of(vec![node("n", label, ActorKind::Institute, 1, &aliases)]);
        let ev = score(&gold, &g);
        let claimed = ev.detail.missed_entities.len() == 3;
        assert_eq!(claimed, want.is_some(), "{label}");
        if let Some(id) = want {
            assert!(
                !ev.detail.missed_entities.iter().any(|m| m == id),
                "{label} claims {id}"
            );
        } else {
            assert_eq!(ev.detail.unmatched_nodes[0].label, label);
        }
    }
}

#[test]
fn kinds_are_judged_on_matched_nodes_only() {
    let gold = harbour_gold(vec![]);
    let g = graph_of(vec![
        node("ada-brennick", "Ada Brennick", ActorKind::Person, 3, &[]),
        node("tomas-quell", "Tomas Quell", ActorKind::Leader, 3, &[]),
        node("harbour-master", "Harbour Master", ActorKind::Person, 3, &[]),
    ]);
    let ev = score(&gold, &g);
    assert_eq!(ev.scores.kind_acc, 0.5);
    // One right kind among 3 predicted and 4 gold: P 1/3, R 1/4.
    let want = prf(1, 2, 3).f1;
    assert_eq!(ev.scores.typed_f1, want);
    assert_eq!(
        ev.detail.wrong_kinds,
        [WrongKind {
            entity: "ada-brennick".into(),
            predicted: ActorKind::Person,
            gold: ActorKind::Analyst,
        }]
    );
    let empty = score(&gold, &Graph::new());
    assert_eq!(
        (empty.scores.kind_acc, empty.scores.entity.p, empty.scores.entity.r),
        (0.0, 1.0, 0.0)
    );
}

fn harbour_graph() -> Graph {
    graph_of(vec![
        node("ada-brennick", "Ada Brennick", ActorKind::Analyst, 4, &[]),
        node("tomas-quell", "Tomas Quell", ActorKind::Leader, 4, &[]),
        node("abt", "ABT", ActorKind::Institute, 2, &[]),
        node("varnland", "Varnland", ActorKind::Country, 6, &[]),
        node("pier-nine", "Pier Nine", ActorKind::Institute, 1, &[]),
        doc_node("doc:017_harbour", "corpus/017_harbour.txt"),
    ])
}

#[test]
fn symmetric_relations_match_either_way_and_directed_ones_do_not() {
    let gold = harbour_gold(vec![
        relation(RelationKind::MetWith, "tomas-quell", "ada-brennick", false),
        relation(RelationKind::AffiliatedTo, "ada-brennick", "albrecht-bay-trust", false),
    ]);
    let mut g = harbour_graph();
    edge(&mut g, "ada-brennick", RelationKind::MetWith, "tomas-quell");
    edge(&mut g, "abt", RelationKind::AffiliatedTo, "ada-brennick");
    let ev = score(&gold, &g);
    assert_eq!(ev.scores.of(RelationKind::MetWith), prf(1, 0, 0));
    assert_eq!(ev.scores.of(RelationKind::AffiliatedTo), prf(0, 1, 1));
    assert_eq!(
        ev.detail.missed_relations,
        [triple(RelationKind::AffiliatedTo, "ada-brennick", "albrecht-bay-trust")]
    );
    assert_eq!(
        ev.detail.wrong_relations,
        [triple(RelationKind::AffiliatedTo, "albrecht-bay-trust", "ada-brennick")]
    );
    assert_eq!(ev.scores.relation, prf(1, 1, 1));
}

#[test]
fn optional_relations_cost_nothing_found_or_missed() {
    let gold = harbour_gold(vec![
        relation(RelationKind::QuotedIn, "ada-brennick", "doc:017_harbour", false),
        relation(RelationKind::AlliedWith, "varnland", "tomas-quell", true),
        relation(RelationKind::MetWith, "ada-brennick", "tomas-quell", true),
    ]);
    let mut g = harbour_graph();
    edge(&mut g, "ada-brennick", RelationKind::QuotedIn, "doc:017_harbour");
    edge(&mut g, "tomas-quell", RelationKind::AlliedWith, "varnland");
    let ev = score(&gold, &g);
    assert_eq!(ev.scores.relation, prf(1, 0, 0));
    assert_eq!(ev.scores.of(RelationKind::AlliedWith), prf(0, 0, 0));
    assert_eq!(ev.scores.of(RelationKind::MetWith).f1, 1.0);
    let c = ev.detail.counts;
    assert_eq!((c.gold_relations, c.optional_relations, c.pred_relations), (1, 2, 2));
    assert!(ev.detail.missed_relations.is_empty() && ev.detail.wrong_relations.is_empty());
}

#[test]
fn an_edge_with_an_unmatched_end_is_a_stray_false_alarm() {
    let gold = harbour_gold(vec![relation(
        RelationKind::AffiliatedTo,
        "ada-brennick",
        "albrecht-bay-trust",
        false,
    )]);
    let mut g = harbour_graph();
    edge(&mut g, "ada-brennick", RelationKind::AffiliatedTo, "pier-nine");
    edge(&mut g, "ada-brennick", RelationKind::AffiliatedTo, "abt");
    let ev = score(&gold, &g);
    assert_eq!(ev.scores.of(RelationKind::AffiliatedTo), prf(1, 1, 0));
    assert_eq!(
        ev.detail.stray_relations,
        [triple(RelationKind::AffiliatedTo, "ada-brennick", "pier-nine")]
    );
    assert_eq!(ev.detail.counts.pred_relations, 2);
}

#[test]
fn document_nodes_are_keyed_by_their_path_stem() {
    let gold = harbour_gold(vec![relation(
        RelationKind::QuotedIn,
        "tomas-quell",
        "doc:017_harbour",
        false,
    )]);
    let mut g = graph_of(vec![
        node("tomas-quell", "Tomas Quell", ActorKind::Leader, 1, &[]),
        doc_node("doc:renamed", "elsewhere/017_harbour.html"),
    ]);
    edge(&mut g, "tomas-quell", RelationKind::QuotedIn, "doc:renamed");
    let ev = score(&gold, &g);
    assert_eq!(ev.scores.of(RelationKind::QuotedIn), prf(1, 0, 0));
    assert_eq!(ev.detail.counts.pred_actors, 1, "documents are not actors");
}

#[test]
fn triples_sort_by_relation_name_as_score_py_does() {
    let mut items = [
        triple(RelationKind::MetWith, "b", "a"),
        triple(RelationKind::AffiliatedTo, "z", "a"),
        triple(RelationKind::AlliedWith, "c", "d"),
    ];
    items.sort();
    let order: Vec<&str> = items.iter().map(|t| t.relation.as_str()).collect();
    assert_eq!(order, ["affiliated-to", "allied-with", "met-with"]);
    assert_eq!((items[2].source.as_str(), items[2].target.as_str()), ("a", "b"));
}
