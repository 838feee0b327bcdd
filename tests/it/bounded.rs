//! One document's extraction is bounded in time and memory whatever its content: huge files,
//! endless sentences, crowds of names, pronouns and shared surnames. Each case prints how long
//! it took and fails past a generous budget (time quadratic in these inputs would be hours).

use crate::support::hostile::*;
use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::time::{Duration, Instant};

/// Repeats `unit` until `len` bytes, cut on a char boundary.
fn repeat_to(unit: &str, len: usize) -> String {
    let mut s = unit.repeat(len / unit.len() + 1);
    s.truncate(len);
    s
}

/// 50 MB in a release build (`cargo test --release`); 5 MB in a debug build, whose extractor is
/// an order of magnitude slower.
#[test]
fn fifty_megabytes_without_a_newline_finish() {
    let tmp = tempfile::tempdir().unwrap();
    let size = if cfg!(debug_assertions) { 5 } else { 50 } * 1024 * 1024;
    let prose = "the river rose again and the farmers of the valley waited for the water to fall, ".repeat(8);
    let unit = format!("{prose}while President Maren Oduya met Prime Minister Tobiah Lenk, ");
    let huge = write(tmp.path(), "huge.txt", repeat_to(&unit, size));
    let started = Instant::now();
    let out = Command::cargo_bin("graphgen")
        .unwrap()
        .timeout(Duration::from_secs(600))
        .arg(&huge)
        .arg("--json")
        .output()
        .unwrap();
    eprintln!(
        "{} MB without a newline: {:.1} s",
        size >> 20,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(documents(&g), 1);
    assert!(labels(&g).contains(&"Tobiah Lenk".to_string()), "{:?}", labels(&g));
}

#[test]
fn one_megabyte_sentence_without_a_full_stop() {
    let tmp = tempfile::tempdir().unwrap();
    let unit = "and the talks between Maren Oduya and Tobiah Lenk went on ";
    let long = write(tmp.path(), "long.txt", repeat_to(unit, 1024 * 1024));
    let r = timed_run("1 MB sentence", &["mentions".as_ref(), long.as_os_str()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ms: Vec<Value> = String::from_utf8(r.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_offsets_fit(&ms, &fs::read_to_string(&long).unwrap());
    assert!(
        ms.iter().filter(|m| m["text"] == "Tobiah Lenk").count() > 10_000,
        "names are still found all along"
    );
}

/// Ten thousand invented two-part names, distinct in both parts.
fn many_names() -> Vec<String> {
    const SYL: [&str; 22] = [
        "ba", "ke", "lo", "mi", "nu", "pa", "re", "si", "to", "va", "za", "qe", "du", "fo", "gi", "ha", "jo", "wu",
        "xe", "yo", "ri", "sa",
    ];
    let cap = |s: &str| s[..1].to_uppercase() + &s[1..];
    (0..10_000)
        .map(|i| {
            let (a, b, c) = (SYL[i % 22], SYL[i / 22 % 22], SYL[i / 484 % 22]);
            format!("{}{b}{c}n {}{b}{a}vic", cap(a), cap(c))
        })
        .collect()
}

fn people(g: &Value) -> usize {
    let person = |k: &Value| ["person", "analyst", "leader"].iter().any(|p| k == p);
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| person(&n["kind"]))
        .count()
}

#[test]
fn ten_thousand_distinct_names_in_one_document() {
    let tmp = tempfile::tempdir().unwrap();
    let names = many_names();
    let text: String = names
        .iter()
        .map(|n| format!("The farmer {n} said the harvest was late.\n"))
        .collect();
    let path = write(tmp.path(), "crowd.txt", &text);
    let r = timed_run("10,000 names, a sentence each", &[path.as_os_str(), "--json".as_ref()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    let found: std::collections::HashSet<String> = labels(&g).into_iter().collect();
    assert!(
        names.iter().all(|n| found.contains(n)),
        "every name is an actor of its own"
    );
    assert!(
        people(&g) >= 9_900,
        "{} people: nearly every name reads as a person",
        people(&g)
    );
}

/// The same ten thousand names in one endless sentence, each meeting the next: the
/// worst case for pairing people, which must stay linear.
#[test]
fn ten_thousand_names_meeting_in_one_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let names = many_names();
    let chain: Vec<String> = names
        .chunks(2)
        .map(|p| format!("{} met {} and said", p[0], p[1]))
        .collect();
    let path = write(tmp.path(), "chain.txt", chain.join(" "));
    let r = timed_run(
        "10,000 names meeting in one sentence",
        &[path.as_os_str(), "--json".as_ref()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(people(&g) > 9_000, "{} people", people(&g));
    let edges = g["edges"].as_array().unwrap().len();
    assert!(
        (1_000..=20_000).contains(&edges),
        "{edges} edges: meetings are read, and not every pair"
    );
}

/// Ten thousand people, each quoted and then referred to by pronouns: who `he` is must be
/// looked up, not searched for among everyone named before.
#[test]
fn ten_thousand_people_and_their_pronouns() {
    let tmp = tempfile::tempdir().unwrap();
    let text: String = many_names()
        .iter()
        .map(|n| format!("\"It rained,\" Dr. {n} said. He told the farmers. \"Again,\" he said. She agreed.\n"))
        .collect();
    let path = write(tmp.path(), "pronouns.txt", &text);
    let r = timed_run(
        "10,000 people and their pronouns",
        &[path.as_os_str(), "--json".as_ref()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(people(&g) >= 9_900, "{} people", people(&g));
}

/// Two thousand people sharing a surname, each later named by the surname alone: a short
/// form is matched by lookup, not by a scan of the document per candidate.
#[test]
fn two_thousand_people_sharing_a_surname() {
    let tmp = tempfile::tempdir().unwrap();
    let firsts: Vec<String> = many_names()[..2_000]
        .iter()
        .map(|n| n.split(' ').next().unwrap().to_string())
        .collect();
    let mut text: String = firsts.iter().map(|f| format!("Dr. {f} Kelvar spoke.\n")).collect();
    text.push_str(&"\"No,\" Mr. Kelvar said.\n".repeat(2_000));
    let path = write(tmp.path(), "kelvars.txt", &text);
    let r = timed_run("2,000 people sharing a surname", &[path.as_os_str(), "--json".as_ref()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(people(&g) >= 1_990, "{} people", people(&g));
}
