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
    Ada Quill\tleader\tAda Bell Quill\tFRAGOV\tFrance;ELI;1990-01-01;2001-05-01|France;GOV;2001-05-01;2007-05-01|Party of Tests;PTY;;\tQ1\n\
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
            let Target::Actor(t) = r.target else {
                panic!("an affiliation targets an actor")
            };
            let role = r.evidence.trigger.split(": ").nth(1).unwrap_or("");
            format!("{} -> {} ({role})", ex.actors[r.source].label, ex.actors[t].label)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn dated_roles_give_the_affiliations_of_the_day() {
    let text =
        "Ada Quill spoke to farmers of France and to the Party of Tests on Tuesday. Quill said prices would fall.";
    let cases: [(Option<&str>, &[&str]); 4] = [
        // Before office: a party figure of France.
        (
            Some("1996-03-02"),
            &[
                "Ada Quill -> France (ELI 1990-01-01 to 2001-05-01 (FRAGOV))",
                "Ada Quill -> Party of Tests (PTY (FRAGOV))",
            ],
        ),
        // In office.
        (
            Some("2004-03-02"),
            &[
                "Ada Quill -> France (GOV 2001-05-01 to 2007-05-01 (FRAGOV))",
                "Ada Quill -> Party of Tests (PTY (FRAGOV))",
            ],
        ),
        // Long after: no role toward the state covers the day; the party still does.
        (Some("2019-03-02"), &["Ada Quill -> Party of Tests (PTY (FRAGOV))"]),
        // No date: the latest role.
        (
            None,
            &[
                "Ada Quill -> France (GOV 2001-05-01 to 2007-05-01 (FRAGOV))",
                "Ada Quill -> Party of Tests (PTY (FRAGOV))",
            ],
        ),
    ];
    for (date, want) in cases {
        let hers: Vec<String> = ties(text, date)
            .into_iter()
            .filter(|t| t.starts_with("Ada Quill"))
            .collect();
        assert_eq!(hers, want, "{date:?}");
    }
    // The party the document names is tied to its state whatever the date.
    assert!(ties(text, Some("2019-03-02")).contains(&"Party of Tests -> France (PTY)".to_string()));
}

