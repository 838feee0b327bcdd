//! Commands: what each subcommand does with its arguments. The edge of the program (part of
//! the binary, not of the library), so errors here carry `anyhow` context for the user.
//!
//! Every command that reads a corpus builds one [`Pipeline`] from its [`RunArgs`] and goes
//! through it; the output is written by [`write_output`], which never replaces a file with
//! the result of a run that read nothing.

pub mod cli;
mod output;

use anyhow::{Context, bail};
use cli::{
    Cli, Command, DiffArgs, DiffFormat, EvalArgs, FilterArgs, Format, GraphArgs, KnowledgeArgs, MentionsArgs,
    MergeArgs, QuotesArgs, RunArgs, TextArgs, TrainArgs,
};
use graphgen::corpus::Problem;
use graphgen::eval::{self, Floor, Gold};
use graphgen::export;
use graphgen::graph::{self, Graph};
use graphgen::learn::tagger::{self, NoExtraFeatures, Tagged, TrainConfig};
use graphgen::pipeline::stages::timed;
use graphgen::pipeline::{Config, Pipeline};
use graphgen::{diff, resolve};
use output::{export_graph, summary, write_output};
use std::cell::Cell;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Done,
    /// Exit 1: `diff` found differences.
    Differences,
    /// Exit 1: `eval` scored a figure below its `--min` floor.
    BelowFloor,
    /// Exit 1: `knowledge` knows nothing of a name it was asked.
    NothingKnown,
    /// Exit 2: the work completed, but some input could not be used.
    Trouble,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        None => graph(cli.graph),
        Some(Command::Graph(args)) => graph(args),
        Some(Command::Mentions(args)) => mentions(args),
        Some(Command::Quotes(args)) => quotes(args),
        Some(Command::Text(args)) => text(args),
        Some(Command::Knowledge(args)) => knowledge(args),
        Some(Command::Train(args)) => train(args),
        Some(Command::Eval(args)) => evaluate(args),
        Some(Command::Diff(args)) => diff(args),
        Some(Command::Merge(args)) => merge(args),
    }
}

fn graph(args: GraphArgs) -> anyhow::Result<Outcome> {
    let started = std::time::Instant::now();
    let format = choose_format(&args.format, args.dot, args.html, args.json, args.output.as_deref());
    let inputs = &args.input.inputs;
    let output = args.output.as_deref();
    require_inputs(output, inputs)?;
    let mut filter = graph_filter(&args.filter, format);
    // `--no-documents` alone is done while merging: the documents' nodes, edges and evidence
    // are never held, which bounds memory by the actors' graph.
    let fold = filter.folds_documents_first() && !args.partial;
    let (pipeline, taught) = capped_pipeline(&args.run, max_evidence(&args.filter, format), fold)?;
    if fold {
        filter.no_documents = false;
    }
    if args.partial {
        // Each partial is written as soon as it exists; after a write error the rest is
        // extracted but not written, and the error ends the run.
        let mut problems = Vec::new();
        let documents = Cell::new(0);
        write_output(
            output,
            || documents.get(),
            |w| {
                let mut failed: Option<io::Error> = None;
                problems = pipeline.partials(inputs, &mut |part| {
                    documents.set(documents.get() + 1);
                    if failed.is_none() {
                        let line = serde_json::to_writer(&mut *w, &part)
                            .map_err(io::Error::from)
                            .and_then(|()| w.write_all(b"\n"));
                        failed = line.err();
                    }
                });
                report_problems(&problems);
                failed.map_or(Ok(()), Err)
            },
        )?;
        return Ok(worst(outcome(&problems), taught));
    }
    let built = started.elapsed();
    let (graph, problems) = pipeline.graph(inputs);
    report_problems(&problems);
    let documents = graph.documents;
    let mut stages = pipeline.stages();
    stages.start = built;
    let graph = timed(&mut stages.filter, || filter.try_apply_owned(graph))?;
    timed(&mut stages.write, || {
        pipeline.install(|| export_graph(&graph, format, output, documents))
    })?;
    stages.total = started.elapsed();
    if args.run.stats {
        eprintln!("{stages}");
    }
    if !args.run.quiet {
        eprintln!("{}", summary(&graph, documents, output, started.elapsed()));
    }
    // The process ends here: the system takes the graph's memory back at once, where freeing
    // its millions of pieces one by one would take a serial few hundred milliseconds.
    std::mem::forget(graph);
    Ok(worst(outcome(&problems), taught))
}

