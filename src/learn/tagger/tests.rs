use super::*;
use EntityType::*;

const MINI: &str = include_str!("../../../tests/fixtures/tagger/mini.conll");

fn mini() -> Vec<(Vec<String>, Vec<Tag>)> {
    read_conll(MINI).expect("the fixture is valid CoNLL")
}

/// A fast configuration for the fixture: fewer buckets, no headline copies.
fn small(epochs: usize, seed: u64) -> TrainConfig {
    TrainConfig {
        epochs,
        seed,
        bits: 18,
        headline_every: 0,
    }
}

fn words(sentence: &str) -> Vec<&str> {
    sentence.split_whitespace().collect()
}

/// The names `tagger` finds in `sentence`, as `(type, text)`.
fn names(tagger: &Tagger, sentence: &str) -> Vec<(EntityType, String)> {
    let w = words(sentence);
    spans(&tagger.tag(&w))
        .into_iter()
        .map(|(s, e, ty)| (ty, w[s..e].join(" ")))
        .collect()
}

#[test]
fn spans_read_bio_like_conlleval() {
    let b = |t| Tag::B(t);
    let i = |t| Tag::I(t);
    let cases: Vec<(Vec<Tag>, Vec<NameSpan>)> = vec![
        (vec![], vec![]),
        (vec![Tag::O, Tag::O], vec![]),
        (vec![b(Per), i(Per), Tag::O, b(Loc)], vec![(0, 2, Per), (3, 4, Loc)]),
        (vec![b(Org), b(Org)], vec![(0, 1, Org), (1, 2, Org)]),
        // An I- that continues nothing, or another type, opens a name.
        (vec![Tag::O, i(Misc), i(Misc)], vec![(1, 3, Misc)]),
        (vec![b(Per), i(Loc)], vec![(0, 1, Per), (1, 2, Loc)]),
    ];
    for (tags, want) in cases {
        assert_eq!(spans(&tags), want, "{tags:?}");
    }
}

#[test]
fn tags_parse_print_and_index_consistently() {
    for i in 0..NTAGS {
        let tag = Tag::from_index(i);
        assert_eq!(tag.index(), i);
        assert_eq!(Tag::parse(&tag.to_string()), Some(tag));
    }
    assert_eq!(Tag::parse("B-LOC"), Some(Tag::B(Loc)));
    assert_eq!(Tag::parse("I-ORG"), Some(Tag::I(Org)));
    for bad in ["", "B", "B-", "X-PER", "B-PERSON", "o"] {
        assert_eq!(Tag::parse(bad), None, "{bad}");
    }
}

#[test]
fn training_on_the_fixture_converges() {
    let data = mini();
    assert!(data.len() >= 20);
    let model = train_with(&data, &small(10, 7), &NoExtraFeatures, None);
    let scores = evaluate(&model, &data);
    assert_eq!(scores.micro(&EntityType::ALL).2, 1.0, "{}", scores.report());
}

#[test]
fn training_is_deterministic() {
    let data = mini();
    let a = train_with(&data, &small(5, 11), &NoExtraFeatures, None).to_bytes();
    let b = train_with(&data, &small(5, 11), &NoExtraFeatures, None).to_bytes();
    assert!(a == b, "two runs gave different model bytes");
    let c = train(&data, 3, 5).to_bytes();
    let d = train(&data, 3, 5).to_bytes();
    assert!(c == d, "two runs of `train` gave different model bytes");
}

