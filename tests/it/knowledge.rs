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
