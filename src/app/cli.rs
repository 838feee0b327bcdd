//! Command-line types (clap only; no behaviour here).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news articles into a graph of actors (leaders, analysts, institutes, outlets,
/// countries) and their relations (met-with, quoted-in, allied-with, affiliated-to).
///
/// Exit status: 0 done, 1 differences found (diff) or a figure below its floor (eval --min), 2
/// trouble (a bad input or a failure).
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
    /// Write who is quoted saying what: one JSON object a line per attribution (document,
    /// speaker, cue, content with its offsets, direct or indirect), or with --table who is
    /// quoted how often, by kind.
    Quotes(QuotesArgs),
    /// Print the text graphgen reads from each input: the article of a web page, a JSONL
    /// record's text, a file's text, with page furniture blanked (so every offset graphgen
    /// reports points into it).
    Text(TextArgs),
    /// Print what graphgen knows of a name: every lexicon, title list, word class or entry of
    /// your --lexicon that holds it. Exit 1 when nothing is known of a name.
    Knowledge(KnowledgeArgs),
    /// Train a model and write it: the mention tagger on CoNLL files (resources/tagger.model),
    /// or the POS tagger and dependency parser on CoNLL-U treebanks (resources/parser.model).
    Train(TrainArgs),
    /// Score the graph of INPUTs (or of --graph) against a gold annotation: actors, kinds and
    /// each relation, as precision, recall and F1. Exit 1 when a --min floor is not met.
    Eval(EvalArgs),
    /// Merge partial graphs (`graphgen INPUT --partial` output, JSON lines; `-` for stdin) into
    /// one graph, the same byte for byte as one run over all their documents.
    Merge(MergeArgs),
    /// Compare two corpora or graph JSONs: actors and relations added, removed or changed.
    ///
    /// Exit status, as diff(1): 0 the sides are the same, 1 they differ, 2 trouble.
    Diff(DiffArgs),
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
    /// Three CSV tables, nodes.csv, edges.csv and evidence.csv, written into the folder
    /// --output names (Gephi's spreadsheet import, any spreadsheet).
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories (walked recursively, sorted) of .txt, .md, .html, .htm and .jsonl
    /// articles; `-` reads one article from stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// How a command that reads a corpus runs: the pipeline's limits and the user's knowledge,
/// the same for `graph`, `mentions`, `eval` and `diff`.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// The most bytes read from one input (a file, a JSONL file as a whole, or stdin); a bigger
    /// one is skipped with an error and exit status 2. Suffixes K, M, G (powers of 1024).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Extraction threads [default: every core]. The output does not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// No progress bar (it shows only on a terminal, for runs over two seconds) and no
    /// closing line (documents read, actors and relations written, where, how long).
    #[arg(short, long)]
    pub quiet: bool,

    /// Print on stderr where the run's time went: each stage (start, read, merge, resolve,
    /// filter, write) and the workers' time summed; `scripts/bench-scale` turns a one- and a
    /// two-thread run into the serial part.
    #[arg(long)]
    pub stats: bool,

    /// Find names with this mention-tagger model instead of the embedded one: a file that
    /// `graphgen train tagger` wrote (trained on your own annotated text, say).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,

    #[command(flatten)]
    pub teach: TeachArgs,
}

/// A byte count such as `65536`, `512K`, `64M` or `1G`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("`{s}` is not a size; write bytes, or a number with K, M or G")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write bytes, or a number with K, M or G"))?;
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("`{s}` is too large a size"))
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

    /// Write one partial graph per document as JSON lines instead of the graph; join them
    /// with `graphgen merge`, which also applies the graph filters.
    #[arg(
        long,
        conflicts_with_all = ["format", "json", "html", "dot", "kind", "relation", "min_weight", "top", "no_documents", "ego"]
    )]
    pub partial: bool,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// Partial graphs written by `graphgen INPUT --partial` (JSON lines); `-` reads stdin.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Output format [default: json, or the extension of --output].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    // The graph filters, applied to the merged graph before it is written.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// What the user knows better than the built-in lexicons.
#[derive(Debug, Clone, Default, Args)]
pub struct TeachArgs {
    /// Names that are never actors, one a line (`#` starts a comment); case, hyphens and
    /// periods do not matter.
    #[arg(long, value_name = "FILE")]
    pub stoplist: Option<PathBuf>,

    /// Actors you know (repeatable): one a line, `name<TAB>kind<TAB>aliases<TAB>country<TAB>role`
    /// (aliases separated by `|`; see examples/lexicon.tsv). They are found wherever their name
    /// or an alias is written, and win over the built-in lexicons.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Do not link actors to the actor dictionary (resources/actors.tsv: dated roles, parties,
    /// companies, organisations): kinds, ids and affiliations come from the text alone.
    #[arg(long)]
    pub no_knowledge: bool,
}

