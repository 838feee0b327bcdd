//! The gold annotation of a corpus: its entities and relations, read from JSON and checked.
//!
//! The layout is the one of `../shared/gold/*.json` (ONTOLOGY.md, "Gold files and scoring").
//! Fields the scorer does not read (`corpus`, `documents`, `note`, `evidence`) are allowed and
//! ignored. Every error names the file and the field as a path (`relations[4].target`), and
//! says how to fix it, since gold files are written by hand.

use super::fold::doc_key;
use crate::graph::{ActorKind, RelationKind};
use crate::{Error, Result};
// The JSON reading helpers are shared with the graph reader: same messages, same paths.
use crate::export::json_read::{as_array, as_object, as_str, invalid, type_name};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// One annotated actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    pub id: String,
    /// Every full name or acronym that denotes the entity.
    pub names: Vec<String>,
    pub kind: ActorKind,
}

/// One annotated relation. For `quoted-in` the target is already a document key (`doc:STEM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRelation {
    pub relation: RelationKind,
    pub source: String,
    pub target: String,
    /// Costs nothing when missed and nothing when found.
    pub optional: bool,
}

/// The gold annotation of one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gold {
    pub entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
}

impl Gold {
    /// Parses and checks a gold file's text.
    pub fn parse(text: &str) -> Result<Gold> {
        let root: Value =
            serde_json::from_str(text).map_err(|e| invalid("gold JSON", format!("not valid JSON: {e}")))?;
        let root = as_object(&root, "gold JSON")?;
        let entities = read_entities(as_array(required(root, "", "entities")?, "entities")?)?;
        let ids: BTreeSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        let relations = as_array(required(root, "", "relations")?, "relations")?
            .iter()
            .enumerate()
            .map(|(i, r)| read_relation(r, &format!("relations[{i}]"), &ids))
            .collect::<Result<Vec<_>>>()?;
        Ok(Gold { entities, relations })
    }

    /// [`Gold::parse`] on a file; errors name the file first.
    pub fn read_file(path: &Path) -> Result<Gold> {
        let text = std::fs::read_to_string(path).map_err(|cause| Error::Read {
            path: path.to_path_buf(),
            cause,
        })?;
        Gold::parse(&text).map_err(|e| match e {
            Error::Invalid { what, message } => Error::Invalid {
                what: format!("{}: {what}", path.display()),
                message,
            },
            other => other,
        })
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&GoldEntity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

fn read_entities(items: &[Value]) -> Result<Vec<GoldEntity>> {
    let mut seen = BTreeSet::new();
    let mut entities = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("entities[{i}]");
        let entity = read_entity(item, &at)?;
        if !seen.insert(entity.id.clone()) {
            return Err(invalid(
                format!("{at}.id"),
                format!("duplicate id {:?}; give every entity its own id", entity.id),
            ));
        }
        entities.push(entity);
    }
    Ok(entities)
}

fn read_entity(item: &Value, at: &str) -> Result<GoldEntity> {
    let obj = as_object(item, at)?;
    let id_at = format!("{at}.id");
    let id = as_str(required(obj, at, "id")?, &id_at)?;
    if id.is_empty() || id.starts_with("doc:") {
        return Err(invalid(
            id_at,
            format!("{id:?} cannot be an entity id: ids are non-empty and `doc:` marks documents"),
        ));
    }
    let names_at = format!("{at}.names");
    let names = as_array(required(obj, at, "names")?, &names_at)?
        .iter()
        .enumerate()
        .map(|(j, n)| as_str(n, &format!("{names_at}[{j}]")).map(str::to_string))
        .collect::<Result<Vec<_>>>()?;
    if names.is_empty() {
        return Err(invalid(
            names_at,
            "empty; list every full name or acronym that denotes the entity",
        ));
    }
    let kind_at = format!("{at}.kind");
    let kind_name = as_str(required(obj, at, "kind")?, &kind_at)?;
    let kind = ActorKind::parse(kind_name)
        .filter(|k| *k != ActorKind::Document)
        .ok_or_else(|| invalid(&kind_at, expected_one_of(&actor_kind_names(), kind_name)))?;
    Ok(GoldEntity {
        id: id.to_string(),
        names,
        kind,
    })
}

fn read_relation(item: &Value, at: &str, ids: &BTreeSet<&str>) -> Result<GoldRelation> {
    let obj = as_object(item, at)?;
    let rel_at = format!("{at}.relation");
    let rel_name = as_str(required(obj, at, "relation")?, &rel_at)?;
    let relation = RelationKind::parse(rel_name).ok_or_else(|| {
        invalid(
            &rel_at,
            expected_one_of(&RelationKind::ALL.map(RelationKind::as_str), rel_name),
        )
    })?;
    let source = entity_ref(obj, at, "source", ids)?;
    let target = if relation == RelationKind::QuotedIn {
        doc_key(as_str(required(obj, at, "target")?, &format!("{at}.target"))?)
    } else {
        entity_ref(obj, at, "target", ids)?
    };
    let optional = match obj.get("optional") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(invalid(
                format!("{at}.optional"),
                format!("expected true or false, found {}", type_name(other)),
            ));
        }
    };
    Ok(GoldRelation {
        relation,
        source,
        target,
        optional,
    })
}

