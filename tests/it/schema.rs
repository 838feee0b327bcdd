//! The JSON outputs hold to the schemas shipped in schema/ (JSON Schema 2020-12), checked
//! with a real validator.

use serde_json::Value;

fn validator(path: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_seeds_graph_json_holds_to_the_graph_schema() {
    let v = validator("schema/graph.schema.json");
    for args in [&["seeds/", "--json"][..], &["seeds/", "--json", "--no-documents"]] {
        let g: Value = serde_json::from_slice(&crate::support::stdout_of(args)).unwrap();
        assert_eq!(errors(&v, &g), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn the_seeds_mentions_hold_to_the_mentions_schema() {
    let v = validator("schema/mentions.schema.json");
    let out = crate::support::stdout_of(&["mentions", "seeds/"]);
    let mut lines = 0;
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let m: Value = serde_json::from_slice(line).unwrap();
        assert_eq!(errors(&v, &m), Vec::<String>::new(), "{m}");
        lines += 1;
    }
    assert!(lines > 50, "only {lines} mentions");
}

#[test]
fn the_schemas_reject_what_the_contract_forbids() {
    let v = validator("schema/graph.schema.json");
    let mut g: Value = serde_json::from_slice(&crate::support::stdout_of(&["seeds/", "--json"])).unwrap();
    g["nodes"][0]["kind"] = "wizard".into();
    assert!(!errors(&v, &g).is_empty(), "an unknown kind passes");
    let m = validator("schema/mentions.schema.json");
    let bad = serde_json::json!({"document": "d", "start": -1, "end": 2, "text": "x", "kind": "person", "entity": "x"});
    assert!(!errors(&m, &bad).is_empty(), "a negative offset passes");
}

/// The attributes a user lexicon adds (`country`, `role`) are in the schema too.
#[test]
fn a_graph_with_lexicon_attributes_holds_to_the_graph_schema() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "President Vasquith met M. Donk on Monday. Brannoc Group said so.\n",
    )
    .unwrap();
    let g: Value = serde_json::from_slice(&crate::support::stdout_of(&[
        article.to_str().unwrap(),
        "--json",
        "--lexicon",
        "examples/lexicon.tsv",
    ]))
    .unwrap();
    let node = |id: &str| {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no {id} in {g}"))
            .clone()
    };
    let v = node("orlen-vasquith");
    assert_eq!(
        (&v["country"], &v["role"]),
        (&"republic-of-kazaria".into(), &"president".into())
    );
    assert_eq!(node("mirela-donk")["country"], "france");
    assert_eq!(node("brannoc")["kind"], "institute");
    assert_eq!(errors(&validator("schema/graph.schema.json"), &g), Vec::<String>::new());
}
