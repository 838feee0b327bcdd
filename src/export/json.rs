//! Node-link JSON, the layout networkx's `node_link_graph` reads (key `edges`).

use super::Exporter;
use crate::graph::Graph;
use std::io::{self, Write};

pub struct Json;

impl Exporter for Json {
    fn extension(&self) -> &'static str {
        "json"
    }

    fn write(&self, _graph: &Graph, _out: &mut dyn Write) -> io::Result<()> {
        todo!("json exporter")
    }
}
