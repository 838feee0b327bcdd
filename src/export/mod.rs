//! Exporters: one file per output format, all behind the `Exporter` trait.

mod dot;
mod json;

pub use dot::Dot;
pub use json::Json;

use crate::graph::Graph;
use std::io::{self, Write};

/// Writes a whole graph in one format.
pub trait Exporter {
    /// Conventional file extension, without the dot.
    fn extension(&self) -> &'static str;
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()>;
}
