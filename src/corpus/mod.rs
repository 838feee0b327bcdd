//! The corpus: finding input files, reading them, and turning each into a `Document`.
//!
//! Reading never rewrites text: page furniture is recorded as byte ranges to skip, so that
//! every offset later in the pipeline is an offset into the text as read.
//!
//! - Inputs (`source.rs`): files, directories (walked recursively in file-name order, following
//!   symbolic links but not their loops, skipping hidden entries), and `-` for stdin (one
//!   article, shown as `-`, stem `stdin`; read as HTML when it starts like a page).
//! - Formats by extension: `.txt`, `.md` plain text; `.html`, `.htm` article text only
//!   ([`html`]); `.jsonl` one article a line (`jsonl.rs`). In directories other files are
//!   ignored; a file named explicitly with another extension is read as plain text.
//! - Decoding (`decode.rs`): UTF-8 (a BOM is stripped), UTF-16 with a BOM; invalid UTF-8 is
//!   decoded lossily with a warning. A NUL byte in the first 8 KB means binary: skipped.
//!   Inputs over [`MAX_INPUT_BYTES`] are skipped, stdin included.
//! - Problems with one input (missing, unreadable, binary, too large, a broken JSONL line) are
//!   returned as [`Problem`]s and the rest is read.
//! - Order and names: documents are sorted by the path of their file, then by their place in
//!   it (JSONL). One file named twice is read once. Paths and stems are made unique by adding
//!   `-2`, `-3`... in that order, so `doc:<stem>` node ids never collide.
//! - Plain text that starts with a scraper's `date 2025-01-31` stamp gets that date.
//! - Furniture ([`furniture`]): the rules are listed there.

pub mod dates;
mod decode;
pub mod furniture;
pub mod html;
mod jsonl;
mod source;

use decode::ReadFailure;
use source::{Format, Input, Origin};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The largest input read, in bytes; bigger ones are skipped with a problem.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// One article, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path shown to the user (for JSONL articles: `file.jsonl#id`).
    pub path: String,
    /// Short name used in the document node id (`doc:<stem>`).
    pub stem: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Who wrote it, as the page says (an HTML page's structured data or author line).
    pub byline: Option<String>,
    /// The article text; all offsets are byte offsets into it.
    pub text: String,
    /// Byte ranges of page furniture (sponsor lines, share bars, ...), sorted, not overlapping.
    pub furniture: Vec<Range<usize>>,
}

impl Document {
    /// Builds a document from its text, finding its furniture.
    pub fn new(path: String, stem: String, text: String) -> Document {
        let furniture = furniture::furniture(&text);
        Document {
            path,
            stem,
            title: None,
            date: None,
            url: None,
            byline: None,
            text,
            furniture,
        }
    }

    /// True when any byte of `range` is furniture.
    pub fn touches_furniture(&self, range: Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        let after = self.furniture.partition_point(|f| f.end <= range.start);
        self.furniture.get(after).is_some_and(|f| f.start < range.end)
    }
}

/// Something wrong with one input that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// True when the input (or part of it) was skipped; false for a warning only.
    pub skipped: bool,
}

/// Reads every input path (files, directories walked recursively in sorted order, `-` for
/// stdin) into documents sorted by path. Problems with single inputs are returned, not raised.
pub fn read_inputs(inputs: &[PathBuf]) -> (Vec<Document>, Vec<Problem>) {
    read_inputs_capped(inputs, MAX_INPUT_BYTES)
}

/// [`read_inputs`] with another size cap per input.
pub fn read_inputs_capped(inputs: &[PathBuf], cap: u64) -> (Vec<Document>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut docs = Vec::new();
    for input in source::discover(inputs, &mut problems) {
        docs.extend(read_input(&input, cap, &mut problems));
    }
    finish(docs, problems)
}

/// Reads one stream named `name` (`-` for stdin): its format comes from the name's extension.
pub fn read_reader(name: &str, reader: impl Read, cap: u64) -> (Vec<Document>, Vec<Problem>) {
    let format = if name == "-" {
        Format::Sniff
    } else {
        Format::from_path(Path::new(name)).unwrap_or(Format::Text)
    };
    let mut problems = Vec::new();
    let docs = read_stream(name, format, reader, cap, &mut problems);
    finish(docs, problems)
}