/// Cuts applied to the graph before it is written, the same for every format.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Keep only actors of these kinds (comma-separated; `document` keeps the articles, which
    /// quoted-in needs).
    #[arg(long, value_name = "K,...", value_delimiter = ',', value_parser = graphgen::graph::filter::parse_kind)]
    pub kind: Vec<graphgen::graph::ActorKind>,

    /// Keep only these relations (comma-separated); actors left without any relation go too.
    #[arg(long, value_name = "R,...", value_delimiter = ',', value_parser = graphgen::graph::filter::parse_relation)]
    pub relation: Vec<graphgen::graph::RelationKind>,

    /// Keep only relations with at least N pieces of evidence; actors left without any
    /// relation go too.
    #[arg(long, value_name = "N")]
    pub min_weight: Option<usize>,

    /// Keep the N actors of highest weighted degree (how much evidence their edges carry;
    /// ties by mentions) and the edges among them.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Hide document nodes; an actor lists the documents it is quoted in as `quoted_in`.
    /// Without --kind, --relation, --min-weight or a period it is done as the corpus is read,
    /// so the documents' nodes and edges are never held (memory follows the actors' graph).
    #[arg(long)]
    pub no_documents: bool,

    /// Keep one actor's neighbourhood: NAME is an id, label or alias (case does not matter).
    #[arg(long, value_name = "NAME")]
    pub ego: Option<String>,

    /// How many edges away from --ego to go.
    #[arg(long, value_name = "D", default_value_t = 1, requires = "ego")]
    pub depth: usize,

    /// Keep only evidence published on or after DAY (YYYY-MM-DD, YYYY-MM or YYYY; the
    /// document's JSONL `date` or page metadata). Undated evidence goes, and so do the edges
    /// and actors left without any.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<String>,

    /// Keep only evidence published on or before DAY (a month or a year includes its last day).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<String>,

    /// Draw actors without any relation too. DOT and HTML leave them out by default (on a
    /// corpus they are most of the nodes); JSON, GEXF, GraphML and Cytoscape keep everything.
    #[arg(long)]
    pub isolated: bool,

    /// Keep at most N pieces of evidence per edge (or `all`), dropped while the corpus is
    /// read so that memory follows the graph: each document's first piece, documents in
    /// reading order, before any document's second. The weight still counts every piece.
    /// [default: 10 for dot and html, all for the other formats]
    #[arg(long, value_name = "N", value_parser = parse_evidence_cap)]
    pub max_evidence: Option<EvidenceCap>,
}

/// `--max-evidence`: a number of pieces per edge, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceCap {
    All,
    At(usize),
}

impl EvidenceCap {
    /// The most pieces kept per edge; `None` keeps all.
    pub fn limit(self) -> Option<usize> {
        match self {
            EvidenceCap::All => None,
            EvidenceCap::At(n) => Some(n),
        }
    }
}

fn parse_evidence_cap(s: &str) -> Result<EvidenceCap, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(EvidenceCap::All);
    }
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(EvidenceCap::At(n)),
        _ => Err(format!(
            "`{s}` is not a number of pieces of evidence; write a number of 1 or more, or `all`"
        )),
    }
}

#[derive(Debug, Clone, Args)]
pub struct MentionsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Also write each personal pronoun (he, she, him, his, her) outside quotations, as a
    /// mention of the person graphgen reads it as.
    #[arg(long)]
    pub pronouns: bool,

    #[command(flatten)]
    pub run: RunArgs,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// A table of speakers instead: quotes, direct and indirect, documents; most quoted first,
    /// then the count by kind.
    #[arg(long)]
    pub table: bool,

    #[command(flatten)]
    pub run: RunArgs,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct TextArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// One JSON object a line per document: path, title, date, url, text.
    #[arg(long)]
    pub json: bool,

    /// Write each document's text to DIR/<stem>.txt instead (the layout
    /// ../shared/eval/score_articles.py reads).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["json", "output"])]
    pub dir: Option<PathBuf>,

    #[command(flatten)]
    pub run: RunArgs,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// The gold annotation: {"entities": [{"id", "names", "kind"}], "relations": [{"relation",
    /// "source", "target", "optional"}]} (see the README).
    #[arg(long, value_name = "GOLD.json")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    /// Score this graphgen JSON graph (`-` for stdin) instead of extracting one from INPUTs.
    #[arg(long, value_name = "FILE.json", conflicts_with = "inputs")]
    pub graph: Option<PathBuf>,

    /// Also list missed entities, unmatched and duplicate nodes, wrong kinds, missed and wrong
    /// relations.
    #[arg(long)]
    pub explain: bool,

    /// Print the figures (and with --explain the lists) as JSON.
    #[arg(long)]
    pub json: bool,

    /// Floor for a figure, e.g. entity_f1=0.9 (repeatable). Figures: entity_p entity_r
    /// entity_f1 kind_acc typed_f1 relation_p relation_r relation_f1 and <relation>_p, _r, _f1
    /// (met-with_f1, quoted-in_f1, allied-with_f1, affiliated-to_f1).
    #[arg(long = "min", value_name = "NAME=VALUE")]
    pub min: Vec<String>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct KnowledgeArgs {
    /// Names, titles or words to look up, as written in the text (`"Kim Jong Un"`, `Reuters`,
    /// `"foreign minister"`).
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,

    /// Your lexicons (as for the graph), looked up with the built-in knowledge.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// One JSON object a fact, a line each.
    #[arg(long)]
    pub json: bool,
}

