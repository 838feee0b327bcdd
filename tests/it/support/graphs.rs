//! Graphs built by hand for the exporter tests: names invented, or chosen to break writers.

use graphgen::graph::{Actor, ActorKind, Evidence, Graph, RelationKind};

pub fn actor(id: &str, label: &str, kind: ActorKind, aliases: &[&str], docs: &[&str]) -> Actor {
    Actor {
        id: id.into(),
        label: label.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        mentions: aliases.len() + 1,
        documents: docs.iter().map(|s| s.to_string()).collect(),
        path: (kind == ActorKind::Document).then(|| docs.first().map_or("".into(), |d| (*d).into())),
        quoted_in: Default::default(),
        country: None,
        role: None,
        cameo: None,
        date: None,
        url: None,
        byline: None,
    }
}

pub fn ev(doc: &str, start: usize, sentence: &str, trigger: &str) -> Evidence {
    Evidence {
        document: doc.into(),
        start,
        end: start + sentence.len(),
        sentence: sentence.into(),
        trigger: trigger.into(),
        source: None,
        date: None,
        cue: None,
        content: None,
    }
}

/// Names chosen to break naive writers of DOT, XML and HTML.
pub const HOSTILE: [&str; 17] = [
    "node",
    "edge",
    "graph",
    "strict",
    "subgraph",
    "cluster_legend",
    "legend:leader",
    "say \"hi\"",
    "trailing\\",
    "\\N\\G\\l",
    "two\nlines\r\nthree\rfour",
    "tab\tand\u{0}nul\u{7}bell\u{1b}esc",
    "<b>AT&T</b> &amp;",
    "</script><!-- 'x' ]]>",
    "שלום \u{202e}reversed\u{202c}",
    "e\u{301}\u{308} \u{fe0f}\u{200d}",
    "",
];

pub fn hostile_graph() -> Graph {
    let mut g = Graph::new();
    for (i, name) in HOSTILE.iter().enumerate() {
        let kind = ActorKind::ALL[i % ActorKind::ALL.len()];
        g.add_actor(actor(name, name, kind, &[name, "alias \"x\""], &["d\\.txt"]));
    }
    for (i, pair) in HOSTILE.windows(2).enumerate() {
        let relation = RelationKind::ALL[i % RelationKind::ALL.len()];
        for n in 0..=i % 3 {
            g.add_evidence(pair[0], relation, pair[1], ev("d\\.txt", n, pair[0], pair[1]));
        }
    }
    g
}
