//! The cuts `diff` makes to both sides before comparing them are the shared graph filters
//! (`graph::filter`): cutting first means an edge that crosses the weight threshold shows as
//! added or removed, which is what a reader of the filtered picture sees.

pub use crate::graph::filter::{Filter, parse_kind, parse_relation};
