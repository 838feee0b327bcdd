//! Extraction: from one document's text to its mentions, local actors and relations.

pub mod tagger;

use crate::corpus::Document;
use serde::Serialize;

/// One actor (or place) mention, as `graphgen mentions` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// An actor kind, or `place`.
    pub kind: String,
    /// Id of the actor the mention belongs to.
    pub entity: String,
}

/// Everything read from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
}

pub fn extract_document(_doc: &Document) -> Extraction {
    Extraction::default()
}
