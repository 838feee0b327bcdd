//! Table of sentence-splitting cases; every name and place is invented.

use super::*;

/// The splitter with the embedded abbreviations.
fn sentences(text: &str, skip: &[Range<usize>]) -> Vec<Span> {
    super::sentences(text, skip, &crate::knowledge::embedded_abbreviations().unwrap())
}

fn split(text: &str) -> Vec<&str> {
    sentences(text, &[]).iter().map(|s| s.text(text)).collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(split(text), *want, "input: {text:?}");
    }
}

#[test]
fn titles_months_and_initials() {
    check(&[
        (
            "Mr. Okafor met Gen. Lindqvist in Oslo on Sept. 4. They talked.",
            &["Mr. Okafor met Gen. Lindqvist in Oslo on Sept. 4.", "They talked."],
        ),
        (
            "Mrs. Adeyemi, Dr. Varga and Prof. Nakashima arrived. Sen. Brel and Rep. Cole waited.",
            &[
                "Mrs. Adeyemi, Dr. Varga and Prof. Nakashima arrived.",
                "Sen. Brel and Rep. Cole waited.",
            ],
        ),
        (
            "Gov. Ames spoke to Lt. Col. Ferro. It was brief.",
            &["Gov. Ames spoke to Lt. Col. Ferro.", "It was brief."],
        ),
        (
            "Talks end on Jan. 12 and resume in Feb. The deal holds.",
            &["Talks end on Jan. 12 and resume in Feb.", "The deal holds."],
        ),
        (
            "It began in Aug. Rains came in Oct. and Nov. and Dec. Then dry.",
            &["It began in Aug. Rains came in Oct. and Nov. and Dec.", "Then dry."],
        ),
        (
            "Marta Q. Solberg spoke. T. K. Brannigan wrote back.",
            &["Marta Q. Solberg spoke.", "T. K. Brannigan wrote back."],
        ),
        (
            "The author J. R. R. Vintner wrote it.",
            &["The author J. R. R. Vintner wrote it."],
        ),
        (
            "They elected Osei A. Then they left.",
            &["They elected Osei A.", "Then they left."],
        ),
        (
            "It is No. 5 on the list. No. 6 is next.",
            &["It is No. 5 on the list.", "No. 6 is next."],
        ),
        (
            "Kessler vs. Dunmore ended. Yes.",
            &["Kessler vs. Dunmore ended.", "Yes."],
        ),
    ]);
}

#[test]
fn abbreviations_that_may_end_a_sentence() {
    check(&[
        (
            "He lives in the U.S. The next day he left.",
            &["He lives in the U.S.", "The next day he left."],
        ),
        (
            "The U.S. Navy sent ships. It was late.",
            &["The U.S. Navy sent ships.", "It was late."],
        ),
        (
            "The U.K. and the E.U. agreed with the U.N. on it.",
            &["The U.K. and the E.U. agreed with the U.N. on it."],
        ),
        (
            "He arrived at 10 p.m. The talks began at 9 a.m. Monday.",
            &["He arrived at 10 p.m.", "The talks began at 9 a.m. Monday."],
        ),
        (
            "They met at Acme Corp. in Lagos. Then left.",
            &["They met at Acme Corp. in Lagos.", "Then left."],
        ),
        (
            "Shares of Zentra Inc. rose. Analysts cheered.",
            &["Shares of Zentra Inc. rose.", "Analysts cheered."],
        ),
        (
            "The deal went to Halvorsen Co. But it failed.",
            &["The deal went to Halvorsen Co.", "But it failed."],
        ),
        (
            "Brightwell Ltd. Chairman Odum resigned.",
            &["Brightwell Ltd. Chairman Odum resigned."],
        ),
        (
            "He moved to St. Ilse in 1999. It rained.",
            &["He moved to St. Ilse in 1999.", "It rained."],
        ),
        (
            "Bram Aldous Jr. said so. He left.",
            &["Bram Aldous Jr. said so.", "He left."],
        ),
        (
            "Shipments to the U.S. \"We are ready,\" he said.",
            &["Shipments to the U.S.", "\"We are ready,\" he said."],
        ),
        (
            "He holds a Ph.D. in law. In 2001 he left.",
            &["He holds a Ph.D. in law.", "In 2001 he left."],
        ),
        (
            "Apples, pears, etc. are fruit. Next.",
            &["Apples, pears, etc. are fruit.", "Next."],
        ),
        (
            "They sold grain, oil, etc. Prices fell.",
            &["They sold grain, oil, etc.", "Prices fell."],
        ),
        ("See Farrow et al. This is new.", &["See Farrow et al.", "This is new."]),
    ]);
}

#[test]
fn numbers_and_ellipses() {
    check(&[
        (
            "Growth was 3.7% in 2023. Prices rose $1.2-million.",
            &["Growth was 3.7% in 2023.", "Prices rose $1.2-million."],
        ),
        (
            "Version 2.0.1 shipped. Users cheered.",
            &["Version 2.0.1 shipped.", "Users cheered."],
        ),
        (
            "Wages rose 5,000 yuan. 2024 was worse.",
            &["Wages rose 5,000 yuan.", "2024 was worse."],
        ),
        ("He waited... Then he left.", &["He waited...", "Then he left."]),
        ("He waited… and waited.", &["He waited… and waited."]),
        ("He waited … Nobody came.", &["He waited …", "Nobody came."]),
        (
            "One… Two. Three… four… Five! Six…",
            &["One…", "Two.", "Three… four…", "Five!", "Six…"],
        ),
        ("Visit example.com today. Now.", &["Visit example.com today.", "Now."]),
    ]);
}

