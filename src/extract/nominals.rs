//! Definite descriptions of people (`the senator`, `the Republican nominee`, `the former
//! secretary of state`): where the text has them, what each person of a document is described
//! as (`Senator X`, `Republican nominee X`, `X, the billionaire,`), and so which person a
//! description refers back to.
//!
//! A description refers only to a person the document itself described with the same head
//! (a title of `resources/titles.tsv`, a `partyrole` or `personnoun` word of `cues.tsv`):
//! `the senator` is never guessed to be the last person named, because in news the last
//! person named is as often the senator's opponent.

use super::sentence::SentenceView;
use super::{QuoteScan, ascii_words};
use crate::knowledge::{Cue, Knowledge};
use crate::text::Span;

/// `the` with its modifiers and head: the byte span from `the`, its sentence, and the head
/// as lowercase words (`secretary of state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Description {
    pub at: usize,
    pub end: usize,
    pub sent: usize,
    pub as_: Described,
}

/// A head with the capitalised words that qualify it (`Republican nominee`: `nominee`,
/// [`republican`]; `FBI director`), lowercase. A description's marks must all be among those
/// of what its person was described as: `the Democratic nominee` is not the person described
/// as the Republican one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Described {
    pub head: String,
    pub marks: Vec<String>,
}

/// The capitalised words among `words` that are no closed-class word or prefix (`The`,
/// `Former` at the start of a sentence).
fn marks(kb: &Knowledge, words: &[Word<'_>]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.1.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|w| w.1.to_ascii_lowercase())
        .filter(|w| !kb.cues.is(w, Cue::Stop) && !kb.cues.is(w, Cue::Prefix))
        .collect()
}

/// The most words between `the` and the head (`the former Republican presidential nominee`).
const MAX_MODIFIERS: usize = 3;

/// How many words before a name may describe it (`Republican presidential nominee X`).
const MAX_WORDS_BEFORE: usize = 4;

/// How far before and after a name its description is looked for, in bytes.
const MAX_BYTES_AROUND: usize = 100;

type Word<'t> = (usize, &'t str);

/// Two words are one phrase when only spaces or one hyphen stand between them.
fn joined(text: &str, a: Word<'_>, b: Word<'_>) -> bool {
    let gap = &text[a.0 + a.1.len()..b.0];
    !gap.is_empty() && (gap.bytes().all(|c| c.is_ascii_whitespace()) || gap == "-")
}

