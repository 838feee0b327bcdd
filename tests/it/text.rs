//! `graphgen text`: the text graphgen reads from each input, so a user can see what was read;
//! every mention offset points into it. Pages and articles invented.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap()
}

const PAGE: &str = "<html><head><title>Harbour deal | Brindle Post</title>\
<meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\">\
<link rel=\"canonical\" href=\"https://brindle.example/harbour\"></head>\
<body><nav>Home | World | Sport</nav><article><h1>Harbour deal</h1>\
<p>Prime Minister Tavo Renlund met Ilsa Markov in Brindle on Monday.</p></article></body></html>";

#[test]
fn text_prints_what_is_read_and_json_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.html");
    std::fs::write(&page, PAGE).unwrap();
    let out = run(&["text", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Tavo Renlund met Ilsa Markov"), "{text}");
    assert!(!text.contains("Sport"), "the menu is not the article: {text}");

    let out = run(&["text", "--json", page.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "2024-05-02");
    assert_eq!(v["url"], "https://brindle.example/harbour");
    assert!(v["title"].as_str().unwrap().starts_with("Harbour deal"));
    assert!(v["path"].as_str().unwrap().ends_with("harbour.html"));

    // Every mention's offsets point into the printed text.
    let read = v["text"].as_str().unwrap();
    let out = run(&["mentions", page.to_str().unwrap()]);
    let mentions: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!mentions.is_empty());
    for m in &mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&read[s..e], m["text"].as_str().unwrap());
    }
}

#[test]
fn text_dir_writes_one_file_per_document_for_the_article_scorer() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("p1.html"), PAGE).unwrap();
    std::fs::write(input.join("p2.txt"), "Lena Markel said the port would close.\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&["text", input.to_str().unwrap(), "--dir", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stdout.is_empty(),
        "stdout carries data only, and the data went to the folder"
    );
    let p1 = std::fs::read_to_string(out_dir.join("p1.txt")).unwrap();
    assert!(p1.contains("Tavo Renlund"));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("p2.txt")).unwrap(),
        "Lena Markel said the port would close.\n"
    );
}

#[test]
fn text_names_a_missing_input() {
    let out = run(&["text", "no/such/page.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/page.html"));
}
