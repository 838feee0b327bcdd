//! GraphViz DOT: one styled node per actor, one edge per relation, and a legend.
//!
//! Every id and label is quoted (see `escape`), so the output is valid DOT whatever the
//! names are. Colours are light fills with dark text so labels stay readable, and each kind
//! differs in shape as well as colour, for readers who cannot tell the colours apart.

mod escape;

use super::style::{self, Arrow, Line, Shape};
use super::{Exporter, free_prefix};
use crate::graph::{Actor, ActorKind, Graph, Relation, RelationKind};
pub(crate) use escape::{quote_id, quote_label};
use std::collections::BTreeSet;
use std::io::{self, Write};

pub struct Dot;

impl Exporter for Dot {
    fn extension(&self) -> &'static str {
        "dot"
    }

    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let large = graph.actor_count() > FORCE_LAYOUT_ABOVE;
        writeln!(out, "digraph graphgen {{")?;
        write_defaults(graph, large, out)?;
        if large {
            write_legend_table(graph, out)?;
        } else {
            write_legend(graph, out)?;
        }
        let facts = super::Facts::of(graph);
        for actor in graph.actors() {
            writeln!(out, "  {};", node_statement(actor, facts.community(&actor.id)))?;
        }
        for relation in graph.relations() {
            writeln!(out, "  {};", edge_statement(relation, large))?;
        }
        writeln!(out, "}}")
    }
}

/// Above this many nodes the picture is laid out by force (`sfdp`) rather than in ranks: `dot`
/// lines a corpus up as one tall column (2,832 x 7,096 px for 127 actors). Edges then carry
/// only their weight, and the legend is one table, which a force layout keeps in one piece.
const FORCE_LAYOUT_ABOVE: usize = 40;

pub(crate) const FONT: &str = "\"Helvetica,Arial,sans-serif\"";
/// At most this many distinct triggers in an edge's tooltip.
const TOOLTIP_TRIGGERS: usize = 5;

/// DOT's words for the shared look of a kind: shape and style.
pub(crate) struct DotKind {
    pub(crate) shape: &'static str,
    pub(crate) style: String,
    pub(crate) fill: &'static str,
    pub(crate) border: &'static str,
}

pub(crate) fn kind_style(kind: ActorKind) -> DotKind {
    let s = style::kind_style(kind);
    let (shape, rounded) = match s.shape {
        Shape::RoundRect => ("box", true),
        Shape::Ellipse => ("ellipse", false),
        Shape::Rect => ("box", false),
        Shape::Tab => ("tab", false),
        Shape::Hexagon => ("hexagon", false),
        Shape::Note => ("note", false),
    };
    let mut dot_style = String::from("filled");
    if rounded {
        dot_style.push_str(",rounded");
    }
    if s.bold {
        dot_style.push_str(",bold");
    }
    DotKind {
        shape,
        style: dot_style,
        fill: s.fill,
        border: s.border,
    }
}

/// DOT's words for the shared look of a relation.
pub(crate) struct DotRelation {
    pub(crate) color: &'static str,
    pub(crate) style: &'static str,
    pub(crate) arrowhead: &'static str,
}

pub(crate) fn relation_style(kind: RelationKind) -> DotRelation {
    let s = style::relation_style(kind);
    DotRelation {
        color: s.color,
        style: match s.line {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
            Line::Bold => "bold",
        },
        arrowhead: match s.arrow {
            Arrow::Normal => "normal",
            Arrow::Vee => "vee",
            Arrow::Empty => "empty",
        },
    }
}

fn write_defaults(graph: &Graph, large: bool, out: &mut dyn Write) -> io::Result<()> {
    let title = format!("{}, {}", crate::GENERATOR, counted(graph.documents, "document"));
    let layout = if large {
        "layout=sfdp, overlap=prism, overlap_scaling=-6, sep=\"+8\", splines=true, outputorder=edgesfirst"
    } else {
        "rankdir=LR, overlap=false, splines=true, nodesep=0.3, ranksep=0.8"
    };
    writeln!(
        out,
        "  graph [charset=\"UTF-8\", fontname={FONT}, label={}, labelloc=t, fontsize=12, {layout}];",
        quote_label(&title)
    )?;
    writeln!(
        out,
        "  node [fontname={FONT}, fontsize=11, fontcolor=\"#212121\", penwidth=1.2];"
    )?;
    writeln!(out, "  edge [fontname={FONT}, fontsize=9, arrowsize=0.7];")
}

fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn node_statement(actor: &Actor, community: usize) -> String {
    let s = kind_style(actor.kind);
    format!(
        "{} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\", tooltip={}]",
        quote_id(&actor.id),
        quote_label(&actor.label),
        s.shape,
        s.style,
        s.fill,
        s.border,
        quote_label(&node_tooltip(actor, community)),
    )
}

