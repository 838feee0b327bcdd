//! Reads graphgen's node-link JSON back into a [`Graph`], for commands that compare or merge
//! graphs already written.
//!
//! Every error names the offending field as a path (`nodes[3].kind`) and says what was
//! expected, so a hand-edited or foreign file can be fixed without reading this code.

use crate::graph::{Actor, ActorKind, DocPath, Evidence, Graph, Quoted, RelationKind};
use crate::text::Span;
use crate::{Error, Result};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// Parses graphgen JSON (as written by [`super::Json`]) into a graph.
///
/// Required: `nodes[].id`, `label`, `kind`; `path` on document nodes; `edges[].source`,
/// `target`, `relation` and a non-empty `evidence`. `aliases`, `mentions`, `documents`,
/// `weight`, `key` and `graph.documents` may be missing; when `weight` is given it must
/// be at least the number of evidence items: what a weight counts, the pieces a
/// `--max-evidence` run did not keep included.
/// networkx's older `links` key is accepted in place of `edges`.
pub fn read_graph_json(text: &str) -> Result<Graph> {
    let root: Value = serde_json::from_str(text).map_err(|e| invalid("graph JSON", format!("not valid JSON: {e}")))?;
    let root = as_object(&root, "graph JSON")?;
    let mut graph = Graph::new();
    graph.documents = read_document_count(root)?;
    let nodes = as_array(required(root, "", "nodes")?, "nodes")?;
    for (i, node) in nodes.iter().enumerate() {
        let at = format!("nodes[{i}]");
        let actor = read_node(node, &at)?;
        if graph.actor(&actor.id).is_some() {
            return Err(invalid(
                format!("{at}.id"),
                format!("duplicate id {:?}; every node needs its own id", actor.id),
            ));
        }
        graph.add_actor(actor);
    }
    let (key, edges) = match (root.get("edges"), root.get("links")) {
        (Some(e), _) => ("edges", e),
        (None, Some(l)) => ("links", l),
        (None, None) => {
            return Err(invalid(
                "edges",
                "missing; a node-link graph lists its edges under \"edges\"",
            ));
        }
    };
    for (i, edge) in as_array(edges, key)?.iter().enumerate() {
        read_edge(&mut graph, edge, &format!("{key}[{i}]"))?;
    }
    Ok(graph)
}