#[test]
fn quotes_and_brackets() {
    check(&[
        (
            "\"Hello,\" he said. \"We will win.\" She nodded.",
            &["\"Hello,\" he said.", "\"We will win.\"", "She nodded."],
        ),
        (
            "“Are you sure?’ she asked. ‘Yes.’ He left.",
            &["“Are you sure?’ she asked.", "‘Yes.’", "He left."],
        ),
        (
            "He said “we are ready.” Then he left.",
            &["He said “we are ready.”", "Then he left."],
        ),
        ("He said: 'Go!' Then he left.", &["He said: 'Go!'", "Then he left."]),
        (
            "Talks ended. “It is over,” Okafor said.",
            &["Talks ended.", "“It is over,” Okafor said."],
        ),
        (
            "Talks ended. (Both sides left.) Rain fell.",
            &["Talks ended.", "(Both sides left.)", "Rain fell."],
        ),
        (
            "Dr. Amsel (the envoy) arrived. Talks began.",
            &["Dr. Amsel (the envoy) arrived.", "Talks began."],
        ),
        (
            "He left (for good). Then silence.",
            &["He left (for good).", "Then silence."],
        ),
        ("He met Mr. “Big” Tanaka.", &["He met Mr. “Big” Tanaka."]),
    ]);
}

#[test]
fn exclamations_questions_and_unfinished_lines() {
    check(&[
        ("Is it true? Yes! It is.", &["Is it true?", "Yes!", "It is."]),
        ("Really?! No way.", &["Really?!", "No way."]),
        ("Why? because.", &["Why? because."]),
        (
            "Ségolène Marchetti wins in Dubrava",
            &["Ségolène Marchetti wins in Dubrava"],
        ),
        (
            "Дмитрий Волков приехал. Он говорил.",
            &["Дмитрий Волков приехал.", "Он говорил."],
        ),
        ("   ", &[]),
        ("", &[]),
        ("end.The next", &["end.The next"]),
    ]);
}

#[test]
fn every_line_break_is_a_boundary() {
    check(&[
        (
            "Leaders Meet in Vantor\nMr. Okafor arrived. He spoke.",
            &["Leaders Meet in Vantor", "Mr. Okafor arrived.", "He spoke."],
        ),
        ("First line\r\n\r\n  Second line  \n", &["First line", "Second line"]),
        ("The talks with Mr.\nOkafor", &["The talks with Mr.", "Okafor"]),
        ("One\u{2028}Two\u{2029}Three", &["One", "Two", "Three"]),
    ]);
}

#[test]
fn spans_are_trimmed_offsets_into_the_text() {
    let text = "  Mr. Okafor spoke.   Then Ada left.  \n";
    let got = sentences(text, &[]);
    assert_eq!(got, vec![Span::new(2, 19), Span::new(22, 36)]);
}

#[test]
fn skip_ranges_cut_text_and_are_never_included() {
    let text = "Mr. Okafor spoke. SHARE THIS ARTICLE He left. Sponsored";
    let furniture = 18..37;
    assert_eq!(&text[furniture.clone()], "SHARE THIS ARTICLE ");
    let tail = text.len() - "Sponsored".len()..text.len();
    let got: Vec<&str> = sentences(text, &[furniture, tail])
        .iter()
        .map(|s| s.text(text))
        .collect();
    assert_eq!(got, vec!["Mr. Okafor spoke.", "He left."]);
}

#[test]
fn an_inline_skip_range_splits_a_sentence_into_pieces() {
    let text = "Kessler met [ad] Dunmore today.";
    let ad = 12..16;
    let got: Vec<&str> = sentences(text, &[ad]).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, vec!["Kessler met", "Dunmore today."]);
}

#[test]
fn unsorted_overlapping_and_out_of_range_skips_are_tolerated() {
    let text = "Aaa bbb. Ccc ddd. Eee fff.";
    let reversed = Range { start: 20, end: 10 };
    let got: Vec<&str> = sentences(text, &[18..99, 3..5, 4..9, reversed])
        .iter()
        .map(|s| s.text(text))
        .collect();
    assert_eq!(got, vec!["Aaa", "Ccc ddd."]);
}

#[test]
fn skip_ranges_inside_a_char_do_not_break_boundaries() {
    let text = "Émile left. Zoë stayed.";
    // 1..2 falls inside the two-byte `É`; the piece after it starts at the next char.
    let inside_e = 1..2;
    let got = sentences(text, &[inside_e]);
    for s in &got {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.end <= 1 || s.start >= 2);
    }
    assert_eq!(got.last().unwrap().text(text), "Zoë stayed.");
}

#[test]
fn long_text_without_a_stop_is_one_sentence() {
    let text = "word ".repeat(200_000);
    let got = sentences(&text, &[]);
    assert_eq!(got, vec![Span::new(0, text.len() - 1)]);
    let dots = "a.".repeat(200_000);
    assert_eq!(sentences(&dots, &[]).len(), 1);
}
