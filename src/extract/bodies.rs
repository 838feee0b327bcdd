//! Government bodies qualified by their state. A generic body name (`Foreign Ministry`, `Lower
//! House`) is an institution of the state the text puts with it: before it (`the Japanese
//! Foreign Ministry`, `Peru's Defense Ministry`), after it (`the Ministry of Defence of Chile`),
//! or, named alone, the state the document is most about (its mentions and those of the leaders
//! the dictionary ties to it), else the state of its dateline. A body named alone takes its
//! state into its name (`Japanese Foreign Ministry`), and every qualified body takes the id of
//! its state's demonym and the body's canonical name (`Ministry of Foreign Affairs of Japan` is
//! `japanese-foreign-ministry`), so two documents' foreign ministries become one node exactly
//! when they are one state's.

use super::{LocalRelation, Target};
use crate::extract::identity::LocalActor;
use crate::extract::names::Cand;
use crate::graph::{ActorKind, DocPath, Evidence, RelationKind, fold, slug};
use crate::knowledge::Knowledge;
use crate::knowledge::lexicon::{Country, How};
use crate::text::Span;

/// How many sentences from the start a dateline may be in (after a headline and a date line).
const DATELINE_SENTENCES: usize = 4;

/// How many words a state title before a name may have (`Deputy Foreign Minister`).
const MAX_TITLE_WORDS: usize = 3;

/// `Foreign Minister Ann Doe` with no state named for her: an official of the document's
/// state. Only titles held for a state alone (`foreign minister`, not `president`, which
/// universities and companies have too), and only for a person the text and the dictionary
/// tie to no state.
pub fn officials(
    kb: &Knowledge,
    home: Option<&Country>,
    path: &DocPath,
    text: &str,
    sentences: &[Span],
    cands: &[Cand],
    of_cand: &[Option<usize>],
    actors: &[LocalActor],
    relations: &[LocalRelation],
) -> Vec<LocalRelation> {
    let Some(home) = home else { return Vec::new() };
    let Some(state) = actors
        .iter()
        .position(|a| a.kind == ActorKind::Country && a.mentions > 0 && a.fixed_id.as_deref() == Some(&home.id))
    else {
        return Vec::new();
    };
    let tied = |i: usize| {
        relations.iter().any(|r| {
            r.source == i
                && r.kind == RelationKind::AffiliatedTo
                && matches!(r.target, Target::Actor(t) if actors[t].kind == ActorKind::Country)
        })
    };
    let mut out: Vec<LocalRelation> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        let Some(i) = of_cand[k] else { continue };
        if !c.titled || !actors[i].kind.is_person() || tied(i) || out.iter().any(|r| r.source == i) {
            continue;
        }
        let s = sentences[c.sent];
        let words: Vec<&str> = text[s.start..c.span.start]
            .split_whitespace()
            .rev()
            .take(MAX_TITLE_WORDS)
            .collect();
        let title = (1..=words.len()).rev().find_map(|n| {
            let phrase: Vec<&str> = words[..n].iter().rev().copied().collect();
            let phrase = phrase.join(" ");
            let t = kb.lexicon.title(&phrase.to_lowercase())?;
            (t.role == ActorKind::Leader && !t.org && phrase.starts_with(char::is_uppercase)).then_some(phrase)
        });
        let Some(title) = title else { continue };
        // The trigger is the title as the text writes it (line breaks and all), so that the
        // sentence contains it.
        let before = text[s.start..c.span.start].trim_end();
        let title = before
            .char_indices()
            .rev()
            .filter(|&(i, ch)| !ch.is_whitespace() && (i == 0 || before[..i].ends_with(char::is_whitespace)))
            .nth(title.split_whitespace().count() - 1)
            .map_or(title.clone(), |(i, _)| before[i..].to_string());
        out.push(LocalRelation {
            source: i,
            kind: RelationKind::AffiliatedTo,
            target: Target::Actor(state),
            evidence: Evidence {
                document: path.clone(),
                start: s.start,
                end: s.end,
                sentence: s.text(text).to_string(),
                trigger: title,
                source: None,
                date: None,
                cue: None,
                content: None,
            },
        });
    }
    out
}

