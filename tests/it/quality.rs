//! Extraction quality floors, measured by `graphgen eval` (which agrees with the referee
//! `../shared/eval/score.py` to the last digit; tests/eval.rs checks that) against the
//! hand-annotated gold of the seed and dev sets. Runs only when `../shared` sits beside the
//! repository (as in CI); elsewhere it says so and passes. The CoNLL-2003 dev
//! mention floor is checked the same way.

use std::path::Path;
use std::process::Command;

fn score(set: &str, floors: &[(&str, f64)]) {
    let shared = Path::new("../shared");
    let gold = shared.join(format!("gold/{set}.json"));
    if !gold.exists() {
        eprintln!("note: ../shared not present; quality floors not checked");
        return;
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_graphgen"));
    cmd.arg("eval").arg("--gold").arg(&gold).arg(shared.join(set));
    for (name, value) in floors {
        cmd.arg("--min").arg(format!("{name}={value}"));
    }
    let out = cmd.output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{set}:\n{report}");
    assert!(
        out.status.success(),
        "{set} below its quality floors:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn seeds_meet_their_floors() {
    score(
        "seeds",
        &[("entity_f1", 0.95), ("typed_f1", 0.93), ("relation_f1", 0.93)],
    );
}

#[test]
fn dev_meets_its_floors() {
    // The floors issues 15 (knowledge) and 16 (meetings, affiliations) reached, less a margin
    // for the next rule.
    score(
        "dev",
        &[
            ("entity_f1", 0.92),
            ("typed_f1", 0.88),
            ("relation_f1", 0.85),
            ("affiliated-to_f1", 0.82),
            ("allied-with_f1", 0.50),
            ("met-with_f1", 0.75),
            // Issue 18's line: the attribution model reached 0.933.
            ("quoted-in_f1", 0.92),
        ],
    );
}

/// Mention spans on CoNLL-2003 dev, through the documented path: `conll_to_docs.py`, then
/// `graphgen mentions`, then `score_mentions.py`.
#[test]
fn conll_dev_mentions_meet_their_floor() {
    let shared = Path::new("../shared");
    let conll = shared.join("data/conll2003/dev.txt");
    if !conll.exists() {
        eprintln!("note: ../shared/data not present; mention floor not checked");
        return;
    }
    let dir = std::env::temp_dir().join(format!("graphgen-conll-dev-{}", std::process::id()));
    let made = Command::new("python3")
        .arg(shared.join("eval/conll_to_docs.py"))
        .arg(&conll)
        .arg(&dir)
        .output()
        .expect("python3 runs conll_to_docs.py");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let mentions = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .arg("mentions")
        .arg(dir.join("docs"))
        .output()
        .unwrap();
    assert!(
        mentions.status.success(),
        "{}",
        String::from_utf8_lossy(&mentions.stderr)
    );
    let pred = dir.join("pred.jsonl");
    std::fs::write(&pred, &mentions.stdout).unwrap();
    let out = Command::new("python3")
        .arg(shared.join("eval/score_mentions.py"))
        .arg(dir.join("gold.jsonl"))
        .arg(&pred)
        .args(["--min", "f1=0.915"])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("conll dev mentions:\n{report}");
    assert!(
        out.status.success(),
        "CoNLL-2003 dev mentions below F1 0.915:\n{report}"
    );
}

/// The HTML reader on the article pages: `graphgen text --dir`, then `score_articles.py`.
/// Floors: F1 0.95 and precision 0.92 (issue 19's bar; measured 0.970 and 0.954).
#[test]
fn article_pages_meet_their_floor() {
    let shared = Path::new("../shared");
    let pages = shared.join("data/articles/pages");
    if !pages.exists() {
        eprintln!("note: ../shared/data/articles not present; article floor not checked");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let read = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(["text", "--quiet", "--dir"])
        .arg(dir.path())
        .arg(&pages)
        .output()
        .unwrap();
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let out = Command::new("python3")
        .arg(shared.join("eval/score_articles.py"))
        .arg(shared.join("data/articles/ground-truth.json"))
        .arg(dir.path())
        .output()
        .expect("python3 runs score_articles.py");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("article pages: {report}");
    let figure = |name: &str| -> f64 {
        let words: Vec<&str> = report.split_whitespace().collect();
        let at = words
            .iter()
            .position(|w| *w == name)
            .unwrap_or_else(|| panic!("no {name} in {report}"));
        words[at + 1].parse().unwrap()
    };
    assert!(figure("F1") >= 0.95, "article F1 below 0.95: {report}");
    assert!(figure("P") >= 0.92, "article precision below 0.92: {report}");
}
