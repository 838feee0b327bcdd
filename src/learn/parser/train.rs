//! Training the tagger and the parser: the tagger greedily on its own previous tags, the
//! parser with the arc-eager dynamic oracle and exploration (Goldberg and Nivre 2012: after
//! the first pass, nine transitions in ten follow the model's own choice, right or wrong, and
//! every mistake is corrected towards the best transition that loses no more gold arcs).

use super::arc::{State, TRANSITIONS};
use super::conllu::TreeSentence;
use super::words::{Rows, Table, WordView, argmax};
use super::{Parser, pos, tokens};
use crate::learn::perceptron::{AveragedWeights, Quantiser};
use crate::learn::train::{SplitMix, epochs};

/// Everything the shipped model was trained with; `graphgen train parser` defaults to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainConfig {
    pub pos_epochs: usize,
    pub parse_epochs: usize,
    pub seed: u64,
    /// log2 of the rows of each hashed table.
    pub pos_bits: u32,
    pub parse_bits: u32,
    pub label_bits: u32,
    /// Folds of the training sentences whose tags the parser learns from come from a tagger
    /// trained on the other folds (below 2: gold tags).
    pub jackknife_folds: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            pos_epochs: 6,
            parse_epochs: 8,
            seed: 20_261_205,
            pos_bits: 16,
            parse_bits: 19,
            label_bits: 15,
            jackknife_folds: 4,
        }
    }
}

/// A look at the model after each pass: the stage (`tagger`, `parser`), the pass, the model.
pub type EpochCallback<'a> = &'a mut dyn FnMut(&str, usize, &Parser);

/// Trains the tagger, then the parser on the training sentences' gold tags.
pub fn train(sentences: &[TreeSentence], config: &TrainConfig, mut report: Option<EpochCallback<'_>>) -> Parser {
    let tags = sorted_set(sentences.iter().flat_map(|s| &s.tags));
    let labels = sorted_set(sentences.iter().flat_map(|s| &s.labels));
    let root_label = labels.iter().position(|l| l == "root").unwrap_or(0);
    let views: Vec<Vec<WordView>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| WordView::of(w)).collect())
        .collect();
    let gold_tags = ids(sentences, |s| &s.tags, &tags);
    let mut model = Parser {
        pos: empty(config.pos_bits, tags.len()),
        transitions: empty(config.parse_bits, TRANSITIONS),
        label: empty(config.label_bits, labels.len()),
        tags,
        labels,
        root_label,
    };
    let (pos_table, _) = train_tagger(&views, &gold_tags, config, &mut model, &mut report);
    model.pos = pos_table;
    let parser_tags = jackknifed_tags(&views, &gold_tags, config, &model);
    train_parser(sentences, &views, &parser_tags, config, &mut model, &mut report);
    model
}

/// The tags the parser learns from: each fold's sentences tagged by a tagger trained on the
/// other folds, so that the parser sees tagging mistakes like those it will meet (with
/// `folds` below 2, the gold tags).
fn jackknifed_tags(
    views: &[Vec<WordView>],
    gold: &[Vec<usize>],
    config: &TrainConfig,
    model: &Parser,
) -> Vec<Vec<usize>> {
    if config.jackknife_folds < 2 {
        return gold.to_vec();
    }
    let folds = config.jackknife_folds;
    let mut out = gold.to_vec();
    for fold in 0..folds {
        let (train_views, train_gold): (Vec<Vec<WordView>>, Vec<Vec<usize>>) = (0..views.len())
            .filter(|k| k % folds != fold)
            .map(|k| (views[k].clone(), gold[k].clone()))
            .unzip();
        let mut scratch = model.clone();
        let (table, _) = train_tagger(&train_views, &train_gold, config, &mut scratch, &mut None);
        for k in (0..views.len()).filter(|k| k % folds == fold) {
            out[k] = pos::tag(&table, &views[k]);
        }
    }
    out
}

fn sorted_set<'a>(items: impl Iterator<Item = &'a String>) -> Vec<String> {
    let set: std::collections::BTreeSet<&String> = items.collect();
    set.into_iter().cloned().collect()
}

