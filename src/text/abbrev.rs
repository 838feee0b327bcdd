//! Abbreviations: which words take a following period, and whether that period can end a
//! sentence. Shared by the sentence splitter (where to split) and the tokenizer (`Mr.` is one
//! token). The words are data (`resources/abbreviations.tsv` and the `starter` class of
//! `resources/cues.tsv`), parsed once by the knowledge stage into an [`Abbreviations`] value
//! that the text functions take; this module keeps only the rules that read them.

use rustc_hash::{FxHashMap, FxHashSet};

/// How a word written before a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbrev {
    /// Not an abbreviation: the period ends the sentence unless a lowercase word follows.
    None,
    /// A title or linking word (`Mr.`, `Gen.`, `vs.`) that always has more to come.
    Title,
    /// Written before a number (`No. 5`, `Sept. 4`); otherwise like `Ambiguous`.
    BeforeNumber,
    /// May end a sentence (`Zentra Inc.`, `the U.S.`, `10 p.m.`): split only before a word that
    /// typically starts a sentence, or an opening quote.
    Ambiguous,
    /// `etc.` and `et al.`: a list's end, so any capitalised word after them starts a sentence.
    ListEnd,
    /// One letter (`F.` in a name, `J. R. R.`): split only before a sentence-starting word.
    Initial,
}

impl Abbrev {
    /// True when the period after the word belongs to the word (one token `Mr.`).
    pub fn takes_period(self) -> bool {
        self != Abbrev::None
    }
}

/// The abbreviations and sentence starters one run splits and tokenizes with.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Abbreviation as written (case-sensitive) -> how its period behaves.
    kinds: FxHashMap<String, Abbrev>,
    /// Sentence starters, lowercase; they count only when written Capitalised (`The`).
    starters: FxHashSet<String>,
    /// Longest starter in bytes: longer words are not looked up.
    max_starter: usize,
    /// Web domain suffixes (`com`, `info`) that end a site's name: `Politico.com` is one word.
    domains: Vec<String>,
}

impl Abbreviations {
    /// Reads `abbrev<TAB>kind` lines (`title`, `number`, `listend`, `suffix`; see
    /// `resources/abbreviations.tsv`) and the lowercase sentence starters.
    pub fn parse<'s>(tsv: &str, starters: impl IntoIterator<Item = &'s str>) -> Result<Abbreviations, String> {
        let mut kinds = FxHashMap::default();
        let mut domains = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() || line == "abbrev\tkind" {
                continue;
            }
            let (word, kind) = line
                .split_once('\t')
                .ok_or_else(|| format!("abbreviations.tsv:{}: expected `abbrev<TAB>kind`", n + 1))?;
            let kind = match kind {
                "title" => Abbrev::Title,
                "number" => Abbrev::BeforeNumber,
                "listend" => Abbrev::ListEnd,
                "suffix" => Abbrev::Ambiguous,
                "domain" => {
                    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
                        return Err(format!(
                            "abbreviations.tsv:{}: a domain is lowercase ASCII letters (`com`)",
                            n + 1
                        ));
                    }
                    domains.push(word.to_string());
                    continue;
                }
                _ => return Err(format!("abbreviations.tsv:{}: unknown kind {kind}", n + 1)),
            };
            if word.is_empty() || word.contains('.') {
                return Err(format!(
                    "abbreviations.tsv:{}: write the word without its period",
                    n + 1
                ));
            }
            if kinds.insert(word.to_string(), kind).is_some() {
                return Err(format!("abbreviations.tsv:{}: duplicate {word}", n + 1));
            }
        }
        let mut out = Abbreviations {
            kinds,
            domains,
            ..Abbreviations::default()
        };
        for w in starters {
            if w.is_empty() || w.len() > 32 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(format!(
                    "cues.tsv: sentence starter {w:?} must be one lowercase ASCII word of at most 32 letters"
                ));
            }
            out.max_starter = out.max_starter.max(w.len());
            out.starters.insert(w.to_string());
        }
        Ok(out)
    }

    /// Classifies `word`, the text before a period (without that period, e.g. `U.S` for `U.S.`).
    pub fn classify(&self, word: &str) -> Abbrev {
        if let Some(&kind) = self.kinds.get(word) {
            kind
        } else if is_dotted(word) {
            Abbrev::Ambiguous
        } else if is_single_letter(word) {
            Abbrev::Initial
        } else {
            Abbrev::None
        }
    }

    /// The domain suffix (`com`, `info`) at byte `i` of `text`, when the word running to `end`
    /// ends with it, as its length in bytes.
    pub fn domain_at(&self, text: &str, i: usize, end: usize) -> Option<usize> {
        let rest = &text.as_bytes()[i..end];
        self.domains
            .iter()
            .find(|s| {
                rest.starts_with(s.as_bytes())
                    && !text[i + s.len()..end]
                        .chars()
                        .next()
                        .is_some_and(super::scan::is_word_char)
            })
            .map(String::len)
    }

    /// The domain suffix of a word the tokenizer joined across a web domain's dot: `com` for
    /// `Politico.com`.
    pub fn web_suffix<'w>(&self, word: &'w str) -> Option<&'w str> {
        let dot = word.rfind('.').filter(|&d| d > 0)?;
        let len = self.domain_at(word, dot + 1, word.len())?;
        (dot + 1 + len == word.len()).then(|| &word[dot + 1..])
    }

    /// The longest sentence starter in bytes: longer words need not be looked up.
    pub fn max_starter(&self) -> usize {
        self.max_starter
    }

    /// Words that begin sentences far more often than they continue a name, written
    /// Capitalised (`The`, not `THE` or `the`). After an ambiguous abbreviation (`in the U.S.
    /// The next day`) only these split; `the U.S. Navy` does not.
    pub fn is_sentence_starter(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > self.max_starter || !b[0].is_ascii_uppercase() {
            return false;
        }
        if !b[1..].iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        let mut lower = [0u8; 32];
        let Some(buf) = lower.get_mut(..b.len()) else {
            return false;
        };
        buf.copy_from_slice(b);
        buf[0] = buf[0].to_ascii_lowercase();
        std::str::from_utf8(buf).is_ok_and(|l| self.starters.contains(l))
    }
}