/// [`read_graph_json`] on a file; errors name the file first.
pub fn read_graph_json_file(path: &Path) -> Result<Graph> {
    let text = std::fs::read_to_string(path).map_err(|cause| Error::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    read_graph_json(&text).map_err(|e| match e {
        Error::Invalid { what, message } => Error::Invalid {
            what: format!("{}: {what}", path.display()),
            message,
        },
        other => other,
    })
}

fn read_document_count(root: &Map<String, Value>) -> Result<usize> {
    let Some(attrs) = root.get("graph") else { return Ok(0) };
    let attrs = as_object(attrs, "graph")?;
    attrs.get("documents").map_or(Ok(0), |v| as_count(v, "graph.documents"))
}

fn read_node(node: &Value, at: &str) -> Result<Actor> {
    let obj = as_object(node, at)?;
    let kind_at = format!("{at}.kind");
    let kind_name = as_str(required(obj, at, "kind")?, &kind_at)?;
    let kind = ActorKind::parse(kind_name).ok_or_else(|| {
        invalid(
            &kind_at,
            expected_one_of(&ActorKind::ALL.map(ActorKind::as_str), kind_name),
        )
    })?;
    let path = match obj.get("path") {
        Some(v) => Some(as_str(v, &format!("{at}.path"))?.to_string()),
        None if kind == ActorKind::Document => {
            return Err(invalid(
                format!("{at}.path"),
                "missing; a document node needs the path of its file",
            ));
        }
        None => None,
    };
    Ok(Actor {
        id: string_field(obj, at, "id")?,
        label: string_field(obj, at, "label")?,
        kind,
        aliases: optional_set(obj, at, "aliases")?,
        mentions: obj
            .get("mentions")
            .map_or(Ok(0), |v| as_count(v, &format!("{at}.mentions")))?,
        documents: optional_set::<DocPath>(obj, at, "documents")?.into_iter().collect(),
        path: path.map(DocPath::from),
        quoted_in: optional_set(obj, at, "quoted_in")?,
        country: optional_string(obj, at, "country")?,
        role: optional_string(obj, at, "role")?,
        cameo: optional_string(obj, at, "cameo")?,
        date: optional_string(obj, at, "date")?.map(DocPath::from),
        url: optional_string(obj, at, "url")?,
        byline: optional_string(obj, at, "byline")?,
    })
}

fn read_edge(graph: &mut Graph, edge: &Value, at: &str) -> Result<()> {
    let obj = as_object(edge, at)?;
    let source = string_field(obj, at, "source")?;
    let target = string_field(obj, at, "target")?;
    for (field, id) in [("source", &source), ("target", &target)] {
        if graph.actor(id).is_none() {
            return Err(invalid(
                format!("{at}.{field}"),
                format!("no node has the id {id:?}; add the node or drop the edge"),
            ));
        }
    }
    if source == target {
        return Err(invalid(
            at,
            format!("an edge from {source:?} to itself; graphgen graphs have no loops"),
        ));
    }
    let rel_at = format!("{at}.relation");
    let rel_name = as_str(required(obj, at, "relation")?, &rel_at)?;
    let relation = RelationKind::parse(rel_name).ok_or_else(|| {
        invalid(
            &rel_at,
            expected_one_of(&RelationKind::ALL.map(RelationKind::as_str), rel_name),
        )
    })?;
    let ev_at = format!("{at}.evidence");
    let items = as_array(required(obj, at, "evidence")?, &ev_at)?;
    if items.is_empty() {
        return Err(invalid(
            &ev_at,
            "empty; every edge needs at least one piece of evidence",
        ));
    }
    // A weight above the evidence counts pieces not kept (`--max-evidence`).
    let mut unkept = 0;
    if let Some(w) = obj.get("weight") {
        let weight = as_count(w, &format!("{at}.weight"))?;
        if weight < items.len() {
            return Err(invalid(
                format!("{at}.weight"),
                format!(
                    "{weight}, but the edge has {} pieces of evidence; the weight counts them",
                    items.len()
                ),
            ));
        }
        unkept = weight - items.len();
    }
    for (j, item) in items.iter().enumerate() {
        let evidence = read_evidence(item, &format!("{ev_at}[{j}]"))?;
        graph.add_evidence(&source, relation, &target, evidence);
    }
    graph.add_unkept(&source, relation, &target, unkept);
    Ok(())
}

fn read_evidence(item: &Value, at: &str) -> Result<Evidence> {
    let obj = as_object(item, at)?;
    let start = as_count(required(obj, at, "start")?, &format!("{at}.start"))?;
    let end = as_count(required(obj, at, "end")?, &format!("{at}.end"))?;
    if end < start {
        return Err(invalid(
            format!("{at}.end"),
            format!("{end} is before start {start}; offsets are a byte range"),
        ));
    }
    Ok(Evidence {
        document: string_field(obj, at, "document")?.into(),
        start,
        end,
        sentence: string_field(obj, at, "sentence")?,
        trigger: string_field(obj, at, "trigger")?,
        source: match obj.get("source") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(invalid(format!("{at}.source"), "expected a string")),
        },
        date: optional_string(obj, at, "date")?.map(DocPath::from),
        cue: optional_range(obj, at, "cue")?.map(|(start, end, _)| Span::new(start, end)),
        content: optional_range(obj, at, "content")?.map(|(start, end, direct)| Quoted { start, end, direct }),
    })
}

/// An optional `{"start": N, "end": M}` field (with `"direct"` for content).
fn optional_range(obj: &serde_json::Map<String, Value>, at: &str, name: &str) -> Result<Option<(usize, usize, bool)>> {
    let Some(v) = obj.get(name).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let here = format!("{at}.{name}");
    let o = as_object(v, &here)?;
    let start = as_count(required(o, &here, "start")?, &format!("{here}.start"))?;
    let end = as_count(required(o, &here, "end")?, &format!("{here}.end"))?;
    if end < start {
        return Err(invalid(
            format!("{here}.end"),
            format!("{end} is before start {start}; offsets are a byte range"),
        ));
    }
    Ok(Some((
        start,
        end,
        o.get("direct").and_then(Value::as_bool).unwrap_or(false),
    )))
}

