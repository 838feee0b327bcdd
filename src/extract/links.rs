//! Links between candidate mentions, before identities are known: who is affiliated to
//! what (titles, appositions, possessives, `X-based`), and the context that settles a
//! candidate's kind (an apposition `a professor at Y` makes a person an analyst).

use super::names::{Cand, Pass, What};
use super::sentence::SentenceView;
use crate::graph::{ActorKind, RelationKind};
use crate::knowledge::Knowledge;
use crate::knowledge::cues::Cue;
use crate::text::Span;

/// A reference to an actor from a link: a candidate, a state by id, the document, or the
/// person a pronoun at this byte offset points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    Cand(usize),
    Country(String),
    Document,
    Pronoun(usize),
}

/// A relation read from one sentence, between references not yet resolved to actors.
#[derive(Debug, Clone)]
pub struct Link {
    pub kind: RelationKind,
    pub from: Ref,
    pub to: Ref,
    pub sent: usize,
    pub trigger: Span,
}

/// Candidates of one sentence with their index in the document-wide candidate list.
pub struct Local<'c> {
    pub base: usize,
    pub cands: &'c mut [Cand],
}

impl Local<'_> {
    fn get(&self, global: usize) -> &Cand {
        &self.cands[global - self.base]
    }

    fn get_mut(&mut self, global: usize) -> &mut Cand {
        &mut self.cands[global - self.base]
    }

    /// Candidate ending right before token `i` (skipping nothing).
    fn ending_at(&self, i: usize) -> Option<usize> {
        self.cands.iter().position(|c| c.last == i).map(|k| k + self.base)
    }

    fn starting_at(&self, i: usize) -> Option<usize> {
        self.cands.iter().position(|c| c.first == i).map(|k| k + self.base)
    }
}

/// `his wife, Beatrice`, `X's son Tomas`: a name right after a noun of family (class `kin`)
/// that follows a possessive is a person's, whatever the tagger read (a one-word name alone is
/// often read as a place). Part of the apposition pass: it runs before `affiliations`.
pub fn kin(view: &SentenceView<'_>, local: &mut Local<'_>) {
    for c in local.cands.iter_mut() {
        let mut j = c.first;
        if j > 0 && view.words[j - 1].text == "," {
            j -= 1;
        }
        if j < 2 || !view.word_in(j - 1, Cue::Kin) {
            continue;
        }
        let owner = &view.words[j - 2];
        let possessive = owner.kind == crate::text::TokenKind::Possessive || view.word_in(j - 2, Cue::KinOwner);
        if possessive && matches!(c.what(), What::Name | What::Place | What::Person) {
            c.propose(Pass::Appositions, What::Person);
        }
    }
}

/// Capitals stand for their state unless the sentence uses them as a place. The second
/// kind-deciding pass (after `names::find`, before `affiliations`): it alone decides every
/// `Capital`, into `Country` or `Place`.
pub fn settle_capitals(view: &SentenceView<'_>, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let What::Capital { id, name } = c.what().clone() else {
            continue;
        };
        let before = (c.first > 0).then(|| &view.words[c.first - 1]);
        let after = view.words.get(c.last);
        let locative = before.is_some_and(|w| view.kb.cues.word_is(&w.lower, Cue::Locative));
        let dateline = c.first == 0
            && after.is_some_and(|w| matches!(w.text, "," | "(" | "—" | "–" | "-"))
            && view.words[c.first].text.chars().all(|ch| !ch.is_lowercase());
        let modifier =
            after.is_some_and(|w| w.lower.starts_with("-based") || view.kb.cues.is(&w.lower, Cue::CapitalModifier));
        let settled = if locative || dateline || modifier {
            What::Place
        } else {
            What::Country { id, name }
        };
        c.propose(Pass::Capitals, settled);
    }
}

/// Affiliations and roles read from titles, appositions and possessives in one sentence. The
/// third kind-deciding pass (after `settle_capitals`, before `relations::quotes`): an
/// apposition may make a candidate an `Outlet`, an `Org` or a `Person`, and a unit of a parent
/// organisation `Other`; it reads the kinds in the order it meets the candidates, so an earlier
/// candidate's new kind is what a later one's apposition sees.
pub fn affiliations(view: &SentenceView<'_>, local: &mut Local<'_>, out: &mut Vec<Link>) {
    let ids: Vec<usize> = (0..local.cands.len()).map(|k| k + local.base).collect();
    for &c in &ids {
        title_context(view, local, c, out);
        apposition(view, local, c, out);
        of_org(view, local, c, out);
        org_location(view, local, c, out);
    }
    based(view, local, out);
}

