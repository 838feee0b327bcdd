//! Hostile HTML stays bounded: pages of up to the 64 MB input cap made of tags, nesting,
//! attributes or bytes that no page should have. Each case runs `graphgen text` on one page
//! and checks the time against the document budget and the child's own peak resident set
//! (wait4) against a bound linear in the page's size.
#![cfg(target_os = "linux")]

use crate::support::hostile::{document_budget, write};
use std::path::Path;
use std::time::Instant;

/// Bytes of memory allowed per byte of page, over a fixed allowance. The reader's tree costs a
/// few dozen bytes a node and a tag can be four bytes (`<b>x`), so 20 per byte leaves room
/// without letting growth worse than linear pass. The allowance covers the program itself and
/// what Linux counts in a child's peak from before its exec: the test process's own memory,
/// which holds other tests' pages.
const PER_BYTE: u64 = 20;
const ALLOWANCE: u64 = 512 << 20;

struct Ran {
    ok: bool,
    text: Vec<u8>,
    peak: u64,
}

fn read_page(page: &Path) -> Ran {
    let out = page.with_extension("out");
    let args = [
        "text".as_ref(),
        "--quiet".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        page.as_os_str(),
    ];
    let (ok, peak) = crate::support::peak_of(&args);
    Ran {
        ok,
        text: std::fs::read(&out).unwrap_or_default(),
        peak,
    }
}

/// Writes `page`, reads it, and checks time and memory; returns what was read.
fn bounded(case: &str, page: Vec<u8>) -> Ran {
    let tmp = tempfile::tempdir().unwrap();
    let size = page.len() as u64;
    let path = write(tmp.path(), "page.html", page);
    let started = Instant::now();
    let ran = read_page(&path);
    let took = started.elapsed();
    eprintln!(
        "{case}: {:.2} s, peak {} MB for {} MB",
        took.as_secs_f64(),
        ran.peak >> 20,
        size >> 20
    );
    assert!(ran.ok, "{case}: graphgen text failed");
    assert!(took < document_budget(), "{case} took {took:?}");
    let bound = ALLOWANCE + PER_BYTE * size;
    assert!(
        ran.peak < bound,
        "{case}: peak {} MB over {} MB",
        ran.peak >> 20,
        bound >> 20
    );
    ran
}

/// Under the input cap, with room for the wrapper.
const SIZE: usize = 60 << 20;

fn page(body: &str) -> Vec<u8> {
    format!("<!doctype html><html><body>{body}</body></html>").into_bytes()
}

#[test]
fn sixty_megabytes_of_tags() {
    let ran = bounded("60 MB of tags", page(&"<p><a>x</a></p>".repeat(SIZE / 15)));
    // Each link is a one-letter line, which the furniture rules blank: lines are all that is left.
    assert!(ran.text.len() > SIZE / 15, "a line for each paragraph");
}

#[test]
fn deep_nesting_with_prose_at_every_level() {
    let depth = 400_000;
    let body = format!(
        "{}{}",
        "<div><p>Talks went on, and on, past midnight.</p>".repeat(depth),
        "</div>".repeat(depth)
    );
    let ran = bounded("400,000 nested divs", page(&body));
    assert!(ran.text.windows(12).any(|w| w == b"past midnigh"));
}

#[test]
fn unclosed_headings_and_unknown_tags() {
    let headings = "<h2>".repeat(1_000_000) + "Lena Markel spoke.";
    bounded("a million unclosed headings", page(&headings));
    let names: String = (0..500_000).map(|i| format!("<x-{i}>w ")).collect();
    let ran = bounded("half a million tag names", page(&names));
    assert!(ran.text.starts_with(b"w w"));
}

#[test]
fn huge_attributes() {
    let class = "a".repeat(SIZE / 2);
    let style = "display:block;".repeat(SIZE / 2 / 14);
    let body = format!(
        "<div class=\"{class}\" style=\"{style}\"><p>Tomas Brandt met Ilsa Markov in Brindle, on Monday.</p></div>"
    );
    let ran = bounded("30 MB class and style", page(&body));
    assert!(ran.text.starts_with(b"Tomas Brandt met Ilsa Markov"));
}

#[test]
fn broken_encodings_and_unclosed_quotes() {
    let mut body = page("<p title=\"never closed>Peter Halloran said \u{e9}t\u{e9}");
    // Latin-1 bytes and a cut UTF-8 sequence in the middle of the page.
    body.extend_from_slice(b"<p>caf\xe9 \xc3 and more words, after the bad bytes.</p>");
    body.extend(b"<div>&#xFFFFFFFF; &#0; &#xD800;".repeat(100_000));
    let ran = bounded("broken bytes and entities", body);
    assert!(!ran.text.is_empty());
}
