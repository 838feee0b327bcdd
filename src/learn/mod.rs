//! Learned models: what graphgen knows from annotated text rather than from word lists.
//!
//! Today one model, the mention [`tagger`] (a structured perceptron trained on CoNLL-2003,
//! embedded as `resources/tagger.model`, rebuilt bit for bit by `graphgen train`). The
//! dependency parser, actor knowledge base and attribution model planned next belong here too,
//! beside it; each is loaded once by the [`Pipeline`](crate::pipeline::Pipeline) and lent to
//! the stages that read with it.

pub mod tagger;
