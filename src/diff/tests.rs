//! The diff model on small invented graphs.

use super::*;
use crate::graph::Evidence;

fn actor(id: &str, label: &str, kind: ActorKind, aliases: &[&str], mentions: usize) -> Actor {
    Actor {
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        ..Actor::new(id, label, kind)
    }
}

fn ev(start: usize) -> Evidence {
    Evidence {
        document: "news/a.txt".into(),
        start,
        end: start + 10,
        sentence: format!("Sentence at {start}."),
        trigger: "met".into(),
        source: None,
        date: None,
        cue: None,
        content: None,
    }
}

/// `edges`: (source, relation, target, weight).
fn graph(actors: Vec<Actor>, edges: &[(&str, RelationKind, &str, usize)]) -> Graph {
    let mut g = Graph::new();
    for a in actors {
        g.add_actor(a);
    }
    for &(s, kind, t, weight) in edges {
        for i in 0..weight {
            assert!(g.add_evidence(s, kind, t, ev(i * 100)), "{s} {kind} {t}");
        }
    }
    g
}

use ActorKind::*;
use RelationKind::*;

/// Old: Mira Tolle (the old spelling Mira-Tolle as label), Jon Ash, Eldor; Mira met Jon 3
/// times, Jon belongs to Eldor, Mira to Eldor.
fn old() -> Graph {
    graph(
        vec![
            actor("mira-tolle-old", "Mira-Tolle", Analyst, &[], 4),
            actor("jon-ash", "Jon Ash", Person, &["Ash"], 2),
            actor("eldor", "Eldor", Country, &[], 5),
        ],
        &[
            ("mira-tolle-old", MetWith, "jon-ash", 3),
            ("jon-ash", AffiliatedTo, "eldor", 1),
            ("mira-tolle-old", AffiliatedTo, "eldor", 1),
        ],
    )
}

/// New: Mira Tolle has a new id and became a leader, Jon Ash is gone, Cal Reyes is new;
/// Mira met Cal, Mira's tie to Eldor grew to 7.
fn new() -> Graph {
    graph(
        vec![
            actor("mira-tolle", "Mira Tolle", Leader, &["Mira-Tolle", "Ms. Tolle"], 9),
            actor("cal-reyes", "Cal Reyes", Person, &[], 1),
            actor("eldor", "Eldor", Country, &[], 5),
        ],
        &[
            ("cal-reyes", MetWith, "mira-tolle", 1),
            ("mira-tolle", AffiliatedTo, "eldor", 7),
        ],
    )
}

fn ids<'a>(nodes: impl Iterator<Item = &'a NodeDiff>) -> Vec<&'a str> {
    nodes.map(|n| n.id.as_str()).collect()
}

fn keys<'a>(edges: impl Iterator<Item = &'a EdgeDiff>) -> Vec<String> {
    edges
        .map(|e| format!("{} {} {}", e.source, e.relation, e.target))
        .collect()
}

#[test]
fn a_graph_against_itself_is_empty() {
    for g in [old(), new(), Graph::new()] {
        let d = diff(&g, &g);
        assert!(d.is_empty());
        assert_eq!(d.nodes.len(), g.actor_count());
        assert_eq!(d.edges.len(), g.relation_count());
        assert_eq!(d.left, d.right);
    }
}

