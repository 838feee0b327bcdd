//! Quotations, meetings and alliances read from one sentence, as links between candidates.
//!
//! Each rule looks for a trigger (a reporting verb, a meeting phrase, an alliance word) and
//! the names on either side of it within the clause.

use super::links::{Link, Local, Ref};
use super::names::{Pass, What};
use super::sentence::SentenceView;
use super::speakers::{self, Quoting};
use crate::graph::RelationKind;
use crate::knowledge::cues::Cue;

const CLAUSE_BREAKS: &str = ";—–:";

/// `X said`, `said X, a professor`, `“…,” he told Y`, `according to X`. The last
/// kind-deciding pass (after `links::affiliations`): a speaking `Name` of two or more words
/// becomes a `Person`. `meetings` and `alliances`, which run after it, only read kinds.
pub fn quotes(view: &SentenceView<'_>, local: &mut Local<'_>, quoting: &mut Quoting<'_>, out: &mut Vec<Link>) {
    let n = view.len();
    let mut i = 0;
    while i < n {
        let Some(len) = view.cue_at(i, Cue::Report) else {
            i += 1;
            continue;
        };
        if local_cand_covers(local, i) {
            i += 1;
            continue;
        }
        let trigger = view.span_of(i, i + len);
        // `“…,” said X`: the speaker follows the verb.
        let after_quote = i > 0 && view.words[i - 1].is_punct("\"”’'");
        let speaker = if view.word_in(i, Cue::SpeakerAfter) || after_quote {
            speaker_after(view, local, i + len).or_else(|| speaker_before(view, local, i))
        } else if common_noun_subject(view, local, i) {
            // `American officials said Sudan had…`: the speakers are unnamed, unless a
            // description refers back to one person (`the senator said`).
            description_before(view, i)
        } else {
            speaker_before(view, local, i).or_else(|| speaker_after(view, local, i + len))
        };
        let speaker = speakers::choose(view, local, (i, len), speaker, quoting);
        if let Some(s) = speaker {
            // A reporting verb makes a person of an unknown full name, not of one capitalised
            // word (`Traders said`).
            if let Ref::Cand(k) = s
                && *local.cands[k - local.base].what() == What::Name
                && local.cands[k - local.base].last - local.cands[k - local.base].first >= 2
            {
                local.cands[k - local.base].propose(Pass::Speakers, What::Person);
            }
            out.push(Link {
                kind: RelationKind::QuotedIn,
                from: s,
                to: Ref::Document,
                sent: view.index,
                trigger,
            });
        }
        i += len;
    }
}

fn local_cand_covers(local: &Local<'_>, i: usize) -> bool {
    local.cands.iter().any(|c| c.first <= i && i < c.last)
}

fn can_speak(what: &What) -> bool {
    // A place may be a misread surname (`Costa added`); the resolver decides.
    matches!(
        what,
        What::Person
            | What::Name
            | What::Org
            | What::Outlet { .. }
            | What::Acronym
            | What::Country { .. }
            | What::Place
    )
}

/// A description of one person (`the senator`, `the Republican nominee`; see
/// `extract::nominals`) whose head ends right before word `end`: the offset of its `the`, as a
/// reference the pronoun index reads.
fn description_ending(view: &SentenceView<'_>, end: usize) -> Option<Ref> {
    let head =
        |j: usize| view.words[j].title.is_some() || view.word_in(j, Cue::PartyRole) || view.word_in(j, Cue::PersonNoun);
    let first = end.saturating_sub(6);
    let the = (first..end)
        .rev()
        .take_while(|&j| view.words[j].is_word())
        .find(|&j| view.words[j].lower == "the")?;
    ((the + 1)..end)
        .any(head)
        .then(|| Ref::Pronoun(view.words[the].span.start))
}

/// The description that is the subject of a reporting verb (`the senator said`).
fn description_before(view: &SentenceView<'_>, verb: usize) -> Option<Ref> {
    let mut j = verb;
    while j > 0 && is_adverb(view, &view.words[j - 1].lower) {
        j -= 1;
    }
    description_ending(view, j)
}

