//! Exporters: one file per output format, all behind the `Exporter` trait, and the reader
//! that turns graphgen JSON back into a graph.

mod dot;
mod json;
mod json_read;

pub use dot::Dot;
pub(crate) use dot::{FONT, kind_style, legend_prefix_avoiding, penwidth, quote_id, quote_label, relation_style};
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