#[test]
fn only_full_forms_link() {
    let cases: [(&str, bool); 4] = [
        ("Ada Quill said the budget was fair.", true),
        // A listed synonym.
        ("Ada Bell Quill said the budget was fair.", true),
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
    assert_eq!(
        kind_of("Widget Corp said its profits rose.", "Widget Corp"),
        Some(ActorKind::Institute)
    );
    assert_eq!(
        kind_of("Shares in Widget fell after Widget said sales were weak.", "Widget"),
        Some(ActorKind::Institute)
    );
    assert_eq!(
        kind_of("Bram Osk said the vote was close.", "Bram Osk"),
        Some(ActorKind::Person)
    );
    // A leader of the dictionary quoted without a title is a leader.
    assert_eq!(
        kind_of("Ada Quill said the vote was close.", "Ada Quill"),
        Some(ActorKind::Leader)
    );
    // A company's affiliation is its home state.
    assert_eq!(
        ties("Widget Corp said its profits rose in France.", None),
        ["Widget Corp -> France (MNC (MNCFRA))"]
    );
    // A state the document does not name gets no edge: the text says what matters here.
    assert_eq!(ties("Widget Corp said its profits rose.", None), Vec::<String>::new());
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
    assert!(
        on.knowledge().dictionary.len() > 1000,
        "the embedded dictionary is loaded"
    );
}

/// `source relation target (trigger)` of every relation of a kind, from the embedded knowledge.
fn embedded(text: &str, kind: RelationKind) -> Vec<String> {
    let ex = embedded_extract(text);
    let mut out: Vec<String> = ex
        .relations
        .iter()
        .filter(|r| r.kind == kind)
        .filter_map(|r| match r.target {
            Target::Actor(t) => Some(format!("{} -> {}", ex.actors[r.source].label, ex.actors[t].label)),
            Target::Document => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn party_conventions_tie_people_to_parties() {
    let cases: [(&str, &[&str]); 6] = [
        (
            "Republican presidential candidate Ann Doe spoke in Ohio.",
            &["Ann Doe -> Republican Party"],
        ),
        (
            "Sen. Tom Ree (D-Calif.) voted against the bill.",
            &["Tom Ree -> Democratic Party"],
        ),
        (
            "Rep. Lee Vonn, R-Texas, voted for it.",
            &["Lee Vonn -> Republican Party"],
        ),
        (
            "Tory leader Ann Doe said the vote was lost.",
            &["Ann Doe -> Conservative Party"],
        ),
        // No title between the party word and the name, or a letter before no state: no tie.
        ("Republican Ann Doe spoke in Ohio.", &[]),
        ("Tom Ree (R-Paris) spoke.", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = embedded(text, RelationKind::AffiliatedTo)
            .into_iter()
            .filter(|r| r.contains("Party"))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_partys_variants_are_one_actor() {
    let ids = |text: &str| -> Vec<String> {
        let mut v: Vec<String> = embedded_extract(text)
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Institute)
            .filter_map(|a| a.fixed_id.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    assert_eq!(
        ids("The Tories lost seats, and the Conservative Party blamed the polls."),
        ["conservative-party"]
    );
    assert_eq!(
        ids("Republicans in the Senate and the GOP leadership disagreed."),
        ["republican-party"]
    );
}

#[test]
fn members_named_with_their_alliance_are_allies() {
    let cases: [(&str, &[&str]); 5] = [
        ("France and Norway defended NATO at the summit.", &["France -> Norway"]),
        // Planned membership is no alliance.
        ("Turkey and Greece want to join NATO.", &[]),
        // Brazil is no member.
        ("France and Brazil spoke at a NATO forum.", &[]),
        // A political union makes no allies by membership alone.
        ("France and Italy argued inside the European Union.", &[]),
        // A state named as the place of a meeting is not a party to it.
        (
            "France and Norway met in Belgium for NATO talks.",
            &["France -> Norway"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(embedded(text, RelationKind::AlliedWith), want, "{text}");
    }
}

#[test]
fn bodies_are_qualified_by_their_state() {
    let text = "The Brazilian Foreign Ministry said the talks would resume. A spokesman for Peru's \
                Defense Ministry denied it. Officials at the Ministry of Defence of Chile declined to comment.";
    assert_eq!(
        embedded(text, RelationKind::AffiliatedTo),
        [
            "Brazilian Foreign Ministry -> Brazil",
            "Ministry of Defence of Chile -> Chile",
            "Peruvian Defense Ministry -> Peru"
        ]
    );
    // Named alone, a body takes the state of the dateline.
    let dated = "LIMA, May 2 - The Foreign Ministry said on Friday that talks would resume.";
    assert_eq!(
        embedded(dated, RelationKind::AffiliatedTo),
        ["Peruvian Foreign Ministry -> Peru"]
    );
    // With no state to take, it stays as written.
    let alone = "The Foreign Ministry said talks would resume.";
    assert_eq!(embedded(alone, RelationKind::AffiliatedTo), Vec::<String>::new());
}

/// The embedded pipeline (the real dictionary and lists), built once.
fn embedded_extract(text: &str) -> Extraction {
    static PIPELINE: std::sync::LazyLock<Pipeline> =
        std::sync::LazyLock::new(|| Pipeline::new(&Config::default()).expect("the embedded pipeline"));
    PIPELINE.extract(&Document::new("t.txt".into(), "t".into(), text.into()))
}

#[test]
fn an_official_with_no_state_named_serves_the_documents_state() {
    let text = "Japan and Peru signed a trade deal on Monday. Japan will ship rice and Japan will buy \
                copper. Foreign Minister Ken Oda praised the deal.";
    assert!(embedded(text, RelationKind::AffiliatedTo).contains(&"Ken Oda -> Japan".to_string()));
    // A state the text gives wins; no second state is guessed.
    let named = "Japan and Peru signed a trade deal on Monday. Japan will ship rice and Japan will buy \
                 copper. Peru's Foreign Minister Ken Oda praised the deal.";
    let got = embedded(named, RelationKind::AffiliatedTo);
    assert!(got.contains(&"Ken Oda -> Peru".to_string()), "{got:?}");
    assert!(!got.contains(&"Ken Oda -> Japan".to_string()), "{got:?}");
    // A title that universities and companies have too (`President`) says no state.
    let president = "Japan and Peru signed a trade deal on Monday. Japan will ship rice and Japan will buy \
                     copper. President Ken Oda praised the deal.";
    assert!(!embedded(president, RelationKind::AffiliatedTo).contains(&"Ken Oda -> Japan".to_string()));
}

#[test]
fn an_apposition_may_name_the_person_its_role_serves() {
    let kind_of = |text: &str| {
        embedded_extract(text)
            .actors
            .iter()
            .find(|a| a.label == "Ana Brel")
            .map(|a| a.kind)
    };
    // An adviser quoted is no analyst for being quoted.
    assert_eq!(
        kind_of("Ana Brel, a senior adviser to Peru's President Ivo Ranek, said the plan failed."),
        Some(ActorKind::Person)
    );
    // A list of people with titles stays a list.
    let list = "Chilean President Ana Brel, Peruvian President Ivo Ranek and Bolivian leader Luz Omar met.";
    let got = embedded(list, RelationKind::AffiliatedTo);
    assert!(!got.contains(&"Ana Brel -> Peru".to_string()), "{got:?}");
}

/// Role phrases whose organisation or state is not the word right before the title.
#[test]
fn roles_name_their_organisation_past_the_next_word() {
    let cases: [(&str, &[&str]); 6] = [
        // Both organisations of `at A and B`.
        (
            "Peter Halloran, a Balkans expert at Brindle College and Harvard University, compared the wars.",
            &[
                "Peter Halloran -> Brindle College",
                "Peter Halloran -> Harvard University",
            ],
        ),
        // A correspondent's beat between the outlet and the title.
        (
            "The minister told BBC Moscow correspondent Anna Pohl on Monday that the claim was false.",
            &["Anna Pohl -> BBC"],
        ),
        // The state an ambassador is sent to is not the one the ambassador serves.
        (
            "Norway's ambassador to Chile, Tomas Brandt, said the visit went well.",
            &["Tomas Brandt -> Norway"],
        ),
        // Advising a state's leader is serving the state.
        (
            "Lena Markel, a senior adviser to Peru's president, said the plan would work.",
            &["Lena Markel -> Peru"],
        ),
        // An organisation named with a possessive, not joined by `and`, stays a unit.
        (
            "Peter Halloran, a fellow at Brindle College, compared the wars.",
            &["Peter Halloran -> Brindle College"],
        ),
        // `and` that joins clauses after the apposition joins no organisation.
        (
            "Peter Halloran, an expert at Brindle College, spoke and Harvard University agreed.",
            &["Peter Halloran -> Brindle College"],
        ),
    ];
    for (text, want) in cases {
        let got = embedded(text, RelationKind::AffiliatedTo);
        for w in want {
            assert!(got.contains(&w.to_string()), "{text}: {got:?}");
        }
        let people: Vec<&String> = got
            .iter()
            .filter(|g| want.iter().any(|w| w.split(" -> ").next() == g.split(" -> ").next()))
            .collect();
        assert_eq!(people.len(), want.len(), "{text}: {got:?}");
    }
}
