//! The part-of-speech tagger and the dependency parser: a greedy tagger and a greedy
//! arc-eager parser (`arc`), both averaged perceptrons over hashed features, trained with a
//! dynamic oracle on Stanford CoreNLP's analyses of the PolNeAR articles (Penn Treebank tags,
//! UD v1 basic dependencies; `shared/data/polnear-corenlp/SOURCE.md`).
//!
//! It owns how a sentence's words hang together: for each word a tag, a head and a label. It
//! knows nothing of actors; the extractor reads relations off the parse.
//!
//! # The model and how to retrain it
//!
//! `graphgen train parser` writes the model (tagger, transition and label tables in one file,
//! [`format`]) bit for bit from the same data, seed and settings ([`TrainConfig::default`]):
//!
//! ```text
//! cargo run --release -- train parser \
//!     --train ../shared/data/polnear-corenlp/train.conllu.gz \
//!     --dev ../shared/data/polnear-corenlp/dev.conllu.gz -o resources/parser.model
//! ```
//!
//! Word forms are read from the articles through CoreNLP's character offsets (the text folder
//! beside the treebank, `polnear/<split>/text/`), so the parser learns the characters graphgen's
//! own tokenizer sees (`(`, `“`), not CoreNLP's normalised forms (`-LRB-`, `` `` ``).

pub mod arc;
pub mod conllu;
mod format;
pub mod pos;
mod train;
pub mod words;

pub use train::{TrainConfig, train};

use crate::Error;
use arc::{State, TRANSITIONS, Token};
use words::{Rows, Table, WordView, argmax};

/// A trained tagger and parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Penn Treebank tags, in the order of the tagger's classes.
    pub tags: Vec<String>,
    /// Dependency labels, in the order of the label classifier's classes.
    pub labels: Vec<String>,
    pos: Table,
    transitions: Table,
    label: Table,
    root_label: usize,
}

/// A parsed sentence: for each word its tag, its head (1-based, 0 the root) and label, as ids
/// into [`Parser::tags`] and [`Parser::labels`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parse {
    pub tags: Vec<usize>,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
}

impl Parser {
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, Error> {
        format::decode(bytes)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    pub fn tag_id(&self, tag: &str) -> Option<usize> {
        self.tags.iter().position(|t| t == tag)
    }

    pub fn label_id(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label)
    }

    /// Tags the words.
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        let views: Vec<WordView> = words.iter().map(|w| WordView::of(w)).collect();
        pos::tag(&self.pos, &views)
    }

    /// Tags and parses the words of one sentence.
    pub fn parse(&self, words: &[&str]) -> Parse {
        let views: Vec<WordView> = words.iter().map(|w| WordView::of(w)).collect();
        let tags = pos::tag(&self.pos, &views);
        let (heads, labels) = self.parse_tagged(&views, &tags);
        Parse { tags, heads, labels }
    }

    /// Parses words whose tags are given.
    pub fn parse_tagged(&self, views: &[WordView], tags: &[usize]) -> (Vec<usize>, Vec<usize>) {
        let toks = tokens(views, tags, self.tags.len());
        let mut state = State::new(views.len());
        let mut rows = Vec::with_capacity(64);
        let mut score = [0i32; TRANSITIONS];
        let mut label_score = vec![0i32; self.label.classes];
        while !state.is_terminal() {
            rows.clear();
            state.features(
                &toks,
                &mut Rows {
                    bits: self.transitions.bits,
                    out: &mut rows,
                },
            );
            self.transitions.score(&rows, &mut score);
            let t = argmax(&score, |t| state.valid(t)).expect("SHIFT is valid until the end");
            let label = match state.arc(t) {
                Some((h, d)) => self.best_label(&state, &toks, h, d, &mut rows, &mut label_score),
                None => 0,
            };
            state.apply(t, label);
        }
        let mut rows_end = Vec::new();
        state.finish(self.root_label, |state, h, d| {
            self.best_label(state, &toks, h, d, &mut rows_end, &mut label_score)
        })
    }

    fn best_label(
        &self,
        state: &State,
        toks: &[Token],
        head: usize,
        dep: usize,
        rows: &mut Vec<u32>,
        score: &mut [i32],
    ) -> usize {
        rows.clear();
        state.label_features(
            toks,
            head,
            dep,
            &mut Rows {
                bits: self.label.bits,
                out: rows,
            },
        );
        self.label.score(rows, score);
        // Only an arc from the root is labelled `root`.
        argmax(score, |l| (l == self.root_label) == (head == 0)).unwrap_or(self.root_label)
    }
}