fn node_tooltip(actor: &Actor, community: usize) -> String {
    let mut tip = format!(
        "{} ({}, {}, community {community})",
        actor.label,
        actor.kind,
        counted(actor.mentions, "mention")
    );
    if !actor.aliases.is_empty() {
        let aliases: Vec<&str> = actor.aliases.iter().map(String::as_str).collect();
        tip.push_str("\nalso: ");
        tip.push_str(&aliases.join(", "));
    }
    tip
}

fn edge_statement(relation: &Relation, large: bool) -> String {
    let s = relation_style(relation.kind);
    let weight = relation.weight();
    let label = match (large, weight > 1) {
        (false, true) => format!("{} ×{weight}", relation.kind),
        (false, false) => relation.kind.to_string(),
        (true, true) => format!("×{weight}"),
        (true, false) => String::new(),
    };
    let direction = if relation.kind.is_symmetric() { ", dir=none" } else { "" };
    format!(
        "{} -> {} [label={}, color=\"{}\", fontcolor=\"{}\", style={}, arrowhead={}, penwidth={:.1}{direction}, tooltip={}]",
        quote_id(&relation.source),
        quote_id(&relation.target),
        quote_label(&label),
        s.color,
        s.color,
        s.style,
        s.arrowhead,
        style::edge_width(weight),
        quote_label(&edge_tooltip(relation)),
    )
}

fn edge_tooltip(relation: &Relation) -> String {
    let mut seen = BTreeSet::new();
    let triggers: Vec<&str> = relation
        .evidence
        .iter()
        .map(|e| e.trigger.as_str())
        .filter(|t| seen.insert(*t))
        .take(TOOLTIP_TRIGGERS)
        .collect();
    format!(
        "{} {} {}: {}",
        relation.source,
        relation.kind,
        relation.target,
        triggers.join("; ")
    )
}

/// Legend node ids start with a prefix no actor id starts with, so they can never merge
/// with a real node even in a graph read from a hand-edited file.
fn legend_prefix(graph: &Graph) -> String {
    free_prefix(graph, "legend:")
}

/// Lists the kinds and relations that occur in the graph, each drawn as it is drawn there.
fn write_legend(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let kinds: BTreeSet<ActorKind> = graph.actors().map(|a| a.kind).collect();
    let relations: BTreeSet<RelationKind> = graph.relations().map(|r| r.kind).collect();
    if kinds.is_empty() {
        return Ok(());
    }
    let prefix = legend_prefix(graph);
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    graph [label=\"Legend\", style=\"rounded,dashed\", color=\"#9E9E9E\", fontsize=10];"
    )?;
    for kind in kinds {
        let s = kind_style(kind);
        writeln!(
            out,
            "    {} [label=\"{kind}\", shape={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\", fontsize=9];",
            quote_id(&format!("{prefix}{kind}")),
            s.shape,
            s.style,
            s.fill,
            s.border,
        )?;
    }
    for relation in relations {
        let s = relation_style(relation);
        let (from, to) = (
            quote_id(&format!("{prefix}{relation}:from")),
            quote_id(&format!("{prefix}{relation}:to")),
        );
        writeln!(
            out,
            "    {from} [label=\"\", shape=point, width=0.05, color=\"{}\"];",
            s.color
        )?;
        writeln!(
            out,
            "    {to} [label=\"\", shape=point, width=0.05, color=\"{}\"];",
            s.color
        )?;
        let direction = if relation.is_symmetric() { ", dir=none" } else { "" };
        writeln!(
            out,
            // A heavy weight keeps each sample edge level instead of slanting across the legend.
            "    {from} -> {to} [label=\"{relation}\", color=\"{}\", fontcolor=\"{}\", style={}, arrowhead={}, weight=100{direction}];",
            s.color, s.color, s.style, s.arrowhead,
        )?;
    }
    writeln!(out, "  }}")
}

