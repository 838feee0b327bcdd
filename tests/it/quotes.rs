//! `graphgen quotes`: one JSON line per attribution, with the content's offsets into the
//! article as read, and a table of who is quoted how often. Articles invented.

use serde_json::Value;
use std::process::Command;

fn quotes(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg("quotes")
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn each_attribution_gives_speaker_cue_content_and_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Prime Minister Tavo Renlund met Professor Ilsa Markov of the Quellen Institute on Monday.\n\n\
\"We agreed on a plan for the harbour,\" Renlund said. Markov said the talks went well.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let lines: Vec<Value> = quotes(&[dir.path().to_str().unwrap()])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let by = |speaker: &str| {
        lines
            .iter()
            .find(|l| l["speaker"] == speaker)
            .unwrap_or_else(|| panic!("{lines:?}"))
    };
    let renlund = by("tavo-renlund");
    assert_eq!(
        (
            renlund["cue"].as_str(),
            renlund["content"].as_str(),
            renlund["mode"].as_str()
        ),
        (
            Some("said"),
            Some("We agreed on a plan for the harbour"),
            Some("direct")
        )
    );
    let markov = by("ilsa-markov");
    assert_eq!(
        (
            markov["content"].as_str(),
            markov["mode"].as_str(),
            markov["speaker_kind"].as_str()
        ),
        (Some("the talks went well"), Some("indirect"), Some("analyst"))
    );
    for l in &lines {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            l["content"].as_str().unwrap(),
            "offsets point into the article"
        );
    }
}

#[test]
fn the_table_counts_quotes_by_speaker_and_kind() {
    let table = quotes(&["tests/fixtures/dated", "--table"]);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("speaker"), "{table}");
    assert!(table.contains("Maria Kessler"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("analyst") && l.contains("speakers")),
        "{table}"
    );
}
