//! The graph filters on the seeds graph: exact node, edge and document counts, the same cut
//! whatever the output format.

use serde_json::Value;
use std::process::Command;

fn graph(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg("seeds/")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (nodes, edges, document nodes)
fn counts(g: &Value) -> (usize, usize, usize) {
    let nodes = g["nodes"].as_array().unwrap();
    let docs = nodes.iter().filter(|n| n["kind"] == "document").count();
    (nodes.len(), g["edges"].as_array().unwrap().len(), docs)
}

/// Arguments, then (nodes, edges, document nodes).
type Case<'a> = (&'a [&'a str], (usize, usize, usize));

#[test]
fn each_filter_cuts_the_seeds_graph_to_known_counts() {
    let cases: &[Case] = &[
        (&[], (55, 50, 3)),
        (&["--kind", "leader,country"], (22, 19, 0)),
        (&["--relation", "met-with"], (6, 5, 0)),
        (&["--min-weight", "2"], (28, 25, 3)),
        // Every edge has a weight of 1 or more: the floor only drops the lone actors.
        (&["--min-weight", "1"], (40, 50, 3)),
        (&["--top", "5"], (7, 9, 2)),
        (&["--no-documents"], (52, 36, 0)),
        // A country, by label in another case and by a folded alias.
        (&["--ego", "CHINA", "--depth", "1"], (6, 6, 0)),
        (
            &["--ego", "peoples-republic of china", "--depth", "1", "--no-documents"],
            (6, 6, 0),
        ),
        (&["--ego", "china", "--depth", "2", "--no-documents"], (13, 16, 0)),
    ];
    for (args, want) in cases {
        assert_eq!(counts(&graph(args)), *want, "{args:?}");
    }
}

/// The node ids a DOT file draws (the legend aside), and the ids its edges touch.
fn dot_nodes_and_ends(args: &[&str]) -> (Vec<String>, std::collections::BTreeSet<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["seeds/", "--dot", "--quiet"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let quoted = |l: &str| l.trim().split('"').nth(1).unwrap_or_default().to_string();
    let mut nodes = Vec::new();
    let mut ends = std::collections::BTreeSet::new();
    for l in text
        .lines()
        .filter(|l| l.trim_start().starts_with('"') && !l.contains("\"legend:"))
    {
        if l.contains(" -> ") || l.contains(" -- ") {
            let parts: Vec<&str> = l.trim().split('"').collect();
            ends.insert(parts[1].to_string());
            ends.insert(parts[3].to_string());
        } else {
            nodes.push(quoted(l));
        }
    }
    (nodes, ends)
}

#[test]
fn pictures_leave_lone_actors_out_unless_isolated_is_asked() {
    let (drawn, ends) = dot_nodes_and_ends(&[]);
    assert_eq!(drawn.len(), 40, "the actors and documents with a relation");
    for id in &drawn {
        assert!(ends.contains(id), "{id} is drawn without any edge");
    }
    let (all, _) = dot_nodes_and_ends(&["--isolated"]);
    assert_eq!(all.len(), 55, "--isolated draws every node, as JSON keeps them");
    // JSON keeps everything by default.
    assert_eq!(counts(&graph(&[])).0, 55);
}

#[test]
fn an_ego_name_that_several_actors_answer_to_is_an_error_listing_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Maria Kessler met Peter Halloran in Brindle on Monday. Kessler said the talks went well.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Tomas Kessler, an analyst at the Brindle Institute, said prices would rise. Kessler expects more.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg(dir.path())
        .args(["--json", "--ego", "Kessler"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "no graph is written");
    assert!(
        err.contains("--ego maria-kessler") && err.contains("--ego tomas-kessler"),
        "{err}"
    );
    let exact = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg(dir.path())
        .args(["--json", "--ego", "maria-kessler", "--depth", "1"])
        .output()
        .unwrap();
    assert!(exact.status.success(), "{}", String::from_utf8_lossy(&exact.stderr));
}

#[test]
fn kind_and_relation_keep_only_what_was_asked() {
    let g = graph(&["--kind", "leader,country", "--relation", "affiliated-to,allied-with"]);
    for n in g["nodes"].as_array().unwrap() {
        assert!(n["kind"] == "leader" || n["kind"] == "country", "{n}");
    }
    for e in g["edges"].as_array().unwrap() {
        assert!(
            e["relation"] == "affiliated-to" || e["relation"] == "allied-with",
            "{e}"
        );
    }
}

#[test]
fn no_documents_lists_quoted_in_on_the_actor() {
    let full = graph(&[]);
    let quoted_edges = full["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == "quoted-in")
        .count();
    let g = graph(&["--no-documents"]);
    let listed: usize = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["quoted_in"].as_array())
        .map(|paths| {
            assert!(
                paths.iter().all(|p| p.as_str().unwrap().starts_with("seeds/")),
                "{paths:?}"
            );
            paths.len()
        })
        .sum();
    assert_eq!(listed, quoted_edges, "each quoted-in edge becomes one path");
    assert!(
        full["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n.get("quoted_in").is_none())
    );
}

#[test]
fn top_keeps_the_actors_with_most_evidence_and_the_same_cut_in_dot() {
    let g = graph(&["--top", "3"]);
    let actors = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] != "document")
        .count();
    assert_eq!(actors, 3);
    let dot = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["seeds/", "--top", "3", "--dot"])
        .output()
        .unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    for n in g["nodes"].as_array().unwrap() {
        assert!(
            dot.contains(&format!("\"{}\"", n["id"].as_str().unwrap())),
            "{n} missing in DOT"
        );
    }
}

#[test]
fn an_unknown_ego_is_an_error_naming_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["seeds/", "--ego", "Nobody Atall"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Nobody Atall") && err.contains("--ego"), "{err}");
}

/// `diff` cuts both sides with the same filters as the graph: a corpus against its own graph
/// JSON shows, on each side, exactly the counts of the filtered graph, and no difference.
#[test]
fn diff_applies_every_filter_to_both_sides() {
    let cases: &[&[&str]] = &[
        &["--top", "5"],
        &["--no-documents"],
        &["--ego", "china", "--depth", "2", "--no-documents"],
        &["--kind", "leader,country", "--min-weight", "2"],
    ];
    for args in cases {
        let (nodes, edges, _) = counts(&graph(args));
        let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
            .args(["diff", "seeds/", "out/seeds.json", "--json"])
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let d: Value = serde_json::from_slice(&out.stdout).unwrap();
        for side in ["left", "right"] {
            assert_eq!(d[side]["nodes"], nodes, "{args:?} {side} nodes");
            assert_eq!(d[side]["edges"], edges, "{args:?} {side} edges");
        }
    }
}

/// `graphgen merge` applies the filters to the merged graph: the same bytes as one filtered
/// run; `--partial` refuses them, since one article's share cannot be cut alone.
#[test]
fn merge_applies_the_filters_after_merging() {
    let dir = tempfile::tempdir().unwrap();
    let parts = dir.path().join("seeds.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["seeds/", "--partial", "-o", parts.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cases: &[&[&str]] = &[
        &["--ego", "china", "--depth", "2", "--no-documents"],
        &["--top", "5"],
        &["--kind", "leader,country", "--min-weight", "2"],
    ];
    for args in cases {
        let merged = Command::new(env!("CARGO_BIN_EXE_graphgen"))
            .arg("merge")
            .arg(&parts)
            .args(*args)
            .output()
            .unwrap();
        assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
        let one_run = Command::new(env!("CARGO_BIN_EXE_graphgen"))
            .args(["seeds/", "--json"])
            .args(*args)
            .output()
            .unwrap();
        assert!(merged.stdout == one_run.stdout, "{args:?}: merge differs from one run");
        let g: Value = serde_json::from_slice(&merged.stdout).unwrap();
        assert_eq!(counts(&g), counts(&graph(args)), "{args:?}");
    }
    let refused = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["seeds/", "--partial", "--top", "5"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--top"));
}
