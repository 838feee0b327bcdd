//! HTML article readers side by side: graphgen's own, dom_smoothie (a Readability port) and
//! rs-trafilatura (a trafilatura port), on one folder of saved pages.
//!
//!     cargo run --release -- PAGES_DIR OUT_DIR [ROUNDS [READER]]
//!
//! For each reader: the pages read per second on one thread (the best of ROUNDS passes over the
//! whole folder, default 3; each page read from memory), and the text of each page written to
//! OUT_DIR/<reader>/<id>.txt, the layout `../shared/eval/score_articles.py` scores. graphgen's
//! text is what `graphgen text` prints: the reader's text with furniture blanked.

use std::path::{Path, PathBuf};
use std::time::Instant;

type Reader = fn(&str, &str) -> String;

fn graphgen(name: &str, html: &str) -> String {
    let (docs, _) = graphgen::corpus::read_reader(name, html.as_bytes(), u64::MAX);
    docs.into_iter()
        .map(|d| graphgen::corpus::furniture::blanked(d).text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn dom_smoothie(_: &str, html: &str) -> String {
    dom_smoothie::Readability::new(html, None, None)
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn rs_trafilatura(_: &str, html: &str) -> String {
    rs_trafilatura::extract(html).map(|r| r.content_text).unwrap_or_default()
}

const READERS: &[(&str, Reader)] = &[
    ("graphgen", graphgen),
    ("dom_smoothie", dom_smoothie),
    ("rs_trafilatura", rs_trafilatura),
];

fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: graphgen-readers-bench PAGES_DIR OUT_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = rest.first().map_or(3, |r| r.parse().expect("ROUNDS is a number"));
    let only = rest.get(1);
    let pages = pages(Path::new(dir));
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    println!("{} pages, {:.1} MB of HTML, best of {rounds} passes, one thread", pages.len(), bytes as f64 / 1e6);
    println!("| reader | pages/s | MB/s | ms/page |");
    println!("| --- | --- | --- | --- |");
    for (label, read) in READERS.iter().filter(|(l, _)| only.is_none_or(|o| o == l)) {
        let dest = Path::new(out).join(label);
        std::fs::create_dir_all(&dest).expect("OUT_DIR is writable");
        let mut best = f64::MAX;
        for round in 0..rounds {
            let start = Instant::now();
            let texts: Vec<String> = pages.iter().map(|(name, html)| read(name, html)).collect();
            best = best.min(start.elapsed().as_secs_f64());
            if round == 0 {
                for ((name, _), text) in pages.iter().zip(&texts) {
                    let id = name.trim_end_matches(".html").trim_end_matches(".htm");
                    std::fs::write(dest.join(format!("{id}.txt")), text).expect("OUT_DIR is writable");
                }
            }
        }
        let n = pages.len() as f64;
        println!(
            "| {label} | {:.0} | {:.1} | {:.2} |",
            n / best,
            bytes as f64 / 1e6 / best,
            best * 1e3 / n
        );
    }
}