fn affiliation(view: &SentenceView<'_>, from: usize, to: Ref, first: usize, last: usize) -> Link {
    Link {
        kind: RelationKind::AffiliatedTo,
        from: Ref::Cand(from),
        to,
        sent: view.index,
        trigger: view.span_of(first, last.max(first + 1)),
    }
}

/// What a candidate stands for as an affiliation target: an organisation or a state.
fn target_of(kb: &Knowledge, local: &Local<'_>, k: usize) -> Option<Ref> {
    let c = local.get(k);
    match c.what() {
        What::Org | What::Outlet { .. } | What::Acronym => Some(Ref::Cand(k)),
        What::Country { .. } => Some(Ref::Cand(k)),
        What::Demonym { id, .. } | What::Capital { id, .. } => Some(Ref::Country(id.clone())),
        What::Place => capital_place_country(kb, c),
        _ => None,
    }
}

/// A capital read as a place still locates an organisation in its state.
fn capital_place_country(kb: &Knowledge, c: &Cand) -> Option<Ref> {
    kb.lexicon
        .capital(&c.text)
        .map(|country| Ref::Country(country.id.clone()))
}

/// `Chinese President Xi Jinping`, `then-South Korean President Moon`, `Communist Party
/// Chairman Mao`, `North Korea's founder Kim Il-sung`: the words before a person's title.
fn title_context(view: &SentenceView<'_>, local: &mut Local<'_>, c: usize, out: &mut Vec<Link>) {
    let (first, is_person) = {
        let cand = local.get(c);
        (cand.first, cand.is_person())
    };
    if !is_person {
        return;
    }
    let mut k = first;
    // `Sudan's president, Omar al-Bashir`: the title before a comma names the person after it.
    // `Norway's ambassador to Chile, X`: the state the title is sent to is not the one it serves;
    // the words before the title say whose it is.
    if k >= 2 && view.words[k - 1].text == "," {
        let at = sent_to(view, local, k - 1).unwrap_or(k - 1);
        if let Some(t) = super::names::title_before(view, at).filter(|t| !t.honorific) {
            let cand = local.get_mut(c);
            cand.role = Some(strongest(cand.role, t.role));
            k = at;
        }
    }
    let mut company_role = false;
    if let Some(t) = super::names::title_before(view, k) {
        if t.honorific {
            return;
        }
        company_role = view.cue_at(k - t.len, Cue::CompanyRole) == Some(t.len);
        k -= t.len;
    }
    if company_role {
        company_before(local, k);
    }
    // Possessive: `North Korea's Kim Jong Un`, `Russia's foreign minister X`.
    if k >= 2 && view.words[k - 1].kind == crate::text::TokenKind::Possessive {
        k -= 1;
    }
    while k > 0 && view.kb.cues.word_is(&view.words[k - 1].lower, Cue::Prefix) {
        k -= 1;
    }
    if k == 0 {
        return;
    }
    // `BBC Moscow correspondent X`: a beat between an outlet and its correspondent's title.
    let owner = local.ending_at(k).map(|o| outlet_before_beat(local, o).unwrap_or(o));
    if let Some(owner) = owner
        && owner != c
        && let Some(to) = target_of(view.kb, local, owner)
    {
        if matches!(local.get(owner).what(), What::Acronym) {
            return;
        }
        let start = local.get(owner).first;
        out.push(affiliation(view, c, to, start, first));
    }
}

/// `to Chile` or `to the U.S.` ending right before `end` (a comma), after a title: where the
/// title ends.
fn sent_to(view: &SentenceView<'_>, local: &Local<'_>, end: usize) -> Option<usize> {
    let place = local.ending_at(end)?;
    let mut j = local.get(place).first;
    if j > 0 && view.word_in(j - 1, Cue::Article) {
        j -= 1;
    }
    (j > 0 && view.words[j - 1].lower == "to").then_some(j - 1)
}

