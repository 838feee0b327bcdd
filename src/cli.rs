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
    /// Train the mention tagger on CoNLL files and write its model (see resources/tagger.model).
    Train(TrainArgs),
}

/// Output formats of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Node-link JSON (networkx, d3, graphology).
    Json,
    /// GraphViz DOT (render with `dot -Tsvg`).
    Dot,
    /// One self-contained interactive HTML page (search, filters, evidence); no network needed.
    Html,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// GraphML with yEd graphics (yEd, networkx).
    Graphml,
    /// Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop).
    Cytoscape,
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
    #[arg(long, conflicts_with_all = ["format", "json", "html"])]
    pub dot: bool,

    /// Same as --format html.
    #[arg(long, conflicts_with_all = ["format", "json"])]
    pub html: bool,

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

#[derive(Debug, Clone, Args)]
pub struct TrainArgs {
    /// Training sentences in CoNLL columns: the token first, its IOB tag last, blank lines
    /// between sentences.
    #[arg(long, value_name = "PATH")]
    pub train: PathBuf,

    /// Sentences to report precision, recall and F1 on, per epoch and at the end (on stderr).
    /// They never change the model.
    #[arg(long, value_name = "PATH")]
    pub dev: Option<PathBuf>,

    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Passes over the training sentences [default: those of the shipped model].
    #[arg(long)]
    pub epochs: Option<usize>,

    /// Seed of the sentence shuffling [default: that of the shipped model].
    #[arg(long)]
    pub seed: Option<u64>,

    /// log2 of the number of hashed feature buckets [default: that of the shipped model].
    #[arg(long, value_parser = clap::value_parser!(u32).range(8..=26))]
    pub bits: Option<u32>,

    /// Also learn one sentence in N as an all-capitals and one as a title-case headline
    /// (0: never) [default: that of the shipped model].
    #[arg(long, value_name = "N")]
    pub headline_every: Option<usize>,
}
