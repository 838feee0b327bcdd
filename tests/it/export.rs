//! The exporters through the public API: the JSON contract of ONTOLOGY.md, JSON round trips,
//! and DOT that Graphviz accepts whatever the names are.

use crate::support::dot_check;
use crate::support::graphs::{actor, ev, hostile_graph};
use graphgen::export::{Dot, Exporter, Json, read_graph_json, read_graph_json_file};
use graphgen::graph::{ActorKind, Graph, RelationKind};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

/// Two invented leaders who met twice, an analyst quoted in a document, and her institute.
fn small_graph() -> Graph {
    let d = "news/a.txt";
    let mut g = Graph::new();
    g.documents = 1;
    g.add_actor(actor(
        "tobiah-lenk",
        "Tobiah Lenk",
        ActorKind::Leader,
        &["Lenk", "Mr. Lenk"],
        &[d],
    ));
    g.add_actor(actor("maren-oduya", "Maren Oduya", ActorKind::Leader, &[], &[d]));
    g.add_actor(actor("ila-sorrel", "Ila Sorrel", ActorKind::Analyst, &["Sorrel"], &[d]));
    g.add_actor(actor(
        "institute-for-fjord-studies",
        "Institute for Fjord Studies",
        ActorKind::Institute,
        &[],
        &[d],
    ));
    g.add_actor(actor("doc:a", "Two leaders meet", ActorKind::Document, &[], &[d]));
    g.add_evidence(
        "tobiah-lenk",
        RelationKind::MetWith,
        "maren-oduya",
        ev(d, 0, "Lenk met Oduya.", "met"),
    );
    g.add_evidence(
        "maren-oduya",
        RelationKind::MetWith,
        "tobiah-lenk",
        ev(d, 16, "Oduya talked with Lenk.", "talked with"),
    );
    g.add_evidence(
        "ila-sorrel",
        RelationKind::QuotedIn,
        "doc:a",
        ev(d, 40, "\"Good,\" Sorrel said.", "said"),
    );
    g.add_evidence(
        "ila-sorrel",
        RelationKind::AffiliatedTo,
        "institute-for-fjord-studies",
        ev(d, 40, "Sorrel of the institute.", "of"),
    );
    g
}

fn write(exporter: &dyn Exporter, g: &Graph) -> String {
    let mut out = Vec::new();
    exporter.write(g, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The keys of every object in `text`, in the order they are written.
fn key_order(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter_map(|l| l.split_once("\": ").or_else(|| l.split_once("\":")))
        .map(|(k, _)| k.to_string())
        .collect()
}

#[test]
fn json_follows_the_contract() {
    let g = small_graph();
    let text = write(&Json, &g);
    assert!(
        text.ends_with("}\n") && text.starts_with("{\n  \"directed\": true"),
        "{text}"
    );
    let top: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| key_order(l)[0].clone())
        .collect();
    assert_eq!(top, ["directed", "multigraph", "graph", "nodes", "edges"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"]["generator"], graphgen::GENERATOR);
    assert_eq!(v["graph"]["documents"], 1);

    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "doc:a",
            "ila-sorrel",
            "institute-for-fjord-studies",
            "maren-oduya",
            "tobiah-lenk"
        ]
    );
    for node in v["nodes"].as_array().unwrap() {
        for field in ["id", "label", "kind", "aliases", "mentions", "documents"] {
            assert!(node.get(field).is_some(), "{field} missing in {node}");
        }
        assert_eq!(node.get("path").is_some(), node["kind"] == "document", "{node}");
    }
    assert_eq!(v["nodes"][0]["path"], "news/a.txt");
    assert_eq!(v["nodes"][4]["aliases"], serde_json::json!(["Lenk", "Mr. Lenk"]));

    let edges = v["edges"].as_array().unwrap();
    let keys: Vec<(&str, &str, &str)> = edges
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap(),
                e["relation"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
            )
        })
        .collect();
    // The symmetric meeting is written once, smaller id first, with both pieces of evidence.
    assert_eq!(
        keys,
        [
            ("ila-sorrel", "quoted-in", "doc:a"),
            ("ila-sorrel", "affiliated-to", "institute-for-fjord-studies"),
            ("maren-oduya", "met-with", "tobiah-lenk"),
        ]
    );
    let met = &edges[2];
    assert_eq!(
        (met["key"].as_str(), met["weight"].as_u64()),
        (Some("met-with"), Some(2))
    );
    assert_eq!(met["evidence"][1]["trigger"], "talked with");
    assert_eq!(met["evidence"][1]["start"], 16);
    let edge_keys = key_order(&text[text.find("\"edges\"").unwrap()..]);
    assert_eq!(
        edge_keys[1..12],
        [
            "source", "target", "key", "relation", "weight", "evidence", "document", "start", "end", "sentence",
            "trigger"
        ]
    );
    let node_keys = key_order(&text[text.find("\"nodes\"").unwrap()..text.find("\"edges\"").unwrap()]);
    assert_eq!(
        node_keys[1..10],
        [
            "id",
            "label",
            "kind",
            "aliases",
            "path",
            "mentions",
            "degree",
            "community",
            "documents"
        ]
    );
}

