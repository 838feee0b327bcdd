//! Tables of extraction cases: one invented sentence or paragraph each, with the actors and
//! relations a reader would draw from it.

use super::{Extraction, MAX_RELATIONS_PER_SENTENCE, MAX_SENTENCE_BYTES, Target, bounded};
use crate::corpus::Document;
use crate::graph::ActorKind;
use crate::text::Span;

fn doc(text: &str) -> Document {
    Document {
        path: "t.txt".into(),
        stem: "t".into(),
        title: None,
        date: None,
        url: None,
        byline: None,
        text: text.into(),
        furniture: Vec::new(),
    }
}

/// The embedded pipeline, built once for every case.
pub(super) fn pipeline() -> &'static crate::pipeline::Pipeline {
    static PIPELINE: std::sync::LazyLock<crate::pipeline::Pipeline> = std::sync::LazyLock::new(|| {
        crate::pipeline::Pipeline::new(&crate::pipeline::Config::default()).expect("the embedded pipeline")
    });
    &PIPELINE
}

fn extract_document(doc: &Document) -> Extraction {
    pipeline().extract(doc)
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
    // An ally of a ruler's government is an ally of the state it rules.
    has(
        "Canada has been a close ally of President Ivo Ranek's government in Norway for years.",
        "Canada allied-with Norway",
    );
    lacks(
        "Canada has been a close ally of President Ivo Ranek for years.",
        "Canada allied-with Norway",
    );
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

/// Each rule class of news English, as (text, relation that must be drawn).
const MUST: &[(&str, &str)] = &[
    // Quotations.
    (
        "\"The port will reopen,\" said Amara Obi, a fisheries expert at the Coastal Institute.\n\n\"Stocks are recovering.\"",
        "Amara Obi quoted-in doc",
    ),
    (
        "Prices will rise, according to Lars Eriksen, an economist at the Nordic Policy Institute.",
        "Lars Eriksen quoted-in doc",
    ),
    (
        "Premier Li Wen told reporters that the dam was safe.",
        "Li Wen quoted-in doc",
    ),
    (
        "The Central Bank of Ruritania said in a statement that rates would hold.",
        "Central Bank of Ruritania quoted-in doc",
    ),
    (
        "Senator Maria Lopez tweeted that the vote was rigged.",
        "Maria Lopez quoted-in doc",
    ),
    (
        "Chancellor Greta Holm arrived late. \"We need more time,\" she said.",
        "Greta Holm quoted-in doc",
    ),
    // Affiliations.
    (
        "Paolo Ricci, a senior fellow at the Adriatic Security Institute, disagreed.",
        "Paolo Ricci affiliated-to Adriatic Security Institute",
    ),
    (
        "Nkosi Dlamini, director of the Water Unit at the Southern Research Institute, spoke first.",
        "Nkosi Dlamini affiliated-to Southern Research Institute",
    ),
    (
        "Iranian Foreign Minister Reza Karimi landed in Oslo.",
        "Reza Karimi affiliated-to Iran",
    ),
    (
        "The talks were led by then-Kenyan President Samuel Otieno.",
        "Samuel Otieno affiliated-to Kenya",
    ),
    (
        "Former Brazilian President Joao Pereira criticised the plan.",
        "Joao Pereira affiliated-to Brazil",
    ),
    (
        "\"It cannot last,\" said Ivo Horvat, a retired Croatian general.",
        "Ivo Horvat affiliated-to Croatia",
    ),
    (
        "Ms. Adeyemi of the Lagos Trade Council said exports rose.",
        "Adeyemi affiliated-to Lagos Trade Council",
    ),
    (
        "Canada's prime minister, Claire Dubois, flew home.",
        "Claire Dubois affiliated-to Canada",
    ),
    // Meetings.
    (
        "Chancellor Greta Holm met President Ivan Petrov in Vienna.",
        "Greta Holm met-with Ivan Petrov",
    ),
    (
        "President Ivan Petrov held talks with Prime Minister Raj Patel on Friday.",
        "Ivan Petrov met-with Raj Patel",
    ),
    (
        "King Harald hosted President Ivan Petrov at the palace.",
        "Harald met-with Ivan Petrov",
    ),
    (
        "Premier Li Wen sat down with Chancellor Greta Holm for an hour.",
        "Greta Holm met-with Li Wen",
    ),
    (
        "President Ana Costa shook hands with Prime Minister Raj Patel.",
        "Ana Costa met-with Raj Patel",
    ),
    (
        "Premier Li Wen met with President Ana Costa and Prime Minister Raj Patel.",
        "Li Wen met-with Raj Patel",
    ),
    (
        "Premier Li Wen met with President Ana Costa and Prime Minister Raj Patel.",
        "Ana Costa met-with Li Wen",
    ),
    // Alliances.
    (
        "Canada has long been Norway's closest ally.",
        "Canada allied-with Norway",
    ),
    (
        "The alliance between Chile and Peru held, with Chile calling Peru a partner.",
        "Chile allied-with Peru",
    ),
    ("The Chile-Peru-Colombia framework held firm.", "Chile allied-with Peru"),
    ("Japan-allied Philippines sent ships.", "Japan allied-with Philippines"),
    (
        "Norway and Denmark, both NATO members, sent ships.",
        "Denmark allied-with Norway",
    ),
    (
        "In a new trilateral partnership, Ghana, Togo and Benin agreed to patrol the coast.",
        "Ghana allied-with Togo",
    ),
    // Identities.
    (
        "The Ministry of Fisheries said quotas would fall.",
        "Ministry of Fisheries quoted-in doc",
    ),
    ("The Kremlin said it would respond.", "Russia quoted-in doc"),
    (
        "Downing Street said the talks had failed.",
        "United Kingdom quoted-in doc",
    ),
    (
        "The Council for Coastal Fisheries (CCF) met. The CCF said stocks fell.",
        "Council for Coastal Fisheries quoted-in doc",
    ),
];

/// Relations that must not be drawn.
const MUST_NOT: &[(&str, &str)] = &[
    (
        "Chancellor Greta Holm will meet President Ivan Petrov next week.",
        "Greta Holm met-with Ivan Petrov",
    ),
    (
        "Chancellor Greta Holm refused to meet President Ivan Petrov.",
        "Greta Holm met-with Ivan Petrov",
    ),
    (
        "A summit between Chancellor Greta Holm and President Ivan Petrov was cancelled.",
        "Greta Holm met-with Ivan Petrov",
    ),
    (
        "If Chancellor Greta Holm met President Ivan Petrov, markets would calm.",
        "Greta Holm met-with Ivan Petrov",
    ),
    (
        "President Ivan Petrov hopes to meet Chancellor Greta Holm.",
        "Greta Holm met-with Ivan Petrov",
    ),
    ("Canada traded grain with Norway.", "Canada allied-with Norway"),
    ("Turkey and Greece want to join NATO.", "Greece allied-with Turkey"),
    ("American officials said Canada would agree.", "Canada quoted-in doc"),
    (
        "Peter Ward, a Korea researcher at the Harbour Institute, spoke.",
        "Peter Ward affiliated-to South Korea",
    ),
];

#[test]
fn rule_classes_draw_their_relations() {
    let mut failed = Vec::new();
    for (text, want) in MUST {
        let got = relations(text);
        if !got.iter().any(|g| g == want) {
            failed.push(format!("{text:?}\n  want {want}\n  got {got:?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        MUST.len(),
        failed.join("\n")
    );
}

#[test]
fn planned_refused_and_unnamed_draw_nothing() {
    let mut failed = Vec::new();
    for (text, unwanted) in MUST_NOT {
        let got = relations(text);
        if got.iter().any(|g| g == unwanted) {
            failed.push(format!("{text:?}\n  unwanted {unwanted}\n  got {got:?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        MUST_NOT.len(),
        failed.join("\n")
    );
}

#[test]
fn institutions_are_institutes() {
    for (text, label) in [
        (
            "The Ministry of Fisheries said quotas would fall.",
            "Ministry of Fisheries",
        ),
        ("The Social Democratic Party won the vote.", "Social Democratic Party"),
        ("The National Assembly passed the bill on Monday.", "National Assembly"),
        ("The United Nations said aid was blocked.", "United Nations"),
    ] {
        assert_eq!(
            kind_of(text, label),
            Some(ActorKind::Institute),
            "{text}: {:?}",
            actors(text)
        );
    }
}

#[test]
fn long_sentences_are_cut_at_spaces_into_bounded_pieces() {
    let word = "ab\u{e9} ";
    let text = word.repeat(3 * MAX_SENTENCE_BYTES / word.len());
    let whole = Span::new(0, text.trim_end().len());
    let pieces = bounded(&text, vec![whole]);
    assert!(pieces.len() >= 3, "{}", pieces.len());
    for p in &pieces {
        assert!(p.len() <= MAX_SENTENCE_BYTES && !p.is_empty());
        let t = p.text(&text);
        assert_eq!(t, t.trim(), "pieces are trimmed");
        assert!(t.ends_with("ab\u{e9}"), "cut between words: {:?}", &t[t.len() - 8..]);
    }
    let joined: String = pieces.iter().map(|p| p.text(&text)).collect::<Vec<_>>().join(" ");
    assert_eq!(joined, text.trim_end(), "nothing lost");
    let no_space = "\u{e9}".repeat(MAX_SENTENCE_BYTES);
    let pieces = bounded(&no_space, vec![Span::new(0, no_space.len())]);
    assert_eq!(pieces.len(), 2, "cut on a char boundary when there is no space");
    let short = vec![Span::new(0, 3)];
    assert_eq!(bounded("abc", short.clone()), short);
}

/// Invented two-part names, distinct in both parts (up to 1,728 of them).
fn invented_names(n: usize) -> Vec<String> {
    const SYL: [&str; 12] = ["Ba", "ke", "lo", "mi", "nu", "pa", "re", "si", "to", "va", "za", "du"];
    let cap = |s: &str| s[..1].to_uppercase() + &s[1..];
    (0..n)
        .map(|i| {
            let (a, b, c) = (SYL[i % 12], SYL[i / 12 % 12], SYL[i / 144 % 12]);
            format!("{}{b}{c}n {}{b}{a}vic", cap(a), cap(c))
        })
        .collect()
}

#[test]
fn a_sentence_crowded_with_meetings_yields_at_most_the_cap() {
    let names = invented_names(996);
    let crowd: Vec<String> = names
        .chunks(4)
        .map(|p| format!("{}, {}, {} and {} met;", p[0], p[1], p[2], p[3]))
        .collect();
    let text = format!("{} then it rained.", crowd.join(" "));
    let ex = extract_document(&doc(&text));
    let mut per_sentence = std::collections::BTreeMap::new();
    for r in &ex.relations {
        *per_sentence.entry(r.evidence.start).or_insert(0) += 1;
    }
    let most = per_sentence.values().copied().max().unwrap_or(0);
    assert_eq!(most, MAX_RELATIONS_PER_SENTENCE, "the cap is reached, never passed");
    assert!(
        ex.relations.len() >= per_sentence.len(),
        "every piece still yields meetings"
    );
    assert!(per_sentence.len() > 1, "the crowd spans several pieces");
}

#[test]
fn one_subject_meeting_a_long_list_is_not_read_as_meetings() {
    let names = invented_names(20);
    let short = format!("President {} met {} and {} on Monday.", names[0], names[1], names[2]);
    assert_eq!(relations(&short).len(), 2, "{:?}", relations(&short));
    let long = format!(
        "President {} met {} and {} on Monday.",
        names[0],
        names[1..19].join(", "),
        names[19]
    );
    assert!(
        relations(&long).iter().all(|r| !r.contains("met-with")),
        "{:?}",
        relations(&long)
    );
}

#[test]
fn the_pronoun_i_is_never_an_actor() {
    for text in [
        "One expert I know said the plan had failed.",
        "\"I doubt it will help,\" said Lena Morgan, an analyst at the Harbour Institute.",
    ] {
        let labels: Vec<String> = actors(text).into_iter().map(|(l, _)| l).collect();
        assert!(!labels.iter().any(|l| l == "I"), "{text:?}: {labels:?}");
    }
}

#[test]
fn a_particle_the_tagger_stops_at_stays_in_the_name() {
    let text = "The leader, Karim Hassan al-Tikriti, and his aides spoke.";
    let mut view = super::sentence::SentenceView::new(
        pipeline().knowledge(),
        &crate::learn::tagger::Tagger::embedded().unwrap(),
        text,
        0,
        Span::new(0, text.len()),
    );
    // As the tagger sometimes reads such a name: up to the particle only.
    let karim = view.words.iter().position(|w| w.text == "Karim").unwrap();
    view.tagged = vec![(karim, karim + 2, crate::learn::tagger::EntityType::Per)];
    let found: Vec<String> = super::names::find(&view, text).into_iter().map(|c| c.text).collect();
    assert_eq!(found, ["Karim Hassan al-Tikriti"]);
}

#[test]
fn a_named_news_site_is_an_outlet_and_a_university_site_an_institute() {
    let text = "Aid workers told Harbourwatch.info the claims were false.";
    assert_eq!(
        kind_of(text, "Harbourwatch.info"),
        Some(ActorKind::Outlet),
        "{:?}",
        actors(text)
    );
    let text = "The figures were posted on Lakeshore.edu on Monday, the agency said.";
    assert_eq!(
        kind_of(text, "Lakeshore.edu"),
        Some(ActorKind::Institute),
        "{:?}",
        actors(text)
    );
}

#[test]
fn a_common_word_starting_a_sentence_is_no_name() {
    for (text, word) in [
        ("Police said the two men were held overnight in Varden.", "Police"),
        ("\"Obviously, the vote changes little,\" said Lena Morgan.", "Obviously"),
        ("Company shares fell after the report.", "Company"),
    ] {
        let labels: Vec<String> = actors(text).into_iter().map(|(l, _)| l).collect();
        assert!(!labels.iter().any(|l| l == word), "{text:?}: {labels:?}");
    }
    // Named otherwise in the document, it is that actor.
    let text = "Tomas Rice, the mayor, spoke first. Rice said the budget was balanced.";
    let ex = extract_document(&doc(text));
    let owner = |start: usize| ex.mentions.iter().find(|m| m.start == start).map(|m| m.entity.clone());
    assert_eq!(
        owner(text.rfind("Rice").unwrap()),
        owner(text.find("Tomas").unwrap()),
        "{:?}",
        ex.mentions
    );
}

#[test]
fn a_name_inside_the_name_of_an_event_names_no_actor() {
    let text = "Kell Mora won the Norway Open on Sunday.";
    let mut view = super::sentence::SentenceView::new(
        pipeline().knowledge(),
        &crate::learn::tagger::Tagger::embedded().unwrap(),
        text,
        0,
        Span::new(0, text.len()),
    );
    let norway = view.words.iter().position(|w| w.text == "Norway").unwrap();
    let kell = view.words.iter().position(|w| w.text == "Kell").unwrap();
    use crate::learn::tagger::EntityType::{Misc, Per};
    view.tagged = vec![(kell, kell + 2, Per), (norway, norway + 2, Misc)];
    let found: Vec<String> = super::names::find(&view, text).into_iter().map(|c| c.text).collect();
    assert_eq!(found, ["Kell Mora"]);
}

#[test]
fn a_datelines_place_is_a_place() {
    for (text, place) in [
        ("VARDENHOLM 2024-03-02\nThe council met on Saturday.", "VARDENHOLM"),
        ("OSKBERG, Mar 2 - The council met on Saturday.", "OSKBERG"),
        ("KELLMOOR , Westshire 2024-03-02\nThe council met.", "KELLMOOR"),
    ] {
        let ex = extract_document(&doc(text));
        let m = ex.mentions.iter().find(|m| m.text == place);
        assert_eq!(m.map(|m| m.kind.as_str()), Some("place"), "{text:?}: {:?}", ex.mentions);
    }
    // Scores in capitals are no dateline.
    let ex = extract_document(&doc("HOLMBURY 22 POINTS\nThe table after Saturday."));
    assert!(ex.mentions.iter().all(|m| m.kind != "place"), "{:?}", ex.mentions);
}

#[test]
fn an_organisation_without_its_head_word_is_that_organisation() {
    let text = "Brenvik SpA said on Monday it had sold its cable unit. Brenvik shares rose 3 percent.";
    let ex = extract_document(&doc(text));
    let entity = |word: &str| {
        let at = text.rfind(word).unwrap();
        ex.mentions
            .iter()
            .find(|m| m.start == at)
            .map(|m| (m.entity.clone(), m.kind.clone()))
    };
    assert_eq!(entity("Brenvik shares"), entity("Brenvik SpA"), "{:?}", ex.mentions);
}

#[test]
fn an_organisation_without_its_head_words_is_that_organisation() {
    // Two heads stripped: `Tarvel International Inc` is also `Tarvel International` and `Tarvel`.
    let text = "Tarvel International Inc said it would buy the plant. Tarvel was up 2 cents.";
    let ex = extract_document(&doc(text));
    let of = |at: usize| {
        ex.mentions
            .iter()
            .find(|m| m.start == at)
            .map(|m| (m.entity.clone(), m.kind.clone()))
    };
    let short = text.rfind("Tarvel").unwrap();
    assert_eq!(of(short), of(0), "{:?}", ex.mentions);
}

#[test]
fn a_name_before_a_company_title_is_the_company() {
    for (text, company) in [
        ("Orvasco chief executive Lena Markel said sales fell.", "Orvasco"),
        (
            "Quillon CEO Daniel Perrow told reporters the plant would close.",
            "Quillon",
        ),
        (
            "Sales at Dremtek fell, Dremtek general manager Pal Voss said.",
            "Dremtek",
        ),
    ] {
        let ex = extract_document(&doc(text));
        let m = ex.mentions.iter().rfind(|m| m.text == company);
        assert_eq!(
            m.map(|m| m.kind.as_str()),
            Some("institute"),
            "{text:?}: {:?}",
            ex.mentions
        );
    }
    // A person's title that companies do not give keeps the name before it a person's.
    let ex = extract_document(&doc("Marten Holloway adviser Jan Kreel said the talks went well."));
    assert!(ex.mentions.iter().all(|m| m.kind != "institute"), "{:?}", ex.mentions);
}

#[test]
fn a_capitalised_article_inside_a_sentence_is_the_names() {
    let ex = extract_document(&doc("The final was played at The Kellerdome on Sunday."));
    assert!(
        ex.mentions.iter().any(|m| m.text == "The Kellerdome"),
        "{:?}",
        ex.mentions
    );
    // At the start of a sentence the article is the sentence's.
    let ex = extract_document(&doc("The Kellerdome was full on Sunday."));
    assert!(ex.mentions.iter().any(|m| m.text == "Kellerdome"), "{:?}", ex.mentions);
}

/// Met-with pairs of a text, as sorted labels, with the trigger word.
fn meetings_of(text: &str) -> Vec<(String, String, String)> {
    let ex = extract_document(&doc(text));
    let mut out: Vec<(String, String, String)> = ex
        .relations
        .iter()
        .filter(|r| r.kind == crate::graph::RelationKind::MetWith)
        .filter_map(|r| {
            let crate::extract::Target::Actor(t) = r.target else {
                return None;
            };
            let (mut a, mut b) = (ex.actors[r.source].label.clone(), ex.actors[t].label.clone());
            if b < a {
                std::mem::swap(&mut a, &mut b);
            }
            Some((a, b, r.evidence.trigger.clone()))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Meetings as the surface rules read them, with the modality and `between` traps.
#[test]
fn meetings_and_their_traps() {
    let pair = |a: &str, b: &str, t: &str| vec![(a.to_string(), b.to_string(), t.to_string())];
    let cases: Vec<(&str, Vec<(String, String, String)>)> = vec![
        (
            "Maria Kessler's meeting with Peter Halloran lasted an hour.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "Maria Kessler, who met Peter Halloran last week, said the talks went well.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "Maria Kessler and Peter Halloran held talks in Brindle on Tuesday.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        // Modality: planned, refused, negated, conditional.
        ("Maria Kessler will hold talks with Peter Halloran next week.", vec![]),
        ("Maria Kessler did not welcome Peter Halloran.", vec![]),
        ("Maria Kessler refused to hold talks with Peter Halloran.", vec![]),
        (
            "If Maria Kessler welcomes Peter Halloran, the deal may go ahead.",
            vec![],
        ),
        (
            "After Maria Kessler plans to meet Peter Halloran, the deal may go ahead.",
            vec![],
        ),
        // A preposition alone is no meeting; nor is receiving a thing.
        ("The rivalry between Maria Kessler and Peter Halloran is old.", vec![]),
        (
            "Infighting between Maria Kessler and Peter Halloran has split the party.",
            vec![],
        ),
        ("Maria Kessler received a letter from Peter Halloran.", vec![]),
        (
            "Prices between 50 and 100 dollars were common, said Maria Kessler.",
            vec![],
        ),
        (
            "The talks between Maria Kessler and Peter Halloran ended.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        // `to` far before the trigger is a preposition, not an infinitive.
        (
            "Speaking during his flight to Brindle, Peter Halloran praised his talks with Maria Kessler.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        ("Maria Kessler is set to meet Peter Halloran on Monday.", vec![]),
        ("Maria Kessler agreed to hold talks with Peter Halloran.", vec![]),
        // A noun of meeting a few words of time or place before its `with`.
        (
            "Maria Kessler's meeting on Friday with Peter Halloran in Brindle went well.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "Maria Kessler's talks in Brindle with Peter Halloran ended early.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "Maria Kessler's meeting ended with Peter Halloran's resignation.",
            vec![],
        ),
        ("Maria Kessler stood with Peter Halloran on the tariff vote.", vec![]),
        // Co-subjects joined by `and` all meet the other side; a possessive's owner does not.
        (
            "Maria Kessler and her husband Tomas Brandt hosted a dinner for Peter Halloran.",
            {
                let mut v = pair("Maria Kessler", "Peter Halloran", "");
                v.extend(pair("Peter Halloran", "Tomas Brandt", ""));
                v
            },
        ),
        (
            "Maria Kessler's husband Tomas Brandt met with Peter Halloran.",
            pair("Peter Halloran", "Tomas Brandt", ""),
        ),
        (
            "Maria Kessler, Lena Markel and Tomas Brandt extended a warm welcome to Peter Halloran.",
            {
                let mut v = pair("Lena Markel", "Peter Halloran", "");
                v.extend(pair("Maria Kessler", "Peter Halloran", ""));
                v.extend(pair("Peter Halloran", "Tomas Brandt", ""));
                v
            },
        ),
        // A quotation inside the clause does not cut the subject off its trigger.
        (
            "Maria Kessler gave an “unusually warm and long” reception to Peter Halloran.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        // A name after a noun of family is a person's, even alone.
        ("Maria Kessler met Peter Halloran and his wife, Ilse.", {
            let mut v = pair("Ilse", "Maria Kessler", "");
            v.extend(pair("Maria Kessler", "Peter Halloran", ""));
            v
        }),
        // People of the clause who are not co-subjects did not meet each other.
        (
            "Maria Kessler's plan gave Peter Halloran leverage in months of meetings with the ministry.",
            vec![],
        ),
        // Those who did it together are the names joined by `and`.
        (
            "Maria Kessler, Lena Markel and Peter Halloran walked together to the hall.",
            {
                let mut v = pair("Lena Markel", "Maria Kessler", "");
                v.extend(pair("Lena Markel", "Peter Halloran", ""));
                v.extend(pair("Maria Kessler", "Peter Halloran", ""));
                v
            },
        ),
        (
            "His partner at Brindle Foods, Peter Halloran, called Maria Kessler a master at bolting together deals.",
            vec![],
        ),
        // A reciprocal before a possessive is what each has, not a meeting.
        (
            "Maria Kessler and Peter Halloran attacked each other's records.",
            vec![],
        ),
        (
            "Maria Kessler and Peter Halloran greeted each other warmly.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        // A fronted phrase's meeting belongs to the main clause's subject.
        (
            "Following talks with Maria Kessler, Peter Halloran said the deal was close.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "During talks with Maria Kessler in Brindle, Peter Halloran raised the tariffs.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        (
            "Ahead of talks with Maria Kessler, Peter Halloran said the deal was close.",
            vec![],
        ),
        (
            "Following talks with Maria Kessler, the ministry said Peter Halloran was wrong.",
            vec![],
        ),
        // A noun of meeting up to four words before its `with`.
        (
            "Peter Halloran spoke during a meeting in the Oval Office with Maria Kessler.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        // A sentence's first word of meeting is no name.
        (
            "Talks between Maria Kessler and Peter Halloran ended.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        ("Talks with Maria Kessler and Peter Halloran ended early.", vec![]),
        // `alongside` only after a word of standing together.
        (
            "Maria Kessler appeared alongside Peter Halloran at the rally.",
            pair("Maria Kessler", "Peter Halloran", ""),
        ),
        ("Maria Kessler, alongside Peter Halloran, criticised the plan.", vec![]),
        // Standing together: the one in the middle met both.
        ("Maria Kessler was seated between Peter Halloran and Lena Markel.", {
            let mut v = pair("Lena Markel", "Maria Kessler", "");
            v.extend(pair("Maria Kessler", "Peter Halloran", ""));
            v
        }),
    ];
    for (text, _) in &cases {
        // No meeting rests on a preposition alone: the trigger holds the word that makes one.
        for (_, _, trigger) in meetings_of(text) {
            assert!(
                !["between", "alongside", "with"].contains(&trigger.to_lowercase().as_str()),
                "{text}: {trigger}"
            );
        }
    }
    for (text, want) in cases {
        // Pairs only: two triggers of one meeting (`hosted a dinner for`) are one meeting.
        let pairs = |v: Vec<(String, String, String)>| {
            let mut p = v.into_iter().map(|(a, b, _)| (a, b)).collect::<Vec<_>>();
            p.dedup();
            p
        };
        assert_eq!(pairs(meetings_of(text)), pairs(want), "{text}: {:?}", meetings_of(text));
    }
}

/// `(pronoun, the label of the person it is read as)` for every pronoun of a text.
fn pronouns_of(text: &str) -> Vec<(String, String)> {
    let d = doc(text);
    let ex = extract_document(&d);
    ex.pronoun_mentions(&d)
        .iter()
        .map(|m| {
            let a = ex
                .actors
                .iter()
                .find(|a| crate::extract::identity::actor_slug(a) == m.entity);
            (m.text.clone(), a.map_or(m.entity.clone(), |a| a.label.clone()))
        })
        .collect()
}

/// Pronouns: gender agreement, a pronoun subject passing its person on, possessives after a
/// person of their own sentence, and quotations left alone.
#[test]
fn pronouns_and_their_people() {
    let p = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        // The first person of the last sentence that named someone, of the pronoun's gender.
        (
            "Mr. Peter Halloran met Mrs. Maria Kessler on Monday. She said the talks went well.",
            p(&[("She", "Maria Kessler")]),
        ),
        (
            "Mrs. Maria Kessler met Mr. Peter Halloran on Monday. He said the talks went well.",
            p(&[("He", "Peter Halloran")]),
        ),
        // Unknown gender agrees with both: the subject.
        (
            "Peter Halloran met Tomas Brandt on Monday. He said the talks went well.",
            p(&[("He", "Peter Halloran")]),
        ),
        // A pronoun subject passes its person on to the next sentence.
        (
            "Mr. Peter Halloran spoke first. He said Mr. Tomas Brandt was wrong. In his speech, he asked for calm.",
            p(&[
                ("He", "Peter Halloran"),
                ("his", "Peter Halloran"),
                ("he", "Peter Halloran"),
            ]),
        ),
        // A possessive after a person of its own sentence is theirs.
        (
            "Mr. Peter Halloran said that Mr. Tomas Brandt looked tired in his first debate.",
            p(&[("his", "Tomas Brandt")]),
        ),
        // Inside a quotation, pronouns are the speaker's words: not read.
        (
            "Mr. Peter Halloran spoke. \u{201c}He is wrong,\u{201d} said Mrs. Maria Kessler.",
            p(&[]),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(pronouns_of(text), want, "{text}");
    }
}

/// The words a pronoun can be: ASCII letter runs, cut at any non-letter, never part of a
/// longer word with other letters.
#[test]
fn ascii_words_cut_at_non_letters_and_skip_other_scripts() {
    let text = "he’s —she Théo,him.Ça her";
    let words: Vec<&str> = super::ascii_words(text, Span::new(0, text.len()))
        .map(|(_, w)| w)
        .collect();
    assert_eq!(words, ["he", "s", "she", "him", "her"]);
    for (at, w) in super::ascii_words(text, Span::new(0, text.len())) {
        assert_eq!(&text[at..at + w.len()], w);
    }
}

/// Two readings of one person's name (one's words begin the other's) never meet.
#[test]
fn a_name_and_its_longer_reading_do_not_meet() {
    assert!(super::name_prefix("Robert C.", "Robert C. Scott"));
    assert!(super::name_prefix("Peter Halloran", "Peter Halloran"));
    assert!(!super::name_prefix("Peter Halloran", "Peter Brandt"));
    assert!(!super::name_prefix("Bill Clinton", "Hillary Clinton"));
}

/// Descriptions of one person (`the senator`) refer back to the person the document described
/// with the same head and marks, as mentions and as speakers; no one else is guessed.
#[test]
fn descriptions_refer_back_to_the_person_so_described() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Sen. Lena Markel arrived on Monday with Tomas Brandt. The senator said the vote would pass.",
            &[("The senator", "Lena Markel")],
        ),
        (
            "Lena Markel, the former governor, arrived. Tomas Brandt waited. The governor left at noon.",
            // The apposition is itself a description of her.
            &[("the former governor", "Lena Markel"), ("The governor", "Lena Markel")],
        ),
        // Marks must agree: the Democratic nominee is not the person described as Republican.
        (
            "Republican nominee Peter Halloran arrived. The Democratic nominee left at noon.",
            &[],
        ),
        // A title before a verb describes its subject, not the verb's object.
        (
            "The FBI director chastised Tomas Brandt. The director left at noon.",
            &[],
        ),
        // No one was described so: nothing is guessed.
        ("Peter Halloran arrived. The senator left at noon.", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(pronouns_of(text), want, "{text}");
    }
    let quoted = "Sen. Lena Markel arrived with Tomas Brandt. \u{201c}We will pass it,\u{201d} the senator said.";
    has(quoted, "Lena Markel quoted-in doc");
    lacks(quoted, "Tomas Brandt quoted-in doc");
    has(
        "Sen. Lena Markel arrived with Tomas Brandt. \u{201c}We will pass it,\u{201d} said the senator.",
        "Lena Markel quoted-in doc",
    );
    lacks(
        "Republican nominee Peter Halloran arrived. \u{201c}No,\u{201d} the Democratic nominee said.",
        "Peter Halloran quoted-in doc",
    );
}
