//! Commands: what each subcommand does with its arguments. The edge of the library, so
//! errors here carry `anyhow` context for the user.

use crate::cli::{
    Cli, Command, DiffArgs, DiffFormat, EvalArgs, FilterArgs, Format, GraphArgs, InputArgs, MentionsArgs, MergeArgs,
    TeachArgs, TrainArgs,
};
use crate::corpus::{self, Document, Problem};
use crate::eval::{self, Floor, Gold};
use crate::export::{self, Cytoscape, Dot, Exporter, Gexf, GraphMl, Html, Json};
use crate::extract::tagger::{self, NoExtraFeatures, Tagged, TrainConfig};
use crate::graph::{self, Graph};
use crate::resolve::stoplist::StopList;
use crate::{diff, extract, resolve};
use anyhow::{Context, bail};
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Done,
    /// Exit 1: `diff` found differences.
    Differences,
    /// Exit 1: `eval` scored a figure below its `--min` floor.
    BelowFloor,
    /// Exit 2: the work completed, but some input could not be used.
    Trouble,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        None => graph(cli.graph),
        Some(Command::Graph(args)) => graph(args),
        Some(Command::Mentions(args)) => mentions(args),
        Some(Command::Train(args)) => train(args),
        Some(Command::Eval(args)) => evaluate(args),
        Some(Command::Diff(args)) => diff(args),
        Some(Command::Merge(args)) => merge(args),
    }
}

fn graph(args: GraphArgs) -> anyhow::Result<Outcome> {
    let format = choose_format(&args.format, args.dot, args.html, args.json, args.output.as_deref());
    if args.input.inputs.is_empty() {
        bail!("no input given; name files or directories of articles, or - for stdin");
    }
    let (stop, taught) = teach(&args.teach)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .context("cannot start the extraction threads")?;
    let mut progress = crate::progress::Bar::new(args.quiet);
    let inputs = &args.input.inputs;
    let max_bytes = args.input.max_bytes;
    if args.partial {
        // Each partial is written as soon as it exists; after a write error the rest is
        // extracted but not written, and the error ends the run.
        let mut problems = Vec::new();
        write_output(args.output.as_deref(), |w| {
            let mut failed: Option<io::Error> = None;
            problems =
                resolve::stream::extract_inputs_with(inputs, &stop, max_bytes, &pool, &mut progress, &mut |part| {
                    if failed.is_none() {
                        let line = serde_json::to_writer(&mut *w, &part)
                            .map_err(io::Error::from)
                            .and_then(|()| w.write_all(b"\n"));
                        failed = line.err();
                    }
                });
            failed.map_or(Ok(()), Err)
        })?;
        progress.finish();
        report_problems(&problems);
        return Ok(worst(outcome(&problems), taught));
    }
    let (graph, problems) = resolve::stream::graph_of_inputs_with(inputs, &stop, max_bytes, &pool, &mut progress);
    progress.finish();
    report_problems(&problems);
    let graph = graph_filter(&args.filter).try_apply_owned(graph)?;
    export_graph(&graph, format, args.output.as_deref())?;
    Ok(worst(outcome(&problems), taught))
}

fn merge(args: MergeArgs) -> anyhow::Result<Outcome> {
    let format = choose_format(&args.format, false, false, false, args.output.as_deref());
    let mut merger = resolve::Merger::new();
    for file in &args.files {
        if file.as_os_str() == "-" {
            merge_input("-", io::stdin().lock(), &mut merger)?;
        } else {
            let f = std::fs::File::open(file).with_context(|| format!("{}: cannot read", file.display()))?;
            merge_input(&file.display().to_string(), io::BufReader::new(f), &mut merger)?;
        }
    }
    let graph = graph_filter(&args.filter).try_apply_owned(merger.finish())?;
    export_graph(&graph, format, args.output.as_deref())?;
    Ok(Outcome::Done)
}

/// Adds one input of `graphgen merge`: partial graphs as JSON lines (read as a stream), or a
/// graph JSON, told apart by the first line that is not blank.
fn merge_input(name: &str, mut input: impl io::BufRead, merger: &mut resolve::Merger) -> anyhow::Result<()> {
    let mut head = String::new();
    while head.trim().is_empty() {
        if input
            .read_line(&mut head)
            .with_context(|| format!("{name}: cannot read"))?
            == 0
        {
            return Ok(());
        }
    }
    let first = head.lines().last().unwrap_or_default();
    // graphgen writes a graph pretty-printed, starting with a lone `{`; a partial is one line.
    if first.trim() == "{" || (first.contains("\"nodes\"") && !first.contains("\"document\"")) {
        let mut text = head;
        input
            .read_to_string(&mut text)
            .with_context(|| format!("{name}: cannot read"))?;
        let graph = crate::export::json_read::read_graph_json(&text)
            .with_context(|| format!("{name}: neither partial graphs (JSON lines) nor a graph JSON"))?;
        for part in resolve::partial::from_graph(&graph, name) {
            merger.add(part);
        }
        return Ok(());
    }
    let input = io::Cursor::new(head.into_bytes()).chain(input);
    resolve::partial::read_jsonl(name, input, |p| merger.add(p))?;
    Ok(())
}

