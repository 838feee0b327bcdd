use super::*;
use proptest::prelude::*;

/// The furniture of `text`, as the strings it covers.
fn marked(text: &str) -> Vec<&str> {
    furniture(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn whole_lines_that_are_furniture() {
    let cases = [
        "Sponsor:  ACME: Elevate your game! Interactive trivia.",
        "Sponsored content",
        "Paid post: a message from our partner",
        "Advertisement",
        "ADVERTISEMENT",
        "  Advertisement  ",
        "Story continues below advertisement",
        "radio Loading ...",
        "music_note NOW PLAYING:- Loading ...",
        "schedule ON AIR: 7:05 - 8:30",
        "signal_disconnected",
        "expand_more",
        "Share",
        "Share this article",
        "Facebook Twitter Email",
        "Share | Facebook | X | WhatsApp | LinkedIn | Copy link",
        "Print · Email",
        "SEE ALSO: Leaders gather for a summit in a faraway capital",
        "READ MORE: Markets fall again",
        "Related: the week in review",
        "back  ",
        "topic",
        "Loading ...",
        "0",
        "42",
        "———",
        "Sep 6, 2025  |  ",
        " | Springfield,IL",
        "12 May 2024 | 10:30 | Opinion",
        "Click here to subscribe",
        "Download the app for breaking news",
    ];
    for line in cases {
        let text = format!("First paragraph of prose.\n{line}\nLast paragraph of prose.");
        assert_eq!(marked(&text), vec![line], "{line:?}");
    }
}

#[test]
fn lines_that_are_not_furniture() {
    let cases = [
        "Image: Jane Roe/Example Agency/picture alliance",
        "Photo: John Doe",
        "By Jane Roe",
        "Advertisement spending rose sharply this year, the report said.",
        "The minister said the sponsor of the bill would resign.",
        "Share prices fell on Monday.",
        "Back in 1990, the two countries signed a treaty.",
        "Leaders meet in the capital | The talks were long and difficult for everyone.",
        "Trade talks | Tariffs rise again",
        "2025",
        "Related talks are planned for next week.",
        "Sponsorship deals grew, he said.",
        "The topic came up at dinner.",
        "an_identifier with words",
    ];
    for line in cases {
        assert_eq!(marked(line), Vec::<&str>::new(), "{line:?}");
    }
}

#[test]
fn inline_fragments() {
    let cases: &[(&str, &[&str])] = &[
        (
            "the picture alliance ADVERTISEMENT Three leaders walked in.",
            &["ADVERTISEMENT"],
        ),
        (
            "They spoke at length. Advertisement The talks resumed.",
            &["Advertisement"],
        ),
        (
            "They spoke at length Advertisement “We agree,” he said.",
            &["Advertisement"],
        ),
        ("He joined the Advertisement Council in May.", &[]),
        ("Advertisement revenue doubled.", &[]),
        (
            "Watch the video https://example.com/v/123. Then read on.",
            &["https://example.com/v/123"],
        ),
        (
            "(see http://example.org/a_b?x=1&y=2) and more",
            &["http://example.org/a_b?x=1&y=2"],
        ),
        (
            "Two links https://a.example/x and https://b.example/y, end",
            &["https://a.example/x", "https://b.example/y"],
        ),
        ("NextImg:A headline about two ministers", &["NextImg:"]),
        (" date 2025-09-03 Leaders gather in the capital", &[" date 2025-09-03"]),
        ("An update dated 2025-09-03 followed.", &[]),
        ("Say https:// alone", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(marked(text), *want, "{text:?}");
    }
}

#[test]
fn every_line_ending_works() {
    for nl in ["\n", "\r\n", "\r"] {
        let text = ["Prose one.", "Advertisement", "Prose two.", "Share", ""].join(nl);
        let ranges = furniture(&text);
        let covered: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(covered, vec!["Advertisement", "Share"], "{nl:?}");
        assert!(covered.iter().all(|s| !s.contains(['\r', '\n'])));
    }
}

#[test]
fn adjacent_and_overlapping_ranges_merge() {
    assert_eq!(merge(vec![5..9, 0..3, 2..4, 9..12, 20..20]), vec![0..4, 5..12]);
}

#[test]
fn header_date_reads_the_first_line_only() {
    assert_eq!(
        header_date("\n date 2025-09-03 Headline\nbody").as_deref(),
        Some("2025-09-03")
    );
    assert_eq!(header_date("Headline\ndate 2025-09-03"), None);
    assert_eq!(header_date(""), None);
}

#[test]
fn every_rule_compiles() {
    assert_eq!(COMPILED.len(), RULES.len());
}

proptest! {
    #[test]
    fn ranges_are_sorted_disjoint_and_on_char_boundaries(
        text in "(Advertisement|ADVERTISEMENT|Share|https://x.y/é|Sponsor: |\r\n|\r|\n| |a|é|日本|\\||0|NextImg:| date 2025-01-02)*"
    ) {
        let ranges = furniture(&text);
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end < pair[1].start, "{ranges:?}");
        }
        for r in &ranges {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
}
