//! `graphgen diff` from the command line: exit codes as diff(1), the mirror property, alias
//! matching across two hand-written graphs (invented names, tests/fixtures/diff/), errors on
//! foreign JSON, the DOT picture, and the worked example in `out/` (regenerate it with
//! `scripts/regen-diff`).

// Only the DOT reader is needed here.
use crate::support::dot_check;
use assert_cmd::Command;
use serde_json::{Value, json};
use std::process::Stdio;

const NEWS: &str = "tests/fixtures/news";
const OLD: &str = "tests/fixtures/diff/old.json";
const NEW: &str = "tests/fixtures/diff/new.json";
const FOREIGN: &str = "tests/fixtures/diff/foreign.json";

fn graphgen() -> Command {
    Command::cargo_bin("graphgen").unwrap()
}

/// Runs `graphgen diff ARGS`, checks the exit code, returns stdout.
fn diff(args: &[&str], code: i32) -> String {
    let out = graphgen().arg("diff").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "graphgen diff {args:?}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn diff_json(args: &[&str], code: i32) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&diff(&all, code)).expect("stdout is JSON")
}

fn assert_no_change(d: &Value) {
    for part in ["nodes", "edges"] {
        for list in ["added", "removed", "changed"] {
            assert_eq!(d[part][list], json!([]), "{part}.{list} of {d:#}");
        }
    }
}

#[test]
fn a_corpus_against_itself_is_the_same() {
    let d = diff_json(&[NEWS, NEWS], 0);
    assert_no_change(&d);
    assert!(d["summary"]["nodes"]["unchanged"].as_u64().unwrap() > 5, "{d:#}");
    assert!(diff(&[NEWS, NEWS], 0).ends_with("\nNo differences.\n"));
}

#[test]
fn a_graph_json_against_itself_is_the_same() {
    let d = diff_json(&[OLD, OLD], 0);
    assert_no_change(&d);
    assert_eq!(d["summary"]["edges"]["unchanged"], 3);
}

#[test]
fn a_written_graph_against_its_corpus_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("news.json");
    graphgen().args([NEWS, "--json", "-o"]).arg(&saved).assert().success();
    let saved = saved.to_str().unwrap();
    assert_no_change(&diff_json(&[saved, NEWS], 0));
    assert_no_change(&diff_json(&[NEWS, saved], 0));
}

/// `d` seen from the other side: added and removed swap, and so do left and right.
fn mirrored(d: &Value) -> Value {
    let mut m = d.clone();
    m["left"] = d["right"].clone();
    m["right"] = d["left"].clone();
    for part in ["nodes", "edges"] {
        m["summary"][part]["added"] = d["summary"][part]["removed"].clone();
        m["summary"][part]["removed"] = d["summary"][part]["added"].clone();
        m[part]["added"] = d[part]["removed"].clone();
        m[part]["removed"] = d[part]["added"].clone();
        for change in m[part]["changed"].as_array_mut().unwrap() {
            let left = change["left"].clone();
            change["left"] = change["right"].clone();
            change["right"] = left;
        }
    }
    m
}

#[test]
fn diff_b_a_is_the_mirror_of_diff_a_b() {
    let pairs = [
        [OLD, NEW],
        ["tests/fixtures/news/harbour.txt", "tests/fixtures/news/markets.html"],
        [NEWS, "tests/fixtures/news/wire"],
        [OLD, "tests/fixtures/news/harbour.txt"],
    ];
    for [a, b] in pairs {
        let ab = diff_json(&[a, b], 1);
        let ba = diff_json(&[b, a], 1);
        assert_eq!(ba, mirrored(&ab), "{a} vs {b}");
        assert_ne!(ab, ba, "{a} vs {b}: a real difference is not its own mirror");
    }
}

