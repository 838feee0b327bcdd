//! The diff as GraphViz DOT: the union graph, coloured by what happened. Added is green,
//! removed red, changed orange (an edge's label shows its weights, `3 -> 7`; a node's its
//! kinds), unchanged grey. Shapes keep the kinds of `graphgen --dot` and line styles keep the
//! relations, so colour is free to carry the change. Quoting is the exporter's.

use super::{EdgeDiff, NodeDiff, Report, Status};
use crate::export::{FONT, kind_style, legend_prefix_avoiding, penwidth, quote_id, quote_label, relation_style};
use std::io::{self, Write};

struct Colours {
    fill: &'static str,
    line: &'static str,
    text: &'static str,
}

fn colours(status: Status) -> Colours {
    let (fill, line, text) = match status {
        Status::Added => ("#C8E6C9", "#2E7D32", "#1B5E20"),
        Status::Removed => ("#FFCDD2", "#C62828", "#B71C1C"),
        Status::Changed => ("#FFE0B2", "#EF6C00", "#E65100"),
        Status::Unchanged => ("#F5F5F5", "#9E9E9E", "#616161"),
    };
    Colours { fill, line, text }
}

const STATUSES: [(Status, &str); 4] = [
    (Status::Added, "added"),
    (Status::Removed, "removed"),
    (Status::Changed, "changed"),
    (Status::Unchanged, "unchanged"),
];

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "graphgen diff: {} (red) -> {} (green)",
        report.left.join(" "),
        report.right.join(" ")
    );
    writeln!(out, "digraph graphgen_diff {{")?;
    writeln!(
        out,
        "  graph [charset=\"UTF-8\", fontname={FONT}, label={}, labelloc=t, fontsize=12, \
         rankdir=LR, overlap=false, splines=true, nodesep=0.3, ranksep=0.8];",
        quote_label(&title)
    )?;
    writeln!(out, "  node [fontname={FONT}, fontsize=11, penwidth=1.4];")?;
    writeln!(out, "  edge [fontname={FONT}, fontsize=9, arrowsize=0.7];")?;
    write_legend(report, out)?;
    for n in &report.diff.nodes {
        writeln!(out, "  {};", node_statement(n))?;
    }
    for e in &report.diff.edges {
        writeln!(out, "  {};", edge_statement(e))?;
    }
    writeln!(out, "}}")
}

/// A node's status for the picture: mention counts change in almost every comparison of two
/// corpora, so only a changed kind or label turns a node orange.
fn node_status(n: &NodeDiff) -> Status {
    match n.status() {
        Status::Changed if n.kind_change().is_none() && n.label_change().is_none() => Status::Unchanged,
        s => s,
    }
}

fn node_statement(n: &NodeDiff) -> String {
    let a = n.current();
    let c = colours(node_status(n));
    let shape = kind_style(a.kind).shape;
    let mut label = a.label.clone();
    let mut tip = format!("{} ({})", a.label, a.kind);
    if let Some((l, r)) = n.kind_change() {
        label.push_str(&format!("\n{l} -> {r}"));
        tip = format!("{} ({l} -> {r})", a.label);
    }
    if let Some((l, _)) = n.label_change() {
        label.push_str(&format!("\nwas {l}"));
    }
    if let Some((l, r)) = n.mention_change() {
        tip.push_str(&format!("\nmentions {l} -> {r}"));
    }
    format!(
        "{} [label={}, shape={shape}, style=\"filled\", fillcolor=\"{}\", color=\"{}\", fontcolor=\"{}\", tooltip={}]",
        quote_id(&n.id),
        quote_label(&label),
        c.fill,
        c.line,
        c.text,
        quote_label(&tip),
    )
}