/// The legend of a force-laid picture: one node holding a table of the kinds (their colours)
/// and relations (their colours and line styles) that occur.
fn write_legend_table(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let kinds: BTreeSet<ActorKind> = graph.actors().map(|a| a.kind).collect();
    let relations: BTreeSet<RelationKind> = graph.relations().map(|r| r.kind).collect();
    let mut rows = String::from(r#"<tr><td colspan="2"><b>Legend</b></td></tr>"#);
    for kind in kinds {
        let s = kind_style(kind);
        rows.push_str(&format!(
            r#"<tr><td bgcolor="{}" color="{}" width="16"></td><td align="left">{kind}</td></tr>"#,
            s.fill, s.border
        ));
    }
    for relation in relations {
        let s = relation_style(relation);
        let line = if s.style == "dashed" { "- - -" } else { "———" };
        rows.push_str(&format!(
            r#"<tr><td><font color="{0}">{line}</font></td><td align="left"><font color="{0}">{relation}</font></td></tr>"#,
            s.color
        ));
    }
    writeln!(
        out,
        r##"  {} [shape=plain, fontsize=10, label=<<table border="1" cellborder="0" cellspacing="2" cellpadding="2" color="#9E9E9E">{rows}</table>>];"##,
        quote_id(&format!("{}table", legend_prefix(graph)))
    )
}

/// Edge width for a weight, as every exporter draws it.
pub(crate) fn penwidth(weight: usize) -> f64 {
    style::edge_width(weight)
}

/// The shortest `_..._legend:` for which `taken` (does a node id start with it?) is false.
pub(crate) fn legend_prefix_avoiding(taken: impl Fn(&str) -> bool) -> String {
    let mut prefix = String::from("legend:");
    while taken(&prefix) {
        prefix.insert(0, '_');
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 1,
            ..Actor::new(id, id, kind)
        }
    }

    fn ev(start: usize, trigger: &str) -> Evidence {
        Evidence {
            document: "d.txt".into(),
            start,
            end: start + 1,
            sentence: "s".into(),
            trigger: trigger.into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        }
    }

    fn render(g: &Graph) -> String {
        let mut out = Vec::new();
        Dot.write(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn kinds_keep_their_graphviz_look() {
        let cases = [
            (ActorKind::Leader, "box", "filled,rounded,bold"),
            (ActorKind::Institute, "box", "filled"),
            (ActorKind::Outlet, "tab", "filled"),
            (ActorKind::Document, "note", "filled"),
        ];
        for (kind, shape, style) in cases {
            let s = kind_style(kind);
            assert_eq!((s.shape, s.style.as_str()), (shape, style), "{kind}");
        }
        let r = relation_style(RelationKind::QuotedIn);
        assert_eq!((r.style, r.arrowhead), ("dashed", "vee"));
    }

    #[test]
    fn edges_show_relation_weight_and_symmetry() {
        let mut g = Graph::new();
        g.add_actor(actor("a", ActorKind::Leader));
        g.add_actor(actor("b", ActorKind::Leader));
        g.add_actor(actor("c", ActorKind::Institute));
        g.add_evidence("a", RelationKind::MetWith, "b", ev(0, "met"));
        g.add_evidence("b", RelationKind::MetWith, "a", ev(9, "talked with"));
        g.add_evidence("a", RelationKind::AffiliatedTo, "c", ev(0, "head of"));
        let text = render(&g);
        let met = text.lines().find(|l| l.starts_with("  \"a\" -> \"b\"")).unwrap();
        assert!(met.contains("label=\"met-with ×2\""), "{met}");
        assert!(met.contains("dir=none"), "{met}");
        assert!(met.contains("tooltip=\"a met-with b: met; talked with\""), "{met}");
        let aff = text.lines().find(|l| l.starts_with("  \"a\" -> \"c\"")).unwrap();
        assert!(aff.contains("label=\"affiliated-to\","), "{aff}");
        assert!(!aff.contains("dir=none"), "{aff}");
        assert!(aff.contains("penwidth=1.0"), "{aff}");
    }

    #[test]
    fn legend_lists_present_kinds_and_relations_only() {
        let mut g = Graph::new();
        g.add_actor(actor("a", ActorKind::Country));
        g.add_actor(actor("b", ActorKind::Country));
        g.add_evidence("a", RelationKind::AlliedWith, "b", ev(0, "ally"));
        let text = render(&g);
        assert!(text.contains("\"legend:country\" [label=\"country\""));
        assert!(text.contains("\"legend:allied-with:from\" -> \"legend:allied-with:to\""));
        assert!(!text.contains("legend:leader"));
        assert!(!text.contains("legend:met-with"));
        assert!(!render(&Graph::new()).contains("cluster_legend"));
    }

    #[test]
    fn legend_ids_dodge_actor_ids() {
        let mut g = Graph::new();
        g.add_actor(actor("legend:leader", ActorKind::Leader));
        g.add_actor(actor("_legend:x", ActorKind::Person));
        assert_eq!(legend_prefix(&g), "__legend:");
        assert!(render(&g).contains("\"__legend:leader\" [label=\"leader\""));
    }

    #[test]
    fn output_is_deterministic() {
        let mut g = Graph::new();
        for (id, kind) in [
            ("z", ActorKind::Outlet),
            ("m", ActorKind::Analyst),
            ("a", ActorKind::Person),
        ] {
            g.add_actor(actor(id, kind));
        }
        g.add_evidence("m", RelationKind::AffiliatedTo, "z", ev(1, "of"));
        assert_eq!(render(&g), render(&g.clone()));
        let text = render(&g);
        let order: Vec<usize> = ["\"a\" [", "\"m\" [", "\"z\" ["]
            .iter()
            .map(|n| text.find(n).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "nodes not in id order:\n{text}");
    }
}
