//! Where a run's time goes (`--stats`): each stage's wall time on the thread that runs it,
//! and the time the workers spent reading and extracting, summed over them. Reading, waiting
//! and merging are the calling thread's, alongside the workers; resolution, filtering and
//! writing follow them and are partly parallel themselves, so their serial part is what does
//! not shrink from one thread to two (`scripts/bench-scale` fits it).

use std::fmt;
use std::time::{Duration, Instant};

/// The stage times of one run. Stages that run on the reading thread while the workers
/// extract are counted there; `workers` is the sum of every worker's busy time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stages {
    /// Building the pipeline: lexicons, models, threads.
    pub start: Duration,
    /// The reading thread: finding the inputs and forming batches of them (the workers open
    /// and read them).
    pub read: Duration,
    /// The reading thread waiting for a batch the workers have not finished.
    pub wait: Duration,
    /// The reading thread joining the workers' partial graphs, in reading order.
    pub merge: Duration,
    /// Cross-document resolution and building the graph from the merged partials.
    pub resolve: Duration,
    /// The user's filters (`--relation`, `--top`, ...).
    pub filter: Duration,
    /// Serialising and writing the output.
    pub write: Duration,
    /// Summed over the workers: reading and decoding the inputs, extraction, merging each
    /// batch.
    pub workers: Duration,
    /// The whole run, start to finish.
    pub total: Duration,
    /// Threads the workers ran on.
    pub threads: usize,
}

impl fmt::Display for Stages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        writeln!(
            f,
            "graphgen: stage times (ms; workers summed over {} threads)",
            self.threads
        )?;
        for (name, d) in [
            ("start", self.start),
            ("read", self.read),
            ("wait", self.wait),
            ("merge", self.merge),
            ("resolve", self.resolve),
            ("filter", self.filter),
            ("write", self.write),
            ("workers", self.workers),
            ("total", self.total),
        ] {
            writeln!(f, "graphgen:   {name:<8}{:>10.1}", ms(d))?;
        }
        Ok(())
    }
}

/// Times a closure into `slot`.
pub fn timed<T>(slot: &mut Duration, work: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = work();
    *slot += t.elapsed();
    out
}