#[test]
fn nodes_and_edges_by_status() {
    let d = diff(&old(), &new());
    assert!(!d.is_empty());
    // Mira matched by her old label, now an alias; the union id is the smaller id.
    assert_eq!(ids(d.nodes_with(Status::Added)), ["cal-reyes"]);
    assert_eq!(ids(d.nodes_with(Status::Removed)), ["jon-ash"]);
    assert_eq!(ids(d.nodes_with(Status::Changed)), ["mira-tolle"]);
    assert_eq!(ids(d.nodes_with(Status::Unchanged)), ["eldor"]);
    let mira = d.node("mira-tolle").unwrap();
    assert_eq!(mira.left.as_ref().unwrap().id, "mira-tolle-old");
    assert_eq!(mira.kind_change(), Some((Analyst, Leader)));
    assert_eq!(mira.label_change(), Some(("Mira-Tolle", "Mira Tolle")));
    assert_eq!(mira.alias_change(), Some((vec!["Mira-Tolle", "Ms. Tolle"], vec![])));
    assert_eq!(mira.mention_change(), Some((4, 9)));
    assert_eq!(d.node("eldor").unwrap().kind_change(), None);

    // The symmetric edge is keyed in union ids, smaller first, whichever way each side has it.
    assert_eq!(keys(d.edges_with(Status::Added)), ["cal-reyes met-with mira-tolle"]);
    assert_eq!(
        keys(d.edges_with(Status::Removed)),
        ["jon-ash met-with mira-tolle", "jon-ash affiliated-to eldor"]
    );
    let changed: Vec<&EdgeDiff> = d.edges_with(Status::Changed).collect();
    assert_eq!(keys(changed.iter().copied()), ["mira-tolle affiliated-to eldor"]);
    assert_eq!(changed[0].weights(), (1, 7));
    assert_eq!(
        changed[0].left.as_ref().unwrap().source,
        "mira-tolle-old",
        "each side keeps its ids"
    );
    assert_eq!(
        d.left,
        Counts {
            documents: 0,
            nodes: 3,
            edges: 3
        }
    );
    assert_eq!(
        d.right,
        Counts {
            documents: 0,
            nodes: 3,
            edges: 2
        }
    );
}

#[test]
fn diff_b_a_is_the_mirror_of_diff_a_b() {
    let pairs = [(old(), new()), (new(), Graph::new()), (old(), old())];
    for (a, b) in pairs {
        let ab = diff(&a, &b);
        let ba = diff(&b, &a);
        assert_eq!(ba, ab.clone().mirror());
        assert_eq!(ids(ba.nodes_with(Status::Removed)), ids(ab.nodes_with(Status::Added)));
        assert_eq!(ab.clone().mirror().mirror(), ab);
    }
}

#[test]
fn directed_edges_keep_their_direction() {
    let people = || {
        vec![
            actor("p", "P Q", Person, &[], 1),
            actor("o", "O Inc", Institute, &[], 1),
        ]
    };
    let a = graph(people(), &[("p", AffiliatedTo, "o", 1)]);
    let b = graph(people(), &[("o", AffiliatedTo, "p", 1)]);
    let d = diff(&a, &b);
    assert_eq!(keys(d.edges_with(Status::Removed)), ["p affiliated-to o"]);
    assert_eq!(keys(d.edges_with(Status::Added)), ["o affiliated-to p"]);
}

#[test]
fn a_filter_cuts_both_sides_before_comparing() {
    let side = |g: Graph| Side {
        inputs: vec!["x".into()],
        graph: g,
        problems: Vec::new(),
    };
    let filter = Filter {
        relations: [AffiliatedTo].into_iter().collect(),
        ..Filter::default()
    };
    let report = compare(&side(old()), &side(new()), &filter);
    let d = &report.diff;
    // Cal Reyes had only a met-with tie, so he is cut; Jon Ash keeps his affiliation.
    assert_eq!(ids(d.nodes_with(Status::Added)), Vec::<&str>::new());
    assert_eq!(ids(d.nodes_with(Status::Removed)), ["jon-ash"]);
    assert_eq!(
        keys(d.edges.iter()),
        ["jon-ash affiliated-to eldor", "mira-tolle affiliated-to eldor"]
    );
    let weighty = Filter {
        min_weight: Some(2),
        ..Filter::default()
    };
    let d = compare(&side(old()), &side(new()), &weighty).diff;
    // The tie that grew past the floor is new in the filtered picture.
    assert_eq!(keys(d.edges_with(Status::Added)), ["mira-tolle affiliated-to eldor"]);
    assert_eq!(keys(d.edges_with(Status::Removed)), ["jon-ash met-with mira-tolle"]);
}

