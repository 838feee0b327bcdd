//! Names: runs of capitalised words cut into candidate mentions, each with a first guess of
//! what it names (country, outlet, organisation, person, place) from lexicons and cue words.

pub use super::cand::{Cand, Pass, What};
use super::sentence::{Gaz, SentenceView};
use crate::graph::ActorKind;
use crate::knowledge::Knowledge;
use crate::knowledge::cues::Cue;
use crate::knowledge::lexicon::HeadPosition;
use crate::learn::tagger::EntityType;
use crate::text::TokenKind;

/// Finds the candidate mentions of one sentence, in order, each with its first kind. The first
/// of the kind-deciding passes of `read_sentences` (`extract/mod.rs`); inside it the kind is
/// set, and may be overwritten, in this order: `classify` (lexicon entry, with `from_gaz`
/// turning an ambiguous entry into a `Name`; organisation head word; else `Name`), `refine`
/// (a title before it makes a `Person`; an event word, a numeral, a place head, a lone letter,
/// an acronym or a person-like name decide a `Name`), `with_tagger` (the tagger retypes a
/// `Name`, a `Place` it calls an organisation, an untitled `Person` it calls an organisation,
/// or replaces weaker candidates), then `refine` again for the names and people the tagger
/// left or made. Later passes (`links`, `relations`) may still change the kind.
pub fn find(view: &SentenceView<'_>, text: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = view.len();
    let mut i = 0;
    while i < n {
        if !starts_chunk(view, i) {
            // A title is skipped whole: `Secretary` in `First Secretary` starts no name.
            i += view.words[i]
                .title
                .filter(|_| view.words[i].gaz.is_none())
                .map_or(1, |t| t.len);
            continue;
        }
        let end = extend(view, i);
        classify(view, text, i, end, &mut out);
        i = end.max(i + 1);
    }
    for c in &mut out {
        refine(view, Pass::Rules, c);
    }
    let mut out = with_tagger(view, text, out);
    for c in out
        .iter_mut()
        .filter(|c| *c.what() == What::Name || *c.what() == What::Person)
    {
        refine(view, Pass::Titles, c);
    }
    if let Some(end) = dateline_place(view) {
        dateline(view, text, end, &mut out);
    }
    for c in &mut out {
        mark_common_word(view, c);
    }
    out
}

/// How many sentences from a document's start a dateline may be (after a headline and a
/// line of its own).
const DATELINE_SENTENCES: usize = 4;

/// `BRUSSELS 1996-08-31`, `WIGAN, England 1996-08-31`, `CARDIFF, Aug 31 -`: a news agency's
/// dateline opens the story with its place in capitals, then (after an optional region) the
/// date. Returns the end of the place's words.
fn dateline_place(view: &SentenceView<'_>) -> Option<usize> {
    if view.index >= DATELINE_SENTENCES {
        return None;
    }
    let w = &view.words;
    let capitals = |t: &super::sentence::Word<'_>| {
        t.is_word() && t.text.chars().any(char::is_alphabetic) && !t.text.chars().any(char::is_lowercase)
    };
    // Capitalised words, and the periods of their abbreviations (`ST. LOUIS`).
    let end = w
        .iter()
        .enumerate()
        .take(6)
        .take_while(|(i, t)| capitals(t) || (*i > 0 && t.is_punct(".") && w[i - 1].span.end == t.span.start))
        .count();
    if end == 0 || end == 6 || !w[end - 1].is_word() {
        return None;
    }
    let mut k = end;
    if w.get(k).is_some_and(|t| t.is_punct(",")) {
        k += 1;
        // The region or state (`England`, `Mich.`); a month ends it.
        while w
            .get(k)
            .is_some_and(|t| t.is_word() && t.cap && !view.kb.cues.word_is(&t.lower, Cue::Time))
        {
            k += 1;
        }
    }
    let is_date = |t: &super::sentence::Word<'_>| {
        let digits = t.text.chars().filter(char::is_ascii_digit).count();
        digits >= 6 && t.text.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '/')
    };
    let day = |t: &super::sentence::Word<'_>| t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit());
    // `Aug 31` or `August 31`: a month (the region's loop stops at a full month name, and
    // takes an abbreviated one as its last word).
    let month_day = (w.get(k).is_some_and(|t| view.kb.cues.word_is(&t.lower, Cue::Time))
        && w.get(k + 1).is_some_and(day))
        || (k > end + 1 && w.get(k).is_some_and(day));
    (w.get(k).is_some_and(is_date) || month_day).then_some(end)
}

