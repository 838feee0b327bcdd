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
use crate::graph::{ActorKind, fold};
use crate::knowledge::Knowledge;
use crate::knowledge::dictionary::{Day, Dictionary, Entry, RoleTarget};

/// An affiliation the dictionary gives: `source` held `role` in `target` (actor indexes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownTie {
    pub source: usize,
    pub target: usize,
    /// The role with its dates and the entry's code: `GOV 2009-01-20 to 2017-01-20 (USAGOV)`.
    pub role: String,
}

/// Links every actor it can and returns the affiliations the dictionary gives them; actors the
/// roles point to (a state, a party) are added when the document has none.
pub fn link(kb: &Knowledge, date: Option<&str>, actors: &mut Vec<LocalActor>) -> Vec<KnownTie> {
    let dict = &kb.dictionary;
    if dict.is_empty() {
        return Vec::new();
    }
    let day = date.and_then(Day::parse);
    // Every actor the text names is linked before any role adds one, so that a party the
    // document names is found, not added a second time.
    let linked: Vec<(usize, usize)> = (0..actors.len())
        .filter_map(|i| entry_of(dict, &actors[i]).map(|e| (i, e)))
        .collect();
    for &(i, e) in &linked {
        adopt(&mut actors[i], dict.entry(e));
    }
    let mut ties = Vec::new();
    for &(i, e) in &linked {
        let entry = dict.entry(e);
        let mut seen = Vec::new();
        for role in dict.roles_at(entry, day) {
            let target = match &role.target {
                RoleTarget::Country(id) => country_actor(kb, actors, id),
                RoleTarget::Entry(j) => Some(entry_actor(actors, dict.entry(*j))),
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
    let class_changes = entry.kind.is_person() != a.kind.is_person();
    if class_changes || a.kind_strength < 2 {
        a.kind = entry.kind;
        a.kind_strength = 2;
    }
    if class_changes {
        a.key = format!("{}:{}", if entry.kind.is_person() { "person" } else { "org" }, fold(&entry.name));
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
    Some(push(actors, format!("country:{id}"), &country.name, ActorKind::Country, id))
}

/// The document's actor for another entry (a party, a legislature), added when it is not named.
pub(crate) fn entry_actor(actors: &mut Vec<LocalActor>, entry: &Entry) -> usize {
    if let Some(i) = actors.iter().position(|a| a.fixed_id.as_deref() == Some(&entry.id)) {
        return i;
    }
    let i = push(actors, format!("org:{}", fold(&entry.name)), &entry.name, entry.kind, &entry.id);
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
