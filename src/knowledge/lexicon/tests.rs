//! Tests of the embedded data: every file loads, keys are unique, and the entries the extractor
//! leans on say what they should.

use super::*;
use std::collections::HashSet;

fn lx() -> &'static Lexicon {
    static LX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::embedded().unwrap());
    &LX
}

#[test]
fn every_embedded_file_loads() {
    let l = Lexicon::from_sources(&Sources::EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
    assert!(l.countries().len() >= 200, "{} countries", l.countries().len());
    assert!(l.outlets().len() >= 150, "{} outlets", l.outlets().len());
    assert!(l.titles.len() >= 150, "{} titles", l.titles.len());
    assert!(l.org_heads.len() >= 100, "{} org heads", l.org_heads.len());
    assert!(l.given_names.len() >= 1500, "{} given names", l.given_names.len());
    assert!(l.surnames.len() >= 600, "{} surnames", l.surnames.len());
    assert!(!l.places().is_empty());
}

#[test]
fn country_ids_are_slugs_and_unique() {
    let mut seen = HashSet::new();
    for c in lx().countries() {
        assert_eq!(c.id, crate::graph::slug(&c.name));
        assert!(seen.insert(c.id.as_str()), "duplicate id {}", c.id);
    }
    let members = lx()
        .countries()
        .iter()
        .filter(|c| c.status == CountryStatus::State)
        .count();
    assert_eq!(
        members, 193,
        "every UN member state, and only those, has status `state`"
    );
}

/// The loader's own uniqueness check, fed a file with a repeated key in each kind of file.
#[test]
fn a_duplicate_key_fails_the_load() {
    let base = Sources::EMBEDDED;
    let dup_title = format!("{}chairman\tleader\ty\n", base.titles);
    let dup_head = format!("{}institute\tinstitute\tany\tn\n", base.org_heads);
    let dup_name = format!("{}Mark\tenglish\ty\n", base.given_names);
    let dup_capital = base.countries.replace("Tokyo", "Tokyo|Tokyo");
    let cross_country = base.countries.replace("Ottawa", "Ottawa|Moscow");
    let outlet_vs_country = format!("{}China\t\twire\t\t\n", base.outlets);
    let cases = [
        (
            "titles",
            Sources {
                titles: &dup_title,
                ..base
            },
            "titles.tsv",
        ),
        (
            "org heads",
            Sources {
                org_heads: &dup_head,
                ..base
            },
            "org_heads.tsv",
        ),
        (
            "given names",
            Sources {
                given_names: &dup_name,
                ..base
            },
            "given_names.tsv",
        ),
        (
            "same row",
            Sources {
                countries: &dup_capital,
                ..base
            },
            "listed twice",
        ),
        (
            "two rows",
            Sources {
                countries: &cross_country,
                ..base
            },
            "listed twice",
        ),
        (
            "two files",
            Sources {
                outlets: &outlet_vs_country,
                ..base
            },
            "countries.tsv",
        ),
    ];
    for (what, src, needle) in cases {
        let err = Lexicon::from_sources(&src).err().map(|e| e.to_string());
        let err = err.unwrap_or_else(|| panic!("{what}: a duplicate loaded"));
        assert!(err.contains(needle), "{what}: {err}");
    }
}

#[test]
fn bad_references_and_values_fail_the_load() {
    let base = Sources::EMBEDDED;
    let bad_country = format!("{}Nowhere Daily\t\tnewspaper\tatlantis\t\n", base.outlets);
    let bad_role = format!("{}grand poobah\tinstitute\tn\n", base.titles);
    let bad_ambiguous = base.countries.replace("\tstate\tChad\n", "\tstate\tChadd\n");
    let upper_title = format!("{}Grand Vizier\tleader\tn\n", base.titles);
    for (what, src) in [
        (
            "unknown country id",
            Sources {
                outlets: &bad_country,
                ..base
            },
        ),
        (
            "role not a person kind",
            Sources {
                titles: &bad_role,
                ..base
            },
        ),
        (
            "ambiguous form not in row",
            Sources {
                countries: &bad_ambiguous,
                ..base
            },
        ),
        (
            "title not lower case",
            Sources {
                titles: &upper_title,
                ..base
            },
        ),
    ] {
        assert!(Lexicon::from_sources(&src).is_err(), "{what} loaded");
    }
}

#[test]
fn country_lookups() {
    let l = lx();
    type Lookup = for<'a, 'b> fn(&'a Lexicon, &'b str) -> Option<&'a Country>;
    let cases: [(Lookup, &str, &str); 16] = [
        (Lexicon::country, "U.S.", "united-states"),
        (Lexicon::country, "USA", "united-states"),
        (Lexicon::country, "DPRK", "north-korea"),
        (Lexicon::country, "Republic of Korea", "south-korea"),
        (Lexicon::country, "Britain", "united-kingdom"),
        (Lexicon::country, "Russian Federation", "russia"),
        (Lexicon::country, "PEOPLE\u{2019}S REPUBLIC OF CHINA", "china"),
        (Lexicon::country, "USSR", "soviet-union"),
        (Lexicon::country, "EU", "european-union"),
        (Lexicon::demonym, "Soviet", "soviet-union"),
        (Lexicon::demonym, "North Korean", "north-korea"),
        (Lexicon::demonym, "Britons", "united-kingdom"),
        (Lexicon::capital, "Pyongyang", "north-korea"),
        (Lexicon::capital, "Washington", "united-states"),
        (Lexicon::seat, "Kremlin", "russia"),
        (Lexicon::seat, "Blue House", "south-korea"),
    ];
    for (f, s, want) in cases {
        assert_eq!(f(l, s).map(|c| c.id.as_str()), Some(want), "{s}");
    }
    assert!(l.country("us").is_none(), "the pronoun is not the United States");
    assert!(l.country("Kremlin").is_none(), "a seat is not a name");
    assert!(l.country_by_id("european-union").unwrap().demonyms.is_empty());
}

#[test]
fn country_forms_carry_column_and_ambiguity() {
    let l = lx();
    let cases = [
        ("Georgia", "georgia", How::Name, true),
        ("Jordan", "jordan", How::Name, true),
        ("Washington", "united-states", How::Capital, true),
        ("White House", "united-states", How::Seat, false),
        ("Djibouti", "djibouti", How::Name, false),
        ("Iranian", "iran", How::Demonym, false),
        ("Victoria", "seychelles", How::Capital, true),
    ];
    for (s, id, how, ambiguous) in cases {
        let f = l.country_form(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!((f.country.id.as_str(), f.how, f.ambiguous), (id, how, ambiguous), "{s}");
    }
}

#[test]
fn titles_and_honorifics() {
    let l = lx();
    let cases = [
        ("Foreign Minister", ActorKind::Leader),
        ("president", ActorKind::Leader),
        ("Supreme Leader", ActorKind::Leader),
        ("professor", ActorKind::Analyst),
        ("Senior Fellow", ActorKind::Analyst),
        ("journalist", ActorKind::Person),
        ("CEO", ActorKind::Person),
        ("commander in chief", ActorKind::Leader),
    ];
    for (s, role) in cases {
        assert_eq!(l.title(s).map(|t| t.role), Some(role), "{s}");
    }
    assert!(l.title("director").unwrap().org);
    assert!(!l.title("prime minister").unwrap().org);
    assert!(l.title("Mr.").is_none(), "honorifics are their own table");
    assert_eq!(l.honorific("Mr.").map(|t| t.role), Some(ActorKind::Person));
    assert_eq!(l.honorific("Pres.").map(|t| t.role), Some(ActorKind::Leader));
    assert_eq!(l.honorific("Lt. Gen.").map(|t| t.phrase.as_str()), Some("lt. gen."));
    assert!(l.max_title_words() >= 4, "`secretary of the treasury` has four words");
    assert_eq!(l.max_honorific_words(), 2);
}

#[test]
fn org_heads() {
    let l = lx();
    let cases = [
        ("Institute", ActorKind::Institute, false),
        ("University", ActorKind::Institute, false),
        ("Inc.", ActorKind::Institute, false),
        ("Group", ActorKind::Institute, true),
        ("Herald", ActorKind::Outlet, false),
        ("Post", ActorKind::Outlet, true),
        ("Ilbo", ActorKind::Outlet, false),
    ];
    for (s, kind, ambiguous) in cases {
        let h = l.org_head(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!((h.kind, h.ambiguous), (kind, ambiguous), "{s}");
    }
    assert_eq!(l.org_head("Bank").unwrap().position, HeadPosition::Any);
    assert_eq!(l.org_head("Corp.").unwrap().position, HeadPosition::Last);
    assert!(l.org_head("Seoul").is_none());
}

#[test]
fn outlets_and_places() {
    let l = lx();
    for (s, id) in [
        ("AP", "associated-press"),
        ("The Associated Press", "associated-press"),
        ("KCNA", "korean-central-news-agency"),
        ("Yonhap News Agency", "yonhap"),
        ("DW", "deutsche-welle"),
        ("New York Times", "the-new-york-times"),
        ("RFE/RL", "radio-free-europe-radio-liberty"),
    ] {
        assert_eq!(l.outlet(s).map(|o| o.id.as_str()), Some(id), "{s}");
    }
    assert!(
        l.outlets()
            .iter()
            .all(|o| o.country.as_deref().is_none_or(|c| l.country_by_id(c).is_some()))
    );
    assert_eq!(l.place("South China Sea").map(|p| p.kind), Some(PlaceKind::Sea));
    assert_eq!(l.place("Shanghai").and_then(|p| p.country.as_deref()), Some("china"));
}

#[test]
fn personal_names() {
    let l = lx();
    for s in [
        "Kim", "Park", "Wang", "Nguyen", "Sato", "Smith", "Ivanov", "Sharma", "García",
    ] {
        assert!(l.is_surname(s), "{s}");
    }
    for s in [
        "John", "Maria", "Sergei", "Mohammed", "Hiroshi", "Min-jun", "Min Jun", "Priya",
    ] {
        assert!(l.is_given_name(s), "{s}");
    }
    assert!(l.given_name("Mark").unwrap().ambiguous);
    assert!(l.surname("Moon").unwrap().ambiguous);
    assert!(!l.surname("Kim").unwrap().ambiguous);
    assert!(!l.is_given_name("May"), "very common words are left out");
    assert!(!l.is_surname("park"), "a lower-case word is not a name");
}

fn hits(text: &str) -> Vec<(&str, String, bool)> {
    hits_in(lx(), text)
}

fn hits_in<'t>(l: &Lexicon, text: &'t str) -> Vec<(&'t str, String, bool)> {
    l.scan(text, 0..text.len())
        .into_iter()
        .map(|h| {
            let what = match h.entry {
                GazetteerEntry::Country { country, how } => format!("{}/{how:?}", country.id),
                GazetteerEntry::Outlet { outlet } => format!("outlet/{}", outlet.id),
                GazetteerEntry::Place { place } => format!("place/{}", place.id),
                GazetteerEntry::Known { known, .. } => format!("known/{}", known.id),
            };
            (&text[h.start..h.end], what, h.ambiguous)
        })
        .collect()
}

#[test]
fn scan_finds_whole_words_leftmost_longest() {
    let t = "U.S.-allied forces met Chinese President officials as the Iranian delegation left.";
    assert_eq!(
        hits(t),
        vec![
            ("U.S.", "united-states/Alias".to_string(), false),
            ("Chinese", "china/Demonym".to_string(), false),
            ("Iranian", "iran/Demonym".to_string(), false),
        ]
    );
    let t = "Patrols in the South China Sea worried Latin American leaders, The Korea Herald said.";
    let found: Vec<String> = hits(t).into_iter().map(|h| h.1).collect();
    assert_eq!(
        found,
        [
            "place/south-china-sea",
            "place/latin-america",
            "outlet/the-korea-herald"
        ]
    );
}

#[test]
fn scan_is_case_sensitive_but_reads_all_caps() {
    assert!(hits("We ate turkey and china plates.").is_empty());
    let found: Vec<String> = hits("CHINA WARNS THE KREMLIN").into_iter().map(|h| h.1).collect();
    assert_eq!(found, ["china/Name", "russia/Seat"]);
    let found = hits("Jordan said Kremlin\u{2019}s view, per Time.");
    assert_eq!(found.iter().map(|h| h.2).collect::<Vec<_>>(), [true, false, true]);
}

#[test]
fn scan_respects_the_range() {
    let t = "Moscow and Beijing";
    let hits = lx().scan(t, 7..t.len());
    assert_eq!(hits.len(), 1);
    assert_eq!(&t[hits[0].start..hits[0].end], "Beijing");
}

/// The embedded lexicon with a user's file; the file's own lines all parse.
fn with_user(text: &str) -> (Lexicon, Vec<String>) {
    let mut user = UserLexicon::default();
    let parsed = user.add_text("desk.tsv", text);
    assert!(parsed.is_empty(), "{parsed:?}");
    let (l, problems) = Lexicon::from_sources_with(&Sources::EMBEDDED, &user).unwrap_or_else(|e| panic!("{e}"));
    (l, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn user_entries_join_the_gazetteer_and_win_built_in_forms() {
    let (l, problems) = with_user(
        "Republic of Kazaria\tcountry\tKazaria\n\
         Orlen Vasquith\tleader\tO. Vasquith\tKazaria\n\
         Rina Malta\tanalyst\tMalta\tnorth-korea\n\
         Kazar Wire\toutlet\tKW\tKazaria\n\
         Brannoc\tinstitute\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let t = "O. Vasquith of Kazaria told Kazar Wire and BRANNOC that Malta and France agree.";
    let found: Vec<(&str, String)> = hits_in(&l, t).into_iter().map(|h| (h.0, h.1)).collect();
    let want = [
        ("O. Vasquith", "known/orlen-vasquith"),
        ("Kazaria", "republic-of-kazaria/Alias"),
        ("Kazar Wire", "outlet/kazar-wire"),
        ("BRANNOC", "known/brannoc"),
        ("Malta", "known/rina-malta"),
        ("France", "france/Name"),
    ];
    assert_eq!(found, want.map(|(a, b)| (a, b.to_string())));
    assert!(l.country("Malta").is_none(), "the user's entry took the form");
    assert_eq!(l.known()[0].country.as_deref(), Some("republic-of-kazaria"));
    assert_eq!(l.known()[1].country.as_deref(), Some("north-korea"));
    assert_eq!(l.outlet("KW").unwrap().country.as_deref(), Some("republic-of-kazaria"));
    assert!(lx().country("Malta").is_some(), "the process lexicon is untouched");
}

#[test]
fn an_unknown_country_keeps_the_entry_and_says_how_to_fix_it() {
    let (l, problems) = with_user("Zed Harlow\tperson\t\tAtlantis\n");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("desk.tsv:1: country `Atlantis` is not a country"),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("add a line of kind `country`"), "{}", problems[0]);
    assert_eq!(l.known()[0].name, "Zed Harlow");
    assert_eq!(l.known()[0].country, None);
}
