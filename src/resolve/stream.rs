//! Streaming extraction: inputs are read one at a time and their documents extracted in
//! parallel batches, so a document's text is dropped as soon as its partial graph exists and
//! memory grows with the actors and evidence, not with the corpus.

use super::partial::{self, Partial};
use crate::corpus::{self, Document, Problem};
use rayon::prelude::*;
use std::path::PathBuf;

/// Text held at most before a batch is extracted. Large enough to keep every thread busy,
/// small enough that the corpus never sits in memory.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// What a caller hears about the run: the total size once, then the bytes of each input read.
pub trait Progress {
    fn start(&mut self, _total_bytes: u64) {}
    fn advance(&mut self, _bytes: u64) {}
}

/// Progress nobody watches.
pub struct Silent;
impl Progress for Silent {}

struct Batch {
    docs: Vec<(Document, String, usize)>,
    bytes: usize,
    bytes_read: u64,
}

/// Reads and extracts every input (on the current rayon pool), returning the partial graphs
/// in reading order with unique paths and stems, and the problems met.
pub fn extract_inputs(inputs: &[PathBuf], progress: &mut dyn Progress) -> (Vec<Partial>, Vec<Problem>) {
    let mut parts: Vec<Partial> = Vec::new();
    let mut batch = Batch {
        docs: Vec::new(),
        bytes: 0,
        bytes_read: 0,
    };
    let progress = std::cell::RefCell::new(progress);
    let problems = corpus::for_each_input(
        inputs,
        corpus::MAX_INPUT_BYTES,
        |total| progress.borrow_mut().start(total),
        |source, size, docs| {
            for (place, doc) in docs.into_iter().enumerate() {
                batch.bytes += doc.text.len();
                batch.docs.push((doc, source.to_string(), place));
            }
            batch.bytes_read += size;
            if batch.bytes >= BATCH_BYTES {
                flush(&mut batch, &mut parts, *progress.borrow_mut());
            }
        },
    );
    flush(&mut batch, &mut parts, *progress.borrow_mut());
    partial::order(&mut parts);
    (parts, problems)
}

fn flush(batch: &mut Batch, parts: &mut Vec<Partial>, progress: &mut dyn Progress) {
    let docs = std::mem::take(&mut batch.docs);
    parts.par_extend(docs.into_par_iter().map(|(doc, source, place)| Partial::extract(&doc, &source, place)));
    progress.advance(std::mem::take(&mut batch.bytes_read));
    batch.bytes = 0;
}