#[test]
fn actors_match_by_alias_and_relations_follow_them() {
    let d = diff_json(&[OLD, NEW], 1);
    // The old label `Rafe Osei-Lind` is an alias of `Rafael Osei Lind` now: one actor whose
    // union id is the smaller of its two ids.
    let changed = &d["nodes"]["changed"];
    let rafael = changed
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "rafael-osei-lind")
        .unwrap_or_else(|| panic!("{changed:#}"));
    assert_eq!(rafael["left"]["id"], "rafe-osei-lind");
    assert_eq!(rafael["right"]["id"], "rafael-osei-lind");
    assert_eq!(rafael["changes"], json!(["label", "aliases", "mentions"]));
    let halden = changed
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "halden-institute")
        .unwrap();
    assert_eq!(
        (&halden["left"]["kind"], &halden["right"]["kind"]),
        (&json!("institute"), &json!("outlet"))
    );

    let ids = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&d["nodes"]["added"]), ["doc:summit", "tomas-ferrow"]);
    assert_eq!(ids(&d["nodes"]["removed"]), ["doc:harbour", "ines-marrow"]);

    // The affiliation is one edge whose weight grew, not a removed and an added one.
    assert_eq!(
        d["edges"]["changed"],
        json!([{
            "source": "rafael-osei-lind", "target": "kestria", "relation": "affiliated-to",
            "left": {"source": "rafe-osei-lind", "target": "kestria", "weight": 2},
            "right": {"source": "rafael-osei-lind", "target": "kestria", "weight": 5}
        }])
    );
    let added = &d["edges"]["added"][0];
    assert_eq!(
        (&added["source"], &added["relation"], &added["target"]),
        (&json!("rafael-osei-lind"), &json!("met-with"), &json!("tomas-ferrow")),
        "a symmetric edge in union ids, smaller id first"
    );
    assert_eq!(added["weight"], 1);
    assert_eq!(added["evidence"][0]["trigger"], "met");
    assert_eq!(
        d["summary"]["edges"],
        json!({"added": 2, "removed": 2, "changed": 1, "unchanged": 0})
    );
}

#[test]
fn the_text_report_reads_in_100_columns() {
    let text = diff(&[OLD, NEW], 1);
    for want in [
        "actors     1 added, 1 removed, 2 changed, 1 unchanged",
        "Added actors (1)\n  + leader    Tomas Ferrow (2 mentions)\n",
        "Removed relations (2)\n  - Ines Marrow quoted-in harbour.txt\n      harbour.txt: \"Nothing will move,\" Marrow said.\n",
        "Weight changes (1)\n  ~ Rafael Osei Lind affiliated-to Kestria  2 -> 5 (+3)\n",
        "Kind changes (1)\n  ~ Halden Institute: institute -> outlet\n",
        "      id rafe-osei-lind -> rafael-osei-lind\n      label Rafe Osei-Lind -> Rafael Osei Lind\n",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let seeds = diff(&[NEWS, "tests/fixtures/news/harbour.txt"], 1);
    for report in [text, seeds] {
        assert!(report.lines().all(|l| l.chars().count() <= 100), "{report}");
    }
}

#[test]
fn filters_cut_both_sides_before_comparing() {
    let d = diff_json(&[OLD, NEW, "--relation", "affiliated-to"], 1);
    assert_eq!(d["filter"]["relation"], json!(["affiliated-to"]));
    // Tomas Ferrow has no affiliation, so he and his met-with edge are gone.
    assert_eq!(d["nodes"]["added"], json!([]));
    assert_eq!(d["edges"]["added"], json!([]));
    assert_eq!(d["edges"]["removed"][0]["relation"], "affiliated-to");

    let d = diff_json(&[OLD, NEW, "--kind", "leader,country"], 1);
    let kinds: Vec<&str> = ["added", "removed"]
        .iter()
        .flat_map(|l| d["nodes"][l].as_array().unwrap())
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["leader"], "{d:#}");

    // Above the floor only the grown affiliation is left, and on the left it was below it.
    let d = diff_json(&[OLD, NEW, "--min-weight", "3"], 1);
    assert_eq!(d["edges"]["added"][0]["weight"], 5);
    assert_eq!(d["left"]["edges"], 0);
    // A filter that leaves both sides alike makes them the same.
    assert_no_change(&diff_json(&[OLD, NEW, "--relation", "allied-with"], 0));

    let out = graphgen()
        .args(["diff", OLD, NEW, "--relation", "likes"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("met-with, quoted-in, allied-with, affiliated-to"), "{err}");
}

#[test]
fn a_foreign_json_is_trouble_naming_file_and_field() {
    for args in [[OLD, FOREIGN], [FOREIGN, OLD]] {
        let out = graphgen().arg("diff").args(args).assert().code(2);
        let out = out.get_output();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("tests/fixtures/diff/foreign.json: nodes[0].kind: missing"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "no report from a side that cannot be read");
    }
    let out = graphgen().args(["diff", OLD, "no/such/graph.json"]).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("no/such/graph.json: cannot read"), "{err}");
}

