//! The gazetteer scan: one Aho-Corasick automaton over every country, outlet and place form,
//! matched case-sensitively on whole words, leftmost-longest.

use super::How;
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::hash_map::Entry;
use std::ops::Range;

/// What a pattern of the automaton stands for: an index into the lexicon's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Country(usize, How),
    Outlet(usize),
    Place(usize),
    /// A person or institute of the user's lexicon.
    Known(usize),
}

impl Target {
    /// Two targets name the same thing when they point at the same row, whatever the column.
    fn same_entry(self, other: Target) -> bool {
        match (self, other) {
            (Target::Country(a, _), Target::Country(b, _)) => a == b,
            (Target::Outlet(a), Target::Outlet(b))
            | (Target::Place(a), Target::Place(b))
            | (Target::Known(a), Target::Known(b)) => a == b,
            _ => false,
        }
    }
}

/// One raw match: byte offsets into the scanned text, the target and its ambiguity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RawHit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    pub ambiguous: bool,
}

/// Collects surface forms before the automaton is built, so that clashes are found with the
/// rows that caused them.
pub(super) struct GazetteerBuilder {
    slots: HashMap<String, usize>,
    patterns: Vec<String>,
    targets: Vec<(Target, bool, String)>,
    /// Normalised forms the user's lexicon lists: built-in entries give them up.
    reserved: HashSet<String>,
}

impl GazetteerBuilder {
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            slots: HashMap::default(),
            patterns: Vec::new(),
            targets: Vec::new(),
            reserved: HashSet::default(),
        }
    }

    /// Sets aside forms (in any case or hyphenation) for the user's entries.
    pub fn reserve<'a>(&mut self, forms: impl IntoIterator<Item = &'a str>) {
        self.reserved.extend(forms.into_iter().map(super::normalise));
    }

    /// A built-in form that the user's lexicon lists, which the built-in entry must not take.
    pub fn is_reserved(&self, form: &str) -> bool {
        !self.reserved.is_empty() && self.reserved.contains(&super::normalise(form))
    }

    /// Adds a form as written in a resource file. The same form for two different entries is
    /// an error: the scan could not tell which one the text means.
    pub fn add(&mut self, form: &str, target: Target, ambiguous: bool, origin: &str) -> Result<(), String> {
        match self.slots.entry(form.to_string()) {
            Entry::Occupied(o) => {
                let (have, _, at) = &self.targets[*o.get()];
                if have.same_entry(target) {
                    Ok(())
                } else {
                    Err(format!("`{form}` is also listed at {at} for another entry; keep one"))
                }
            }
            Entry::Vacant(v) => {
                v.insert(self.patterns.len());
                self.patterns.push(form.to_string());
                self.targets.push((target, ambiguous, origin.to_string()));
                Ok(())
            }
        }
    }

    /// Adds the spellings news copy uses for forms already added: ALL-CAPS headlines and curly
    /// apostrophes. A variant never displaces a form that a file lists.
    fn add_variants(&mut self) {
        let originals = self.patterns.len();
        for i in 0..originals {
            let form = self.patterns[i].clone();
            let (target, ambiguous, origin) = self.targets[i].clone();
            let upper = form.to_uppercase();
            let mut variants = vec![upper.clone()];
            if form.contains('\'') {
                variants.push(form.replace('\'', "\u{2019}"));
                variants.push(upper.replace('\'', "\u{2019}"));
            }
            for v in variants {
                if let Entry::Vacant(slot) = self.slots.entry(v.clone()) {
                    slot.insert(self.patterns.len());
                    self.patterns.push(v);
                    self.targets.push((target, ambiguous, origin.clone()));
                }
            }
        }
    }

    pub fn build(mut self) -> Gazetteer {
        self.add_variants();
        // Standard semantics because the scan needs every overlapping candidate: the longest
        // match at a position may fail the word-boundary test while a shorter one passes.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)
            .expect("gazetteer patterns are plain strings of bounded size");
        let targets = self.targets.into_iter().map(|(t, a, _)| (t, a)).collect();
        Gazetteer { automaton, targets }
    }
}

