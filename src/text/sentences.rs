//! Sentence splitting: a document's text, minus its page furniture, into sentence spans.
//!
//! Every line break is a hard boundary (scraped news puts one paragraph, or one headline, on a
//! line), furniture ranges cut the text into separate pieces, and each line is split at `.`,
//! `!`, `?` and ellipses by a one-pass rule-based scanner. Spans are byte offsets into the text,
//! trimmed, never empty, in order, on char boundaries. Time is linear in the text: terminators
//! and line breaks are found with `memchr` searches, and every look-back and look-ahead is
//! bounded.
//!
//! Why not the `sentencex` crate (MIT, 0.1.33)? It was evaluated: it does give byte offsets and
//! gets most cases right, but it ran at about 29 MB/s one paragraph at a time (the language object
//! and its rules are rebuilt per call), it splits `“Are you sure?’ she asked.` in two and does
//! not split after `(A bracketed sentence.) Next`, and it would add clap, serde and strum to the
//! library's dependencies. This scanner runs an order of magnitude faster and its rules are the
//! table of cases in the tests below.
//!
//! The rules at a terminator followed by whitespace (a terminator glued to the next char, as in
//! `3.7`, `U.S.-allied` or `a.m.,` is never a boundary):
//! - closing quotes and brackets right after it belong to the sentence (`."`, `?’`, `.)`);
//! - a lowercase word next never starts a sentence (`“Sure?’ she asked`, `etc. are`);
//! - `!`, `?` and ellipses split before anything else;
//! - after a period, the word before it decides (see [`Abbrev`]): titles (`Mr.`, `Gen.`, `vs.`)
//!   never split; abbreviations that can end a sentence (`U.S.`, `p.m.`, `Inc.`, `St.`) split
//!   only before a typical sentence starter (`The`, `It`, `But`, ...) or an opening quote, so
//!   `in the U.S. The next day` splits but `the U.S. Navy` does not (and `in the U.S. President
//!   Okafor said` is wrongly kept whole: the cost of the heuristic); number-takers (`No.`,
//!   `Sept.`) also never split before a digit; single-letter initials split only before a
//!   starter; `etc.` splits before any capital; any other word splits before anything that is
//!   not lowercase.

use super::Span;
use super::abbrev::{Abbrev, Abbreviations};
use super::scan::{char_at, char_before, is_closer, is_opener, is_word_char, line_break_len, skip_space};
use std::borrow::Cow;
use std::ops::Range;

/// Sentences of `text` outside the `skip` ranges (page furniture), split with the
/// abbreviations and sentence starters of `abbrev` (the knowledge's, `&kb.abbrev`).
pub fn sentences(text: &str, skip: &[Range<usize>], abbrev: &Abbreviations) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, skip, abbrev, &mut out);
    out
}

/// Like [`sentences`], appending to `out` so a caller can reuse one buffer across documents.
pub fn sentences_into(text: &str, skip: &[Range<usize>], abbrev: &Abbreviations, out: &mut Vec<Span>) {
    let skip = sorted_ranges(skip);
    let mut pos = 0;
    for r in skip.iter().chain(std::iter::once(&(text.len()..text.len()))) {
        if r.start > r.end {
            continue;
        }
        let start = text.ceil_char_boundary(pos.min(text.len()));
        let end = text.floor_char_boundary(r.start.min(text.len()));
        if start < end {
            split_piece(abbrev, text, start, end, out);
        }
        pos = pos.max(r.end);
    }
}

/// The skip ranges sorted by start; borrowed when the corpus already sorted them (the norm).
fn sorted_ranges(skip: &[Range<usize>]) -> Cow<'_, [Range<usize>]> {
    if skip.windows(2).all(|w| w[0].start <= w[1].start) {
        Cow::Borrowed(skip)
    } else {
        let mut v = skip.to_vec();
        v.sort_by_key(|r| (r.start, r.end));
        Cow::Owned(v)
    }
}

/// Splits one furniture-free piece into lines, and each line into sentences.
fn split_piece(abbrev: &Abbreviations, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut line_start = start;
    let mut i = start;
    // `\n`, `\r`, or the lead byte of U+2028/U+2029 (also of curly quotes: checked below).
    while let Some(k) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..end]) {
        i += k;
        match line_break_len(bytes, i) {
            Some(n) => {
                split_line(abbrev, text, line_start, i, out);
                i += n;
                line_start = i;
            }
            None => i += 1,
        }
    }
    split_line(abbrev, text, line_start, end, out);
}

/// Trims a line and splits it into sentences.
fn split_line(abbrev: &Abbreviations, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let trimmed = line.trim_start();
    let start = start + (line.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        split_paragraph(abbrev, text, start, end, out);
    }
}

/// What kind of terminator run ends a candidate sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A single `.`.
    Period,
    /// `...` or `…`.
    Ellipsis,
    /// Any run with `!` or `?`.
    Strong,
}

/// Splits a trimmed line `text[start..end]` into sentences.
fn split_paragraph(abbrev: &Abbreviations, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut sent = start;
    let mut i = start;
    let mut terminators = Terminators::new(bytes, start, end);
    while let Some(t) = terminators.next_from(i) {
        i = t;
        let (run_end, stop) = terminator_run(text, i, end);
        let close_end = skip_closers(text, run_end, end);
        if close_end >= end {
            break;
        }
        if !char_at(text, close_end).is_some_and(|(c, _)| c.is_whitespace()) {
            i = close_end;
            continue;
        }
        let next = skip_space(text, close_end).min(end);
        if splits(abbrev, text, sent, i, stop, &Next::read(abbrev, text, next, end)) {
            out.push(Span::new(sent, close_end));
            sent = next;
        }
        i = next;
    }
    if sent < end {
        out.push(Span::new(sent, end));
    }
}

