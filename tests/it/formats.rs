//! The drawing formats from the outside: GEXF and GraphML read back by networkx (the reader
//! most people will use) with every node, edge, label, kind and relation intact, Cytoscape.js
//! JSON as Cytoscape reads it, and the command line choosing each format.

use crate::support::graphs::hostile_graph;
use assert_cmd::Command;
use graphgen::export::{Cytoscape, Exporter, Gexf, GraphMl, Html};
use graphgen::graph::Graph;
use serde_json::Value;
use std::path::Path;

fn graphgen() -> Command {
    Command::cargo_bin("graphgen").unwrap()
}

fn write(exporter: &dyn Exporter, g: &Graph) -> Vec<u8> {
    let mut out = Vec::new();
    exporter.write(g, &mut out).unwrap();
    out
}

/// What networkx reads from `path` (see tests/it/support/nx_read.py).
fn read_back(format: &str, path: &Path) -> Value {
    let out = std::process::Command::new("python3")
        .arg("tests/it/support/nx_read.py")
        .arg(format)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "networkx cannot read {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What networkx should find: the graph's counts, and its labels less what XML cannot carry.
fn expected(g: &Graph) -> Value {
    let kept = |s: &str| -> String {
        s.chars()
            .filter(|&c| (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && c != '\u{FFFE}' && c != '\u{FFFF}')
            .collect()
    };
    let mut labels: Vec<String> = g.actors().map(|a| kept(&a.label)).collect();
    labels.sort();
    let mut kinds: Vec<&str> = g.actors().map(|a| a.kind.as_str()).collect();
    kinds.sort();
    let mut relations: Vec<&str> = g.relations().map(|r| r.kind.as_str()).collect();
    relations.sort();
    serde_json::json!({
        "nodes": g.actor_count(),
        "edges": g.relation_count(),
        "directed": true,
        "labels": labels,
        "kinds": kinds,
        "relations": relations,
        "weight": g.relations().map(|r| r.weight()).sum::<usize>(),
    })
}

fn check_read_back(g: &Graph, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(g);
    for (format, exporter) in [("gexf", &Gexf as &dyn Exporter), ("graphml", &GraphMl)] {
        let path = dir.path().join(format!("g.{format}"));
        std::fs::write(&path, write(exporter, g)).unwrap();
        assert_eq!(read_back(format, &path), want, "{format} of {what}");
    }
}

#[test]
fn networkx_reads_back_hostile_names() {
    if !crate::support::networkx() {
        return;
    }
    check_read_back(&hostile_graph(), "the hostile graph");
    check_read_back(&Graph::new(), "the empty graph");
}

#[test]
fn networkx_reads_back_the_seeds() {
    let json = graphgen().args(["seeds/", "--json"]).output().unwrap().stdout;
    let g = graphgen::export::read_graph_json(std::str::from_utf8(&json).unwrap()).unwrap();
    assert!(g.actor_count() > 10 && g.relation_count() > 10);
    if !crate::support::networkx() {
        return;
    }
    check_read_back(&g, "the seeds");
}

#[test]
fn xml_formats_are_deterministic_and_free_of_forbidden_characters() {
    let g = hostile_graph();
    for exporter in [&Gexf as &dyn Exporter, &GraphMl] {
        let text = String::from_utf8(write(exporter, &g)).unwrap();
        assert_eq!(text.as_bytes(), write(exporter, &g.clone()));
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c.is_control() && c != '\n' || c == '\u{FFFE}' || c == '\u{FFFF}')
            .collect();
        assert!(bad.is_empty(), "{}: {bad:?}", exporter.extension());
    }
}

#[test]
fn cytoscape_json_has_every_element_with_unique_ids() {
    let g = hostile_graph();
    let v: Value = serde_json::from_slice(&write(&Cytoscape, &g)).unwrap();
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (g.actor_count(), g.relation_count()));
    let mut ids: Vec<&str> = nodes
        .iter()
        .chain(edges)
        .map(|e| e["data"]["id"].as_str().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        nodes.len() + edges.len(),
        "ids must be unique across nodes and edges"
    );
    // Cytoscape.js refuses an empty id; the hostile graph has one, written as `empty:`.
    let element_id = |id: &str| {
        if id.is_empty() {
            "empty:".to_string()
        } else {
            id.to_string()
        }
    };
    assert!(g.actor("").is_some());
    for (node, actor) in nodes.iter().zip(g.actors()) {
        assert_eq!(node["data"]["id"], element_id(&actor.id));
        assert_eq!(node["data"]["label"], actor.label.as_str());
    }
    for (edge, relation) in edges.iter().zip(g.relations()) {
        let d = &edge["data"];
        assert_eq!(
            (d["source"].as_str().unwrap(), d["target"].as_str().unwrap()),
            (&*element_id(&relation.source), &*element_id(&relation.target))
        );
        assert_eq!(d["evidence_sentence"].as_array().unwrap().len(), relation.weight());
    }
}

#[test]
fn output_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("g.html", "<!DOCTYPE html>"),
        ("g.htm", "<!DOCTYPE html>"),
        ("g.gexf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf "),
        ("g.graphml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "),
        ("g.cyjs", "{\n  \"format_version\": \"1.0\""),
    ];
    for (name, start) in cases {
        let path = dir.path().join(name);
        graphgen()
            .args(["tests/fixtures/news", "-o"])
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(start), "{name}: {}", &text[..80.min(text.len())]);
    }
}

#[test]
fn format_flags_write_to_stdout() {
    let html = graphgen().args(["tests/fixtures/news", "--html"]).output().unwrap();
    assert!(html.status.success());
    // The picture leaves lone actors out by default, as `--isolated` does not.
    let drawn = graphgen::graph::Filter {
        connected_only: true,
        ..Default::default()
    }
    .apply(&fixture_graph());
    assert_eq!(html.stdout, write(&Html, &drawn));
    let whole = fixture_graph();
    let all = graphgen()
        .args(["tests/fixtures/news", "--html", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(all.stdout, write(&Html, &whole));
    for (format, exporter) in [
        ("gexf", &Gexf as &dyn Exporter),
        ("graphml", &GraphMl),
        ("cytoscape", &Cytoscape),
        ("html", &Html),
    ] {
        let out = graphgen()
            .args(["tests/fixtures/news", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let want = if format == "html" { &drawn } else { &whole };
        assert_eq!(out.stdout, write(exporter, want), "{format}");
    }
    graphgen()
        .args(["tests/fixtures/news", "--html", "--dot"])
        .assert()
        .failure()
        .code(2);
}

fn fixture_graph() -> Graph {
    let json = graphgen()
        .args(["tests/fixtures/news", "--json"])
        .output()
        .unwrap()
        .stdout;
    graphgen::export::read_graph_json(std::str::from_utf8(&json).unwrap()).unwrap()
}
