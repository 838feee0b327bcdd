//! GEXF 1.3, the format Gephi reads natively (networkx's `read_gexf` too): nodes with their
//! kind, aliases, mentions, degree, community and (documents) date and address as attributes
//! and their colour and size as `viz` data; edges with their relation, weight, colour,
//! thickness and evidence (a JSON array: sentence, document, offsets, trigger, date).
//!
//! When any evidence is dated the graph is dynamic (`timeformat="date"`): each edge has one
//! spell per day it was reported, each node the spells of its edges (a document, its own
//! day), so that Gephi's timeline plays the corpus. A partial day (`2024-05`) spans its month.
//!
//! Every edge is written directed, symmetric ones smaller id first with `symmetric` true:
//! GEXF can mark single edges undirected, but networkx refuses such mixed graphs and
//! `mutual` would make it count two edges.

use super::Exporter;
use super::style::{self, edge_width, node_size, rgb};
use super::xml;
use crate::graph::{Actor, Graph, Relation};
use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

pub struct Gexf;

impl Exporter for Gexf {
    fn extension(&self) -> &'static str {
        "gexf"
    }

    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let days = node_days(graph);
        let dynamic = graph.relations().any(|r| r.span().is_some()) || graph.actors().any(|a| a.date.is_some());
        write_header(graph, dynamic, out)?;
        let facts = super::Facts::of(graph);
        writeln!(out, "    <nodes>")?;
        for actor in graph.actors() {
            let id = actor.id.as_str();
            let about = NodeFacts {
                degree: facts.degree(id),
                community: facts.community(id),
                days: days.get(id),
            };
            write_node(actor, &about, out)?;
        }
        writeln!(out, "    </nodes>")?;
        writeln!(out, "    <edges>")?;
        for (i, relation) in graph.relations().enumerate() {
            write_edge(i, relation, out)?;
        }
        writeln!(out, "    </edges>")?;
        writeln!(out, "  </graph>")?;
        writeln!(out, "</gexf>")
    }
}

/// (id, type) of the node attributes, in the order written.
const NODE_ATTRIBUTES: [(&str, &str); 12] = [
    ("kind", "string"),
    ("aliases", "string"),
    ("mentions", "integer"),
    ("degree", "integer"),
    ("community", "integer"),
    ("documents", "string"),
    ("path", "string"),
    ("date", "string"),
    ("url", "string"),
    ("byline", "string"),
    ("first", "string"),
    ("last", "string"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 7] = [
    ("relation", "string"),
    ("symmetric", "boolean"),
    ("triggers", "string"),
    ("documents", "string"),
    ("first", "string"),
    ("last", "string"),
    ("evidence", "string"),
];

/// What a node's attributes need from the whole graph.
struct NodeFacts<'a> {
    degree: usize,
    community: usize,
    /// The days of the node's evidence, sorted.
    days: Option<&'a BTreeSet<&'a str>>,
}

/// The days each node was reported on: those of its edges' evidence, and a document's own.
fn node_days(graph: &Graph) -> HashMap<&str, BTreeSet<&str>> {
    let mut out: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for a in graph.actors() {
        if let Some(d) = a.date.as_deref() {
            out.entry(a.id.as_str()).or_default().insert(d);
        }
    }
    for r in graph.relations() {
        for d in r.evidence.iter().filter_map(|e| e.date.as_deref()) {
            for end in [r.source.as_str(), r.target.as_str()] {
                out.entry(end).or_default().insert(d);
            }
        }
    }
    out
}

