//! Streaming extraction: inputs are read one at a time and their documents extracted in
//! parallel batches, so a document's text is dropped as soon as its partial graph exists and
//! memory grows with the actors and evidence, not with the corpus.

use super::partial::Partial;
use super::stoplist::StopList;
use crate::corpus::{self, Document, Problem};
use rayon::ThreadPool;
use rayon::prelude::*;
use std::path::PathBuf;

/// Text held at most before a batch is extracted. Large enough to keep every thread busy,
/// small enough that the corpus never sits in memory.
const BATCH_BYTES: usize = 1024 * 1024;

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

/// Reads and extracts every input (on `pool`), handing each document's partial
/// graph to `sink` in reading order; returns the problems met. Paths and stems are as read:
/// the [`Merger`](super::Merger) makes repeated ones unique.
pub fn extract_inputs(
    inputs: &[PathBuf],
    pool: &ThreadPool,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(Partial),
) -> Vec<Problem> {
    extract_inputs_with(
        inputs,
        &StopList::default(),
        corpus::MAX_INPUT_BYTES,
        pool,
        progress,
        sink,
    )
}

/// As [`extract_inputs`]; every document drops its stop-listed names.
pub fn extract_inputs_with(
    inputs: &[PathBuf],
    stop: &StopList,
    max_bytes: u64,
    pool: &ThreadPool,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(Partial),
) -> Vec<Problem> {
    let mut batch = Batch {
        docs: Vec::new(),
        bytes: 0,
        bytes_read: 0,
    };
    let progress = std::cell::RefCell::new(progress);
    let sink = std::cell::RefCell::new(sink);
    let problems = corpus::for_each_input(
        inputs,
        max_bytes,
        |total| progress.borrow_mut().start(total),
        |source, size, docs| {
            for (place, doc) in docs.into_iter().enumerate() {
                batch.bytes += doc.text.len();
                batch.docs.push((doc, source.to_string(), place));
            }
            batch.bytes_read += size;
            if batch.bytes >= BATCH_BYTES {
                flush(&mut batch, stop, pool, *sink.borrow_mut(), *progress.borrow_mut());
            }
        },
    );
    flush(&mut batch, stop, pool, *sink.borrow_mut(), *progress.borrow_mut());
    problems
}

/// Reads and extracts every input into one graph.
pub fn graph_of_inputs(
    inputs: &[PathBuf],
    pool: &ThreadPool,
    progress: &mut dyn Progress,
) -> (super::Graph, Vec<Problem>) {
    graph_of_inputs_with(inputs, &StopList::default(), corpus::MAX_INPUT_BYTES, pool, progress)
}

/// As [`graph_of_inputs`]; every document drops its stop-listed names.
pub fn graph_of_inputs_with(
    inputs: &[PathBuf],
    stop: &StopList,
    max_bytes: u64,
    pool: &ThreadPool,
    progress: &mut dyn Progress,
) -> (super::Graph, Vec<Problem>) {
    let mut merger = super::Merger::new();
    let problems = extract_inputs_with(inputs, stop, max_bytes, pool, progress, &mut |p| merger.add(p));
    (merger.finish(), problems)
}

fn flush(
    batch: &mut Batch,
    stop: &StopList,
    pool: &ThreadPool,
    sink: &mut dyn FnMut(Partial),
    progress: &mut dyn Progress,
) {
    let docs = std::mem::take(&mut batch.docs);
    let parts: Vec<Partial> = pool.install(|| {
        docs.into_par_iter()
            .map(|(doc, source, place)| Partial::extract_with(&doc, &source, place, stop))
            .collect()
    });
    for p in parts {
        sink(p);
    }
    progress.advance(std::mem::take(&mut batch.bytes_read));
    batch.bytes = 0;
}