#[test]
fn every_epoch_reports_a_model() {
    let mut seen = Vec::new();
    let mut report = |epoch: usize, model: &Tagger| seen.push((epoch, evaluate(model, &mini()).micro(&SCORED).2));
    let last = train_with(&mini(), &small(4, 1), &NoExtraFeatures, Some(&mut report));
    assert_eq!(seen.iter().map(|s| s.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(seen[3].1, evaluate(&last, &mini()).micro(&SCORED).2);
}

#[test]
fn a_trained_model_round_trips_through_bytes() {
    let model = train_with(&mini(), &small(5, 3), &NoExtraFeatures, None);
    let bytes = model.to_bytes();
    let back = Tagger::from_bytes(&bytes).unwrap();
    assert!(back == model, "decoded model differs");
    assert!(back.to_bytes() == bytes, "re-encoded bytes differ");
}

#[test]
fn the_embedded_model_round_trips_through_bytes() {
    let model = &Tagger::embedded().unwrap();
    assert!(
        model.to_bytes() == EMBEDDED_MODEL,
        "re-encoding the shipped model changed its bytes"
    );
    assert!(
        EMBEDDED_MODEL.len() <= 10 << 20,
        "the model file must stay within 10 MB"
    );
}

fn error_of(bytes: &[u8]) -> String {
    Tagger::from_bytes(bytes)
        .expect_err("a damaged model must be refused")
        .to_string()
}

#[test]
fn damaged_or_foreign_model_files_are_refused_with_the_fix() {
    let good = train_with(&mini(), &small(2, 3), &NoExtraFeatures, None).to_bytes();
    assert!(error_of(b"").contains("too short"));
    assert!(error_of(&[b'x'; 64]).contains("bad magic"));
    assert!(error_of(&good[..good.len() / 2]).contains("graphgen train"));
    let mut flipped = good.clone();
    let at = flipped.len() - 20;
    flipped[at] ^= 1;
    assert!(error_of(&flipped).contains("checksum"));
    let mut version = good.clone();
    version[16] = 99;
    assert!(error_of(&version).contains("version 99"));
    // Another feature configuration: a different hash in the header.
    let mut config = good.clone();
    config[20] ^= 1;
    assert!(error_of(&config).contains("other feature templates"));
}

/// Invented words that all look alike: a consonant-vowel-consonant-vowel-consonant pattern.
fn invented_words(n: usize, salt: usize) -> Vec<String> {
    let (c, v) = (b"bdfgklmnprstvz", b"aeiou");
    (0..n)
        .map(|k| {
            let k = k * 7 + salt * 131;
            let pick = |set: &[u8], i: usize| set[i % set.len()] as char;
            let first = pick(c, k).to_ascii_uppercase();
            format!(
                "{first}{}{}{}{}",
                pick(v, k / 3),
                pick(c, k / 5 + 1),
                pick(v, k / 7 + 2),
                pick(c, k / 11 + 3)
            )
        })
        .collect()
}

/// A lexicon of places fed through the extra-feature hook.
struct Places(Vec<String>);

impl TokenFeatures for Places {
    fn id(&self) -> u64 {
        42
    }

    fn features(&self, words: &[&str], i: usize, out: &mut Vec<u64>) {
        if self.0.iter().any(|p| p == words[i]) {
            out.push(1);
        }
    }
}

#[test]
fn extra_features_reach_the_model() {
    // Words that look alike and stand alone: only the lexicon tells places from persons.
    let (places, persons) = (invented_words(40, 1), invented_words(40, 2));
    let distinct: std::collections::BTreeSet<&String> = places.iter().chain(&persons).collect();
    assert_eq!(distinct.len(), 80, "the invented words must all differ");
    let lexicon = Places(places.clone());
    let line = |w: &str, t: Tag| (vec![w.to_string(), ".".to_string()], vec![t, Tag::O]);
    let mut data = Vec::new();
    for (p, q) in places[..30].iter().zip(&persons[..30]) {
        data.push(line(p, Tag::B(Loc)));
        data.push(line(q, Tag::B(Per)));
    }
    let model = train_with(&data, &small(10, 1), &lexicon, None);
    assert_eq!(model.extra_features_id(), 42);
    assert_eq!(Tagger::from_bytes(&model.to_bytes()).unwrap().extra_features_id(), 42);
    for unseen in &places[30..] {
        assert_eq!(
            model.tag_with(&[unseen, "."], &lexicon),
            [Tag::B(Loc), Tag::O],
            "{unseen}"
        );
    }
    for unseen in &persons[30..] {
        assert_eq!(
            model.tag_with(&[unseen, "."], &lexicon),
            [Tag::B(Per), Tag::O],
            "{unseen}"
        );
    }
}

#[test]
fn the_embedded_model_finds_names_in_invented_news() {
    let cases: &[(&str, &[(EntityType, &str)])] = &[
        // Headlines in capitals.
        (
            "KORVALIA AND VANTRIS SIGN TRADE PACT",
            &[(Loc, "KORVALIA"), (Loc, "VANTRIS")],
        ),
        ("HALVORSEN PETROLEUM PROFIT FALLS", &[(Org, "HALVORSEN PETROLEUM")]),
        ("PRESIDENT SALO ARRIVES IN BREVIK", &[(Per, "SALO"), (Loc, "BREVIK")]),
        // A headline in title case is not a run of names.
        (
            "Salo Arrives In Brevik For Trade Talks",
            &[(Per, "Salo"), (Loc, "Brevik")],
        ),
        // Names without titles.
        (
            "Teodor Vasck met Ilsa Marrow in Dunmore on Monday .",
            &[(Per, "Teodor Vasck"), (Per, "Ilsa Marrow"), (Loc, "Dunmore")],
        ),
        ("Vasck said the agreement would hold .", &[(Per, "Vasck")]),
        (
            "Opposition leader Anneli Korpela called for new elections .",
            &[(Per, "Anneli Korpela")],
        ),
        // Organisations, with and without a head word.
        ("The deal values Zelterra at 2 billion dollars .", &[(Org, "Zelterra")]),
        (
            "Shares in Quennell Partners fell 4 percent .",
            &[(Org, "Quennell Partners")],
        ),
        (
            "Brightwater Capital and Halvorsen Petroleum signed the deal in Brevik .",
            &[
                (Org, "Brightwater Capital"),
                (Org, "Halvorsen Petroleum"),
                (Loc, "Brevik"),
            ],
        ),
        (
            "Officials in Korvalia said talks with Vantris would resume .",
            &[(Loc, "Korvalia"), (Loc, "Vantris")],
        ),
        (
            "The Korvalian foreign ministry summoned the Vantrian ambassador .",
            &[(Misc, "Korvalian"), (Misc, "Vantrian")],
        ),
        // Capitalised common words at the start are not names.
        ("Police said nobody was hurt when the bridge collapsed .", &[]),
        ("Prices rose sharply in the morning session .", &[]),
        ("", &[]),
    ];
    let model = &Tagger::embedded().unwrap();
    for (sentence, want) in cases {
        let want: Vec<(EntityType, String)> = want.iter().map(|(t, s)| (*t, s.to_string())).collect();
        assert_eq!(names(model, sentence), want, "{sentence}");
    }
}

#[test]
fn typographic_apostrophes_tag_like_ascii_ones() {
    let model = &Tagger::embedded().unwrap();
    let ascii = model.tag(&words("Vasck 's party won in Dunmore ."));
    let curly = model.tag(&words("Vasck \u{2019}s party won in Dunmore ."));
    assert_eq!(ascii, curly);
}
