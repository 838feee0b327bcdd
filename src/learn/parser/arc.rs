//! The arc-eager transition system (Nivre 2003) with its dynamic oracle (Goldberg and Nivre
//! 2012): the parser state, the four transitions, their cost against a gold tree, and the
//! feature templates the transition and label classifiers read.
//!
//! Words are numbered from 1; 0 is the root, which waits at the end of the buffer (Ballesteros
//! and Nivre 2013): a word becomes the sentence's root only when the whole sentence has been
//! read, by a LEFT arc from the root, rather than by a RIGHT arc taken before the parser has
//! seen what follows (with the root first on the stack, a third of the dev sentences' final
//! full stops hung from a wrong root). The parse ends when the stack is empty and only the
//! root is left in the buffer.

use super::words::Rows;

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
pub const REDUCE: usize = 3;
pub const TRANSITIONS: usize = 4;

/// Feature templates of both classifiers; bump when they change.
pub const FEATURE_VERSION: &str = "arc-eager-root-last-1";

const NONE: usize = usize::MAX;

/// What the features read of a word: its form's hash and its tag id.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub word: u64,
    pub tag: u64,
    /// Commas before this word in the sentence (a clause boundary between two words).
    pub commas: u32,
}

/// A parser configuration.
#[derive(Debug, Clone)]
pub struct State {
    pub stack: Vec<usize>,
    /// The position of the buffer's front: a word `1..=n`, or `n + 1` for the root behind them.
    pub b: usize,
    pub n: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
    on_stack: Vec<bool>,
    leftmost: Vec<usize>,
    rightmost: Vec<usize>,
    leftmost2: Vec<usize>,
    rightmost2: Vec<usize>,
    lefts: Vec<u8>,
    rights: Vec<u8>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            stack: Vec::with_capacity(n),
            b: 1,
            n,
            heads: vec![NONE; n + 1],
            labels: vec![NONE; n + 1],
            on_stack: vec![false; n + 1],
            leftmost: vec![NONE; n + 1],
            rightmost: vec![NONE; n + 1],
            leftmost2: vec![NONE; n + 1],
            rightmost2: vec![NONE; n + 1],
            lefts: vec![0; n + 1],
            rights: vec![0; n + 1],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b > self.n && self.stack.is_empty()
    }

    /// The top of the stack, `NONE` when it is empty.
    fn s0(&self) -> usize {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The word `k` places into the buffer: `0` for the root behind the last word, `NONE` past it.
    fn buffer(&self, k: usize) -> usize {
        let at = self.b + k;
        if at <= self.n {
            at
        } else if at == self.n + 1 {
            0
        } else {
            NONE
        }
    }

    /// Where word `i` stands in the sentence, the root last.
    fn position(&self, i: usize) -> usize {
        if i == 0 { self.n + 1 } else { i }
    }

    pub fn valid(&self, t: usize) -> bool {
        if self.is_terminal() {
            return false;
        }
        let s0 = self.s0();
        let word_next = self.b <= self.n;
        match t {
            SHIFT => word_next,
            LEFT => s0 != NONE && self.heads[s0] == NONE,
            RIGHT => s0 != NONE && word_next,
            _ => s0 != NONE && self.heads[s0] != NONE,
        }
    }

    /// The arc a transition would make: `(head, dependent)`.
    pub fn arc(&self, t: usize) -> Option<(usize, usize)> {
        match t {
            LEFT => Some((self.buffer(0), self.s0())),
            RIGHT => Some((self.s0(), self.b)),
            _ => None,
        }
    }

    pub fn apply(&mut self, t: usize, label: usize) {
        match t {
            SHIFT => self.push(),
            LEFT => {
                let s0 = self.stack.pop().expect("LEFT needs a stack");
                self.on_stack[s0] = false;
                self.attach(self.buffer(0), s0, label);
            }
            RIGHT => {
                self.attach(self.s0(), self.b, label);
                self.push();
            }
            _ => {
                let s0 = self.stack.pop().expect("REDUCE needs a stack");
                self.on_stack[s0] = false;
            }
        }
    }

    fn push(&mut self) {
        self.on_stack[self.b] = true;
        self.stack.push(self.b);
        self.b += 1;
    }

    fn attach(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        if dep < self.position(head) {
            self.lefts[head] = self.lefts[head].saturating_add(1);
            if self.leftmost[head] == NONE || dep < self.leftmost[head] {
                self.leftmost2[head] = self.leftmost[head];
                self.leftmost[head] = dep;
            }
        } else {
            self.rights[head] = self.rights[head].saturating_add(1);
            if self.rightmost[head] == NONE || dep > self.rightmost[head] {
                self.rightmost2[head] = self.rightmost[head];
                self.rightmost[head] = dep;
            }
        }
    }

    /// Heads and labels of words 1..=n.
    ///
    /// A sentence has one root: when several words hang from it, the one with the most
    /// dependents stays (the first on a tie) and the others hang from it, labelled by
    /// `label(head, dependent)`.
    pub fn finish(
        mut self,
        _root_label: usize,
        mut label: impl FnMut(&State, usize, usize) -> usize,
    ) -> (Vec<usize>, Vec<usize>) {
        let roots: Vec<usize> = (1..=self.n).filter(|&w| self.heads[w] == 0).collect();
        if let Some(&top) = roots
            .iter()
            .rev()
            .max_by_key(|&&w| self.lefts[w] as usize + self.rights[w] as usize)
        {
            for &w in roots.iter().filter(|&&w| w != top) {
                let l = label(&self, top, w);
                self.heads[w] = top;
                self.labels[w] = l;
            }
        }
        (self.heads[1..].to_vec(), self.labels[1..].to_vec())
    }

    /// How many gold arcs a transition makes unreachable (`gold[w]` is word w's head, w >= 1;
    /// `deps[h]` the gold dependents of h).
    pub fn cost(&self, t: usize, gold: &[usize], deps: &[Vec<usize>]) -> usize {
        let s0 = self.s0();
        let b0 = self.buffer(0);
        // The root stays in the buffer to the end.
        let in_buffer = |k: usize| k == 0 || (k >= self.b && k <= self.n);
        let headless_on_stack = |k: usize| self.on_stack[k] && self.heads[k] == NONE;
        match t {
            LEFT => {
                usize::from(gold[s0] != b0 && in_buffer(gold[s0])) + deps[s0].iter().filter(|&&k| in_buffer(k)).count()
            }
            RIGHT => {
                let g = gold[b0];
                usize::from(g != s0 && (self.on_stack[g] || (in_buffer(g) && g != b0)))
                    + deps[b0].iter().filter(|&&k| headless_on_stack(k)).count()
            }
            REDUCE => deps[s0].iter().filter(|&&k| in_buffer(k)).count(),
            _ => usize::from(self.on_stack[gold[b0]]) + deps[b0].iter().filter(|&&k| headless_on_stack(k)).count(),
        }
    }

    /// Word `i` as the features read it; past the sentence or missing, a token no word has.
    fn token(&self, toks: &[Token], i: usize) -> Token {
        const MISSING: Token = Token {
            word: 0x6e6f6e65,
            tag: 0x6e6f6e65,
            commas: 0,
        };
        if i == NONE || i > self.n { MISSING } else { toks[i] }
    }

    /// The label of word `i`'s arc so far, as a feature value.
    fn label_of(&self, i: usize) -> u64 {
        if i == NONE { NONE as u64 } else { self.labels[i] as u64 }
    }

    /// The transition classifier's features.
    pub fn features(&self, toks: &[Token], rows: &mut Rows<'_>) {
        let tok = |i: usize| self.token(toks, i);
        let lab = |i: usize| self.label_of(i);
        let s0i = self.s0();
        let s1i = if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        };
        let (s0, s1) = (tok(s0i), tok(s1i));
        let b0i = self.buffer(0);
        let (b0, b1, b2) = (tok(b0i), tok(self.buffer(1)), tok(self.buffer(2)));
        let at = |v: &Vec<usize>, i: usize| if i == NONE { NONE } else { v[i] };
        let count = |v: &Vec<u8>, i: usize| if i == NONE { 0 } else { v[i] as u64 };
        let s0h = tok(at(&self.heads, s0i));
        let (s0l, s0r, b0l) = (
            at(&self.leftmost, s0i),
            at(&self.rightmost, s0i),
            at(&self.leftmost, b0i),
        );
        let (s0lt, s0rt, b0lt) = (tok(s0l), tok(s0r), tok(b0l));
        let d = if s0i == NONE {
            0
        } else {
            (self.position(b0i) - s0i).min(6) as u64
        };
        let has_head = u64::from(at(&self.heads, s0i) != NONE);
        let (vl, vr, bvl) = (
            count(&self.lefts, s0i),
            count(&self.rights, s0i),
            count(&self.lefts, b0i),
        );
        rows.add(100, []);
        rows.add(101, [s0.word]);
        rows.add(102, [s0.tag]);
        rows.add(103, [s0.word, s0.tag]);
        rows.add(104, [b0.word]);
        rows.add(105, [b0.tag]);
        rows.add(106, [b0.word, b0.tag]);
        rows.add(107, [b1.word]);
        rows.add(108, [b1.tag]);
        rows.add(109, [b1.word, b1.tag]);
        rows.add(110, [b2.tag]);
        rows.add(111, [b2.word]);
        rows.add(112, [s0.word, s0.tag, b0.word, b0.tag]);
        rows.add(113, [s0.word, s0.tag, b0.word]);
        rows.add(114, [s0.word, b0.word, b0.tag]);
        rows.add(115, [s0.word, s0.tag, b0.tag]);
        rows.add(116, [s0.tag, b0.word, b0.tag]);
        rows.add(117, [s0.word, b0.word]);
        rows.add(118, [s0.tag, b0.tag]);
        rows.add(119, [b0.tag, b1.tag]);
        rows.add(120, [b0.tag, b1.tag, b2.tag]);
        rows.add(121, [s0.tag, b0.tag, b1.tag]);
        rows.add(122, [s0h.tag, s0.tag, b0.tag]);
        rows.add(123, [s0.tag, s0lt.tag, b0.tag]);
        rows.add(124, [s0.tag, s0rt.tag, b0.tag]);
        rows.add(125, [s0.tag, b0.tag, b0lt.tag]);
        rows.add(126, [s0.word, d]);
        rows.add(127, [s0.tag, d]);
        rows.add(128, [b0.word, d]);
        rows.add(129, [b0.tag, d]);
        rows.add(130, [s0.word, b0.word, d]);
        rows.add(131, [s0.tag, b0.tag, d]);
        rows.add(132, [s0.word, vr]);
        rows.add(133, [s0.tag, vr]);
        rows.add(134, [s0.word, vl]);
        rows.add(135, [s0.tag, vl]);
        rows.add(136, [b0.word, bvl]);
        rows.add(137, [b0.tag, bvl]);
        rows.add(138, [s0h.word]);
        rows.add(139, [s0h.tag]);
        rows.add(140, [lab(s0i)]);
        rows.add(141, [s0lt.word]);
        rows.add(142, [s0lt.tag]);
        rows.add(143, [lab(s0l)]);
        rows.add(144, [s0rt.word]);
        rows.add(145, [s0rt.tag]);
        rows.add(146, [lab(s0r)]);
        rows.add(147, [b0lt.word]);
        rows.add(148, [b0lt.tag]);
        rows.add(149, [lab(b0l)]);
        rows.add(150, [s1.tag, s0.tag, b0.tag]);
        rows.add(151, [s1.word]);
        rows.add(152, [has_head, s0.tag, b0.tag]);
        rows.add(153, [s1.tag, s0.tag]);
        rows.add(154, [s0.tag, lab(s0l), lab(s0r)]);
        rows.add(155, [has_head, s0.word]);
        // Third order: the second children and the head's head.
        let s0hh = at(&self.heads, at(&self.heads, s0i));
        rows.add(156, [s0.tag, s0lt.tag, tok(at(&self.leftmost2, s0i)).tag]);
        rows.add(157, [s0.tag, s0rt.tag, tok(at(&self.rightmost2, s0i)).tag]);
        rows.add(158, [b0.tag, b0lt.tag, tok(at(&self.leftmost2, b0i)).tag]);
        rows.add(159, [tok(s0hh).tag, s0h.tag, s0.tag]);
        rows.add(160, [s0.word, b0.tag, b1.tag]);
        rows.add(161, [s0.tag, b0.word, b1.tag]);
        rows.add(162, [b0.word, b1.word]);
        rows.add(163, [b0.word, b1.tag]);
        rows.add(164, [b0.tag, b1.word]);
        let commas = (b0.commas - s0.commas.min(b0.commas)).min(3) as u64;
        rows.add(165, [s0.tag, b0.tag, commas]);
        rows.add(166, [s0.word, commas, has_head]);
        rows.add(167, [s1.word, s1.tag, s0.tag]);
        rows.add(168, [s1.tag, s0.tag, b0.tag, b1.tag]);
    }

    /// The label classifier's features for an arc `head -> dep` about to be made.
    pub fn label_features(&self, toks: &[Token], head: usize, dep: usize, rows: &mut Rows<'_>) {
        let tok = |i: usize| self.token(toks, i);
        let lab = |i: usize| self.label_of(i);
        let (h, d) = (tok(head), tok(dep));
        let dir = u64::from(dep < self.position(head));
        let dist = self.position(head).abs_diff(dep).min(6) as u64;
        let hh = if head == 0 { NONE } else { self.heads[head] };
        let (after, before) = if head == 0 { (NONE, NONE) } else { (head + 1, head - 1) };
        let (dl, dr) = (self.leftmost[dep], self.rightmost[dep]);
        rows.add(200, [dir]);
        rows.add(201, [h.tag, dir]);
        rows.add(202, [d.tag, dir]);
        rows.add(203, [h.word, dir]);
        rows.add(204, [d.word, dir]);
        rows.add(205, [h.tag, d.tag, dir]);
        rows.add(206, [h.word, d.tag, dir]);
        rows.add(207, [h.tag, d.word, dir]);
        rows.add(208, [h.word, d.word, dir]);
        rows.add(209, [h.tag, d.tag, dir, dist]);
        rows.add(210, [lab(if head == 0 { NONE } else { head }), h.tag, d.tag, dir]);
        rows.add(211, [tok(hh).tag, h.tag, d.tag, dir]);
        rows.add(212, [d.tag, tok(dl).tag, lab(dl)]);
        rows.add(213, [d.tag, tok(dr).tag, lab(dr)]);
        rows.add(214, [d.tag, tok(dep + 1).tag, dir]);
        rows.add(215, [d.tag, tok(dep.wrapping_sub(1)).tag, dir]);
        rows.add(216, [h.tag, tok(after).tag, d.tag]);
        rows.add(217, [h.tag, tok(before).tag, d.tag]);
        rows.add(218, [d.word, d.tag, h.tag, dir]);
        rows.add(219, [u64::from(head == 0), d.tag]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the zero-cost transitions rebuilds a projective tree exactly.
    fn oracle(heads: &[usize]) -> Vec<usize> {
        let n = heads.len();
        let mut gold = vec![0; n + 1];
        let mut deps = vec![Vec::new(); n + 1];
        for (i, &h) in heads.iter().enumerate() {
            gold[i + 1] = h;
            deps[h].push(i + 1);
        }
        let mut s = State::new(n);
        while !s.is_terminal() {
            let t = (0..TRANSITIONS)
                .filter(|&t| s.valid(t))
                .min_by_key(|&t| s.cost(t, &gold, &deps))
                .expect("a valid transition");
            s.apply(t, 0);
        }
        s.finish(0, |_, _, _| 0).0
    }

    #[test]
    fn the_dynamic_oracle_rebuilds_projective_trees() {
        for heads in [
            vec![2, 0, 2, 2],
            vec![2, 3, 0, 5, 3, 7, 3, 3],
            vec![0, 1, 4, 2, 4, 1],
            vec![3, 3, 0, 3, 6, 4, 3],
        ] {
            assert_eq!(oracle(&heads), heads);
        }
    }

    /// On the PolNeAR dev analyses (where `../shared` is there), the oracle rebuilds all but
    /// the non-projective arcs.
    #[test]
    fn the_oracle_rebuilds_the_dev_treebank() {
        let p = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/polnear-corenlp/dev.conllu.gz"
        ));
        if !p.exists() {
            return;
        }
        let sents = crate::learn::parser::conllu::read_treebank(p, None).unwrap();
        let (mut ok, mut all) = (0, 0);
        for s in &sents {
            let got = oracle(&s.heads);
            ok += got.iter().zip(&s.heads).filter(|(a, b)| a == b).count();
            all += s.heads.len();
        }
        assert!(ok as f64 / all as f64 > 0.999, "{ok} of {all}");
    }
}
