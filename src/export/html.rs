//! One self-contained HTML page that draws the graph in any browser, offline: the vendored
//! Cytoscape.js library, the page's own script and style (resources/html/), and the graph
//! as JSON data, all inline. A content security policy forbids every request, so the page
//! provably needs no network.

use super::Exporter;
use super::cytoscape::{self, Document};
use super::style;
use crate::graph::{ActorKind, Graph, RelationKind};
use serde::Serialize;
use std::io::{self, Write};

pub struct Html;

impl Exporter for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let page = fill(PAGE, |name| match name {
            "title" => Some(escape_html(&title(graph))),
            "generator" => Some(escape_html(crate::GENERATOR)),
            "style" => Some(VIEW_CSS.to_string()),
            "data" => Some(script_json(&page_data(graph))),
            "cytoscape" => Some(CYTOSCAPE_JS.to_string()),
            "script" => Some(VIEW_JS.to_string()),
            _ => None,
        });
        out.write_all(page.as_bytes())
    }
}

const PAGE: &str = include_str!("../../resources/html/page.html");
const VIEW_CSS: &str = include_str!("../../resources/html/view.css");
const VIEW_JS: &str = include_str!("../../resources/html/view.js");
/// Cytoscape.js, MIT licence; see resources/README.md for where it came from.
const CYTOSCAPE_JS: &str = include_str!("../../resources/vendor/cytoscape-3.34.4.min.js");

/// What the page's script reads: the legend of every kind and relation, and the graph in
/// the Cytoscape.js form the `.cyjs` export writes.
#[derive(Debug, Serialize)]
struct PageData<'a> {
    kinds: Vec<KindLegend>,
    relations: Vec<RelationLegend>,
    graph: Document<'a>,
}

#[derive(Debug, Serialize)]
struct KindLegend {
    kind: &'static str,
    color: &'static str,
    border: &'static str,
    shape: &'static str,
}

#[derive(Debug, Serialize)]
struct RelationLegend {
    relation: &'static str,
    color: &'static str,
    line_style: &'static str,
    symmetric: bool,
}

fn page_data(graph: &Graph) -> PageData<'_> {
    PageData {
        kinds: ActorKind::ALL
            .iter()
            .map(|&k| {
                let s = style::kind_style(k);
                KindLegend {
                    kind: k.as_str(),
                    color: s.fill,
                    border: s.border,
                    shape: s.shape.cytoscape(),
                }
            })
            .collect(),
        relations: RelationKind::ALL
            .iter()
            .map(|&r| {
                let s = style::relation_style(r);
                RelationLegend {
                    relation: r.as_str(),
                    color: s.color,
                    line_style: s.line.dash(),
                    symmetric: r.is_symmetric(),
                }
            })
            .collect(),
        graph: cytoscape::document(graph),
    }
}

fn title(graph: &Graph) -> String {
    let actors = graph.actors().filter(|a| a.kind != ActorKind::Document).count();
    format!(
        "{} actors, {} relations, {} documents",
        actors,
        graph.relation_count(),
        graph.documents
    )
}

/// JSON safe inside `<script>`: `<` occurs in JSON only inside strings, where `\u003c` reads
/// the same, so no `</script` or `<!--` can end or derail the element whatever the names are.
fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("page data has string keys only");
    json.replace('<', "\\u003c")
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces every `{{name}}` in `template` by `value(name)`, in one pass so that inserted
/// text is never scanned again. An unknown name is a bug in the template.
fn fill(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + CYTOSCAPE_JS.len() + 4096);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}").expect("template markers are closed");
        let name = &after[..close];
        out.push_str(&value(name).unwrap_or_else(|| panic!("unknown template marker {{{{{name}}}}}")));
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, Evidence};

    fn actor(id: &str, label: &str, kind: ActorKind) -> Actor {
        Actor {
            mentions: 1,
            ..Actor::new(id, label, kind)
        }
    }

    fn render(g: &Graph) -> String {
        let mut out = Vec::new();
        Html.write(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
        let from = text.find(start).unwrap() + start.len();
        &text[from..from + text[from..].find(end).unwrap()]
    }

    #[test]
    fn inline_code_cannot_end_its_element_early() {
        for (name, code, closer) in [
            ("cytoscape", CYTOSCAPE_JS, "</script"),
            ("view.js", VIEW_JS, "</script"),
            ("view.css", VIEW_CSS, "</style"),
        ] {
            let lower = code.to_ascii_lowercase();
            assert!(
                !lower.contains(closer) && !lower.contains("<!--"),
                "{name} contains {closer} or <!--"
            );
        }
    }

    #[test]
    fn every_marker_is_filled() {
        let mut names = Vec::new();
        fill(PAGE, |name| {
            names.push(name.to_string());
            Some(String::new())
        });
        names.sort();
        names.dedup();
        assert_eq!(names, ["cytoscape", "data", "generator", "script", "style", "title"]);
        let text = render(&Graph::new());
        assert!(text.starts_with("<!DOCTYPE html>"));
        assert!(text.contains("<title>0 actors, 0 relations, 0 documents</title>"));
        assert!(text.contains(&format!("<meta name=\"generator\" content=\"{}\">", crate::GENERATOR)));
    }

    #[test]
    fn hostile_names_stay_data() {
        let mut g = Graph::new();
        let evil = "</script><script>alert(1)</script><!-- \u{2028}\"&";
        g.add_actor(actor("evil", evil, ActorKind::Person));
        g.add_actor(actor("b", "B", ActorKind::Person));
        let ev = Evidence {
            document: "</SCRIPT>.txt".into(),
            start: 0,
            end: 1,
            sentence: evil.into(),
            trigger: "met".into(),
            source: None,
            date: None,
            cue: None,
            content: None,
        };
        g.add_evidence("evil", RelationKind::MetWith, "b", ev);
        let text = render(&g);
        let data = between(
            &text,
            "<script id=\"graph-data\" type=\"application/json\">",
            "</script>",
        );
        assert!(!data.contains('<'), "{data}");
        let v: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(v["graph"]["elements"]["nodes"][1]["data"]["label"], evil);
        assert_eq!(
            v["graph"]["elements"]["edges"][0]["data"]["evidence_document"][0],
            "</SCRIPT>.txt"
        );
        assert_eq!(text.matches("<script").count(), 3, "data, library, view");
    }

    #[test]
    fn legend_lists_every_kind_and_relation() {
        let text = render(&Graph::new());
        let data = between(&text, "type=\"application/json\">", "</script>");
        let v: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(v["kinds"].as_array().unwrap().len(), ActorKind::ALL.len());
        assert_eq!(v["relations"][1]["relation"], "quoted-in");
        assert_eq!(v["relations"][1]["line_style"], "dashed");
    }

    #[test]
    fn filling_is_one_pass() {
        let filled = fill("a{{x}}b{{y}}c", |n| {
            Some(if n == "x" { "{{y}}".into() } else { "Y".into() })
        });
        assert_eq!(filled, "a{{y}}bYc");
    }

    #[test]
    fn deterministic() {
        let mut g = Graph::new();
        g.add_actor(actor("a", "A", ActorKind::Country));
        assert_eq!(render(&g), render(&g.clone()));
    }
}
