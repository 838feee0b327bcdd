//! PolNeAR's attributions (Newell, Margolin and Ruths, LREC 2018), as the attribution model
//! learns them: per article, each attribution's cue and source as byte spans of the text.
//!
//! The annotations are brat standoff (`attributions/<stem>_<annotator>.ann` beside
//! `text/<stem>.txt`): `T` lines are spans with character offsets, `E` lines tie a
//! `Source`, a `Cue` and a `Content`. An article annotated twice keeps its first annotation
//! in name order, as the PolNeAR scorer does.

use crate::text::Span;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One attribution: where its cue is, and its source when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributed {
    pub cue: Span,
    pub source: Option<Span>,
}

/// One article: its text file, its text, and its attributions.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    pub text: String,
    pub attributions: Vec<Attributed>,
}

/// Reads a PolNeAR split (`<split>/text`, `<split>/attributions`), articles in name order.
pub fn read_split(split: &Path) -> Result<Vec<Article>, String> {
    let dir = split.join("attributions");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for ann in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ann")) {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        first.entry(article).or_insert(ann);
    }
    if first.is_empty() {
        return Err(format!("{}: no .ann files; give a PolNeAR split folder", dir.display()));
    }
    first
        .into_iter()
        .map(|(stem, ann)| {
            let path = split.join("text").join(format!("{stem}.txt"));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let standoff = std::fs::read_to_string(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
            let attributions = parse(&standoff, &text).map_err(|e| format!("{}: {e}", ann.display()))?;
            Ok(Article {
                path,
                text,
                attributions,
            })
        })
        .collect()
}

/// The attributions of one brat file over `text`, in file order.
pub fn parse(standoff: &str, text: &str) -> Result<Vec<Attributed>, String> {
    let bytes = byte_offsets(text);
    let at = |c: usize| {
        bytes
            .get(c)
            .copied()
            .ok_or_else(|| format!("offset {c} beyond the text"))
    };
    let mut spans: BTreeMap<&str, Span> = BTreeMap::new();
    let mut events = Vec::new();
    for (n, line) in standoff.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(id), Some(what)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            // `Source 10 25` or a discontinuous `Source 10 25;30 40`: first start, last end.
            let mut words = what.split([' ', ';']).skip(1);
            let start = words.next().and_then(|s| s.parse().ok());
            let end = words.last().and_then(|s| s.parse().ok());
            let (Some(start), Some(end)) = (start, end) else {
                return Err(format!("line {}: a span without offsets", n + 1));
            };
            spans.insert(id, Span::new(at(start)?, at(end)?));
        } else if id.starts_with('E') {
            events.push(what);
        }
    }
    let mut out = Vec::new();
    for e in events {
        let role = |name: &str| {
            e.split(' ')
                .filter_map(|x| x.split_once(':'))
                .find(|(r, _)| *r == name)
                .and_then(|(_, t)| spans.get(t).copied())
        };
        if let Some(cue) = role("Cue") {
            out.push(Attributed {
                cue,
                source: role("Source"),
            });
        }
    }
    Ok(out)
}

/// Byte offset of every character offset, and of the end.
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
}
