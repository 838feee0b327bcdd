//! The integration tests, in one binary (as ripgrep keeps them): one module a subject, the
//! shared helpers in `support`. One binary links once; twenty linked twenty times and took
//! most of a cold `cargo test`.

mod support;

mod bounded;
mod cli;
mod corpus;
mod diff;
mod eval;
mod export;
mod filters;
mod formats;
mod hostile;
mod html;
mod html_bounds;
mod knowledge;
mod layers;
mod memory;
mod one_road;
mod out;
mod properties;
mod provenance;
mod quality;
mod quotes;
mod scale;
mod schema;
mod spark;
mod tagger_cli;
mod teach;
mod text;
mod text_props;
