//! Training and scoring the attribution ranker: examples labelled from PolNeAR, perceptron
//! passes over them, and the figures `graphgen train attribution` reports.

use super::Attribution;
use super::polnear::Attributed;
use crate::learn::hash::bucket;
use crate::learn::perceptron::{AveragedWeights, Quantiser};
use crate::learn::train::{EpochCallback, epochs};
use crate::text::Span;

/// One cue as extraction saw it: its choices' features ([`super::NONE`] first) and spans
/// (empty for none), and which choice is right.
#[derive(Debug, Clone)]
pub struct Example {
    pub choices: Vec<Vec<u64>>,
    pub gold: usize,
    /// The choice the hand rules made, for comparison.
    pub rule: usize,
}

/// A cue extraction found, before labelling: its span and each choice's span and features.
#[derive(Debug, Clone)]
pub struct Seen {
    pub cue: Span,
    /// Per choice: may it be a person (a person, a bare name, a pronoun, a description)?
    pub people: Vec<bool>,
    pub spans: Vec<Span>,
    pub choices: Vec<Vec<u64>>,
    pub rule: usize,
}

impl Seen {
    /// Labels the cue from an article's attributions over `text`: the candidate that heads
    /// the source of the attribution whose cue overlaps this one, else none (no attribution, a
    /// source outside the sentence, or one no candidate stands for: `officials`). The head is
    /// the last candidate in the source's first phrase, before an apposition or a prepositional
    /// tail: `Peter Halloran, a fellow at Brindle College,` is Halloran, `Brindle campaign
    /// director Lena Markel` is Markel, `Ms. Kessler of the Tavo Council` is Kessler.
    pub fn label(self, gold: &[Attributed], text: &str, utterance: &dyn Fn(&str) -> bool) -> Example {
        let source = gold.iter().find(|g| overlaps(g.cue, self.cue)).and_then(|g| g.source);
        let gold = source
            .and_then(|s| {
                let head = Span::new(s.start, head_end(text, s));
                let noun = common_head(text, head)
                    .filter(|&w| !self.spans[1..].iter().any(|&c| overlaps(c, w)))
                    .filter(|&w| !utterance(&text[w.start..w.end].to_lowercase()));
                // `Brindle campaign officials`, `Markel's source`: a common noun heads the
                // source, and the names before it are not the speakers; but a statement's
                // or a report's source is the name before it (`a Brindle statement`).
                match noun {
                    Some(_) => None,
                    None => head_of(&self.spans, &self.people, head, s),
                }
            })
            .unwrap_or(super::NONE);
        Example {
            choices: self.choices,
            gold,
            rule: self.rule,
        }
    }
}

/// The candidate that heads a source: of those that may be a person (`people`), the last in
/// the source's first phrase (`head`), else the first in the source (`China's ambassador to
/// Tavo, Ilsa Markov,`); of the others, the last in the first phrase, else none.
fn head_of(spans: &[Span], people: &[bool], head: Span, source: Span) -> Option<usize> {
    let inside = |within: Span, person: bool| {
        (1..spans.len()).filter(move |&k| people[k] == person && overlaps(spans[k], within))
    };
    let last = |it: &mut dyn Iterator<Item = usize>| it.max_by_key(|&k| (spans[k].start, std::cmp::Reverse(k)));
    last(&mut inside(head, true))
        .or_else(|| inside(source, true).min_by_key(|&k| (spans[k].start, k)))
        .or_else(|| last(&mut inside(head, false)))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The last word of a source's first phrase, when it is written in lowercase (`officials`).
fn common_head(text: &str, head: Span) -> Option<Span> {
    let words = text
        .get(head.start..head.end)?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = words
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last = &words[start..];
    last.starts_with(char::is_lowercase)
        .then(|| Span::new(head.start + start, head.start + words.len()))
}

/// Where a source's first phrase ends: before its first comma, parenthesis, or `of`, `at`,
/// `from`, `who`, `and` (`X of Y`, `X at Y`, `X and Y`: the first of two speakers), else at its end.
fn head_end(text: &str, source: Span) -> usize {
    let Some(words) = text.get(source.start..source.end) else {
        return source.end;
    };
    [",", "(", " of ", " at ", " from ", " who ", " and "]
        .iter()
        .filter_map(|cut| words.find(cut))
        .filter(|&at| at > 0)
        .min()
        .map_or(source.end, |at| source.start + at)
}

/// What training is run with. The defaults make the shipped model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    pub bits: u32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 10,
            seed: 18,
            bits: 18,
        }
    }
}

/// Trains the ranker: on each example, the current weights choose, and a wrong choice moves
/// the right one's features up and the chosen one's down. Weights are averaged and quantised.
pub fn train(
    examples: &[Example],
    config: &TrainConfig,
    mut report: Option<EpochCallback<'_, Attribution>>,
) -> Attribution {
    let bits = config.bits;
    let mut table = AveragedWeights::new(1 << bits, 1);
    let rows: Vec<Vec<Vec<u32>>> = examples
        .iter()
        .map(|e| {
            e.choices
                .iter()
                .map(|f| f.iter().map(|&x| bucket(x, bits)).collect())
                .collect()
        })
        .collect();
    let mut step: i64 = 1;
    epochs(examples.len(), config.epochs, config.seed, |epoch, order| {
        for &i in order {
            let choices = &rows[i];
            let scores = choices
                .iter()
                .map(|r| r.iter().map(|&b| table.current()[b as usize]).sum());
            let predicted = super::best(scores);
            let gold = examples[i].gold;
            if predicted != gold {
                for &b in &choices[gold] {
                    table.bump(b as usize, 1, step);
                }
                for &b in &choices[predicted] {
                    table.bump(b as usize, -1, step);
                }
            }
            step += 1;
        }
        if let Some(report) = report.as_mut() {
            report(epoch, &finish(&table, bits, step));
        }
    });
    finish(&table, bits, step)
}

fn finish(table: &AveragedWeights, bits: u32, step: i64) -> Attribution {
    let q = Quantiser::new(step, table.max_abs_average(step));
    Attribution {
        bits,
        weights: table.quantised_i16(&q),
    }
}

/// How a model's choices compare with the labels: cues, exact choices, and the speakers found
/// (a choice other than none) against the speakers annotated (a label other than none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub cues: usize,
    pub correct: usize,
    pub predicted: usize,
    pub annotated: usize,
    pub matched: usize,
}

impl Score {
    pub fn add(&mut self, chosen: usize, gold: usize) {
        self.cues += 1;
        self.correct += (chosen == gold) as usize;
        self.predicted += (chosen != super::NONE) as usize;
        self.annotated += (gold != super::NONE) as usize;
        self.matched += (chosen == gold && gold != super::NONE) as usize;
    }

    /// Precision, recall and F1 of the speakers found.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.annotated.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    pub fn report(&self) -> String {
        let (p, r, f) = self.prf();
        format!(
            "{} cues, choice accuracy {:.4}; speakers P {p:.4} R {r:.4} F1 {f:.4} ({} found, {} annotated)",
            self.cues,
            self.correct as f64 / self.cues.max(1) as f64,
            self.predicted,
            self.annotated
        )
    }
}

/// The model's choices scored against the labels, and the hand rules' for comparison.
pub fn evaluate(model: &Attribution, examples: &[Example]) -> (Score, Score) {
    let (mut learned, mut rules) = (Score::default(), Score::default());
    for e in examples {
        learned.add(model.choose(&e.choices), e.gold);
        rules.add(e.rule, e.gold);
    }
    (learned, rules)
}