/// The inputs of a run, found and sized before any is read, so that reading each is work any
/// thread can do ([`Found::read`]), in any order, while the order of the inputs stays that of
/// [`read_inputs`]. Paths and stems are NOT made unique here (that needs every name):
/// callers apply [`make_unique`] to what they keep.
pub struct Found {
    inputs: Vec<Input>,
    sizes: Vec<u64>,
    /// Problems met finding the inputs (a missing path, an unreadable folder).
    pub problems: Vec<Problem>,
}

impl Found {
    /// Finds every input `paths` name (directories walked) and the size of each file; the
    /// files are looked at on the current rayon pool.
    pub fn new(paths: &[PathBuf]) -> Found {
        use rayon::prelude::*;
        let mut problems = Vec::new();
        let inputs = source::discover(paths, &mut problems);
        let sizes = inputs.par_iter().map(input_size).collect();
        Found {
            inputs,
            sizes,
            problems,
        }
    }

    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// The size of input `i` in bytes (stdin counts as 0).
    pub fn size(&self, i: usize) -> u64 {
        self.sizes[i]
    }

    /// The total size of the inputs, in bytes.
    pub fn total(&self) -> u64 {
        self.sizes.iter().sum()
    }

    /// Input `i`'s path as shown.
    pub fn display(&self, i: usize) -> &str {
        &self.inputs[i].display
    }

    /// Reads input `i` (at most `cap` bytes of it) into its documents, with the problems met.
    pub fn read(&self, i: usize, cap: u64) -> (Vec<Document>, Vec<Problem>) {
        let mut problems = Vec::new();
        let docs = read_input(&self.inputs[i], cap, &mut problems);
        (docs, problems)
    }
}

fn input_size(input: &Input) -> u64 {
    match &input.origin {
        Origin::File(path) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        Origin::Stdin => 0,
    }
}

fn finish(mut docs: Vec<Document>, mut problems: Vec<Problem>) -> (Vec<Document>, Vec<Problem>) {
    make_unique(&mut docs, |d| &mut d.path);
    make_unique(&mut docs, |d| &mut d.stem);
    sort_problems(&mut problems);
    (docs, problems)
}

/// Problems in the order they are reported: by file, then line.
pub fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| problem_order(&a.path).cmp(&problem_order(&b.path)));
}

/// Problems sort by file, then by line for `file.jsonl:LINE`, so line 10 follows line 9.
fn problem_order(path: &str) -> (&str, usize) {
    match path.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (file, line.parse().unwrap_or(usize::MAX))
        }
        _ => (path, 0),
    }
}

fn read_input(input: &Input, cap: u64, problems: &mut Vec<Problem>) -> Vec<Document> {
    match &input.origin {
        Origin::Stdin => read_stream("-", input.format, std::io::stdin().lock(), cap, problems),
        Origin::File(path) => {
            let file = match source::open(path) {
                Ok(file) => file,
                Err(e) => {
                    problems.push(skip(&input.display, source::describe(&e)));
                    return Vec::new();
                }
            };
            // A regular file says its size: refuse a huge one without reading it.
            if file.metadata().is_ok_and(|m| m.is_file() && m.len() > cap) {
                problems.push(skip(&input.display, too_large(cap)));
                return Vec::new();
            }
            read_stream(&input.display, input.format, file, cap, problems)
        }
    }
}

fn read_stream(
    display: &str,
    format: Format,
    reader: impl Read,
    cap: u64,
    problems: &mut Vec<Problem>,
) -> Vec<Document> {
    let bytes = match decode::read_capped(reader, cap) {
        Ok(bytes) => bytes,
        Err(failure) => {
            let message = match failure {
                ReadFailure::TooLarge => too_large(cap),
                ReadFailure::Binary => "binary file (NUL bytes in the first 8 KB), not an article".into(),
                ReadFailure::Io(e) => source::describe(&e),
            };
            problems.push(skip(display, message));
            return Vec::new();
        }
    };
    let (text, warning) = decode::decode(bytes);
    if let Some(message) = warning {
        problems.push(Problem {
            path: display.to_string(),
            message,
            skipped: false,
        });
    }
    parse(display, format, text, problems)
}

