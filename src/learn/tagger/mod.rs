//! The statistical mention tagger: a first-order structured perceptron over BIO tags (PER, ORG,
//! LOC, MISC) with hashed features, Viterbi decoding under BIO constraints, and its model file.
//!
//! It owns what a name looks like from the words alone: capitalisation, shape, affixes, the words
//! around it, headline casing, and how often a word is written in lowercase in the training text.
//! It does not decide actor kinds; callers map `PER`/`ORG`/`LOC` to the ontology.
//!
//! Hashing, the averaged weights and their quantisation, the epoch loop and the model file
//! container come from the shared core in [`crate::learn`]; this module owns the tagger's own
//! parts: tags, feature templates, casing table, Viterbi, the training step and its sections.
//!
//! # The model and how to retrain it
//!
//! `resources/tagger.model` is trained on the CoNLL-2003 English train split (Reuters newswire,
//! see `shared/data/conll2003/SOURCE.md`) and embedded in the binary. Rebuild it bit for bit with
//!
//! ```text
//! cargo run --release -- train --train ../shared/data/conll2003/train.txt \
//!     --dev ../shared/data/conll2003/dev.txt -o resources/tagger.model
//! ```
//!
//! (defaults: the epochs and seed of [`TrainConfig::default`]). The dev split only reports scores;
//! it never changes the model. Changing the feature templates in `features.rs` means bumping
//! [`features::FEATURE_VERSION`] and retraining: an old model file is then refused with a clear
//! error instead of tagging with weights that mean something else.

mod casing;
mod conll;
mod decode;
mod features;
mod format;
mod train;

pub use conll::{SCORED, Scores, evaluate, read_conll};
pub(crate) use features::char_class;
pub use features::{NoExtraFeatures, TokenFeatures};
pub use train::{EpochCallback, TrainConfig, train, train_with};

use casing::CasingTable;
use decode::{ModelRef, NTAGS, Transitions};

/// A sentence's words with their tags, as training and evaluation take them.
pub type Tagged = (Vec<String>, Vec<Tag>);

/// A name in a sentence: `(first token, one past the last token, type)`.
pub type NameSpan = (usize, usize, EntityType);

/// The kind of name a span is, as CoNLL-2003 labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Org, EntityType::Loc, EntityType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One token's tag in IOB2: `B` begins a name, `I` continues the name begun before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    O,
    B(EntityType),
    I(EntityType),
}

impl Tag {
    /// Dense index used by the weight table: O, then B/I pairs in [`EntityType::ALL`] order.
    pub(crate) fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t as usize,
            Tag::I(t) => 2 + 2 * t as usize,
        }
    }

    pub(crate) fn from_index(i: usize) -> Tag {
        match i {
            0 => Tag::O,
            _ if i % 2 == 1 => Tag::B(EntityType::ALL[(i - 1) / 2]),
            _ => Tag::I(EntityType::ALL[(i - 2) / 2]),
        }
    }

    /// Parses `O`, `B-PER`, `I-LOC`, ...
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (prefix, ty) = s.split_once('-')?;
        let ty = EntityType::parse(ty)?;
        match prefix {
            "B" => Some(Tag::B(ty)),
            "I" => Some(Tag::I(ty)),
            _ => None,
        }
    }

    pub fn entity(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{}", t.as_str()),
            Tag::I(t) => write!(f, "I-{}", t.as_str()),
        }
    }
}

/// The names in a tag sequence as `(first token, one past the last token, type)`.
///
/// Reads like conlleval: an `I-X` that does not continue an `X` name starts a new one, so a
/// sequence that breaks the BIO rules still yields every name it marks.
pub fn spans(tags: &[Tag]) -> Vec<NameSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::I(t), Some((_, o))) if t == o);
        if continues {
            continue;
        }
        if let Some((start, ty)) = open.take() {
            out.push((start, i, ty));
        }
        open = tag.entity().map(|ty| (i, ty));
    }
    if let Some((start, ty)) = open {
        out.push((start, tags.len(), ty));
    }
    out
}

/// A trained tagger: hashed emission weights, tag transitions and the casing statistics of the
/// training text. Immutable once built, so one instance serves every thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// log2 of the number of feature buckets.
    pub(crate) bits: u32,
    /// `NTAGS` quantised weights per bucket, bucket-major.
    pub(crate) weights: Vec<i16>,
    pub(crate) trans: Transitions,
    pub(crate) casing: CasingTable,
    /// [`TokenFeatures::id`] of the extra features the model was trained with (0: none).
    pub(crate) extra_id: u64,
}

static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/resources/tagger.model"));

impl Tagger {
    /// The model shipped in the binary (`resources/tagger.model`, 1.07 MB), decoded: the
    /// [`Pipeline`](crate::pipeline::Pipeline) does this once.
    pub fn embedded() -> Result<Tagger, crate::Error> {
        Tagger::from_bytes(EMBEDDED_MODEL).map_err(|e| crate::Error::Invalid {
            what: "the embedded resources/tagger.model".into(),
            message: format!("{e}; retrain it with `graphgen train` and rebuild"),
        })
    }

    /// Whether the training text writes `word` mostly in lowercase where capitals tell
    /// something (not at a sentence's start, not in headlines): `Police`, `Obviously`.
    pub fn usually_lowercase(&self, word: &str) -> bool {
        casing::usually_lowercase(self.casing.class(features::analyse(word).lower))
    }

    /// Tags one sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_with(words, &NoExtraFeatures)
    }

    /// Tags one sentence, adding the caller's per-token features. Use the same `extra` the
    /// model was trained with: weights for features it never saw are zero, so other extras are
    /// ignored rather than harmful, but they add nothing.
    pub fn tag_with(&self, words: &[&str], extra: &dyn TokenFeatures) -> Vec<Tag> {
        let model = self.model_ref();
        decode::with_scratch(|scratch| {
            scratch
                .tag(words, extra, &model)
                .iter()
                .map(|&i| Tag::from_index(i as usize))
                .collect()
        })
    }

    pub(crate) fn model_ref(&self) -> ModelRef<'_, i16> {
        ModelRef {
            bits: self.bits,
            weights: &self.weights,
            trans: &self.trans,
            casing: &self.casing,
        }
    }

    /// [`TokenFeatures::id`] of the extra features this model was trained with (0 for none).
    pub fn extra_features_id(&self) -> u64 {
        self.extra_id
    }

    /// Decodes a model file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, crate::Error> {
        format::decode(bytes)
    }

    /// The model file: header (magic, version, feature-config hash), then the weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }
}

const _: () = assert!(NTAGS == 1 + 2 * EntityType::ALL.len());

#[cfg(test)]
mod tests;