fn merge(args: MergeArgs) -> anyhow::Result<Outcome> {
    let format = choose_format(&args.format, false, false, false, args.output.as_deref());
    let mut filter = graph_filter(&args.filter, format);
    let fold = filter.folds_documents_first();
    let mut merger = resolve::Merger::with_max_evidence(max_evidence(&args.filter, format)).folding_documents(fold);
    if fold {
        filter.no_documents = false;
    }
    for file in &args.files {
        if file.as_os_str() == "-" {
            merge_input("-", io::stdin().lock(), &mut merger)?;
        } else {
            let f = std::fs::File::open(file).with_context(|| format!("{}: cannot read", file.display()))?;
            merge_input(&file.display().to_string(), io::BufReader::new(f), &mut merger)?;
        }
    }
    let graph = merger.finish();
    let documents = graph.documents;
    let graph = filter.try_apply_owned(graph)?;
    export_graph(&graph, format, args.output.as_deref(), documents)?;
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
        let graph = graphgen::export::read_graph_json(&text)
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

/// The pipeline of a command that reads a corpus, built once from its arguments. The second
/// value is `Trouble` when a line of the user's lexicons was left out (each reported on
/// stderr), `Done` otherwise.
fn pipeline(args: &RunArgs) -> anyhow::Result<(Pipeline, Outcome)> {
    capped_pipeline(args, None, false)
}

/// [`pipeline`] keeping at most `max_evidence` pieces of evidence per edge (`None`: all).
fn capped_pipeline(
    args: &RunArgs,
    max_evidence: Option<usize>,
    fold_documents: bool,
) -> anyhow::Result<(Pipeline, Outcome)> {
    built(&Config {
        lexicons: args.teach.lexicon.clone(),
        stoplist: args.teach.stoplist.clone(),
        max_bytes: args.max_bytes,
        threads: args.threads.map_or(0, usize::from),
        progress: !args.quiet,
        dictionary: !args.teach.no_knowledge,
        tagger: args.model.clone(),
        speakers: graphgen::pipeline::Speakers::Model,
        max_evidence,
        fold_documents,
    })
}

/// Pieces of evidence kept per edge: what the user asked, else a few for a picture (DOT,
/// HTML: a reader looks at a handful, and a big corpus would otherwise fill the page) and
/// all for data formats.
const PICTURE_EVIDENCE: usize = 10;

fn max_evidence(args: &FilterArgs, format: Format) -> Option<usize> {
    match args.max_evidence {
        Some(cap) => cap.limit(),
        None if matches!(format, Format::Dot | Format::Html) => Some(PICTURE_EVIDENCE),
        None => None,
    }
}

/// Builds the pipeline and reports the lexicon lines it left out.
fn built(config: &Config) -> anyhow::Result<(Pipeline, Outcome)> {
    let pipeline = Pipeline::new(config)?;
    for p in pipeline.lexicon_problems() {
        eprintln!("graphgen: {p}");
    }
    let taught = if pipeline.lexicon_problems().is_empty() {
        Outcome::Done
    } else {
        Outcome::Trouble
    };
    Ok((pipeline, taught))
}

/// `Trouble` from either side wins over `Done`.
fn worst(a: Outcome, b: Outcome) -> Outcome {
    if b == Outcome::Trouble { b } else { a }
}

/// The cuts the user asked for, and the lone actors left out of a picture (DOT, HTML)
/// unless `--isolated` keeps them.
fn graph_filter(args: &FilterArgs, format: Format) -> graph::Filter {
    graph::Filter {
        connected_only: matches!(format, Format::Dot | Format::Html) && !args.isolated,
        relations: args.relation.iter().copied().collect(),
        kinds: args.kind.iter().copied().collect(),
        min_weight: args.min_weight,
        ego: args.ego.clone().map(|name| graph::Ego {
            name,
            depth: args.depth,
        }),
        top: args.top,
        no_documents: args.no_documents,
        period: graph::Period {
            since: args.since.clone(),
            until: args.until.clone(),
        },
    }
}

/// `graphgen quotes`: the attributions of the corpus's graph, as JSON lines or a table.
fn quotes(args: QuotesArgs) -> anyhow::Result<Outcome> {
    let inputs = &args.input.inputs;
    let output = args.output.as_deref();
    require_inputs(output, inputs)?;
    let (pipeline, taught) = pipeline(&args.run)?;
    let (graph, problems) = pipeline.graph(inputs);
    report_problems(&problems);
    let found = graphgen::export::quotes::attributions(&graph);
    write_output(
        output,
        || graph.documents,
        |w| {
            if args.table {
                return w.write_all(graphgen::export::quotes::table(&found).as_bytes());
            }
            for a in &found {
                serde_json::to_writer(&mut *w, a)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        },
    )?;
    Ok(worst(outcome(&problems), taught))
}

fn text(args: TextArgs) -> anyhow::Result<Outcome> {
    let inputs = &args.input.inputs;
    require_inputs(args.output.as_deref(), inputs)?;
    let (pipeline, taught) = pipeline(&args.run)?;
    let mut read = Vec::new();
    let problems = pipeline.texts(inputs, &mut |doc| read.push(doc));
    report_problems(&problems);
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        let mut stems: Vec<String> = read.iter().map(|d| d.stem.clone()).collect();
        graphgen::corpus::make_unique(&mut stems, |s| s);
        for (doc, stem) in read.iter().zip(&stems) {
            let path = dir.join(format!("{stem}.txt"));
            write_output(Some(&path), || 1, |w| w.write_all(doc.text.as_bytes()))?;
        }
        return Ok(worst(outcome(&problems), taught));
    }
    write_output(
        args.output.as_deref(),
        || read.len(),
        |w| {
            for doc in &read {
                if args.json {
                    serde_json::to_writer(&mut *w, &graphgen::export::text::record(doc))?;
                    w.write_all(b"\n")?;
                } else {
                    w.write_all(doc.text.as_bytes())?;
                    if !doc.text.ends_with('\n') {
                        w.write_all(b"\n")?;
                    }
                }
            }
            Ok(())
        },
    )?;
    Ok(worst(outcome(&problems), taught))
}

fn mentions(args: MentionsArgs) -> anyhow::Result<Outcome> {
    let inputs = &args.input.inputs;
    require_inputs(args.output.as_deref(), inputs)?;
    let (pipeline, taught) = pipeline(&args.run)?;
    let mut problems = Vec::new();
    let documents = Cell::new(0);
    write_output(
        args.output.as_deref(),
        || documents.get(),
        |w| {
            let mut failed: Option<io::Error> = None;
            problems = pipeline.mentions(inputs, args.pronouns, &mut |mentions| {
                documents.set(documents.get() + 1);
                for m in mentions {
                    if failed.is_none() {
                        failed = serde_json::to_writer(&mut *w, &m)
                            .map_err(io::Error::from)
                            .and_then(|()| w.write_all(b"\n"))
                            .err();
                    }
                }
            });
            report_problems(&problems);
            failed.map_or(Ok(()), Err)
        },
    )?;
    Ok(worst(outcome(&problems), taught))
}

fn evaluate(args: EvalArgs) -> anyhow::Result<Outcome> {
    // Arguments are checked first so that a misspelt name costs no reading or extraction.
    let floors = args
        .min
        .iter()
        .map(|s| s.parse::<Floor>())
        .collect::<graphgen::Result<Vec<_>>>()?;
    if args.graph.is_none() && args.input.inputs.is_empty() {
        bail!("no input given; name files or directories of articles, - for stdin, or --graph FILE.json");
    }
    let gold = Gold::read_file(&args.gold)?;
    let (pipeline, taught) = pipeline(&args.run)?;
    let (graph, problems) = match &args.graph {
        Some(path) => (read_graph(path)?, Vec::new()),
        None => {
            let (graph, problems) = pipeline.graph(&args.input.inputs);
            report_problems(&problems);
            (graph, problems)
        }
    };
    let evaluation = eval::score(&gold, &graph);
    write_output(
        None,
        || graph.documents,
        |w| {
            if args.json {
                eval::report::write_json(&evaluation, args.explain, w)
            } else {
                eval::report::write_text(&evaluation, &gold, args.explain, w)
            }
        },
    )?;
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

/// `graphgen knowledge NAME...`: what the pipeline's knowledge (with the user's lexicons)
/// holds of each name. Exit 1 when nothing is known of one of them.
fn knowledge(args: KnowledgeArgs) -> anyhow::Result<Outcome> {
    let (pipeline, taught) = built(&Config {
        lexicons: args.lexicon.clone(),
        threads: 1,
        ..Config::default()
    })?;
    let mut unknown = Vec::new();
    write_output(
        None,
        || 1,
        |w| {
            for name in &args.names {
                let facts = graphgen::knowledge::describe::describe(pipeline.knowledge(), name);
                if facts.is_empty() {
                    unknown.push(name.clone());
                }
                for f in &facts {
                    if args.json {
                        serde_json::to_writer(&mut *w, f)?;
                        w.write_all(b"\n")?;
                    } else {
                        writeln!(w, "{}", graphgen::knowledge::describe::line(f))?;
                    }
                }
            }
            Ok(())
        },
    )?;
    for name in &unknown {
        eprintln!("graphgen: nothing is known of {name:?}; the text alone decides what it is");
    }
    Ok(match taught {
        Outcome::Done if !unknown.is_empty() => Outcome::NothingKnown,
        other => other,
    })
}

fn train(args: TrainArgs) -> anyhow::Result<Outcome> {
    match args.model {
        crate::app::cli::TrainModel::Parser => return train_parser(args),
        crate::app::cli::TrainModel::Attribution => return train_attribution(args),
        crate::app::cli::TrainModel::Tagger => {}
    }
    let defaults = TrainConfig::default();
    let config = TrainConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed.unwrap_or(defaults.seed),
        bits: args.bits.unwrap_or(defaults.bits),
        headline_every: args.headline_every.unwrap_or(defaults.headline_every),
    };
    let sentences = read_conll_file(&args.train)?;
    if args.dev.len() > 1 {
        bail!("the mention tagger reports on one --dev file; give one");
    }
    let dev = args.dev.first().map(|p| read_conll_file(p)).transpose()?;
    eprintln!("graphgen: training on {} sentences, {config:?}", sentences.len());
    let mut report = |epoch: usize, model: &tagger::Tagger| {
        if let Some(dev) = &dev {
            let (p, r, f) = tagger::evaluate(model, dev).micro(&tagger::SCORED);
            eprintln!("graphgen: epoch {epoch}: dev P {p:.4} R {r:.4} F1 {f:.4} (PER, ORG, LOC)");
        }
    };
    let model = tagger::train_with(&sentences, &config, &NoExtraFeatures, Some(&mut report));
    write_output(
        Some(&args.output),
        || sentences.len(),
        |w| w.write_all(&model.to_bytes()),
    )?;
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
    let filter = graph_filter(&args.filter, Format::Json);
    let output = args.output.as_deref();
    refuse_missing_inputs(output, &[left.as_slice(), right.as_slice()].concat())?;
    // A diff keeps every piece unless asked: a changed edge is shown with its evidence.
    let (pipeline, taught) = capped_pipeline(&args.run, args.filter.max_evidence.and_then(|c| c.limit()), false)?;
    let (report, problems) = diff::run(&pipeline, &left, &right, &filter)?;
    report_problems(&problems);
    // Missing inputs were refused above; a side with no documents is a comparison still
    // ("everything went"), so the report counts as one document's worth of output.
    write_output(output, || 1, |w| report.write(format, w))?;
    Ok(match worst(outcome(&problems), taught) {
        Outcome::Done if !report.diff.is_empty() => Outcome::Differences,
        other => other,
    })
}

fn train_parser(args: TrainArgs) -> anyhow::Result<Outcome> {
    use graphgen::learn::parser;
    let defaults = parser::TrainConfig::default();
    let config = parser::TrainConfig {
        parse_epochs: args.epochs.unwrap_or(defaults.parse_epochs),
        seed: args.seed.unwrap_or(defaults.seed),
        parse_bits: args.bits.unwrap_or(defaults.parse_bits),
        jackknife_folds: args.jackknife_folds.unwrap_or(defaults.jackknife_folds),
        ..defaults
    };
    let read = |path: &Path| {
        parser::conllu::read_treebank(path, article_texts(path).as_deref())
            .map_err(|e| anyhow::anyhow!("{e}; give a CoNLL-U treebank (plain or .gz)"))
    };
    let sentences = read(&args.train)?;
    let dev = args
        .dev
        .iter()
        .map(|p| Ok((p.display().to_string(), read(p)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    eprintln!(
        "graphgen: training the parser on {} sentences, {config:?}",
        sentences.len()
    );
    let score = |model: &parser::Parser, sentences: &[parser::conllu::TreeSentence]| {
        let known = sentences
            .iter()
            .flat_map(|s| &s.labels)
            .all(|l| model.label_id(l).is_some());
        parser::evaluate(model, sentences, known).report()
    };
    let mut report = |stage: &str, epoch: usize, model: &parser::Parser| match dev.first() {
        Some((name, dev)) if stage == "tagger" => {
            let tagged = parser::evaluate_tags(model, dev);
            eprintln!("graphgen: {stage} pass {epoch}: {name}: tags {tagged:.4}");
        }
        Some((name, dev)) => eprintln!("graphgen: {stage} pass {epoch}: {name}: {}", score(model, dev)),
        None => {}
    };
    let model = parser::train(&sentences, &config, Some(&mut report));
    write_output(
        Some(&args.output),
        || sentences.len(),
        |w| w.write_all(&model.to_bytes()),
    )?;
    for (name, dev) in &dev {
        let started = std::time::Instant::now();
        let report = score(&model, dev);
        let words: usize = dev.iter().map(|s| s.len()).sum();
        let speed = words as f64 / started.elapsed().as_secs_f64();
        eprintln!("graphgen: {name}: {report}; tagged and parsed at {speed:.0} words/s on one thread");
    }
    Ok(Outcome::Done)
}

fn train_attribution(args: TrainArgs) -> anyhow::Result<Outcome> {
    use graphgen::learn::attribution::{self, polnear};
    let defaults = attribution::TrainConfig::default();
    let config = attribution::TrainConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed.unwrap_or(defaults.seed),
        bits: args.bits.unwrap_or(defaults.bits),
    };
    // The examples are read with the hand rules, never with the model being replaced.
    let pipeline = Pipeline::new(&Config {
        speakers: graphgen::pipeline::Speakers::Rules,
        ..Config::default()
    })?;
    let examples = |split: &Path| -> anyhow::Result<Vec<attribution::Example>> {
        let articles = polnear::read_split(split)
            .map_err(|e| anyhow::anyhow!("{e}; give a PolNeAR split folder (text/ and attributions/)"))?;
        Ok(pipeline.attribution_examples(&articles))
    };
    let train = examples(&args.train)?;
    let dev = args
        .dev
        .iter()
        .map(|p| Ok((p.display().to_string(), examples(p)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    eprintln!(
        "graphgen: training the attribution model on {} cues, {config:?}",
        train.len()
    );
    let mut report = |epoch: usize, model: &attribution::Attribution| {
        for (name, dev) in &dev {
            eprintln!(
                "graphgen: epoch {epoch}: {name}: {}",
                attribution::evaluate(model, dev).0.report()
            );
        }
    };
    let model = attribution::train(&train, &config, Some(&mut report));
    write_output(Some(&args.output), || train.len(), |w| w.write_all(&model.to_bytes()))?;
    for (name, set) in std::iter::once(("train".to_string(), &train)).chain(dev.iter().map(|(n, d)| (n.clone(), d))) {
        let (learned, rules) = attribution::evaluate(&model, set);
        eprintln!("graphgen: {name}: model: {}", learned.report());
        eprintln!("graphgen: {name}: rules: {}", rules.report());
    }
    Ok(Outcome::Done)
}

/// The PolNeAR articles a CoreNLP treebank's offsets point into:
/// `<data>/polnear-corenlp/<split>.conllu.gz` -> `<data>/polnear/<split>/text`, if it is there.
fn article_texts(treebank: &Path) -> Option<PathBuf> {
    let name = treebank.file_name()?.to_str()?;
    let split = name.split('.').next()?;
    let dir = treebank.parent()?.parent()?.join("polnear").join(split).join("text");
    dir.is_dir().then_some(dir)
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

/// The inputs of a command that reads a corpus: at least one, and every named one there.
fn require_inputs(output: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<()> {
    if inputs.is_empty() {
        bail!("no input given; name files or directories of articles, or - for stdin");
    }
    refuse_missing_inputs(output, inputs)
}

/// A named input that does not exist is a typo until shown otherwise: a run on it would
/// replace a good file with the graph of the rest, or of nothing. One line, exit 2.
fn refuse_missing_inputs(output: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Some(output) = output.filter(|o| o.exists()) else {
        return Ok(());
    };
    let missing: Vec<String> = inputs
        .iter()
        .filter(|p| p.as_os_str() != "-" && std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    bail!(
        "{}: left as it was, since {} not exist; check the path{}",
        output.display(),
        match missing.as_slice() {
            [one] => format!("{one} does"),
            many => format!("{} do", many.join(", ")),
        },
        if missing.len() > 1 { "s" } else { "" }
    )
}
