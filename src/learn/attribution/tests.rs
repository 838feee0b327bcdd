use super::polnear::{Attributed, parse};
use super::train::{Example, Seen, TrainConfig, evaluate, train};
use super::*;
use crate::text::Span;

fn cue(word: &'static str) -> Cue<'static> {
    Cue {
        word,
        before: "x",
        after: ",",
        ..Cue::default()
    }
}

fn cand(kind: &'static str, after: bool, before: &'static str, rule: bool) -> Candidate<'static> {
    Candidate {
        kind,
        after,
        distance: 0,
        rank: 1,
        before,
        next: "said",
        words: 2,
        rule,
        ..Candidate::default()
    }
}

/// A toy world: the subject before `said` speaks, the listener after `told` never does, and
/// `announced` in a headline has no speaker.
fn toy() -> Vec<Example> {
    let mut out = Vec::new();
    for n in 0..40 {
        let said = cue("said");
        out.push(Example {
            choices: vec![
                none_features(&said),
                candidate_features(&said, &cand("person", false, "<s>", n % 3 == 0)),
                candidate_features(&said, &cand("org", true, "of", false)),
            ],
            gold: 1,
            rule: 1,
        });
        let told = cue("told");
        out.push(Example {
            choices: vec![
                none_features(&told),
                candidate_features(&told, &cand("person", false, "<s>", true)),
                candidate_features(&told, &cand("person", true, "told", false)),
            ],
            gold: 1,
            rule: 1,
        });
        let headline = Cue {
            headline: true,
            ..cue("announced")
        };
        out.push(Example {
            choices: vec![
                none_features(&headline),
                candidate_features(&headline, &cand("name", false, "<s>", false)),
            ],
            gold: NONE,
            rule: NONE,
        });
    }
    out
}

#[test]
fn a_small_training_run_learns_its_examples() {
    let examples = toy();
    let config = TrainConfig {
        epochs: 5,
        seed: 1,
        bits: 10,
    };
    let mut accuracies = Vec::new();
    let model = train(
        &examples,
        &config,
        Some(&mut |_, m: &Attribution| accuracies.push(evaluate(m, &examples).0.correct)),
    );
    assert_eq!(accuracies.len(), 5);
    let (learned, _) = evaluate(&model, &examples);
    assert_eq!(learned.correct, examples.len(), "every toy example is learned");
    assert_eq!(learned.prf(), (1.0, 1.0, 1.0));
    // Same data and seed, same model.
    assert_eq!(train(&examples, &config, None), model);
}

#[test]
fn the_model_round_trips_its_file_and_refuses_damaged_ones() {
    let model = train(
        &toy(),
        &TrainConfig {
            epochs: 2,
            seed: 3,
            bits: 9,
        },
        None,
    );
    let bytes = model.to_bytes();
    assert_eq!(Attribution::from_bytes(&bytes).expect("reads back"), model);
    let mut damaged = bytes.clone();
    let last = damaged.len() - 20;
    damaged[last] ^= 0x55;
    let err = Attribution::from_bytes(&damaged)
        .expect_err("a flipped byte is refused")
        .to_string();
    assert!(err.contains("retrain it with `graphgen train attribution`"), "{err}");
    assert!(Attribution::from_bytes(&bytes[..10]).is_err());
    assert!(Attribution::from_bytes(b"GRAPHGEN-TAGGER\nxxxxxxxxxxxxxxxxxxxxxxxx").is_err());
}

#[test]
fn the_embedded_model_loads() {
    let model = Attribution::embedded().expect("the shipped model");
    assert!(model.weights.iter().any(|&w| w != 0));
}

#[test]
fn ties_go_to_no_speaker() {
    let zero = Attribution {
        bits: 8,
        weights: vec![0; 256],
    };
    let said = cue("said");
    let choices = vec![
        none_features(&said),
        candidate_features(&said, &cand("person", false, "<s>", true)),
    ];
    assert_eq!(zero.choose(&choices), NONE);
}