#[test]
fn json_round_trips_byte_for_byte() {
    let g = small_graph();
    let first = write(&Json, &g);
    let back = read_graph_json(&first).unwrap();
    assert_eq!(back, g);
    assert_eq!(write(&Json, &back), first);
}

#[test]
fn json_is_the_same_whatever_the_order_of_building() {
    let g = small_graph();
    let mut reversed = Graph::new();
    reversed.documents = g.documents;
    for a in g.actors().collect::<Vec<_>>().into_iter().rev() {
        reversed.add_actor(a.clone());
    }
    for r in g.relations().collect::<Vec<_>>().into_iter().rev() {
        for e in r.evidence.iter().rev() {
            // Symmetric edges are given backwards too; directed ones keep their direction.
            let (s, t) = if r.kind.is_symmetric() {
                (&r.target, &r.source)
            } else {
                (&r.source, &r.target)
            };
            assert!(reversed.add_evidence(s, r.kind, t, e.clone()));
        }
    }
    assert_eq!(write(&Json, &reversed), write(&Json, &g));
}

#[test]
fn reading_a_bad_file_names_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.json");
    let text = write(&Json, &small_graph()).replacen("\"kind\": \"analyst\"", "\"kind\": \"pundit\"", 1);
    std::fs::write(&path, text).unwrap();
    let msg = read_graph_json_file(&path).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!(
            "{}: nodes[1].kind: expected one of leader, analyst,",
            path.display()
        )),
        "{msg}"
    );
    assert!(msg.ends_with("found \"pundit\""), "{msg}");
}

/// The `dot` binary, if installed; tests that need it say so and pass without it.
fn dot_binary() -> Option<&'static str> {
    let ok = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("note: `dot` (graphviz) not found; skipping the rendering check");
    }
    ok.then_some("dot")
}

/// Renders with `dot -Tsvg`, returning stderr on failure.
fn render_svg(dot: &str, text: &str) -> Result<String, String> {
    let mut child = Command::new(dot)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() && !stderr.contains("rror") {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("{}: {stderr}", out.status))
    }
}

