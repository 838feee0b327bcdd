//! CoNLL files and scores: reading `token ... NER` columns into tagged sentences, and exact-span
//! precision, recall and F1 per type, with the micro average over PER, ORG and LOC that the
//! project's scorer uses (MISC has no place in the ontology).

use super::{EntityType, Tag, Tagged, Tagger, spans};
use crate::Error;
use std::fmt::Write;

/// Reads CoNLL-style text: one token a line with its tag in the last column, a blank line between
/// sentences, `-DOCSTART-` lines between documents. IOB1 tags (an `I-X` opening a name) are
/// rewritten as IOB2 (`B-X`).
pub fn read_conll(text: &str) -> Result<Vec<Tagged>, Error> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(word), Some(last)) = (fields.next(), fields.next_back()) else {
            return Err(conll_error(n, "a token line needs the token first and its tag last"));
        };
        let tag = Tag::parse(last)
            .ok_or_else(|| conll_error(n, &format!("`{last}` is not O, B-X or I-X (X: PER, ORG, LOC, MISC)")))?;
        tags.push(as_iob2(tags.last().copied(), tag));
        words.push(word.to_string());
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    Ok(out)
}

fn conll_error(line: usize, message: &str) -> Error {
    Error::Invalid {
        what: format!("CoNLL line {}", line + 1),
        message: message.to_string(),
    }
}

fn as_iob2(prev: Option<Tag>, tag: Tag) -> Tag {
    match tag {
        Tag::I(t) if prev.and_then(Tag::entity) != Some(t) => Tag::B(t),
        _ => tag,
    }
}

/// Exact-span counts per type: true positives, predicted spans, gold spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    counts: [[usize; 3]; 4],
}

/// The types the micro average covers.
pub const SCORED: [EntityType; 3] = [EntityType::Per, EntityType::Org, EntityType::Loc];

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let gold = spans(gold);
        let predicted = spans(predicted);
        for s in &gold {
            self.counts[s.2 as usize][2] += 1;
        }
        for s in &predicted {
            self.counts[s.2 as usize][1] += 1;
            if gold.contains(s) {
                self.counts[s.2 as usize][0] += 1;
            }
        }
    }

    /// Precision, recall and F1 over the spans of `types` together.
    pub fn micro(&self, types: &[EntityType]) -> (f64, f64, f64) {
        let sum = |k: usize| types.iter().map(|&t| self.counts[t as usize][k]).sum::<usize>();
        prf(sum(0), sum(1), sum(2))
    }

    /// One line per type and one for the PER/ORG/LOC micro average.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for t in EntityType::ALL {
            let [tp, p, g] = self.counts[t as usize];
            let (pr, r, f) = prf(tp, p, g);
            let _ = writeln!(
                out,
                "{:<5} P {pr:.4}  R {r:.4}  F1 {f:.4}   ({p} predicted, {g} gold)",
                t.as_str()
            );
        }
        let (pr, r, f) = self.micro(&SCORED);
        let _ = writeln!(out, "micro P {pr:.4}  R {r:.4}  F1 {f:.4}   (PER, ORG, LOC)");
        out
    }
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted > 0 {
        tp as f64 / predicted as f64
    } else {
        1.0
    };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 1.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Tags every sentence and scores the result against its gold tags.
pub fn evaluate(tagger: &Tagger, sentences: &[Tagged]) -> Scores {
    let mut scores = Scores::default();
    for (words, gold) in sentences {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        scores.add(gold, &tagger.tag(&words));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn reads_columns_documents_and_iob1() {
        let text = "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP I-PER\nVolk NNP I-NP I-PER\nsang VBD B-VP O\n\nin O\nBrindle I-LOC\n";
        let got = read_conll(text).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, ["Anna", "Volk", "sang"]);
        assert_eq!(got[0].1, [Tag::B(Per), Tag::I(Per), Tag::O]);
        assert_eq!(got[1].1, [Tag::O, Tag::B(Loc)]);
    }

    #[test]
    fn a_bad_tag_names_its_line() {
        let err = read_conll("a O\nb B-FOO\n").unwrap_err().to_string();
        assert!(err.contains("line 2") && err.contains("B-FOO"), "{err}");
        assert!(read_conll("lonely\n").is_err());
    }

    #[test]
    fn scores_count_exact_spans_only() {
        let mut s = Scores::default();
        let gold = [Tag::B(Per), Tag::I(Per), Tag::O, Tag::B(Loc), Tag::B(Misc)];
        let pred = [Tag::B(Per), Tag::O, Tag::O, Tag::B(Loc), Tag::O];
        s.add(&gold, &pred);
        // PER predicted with the wrong extent; LOC right; MISC outside the micro average.
        let (p, r, f) = s.micro(&SCORED);
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
        assert!(s.report().contains("MISC  P 1.0000  R 0.0000"));
    }
}