fn empty(bits: u32, classes: usize) -> Table {
    Table {
        bits,
        classes,
        weights: vec![0; classes << bits],
    }
}

fn quantise(w: &AveragedWeights, bits: u32, step: i64) -> Table {
    let q = Quantiser::new(step.max(1), w.max_abs_average(step.max(1)));
    Table {
        bits,
        classes: w.classes(),
        weights: w.quantised_i16(&q),
    }
}

/// Scores with the weights as they stand during training.
fn score_current(w: &AveragedWeights, rows: &[u32], score: &mut [i32]) {
    crate::learn::perceptron::scores_into(w.current(), rows, score);
}

/// Each sentence's column (`tags`, `labels`) as ids into a sorted list of its values.
fn ids(sentences: &[TreeSentence], column: fn(&TreeSentence) -> &[String], list: &[String]) -> Vec<Vec<usize>> {
    sentences
        .iter()
        .map(|s| {
            column(s)
                .iter()
                .map(|v| list.binary_search(v).expect("a value of the training data"))
                .collect()
        })
        .collect()
}

fn train_tagger(
    views: &[Vec<WordView>],
    gold: &[Vec<usize>],
    config: &TrainConfig,
    model: &mut Parser,
    report: &mut Option<EpochCallback<'_>>,
) -> (Table, i64) {
    let ntags = model.tags.len();
    let mut w = AveragedWeights::new(1 << config.pos_bits, ntags);
    let mut step: i64 = 1;
    let mut rows = Vec::with_capacity(32);
    let mut score = vec![0i32; ntags];
    epochs(views.len(), config.pos_epochs, config.seed, |epoch, order| {
        for &k in order {
            let (words, gold) = (&views[k], &gold[k]);
            let mut tags = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                rows.clear();
                pos::features(
                    words,
                    i,
                    &tags,
                    ntags,
                    &mut Rows {
                        bits: config.pos_bits,
                        out: &mut rows,
                    },
                );
                score_current(&w, &rows, &mut score);
                let guess = argmax(&score, |_| true).unwrap_or(0);
                if guess != gold[i] {
                    w.update(&rows, gold[i], guess, step);
                }
                tags.push(guess);
                step += 1;
            }
        }
        if let Some(report) = report.as_mut() {
            model.pos = quantise(&w, config.pos_bits, step);
            report("tagger", epoch, model);
        }
    });
    (quantise(&w, config.pos_bits, step), step)
}