/// The text a label shows, as the DOT exporter promises to write it.
fn shown(label: &str) -> String {
    label
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// Checks DOT against the graph it came from: it parses, every actor is one node with its
/// exact id and its label as shown, every edge joins declared nodes, and the legend stays apart.
fn check_dot(g: &Graph, text: &str) -> Result<(), String> {
    let dot = dot_check::parse(text)?;
    let actors: Vec<&dot_check::Node> = dot.nodes.iter().filter(|n| n.subgraph.is_none()).collect();
    if actors.len() != g.actor_count() {
        return Err(format!("{} nodes for {} actors", actors.len(), g.actor_count()));
    }
    for (node, actor) in actors.iter().zip(g.actors()) {
        if node.id.decode_id()? != actor.id {
            return Err(format!("node {:?} for actor {:?}", node.id, actor.id));
        }
        if node.attrs.get("label").ok_or("node without label")?.decode_label()? != shown(&actor.label) {
            return Err(format!("label of {:?} is {:?}", actor.id, node.attrs["label"]));
        }
    }
    let declared: BTreeSet<&dot_check::Value> = dot.nodes.iter().map(|n| &n.id).collect();
    if declared.len() != dot.nodes.len() {
        return Err("a node is declared twice (a legend id met an actor id?)".into());
    }
    for e in &dot.edges {
        if !declared.contains(&e.from) || !declared.contains(&e.to) {
            return Err(format!("edge {:?} -> {:?} joins an undeclared node", e.from, e.to));
        }
    }
    let actor_edges: Vec<&dot_check::Edge> = dot.edges.iter().filter(|e| e.subgraph.is_none()).collect();
    if actor_edges.len() != g.relation_count() {
        return Err(format!(
            "{} edges for {} relations",
            actor_edges.len(),
            g.relation_count()
        ));
    }
    for (edge, relation) in actor_edges.iter().zip(g.relations()) {
        let ends = (edge.from.decode_id()?, edge.to.decode_id()?);
        if ends != (relation.source.clone(), relation.target.clone()) {
            return Err(format!(
                "edge {ends:?} for relation {} -> {}",
                relation.source, relation.target
            ));
        }
        let label = edge.attrs.get("label").ok_or("edge without label")?.decode_label()?;
        let undirected = edge.attrs.get("dir").map(dot_check::Value::text) == Some("none");
        if !label.starts_with(relation.kind.as_str()) || undirected != relation.kind.is_symmetric() {
            return Err(format!(
                "edge {ends:?} of {} drawn as {label:?}, undirected {undirected}",
                relation.kind
            ));
        }
    }
    Ok(())
}

#[test]
fn dot_of_hostile_names_is_well_formed() {
    let g = hostile_graph();
    let text = write(&Dot, &g);
    check_dot(&g, &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(text.starts_with("digraph graphgen {\n") && text.ends_with("}\n"));
    let parsed = dot_check::parse(&text).unwrap();
    assert_eq!(parsed.subgraphs, ["cluster_legend"]);
    let graph_attrs = &parsed.attrs.iter().find(|s| s.keyword == "graph").unwrap().attrs;
    for (key, want) in [("overlap", "false"), ("splines", "true"), ("rankdir", "LR")] {
        assert_eq!(graph_attrs[key].text(), want, "graph attribute {key}");
    }
    assert!(graph_attrs.contains_key("fontname"));
    // The actor with id `legend:leader` pushed the legend's ids aside.
    let legend: Vec<String> = parsed
        .nodes
        .iter()
        .filter(|n| n.subgraph.is_some())
        .map(|n| n.id.decode_id().unwrap())
        .collect();
    assert!(legend.iter().all(|id| id.starts_with("_legend:")), "{legend:?}");
    assert_eq!(
        legend.iter().filter(|id| !id.contains("-")).count(),
        ActorKind::ALL.len(),
        "{legend:?}"
    );
    assert_eq!(text, write(&Dot, &g.clone()), "DOT must be deterministic");
}

#[test]
fn graphviz_renders_hostile_names() {
    let Some(dot) = dot_binary() else { return };
    let g = hostile_graph();
    let svg = render_svg(dot, &write(&Dot, &g)).unwrap_or_else(|e| panic!("dot failed: {e}"));
    // Graphviz shows the label text as written, entities included.
    assert!(svg.contains("&lt;b&gt;AT&amp;T&lt;/b&gt; &amp;amp;"), "{svg}");
    assert!(svg.contains("trailing\\"));
    assert!(svg.contains("met&#45;with ×2") || svg.contains("met-with ×2"));
}

#[test]
fn graphviz_renders_the_small_graph_and_the_empty_one() {
    let Some(dot) = dot_binary() else { return };
    for g in [small_graph(), Graph::new()] {
        let text = write(&Dot, &g);
        check_dot(&g, &text).unwrap();
        render_svg(dot, &text).unwrap_or_else(|e| panic!("dot failed: {e}\n{text}"));
    }
}

/// Strings biased towards what breaks quoting, mixed with arbitrary Unicode.
fn nasty_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{0}".to_string()),
        Just("&amp;".to_string()),
        Just("node".to_string()),
        Just("legend:".to_string()),
        Just("doc:".to_string()),
        Just("->{};[]=,".to_string()),
        any::<char>().prop_map(String::from),
        "[a-z ]{1,4}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

prop_compose! {
    fn any_graph()(
        names in prop::collection::vec((nasty_string(), nasty_string(), 0..ActorKind::ALL.len()), 1..6),
        links in prop::collection::vec((0..6usize, 0..6usize, 0..RelationKind::ALL.len(), nasty_string(), 0..3usize), 0..8),
        documents in 0..5usize,
    ) -> Graph {
        let mut g = Graph::new();
        g.documents = documents;
        for (id, label, kind) in &names {
            g.add_actor(actor(id, label, ActorKind::ALL[*kind], &[label, id], &[label]));
        }
        for (s, t, r, text, start) in &links {
            let (s, t) = (&names[s % names.len()].0, &names[t % names.len()].0);
            g.add_evidence(s, RelationKind::ALL[*r], t, ev(s, *start, text, t));
        }
        g
    }
}

proptest! {
    #[test]
    fn dot_is_well_formed_for_any_names(g in any_graph()) {
        let text = write(&Dot, &g);
        prop_assert!(check_dot(&g, &text).is_ok(), "{:?}\n{}", check_dot(&g, &text), text);
    }

    #[test]
    fn json_of_any_names_parses_and_round_trips(g in any_graph()) {
        let text = write(&Json, &g);
        let v: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(v["nodes"].as_array().unwrap().len(), g.actor_count());
        let back = read_graph_json(&text).unwrap();
        prop_assert_eq!(write(&Json, &back), text);
    }
}

proptest! {
    // Each case starts a Graphviz process, so fewer of them.
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn graphviz_accepts_dot_for_any_names(g in any_graph()) {
        let Some(dot) = dot_binary() else { return Ok(()) };
        let text = write(&Dot, &g);
        prop_assert!(render_svg(dot, &text).is_ok(), "{:?}\n{}", render_svg(dot, &text), text);
    }
}
