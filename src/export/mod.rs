//! Exporters: one file per output format, all behind the `Exporter` trait, and the reader
//! that turns graphgen JSON back into a graph. `style` holds the look every drawn format
//! shares; `xml` the escaping GEXF and GraphML share.

mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod html;
mod json;
pub(crate) mod json_read;
mod style;
mod xml;

pub use cytoscape::Cytoscape;
pub use dot::Dot;
pub(crate) use dot::{FONT, kind_style, legend_prefix_avoiding, penwidth, quote_id, quote_label, relation_style};
pub use gexf::Gexf;
pub use graphml::GraphMl;
pub use html::Html;
pub use json::Json;
pub use json_read::{read_graph_json, read_graph_json_file};

use crate::graph::Graph;
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