/// Turns decoded text into the documents it holds.
fn parse(display: &str, format: Format, text: String, problems: &mut Vec<Problem>) -> Vec<Document> {
    let stem = stem_of(display);
    match format {
        Format::Jsonl => jsonl_documents(display, &stem, &text, problems),
        Format::Sniff if looks_like_jsonl(&text) => jsonl_documents(display, &stem, &text, problems),
        Format::Html => vec![html_document(display, stem, &text)],
        Format::Sniff if looks_like_html(&text) => vec![html_document(display, stem, &text)],
        Format::Text | Format::Sniff => {
            let date = furniture::header_date(&text);
            let mut doc = Document::new(display.to_string(), stem, text);
            doc.date = date;
            vec![doc]
        }
    }
}

fn jsonl_documents(display: &str, stem: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<Document> {
    jsonl::parse(display, text, problems)
        .into_iter()
        .map(|a| {
            let (path, stem) = match &a.id {
                Some(id) => (format!("{display}#{id}"), id.clone()),
                None => (format!("{display}#{}", a.line), format!("{stem}-{}", a.line)),
            };
            let mut doc = Document::new(path, stem, a.text);
            (doc.title, doc.date, doc.url) = (a.title, a.date, a.url);
            doc
        })
        .collect()
}

/// Stdin holds JSON lines when its first line is a JSON object with a `text` string: no
/// article's prose parses as that.
fn looks_like_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    first.trim_start().starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.get("text").is_some_and(|t| t.is_string()))
}

fn html_document(display: &str, stem: String, page: &str) -> Document {
    let extracted = html::extract(page);
    let mut doc = Document::new(display.to_string(), stem, extracted.text);
    (doc.title, doc.date, doc.url, doc.byline) = (extracted.title, extracted.date, extracted.url, extracted.byline);
    doc
}

fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start();
    let head = &head.as_bytes()[..head.len().min(15)];
    [&b"<!doctype html"[..], b"<html"]
        .iter()
        .any(|tag| head.len() >= tag.len() && head[..tag.len()].eq_ignore_ascii_case(tag))
}

fn stem_of(display: &str) -> String {
    if display == "-" {
        return "stdin".into();
    }
    let stem = Path::new(display).file_stem().map(|s| s.to_string_lossy().into_owned());
    stem.filter(|s| !s.is_empty()).unwrap_or_else(|| "document".into())
}

/// Whether no two of `names` are equal (looked at once, not copied): [`make_unique`] would
/// leave them as they are.
pub fn all_distinct<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> bool {
    let mut seen = rustc_hash::FxHashSet::default();
    seen.reserve(names.len());
    names.into_iter().all(|n| seen.insert(n))
}

/// Leaves the first of equal names alone and gives the later ones `-2`, `-3`... skipping any
/// name already taken, so the result depends only on document order.
pub fn make_unique<T>(docs: &mut [T], name: fn(&mut T) -> &mut String) {
    // Most corpora name every document differently: one look, nothing copied.
    if all_distinct(docs.iter_mut().map(|d| name(d).as_str())) {
        return;
    }
    let mut taken: rustc_hash::FxHashSet<String> = docs.iter_mut().map(|d| name(d).clone()).collect();
    let mut used = rustc_hash::FxHashSet::default();
    // The last number given to each name: numbers below it are taken and stay taken, so the
    // search goes on from there (a name repeated n times costs n, not n squared).
    let mut last: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for doc in docs.iter_mut() {
        let current = name(doc);
        if used.insert(current.clone()) {
            continue;
        }
        let from = last.get(current.as_str()).map_or(2, |n| n + 1);
        let (n, renamed) = (from..)
            .map(|n| (n, format!("{current}-{n}")))
            .find(|(_, c)| !taken.contains(c))
            .unwrap_or_default();
        last.insert(current.clone(), n);
        taken.insert(renamed.clone());
        used.insert(renamed.clone());
        *current = renamed;
    }
}

fn skip(display: &str, message: String) -> Problem {
    Problem {
        path: display.to_string(),
        message,
        skipped: true,
    }
}

fn too_large(cap: u64) -> String {
    let size = if cap > 0 && cap.is_multiple_of(1024 * 1024) {
        format!("{} MB", cap / (1024 * 1024))
    } else {
        format!("{cap} bytes")
    };
    format!("larger than {size}, the most read from one input; split it into smaller files (or raise --max-bytes)")
}

#[cfg(test)]
mod tests;