/// The head that starts at word `i`, with how many words it has: the longest title, else one
/// `partyrole` or `personnoun` word in the singular.
fn head_at(kb: &Knowledge, text: &str, words: &[Word<'_>], i: usize) -> Option<(String, usize)> {
    let mut phrase = String::new();
    let mut best = None;
    for k in 0..kb.lexicon.max_title_words() {
        let Some(&w) = words.get(i + k) else { break };
        if k > 0 {
            if !joined(text, words[i + k - 1], w) {
                break;
            }
            phrase.push(' ');
        }
        phrase.push_str(&w.1.to_ascii_lowercase());
        let (title, goes_on) = kb.lexicon.title_probe(&phrase);
        if title.is_some() {
            best = Some((phrase.clone(), k + 1));
        }
        if !goes_on {
            break;
        }
    }
    best.or_else(|| {
        let w = words[i].1.to_ascii_lowercase();
        let noun = |w: &str| kb.cues.is(w, Cue::PartyRole) || kb.cues.is(w, Cue::PersonNoun);
        // `members`, `officials`: a group, not one person.
        let plural = w.strip_suffix('s').is_some_and(noun);
        (noun(&w) && !plural).then_some((w, 1))
    })
}

/// A word that may stand between `the` and the head: anything but a closed-class word, except
/// the prefixes that keep a title (`former`, `then`).
fn modifier(kb: &Knowledge, word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    !kb.cues.is(&w, Cue::Stop) || kb.cues.is(&w, Cue::Prefix)
}

/// The descriptions of a sentence outside quotations, in text order, read off the sentence's
/// words (their titles and cue classes were looked up once when the sentence was read, so
/// this costs a comparison per word).
pub(super) fn descriptions_of(view: &SentenceView<'_>, text: &str, quotes: &mut QuoteScan, out: &mut Vec<Description>) {
    let words = &view.words;
    for i in 0..words.len() {
        if words[i].lower != "the" {
            continue;
        }
        let Some((as_, after)) = view_head_after(view, i) else {
            continue;
        };
        // `the Republican nominee Pat Ostrow`: the name that follows is the mention.
        if words.get(after).is_some_and(|w| w.is_word() && w.cap) {
            continue;
        }
        if quotes.inside(text, words[i].span.start) {
            continue;
        }
        out.push(Description {
            at: words[i].span.start,
            end: words[after - 1].span.end,
            sent: view.index,
            as_,
        });
    }
}

/// As [`head_after`], over a sentence's words.
fn view_head_after(view: &SentenceView<'_>, i: usize) -> Option<(Described, usize)> {
    let words = &view.words;
    let mut j = i + 1;
    while j < words.len() && j - i - 1 <= MAX_MODIFIERS && words[j].is_word() {
        if let Some(t) = words[j].title.filter(|t| !t.honorific)
            && words[j..j + t.len].iter().all(|w| w.is_word())
        {
            let head = words[j..j + t.len]
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            return Some((view_marks(view, i + 1, j, head), j + t.len));
        }
        let noun = view.word_in(j, Cue::PartyRole) || view.word_in(j, Cue::PersonNoun);
        if noun {
            let plural = words[j]
                .lower
                .strip_suffix('s')
                .is_some_and(|w| view.kb.cues.is(w, Cue::PartyRole) || view.kb.cues.is(w, Cue::PersonNoun));
            return (!plural).then(|| (view_marks(view, i + 1, j, words[j].lower.clone()), j + 1));
        }
        if view.word_in(j, Cue::Stop) && !view.word_in(j, Cue::Prefix) {
            return None;
        }
        j += 1;
    }
    None
}

fn view_marks(view: &SentenceView<'_>, from: usize, to: usize, head: String) -> Described {
    let marks = (from..to)
        .filter(|&k| view.words[k].cap && !view.word_in(k, Cue::Stop) && !view.word_in(k, Cue::Prefix))
        .map(|k| view.words[k].lower.clone())
        .collect();
    Described { head, marks }
}

/// The head among the modifiers from word `from` on (`the` and the words before it read
/// already), and the index of the word after it.
fn head_from(kb: &Knowledge, text: &str, words: &[Word<'_>], from: usize) -> Option<(Described, usize)> {
    let mut j = from;
    while j < words.len() && j - from <= MAX_MODIFIERS && (j == from || joined(text, words[j - 1], words[j])) {
        if let Some((head, n)) = head_at(kb, text, words, j) {
            let marks = marks(kb, &words[from..j]);
            return Some((Described { head, marks }, j + n));
        }
        if !modifier(kb, words[j].1) {
            return None;
        }
        j += 1;
    }
    None
}

/// What a mention at `span` in sentence `s` is described as: a head among the few words right
/// before it (`Republican nominee X`, `Sen. X`, read as the abbreviation `sen`), or after a
/// comma right after it (`X, the former governor,`).
pub(super) fn described_as(kb: &Knowledge, text: &str, s: Span, span: Span) -> Vec<Described> {
    let mut out = Vec::new();
    // A few words back are enough, and reading no further keeps a long sentence crowded with
    // names linear in its length.
    let mut from = span.start.saturating_sub(MAX_BYTES_AROUND).max(s.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before: Vec<Word<'_>> = ascii_words(
        text,
        Span {
            start: from,
            end: span.start,
        },
    )
    .collect();
    let from = before.len().saturating_sub(MAX_WORDS_BEFORE);
    // Only the words that run up to the name: `X said on Monday Y` describes no one.
    let touches = |k: usize| {
        let end = before.get(k + 1).map_or(span.start, |w| w.0);
        let gap = &text[before[k].0 + before[k].1.len()..end];
        gap.bytes().all(|c| c.is_ascii_whitespace() || c == b'.' || c == b'-')
    };
    let first = (from..before.len()).rev().take_while(|&k| touches(k)).last();
    if let Some(first) = first {
        for k in first..before.len() {
            let w = before[k];
            // The head ends right before the name: `the FBI director chastised X` does not
            // describe X.
            if let Some((head, n)) = head_at(kb, text, &before, k)
                && k + n == before.len()
            {
                let marks = marks(kb, &before[first..k]);
                out.push(Described { head, marks });
            } else if w.1.len() >= 3
                && text[w.0 + w.1.len()..].starts_with('.')
                && kb.lexicon.honorific(&format!("{}.", w.1)).is_some()
            {
                // `Sen.`, `Gov.`, `Rep.`: an abbreviation the full head begins with.
                out.push(Described {
                    head: format!("{}.", w.1.to_ascii_lowercase()),
                    marks: Vec::new(),
                });
            }
        }
    }
    let rest = &text[span.end..s.end];
    if let Some(after) = rest.strip_prefix(',') {
        let at = span.end + 1;
        let mut end = (at + after.len()).min(at + MAX_BYTES_AROUND);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let words: Vec<Word<'_>> = ascii_words(text, Span { start: at, end })
            .take(MAX_MODIFIERS + 4)
            .collect();
        let article = words
            .first()
            .is_some_and(|w| matches!(w.1.to_ascii_lowercase().as_str(), "the" | "a" | "an"));
        if let Some((described, _)) = head_from(kb, text, &words, usize::from(article)) {
            out.push(described);
        }
    }
    out
}

/// Does a description's head name what a person was described as? The same head, a title
/// and its first word (`the secretary`, `Secretary of State X`), or an abbreviation the head
/// begins with (`Sen. X`, `the senator`).
/// Does a description fit what a person was described as: its head (see [`head_fits`]) and
/// every mark of the description among the person's?
pub(super) fn fits(description: &Described, person: &Described) -> bool {
    head_fits(&description.head, &person.head) && description.marks.iter().all(|m| person.marks.contains(m))
}

fn head_fits(head: &str, described: &str) -> bool {
    if head == described {
        return true;
    }
    if let Some(abbrev) = described.strip_suffix('.') {
        return head.len() > abbrev.len() && head.starts_with(abbrev);
    }
    // `the secretary`: a one-word head, the first word of a longer title.
    !head.contains(' ') && described.contains(' ') && described.split(' ').next() == Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    fn heads(text: &str) -> Vec<String> {
        let kb = kb();
        let tagger = crate::learn::tagger::Tagger::embedded().unwrap();
        let view = SentenceView::new(&kb, &tagger, text, 0, Span::new(0, text.len()));
        let mut out = Vec::new();
        descriptions_of(&view, text, &mut QuoteScan::default(), &mut out);
        out.into_iter().map(|d| d.as_.head).collect()
    }

    /// Which descriptions are found, and which are not.
    #[test]
    fn descriptions_and_what_is_not_one() {
        let cases: &[(&str, &[&str])] = &[
            ("Later the senator said no.", &["senator"]),
            ("The Republican nominee spoke first.", &["nominee"]),
            ("the former secretary of state arrived", &["secretary of state"]),
            ("The billionaire laughed.", &["billionaire"]),
            // A name follows: the mention is the name.
            ("the Republican nominee Maria Kessler spoke", &[]),
            // Plurals are groups.
            ("the officials left and the members stayed", &[]),
            // No head within reach, or a closed-class word before it.
            ("the long and winding road of the senator", &["senator"]),
            ("the city council met", &[]),
            // Inside a quotation a description is the speaker's, not the narrator's.
            ("He said “the senator lied” yesterday.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(
                heads(text),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    /// What a person is described as, before or after the name.
    #[test]
    fn people_are_described_before_and_after_their_names() {
        let kb = kb();
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Republican nominee Peter Halloran spoke.",
                "Peter Halloran",
                &["nominee"],
            ),
            ("Sen. Lena Markel spoke.", "Lena Markel", &["sen."]),
            ("Lena Markel, the former governor, spoke.", "Lena Markel", &["governor"]),
            ("Tomas Brandt, a billionaire, spoke.", "Tomas Brandt", &["billionaire"]),
            ("Tomas Brandt, who owns a bank, spoke.", "Tomas Brandt", &[]),
            ("He met on Monday Tomas Brandt.", "Tomas Brandt", &[]),
            ("The FBI director chastised Tomas Brandt.", "Tomas Brandt", &[]),
        ];
        for (text, name, want) in cases {
            let start = text.find(name).unwrap();
            let span = Span {
                start,
                end: start + name.len(),
            };
            let all = Span {
                start: 0,
                end: text.len(),
            };
            let got: Vec<String> = described_as(&kb, text, all, span).into_iter().map(|d| d.head).collect();
            assert_eq!(got, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn heads_fit_what_people_were_described_as() {
        for (head, described, want) in [
            ("senator", "senator", true),
            ("senator", "sen.", true),
            ("governor", "gov.", true),
            ("secretary", "secretary of state", true),
            ("secretary of state", "secretary of defense", false),
            ("senator", "governor", false),
            ("nominee", "senator", false),
        ] {
            assert_eq!(head_fits(head, described), want, "{head} / {described}");
        }
        let d = |head: &str, marks: &[&str]| Described {
            head: head.into(),
            marks: marks.iter().map(|m| m.to_string()).collect(),
        };
        // `the Democratic nominee` is not the Republican nominee; `the nominee` may be either.
        assert!(!fits(&d("nominee", &["democratic"]), &d("nominee", &["republican"])));
        assert!(fits(&d("nominee", &[]), &d("nominee", &["republican"])));
        assert!(fits(&d("nominee", &["republican"]), &d("nominee", &["republican"])));
        assert!(!fits(&d("director", &["fbi"]), &d("director", &[])));
    }
}