pub(crate) fn invalid(what: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Invalid {
        what: what.into(),
        message: message.into(),
    }
}

fn expected_one_of(names: &[&str], found: &str) -> String {
    format!("expected one of {}, found {found:?}", names.join(", "))
}

fn field_path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn required<'a>(obj: &'a Map<String, Value>, at: &str, key: &str) -> Result<&'a Value> {
    obj.get(key)
        .ok_or_else(|| invalid(field_path(at, key), "missing; graphgen JSON requires it"))
}

fn string_field(obj: &Map<String, Value>, at: &str, key: &str) -> Result<String> {
    as_str(required(obj, at, key)?, &field_path(at, key)).map(str::to_string)
}

fn optional_set<T: for<'s> From<&'s str> + Ord>(obj: &Map<String, Value>, at: &str, key: &str) -> Result<BTreeSet<T>> {
    let Some(v) = obj.get(key) else {
        return Ok(BTreeSet::new());
    };
    let here = field_path(at, key);
    as_array(v, &here)?
        .iter()
        .enumerate()
        .map(|(i, s)| as_str(s, &format!("{here}[{i}]")).map(T::from))
        .collect()
}

fn optional_string(obj: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>> {
    obj.get(key)
        .map(|v| as_str(v, &field_path(at, key)).map(str::to_string))
        .transpose()
}

pub(crate) fn as_object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>> {
    v.as_object()
        .ok_or_else(|| invalid(at, format!("expected an object, found {}", type_name(v))))
}

pub(crate) fn as_array<'a>(v: &'a Value, at: &str) -> Result<&'a Vec<Value>> {
    v.as_array()
        .ok_or_else(|| invalid(at, format!("expected an array, found {}", type_name(v))))
}

pub(crate) fn as_str<'a>(v: &'a Value, at: &str) -> Result<&'a str> {
    v.as_str()
        .ok_or_else(|| invalid(at, format!("expected a string, found {}", type_name(v))))
}