/// The dateline's place is a place (or the state or capital the lexicon knows it as), whatever
/// the tagger or the capitals rule made of it.
fn dateline(view: &SentenceView<'_>, text: &str, end: usize, out: &mut Vec<Cand>) {
    let covering = out.iter().position(|c| c.first == 0 && c.last == end);
    if let Some(k) = covering
        && matches!(out[k].what(), What::Country { .. } | What::Capital { .. } | What::Place)
    {
        return;
    }
    out.retain(|c| c.first >= end || c.known.is_some());
    if out.iter().any(|c| c.first < end) {
        return;
    }
    out.insert(0, cand(view, text, 0, end, Pass::Rules, What::Place));
}

fn starts_chunk(view: &SentenceView<'_>, i: usize) -> bool {
    let w = &view.words[i];
    if w.gaz.is_some() {
        return true;
    }
    if !w.is_word() || !w.cap || w.title.is_some() {
        return false;
    }
    if view.all_caps {
        return false;
    }
    // The pronoun (`an expert I know`), not an initial (`I. M. Pei`) or a numeral inside a
    // name (`World War I`, which another word starts).
    if w.text == "I" && !view.words.get(i + 1).is_some_and(|n| n.is_punct(".")) {
        return false;
    }
    if view.at_start(i) && view.kb.cues.word_is(w.text, Cue::Stop) {
        return false;
    }
    true
}

/// `Police said`, `Obviously ,`: a word usually written in lowercase, capitalised only because
/// it starts the sentence, is no name alone unless the document names it elsewhere (the
/// resolver decides) or the actor dictionary knows it (`Labour said`).
fn mark_common_word(view: &SentenceView<'_>, c: &mut Cand) {
    let alone = view.words.get(c.last).is_none_or(|n| !(n.is_word() && n.cap));
    c.common_word = c.last - c.first == 1
        && alone
        && view.common_start(c.first)
        && c.known.is_none()
        && !c.titled
        && c.role.is_none()
        && view.kb.dictionary.lookup(&c.text).is_none();
}

fn is_chunk_word(view: &SentenceView<'_>, j: usize) -> bool {
    let w = &view.words[j];
    if !w.is_word() {
        return false;
    }
    if w.title.is_some_and(|t| t.honorific) {
        return false;
    }
    // A title word inside a name is part of it only when an organisation head follows
    // (`General Assembly`); otherwise it starts the next person's title.
    if w.title.is_some() && !(j + 1 < view.len() && org_head_kind(view.kb, view.words[j + 1].text).is_some()) {
        return false;
    }
    w.cap && !view.all_caps || w.gaz.is_some()
}

