//! Properties of the whole pipeline on any text: one document in, through extraction and
//! resolution, valid DOT and JSON out, every offset inside the text and on char boundaries,
//! and the same output every time.

use graphgen::corpus::Document;
use graphgen::export::{Dot, Exporter, Json};
use graphgen::extract;
use graphgen::graph::{Graph, RelationKind};
use graphgen::pipeline::{Config, Pipeline};
use std::sync::LazyLock;

/// One pipeline for every case: building it parses the lexicons and the model.
static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(&Config::default()).unwrap());
use crate::support::dot_check;
use proptest::prelude::*;

fn doc(text: &str) -> Document {
    Document::new("p.txt".into(), "p".into(), text.to_string())
}

fn write(exporter: &dyn Exporter, g: &Graph) -> String {
    let mut out = Vec::new();
    exporter.write(g, &mut out).unwrap();
    String::from_utf8(out).expect("exports are UTF-8")
}

/// Text that looks like news often enough to make names, titles, quotes and relations, mixed
/// with anything at all.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "President ", "Prime Minister ", "Dr. ", "Mr. ", "Professor ", "met ", "held talks with ",
            "said ", "told ", "\"", "“", "”", " of the ", "Institute ", "University ", "Vantorra ",
            "Maren ", "Oduya", "Tobiah ", "Lenk", "Ila Sorrel", ". ", ", ", "\n", "\r\n", "\r", "'s ",
            "ally ", "and ", "between ", "(VIS) ", "Kim ", "U.S. ", "é", "\u{301}", "\u{202e}", "\u{0}",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[A-Z][a-z]{1,8} ",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_offsets(text: &str, g: &Graph, ex: &extract::Extraction) -> Result<(), TestCaseError> {
    for m in &ex.mentions {
        prop_assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
    }
    for r in g.relations() {
        for e in &r.evidence {
            prop_assert!(e.start <= e.end && e.end <= text.len(), "{e:?}");
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{e:?}");
            prop_assert_eq!(&text[e.start..e.end], e.sentence.as_str());
            // A knowledge edge's trigger is `mention: role` (or a bloc's `name: members`): the
            // dictionary's words, after the words of the text that linked it.
            match (e.source.as_deref(), r.kind) {
                (Some("knowledge"), RelationKind::AffiliatedTo) => {
                    let (mention, _) = e.trigger.split_once(": ").unwrap_or((e.trigger.as_str(), ""));
                    prop_assert!(e.sentence.contains(mention), "{e:?}");
                }
                (Some("knowledge"), _) => prop_assert!(e.trigger.contains(": "), "{e:?}"),
                _ => prop_assert!(e.sentence.contains(e.trigger.as_str()), "{e:?}"),
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_dot_and_json(text in newsy()) {
        let g = PIPELINE.graph_of(&[doc(&text)]);
        let dot = write(&Dot, &g);
        prop_assert!(dot_check::parse(&dot).is_ok(), "{:?}\n{dot}", dot_check::parse(&dot).err());
        let json: serde_json::Value = serde_json::from_str(&write(&Json, &g)).expect("JSON parses");
        prop_assert_eq!(json["nodes"].as_array().unwrap().len(), g.actor_count());
    }

    #[test]
    fn offsets_lie_inside_the_text_on_char_boundaries(text in newsy()) {
        let d = doc(&text);
        let ex = PIPELINE.extract(&d);
        let g = PIPELINE.graph_of(std::slice::from_ref(&d));
        check_offsets(&text, &g, &ex)?;
    }

    #[test]
    fn output_is_deterministic(text in newsy()) {
        let first = PIPELINE.graph_of(&[doc(&text)]);
        let again = PIPELINE.graph_of(&[doc(&text)]);
        prop_assert_eq!(write(&Json, &first), write(&Json, &again));
        prop_assert_eq!(write(&Dot, &first), write(&Dot, &again));
    }
}
