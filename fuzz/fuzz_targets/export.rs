//! Every exporter on a graph built from arbitrary names, labels, aliases, paths and evidence.
//! Any panic is a bug; so is JSON (graph, Cytoscape.js, the HTML page's data) that does not
//! parse, DOT the strict reader refuses, or GEXF or GraphML that is not well-formed XML.

#![no_main]

use arbitrary::Arbitrary;
use graphgen::export::{Cytoscape, Dot, Exporter, Gexf, GraphMl, Html, Json, read_graph_json};
use graphgen::graph::{Actor, ActorKind, Evidence, Graph, RelationKind};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/dot_check.rs"]
#[allow(dead_code)]
mod dot_check;

#[derive(Debug, Arbitrary)]
struct Node {
    id: String,
    label: String,
    kind: u8,
    aliases: Vec<String>,
    documents: Vec<String>,
    path: Option<String>,
}

#[derive(Debug, Arbitrary)]
struct Edge {
    source: u8,
    target: u8,
    kind: u8,
    document: String,
    start: u16,
    end: u16,
    sentence: String,
    trigger: String,
}

#[derive(Debug, Arbitrary)]
struct Input {
    documents: u8,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

fn build(input: Input) -> Graph {
    let mut g = Graph::new();
    g.documents = usize::from(input.documents);
    let ids: Vec<String> = input.nodes.iter().map(|n| n.id.clone()).collect();
    for n in input.nodes {
        let kind = ActorKind::ALL[usize::from(n.kind) % ActorKind::ALL.len()];
        g.add_actor(Actor {
            aliases: n.aliases.into_iter().collect(),
            mentions: 1,
            documents: n.documents.into_iter().collect(),
            path: n.path.map(Into::into),
            ..Actor::new(n.id, n.label, kind)
        });
    }
    if ids.is_empty() {
        return g;
    }
    for e in input.edges {
        let source = &ids[usize::from(e.source) % ids.len()];
        let target = &ids[usize::from(e.target) % ids.len()];
        let kind = RelationKind::ALL[usize::from(e.kind) % RelationKind::ALL.len()];
        let evidence = Evidence {
            document: e.document.into(),
            start: usize::from(e.start.min(e.end)),
            end: usize::from(e.start.max(e.end)),
            sentence: e.sentence,
            trigger: e.trigger,
        };
        g.add_evidence(source, kind, target, evidence);
    }
    g
}

fn export(exporter: &dyn Exporter, g: &Graph) -> String {
    let mut out = Vec::new();
    exporter.write(g, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("every export is UTF-8")
}

fn check_json(g: &Graph) {
    let text = export(&Json, g);
    serde_json::from_str::<serde_json::Value>(&text).expect("graph JSON parses");
    let back = read_graph_json(&text).unwrap_or_else(|e| panic!("own JSON does not read back: {e}"));
    assert_eq!(back.actor_count(), g.actor_count());
    assert_eq!(back.relation_count(), g.relation_count());
    let cy = export(&Cytoscape, g);
    serde_json::from_str::<serde_json::Value>(&cy).expect("Cytoscape.js JSON parses");
}

fn check_html(g: &Graph) {
    let page = export(&Html, g);
    let open = "<script id=\"graph-data\" type=\"application/json\">";
    let start = page.find(open).expect("the page holds its data") + open.len();
    let len = page[start..].find("</script>").expect("the data's script ends");
    serde_json::from_str::<serde_json::Value>(&page[start..start + len])
        .expect("the page's data parses: no name ended its script early");
}

fn check_xml(g: &Graph) {
    for (name, exporter) in [("GEXF", &Gexf as &dyn Exporter), ("GraphML", &GraphMl)] {
        let text = export(exporter, g);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
        let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
        assert!(nodes >= g.actor_count(), "{name}: {nodes} nodes for {} actors", g.actor_count());
    }
}

fuzz_target!(|input: Input| {
    let g = build(input);
    check_json(&g);
    // The page carries all of Cytoscape.js: writing it is most of a run's time, so only the
    // inputs that ask for it (an odd document count) pay for it.
    if g.documents % 2 == 1 {
        check_html(&g);
    }
    check_xml(&g);
    let dot = export(&Dot, &g);
    dot_check::parse(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{dot}"));
});
