//! Teaching graphgen: a stop list removes names, a user lexicon adds and merges actors.
//! Every name here is invented.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Prime Minister Tavo Renlund met Professor Ilsa Markov of the Quellen Institute on Monday.\n\n\
\"We agreed on a plan,\" Renlund said. Markov said the talks went well.\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .output()
        .unwrap()
}

fn ids(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_stop_listed_name_is_gone_from_graph_and_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE);
    let stop = write(dir.path(), "stop.txt", "# invented analyst\nilsa  MARKOV\nMarkov\n");
    assert!(ids(&run(&[&article, "--json"])).contains(&"ilsa-markov".to_string()));
    let cut = ids(&run(&[&article, "--json", "--stoplist", &stop]));
    assert_eq!(cut, ["doc:a", "quellen-institute", "tavo-renlund"]);
    let mentions = run(&["mentions", &article, "--stoplist", &stop]);
    let text = String::from_utf8(mentions.stdout).unwrap();
    assert!(!text.contains("Markov"), "{text}");
    assert!(text.contains("Renlund"), "{text}");
}

/// An entry that is only an alias (a surname) takes the alias, not the full-named actor; an
/// id takes the actor as its label does.
#[test]
fn a_stop_listed_alias_keeps_the_actor_and_an_id_drops_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE);
    let node = |stop_list: &str, id: &str| -> Option<Value> {
        let stop = write(dir.path(), "stop.txt", stop_list);
        let out = run(&[&article, "--json", "--stoplist", &stop]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let g: Value = serde_json::from_slice(&out.stdout).unwrap();
        g["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).cloned()
    };
    let before = node("", "ilsa-markov").expect("the analyst is there");
    assert!(
        before["aliases"].as_array().unwrap().iter().any(|a| a == "Markov"),
        "{before}"
    );
    let after = node("Markov\n", "ilsa-markov").expect("a surname on the list keeps the analyst");
    assert!(
        !after["aliases"].as_array().unwrap().iter().any(|a| a == "Markov"),
        "{after}"
    );
    assert!(
        node("ilsa-markov\n", "ilsa-markov").is_none(),
        "an id on the list drops the actor"
    );
}

#[test]
fn a_missing_stoplist_is_an_error_naming_the_file() {
    let out = run(&["seeds/", "--stoplist", "/nonexistent/stop.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/stop.txt"));
}

/// Nothing in this article says what `Brannoc` is or that `O. Vasquith` is `Orlen Vasquith`,
/// and `Malta` reads as the state.
const UNCUED: &str = "Talks in the capital\n\n\
Orlen Vasquith and Brannoc arrived early on Monday.\n\n\
Later, O. Vasquith met Mirela Donk at a dinner. Malta said the vote was close.\n";

const LEXICON: &str = "# invented actors of one desk\n\
name\tkind\taliases\tcountry\trole\n\
Orlen Vasquith\tleader\tO. Vasquith\tFrance\tprime minister\n\
Brannoc\tinstitute\n\
Rina Malta\tanalyst\tMalta\n";

fn graph_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

fn node<'a>(g: &'a Value, id: &str) -> Option<&'a Value> {
    g["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id)
}

#[test]
fn a_lexicon_actor_is_found_without_any_cue() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", UNCUED);
    let lexicon = write(dir.path(), "desk.tsv", LEXICON);
    assert!(!ids(&run(&[&article])).contains(&"brannoc".to_string()));
    let g = graph_of(&run(&[&article, "--lexicon", &lexicon]));
    let brannoc = node(&g, "brannoc").expect("the lexicon's institute is a node");
    assert_eq!(brannoc["kind"], "institute");
    let mentions = run(&["mentions", &article, "--lexicon", &lexicon]);
    assert!(mentions.status.success());
    let text = String::from_utf8(mentions.stdout).unwrap();
    assert!(
        text.contains(r#""text":"Brannoc","kind":"institute","entity":"brannoc""#),
        "{text}"
    );
}

#[test]
fn an_alias_merges_two_spellings_into_the_lexicon_actor() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", UNCUED);
    let lexicon = write(dir.path(), "desk.tsv", LEXICON);
    let plain = ids(&run(&[&article]));
    assert!(plain.contains(&"orlen-vasquith".to_string()) && plain.contains(&"o-vasquith".to_string()));
    let g = graph_of(&run(&[&article, "--lexicon", &lexicon]));
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"o-vasquith"), "{ids:?}");
    let v = node(&g, "orlen-vasquith").unwrap();
    assert_eq!(v["kind"], "leader", "the lexicon's kind");
    assert_eq!(v["label"], "Orlen Vasquith");
    assert_eq!(v["aliases"], serde_json::json!(["O. Vasquith"]));
    assert_eq!(v["country"], "france", "the lexicon's country, as an id");
    assert_eq!(v["role"], "prime minister");
    let met: Vec<(&str, &str)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == "met-with")
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(met, [("mirela-donk", "orlen-vasquith")]);
}

#[test]
fn a_user_entry_wins_a_form_from_the_built_in_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", UNCUED);
    let lexicon = write(dir.path(), "desk.tsv", LEXICON);
    assert!(ids(&run(&[&article])).contains(&"malta".to_string()));
    let g = graph_of(&run(&[&article, "--lexicon", &lexicon]));
    assert!(node(&g, "malta").is_none());
    assert_eq!(node(&g, "rina-malta").unwrap()["kind"], "analyst");
}

#[test]
fn a_malformed_lexicon_line_is_reported_and_the_rest_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", UNCUED);
    let bad = format!("{LEXICON}Teskin Labs outlet\nZed Harlow\tminister\n");
    let lexicon = write(dir.path(), "desk.tsv", &bad);
    let out = run(&[&article, "--lexicon", &lexicon]);
    assert_eq!(out.status.code(), Some(2), "an input problem, as an unreadable article");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("desk.tsv:6: no TAB found"), "{err}");
    assert!(
        err.contains("desk.tsv:7: kind `minister`; write leader, analyst"),
        "{err}"
    );
    let g = graph_of(&out);
    assert!(node(&g, "brannoc").is_some(), "the good lines still count");
}

#[test]
fn a_missing_lexicon_is_an_error_naming_the_file() {
    let out = run(&["seeds/", "--lexicon", "/nonexistent/desk.tsv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/desk.tsv"));
}

#[test]
fn the_example_lexicon_loads_cleanly() {
    // Quiet: no closing line, so any word on stderr is about the lexicon.
    let out = run(&["seeds/", "--quiet", "--lexicon", "examples/lexicon.tsv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Partial graphs carry what the lexicon taught, so the merge needs no lexicon.
#[test]
fn partial_graphs_carry_the_lexicon_into_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", UNCUED);
    let lexicon = write(dir.path(), "desk.tsv", LEXICON);
    let parts = run(&[&article, "--partial", "--lexicon", &lexicon]);
    assert!(parts.status.success(), "{}", String::from_utf8_lossy(&parts.stderr));
    let jsonl = write(dir.path(), "a.jsonl", &String::from_utf8(parts.stdout).unwrap());
    let merged = run(&["merge", &jsonl]);
    let one_run = run(&[&article, "--json", "--lexicon", &lexicon]);
    assert!(merged.stdout == one_run.stdout, "merge differs from one run");
    let v = node(&graph_of(&merged), "orlen-vasquith").cloned().unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["country"].as_str()),
        (Some("leader"), Some("france"))
    );
}
