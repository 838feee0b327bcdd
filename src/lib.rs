//! graphgen turns a corpus of news articles into a graph of actors and their relations.
//!
//! There is one road, and [`pipeline::Pipeline`] walks it. Built once from a
//! [`pipeline::Config`], it owns what the stages read with and the limits of a run, and hands
//! each document down the stages in order; a stage uses only the stages before it (a test,
//! `tests/it/layers.rs`, fails otherwise):
//!
//! 1. [`corpus`] finds the input files (text, HTML, JSONL, stdin), reads each article, at most
//!    the size cap, into a [`corpus::Document`], marking page furniture as byte ranges to skip
//!    rather than deleting it.
//! 2. [`text`] splits a document into sentences and tokens, as byte spans into its text.
//! 3. [`extract`] reads one document: candidate names in each sentence, their kinds, the
//!    relations (met-with, quoted-in, allied-with, affiliated-to) with their evidence, and which
//!    mentions are one actor within the document (`Mr. Kim` is Kim Jong Un unless the text says
//!    otherwise; `BOK` is the Bank of Korea). It reads with the [`knowledge`] (lexicons and word
//!    classes, all data under `resources/`) and the [`learn`]ed models (the mention tagger)
//!    that the pipeline owns.
//! 4. [`resolve`] joins the actors of all documents by their names, as partial graphs merge.
//! 5. [`graph`] holds the merged [`graph::Graph`]: one node per actor, one edge per
//!    (source, relation, target) with a weight that counts its evidence. Its nouns (kinds,
//!    evidence, ids, name folding) are the vocabulary every stage writes in.
//! 6. [`export`] writes the graph (node-link JSON, DOT, HTML, GEXF, GraphML, Cytoscape.js).
//!
//! [`eval`] scores a graph against a hand-annotated gold file (`graphgen eval`).
//! [`diff`] compares two graphs (built through the pipeline or read back from JSON). The
//! command line (`src/app/`) belongs to the binary, not to this library.
//!
//! Every stage is deterministic: the same inputs give byte-identical output in any order and
//! on any number of threads.

pub mod corpus;
pub mod diff;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod knowledge;
pub mod learn;
pub mod pipeline;
pub mod resolve;
pub mod text;

pub use error::{Error, Result};

/// The generator string written into every output.
pub const GENERATOR: &str = concat!("graphgen ", env!("CARGO_PKG_VERSION"));
