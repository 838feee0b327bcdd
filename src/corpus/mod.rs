//! The corpus: finding input files, reading them, and turning each into a `Document`.
//!
//! Reading never rewrites text: page furniture is recorded as byte ranges to skip, so that
//! every offset later in the pipeline is an offset into the text as read.

use std::ops::Range;

/// One article, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path shown to the user (for JSONL articles: `file.jsonl#id`).
    pub path: String,
    /// Short name used in the document node id (`doc:<stem>`).
    pub stem: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The article text; all offsets are byte offsets into it.
    pub text: String,
    /// Byte ranges of page furniture (sponsor lines, share bars, ...), sorted, not overlapping.
    pub furniture: Vec<Range<usize>>,
}

/// Something wrong with one input that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// True when the input (or part of it) was skipped; false for a warning only.
    pub skipped: bool,
}

/// Reads every input path (files, directories walked recursively in sorted order, `-` for
/// stdin) into documents sorted by path. Problems with single inputs are returned, not raised.
pub fn read_inputs(inputs: &[std::path::PathBuf]) -> (Vec<Document>, Vec<Problem>) {
    // Placeholder until the reader lands: plain text files only.
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for p in inputs {
        match std::fs::read_to_string(p) {
            Ok(text) => docs.push(Document {
                path: p.display().to_string(),
                stem: p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
                title: None,
                date: None,
                url: None,
                text,
                furniture: Vec::new(),
            }),
            Err(e) => problems.push(Problem { path: p.display().to_string(), message: e.to_string(), skipped: true }),
        }
    }
    (docs, problems)
}