/// Finds terminators (`.`, `!`, `?`, `…`) in a line with SIMD searches rather than byte by byte.
/// Both needles are ASCII or a whole char, so every hit is on a char boundary.
struct Terminators<'a> {
    bytes: &'a [u8],
    end: usize,
    /// The first `…` at or after the last search start, found once and reused until passed.
    ellipsis: Option<usize>,
}

impl<'a> Terminators<'a> {
    const ELLIPSIS: &'static [u8] = "…".as_bytes();

    fn new(bytes: &'a [u8], start: usize, end: usize) -> Self {
        let ellipsis = Self::find_ellipsis(bytes, start, end);
        Terminators { bytes, end, ellipsis }
    }

    fn find_ellipsis(bytes: &[u8], from: usize, end: usize) -> Option<usize> {
        memchr::memmem::find(&bytes[from..end], Self::ELLIPSIS).map(|k| from + k)
    }

    /// The first terminator at or after `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        if from >= self.end {
            return None;
        }
        if self.ellipsis.is_some_and(|e| e < from) {
            self.ellipsis = Self::find_ellipsis(self.bytes, from, self.end);
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', &self.bytes[from..self.end]).map(|k| from + k);
        match (ascii, self.ellipsis) {
            (Some(a), Some(e)) => Some(a.min(e)),
            (a, e) => a.or(e),
        }
    }
}

/// The end of the run of terminators starting at `i` (`?!`, `...`, `…`) and its kind.
fn terminator_run(text: &str, i: usize, end: usize) -> (usize, Stop) {
    let mut j = i;
    let (mut dots, mut strong, mut ellipsis) = (0, false, false);
    while j < end {
        match char_at(text, j) {
            Some(('.', n)) => {
                dots += 1;
                j += n;
            }
            Some(('!' | '?', n)) => {
                strong = true;
                j += n;
            }
            Some(('…', n)) => {
                ellipsis = true;
                j += n;
            }
            _ => break,
        }
    }
    let stop = if strong {
        Stop::Strong
    } else if ellipsis || dots > 1 {
        Stop::Ellipsis
    } else {
        Stop::Period
    };
    (j, stop)
}

/// Skips the closing quotes and brackets that follow a terminator.
fn skip_closers(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(text, i) {
            Some((c, n)) if is_closer(c) => i += n,
            _ => break,
        }
    }
    i
}

/// What follows a candidate boundary.
struct Next {
    /// An opening quote or bracket comes first.
    opener: bool,
    /// The first char after any openers.
    first: Option<char>,
    /// The next word is a typical sentence starter.
    starter: bool,
}

impl Next {
    fn read(abbrev: &Abbreviations, text: &str, mut j: usize, end: usize) -> Next {
        let mut opener = false;
        while j < end {
            match char_at(text, j) {
                Some((c, n)) if is_opener(c) => {
                    opener = true;
                    j += n;
                }
                _ => break,
            }
        }
        let first = if j < end {
            char_at(text, j).map(|(c, _)| c)
        } else {
            None
        };
        Next {
            opener,
            first,
            starter: starter_at(abbrev, text, j, end),
        }
    }
}

/// True when a sentence-starting word begins at `j`. A lone letter followed by a period is an
/// initial (`A. Okafor`), not the article `A`.
/// Letter runs longer than the longest starter are not looked up.
fn starter_at(abbrev: &Abbreviations, text: &str, j: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let max = abbrev.max_starter();
    let mut k = j;
    while k < end && k - j <= max && bytes[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k == j || k - j > max {
        return false;
    }
    let after = if k < end {
        char_at(text, k).map(|(c, _)| c)
    } else {
        None
    };
    if after.is_some_and(is_word_char) || (k - j == 1 && after == Some('.')) {
        return false;
    }
    abbrev.is_sentence_starter(&text[j..k])
}

/// Decides whether the terminator at `term` (of kind `stop`) ends the sentence begun at `sent`.
fn splits(abbrev: &Abbreviations, text: &str, sent: usize, term: usize, stop: Stop, next: &Next) -> bool {
    let Some(first) = next.first else {
        return false;
    };
    if first.is_lowercase() && !next.opener {
        return false;
    }
    if stop != Stop::Period {
        return true;
    }
    match abbrev.classify(word_before(text, sent, term)) {
        Abbrev::None => true,
        Abbrev::Title => false,
        Abbrev::BeforeNumber => !first.is_numeric() && (next.opener || next.starter),
        Abbrev::Ambiguous => next.opener || next.starter,
        Abbrev::ListEnd => true,
        Abbrev::Initial => next.starter,
    }
}

/// The word right before the period at `term`, without surrounding quotes and brackets
/// (`(Mr` gives `Mr`, `U.S` stays). Words longer than any abbreviation come back empty.
fn word_before(text: &str, sent: usize, term: usize) -> &str {
    const MAX_WORD: usize = 24;
    let mut i = term;
    while i > sent && term - i <= MAX_WORD {
        match char_before(text, i) {
            Some((c, at)) if !c.is_whitespace() => i = at,
            _ => break,
        }
    }
    if term - i > MAX_WORD {
        return "";
    }
    text[i..term].trim_start_matches(is_opener).trim_end_matches(is_closer)
}

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod tests;
