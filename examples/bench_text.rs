//! Throughput of sentence splitting plus tokenizing on a few MB of generated news-like text.
//! Run with `cargo run --release --example bench_text`; prints MB/s, asserts nothing.

use graphgen::text::{sentences_into, tokenize_into};
use std::time::Instant;

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "Mr.",
    "Okafor",
    "met",
    "Gen.",
    "Lindqvist",
    "in",
    "Vantor",
    "on",
    "Sept.",
    "4",
    "U.S.",
    "forces",
    "and",
    "Kim's",
    "aide",
    "Jong-un",
    "3.7%",
    "5,000",
    "“We",
    "are",
    "ready,”",
    "a.m.",
    "Ségolène",
    "Дмитрий",
    "(the",
    "envoy)",
    "Inc.",
    "well-known",
    "O'Brien",
    "—",
    "Workers'",
    "growth",
];

/// Deterministic pseudo-random article text: sentences of 5–30 words, 1–6 per line.
fn generate(bytes: usize) -> String {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut text = String::with_capacity(bytes + 256);
    while text.len() < bytes {
        for _ in 0..1 + next(6) {
            text.push_str("They ");
            for _ in 0..5 + next(26) {
                text.push_str(WORDS[next(WORDS.len())]);
                text.push(' ');
            }
            text.push_str(["end. ", "end? ", "end! ", "end.” "][next(4)]);
        }
        text.push('\n');
    }
    text
}

fn main() {
    let text = generate(8 << 20);
    let (mut sents, mut toks) = (Vec::new(), Vec::new());
    let abbrev = graphgen::knowledge::embedded_abbreviations().expect("the embedded abbreviations parse");
    let runs = 5;
    let mb = (text.len() * runs) as f64 / 1e6;

    let start = Instant::now();
    for _ in 0..runs {
        sents.clear();
        sentences_into(&text, &[], &abbrev, &mut sents);
    }
    let split_secs = start.elapsed().as_secs_f64();

    let mut n_toks = 0;
    let start = Instant::now();
    for _ in 0..runs {
        for s in &sents {
            toks.clear();
            tokenize_into(&text, *s, &abbrev, &mut toks);
            n_toks += toks.len();
        }
    }
    let tok_secs = start.elapsed().as_secs_f64();

    println!(
        "{mb:.1} MB: {} sentences in {split_secs:.3}s ({:.1} MB/s), {n_toks} tokens in {tok_secs:.3}s ({:.1} MB/s); together {:.1} MB/s",
        sents.len() * runs,
        mb / split_secs,
        mb / tok_secs,
        mb / (split_secs + tok_secs)
    );
}
