//! Linking a document's actors to the actor dictionary, with the text and never instead of it.
//!
//! An actor links to an entry only by a full form the dictionary lists (its canonical name or a
//! listed synonym: `Barack Hussein Obama`, `GOP`); a surname reaches the entry only through the
//! full name the document gave it (`identity` has already joined `Obama` to `Barack Obama`).
//! A linked actor takes the entry's id (one node across corpora), its kind where the text gave
//! no stronger one, and the entry's spellings as identifying forms. Each role the entry held on
//! the document's date (without a date: its latest) becomes an `affiliated-to` edge whose
//! evidence says it comes from the knowledge, with the role and its dates, and cites the
//! sentence that named the actor.

use crate::extract::identity::{KNOWN, LocalActor};
use crate::extract::names::Cand;
use crate::graph::{ActorKind, fold};
use crate::knowledge::Knowledge;
use crate::knowledge::dictionary::{Day, Dictionary, Entry, RoleTarget};
use crate::text::Span;

/// An affiliation the dictionary gives: `source` held `role` in `target` (actor indexes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownTie {
    pub source: usize,
    pub target: usize,
    /// The role with its dates and the entry's code: `GOV 2009-01-20 to 2017-01-20 (USAGOV)`.
    pub role: String,
}

/// Links every actor it can and returns the affiliations the dictionary gives them toward the
/// states and organisations the document names.
pub fn link(kb: &Knowledge, date: Option<&str>, read: &Read<'_>, actors: &mut Vec<LocalActor>) -> Vec<KnownTie> {
    let dict = &kb.dictionary;
    if dict.is_empty() {
        return Vec::new();
    }
    let day = date.and_then(Day::parse);
    // Every actor the text names is linked before any role adds one, so that a party the
    // document names is found, not added a second time.
    let linked: Vec<(usize, usize)> = (0..actors.len())
        .filter_map(|i| {
            entry_of(dict, &actors[i])
                .or_else(|| titled_entry(dict, read, i, &actors[i]))
                .map(|e| (i, e))
        })
        .collect();
    for &(i, e) in &linked {
        adopt(&mut actors[i], dict.entry(e));
    }
    let mut ties = Vec::new();
    for &(i, e) in &linked {
        let entry = dict.entry(e);
        let mut seen = Vec::new();
        for role in dict.roles_at(entry, day) {
            // A role ties the actor to a state or organisation the document names: the
            // dictionary says whose it is, the text says it matters here.
            let target = match &role.target {
                RoleTarget::Country(id) => named(actors, |a| {
                    a.kind == ActorKind::Country && a.fixed_id.as_deref() == Some(id)
                }),
                RoleTarget::Entry(j) => named(actors, |a| a.fixed_id.as_deref() == Some(&dict.entry(*j).id)),
            };
            let Some(target) = target.filter(|&t| t != i && !seen.contains(&t)) else {
                continue;
            };
            seen.push(target);
            let code = entry.code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
            ties.push(KnownTie {
                source: i,
                target,
                role: format!("{}{code}", role.describe()),
            });
        }
    }
    ties
}

/// What linking reads of the document besides its actors: the text, its sentences, the
/// candidate mentions and the actor each names.
pub struct Read<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub cands: &'a [Cand],
    pub of_cand: &'a [Option<usize>],
}

/// How many words a head's title before a surname may have (`Prime Minister`, `Secretary of
/// State`).
const MAX_TITLE_WORDS: usize = 3;

/// `President Reagan`: a person the document names only by a surname after a head's title
/// links to the entry that lists the title with the surname as a synonym.
fn titled_entry(dict: &Dictionary, read: &Read<'_>, i: usize, a: &LocalActor) -> Option<usize> {
    if !a.kind.is_person() || a.fixed_id.is_some() || a.kind_strength >= KNOWN || a.label.contains(' ') {
        return None;
    }
    let surname = fold(&a.label);
    read.cands
        .iter()
        .zip(read.of_cand)
        .filter(|(c, o)| **o == Some(i) && c.titled)
        .find_map(|(c, _)| {
            let before = &read.text[read.sentences[c.sent].start..c.span.start];
            let words: Vec<&str> = before.split_whitespace().rev().take(MAX_TITLE_WORDS).collect();
            (1..=words.len()).find_map(|n| {
                let title: Vec<&str> = words[..n].iter().rev().copied().collect();
                let e = dict.lookup_folded(&format!("{} {surname}", fold(&title.join(" "))))?;
                dict.entry(e).kind.is_person().then_some(e)
            })
        })
}

