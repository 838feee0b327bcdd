//! Parallel streaming extraction, partial graphs and `graphgen merge`: the graph never depends
//! on the number of threads, on how the corpus was split, or on the order of the pieces.

use graphgen::export::{Exporter, Json};
use graphgen::pipeline::{Config, Pipeline};
use graphgen::resolve::merge_partials;
use graphgen::resolve::partial::{self, Partial};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

const CORPORA: [&str; 3] = ["seeds", "tests/fixtures/corpus", "tests/fixtures/news"];

fn graphgen(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        std::io::Write::write_all(&mut input, bytes).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    // Exit 2 is a skipped input of the fixture corpus, which holds a broken one on purpose.
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn files(dir: &str) -> Vec<String> {
    crate::support::files_under(Path::new(dir))
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn one_and_two_threads_give_the_same_bytes() {
    for corpus in CORPORA {
        let one = graphgen(&[corpus, "--json", "--threads", "1"], None);
        let two = graphgen(&[corpus, "--json", "--threads", "2"], None);
        assert!(one.len() > 100, "{corpus}: no graph");
        assert!(one == two, "{corpus}: 1 and 2 threads differ");
        let partial_one = graphgen(&[corpus, "--partial", "--threads", "1"], None);
        let partial_two = graphgen(&[corpus, "--partial", "--threads", "2"], None);
        assert!(partial_one == partial_two, "{corpus}: partials differ with threads");
    }
}

#[test]
fn merging_partials_of_two_halves_equals_one_run() {
    for corpus in CORPORA {
        let all = files(corpus);
        let (a, b) = all.split_at(all.len() / 2);
        let dir = tempfile::tempdir().unwrap();
        let pa = dir.path().join("a.jsonl");
        let pb = dir.path().join("b.jsonl");
        let mut args_a: Vec<&str> = a.iter().map(String::as_str).collect();
        args_a.extend(["--partial", "-o", pa.to_str().unwrap()]);
        let mut args_b: Vec<&str> = b.iter().map(String::as_str).collect();
        args_b.extend(["--partial", "-o", pb.to_str().unwrap()]);
        graphgen(&args_a, None);
        graphgen(&args_b, None);
        let whole: Vec<&str> = all.iter().map(String::as_str).chain(["--json"]).collect();
        let whole = graphgen(&whole, None);
        let ab = graphgen(&["merge", pa.to_str().unwrap(), pb.to_str().unwrap()], None);
        let ba = graphgen(&["merge", pb.to_str().unwrap(), pa.to_str().unwrap()], None);
        assert!(ab == whole, "{corpus}: merge(A, B) is not the graph of A and B");
        assert!(ba == whole, "{corpus}: merge(B, A) differs");
        let piped = graphgen(
            &["merge", "-", pb.to_str().unwrap()],
            Some(&std::fs::read(&pa).unwrap()),
        );
        assert!(piped == whole, "{corpus}: merge from stdin differs");
    }
}

#[test]
fn json_lines_on_stdin_are_articles() {
    let feed = "{\"id\": \"a1\", \"text\": \"Talks began in Oslo. Prime Minister Arne Vold met Chancellor Lisa Brandt on Monday.\"}\n\
                {\"id\": \"a2\", \"text\": \"Chancellor Lisa Brandt said the talks went well.\"}\n";
    let parts = graphgen(&["-", "--partial"], Some(feed.as_bytes()));
    let lines: Vec<serde_json::Value> = String::from_utf8(parts)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one partial per JSONL article");
    assert_eq!(lines[0]["document"]["path"], "-#a1");
    assert_eq!(lines[1]["document"]["stem"], "a2");
    let graph = String::from_utf8(graphgen(&["-", "--json"], Some(feed.as_bytes()))).unwrap();
    assert!(graph.contains("Lisa Brandt"), "{graph}");
}

#[test]
fn a_line_that_is_not_a_partial_is_an_error_naming_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["merge", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .and_then(|mut c| {
            std::io::Write::write_all(c.stdin.as_mut().unwrap(), b"\n{\"nope\": 1}\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2") && err.contains("--partial"), "{err}");
}

/// Every fixture document's partial, extracted once.
static PARTS: LazyLock<(Vec<Partial>, Vec<u8>)> = LazyLock::new(|| {
    let inputs: Vec<PathBuf> = CORPORA.iter().map(PathBuf::from).collect();
    let pipeline = Pipeline::new(&Config {
        threads: 2,
        ..Config::default()
    })
    .unwrap();
    let mut parts = Vec::new();
    pipeline.partials(&inputs, &mut |p| parts.push(p));
    let (graph, _) = pipeline.graph(&inputs);
    assert!(
        to_json(&merge_partials(&parts)) == to_json(&graph),
        "merging the partials is the graph"
    );
    (parts, to_json(&graph))
});

fn to_json(graph: &graphgen::graph::Graph) -> Vec<u8> {
    let mut out = Vec::new();
    Json.write(graph, &mut out).unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Any permutation of the partials, cut into any pieces that travel as JSON lines, merges
    /// into the graph of one run.
    #[test]
    fn merge_is_order_and_split_free(seed in any::<u64>(), cuts in proptest::collection::vec(any::<usize>(), 0..4)) {
        let (parts, whole) = &*PARTS;
        let mut shuffled = parts.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (shuffled.len() + 1)).collect();
        bounds.extend([0, shuffled.len()]);
        bounds.sort();
        let mut merged = Vec::new();
        for w in bounds.windows(2) {
            let text: String = shuffled[w[0]..w[1]].iter().map(|p| serde_json::to_string(p).unwrap() + "\n").collect();
            partial::read_jsonl("piece", text.as_bytes(), |p| merged.push(p)).unwrap();
        }
        prop_assert!(to_json(&merge_partials(&merged)) == *whole);
    }
}

#[test]
fn graph_json_files_merge_with_each_other_and_with_partials() {
    let all = files("seeds");
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let whole = graphgen(&[all[0].as_str(), all[1].as_str(), all[2].as_str(), "--json"], None);
    graphgen(&[all[0].as_str(), "--json", "-o", &out("a.json")], None);
    graphgen(
        &[all[1].as_str(), all[2].as_str(), "--json", "-o", &out("b.json")],
        None,
    );
    graphgen(
        &[all[1].as_str(), all[2].as_str(), "--partial", "-o", &out("b.jsonl")],
        None,
    );
    let ids = |bytes: &[u8]| {
        let g: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        let nodes: Vec<String> = g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].to_string())
            .collect();
        let edges: Vec<String> = g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {} {} {}", e["source"], e["relation"], e["target"], e["weight"]))
            .collect();
        (nodes, edges)
    };
    let graphs = graphgen(&["merge", &out("a.json"), &out("b.json")], None);
    let mixed = graphgen(&["merge", &out("b.jsonl"), &out("a.json")], None);
    assert_eq!(
        ids(&graphs),
        ids(&whole),
        "two graphs merge into the graph of both corpora"
    );
    assert_eq!(ids(&mixed), ids(&whole), "a graph merges with partials");
    // A graph read back and merged alone is itself.
    std::fs::write(out("whole.json"), &whole).unwrap();
    assert!(graphgen(&["merge", &out("whole.json")], None) == whole);
}