#[test]
fn brat_spans_become_byte_spans_of_the_text() {
    // Character offsets: `é` is one character and two bytes.
    let text = "Zoé Brandt said it. Then he left.";
    let ann = "T1\tSource 0 10\tZoé Brandt\nT2\tCue 11 15\tsaid\nT3\tContent 16 18\tit\n\
               E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tCue 25 27;28 32\the left\nE2\tAttribution:T6 Cue:T5\n";
    let got = parse(ann, text).expect("parses");
    assert_eq!(
        got,
        vec![
            Attributed {
                cue: Span::new(12, 16),
                source: Some(Span::new(0, 11)),
            },
            Attributed {
                cue: Span::new(26, 33),
                source: None,
            },
        ]
    );
    assert!(
        parse("T1\tCue 0 999\tx\n", text).is_err(),
        "an offset beyond the text is an error"
    );
}

#[test]
fn a_cue_is_labelled_with_the_first_candidate_inside_its_source() {
    // `Peter Halloran, a fellow at Brindle College, said`: the person, not the college.
    let text = "Peter Halloran, a fellow at Brindle College, said it. Later, Tavo Renlund said.";
    let seen = |cue: Span| Seen {
        cue,
        people: vec![false, true, false, true],
        spans: vec![Span::new(0, 0), Span::new(0, 14), Span::new(28, 43), Span::new(60, 70)],
        choices: vec![Vec::new(); 4],
        rule: 1,
    };
    let gold = [Attributed {
        cue: Span::new(45, 49),
        source: Some(Span::new(0, 44)),
    }];
    assert_eq!(
        seen(Span::new(45, 49)).label(&gold, text, &|w| w == "statement").gold,
        1
    );
    // A cue nobody annotated has no speaker.
    assert_eq!(
        seen(Span::new(80, 84)).label(&gold, text, &|w| w == "statement").gold,
        NONE
    );
    // An annotated source no candidate stands for (`officials said`) is none too.
    let unnamed = [Attributed {
        cue: Span::new(45, 49),
        source: Some(Span::new(50, 59)),
    }];
    assert_eq!(seen(Span::new(45, 49)).label(&unnamed, text, &|_| false).gold, NONE);
    // `Brindle campaign director Lena Markel said`: the head is the last name of the phrase.
    let text = "Brindle campaign director Lena Markel said so.";
    let seen = Seen {
        cue: Span::new(37, 41),
        people: vec![false, true, true],
        spans: vec![Span::new(0, 0), Span::new(0, 7), Span::new(26, 36)],
        choices: vec![Vec::new(); 3],
        rule: 1,
    };
    let gold = [Attributed {
        cue: Span::new(37, 41),
        source: Some(Span::new(0, 36)),
    }];
    assert_eq!(seen.label(&gold, text, &|w| w == "statement").gold, 2);
    // `Brindle campaign officials said`: the officials speak, not Brindle.
    let text = "Brindle campaign officials said so.";
    let seen = Seen {
        cue: Span::new(27, 31),
        people: vec![false, true],
        spans: vec![Span::new(0, 0), Span::new(0, 7)],
        choices: vec![Vec::new(); 2],
        rule: 1,
    };
    let gold = [Attributed {
        cue: Span::new(27, 31),
        source: Some(Span::new(0, 26)),
    }];
    assert_eq!(seen.label(&gold, text, &|w| w == "statement").gold, NONE);
    // `according to a Brindle statement`: the statement is Brindle's.
    let text = "according to a Brindle statement.";
    let seen = Seen {
        cue: Span::new(0, 12),
        people: vec![false, false],
        spans: vec![Span::new(0, 0), Span::new(15, 22)],
        choices: vec![Vec::new(); 2],
        rule: 1,
    };
    let gold = [Attributed {
        cue: Span::new(0, 12),
        source: Some(Span::new(13, 32)),
    }];
    assert_eq!(seen.label(&gold, text, &|w| w == "statement").gold, 1);
    // `Tavo's envoy to Brindle, Ilsa Markov, said`: no person in the first phrase, so the
    // apposition's name.
    let text = "Tavo's envoy to Brindle, Ilsa Markov, said so.";
    let seen = Seen {
        cue: Span::new(38, 42),
        people: vec![false, false, false, true],
        spans: vec![Span::new(0, 0), Span::new(0, 4), Span::new(16, 23), Span::new(25, 36)],
        choices: vec![Vec::new(); 4],
        rule: 3,
    };
    let gold = [Attributed {
        cue: Span::new(38, 42),
        source: Some(Span::new(0, 37)),
    }];
    assert_eq!(seen.label(&gold, text, &|w| w == "statement").gold, 3);
}
