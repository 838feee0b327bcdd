//! Streaming: the inputs go to the workers in batches, which read them, extract their
//! documents and gather the results, so a document's text is dropped as soon as the worker's
//! result exists and memory grows with the results (partial graphs, mentions), not with the
//! corpus. The calling thread only forms batches and takes the results in reading order.

use super::progress::Progress;
use super::stages::Stages;
use crate::corpus::{self, Document, Found, Problem};
use rayon::ThreadPool;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Input bytes gathered before a batch goes to the pool. Several batches are in flight at
/// once, so small ones keep the threads busy; on the 100 MB benchmark 256 KB batches, four in
/// flight, were as fast as 1 MB ones, two in flight, and peaked 10 MB lower.
const BATCH_BYTES: u64 = 256 * 1024;

/// Batches being worked on at most while the next is formed: one per thread and two more,
/// so a thread that finishes finds the next batch waiting; few enough to bound memory.
fn max_in_flight(pool: &ThreadPool) -> usize {
    pool.current_num_threads() + 2
}

/// A finished batch: its number in reading order, its result (or the panic that stopped
/// it), the input bytes it covers, the worker time it took.
type Done<B> = (usize, std::thread::Result<Batch<B>>, u64, Duration);

/// What a worker makes of one batch: `gather`'s result and the problems met reading.
struct Batch<B> {
    out: B,
    problems: Vec<Problem>,
}

/// Reads every input `found` lists (at most `max_bytes` of each) and runs `each` on each
/// document (on `pool`): `each` gets the document, the input it came from as shown, and its
/// place in that input. `gather` turns a batch's results, in reading order, into what `sink`
/// receives, on the worker that made them (a partial merge, say), given the batch's number
/// in reading order; the batches reach `sink` in reading order. The problems met are
/// returned, sorted. Paths and stems are as read: whoever keeps them makes repeated ones
/// unique.
///
/// The calling thread only forms batches of inputs (by their size) and feeds `sink`; reading,
/// decoding, extraction and `gather` happen on the pool. Batches come back through a channel
/// in any order and are handed on in reading order. With one thread, the calling thread does
/// it all, batch by batch, the same batches. `stages` receives the calling thread's read
/// (forming batches), wait and merge (the time in `sink`) and the workers' summed time.
#[allow(clippy::too_many_arguments)]
pub fn run<T: Send, B: Send>(
    found: &Found,
    max_bytes: u64,
    pool: &ThreadPool,
    progress: &mut dyn Progress,
    each: &(dyn Fn(Document, &str, usize) -> T + Sync),
    gather: &(dyn Fn(usize, Vec<T>) -> B + Sync),
    sink: &mut dyn FnMut(B),
    stages: &mut Stages,
) -> Vec<Problem> {
    let started = Instant::now();
    progress.start(found.total());
    let (tx, rx) = std::sync::mpsc::channel::<Done<B>>();
    let mut order = InOrder {
        sink,
        progress,
        waiting: BTreeMap::new(),
        next: 0,
        problems: found.problems.clone(),
        merge: Duration::ZERO,
        workers: Duration::ZERO,
        wait: Duration::ZERO,
    };
    let limit = max_in_flight(pool);
    // One thread means one core: the batches are worked where they are formed.
    let sequential = pool.current_num_threads() == 1;
    let work = |n: usize, inputs: Vec<usize>| batch(found, max_bytes, n, &inputs, each, gather);
    pool.in_place_scope(|scope| {
        let mut sent = 0;
        let mut send = |inputs: Vec<usize>, bytes: u64, order: &mut InOrder<B>| {
            let n = sent;
            sent += 1;
            if sequential {
                // On the pool's thread: parallel iterators in the work use the pool, not
                // every core.
                // All of it is the batch's work, collecting and dropping included.
                let t = Instant::now();
                let (out, _) = pool.install(|| work(n, inputs));
                order.take((n, Ok(out), bytes, t.elapsed()));
                return;
            }
            let tx = tx.clone();
            let work = &work;
            scope.spawn(move |_| {
                // A panic travels to the calling thread, which would otherwise wait for this
                // batch for ever.
                let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(n, inputs)));
                let (out, took) = match done {
                    Ok((out, took)) => (Ok(out), took),
                    Err(panic) => (Err(panic), Duration::ZERO),
                };
                // The receiver outlives the scope, so this cannot fail.
                let _ = tx.send((n, out, bytes, took));
            });
            while sent - order.next > limit {
                let done = order.waited(|| rx.recv());
                order.take(done.expect("a batch in flight"));
            }
            while let Ok(done) = rx.try_recv() {
                order.take(done);
            }
        };
        let (mut inputs, mut bytes) = (Vec::new(), 0);
        for i in 0..found.len() {
            inputs.push(i);
            bytes += found.size(i);
            if bytes >= BATCH_BYTES {
                send(std::mem::take(&mut inputs), std::mem::take(&mut bytes), &mut order);
            }
        }
        if !inputs.is_empty() {
            send(inputs, bytes, &mut order);
        }
        while order.next < sent {
            let done = order.waited(|| rx.recv());
            order.take(done.expect("a batch in flight"));
        }
    });
    stages.merge += order.merge;
    stages.wait += order.wait;
    stages.workers += order.workers;
    stages.threads = pool.current_num_threads();
    // Whatever the calling thread did besides waiting, merging and (on one thread) working
    // was finding the inputs and forming batches.
    let busy = order.merge + order.wait + if sequential { order.workers } else { Duration::ZERO };
    stages.read += started.elapsed().saturating_sub(busy);
    let mut problems = order.problems;
    corpus::sort_problems(&mut problems);
    problems
}

