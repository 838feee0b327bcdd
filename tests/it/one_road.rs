//! Every command that reads a corpus goes through the one pipeline: `graph`, `mentions`,
//! `eval` and `diff DIR DIR` take `--threads`, `--max-bytes` and `--quiet` alike, and no run
//! that read nothing replaces an existing output file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NEWS: &str = "tests/fixtures/news";
const GOLD: &str = "tests/fixtures/gold/seeds.json";

fn graphgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .output()
        .unwrap()
}

/// The same command for each subcommand that reads a corpus: `args` come after the inputs.
fn each_command(corpus: &str, args: &[&str]) -> Vec<(String, Output)> {
    let commands: [Vec<&str>; 4] = [
        vec![corpus, "--json"],
        vec!["mentions", corpus],
        vec!["eval", "--gold", GOLD, corpus],
        vec!["diff", corpus, corpus, "--format", "json"],
    ];
    commands
        .into_iter()
        .map(|mut c| {
            let name = c[0].to_string();
            c.extend_from_slice(args);
            (name, graphgen(&c))
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn every_command_gives_the_same_output_on_one_thread_and_on_two() {
    assert!(Path::new(GOLD).exists(), "the fixture gold is missing");
    let one = each_command(NEWS, &["--threads", "1", "--quiet"]);
    let two = each_command(NEWS, &["--threads", "2", "--quiet"]);
    for ((name, a), (_, b)) in one.iter().zip(&two) {
        assert!(a.stdout.len() > 50, "{name}: {}", stderr(a));
        assert!(a.stdout == b.stdout, "{name}: 1 and 2 threads differ");
        assert_eq!(a.status.code(), b.status.code(), "{name}");
    }
    for (name, out) in each_command(NEWS, &["--threads", "0"]) {
        assert_eq!(out.status.code(), Some(2), "{name}: --threads 0 is refused");
        assert!(stderr(&out).contains("--threads"), "{name}: {}", stderr(&out));
    }
}

#[test]
fn every_command_skips_an_input_over_max_bytes_and_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let small = "Chancellor Greta Holm met President Ivan Petrov in Vienna.\n";
    fs::write(dir.path().join("a-small.txt"), small).unwrap();
    fs::write(dir.path().join("b-big.txt"), small.repeat(100)).unwrap();
    let corpus = dir.path().to_str().unwrap();
    for (name, out) in each_command(corpus, &["--max-bytes", "1K", "--quiet"]) {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains("b-big.txt") && err.contains("--max-bytes"),
            "{name}: {err}"
        );
        assert!(!err.contains("a-small.txt"), "{name}: {err}");
        let text = String::from_utf8_lossy(&out.stdout);
        if name != "eval" && name != "diff" {
            assert!(text.contains("Greta Holm"), "{name}: the small file is read: {text}");
        }
    }
    for (name, out) in each_command(corpus, &["--max-bytes", "64K", "--quiet"]) {
        assert!(!stderr(&out).contains("b-big.txt"), "{name}: {}", stderr(&out));
    }
}

/// The progress bar needs a terminal on stderr: `script` gives the command one. Stdout goes
/// to /dev/null, so what `script` records is stderr alone. An article on stdin that comes
/// after three seconds holds the run past the two seconds after which the bar shows.
#[cfg(unix)]
#[test]
fn every_command_shows_progress_on_a_terminal_unless_quiet() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("note: `script` (util-linux) is missing; the progress bar is not checked");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_graphgen");
    let gold = fs::canonicalize(GOLD).unwrap();
    let news = fs::canonicalize(NEWS).unwrap();
    let commands = [
        ("graph", format!("'{bin}' - -o /dev/null")),
        ("mentions", format!("'{bin}' mentions - > /dev/null")),
        (
            "eval",
            format!("'{bin}' eval --gold '{}' - > /dev/null", gold.display()),
        ),
        ("diff", format!("'{bin}' diff - '{}' > /dev/null", news.display())),
    ];
    for (name, command) in commands {
        for quiet in [false, true] {
            let flag = if quiet { " --quiet" } else { "" };
            let inner = format!("(sleep 3; echo 'Chancellor Greta Holm met President Ivan Petrov.') | {command}{flag}");
            let out = Command::new("script")
                .args(["-qec", &inner, "/dev/null"])
                .output()
                .unwrap();
            let seen = String::from_utf8_lossy(&out.stdout);
            let shown = seen.contains('\u{2588}') || seen.contains('\u{1b}');
            assert_eq!(shown, !quiet, "{name}{flag}: {seen:?}");
        }
    }
}

/// An existing output and its bytes, to check that a run left it alone.
fn existing_output(dir: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let path = dir.join(name);
    let out = graphgen(&[NEWS, "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 1000);
    (path, bytes)
}

#[test]
fn a_missing_input_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (g, before) = existing_output(dir.path(), "g.json");
    let g = g.to_str().unwrap();
    for args in [
        vec!["typo", "-o", g],
        vec!["typo", NEWS, "-o", g],
        vec!["typo", "--partial", "-o", g],
        vec!["mentions", "typo", "-o", g],
        vec!["diff", "typo", NEWS, "-o", g],
    ] {
        let out = graphgen(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(
            err.contains("typo") && err.contains("left as it was"),
            "{args:?}: {err}"
        );
        assert_eq!(fs::read(g).unwrap(), before, "{args:?}: the file is untouched");
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
}

#[test]
fn a_run_that_reads_no_document_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (g, before) = existing_output(dir.path(), "g.json");
    let g = g.to_str().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let unreadable = tempfile::tempdir().unwrap();
    fs::write(unreadable.path().join("blob.txt"), b"\x00\x01binary").unwrap();
    for corpus in [empty.path(), unreadable.path()] {
        let corpus = corpus.to_str().unwrap();
        for args in [
            vec![corpus, "-o", g],
            vec![corpus, "--dot", "-o", g],
            vec![corpus, "--partial", "-o", g],
            vec!["mentions", corpus, "-o", g],
        ] {
            let out = graphgen(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(
                err.contains("left as it was") && err.contains("no document"),
                "{args:?}: {err}"
            );
            assert_eq!(fs::read(g).unwrap(), before, "{args:?}: the file is untouched");
        }
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
}

#[test]
fn an_empty_corpus_gives_an_empty_graph_with_a_warning_on_stdout_or_a_new_file() {
    let empty = tempfile::tempdir().unwrap();
    let corpus = empty.path().to_str().unwrap();
    let out = graphgen(&[corpus, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("no document was read"), "{}", stderr(&out));
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g["nodes"].as_array().unwrap().len(), 0);
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.json");
    let out = graphgen(&[corpus, "-o", new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("no document was read"));
    let g: serde_json::Value = serde_json::from_slice(&fs::read(&new).unwrap()).unwrap();
    assert_eq!(g["graph"]["documents"], 0);
    // A folder of files graphgen does not read is empty too, and the warning says what it reads.
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("report.pdf"), b"%PDF-1.4").unwrap();
    let out = graphgen(&[other.path().to_str().unwrap(), "--dot"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("no document was read") && stderr(&out).contains(".jsonl"),
        "{}",
        stderr(&out)
    );
}