/// A relation end that must name a gold entity: a typo here would be a miss forever.
fn entity_ref(obj: &Map<String, Value>, at: &str, key: &str, ids: &BTreeSet<&str>) -> Result<String> {
    let here = format!("{at}.{key}");
    let id = as_str(required(obj, at, key)?, &here)?;
    if !ids.contains(id) {
        return Err(invalid(
            here,
            format!("no entity has the id {id:?}; add it to entities or fix the spelling"),
        ));
    }
    Ok(id.to_string())
}

fn actor_kind_names() -> Vec<&'static str> {
    ActorKind::ALL
        .into_iter()
        .filter(|k| *k != ActorKind::Document)
        .map(ActorKind::as_str)
        .collect()
}

fn expected_one_of(names: &[&str], found: &str) -> String {
    format!("expected one of {}, found {found:?}", names.join(", "))
}

fn required<'a>(obj: &'a Map<String, Value>, at: &str, key: &str) -> Result<&'a Value> {
    let here = if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    };
    obj.get(key)
        .ok_or_else(|| invalid(here, "missing; a gold file requires it (write [] for none)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTITY: &str = r#"{"id": "ada-brennick", "names": ["Ada Brennick"], "kind": "analyst"}"#;
    const PLACE: &str = r#"{"id": "varnland", "names": ["Varnland"], "kind": "country"}"#;

    fn with_relation(rel: &str) -> String {
        format!(r#"{{"entities": [{ENTITY}, {PLACE}], "relations": [{rel}]}}"#)
    }

    #[test]
    fn reads_entities_relations_and_document_targets() {
        let text = with_relation(
            r#"{"relation": "quoted-in", "source": "ada-brennick", "target": "corpus/007_harbour.txt", "note": "x"},
               {"relation": "affiliated-to", "source": "ada-brennick", "target": "varnland", "optional": true}"#,
        );
        let gold = Gold::parse(&text).unwrap();
        assert_eq!(gold.entities[0].kind, ActorKind::Analyst);
        assert_eq!(gold.relations[0].target, "doc:007_harbour");
        assert!(!gold.relations[0].optional);
        assert!(gold.relations[1].optional);
        assert_eq!(gold.entity("varnland").unwrap().names, ["Varnland"]);
    }

    #[test]
    fn errors_name_the_field_and_the_fix() {
        let cases = [
            ("[]".to_string(), "gold JSON: expected an object, found an array"),
            ("{".to_string(), "gold JSON: not valid JSON"),
            (r#"{"relations": []}"#.to_string(), "entities: missing"),
            (format!(r#"{{"entities": [{ENTITY}]}}"#), "relations: missing"),
            (
                r#"{"entities": [{"id": "a", "names": ["A"], "kind": "document"}], "relations": []}"#.to_string(),
                "entities[0].kind: expected one of leader, analyst, person, institute, outlet, country, found \"document\"",
            ),
            (
                r#"{"entities": [{"id": "a", "names": [], "kind": "person"}], "relations": []}"#.to_string(),
                "entities[0].names: empty",
            ),
            (
                r#"{"entities": [{"id": "a", "names": ["A", 4], "kind": "person"}], "relations": []}"#.to_string(),
                "entities[0].names[1]: expected a string, found a number",
            ),
            (
                r#"{"entities": [{"id": "doc:a", "names": ["A"], "kind": "person"}], "relations": []}"#.to_string(),
                "entities[0].id: \"doc:a\" cannot be an entity id",
            ),
            (
                format!(r#"{{"entities": [{ENTITY}, {ENTITY}], "relations": []}}"#),
                "entities[1].id: duplicate id \"ada-brennick\"",
            ),
            (
                with_relation(r#"{"relation": "likes", "source": "ada-brennick", "target": "varnland"}"#),
                "relations[0].relation: expected one of met-with, quoted-in, allied-with, affiliated-to, found \"likes\"",
            ),
            (
                with_relation(r#"{"relation": "met-with", "source": "ada-brenick", "target": "varnland"}"#),
                "relations[0].source: no entity has the id \"ada-brenick\"",
            ),
            (
                with_relation(r#"{"relation": "allied-with", "source": "varnland"}"#),
                "relations[0].target: missing",
            ),
            (
                with_relation(
                    r#"{"relation": "met-with", "source": "ada-brennick", "target": "varnland", "optional": "yes"}"#,
                ),
                "relations[0].optional: expected true or false, found a string",
            ),
        ];
        for (text, want) in cases {
            let got = Gold::parse(&text).unwrap_err().to_string();
            assert!(got.starts_with(want), "input {text}\n got {got}\nwant {want}");
        }
    }

    #[test]
    fn file_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.json");
        std::fs::write(&path, r#"{"entities": [{"id": "a", "names": ["A"]}], "relations": []}"#).unwrap();
        let msg = Gold::read_file(&path).unwrap_err().to_string();
        assert!(
            msg.starts_with(&format!("{}: entities[0].kind: missing", path.display())),
            "{msg}"
        );
        let missing = Gold::read_file(&dir.path().join("nope.json")).unwrap_err();
        assert!(matches!(missing, Error::Read { .. }));
    }
}
