//! The one road from inputs to a graph. A [`Pipeline`] is built once from a [`Config`]; it owns
//! what every stage reads with (the [`Knowledge`], the mention [`Tagger`], the user's stop
//! list) and the limits of a run (the size cap per input, the thread pool, the progress bar),
//! and every subcommand that reads a corpus goes through it:
//!
//! corpus (read, capped) -> text -> extract (mentions, kinds, in-document identities,
//! relations; the stop list) -> resolve (join documents) -> graph.
//!
//! Export, scoring and diffs start from the graph it returns. Nothing is process-wide, so two
//! pipelines with different lexicons extract side by side in one process.
//!
//! ```
//! use graphgen::corpus::Document;
//! use graphgen::pipeline::{Config, Pipeline};
//!
//! let pipeline = Pipeline::new(&Config::default())?;
//! let text = "President Ada Morrow of Norway met Prime Minister Ravi Batra in Oslo on Monday.";
//! let doc = Document::new("brief.txt".into(), "brief".into(), text.into());
//! let graph = pipeline.graph_of(&[doc]);
//! let ada = graph.actors().find(|a| a.label == "Ada Morrow").expect("a node for her");
//! assert!(ada.kind.is_person());
//! assert!(graph.relations().any(|r| r.kind == graphgen::graph::RelationKind::MetWith));
//! # Ok::<(), graphgen::Error>(())
//! ```

pub mod progress;
pub mod stages;
pub mod stream;
#[cfg(test)]
mod tables;
#[cfg(test)]
mod tests;

use crate::corpus::{self, Document, Problem};
use crate::extract::stoplist::StopList;
use crate::extract::{self, Extraction, Mention};
use crate::graph::Graph;
use crate::knowledge::{Knowledge, UserLexicon};
use crate::learn::attribution::polnear::Article;
use crate::learn::attribution::{Attribution, Example, train::Seen};
use crate::learn::tagger::Tagger;
use crate::resolve::Merger;
use crate::resolve::partial::Partial;
use crate::{Error, Result};
use progress::{Bar, Progress};
use rayon::ThreadPool;
use rayon::prelude::*;
use stages::Stages;
use std::path::PathBuf;
use std::sync::Mutex;

/// What a run is built from: the user's knowledge and the limits. [`Config::default`] is the
/// embedded knowledge, the default size cap, every core and no progress bar.
#[derive(Debug, Clone)]
pub struct Config {
    /// The user's lexicon files (`--lexicon`), merged into the embedded lexicon.
    pub lexicons: Vec<PathBuf>,
    /// Names that are never actors (`--stoplist`).
    pub stoplist: Option<PathBuf>,
    /// The most bytes read from one input (`--max-bytes`).
    pub max_bytes: u64,
    /// Extraction threads (`--threads`); 0 means one per core.
    pub threads: usize,
    /// Show a progress bar on stderr for long runs when stderr is a terminal.
    pub progress: bool,
    /// Link actors to the actor dictionary (on unless `--no-knowledge`).
    pub dictionary: bool,
    /// A mention-tagger model file to use instead of the embedded one (`--model`).
    pub tagger: Option<PathBuf>,
    /// Who chooses the speaker of a reporting cue.
    pub speakers: Speakers,
    /// The most pieces of evidence kept per edge (`--max-evidence`); `None` keeps all.
    pub max_evidence: Option<usize>,
    /// Fold the documents into their actors while merging (`--no-documents` alone, see
    /// `Merger::folding_documents`): no document nodes, edges or their evidence held.
    pub fold_documents: bool,
}

/// Who chooses the speaker of a reporting cue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Speakers {
    /// The embedded attribution model (`resources/attribution.model`).
    #[default]
    Model,
    /// The hand rules alone: what the attribution model is trained from, so that training
    /// never reads the model it replaces.
    Rules,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lexicons: Vec::new(),
            stoplist: None,
            max_bytes: corpus::MAX_INPUT_BYTES,
            threads: 0,
            progress: false,
            dictionary: true,
            tagger: None,
            speakers: Speakers::Model,
            max_evidence: None,
            fold_documents: false,
        }
    }
}

