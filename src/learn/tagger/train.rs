//! Training: the averaged structured perceptron (Collins 2002) over Viterbi decoding, with
//! integer updates so that the same sentences, epochs and seed give the same model bytes on
//! every machine.

use super::casing::{self, CasingCounts, CasingTable};
use super::decode::{self, NTAGS, Transitions, Viterbi};
use super::features::{NoExtraFeatures, Sentence, TokenFeatures};
use super::{Tagged, Tagger};

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
pub type EpochCallback<'a> = &'a mut dyn FnMut(usize, &Tagger);

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
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    let mut rng = SplitMix(config.seed);
    let mut viterbi = Viterbi::default();
    let mut emissions = Vec::new();
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut rng);
        for &s in &order {
            state.learn(&corpus, s, &mut viterbi, &mut emissions);
        }
        if let Some(callback) = on_epoch.as_deref_mut() {
            callback(epoch + 1, &state.averaged(&table, extra.id()));
        }
    }
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

/// Perceptron weights with the sums needed to average them: after update `delta` at step `c`,
/// `sum` gains `c * delta`, and the average over all steps is `w - sum / c` (Daumé's trick).
struct Perceptron {
    bits: u32,
    weights: Vec<i32>,
    sums: Vec<i64>,
    trans: Transitions,
    trans_sums: Transitions64,
    step: i64,
}

#[derive(Default)]
struct Transitions64 {
    start: [i64; NTAGS],
    pair: [[i64; NTAGS]; NTAGS],
}

impl Perceptron {
    fn new(bits: u32) -> Perceptron {
        let n = (1usize << bits) * NTAGS;
        Perceptron {
            bits,
            weights: vec![0; n],
            sums: vec![0; n],
            trans: Transitions::default(),
            trans_sums: Transitions64::default(),
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
                .map(|t| decode::emission(&self.weights, corpus.token_buckets(t))),
        );
        let predicted = viterbi.run(emissions, &self.trans);
        let gold = &corpus.gold[tokens.clone()];
        if predicted != gold {
            for (i, token) in tokens.enumerate() {
                let (g, p) = (gold[i] as usize, predicted[i] as usize);
                if g != p {
                    for &b in corpus.token_buckets(token) {
                        self.bump(b as usize * NTAGS + g, 1);
                        self.bump(b as usize * NTAGS + p, -1);
                    }
                }
                let prev = |tags: &[u8]| i.checked_sub(1).map(|j| tags[j] as usize);
                let (gp, pp) = (prev(gold), prev(predicted));
                if (gp, g) != (pp, p) {
                    self.bump_transition(gp, g, 1);
                    self.bump_transition(pp, p, -1);
                }
            }
        }
        self.step += 1;
    }

    fn bump(&mut self, i: usize, delta: i32) {
        self.weights[i] += delta;
        self.sums[i] += self.step * delta as i64;
    }

    fn bump_transition(&mut self, prev: Option<usize>, cur: usize, delta: i32) {
        let (w, sum) = match prev {
            None => (&mut self.trans.start[cur], &mut self.trans_sums.start[cur]),
            Some(p) => (&mut self.trans.pair[p][cur], &mut self.trans_sums.pair[p][cur]),
        };
        *w += delta;
        *sum += self.step * delta as i64;
    }

    /// The averaged weights, quantised to i16 with one scale for emissions and transitions.
    fn averaged(&self, casing: &CasingTable, extra_id: u64) -> Tagger {
        let average = |w: i32, sum: i64| w as f64 - sum as f64 / self.step as f64;
        let max = self
            .weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| average(w, s).abs())
            .fold(0.0, f64::max);
        let scale = if max > 0.0 { i16::MAX as f64 / max } else { 1.0 };
        let quantise = |w: i32, sum: i64| (average(w, sum) * scale).round();
        let weights = self
            .weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| quantise(w, s) as i16)
            .collect();
        let mut trans = Transitions::default();
        for t in 0..NTAGS {
            trans.start[t] = quantise(self.trans.start[t], self.trans_sums.start[t]) as i32;
            for p in 0..NTAGS {
                trans.pair[p][t] = quantise(self.trans.pair[p][t], self.trans_sums.pair[p][t]) as i32;
            }
        }
        Tagger {
            bits: self.bits,
            weights,
            trans,
            casing: casing.clone(),
            extra_id,
        }
    }
}

/// SplitMix64: a tiny, well-mixed generator, so the shuffle never depends on a crate version.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Fisher-Yates; the modulo bias over at most millions of sentences is irrelevant here.
fn shuffle(order: &mut [usize], rng: &mut SplitMix) {
    for i in (1..order.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}
