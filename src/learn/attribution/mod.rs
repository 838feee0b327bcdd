//! The attribution model: which of a reporting cue's candidates is its speaker, or none.
//!
//! Extraction finds a reporting cue (`said`, `according to`) and lists what could have spoken
//! it in the sentence: its names, pronouns and descriptions (`the senator`), each described
//! as a [`Candidate`] (kind, side of the cue, distance, neighbouring words, what stands
//! between, and whether the hand rules of `extract::relations` picked it), plus "no speaker"
//! described by the [`Cue`] alone. The model scores each with a linear function of hashed
//! features and takes the best ([`Attribution::choose`]); "no speaker" wins when nothing
//! scores above it (a headline, `refused to say`, `officials said`).
//!
//! It is an averaged perceptron ranker, trained by `graphgen train attribution` on the
//! PolNeAR attributions (`polnear`: 840 articles, source, cue and content spans), embedded as
//! `resources/attribution.model` and loaded once by the
//! [`Pipeline`](crate::pipeline::Pipeline). Features live here, facts in `extract::speakers`:
//! extraction says what is around a cue, this module says what that is worth.

mod format;
pub mod polnear;
pub mod train;

use super::hash::{bucket, feature, hash_str};

pub use train::{Example, Score, TrainConfig, evaluate, train};

/// Changes with every change to the templates below: part of the model file's config hash.
pub const FEATURE_VERSION: &str = "attribution features v3";

/// The index of "no speaker" among a cue's choices: always the first.
pub const NONE: usize = 0;

/// What a cue's sentence says around it, for "no speaker" and for every candidate.
#[derive(Debug, Clone, Default)]
pub struct Cue<'a> {
    /// The cue's words in lowercase (`said`, `according to`).
    pub word: &'a str,
    /// The word (lowercase) or punctuation right before and right after the cue.
    pub before: &'a str,
    pub after: &'a str,
    /// What the word before the cue looks like: `lower`, `cap`, `punct` or `start`.
    pub before_shape: &'a str,
    /// The sentence is the document's first (a headline) or has no closing punctuation.
    pub headline: bool,
    /// The sentence holds a quotation mark.
    pub quoted: bool,
    /// The hand rules found a speaker.
    pub rule_found: bool,
}

/// One thing that may have spoken a cue.
#[derive(Debug, Clone, Default)]
pub struct Candidate<'a> {
    /// `person`, `name`, `org`, `outlet`, `acronym`, `country`, `place`, `pronoun`, `description`.
    pub kind: &'a str,
    /// It follows the cue (`said X`) rather than precedes it (`X said`).
    pub after: bool,
    /// Words between it and the cue.
    pub distance: usize,
    /// 1 for the candidate nearest the cue on its side, 2 for the next, ...
    pub rank: usize,
    /// The word (lowercase) or punctuation right before and right after it.
    pub before: &'a str,
    pub next: &'a str,
    /// The word two before it (`to` in `to the Tavo Council`).
    pub before2: &'a str,
    /// The word after it names what an actor issues (`statement`, `report`).
    pub next_utterance: bool,
    /// Commas, quotation marks and other candidates between it and the cue.
    pub commas: usize,
    /// Lowercase words between it and the cue (`X's top aides said`).
    pub lower_between: usize,
    pub quote_marks: usize,
    pub names_between: usize,
    /// It stands inside a quotation.
    pub in_quote: bool,
    /// Its length in words.
    pub words: usize,
    /// The hand rules picked it.
    pub rule: bool,
}

/// Feature template ids: salts that keep equal values of different templates apart.
mod t {
    pub const BIAS: u64 = 1;
    pub const NONE_CUE: u64 = 2;
    pub const NONE_BEFORE: u64 = 3;
    pub const NONE_AFTER: u64 = 4;
    pub const NONE_HEADLINE: u64 = 5;
    pub const NONE_QUOTED: u64 = 6;
    pub const NONE_RULE: u64 = 7;
    pub const KIND: u64 = 10;
    pub const SIDE_DIST: u64 = 11;
    pub const KIND_SIDE_DIST: u64 = 12;
    pub const CUE_SIDE: u64 = 13;
    pub const CUE_SIDE_DIST: u64 = 14;
    pub const SIDE_BEFORE: u64 = 15;
    pub const SIDE_NEXT: u64 = 16;
    pub const SIDE_COMMAS: u64 = 17;
    pub const SIDE_QUOTES: u64 = 18;
    pub const SIDE_NAMES: u64 = 19;
    pub const SIDE_RANK_KIND: u64 = 20;
    pub const IN_QUOTE: u64 = 21;
    pub const WORDS_KIND: u64 = 22;
    pub const RULE: u64 = 23;
    pub const RULE_KIND: u64 = 24;
    pub const HEADLINE_SIDE: u64 = 25;
    pub const CUE_BEFORE_SIDE: u64 = 26;
    pub const KIND_BEFORE: u64 = 27;
    pub const SIDE_CUE_AFTER: u64 = 28;
    pub const RULE_FOUND_KIND: u64 = 29;
    pub const NONE_BEFORE_SHAPE: u64 = 30;
    pub const SIDE_LOWER: u64 = 31;
    pub const SHAPE_SIDE_DIST: u64 = 32;
    pub const SIDE_BEFORE2: u64 = 33;
    pub const KIND_BEFORE2_BEFORE: u64 = 34;
    pub const UTTERANCE: u64 = 35;
}

