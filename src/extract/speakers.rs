//! Who spoke a reporting cue: the facts around the cue that the learned attribution model
//! ([`crate::learn::attribution`]) weighs, and its choice among the sentence's candidates.
//!
//! The hand rules of `relations::quotes` pick a speaker first; their pick is one fact among
//! the others (kind, side, distance, the words around, what stands between), so the model
//! learns where the rules are right and where a listener (`told X`), an employer
//! (`X of Y said`) or a headline misleads them. While training examples are recorded the
//! rules decide, so that the examples never depend on the model being trained.

use super::cand::What;
use super::links::{Local, Ref};
use super::sentence::SentenceView;
use crate::knowledge::cues::Cue as CueClass;
use crate::learn::attribution::{self, Attribution, Candidate, Cue, train::Seen};
use crate::text::Span;

/// How speakers are chosen in one document: by the model, by the rules alone (no model), and
/// whether to record every cue's choices for training.
pub struct Quoting<'m> {
    pub model: Option<&'m Attribution>,
    pub seen: Option<Vec<Seen>>,
}

/// A thing that may have spoken: its reference, its words `first..last`, its kind.
struct Possible {
    reference: Ref,
    first: usize,
    last: usize,
    kind: &'static str,
}

/// The speaker of the cue at words `i..i + len`, given the rules' pick.
pub fn choose(
    view: &SentenceView<'_>,
    local: &Local<'_>,
    (i, len): (usize, usize),
    rule: Option<Ref>,
    quoting: &mut Quoting<'_>,
) -> Option<Ref> {
    if quoting.model.is_none() && quoting.seen.is_none() {
        return rule;
    }
    let options = options(view, local, i, i + len);
    let rule_at = rule
        .as_ref()
        .and_then(|r| options.iter().position(|o| &o.reference == r))
        .map_or(attribution::NONE, |k| k + 1);
    let cue = cue_facts(view, i, i + len, rule.is_some());
    let mut choices = vec![attribution::none_features(&cue)];
    for k in 0..options.len() {
        choices.push(attribution::candidate_features(
            &cue,
            &facts(view, &options, k, (i, i + len), k + 1 == rule_at),
        ));
    }
    if let Some(seen) = quoting.seen.as_mut() {
        seen.push(Seen {
            cue: view.span_of(i, i + len),
            people: std::iter::once(false)
                .chain(
                    options
                        .iter()
                        .map(|o| matches!(o.kind, "person" | "name" | "pronoun" | "description")),
                )
                .collect(),
            spans: std::iter::once(Span::new(0, 0))
                .chain(options.iter().map(|o| view.span_of(o.first, o.last)))
                .collect(),
            choices,
            rule: rule_at,
        });
        return rule;
    }
    let model = quoting.model?;
    match model.choose(&choices) {
        attribution::NONE => None,
        k => Some(options[k - 1].reference.clone()),
    }
}

/// The sentence's names that can speak (no group), its pronouns for one person and its
/// descriptions of one (`the senator`), none of them inside the cue, in word order.
fn options(view: &SentenceView<'_>, local: &Local<'_>, cue_first: usize, cue_last: usize) -> Vec<Possible> {
    let outside = |first: usize, last: usize| last <= cue_first || first >= cue_last;
    let covered = |j: usize| local.cands.iter().any(|c| c.first <= j && j < c.last);
    let mut out: Vec<Possible> = local
        .cands
        .iter()
        .enumerate()
        .filter(|(_, c)| outside(c.first, c.last) && !is_group(view, c.first, c.last))
        .filter_map(|(k, c)| {
            kind_of(c.what()).map(|kind| Possible {
                reference: Ref::Cand(k + local.base),
                first: c.first,
                last: c.last,
                kind,
            })
        })
        .collect();
    for j in 0..view.len() {
        if !outside(j, j + 1) || covered(j) {
            continue;
        }
        if view.word_in(j, CueClass::PersonPronoun) {
            out.push(Possible {
                reference: Ref::Pronoun(view.words[j].span.start),
                first: j,
                last: j + 1,
                kind: "pronoun",
            });
        } else if let Some(last) = description_from(view, j)
            && outside(j, last)
            && !(j..last).any(covered)
        {
            out.push(Possible {
                reference: Ref::Pronoun(view.words[j].span.start),
                first: j,
                last,
                kind: "description",
            });
        }
    }
    out.sort_by_key(|o| (o.first, o.last));
    out
}

