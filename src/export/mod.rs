//! Exporters: one file per output format, all behind the `Exporter` trait, and the reader
//! that turns graphgen JSON back into a graph.

mod dot;
mod json;
mod json_read;

pub use dot::Dot;
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
