//! graphgen turns a corpus of news articles into a graph of actors and their relations.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`corpus`] finds the input files (text, HTML, JSONL, stdin) and reads each article into a
//!    [`corpus::Document`], marking page furniture as byte ranges to skip rather than deleting it.
//! 2. [`text`] splits a document into sentences and tokens, as byte spans into its text.
//! 3. [`extract`] finds actor mentions in each sentence (names, titles, appositions, lexicons of
//!    countries, capitals, outlets and organisation head words), decides their kinds, and reads
//!    the relations (met-with, quoted-in, allied-with, affiliated-to) with their evidence.
//! 4. [`resolve`] groups a document's mentions into actors (`Mr. Kim` is Kim Jong Un unless the
//!    text says otherwise; `BOK` is the Bank of Korea; `Pyongyang` speaks for North Korea) and
//!    then joins the actors of all documents by their names.
//! 5. [`graph`] holds the merged [`graph::Graph`]: one node per actor, one edge per
//!    (source, relation, target) with a weight that counts its evidence.
//! 6. [`export`] writes the graph as node-link JSON or GraphViz DOT.
//!
//! [`eval`] scores a graph against a hand-annotated gold file (`graphgen eval`).
//! [`diff`] compares two graphs (built from corpora or read back from JSON).
//!
//! Every stage is deterministic: the same inputs give byte-identical output in any order.

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