/// `<spells>` for days: each day one spell, a partial day its whole month or year.
fn write_spells<'a>(days: impl IntoIterator<Item = &'a str>, out: &mut dyn Write) -> io::Result<()> {
    let days: Vec<&str> = days.into_iter().collect();
    if days.is_empty() {
        return Ok(());
    }
    writeln!(out, "        <spells>")?;
    for d in days {
        let (start, end) = bounds(d);
        writeln!(out, r#"          <spell start="{start}" end="{end}"/>"#)?;
    }
    writeln!(out, "        </spells>")
}

/// The first and last day of a day, a month (`2024-02`) or a year (`2024`).
fn bounds(d: &str) -> (String, String) {
    match d.len() {
        4 => (format!("{d}-01-01"), format!("{d}-12-31")),
        7 => {
            let year: u32 = d[..4].parse().unwrap_or(2000);
            let month: u32 = d[5..7].parse().unwrap_or(1);
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let last = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (format!("{d}-01"), format!("{d}-{last:02}"))
        }
        _ => (d.to_string(), d.to_string()),
    }
}

fn write_header(graph: &Graph, dynamic: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>{}</creator>", xml::text(crate::GENERATOR))?;
    writeln!(
        out,
        "    <description>actors and relations of {} documents</description>",
        graph.documents
    )?;
    writeln!(out, "  </meta>")?;
    if dynamic {
        writeln!(
            out,
            r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
        )?;
    } else {
        writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    }
    for (class, attributes) in [("node", &NODE_ATTRIBUTES[..]), ("edge", &EDGE_ATTRIBUTES[..])] {
        writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
        for (id, kind) in attributes {
            writeln!(out, r#"      <attribute id="{id}" title="{id}" type="{kind}"/>"#)?;
        }
        writeln!(out, "    </attributes>")?;
    }
    Ok(())
}

fn write_node(actor: &Actor, about: &NodeFacts<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = style::kind_style(actor.kind);
    writeln!(
        out,
        r#"      <node id="{}" label="{}">"#,
        xml::id(&actor.id),
        xml::text(&actor.label)
    )?;
    let mut values = vec![
        ("kind", actor.kind.to_string()),
        ("aliases", xml::list(&actor.aliases)),
        ("mentions", actor.mentions.to_string()),
        ("degree", about.degree.to_string()),
        ("community", about.community.to_string()),
        ("documents", xml::list(&actor.documents)),
    ];
    if let Some(path) = &actor.path {
        values.push(("path", path.to_string()));
    }
    if let Some(date) = &actor.date {
        values.push(("date", date.to_string()));
    }
    if let Some(url) = &actor.url {
        values.push(("url", url.clone()));
    }
    if let Some(byline) = &actor.byline {
        values.push(("byline", byline.clone()));
    }
    if let Some(days) = about.days {
        values.push(("first", days.first().map(|d| d.to_string()).unwrap_or_default()));
        values.push(("last", days.last().map(|d| d.to_string()).unwrap_or_default()));
    }
    write_attvalues(&values, out)?;
    write_spells(about.days.into_iter().flatten().copied(), out)?;
    write_color(s.fill, out)?;
    writeln!(out, r#"        <viz:size value="{}"/>"#, xml::number(node_size(actor)))?;
    writeln!(out, "      </node>")
}

fn write_edge(index: usize, relation: &Relation, out: &mut dyn Write) -> io::Result<()> {
    let s = style::relation_style(relation.kind);
    writeln!(
        out,
        r#"      <edge id="{index}" source="{}" target="{}" label="{}" weight="{}">"#,
        xml::id(&relation.source),
        xml::id(&relation.target),
        relation.kind,
        relation.weight()
    )?;
    let triggers: BTreeSet<&String> = relation.evidence.iter().map(|e| &e.trigger).collect();
    let documents: BTreeSet<&str> = relation.evidence.iter().map(|e| &*e.document).collect();
    let mut values = vec![
        ("relation", relation.kind.to_string()),
        ("symmetric", relation.kind.is_symmetric().to_string()),
        ("triggers", xml::list(triggers)),
        ("documents", xml::list(documents)),
    ];
    if let Some((first, last)) = relation.span() {
        values.push(("first", first.to_string()));
        values.push(("last", last.to_string()));
    }
    values.push(("evidence", super::evidence_json(relation)));
    write_attvalues(&values, out)?;
    let days: BTreeSet<&str> = relation.evidence.iter().filter_map(|e| e.date.as_deref()).collect();
    write_spells(days, out)?;
    write_color(s.color, out)?;
    writeln!(
        out,
        r#"        <viz:thickness value="{}"/>"#,
        xml::number(edge_width(relation.weight()))
    )?;
    writeln!(out, r#"        <viz:shape value="{}"/>"#, s.line.dash())?;
    writeln!(out, "      </edge>")
}

fn write_attvalues(values: &[(&str, String)], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "        <attvalues>")?;
    for (key, value) in values {
        writeln!(out, r#"          <attvalue for="{key}" value="{}"/>"#, xml::text(value))?;
    }
    writeln!(out, "        </attvalues>")
}

fn write_color(hex: &str, out: &mut dyn Write) -> io::Result<()> {
    let (r, g, b) = rgb(hex);
    writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>"#)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ActorKind, Evidence, RelationKind};

    fn actor(id: &str, label: &str, kind: ActorKind) -> Actor {
        Actor {
            aliases: ["Ms. B".to_string(), "B & co".to_string()].into(),
            mentions: 4,
            documents: ["d.txt"].into_iter().collect(),
            ..Actor::new(id, label, kind)
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
        Gexf.write(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn sample() -> Graph {
        let mut g = Graph::new();
        g.documents = 1;
        g.add_actor(actor("b", "B <Bee>", ActorKind::Leader));
        g.add_actor(actor("a", "A", ActorKind::Country));
        g.add_evidence("b", RelationKind::MetWith, "a", ev(0, "met"));
        g.add_evidence("a", RelationKind::MetWith, "b", ev(5, "talked"));
        g
    }

    #[test]
    fn nodes_carry_kind_colour_and_size() {
        let text = render(&sample());
        let b = &text[text.find(r#"<node id="b""#).unwrap()..];
        let b = &b[..b.find("</node>").unwrap()];
        assert!(b.starts_with(r#"<node id="b" label="B &lt;Bee&gt;">"#), "{b}");
        assert!(b.contains(r#"<attvalue for="kind" value="leader"/>"#), "{b}");
        assert!(
            b.contains(r#"<attvalue for="aliases" value="B &amp; co; Ms. B"/>"#),
            "{b}"
        );
        assert!(b.contains(r#"<viz:color r="255" g="213" b="79" a="1.0"/>"#), "{b}");
        assert!(b.contains(r#"<viz:size value="28.0"/>"#), "{b}");
        assert!(!b.contains(r#"for="path""#), "{b}");
    }

    #[test]
    fn symmetric_edges_are_written_once_with_their_weight() {
        let text = render(&sample());
        assert_eq!(text.matches("<edge ").count(), 1);
        assert!(
            text.contains(r#"<edge id="0" source="a" target="b" label="met-with" weight="2">"#),
            "{text}"
        );
        assert!(text.contains(r#"<attvalue for="symmetric" value="true"/>"#));
        assert!(text.contains(r#"<attvalue for="triggers" value="met; talked"/>"#));
        assert!(text.contains(r#"<viz:thickness value="2.0"/>"#));
        assert!(text.contains(r#"defaultedgetype="directed""#));
    }

    #[test]
    fn deterministic_and_complete_for_the_empty_graph() {
        let g = sample();
        assert_eq!(render(&g), render(&g.clone()));
        let empty = render(&Graph::new());
        assert!(
            empty.contains("<nodes>\n    </nodes>") && empty.ends_with("</gexf>\n"),
            "{empty}"
        );
    }
}
