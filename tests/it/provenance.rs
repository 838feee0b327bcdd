//! Provenance and time: document dates and addresses from JSONL and page metadata, the day of
//! every piece of evidence, first and last days, `--since`/`--until`, GEXF in dynamic mode read
//! back by networkx, and the CSV tables. Articles invented (tests/fixtures/dated).

use serde_json::Value;
use std::process::Command;

const DATED: &str = "tests/fixtures/dated";

fn graph(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg(DATED)
        .args(["--json", "--quiet"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn node<'g>(g: &'g Value, id: &str) -> &'g Value {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn edge<'g>(g: &'g Value, source: &str, relation: &str, target: &str) -> &'g Value {
    g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == source && e["relation"] == relation && e["target"] == target)
        .unwrap_or_else(|| panic!("no edge {source} {relation} {target}"))
}

#[test]
fn documents_keep_their_date_address_and_title() {
    let g = graph(&[]);
    let w1 = node(&g, "doc:w1");
    assert_eq!(w1["label"], "Kessler and Halloran meet in Brindle");
    assert_eq!(w1["date"], "2024-05-01", "the day of an ISO timestamp");
    assert_eq!(w1["url"], "https://wire.example/w1");
    assert_eq!(node(&g, "doc:w2")["date"], "2024-06-03", "a date written out");
    assert!(node(&g, "doc:w3").get("date").is_none());
    let page = node(&g, "doc:page");
    assert_eq!(
        page["label"], "Brandt visits Brindle",
        "the site's name is not the title"
    );
    assert_eq!(page["date"], "2024-07-15");
    assert_eq!(page["url"], "https://courier.example/2024/07/brandt-visits");
}

#[test]
fn evidence_carries_its_day_and_edges_and_actors_their_first_and_last() {
    let g = graph(&[]);
    let met = edge(&g, "maria-kessler", "met-with", "peter-halloran");
    let days: Vec<&str> = met["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2024-05-01", "2024-06-03"]);
    assert_eq!(
        (met["first"].as_str(), met["last"].as_str()),
        (Some("2024-05-01"), Some("2024-06-03"))
    );
    let kessler = node(&g, "maria-kessler");
    assert_eq!(
        (kessler["first"].as_str(), kessler["last"].as_str()),
        (Some("2024-05-01"), Some("2024-07-15"))
    );
    // Undated evidence has no day, and an edge with only such evidence no span.
    let oslo = edge(&g, "peter-halloran", "met-with", "tomas-brandt");
    assert!(oslo.get("first").is_none() && oslo["evidence"][0].get("date").is_none());
}

#[test]
fn since_and_until_keep_the_evidence_of_a_period() {
    let ids = |g: &Value| -> Vec<String> {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    let june = graph(&["--since", "2024-06", "--until", "2024-06-30"]);
    let met = edge(&june, "maria-kessler", "met-with", "peter-halloran");
    assert_eq!(met["weight"], 1, "only the June meeting is left");
    assert!(
        !ids(&june).contains(&"tomas-brandt".to_string()),
        "undated and July evidence goes, and Brandt with it"
    );
    let from_july = graph(&["--since", "July 1, 2024"]);
    assert_eq!(
        ids(&from_july),
        ["maria-kessler", "tomas-brandt"],
        "only the page's meeting (the ministry's words quote no one, so the page has no edge)"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--json", "--since", "last week"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn an_unreadable_jsonl_date_is_a_warning_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\": \"x\", \"date\": \"next Tuesday\", \"text\": \"Maria Kessler met Peter Halloran in Brindle.\"}\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg(dir.path())
        .args(["--json", "--quiet"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a warning only: {err}");
    assert!(err.contains("a.jsonl:1") && err.contains("next Tuesday"), "{err}");
}

#[test]
fn gexf_is_dynamic_and_networkx_reads_its_spells_and_evidence() {
    if !crate::support::networkx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.gexf");
    let run = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--quiet", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let script = r#"
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
met = [d for u, v, d in g.edges(data=True) if {u, v} == {"maria-kessler", "peter-halloran"}][0]
print(json.dumps({
    "mode": g.graph.get("mode"),
    "spells": met.get("spells"),
    "node_spells": g.nodes["maria-kessler"].get("spells"),
    "page": [g.nodes["doc:page"].get("date"), g.nodes["doc:page"].get("url")],
    "community": type(g.nodes["maria-kessler"].get("community")).__name__,
    "evidence": json.loads(met["evidence"]),
}))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["mode"], "dynamic");
    assert_eq!(
        v["spells"],
        serde_json::json!([["2024-05-01", "2024-05-01"], ["2024-06-03", "2024-06-03"]])
    );
    assert_eq!(
        v["node_spells"].as_array().unwrap().len(),
        3,
        "the two meetings and the July page"
    );
    assert_eq!(
        v["page"],
        serde_json::json!(["2024-07-15", "https://courier.example/2024/07/brandt-visits"])
    );
    assert_eq!(v["community"], "int");
    let ev = &v["evidence"][0];
    assert_eq!(ev["sentence"], "Maria Kessler met Peter Halloran in Brindle on Monday.");
    assert_eq!(
        (ev["trigger"].as_str(), ev["date"].as_str(), ev["start"].as_u64()),
        (Some("met"), Some("2024-05-01"), Some(0))
    );
}

#[test]
fn csv_writes_three_tables_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("tables");
    let run = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--quiet", "--format", "csv", "-o"])
        .arg(&folder)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let g = graph(&[]);
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap();
    let nodes = read("nodes.csv");
    assert!(nodes.starts_with("Id,Label,kind,mentions,degree,community,"), "{nodes}");
    assert_eq!(nodes.lines().count(), 1 + g["nodes"].as_array().unwrap().len());
    let edges = read("edges.csv");
    assert!(edges.starts_with("Source,Target,Type,Id,Label,Weight,"), "{edges}");
    assert!(edges.contains("maria-kessler,peter-halloran,Undirected,"), "{edges}");
    let evidence = read("evidence.csv");
    let pieces: usize = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["weight"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(evidence.lines().count(), 1 + pieces);
    assert!(
        evidence.contains(",2024-05-01,0,54,met,Maria Kessler met Peter Halloran in Brindle on Monday."),
        "{evidence}"
    );
    let no_folder = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(no_folder.status.code(), Some(2));
    assert!(no_folder.stdout.is_empty());
    assert!(String::from_utf8_lossy(&no_folder.stderr).contains("-o DIR"));
}

/// A title several pages of one site share is its banner, not a headline; an ending several
/// titles share is the site's name.
#[test]
fn banners_and_site_names_are_not_titles() {
    let dir = tempfile::tempdir().unwrap();
    let page = |title: &str, body: &str| {
        format!("<html><head><title>{title}</title></head><body><article>{body}</article></body></html>")
    };
    for (name, title, body) in [
        (
            "p1.html",
            "Latest news | The Brindle Courier",
            "<h1>Talks resume in Brindle</h1><p>Maria Kessler met Peter Halloran.</p>",
        ),
        (
            "p2.html",
            "Latest news | The Brindle Courier",
            "<h1>Harbour reopens</h1><p>Tomas Brandt met Lena Markel.</p>",
        ),
        (
            "p3.html",
            "Kessler wins | The Brindle Courier",
            "<h1>Kessler wins</h1><p>Maria Kessler won the vote.</p>",
        ),
    ] {
        std::fs::write(dir.path().join(name), page(title, body)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg(dir.path())
        .args(["--json", "--quiet"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    let label = |id: &str| node(&g, id)["label"].as_str().unwrap().to_string();
    assert_eq!(label("doc:p1"), "Talks resume in Brindle");
    assert_eq!(label("doc:p2"), "Harbour reopens");
    assert_eq!(label("doc:p3"), "Kessler wins");
}

/// GraphML carries the evidence (with its day) and the node facts for networkx; the Cytoscape
/// export carries each piece of evidence's day beside its sentence.
#[test]
fn graphml_and_cytoscape_carry_the_evidence_and_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let cyjs = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--quiet", "--format", "cytoscape"])
        .output()
        .unwrap();
    assert!(cyjs.status.success());
    let v: Value = serde_json::from_slice(&cyjs.stdout).unwrap();
    let met = v["elements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["data"]["source"] == "maria-kessler" && e["data"]["relation"] == "met-with")
        .unwrap();
    assert_eq!(
        met["data"]["evidence_date"],
        serde_json::json!(["2024-05-01", "2024-06-03"])
    );
    let page = v["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["data"]["id"] == "doc:page")
        .unwrap();
    assert_eq!(page["data"]["date"], "2024-07-15");

    if !crate::support::networkx() {
        return;
    }
    let path = dir.path().join("g.graphml");
    let run = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([DATED, "--quiet", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let script = r#"
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
met = [d for u, v, d in g.edges(data=True) if {u, v} == {"maria-kessler", "peter-halloran"}][0]
k = g.nodes["maria-kessler"]
print(json.dumps({"first": met["first"], "last": met["last"], "evidence": json.loads(met["evidence"]),
                  "node": [k["degree"], k["first"], k["last"]], "url": g.nodes["doc:w1"]["url"]}))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["first"].as_str(), v["last"].as_str()),
        (Some("2024-05-01"), Some("2024-06-03"))
    );
    assert_eq!(v["evidence"][1]["date"], "2024-06-03");
    assert_eq!(
        v["evidence"][1]["sentence"],
        "Maria Kessler met Peter Halloran again in Vienna on Tuesday."
    );
    assert_eq!(v["node"], serde_json::json!([3, "2024-05-01", "2024-07-15"]));
    assert_eq!(v["url"], "https://wire.example/w1");
}