/// The end (exclusive) of the capitalised run starting at `i`.
fn extend(view: &SentenceView<'_>, i: usize) -> usize {
    let n = view.len();
    let mut j = match &view.words[i].gaz {
        Some((len, _, _)) => i + len,
        None => i + 1,
    };
    loop {
        if j >= n {
            break;
        }
        let w = &view.words[j];
        if let Some((len, _, _)) = &w.gaz {
            j += len;
            continue;
        }
        if is_chunk_word(view, j) {
            j += 1;
            continue;
        }
        // `Workers' Party`: a plural possessive inside an organisation name.
        if w.kind == TokenKind::Possessive
            && !w.text.contains('s')
            && j + 1 < n
            && org_head_kind(view.kb, view.words[j + 1].text).is_some()
            && view.words[j + 1].cap
        {
            j += 1;
            continue;
        }
        // `Osama bin Laden`, `Ludwig van Beethoven`: a lowercase particle inside a person's name.
        if view.kb.cues.is(&w.lower, Cue::Particle)
            && j + 1 < n
            && view.words[j + 1].cap
            && view.words[j + 1].gaz.is_none()
            && view.words[j + 1].title.is_none()
            && !has_org_head(view, i, j)
        {
            j += 1;
            continue;
        }
        // `Center for Strategic and International Studies`: `and` inside a name that already
        // has its head and connector, never before a state (`Bank of Korea and Japan`).
        if w.lower == "and"
            && j + 1 < n
            && view.words[j + 1].cap
            && view.words[j + 1].gaz.is_none()
            && has_org_head(view, i, j)
            && view.words[i..j]
                .iter()
                .any(|x| view.kb.cues.is(&x.lower, Cue::AndConnector))
        {
            j += 1;
            continue;
        }
        // `Bank of Korea`, `Institute for Policy Studies`, `Council for the Arts`.
        if w.lower != "and" && view.kb.cues.word_is(&w.lower, Cue::Connector) && !w.cap {
            let mut k = j + 1;
            if k < n && view.words[k].lower == "the" {
                k += 1;
            }
            if k < n
                && is_chunk_word(view, k)
                && !view.kb.cues.word_is(&view.words[k].lower, Cue::Stop)
                && has_org_head(view, i, j)
            {
                j = k;
                continue;
            }
        }
        break;
    }
    j
}

pub fn org_head_kind(kb: &Knowledge, word: &str) -> Option<ActorKind> {
    kb.lexicon
        .org_head(word)
        .filter(|h| !h.ambiguous || word.chars().next().is_some_and(char::is_uppercase))
        .map(|h| h.kind)
}

fn has_org_head(view: &SentenceView<'_>, first: usize, last: usize) -> bool {
    (first..last).any(|k| view.words[k].cap && org_head_kind(view.kb, view.words[k].text).is_some())
}

/// The organisation kind of a run, when it is an organisation name by its head word:
/// the last word (`Sejong Institute`), or a first word followed by `of` (`Bank of Korea`).
fn org_kind(view: &SentenceView<'_>, first: usize, last: usize) -> Option<ActorKind> {
    // `Polygraph.info`, `Politico.com`: in the news, a named commercial or news site is a
    // publication; `.gov`, `.edu` and `.org` sites are their institutions.
    if last - first == 1
        && let Some(suffix) = view.kb.abbrev.web_suffix(view.words[first].text)
    {
        let public = view.kb.cues.is(suffix, Cue::PublicSite);
        return Some(if public {
            ActorKind::Institute
        } else {
            ActorKind::Outlet
        });
    }
    // `Institute for Policy Studies`: a head word followed by a connector inside the name.
    for k in first..last.saturating_sub(1) {
        let w = &view.words[k];
        if w.cap
            && view.words[k + 1].lower != "of"
            && view.kb.cues.word_is(&view.words[k + 1].lower, Cue::Connector)
            && let Some(h) = view.kb.lexicon.org_head(w.text)
            && h.position != HeadPosition::First
        {
            return Some(h.kind);
        }
    }
    let lastw = &view.words[last - 1];
    if let Some(h) = view.kb.lexicon.org_head(lastw.text)
        && h.position != HeadPosition::First
        && (!h.ambiguous || last - first >= 2)
    {
        return Some(h.kind);
    }
    for k in first..last.saturating_sub(1) {
        let w = &view.words[k];
        if view.words[k + 1].lower == "of"
            && let Some(h) = view.kb.lexicon.org_head(w.text)
            && h.position != HeadPosition::Last
        {
            return Some(h.kind);
        }
    }
    None
}

