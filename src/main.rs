//! The `graphgen` command: parse arguments, run, map the outcome to an exit code.
//!
//! Exit codes: 0 done, 1 differences (diff), a figure below its floor (eval) or a name nothing
//! is known of (knowledge), 2 trouble.
//! A closed stdout pipe ends quietly.

mod app;

use app::Outcome;
use app::cli::Cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match app::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Differences | Outcome::BelowFloor | Outcome::NothingKnown) => ExitCode::from(1),
        Ok(Outcome::Trouble) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("graphgen: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that closed our stdout (`graphgen ... | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<graphgen::Error>()
                .is_some_and(|e| matches!(e, graphgen::Error::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}