fn export_graph(graph: &Graph, format: Format, output: Option<&Path>) -> anyhow::Result<()> {
    let exporter: Box<dyn Exporter> = match format {
        Format::Json => Box::new(Json),
        Format::Dot => Box::new(Dot),
        Format::Html => Box::new(Html),
        Format::Gexf => Box::new(Gexf),
        Format::Graphml => Box::new(GraphMl),
        Format::Cytoscape => Box::new(Cytoscape),
    };
    write_output(output, |w| exporter.write(graph, w))
}

/// What the user taught: the lexicons, installed for every extraction of this process before
/// the first, and the stop list. The second value is `Trouble` when a lexicon line was left
/// out (each reported on stderr), `Done` otherwise.
fn teach(args: &TeachArgs) -> anyhow::Result<(StopList, Outcome)> {
    let stop = stoplist(args)?;
    if args.lexicon.is_empty() {
        return Ok((stop, Outcome::Done));
    }
    let (user, mut problems) = extract::lexicon::UserLexicon::read_files(&args.lexicon)?;
    let (lexicon, more) = extract::lexicon::with_user(&user);
    problems.extend(more);
    extract::lexicon::user::sort_problems(&mut problems);
    for p in &problems {
        eprintln!("graphgen: {p}");
    }
    if extract::lexicon::install(lexicon).is_err() {
        bail!("the built-in lexicon was read before --lexicon was applied; please report this bug");
    }
    Ok((
        stop,
        if problems.is_empty() {
            Outcome::Done
        } else {
            Outcome::Trouble
        },
    ))
}

/// `Trouble` from either side wins over `Done`.
fn worst(a: Outcome, b: Outcome) -> Outcome {
    if b == Outcome::Trouble { b } else { a }
}

fn stoplist(args: &TeachArgs) -> anyhow::Result<StopList> {
    Ok(match &args.stoplist {
        Some(path) => StopList::read_file(path)?,
        None => StopList::default(),
    })
}

fn graph_filter(args: &FilterArgs) -> graph::Filter {
    graph::Filter {
        relations: args.relation.iter().copied().collect(),
        kinds: args.kind.iter().copied().collect(),
        min_weight: args.min_weight,
        ego: args.ego.clone().map(|name| graph::Ego {
            name,
            depth: args.depth,
        }),
        top: args.top,
        no_documents: args.no_documents,
    }
}

