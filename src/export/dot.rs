//! GraphViz DOT.

use super::Exporter;
use crate::graph::Graph;
use std::io::{self, Write};

pub struct Dot;

impl Exporter for Dot {
    fn extension(&self) -> &'static str {
        "dot"
    }

    fn write(&self, _graph: &Graph, _out: &mut dyn Write) -> io::Result<()> {
        todo!("dot exporter")
    }
}