fn classify(view: &SentenceView<'_>, text: &str, mut first: usize, last: usize, out: &mut Vec<Cand>) {
    // `The Guardian`: an entry that begins with its article keeps its meaning without it.
    let whole = view.words[first]
        .gaz
        .as_ref()
        .filter(|(len, _, _)| first + len == last)
        .cloned();
    // Months and weekdays never start a name (`July`, `Friday`), nor does `the`.
    while first < last
        && (!view.words[first].is_word()
            || view.words[first].lower == "the" && !names_article(view, first, last)
            || view.kb.cues.word_is(&view.words[first].lower, Cue::Time))
    {
        first += 1;
    }
    if first >= last {
        return;
    }
    let single_gaz = view.words[first]
        .gaz
        .clone()
        .filter(|(len, _, _)| first + len == last)
        .or(whole);
    if let Some((_, gaz, ambiguous)) = single_gaz {
        out.push(from_gaz(view, text, first, last, &gaz, ambiguous));
        return;
    }
    if let Some(kind) = org_kind(view, first, last) {
        let what = if kind == ActorKind::Outlet {
            What::Outlet {
                id: None,
                name: view.span_of(first, last).text(text).to_string(),
            }
        } else {
            What::Org
        };
        out.push(cand(view, text, first, last, Pass::Rules, what));
        return;
    }
    // No organisation head: gazetteer entries stand alone, the rest are names.
    let mut k = first;
    let mut run = first;
    while k < last {
        if let Some((len, gaz, ambiguous)) = &view.words[k].gaz {
            if run < k {
                out.push(cand(view, text, run, k, Pass::Rules, What::Name));
            }
            out.push(from_gaz(view, text, k, k + len, gaz, *ambiguous));
            k += len;
            run = k;
        } else {
            k += 1;
        }
    }
    if run < last {
        out.push(cand(view, text, run, last, Pass::Rules, What::Name));
    }
}

/// `at The Oval`, `in The Hague`: a capitalised article after a lowercase word, where nothing
/// but the name asks for a capital, is the name's own.
fn names_article(view: &SentenceView<'_>, first: usize, last: usize) -> bool {
    view.words[first].text == "The"
        && first + 1 < last
        && first > 0
        && view.words[first - 1].is_word()
        && !view.words[first - 1].cap
}

fn from_gaz(view: &SentenceView<'_>, text: &str, first: usize, last: usize, gaz: &Gaz, ambiguous: bool) -> Cand {
    let what = match gaz {
        Gaz::Country { id, name } | Gaz::Seat { id, name } => What::Country {
            id: id.clone(),
            name: name.clone(),
        },
        Gaz::Demonym { id, name } => What::Demonym {
            id: id.clone(),
            name: name.clone(),
        },
        Gaz::Capital { id, name } => What::Capital {
            id: id.clone(),
            name: name.clone(),
        },
        Gaz::Outlet { id, name } => What::Outlet {
            id: Some(id.clone()),
            name: name.clone(),
        },
        Gaz::Place => What::Place,
        // The rest of the extractor reads a known actor as any person or organisation; the
        // index tells the resolver whose node it is.
        Gaz::Known { kind, .. } if kind.is_person() => What::Person,
        Gaz::Known { .. } => What::Org,
    };
    let mut c = cand(view, text, first, last, Pass::Rules, what);
    if let Gaz::Known { index, .. } = gaz {
        c.known = Some(*index);
    }
    if ambiguous && !matches!(c.what(), What::Demonym { .. }) {
        // An ambiguous entry (a capital that is also a surname) is only a name until context decides.
        c.propose(Pass::Rules, What::Name);
    }
    c
}

fn cand(view: &SentenceView<'_>, text: &str, first: usize, last: usize, pass: Pass, what: What) -> Cand {
    let span = view.span_of(first, last);
    Cand::new(view.index, first, last, span, span.text(text).to_string(), pass, what)
}

