//! Command-line types (clap only; no behaviour here).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news articles into a graph of actors (leaders, analysts, institutes, outlets,
/// countries) and their relations (met-with, quoted-in, allied-with, affiliated-to).
///
/// Exit status: 0 done, 1 differences found (diff), 2 trouble (a bad input or a failure).
#[derive(Debug, Parser)]
#[command(name = "graphgen", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub graph: GraphArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the actor graph (the default when no subcommand is given).
    Graph(GraphArgs),
    /// Write every actor mention as one JSON object a line, with byte offsets.
    Mentions(MentionsArgs),
}

/// Output formats of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Node-link JSON (networkx, d3, graphology).
    Json,
    /// GraphViz DOT (render with `dot -Tsvg`).
    Dot,
}

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories (walked recursively, sorted) of .txt, .md, .html, .htm and .jsonl
    /// articles; `-` reads one article from stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: json, or the extension of --output].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Same as --format dot.
    #[arg(long, conflicts_with_all = ["format", "json"])]
    pub dot: bool,

    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Write to FILE (atomically: a temporary file renamed into place) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct MentionsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
