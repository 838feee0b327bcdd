//! Where the parser goes wrong: overall UAS, head accuracy by gold label, and sample errors on
//! punctuation.
//! `cargo run --release --example parse_errors -- MODEL TREEBANK [TEXTS]`
use graphgen::learn::parser::{Parser, conllu};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let model = Parser::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
    let texts = args.get(3).map(std::path::PathBuf::from);
    let sents = conllu::read_treebank(std::path::Path::new(&args[2]), texts.as_deref()).unwrap();
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut shown = 0;
    let mut punct: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let p = model.parse(&words);
        for i in 0..s.len() {
            let e = by.entry(s.labels[i].clone()).or_default();
            e.1 += 1;
            if s.labels[i] == "punct" {
                let root_word = s.heads.iter().position(|&h| h == 0).map(|r| r + 1);
                let key = format!(
                    "{} to {}",
                    s.words[i],
                    if Some(s.heads[i]) == root_word {
                        "root word"
                    } else {
                        "other"
                    }
                );
                let pe = punct.entry(key).or_default();
                pe.1 += 1;
                pe.0 += usize::from(p.heads[i] == s.heads[i]);
            }
            if p.heads[i] == s.heads[i] {
                e.0 += 1;
            } else if s.labels[i] == "punct" && shown < 15 && s.len() < 25 {
                shown += 1;
                let w = |h: usize| {
                    if h == 0 {
                        "ROOT".to_string()
                    } else {
                        format!("{}#{}", s.words[h - 1], h)
                    }
                };
                eprintln!(
                    "{}\n  {}#{}: gold {} got {}",
                    words.join(" "),
                    s.words[i],
                    i + 1,
                    w(s.heads[i]),
                    w(p.heads[i])
                );
            }
        }
    }
    for s in sents.iter().filter(|s| s.len() < 12).take(8) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let p = model.parse(&words);
        for i in 0..s.len() {
            eprintln!(
                "  {:3} {:12} {:5} gold {:3} {:10} got {:3} {:10}",
                i + 1,
                words[i],
                s.tags[i],
                s.heads[i],
                s.labels[i],
                p.heads[i],
                model.labels[p.labels[i]]
            );
        }
        eprintln!();
    }
    let mut pv: Vec<_> = punct.into_iter().collect();
    pv.sort_by_key(|(_, (ok, all))| std::cmp::Reverse(all - ok));
    for (l, (ok, all)) in pv.iter().take(12) {
        println!(
            "punct {l:24} {all:6} wrong {:6} acc {:.3}",
            all - ok,
            *ok as f64 / *all as f64
        );
    }
    let (ok, all) = by.values().fold((0, 0), |(a, b), (ok, n)| (a + ok, b + n));
    println!("UAS {:.4} ({all} words)", ok as f64 / all as f64);
    let mut v: Vec<_> = by.into_iter().collect();
    v.sort_by_key(|(_, (ok, all))| std::cmp::Reverse(all - ok));
    for (l, (ok, all)) in v.iter().take(20) {
        println!(
            "{l:12} {all:6} wrong {:6} acc {:.3}",
            all - ok,
            *ok as f64 / *all as f64
        );
    }
}
