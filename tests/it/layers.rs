//! The stages look only forward: a module of the library may use the modules before it in
//! [`ORDER`], never one after it. The graph's nouns (actors, kinds, relations, evidence, ids,
//! name folding) are the vocabulary every stage writes in, so any stage may name them; the
//! graph's behaviour (its filters) is a late stage like the others. Test code (`tests.rs`,
//! `*_tests.rs`, `#[cfg(test)]` modules) may reach anything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The library's top-level modules, earliest first. `knowledge` and `learn` are what the
/// stages read with (word lists, models); `pipeline` drives the stages; `export`, `eval` and
/// `diff` start from the finished graph.
const ORDER: [&str; 13] = [
    "error",
    "corpus",
    "text",
    "knowledge",
    "learn",
    "extract",
    "resolve",
    "graph",
    "pipeline",
    "export",
    "eval",
    "diff",
    "app",
];

/// Items of `graph` that any stage may name: the data model, ids and folding.
const VOCABULARY: [&str; 15] = [
    "Actor",
    "ActorKind",
    "DocPath",
    "DocSet",
    "EdgeKey",
    "Evidence",
    "Quoted",
    "Graph",
    "Relation",
    "RelationKind",
    "document_id",
    "fold",
    "slug",
    "model",
    "ids",
];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that are test modules: declared after `#[cfg(test)]` in their parent.
fn test_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let dir = if f
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs")
        {
            f.parent().unwrap().to_path_buf()
        } else {
            f.with_extension("")
        };
        let lines: Vec<&str> = text.lines().collect();
        for w in lines.windows(2) {
            if w[0].trim() == "#[cfg(test)]"
                && let Some(name) = w[1].trim().strip_prefix("mod ").and_then(|r| r.strip_suffix(';'))
            {
                out.insert(dir.join(format!("{name}.rs")));
                out.insert(dir.join(name).join("mod.rs"));
            }
        }
    }
    out
}

/// The code of a file without comments and without an inline `#[cfg(test)] mod tests { .. }`.
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `(module, item)` of every `crate::module::item` path, with `use crate::m::{a, b}` groups
/// opened one level.
fn uses(code: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let module: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let after = &rest[module.len()..];
        let Some(after) = after.strip_prefix("::") else {
            out.push((module, String::new()));
            continue;
        };
        if let Some(group) = after.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let item = item.split("::").next().unwrap_or("").trim();
                let item = item.split_whitespace().next().unwrap_or("");
                out.push((module.clone(), item.to_string()));
            }
        } else {
            let item: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.push((module, item));
        }
    }
    out
}

fn violations() -> Vec<String> {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.sort();
    let tests = test_files(&files);
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix("src").unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let own = first.strip_suffix(".rs").unwrap_or(&first).to_string();
        let name = f.file_name().unwrap().to_string_lossy();
        if tests.contains(f) || name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let Some(own_rank) = rank(&own) else { continue };
        for (module, item) in uses(&code(&std::fs::read_to_string(f).unwrap())) {
            let Some(their) = rank(&module) else { continue };
            let vocabulary = module == "graph" && VOCABULARY.contains(&item.as_str());
            if their > own_rank && !vocabulary {
                found.push(format!("{}: {own} uses crate::{module}::{item}", f.display()));
            }
        }
    }
    found
}

#[test]
fn no_stage_uses_a_later_one() {
    let found = violations();
    assert!(found.is_empty(), "stages must only look back:\n{}", found.join("\n"));
}

#[test]
fn every_top_level_module_has_a_place_in_the_order() {
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    for line in lib.lines() {
        if let Some(name) = line.strip_prefix("pub mod ").and_then(|r| r.strip_suffix(';')) {
            assert!(rank(name).is_some(), "src/lib.rs declares {name}, missing from ORDER");
        }
    }
}

#[test]
fn the_check_sees_a_backward_use() {
    let sample = "use crate::resolve::Merger;\nuse crate::graph::{ActorKind, filter::Filter};\n";
    let found = uses(sample);
    assert!(found.contains(&("resolve".into(), "Merger".into())));
    assert!(found.contains(&("graph".into(), "ActorKind".into())));
    assert!(found.contains(&("graph".into(), "filter".into())));
    assert_eq!(uses("// crate::pipeline in a comment").len(), 1, "raw scan finds it");
    assert!(
        uses(&code("// crate::pipeline in a comment\n")).is_empty(),
        "comments are not code"
    );
}
