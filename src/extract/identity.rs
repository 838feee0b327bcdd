//! Identities within one document: which candidate mentions name the same actor.
//!
//! Full names are grouped by their folded spelling (`Kim Jong Un` = `Kim Jong-un`). A surname
//! alone (`Kim`, `Mr. Kim`) goes to the person of that document who carries it: the one the
//! context names (`Mr. Kim of CFDOKR`), else the most mentioned. Acronyms defined in
//! parentheses or spelled by an organisation's initials join that organisation.

use crate::extract::links::{Link, Ref};
use crate::extract::names::{Cand, What};
use crate::graph::fold;
use crate::graph::{ActorKind, RelationKind, slug};
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::{Dictionary, Knowledge};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// An actor of one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LocalActor {
    pub key: String,
    pub label: String,
    pub kind: ActorKind,
    /// [`KNOWN`]: from the user's lexicon; 2: from a title, apposition or lexicon; 1: from
    /// being quoted; 0: a default.
    pub kind_strength: u8,
    pub aliases: BTreeSet<String>,
    /// Spellings that identify this actor in any document (full names, defined acronyms).
    pub strong: BTreeSet<String>,
    pub mentions: usize,
    /// Lexicon id (countries, known outlets): fixes the node id.
    pub fixed_id: Option<String>,
    /// Only the statistical tagger vouches for it: a node only if it takes part in a relation.
    pub weak: bool,
    /// From the user's lexicon: the id of the actor's country and its role, carried here so
    /// that the merge needs no lexicon.
    pub country: Option<String>,
    pub role: Option<String>,
    /// From the actor dictionary: the entry's CAMEO code (`USAGOV`, `MNCUSAMED`).
    pub cameo: Option<String>,
}

impl LocalActor {
    pub(crate) fn new(key: String, label: &str, kind: ActorKind, strength: u8) -> LocalActor {
        let mut strong = BTreeSet::new();
        strong.insert(fold(label));
        LocalActor {
            key,
            label: label.to_string(),
            kind,
            kind_strength: strength,
            aliases: BTreeSet::new(),
            strong,
            mentions: 0,
            fixed_id: None,
            weak: true,
            country: None,
            role: None,
            cameo: None,
        }
    }
}

/// The kind strength of an actor of the user's lexicon: nothing in the text overrides it, and
/// its name is the label.
pub const KNOWN: u8 = 3;

/// The result: actors and, for every candidate, the actor it names.
pub struct Resolved {
    pub actors: Vec<LocalActor>,
    pub of_cand: Vec<Option<usize>>,
}

/// The actors found so far, with indexes kept up to date as they are added, so that a short
/// form is matched by a lookup instead of a scan of every actor (a document of thousands of
/// names would otherwise cost the square of their number).
#[derive(Default)]
struct Builder {
    actors: Vec<LocalActor>,
    by_key: HashMap<String, usize>,
    /// Folded first or last word -> people of two words or more carrying it, in actor order.
    surnames: HashMap<String, Vec<usize>>,
    /// Initials (all, or of capitalised words only) -> organisations of two words or more.
    initials: HashMap<String, Vec<usize>>,
}

impl Builder {
    fn get_or_add(&mut self, key: String, label: &str, kind: ActorKind, strength: u8) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.actors.len();
        if key.starts_with("person:") {
            let ws = person_words(label);
            if let (true, Some(first), Some(last)) = (ws.len() >= 2, ws.first(), ws.last()) {
                self.surnames.entry(first.clone()).or_default().push(i);
                if last != first {
                    self.surnames.entry(last.clone()).or_default().push(i);
                }
            }
        }
        if kind.is_organisation() {
            for spelled in org_initials(label) {
                self.initials.entry(spelled).or_default().push(i);
            }
        }
        self.actors.push(LocalActor::new(key.clone(), label, kind, strength));
        self.by_key.insert(key, i);
        i
    }
}

/// The spellings an acronym of this organisation may take: the initials of every word but
/// `the`, uppercased, and those of its capitalised words only. None for one-word names.
fn org_initials(label: &str) -> Vec<String> {
    let words: Vec<&str> = label
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let all: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let caps: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    if caps == all { vec![all] } else { vec![all, caps] }
}

fn person_words(label: &str) -> Vec<String> {
    label.split_whitespace().map(fold).collect()
}