/// The parser's view of words 0..=n (0 the root).
fn tokens(views: &[WordView], tags: &[usize], ntags: usize) -> Vec<Token> {
    let comma = crate::learn::hash::hash_str(",");
    let mut commas = 0;
    std::iter::once(Token {
        word: 0x726f6f74,
        tag: ntags as u64 + 7,
        commas: 0,
    })
    .chain(views.iter().zip(tags).map(|(v, &t)| {
        let tok = Token {
            word: v.lower,
            tag: t as u64,
            commas,
        };
        commas += u32::from(v.lower == comma);
        tok
    }))
    .collect()
}

/// Tagging and attachment scores over a treebank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub tags: usize,
    pub heads: usize,
    pub labelled: usize,
    /// The same without punctuation (words tagged as punctuation in the gold).
    pub words_np: usize,
    pub heads_np: usize,
    pub labelled_np: usize,
}

impl Scores {
    pub fn tag_accuracy(&self) -> f64 {
        ratio(self.tags, self.words)
    }
    pub fn uas(&self) -> f64 {
        ratio(self.heads, self.words)
    }
    pub fn las(&self) -> f64 {
        ratio(self.labelled, self.words)
    }
    pub fn uas_no_punct(&self) -> f64 {
        ratio(self.heads_np, self.words_np)
    }
    pub fn las_no_punct(&self) -> f64 {
        ratio(self.labelled_np, self.words_np)
    }

    pub fn report(&self) -> String {
        format!(
            "tags {:.4}  UAS {:.4}  LAS {:.4}  (without punctuation: UAS {:.4}  LAS {:.4}; {} words)",
            self.tag_accuracy(),
            self.uas(),
            self.las(),
            self.uas_no_punct(),
            self.las_no_punct(),
            self.words
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Penn Treebank punctuation tags, and UD's.
fn is_punct_tag(tag: &str) -> bool {
    matches!(
        tag,
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP" | "PUNCT"
    )
}

/// The tagger's accuracy alone on gold-tokenized sentences.
pub fn evaluate_tags(parser: &Parser, gold: &[conllu::TreeSentence]) -> f64 {
    let (mut ok, mut all) = (0, 0);
    for sent in gold {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let tags = parser.tag(&words);
        ok += tags
            .iter()
            .zip(&sent.tags)
            .filter(|(t, g)| parser.tags[**t] == **g)
            .count();
        all += sent.len();
    }
    ratio(ok, all)
}

/// Scores the parser on gold-tokenized sentences, with its own tags. Labels are compared only
/// when `labels` is set (treebanks of another label set still score heads).
pub fn evaluate(parser: &Parser, gold: &[conllu::TreeSentence], labels: bool) -> Scores {
    let mut s = Scores::default();
    for sent in gold {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let p = parser.parse(&words);
        for i in 0..sent.len() {
            let tag_ok = parser.tags[p.tags[i]] == sent.tags[i];
            let head_ok = p.heads[i] == sent.heads[i];
            let label_ok = head_ok && (!labels || parser.labels[p.labels[i]] == sent.labels[i]);
            s.words += 1;
            s.tags += usize::from(tag_ok);
            s.heads += usize::from(head_ok);
            s.labelled += usize::from(label_ok);
            if !is_punct_tag(&sent.tags[i]) {
                s.words_np += 1;
                s.heads_np += usize::from(head_ok);
                s.labelled_np += usize::from(label_ok);
            }
        }
    }
    s
}
