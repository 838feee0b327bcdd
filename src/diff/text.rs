//! The terminal report of a diff: counts, then one section per kind of change, every line at
//! most 100 columns (counted in characters), `+` for the right side, `-` for the left, `~`
//! for a change.

use super::{EdgeDiff, NodeDiff, Report, Status};
use crate::graph::ActorKind;
use std::cmp::Reverse;
use std::io::{self, Write};

const WIDTH: usize = 100;
/// Room for one actor name in a relation line: two names, a relation and a weight fit.
const NAME_IN_EDGE: usize = 36;
/// Room for an evidence's document name on its line.
const DOCUMENT_NAME: usize = 30;

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    header(report, out)?;
    let d = &report.diff;
    if d.is_empty() {
        return writeln!(out, "\nNo differences.");
    }
    let documents = |s: Status| d.nodes_with(s).filter(|n| is_document(n)).collect::<Vec<_>>();
    let actors = |s: Status| d.nodes_with(s).filter(|n| !is_document(n)).collect::<Vec<_>>();
    node_section(out, "Added documents", '+', &documents(Status::Added), document_line)?;
    node_section(
        out,
        "Removed documents",
        '-',
        &documents(Status::Removed),
        document_line,
    )?;
    node_section(out, "Added actors", '+', &actors(Status::Added), actor_line)?;
    node_section(out, "Removed actors", '-', &actors(Status::Removed), actor_line)?;
    edge_section(report, out, "Added relations", '+', Status::Added)?;
    edge_section(report, out, "Removed relations", '-', Status::Removed)?;
    weight_changes(report, out)?;
    kind_changes(report, out)?;
    name_changes(report, out)?;
    mention_changes(report, out)
}

fn header(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let d = &report.diff;
    writeln!(out, "graphgen diff: - left, + right")?;
    for (sign, name, inputs, c) in [
        ('-', "left: ", &report.left, d.left),
        ('+', "right:", &report.right, d.right),
    ] {
        let prefix = format!("{sign} {name} ");
        let inputs = fit(&inputs.join(" "), WIDTH - prefix.chars().count());
        writeln!(out, "{prefix}{inputs}")?;
        writeln!(
            out,
            "{:width$}{}, {}, {}",
            "",
            counted(c.documents, "document"),
            counted(c.nodes, "node"),
            counted(c.edges, "edge"),
            width = prefix.chars().count()
        )?;
    }
    if let Some(filter) = filter_line(report) {
        writeln!(out, "{}", fit(&filter, WIDTH))?;
    }
    writeln!(out)?;
    let count = |status: Status, documents: bool| d.nodes_with(status).filter(|n| is_document(n) == documents).count();
    for (name, documents) in [("actors", false), ("documents", true)] {
        writeln!(
            out,
            "{name:<10} {} added, {} removed, {} changed, {} unchanged",
            count(Status::Added, documents),
            count(Status::Removed, documents),
            count(Status::Changed, documents),
            count(Status::Unchanged, documents),
        )?;
    }
    let edges = |status: Status| d.edges_with(status).count();
    writeln!(
        out,
        "{:<10} {} added, {} removed, {} changed, {} unchanged",
        "relations",
        edges(Status::Added),
        edges(Status::Removed),
        edges(Status::Changed),
        edges(Status::Unchanged),
    )
}

fn filter_line(report: &Report) -> Option<String> {
    let f = &report.filter;
    let mut parts = Vec::new();
    if !f.relations.is_empty() {
        let names: Vec<&str> = f.relations.iter().map(|r| r.as_str()).collect();
        parts.push(format!("relation {}", names.join(",")));
    }
    if !f.kinds.is_empty() {
        let names: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        parts.push(format!("kind {}", names.join(",")));
    }
    if let Some(w) = f.min_weight {
        parts.push(format!("min weight {w}"));
    }
    if f.no_documents {
        parts.push("no documents".to_string());
    }
    if let Some(ego) = &f.ego {
        parts.push(format!("ego {} depth {}", ego.name, ego.depth));
    }
    if let Some(n) = f.top {
        parts.push(format!("top {n}"));
    }
    (!parts.is_empty()).then(|| format!("filter: {} (both sides)", parts.join("; ")))
}

fn is_document(n: &NodeDiff) -> bool {
    n.current().kind == ActorKind::Document
}

fn node_section(
    out: &mut dyn Write,
    title: &str,
    sign: char,
    nodes: &[&NodeDiff],
    line: fn(&NodeDiff) -> String,
) -> io::Result<()> {
    if nodes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title} ({})", nodes.len())?;
    for n in nodes {
        writeln!(out, "  {sign} {}", line(n))?;
    }
    Ok(())
}

fn actor_line(n: &NodeDiff) -> String {
    let a = n.current();
    let mentions = format!(" ({})", counted(a.mentions, "mention"));
    let room = WIDTH - 4 - 10 - mentions.chars().count();
    format!("{:<9} {}{mentions}", a.kind.as_str(), fit(&a.label, room))
}

fn document_line(n: &NodeDiff) -> String {
    let a = n.current();
    let path = fit(a.path.as_deref().unwrap_or(&a.id), WIDTH / 2);
    let room = WIDTH - 4 - 2 - path.chars().count();
    format!("{path}  {}", fit(&a.label, room))
}

