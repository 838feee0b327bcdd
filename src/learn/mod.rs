//! Learned models: what graphgen knows from annotated text rather than from word lists.
//!
//! Three models: the mention [`tagger`] (a structured perceptron trained on CoNLL-2003,
//! embedded as `resources/tagger.model`, rebuilt bit for bit by `graphgen train`), the
//! [`attribution`] ranker that chooses who spoke each reporting cue (trained on PolNeAR's
//! attributions, `resources/attribution.model`, `graphgen train attribution`), and the
//! POS tagger and dependency [`parser`] (greedy perceptrons trained on CoreNLP's analyses of
//! PolNeAR, `graphgen train parser`; not yet read by the pipeline). Each is loaded once by the
//! [`Pipeline`](crate::pipeline::Pipeline) and lent to the stages that read with it.
//!
//! # The shared core
//!
//! Every model is built from the same four parts, so that all of them hash, learn, train and
//! store the same way (and deterministically: same data and seed, same bytes):
//!
//! - [`hash`]: feature hashing: [`hash::feature`] makes a feature id from a template id and
//!   values (string and char hashes, other ids), [`hash::bucket`] its row in a table of
//!   `2^bits` rows, [`hash::hash_bytes`] checksums and config hashes.
//! - [`perceptron`]: [`perceptron::AveragedWeights`] (integer weights, the sums that average
//!   them, the multiclass update), [`perceptron::scores`] (a row set's score per class) and
//!   [`perceptron::Quantiser`] (averages to the stored `i16`/`i32` weights).
//! - [`train`]: [`train::epochs`] (passes over a shuffled order from a seeded
//!   [`train::SplitMix`]) and [`train::EpochCallback`] (a look at the model after each pass).
//! - [`format`](mod@format): the model file: a [`format::Kind`] (magic bytes, version, error words),
//!   [`format::Writer`] and [`format::open`]/[`format::Reader`] for the header (magic, version,
//!   config hash), the model's sections in order (integers, [`format::Writer::sparse_rows`]
//!   for weight tables) and the checksum.
//!
//! # Adding a model
//!
//! Give it a module beside `tagger/` that owns only what is its own: its feature templates
//! (template ids hashed with [`hash::feature`], a `FEATURE_VERSION` string), its decoder, its
//! training step (decode, then [`perceptron::AveragedWeights::update`] on a mistake, one step
//! counter per example, inside [`train::epochs`]), and its file: a `const KIND: Kind` with its
//! own magic, a config hash of its feature version and sizes, and the sections it writes and
//! reads back in the same order. The tagger (`tagger/train.rs`, `tagger/format.rs`) is the
//! worked example. Models are values loaded once, never statics.

pub mod attribution;
pub mod format;
pub mod hash;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;