/// Distances in words, bucketed: near words differ, far ones alike.
fn bucketed(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=14 => 6,
        _ => 7,
    }
}

/// The features of "no speaker".
pub fn none_features(cue: &Cue<'_>) -> Vec<u64> {
    let h = hash_str;
    vec![
        feature(t::BIAS, [0]),
        feature(t::NONE_CUE, [h(cue.word)]),
        feature(t::NONE_BEFORE, [h(cue.before)]),
        feature(t::NONE_AFTER, [h(cue.after)]),
        feature(t::NONE_HEADLINE, [cue.headline as u64]),
        feature(t::NONE_QUOTED, [cue.quoted as u64]),
        feature(t::NONE_RULE, [cue.rule_found as u64]),
        feature(t::NONE_BEFORE_SHAPE, [h(cue.before_shape), cue.rule_found as u64]),
    ]
}

/// The features of one candidate of `cue`.
pub fn candidate_features(cue: &Cue<'_>, c: &Candidate<'_>) -> Vec<u64> {
    let h = hash_str;
    let side = c.after as u64;
    let kind = h(c.kind);
    let dist = bucketed(c.distance);
    vec![
        feature(t::BIAS, [1]),
        feature(t::KIND, [kind]),
        feature(t::SIDE_DIST, [side, dist]),
        feature(t::KIND_SIDE_DIST, [kind, side, dist]),
        feature(t::CUE_SIDE, [h(cue.word), side]),
        feature(t::CUE_SIDE_DIST, [h(cue.word), side, dist.min(3)]),
        feature(t::SIDE_BEFORE, [side, h(c.before)]),
        feature(t::SIDE_NEXT, [side, h(c.next)]),
        feature(t::KIND_BEFORE, [kind, h(c.before)]),
        feature(t::SIDE_COMMAS, [side, bucketed(c.commas).min(3)]),
        feature(t::SIDE_QUOTES, [side, bucketed(c.quote_marks).min(3)]),
        feature(t::SIDE_NAMES, [side, bucketed(c.names_between).min(3)]),
        feature(t::SIDE_RANK_KIND, [side, bucketed(c.rank).min(3), kind]),
        feature(t::IN_QUOTE, [side, c.in_quote as u64]),
        feature(t::WORDS_KIND, [bucketed(c.words).min(4), kind]),
        feature(t::RULE, [c.rule as u64]),
        feature(t::RULE_KIND, [c.rule as u64, kind, side]),
        feature(t::HEADLINE_SIDE, [cue.headline as u64, side]),
        feature(t::CUE_BEFORE_SIDE, [h(cue.before), side]),
        feature(t::SIDE_CUE_AFTER, [side, h(cue.after)]),
        feature(t::RULE_FOUND_KIND, [cue.rule_found as u64, c.rule as u64, kind]),
        feature(t::SIDE_LOWER, [side, bucketed(c.lower_between).min(4)]),
        feature(t::SHAPE_SIDE_DIST, [h(cue.before_shape), side, dist.min(3)]),
        feature(t::SIDE_BEFORE2, [side, h(c.before2)]),
        feature(t::KIND_BEFORE2_BEFORE, [kind, h(c.before2), h(c.before)]),
        feature(t::UTTERANCE, [side, c.next_utterance as u64, kind]),
    ]
}

/// A trained ranker: one quantised weight per hashed feature bucket. Immutable once built, so
/// one instance serves every thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// log2 of the number of feature buckets.
    pub(crate) bits: u32,
    pub(crate) weights: Vec<i16>,
}

static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/resources/attribution.model"));

impl Attribution {
    /// The model shipped in the binary (`resources/attribution.model`), decoded: the
    /// [`Pipeline`](crate::pipeline::Pipeline) does this once.
    pub fn embedded() -> Result<Attribution, crate::Error> {
        Attribution::from_bytes(EMBEDDED_MODEL).map_err(|e| crate::Error::Invalid {
            what: "the embedded resources/attribution.model".into(),
            message: format!("{e}, then rebuild"),
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Attribution, crate::Error> {
        format::decode(bytes)
    }

    /// The model file: header (magic, version, feature-config hash), then the weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    /// The score of one choice's features.
    pub fn score(&self, features: &[u64]) -> i32 {
        features
            .iter()
            .map(|&f| self.weights[bucket(f, self.bits) as usize] as i32)
            .sum()
    }

    /// The best of a cue's choices (each a feature list; [`NONE`] first): ties go to the
    /// earlier choice, so "no speaker" wins a tie.
    pub fn choose(&self, choices: &[Vec<u64>]) -> usize {
        best(choices.iter().map(|f| self.score(f)))
    }
}

/// The index of the first highest score.
pub(crate) fn best(scores: impl Iterator<Item = i32>) -> usize {
    let mut top = (0, i32::MIN);
    for (i, s) in scores.enumerate() {
        if s > top.1 {
            top = (i, s);
        }
    }
    top.0
}

#[cfg(test)]
mod tests;
