//! Streaming: inputs are read one at a time and their documents handed to a worker in
//! parallel batches, so a document's text is dropped as soon as the worker's result exists
//! and memory grows with the results (partial graphs, mentions), not with the corpus.

use super::progress::Progress;
use crate::corpus::{self, Document, Problem};
use rayon::ThreadPool;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Text gathered before a batch goes to the pool. Several batches are in flight at once, so
/// small ones keep the threads busy; on the 100 MB benchmark 256 KB batches, four in flight,
/// were as fast as 1 MB ones, two in flight, and peaked 10 MB lower.
const BATCH_BYTES: usize = 256 * 1024;

/// Batches being extracted at most while the next is read: one per thread and two more,
/// so a thread that finishes finds the next batch waiting; few enough to bound memory.
fn max_in_flight(pool: &ThreadPool) -> usize {
    pool.current_num_threads() + 2
}

/// One batch's documents: the document, the input it came from, its place in that input.
type Docs = Vec<(Document, String, usize)>;

/// A finished batch: its number in reading order, its results (or the panic that stopped
/// them), the input bytes it covers.
type Done<T> = (usize, std::thread::Result<Vec<T>>, u64);

/// Reads every input (at most `max_bytes` of each) and runs `work` on each document (on
/// `pool`): `work` gets the document, the input it came from as shown, and its place in that
/// input. The results reach `sink` in reading order; the problems met are returned. Paths and
/// stems are as read: whoever keeps them makes repeated ones unique.
///
/// With more than one thread, the calling thread reads the inputs and feeds `sink` while the
/// pool extracts: batches go to the pool as they fill, and come back through a channel in any
/// order, to be handed on in reading order. Reading and merging thus overlap extraction
/// instead of stalling it.
pub fn run<T: Send>(
    inputs: &[PathBuf],
    max_bytes: u64,
    pool: &ThreadPool,
    progress: &mut dyn Progress,
    work: &(dyn Fn(Document, &str, usize) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> Vec<Problem> {
    let (tx, rx) = std::sync::mpsc::channel::<Done<T>>();
    // The size is reported before the first batch; a cell lets both callbacks reach it.
    let order = std::cell::RefCell::new(InOrder {
        sink,
        progress,
        waiting: BTreeMap::new(),
        next: 0,
    });
    let limit = max_in_flight(pool);
    // One thread means one core: the batches are extracted where they are read.
    let sequential = pool.current_num_threads() == 1;
    let extract = |(doc, source, place): (Document, String, usize)| work(doc, &source, place);
    pool.in_place_scope(|scope| {
        let mut sent = 0;
        let problems = {
            let mut docs: Docs = Vec::new();
            let (mut bytes, mut bytes_read) = (0, 0);
            let mut send = |docs: Docs, bytes_read: u64| {
                let mut order = order.borrow_mut();
                let n = sent;
                sent += 1;
                if sequential {
                    let parts = docs.into_iter().map(extract).collect();
                    order.take((n, Ok(parts), bytes_read));
                    return;
                }
                let tx = tx.clone();
                scope.spawn(move |_| {
                    // A panic travels to the reading thread, which would otherwise wait for
                    // this batch for ever.
                    let parts = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        docs.into_par_iter().map(extract).collect()
                    }));
                    // The receiver outlives the scope, so this cannot fail.
                    let _ = tx.send((n, parts, bytes_read));
                });
                while sent - order.next > limit {
                    order.take(rx.recv().expect("a batch in flight"));
                }
                while let Ok(done) = rx.try_recv() {
                    order.take(done);
                }
            };
            let problems = corpus::for_each_input(
                inputs,
                max_bytes,
                |total| order.borrow_mut().progress.start(total),
                |source, size, read| {
                    for (place, doc) in read.into_iter().enumerate() {
                        bytes += doc.text.len();
                        docs.push((doc, source.to_string(), place));
                    }
                    bytes_read += size;
                    if bytes >= BATCH_BYTES {
                        send(std::mem::take(&mut docs), std::mem::take(&mut bytes_read));
                        bytes = 0;
                    }
                },
            );
            if !docs.is_empty() || bytes_read > 0 {
                send(docs, bytes_read);
            }
            problems
        };
        let mut order = order.borrow_mut();
        while order.next < sent {
            order.take(rx.recv().expect("a batch in flight"));
        }
        problems
    })
}

/// Finished batches, handed on in reading order whatever order they finish in.
struct InOrder<'a, T> {
    sink: &'a mut dyn FnMut(T),
    progress: &'a mut dyn Progress,
    waiting: BTreeMap<usize, (Vec<T>, u64)>,
    next: usize,
}

impl<T> InOrder<'_, T> {
    fn take(&mut self, (n, parts, bytes_read): Done<T>) {
        let parts = parts.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        self.waiting.insert(n, (parts, bytes_read));
        while let Some((parts, bytes_read)) = self.waiting.remove(&self.next) {
            for p in parts {
                (self.sink)(p);
            }
            self.progress.advance(bytes_read);
            self.next += 1;
        }
    }
}
