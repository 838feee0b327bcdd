//! Reading a corpus from disk: formats, order, names and problems, through the public API.

use graphgen::corpus::{Document, Problem, read_inputs, read_inputs_capped, read_reader};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/corpus";

fn paths(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.path.as_str()).collect()
}

fn find<'a>(docs: &'a [Document], path: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no document {path} in {:?}", paths(docs)))
}

fn furniture_of(doc: &Document) -> Vec<&str> {
    doc.furniture.iter().map(|r| &doc.text[r.clone()]).collect()
}

fn problem<'a>(problems: &'a [Problem], path: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem for {path} in {problems:?}"))
}

#[test]
fn reads_a_directory_of_mixed_formats() {
    let (docs, problems) = read_inputs(&[PathBuf::from(FIXTURES)]);
    assert_eq!(
        paths(&docs),
        [
            "tests/fixtures/corpus/feed.jsonl#story-1",
            "tests/fixtures/corpus/feed.jsonl#3",
            "tests/fixtures/corpus/latin1.txt",
            "tests/fixtures/corpus/nested/deeper/inner.md",
            "tests/fixtures/corpus/nested/utf16.txt",
            "tests/fixtures/corpus/page.html",
            "tests/fixtures/corpus/plain.txt",
        ]
    );
    let stems: Vec<&str> = docs.iter().map(|d| d.stem.as_str()).collect();
    assert_eq!(
        stems,
        ["story-1", "feed-3", "latin1", "inner", "utf16", "page", "plain"]
    );

    let summary: Vec<(&str, bool)> = problems.iter().map(|p| (p.path.as_str(), p.skipped)).collect();
    assert_eq!(
        summary,
        [
            ("tests/fixtures/corpus/feed.jsonl:2", true),
            ("tests/fixtures/corpus/feed.jsonl:4", true),
            ("tests/fixtures/corpus/latin1.txt", false),
            ("tests/fixtures/corpus/picture.txt", true),
        ]
    );
    assert!(problems[0].message.contains("bad JSON"), "{problems:?}");
    assert!(problems[1].message.contains("missing `text`"), "{problems:?}");
    assert!(problems[2].message.contains("not valid UTF-8"), "{problems:?}");
    assert!(problems[3].message.contains("binary"), "{problems:?}");
}

#[test]
fn html_yields_the_article_only() {
    let (docs, _) = read_inputs(&[PathBuf::from(FIXTURES).join("page.html")]);
    let page = &docs[0];
    assert_eq!(page.title.as_deref(), Some("Summit in the valley – Example Daily"));
    assert_eq!(
        page.text,
        "Professor Mira Solberg of the Institute for Valley Studies said the talks went “very well”.\n\n\
         Delegates from both countries met at the café & museum — a quiet place.\nThey stayed until dusk.\n\n\
         First point\nSecond point"
    );
}

#[test]
fn text_jsonl_and_encodings() {
    let (docs, _) = read_inputs(&[PathBuf::from(FIXTURES)]);

    let plain = find(&docs, "tests/fixtures/corpus/plain.txt");
    assert_eq!(
        plain.text,
        fs::read_to_string(Path::new(FIXTURES).join("plain.txt")).unwrap()
    );
    assert_eq!(
        furniture_of(plain),
        [
            "Sponsor: GADGETCO: The best gadgets for the whole family.",
            "Share | Facebook | X | Email",
            "Advertisement",
            "https://example.org/statement",
            "SEE ALSO: Ministers prepare for the next round",
        ]
    );

    let first = find(&docs, "tests/fixtures/corpus/feed.jsonl#story-1");
    assert_eq!(first.title.as_deref(), Some("Ports reopen"));
    assert_eq!(first.date.as_deref(), Some("2024-03-01"));
    assert_eq!(first.url.as_deref(), Some("https://example.org/1"));
    let third = find(&docs, "tests/fixtures/corpus/feed.jsonl#3");
    assert_eq!(furniture_of(third), ["Advertisement"]);

    let inner = find(&docs, "tests/fixtures/corpus/nested/deeper/inner.md");
    assert!(inner.text.contains("\r\n"), "CRLF must be kept");
    assert_eq!(furniture_of(inner), ["Advertisement"]);

    let utf16 = find(&docs, "tests/fixtures/corpus/nested/utf16.txt");
    assert_eq!(utf16.text, "UTF-16 text about Envoy Karl Nyström.\n");
    let latin1 = find(&docs, "tests/fixtures/corpus/latin1.txt");
    assert!(latin1.text.starts_with("Caf\u{FFFD} owners"));

    for doc in &docs {
        for r in &doc.furniture {
            assert!(r.start < r.end && r.end <= doc.text.len(), "{}: {r:?}", doc.path);
            assert!(
                doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end),
                "{}",
                doc.path
            );
        }
        assert!(doc.furniture.windows(2).all(|w| w[0].end < w[1].start), "{}", doc.path);
    }
}