fn render(report: &Report, format: Format) -> String {
    let mut out = Vec::new();
    report.write(format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn report(a: Graph, b: Graph) -> Report {
    Report {
        left: vec!["old/".into()],
        right: vec!["new/".into()],
        filter: Filter::default(),
        diff: diff(&a, &b),
    }
}

#[test]
fn text_report_sections_and_width() {
    let text = render(&report(old(), new()), Format::Text);
    let want_in_order = [
        "- left:  old/",
        "+ right: new/",
        "actors     1 added, 1 removed, 1 changed, 1 unchanged",
        "relations  1 added, 2 removed, 1 changed, 0 unchanged",
        "Added actors (1)\n  + person    Cal Reyes (1 mention)",
        "Removed actors (1)\n  - person    Jon Ash (2 mentions)",
        "Added relations (1)\n  + Cal Reyes met-with Mira Tolle\n      a.txt: Sentence at 0.",
        "Removed relations (2)\n  - Jon Ash met-with Mira Tolle (×3)\n      a.txt: Sentence at 0.\n",
        "  - Jon Ash affiliated-to Eldor\n",
        "Weight changes (1)\n  ~ Mira Tolle affiliated-to Eldor  1 -> 7 (+6)",
        "Kind changes (1)\n  ~ Mira Tolle: analyst -> leader",
        "Name and alias changes (1)\n  ~ Mira Tolle\n      id mira-tolle-old -> mira-tolle\n      label Mira-Tolle -> Mira Tolle\n      + alias Mira-Tolle\n      + alias Ms. Tolle",
        "Mention changes (1)\n  ~ leader    Mira Tolle  4 -> 9 (+5)",
    ];
    let mut at = 0;
    for want in want_in_order {
        let found = text[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} not after byte {at} in\n{text}"));
        at += found + want.len();
    }
    assert!(
        text.lines().all(|l| l.chars().count() <= 100 && l.trim_end() == l),
        "{text}"
    );
}

#[test]
fn text_report_of_no_change_says_so() {
    let text = render(&report(old(), old()), Format::Text);
    assert!(text.ends_with("\nNo differences.\n"), "{text}");
}

#[test]
fn long_names_and_sentences_still_fit() {
    let long = "Very Long Name ".repeat(12);
    let a = graph(
        vec![actor("x", &long, Person, &[], 1), actor("y", &long, Person, &[], 1)],
        &[],
    );
    let mut b = a.clone();
    let mut e = ev(0);
    e.sentence = "word ".repeat(100);
    e.document = format!("{}.txt", "d".repeat(80)).into();
    b.add_evidence("x", MetWith, "y", e);
    let text = render(&report(a, b), Format::Text);
    assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
    assert!(text.contains('…'));
}

#[test]
fn json_mirror_swaps_added_and_removed() {
    let json = |r: &Report| -> serde_json::Value { serde_json::from_str(&render(r, Format::Json)).unwrap() };
    let ab = json(&report(old(), new()));
    let ba = json(&report(new(), old()));
    assert_eq!(ab["nodes"]["added"], ba["nodes"]["removed"]);
    assert_eq!(ab["edges"]["removed"], ba["edges"]["added"]);
    assert_eq!(ab["summary"]["edges"]["added"], 1);
    assert_eq!(ab["summary"]["edges"]["removed"], 2);
    assert_eq!(
        ab["nodes"]["changed"][0]["changes"],
        serde_json::json!(["kind", "label", "aliases", "mentions"])
    );
    assert_eq!(ab["nodes"]["changed"][0]["left"]["kind"], "analyst");
    assert_eq!(ab["nodes"]["changed"][0]["right"]["kind"], "leader");
    assert_eq!(ab["edges"]["changed"][0]["left"]["weight"], 1);
    assert_eq!(ab["edges"]["changed"][0]["right"]["weight"], 7);
    assert_eq!(ba["edges"]["changed"][0]["left"]["weight"], 7);
}

#[test]
fn output_format_from_the_file_name() {
    let cases = [
        (None, Format::Text),
        (Some("d.json"), Format::Json),
        (Some("d.dot"), Format::Dot),
        (Some("d.gv"), Format::Dot),
        (Some("d.txt"), Format::Text),
        (Some("report"), Format::Text),
    ];
    for (name, want) in cases {
        assert_eq!(Format::for_output(name.map(std::path::Path::new)), want, "{name:?}");
    }
}

#[test]
fn stdin_feeds_one_side_only() {
    let dash = [PathBuf::from("-")];
    let pipeline = crate::pipeline::Pipeline::new(&crate::pipeline::Config::default()).unwrap();
    let err = run(&pipeline, &dash, &dash, &Filter::default())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "-: stdin can feed one side only; save one side to a file");
}
