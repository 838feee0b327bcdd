//! The scorer's spelling rules: how a name is folded before it is compared with a gold name,
//! and how any way of naming a document becomes one key.
//!
//! Both are ports of `fold` and `doc_key` in `../shared/eval/score.py`, kept separate from
//! `resolve::fold` on purpose: the referee must not change when the extractor's rules do.

use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Leading words a name loses before comparison (score.py's `TITLES`).
const TITLES: [&str; 19] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "premier",
    "chairman",
    "leader",
    "general",
    "gen",
    "sir",
    "madam",
    "the",
    "then",
    "former",
    "prime minister",
];

/// Longest first, so that a multi-word title is tried before any word it starts with.
static TITLES_BY_LENGTH: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut titles = TITLES.to_vec();
    titles.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    titles
});

/// A possessive `'s` at the end of a word; `\b` is Unicode-aware in both regex engines.
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"'s\b").expect("valid regex"));

/// Soft hyphens and zero-width marks: invisible, so they must not split or join words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Case, accents, punctuation, hyphens, possessives and leading titles folded away.
pub fn fold(name: &str) -> String {
    let visible: String = name.chars().filter(|&c| !is_invisible(c)).collect();
    let bare: String = visible.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect();
    let lower = bare.to_lowercase().replace('\u{2019}', "'");
    let lower = POSSESSIVE.replace_all(&lower, "").replace('.', "");
    strip_titles(ascii_words(&lower))
}

/// Every run of characters other than `a-z0-9` becomes one space; no space at either end.
fn ascii_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Drops leading titles until none is left, but never the last word of a name.
fn strip_titles(mut s: String) -> String {
    let mut changed = true;
    while changed {
        changed = false;
        for title in TITLES_BY_LENGTH.iter() {
            let rest = s
                .strip_prefix(title)
                .and_then(|r| r.strip_prefix(' '))
                .filter(|r| !r.is_empty());
            if let Some(rest) = rest {
                s = rest.to_string();
                changed = true;
            }
        }
    }
    s
}

/// `doc:003_x`, `seeds/003_x.txt` and `003_x` all become `doc:003_x`: the stem of the last
/// path component, as Python's `PurePath(v).stem` computes it.
pub fn doc_key(value: &str) -> String {
    let v = value.strip_prefix("doc:").unwrap_or(value);
    format!("doc:{}", python_stem(v))
}

/// `PurePosixPath(v).stem`: empty and `.` components vanish; a name's suffix is its last dot
/// onwards unless that dot is the first or the last character.
fn python_stem(path: &str) -> &str {
    let name = path
        .split('/')
        .rfind(|part| !part.is_empty() && *part != ".")
        .unwrap_or("");
    match name.rfind('.') {
        Some(i) if i > 0 && i < name.len() - 1 => &name[..i],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        // Each expectation was checked against score.py's own `fold`.
        let cases = [
            ("Marta Quillfeather", "marta quillfeather"),
            ("Mr. Quillfeather", "quillfeather"),
            ("Dr. Prof. Oskar Venn-Hallow", "oskar venn hallow"),
            ("Prime Minister Ilse Dahrendorp", "ilse dahrendorp"),
            ("the former Premier Tovan", "tovan"),
            ("Then-President Arvo Kestell", "arvo kestell"),
            ("Gen. Sabine Orlow", "sabine orlow"),
            ("General", "general"),
            ("Mr President", "president"),
            ("The Mr", "mr"),
            ("Generalissimo Pell", "generalissimo pell"),
            ("Quillfeather's", "quillfeather"),
            ("Quillfeather\u{2019}s office", "quillfeather office"),
            ("Bay's-end Trust", "bay end trust"),
            ("Zoë Ångström-Ørsted", "zoe angstrom rsted"),
            ("Éire Maritime Institute", "eire maritime institute"),
            ("Han\u{ad}na Sol\u{200b}berg", "hanna solberg"),
            ("U.S.-Varnland Council", "us varnland council"),
            ("ﬁrth of Lorne", "firth of lorne"),
            ("  --Cobalt  Bay--  ", "cobalt bay"),
            ("Dr.", "dr"),
            ("", ""),
            ("Sir Madam Leader Kell", "kell"),
            ("Professional Union", "professional union"),
            ("Amos's", "amos"),
            ("Amos'sy", "amos sy"),
        ];
        for (name, want) in cases {
            assert_eq!(fold(name), want, "fold({name:?})");
        }
    }

    #[test]
    fn doc_key_table() {
        let cases = [
            ("doc:017_tidewater", "doc:017_tidewater"),
            ("corpus/017_tidewater.txt", "doc:017_tidewater"),
            ("017_tidewater", "doc:017_tidewater"),
            ("doc:nested/dir/a.b.html", "doc:a.b"),
            ("a.", "doc:a."),
            (".hidden", "doc:.hidden"),
            (".a.b", "doc:.a"),
            ("dir/", "doc:dir"),
            ("dir/.", "doc:dir"),
            ("a//b.txt", "doc:b"),
            ("", "doc:"),
            ("..", "doc:.."),
        ];
        for (value, want) in cases {
            assert_eq!(doc_key(value), want, "doc_key({value:?})");
        }
    }
}
