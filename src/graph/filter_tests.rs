//! Tables of cases for the graph filters, on a small hand-made graph.

use super::*;
use crate::graph::{Actor, Evidence};

fn actor(id: &str, kind: ActorKind) -> Actor {
    Actor {
        mentions: 1,
        ..Actor::new(id, id, kind)
    }
}

fn ev(start: usize) -> Evidence {
    Evidence {
        document: "d.txt".into(),
        start,
        end: start + 1,
        sentence: "s".into(),
        trigger: "t".into(),
        source: None,
        date: None,
        cue: None,
        content: None,
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
        // A weight floor of 1 keeps every edge, and drops the actors without one, as the
        // flag's help says.
        (
            Filter {
                min_weight: Some(1),
                ..Filter::default()
            },
            vec!["a", "b", "c", "doc:x"],
            vec!["a met-with b", "a quoted-in doc:x", "a affiliated-to c"],
        ),
        // What DOT and HTML draw by default: every edge, and no lone actor.
        (
            Filter {
                connected_only: true,
                ..Filter::default()
            },
            vec!["a", "b", "c", "doc:x"],
            vec!["a met-with b", "a quoted-in doc:x", "a affiliated-to c"],
        ),
        (
            Filter {
                connected_only: true,
                kinds: kinds(&[ActorKind::Leader, ActorKind::Country]),
                ..Filter::default()
            },
            vec!["a", "b", "c"],
            vec!["a met-with b", "a affiliated-to c"],
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
                ..Filter::default()
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

fn ego(name: &str, depth: usize) -> Filter {
    Filter {
        ego: Some(Ego {
            name: name.into(),
            depth,
        }),
        ..Filter::default()
    }
}

#[test]
fn ego_walks_both_directions_to_its_depth() {
    let mut g = sample();
    let mut e = actor("e", ActorKind::Person);
    e.aliases.insert("Mr. E-Smith".into());
    g.add_actor(e);
    g.add_evidence("e", RelationKind::MetWith, "b", ev(9));
    let cases: Vec<(Filter, Vec<&str>)> = vec![
        (ego("b", 0), vec!["b"]),
        (ego("b", 1), vec!["a", "b", "e"]),
        (ego("B", 2), vec!["a", "b", "c", "doc:x", "e"]),
        // An alias, folded: case, hyphen and period do not matter.
        (ego("mr e smith", 1), vec!["b", "e"]),
    ];
    for (filter, want) in cases {
        assert_eq!(ids(&filter.try_apply(&g).unwrap()), want, "{filter:?}");
    }
    assert_eq!(
        ego("nobody", 1).try_apply(&g),
        Err(UnknownEgo::Missing("nobody".into()))
    );
}

#[test]
fn an_ego_name_of_several_actors_is_an_error_listing_them_and_an_id_is_exact() {
    let mut g = sample();
    let mut kessler = Actor::new("maria-kessler", "Maria Kessler", ActorKind::Leader);
    kessler.aliases.insert("Kessler".into());
    g.add_actor(kessler);
    g.add_actor(Actor::new("kessler", "Kessler", ActorKind::Institute));
    g.add_actor(Actor::new("kessler-group", "Kessler Group", ActorKind::Institute));
    let Err(UnknownEgo::Ambiguous { matches, .. }) = ego("Kessler", 1).try_apply(&g) else {
        panic!("two actors are called Kessler");
    };
    let ids: Vec<&str> = matches.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, vec!["kessler", "maria-kessler"]);
    let err = ego("Kessler", 1).try_apply(&g).unwrap_err().to_string();
    assert!(
        err.contains("--ego maria-kessler") && err.contains("(Maria Kessler)"),
        "{err}"
    );
    // An id is always exact, even where it is also someone's alias.
    assert_eq!(ids_of(&ego("kessler", 0).try_apply(&g).unwrap()), vec!["kessler"]);
    assert_eq!(
        ids_of(&ego("Kessler Group", 0).try_apply(&g).unwrap()),
        vec!["kessler-group"]
    );
}

fn ids_of(g: &Graph) -> Vec<String> {
    g.actors().map(|a| a.id.clone()).collect()
}

#[test]
fn top_ranks_by_mentions_plus_edge_weight_and_keeps_needed_documents() {
    let g = sample();
    // Weighted degree: a 2+1+1 = 4, b 2, c 1, d 0.
    let cut = |n| {
        Filter {
            top: Some(n),
            ..Filter::default()
        }
        .apply(&g)
    };
    assert_eq!(ids(&cut(1)), vec!["a", "doc:x"]);
    assert_eq!(edges(&cut(1)), vec!["a quoted-in doc:x"]);
    assert_eq!(ids(&cut(2)), vec!["a", "b", "doc:x"]);
    assert_eq!(
        edges(&cut(3)),
        vec!["a met-with b", "a quoted-in doc:x", "a affiliated-to c"]
    );
    assert_eq!(ids(&cut(4)), vec!["a", "b", "c", "d", "doc:x"]);
}

#[test]
fn no_documents_turns_quoted_in_into_an_attribute() {
    let mut g = sample();
    let mut doc = actor("doc:x", ActorKind::Document);
    doc.path = Some("news/x.txt".into());
    g.add_actor(doc);
    let cut = Filter {
        no_documents: true,
        ..Filter::default()
    }
    .apply(&g);
    assert_eq!(ids(&cut), vec!["a", "b", "c", "d"]);
    assert_eq!(edges(&cut), vec!["a met-with b", "a affiliated-to c"]);
    let quoted: Vec<&str> = cut.actor("a").unwrap().quoted_in.iter().map(|p| &**p).collect();
    assert_eq!(
        quoted,
        vec!["doc:x"],
        "the first document node added keeps its (absent) path"
    );
    assert!(cut.actor("b").unwrap().quoted_in.is_empty());
}
