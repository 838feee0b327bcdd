//! Party ties the text states by the conventions of news: a party word before a title before a
//! name (`Republican candidate Ann Doe`, `Tory leader Ann Doe`, `Labour's election chief Ann
//! Doe`, `Democratic Sen. Ann Doe`) and the party-state tag of US news after a name (`Sen. Ann
//! Doe (R-Texas)`, `Rep. Ann Doe, D-Calif.,`). The party becomes an actor of the document when
//! it is not named as one.

use super::{LocalRelation, Target};
use crate::extract::identity::LocalActor;
use crate::extract::names::Cand;
use crate::graph::{DocPath, Evidence, RelationKind};
use crate::knowledge::Knowledge;
use crate::text::Span;

/// How many words may stand between a party word and the name it ties (`Labour's deputy
/// election chief`).
const MAX_TITLE_WORDS: usize = 4;

/// The person-to-party `affiliated-to` relations the text states by convention.
pub fn ties(
    kb: &Knowledge,
    path: &DocPath,
    text: &str,
    sentences: &[Span],
    cands: &[Cand],
    of_cand: &[Option<usize>],
    actors: &mut Vec<LocalActor>,
) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    if kb.parties.is_empty() {
        return out;
    }
    for (k, c) in cands.iter().enumerate() {
        let Some(person) = of_cand[k].filter(|&a| actors[a].kind.is_person()) else {
            continue;
        };
        let s = sentences[c.sent];
        let before = &text[s.start..c.span.start];
        let after = &text[c.span.end..s.end];
        let found = party_before(kb, before).or_else(|| party_tag_after(kb, after));
        let Some((party, trigger)) = found else { continue };
        let target = party_actor(kb, actors, party);
        out.push(LocalRelation {
            source: person,
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

/// `Republican presidential candidate` right before a name: the party of the first capitalised
/// word back, when every word between it and the name is a title or a lower-case word and one
/// of them is a title.
fn party_before(kb: &Knowledge, before: &str) -> Option<(usize, String)> {
    let words: Vec<&str> = before.split_whitespace().rev().take(MAX_TITLE_WORDS + 1).collect();
    let mut titled = false;
    for (n, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '(' | ')' | ','));
        let bare = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        let lower = bare.to_lowercase();
        if bare.starts_with(char::is_lowercase) && bare.chars().all(|c| c.is_alphabetic() || c == '-') {
            // A lower-case word: a role (`candidate`, `leader`) or a modifier (`presidential`).
            titled |= kb.cues.word_is(&lower, crate::knowledge::Cue::PartyRole) || kb.lexicon.title(&lower).is_some();
            continue;
        }
        if kb.lexicon.honorific(bare).is_some() || kb.lexicon.title(&lower).is_some() {
            titled = true;
            continue;
        }
        let party = kb.parties.by_member(bare).or_else(|| kb.parties.by_name(bare))?;
        let phrase: Vec<&str> = words[..=n].iter().rev().copied().collect();
        return titled.then(|| (party, phrase.join(" ")));
    }
    None
}

/// `(R-Texas)` or `, D-Calif.,` right after a name: the US party of the letter, when what
/// follows the hyphen is a state.
fn party_tag_after(kb: &Knowledge, after: &str) -> Option<(usize, String)> {
    let rest = after.trim_start();
    let rest = rest.strip_prefix('(').or_else(|| rest.strip_prefix(','))?.trim_start();
    let end = rest.find([')', ','])?;
    let tag = rest[..end].trim();
    let (letter, state) = tag.split_once(['-', '–'])?;
    let letter = match letter.trim() {
        l if l.len() == 1 => l.chars().next()?,
        _ => return None,
    };
    if !kb.parties.is_us_state(state.trim()) {
        return None;
    }
    let party = kb.parties.by_letter(letter)?;
    Some((party, tag.to_string()))
}

/// The document's actor for a party: the one linked to it, else a new one.
fn party_actor(kb: &Knowledge, actors: &mut Vec<LocalActor>, party: usize) -> usize {
    let p = kb.parties.party(party);
    match kb.dictionary.lookup(&p.name) {
        Some(e) => crate::extract::link::entry_actor(actors, kb.dictionary.entry(e)),
        None => {
            let i = actors.len();
            let mut a = LocalActor::new(
                format!("org:{}", crate::graph::fold(&p.name)),
                &p.name,
                crate::graph::ActorKind::Institute,
                2,
            );
            a.fixed_id = Some(p.id.clone());
            a.weak = false;
            actors.push(a);
            i
        }
    }
}