/// The models, knowledge and limits of one run. Built once, shared by every thread.
pub struct Pipeline {
    knowledge: Knowledge,
    tagger: Tagger,
    /// Chooses who spoke each reporting cue (none: the hand rules do).
    speakers: Option<Attribution>,
    stop: StopList,
    max_bytes: u64,
    max_evidence: Option<usize>,
    fold_documents: bool,
    pool: ThreadPool,
    progress: bool,
    /// Lines of the user's lexicons that were left out, each naming its file, line and fix.
    lexicon_problems: Vec<Error>,
    /// The stage times of the last streaming run (`--stats`).
    stages: Mutex<Stages>,
}

impl Pipeline {
    /// Builds the pipeline: parses the embedded lexicons and model, reads the user's lexicons
    /// and stop list, starts the threads.
    ///
    /// Errors: a lexicon or stop list that cannot be read, or threads that cannot start. A
    /// malformed lexicon line is not an error: it is left out and listed in
    /// [`Pipeline::lexicon_problems`].
    pub fn new(config: &Config) -> Result<Pipeline> {
        let (knowledge, lexicon_problems) = if config.lexicons.is_empty() {
            (Knowledge::embedded()?, Vec::new())
        } else {
            let (user, mut problems) = UserLexicon::read_files(&config.lexicons)?;
            let (knowledge, more) = Knowledge::with_user(&user)?;
            problems.extend(more);
            crate::knowledge::lexicon::user::sort_problems(&mut problems);
            (knowledge, problems)
        };
        let stop = match &config.stoplist {
            Some(path) => StopList::read_file(path)?,
            None => StopList::default(),
        };
        let knowledge = if config.dictionary {
            knowledge
        } else {
            knowledge.without_dictionary()
        };
        let mut pipeline = Pipeline::with_knowledge(knowledge, config)?;
        pipeline.stop = stop;
        pipeline.lexicon_problems = lexicon_problems;
        Ok(pipeline)
    }