/// Edges by (source, relation, target) -> (weight, pieces of evidence kept).
fn edges(json: &[u8]) -> std::collections::BTreeMap<(String, String, String), (u64, usize)> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap();
    v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let key = |k: &str| e[k].as_str().unwrap().to_string();
            let kept = e["evidence"].as_array().unwrap().len();
            (
                (key("source"), key("relation"), key("target")),
                (e["weight"].as_u64().unwrap(), kept),
            )
        })
        .collect()
}

#[test]
fn a_cap_keeps_its_pieces_counts_them_all_and_never_depends_on_threads() {
    let mut tested = false;
    for corpus in CORPORA {
        let all = edges(&graphgen(&[corpus, "--json", "--threads", "1"], None));
        let one = graphgen(&[corpus, "--json", "--threads", "1", "--max-evidence", "1"], None);
        for threads in ["2", "3"] {
            let more = graphgen(&[corpus, "--json", "--threads", threads, "--max-evidence", "1"], None);
            assert!(one == more, "{corpus}: a capped graph differs on {threads} threads");
        }
        let capped = edges(&one);
        assert_eq!(
            capped.keys().collect::<Vec<_>>(),
            all.keys().collect::<Vec<_>>(),
            "{corpus}: same edges"
        );
        for (key, &(weight, kept)) in &capped {
            assert_eq!(weight, all[key].0, "{corpus}: {key:?} weighs what it weighs uncapped");
            assert_eq!(kept, 1, "{corpus}: {key:?} keeps one piece");
        }
        tested |= all.values().any(|&(w, _)| w > 1);
        // `all` is the same as no cap.
        let uncapped = graphgen(&[corpus, "--json", "--max-evidence", "all"], None);
        assert!(
            uncapped == graphgen(&[corpus, "--json"], None),
            "{corpus}: --max-evidence all"
        );
    }
    assert!(tested, "no edge with two pieces: the cap is never tested");
}

#[test]
fn merging_partials_with_a_cap_equals_one_capped_run() {
    for corpus in CORPORA {
        let partials = graphgen(&[corpus, "--partial", "--threads", "2"], None);
        let merged = graphgen(&["merge", "-", "--max-evidence", "2"], Some(&partials));
        let one = graphgen(&[corpus, "--json", "--max-evidence", "2"], None);
        assert!(merged == one, "{corpus}: merged partials differ from one capped run");
    }
}

/// `--no-documents` alone folds the documents while merging (run and merge alike); with a
/// kind filter it is done after the graph is built. Both give the same actors' graph.
#[test]
fn documents_folded_while_merging_equal_documents_folded_after() {
    for corpus in CORPORA {
        let partials = graphgen(&[corpus, "--partial", "--threads", "2"], None);
        let merged = graphgen(&["merge", "-", "--no-documents"], Some(&partials));
        let one = graphgen(&[corpus, "--json", "--no-documents"], None);
        assert!(merged == one, "{corpus}: merged partials differ from one run");
        // Every kind but documents: the fold then runs after the kinds are cut.
        let kinds = "leader,analyst,person,institute,outlet,country,document";
        let after = graphgen(&[corpus, "--json", "--no-documents", "--kind", kinds], None);
        assert!(after == one, "{corpus}: folded while merging differs from folded after");
    }
}