/// The first actor the document names (one mention or more) that `is` accepts.
fn named(actors: &[LocalActor], is: impl Fn(&LocalActor) -> bool) -> Option<usize> {
    actors.iter().position(|a| a.mentions > 0 && is(a))
}

/// The entry an actor's full forms name, when the entry's kind can be the actor's.
fn entry_of(dict: &Dictionary, a: &LocalActor) -> Option<usize> {
    if a.kind == ActorKind::Country || a.kind_strength >= KNOWN || a.fixed_id.is_some() {
        return None;
    }
    let person = a.kind.is_person();
    let full = |form: &str| !person || form.split_whitespace().count() >= 2;
    let label = fold(&a.label);
    let e = std::iter::once(&label)
        .chain(a.strong.iter())
        .filter(|f| full(f))
        .find_map(|f| dict.lookup_folded(f))?;
    let entry = dict.entry(e);
    // A name the text made a person by a title (`President X`) is no organisation, and what
    // the text calls an organisation is no person: the text's kind rules out the entry.
    let compatible = entry.kind.is_person() == person || a.kind_strength < 2;
    compatible.then_some(e)
}

/// The actor takes the entry's id, its spellings and, unless the text said more, its kind.
fn adopt(a: &mut LocalActor, entry: &Entry) {
    a.fixed_id = Some(entry.id.clone());
    a.cameo.clone_from(&entry.code);
    a.weak = false;
    a.strong.insert(fold(&entry.name));
    a.strong.extend(entry.aliases.iter().map(|s| fold(s)));
    // A surname the dictionary identified takes the full name as its label.
    if a.label.split_whitespace().count() < entry.name.split_whitespace().count() && entry.kind.is_person() {
        let short = std::mem::replace(&mut a.label, entry.name.clone());
        a.aliases.insert(short);
    }
    let class_changes = entry.kind.is_person() != a.kind.is_person();
    if class_changes || a.kind_strength < 2 {
        a.kind = entry.kind;
        a.kind_strength = 2;
    }
    if class_changes {
        a.key = format!(
            "{}:{}",
            if entry.kind.is_person() { "person" } else { "org" },
            fold(&entry.name)
        );
    }
}

/// The document's actor for a state, added when the document does not name it.
pub(crate) fn country_actor(kb: &Knowledge, actors: &mut Vec<LocalActor>, id: &str) -> Option<usize> {
    if let Some(i) = actors
        .iter()
        .position(|a| a.kind == ActorKind::Country && a.fixed_id.as_deref() == Some(id))
    {
        return Some(i);
    }
    let country = kb.lexicon.country_by_id(id)?;
    Some(push(
        actors,
        format!("country:{id}"),
        &country.name,
        ActorKind::Country,
        id,
    ))
}

/// The document's actor for another entry (a party, a legislature), added when it is not named.
pub(crate) fn entry_actor(actors: &mut Vec<LocalActor>, entry: &Entry) -> usize {
    if let Some(i) = actors.iter().position(|a| a.fixed_id.as_deref() == Some(&entry.id)) {
        return i;
    }
    let i = push(
        actors,
        format!("org:{}", fold(&entry.name)),
        &entry.name,
        entry.kind,
        &entry.id,
    );
    adopt(&mut actors[i], entry);
    i
}

fn push(actors: &mut Vec<LocalActor>, key: String, label: &str, kind: ActorKind, id: &str) -> usize {
    let mut a = LocalActor::new(key, label, kind, 2);
    a.fixed_id = Some(id.to_string());
    a.weak = false;
    actors.push(a);
    actors.len() - 1
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