pub fn resolve(kb: &Knowledge, cands: &[Cand], links: &[Link]) -> Resolved {
    let (lexicon, dictionary) = (&kb.lexicon, &kb.dictionary);
    let mut b = Builder::default();
    let mut of_cand: Vec<Option<usize>> = vec![None; cands.len()];
    let quoted: BTreeSet<usize> = links
        .iter()
        .filter(|l| l.kind == RelationKind::QuotedIn)
        .filter_map(|l| if let Ref::Cand(k) = l.from { Some(k) } else { None })
        .collect();

    // Pass 1: names that stand on their own.
    for (k, c) in cands.iter().enumerate() {
        if let Some(known) = c.known {
            of_cand[k] = Some(known_actor(lexicon, &mut b, known));
            continue;
        }
        if c.common_word {
            continue;
        }
        let idx = match c.what() {
            What::Country { id, name } => {
                let i = b.get_or_add(format!("country:{id}"), name, ActorKind::Country, 2);
                b.actors[i].fixed_id = Some(id.clone());
                Some(i)
            }
            What::Outlet { id: Some(id), name } => {
                let i = b.get_or_add(format!("org:{}", fold(name)), name, ActorKind::Outlet, 2);
                b.actors[i].fixed_id = Some(id.clone());
                Some(i)
            }
            What::Outlet { id: None, name } => {
                Some(b.get_or_add(format!("org:{}", fold(name)), name, ActorKind::Outlet, 2))
            }
            What::Org => Some(b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 2)),
            What::Person if c.text.split_whitespace().count() >= 2 => Some(b.get_or_add(
                format!("person:{}", fold(&without_initials(&c.text))),
                &c.text,
                ActorKind::Person,
                0,
            )),
            _ => None,
        };
        of_cand[k] = idx;
    }
    define_acronyms(cands, &mut b, &mut of_cand);
    // States named only through a demonym or capital (`Brazilian President X`) still get a node.
    for l in links {
        for r in [&l.from, &l.to] {
            if let Ref::Country(id) = r
                && let Some(country) = lexicon.country_by_id(id)
            {
                let i = b.get_or_add(format!("country:{id}"), &country.name, ActorKind::Country, 2);
                b.actors[i].fixed_id = Some(id.clone());
                b.actors[i].weak = false;
            }
        }
    }

    // Pass 2: short forms and acronyms against what pass 1 found.
    let org_words = organisation_words(kb, cands, &quoted);
    let shorts = short_forms(kb, &b);
    let mut ctx = SurnameContext::new(links);
    for (k, &actor) in of_cand.iter().enumerate() {
        ctx.assigned(cands, k, actor);
    }
    for (k, c) in cands.iter().enumerate() {
        if of_cand[k].is_some() {
            continue;
        }
        if c.common_word {
            // Only an actor named otherwise: `Police said` after `Mr. Police` or `Police Ltd`.
            let folded = fold(&c.text);
            of_cand[k] = surname_owner(&b, cands, &ctx, &of_cand, k, &person_words(&c.text))
                .or_else(|| b.by_key.get(&format!("person:{folded}")).copied())
                .or_else(|| b.by_key.get(&format!("org:{folded}")).copied());
            ctx.assigned(cands, k, of_cand[k]);
            continue;
        }
        of_cand[k] = match c.what() {
            What::Acronym => acronym_owner(&b, &c.text).or_else(|| {
                // An acronym the tagger calls an organisation (`NATO`) is one even undefined.
                (c.tagged == Some(crate::learn::tagger::EntityType::Org))
                    .then(|| b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 1))
            }),
            // A tagger guess of a place (`Costa added`) that is the surname of a
            // person of this document is that person.
            // A government body the tagger took for a place (`the Upper House`).
            What::Place if kb.bodies.lookup(&c.text).is_some() => {
                Some(b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 2))
            }
            What::Place if c.tagger_only && !c.text.contains(' ') => {
                surname_owner(&b, cands, &ctx, &of_cand, k, &person_words(&c.text))
                    .or_else(|| only_short_form(&shorts, &c.text))
                    .or_else(|| {
                        // The tagger's place that the actor dictionary knows as an organisation
                        // (`companies such as Amazon and Google`).
                        dictionary_org(dictionary, &c.text)
                            .then(|| b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 1))
                    })
            }
            What::Person | What::Name => {
                let words = person_words(&c.text);
                let found = surname_owner(&b, cands, &ctx, &of_cand, k, &words)
                    .or_else(|| {
                        // `Pirelli` after `Pirelli SpA`: an organisation without its head word.
                        (words.len() == 1 && !c.titled && c.role.is_none() && !quoted.contains(&k))
                            .then(|| only_short_form(&shorts, &c.text))
                            .flatten()
                    })
                    .or_else(|| {
                        // `Samsung played`: a word the document reads as an organisation
                        // elsewhere (`Samsung said its profits`) is that organisation.
                        (words.len() == 1 && org_words.contains(&fold(&c.text)))
                            .then(|| b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 1))
                    })
                    .or_else(|| b.by_key.get(&format!("person:{}", fold(&c.text))).copied())
                    .or_else(|| {
                        // An unknown name may repeat an organisation named in full earlier.
                        (*c.what() == What::Name)
                            .then(|| b.by_key.get(&format!("org:{}", fold(&c.text))).copied())
                            .flatten()
                    });
                match found {
                    Some(i) => Some(i),
                    None if *c.what() == What::Person
                        && (c.titled || quoted.contains(&k) || words.len() >= 2 || c.tagged.is_some()) =>
                    {
                        Some(b.get_or_add(format!("person:{}", fold(&c.text)), &c.text, ActorKind::Person, 0))
                    }
                    // The tagger's one-word organisation that no person or organisation claims, or
                    // an organisation of the actor dictionary (`Google`), written as it lists it.
                    None if *c.what() == What::Name
                        && (c.tagged == Some(crate::learn::tagger::EntityType::Org)
                            || dictionary_org(dictionary, &c.text)) =>
                    {
                        Some(b.get_or_add(format!("org:{}", fold(&c.text)), &c.text, ActorKind::Institute, 1))
                    }
                    None => None,
                }
            }
            _ => None,
        };
        ctx.assigned(cands, k, of_cand[k]);
    }

    count_and_type(cands, &quoted, &mut b, &of_cand);
    Resolved {
        actors: b.actors,
        of_cand,
    }
}