/// The outlet right before `beat` when `beat` names no outlet itself (`BBC Moscow`, `VOA
/// Pentagon`): a correspondent's beat, not their employer.
fn outlet_before_beat(local: &Local<'_>, beat: usize) -> Option<usize> {
    let b = local.get(beat);
    if matches!(b.what(), What::Outlet { .. }) || b.last - b.first > 3 {
        return None;
    }
    let o = local.ending_at(b.first)?;
    matches!(local.get(o).what(), What::Outlet { .. }).then_some(o)
}

/// `Cofinec chief executive X`: a name no title or role makes a person's, right before a
/// company's title, is the company.
fn company_before(local: &mut Local<'_>, k: usize) {
    let Some(owner) = local.ending_at(k) else { return };
    let o = local.get_mut(owner);
    let untitled = !o.titled && o.role.is_none() && o.known.is_none();
    if untitled && matches!(o.what(), What::Name | What::Person) {
        o.propose(Pass::Appositions, What::Org);
    }
}

/// `X, a professor at Y`, `X, vice president of Y`, `X, a retired South Korean general`,
/// `Y, a website specializing in ...`: the phrase between commas after a name.
fn apposition(view: &SentenceView<'_>, local: &mut Local<'_>, c: usize, out: &mut Vec<Link>) {
    let mut last = local.get(c).last;
    // `The Bank of X (BOX), the central bank in Y`: the apposition follows the acronym.
    if last + 2 < view.len() && view.words[last].text == "(" && view.words[last + 2].text == ")" {
        last += 3;
    }
    if last >= view.len() || view.words[last].text != "," {
        return;
    }
    let start = last + 1;
    let mut end = start;
    while end < view.len() && !view.words[end].is_punct(",.;:()\"“”—") {
        end += 1;
    }
    if end == start {
        return;
    }
    let mut k = start;
    if view.word_in(k, Cue::Article) {
        k += 1;
    }
    // A list (`Japan, South Korea and the U.S.`) is not an apposition: appositions open with
    // a lowercase word or a title, and name no other person. Nor is a relative clause.
    if k >= end || (view.words[k].cap && view.words[k].title.is_none() && view.words[k].gaz.is_none()) {
        return;
    }
    if view.word_in(k, Cue::Relative) {
        return;
    }
    // The role word heads the phrase: it comes within its first few words.
    let title = (start..end.min(start + 6)).find_map(|j| view.words[j].title.filter(|t| !t.honorific).map(|t| (j, t)));
    // Another person makes a list (`X, Chinese President Y and ...`), unless the phrase opens
    // with a lower-case word and the person comes after its role word: then the person is the
    // one the role serves (`X, a senior adviser to President Y`).
    let head = match title {
        Some((j, _)) if !view.words[start].cap => j,
        _ => end,
    };
    if local
        .cands
        .iter()
        .any(|o| o.first >= start && o.last <= end && o.first < head && *o.what() == What::Person)
    {
        return;
    }
    let retired = (start..end).any(|j| view.word_in(j, Cue::Retired));
    let role = title.map(|(j, t)| {
        let of_org = view
            .words
            .get(j + t.len)
            .is_some_and(|w| view.kb.cues.is(&w.lower, Cue::TitleOf))
            && local.cands.iter().any(|o| {
                o.first > j && o.last <= end && matches!(o.what(), What::Org | What::Outlet { .. } | What::Acronym)
            });
        // Officers of institutes (`vice president of the X Institute`) and retired officials
        // are quoted for their expertise.
        if (t.org && of_org && t.role != ActorKind::Analyst) || (retired && t.role == ActorKind::Person) {
            ActorKind::Analyst
        } else {
            t.role
        }
    });
    let noun_outlet = (start..end).any(|j| view.cue_at(j, Cue::OutletNoun).is_some());
    let noun_org = (start..end).any(|j| view.cue_at(j, Cue::OrgNoun).is_some() && !view.words[j].cap);
    let what = local.get(c).what().clone();
    let person_like = matches!(what, What::Person | What::Name);
    if noun_outlet && !matches!(what, What::Person) && role.is_none() {
        let name = local.get(c).text.clone();
        local
            .get_mut(c)
            .propose(Pass::Appositions, What::Outlet { id: None, name });
        return;
    }
    if noun_org && matches!(what, What::Name | What::Acronym) && role.is_none() {
        local.get_mut(c).propose(Pass::Appositions, What::Org);
    }
    let Some(role) = role else {
        if local.get(c).is_org() {
            org_in_place(view, local, c, start, end, out);
        }
        return;
    };
    if !person_like {
        if local.get(c).is_org() {
            org_in_place(view, local, c, start, end, out);
        }
        return;
    }
    {
        let cand = local.get_mut(c);
        cand.propose(Pass::Appositions, What::Person);
        cand.role = Some(strongest(cand.role, role));
    }
    affiliations_in(view, local, c, start, end, out);
}

