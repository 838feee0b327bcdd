//! Exporters: one file per output format, all behind the `Exporter` trait, and the reader
//! that turns graphgen JSON back into a graph. `style` holds the look every drawn format
//! shares; `xml` the escaping GEXF and GraphML share.

pub mod csv;
mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod html;
mod json;
pub(crate) mod json_read;
pub mod quotes;
mod style;
pub mod text;
mod xml;

pub use cytoscape::Cytoscape;
pub use dot::Dot;
pub(crate) use dot::{FONT, kind_style, legend_prefix_avoiding, penwidth, quote_id, quote_label, relation_style};
pub use gexf::Gexf;
pub use graphml::GraphMl;
pub use html::Html;
pub use json::Json;
pub use json_read::{read_graph_json, read_graph_json_file};

use crate::graph::{Graph, Relation};
use std::collections::HashMap;
use std::io::{self, Write};

/// Writes a whole graph in one format.
pub trait Exporter {
    /// Conventional file extension, without the dot.
    fn extension(&self) -> &'static str;
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()>;
}

/// `base`, with `_` put in front until no actor id starts with it, so ids made with it (a
/// legend's, an edge's) never meet an actor's even in a graph read from a hand-edited file.
pub(crate) fn free_prefix(graph: &Graph, base: &str) -> String {
    let mut prefix = String::from(base);
    while graph.actors().any(|a| a.id.starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    prefix
}

/// What every format writes of a node beyond its own fields, computed once per export from
/// the whole graph: its degree, its community and the first and last day of its evidence.
pub(crate) struct Facts<'g> {
    degrees: HashMap<&'g str, usize>,
    communities: HashMap<&'g str, usize>,
    spans: HashMap<&'g str, (&'g str, &'g str)>,
}

impl<'g> Facts<'g> {
    pub(crate) fn of(graph: &'g Graph) -> Facts<'g> {
        // Three walks over the graph, independent of each other: on the current pool at once.
        let (degrees, (communities, spans)) = rayon::join(
            || graph.degrees(),
            || {
                rayon::join(
                    || crate::graph::community::communities(graph),
                    || crate::graph::time::node_spans(graph),
                )
            },
        );
        Facts {
            degrees,
            communities,
            spans,
        }
    }

    pub(crate) fn degree(&self, id: &str) -> usize {
        self.degrees.get(id).copied().unwrap_or(0)
    }

    pub(crate) fn community(&self, id: &str) -> usize {
        self.communities.get(id).copied().unwrap_or(0)
    }

    /// The first and last day of the node's dated evidence (a document: its date).
    pub(crate) fn span(&self, id: &str) -> Option<(&'g str, &'g str)> {
        self.spans.get(id).copied()
    }
}

/// An edge's evidence as a JSON array (document, start, end, trigger, sentence, date), for
/// formats whose attributes are strings (GEXF, GraphML).
pub(crate) fn evidence_json(relation: &Relation) -> String {
    let items: Vec<serde_json::Value> = relation
        .evidence
        .iter()
        .map(|e| {
            let mut v = serde_json::json!({
                "document": &*e.document,
                "start": e.start,
                "end": e.end,
                "trigger": e.trigger,
                "sentence": e.sentence,
            });
            if let Some(d) = e.date.as_deref() {
                v["date"] = d.into();
            }
            if let Some(c) = e.cue {
                v["cue"] = serde_json::json!({ "start": c.start, "end": c.end });
            }
            if let Some(q) = e.content {
                v["content"] = serde_json::json!({ "start": q.start, "end": q.end, "direct": q.direct });
            }
            v
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}
