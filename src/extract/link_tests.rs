//! Linking to the actor dictionary: invented actors of a small dictionary of our own, read in
//! invented sentences, with and without a document date.

use crate::corpus::Document;
use crate::extract::{Extraction, Target};
use crate::graph::{ActorKind, RelationKind};
use crate::knowledge::{Dictionary, Knowledge};
use crate::pipeline::{Config, Pipeline};

/// Ada Quill: a party figure of France, then in government 2001-2007, of the Party of Tests
/// throughout. Widget Corp: a French company. Bram Osk: a legislator of Norway.
const TABLE: &str = "name\tkind\taliases\tcode\troles\twikidata\n\
    Ada Quill\tleader\tAda B. Quill\tFRAGOV\tFrance;ELI;1990-01-01;2001-05-01|France;GOV;2001-05-01;2007-05-01|Party of Tests;PTY;;\tQ1\n\
    Party of Tests\tinstitute\tPoT\t\tFrance;PTY;;\t\n\
    Widget Corp\tinstitute\tWidget\tMNCFRA\tFrance;MNC;;\t\n\
    Bram Osk\tperson\t\tNORLEG\tNorway;LEG;2010-01-01;\t\n";

fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::LazyLock<Pipeline> = std::sync::LazyLock::new(|| {
        let mut kb = Knowledge::embedded().expect("embedded knowledge");
        kb.dictionary = Dictionary::parse(TABLE, &kb.lexicon).expect("test dictionary");
        Pipeline::with_knowledge(kb, &Config::default()).expect("pipeline")
    });
    &PIPELINE
}

fn read(text: &str, date: Option<&str>) -> Extraction {
    pipeline().extract(&Document {
        date: date.map(str::to_string),
        ..Document::new("t.txt".into(), "t".into(), text.into())
    })
}

/// `member -> target (role)` for every affiliation from the knowledge, sorted.
fn ties(text: &str, date: Option<&str>) -> Vec<String> {
    let ex = read(text, date);
    let mut out: Vec<String> = ex
        .relations
        .iter()
        .filter(|r| r.evidence.source.as_deref() == Some("knowledge"))
        .map(|r| {
            assert_eq!(r.kind, RelationKind::AffiliatedTo);
            let Target::Actor(t) = r.target else { panic!("an affiliation targets an actor") };
            let role = r.evidence.trigger.split(": ").nth(1).unwrap_or("");
            format!("{} -> {} ({role})", ex.actors[r.source].label, ex.actors[t].label)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn dated_roles_give_the_affiliations_of_the_day() {
    let text = "Ada Quill spoke to farmers in Lyon on Tuesday. Quill said prices would fall.";
    let cases: [(Option<&str>, &[&str]); 4] = [
        // Before office: a party figure of France.
        (
            Some("1996-03-02"),
            &["Ada Quill -> France (ELI 1990-01-01 to 2001-05-01 (FRAGOV))", "Ada Quill -> Party of Tests (PTY (FRAGOV))"],
        ),
        // In office.
        (
            Some("2004-03-02"),
            &["Ada Quill -> France (GOV 2001-05-01 to 2007-05-01 (FRAGOV))", "Ada Quill -> Party of Tests (PTY (FRAGOV))"],
        ),
        // Long after: no role toward the state covers the day; the party still does.
        (Some("2019-03-02"), &["Ada Quill -> Party of Tests (PTY (FRAGOV))"]),
        // No date: the latest role.
        (
            None,
            &["Ada Quill -> France (GOV 2001-05-01 to 2007-05-01 (FRAGOV))", "Ada Quill -> Party of Tests (PTY (FRAGOV))"],
        ),
    ];
    for (date, want) in cases {
        assert_eq!(ties(text, date), want, "{date:?}");
    }
}

#[test]
fn only_full_forms_link() {
    let cases: [(&str, bool); 4] = [
        ("Ada Quill said the budget was fair.", true),
        // A listed synonym.
        ("Ada B. Quill said the budget was fair.", true),
        // A surname alone, with no full name in the document, links to nothing.
        ("Quill said the budget was fair.", false),
        // Another person of the same surname is not her.
        ("Tom Quill said the budget was fair.", false),
    ];
    for (text, linked) in cases {
        let ex = read(text, None);
        let has = ex.actors.iter().any(|a| a.fixed_id.as_deref() == Some("ada-quill"));
        assert_eq!(has, linked, "{text}");
    }
}

#[test]
fn the_dictionary_decides_person_or_organisation() {
    let kind_of = |text: &str, label: &str| {
        read(text, None)
            .actors
            .iter()
            .find(|a| a.label == label)
            .map(|a| a.kind)
    };
    // A company quoted like a person stays a company; a legislator is a person, not an analyst.
    assert_eq!(kind_of("Widget Corp said its profits rose.", "Widget Corp"), Some(ActorKind::Institute));
    assert_eq!(kind_of("Shares in Widget fell after Widget said sales were weak.", "Widget"), Some(ActorKind::Institute));
    assert_eq!(kind_of("Bram Osk said the vote was close.", "Bram Osk"), Some(ActorKind::Person));
    // A leader of the dictionary quoted without a title is a leader.
    assert_eq!(kind_of("Ada Quill said the vote was close.", "Ada Quill"), Some(ActorKind::Leader));
    // A company's affiliation is its home state.
    assert_eq!(ties("Widget Corp said its profits rose.", None), ["Widget Corp -> France (MNC (MNCFRA))"]);
}

#[test]
fn the_knowledge_layer_can_be_turned_off() {
    let off = Pipeline::new(&Config {
        dictionary: false,
        ..Config::default()
    })
    .expect("pipeline");
    assert!(off.knowledge().dictionary.is_empty());
    let on = Pipeline::new(&Config::default()).expect("pipeline");
    assert!(on.knowledge().dictionary.len() > 1000, "the embedded dictionary is loaded");
}
