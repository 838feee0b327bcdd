//! Who is quoted: a table of invented sentences with the speakers a reader credits, one per
//! trap the attribution model and the rules around it must not fall into (a listener, an
//! employer, a country, a headline, a group), and the quoted-in evidence's cue and content.

use super::tests::pipeline;
use super::{Extraction, Target};
use crate::corpus::Document;

fn speakers(text: &str) -> Vec<String> {
    let doc = Document::new("t.txt".into(), "t".into(), text.into());
    let ex: Extraction = pipeline().extract(&doc);
    let mut v: Vec<String> = ex
        .relations
        .iter()
        .filter(|r| r.target == Target::Document)
        .map(|r| ex.actors[r.source].label.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn quotes_and_their_traps() {
    let cases: &[(&str, &str, &[&str])] = &[
        // The listener is never the speaker.
        (
            "listener",
            "Tavo Renlund told Ilsa Markov on Monday that the talks had failed.",
            &["Tavo Renlund"],
        ),
        (
            "listener outlet",
            "Peter Halloran told the Brindle Herald that the port would close in May.",
            &["Peter Halloran"],
        ),
        (
            "listener after the quote",
            "\u{201c}We will not sign,\u{201d} Lena Markel told Tomas Brandt.",
            &["Lena Markel"],
        ),
        // The speaker's employer or country, named beside the speaker, is not the speaker.
        (
            "employer after",
            "The plan will fail, said Maria Kessler, a correspondent for the Brindle Times.",
            &["Maria Kessler"],
        ),
        (
            "employer before",
            "Brindle Times correspondent Maria Kessler said the plan would fail.",
            &["Maria Kessler"],
        ),
        (
            "employer by of",
            "Ilsa Markov of the Tavo Institute said the figures were wrong.",
            &["Ilsa Markov"],
        ),
        (
            "country",
            "President Tomas Brandt of Norway has said the accord is dead.",
            &["Tomas Brandt"],
        ),
        (
            "campaign of a name",
            "Markel campaign officials said the rally was cancelled.",
            &[],
        ),
        // Groups and unnamed people are no actors.
        ("group", "Republicans said the bill would fail in the Senate.", &[]),
        ("officials", "Officials said the port would reopen.", &[]),
        (
            "observers",
            "Brandt bets on Sweden to win the vote, say observers.",
            &[],
        ),
        // Pronouns and descriptions speak for the person they refer to.
        (
            "pronoun",
            "Maria Kessler arrived in Oslo on Monday. She said the talks had failed.",
            &["Maria Kessler"],
        ),
        (
            "description",
            "Sen. Lena Markel spoke first. The senator said the bill would pass.",
            &["Lena Markel"],
        ),
        // An institution can be quoted.
        (
            "institution",
            "The Tavo Institute for Coastal Studies said in a statement that the figures were wrong.",
            &["Tavo Institute for Coastal Studies"],
        ),
        (
            "according to",
            "The port will close in May, according to Ilsa Markov.",
            &["Ilsa Markov"],
        ),
    ];
    for (trap, text, want) in cases {
        assert_eq!(speakers(text), *want, "{trap}: {text}");
    }
}

#[test]
fn the_states_around_an_envoy_are_never_the_speaker() {
    // The model credits the envoy here only when the rules' pick outweighs "no speaker"; the
    // states around the apposition are never credited either way.
    let got = speakers("Norway's ambassador to Sweden, Peter Halloran, said the talks would resume.");
    assert!(got.iter().all(|s| s == "Peter Halloran"), "{got:?}");
}

#[test]
fn a_headline_is_no_attribution() {
    let text = "Kessler Says Talks Failed\n\nThe talks in Oslo ended on Monday without an accord.";
    assert_eq!(speakers(text), Vec::<String>::new());
}

#[test]
fn quoted_evidence_carries_its_cue_and_content() {
    let text = "\u{201c}We agreed on a plan,\u{201d} Tavo Renlund said. Ilsa Markov told reporters the talks failed.";
    let doc = Document::new("t.txt".into(), "t".into(), text.into());
    let ex = pipeline().extract(&doc);
    let mut got: Vec<(String, &str, &str, bool)> = ex
        .relations
        .iter()
        .filter(|r| r.target == Target::Document)
        .map(|r| {
            let cue = r.evidence.cue.expect("a cue span");
            let content = r.evidence.content.expect("a content span");
            (
                ex.actors[r.source].label.clone(),
                &text[cue.start..cue.end],
                &text[content.start..content.end],
                content.direct,
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("Ilsa Markov".to_string(), "told", "the talks failed", false),
            ("Tavo Renlund".to_string(), "said", "We agreed on a plan", true),
        ]
    );
}