/// One batch on a worker: its inputs read and their documents worked in parallel, the
/// results gathered in reading order; with the time every part took, summed.
fn batch<T: Send, B>(
    found: &Found,
    max_bytes: u64,
    n: usize,
    inputs: &[usize],
    each: &(dyn Fn(Document, &str, usize) -> T + Sync),
    gather: &(dyn Fn(usize, Vec<T>) -> B + Sync),
) -> (Batch<B>, Duration) {
    let read: Vec<((Vec<Document>, Vec<Problem>), Duration)> = inputs
        .par_iter()
        .map(|&i| timed(|i| found.read(i, max_bytes), i))
        .collect();
    let mut took: Duration = read.iter().map(|r| r.1).sum();
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (&i, ((read, trouble), _)) in inputs.iter().zip(read) {
        problems.extend(trouble);
        docs.extend(read.into_iter().enumerate().map(|(place, doc)| (doc, i, place)));
    }
    let results: Vec<(T, Duration)> = docs
        .into_par_iter()
        .map(|(doc, i, place)| timed(|doc| each(doc, found.display(i), place), doc))
        .collect();
    took += results.iter().map(|r| r.1).sum::<Duration>();
    let (out, gathered) = timed(|results| gather(n, results), results.into_iter().map(|r| r.0).collect());
    (Batch { out, problems }, took + gathered)
}

/// Runs `work` on `x`, with the time it took.
fn timed<X, T>(work: impl Fn(X) -> T, x: X) -> (T, Duration) {
    let t = Instant::now();
    let out = work(x);
    (out, t.elapsed())
}

/// Finished batches, handed on in reading order whatever order they finish in.
struct InOrder<'a, B> {
    sink: &'a mut dyn FnMut(B),
    progress: &'a mut dyn Progress,
    waiting: BTreeMap<usize, (B, u64)>,
    next: usize,
    problems: Vec<Problem>,
    /// Time in `sink`, in the workers, and waiting for them.
    merge: Duration,
    workers: Duration,
    wait: Duration,
}

impl<B> InOrder<'_, B> {
    fn take(&mut self, (n, batch, bytes, took): Done<B>) {
        let batch = batch.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        self.workers += took;
        self.problems.extend(batch.problems);
        self.waiting.insert(n, (batch.out, bytes));
        let t = Instant::now();
        while let Some((out, bytes)) = self.waiting.remove(&self.next) {
            (self.sink)(out);
            self.progress.advance(bytes);
            self.next += 1;
        }
        self.merge += t.elapsed();
    }

    fn waited<R>(&mut self, recv: impl FnOnce() -> R) -> R {
        let t = Instant::now();
        let out = recv();
        self.wait += t.elapsed();
        out
    }
}
