//! Where a command's result goes: a graph in its format or the CSV tables, written to stdout
//! or atomically to a file, never replacing a file with the result of a run that read
//! nothing; and the line a run ends with.

use super::cli::Format;
use anyhow::{Context, bail};
use graphgen::export::{Cytoscape, Dot, Exporter, Gexf, GraphMl, Html, Json};
use graphgen::graph::Graph;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes the graph; `documents` is how many documents it was built from (before any filter),
/// which decides whether it may replace an existing file.
pub(super) fn export_graph(
    graph: &Graph,
    format: Format,
    output: Option<&Path>,
    documents: usize,
) -> anyhow::Result<()> {
    if format == Format::Csv {
        return export_tables(graph, output, documents);
    }
    let exporter: Box<dyn Exporter> = match format {
        Format::Csv => unreachable!("written as tables above"),
        Format::Json => Box::new(Json),
        Format::Dot => Box::new(Dot),
        Format::Html => Box::new(Html),
        Format::Gexf => Box::new(Gexf),
        Format::Graphml => Box::new(GraphMl),
        Format::Cytoscape => Box::new(Cytoscape),
    };
    write_output(output, || documents, |w| exporter.write(graph, w))
}

/// The line a run ends with on stderr: what was read, what the output holds, where it went.
pub(super) fn summary(graph: &Graph, documents: usize, output: Option<&Path>, took: std::time::Duration) -> String {
    let actors = graph
        .actors()
        .filter(|a| a.kind != graphgen::graph::ActorKind::Document)
        .count();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "graphgen: {} read; {} and {} written to {} in {:.1} s",
        plural(documents, "document", "documents"),
        plural(actors, "actor", "actors"),
        plural(graph.relation_count(), "relation", "relations"),
        output.map_or_else(|| "stdout".to_string(), |p| p.display().to_string()),
        took.as_secs_f64()
    )
}

/// Writes the CSV tables into the folder `output` names (made if missing), each file
/// atomically like any output.
fn export_tables(graph: &Graph, output: Option<&Path>, documents: usize) -> anyhow::Result<()> {
    let Some(dir) = output else {
        bail!("--format csv writes three files (nodes.csv, edges.csv, evidence.csv); name their folder with -o DIR");
    };
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{}: exists and is not a folder; --format csv writes its three tables into a folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    for name in graphgen::export::csv::TABLES {
        write_output(
            Some(&dir.join(name)),
            || documents,
            |w| graphgen::export::csv::write_table(graph, name, w),
        )?;
    }
    Ok(())
}

/// Writes to stdout, or to a file atomically: a temporary file beside it, renamed into place
/// only when everything was written, so a failed run never leaves half a file. `documents`
/// tells, once the body has run, how many documents the output holds: a run that read none
/// writes an empty result to stdout or a new file with a warning, but never replaces an
/// existing file (exit 2, the file as it was).
pub(super) fn write_output(
    path: Option<&Path>,
    documents: impl FnOnce() -> usize,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            body(&mut w)?;
            w.flush()?;
            warn_if_empty(documents());
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
            let documents = documents();
            if documents == 0 && path.exists() {
                bail!(
                    "{}: left as it was, since no document was read; check the inputs",
                    path.display()
                );
            }
            warn_if_empty(documents);
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

fn warn_if_empty(documents: usize) {
    if documents == 0 {
        eprintln!(
            "graphgen: warning: no document was read (graphgen reads .txt, .md, .html, .htm and .jsonl files); the output is empty"
        );
    }
}
