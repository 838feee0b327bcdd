//! How each word of the training text is usually written in running text: always lowercase,
//! mostly lowercase, mixed, mostly or always capitalised, and how often it was seen.
//!
//! A capitalised word whose lowercase form is common in lowercase (`Police said ...`) is rarely a
//! name, while one never seen in lowercase usually is. Only positions where capitals mean
//! something count: not the first word of a sentence, not headlines. The table keys are hashes
//! of lowercase forms and lives inside the model, so no word list is stored anywhere.

use super::features::{HAS_LETTER, HAS_LOWER, HAS_UPPER, INIT_UPPER, Style, Token};
use rustc_hash::FxHashMap as HashMap;

/// Class 0: a word never seen where its capitals would tell anything.
pub(crate) const UNSEEN: u8 = 0;

/// Lowercase/capitalised counts per lowercase-form hash, gathered from training sentences.
#[derive(Debug, Default)]
pub(crate) struct CasingCounts {
    counts: HashMap<u64, [u32; 2]>,
}

/// Whether token `i` counts as lowercase (0) or capitalised (1) use of its lowercase form.
pub(crate) fn observation(tokens: &[Token], i: usize, style: Style) -> Option<usize> {
    let t = &tokens[i];
    if i == 0 || style != Style::Normal || t.flags & HAS_LETTER == 0 {
        return None;
    }
    if t.flags & HAS_UPPER == 0 {
        Some(0)
    } else if t.flags & INIT_UPPER != 0 && t.flags & HAS_LOWER != 0 {
        Some(1)
    } else {
        // All capitals: an acronym or emphasis, no evidence either way.
        None
    }
}

impl CasingCounts {
    pub(crate) fn add_sentence(&mut self, tokens: &[Token], style: Style) {
        for (i, t) in tokens.iter().enumerate() {
            if let Some(o) = observation(tokens, i, style) {
                self.counts.entry(t.lower).or_default()[o] += 1;
            }
        }
    }

    /// The class of `lower`, optionally leaving one observation out: a training token must not
    /// see its own occurrence, or every once-seen name looks "always capitalised" in training
    /// while at tagging time new names are unseen.
    pub(crate) fn class(&self, lower: u64, leave_out: Option<usize>) -> u8 {
        let Some(&[mut low, mut cap]) = self.counts.get(&lower) else {
            return UNSEEN;
        };
        match leave_out {
            Some(0) => low = low.saturating_sub(1),
            Some(_) => cap = cap.saturating_sub(1),
            None => {}
        }
        classify(low, cap)
    }

    pub(crate) fn table(&self) -> CasingTable {
        let mut entries: Vec<(u64, u8)> = self
            .counts
            .keys()
            .map(|&k| (k, self.class(k, None)))
            .filter(|&(_, c)| c != UNSEEN)
            .collect();
        entries.sort_unstable();
        CasingTable::from_entries(&entries)
    }
}

/// Whether a class says the word is always or mostly written in lowercase.
pub(crate) fn usually_lowercase(class: u8) -> bool {
    class != UNSEEN && (class - 1) / 4 <= 1
}

fn classify(low: u32, cap: u32) -> u8 {
    let total = low + cap;
    if total == 0 {
        return UNSEEN;
    }
    let ratio = if cap == 0 {
        0
    } else if low >= 4 * cap {
        1
    } else if cap >= 4 * low {
        if low == 0 { 4 } else { 3 }
    } else {
        2
    };
    let band = match total {
        1 => 0,
        2..=4 => 1,
        5..=19 => 2,
        _ => 3,
    };
    1 + ratio * 4 + band
}

/// The frozen classes: an open-addressing table from lowercase-form hash to class.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CasingTable {
    bits: u32,
    keys: Vec<u64>,
    classes: Vec<u8>,
}

impl CasingTable {
    /// Builds the table from `(hash, class)` entries; zero hashes cannot be stored (zero marks
    /// an empty slot) and are dropped, which costs one word in 2^64 its class.
    pub(crate) fn from_entries(entries: &[(u64, u8)]) -> CasingTable {
        let bits = (entries.len() * 2).next_power_of_two().max(16).trailing_zeros();
        let mut table = CasingTable {
            bits,
            keys: vec![0; 1 << bits],
            classes: vec![UNSEEN; 1 << bits],
        };
        for &(key, class) in entries.iter().filter(|e| e.0 != 0) {
            let slot = table.slot(key);
            table.keys[slot] = key;
            table.classes[slot] = class;
        }
        table
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = crate::learn::hash::bucket(key, self.bits) as usize;
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    pub(crate) fn class(&self, lower: u64) -> u8 {
        if self.keys.is_empty() {
            return UNSEEN;
        }
        self.classes[self.slot(lower)]
    }

    /// Entries sorted by hash: the order the model file stores them in.
    pub(crate) fn entries(&self) -> Vec<(u64, u8)> {
        let mut out: Vec<(u64, u8)> = self
            .keys
            .iter()
            .zip(&self.classes)
            .filter(|(k, _)| **k != 0)
            .map(|(&k, &c)| (k, c))
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_separate_lowercase_words_from_names() {
        assert_eq!(classify(0, 0), UNSEEN);
        // Always lowercase, seen often.
        assert_eq!(classify(30, 0), 1 + 3);
        // Always capitalised, seen once.
        assert_eq!(classify(0, 1), 1 + 4 * 4);
        // Mixed.
        assert_eq!(classify(3, 2), 1 + 2 * 4 + 2);
    }

    #[test]
    fn leaving_out_a_single_observation_makes_the_word_unseen() {
        let mut counts = CasingCounts::default();
        let tokens: Vec<Token> = ["we", "met", "Xandor"]
            .iter()
            .map(|w| super::super::features::analyse(w))
            .collect();
        counts.add_sentence(&tokens, Style::Normal);
        let xandor = tokens[2].lower;
        assert_eq!(counts.class(xandor, None), 1 + 4 * 4);
        assert_eq!(counts.class(xandor, Some(1)), UNSEEN);
        // The first word of a sentence is no evidence.
        assert_eq!(counts.class(tokens[0].lower, None), UNSEEN);
    }

    #[test]
    fn table_answers_like_the_counts() {
        let entries = vec![(5, 3), (17, 9), (1 << 40, 20)];
        let table = CasingTable::from_entries(&entries);
        assert_eq!(table.class(17), 9);
        assert_eq!(table.class(1 << 40), 20);
        assert_eq!(table.class(6), UNSEEN);
        assert_eq!(table.entries(), entries);
    }
}
