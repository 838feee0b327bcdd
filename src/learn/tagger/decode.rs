//! Decoding: emission scores from the hashed weight table (summed by the shared
//! [`scores`](crate::learn::perceptron::scores)), and Viterbi over the nine BIO tags under the
//! constraint that `I-X` only continues an `X` name.

use super::casing::CasingTable;
use super::features::{Sentence, TokenFeatures};
use crate::learn::perceptron::scores;
use std::cell::RefCell;

/// O, then B- and I- of PER, ORG, LOC, MISC (see `Tag::index`).
pub(crate) const NTAGS: usize = 9;

/// Tag transition weights: `start[t]` opens a sentence with `t`, `pair[p][t]` follows `p` by `t`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Transitions {
    pub(crate) start: [i32; NTAGS],
    pub(crate) pair: [[i32; NTAGS]; NTAGS],
}

/// Whether tag `cur` may follow `prev` (`None`: the sentence start). `I-X` has an even index
/// from 2 on, and may only follow `B-X` (index - 1) or `I-X` itself.
pub(crate) const fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    match prev {
        Some(p) => p == cur || p + 1 == cur,
        None => false,
    }
}

/// Viterbi buffers, reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Viterbi {
    back: Vec<[u8; NTAGS]>,
    path: Vec<u8>,
}

/// Below any reachable score, with room to add to it without overflow.
const NEG: i64 = i64::MIN / 4;

impl Viterbi {
    /// The best tag index sequence for the emission scores. Ties go to the lower tag index,
    /// so decoding is deterministic.
    #[inline]
    pub(crate) fn run(&mut self, emissions: &[[i32; NTAGS]], trans: &Transitions) -> &[u8] {
        self.back.clear();
        self.path.clear();
        let Some(first) = emissions.first() else {
            return &self.path;
        };
        let mut score = [NEG; NTAGS];
        for t in 0..NTAGS {
            if allowed(None, t) {
                score[t] = (trans.start[t] + first[t]) as i64;
            }
        }
        self.back.push([0; NTAGS]);
        for em in &emissions[1..] {
            let (next, back) = step(&score, em, trans);
            score = next;
            self.back.push(back);
        }
        let mut best = argmax(&score);
        self.path.resize(emissions.len(), 0);
        for i in (0..emissions.len()).rev() {
            self.path[i] = best as u8;
            best = self.back[i][best] as usize;
        }
        &self.path
    }
}

fn step(score: &[i64; NTAGS], em: &[i32; NTAGS], trans: &Transitions) -> ([i64; NTAGS], [u8; NTAGS]) {
    let mut next = [NEG; NTAGS];
    let mut back = [0u8; NTAGS];
    for t in 0..NTAGS {
        for (p, &from) in score.iter().enumerate() {
            if !allowed(Some(p), t) || from == NEG {
                continue;
            }
            let s = from + trans.pair[p][t] as i64;
            if s > next[t] {
                next[t] = s;
                back[t] = p as u8;
            }
        }
        if next[t] != NEG {
            next[t] += em[t] as i64;
        }
    }
    (next, back)
}

fn argmax(score: &[i64; NTAGS]) -> usize {
    (0..NTAGS).fold(0, |best, t| if score[t] > score[best] { t } else { best })
}

/// Per-thread buffers of one tagging call: the sentence's tokens, its features and scores.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    sentence: Sentence,
    feats: Vec<u64>,
    buckets: Vec<u32>,
    emissions: Vec<[i32; NTAGS]>,
    viterbi: Viterbi,
}

/// What tagging needs of a model, borrowed.
pub(crate) struct ModelRef<'a, W> {
    pub(crate) bits: u32,
    pub(crate) weights: &'a [W],
    pub(crate) trans: &'a Transitions,
    pub(crate) casing: &'a CasingTable,
}

impl Scratch {
    /// Tags `words` with `model`: the best tag index per word.
    pub(crate) fn tag<W: Copy + Into<i32>>(
        &mut self,
        words: &[&str],
        extra: &dyn TokenFeatures,
        model: &ModelRef<'_, W>,
    ) -> &[u8] {
        self.sentence.load(words, model.casing);
        self.emissions.clear();
        for i in 0..words.len() {
            self.sentence
                .buckets(i, words, extra, model.bits, &mut self.feats, &mut self.buckets);
            self.emissions.push(scores(model.weights, &self.buckets));
        }
        self.viterbi.run(&self.emissions, model.trans)
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers, or fresh ones if they are in use (an extra
/// feature source that itself tags).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_only_continue_their_own_type() {
        // 1 B-PER, 2 I-PER, 3 B-ORG, 4 I-ORG.
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 2));
        assert!(!allowed(None, 4));
        assert!(allowed(None, 3));
        assert!(allowed(Some(4), 0));
    }

    #[test]
    fn viterbi_repairs_an_inside_tag_that_follows_outside() {
        // Emissions alone would say O, I-PER; the constraint forces O, O or O, B-PER.
        let mut em = [[0; NTAGS]; 2];
        em[0][0] = 10;
        em[1][2] = 10;
        em[1][1] = 5;
        let mut v = Viterbi::default();
        assert_eq!(v.run(&em, &Transitions::default()), &[0, 1]);
    }

    #[test]
    fn transitions_can_outweigh_emissions() {
        let mut em = [[0; NTAGS]; 2];
        em[0][1] = 10; // B-PER
        em[1][1] = 3; // B-PER again...
        em[1][2] = 2; // ...or I-PER
        let mut trans = Transitions::default();
        trans.pair[1][2] = 5;
        let mut v = Viterbi::default();
        assert_eq!(v.run(&em, &trans), &[1, 2]);
        assert!(v.run(&[], &trans).is_empty());
    }
}