/// The first name after a reporting verb (`said Peter Ward`), a pronoun (`said he`), or a
/// description (`said the senator`).
fn speaker_after(view: &SentenceView<'_>, local: &Local<'_>, from: usize) -> Option<Ref> {
    let mut j = from;
    while j < view.len() && j < from + 4 {
        let w = &view.words[j];
        if view.word_in(j, Cue::PersonPronoun) {
            return Some(Ref::Pronoun(w.span.start));
        }
        if w.lower == "the" && !local.cands.iter().any(|c| c.first > j && c.first <= j + 4) {
            let end = (j + 1..view.len().min(j + 6))
                .take_while(|&k| view.words[k].is_word())
                .last();
            if let Some(r) = end.and_then(|e| description_ending(view, e + 1)) {
                return Some(r);
            }
        }
        if let Some(k) = local.cands.iter().position(|c| c.first == j) {
            let c = &local.cands[k];
            return can_speak(c.what()).then_some(Ref::Cand(k + local.base));
        }
        if w.title.is_some() || view.word_in(j, Cue::Article) || w.is_punct("\"“") {
            j += 1;
            continue;
        }
        break;
    }
    None
}

/// The subject of a reporting verb: the name right before it (adverbs such as `famously`
/// between are fine), or the name before an apposition that ends at the verb
/// (`X, a fellow at Y, said`), or the pronoun right before it.
fn speaker_before(view: &SentenceView<'_>, local: &Local<'_>, verb: usize) -> Option<Ref> {
    let mut j = verb;
    while j > 0 && is_adverb(view, &view.words[j - 1].lower) {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let prev = &view.words[j - 1];
    if view.kb.cues.is(&prev.lower, Cue::PersonPronoun) {
        return Some(Ref::Pronoun(prev.span.start));
    }
    if prev.text == "," {
        // Walk back over the apposition to its opening comma. When the apposition is itself a
        // person's name (`China's ambassador, Cui Tiankai, said`), that person speaks.
        let start = clause_start(view, j - 1);
        let open = (start..j - 1).rev().find(|&k| view.words[k].text == ",")?;
        if let Some(k) = local.cands.iter().position(|c| c.first == open + 1 && c.last == j - 1)
            && matches!(local.cands[k].what(), What::Person | What::Name)
        {
            return Some(Ref::Cand(k + local.base));
        }
        let open = (start..j - 1).find(|&k| view.words[k].text == ",")?;
        return subject_ending_at(local, open);
    }
    subject_ending_at(local, j)
}

fn subject_ending_at(local: &Local<'_>, at: usize) -> Option<Ref> {
    let k = local.cands.iter().position(|c| c.last == at)?;
    // `Ms. Obi of the Fisheries Council said`: the person, not her organisation, speaks.
    if local.cands[k].is_org() || *local.cands[k].what() == What::Acronym {
        let first = local.cands[k].first;
        let person = local
            .cands
            .iter()
            .position(|p| *p.what() == What::Person && (p.last + 1 == first || p.last + 2 == first) && p.last < first);
        if let Some(p) = person {
            return Some(Ref::Cand(p + local.base));
        }
    }
    can_speak(local.cands[k].what()).then_some(Ref::Cand(k + local.base))
}

/// A word that may stand between a speaker and the reporting verb: a word in `-ly` that is
/// not listed as no adverb (cue class `notadverb`), or one of class `adverb`.
fn is_adverb(view: &SentenceView<'_>, w: &str) -> bool {
    let cues = &view.kb.cues;
    (w.len() > 4 && w.ends_with("ly") && !cues.is(w, Cue::NotAdverb)) || cues.is(w, Cue::Adverb)
}

/// The reporting verb's subject is a lowercase noun (`officials said`, `experts say`).
fn common_noun_subject(view: &SentenceView<'_>, local: &Local<'_>, verb: usize) -> bool {
    let mut j = verb;
    while j > 0 && is_adverb(view, &view.words[j - 1].lower) {
        j -= 1;
    }
    j > 0 && {
        let w = &view.words[j - 1];
        w.is_word() && !w.cap && !view.word_in(j - 1, Cue::Pronoun) && !local_cand_covers(local, j - 1)
    }
}

/// Where the clause holding token `i` starts: after a closing quote, a clause break, or
/// `that`/`and` introducing a new subject.
fn clause_start(view: &SentenceView<'_>, i: usize) -> usize {
    let mut j = i;
    while j > 0 {
        let w = &view.words[j - 1];
        if w.is_punct("\"“”")
            && let Some(open) = scare_quote_open(view, j - 1)
        {
            j = open;
            continue;
        }
        if w.is_punct("\"“”") || CLAUSE_BREAKS.contains(w.text) && w.kind == crate::text::TokenKind::Punct {
            break;
        }
        if view.word_in(j - 1, Cue::ClauseOpener) || (w.lower == "and" && j >= 2 && view.words[j - 2].text == ",") {
            break;
        }
        j -= 1;
    }
    j
}

/// How many words a quotation inside a clause may hold (`an “extremely warm” welcome`).
const SCARE_QUOTE_WORDS: usize = 8;

/// A closing quotation mark at `close` right after a word (`“warm” welcome`, not `“…,” he
/// said`) ends a quotation inside the clause: where its opening mark is.
fn scare_quote_open(view: &SentenceView<'_>, close: usize) -> Option<usize> {
    if close == 0 || view.words[close].text == "“" || !view.words[close - 1].is_word() {
        return None;
    }
    (close.saturating_sub(SCARE_QUOTE_WORDS + 1)..close - 1)
        .rev()
        .find(|&k| view.words[k].is_punct("\"“"))
}

/// A person, or a bare name the resolver may still tie to one (`Trump` after `Donald Trump`;
/// a lone surname the tagger read as a place, unless a locative preposition puts it as one:
/// `in Brindle`); the relation is kept only if both ends resolve to people.
fn is_person(view: &SentenceView<'_>, local: &Local<'_>, k: usize) -> bool {
    let c = &local.cands[k];
    match c.what() {
        What::Person | What::Name => true,
        What::Place => c.last - c.first == 1 && !(c.first > 0 && view.word_in(c.first - 1, Cue::Locative)),
        _ => false,
    }
}

/// The most people read as meeting each other from one list (`X, Y and Z met`).
const MAX_GROUP: usize = 12;

/// `X met Y`, `X shook hands with Y and Z`, `talks between X and Y`, `X and Y … one another`.
/// Reads the kinds `quotes` left; writes none.
pub fn meetings(view: &SentenceView<'_>, local: &Local<'_>, out: &mut Vec<Link>) {
    let n = view.len();
    let mut i = 0;
    while i < n {
        let meet = view.cue_at(i, Cue::Meet).or_else(|| with_after_noun(view, i));
        // `X and Y attacked each other's records`: a reciprocal before a possessive names what
        // each has, not a time they were together.
        let recip = view.cue_at(i, Cue::Reciprocal).filter(|&n| {
            view.words
                .get(i + n)
                .is_none_or(|w| w.kind != crate::text::TokenKind::Possessive)
        });
        let Some(len) = meet.or(recip) else {
            i += 1;
            continue;
        };
        let start = clause_start(view, i);
        let end = clause_end(view, i + len);
        let named_over = local
            .cands
            .iter()
            .any(|c| c.first <= i && i < c.last && !opening_cue_word(view, c));
        if named_over || hypothetical(view, i) || called_off(view, start, end) {
            i += len;
            continue;
        }
        // `a rivalry between X and Y`, `between 50 and 100`: a preposition alone (class
        // `preposition`) is no meeting; a meeting noun or a word of standing together (class
        // `betweenhead`) a few words before makes one, and is part of the trigger.
        let mut trigger = view.span_of(i, i + len);
        if view.word_in(i, Cue::Preposition) {
            let from = i.saturating_sub(PREPOSITION_HEAD_WINDOW);
            let Some(head) = (from..i).find(|&j| view.word_in(j, Cue::BetweenHead)) else {
                i += len;
                continue;
            };
            trigger = view.span_of(head, i + len);
        }
        let left: Vec<usize> = (0..local.cands.len())
            .filter(|&k| {
                let c = &local.cands[k];
                c.first >= start && c.last <= i && is_person(view, local, k) && !opening_cue_word(view, c)
            })
            .collect();
        let mut right: Vec<usize> = (0..local.cands.len())
            .filter(|&k| local.cands[k].first >= i + len && local.cands[k].last <= end && is_person(view, local, k))
            .collect();
        let mut pairs: Vec<(Ref, Ref)> = Vec::new();
        let subject: Vec<Ref> = match left.last() {
            Some(&k) => co_subjects(view, local, &left, k)
                .into_iter()
                .map(|k| Ref::Cand(k + local.base))
                .collect(),
            None => pronoun_before(view, start, i).into_iter().collect(),
        };
        let subject = if subject.is_empty() {
            fronted_subject(view, local, start, i, i + len, end, &mut right).unwrap_or(subject)
        } else {
            subject
        };
        let between_only = view.word_in(i, Cue::PairAfter) && subject.is_empty();
        if recip.is_some() && meet.is_none() || between_only {
            // Those who did it together are the names joined by `and` before the word (`X, Y and
            // Z walked together`), not every person of the clause.
            let group: Vec<usize> = if recip.is_some() && meet.is_none() {
                left.last()
                    .map_or_else(Vec::new, |&k| co_subjects(view, local, &left, k))
            } else {
                right.clone()
            };
            // A list longer than any real meeting is not people meeting each other; pairing it
            // would cost the square of its length.
            let group: &[usize] = if group.len() > MAX_GROUP { &[] } else { &group };
            for (a, &x) in group.iter().enumerate() {
                for &y in &group[a + 1..] {
                    pairs.push((Ref::Cand(x + local.base), Ref::Cand(y + local.base)));
                }
            }
        } else {
            // Co-subjects joined by `and` (`X and Y met`) meet each other when nobody follows
            // the verb; other people of the clause do not (`X's plan gave Y leverage in
            // meetings with the ministry`).
            if right.is_empty() && subject.len() >= 2 {
                for (a, x) in subject.iter().enumerate() {
                    for y in &subject[a + 1..] {
                        pairs.push((x.clone(), y.clone()));
                    }
                }
            }
            // One subject meeting more people than any real meeting lists is a list, not talks.
            let right: &[usize] = if right.len() > MAX_GROUP { &[] } else { &right };
            for s in &subject {
                for &k in right {
                    pairs.push((s.clone(), Ref::Cand(k + local.base)));
                }
            }
        }
        for (a, b) in pairs {
            out.push(Link {
                kind: RelationKind::MetWith,
                from: a,
                to: b,
                sent: view.index,
                trigger,
            });
        }
        i += len;
    }
    told_in_person(view, local, out);
}

/// `Following talks with X, Y said`, `After meeting X, he flew home`: a meeting in a phrase
/// fronted by a word of class `fronting` belongs to the subject right after the phrase's
/// comma (a name or a pronoun); the people met are those before the comma.
fn fronted_subject(
    view: &SentenceView<'_>,
    local: &Local<'_>,
    start: usize,
    at: usize,
    after: usize,
    end: usize,
    right: &mut Vec<usize>,
) -> Option<Vec<Ref>> {
    if at == start || !(start..at).all(|j| view.word_in(j, Cue::Fronting)) {
        return None;
    }
    let comma = (after..end).find(|&j| view.words[j].text == ",")?;
    let next = comma + 1;
    let subject = if view.word_in(next, Cue::PersonPronoun) {
        Ref::Pronoun(view.words[next].span.start)
    } else {
        let k = right.iter().copied().find(|&k| local.cands[k].first == next)?;
        Ref::Cand(k + local.base)
    };
    right.retain(|&k| local.cands[k].last <= comma);
    Some(vec![subject])
}

/// `Talks between X and Y ended`, `Following talks with X`: the sentence's capitalised first
/// word, read as a name for now, is a word of meeting or one fronting it, not a person.
fn opening_cue_word(view: &SentenceView<'_>, c: &crate::extract::cand::Cand) -> bool {
    c.first == 0
        && c.last == 1
        && (view.cue_at(0, Cue::Meet).is_some()
            || view.word_in(0, Cue::BetweenHead)
            || view.word_in(0, Cue::WithHead)
            || view.word_in(0, Cue::Fronting))
}

/// How far before a preposition trigger (`between`, `alongside`) its meeting word may be.
const PREPOSITION_HEAD_WINDOW: usize = 3;

/// How many words may stand between a noun of meeting and its `with` (`a meeting in the Oval
/// Office with`).
const WITH_GAP: usize = 4;

/// `meeting on Friday with`, `talks in Vienna with`: a noun of meeting (class `withhead`), up to
/// four words of time or place (class `withgap`, capitalised words), then `with`; the length
/// of the trigger in words.
fn with_after_noun(view: &SentenceView<'_>, i: usize) -> Option<usize> {
    if !view.word_in(i, Cue::WithHead) {
        return None;
    }
    let n = view.len();
    for j in i + 1..n.min(i + 2 + WITH_GAP) {
        let w = &view.words[j];
        if w.lower == "with" {
            return (j > i + 1).then_some(j + 1 - i);
        }
        if !(w.is_word() && (w.cap || view.word_in(j, Cue::WithGap) || view.word_in(j, Cue::Time))) {
            return None;
        }
    }
    None
}

/// The subject `k` and the names joined to it by `and` before it: `X and Y met Z`, `X and his
/// wife Y hosted Z`, `X, Y and Z met W`. A name before a comma alone is an apposition's
/// owner (`X, Y's aide, met Z`), and one before a possessive is not a subject at all (`X's
/// wife Y met Z`); either ends the list.
fn co_subjects(view: &SentenceView<'_>, local: &Local<'_>, left: &[usize], k: usize) -> Vec<usize> {
    let mut group = vec![k];
    let mut joined = false;
    for &p in left.iter().rev().skip_while(|&&p| p != k).skip(1) {
        let first = local.cands[*group.last().expect("the group has the subject")].first;
        let gap = &view.words[local.cands[p].last..first];
        let has_and = gap.iter().any(|w| w.lower == "and");
        let only_joiners = gap.iter().enumerate().all(|(o, w)| {
            let j = local.cands[p].last + o;
            w.text == "," || w.lower == "and" || view.word_in(j, Cue::Kin) || view.word_in(j, Cue::KinOwner)
        });
        if gap.is_empty() || !only_joiners || !(has_and || joined) || group.len() == MAX_GROUP {
            break;
        }
        joined |= has_and;
        group.push(p);
    }
    group.reverse();
    group
}

/// `X told Y` between two people is a conversation: they met.
fn told_in_person(view: &SentenceView<'_>, local: &Local<'_>, out: &mut Vec<Link>) {
    for i in 1..view.len().saturating_sub(1) {
        if !view.word_in(i, Cue::Told) {
            continue;
        }
        let Some(a) = local.cands.iter().position(|c| c.last == i) else {
            continue;
        };
        let Some(b) = local.cands.iter().position(|c| c.first == i + 1) else {
            continue;
        };
        if is_person(view, local, a) && is_person(view, local, b) && !hypothetical(view, i) {
            out.push(Link {
                kind: RelationKind::MetWith,
                from: Ref::Cand(a + local.base),
                to: Ref::Cand(b + local.base),
                sent: view.index,
                trigger: view.words[i].span,
            });
        }
    }
}

/// `A summit between X and Y was cancelled`: words in the clause that undo the meeting (cue
/// class `calledoff`, whose phrases, `called off`, must lie wholly inside the clause).
fn called_off(view: &SentenceView<'_>, start: usize, end: usize) -> bool {
    (start..end).any(|j| view.cue_at(j, Cue::CalledOff).is_some_and(|len| j + len <= end))
}

fn pronoun_before(view: &SentenceView<'_>, start: usize, i: usize) -> Option<Ref> {
    view.words[start..i]
        .iter()
        .find(|w| view.kb.cues.is(&w.lower, Cue::PersonPronoun))
        .map(|w| Ref::Pronoun(w.span.start))
}

fn clause_end(view: &SentenceView<'_>, from: usize) -> usize {
    (from..view.len())
        .find(|&j| {
            let w = &view.words[j];
            w.kind == crate::text::TokenKind::Punct && CLAUSE_BREAKS.contains(w.text) && j > from
        })
        .unwrap_or(view.len())
}

/// A meeting that is planned, hoped for, refused or denied: a modal or negation (cue classes
/// `modal`, `notmet`) in the few words before the trigger, or the trigger is an infinitive
/// (class `infinitive` right before it: `to meet`).
fn hypothetical(view: &SentenceView<'_>, i: usize) -> bool {
    let from = i.saturating_sub(6);
    (from..i).any(|j| view.cue_at(j, Cue::Modal).is_some() || view.word_in(j, Cue::NotMet))
        || (i.saturating_sub(INFINITIVE_WINDOW)..i).any(|j| view.word_in(j, Cue::Infinitive))
}

/// How far before a meeting trigger `to` marks an infinitive (`set to meet`, `agreed to hold
/// talks`); further back it is a preposition (`flew to Oslo for talks with`).
const INFINITIVE_WINDOW: usize = 2;

/// `X's closest ally`, `on Y as an ally`, `X-Y-Z framework`, `U.S.-allied South Korea`,
/// `a partnership of X, Y and Z`. Reads kinds; writes none.
pub fn alliances(view: &SentenceView<'_>, local: &Local<'_>, out: &mut Vec<Link>) {
    alliance_members(view, local, out);
    let n = view.len();
    for i in 0..n {
        if view.word_in(i, Cue::Allied) {
            if let (Some(a), Some(b)) = (ending(local, i), starting(local, i + 1)) {
                push_pairs(view, local, &[a, b], i, out);
            }
            continue;
        }
        if !view.word_in(i, Cue::Ally) || hypothetical_alliance(view, i) {
            continue;
        }
        // Chain of states joined by dashes right before the trigger.
        let chain = dashed_chain(view, local, i);
        if chain.len() >= 2 {
            push_pairs(view, local, &chain, i, out);
            continue;
        }
        // `Y's closest ally`: the owner and the clause subject.
        let owner = possessive_owner(view, local, i);
        let start = clause_start(view, i);
        let subject = (0..local.cands.len()).rev().find(|&k| {
            let c = &local.cands[k];
            c.first >= start && c.last <= i && allied_kind(local, k) && Some(k) != owner
        });
        if let (Some(o), Some(s)) = (owner, subject) {
            push_pairs(view, local, &[s, o], i, out);
            continue;
        }
        // `on Russia as a military ally`.
        if let Some(k) = as_ally(view, local, i) {
            let subject =
                (0..local.cands.len()).find(|&j| local.cands[j].first >= start && allied_kind(local, j) && j != k);
            if let Some(s) = subject {
                push_pairs(view, local, &[s, k], i, out);
            }
            continue;
        }
        // A list of states right after the trigger: `partnership, Japan, South Korea and the U.S.`,
        // `an alliance between Chile and Peru`.
        let from = if view
            .words
            .get(i + 1)
            .is_some_and(|w| view.kb.cues.is(&w.lower, Cue::AllyOf))
        {
            i + 2
        } else {
            i + 1
        };
        let list = list_after(view, local, from);
        if list.len() >= 2 {
            push_pairs(view, local, &list, i, out);
            continue;
        }
        // `Russia is an ally of President X's government in Syria`: the clause's state and the
        // state that government rules.
        let subject = (0..local.cands.len())
            .rev()
            .find(|&k| local.cands[k].first >= start && local.cands[k].last <= i && allied_kind(local, k));
        if let (Some(s), Some(g)) = (subject, governed_state(view, local, from)) {
            push_pairs(view, local, &[s, g], i, out);
        }
    }
}

/// How far after an alliance trigger the word for a state's rulers may be, and how far after
/// that word its state (`ally of President X's government in Syria`).
const GOVERNMENT_WINDOW: usize = 8;
const GOVERNED_WINDOW: usize = 3;

/// The state named right after a word for a state's rulers that follows the trigger.
fn governed_state(view: &SentenceView<'_>, local: &Local<'_>, from: usize) -> Option<usize> {
    let n = view.len();
    let g = (from..n.min(from + GOVERNMENT_WINDOW)).find(|&j| view.word_in(j, Cue::Government))?;
    (g + 1..n.min(g + 1 + GOVERNED_WINDOW)).find_map(|j| starting(local, j))
}

/// `Turkey and Greece, both NATO members`, `NATO allies Norway and Denmark`: states stated
/// to be members of one military alliance are allies.
fn alliance_members(view: &SentenceView<'_>, local: &Local<'_>, out: &mut Vec<Link>) {
    let Some(org) = local.cands.iter().position(|c| view.kb.cues.is_alliance(&c.text)) else {
        return;
    };
    let member_word = (0..view.len()).position(|j| view.word_in(j, Cue::Member));
    let Some(trigger) = member_word else { return };
    if hypothetical_alliance(view, trigger) || hypothetical(view, trigger) {
        return;
    }
    let states: Vec<usize> = (0..local.cands.len())
        .filter(|&k| k != org && allied_kind(local, k))
        .collect();
    if states.len() >= 2 {
        push_pairs(view, local, &states, trigger, out);
    }
}

fn allied_kind(local: &Local<'_>, k: usize) -> bool {
    matches!(local.cands[k].what(), What::Country { .. })
}

fn ending(local: &Local<'_>, i: usize) -> Option<usize> {
    local
        .cands
        .iter()
        .position(|c| c.last == i)
        .filter(|&k| allied_kind(local, k))
}

fn starting(local: &Local<'_>, i: usize) -> Option<usize> {
    local
        .cands
        .iter()
        .position(|c| c.first == i)
        .filter(|&k| allied_kind(local, k))
}

fn hypothetical_alliance(view: &SentenceView<'_>, i: usize) -> bool {
    let from = i.saturating_sub(4);
    (from..i).any(|j| view.word_in(j, Cue::NotAllied))
}

fn dashed_chain(view: &SentenceView<'_>, local: &Local<'_>, i: usize) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut j = i;
    // Allow one modifier between the chain and the trigger (`X-Y security framework`).
    if j > 0 && ending(local, j).is_none() && !view.words[j - 1].cap {
        j -= 1;
    }
    while let Some(k) = ending(local, j) {
        chain.push(k);
        let first = local.cands[k].first;
        if first >= 1 && view.words[first - 1].is_punct("-–—") {
            j = first - 1;
        } else {
            break;
        }
    }
    chain
}

