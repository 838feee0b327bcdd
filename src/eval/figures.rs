//! The figures of a score (precision, recall, F1 and accuracies) under score.py's names, and
//! the floors (`--min NAME=VALUE`) a run can be held to.

use crate::graph::RelationKind;
use crate::{Error, Result};
use std::str::FromStr;

/// Precision, recall and F1 of one count of hits, false alarms and misses.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// score.py's conventions: nothing predicted is perfect precision, nothing to find is perfect
/// recall, and F1 is 0 when both are 0. The arithmetic is in score.py's order, so the figures
/// agree to the last bit.
pub fn prf(tp: usize, fp: usize, missed: usize) -> Prf {
    let ratio = |part: usize, whole: usize| {
        if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
    };
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + missed);
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Prf { p, r, f1 }
}

/// Every figure of one evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    /// Actor nodes against gold entities.
    pub entity: Prf,
    /// Share of matched nodes whose kind is the gold kind (0 when nothing matched).
    pub kind_acc: f64,
    /// F1 counting only nodes matched with the right kind as hits.
    pub typed_f1: f64,
    /// One per relation, in [`RelationKind::ALL`] order.
    pub per_relation: [Prf; 4],
    /// All relations together.
    pub relation: Prf,
}

impl Scores {
    /// The figures of one relation.
    pub fn of(&self, kind: RelationKind) -> Prf {
        let i = RelationKind::ALL
            .iter()
            .position(|k| *k == kind)
            .expect("ALL lists every relation");
        self.per_relation[i]
    }

    /// Every figure under its score.py name, in score.py's order.
    pub fn figures(&self) -> Vec<(String, f64)> {
        let mut out = named("entity", self.entity);
        out.push(("kind_acc".into(), self.kind_acc));
        out.push(("typed_f1".into(), self.typed_f1));
        for (kind, prf) in RelationKind::ALL.iter().zip(self.per_relation) {
            out.extend(named(kind.as_str(), prf));
        }
        out.extend(named("relation", self.relation));
        out
    }

    /// One figure by its score.py name.
    pub fn figure(&self, name: &str) -> Option<f64> {
        self.figures().into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The floors this score falls short of, as `NAME VALUE < FLOOR`.
    pub fn shortfalls(&self, floors: &[Floor]) -> Vec<String> {
        floors
            .iter()
            .filter_map(|floor| {
                let value = self.figure(&floor.name)?;
                (value < floor.value).then(|| format!("{} {value:.3} < {}", floor.name, floor.written))
            })
            .collect()
    }
}

fn named(prefix: &str, prf: Prf) -> Vec<(String, f64)> {
    vec![
        (format!("{prefix}_p"), prf.p),
        (format!("{prefix}_r"), prf.r),
        (format!("{prefix}_f1"), prf.f1),
    ]
}

/// The names `--min` accepts.
pub fn figure_names() -> Vec<String> {
    Scores::default().figures().into_iter().map(|(n, _)| n).collect()
}

/// A lower bound on one figure: `--min relation_f1=0.7`.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub name: String,
    pub value: f64,
    /// The value as the user wrote it, for the report.
    pub written: String,
}

impl FromStr for Floor {
    type Err = Error;

    fn from_str(s: &str) -> Result<Floor> {
        let what = || format!("--min {s}");
        let (name, written) = s.split_once('=').ok_or_else(|| Error::Invalid {
            what: what(),
            message: "expected NAME=VALUE, as in entity_f1=0.9".into(),
        })?;
        let names = figure_names();
        if !names.iter().any(|n| n == name) {
            return Err(Error::Invalid {
                what: what(),
                message: format!("no figure named {name:?}; the figures are {}", names.join(", ")),
            });
        }
        let value = written.trim().parse::<f64>().map_err(|_| Error::Invalid {
            what: what(),
            message: format!("{written:?} is not a number; write a value such as 0.85"),
        })?;
        Ok(Floor {
            name: name.to_string(),
            value,
            written: written.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_edge_cases() {
        let cases = [
            // (tp, fp, missed) -> (p, r, f1)
            ((0, 0, 0), (1.0, 1.0, 1.0)),
            ((0, 3, 0), (0.0, 1.0, 0.0)),
            ((0, 0, 4), (1.0, 0.0, 0.0)),
            ((0, 2, 5), (0.0, 0.0, 0.0)),
            ((3, 0, 0), (1.0, 1.0, 1.0)),
            ((3, 1, 0), (0.75, 1.0, 2.0 * 0.75 / 1.75)),
            ((1, 1, 2), (0.5, 1.0 / 3.0, 0.4)),
        ];
        for ((tp, fp, missed), (p, r, f1)) in cases {
            let got = prf(tp, fp, missed);
            assert_eq!(got.p, p, "p of {tp} {fp} {missed}");
            assert_eq!(got.r, r, "r of {tp} {fp} {missed}");
            assert!((got.f1 - f1).abs() < 1e-12, "f1 of {tp} {fp} {missed}: {}", got.f1);
        }
    }

    #[test]
    fn figures_carry_score_py_names_in_its_order() {
        let names = figure_names();
        assert_eq!(names.len(), 20);
        assert_eq!(
            &names[..5],
            ["entity_p", "entity_r", "entity_f1", "kind_acc", "typed_f1"]
        );
        assert_eq!(&names[5..8], ["met-with_p", "met-with_r", "met-with_f1"]);
        assert_eq!(names[16], "affiliated-to_f1");
        assert_eq!(&names[17..], ["relation_p", "relation_r", "relation_f1"]);
    }

    #[test]
    fn floors_parse_or_say_what_is_wrong() {
        let floor: Floor = "quoted-in_f1=0.8".parse().unwrap();
        assert_eq!((floor.name.as_str(), floor.value), ("quoted-in_f1", 0.8));
        let cases = [
            ("entity_f1", "expected NAME=VALUE"),
            ("entity_f2=0.9", "no figure named \"entity_f2\""),
            ("typed_f1=high", "\"high\" is not a number"),
        ];
        for (text, want) in cases {
            let err = text.parse::<Floor>().unwrap_err().to_string();
            assert!(err.starts_with(&format!("--min {text}: {want}")), "{err}");
        }
    }

    #[test]
    fn shortfalls_name_the_figure_and_the_floor() {
        let scores = Scores {
            entity: prf(4, 1, 0),
            typed_f1: 0.5,
            ..Scores::default()
        };
        let floors: Vec<Floor> = ["entity_p=0.8", "typed_f1=0.75", "entity_r=1"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(scores.shortfalls(&floors), ["typed_f1 0.500 < 0.75"]);
    }
}
