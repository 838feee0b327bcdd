//! What the POS tagger and the parser see of a word: hashes of its form, computed once per
//! sentence, and the hashed weight tables both score with.

use crate::learn::hash::{self, bucket, feature};

/// The hashes of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordView {
    /// Lowercased form.
    pub lower: u64,
    pub suffix1: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    pub prefix1: u64,
    /// `Xxxx`, `dd`, `X.X.`: the form's shape with runs cut at two.
    pub shape: u64,
}

impl WordView {
    pub fn of(form: &str) -> WordView {
        let lower = form.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let suffix = |n: usize| {
            let from = chars.len().saturating_sub(n);
            chars[from..]
                .iter()
                .fold(hash::K ^ n as u64, |h, &c| hash::mix_char(h, c))
        };
        WordView {
            lower: hash::hash_str(&lower),
            suffix1: suffix(1),
            suffix2: suffix(2),
            suffix3: suffix(3),
            suffix4: suffix(4),
            prefix1: form.chars().next().map_or(0, |c| hash::mix_char(hash::K, c)),
            shape: shape(form),
        }
    }
}

/// The form's character classes (the mention tagger's, `X`, `x`, `d`, else the character),
/// runs cut at two.
fn shape(form: &str) -> u64 {
    let mut h = hash::K;
    let mut last = ' ';
    let mut run = 0;
    for class in form.chars().map(crate::learn::tagger::char_class) {
        run = if class == last { run + 1 } else { 0 };
        last = class;
        if run < 2 {
            h = hash::mix_char(h, class);
        }
    }
    h
}

/// A table of hashed feature rows, `classes` weights each, as the trained model stores them.
#[derive(Debug, Clone)]
pub struct Table {
    pub bits: u32,
    pub classes: usize,
    pub weights: Vec<i16>,
}

impl Table {
    /// The row of a feature.
    #[inline]
    pub fn row(&self, f: u64) -> u32 {
        bucket(f, self.bits)
    }

    /// The rows' summed weights, one per class, into `score`.
    #[inline]
    pub fn score(&self, rows: &[u32], score: &mut [i32]) {
        crate::learn::perceptron::scores_into(&self.weights, rows, score);
    }
}

/// Feature rows under construction: each feature hashed with its template id.
pub struct Rows<'a> {
    pub bits: u32,
    pub out: &'a mut Vec<u32>,
}

impl Rows<'_> {
    #[inline]
    pub fn add<const N: usize>(&mut self, template: u64, values: [u64; N]) {
        self.out.push(bucket(feature(template, values), self.bits));
    }
}

/// The highest score among the allowed classes (the first on a tie).
pub fn argmax(score: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, &s) in score.iter().enumerate() {
        if allowed(c) && best.is_none_or(|b| s > score[b]) {
            best = Some(c);
        }
    }
    best
}