/// Whether a one-word name is a form of an organisation of the actor dictionary.
fn dictionary_org(dictionary: &Dictionary, name: &str) -> bool {
    dictionary
        .lookup(name)
        .is_some_and(|e| dictionary.entry(e).kind.is_organisation())
}

/// The actor of a person or institute of the user's lexicon: its canonical name, kind and id,
/// and every alias as an identifying spelling. The key is the one the text's own spelling of
/// the name would get, so surnames alone still find the person.
fn known_actor(lexicon: &Lexicon, b: &mut Builder, index: usize) -> usize {
    let known = &lexicon.known()[index];
    let class = if known.kind.is_person() { "person" } else { "org" };
    let i = b.get_or_add(format!("{class}:{}", fold(&known.name)), &known.name, known.kind, KNOWN);
    let a = &mut b.actors[i];
    a.fixed_id = Some(known.id.clone());
    a.weak = false;
    a.country.clone_from(&known.country);
    a.role.clone_from(&known.role);
    a.strong.extend(known.aliases.iter().map(|s| fold(s)));
    i
}

/// `Bank of Korea (BOK)`: the acronym in parentheses right after an organisation is its alias.
fn define_acronyms(cands: &[Cand], b: &mut Builder, of_cand: &mut [Option<usize>]) {
    for w in cands.windows(2) {
        let (org, acr) = (&w[0], &w[1]);
        if org.sent == acr.sent && *acr.what() == What::Acronym && acr.first == org.last + 1 {
            let Some(&i) = b.by_key.get(&format!("org:{}", fold(&org.text))) else {
                continue;
            };
            b.actors[i].strong.insert(fold(&acr.text));
            b.actors[i].aliases.insert(acr.text.clone());
            b.by_key
                .entry(format!("acronym:{}", acr.text.replace('.', "")))
                .or_insert(i);
        }
    }
    let _ = of_cand;
}

/// An acronym defined earlier, or the initials of an organisation of this document
/// (`CFDOKR` for Council For Diplomacy On Korean Reunification).
fn acronym_owner(b: &Builder, acronym: &str) -> Option<usize> {
    let bare = acronym.replace('.', "");
    if let Some(&i) = b.by_key.get(&format!("acronym:{bare}")) {
        return Some(i);
    }
    match b.initials.get(&bare).map(Vec::as_slice) {
        Some(&[only]) => Some(only),
        _ => None,
    }
}

