//! Evaluation against a gold annotation: `graphgen eval`.
//!
//! A port of the project's referee, `../shared/eval/score.py`, so that users can measure the
//! extraction on their own annotated articles without Python, and so that the figures agree
//! with the referee's to the last digit printed. Owns the gold file model ([`gold`]), the
//! scorer's spelling rules ([`fold`]), the scoring ([`score`]), the figures and their floors
//! ([`figures`]) and the reports ([`report`]).

pub mod figures;
pub mod fold;
pub mod gold;
pub mod report;
pub mod score;

pub use figures::{Floor, Prf, Scores, figure_names, prf};
pub use gold::{Gold, GoldEntity, GoldRelation};
pub use score::{Counts, Detail, Evaluation, NodeRef, Triple, WrongKind, score};