/// Qualifies every body of the document and ties it to its state.
pub fn qualify(
    kb: &Knowledge,
    path: &DocPath,
    text: &str,
    sentences: &[Span],
    cands: &[Cand],
    of_cand: &[Option<usize>],
    home: Option<&Country>,
    actors: &mut Vec<LocalActor>,
) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    for i in 0..actors.len() {
        let a = &actors[i];
        if a.kind != ActorKind::Institute || a.fixed_id.is_some() || a.kind_strength >= crate::extract::identity::KNOWN
        {
            continue;
        }
        let Some(first) = of_cand.iter().position(|&o| o == Some(i)) else {
            continue;
        };
        let c = &cands[first];
        let s = sentences[c.sent];
        let found = named_with(kb, &a.label)
            .map(|(country, q, _)| (country, q, false))
            .or_else(|| {
                kb.bodies.lookup(&a.label)?;
                possessive_before(kb, &text[s.start..c.span.start])
                    .map(|(country, q)| (country, q, true))
                    .or_else(|| home.map(|country| (country, format!("{} (the document's state)", a.label), true)))
            });
        let Some((country, trigger, rename)) = found else {
            continue;
        };
        let qualifier = country.demonyms.first().unwrap_or(&country.name);
        if rename {
            let label = format!("{qualifier} {}", a.label);
            let canonical = format!("{qualifier} {}", kb.bodies.lookup(&a.label).unwrap_or(&a.label));
            let a = &mut actors[i];
            a.aliases.insert(std::mem::replace(&mut a.label, label.clone()));
            if fold(&canonical) != fold(&label) {
                a.aliases.insert(canonical.clone());
            }
            a.key = format!("org:{}", fold(&canonical));
            a.strong = [fold(&label), fold(&canonical)].into_iter().collect();
            a.fixed_id = Some(slug(&canonical));
        } else if let Some((_, _, Some(body))) = named_with(kb, &a.label) {
            // `Foreign Ministry of Brazil`, `Brazil's Ministry of Foreign Affairs`: one node
            // with `Brazilian Foreign Ministry`, under the name most mentions use.
            let canonical = format!("{qualifier} {body}");
            let a = &mut actors[i];
            if fold(&canonical) != fold(&a.label) {
                a.aliases.insert(canonical.clone());
            }
            a.key = format!("org:{}", fold(&canonical));
            a.strong.insert(fold(&canonical));
            a.fixed_id = Some(slug(&canonical));
        }
        actors[i].weak = false;
        let Some(target) = crate::extract::link::country_actor(kb, actors, &country.id) else {
            continue;
        };
        out.push(LocalRelation {
            source: i,
            kind: RelationKind::AffiliatedTo,
            target: Target::Actor(target),
            evidence: Evidence {
                document: path.clone(),
                start: s.start,
                end: s.end,
                sentence: s.text(text).to_string(),
                trigger,
                source: None,
                date: None,
                cue: None,
                content: None,
            },
        });
    }
    out
}

/// `Japanese Foreign Ministry`, `U.S. House of Representatives`, `Ministry of Defence of
/// Chile`: a body with its state in its name; the state, the words that name it and the
/// body's canonical name (`Defense Ministry`; none for a name of its own such as `Bank of Korea`).
fn named_with<'k>(kb: &'k Knowledge, label: &str) -> Option<(&'k Country, String, Option<&'k str>)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    for n in 1..words.len().min(4) {
        let (head, rest) = (words[..n].join(" "), words[n..].join(" "));
        if let Some(f) = kb.lexicon.country_form(&head)
            && matches!(f.how, How::Name | How::Alias | How::Demonym)
            && let Some(body) = kb.bodies.lookup(&rest)
        {
            return Some((f.country, head, Some(body)));
        }
    }
    let (written, state) = label.rsplit_once(" of ")?;
    let f = kb.lexicon.country_form(state)?;
    // A central bank's `Bank of Korea` is its own name, not a generic bank's.
    let body = (kb.bodies.kind(written)? != "bank")
        .then(|| kb.bodies.lookup(written))
        .flatten();
    matches!(f.how, How::Name | How::Alias).then(|| (f.country, format!("of {state}"), body))
}

/// `Peru's` right before the body.
fn possessive_before<'k>(kb: &'k Knowledge, before: &str) -> Option<(&'k Country, String)> {
    let word = before.split_whitespace().next_back()?;
    let state = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))?;
    let f = kb.lexicon.country_form(state)?;
    matches!(f.how, How::Name | How::Alias).then(|| (f.country, word.to_string()))
}

/// The least weight (mentions of a state and of its leaders) that makes a state the document's.
const MIN_HOME_WEIGHT: usize = 3;

/// The document's own state: the state with the most weight (its mentions and those of the
/// leaders tied to it) when no other has as much, else its dateline's (`TOKYO, April 27 -`).
/// The weight comes first: a reporter in London may write about Washington.
pub fn home_state<'k>(
    kb: &'k Knowledge,
    cands: &[Cand],
    ties: &[crate::extract::link::KnownTie],
    actors: &[LocalActor],
) -> Option<&'k Country> {
    let dateline = cands.iter().take_while(|c| c.sent < DATELINE_SENTENCES).find_map(|c| {
        let f = kb.lexicon.country_form(&c.text)?;
        (c.first == 0 && f.how == How::Capital && !c.text.chars().any(char::is_lowercase)).then_some(f.country)
    });
    let mut weight = vec![0usize; actors.len()];
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorKind::Country {
            weight[i] += a.mentions;
        }
    }
    for t in ties {
        if actors[t.target].kind == ActorKind::Country && actors[t.source].kind == ActorKind::Leader {
            weight[t.target] += actors[t.source].mentions;
        }
    }
    let mut ranked: Vec<(usize, usize)> = weight.iter().copied().zip(0..).filter(|&(w, _)| w > 0).collect();
    ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match ranked.as_slice() {
        [(top, i), rest @ ..] if *top >= MIN_HOME_WEIGHT && rest.first().is_none_or(|(second, _)| top > second) => {
            kb.lexicon.country_by_id(actors[*i].fixed_id.as_deref()?)
        }
        // A tie: where the reporter files from.
        _ => dateline,
    }
}