/// Organisations and demonyms inside a role phrase; in `director of A at B` the person
/// belongs to B, and A is a unit of B.
fn affiliations_in(
    view: &SentenceView<'_>,
    local: &mut Local<'_>,
    c: usize,
    start: usize,
    end: usize,
    out: &mut Vec<Link>,
) {
    let mut orgs: Vec<usize> = Vec::new();
    let mut j = start;
    while j < end {
        if let Some(k) = local.starting_at(j) {
            let cand = local.get(k);
            let next = cand.last;
            match cand.what() {
                What::Org | What::Outlet { .. } | What::Acronym => orgs.push(k),
                // `a senior adviser to Turkey's president`: serving a state's leader is
                // serving the state.
                What::Country { .. }
                    if j > start
                        && view.words[j - 1].lower == "to"
                        && view.words.get(next).is_some_and(|w| w.kind == crate::text::TokenKind::Possessive)
                        && view.words.get(next + 1).is_some_and(|w| w.title.is_some()) =>
                {
                    out.push(affiliation(view, c, Ref::Cand(k), j - 1, next + 2));
                }
                What::Demonym { id, .. }
                    // `a retired South Korean general`: a demonym directly before the role word.
                    if view.words.get(next).is_some_and(|w| w.title.is_some()) => {
                        out.push(affiliation(view, c, Ref::Country(id.clone()), j, next));
                    }
                _ => {}
            }
            j = next.max(j + 1);
        } else {
            j += 1;
        }
    }
    // Units chained to a parent (`A at B`, `A of B`, `B's A`) give way to the parent.
    let mut parent: Option<usize> = None;
    for w in orgs.windows(2) {
        let (a, b) = (local.get(w[0]), local.get(w[1]));
        let between: Vec<&str> = view.words[a.last..b.first].iter().map(|w| w.lower.as_str()).collect();
        // Tokens hold no spaces, so the joined words are the phrase the cue class lists.
        if !between.is_empty() && view.kb.cues.is(&between.join(" "), Cue::UnitOf) {
            parent = Some(w[1]);
        }
        if matches!(between.as_slice(), ["'s"] | ["’s"]) {
            parent = Some(w[0]);
        }
    }
    // A unit of a parent is not an actor of its own here: the person belongs to the parent.
    if let Some(p) = parent {
        for &k in &orgs {
            if k != p && matches!(local.get(k).what(), What::Org) {
                local.get_mut(k).propose(Pass::Appositions, What::Other);
            }
        }
    }
    // A named organisation beats a bare acronym (`NGO the Council for X`).
    let named = orgs
        .iter()
        .copied()
        .find(|&k| !matches!(local.get(k).what(), What::Acronym));
    let mut chosen: Vec<usize> = match parent {
        Some(p) => vec![p],
        None => named.or(orgs.first().copied()).into_iter().collect(),
    };
    // `an expert at A and B`: both.
    if parent.is_none()
        && let Some(&first) = chosen.first()
    {
        let mut last = first;
        for &k in orgs.iter().skip_while(|&&k| k != first).skip(1) {
            let gap = &view.words[local.get(last).last..local.get(k).first];
            if !matches!(gap, [w] if w.lower == "and") {
                break;
            }
            chosen.push(k);
            last = k;
        }
    }
    for k in chosen {
        let first = local.get(k).first;
        let last = local.get(k).last;
        out.push(affiliation(view, c, Ref::Cand(k), start, last.max(first)));
        org_context(view, local, k, out);
    }
}

