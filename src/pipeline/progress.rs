//! The progress bar of long runs: on stderr, only when stderr is a terminal, and only once
//! the run has lasted two seconds, so short runs and pipelines never see it.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// What a streaming run tells about itself: the total size once, then the bytes of each
/// input read.
pub trait Progress {
    fn start(&mut self, _total_bytes: u64) {}
    fn advance(&mut self, _bytes: u64) {}
}

/// Progress nobody watches.
pub struct Silent;
impl Progress for Silent {}

const QUIET_FOR: Duration = Duration::from_secs(2);

/// Bytes of input read and extracted, against the total size of the input files.
pub struct Bar {
    enabled: bool,
    started: Instant,
    total: u64,
    done: u64,
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar that will show if the run is long, stderr is a terminal and `quiet` is false.
    pub fn new(quiet: bool) -> Bar {
        Bar {
            enabled: !quiet && std::io::stderr().is_terminal(),
            started: Instant::now(),
            total: 0,
            done: 0,
            bar: None,
        }
    }

    /// Clears the bar from the terminal.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    fn shown(&mut self) -> Option<&ProgressBar> {
        if self.bar.is_none() && self.enabled && self.started.elapsed() >= QUIET_FOR {
            let bar = ProgressBar::new(self.total);
            // The ETA is ours, from the whole run's rate: indicatif's estimator, fed the jump
            // to where the run already was when the bar appeared, said `eta 0s` throughout.
            let style = ProgressStyle::with_template(
                "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_position(self.done);
            self.bar = Some(bar);
        }
        self.bar.as_ref()
    }
}

impl Progress for Bar {
    fn start(&mut self, total_bytes: u64) {
        self.total = total_bytes;
    }

    fn advance(&mut self, bytes: u64) {
        self.done += bytes;
        let done = self.done;
        let eta = eta(self.started.elapsed(), done, self.total);
        if let Some(bar) = self.shown() {
            bar.set_position(done);
            bar.set_message(eta);
        }
    }
}

/// The time left at the rate of the run so far, as `eta 1m 05s`; nothing until a twentieth of
/// the input is read, when a rate means little.
fn eta(elapsed: Duration, done: u64, total: u64) -> String {
    if total == 0 || done * 20 < total || done >= total {
        return String::new();
    }
    let left = elapsed.as_secs_f64() * (total - done) as f64 / done as f64;
    let secs = left.round() as u64;
    if secs >= 60 {
        format!("eta {}m {:02}s", secs / 60, secs % 60)
    } else {
        format!("eta {secs}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eta_follows_the_rate_of_the_whole_run() {
        let s = Duration::from_secs;
        assert_eq!(eta(s(10), 1, 100), "", "too early to tell");
        assert_eq!(eta(s(10), 50, 100), "eta 10s");
        assert_eq!(eta(s(30), 25, 100), "eta 1m 30s");
        assert_eq!(eta(s(30), 100, 100), "");
    }
}