/// Letters in groups of one or two joined by periods, at least two groups: `U.S`, `a.m`,
/// `Ph.D`, `e.g`.
pub fn is_dotted(w: &str) -> bool {
    let mut groups = 0;
    for g in w.split('.') {
        let n = g.chars().count();
        if !(1..=2).contains(&n) || !g.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

fn is_single_letter(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Abbreviations {
        crate::knowledge::embedded_abbreviations().unwrap()
    }

    #[test]
    fn classifies_words_before_a_period() {
        let abbrev = embedded();
        let cases = [
            ("Mr", Abbrev::Title),
            ("Gen", Abbrev::Title),
            ("vs", Abbrev::Title),
            ("Sept", Abbrev::BeforeNumber),
            ("No", Abbrev::BeforeNumber),
            ("Inc", Abbrev::Ambiguous),
            ("St", Abbrev::Ambiguous),
            ("U.S", Abbrev::Ambiguous),
            ("a.m", Abbrev::Ambiguous),
            ("Ph.D", Abbrev::Ambiguous),
            ("etc", Abbrev::ListEnd),
            ("F", Abbrev::Initial),
            ("Ж", Abbrev::Initial),
            ("talks", Abbrev::None),
            ("mr", Abbrev::None),
            ("NATO", Abbrev::None),
            ("3", Abbrev::None),
            ("example.com", Abbrev::None),
            ("U.", Abbrev::None),
            ("", Abbrev::None),
        ];
        for (w, want) in cases {
            assert_eq!(abbrev.classify(w), want, "{w:?}");
        }
    }

    #[test]
    fn starters_count_only_capitalised() {
        let abbrev = embedded();
        assert!(abbrev.is_sentence_starter("The") && abbrev.is_sentence_starter("I"));
        assert!(!abbrev.is_sentence_starter("THE") && !abbrev.is_sentence_starter("the"));
        assert!(!abbrev.is_sentence_starter("Navy") && !abbrev.is_sentence_starter(""));
    }

    #[test]
    fn bad_lines_are_rejected() {
        assert!(Abbreviations::parse("Mr\ttitle\nMr\tsuffix\n", []).is_err());
        assert!(Abbreviations::parse("Mr\tnoun\n", []).is_err());
        assert!(Abbreviations::parse("", ["The"]).is_err());
    }

    #[test]
    fn dotted_needs_short_letter_groups() {
        assert!(is_dotted("U.S.A"));
        assert!(!is_dotted("U..S"));
        assert!(!is_dotted("3.7"));
        assert!(!is_dotted("US"));
    }
}