/// `Seoul's specialist Sejong Institute`, `the Sejong Institute in Seoul`: an organisation's state.
fn org_context(view: &SentenceView<'_>, local: &mut Local<'_>, k: usize, out: &mut Vec<Link>) {
    let first = local.get(k).first;
    // Possessive owner before the name, allowing lowercase words between.
    let mut j = first;
    while j > 0 && !view.words[j - 1].cap && view.words[j - 1].is_word() && !view.words[j - 1].lower.starts_with("-") {
        j -= 1;
    }
    if j >= 2
        && matches!(view.words[j - 1].lower.as_str(), "'s" | "’s" | "'")
        && let Some(owner) = local.ending_at(j - 1)
        && let Some(to @ Ref::Country(_)) = target_of(view.kb, local, owner).map(|t| as_country(local, t))
    {
        out.push(affiliation(view, k, to, j - 1, first));
    }
}

fn as_country(local: &Local<'_>, t: Ref) -> Ref {
    if let Ref::Cand(k) = t
        && let What::Country { id, .. } = local.get(k).what()
    {
        return Ref::Country(id.clone());
    }
    t
}

/// `X, the central bank in Seoul`: the state an organisation is in.
fn org_in_place(
    view: &SentenceView<'_>,
    local: &mut Local<'_>,
    c: usize,
    start: usize,
    end: usize,
    out: &mut Vec<Link>,
) {
    for j in start..end {
        if view.words[j].lower == "in"
            && let Some(k) = local.starting_at(j + 1)
            && let Some(to @ Ref::Country(_)) = target_of(view.kb, local, k).map(|t| as_country(local, t))
        {
            out.push(affiliation(view, c, to, j, j + 2));
            return;
        }
    }
}

/// `Mr. Kim of CFDOKR`, `Prof. Ndiaye of Dakar University`.
fn of_org(view: &SentenceView<'_>, local: &mut Local<'_>, c: usize, out: &mut Vec<Link>) {
    let last = local.get(c).last;
    if !local.get(c).is_person() || last + 1 >= view.len() || view.words[last].lower != "of" {
        return;
    }
    let at = if view.words.get(last + 1).is_some_and(|w| w.lower == "the") {
        last + 2
    } else {
        last + 1
    };
    if let Some(k) = local.starting_at(at)
        && matches!(local.get(k).what(), What::Org | What::Acronym | What::Outlet { .. })
    {
        out.push(affiliation(view, c, Ref::Cand(k), last, last + 1));
    }
}

/// An organisation named with its state: `Chinese Customs`, `the Sejong Institute in Seoul`,
/// `Seoul's specialist Sejong Institute`.
fn org_location(view: &SentenceView<'_>, local: &mut Local<'_>, c: usize, out: &mut Vec<Link>) {
    if !matches!(local.get(c).what(), What::Org) {
        return;
    }
    let (first, last) = (local.get(c).first, local.get(c).last);
    if let Some((_, gaz, _)) = &view.words[first].gaz
        && let Some(id) = gaz.country_id()
        && matches!(gaz, super::sentence::Gaz::Demonym { .. })
    {
        out.push(affiliation(view, c, Ref::Country(id.to_string()), first, first + 1));
    }
    if last + 1 < view.len()
        && view.words[last].lower == "in"
        && let Some(k) = local.starting_at(last + 1)
        && let Some(to @ Ref::Country(_)) = target_of(view.kb, local, k).map(|t| as_country(local, t))
    {
        out.push(affiliation(view, c, to, last, last + 2));
    }
    org_context(view, local, c, out);
}

/// `Seoul-based NGO the Council for X`: the organisation after `-based` is in that state.
fn based(view: &SentenceView<'_>, local: &mut Local<'_>, out: &mut Vec<Link>) {
    for j in 1..view.len() {
        if view.words[j].lower != "-based" {
            continue;
        }
        let Some(place) = local.ending_at(j) else { continue };
        let Some(to @ Ref::Country(_)) = target_of(view.kb, local, place).map(|t| as_country(local, t)) else {
            continue;
        };
        let org = (j + 1..view.len().min(j + 6)).find_map(|i| local.starting_at(i).filter(|&k| local.get(k).is_org()));
        if let Some(org) = org {
            out.push(affiliation(view, org, to, j - 1, j + 1));
        }
    }
}

/// Leader outranks analyst outranks person: a head of state quoted for commentary is still a leader.
pub fn strongest(have: Option<ActorKind>, new: ActorKind) -> ActorKind {
    fn rank(k: ActorKind) -> u8 {
        match k {
            ActorKind::Leader => 3,
            ActorKind::Analyst => 2,
            _ => 1,
        }
    }
    match have {
        Some(h) if rank(h) >= rank(new) => h,
        _ => new,
    }
}
