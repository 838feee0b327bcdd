//! Tags each line of stdin (tokens split on whitespace) with the embedded model, or with the
//! model file named as the first argument, and prints the names it finds.
//!
//! ```text
//! echo "Talks between Orvane and Kestrel Dynamics stalled ." | cargo run --example tag_lines
//! ```

use graphgen::learn::tagger::{Tagger, spans};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let owned;
    let model = match std::env::args().nth(1) {
        Some(path) => {
            owned = Tagger::from_bytes(&std::fs::read(path)?)?;
            &owned
        }
        None => {
            owned = Tagger::embedded()?;
            &owned
        }
    };
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<&str> = line.split_whitespace().collect();
        let names: Vec<String> = spans(&model.tag(&words))
            .into_iter()
            .map(|(s, e, ty)| format!("[{} {}]", ty.as_str(), words[s..e].join(" ")))
            .collect();
        println!("{line}\n    {}", names.join(" "));
    }
    Ok(())
}