#[test]
fn a_missing_article_is_trouble_but_the_report_is_written() {
    let out = graphgen()
        .args(["diff", "--left", NEWS, "no/such/article.txt", "--right", NEWS])
        .assert()
        .code(2);
    let out = out.get_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/article.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No differences."));
}

#[test]
fn sides_of_several_paths() {
    let split = diff_json(
        &[
            "--left",
            NEWS,
            "--right",
            "tests/fixtures/news/harbour.txt",
            "tests/fixtures/news/markets.html",
            "tests/fixtures/news/wire",
        ],
        0,
    );
    assert_no_change(&split);
    assert_eq!(split["right"]["inputs"].as_array().unwrap().len(), 3);
    // A graph JSON is a side on its own; the two forms do not mix.
    graphgen()
        .args(["diff", "--left", OLD, NEWS, "--right", NEW])
        .assert()
        .code(2);
    graphgen().args(["diff", OLD, "--right", NEW]).assert().code(2);
    graphgen().args(["diff", OLD]).assert().code(2);
    graphgen()
        .args(["diff", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("stdin can feed one side only"));
}

#[test]
fn output_format_follows_the_file_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("d.json", "{"),
        ("d.dot", "digraph graphgen_diff {"),
        ("d.txt", "graphgen diff:"),
    ] {
        let path = dir.path().join(name);
        graphgen().args(["diff", OLD, NEW, "-o"]).arg(&path).assert().code(1);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(starts), "{name}: {text}");
    }
}

fn dot_installed() -> bool {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .output()
        .is_ok();
    if !ok {
        eprintln!("note: graphviz `dot` not installed; .ci/run installs it");
    }
    ok
}

fn render(dot: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_dot_picture_colours_the_change_and_renders() {
    let text = diff(&[OLD, NEW, "--dot"], 1);
    let parsed = dot_check::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let colour_of = |from: &str, to: &str| -> String {
        let e = parsed
            .edges
            .iter()
            .find(|e| e.from.text() == from && e.to.text() == to)
            .unwrap_or_else(|| panic!("no edge {from} -> {to}"));
        format!(
            "{} {}",
            e.attrs["color"].text(),
            e.attrs["label"].decode_label().unwrap()
        )
    };
    assert_eq!(colour_of("rafael-osei-lind", "kestria"), "#EF6C00 affiliated-to 2 -> 5");
    assert_eq!(colour_of("rafael-osei-lind", "tomas-ferrow"), "#2E7D32 met-with");
    assert_eq!(colour_of("ines-marrow", "halden-institute"), "#C62828 affiliated-to");
    let same = diff(&[OLD, OLD, "--dot"], 0);
    assert!(same.contains("color=\"#9E9E9E\""), "unchanged is grey");
    if dot_installed() {
        for dot in [text, same, diff(&[NEWS, "tests/fixtures/news/harbour.txt", "--dot"], 1)] {
            assert!(render(&dot).contains("<svg"));
        }
    }
}

/// The worked example in `out/`: the first seed article against the other two.
const SEEDS_EXAMPLE: [&str; 5] = [
    "--left",
    "seeds/000_8f168d666e692035.txt",
    "--right",
    "seeds/003_2b04a0d641f10ac0.txt",
    "seeds/004_7bac483263f1f6c5.txt",
];

#[test]
fn out_diff_seeds_is_current() {
    for (flag, file) in [
        (None, "out/diff-seeds.txt"),
        (Some("--json"), "out/diff-seeds.json"),
        (Some("--dot"), "out/diff-seeds.dot"),
    ] {
        let mut args = SEEDS_EXAMPLE.to_vec();
        args.extend(flag);
        let now = diff(&args, 1);
        assert!(
            std::fs::read_to_string(file).unwrap() == now,
            "{file} is stale: run scripts/regen-diff"
        );
    }
    if dot_installed() {
        let svg = std::process::Command::new("dot")
            .args(["-Tsvg", "out/diff-seeds.dot"])
            .output()
            .unwrap();
        assert!(svg.status.success());
        assert!(
            std::fs::read("out/diff-seeds.svg").unwrap() == svg.stdout,
            "out/diff-seeds.svg is stale: run scripts/regen-diff"
        );
    }
}