/// Joins the tagger's names to the rule candidates. The tagger finds names that rules miss
/// (no title, no head word, headlines); rules know kinds and the spans of long organisation
/// names. Where they disagree on a span, a rule candidate with lexicon or cue evidence wins.
/// Runs after the first `refine`, so it sees rule kinds already refined.
fn with_tagger(view: &SentenceView<'_>, text: &str, mut out: Vec<Cand>) -> Vec<Cand> {
    for &(a, b, ty) in &view.tagged {
        if ty == EntityType::Misc {
            // `U.S. Open`, `Tour of the Netherlands`, `Schindler's List`: a name inside the
            // name of an event, a work or a product names no actor there. The user's own
            // actors stay.
            out.retain(|c| c.known.is_some() || !(a <= c.first && c.last <= b && c.last - c.first < b - a));
            continue;
        }
        let Some((a, b)) = trim(view, a, b) else { continue };
        let overlapping: Vec<usize> = (0..out.len())
            .filter(|&k| out[k].first < b && a < out[k].last)
            .collect();
        if let [k] = overlapping[..]
            && out[k].first == a
            && out[k].last == b
        {
            // The user's lexicon knows better than the tagger.
            let retype = out[k].known.is_none()
                && match (out[k].what(), ty) {
                    (What::Name, _) => true,
                    (What::Place, EntityType::Org) => true,
                    // A name that only looked like a person's (no title, no role).
                    (What::Person, EntityType::Org) => !out[k].titled && out[k].role.is_none(),
                    _ => false,
                };
            out[k].tagged = Some(ty);
            if retype {
                let what = from_type(view, text, a, b, ty);
                out[k].propose(Pass::Tagger, what);
                out[k].tagger_only = true;
            }
            continue;
        }
        // `Omar Hassan al-Bashir` where the tagger stopped at the particle: the rule's
        // longer span, joined by a lower-case particle, is the name; the tagger says whose.
        if let [k] = overlapping[..]
            && ty == EntityType::Per
            && out[k].first == a
            && out[k].last > b
            && matches!(out[k].what(), What::Name | What::Person)
            && out[k].known.is_none()
            && (b..out[k].last).any(|j| view.words[j].is_word() && view.words[j].text.starts_with(char::is_lowercase))
        {
            out[k].tagged = Some(ty);
            if *out[k].what() == What::Name {
                let (first, last) = (out[k].first, out[k].last);
                let what = from_type(view, text, first, last, ty);
                out[k].propose(Pass::Tagger, what);
                out[k].tagger_only = true;
            }
            continue;
        }
        // `U.S. Treasury`, `Moscow Stock Exchange`: an organisation named after its state.
        let org_over_state = ty == EntityType::Org
            && overlapping.iter().all(|&k| {
                matches!(
                    out[k].what(),
                    What::Country { .. } | What::Capital { .. } | What::Demonym { .. } | What::Name
                ) && a <= out[k].first
                    && out[k].last <= b
            })
            && overlapping.iter().any(|&k| out[k].last - out[k].first < b - a);
        if !org_over_state && overlapping.iter().any(|&k| is_strong(&out[k])) {
            continue;
        }
        for &k in overlapping.iter().rev() {
            out.remove(k);
        }
        let what = from_type(view, text, a, b, ty);
        let mut c = cand(view, text, a, b, Pass::Tagger, what);
        c.tagged = Some(ty);
        c.tagger_only = true;
        out.push(c);
    }
    out.sort_by_key(|c| c.first);
    out
}

/// The tagger's span without a leading article, title or honorific (rules read those). A
/// lone letter (`I`) is never a name.
fn trim(view: &SentenceView<'_>, mut a: usize, b: usize) -> Option<(usize, usize)> {
    if b - a == 1 && view.words[a].text.chars().count() == 1 {
        return None;
    }
    while a < b {
        let w = &view.words[a];
        if let Some(t) = w.title.filter(|t| a + t.len < b && w.gaz.is_none()) {
            a += t.len;
        } else if w.lower == "the" && !names_article(view, a, b) || !w.is_word() {
            a += 1;
        } else {
            break;
        }
    }
    (a < b).then_some((a, b))
}

fn is_strong(c: &Cand) -> bool {
    if c.known.is_some() {
        return true;
    }
    match c.what() {
        What::Name | What::Place => false,
        What::Person => c.titled || c.role.is_some(),
        _ => true,
    }
}