/// The models `graphgen train` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TrainModel {
    /// The mention tagger (CoNLL-2003 columns).
    Tagger,
    /// The POS tagger and dependency parser (CoNLL-U, `.gz` read as gzip).
    Parser,
    /// Who spoke each reporting cue (a PolNeAR split folder: `text/`, `attributions/`).
    Attribution,
}

#[derive(Debug, Clone, Args)]
pub struct TrainArgs {
    /// Which model to train.
    #[arg(value_enum, default_value_t = TrainModel::Tagger)]
    pub model: TrainModel,

    /// Training sentences: for the tagger CoNLL columns (the token first, its IOB tag last,
    /// blank lines between sentences); for the parser CoNLL-U. A CoNLL-U file of the PolNeAR
    /// analyses reads its word forms from the articles beside it (`polnear/<split>/text/`).
    #[arg(long, value_name = "PATH")]
    pub train: PathBuf,

    /// Sentences to report precision, recall and F1 on, per epoch and at the end (on stderr).
    /// They never change the model.
    /// The parser takes several (`--dev A --dev B`), and scores heads only on a treebank
    /// whose labels it does not know (UD v2 against its UD v1).
    #[arg(long, value_name = "PATH")]
    pub dev: Vec<PathBuf>,

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

    /// Parser: the parser learns from tags a tagger trained on the other N-1 folds gave each
    /// fold (below 2: the gold tags) [default: that of the shipped model].
    #[arg(long, value_name = "N")]
    pub jackknife_folds: Option<usize>,

    /// Also learn one sentence in N as an all-capitals and one as a title-case headline
    /// (0: never) [default: that of the shipped model].
    #[arg(long, value_name = "N")]
    pub headline_every: Option<usize>,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A report for the terminal.
    Text,
    /// Added, removed and changed nodes and edges, for programs.
    Json,
    /// The union graph coloured by change (render with `dot -Tsvg`).
    Dot,
}

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old side: a graph JSON written by `graphgen --json` (a `.json` file), or a corpus
    /// (a file or directory of articles, extracted on the spot).
    #[arg(value_name = "A", required_unless_present = "left", conflicts_with_all = ["left", "right"])]
    pub a: Option<PathBuf>,

    /// The new side, as A.
    #[arg(value_name = "B", required_unless_present = "right")]
    pub b: Option<PathBuf>,

    /// The old side as one corpus of several paths (instead of A; needs --right).
    #[arg(long, num_args = 1.., value_name = "PATH", requires = "right")]
    pub left: Vec<PathBuf>,

    /// The new side as one corpus of several paths (instead of B; needs --left).
    #[arg(long, num_args = 1.., value_name = "PATH", requires = "left")]
    pub right: Vec<PathBuf>,

    /// Output format [default: text, or json or dot from the extension of --output].
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,

    /// Same as --format json.
    #[arg(long, conflicts_with_all = ["format", "dot"])]
    pub json: bool,

    /// Same as --format dot.
    #[arg(long, conflicts_with = "format")]
    pub dot: bool,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    // The graph filters, applied to both sides before they are compared.
    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub run: RunArgs,
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        let cases = [
            ("0", Ok(0)),
            ("65536", Ok(65536)),
            ("512K", Ok(512 * 1024)),
            ("64M", Ok(64 << 20)),
            ("64mb", Ok(64 << 20)),
            ("1G", Ok(1 << 30)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_size(text), want, "{text}");
        }
        for bad in ["", "M", "12X", "-1", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}

/// A day as `--since` and `--until` take it.
fn parse_day(s: &str) -> Result<String, String> {
    graphgen::corpus::dates::day(s).ok_or_else(|| format!("{s:?} is not a day; write YYYY-MM-DD, YYYY-MM or YYYY"))
}