fn mentions(args: MentionsArgs) -> anyhow::Result<Outcome> {
    let (stop, taught) = teach(&args.teach)?;
    let (docs, problems) = read(&args.input)?;
    write_output(args.output.as_deref(), |w| {
        for doc in &docs {
            let mut ex = extract::extract_document(doc);
            stop.apply(&mut ex);
            for m in ex.mentions {
                serde_json::to_writer(&mut *w, &m)?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    Ok(worst(outcome(&problems), taught))
}

fn evaluate(args: EvalArgs) -> anyhow::Result<Outcome> {
    // Arguments are checked first so that a misspelt name costs no reading or extraction.
    let floors = args
        .min
        .iter()
        .map(|s| s.parse::<Floor>())
        .collect::<crate::Result<Vec<_>>>()?;
    if args.graph.is_none() && args.input.inputs.is_empty() {
        bail!("no input given; name files or directories of articles, - for stdin, or --graph FILE.json");
    }
    let gold = Gold::read_file(&args.gold)?;
    let (stop, taught) = teach(&args.teach)?;
    let (graph, problems) = match &args.graph {
        Some(path) => (read_graph(path)?, Vec::new()),
        None => {
            let (docs, problems) = read(&args.input)?;
            (resolve::build_graph_with(&docs, &stop), problems)
        }
    };
    let evaluation = eval::score(&gold, &graph);
    write_output(None, |w| {
        if args.json {
            eval::report::write_json(&evaluation, args.explain, w)
        } else {
            eval::report::write_text(&evaluation, &gold, args.explain, w)
        }
    })?;
    let shortfalls = evaluation.scores.shortfalls(&floors);
    if !shortfalls.is_empty() {
        eprintln!("graphgen: below floor: {}", shortfalls.join("; "));
    }
    Ok(match worst(outcome(&problems), taught) {
        Outcome::Done if !shortfalls.is_empty() => Outcome::BelowFloor,
        other => other,
    })
}

/// A graph written earlier, from a file or (`-`) from stdin.
fn read_graph(path: &Path) -> anyhow::Result<Graph> {
    if path.as_os_str() != "-" {
        return Ok(export::read_graph_json_file(path)?);
    }
    let mut text = String::new();
    io::Read::read_to_string(&mut io::stdin(), &mut text).context("stdin: cannot read the graph")?;
    export::read_graph_json(&text).context("stdin")
}

fn train(args: TrainArgs) -> anyhow::Result<Outcome> {
    let defaults = TrainConfig::default();
    let config = TrainConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed.unwrap_or(defaults.seed),
        bits: args.bits.unwrap_or(defaults.bits),
        headline_every: args.headline_every.unwrap_or(defaults.headline_every),
    };
    let sentences = read_conll_file(&args.train)?;
    let dev = args.dev.as_deref().map(read_conll_file).transpose()?;
    eprintln!("graphgen: training on {} sentences, {config:?}", sentences.len());
    let mut report = |epoch: usize, model: &tagger::Tagger| {
        if let Some(dev) = &dev {
            let (p, r, f) = tagger::evaluate(model, dev).micro(&tagger::SCORED);
            eprintln!("graphgen: epoch {epoch}: dev P {p:.4} R {r:.4} F1 {f:.4} (PER, ORG, LOC)");
        }
    };
    let model = tagger::train_with(&sentences, &config, &NoExtraFeatures, Some(&mut report));
    write_output(Some(&args.output), |w| w.write_all(&model.to_bytes()))?;
    if let Some(dev) = &dev {
        eprint!("{}", tagger::evaluate(&model, dev).report());
    }
    Ok(Outcome::Done)
}

fn diff(args: DiffArgs) -> anyhow::Result<Outcome> {
    let format = match (args.json, args.dot, args.format) {
        (true, _, _) | (_, _, Some(DiffFormat::Json)) => diff::Format::Json,
        (_, true, _) | (_, _, Some(DiffFormat::Dot)) => diff::Format::Dot,
        (_, _, Some(DiffFormat::Text)) => diff::Format::Text,
        _ => diff::Format::for_output(args.output.as_deref()),
    };
    let (left, right) = match (args.a, args.b) {
        (Some(a), Some(b)) => (vec![a], vec![b]),
        _ => (args.left, args.right),
    };
    let filter = graph_filter(&args.filter);
    let (stop, taught) = teach(&args.teach)?;
    let (report, problems) = diff::run_with(&left, &right, &filter, &stop)?;
    report_problems(&problems);
    write_output(args.output.as_deref(), |w| report.write(format, w))?;
    Ok(match worst(outcome(&problems), taught) {
        Outcome::Done if !report.diff.is_empty() => Outcome::Differences,
        other => other,
    })
}

fn read_conll_file(path: &Path) -> anyhow::Result<Vec<Tagged>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    tagger::read_conll(&text).with_context(|| format!("{}: not CoNLL columns", path.display()))
}

fn choose_format(format: &Option<Format>, dot: bool, html: bool, json: bool, output: Option<&Path>) -> Format {
    if dot {
        return Format::Dot;
    }
    if html {
        return Format::Html;
    }
    if json {
        return Format::Json;
    }
    if let Some(f) = *format {
        return f;
    }
    match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("dot") | Some("gv") => Format::Dot,
        Some("html") | Some("htm") => Format::Html,
        Some("gexf") => Format::Gexf,
        Some("graphml") => Format::Graphml,
        Some("cyjs") => Format::Cytoscape,
        _ => Format::Json,
    }
}

/// Reads every input; problems with single files are reported on stderr and do not stop the run.
fn read(input: &InputArgs) -> anyhow::Result<(Vec<Document>, Vec<Problem>)> {
    if input.inputs.is_empty() {
        bail!("no input given; name files or directories of articles, or - for stdin");
    }
    let (docs, problems) = corpus::read_inputs_capped(&input.inputs, input.max_bytes);
    report_problems(&problems);
    Ok((docs, problems))
}

fn report_problems<'a>(problems: impl IntoIterator<Item = &'a Problem>) {
    for p in problems {
        let what = if p.skipped { "skipped" } else { "warning" };
        eprintln!("graphgen: {}: {} ({what})", p.path, p.message);
    }
}

fn outcome(problems: &[Problem]) -> Outcome {
    if problems.iter().any(|p| p.skipped) {
        Outcome::Trouble
    } else {
        Outcome::Done
    }
}

/// Writes to stdout, or to a file atomically: a temporary file beside it, renamed into place
/// only when everything was written, so a failed run never leaves half a file.
fn write_output(path: Option<&Path>, body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            body(&mut w)?;
            w.flush()?;
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("{}: cannot create a file in {}", path.display(), dir.display()))?;
            {
                let mut w = BufWriter::new(tmp.as_file_mut());
                body(&mut w).with_context(|| format!("{}: cannot write", path.display()))?;
                w.flush()?;
            }
            // A temporary file is private (0600); the finished output is an ordinary file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
            }
            tmp.persist(path)
                .with_context(|| format!("{}: cannot move the finished file into place", path.display()))?;
        }
    }
    Ok(())
}
