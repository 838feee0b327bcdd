//! Properties of sentence spans and tokens that hold for any input string.

use graphgen::text::{Span, Token};
use proptest::prelude::*;
use std::ops::Range;

/// The splitter with the embedded abbreviations.
fn sentences(text: &str, skip: &[Range<usize>]) -> Vec<Span> {
    graphgen::text::sentences(text, skip, &graphgen::knowledge::embedded_abbreviations().unwrap())
}

/// The tokenizer with the embedded abbreviations.
fn tokenize(text: &str, span: Span) -> Vec<Token> {
    graphgen::text::tokenize(text, span, &graphgen::knowledge::embedded_abbreviations().unwrap())
}

/// Strings rich in the characters the splitter and tokenizer treat specially.
fn texty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(" ".to_string()),
            Just(". ".to_string()),
            Just("Mr. ".to_string()),
            Just("U.S.".to_string()),
            Just("\n".to_string()),
            Just("’s".to_string()),
            Just("…".to_string()),
            Just("“".to_string()),
            "[a-zA-Z.,'!?\"()\\- ]{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn skips(len: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
    prop::collection::vec((0..len + 4, 0..12usize).prop_map(|(s, n)| s..s + n), 0..4)
}

fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.start >= last_end, "out of order or overlapping {s:?}");
        prop_assert!(s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        last_end = s.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_are_ordered_trimmed_and_avoid_skips(
        (text, skip) in texty().prop_flat_map(|t| { let n = t.len(); (Just(t), skips(n)) })
    ) {
        let got = sentences(&text, &skip);
        check_spans(&text, &got)?;
        for s in &got {
            let t = s.text(&text);
            prop_assert_eq!(t, t.trim());
            prop_assert!(!t.contains('\n'));
            for r in &skip {
                prop_assert!(r.start >= r.end || s.end <= r.start || s.start >= r.end,
                    "{:?} overlaps skip {:?}", s, r);
            }
        }
    }

    #[test]
    fn without_skips_sentences_cover_every_non_space_char(text in texty()) {
        let got = sentences(&text, &[]);
        let covered: usize = got.iter().map(|s| s.text(&text).chars().filter(|c| !c.is_whitespace()).count()).sum();
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn tokens_are_ordered_and_inside_their_span(text in texty(), a in 0..64usize, b in 0..64usize) {
        let span = Span::new(a.min(b), a.max(b));
        let toks = tokenize(&text, span);
        let spans: Vec<Span> = toks.iter().map(|t| t.span).collect();
        check_spans(&text, &spans)?;
        for t in &toks {
            prop_assert!(span.contains(t.span));
            prop_assert!(!t.text(&text).chars().any(char::is_whitespace));
        }
    }

    #[test]
    fn tokens_of_a_sentence_cover_its_non_space_chars(text in texty()) {
        for s in sentences(&text, &[]) {
            let toks = tokenize(&text, s);
            let covered: usize = toks.iter().map(|t| t.text(&text).chars().count()).sum();
            prop_assert_eq!(covered, s.text(&text).chars().filter(|c| !c.is_whitespace()).count());
        }
    }
}
