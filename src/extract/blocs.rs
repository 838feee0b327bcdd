//! Alliances the knowledge gives: states named in a sentence with a military alliance they both
//! belong to are allies (`Macron and Trump argued about NATO's budget`: France and the United
//! States, NATO members since 1949). A state is named by its name, or by a leader the document
//! ties to it. Political unions and trade blocs make no allies.

use super::{LocalRelation, Target};
use crate::extract::names::Cand;
use crate::graph::{ActorKind, DocPath, Evidence, RelationKind};
use crate::knowledge::Knowledge;
use crate::knowledge::blocs::BlocKind;
use crate::text::Span;

/// Whether the words before an alliance's name make membership unreal or past: a modal or
/// planning word (`want to join`, `could join`), a negation or `former`.
fn unreal(kb: &Knowledge, before: &str) -> bool {
    use crate::knowledge::Cue;
    let words: Vec<String> = before
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let single = words
        .iter()
        .any(|w| kb.cues.word_is(w, Cue::Modal) || kb.cues.word_is(w, Cue::NotAllied));
    single
        || words
            .windows(2)
            .any(|p| kb.cues.is(&format!("{} {}", p[0], p[1]), Cue::Modal))
}

/// The `allied-with` relations of member states named with their alliance, one per pair and
/// sentence. `relations` are the document's relations so far (they tie leaders to states).
pub fn allies(
    kb: &Knowledge,
    path: &DocPath,
    year: Option<u16>,
    text: &str,
    sentences: &[Span],
    cands: &[Cand],
    of_cand: &[Option<usize>],
    actors: &[crate::extract::identity::LocalActor],
    relations: &[LocalRelation],
) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    let state_of = |a: usize| -> Option<usize> {
        if actors[a].kind == ActorKind::Country {
            return Some(a);
        }
        if actors[a].kind != ActorKind::Leader {
            return None;
        }
        relations.iter().find_map(|r| match r.target {
            Target::Actor(t)
                if r.source == a && r.kind == RelationKind::AffiliatedTo && actors[t].kind == ActorKind::Country =>
            {
                Some(t)
            }
            _ => None,
        })
    };
    let mut k = 0;
    while k < cands.len() {
        let sent = cands[k].sent;
        if kb.blocs.is_empty() {
            break;
        }
        let end = k + cands[k..].iter().take_while(|c| c.sent == sent).count();
        let here = &cands[k..end];
        let blocs = here
            .iter()
            .filter_map(|c| Some((c, kb.blocs.lookup(&c.text)?)))
            .filter(|(_, b)| b.kind == BlocKind::Alliance)
            .filter(|(c, _)| !unreal(kb, &text[sentences[sent].start..c.span.start]))
            .map(|(_, b)| b);
        for bloc in blocs {
            // A state named as a place (`meetings in Britain's capital`) is not a party to it.
            let as_place = |j: usize| {
                let before = &text[sentences[sent].start..cands[j].span.start];
                before
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| kb.cues.word_is(&w.to_lowercase(), crate::knowledge::Cue::Locative))
            };
            let mut states: Vec<usize> = (k..end)
                .filter(|&j| !as_place(j))
                .filter_map(|j| of_cand[j])
                .filter_map(state_of)
                .collect();
            states.sort_unstable();
            states.dedup();
            let members: Vec<(usize, u16)> = states
                .iter()
                .filter_map(|&s| {
                    let m = bloc.member_in(actors[s].fixed_id.as_deref()?, year)?;
                    Some((s, m.from))
                })
                .collect();
            for (i, &(a, since_a)) in members.iter().enumerate() {
                for &(b, since_b) in &members[i + 1..] {
                    let s = sentences[sent];
                    out.push(LocalRelation {
                        source: a,
                        kind: RelationKind::AlliedWith,
                        target: Target::Actor(b),
                        evidence: Evidence {
                            document: path.clone(),
                            start: s.start,
                            end: s.end,
                            sentence: s.text(text).to_string(),
                            trigger: format!(
                                "{}: {} member since {}, {} since {}",
                                bloc.name, actors[a].label, since_a, actors[b].label, since_b
                            ),
                            source: Some("knowledge".into()),
                            date: None,
                            cue: None,
                            content: None,
                        },
                    });
                }
            }
        }
        k = end;
    }
    out.dedup_by(|x, y| x.source == y.source && x.target == y.target && x.evidence.start == y.evidence.start);
    out
}