/// What settles which holder of a surname a short form means, kept up to date while pass 2
/// assigns candidates, so each short form costs a lookup rather than a scan of the document.
#[derive(Default)]
struct SurnameContext {
    /// (person candidate, organisation candidate) of every `X of ORG` link, in link order.
    affiliations: Vec<(usize, usize)>,
    /// Candidate -> the organisation candidates it is affiliated to, in link order.
    affiliated_from: HashMap<usize, Vec<usize>>,
    /// Actor -> how many candidates of two words or more name it.
    named_in_full: HashMap<usize, usize>,
}

impl SurnameContext {
    fn new(links: &[Link]) -> SurnameContext {
        let mut ctx = SurnameContext::default();
        for l in links.iter().filter(|l| l.kind == RelationKind::AffiliatedTo) {
            if let (Ref::Cand(p), Ref::Cand(o)) = (&l.from, &l.to) {
                ctx.affiliations.push((*p, *o));
                ctx.affiliated_from.entry(*p).or_default().push(*o);
            }
        }
        ctx
    }

    /// Candidate `k` now names `actor`.
    fn assigned(&mut self, cands: &[Cand], k: usize, actor: Option<usize>) {
        if let Some(i) = actor
            && cands[k].text.split_whitespace().count() >= 2
        {
            *self.named_in_full.entry(i).or_default() += 1;
        }
    }
}

/// The person a surname (with or without title) refers to in this document.
fn surname_owner(
    b: &Builder,
    cands: &[Cand],
    ctx: &SurnameContext,
    of_cand: &[Option<usize>],
    k: usize,
    words: &[String],
) -> Option<usize> {
    if words.len() != 1 {
        return None;
    }
    let holders: &[usize] = b.surnames.get(&words[0]).map_or(&[], Vec::as_slice);
    if holders.len() <= 1 {
        return holders.first().copied();
    }
    let owner_of = |o: usize| {
        of_cand[o].or_else(|| match cands[o].what() {
            What::Acronym => acronym_owner(b, &cands[o].text),
            _ => None,
        })
    };
    // Context first: `Mr. Kim of CFDOKR` belongs to the holder affiliated to CFDOKR's owner.
    for &org in ctx.affiliated_from.get(&k).map_or(&[][..], Vec::as_slice) {
        let Some(target) = owner_of(org) else { continue };
        let members: BTreeSet<usize> = ctx
            .affiliations
            .iter()
            .filter(|&&(_, o)| {
                of_cand[o] == Some(target) || (*cands[o].what() == What::Acronym && owner_of(o) == Some(target))
            })
            .filter_map(|&(p, _)| of_cand[p])
            .collect();
        if let Some(owner) = holders.iter().copied().find(|h| members.contains(h)) {
            return Some(owner);
        }
    }
    // Otherwise the holder named most often in full, then the first named.
    let full_count = |h: usize| ctx.named_in_full.get(&h).copied().unwrap_or(0);
    holders
        .iter()
        .copied()
        .max_by_key(|&h| (full_count(h), std::cmp::Reverse(h)))
}

/// The organisations found so far by their name without its last words, while those are an
/// organisation's heads (`Pirelli SpA`, `Brookings Institution`, `Magna International Inc`):
/// folded short form -> actors.
fn short_forms(kb: &Knowledge, b: &Builder) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, a) in b.actors.iter().enumerate().filter(|(_, a)| a.kind.is_organisation()) {
        let mut name = a.label.as_str();
        while let Some((rest, last)) = name.rsplit_once(' ')
            && crate::extract::names::org_head_kind(kb, last).is_some()
            && !rest.trim().is_empty()
        {
            let forms = out.entry(fold(rest)).or_default();
            if !forms.contains(&i) {
                forms.push(i);
            }
            name = rest.trim_end();
        }
    }
    out
}

/// The one organisation whose short form this name is.
fn only_short_form(shorts: &HashMap<String, Vec<usize>>, name: &str) -> Option<usize> {
    match shorts.get(&fold(name)).map(Vec::as_slice) {
        Some(&[only]) => Some(only),
        _ => None,
    }
}

