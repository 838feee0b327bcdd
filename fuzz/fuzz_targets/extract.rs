//! Whole extraction of one input from arbitrary bytes: reading (decoding, HTML, JSONL),
//! sentence splitting, extraction, resolution and the JSON export read back. Any panic is a
//! bug; so is an offset outside the text or off a char boundary, or JSON that does not read back.

#![no_main]

use graphgen::corpus::{self, Document};
use graphgen::export::{Exporter, Json, read_graph_json};
use graphgen::extract;
use graphgen::pipeline::{Config, Pipeline};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

/// Built once: it parses the lexicons and the model, far slower than one input.
static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::new(&Config {
        threads: 1,
        ..Config::default()
    })
    .expect("the embedded pipeline")
});

/// The first byte picks how the rest is read, so one corpus covers every reader.
const NAMES: [&str; 4] = ["input.txt", "input.html", "input.jsonl", "-"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let (docs, _problems) = corpus::read_reader(NAMES[usize::from(first) % NAMES.len()], bytes, 1 << 20);
    for doc in &docs {
        check_offsets(doc, &PIPELINE.extract(doc));
    }
    let graph = PIPELINE.graph_of(&docs);
    let mut out = Vec::new();
    Json.write(&graph, &mut out).expect("writing to memory cannot fail");
    let text = std::str::from_utf8(&out).expect("JSON export is UTF-8");
    let back = read_graph_json(text).unwrap_or_else(|e| panic!("own JSON does not read back: {e}"));
    assert_eq!(back.actor_count(), graph.actor_count());
    assert_eq!(back.relation_count(), graph.relation_count());
});

fn check_offsets(doc: &Document, ex: &extract::Extraction) {
    let text = doc.text.as_str();
    for m in &ex.mentions {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "{m:?}");
    }
    for r in &ex.relations {
        let e = &r.evidence;
        assert_eq!(text.get(e.start..e.end), Some(e.sentence.as_str()), "{e:?}");
        assert!(e.sentence.contains(e.trigger.as_str()), "{e:?}");
    }
}
