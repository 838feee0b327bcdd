//! The text graphgen reads, as `graphgen text --json` writes it: one record per document, its
//! text with page furniture blanked (see [`crate::corpus::furniture::blanked`]).

use crate::corpus::Document;
use serde::Serialize;

/// One document as `graphgen text --json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextRecord<'d> {
    pub path: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'d str>,
    pub text: &'d str,
}

pub fn record(doc: &Document) -> TextRecord<'_> {
    TextRecord {
        path: &doc.path,
        title: doc.title.as_deref(),
        date: doc.date.as_deref(),
        url: doc.url.as_deref(),
        byline: doc.byline.as_deref(),
        text: &doc.text,
    }
}