/// How an actor is named in the report: its label, or a document's file name (titles are
/// long and a quoted-in line names the article best by its file).
fn name_of(report: &Report, id: &str) -> String {
    let Some(n) = report.diff.node(id) else {
        return id.to_string();
    };
    let a = n.current();
    match (a.kind, a.path.as_deref()) {
        (ActorKind::Document, Some(path)) if !path.is_empty() => file_name(path).to_string(),
        _ => a.label.clone(),
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn edge_words(report: &Report, e: &EdgeDiff) -> String {
    format!(
        "{} {} {}",
        fit(&name_of(report, &e.source), NAME_IN_EDGE),
        e.relation,
        fit(&name_of(report, &e.target), NAME_IN_EDGE)
    )
}

fn edge_section(report: &Report, out: &mut dyn Write, title: &str, sign: char, status: Status) -> io::Result<()> {
    let edges: Vec<&EdgeDiff> = report.diff.edges_with(status).collect();
    if edges.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title} ({})", edges.len())?;
    for e in edges {
        let r = e.current();
        let weight = if r.weight() > 1 {
            format!(" (×{})", r.weight())
        } else {
            String::new()
        };
        writeln!(out, "  {sign} {}{weight}", edge_words(report, e))?;
        if let Some(ev) = r.evidence.first() {
            let doc = fit(file_name(&ev.document), DOCUMENT_NAME);
            let room = WIDTH - 6 - 2 - doc.chars().count();
            writeln!(out, "      {doc}: {}", fit(&ev.sentence, room))?;
        }
    }
    Ok(())
}

fn signed(delta: i64) -> String {
    if delta > 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

fn change(from: usize, to: usize) -> String {
    format!("{from} -> {to} ({})", signed(to as i64 - from as i64))
}

fn weight_changes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut edges: Vec<&EdgeDiff> = report.diff.edges_with(Status::Changed).collect();
    if edges.is_empty() {
        return Ok(());
    }
    // Biggest change first; ties in key order, which the list already has.
    edges.sort_by_key(|e| {
        let (l, r) = e.weights();
        Reverse(l.abs_diff(r))
    });
    writeln!(out, "\nWeight changes ({})", edges.len())?;
    for e in edges {
        let (l, r) = e.weights();
        writeln!(out, "  ~ {}  {}", edge_words(report, e), change(l, r))?;
    }
    Ok(())
}

fn kind_changes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let changed: Vec<(&NodeDiff, ActorKind, ActorKind)> = report
        .diff
        .nodes
        .iter()
        .filter_map(|n| n.kind_change().map(|(l, r)| (n, l, r)))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nKind changes ({})", changed.len())?;
    for (n, l, r) in changed {
        writeln!(out, "  ~ {}: {l} -> {r}", fit(&n.current().label, WIDTH - 30))?;
    }
    Ok(())
}

/// Label and alias changes, and the ids of a pair matched by name.
fn name_changes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let changed: Vec<(&NodeDiff, Vec<String>)> = report
        .diff
        .nodes
        .iter()
        .map(|n| (n, name_change_lines(n)))
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nName and alias changes ({})", changed.len())?;
    for (n, lines) in changed {
        writeln!(out, "  ~ {}", fit(&n.current().label, WIDTH - 4))?;
        for line in lines {
            writeln!(out, "      {}", fit(&line, WIDTH - 6))?;
        }
    }
    Ok(())
}

fn name_change_lines(n: &NodeDiff) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(l), Some(r)) = (&n.left, &n.right)
        && l.id != r.id
    {
        lines.push(format!("id {} -> {}", l.id, r.id));
    }
    if let Some((l, r)) = n.label_change() {
        lines.push(format!("label {l} -> {r}"));
    }
    if let Some((added, removed)) = n.alias_change() {
        lines.extend(added.iter().map(|a| format!("+ alias {a}")));
        lines.extend(removed.iter().map(|a| format!("- alias {a}")));
    }
    lines
}

fn mention_changes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut changed: Vec<(&NodeDiff, usize, usize)> = report
        .diff
        .nodes
        .iter()
        .filter_map(|n| n.mention_change().map(|(l, r)| (n, l, r)))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    changed.sort_by_key(|&(_, l, r)| Reverse(l.abs_diff(r)));
    writeln!(out, "\nMention changes ({})", changed.len())?;
    for (n, l, r) in changed {
        let a = n.current();
        writeln!(
            out,
            "  ~ {:<9} {}  {}",
            a.kind.as_str(),
            fit(&a.label, WIDTH - 40),
            change(l, r)
        )?;
    }
    Ok(())
}

fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `s` on one line (whitespace runs become one space) in at most `max` characters, cut with
/// an ellipsis.
fn fit(s: &str, max: usize) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_table() {
        let cases = [
            ("short", 10, "short"),
            ("exactly ten", 11, "exactly ten"),
            ("a line\nwith  breaks\tand tabs", 100, "a line with breaks and tabs"),
            ("truncated here", 10, "truncated…"),
            ("cut at a space", 7, "cut at…"),
            ("ééééé", 3, "éé…"),
            ("", 5, ""),
        ];
        for (s, max, want) in cases {
            let got = fit(s, max);
            assert_eq!(got, want, "{s:?} in {max}");
            assert!(got.chars().count() <= max);
        }
    }

    #[test]
    fn changes_read_with_a_sign() {
        assert_eq!(change(3, 7), "3 -> 7 (+4)");
        assert_eq!(change(7, 3), "7 -> 3 (-4)");
        assert_eq!(file_name("seeds/a/b.txt"), "b.txt");
        assert_eq!(file_name("feed.jsonl#3"), "feed.jsonl#3");
    }
}
