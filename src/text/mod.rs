//! Text: sentences and tokens as byte spans into a document's text.
//!
//! [`sentences`] splits a document (minus its furniture) into sentence spans; [`tokenize`] splits
//! a sentence into word, number, possessive and punctuation tokens. Both scan bytes once and
//! allocate only their output.

mod abbrev;
mod scan;
pub mod sentences;
pub mod tokens;

pub use abbrev::{Abbrev, Abbreviations};
pub use sentences::{sentences, sentences_into};
pub use tokens::{Token, TokenKind, is_all_caps, is_capitalised, tokenize, tokenize_into};

/// A byte range in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}