fn train_parser(
    sentences: &[TreeSentence],
    views: &[Vec<WordView>],
    gold_tags: &[Vec<usize>],
    config: &TrainConfig,
    model: &mut Parser,
    report: &mut Option<EpochCallback<'_>>,
) {
    let nlabels = model.labels.len();
    let mut trans = AveragedWeights::new(1 << config.parse_bits, TRANSITIONS);
    let mut lab = AveragedWeights::new(1 << config.label_bits, nlabels);
    let gold_labels = ids(sentences, |s| &s.labels, &model.labels);
    let mut rng = SplitMix(config.seed ^ 0x7061_7273_6572);
    let mut step: i64 = 1;
    let mut rows = Vec::with_capacity(64);
    let mut label_rows = Vec::with_capacity(32);
    let mut score = [0i32; TRANSITIONS];
    let mut label_score = vec![0i32; nlabels];
    let root = model.root_label;
    epochs(sentences.len(), config.parse_epochs, config.seed ^ 1, |epoch, order| {
        for &k in order {
            let n = sentences[k].len();
            let toks = tokens(&views[k], &gold_tags[k], model.tags.len());
            // gold[w] for w in 1..=n; deps[h] the gold dependents of h.
            let mut gold = vec![0usize; n + 1];
            let mut deps = vec![Vec::new(); n + 1];
            for (i, &h) in sentences[k].heads.iter().enumerate() {
                gold[i + 1] = h.min(n);
                deps[h.min(n)].push(i + 1);
            }
            let mut state = State::new(n);
            while !state.is_terminal() {
                rows.clear();
                state.features(
                    &toks,
                    &mut Rows {
                        bits: config.parse_bits,
                        out: &mut rows,
                    },
                );
                score_current(&trans, &rows, &mut score);
                let guess = argmax(&score, |t| state.valid(t)).expect("SHIFT is valid until the end");
                let cost = |t: usize| state.cost(t, &gold, &deps);
                let least = (0..TRANSITIONS)
                    .filter(|&t| state.valid(t))
                    .map(cost)
                    .min()
                    .unwrap_or(0);
                let best = argmax(&score, |t| state.valid(t) && cost(t) == least).unwrap_or(guess);
                // A costly transition that ties the best right one is an error too: a tie won
                // by the order of the transitions teaches nothing and may flip once averaged.
                let wrong = argmax(&score, |t| state.valid(t) && cost(t) > least);
                if let Some(wrong) = wrong.filter(|&w| score[w] >= score[best]) {
                    trans.update(&rows, best, wrong, step);
                }
                let explore = epoch > 1 && rng.next() % 10 != 0;
                let next = if explore { guess } else { best };
                let mut label = 0;
                if let Some((h, d)) = state.arc(next) {
                    label_rows.clear();
                    state.label_features(
                        &toks,
                        h,
                        d,
                        &mut Rows {
                            bits: config.label_bits,
                            out: &mut label_rows,
                        },
                    );
                    score_current(&lab, &label_rows, &mut label_score);
                    let allowed = |l: usize| (l == root) == (h == 0);
                    label = argmax(&label_score, allowed).unwrap_or(root);
                    if gold[d] == h {
                        let right = gold_labels[k][d - 1];
                        if right != label {
                            lab.update(&label_rows, right, label, step);
                        }
                        label = right;
                    }
                }
                state.apply(next, label);
                step += 1;
            }
        }
        if let Some(report) = report.as_mut() {
            model.transitions = quantise(&trans, config.parse_bits, step);
            model.label = quantise(&lab, config.label_bits, step);
            report("parser", epoch, model);
        }
    });
    model.transitions = quantise(&trans, config.parse_bits, step);
    model.label = quantise(&lab, config.label_bits, step);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &[&str], tags: &[&str], heads: &[usize], labels: &[&str]) -> TreeSentence {
        TreeSentence {
            words: words.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            heads: heads.to_vec(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// A few invented sentences, learned to the letter in a few passes.
    #[test]
    fn a_small_training_run_converges_and_round_trips() {
        let data = vec![
            sentence(
                &["Ana", "met", "Ben", "."],
                &["NNP", "VBD", "NNP", "."],
                &[2, 0, 2, 2],
                &["nsubj", "root", "dobj", "punct"],
            ),
            sentence(
                &["The", "minister", "met", "the", "envoy", "in", "Oslo", "."],
                &["DT", "NN", "VBD", "DT", "NN", "IN", "NNP", "."],
                &[2, 3, 0, 5, 3, 7, 3, 3],
                &["det", "nsubj", "root", "det", "dobj", "case", "nmod", "punct"],
            ),
            sentence(
                &["Cal", "said", "it", "rained", "."],
                &["NNP", "VBD", "PRP", "VBD", "."],
                &[2, 0, 4, 2, 2],
                &["nsubj", "root", "nsubj", "ccomp", "punct"],
            ),
        ];
        let config = TrainConfig {
            pos_epochs: 8,
            parse_epochs: 15,
            seed: 3,
            pos_bits: 12,
            parse_bits: 12,
            label_bits: 10,
            jackknife_folds: 0,
        };
        let model = train(&data, &config, None);
        let scores = super::super::evaluate(&model, &data, true);
        assert_eq!(scores.tag_accuracy(), 1.0, "{}", scores.report());
        assert_eq!(scores.las(), 1.0, "{}", scores.report());
        let again = Parser::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), model.to_bytes());
        let words = ["The", "envoy", "met", "Ana", "."];
        assert_eq!(again.parse(&words), model.parse(&words));
        // Same data, same seed: the same bytes.
        assert_eq!(train(&data, &config, None).to_bytes(), model.to_bytes());
    }
}
