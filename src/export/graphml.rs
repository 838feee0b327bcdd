//! GraphML that yEd draws and networkx reads: plain `data` keys (label, kind, aliases,
//! mentions, degree, community, documents, path, date, url, first, last; relation, weight,
//! symmetric, triggers, first, last, evidence as a JSON array) for every tool, and
//! yEd's own node and edge graphics (shape, fill, border, label; line colour, width, arrow)
//! so the file opens styled. Nodes start on a circle; yEd's layouts take it from there.

use super::Exporter;
use super::style::{self, Arrow, edge_width, node_size};
use super::xml;
use crate::graph::{Actor, Graph, Relation};
use std::collections::BTreeSet;
use std::f64::consts::TAU;
use std::io::{self, Write};

pub struct GraphMl;

impl Exporter for GraphMl {
    fn extension(&self) -> &'static str {
        "graphml"
    }

    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        write_header(out)?;
        writeln!(out, r#"  <graph id="G" edgedefault="directed">"#)?;
        writeln!(
            out,
            r#"    <data key="generator">{}</data>"#,
            xml::text(crate::GENERATOR)
        )?;
        writeln!(out, r#"    <data key="documents">{}</data>"#, graph.documents)?;
        let n = graph.actor_count();
        let facts = super::Facts::of(graph);
        for (i, actor) in graph.actors().enumerate() {
            write_node(actor, &facts, circle_position(i, n), out)?;
        }
        for (i, relation) in graph.relations().enumerate() {
            write_edge(i, relation, out)?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }
}

/// (id, for, type) of the plain keys; the id is also the name tools show.
const KEYS: [(&str, &str, &str); 22] = [
    ("generator", "graph", "string"),
    ("documents", "graph", "int"),
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("aliases", "node", "string"),
    ("mentions", "node", "int"),
    ("degree", "node", "int"),
    ("community", "node", "int"),
    ("node_documents", "node", "string"),
    ("path", "node", "string"),
    ("date", "node", "string"),
    ("url", "node", "string"),
    ("byline", "node", "string"),
    ("node_first", "node", "string"),
    ("node_last", "node", "string"),
    ("relation", "edge", "string"),
    ("weight", "edge", "int"),
    ("symmetric", "edge", "boolean"),
    ("triggers", "edge", "string"),
    ("edge_first", "edge", "string"),
    ("edge_last", "edge", "string"),
    ("evidence", "edge", "string"),
];

fn write_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">"#
    )?;
    writeln!(out, r#"  <key id="ng" for="node" yfiles.type="nodegraphics"/>"#)?;
    writeln!(out, r#"  <key id="eg" for="edge" yfiles.type="edgegraphics"/>"#)?;
    for (id, target, kind) in KEYS {
        // Node and edge keys may share a name; GraphML key ids are global.
        let name = id
            .strip_prefix("node_")
            .or_else(|| id.strip_prefix("edge_"))
            .unwrap_or(id);
        writeln!(
            out,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{kind}"/>"#
        )?;
    }
    Ok(())
}

/// Where node `i` of `n` starts: evenly on a circle wide enough for every node to have room.
fn circle_position(i: usize, n: usize) -> (f64, f64) {
    let radius = (n as f64 * 80.0 / TAU).max(150.0);
    let angle = TAU * i as f64 / n.max(1) as f64;
    (radius * angle.cos(), radius * angle.sin())
}

/// Wide enough for the label in yEd's default 12-point font.
fn node_width(actor: &Actor) -> f64 {
    (actor.label.chars().count() as f64 * 7.0 + 16.0).max(node_size(actor))
}

fn write_node(actor: &Actor, facts: &super::Facts<'_>, (x, y): (f64, f64), out: &mut dyn Write) -> io::Result<()> {
    let s = style::kind_style(actor.kind);
    let label = xml::text(&actor.label);
    writeln!(out, r#"    <node id="{}">"#, xml::id(&actor.id))?;
    // Graphics first: networkx takes a yEd label as `label`, and the plain key written after
    // it then has the last word (an empty label stays "" rather than becoming None).
    writeln!(
        out,
        r##"      <data key="ng"><y:ShapeNode><y:Geometry height="{}" width="{}" x="{}" y="{}"/><y:Fill color="{}" transparent="false"/><y:BorderStyle color="{}" type="line" width="{}"/><y:NodeLabel>{label}</y:NodeLabel><y:Shape type="{}"/></y:ShapeNode></data>"##,
        xml::number(node_size(actor)),
        xml::number(node_width(actor)),
        xml::number(x),
        xml::number(y),
        s.fill,
        s.border,
        if s.bold { "2.0" } else { "1.0" },
        s.shape.yed(),
    )?;
    write_data("label", &actor.label, out)?;
    write_data("kind", actor.kind.as_str(), out)?;
    write_data("aliases", &xml::list(&actor.aliases), out)?;
    write_data("mentions", &actor.mentions.to_string(), out)?;
    write_data("degree", &facts.degree(&actor.id).to_string(), out)?;
    write_data("community", &facts.community(&actor.id).to_string(), out)?;
    write_data("node_documents", &xml::list(&actor.documents), out)?;
    if let Some(path) = &actor.path {
        write_data("path", path, out)?;
    }
    if let Some(date) = &actor.date {
        write_data("date", date, out)?;
    }
    if let Some(url) = &actor.url {
        write_data("url", url, out)?;
    }
    if let Some(byline) = &actor.byline {
        write_data("byline", byline, out)?;
    }
    if let Some((first, last)) = facts.span(&actor.id) {
        write_data("node_first", first, out)?;
        write_data("node_last", last, out)?;
    }
    writeln!(out, "    </node>")
}

fn write_edge(index: usize, relation: &Relation, out: &mut dyn Write) -> io::Result<()> {
    let s = style::relation_style(relation.kind);
    let target_arrow = if relation.kind.is_symmetric() {
        "none"
    } else {
        match s.arrow {
            Arrow::Normal => "standard",
            Arrow::Vee => "plain",
            Arrow::Empty => "white_delta",
        }
    };
    writeln!(
        out,
        r#"    <edge id="e{index}" source="{}" target="{}">"#,
        xml::id(&relation.source),
        xml::id(&relation.target)
    )?;
    writeln!(
        out,
        r#"      <data key="eg"><y:PolyLineEdge><y:LineStyle color="{}" type="{}" width="{}"/><y:Arrows source="none" target="{target_arrow}"/><y:EdgeLabel>{}</y:EdgeLabel></y:PolyLineEdge></data>"#,
        s.color,
        if s.line.dash() == "dashed" { "dashed" } else { "line" },
        xml::number(edge_width(relation.weight())),
        relation.kind,
    )?;
    write_data("relation", relation.kind.as_str(), out)?;
    write_data("weight", &relation.weight().to_string(), out)?;
    write_data("symmetric", &relation.kind.is_symmetric().to_string(), out)?;
    let triggers: BTreeSet<&String> = relation.evidence.iter().map(|e| &e.trigger).collect();
    write_data("triggers", &xml::list(triggers), out)?;
    if let Some((first, last)) = relation.span() {
        write_data("edge_first", first, out)?;
        write_data("edge_last", last, out)?;
    }
    write_data("evidence", &super::evidence_json(relation), out)?;
    writeln!(out, "    </edge>")
}

fn write_data(key: &str, value: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"      <data key="{key}">{}</data>"#, xml::text(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ActorKind, Evidence, RelationKind};

    fn actor(id: &str, label: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 1,
            path: (kind == ActorKind::Document).then(|| "news/d.txt".into()),
            ..Actor::new(id, label, kind)
        }
    }

    fn render(g: &Graph) -> String {
        let mut out = Vec::new();
        GraphMl.write(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn sample() -> Graph {
        let mut g = Graph::new();
        g.add_actor(actor("x", "X \"the\" <one>", ActorKind::Analyst));
        g.add_actor(actor("doc:d", "D", ActorKind::Document));
        let ev = Evidence {
            document: "news/d.txt".into(),
            start: 0,
            end: 3,
            sentence: "s".into(),
            trigger: "said".into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        };
        g.add_evidence("x", RelationKind::QuotedIn, "doc:d", ev);
        g
    }

    #[test]
    fn nodes_have_plain_keys_and_yed_graphics() {
        let text = render(&sample());
        assert!(text.contains(r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#));
        assert!(text.contains(r#"<key id="node_documents" for="node" attr.name="documents""#));
        assert!(
            text.contains(r#"<data key="label">X &quot;the&quot; &lt;one&gt;</data>"#),
            "{text}"
        );
        assert!(text.contains(r##"<y:Fill color="#90CAF9" transparent="false"/>"##));
        assert!(text.contains(r#"<y:Shape type="ellipse"/>"#));
        assert!(text.contains(r#"<data key="path">news/d.txt</data>"#));
        assert_eq!(text.matches(r#"<data key="path">"#).count(), 1);
    }

    #[test]
    fn edges_have_relation_weight_and_arrow() {
        let text = render(&sample());
        assert!(text.contains(r#"<edge id="e0" source="x" target="doc:d">"#), "{text}");
        assert!(text.contains(r#"<data key="relation">quoted-in</data>"#));
        assert!(text.contains(r#"<data key="weight">1</data>"#));
        assert!(
            text.contains(r#"type="dashed" width="1.0"/><y:Arrows source="none" target="plain"/>"#),
            "{text}"
        );
    }

    #[test]
    fn circle_positions_are_distinct_and_centred() {
        let points: Vec<(f64, f64)> = (0..8).map(|i| circle_position(i, 8)).collect();
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) > 50.0, "{a:?} {b:?}");
            }
        }
        let (sx, sy) = points.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        assert!(sx.abs() < 1e-6 && sy.abs() < 1e-6);
        assert_eq!(circle_position(0, 0), (150.0, 0.0));
    }
}