fn as_count(v: &Value, at: &str) -> Result<usize> {
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| invalid(at, format!("expected a whole number >= 0, found {v}")))
}

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODE_A: &str = r#"{"id": "a", "label": "A", "kind": "leader"}"#;
    const NODE_B: &str = r#"{"id": "b", "label": "B", "kind": "country"}"#;
    const EVIDENCE: &str = r#"{"document": "d.txt", "start": 0, "end": 4, "sentence": "A and B.", "trigger": "and"}"#;

    fn error_of(text: &str) -> String {
        read_graph_json(text).unwrap_err().to_string()
    }

    fn with_edge(edge: &str) -> String {
        format!(r#"{{"nodes": [{NODE_A}, {NODE_B}], "edges": [{edge}]}}"#)
    }

    #[test]
    fn errors_name_the_field_and_the_fix() {
        let cases = [
            ("[1, 2]".to_string(), "graph JSON: expected an object, found an array"),
            ("{\"nodes\": [".to_string(), "graph JSON: not valid JSON"),
            ("{}".to_string(), "nodes: missing"),
            (r#"{"nodes": []}"#.to_string(), "edges: missing"),
            (
                r#"{"nodes": {}, "edges": []}"#.to_string(),
                "nodes: expected an array, found an object",
            ),
            (
                format!(r#"{{"nodes": [{NODE_A}, {{"id": "x", "label": "X", "kind": "boss"}}], "edges": []}}"#),
                "nodes[1].kind: expected one of leader, analyst, person, institute, outlet, country, document, found \"boss\"",
            ),
            (
                r#"{"nodes": [{"id": "x", "kind": "person"}], "edges": []}"#.to_string(),
                "nodes[0].label: missing",
            ),
            (
                r#"{"nodes": [{"id": 7, "label": "X", "kind": "person"}], "edges": []}"#.to_string(),
                "nodes[0].id: expected a string, found a number",
            ),
            (
                r#"{"nodes": [{"id": "doc:x", "label": "X", "kind": "document"}], "edges": []}"#.to_string(),
                "nodes[0].path: missing; a document node",
            ),
            (
                r#"{"nodes": [{"id": "x", "label": "X", "kind": "person", "aliases": ["ok", 3]}], "edges": []}"#
                    .to_string(),
                "nodes[0].aliases[1]: expected a string",
            ),
            (
                r#"{"nodes": [{"id": "x", "label": "X", "kind": "person", "mentions": -1}], "edges": []}"#.to_string(),
                "nodes[0].mentions: expected a whole number >= 0, found -1",
            ),
            (
                format!(r#"{{"nodes": [{NODE_A}, {NODE_A}], "edges": []}}"#),
                "nodes[1].id: duplicate id \"a\"",
            ),
            (
                with_edge(&format!(
                    r#"{{"source": "a", "target": "zz", "relation": "met-with", "evidence": [{EVIDENCE}]}}"#
                )),
                "edges[0].target: no node has the id \"zz\"",
            ),
            (
                with_edge(&format!(
                    r#"{{"source": "a", "target": "a", "relation": "met-with", "evidence": [{EVIDENCE}]}}"#
                )),
                "edges[0]: an edge from \"a\" to itself",
            ),
            (
                with_edge(&format!(
                    r#"{{"source": "a", "target": "b", "relation": "likes", "evidence": [{EVIDENCE}]}}"#
                )),
                "edges[0].relation: expected one of met-with, quoted-in, allied-with, affiliated-to, found \"likes\"",
            ),
            (
                with_edge(r#"{"source": "a", "target": "b", "relation": "met-with", "evidence": []}"#),
                "edges[0].evidence: empty",
            ),
            (
                with_edge(&format!(
                    r#"{{"source": "a", "target": "b", "relation": "met-with", "weight": 0, "evidence": [{EVIDENCE}]}}"#
                )),
                "edges[0].weight: 0, but the edge has 1 pieces of evidence",
            ),
            (
                with_edge(
                    r#"{"source": "a", "target": "b", "relation": "met-with", "evidence": [{"document": "d", "start": 5, "end": 1, "sentence": "", "trigger": ""}]}"#,
                ),
                "edges[0].evidence[0].end: 1 is before start 5",
            ),
            (
                with_edge(
                    r#"{"source": "a", "target": "b", "relation": "met-with", "evidence": [{"document": "d", "start": 0, "end": 1, "sentence": ""}]}"#,
                ),
                "edges[0].evidence[0].trigger: missing",
            ),
            (
                r#"{"graph": {"documents": "3"}, "nodes": [], "edges": []}"#.to_string(),
                "graph.documents: expected a whole number",
            ),
        ];
        for (text, want) in cases {
            let got = error_of(&text);
            assert!(got.starts_with(want), "input {text}\n got {got}\nwant {want}");
        }
    }

    #[test]
    fn optional_fields_default_and_links_is_accepted() {
        let text = format!(
            r#"{{"nodes": [{NODE_A}, {NODE_B}], "links": [{{"source": "b", "target": "a", "relation": "allied-with", "evidence": [{EVIDENCE}]}}]}}"#
        );
        let g = read_graph_json(&text).unwrap();
        assert_eq!(g.documents, 0);
        assert_eq!(g.actor("a").unwrap().mentions, 0);
        let r = g.relations().next().unwrap();
        // A symmetric edge is stored smaller id first, whichever way the file wrote it.
        assert_eq!((r.source.as_str(), r.target.as_str(), r.weight()), ("a", "b", 1));
    }

    #[test]
    fn file_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        std::fs::write(&path, "{}").unwrap();
        let msg = read_graph_json_file(&path).unwrap_err().to_string();
        assert_eq!(
            msg,
            format!("{}: nodes: missing; graphgen JSON requires it", path.display())
        );
        let missing = read_graph_json_file(&dir.path().join("nope.json")).unwrap_err();
        assert!(matches!(missing, Error::Read { .. }));
    }
}
