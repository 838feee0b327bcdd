//! `graphgen train`: trains the mention tagger from CoNLL files, reports dev scores on stderr,
//! and writes a model file that loads and reproduces bit for bit.

use assert_cmd::cargo::cargo_bin_cmd;
use graphgen::learn::tagger::{EntityType, Tagger, spans};
use std::path::{Path, PathBuf};

const MINI: &str = "tests/fixtures/tagger/mini.conll";

fn train_to(path: &Path) -> String {
    let out = cargo_bin_cmd!("graphgen")
        .args([
            "train",
            "--train",
            MINI,
            "--dev",
            MINI,
            "--epochs",
            "8",
            "--bits",
            "18",
            "--headline-every",
            "0",
            "-o",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "stdout carries data only");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn train_writes_a_reproducible_model_and_reports_dev_scores() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b): (PathBuf, PathBuf) = (dir.path().join("a.model"), dir.path().join("b.model"));
    let report = train_to(&a);
    train_to(&b);
    for line in [
        "graphgen: epoch 8: dev",
        "PER   P",
        "ORG   P",
        "LOC   P",
        "MISC  P",
        "micro P",
    ] {
        assert!(report.contains(line), "missing {line:?} in:\n{report}");
    }
    let bytes = std::fs::read(&a).unwrap();
    assert!(
        bytes == std::fs::read(&b).unwrap(),
        "two trainings gave different files"
    );

    let model = Tagger::from_bytes(&bytes).unwrap();
    let words = ["Ilsa", "Marrow", "met", "Teodor", "Vasck", "in", "Brindle", "."];
    let found = spans(&model.tag(&words));
    assert_eq!(
        found,
        [
            (0, 2, EntityType::Per),
            (3, 5, EntityType::Per),
            (6, 7, EntityType::Loc)
        ]
    );
}

#[test]
fn train_names_a_bad_input_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conll");
    std::fs::write(&bad, "Ilsa B-PER\nMarrow B-PERSON\n").unwrap();
    let out = cargo_bin_cmd!("graphgen")
        .arg("train")
        .arg("--train")
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("m.model"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.conll") && err.contains("line 2") && err.contains("B-PERSON"),
        "{err}"
    );
    assert!(
        !dir.path().join("m.model").exists(),
        "no model is written from bad input"
    );
}

#[test]
fn train_reports_a_missing_file() {
    let out = cargo_bin_cmd!("graphgen")
        .args(["train", "--train", "no/such/file.conll", "-o", "unused.model"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.conll"));
}

const MINI_TREEBANK: &str = "tests/fixtures/parser/mini.conllu";

fn train_parser_to(path: &Path) -> String {
    let out = cargo_bin_cmd!("graphgen")
        .args([
            "train",
            "parser",
            "--train",
            MINI_TREEBANK,
            "--dev",
            MINI_TREEBANK,
            "--epochs",
            "15",
            "--jackknife-folds",
            "0",
            "-o",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "stdout carries data only");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn train_parser_writes_a_reproducible_model_and_reports_attachment_scores() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b): (PathBuf, PathBuf) = (dir.path().join("a.model"), dir.path().join("b.model"));
    let report = train_parser_to(&a);
    train_parser_to(&b);
    assert!(report.contains("parser pass 15:"), "{report}");
    assert!(
        report.contains("UAS 1.0000  LAS 1.0000"),
        "the training sentences are learned: {report}"
    );
    let bytes = std::fs::read(&a).unwrap();
    assert!(
        bytes == std::fs::read(&b).unwrap(),
        "two trainings gave different files"
    );
    let model = graphgen::learn::parser::Parser::from_bytes(&bytes).unwrap();
    let parse = model.parse(&["Ilsa", "met", "Teodor", "."]);
    assert_eq!(parse.heads, [2, 0, 2, 2]);
}

#[test]
fn train_parser_names_a_bad_treebank_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tIlsa\t_\t_\tNNP\t_\tx\tnsubj\t_\t_\n").unwrap();
    let out = cargo_bin_cmd!("graphgen")
        .args(["train", "parser", "--train"])
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("m.model"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu") && err.contains("line 1"), "{err}");
    assert!(!dir.path().join("m.model").exists());
}

/// `--model` makes the graph with a tagger the user trained: the mentions it finds are the
/// model's, and a file that is no model is an error naming it.
#[test]
fn model_loads_a_trained_tagger_in_place_of_the_embedded_one() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("mini.model");
    train_to(&model);
    let mentions = |extra: &[&std::ffi::OsStr]| {
        let out = cargo_bin_cmd!("graphgen")
            .args(["mentions", "tests/fixtures/news", "--quiet"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let embedded = mentions(&[]);
    let trained = mentions(&["--model".as_ref(), model.as_os_str()]);
    assert_ne!(
        embedded, trained,
        "a tagger trained on five sentences finds other names"
    );
    let graph = cargo_bin_cmd!("graphgen")
        .args(["tests/fixtures/news", "--json", "--quiet", "--model"])
        .arg(&model)
        .output()
        .unwrap();
    assert!(graph.status.success(), "{}", String::from_utf8_lossy(&graph.stderr));

    let junk = dir.path().join("junk.model");
    std::fs::write(&junk, b"not a model").unwrap();
    let out = cargo_bin_cmd!("graphgen")
        .args(["tests/fixtures/news", "--json", "--model"])
        .arg(&junk)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("junk.model") && err.contains("graphgen train"), "{err}");
}

/// `graphgen train attribution` rebuilds the shipped model bit for bit from PolNeAR train, when
/// `../shared` is beside the repository (as in CI), and names a folder that is no PolNeAR split.
#[test]
fn train_attribution_reproduces_the_shipped_model() {
    let train = Path::new("../shared/data/polnear/train");
    let dir = tempfile::tempdir().unwrap();
    let bad = cargo_bin_cmd!("graphgen")
        .args(["train", "attribution", "--train"])
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("m.model"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("attributions") && err.contains("PolNeAR split"), "{err}");
    if !train.is_dir() {
        eprintln!("skipped: {} is not here", train.display());
        return;
    }
    let model = dir.path().join("a.model");
    let out = cargo_bin_cmd!("graphgen")
        .args(["train", "attribution", "--train"])
        .arg(train)
        .arg("-o")
        .arg(&model)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "stdout carries data only");
    assert!(
        std::fs::read(&model).unwrap() == std::fs::read("resources/attribution.model").unwrap(),
        "the shipped resources/attribution.model is not what `graphgen train attribution` makes"
    );
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        report.contains("train: model:") && report.contains("train: rules:"),
        "{report}"
    );
}