#[test]
fn order_of_arguments_does_not_matter_and_files_are_read_once() {
    let dir = PathBuf::from(FIXTURES);
    let forward = read_inputs(&[dir.join("plain.txt"), dir.join("nested"), dir.join("page.html")]);
    let backward = read_inputs(&[dir.join("page.html"), dir.join("nested"), dir.join("plain.txt")]);
    assert_eq!(forward, backward);

    let (docs, _) = read_inputs(&[
        dir.join("plain.txt"),
        dir.clone(),
        PathBuf::from(format!("./{FIXTURES}/plain.txt")),
        dir.join("plain.txt"),
    ]);
    let plains = docs.iter().filter(|d| d.path.ends_with("plain.txt")).count();
    assert_eq!(plains, 1, "{:?}", paths(&docs));
}

#[test]
fn missing_paths_and_explicit_unknown_extensions() {
    let (docs, problems) = read_inputs(&[
        PathBuf::from("tests/fixtures/no-such-dir"),
        PathBuf::from("tests/fixtures/corpus-extra.notes"),
    ]);
    assert_eq!(paths(&docs), ["tests/fixtures/corpus-extra.notes"]);
    assert_eq!(docs[0].stem, "corpus-extra");
    let missing = problem(&problems, "tests/fixtures/no-such-dir");
    assert_eq!(
        (missing.message.as_str(), missing.skipped),
        ("no such file or directory", true)
    );
}

#[test]
fn empty_corpus_is_not_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("ignored.pdf"), "not read").unwrap();
    fs::write(tmp.path().join(".hidden.txt"), "hidden").unwrap();
    assert_eq!(read_inputs(&[tmp.path().to_path_buf()]), (vec![], vec![]));
}

#[test]
fn equal_stems_are_told_apart() {
    let tmp = tempfile::tempdir().unwrap();
    for (dir, body) in [("a", "One."), ("b", "Two."), ("c", "Three.")] {
        fs::create_dir(tmp.path().join(dir)).unwrap();
        fs::write(tmp.path().join(dir).join("story.txt"), body).unwrap();
    }
    fs::write(tmp.path().join("story-2.md"), "Four.").unwrap();
    let (docs, _) = read_inputs(&[tmp.path().to_path_buf()]);
    let stems: Vec<&str> = docs.iter().map(|d| d.stem.as_str()).collect();
    assert_eq!(stems, ["story", "story-3", "story-4", "story-2"]);
}

#[test]
fn oversized_inputs_are_skipped_with_a_clear_problem() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("big.txt"), "x".repeat(2000)).unwrap();
    fs::write(tmp.path().join("small.txt"), "small").unwrap();
    let (docs, problems) = read_inputs_capped(&[tmp.path().to_path_buf()], 1000);
    assert_eq!(docs.len(), 1);
    assert!(
        problems[0].skipped && problems[0].message.contains("larger than 1000 bytes"),
        "{problems:?}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let locked = tmp.path().join("locked.txt");
    fs::write(&locked, "secret").unwrap();
    fs::write(tmp.path().join("open.txt"), "open").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("running as root: permissions do not stop reading, case skipped");
        return;
    }
    let (docs, problems) = read_inputs(&[tmp.path().to_path_buf()]);
    assert_eq!(docs.len(), 1);
    assert!(
        problems[0].skipped && problems[0].message.contains("permission denied"),
        "{problems:?}"
    );
}

#[cfg(unix)]
#[test]
fn special_files_and_symlink_loops_in_a_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::write(root.join("story.txt"), "A story.").unwrap();
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("story.txt"), root.join("alias.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();

    let (docs, problems) = read_inputs(&[root.to_path_buf()]);
    assert_eq!(docs.len(), 1, "the alias is the same file: {:?}", paths(&docs));
    assert!(docs[0].path.ends_with("/alias.txt"), "first name in sorted order wins");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("symbolic link loop")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("no such file")), "{messages:?}");
    if made_fifo {
        assert!(
            messages.iter().any(|m| m.contains("not a regular file")),
            "{messages:?}"
        );
    }
    assert!(problems.iter().all(|p| p.skipped));
}

proptest! {
    /// Whatever the bytes and the format, furniture ranges are sorted, disjoint, inside the
    /// text and on char boundaries, so later stages can slice with them.
    #[test]
    fn furniture_ranges_are_valid_offsets(
        bytes in proptest::collection::vec(
            prop_oneof![
                any::<u8>(),
                Just(b'\n'), Just(b'\r'), Just(b'|'), Just(b'<'), Just(b'&'),
            ],
            0..400,
        ),
        noise in "(Advertisement |ADVERTISEMENT|Share\n|Sponsor: x\r\n|https://a.b/é |<p>|</p>|<br>|&amp;|é|日|\r|0\n)*",
        name in prop_oneof![Just("a.txt"), Just("a.html"), Just("a.jsonl"), Just("-")],
    ) {
        let mut input = noise.into_bytes();
        input.extend(bytes.into_iter().filter(|b| *b != 0));
        let (docs, _) = read_reader(name, &input[..], 1 << 20);
        for doc in &docs {
            for r in &doc.furniture {
                prop_assert!(r.start < r.end && r.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
            }
            prop_assert!(doc.furniture.windows(2).all(|w| w[0].end < w[1].start));
        }
    }
}
