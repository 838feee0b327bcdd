//! Tables of identity cases: invented articles, and the nodes a reader would expect.

use super::{Config, Pipeline};
use crate::corpus::Document;
use crate::graph::{ActorKind, Graph};

fn doc(stem: &str, text: &str) -> Document {
    Document {
        path: format!("{stem}.txt"),
        stem: stem.into(),
        title: None,
        date: None,
        url: None,
        byline: None,
        text: text.into(),
        furniture: Vec::new(),
    }
}

fn graph(texts: &[&str]) -> Graph {
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("d{i}"), t))
        .collect();
    build_graph(&docs)
}

fn build_graph(docs: &[Document]) -> Graph {
    static PIPELINE: std::sync::LazyLock<Pipeline> =
        std::sync::LazyLock::new(|| Pipeline::new(&Config::default()).expect("the embedded pipeline"));
    PIPELINE.graph_of(docs)
}

fn people(g: &Graph) -> Vec<String> {
    g.actors()
        .filter(|a| a.kind.is_person())
        .map(|a| a.label.clone())
        .collect()
}

#[test]
fn hyphen_and_space_spellings_are_one_person_across_documents() {
    let g = graph(&[
        "South Korean President Park Min-jun arrived in Tokyo.",
        "President Park Min Jun said the talks went well.",
    ]);
    assert_eq!(people(&g).len(), 1, "{:?}", people(&g));
    let park = g.actors().find(|a| a.kind.is_person()).unwrap();
    assert_eq!(park.id, "park-min-jun");
    assert_eq!(park.kind, ActorKind::Leader);
    assert_eq!(park.documents.len(), 2);
}

#[test]
fn surnames_titles_and_possessives_join_the_full_name() {
    let g = graph(&[
        "Ghanaian President Kofi Mensah opened the port. Mr. Mensah said trade would grow. \
                     Mensah's critics disagreed.",
    ]);
    assert_eq!(people(&g), vec!["Kofi Mensah"]);
    assert!(g.actor("kofi-mensah").unwrap().mentions >= 3);
}

#[test]
fn a_surname_alone_in_another_document_joins_the_only_person_who_carries_it() {
    let g = graph(&[
        "Chancellor Greta Holm met President Ivan Petrov.",
        "Holm said the deal was done.",
    ]);
    assert_eq!(people(&g).len(), 2, "{:?}", people(&g));
    let holm = g.actor("greta-holm").unwrap();
    assert_eq!(holm.documents.len(), 2);
}

#[test]
fn two_people_sharing_a_surname_are_told_apart_by_context() {
    let text = "Prime Minister Lee Sung-ho met the press on Monday. Mr. Lee said exports would rise. \
                Lee Sung-ho later left for Tokyo. \
                \"It will not last,\" said Lee Da-eun, a researcher at the Han River Institute (HRI). \
                \"The numbers are weak,\" added Mr. Lee of HRI.";
    let g = graph(&[text]);
    let mut p = people(&g);
    p.sort();
    assert_eq!(p, vec!["Lee Da-eun", "Lee Sung-ho"]);
    let quoted: Vec<&str> = g
        .relations()
        .filter(|r| r.kind == crate::graph::RelationKind::QuotedIn)
        .map(|r| r.source.as_str())
        .collect();
    let da_eun = g
        .relations()
        .find(|r| r.source == "lee-da-eun" && r.kind == crate::graph::RelationKind::QuotedIn)
        .unwrap();
    assert_eq!(da_eun.weight(), 2, "`Mr. Lee of HRI` is Lee Da-eun: {quoted:?}");
}

#[test]
fn capitals_and_seats_of_government_stand_for_their_state() {
    let g = graph(&["Nairobi has been Kampala's ally for years. The Kremlin said it would respond."]);
    assert!(g.actor("kenya").is_some() && g.actor("uganda").is_some() && g.actor("russia").is_some());
    assert!(
        g.relations()
            .any(|r| r.kind == crate::graph::RelationKind::AlliedWith && r.source == "kenya" && r.target == "uganda")
    );
    assert!(g.actors().all(|a| a.label != "Nairobi" && a.label != "Kremlin"));
}

#[test]
fn initials_of_an_organisation_are_its_alias() {
    let g = graph(&[
        "Amara Obi, director of the Council for Coastal Fisheries, said stocks fell. \
                     Ms. Obi of CFCF added that quotas would change.",
    ]);
    let council = g.actor("council-for-coastal-fisheries").expect("council found");
    assert_eq!(council.kind, ActorKind::Institute);
    assert_eq!(g.actors().filter(|a| a.kind == ActorKind::Institute).count(), 1);
}

#[test]
fn argument_order_does_not_change_the_graph() {
    let a = doc("a", "Chancellor Greta Holm met President Ivan Petrov in Vienna.");
    let b = doc(
        "b",
        "Holm told reporters the talks were useful. Austria and Hungary are allies.",
    );
    let g1 = build_graph(&[a.clone(), b.clone()]);
    let mut docs = vec![b, a];
    docs.sort_by(|x, y| x.path.cmp(&y.path));
    assert_eq!(g1, build_graph(&docs));
}

#[test]
fn generic_names_of_different_states_stay_apart_across_documents() {
    // `the Foreign Ministry` of one state is never that of another, however it is written.
    let g = graph(&[
        "Brazil's Foreign Ministry said the talks would resume.",
        "The Peruvian Foreign Ministry denied the report.",
        "A spokesman for the Foreign Ministry of Brazil confirmed it.",
        "Brazil's Ministry of Foreign Affairs said on Monday the talks had ended.",
    ]);
    let mut bodies: Vec<(String, usize)> = g
        .actors()
        .filter(|a| a.kind == ActorKind::Institute)
        .map(|a| (a.id.clone(), a.documents.len()))
        .collect();
    bodies.sort();
    assert_eq!(
        bodies,
        [
            ("brazilian-foreign-ministry".to_string(), 3),
            ("peruvian-foreign-ministry".to_string(), 1)
        ]
    );
    // A central bank's own name stays its name.
    let g = graph(&["The Bank of Norway raised its key rate on Thursday."]);
    assert!(
        g.actor("bank-of-norway").is_some(),
        "{:?}",
        g.actors().map(|a| &a.id).collect::<Vec<_>>()
    );
}
