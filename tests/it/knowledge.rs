//! `graphgen knowledge NAME`: what graphgen knows of a name, with the user's lexicon.

use std::process::{Command, Output};

fn graphgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_name_in_the_built_in_and_the_users_knowledge_is_shown_with_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk.tsv");
    // Invented names.
    std::fs::write(&desk, "Orlen Vasquith\tleader\tO. Vasquith\tFrance\tpresident\n").unwrap();
    let out = graphgen(&[
        "knowledge",
        "France",
        "O. Vasquith",
        "--lexicon",
        desk.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let table = |name: &str, table: &str| {
        facts
            .iter()
            .find(|f| f["name"] == name && f["table"] == table)
            .unwrap_or_else(|| panic!("{name} in {table}: {facts:?}"))
            .clone()
    };
    assert_eq!(table("France", "country")["id"], "france");
    let v = table("O. Vasquith", "your lexicon");
    assert_eq!(
        (v["entry"].as_str(), v["kind"].as_str()),
        (Some("Orlen Vasquith"), Some("leader"))
    );
    assert_eq!(v["country"], "france");
}

#[test]
fn a_name_nothing_is_known_of_is_exit_1_with_a_line_on_stderr() {
    let out = graphgen(&["knowledge", "Reuters", "Zqxwv Plorth"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Reuters: outlet"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("Zqxwv Plorth"), "{stderr}");
}

/// A `--lexicon` in the actor dictionary's layout adds dated roles (and wins the forms it
/// shares); a broken one is reported with its file and line, and the run goes on (exit 2).
#[test]
fn a_lexicon_in_the_dictionary_layout_adds_dated_roles() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk.tsv");
    let bad = dir.path().join("bad.tsv");
    let article = dir.path().join("a.txt");
    let header = "name\tkind\taliases\tcode\troles\twikidata\n";
    // Invented names.
    std::fs::write(
        &desk,
        format!("{header}Orlen Vasquith\tleader\tO. Vasquith\tFRAGOV\tFrance;GOV;2020-01-01;\t\n"),
    )
    .unwrap();
    std::fs::write(&bad, format!("{header}Tamsin Rook\tleader\t\t\tNowhere;GOV;;\t\n")).unwrap();
    std::fs::write(&article, "Orlen Vasquith spoke to reporters in France on Monday.\n").unwrap();
    let out = graphgen(&[
        article.to_str().unwrap(),
        "--lexicon",
        desk.to_str().unwrap(),
        "--json",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let graph: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tie = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["source"] == "orlen-vasquith" && l["target"] == "france" && l["relation"] == "affiliated-to");
    assert!(tie.is_some(), "{graph}");

    let out = graphgen(&[
        article.to_str().unwrap(),
        "--lexicon",
        bad.to_str().unwrap(),
        "--json",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("bad.tsv: line 2:") && stderr.contains("Nowhere"),
        "{stderr}"
    );
    assert!(!out.stdout.is_empty(), "the graph is still written");
}

/// The hand-made lists stay well formed and complete for what they cover (every member of the
/// blocs whose size is known, every state's abbreviations): `scripts/check_lists.py`.
#[test]
fn the_hand_made_lists_pass_their_checks() {
    let out = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/check_lists.py"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs scripts/check_lists.py");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
