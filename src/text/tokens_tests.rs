//! Table of tokenizer cases; every name and place is invented.

use super::*;
use TokenKind::{Number as N, Possessive as P, Punct as X, Word as W};

/// The tokenizer with the embedded abbreviations.
fn tokenize(text: &str, span: Span) -> Vec<Token> {
    super::tokenize(text, span, &crate::knowledge::embedded_abbreviations().unwrap())
}

fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text, Span::new(0, text.len()))
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

fn check(cases: &[(&str, &[(&str, TokenKind)])]) {
    for (text, want) in cases {
        assert_eq!(toks(text), *want, "input: {text:?}");
    }
}

#[test]
fn words_keep_internal_hyphens_and_apostrophes() {
    check(&[
        ("Kim Jong-un", &[("Kim", W), ("Jong-un", W)]),
        ("O'Brien and O’Hara", &[("O'Brien", W), ("and", W), ("O’Hara", W)]),
        ("a well-known don't", &[("a", W), ("well-known", W), ("don't", W)]),
        ("Ségolène Дмитрий", &[("Ségolène", W), ("Дмитрий", W)]),
        ("Se\u{301}gole\u{300}ne", &[("Se\u{301}gole\u{300}ne", W)]),
        (
            "the G7 and COVID-19",
            &[("the", W), ("G7", W), ("and", W), ("COVID-19", W)],
        ),
        ("AT&T", &[("AT", W), ("&", X), ("T", W)]),
    ]);
}

#[test]
fn possessives_are_separate_tokens() {
    check(&[
        ("Kim's aide", &[("Kim", W), ("'s", P), ("aide", W)]),
        ("Okafor’s", &[("Okafor", W), ("’s", P)]),
        ("O'Brien's plan.", &[("O'Brien", W), ("'s", P), ("plan", W), (".", X)]),
        (
            "the Workers' Party",
            &[("the", W), ("Workers", W), ("'", P), ("Party", W)],
        ),
        ("Velas’ team", &[("Velas", W), ("’", P), ("team", W)]),
        ("it's", &[("it", W), ("'s", P)]),
        ("O'Sullivan", &[("O'Sullivan", W)]),
        ("'Hello' he", &[("'", X), ("Hello", W), ("'", X), ("he", W)]),
    ]);
}

#[test]
fn abbreviations_keep_their_periods() {
    check(&[
        ("Mr. Okafor left.", &[("Mr.", W), ("Okafor", W), ("left", W), (".", X)]),
        ("the U.S. and U.K.", &[("the", W), ("U.S.", W), ("and", W), ("U.K.", W)]),
        (
            "U.S.-allied forces",
            &[("U.S.", W), ("-", X), ("allied", W), ("forces", W)],
        ),
        ("on Sept. 4.", &[("on", W), ("Sept.", W), ("4", N), (".", X)]),
        (
            "at 9 a.m., then",
            &[("at", W), ("9", N), ("a.m.", W), (",", X), ("then", W)],
        ),
        ("John F. Kennedy", &[("John", W), ("F.", W), ("Kennedy", W)]),
        ("Zentra Inc. rose", &[("Zentra", W), ("Inc.", W), ("rose", W)]),
        ("a Ph.D. student", &[("a", W), ("Ph.D.", W), ("student", W)]),
        ("e.g. this", &[("e.g.", W), ("this", W)]),
        ("example.com", &[("example.com", W)]),
        ("NATO.", &[("NATO", W), (".", X)]),
    ]);
}

#[test]
fn numbers_and_punctuation() {
    check(&[
        ("5,000 troops", &[("5,000", N), ("troops", W)]),
        ("3.7% growth", &[("3.7", N), ("%", X), ("growth", W)]),
        ("$1.2-million deal", &[("$", X), ("1.2-million", N), ("deal", W)]),
        ("the 1990s", &[("the", W), ("1990s", N)]),
        ("5, 6", &[("5", N), (",", X), ("6", N)]),
        (
            "yes - no – maybe — so",
            &[
                ("yes", W),
                ("-", X),
                ("no", W),
                ("–", X),
                ("maybe", W),
                ("—", X),
                ("so", W),
            ],
        ),
        ("Paris–Vantor", &[("Paris", W), ("–", X), ("Vantor", W)]),
        (
            "wait... what -- now",
            &[("wait", W), ("...", X), ("what", W), ("--", X), ("now", W)],
        ),
        (
            "“Go,” he said",
            &[("“", X), ("Go", W), (",", X), ("”", X), ("he", W), ("said", W)],
        ),
        ("(\"x\")", &[("(", X), ("\"", X), ("x", W), ("\"", X), (")", X)]),
        ("", &[]),
    ]);
}

#[test]
fn spans_are_offsets_into_the_whole_text() {
    let text = "Intro. Mr. Lindqvist's visit.";
    let span = Span::new(7, text.len());
    let got = tokenize(text, span);
    assert_eq!(
        got[0],
        Token {
            span: Span::new(7, 10),
            kind: W
        }
    );
    assert_eq!(got[1].text(text), "Lindqvist");
    assert_eq!(
        got[2],
        Token {
            span: Span::new(20, 22),
            kind: P
        }
    );
    assert!(got.iter().all(|t| span.contains(t.span)));
}

#[test]
fn spans_off_char_boundaries_are_narrowed() {
    let text = "Zoë Émile";
    let got = tokenize(text, Span::new(3, 100));
    assert_eq!(got.iter().map(|t| t.text(text)).collect::<Vec<_>>(), vec!["Émile"]);
}

#[test]
fn capitalisation_predicates() {
    assert!(is_capitalised("Okafor"));
    assert!(is_capitalised("Émile"));
    assert!(is_capitalised("Дмитрий"));
    assert!(!is_capitalised("okafor"));
    assert!(!is_capitalised("'Okafor"));
    assert!(!is_capitalised(""));
    assert!(is_all_caps("NATO"));
    assert!(is_all_caps("U.S."));
    assert!(is_all_caps("ÉTÉ"));
    assert!(!is_all_caps("I"));
    assert!(!is_all_caps("G7"));
    assert!(!is_all_caps("McDONALD"));
    assert!(!is_all_caps("Nato"));
}

#[test]
fn web_site_names_are_one_word() {
    check(&[
        (
            "told Harbourwatch.info the",
            &[("told", W), ("Harbourwatch.info", W), ("the", W)],
        ),
        ("Newsline.com.", &[("Newsline.com", W), (".", X)]),
        (
            "Quayside.org's report",
            &[("Quayside.org", W), ("'s", P), ("report", W)],
        ),
        // Not a suffix: a sentence ends, or the word only begins like one.
        (
            "left Vanterra. Comets",
            &[("left", W), ("Vanterra", W), (".", X), ("Comets", W)],
        ),
        (
            "in Oslo.community",
            &[("in", W), ("Oslo", W), (".", X), ("community", W)],
        ),
    ]);
    let abbrev = crate::knowledge::embedded_abbreviations().unwrap();
    for (word, suffix) in [
        ("Newsline.com", Some("com")),
        ("Lakeshore.edu", Some("edu")),
        ("Newsline", None),
        (".com", None),
        ("U.S", None),
        ("Newsline.comet", None),
    ] {
        assert_eq!(abbrev.web_suffix(word), suffix, "{word}");
    }
}