/// Folded one-word names the document's votes make an organisation: more of the word's
/// mentions read as one (a rule's organisation, the tagger's ORG, the actor dictionary's
/// organisation) than as a person or a place, and none as a person for sure (a title, a role,
/// a quote).
fn organisation_words(kb: &Knowledge, cands: &[Cand], quoted: &BTreeSet<usize>) -> BTreeSet<String> {
    use crate::learn::tagger::EntityType;
    let mut votes: HashMap<String, (usize, usize)> = HashMap::default();
    let mut person = BTreeSet::new();
    for (k, c) in cands.iter().enumerate().filter(|(_, c)| !c.text.contains(' ')) {
        let reads_org = match c.what() {
            What::Org => true,
            What::Name | What::Person => {
                c.tagged == Some(EntityType::Org)
                    || (c.tagged.is_none() && !c.titled && c.role.is_none() && dictionary_org(&kb.dictionary, &c.text))
            }
            _ => false,
        };
        let vote = votes.entry(fold(&c.text)).or_default();
        if reads_org {
            vote.0 += 1;
        } else {
            vote.1 += 1;
            if *c.what() == What::Person && (c.titled || c.role.is_some() || quoted.contains(&k)) {
                person.insert(fold(&c.text));
            }
        }
    }
    votes
        .into_iter()
        .filter(|(word, (org, other))| org > other && !person.contains(word))
        .map(|(word, _)| word)
        .collect()
}

fn count_and_type(cands: &[Cand], quoted: &BTreeSet<usize>, b: &mut Builder, of_cand: &[Option<usize>]) {
    for (k, c) in cands.iter().enumerate() {
        let Some(i) = of_cand[k] else { continue };
        let a = &mut b.actors[i];
        a.mentions += 1;
        if !c.tagger_only || c.titled || c.role.is_some() || quoted.contains(&k) {
            a.weak = false;
        }
        if c.text != a.label {
            a.aliases.insert(c.text.clone());
        }
        if a.key.starts_with("person:") && a.kind_strength < KNOWN {
            if c.text.split_whitespace().count() >= 2 {
                a.strong.insert(fold(&c.text));
                a.strong.insert(fold(&without_initials(&c.text)));
                if c.text.len() > a.label.len() {
                    let old = std::mem::replace(&mut a.label, c.text.clone());
                    a.aliases.insert(old);
                    a.aliases.remove(&a.label.clone());
                }
            }
            if let Some(role) = c.role {
                let new =
                    crate::extract::links::strongest(if a.kind_strength >= 2 { Some(a.kind) } else { None }, role);
                a.kind = new;
                a.kind_strength = 2;
            } else if quoted.contains(&k) && a.kind_strength < 1 {
                a.kind = ActorKind::Analyst;
                a.kind_strength = 1;
            }
        }
    }
}

/// `Donald J. Trump` -> `Donald Trump`: middle initials do not tell two people apart.
pub fn without_initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() <= 2 {
        return name.to_string();
    }
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.trim_end_matches('.').chars().count() != 1)
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Node id for an actor with no lexicon id.
pub fn actor_slug(a: &LocalActor) -> String {
    a.fixed_id.clone().unwrap_or_else(|| slug(&a.label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cand::Pass;
    use crate::learn::tagger::EntityType;
    use crate::text::Span;

    fn cand(sent: usize, text: &str, what: What, tagged: Option<EntityType>) -> Cand {
        let mut c = Cand::new(
            sent,
            0,
            1,
            Span::new(0, text.len()),
            text.to_string(),
            Pass::Rules,
            what,
        );
        c.tagged = tagged;
        c
    }

    fn kinds(cands: &[Cand]) -> Vec<Option<ActorKind>> {
        let kb = Knowledge::embedded().unwrap().without_dictionary();
        let r = resolve(&kb, cands, &[]);
        r.of_cand.iter().map(|i| i.map(|i| r.actors[i].kind)).collect()
    }

    /// One-word names take the kind most of their mentions vote for; a title or a role is a
    /// person's for sure.
    #[test]
    fn one_word_names_are_what_most_mentions_say() {
        let org = || cand(0, "Brenvik", What::Org, Some(EntityType::Org));
        let tagged_org = || cand(1, "Brenvik", What::Name, Some(EntityType::Org));
        let person = || cand(2, "Brenvik", What::Person, Some(EntityType::Per));
        let inst = Some(ActorKind::Institute);
        assert_eq!(kinds(&[org(), tagged_org(), person()]), [inst, inst, inst]);
        assert_eq!(
            kinds(&[tagged_org(), person(), person()])[1..],
            [Some(ActorKind::Person); 2]
        );
        let mut titled = person();
        titled.titled = true;
        assert_eq!(kinds(&[org(), tagged_org(), titled])[2], Some(ActorKind::Person));
    }
}
