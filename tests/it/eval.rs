//! `graphgen eval`: its figures agree with the project's referee (`../shared/eval/score.py`)
//! when that sits beside the repository, floors exit 1 naming the figure, and a bad gold file
//! or floor exits 2 saying what to fix.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const SEEDS_GOLD: &str = "tests/fixtures/gold/seeds.json";
const SCORE_PY: &str = "../shared/eval/score.py";

fn graphgen() -> Command {
    Command::cargo_bin("graphgen").unwrap()
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

/// The referee, when it and python3 are there to run.
fn referee() -> Option<&'static Path> {
    let script = Path::new(SCORE_PY);
    let python = std::process::Command::new("python3").arg("--version").output();
    (script.exists() && python.is_ok_and(|o| o.status.success())).then_some(script)
}

/// score.py's JSON report of `graph` against `gold`.
fn score_py(script: &Path, gold: &Path, graph: &Path, explain: bool) -> Value {
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(script).arg(gold).arg(graph).arg("--json");
    if explain {
        cmd.arg("--explain");
    }
    let out = cmd.output().expect("python3 runs score.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    json_of(&out.stdout)
}

/// Every figure printed to three decimals is the same, and so is every count.
fn assert_agree(ours: &Value, theirs: &Value, what: &str) {
    let (a, b) = (
        ours["scores"].as_object().unwrap(),
        theirs["scores"].as_object().unwrap(),
    );
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{what}: figure names"
    );
    for (name, value) in a {
        let (x, y) = (value.as_f64().unwrap(), b[name].as_f64().unwrap());
        assert_eq!(format!("{x:.3}"), format!("{y:.3}"), "{what}: {name}");
    }
    let counts = |v: &Value| v["detail"].get("counts").unwrap_or(&v["detail"]).clone();
    assert_eq!(counts(ours), counts(theirs), "{what}: counts");
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The graph of `inputs`, as `graphgen INPUT... --json` writes it, in a file.
fn graph_file(dir: &tempfile::TempDir, inputs: &[&str]) -> PathBuf {
    let out = graphgen()
        .args(inputs)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let path = dir.path().join("graph.json");
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn seeds_figures_agree_with_the_referee() {
    let out = graphgen()
        .args(["eval", "--gold", SEEDS_GOLD, "seeds/", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ours = json_of(&out);
    let dir = tempfile::tempdir().unwrap();
    let graph = graph_file(&dir, &["seeds/"]);
    let Some(script) = referee() else {
        eprintln!("note: ../shared/eval/score.py or python3 absent; comparing with the port's own figures only");
        let again = graphgen()
            .args(["eval", "--gold", SEEDS_GOLD, "--json", "--graph"])
            .arg(&graph)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            ours,
            json_of(&again),
            "extracting and reading the written graph score alike"
        );
        return;
    };
    let theirs = score_py(script, Path::new(SEEDS_GOLD), &graph, false);
    assert_agree(&ours, &theirs, "seeds");
}

#[test]
fn dev_figures_and_lists_agree_with_the_referee() {
    let (Some(script), true) = (referee(), Path::new("../shared/dev").exists()) else {
        eprintln!("note: ../shared absent; dev agreement not checked");
        return;
    };
    let gold = Path::new("../shared/gold/dev.json");
    let dir = tempfile::tempdir().unwrap();
    let graph = graph_file(&dir, &["../shared/dev"]);
    let out = graphgen()
        .arg("eval")
        .arg("--gold")
        .arg(gold)
        .args(["../shared/dev", "--json", "--explain"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let (ours, theirs) = (json_of(&out), score_py(script, gold, &graph, true));
    assert_agree(&ours, &theirs, "dev");
    assert_eq!(
        ours["detail"], theirs["detail"],
        "dev: every listed miss and false alarm"
    );
}

/// An invented harbour town: two of three entities found, one stray affiliation, an optional
/// meeting not found.
const GOLD: &str = r#"{
  "entities": [
    {"id": "ada-brennick", "names": ["Ada Brennick"], "kind": "analyst"},
    {"id": "tomas-quell", "names": ["Tomas Quell"], "kind": "leader"},
    {"id": "albrecht-bay-trust", "names": ["Albrecht Bay Trust", "ABT"], "kind": "institute"}
  ],
  "relations": [
    {"relation": "affiliated-to", "source": "ada-brennick", "target": "albrecht-bay-trust"},
    {"relation": "quoted-in", "source": "ada-brennick", "target": "doc:017_harbour"},
    {"relation": "met-with", "source": "tomas-quell", "target": "ada-brennick", "optional": true}
  ]
}"#;

const GRAPH: &str = r#"{
  "nodes": [
    {"id": "ada-brennick", "label": "Ada Brennick", "kind": "analyst", "aliases": ["Ms. Brennick"], "mentions": 3},
    {"id": "abt", "label": "ABT", "kind": "institute", "aliases": [], "mentions": 2},
    {"id": "brennick", "label": "Dr. Ada Brennick", "kind": "person", "aliases": [], "mentions": 1},
    {"id": "pier-nine", "label": "Pier Nine", "kind": "institute", "aliases": [], "mentions": 1},
    {"id": "doc:017_harbour", "label": "Harbour news", "kind": "document", "path": "news/017_harbour.txt"}
  ],
  "edges": [
    {"source": "ada-brennick", "target": "abt", "relation": "affiliated-to", "evidence": [{"document": "news/017_harbour.txt", "start": 0, "end": 40, "sentence": "Ada Brennick, a fellow at the ABT, said.", "trigger": "a fellow at"}]},
    {"source": "ada-brennick", "target": "doc:017_harbour", "relation": "quoted-in", "evidence": [{"document": "news/017_harbour.txt", "start": 0, "end": 40, "sentence": "Ada Brennick, a fellow at the ABT, said.", "trigger": "said"}]},
    {"source": "ada-brennick", "target": "pier-nine", "relation": "affiliated-to", "evidence": [{"document": "news/017_harbour.txt", "start": 41, "end": 70, "sentence": "She also advises Pier Nine.", "trigger": "advises"}]}
  ]
}"#;

fn harbour() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let gold = temp_file(&dir, "gold.json", GOLD);
    let graph = temp_file(&dir, "graph.json", GRAPH);
    (dir, gold, graph)
}

fn eval_harbour(gold: &Path, graph: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    graphgen()
        .arg("eval")
        .arg("--gold")
        .arg(gold)
        .arg("--graph")
        .arg(graph)
        .args(extra)
        .assert()
}

#[test]
fn a_figure_below_its_floor_exits_1_and_is_named() {
    let (_dir, gold, graph) = harbour();
    let assert = eval_harbour(
        &gold,
        &graph,
        &[
            "--min",
            "entity_p=0.9",
            "--min",
            "relation_r=1",
            "--min",
            "affiliated-to_f1=0.7",
        ],
    )
    .code(1);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("below floor: entity_p 0.500 < 0.9; affiliated-to_f1 0.667 < 0.7"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("actors   P 0.500  R 0.667  F1 0.571"), "{stdout}");
    eval_harbour(&gold, &graph, &["--min", "entity_p=0.5", "--min", "relation_r=1"]).code(0);
}

#[test]
fn explain_lists_every_miss_and_false_alarm() {
    let (_dir, gold, graph) = harbour();
    let out = eval_harbour(&gold, &graph, &["--explain"])
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for want in [
        "\nmissed entities (1):\n   tomas-quell  Tomas Quell (leader)\n",
        "\nunmatched nodes (1):\n   \"Pier Nine\" (institute, id pier-nine)\n",
        "\nduplicate nodes (1):\n   \"Dr. Ada Brennick\" (person, id brennick)  already claimed: ada-brennick\n",
        "\nwrong kinds (0):\n",
        "\nmissed relations (0):\n",
        "\nwrong relations (1):\n   ada-brennick -[affiliated-to]-> pier-nine  (stray",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let out = eval_harbour(&gold, &graph, &["--explain", "--json"])
        .code(0)
        .get_output()
        .stdout
        .clone();
    let ours = json_of(&out);
    assert_eq!(
        ours["detail"]["wrong_relations"],
        json!([["affiliated-to", "ada-brennick", "pier-nine"]])
    );
    assert_eq!(
        ours["detail"]["duplicate_nodes"],
        json!([["Dr. Ada Brennick", "person"]])
    );
    if let Some(script) = referee() {
        assert_eq!(
            ours,
            score_py(script, &gold, &graph, true),
            "the referee's report, item by item"
        );
    }
}

#[test]
fn trouble_exits_2_and_says_what_to_fix() {
    let (dir, gold, graph) = harbour();
    let bad_kind = temp_file(
        &dir,
        "bad.json",
        r#"{"entities": [{"id": "x", "names": ["X"], "kind": "mayor"}], "relations": []}"#,
    );
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["--gold".into(), bad_kind.display().to_string()],
            format!("{}: entities[0].kind: expected one of", bad_kind.display()),
        ),
        (
            vec![
                "--gold".into(),
                gold.display().to_string(),
                "--min".into(),
                "typed=0.5".into(),
            ],
            "--min typed=0.5: no figure named \"typed\"".into(),
        ),
        (
            vec![
                "--gold".into(),
                gold.display().to_string(),
                "--min".into(),
                "typed_f1".into(),
            ],
            "--min typed_f1: expected NAME=VALUE".into(),
        ),
        (
            vec!["--gold".into(), dir.path().join("absent.json").display().to_string()],
            "absent.json: cannot read".into(),
        ),
    ];
    for (args, want) in cases {
        let out = graphgen()
            .arg("eval")
            .args(&args)
            .arg("--graph")
            .arg(&graph)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&want), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: no figures on trouble");
    }
    let out = graphgen()
        .args(["eval", "--gold"])
        .arg(&gold)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no input given"));
}
