//! Training the tagger: the averaged structured perceptron (Collins 2002) over Viterbi
//! decoding, on the shared weights, quantisation and epoch loop of [`crate::learn`]. Updates are
//! integers, so the same sentences, epochs and seed give the same model bytes on every machine.

use super::casing::{self, CasingCounts, CasingTable};
use super::decode::{NTAGS, Transitions, Viterbi};
use super::features::{NoExtraFeatures, Sentence, TokenFeatures};
use super::{Tagged, Tagger};
use crate::learn::perceptron::{AveragedWeights, Quantiser, scores};
use crate::learn::train;

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the sentence order shuffled before each pass.
    pub seed: u64,
    /// log2 of the number of hashed feature buckets (the model keeps 9 weights per bucket).
    pub bits: u32,
    /// One sentence in this many is also learnt as an all-capitals headline, and another as a
    /// title-case headline (0: never). News headlines come in both; CoNLL has few title-case ones.
    pub headline_every: usize,
}

impl Default for TrainConfig {
    /// The settings of the shipped model, tuned on CoNLL-2003 dev.
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            seed: 2003,
            bits: 20,
            headline_every: 4,
        }
    }
}

/// Sees the epoch number (from 1) and the averaged model after each pass.
pub type EpochCallback<'a> = train::EpochCallback<'a, Tagger>;

/// Trains on tagged sentences with the default bucket count and no extra features.
pub fn train(sentences: &[Tagged], epochs: usize, seed: u64) -> Tagger {
    let config = TrainConfig {
        epochs,
        seed,
        ..TrainConfig::default()
    };
    train_with(sentences, &config, &NoExtraFeatures, None)
}

/// Trains on tagged sentences; `on_epoch`, if given, sees the averaged model after each pass
/// (to report dev scores while tuning).
pub fn train_with(
    sentences: &[Tagged],
    config: &TrainConfig,
    extra: &dyn TokenFeatures,
    mut on_epoch: Option<EpochCallback<'_>>,
) -> Tagger {
    assert!((8..=26).contains(&config.bits), "bucket bits must be within 8..=26");
    let counts = casing_counts(sentences);
    let table = counts.table();
    let headlines = headline_copies(sentences, config.headline_every);
    let corpus = Corpus::build(sentences.iter().chain(&headlines), &counts, &table, extra, config.bits);
    let mut state = Perceptron::new(config.bits);
    let mut viterbi = Viterbi::default();
    let mut emissions = Vec::new();
    train::epochs(corpus.len(), config.epochs, config.seed, |epoch, order| {
        for &s in order {
            state.learn(&corpus, s, &mut viterbi, &mut emissions);
        }
        if let Some(callback) = on_epoch.as_deref_mut() {
            callback(epoch, &state.averaged(&table, extra.id()));
        }
    });
    state.averaged(&table, extra.id())
}

fn casing_counts(sentences: &[Tagged]) -> CasingCounts {
    let mut counts = CasingCounts::default();
    let mut sentence = Sentence::default();
    let empty = CasingTable::default();
    for (words, _) in sentences {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        sentence.load(&words, &empty);
        counts.add_sentence(sentence.words(), sentence.style());
    }
    counts
}

/// Headline versions of some sentences: all capitals, and title case (every word capitalised,
/// or in every other copy only words of four letters or more, as some styles keep `of`, `in`
/// and `the` small).
fn headline_copies(sentences: &[Tagged], every: usize) -> Vec<Tagged> {
    let mut out = Vec::new();
    if every == 0 {
        return out;
    }
    for (k, (words, tags)) in sentences.iter().enumerate() {
        if k % every == 0 {
            out.push((words.iter().map(|w| w.to_uppercase()).collect(), tags.clone()));
        } else if k % every == every / 2 {
            let min_chars = if (k / every).is_multiple_of(2) { 1 } else { 4 };
            out.push((words.iter().map(|w| title_case(w, min_chars)).collect(), tags.clone()));
        }
    }
    out
}

fn title_case(word: &str, min_chars: usize) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() && word.chars().count() >= min_chars => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => word.to_string(),
    }
}

/// Every training token's feature buckets and gold tag, computed once before the passes.
struct Corpus {
    buckets: Vec<u32>,
    /// Start of each token's buckets in `buckets`, one more than there are tokens.
    token_start: Vec<usize>,
    /// Start of each sentence's tokens, one more than there are sentences.
    sentence_start: Vec<usize>,
    gold: Vec<u8>,
}

