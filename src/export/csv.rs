//! CSV tables in the layout of Gephi's spreadsheet import (and any spreadsheet): `nodes.csv`
//! (`Id`, `Label`, then attributes), `edges.csv` (`Source`, `Target`, `Type`, `Id`, `Label`,
//! `Weight`, then attributes) and `evidence.csv` (one row per piece of evidence, keyed by the
//! edge's `Id`). Fields are quoted when they hold a comma, a quote or a line break (RFC 4180).

use crate::graph::Graph;
use std::io::{self, Write};

/// The three tables, in the order written, with their file names.
pub const TABLES: [&str; 3] = ["nodes.csv", "edges.csv", "evidence.csv"];

/// Writes table `name` (one of [`TABLES`]) of the graph.
pub fn write_table(graph: &Graph, name: &str, out: &mut dyn Write) -> io::Result<()> {
    match name {
        "nodes.csv" => nodes(graph, out),
        "edges.csv" => edges(graph, out),
        _ => evidence(graph, out),
    }
}

fn nodes(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let facts = super::Facts::of(graph);
    row(
        out,
        &[
            "Id",
            "Label",
            "kind",
            "mentions",
            "degree",
            "community",
            "first",
            "last",
            "aliases",
            "documents",
            "path",
            "date",
            "url",
            "byline",
        ],
    )?;
    for a in graph.actors() {
        let (first, last) = facts.span(&a.id).unwrap_or(("", ""));
        let aliases: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
        let documents: Vec<&str> = a.documents.iter().map(|d| &**d).collect();
        row(
            out,
            &[
                &a.id,
                &a.label,
                a.kind.as_str(),
                &a.mentions.to_string(),
                &facts.degree(&a.id).to_string(),
                &facts.community(&a.id).to_string(),
                first,
                last,
                &aliases.join("; "),
                &documents.join("; "),
                a.path.as_deref().unwrap_or(""),
                a.date.as_deref().unwrap_or(""),
                a.url.as_deref().unwrap_or(""),
                a.byline.as_deref().unwrap_or(""),
            ],
        )?;
    }
    Ok(())
}

fn edges(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        &[
            "Source", "Target", "Type", "Id", "Label", "Weight", "relation", "first", "last", "triggers",
        ],
    )?;
    for (i, r) in graph.relations().enumerate() {
        let (first, last) = r.span().unwrap_or(("", ""));
        let triggers: std::collections::BTreeSet<&str> = r.evidence.iter().map(|e| e.trigger.as_str()).collect();
        row(
            out,
            &[
                &r.source,
                &r.target,
                if r.kind.is_symmetric() {
                    "Undirected"
                } else {
                    "Directed"
                },
                &i.to_string(),
                r.kind.as_str(),
                &r.weight().to_string(),
                r.kind.as_str(),
                first,
                last,
                &triggers.into_iter().collect::<Vec<_>>().join("; "),
            ],
        )?;
    }
    Ok(())
}

fn evidence(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        &[
            "Edge", "Source", "Target", "relation", "document", "date", "start", "end", "trigger", "sentence",
        ],
    )?;
    for (i, r) in graph.relations().enumerate() {
        for e in &r.evidence {
            row(
                out,
                &[
                    &i.to_string(),
                    &r.source,
                    &r.target,
                    r.kind.as_str(),
                    &e.document,
                    e.date.as_deref().unwrap_or(""),
                    &e.start.to_string(),
                    &e.end.to_string(),
                    &e.trigger,
                    &e.sentence,
                ],
            )?;
        }
    }
    Ok(())
}

fn row(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, f)?;
    }
    out.write_all(b"\r\n")
}

fn field(out: &mut dyn Write, f: &str) -> io::Result<()> {
    if f.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", f.replace('"', "\"\""))
    } else {
        out.write_all(f.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut out = Vec::new();
        row(&mut out, &["plain", "a, b", "say \"hi\"", "two\nlines", ""]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
        );
    }
}
