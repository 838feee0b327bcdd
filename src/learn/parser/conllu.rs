//! Reading dependency treebanks in CoNLL-U (plain or gzipped): the word forms, the Penn
//! Treebank tags (XPOS), the basic heads and labels, and the character offsets CoreNLP's
//! conversion leaves in MISC (`Begin=..|End=..`), by which a word's form is read back from the
//! article text instead of CoreNLP's normalised one (`-LRB-`, `` `` ``).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One sentence of a treebank: parallel columns, words numbered from 0 (heads from 1, 0 the root).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    /// Head of each word, 1-based; 0 is the root.
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

impl TreeSentence {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Reads a treebank file (`.gz` by its name). With `texts`, a folder holding the articles
/// the offsets point into (`<newdoc id>`), forms are read from the article.
pub fn read_treebank(path: &Path, texts: Option<&Path>) -> Result<Vec<TreeSentence>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    parse_treebank(BufReader::new(reader), texts).map_err(|e| format!("{}: {e}", path.display()))
}

/// What a CoNLL-U stream holds, sentence by sentence. Multiword ranges (`3-4`) and empty nodes
/// (`3.1`) are left out: the parser reads surface words with basic heads.
pub fn parse_treebank(input: impl BufRead, texts: Option<&Path>) -> Result<Vec<TreeSentence>, String> {
    let mut out = Vec::new();
    let mut cur = TreeSentence::default();
    // CoreNLP counts characters (UTF-16 units, the same for the articles' characters).
    let mut text: Option<Vec<char>> = None;
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            text = texts
                .and_then(|dir| std::fs::read_to_string(dir.join(id.trim())).ok())
                .map(|t| t.chars().collect());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: expected 10 TAB-separated columns, found {}",
                n + 1,
                cols.len()
            ));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| format!("line {}: head `{}` is not a number", n + 1, cols[6]))?;
        let form = text
            .as_deref()
            .and_then(|t| offsets(cols[9]).and_then(|(a, b)| t.get(a..b)))
            .map(|cs| {
                cs.iter()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| cols[1].to_string());
        cur.words.push(form);
        cur.tags.push(cols[4].to_string());
        cur.heads.push(head);
        cur.labels.push(cols[7].to_string());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// `Begin=12|End=19` -> character offsets into the article.
fn offsets(misc: &str) -> Option<(usize, usize)> {
    let mut begin = None;
    let mut end = None;
    for kv in misc.split('|') {
        if let Some(v) = kv.strip_prefix("Begin=") {
            begin = v.parse().ok();
        } else if let Some(v) = kv.strip_prefix("End=") {
            end = v.parse().ok();
        }
    }
    Some((begin?, end?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_and_skips_ranges_and_comments() {
        let text = "# sent_id = 1\n1\tThey\tthey\t_\tPRP\t_\t2\tnsubj\t_\t_\n\
                    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmet\tmeet\t_\tVBD\t_\t0\troot\t_\t_\n\
                    3\t.\t.\t_\t.\t_\t2\tpunct\t_\t_\n\n";
        let s = parse_treebank(text.as_bytes(), None).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["They", "met", "."]);
        assert_eq!(s[0].heads, [2, 0, 2]);
        assert_eq!(s[0].labels, ["nsubj", "root", "punct"]);
        assert!(
            parse_treebank("1\tx\n".as_bytes(), None)
                .unwrap_err()
                .contains("10 TAB-separated")
        );
    }
}