fn edge_statement(e: &EdgeDiff) -> String {
    let status = e.status();
    let c = colours(status);
    let s = relation_style(e.relation);
    let (l, r) = e.weights();
    let label = match status {
        Status::Changed => format!("{} {l} -> {r}", e.relation),
        _ if l.max(r) > 1 => format!("{} ×{}", e.relation, l.max(r)),
        _ => e.relation.to_string(),
    };
    let direction = if e.relation.is_symmetric() { ", dir=none" } else { "" };
    format!(
        "{} -> {} [label={}, color=\"{}\", fontcolor=\"{}\", style={}, arrowhead={}, penwidth={:.1}{direction}, tooltip={}]",
        quote_id(&e.source),
        quote_id(&e.target),
        quote_label(&label),
        c.line,
        c.text,
        s.style,
        s.arrowhead,
        penwidth(l.max(r)),
        quote_label(&format!("{} {} {}: {label}", e.source, e.relation, e.target)),
    )
}

/// One sample node per status that occurs, coloured as in the picture.
fn write_legend(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let d = &report.diff;
    let present: Vec<(Status, &str)> = STATUSES
        .into_iter()
        .filter(|(s, _)| d.nodes.iter().any(|n| node_status(n) == *s) || d.edges.iter().any(|e| e.status() == *s))
        .collect();
    if present.is_empty() {
        return Ok(());
    }
    let prefix = legend_prefix_avoiding(|p| d.nodes.iter().any(|n| n.id.starts_with(p)));
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    graph [label=\"Legend\", style=\"rounded,dashed\", color=\"#9E9E9E\", fontsize=10];"
    )?;
    for (status, name) in present {
        let c = colours(status);
        writeln!(
            out,
            "    {} [label=\"{name}\", shape=box, style=\"filled,rounded\", fillcolor=\"{}\", color=\"{}\", fontcolor=\"{}\", fontsize=9];",
            quote_id(&format!("{prefix}{name}")),
            c.fill,
            c.line,
            c.text,
        )?;
    }
    writeln!(out, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, ActorKind, Evidence, Relation, RelationKind};

    fn actor(id: &str, kind: ActorKind, mentions: usize) -> Actor {
        Actor {
            mentions,
            ..Actor::new(id, id, kind)
        }
    }

    fn relation(weight: usize) -> Relation {
        Relation {
            unkept: 0,
            source: "a".into(),
            target: "b".into(),
            kind: RelationKind::MetWith,
            evidence: (0..weight)
                .map(|i| Evidence {
                    document: "d".into(),
                    start: i,
                    end: i + 1,
                    sentence: "s".into(),
                    trigger: "t".into(),
                    source: None,
                    date: None,
                    cue: None,
                    content: None,
                })
                .collect(),
        }
    }

    fn edge(left: Option<usize>, right: Option<usize>) -> EdgeDiff {
        EdgeDiff {
            source: "a".into(),
            relation: RelationKind::MetWith,
            target: "b".into(),
            left: left.map(relation),
            right: right.map(relation),
        }
    }

    #[test]
    fn edges_are_coloured_and_labelled_by_status() {
        let cases = [
            (edge(None, Some(2)), "#2E7D32", "met-with ×2"),
            (edge(Some(1), None), "#C62828", "met-with"),
            (edge(Some(3), Some(7)), "#EF6C00", "met-with 3 -> 7"),
            (edge(Some(4), Some(4)), "#9E9E9E", "met-with ×4"),
        ];
        for (e, colour, label) in cases {
            let line = edge_statement(&e);
            assert!(line.contains(&format!("color=\"{colour}\"")), "{line}");
            assert!(line.contains(&format!("label=\"{label}\"")), "{line}");
            assert!(line.contains("dir=none"), "{line}");
        }
    }

    #[test]
    fn only_a_new_kind_or_name_turns_a_node_orange() {
        let node = |l: Actor, r: Actor| NodeDiff {
            id: "a".into(),
            left: Some(l),
            right: Some(r),
        };
        let more_mentions = node(actor("a", ActorKind::Leader, 1), actor("a", ActorKind::Leader, 9));
        assert_eq!(more_mentions.status(), Status::Changed);
        assert_eq!(node_status(&more_mentions), Status::Unchanged);
        let new_kind = node(actor("a", ActorKind::Analyst, 1), actor("a", ActorKind::Leader, 1));
        assert_eq!(node_status(&new_kind), Status::Changed);
        let line = node_statement(&new_kind);
        assert!(line.contains(r#"label="a\nanalyst -> leader""#), "{line}");
        assert!(line.contains("shape=box"), "{line}");
    }
}
