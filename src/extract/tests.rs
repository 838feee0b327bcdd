//! Tables of extraction cases: one invented sentence or paragraph each, with the actors and
//! relations a reader would draw from it.

use super::{Target, extract_document};
use crate::corpus::Document;
use crate::graph::ActorKind;

fn doc(text: &str) -> Document {
    Document {
        path: "t.txt".into(),
        stem: "t".into(),
        title: None,
        date: None,
        url: None,
        text: text.into(),
        furniture: Vec::new(),
    }
}

/// (label, kind) of every actor found.
fn actors(text: &str) -> Vec<(String, ActorKind)> {
    let ex = extract_document(&doc(text));
    let mut v: Vec<_> = ex.actors.iter().map(|a| (a.label.clone(), a.kind)).collect();
    v.sort();
    v
}

/// `source relation target` lines, target `doc` for the document.
fn relations(text: &str) -> Vec<String> {
    let ex = extract_document(&doc(text));
    let mut v: Vec<String> = ex
        .relations
        .iter()
        .map(|r| {
            let t = match r.target {
                Target::Actor(i) => ex.actors[i].label.clone(),
                Target::Document => "doc".into(),
            };
            let (a, b) = (ex.actors[r.source].label.clone(), t);
            let (a, b) = if r.kind.is_symmetric() && b < a { (b, a) } else { (a, b) };
            format!("{a} {} {b}", r.kind)
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn has(text: &str, want: &str) {
    let got = relations(text);
    assert!(got.iter().any(|g| g == want), "{text:?}\nwant {want}\ngot {got:#?}");
}

fn lacks(text: &str, unwanted: &str) {
    let got = relations(text);
    assert!(
        !got.iter().any(|g| g == unwanted),
        "{text:?}\nunwanted {unwanted}\ngot {got:#?}"
    );
}

fn kind_of(text: &str, label: &str) -> Option<ActorKind> {
    actors(text).into_iter().find(|(l, _)| l == label).map(|(_, k)| k)
}

#[test]
fn titles_give_kind_and_country() {
    let t = "Brazilian President Joao Pereira arrived on Monday.";
    assert_eq!(kind_of(t, "Joao Pereira"), Some(ActorKind::Leader));
    has(t, "Joao Pereira affiliated-to Brazil");
    let t = "The talks were led by then-Kenyan Foreign Minister Amina Wanjiru.";
    has(t, "Amina Wanjiru affiliated-to Kenya");
}

#[test]
fn appositions_give_role_and_institute() {
    let t = "\"It is a turning point,\" said Lars Eriksen, a professor of economics at the Nordic Policy Institute.";
    assert_eq!(kind_of(t, "Lars Eriksen"), Some(ActorKind::Analyst));
    has(t, "Lars Eriksen affiliated-to Nordic Policy Institute");
    has(t, "Lars Eriksen quoted-in doc");
    let t = "Maria Santos, director of the Energy Unit at the Andes Research Institute, told reporters the plan would fail.";
    has(t, "Maria Santos affiliated-to Andes Research Institute");
    lacks(t, "Maria Santos affiliated-to Energy Unit");
}

#[test]
fn surnames_and_honorifics_join_the_full_name() {
    let t = "Prime Minister Kofi Mensah spoke first. Mr. Mensah said the port would reopen. Mensah left at noon.";
    let a = actors(t);
    assert_eq!(a.iter().filter(|(l, _)| l.contains("Mensah")).count(), 1, "{a:?}");
}

#[test]
fn acronyms_defined_in_parentheses_are_aliases() {
    let t = "The Central Bank of Ruritania (CBR) raised rates. The CBR said inflation was high.";
    let ex = extract_document(&doc(t));
    let bank = ex
        .actors
        .iter()
        .find(|a| a.label.contains("Central Bank"))
        .expect("bank found");
    assert!(bank.aliases.contains("CBR"), "{:?}", bank.aliases);
    has(t, "Central Bank of Ruritania quoted-in doc");
}

#[test]
fn meetings_and_their_absence() {
    has(
        "Chancellor Greta Holm met President Ivan Petrov in Vienna.",
        "Greta Holm met-with Ivan Petrov",
    );
    has(
        "Premier Li Wen shook hands with President Ana Costa and Prime Minister Raj Patel.",
        "Li Wen met-with Raj Patel",
    );
    lacks(
        "Chancellor Greta Holm will meet President Ivan Petrov next week.",
        "Greta Holm met-with Ivan Petrov",
    );
    lacks(
        "Chancellor Greta Holm refused to meet President Ivan Petrov.",
        "Greta Holm met-with Ivan Petrov",
    );
}

#[test]
fn alliances() {
    has(
        "Canada has long been Norway's closest ally.",
        "Canada allied-with Norway",
    );
    has("The Chile-Peru-Colombia framework held firm.", "Chile allied-with Peru");
    has("Japan-allied Philippines sent ships.", "Japan allied-with Philippines");
    lacks("Canada traded grain with Norway.", "Canada allied-with Norway");
}

#[test]
fn capitals_speak_for_their_state_unless_they_are_places() {
    has(
        "Ottawa has been Oslo's ally since the war.",
        "Canada allied-with Norway",
    );
    let t = "The delegates gathered in Ottawa on Monday.";
    assert_eq!(kind_of(t, "Canada"), None);
}

#[test]
fn organisations_in_a_state() {
    has(
        "Peruvian Customs seized the cargo on Monday.",
        "Peruvian Customs affiliated-to Peru",
    );
    has(
        "She works at the Harbour Institute in Oslo.",
        "Harbour Institute affiliated-to Norway",
    );
}

#[test]
fn debug_dump() {
    let text = std::env::var("DUMP").unwrap_or_default();
    let spans = crate::text::sentences(&text, &[]);
    for (i, s) in spans.iter().enumerate() {
        let view = super::sentence::SentenceView::new(&text, i, *s);
        eprintln!("TAGGED {:?}", view.tagged);
        for w in view.words.iter().filter(|w| w.gaz.is_some()) { eprintln!("GAZ {:?} {:?}", w.text, w.gaz); }
        for c in super::names::find(&view, &text) { eprintln!("CAND {}..{} {:?} {:?} role={:?} tagged={:?}", c.first, c.last, c.text, c.what, c.role, c.tagged); }
    }
}
