//! The part-of-speech tagger: greedy left to right, an averaged perceptron over hashed
//! features of the word, its affixes and shape, the words around it and the two tags before.

use super::words::{Rows, Table, WordView, argmax};

/// Feature templates; bump when they change (the model's config hash holds it).
pub const FEATURE_VERSION: &str = "pos-1";

/// The value of a tag before the sentence starts.
fn start_tag(ntags: usize, back: usize) -> u64 {
    (ntags + back) as u64
}

/// The feature rows of word `i`, given the tags already chosen for the words before it.
pub fn features(words: &[WordView], i: usize, tags: &[usize], ntags: usize, rows: &mut Rows<'_>) {
    let w = &words[i];
    let none = WordView::default();
    let at = |k: isize| -> &WordView {
        if k < 0 || k as usize >= words.len() {
            &none
        } else {
            &words[k as usize]
        }
    };
    let i_ = i as isize;
    let t1 = if i >= 1 {
        tags[i - 1] as u64
    } else {
        start_tag(ntags, 0)
    };
    let t2 = if i >= 2 {
        tags[i - 2] as u64
    } else {
        start_tag(ntags, 1)
    };
    let (p1, p2, n1, n2) = (at(i_ - 1), at(i_ - 2), at(i_ + 1), at(i_ + 2));
    rows.add(1, []);
    rows.add(2, [w.lower]);
    rows.add(3, [w.suffix1]);
    rows.add(4, [w.suffix2]);
    rows.add(5, [w.suffix3]);
    rows.add(6, [w.suffix4]);
    rows.add(7, [w.prefix1]);
    rows.add(8, [w.shape]);
    rows.add(9, [t1]);
    rows.add(10, [t2]);
    rows.add(11, [t1, t2]);
    rows.add(12, [t1, w.lower]);
    rows.add(13, [p1.lower]);
    rows.add(14, [p1.suffix3]);
    rows.add(15, [p2.lower]);
    rows.add(16, [n1.lower]);
    rows.add(17, [n1.suffix3]);
    rows.add(18, [n2.lower]);
    rows.add(19, [n1.shape]);
    rows.add(20, [p1.lower, w.lower]);
    rows.add(21, [w.lower, n1.lower]);
    rows.add(22, [t1, w.suffix3]);
    rows.add(23, [w.shape, n1.shape]);
}

/// Tags a sentence: one tag id per word.
pub fn tag(table: &Table, words: &[WordView]) -> Vec<usize> {
    let mut tags = Vec::with_capacity(words.len());
    let mut rows = Vec::with_capacity(32);
    let mut score = vec![0i32; table.classes];
    for i in 0..words.len() {
        rows.clear();
        features(
            words,
            i,
            &tags,
            table.classes,
            &mut Rows {
                bits: table.bits,
                out: &mut rows,
            },
        );
        table.score(&rows, &mut score);
        tags.push(argmax(&score, |_| true).unwrap_or(0));
    }
    tags
}
