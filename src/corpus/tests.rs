use super::*;

fn doc(path: &str, stem: &str) -> Document {
    Document::new(path.into(), stem.into(), String::new())
}

#[test]
fn names_are_made_unique_in_order() {
    let mut docs = vec![
        doc("a/x.txt", "x"),
        doc("b/x.txt", "x"),
        doc("c/x-2.txt", "x-2"),
        doc("d/x.md", "x"),
    ];
    make_unique(&mut docs, |d| &mut d.stem);
    let stems: Vec<&str> = docs.iter().map(|d| d.stem.as_str()).collect();
    assert_eq!(stems, ["x", "x-3", "x-2", "x-4"]);
}

#[test]
fn distinct_names_are_told_from_repeats() {
    for (names, want) in [
        (vec![], true),
        (vec!["x"], true),
        (vec!["x", "x-2", "X"], true),
        (vec!["x", "y", "x"], false),
    ] {
        assert_eq!(all_distinct(names.iter().copied()), want, "{names:?}");
        // Distinct names are what make_unique leaves alone.
        let mut owned: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        make_unique(&mut owned, |n| n);
        assert_eq!(owned == names, want, "{names:?}");
    }
}

#[test]
fn stems() {
    let cases = [
        ("-", "stdin"),
        ("seeds/000_a.txt", "000_a"),
        ("x.tar.txt", "x.tar"),
        ("noext", "noext"),
        ("", "document"),
    ];
    for (display, want) in cases {
        assert_eq!(stem_of(display), want, "{display}");
    }
}

#[test]
fn reader_formats() {
    let (docs, problems) = read_reader("-", "plain words\n".as_bytes(), MAX_INPUT_BYTES);
    assert!(problems.is_empty());
    assert_eq!(
        (docs[0].path.as_str(), docs[0].stem.as_str(), docs[0].text.as_str()),
        ("-", "stdin", "plain words\n")
    );

    let page = "  <!DOCTYPE html><html><title>T</title><p>Para &amp; more</p></html>";
    let (docs, _) = read_reader("-", page.as_bytes(), MAX_INPUT_BYTES);
    assert_eq!(
        (docs[0].text.as_str(), docs[0].title.as_deref()),
        ("Para & more", Some("T"))
    );

    let (docs, _) = read_reader("-", "<p>not a page, just a tag</p>".as_bytes(), MAX_INPUT_BYTES);
    assert_eq!(docs[0].text, "<p>not a page, just a tag</p>");

    let (docs, _) = read_reader(
        "feed.jsonl",
        "{\"text\":\"a\"}\n{\"id\":\"k\",\"text\":\"b\"}".as_bytes(),
        1000,
    );
    let names: Vec<(&str, &str)> = docs.iter().map(|d| (d.path.as_str(), d.stem.as_str())).collect();
    assert_eq!(names, [("feed.jsonl#1", "feed-1"), ("feed.jsonl#k", "k")]);
}

#[test]
fn reader_problems() {
    let (docs, problems) = read_reader("-", "x".repeat(101).as_bytes(), 100);
    assert!(docs.is_empty());
    assert!(
        problems[0].skipped && problems[0].message.contains("larger than 100 bytes"),
        "{problems:?}"
    );

    let (docs, problems) = read_reader("a.txt", &b"text\0more"[..], 100);
    assert!(docs.is_empty());
    assert!(
        problems[0].skipped && problems[0].message.contains("binary"),
        "{problems:?}"
    );

    let (docs, problems) = read_reader("a.txt", &b"caf\xE9"[..], 100);
    assert_eq!(docs[0].text, "caf\u{FFFD}");
    assert!(
        !problems[0].skipped && problems[0].message.contains("UTF-8"),
        "{problems:?}"
    );
}

#[test]
fn plain_text_keeps_its_bytes_and_finds_a_date_stamp() {
    let text = " date 2024-02-29 A headline\r\n\r\nAdvertisement\r\nBody.\r\n";
    let (docs, _) = read_reader("a.txt", text.as_bytes(), 1000);
    assert_eq!(docs[0].text, text);
    assert_eq!(docs[0].date.as_deref(), Some("2024-02-29"));
    let covered: Vec<&str> = docs[0].furniture.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(covered, [" date 2024-02-29", "Advertisement"]);
}

#[test]
fn touches_furniture() {
    let mut d = doc("a", "a");
    d.furniture = vec![2..4, 10..12];
    let cases = [
        (0..2, false),
        (0..3, true),
        (3..5, true),
        (4..10, false),
        (11..11, false),
        (11..20, true),
        (12..20, false),
    ];
    for (range, want) in cases {
        assert_eq!(d.touches_furniture(range.clone()), want, "{range:?}");
    }
}

#[test]
fn problems_sort_by_file_then_line() {
    let mut paths = vec!["b.txt", "a.jsonl:10", "a.jsonl:9", "a.jsonl", "c:/x"];
    paths.sort_by(|a, b| problem_order(a).cmp(&problem_order(b)));
    assert_eq!(paths, ["a.jsonl", "a.jsonl:9", "a.jsonl:10", "b.txt", "c:/x"]);
}

#[test]
fn a_file_that_disappears_between_the_walk_and_the_read_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), "Dr. Ansa Pell spoke.\n").unwrap();
    }
    let mut problems = Vec::new();
    let inputs = source::discover(&[dir.path().to_path_buf()], &mut problems);
    assert_eq!(inputs.len(), 3);
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let docs: Vec<Document> = inputs
        .iter()
        .flat_map(|i| read_input(i, MAX_INPUT_BYTES, &mut problems))
        .collect();
    let read: Vec<&str> = docs.iter().map(|d| d.stem.as_str()).collect();
    assert_eq!(read, ["a", "c"], "the rest is read");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].path.ends_with("b.txt") && problems[0].skipped,
        "{problems:?}"
    );
    assert!(problems[0].message.contains("no such file"), "{problems:?}");
}