impl Corpus {
    fn build<'a>(
        sentences: impl Iterator<Item = &'a Tagged>,
        counts: &CasingCounts,
        table: &CasingTable,
        extra: &dyn TokenFeatures,
        bits: u32,
    ) -> Corpus {
        let mut corpus = Corpus {
            buckets: Vec::new(),
            token_start: vec![0],
            sentence_start: vec![0],
            gold: Vec::new(),
        };
        let (mut sentence, mut feats, mut buckets) = (Sentence::default(), Vec::new(), Vec::new());
        for (words, tags) in sentences.filter(|(w, t)| w.len() == t.len() && !w.is_empty()) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            sentence.load(&words, table);
            leave_own_casing_out(&mut sentence, counts);
            for (i, tag) in tags.iter().enumerate() {
                sentence.buckets(i, &words, extra, bits, &mut feats, &mut buckets);
                corpus.buckets.extend_from_slice(&buckets);
                corpus.token_start.push(corpus.buckets.len());
                corpus.gold.push(tag.index() as u8);
            }
            corpus.sentence_start.push(corpus.gold.len());
        }
        corpus
    }

    fn len(&self) -> usize {
        self.sentence_start.len() - 1
    }

    fn tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.sentence_start[s]..self.sentence_start[s + 1]
    }

    fn token_buckets(&self, token: usize) -> &[u32] {
        &self.buckets[self.token_start[token]..self.token_start[token + 1]]
    }
}

fn leave_own_casing_out(sentence: &mut Sentence, counts: &CasingCounts) {
    let style = sentence.style();
    for i in 0..sentence.len() {
        if let Some(o) = casing::observation(sentence.words(), i, style) {
            let lower = sentence.words()[i].lower;
            sentence.set_casing(i, counts.class(lower, Some(o)));
        }
    }
}

/// The tagger's weights while it learns: emission rows of `NTAGS` per feature bucket, and the
/// transitions as `NTAGS + 1` rows (the sentence start, then each previous tag) of `NTAGS`, both
/// averaged over one step counter.
struct Perceptron {
    bits: u32,
    weights: AveragedWeights,
    trans: AveragedWeights,
    step: i64,
}

/// The weight of tag `cur` following `prev` (`None`: the sentence start) in the flat
/// transition table.
fn transition(prev: Option<usize>, cur: usize) -> usize {
    prev.map_or(0, |p| p + 1) * NTAGS + cur
}

/// The decoder's transitions from the flat table.
fn transitions(flat: &[i32]) -> Transitions {
    let mut trans = Transitions::default();
    for t in 0..NTAGS {
        trans.start[t] = flat[transition(None, t)];
        for p in 0..NTAGS {
            trans.pair[p][t] = flat[transition(Some(p), t)];
        }
    }
    trans
}

impl Perceptron {
    fn new(bits: u32) -> Perceptron {
        Perceptron {
            bits,
            weights: AveragedWeights::new(1usize << bits, NTAGS),
            trans: AveragedWeights::new(NTAGS + 1, NTAGS),
            step: 1,
        }
    }

    /// Decodes sentence `s` with the current weights and moves them towards its gold tags.
    fn learn(&mut self, corpus: &Corpus, s: usize, viterbi: &mut Viterbi, emissions: &mut Vec<[i32; NTAGS]>) {
        let tokens = corpus.tokens(s);
        emissions.clear();
        emissions.extend(
            tokens
                .clone()
                .map(|t| scores(self.weights.current(), corpus.token_buckets(t))),
        );
        let predicted = viterbi.run(emissions, &transitions(self.trans.current()));
        let gold = &corpus.gold[tokens.clone()];
        if predicted != gold {
            for (i, token) in tokens.enumerate() {
                let (g, p) = (gold[i] as usize, predicted[i] as usize);
                if g != p {
                    self.weights.update(corpus.token_buckets(token), g, p, self.step);
                }
                let prev = |tags: &[u8]| i.checked_sub(1).map(|j| tags[j] as usize);
                let (gp, pp) = (prev(gold), prev(predicted));
                if (gp, g) != (pp, p) {
                    self.trans.bump(transition(gp, g), 1, self.step);
                    self.trans.bump(transition(pp, p), -1, self.step);
                }
            }
        }
        self.step += 1;
    }

    /// The averaged weights, quantised to i16 with one scale for emissions and transitions.
    fn averaged(&self, casing: &CasingTable, extra_id: u64) -> Tagger {
        let q = Quantiser::new(self.step, self.weights.max_abs_average(self.step));
        Tagger {
            bits: self.bits,
            weights: self.weights.quantised_i16(&q),
            trans: transitions(&self.trans.quantised_i32(&q)),
            casing: casing.clone(),
            extra_id,
        }
    }
}
