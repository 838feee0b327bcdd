//! Identity resolution: which mentions are one actor, within a document and across documents.

use crate::corpus::Document;
use crate::graph::Graph;

pub fn build_graph(docs: &[Document]) -> Graph {
    let mut g = Graph::new();
    g.documents = docs.len();
    g
}