fn possessive_owner(view: &SentenceView<'_>, local: &Local<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && !view.words[j - 1].cap && view.words[j - 1].kind == crate::text::TokenKind::Word {
        j -= 1;
        if i - j > 3 {
            return None;
        }
    }
    if j >= 2 && view.words[j - 1].kind == crate::text::TokenKind::Possessive {
        return ending(local, j - 1);
    }
    None
}

fn as_ally(view: &SentenceView<'_>, local: &Local<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && i - j < 4 {
        j -= 1;
        if view.word_in(j, Cue::AsAlly) {
            return ending(local, j);
        }
    }
    None
}

fn list_after(view: &SentenceView<'_>, local: &Local<'_>, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = from;
    while j < view.len() {
        let w = &view.words[j];
        if let Some(k) = starting(local, j) {
            out.push(k);
            j = local.cands[k].last;
            continue;
        }
        if w.text == "," || view.word_in(j, Cue::ListWord) {
            j += 1;
            continue;
        }
        break;
    }
    out
}

fn push_pairs(view: &SentenceView<'_>, local: &Local<'_>, ks: &[usize], trigger: usize, out: &mut Vec<Link>) {
    for (a, &x) in ks.iter().enumerate() {
        for &y in &ks[a + 1..] {
            out.push(Link {
                kind: RelationKind::AlliedWith,
                from: Ref::Cand(x + local.base),
                to: Ref::Cand(y + local.base),
                sent: view.index,
                trigger: view.words[trigger].span,
            });
        }
    }
}
