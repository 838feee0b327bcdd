//! Tokens: words, numbers, possessives and punctuation of a sentence, as byte spans.
//!
//! Choices the extractor relies on:
//! - Words are runs of Unicode letters and digits (`Ségolène`, `Дмитрий`, `G7`) that keep
//!   internal hyphens and apostrophes (`Jong-un`, `O'Brien`, `well-known`, `don't`).
//! - A word that takes a period (see [`super::abbrev`]: titles `Mr.`, months `Sept.`, suffixes
//!   `Inc.`, dotted `U.S.`/`a.m.`/`Ph.D.`, initials `F.`) is one token with its periods, even at
//!   the end of a sentence; any other period is its own `Punct` token.
//! - A hyphen after a dotted abbreviation is not joined: `U.S.-allied` is `U.S.`, `-`, `allied`,
//!   so the extractor sees `U.S.` alone.
//! - `'s`/`’s` at a word's end is a `Possessive` token (`Kim's` is `Kim`, `'s`; contractions
//!   such as `it's` come out the same way). A bare `'`/`’` after a word ending in `s`
//!   (`Workers'`) is a `Possessive` too, even when it closes a quotation.
//! - Numbers start with a digit and keep `,`/`.` between digits and what is glued on
//!   (`5,000`, `3.7`, `1990s`, `1.2-million`); `%` and currency signs are `Punct`.
//! - Every other non-space char is one `Punct` token, except runs of `.` (`...`) and `-` (`--`)
//!   which are one token each. Dashes and quotes, straight or curly, are `Punct`.

use super::Span;
use super::abbrev::Abbreviations;
use super::scan::{char_at, is_apostrophe, is_letter, is_word_char};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits, hyphens, apostrophes inside); abbreviations include their periods.
    Word,
    /// Starts with a digit.
    Number,
    /// Punctuation and symbols.
    Punct,
    /// `'s`, `’s`, or a bare apostrophe after a plural.
    Possessive,
}

/// One token: a span of the document text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// True when the first char is an uppercase letter.
pub fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True when `s` has at least two letters and every letter is uppercase (`NATO`, `U.S.`).
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Tokens of `text[span]`, with spans into `text`. A span out of bounds or off char boundaries
/// is narrowed to the whole chars inside it. `abbrev` says which words take their period
/// (`Mr.` is one token).
pub fn tokenize(text: &str, span: Span, abbrev: &Abbreviations) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, span, abbrev, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` so a caller can reuse one buffer across sentences.
pub fn tokenize_into(text: &str, span: Span, abbrev: &Abbreviations, out: &mut Vec<Token>) {
    let start = text.ceil_char_boundary(span.start.min(text.len()));
    let end = text.floor_char_boundary(span.end.min(text.len()));
    let mut i = start;
    while i < end {
        if text.as_bytes()[i] == b' ' {
            i += 1;
            continue;
        }
        let Some((c, n)) = char_at(text, i) else {
            break;
        };
        if c.is_whitespace() {
            i += n;
        } else if is_word_char(c) {
            i = push_word(abbrev, text, i, end, out);
        } else {
            let j = punct_end(text, i, end, c, n);
            out.push(Token {
                span: Span::new(i, j),
                kind: TokenKind::Punct,
            });
            i = j;
        }
    }
}

/// The char at `i` if it is before `end`.
#[inline]
fn peek(text: &str, i: usize, end: usize) -> Option<char> {
    if i < end {
        char_at(text, i).map(|(c, _)| c)
    } else {
        None
    }
}

/// Pushes the word or number starting at `start` (plus a period it takes, or a possessive
/// after it) and returns where scanning goes on.
fn push_word(abbrev: &Abbreviations, text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let mut i = word_end(abbrev, text, start, end);
    let numeric = peek(text, start, end).is_some_and(char::is_numeric);
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    if !numeric && peek(text, i, end) == Some('.') && abbrev.classify(&text[start..i]).takes_period() {
        i += 1;
        out.push(Token {
            span: Span::new(start, i),
            kind,
        });
        return i;
    }
    out.push(Token {
        span: Span::new(start, i),
        kind,
    });
    match possessive_len(text, start, i, end) {
        Some(n) => {
            out.push(Token {
                span: Span::new(i, i + n),
                kind: TokenKind::Possessive,
            });
            i + n
        }
        None => i,
    }
}

/// The end of the word or number starting at `start`, joining the internal `-`, `'`, digit
/// separators and the periods of a dotted abbreviation.
fn word_end(abbrev: &Abbreviations, text: &str, start: usize, end: usize) -> usize {
    let mut i = start;
    // Dotted abbreviations are letters only, in groups of at most two (`U.S`, `Ph.D`).
    let mut letters_only = true;
    let mut group = 0;
    let mut prev = '\0';
    let bytes = text.as_bytes();
    while i < end {
        // Most chars are ASCII letters: take them without decoding.
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            letters_only &= b.is_ascii_alphabetic();
            group += 1;
            prev = b as char;
            i += 1;
            continue;
        }
        let Some((c, n)) = char_at(text, i) else {
            break;
        };
        if is_word_char(c) {
            letters_only &= is_letter(c);
            group += 1;
        } else {
            let next = peek(text, i + n, end);
            let next_word = next.is_some_and(is_word_char);
            let joins = if matches!(c, '.' | ',') && prev.is_numeric() && next.is_some_and(char::is_numeric) {
                letters_only = false;
                true
            } else if c == '.' && letters_only && group <= 2 && next.is_some_and(is_letter) {
                group = 0;
                true
            } else if c == '.'
                && i > start
                && let Some(suffix) = abbrev.domain_at(text, i + n, end)
            {
                // `Polygraph.info`, `Politico.com`: a site's name is one word.
                i += n + suffix;
                break;
            } else if next_word && (is_hyphen(c) || is_apostrophe(c) && !is_possessive_s(text, i + n, end)) {
                letters_only = false;
                group = 0;
                true
            } else {
                false
            };
            if !joins {
                break;
            }
        }
        prev = c;
        i += n;
    }
    i
}

/// Hyphens that join words; en and em dashes do not.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True when an `s`/`S` at `i` ends the word (the `s` of a possessive `'s`).
fn is_possessive_s(text: &str, i: usize, end: usize) -> bool {
    matches!(peek(text, i, end), Some('s' | 'S')) && !peek(text, i + 1, end).is_some_and(is_word_char)
}

/// Length of a possessive at `i` right after the word `text[start..i]`: `'s`, or a bare
/// apostrophe after a word ending in `s`.
fn possessive_len(text: &str, start: usize, i: usize, end: usize) -> Option<usize> {
    let (c, n) = char_at(text, i).filter(|_| i < end)?;
    if !is_apostrophe(c) {
        return None;
    }
    if is_possessive_s(text, i + n, end) {
        return Some(n + 1);
    }
    let plural = text[start..i].ends_with(['s', 'S']);
    (plural && !peek(text, i + n, end).is_some_and(is_word_char)).then_some(n)
}

/// End of the punctuation token starting with `c` (of `n` bytes) at `i`.
fn punct_end(text: &str, i: usize, end: usize, c: char, n: usize) -> usize {
    let mut j = i + n;
    if c == '.' || c == '-' {
        let bytes = text.as_bytes();
        while j < end && bytes[j] == c as u8 {
            j += 1;
        }
    }
    j
}

#[cfg(test)]
#[path = "tokens_tests.rs"]
mod tests;