    /// A pipeline over knowledge the caller built (a library user's own lexicon, say); the
    /// config's lexicon and stop-list files are not read.
    pub fn with_knowledge(knowledge: Knowledge, config: &Config) -> Result<Pipeline> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .build()
            .map_err(|e| Error::Invalid {
                what: "--threads".into(),
                message: format!("cannot start the extraction threads ({e}); try fewer"),
            })?;
        let tagger = match &config.tagger {
            None => Tagger::embedded()?,
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|cause| match cause.kind() {
                    std::io::ErrorKind::NotFound => Error::MissingInput(path.clone()),
                    _ => Error::Read {
                        path: path.clone(),
                        cause,
                    },
                })?;
                Tagger::from_bytes(&bytes).map_err(|e| Error::Invalid {
                    what: format!("--model {}", path.display()),
                    message: format!("{e}; pass a file written by `graphgen train tagger`"),
                })?
            }
        };
        Ok(Pipeline {
            knowledge,
            tagger,
            speakers: match config.speakers {
                Speakers::Model => Some(Attribution::embedded()?),
                Speakers::Rules => None,
            },
            stop: StopList::default(),
            max_bytes: config.max_bytes,
            max_evidence: config.max_evidence,
            fold_documents: config.fold_documents,
            pool,
            progress: config.progress,
            lexicon_problems: Vec::new(),
            stages: Mutex::new(Stages::default()),
        })
    }

    /// Runs `work` on the pipeline's threads: the parallel parts of what follows a run (the
    /// export) keep to `--threads` too.
    pub fn install<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        self.pool.install(work)
    }

    /// The lexicon lines left out when the pipeline was built (empty without `--lexicon`).
    pub fn lexicon_problems(&self) -> &[Error] {
        &self.lexicon_problems
    }

    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Reads one document: its mentions, actors and relations, stop-listed names dropped.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut ex = extract::extract_document(&self.knowledge, &self.tagger, self.speakers.as_ref(), doc);
        self.stop.apply(&mut ex);
        ex
    }

    /// Every reporting cue of a document with the choices of its speaker: what
    /// `graphgen train attribution` learns from.
    pub fn attribution_cues(&self, doc: &Document) -> Vec<Seen> {
        extract::attribution_cues(&self.knowledge, &self.tagger, doc)
    }

    /// The labelled cues of PolNeAR articles, in article order (read on the pipeline's threads).
    pub fn attribution_examples(&self, articles: &[Article]) -> Vec<Example> {
        self.pool.install(|| {
            articles
                .par_iter()
                .map(|a| {
                    let doc = Document::new(a.path.display().to_string(), String::new(), a.text.clone());
                    let seen = self.attribution_cues(&doc);
                    let utterance = |w: &str| self.knowledge.cues.is(w, crate::knowledge::cues::Cue::Utterance);
                    seen.into_iter()
                        .map(|s| s.label(&a.attributions, &a.text, &utterance))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
                .concat()
        })
    }

    /// One document's contribution to the merge (`source` is the input it came from, `place`
    /// its place there).
    pub fn partial(&self, doc: &Document, source: &str, place: usize) -> Partial {
        Partial::new(doc, source, place, self.extract(doc))
    }

    /// The graph of documents already in memory, taken in the order given.
    pub fn graph_of(&self, docs: &[Document]) -> Graph {
        let parts: Vec<Partial> = self.pool.install(|| {
            docs.par_iter()
                .enumerate()
                .map(|(i, d)| self.partial(d, "", i))
                .collect()
        });
        let mut merger = self.merger();
        for p in parts {
            merger.add(p);
        }
        self.pool.install(|| merger.finish())
    }

    /// Reads and extracts every input into one graph, as a stream (see [`stream::run`]).
    /// Merging is done by the workers: each merges its batch's partials, then absorbs them
    /// into one of the mergers, one per thread, batch n into merger n modulo the threads (so
    /// workers seldom wait for one another). A merge gives the same graph whatever the order
    /// and grouping (documents are put in reading order at the end), so nothing waits for
    /// the batches to come back in order and the reading thread merges nothing. The mergers
    /// are joined at the end as a tree, on the pool, the smaller into the larger: what they
    /// share (the corpus's recurring actors and their pairs) is merged once per level, what
    /// they do not (documents, their edges) only moves.
    pub fn graph(&self, inputs: &[PathBuf]) -> (Graph, Vec<Problem>) {
        let mergers: Vec<Mutex<Merger>> = (0..self.pool.current_num_threads())
            .map(|_| Mutex::new(self.merger()))
            .collect();
        let problems = self.stream(
            inputs,
            &|doc, source, place| self.partial(&doc, source, place),
            &|n, parts| {
                let mut batch = self.merger();
                parts.into_iter().for_each(|p| batch.add(p));
                // Two statements, so that what the merger does not keep is freed after the
                // lock is let go.
                let leftovers = mergers[n % mergers.len()].lock().expect("a merger").absorb(batch);
                drop(leftovers);
            },
            &mut |()| {},
        );
        let mergers = mergers.into_iter().map(|m| m.into_inner().expect("a merger")).collect();
        let mut merge = std::time::Duration::ZERO;
        let merger =
            stages::timed(&mut merge, || self.pool.install(|| join_mergers(mergers))).unwrap_or_else(|| self.merger());
        let mut resolve = std::time::Duration::ZERO;
        let graph = stages::timed(&mut resolve, || self.pool.install(|| merger.finish()));
        let mut stages = self.stages.lock().expect("stage times");
        stages.merge += merge;
        stages.resolve = resolve;
        (graph, problems)
    }

    /// An empty merger with this pipeline's evidence cap and folding.
    fn merger(&self) -> Merger {
        Merger::with_max_evidence(self.max_evidence).folding_documents(self.fold_documents)
    }

    /// The stage times of the last run that read inputs (reading, extraction, merge,
    /// resolution); the caller adds the rest.
    pub fn stages(&self) -> Stages {
        self.stages.lock().expect("stage times").clone()
    }

    /// Hands each document's partial graph to `sink`, in reading order.
    pub fn partials(&self, inputs: &[PathBuf], sink: &mut dyn FnMut(Partial)) -> Vec<Problem> {
        self.stream(
            inputs,
            &|doc, source, place| self.partial(&doc, source, place),
            &|_, parts| parts,
            &mut |parts| parts.into_iter().for_each(&mut *sink),
        )
    }

    /// Hands each document as read to `sink`, in reading order, with its page furniture
    /// blanked (see [`corpus::furniture::blanked`]); paths made unique as in the graph.
    pub fn texts(&self, inputs: &[PathBuf], sink: &mut dyn FnMut(Document)) -> Vec<Problem> {
        let mut docs: Vec<Document> = Vec::new();
        let problems = self.stream(
            inputs,
            &|doc, _, _| corpus::furniture::blanked(doc),
            &|_, docs| docs,
            &mut |batch| docs.extend(batch),
        );
        corpus::make_unique(&mut docs, |d| &mut d.path);
        docs.into_iter().for_each(sink);
        problems
    }

    /// Hands each document's mentions to `sink`, in reading order. A path read twice is made
    /// unique (`a.txt-2`) as in the graph, which needs every path: the mentions are held
    /// (not the texts) until the last document is read.
    /// The mentions of every document (with `pronouns`, the pronouns read as people too, in
    /// text order), one batch per document in input order.
    pub fn mentions(&self, inputs: &[PathBuf], pronouns: bool, sink: &mut dyn FnMut(Vec<Mention>)) -> Vec<Problem> {
        let mut docs: Vec<(String, Vec<Mention>)> = Vec::new();
        let problems = self.stream(
            inputs,
            &|doc, _, _| {
                let mut ex = self.extract(&doc);
                let mut mentions = std::mem::take(&mut ex.mentions);
                if pronouns {
                    mentions.extend(ex.pronoun_mentions(&doc));
                    mentions.sort_by_key(|m| (m.start, m.end));
                }
                (doc.path.clone(), mentions)
            },
            &|_, found| found,
            &mut |found| docs.extend(found),
        );
        corpus::make_unique(&mut docs, |d| &mut d.0);
        for (path, mut mentions) in docs {
            for m in &mut mentions {
                m.document.clone_from(&path);
            }
            sink(mentions);
        }
        problems
    }

    /// Streams the inputs through `each` and `gather` on this pipeline's threads (see
    /// [`stream::run`]), with its size cap and progress bar; the stage times are kept for
    /// [`Pipeline::stages`].
    fn stream<T: Send, B: Send>(
        &self,
        inputs: &[PathBuf],
        each: &(dyn Fn(Document, &str, usize) -> T + Sync),
        gather: &(dyn Fn(usize, Vec<T>) -> B + Sync),
        sink: &mut dyn FnMut(B),
    ) -> Vec<Problem> {
        let mut bar = Bar::new(!self.progress);
        let mut stages = Stages::default();
        let found = stages::timed(&mut stages.read, || self.pool.install(|| corpus::Found::new(inputs)));
        let problems = stream::run(
            &found,
            self.max_bytes,
            &self.pool,
            &mut bar as &mut dyn Progress,
            each,
            gather,
            sink,
            &mut stages,
        );
        bar.finish();
        *self.stages.lock().expect("stage times") = stages;
        problems
    }
}

/// The mergers joined into one, pairwise as a tree on the current pool, each pair's smaller
/// absorbed into its larger (absorbing costs what the absorbed one holds).
fn join_mergers(mergers: Vec<Merger>) -> Option<Merger> {
    mergers.into_par_iter().reduce_with(|a, b| {
        let (mut big, small) = if a.documents() >= b.documents() { (a, b) } else { (b, a) };
        drop(big.absorb(small));
        big
    })
}
