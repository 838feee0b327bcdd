//! Tags a CoNLL file and writes `token gold predicted` lines (conlleval's input) to stdout.
//!
//! ```text
//! cargo run --release --example tag_conll -- ../shared/data/conll2003/dev.txt [MODEL] > dev.pred
//! ```
//!
//! Uses the embedded model unless a model file is named.

use graphgen::learn::tagger::{self, Tagger};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: tag_conll CONLL_FILE [MODEL]")?;
    let owned;
    let model = match args.next() {
        Some(file) => {
            owned = Tagger::from_bytes(&std::fs::read(file)?)?;
            &owned
        }
        None => {
            owned = Tagger::embedded()?;
            &owned
        }
    };
    let sentences = tagger::read_conll(&std::fs::read_to_string(&path)?)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (words, gold) in &sentences {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        for ((word, gold), predicted) in words.iter().zip(gold).zip(model.tag(&refs)) {
            writeln!(out, "{word} {gold} {predicted}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}
