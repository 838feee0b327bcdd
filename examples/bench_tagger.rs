//! Tagging speed of the embedded model on one thread.
//!
//! ```text
//! cargo run --release --example bench_tagger -- ../shared/data/conll2003/dev.txt [ROUNDS]
//! ```
//!
//! Loads the model once, tags every sentence of the file ROUNDS times (default 20) and prints
//! tokens per second to stdout, with the dev scores of the last round to stderr.

use graphgen::learn::tagger::{self, Scores, Tagger};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bench_tagger CONLL_FILE [ROUNDS]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(20);
    let sentences = tagger::read_conll(&std::fs::read_to_string(&path)?)?;
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|(w, _)| w.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = words.iter().map(Vec::len).sum();

    let load = Instant::now();
    let model = &Tagger::embedded()?;
    eprintln!("model loaded in {:.1} ms", load.elapsed().as_secs_f64() * 1e3);

    let start = Instant::now();
    let mut scores = Scores::default();
    for round in 0..rounds {
        for (w, (_, gold)) in words.iter().zip(&sentences) {
            let tags = model.tag(w);
            if round + 1 == rounds {
                scores.add(gold, &tags);
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let total = tokens * rounds;
    println!(
        "{total} tokens in {seconds:.3} s: {:.0} tokens/s",
        total as f64 / seconds
    );
    eprint!("{}", scores.report());
    Ok(())
}