pub(super) struct Gazetteer {
    automaton: AhoCorasick,
    targets: Vec<(Target, bool)>,
}

impl Gazetteer {
    /// Whole-word, leftmost-longest, non-overlapping matches inside `range` of `text`, in text
    /// order. Word boundaries look at the characters just outside the match in the whole text.
    pub fn scan(&self, text: &str, range: Range<usize>) -> Vec<RawHit> {
        let Some(window) = text.get(range.clone()) else {
            return Vec::new();
        };
        let mut found: Vec<RawHit> = self
            .automaton
            .find_overlapping_iter(window)
            .map(|m| {
                let (target, ambiguous) = self.targets[m.pattern().as_usize()];
                RawHit {
                    start: range.start + m.start(),
                    end: range.start + m.end(),
                    target,
                    ambiguous,
                }
            })
            .filter(|h| is_whole_word(text, h.start, h.end))
            .collect();
        found.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<RawHit> = Vec::with_capacity(found.len());
        for h in found {
            if out.last().is_none_or(|last| h.start >= last.end) {
                out.push(h);
            }
        }
        out
    }
}

/// A match is a whole word when the characters on either side are not letters or digits;
/// `U.S.-allied` keeps `U.S.`, `Iranian` does not yield `Iran`.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(forms: &[(&str, Target)]) -> Gazetteer {
        let mut b = GazetteerBuilder::new();
        for (f, t) in forms {
            b.add(f, *t, false, "test").unwrap();
        }
        b.build()
    }

    fn spans(g: &Gazetteer, text: &str) -> Vec<&'static str> {
        let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
        g.scan(leaked, 0..leaked.len())
            .iter()
            .map(|h| &leaked[h.start..h.end])
            .collect()
    }

    #[test]
    fn whole_words_leftmost_longest() {
        let g = gazetteer(&[
            ("Iran", Target::Country(0, How::Name)),
            ("Iranian", Target::Country(0, How::Demonym)),
            ("China", Target::Country(1, How::Name)),
            ("South China Sea", Target::Place(0)),
            ("U.S.", Target::Country(2, How::Alias)),
            ("U.S.S.R.", Target::Country(3, How::Alias)),
        ]);
        let cases: [(&str, &[&str]); 7] = [
            ("Iranian officials", &["Iranian"]),
            ("Iranians", &[]),
            ("in the South China Sea, China said", &["South China Sea", "China"]),
            ("a U.S.-allied state", &["U.S."]),
            ("the U.S.S.R. fell", &["U.S.S.R."]),
            ("CHINA AND IRAN", &["CHINA", "IRAN"]),
            ("Chinatown and china plates", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), want, "{text}");
        }
    }

    #[test]
    fn variants_cover_curly_apostrophes_and_capitals() {
        let g = gazetteer(&[("People's Daily", Target::Outlet(0))]);
        assert_eq!(spans(&g, "the People\u{2019}s Daily wrote"), ["People\u{2019}s Daily"]);
        assert_eq!(spans(&g, "PEOPLE'S DAILY"), ["PEOPLE'S DAILY"]);
    }

    #[test]
    fn range_limits_the_scan_and_offsets_are_absolute() {
        let g = gazetteer(&[("Japan", Target::Country(0, How::Name))]);
        let text = "Japan and Japan";
        let hits = g.scan(text, 5..text.len());
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end), (10, 15));
        // The boundary test reads outside the range: `xJapan` is not a word.
        assert!(g.scan("xJapan", 1..6).is_empty());
        assert!(g.scan("Japan", 0..99).is_empty(), "a range past the end finds nothing");
    }

    #[test]
    fn one_form_for_two_entries_is_refused() {
        let mut b = GazetteerBuilder::new();
        b.add("Georgia", Target::Country(0, How::Name), true, "countries.tsv:5")
            .unwrap();
        b.add("Georgia", Target::Country(0, How::Capital), true, "countries.tsv:5")
            .unwrap();
        let err = b.add("Georgia", Target::Place(3), false, "places.tsv:9").unwrap_err();
        assert!(err.contains("countries.tsv:5"), "{err}");
    }
}