fn from_type(view: &SentenceView<'_>, text: &str, a: usize, b: usize, ty: EntityType) -> What {
    if let Some((len, gaz, ambiguous)) = &view.words[a].gaz
        && a + len == b
    {
        // A city that is a club (`Ulsan beat Pusan`) or a capital that is a surname
        // (`Washington said`): the tagger reads the sentence, the gazetteer only the word.
        let club = matches!(gaz, Gaz::Place) && ty == EntityType::Org;
        let surname = *ambiguous && ty == EntityType::Per;
        if !club && !surname {
            return from_gaz(view, text, a, b, gaz, false).what().clone();
        }
    }
    match ty {
        EntityType::Per => What::Person,
        EntityType::Org => match org_kind(view, a, b) {
            Some(ActorKind::Outlet) => What::Outlet {
                id: None,
                name: view.span_of(a, b).text(text).to_string(),
            },
            Some(_) => What::Org,
            // One word with no head word (`Trump` in `the Trump administration`) stays a name
            // for the resolver, which knows the document's people.
            None if b - a == 1 && !view.words[a].text.chars().all(|c| c.is_uppercase()) => What::Name,
            None => What::Org,
        },
        _ => What::Place,
    }
}

/// Decides what an unclassified name is from its own words and the title before it. Runs after
/// `classify` and again after `with_tagger`; only a title overrides a kind other than `Name`.
fn refine(view: &SentenceView<'_>, pass: Pass, c: &mut Cand) {
    if let Some(t) = title_before(view, c.first) {
        if matches!(c.what(), What::Name | What::Person) || (t.honorific && matches!(c.what(), What::Capital { .. })) {
            c.propose(pass, What::Person);
            c.titled = true;
            if !t.honorific || t.role != ActorKind::Person {
                c.role = Some(t.role);
            }
        }
        return;
    }
    if *c.what() != What::Name {
        return;
    }
    let words = &view.words[c.first..c.last];
    if words.iter().any(|w| view.kb.cues.word_is(&w.lower, Cue::Event))
        || words.iter().any(|w| is_numeral(view.kb, w.text))
    {
        c.propose(pass, What::Other);
        return;
    }
    if view.kb.cues.word_is(&words[words.len() - 1].lower, Cue::Place) && words.len() >= 2 {
        c.propose(pass, What::Place);
        return;
    }
    if words.len() == 1 && words[0].text.chars().count() == 1 {
        c.propose(pass, What::Other); // `I`, a stray initial
        return;
    }
    if words.len() == 1 && is_acronym(words[0].text) {
        c.propose(pass, What::Acronym);
        return;
    }
    if words.len() >= 2 && words.len() <= 4 && looks_like_person(view.kb, words.iter().map(|w| w.text)) {
        c.propose(pass, What::Person);
    }
}

/// The longest title or honorific ending right before token `i` (`Foreign Minister`, not
/// `Minister`).
pub fn title_before(view: &SentenceView<'_>, i: usize) -> Option<super::sentence::TitleHit> {
    (i.saturating_sub(6)..i).find_map(|k| view.words[k].title.filter(|t| k + t.len == i))
}

/// A number (`2024`) or a Roman numeral (cue class `numeral`) written in capitals: `II`, not
/// `ii` or `Ii`.
fn is_numeral(kb: &Knowledge, s: &str) -> bool {
    (s.bytes().all(|b| b.is_ascii_uppercase()) && kb.cues.is(&s.to_ascii_lowercase(), Cue::Numeral))
        || s.chars().all(|c| c.is_ascii_digit())
}

pub fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// A name whose words look like a person's: a known given name first, a known surname
/// first or last, or a romanised East Asian given name (`Jin-ho`).
pub fn looks_like_person<'a>(kb: &Knowledge, mut words: impl Iterator<Item = &'a str> + Clone) -> bool {
    let lex = &kb.lexicon;
    let all: Vec<&str> = words.clone().collect();
    let Some(first) = words.next() else { return false };
    if all
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) || kb.cues.word_is(w, Cue::Stop))
    {
        return false;
    }
    if lex.is_given_name(first) {
        return true;
    }
    let last = all[all.len() - 1];
    let hyphen_given = all[1..].iter().any(|w| {
        w.split_once('-').is_some_and(|(a, b)| {
            a.chars().next().is_some_and(char::is_uppercase) && b.chars().all(char::is_lowercase) && !b.is_empty()
        })
    });
    hyphen_given || (lex.is_surname(first) && all.len() <= 3) || (lex.is_surname(last) && all.len() <= 3)
}