/// A group, not an actor: one plural noun for a party's people (`Republicans`, `Tories`), as
/// `resources/parties.tsv` lists them. `Republicans said` quotes no one in particular.
fn is_group(view: &SentenceView<'_>, first: usize, last: usize) -> bool {
    let w = &view.words[first];
    last == first + 1 && w.lower.ends_with('s') && view.kb.parties.by_member(w.text).is_some()
}

/// A description starting at `the` (word `j`): the end of its last head word (a title, a
/// party role or a noun for a person) within five words.
fn description_from(view: &SentenceView<'_>, j: usize) -> Option<usize> {
    if view.words[j].lower != "the" {
        return None;
    }
    let head = |k: usize| {
        view.words[k].title.is_some() || view.word_in(k, CueClass::PartyRole) || view.word_in(k, CueClass::PersonNoun)
    };
    (j + 1..view.len().min(j + 6))
        .take_while(|&k| view.words[k].is_word())
        .filter(|&k| head(k))
        .last()
        .map(|k| k + 1)
}

fn kind_of(what: &What) -> Option<&'static str> {
    Some(match what {
        What::Person => "person",
        What::Name => "name",
        What::Org => "org",
        What::Outlet { .. } => "outlet",
        What::Acronym => "acronym",
        What::Country { .. } => "country",
        What::Place => "place",
        _ => return None,
    })
}

fn lower_at<'v>(view: &'v SentenceView<'_>, j: Option<usize>) -> &'v str {
    match j {
        Some(j) if j < view.len() => view.words[j].lower.as_str(),
        Some(_) => "</s>",
        None => "<s>",
    }
}

fn cue_facts<'v>(view: &'v SentenceView<'_>, first: usize, last: usize, rule_found: bool) -> Cue<'v> {
    let ends = view
        .words
        .last()
        .is_some_and(|w| w.is_punct(".!?\"”’'") || w.text.ends_with(['.', '!', '?']));
    Cue {
        // The first word stands for the cue (`according` for `according to`).
        word: view.words[first].lower.as_str(),
        before: lower_at(view, first.checked_sub(1)),
        after: lower_at(view, Some(last)),
        before_shape: first.checked_sub(1).map_or("start", |j| shape(view, j)),
        headline: view.index == 0 || !ends,
        quoted: view.words.iter().any(|w| w.is_punct("\"“”")),
        rule_found,
    }
}

fn facts<'v>(
    view: &'v SentenceView<'_>,
    options: &[Possible],
    k: usize,
    (cue_first, cue_last): (usize, usize),
    rule: bool,
) -> Candidate<'v> {
    let o = &options[k];
    let after = o.first >= cue_last;
    let between = if after { cue_last..o.first } else { o.last..cue_first };
    let words = &view.words[between.clone()];
    let count = |chars: &str| words.iter().filter(|w| w.is_punct(chars)).count();
    let same_side = options.iter().filter(|p| (p.first >= cue_last) == after);
    let rank = same_side
        .filter(|p| if after { p.first <= o.first } else { p.first >= o.first })
        .count();
    let quotes_before = view.words[..o.first].iter().filter(|w| w.is_punct("\"“”")).count();
    Candidate {
        kind: o.kind,
        after,
        distance: between.len(),
        rank,
        before: lower_at(view, o.first.checked_sub(1)),
        next: lower_at(view, Some(o.last)),
        before2: lower_at(view, o.first.checked_sub(2)),
        next_utterance: o.last < view.len() && view.word_in(o.last, CueClass::Utterance),
        commas: count(","),
        lower_between: words.iter().filter(|w| w.is_word() && !w.cap).count(),
        quote_marks: count("\"“”"),
        names_between: options
            .iter()
            .filter(|p| p.first >= between.start && p.last <= between.end)
            .count(),
        in_quote: quotes_before % 2 == 1,
        words: o.last - o.first,
        rule,
    }
}

/// What word `j` looks like: `lower`, `cap` (capitalised), or `punct`.
fn shape(view: &SentenceView<'_>, j: usize) -> &'static str {
    match &view.words[j] {
        w if !w.is_word() => "punct",
        w if w.cap => "cap",
        _ => "lower",
    }
}
