//! One side of a diff: a graph JSON written earlier by `graphgen --json`, or a corpus (files
//! and directories of articles) extracted on the spot.

use crate::corpus::Problem;
use crate::export::read_graph_json_file;
use crate::graph::Graph;
use crate::pipeline::Pipeline;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// A loaded side.
#[derive(Debug, Clone)]
pub struct Side {
    /// The paths as the user named them.
    pub inputs: Vec<String>,
    pub graph: Graph,
    /// Inputs of a corpus that could not be read, or only partly; a graph JSON has none.
    pub problems: Vec<Problem>,
}

/// A `.json` file is a graph (corpora are never `.json`: articles come as `.jsonl`).
fn is_graph_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Loads one side from its paths. A graph JSON must be the side's only path, since two
/// graphs would need merging and a graph cannot be merged with articles.
///
/// Errors: a graph JSON that cannot be read or is not graphgen's (the message names the
/// file and the field), or a graph JSON given with other paths. A corpus never fails here:
/// unreadable inputs are returned as problems, as for `graphgen` itself.
/// A corpus side is read through `pipeline`: its size cap, threads, lexicon and stop list.
pub fn load_side(pipeline: &Pipeline, paths: &[PathBuf]) -> Result<Side> {
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    if let Some(json) = paths.iter().find(|p| is_graph_json(p)) {
        if paths.len() > 1 {
            return Err(Error::Invalid {
                what: json.display().to_string(),
                message: "a graph JSON must be a side on its own; compare it with one side, not \
                          together with other paths"
                    .into(),
            });
        }
        let graph = read_graph_json_file(json)?;
        return Ok(Side {
            inputs,
            graph,
            problems: Vec::new(),
        });
    }
    let (graph, problems) = pipeline.graph(paths);
    Ok(Side {
        inputs,
        graph,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        Pipeline::new(&crate::pipeline::Config::default()).unwrap()
    }

    #[test]
    fn json_is_a_graph_by_its_extension() {
        let cases = [
            ("g.json", true),
            ("G.JSON", true),
            ("dir/old.json", true),
            ("feed.jsonl", false),
            ("notes.txt", false),
            ("json", false),
            ("-", false),
        ];
        for (path, want) in cases {
            assert_eq!(is_graph_json(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn a_graph_json_stands_alone() {
        let err = load_side(&pipeline(), &[PathBuf::from("a.json"), PathBuf::from("b.txt")]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.json: a graph JSON must be a side on its own"),
            "{err}"
        );
    }

    #[test]
    fn a_foreign_json_names_the_file_and_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.json");
        std::fs::write(&path, r#"{"vertices": []}"#).unwrap();
        let err = load_side(&pipeline(), std::slice::from_ref(&path))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!("{}: nodes: missing; graphgen JSON requires it", path.display())
        );
    }
}
