//! Extraction: from one document's text to its mentions, its actors and their relations.
//!
//! For each sentence: tokens and lexicon marks (`sentence`), candidate names (`names`),
//! affiliations and roles from titles and appositions (`links`), then quotations, meetings
//! and alliances (`relations`). The document's candidates are then grouped into actors by
//! `identity` (in-document identities only: joining documents is `resolve`'s), every link
//! becomes a relation between actors with its evidence, and the user's `stoplist` drops what
//! must never be an actor.
//!
//! It reads with the [`Knowledge`] and the [`Tagger`] it is given: nothing here is global.

pub mod blocs;
pub mod bodies;
pub mod cand;
pub mod content;
pub mod identity;
pub mod link;
pub mod links;
pub mod names;
mod nominals;
pub mod parties;
pub mod relations;
pub mod sentence;
pub mod speakers;
pub mod stoplist;

use crate::corpus::Document;
use crate::graph::{Evidence, Quoted, RelationKind, slug};
use crate::knowledge::Gender;
use crate::knowledge::Knowledge;
use crate::knowledge::cues::Cue;
use crate::learn::attribution::{Attribution, train::Seen};
use crate::learn::tagger::Tagger;
use crate::text::{Span, sentences};
use identity::{LocalActor, actor_slug, resolve};
use links::{Link, Local, Ref};
use names::{Cand, What};
use sentence::SentenceView;
use serde::Serialize;
use speakers::Quoting;

/// One actor (or place) mention, as `graphgen mentions` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// An actor kind, or `place`.
    pub kind: String,
    /// Id of the actor the mention belongs to.
    pub entity: String,
}

/// Where a relation of one document points: another actor, or the document itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Actor(usize),
    Document,
}

/// A relation of one document, between its actors.
#[derive(Debug, Clone)]
pub struct LocalRelation {
    pub source: usize,
    pub kind: RelationKind,
    pub target: Target,
    pub evidence: Evidence,
}

/// Everything read from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    /// Each personal pronoun (`he`, `her`) outside quotations, with the person it is read as
    /// (`graphgen mentions --pronouns`): what every pronoun in a relation resolves to. Kept as
    /// offsets and an actor index; [`Extraction::pronoun_mentions`] spells them out.
    pub pronouns: Vec<PronounRead>,
    pub actors: Vec<LocalActor>,
    pub relations: Vec<LocalRelation>,
}

/// A pronoun read as a person: its byte span and the index of its actor in
/// [`Extraction::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounRead {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
}

impl Extraction {
    /// The pronouns as mentions of their people, in text order.
    pub fn pronoun_mentions(&self, doc: &Document) -> Vec<Mention> {
        self.pronouns
            .iter()
            .map(|p| Mention {
                document: doc.path.clone(),
                start: p.start,
                end: p.end,
                text: doc.text[p.start..p.end].to_string(),
                kind: self.actors[p.actor].kind.as_str().to_string(),
                entity: actor_slug(&self.actors[p.actor]),
            })
            .collect()
    }
}

/// The longest sentence the extractor reads whole, in bytes. Longer runs (a page with no full
/// stop, a scraped table, hostile input) are cut into pieces of at most this size at a space.
/// Why: reading one sentence costs more than linear time in its length (every meeting cue pairs
/// the people of its clause), so an unbounded sentence would be unbounded time and memory.
/// Real news sentences are far shorter (a long one is 400 bytes).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// The most relations one sentence yields. Each carries its sentence as evidence, so without a
/// cap a sentence crowded with names and cues (hostile input) would cost memory in the square
/// of its length; with it, the evidence of a document is at most this many times its size.
/// Real sentences yield a handful.
pub const MAX_RELATIONS_PER_SENTENCE: usize = 64;

/// Reads one document with this knowledge and tagger; `speakers` chooses who spoke each
/// reporting cue (without it, the hand rules do).
pub fn extract_document(kb: &Knowledge, tagger: &Tagger, speakers: Option<&Attribution>, doc: &Document) -> Extraction {
    let text = doc.text.as_str();
    let spans = bounded(text, sentences(text, &doc.furniture, &kb.abbrev));
    let mut quoting = Quoting {
        model: speakers,
        seen: None,
    };
    let (cands, links, views, descriptions) = read_sentences(kb, tagger, &mut quoting, &spans, text);
    let mut resolved = resolve(kb, &cands, &links);
    let sentences: Vec<Span> = views.iter().map(|v| v.span).collect();
    let read = link::Read {
        text,
        sentences: &sentences,
        cands: &cands,
        of_cand: &resolved.of_cand,
    };
    let ties = link::link(kb, doc.date.as_deref(), &read, &mut resolved.actors);
    let path: crate::graph::DocPath = doc.path.as_str().into();
    let home = bodies::home_state(kb, &cands, &ties, &resolved.actors);
    let body_ties = bodies::qualify(
        kb,
        &path,
        text,
        &sentences,
        &cands,
        &resolved.of_cand,
        home,
        &mut resolved.actors,
    );
    let party_ties = parties::ties(
        kb,
        &path,
        text,
        &sentences,
        &cands,
        &resolved.of_cand,
        &mut resolved.actors,
    );
    let mentions = mentions(doc, &cands, &resolved.of_cand, &resolved.actors);
    let found = pronouns_in(kb, text, &sentences);
    let mut pronoun_index = PronounIndex::new(kb, &cands, &links, &found, &resolved.of_cand, &resolved.actors, text);
    pronoun_index.describe(kb, text, &sentences, &cands, &resolved.of_cand, &descriptions);
    let mut pronouns: Vec<PronounRead> = found
        .iter()
        .filter_map(|p| {
            let actor = pronoun_index.at(p.at, p.gender, false)?;
            Some(PronounRead {
                start: p.at,
                end: p.at + p.word.len(),
                actor,
            })
        })
        .chain(pronoun_index.descriptions.iter().filter_map(|&(start, end, actor)| {
            Some(PronounRead {
                start,
                end,
                actor: actor?,
            })
        }))
        .collect();
    pronouns.sort_by_key(|p| p.start);
    let mut relations = relations(
        doc,
        text,
        &views,
        &links,
        &pronoun_index,
        &resolved.of_cand,
        &resolved.actors,
    );
    relations.extend(known_relations(kb, doc, text, &views, &cands, &resolved, ties));
    relations.extend(party_ties);
    relations.extend(body_ties);
    let officials = bodies::officials(
        kb,
        home,
        &path,
        text,
        &sentences,
        &cands,
        &resolved.of_cand,
        &resolved.actors,
        &relations,
    );
    relations.extend(officials);
    let year = doc
        .date
        .as_deref()
        .and_then(crate::knowledge::dictionary::Day::parse)
        .map(|d| (d.0 / 10_000) as u16);
    let allies = blocs::allies(
        kb,
        &path,
        year,
        text,
        &sentences,
        &cands,
        &resolved.of_cand,
        &resolved.actors,
        &relations,
    );
    relations.extend(allies);
    Extraction {
        mentions,
        pronouns,
        actors: resolved.actors,
        relations,
    }
}

/// Cuts sentences longer than [`MAX_SENTENCE_BYTES`] at the last whitespace before the limit
/// (or at a char boundary when there is none), so that every piece is bounded.
fn bounded(text: &str, spans: Vec<Span>) -> Vec<Span> {
    if spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_BYTES {
            let limit = text.floor_char_boundary(start + MAX_SENTENCE_BYTES);
            let cut = text[start..limit]
                .rfind(char::is_whitespace)
                .map(|i| start + i)
                .filter(|&c| c > start)
                .unwrap_or(limit.max(text.ceil_char_boundary(start + 1)));
            push_trimmed(text, start, cut, &mut out);
            start = cut;
        }
        push_trimmed(text, start, s.end, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// What the passes over the whole document need of a sentence once it has been read. The
/// sentence's words are dropped as soon as it is read, so a document costs memory for its
/// names and relations, not for every token of it at once.
struct Read {
    span: Span,
    /// The first word, when it is a quotation mark.
    opening_quote: Option<Span>,
}

/// Candidates of every sentence (one list for the document), the links between them, and
/// what is kept of each sentence.
///
/// The passes run in this order on each sentence, the order of [`names::Pass`]. Each
/// proposes kinds for the candidates (`Cand::propose`), and one rule decides, in
/// `Cand::propose`: a proposal stands unless a later pass has decided already. Only these
/// passes propose kinds:
///
/// 1. [`names::find`] makes the candidates and their first kind (its own order is in its
///    doc comment): lexicons and head words, then the title before a name and its own words
///    (`Pass::Rules`), then the statistical tagger (`Pass::Tagger`), then the title again for
///    names and people (`Pass::Titles`).
/// 2. [`links::settle_capitals`] decides every `Capital`: `Country`, or `Place` after a
///    locative, in a dateline or before a modifier (`Seoul office`). No `Capital` is left.
/// 3. [`links::affiliations`] reads appositions: an outlet noun makes an `Outlet`, an
///    organisation noun makes a `Name`/`Acronym` an `Org`, a role makes a `Name` a `Person`;
///    an organisation that is a unit of the parent named after it becomes `Other`.
/// 4. [`relations::quotes`] makes a speaking `Name` of two or more words a `Person`.
/// 5. [`relations::meetings`] and [`relations::alliances`] only read kinds; they propose none.
///
/// After this, the resolver joins the document's candidates into actors, reading these kinds.
fn read_sentences(kb: &Knowledge, tagger: &Tagger, quoting: &mut Quoting<'_>, spans: &[Span], text: &str) -> Sentences {
    let mut all: Vec<Cand> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let mut read = Vec::with_capacity(spans.len());
    let mut descriptions = Vec::new();
    let mut quotes = QuoteScan::default();
    for (i, &span) in spans.iter().enumerate() {
        let view = &SentenceView::new(kb, tagger, text, i, span);
        nominals::descriptions_of(view, text, &mut quotes, &mut descriptions);
        read.push(Read {
            span,
            opening_quote: view.words.first().filter(|w| w.is_punct("\"“")).map(|w| w.span),
        });
        let mut cands = names::find(view, text);
        links::settle_capitals(view, &mut cands);
        let base = all.len();
        let mut local = Local {
            base,
            cands: &mut cands,
        };
        links::kin(view, &mut local);
        links::affiliations(view, &mut local, &mut links);
        relations::quotes(view, &mut local, quoting, &mut links);
        relations::meetings(view, &local, &mut links);
        relations::alliances(view, &local, &mut links);
        all.extend(cands);
    }
    carry_speakers(text, &read, &mut links);
    (all, links, read, descriptions)
}

/// Every reporting cue of a document with the choices of its speaker, as the attribution
/// model learns them (see [`speakers`]): the hand rules decide while they are recorded.
pub fn attribution_cues(kb: &Knowledge, tagger: &Tagger, doc: &Document) -> Vec<Seen> {
    let text = doc.text.as_str();
    let spans = bounded(text, sentences(text, &doc.furniture, &kb.abbrev));
    let mut quoting = Quoting {
        model: None,
        seen: Some(Vec::new()),
    };
    read_sentences(kb, tagger, &mut quoting, &spans, text);
    quoting.seen.unwrap_or_default()
}

/// What [`read_sentences`] keeps: candidates, links, each sentence's span, and the
/// descriptions of people (`the senator`).
type Sentences = (Vec<Cand>, Vec<Link>, Vec<Read>, Vec<nominals::Description>);

/// A paragraph that is only a quotation continues the last speaker's words: news names the
/// speaker once and lets the next quoted paragraphs follow.
fn carry_speakers(text: &str, views: &[Read], links: &mut Vec<Link>) {
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |pos: usize| newlines.partition_point(|&n| n < pos);
    let quoted_in: Vec<&Link> = links.iter().filter(|l| l.kind == RelationKind::QuotedIn).collect();
    let spoken_lines: std::collections::BTreeSet<usize> =
        quoted_in.iter().map(|l| line_of(views[l.sent].span.start)).collect();
    let mut last: Option<(Ref, usize)> = None;
    let mut carried = Vec::new();
    // The last quotation of each sentence, found once: a search per sentence would cost the
    // product of sentences and quotations.
    let mut last_quote: Vec<Option<&Link>> = vec![None; views.len()];
    for l in &quoted_in {
        last_quote[l.sent] = Some(l);
    }
    for (index, view) in views.iter().enumerate() {
        let line = line_of(view.span.start);
        if let Some(l) = last_quote[index] {
            last = Some((l.from.clone(), line));
            continue;
        }
        let first_of_line = view.span.start == 0 || text[..view.span.start].ends_with('\n');
        if let Some((speaker, at)) = &last
            && let Some(opening) = view.opening_quote
            && first_of_line
            && !spoken_lines.contains(&line)
            && line > *at
            && line - at <= 4
        {
            carried.push(Link {
                kind: RelationKind::QuotedIn,
                from: speaker.clone(),
                to: Ref::Document,
                sent: index,
                trigger: opening,
            });
            last = Some((speaker.clone(), line));
        }
    }
    links.extend(carried);
}

fn mentions(doc: &Document, cands: &[Cand], of_cand: &[Option<usize>], actors: &[LocalActor]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (c, owner) in cands.iter().zip(of_cand) {
        let (kind, entity) = match (owner, c.what()) {
            (Some(i), _) => (actors[*i].kind.as_str().to_string(), actor_slug(&actors[*i])),
            (None, What::Place) => ("place".to_string(), slug(&c.text)),
            _ => continue,
        };
        out.push(Mention {
            document: doc.path.clone(),
            start: c.span.start,
            end: c.span.end,
            text: c.text.clone(),
            kind,
            entity,
        });
    }
    out
}

/// A personal pronoun of one person (cue classes `personpronoun`, `objectpronoun`) outside
/// quotation marks: byte offset, the word, its sentence, its gender.
struct PronounAt<'t> {
    at: usize,
    word: &'t str,
    sent: usize,
    gender: Option<Gender>,
    subject: bool,
}

/// The longest pronoun looked for, in bytes (`herself`).
const MAX_PRONOUN_BYTES: usize = 7;

fn pronouns_in<'t>(kb: &Knowledge, text: &'t str, sentences: &[Span]) -> Vec<PronounAt<'t>> {
    // A handful of words, compared directly: cheaper per word of the text than a hash lookup.
    let subject = kb.cues.words(Cue::PersonPronoun);
    let object = kb.cues.words(Cue::ObjectPronoun);
    let mut out = Vec::new();
    let mut quotes = QuoteScan::default();
    for (sent, s) in sentences.iter().enumerate() {
        for (at, word) in ascii_words(text, *s) {
            if word.len() > MAX_PRONOUN_BYTES {
                continue;
            }
            let is = |list: &[String]| list.iter().any(|p| p.eq_ignore_ascii_case(word));
            let is_subject = is(subject);
            if !(is_subject || is(object)) || quotes.inside(text, at) {
                continue;
            }
            out.push(PronounAt {
                at,
                word,
                sent,
                gender: Gender::of_pronoun(word),
                subject: is_subject,
            });
        }
    }
    out
}

/// The runs of ASCII letters of a sentence that touch no other letter (`Théo` is no `Th`),
/// with their byte offsets: the words a pronoun can be.
fn ascii_words(text: &str, s: Span) -> impl Iterator<Item = (usize, &str)> {
    let sentence = &text[s.start..s.end];
    let bytes = sentence.as_bytes();
    // The length of the letter at `i`, 0 for no letter (punctuation, `’`, `—`).
    let letter = move |i: usize| -> usize {
        if bytes[i].is_ascii_alphabetic() {
            return 1;
        }
        if bytes[i] < 0x80 || !sentence.is_char_boundary(i) {
            return 0;
        }
        sentence[i..]
            .chars()
            .next()
            .filter(|c| c.is_alphabetic())
            .map_or(0, char::len_utf8)
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            while i < bytes.len() && letter(i) == 0 {
                i += if bytes[i] < 0x80 {
                    1
                } else {
                    sentence[i..].chars().next().map_or(1, char::len_utf8)
                };
            }
            if i >= bytes.len() {
                return None;
            }
            let start = i;
            while i < bytes.len() {
                let n = letter(i);
                if n == 0 {
                    break;
                }
                i += n;
            }
            if bytes[start..i].is_ascii() {
                return Some((s.start + start, &sentence[start..i]));
            }
        }
    })
}

fn relations(
    doc: &Document,
    text: &str,
    views: &[Read],
    links: &[Link],
    pronouns: &PronounIndex,
    of_cand: &[Option<usize>],
    actors: &[LocalActor],
) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    // The graph keeps one piece of evidence per pair, sentence and trigger word; dropping the
    // repeats here keeps a sentence that repeats a cue from copying itself once per repeat.
    let mut seen: std::collections::HashSet<(usize, RelationKind, Target, usize, &str)> = Default::default();
    let mut per_sentence = vec![0usize; views.len()];
    let path: crate::graph::DocPath = doc.path.as_str().into();
    for l in links {
        let resolve_ref = |r: &Ref| -> Option<Target> {
            match r {
                Ref::Cand(k) => of_cand[*k].map(Target::Actor),
                Ref::Document => Some(Target::Document),
                Ref::Pronoun(at) if text[*at..].get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the ")) => {
                    pronouns.described(*at).map(Target::Actor)
                }
                Ref::Pronoun(at) => pronouns
                    .at(*at, pronoun_gender(text, *at), l.kind == RelationKind::QuotedIn)
                    .map(Target::Actor),
                Ref::Country(id) => actors
                    .iter()
                    .position(|a| a.fixed_id.as_deref() == Some(id) && a.kind == crate::graph::ActorKind::Country)
                    .map(Target::Actor),
            }
        };
        let (Some(Target::Actor(source)), Some(target)) = (resolve_ref(&l.from), resolve_ref(&l.to)) else {
            continue;
        };
        if !fits(l.kind, &actors[source], &target, actors) {
            continue;
        }
        if per_sentence[l.sent] == MAX_RELATIONS_PER_SENTENCE
            || !seen.insert((source, l.kind, target.clone(), l.sent, l.trigger.text(text)))
        {
            continue;
        }
        per_sentence[l.sent] += 1;
        let s: Span = views[l.sent].span;
        let sentence = s.text(text);
        let content = (l.kind == RelationKind::QuotedIn).then(|| {
            let (from, to, direct) =
                content::content_at(sentence, l.trigger.start - s.start, l.trigger.end - l.trigger.start);
            Quoted {
                start: s.start + from,
                end: s.start + to,
                direct,
            }
        });
        let evidence = Evidence {
            document: path.clone(),
            start: s.start,
            end: s.end,
            sentence: sentence.to_string(),
            trigger: l.trigger.text(text).to_string(),
            source: None,
            date: None,
            cue: Some(l.trigger),
            content,
        };
        out.push(LocalRelation {
            source,
            kind: l.kind,
            target,
            evidence,
        });
    }
    out
}

/// The dictionary's affiliations as relations. Each cites the first sentence that names its
/// member (the mention the link was made by) and says it comes from the knowledge.
fn known_relations(
    kb: &Knowledge,
    doc: &Document,
    text: &str,
    views: &[Read],
    cands: &[Cand],
    resolved: &identity::Resolved,
    ties: Vec<link::KnownTie>,
) -> Vec<LocalRelation> {
    let path: crate::graph::DocPath = doc.path.as_str().into();
    let mut out = Vec::new();
    for tie in ties {
        // The mention that made the link: the first that the dictionary knows as a full form,
        // else (a head's title with the surname) the first.
        let mine = |k: &usize| resolved.of_cand[*k] == Some(tie.source);
        let Some(k) = (0..cands.len())
            .filter(mine)
            .find(|&k| kb.dictionary.lookup(&cands[k].text).is_some())
            .or_else(|| (0..cands.len()).find(mine))
        else {
            continue;
        };
        let target = Target::Actor(tie.target);
        if !fits(
            RelationKind::AffiliatedTo,
            &resolved.actors[tie.source],
            &target,
            &resolved.actors,
        ) {
            continue;
        }
        let s: Span = views[cands[k].sent].span;
        out.push(LocalRelation {
            source: tie.source,
            kind: RelationKind::AffiliatedTo,
            target,
            evidence: Evidence {
                document: path.clone(),
                start: s.start,
                end: s.end,
                sentence: s.text(text).to_string(),
                trigger: format!("{}: {}", cands[k].text, tie.role),
                source: Some("knowledge".into()),
                date: None,
                cue: None,
                content: None,
            },
        });
    }
    out
}

/// The ontology's constraints on the two ends of each relation.
fn fits(kind: RelationKind, source: &LocalActor, target: &Target, actors: &[LocalActor]) -> bool {
    use crate::graph::ActorKind as K;
    let t = match target {
        Target::Document => return kind == RelationKind::QuotedIn,
        Target::Actor(i) => &actors[*i],
    };
    match kind {
        RelationKind::QuotedIn => false,
        RelationKind::MetWith => source.kind.is_person() && t.kind.is_person() && !name_prefix(&source.label, &t.label),
        RelationKind::AlliedWith => {
            (source.kind == K::Country && t.kind == K::Country) || (source.kind.is_person() && t.kind.is_person())
        }
        RelationKind::AffiliatedTo => {
            (source.kind.is_person() && matches!(t.kind, K::Institute | K::Outlet | K::Country))
                || (source.kind.is_organisation() && t.kind == K::Country)
        }
    }
}

/// One name's words begin the other's (`Robert C.` and `Robert C. Scott`): two readings of one
/// person's name, who did not meet themselves.
fn name_prefix(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    let n = a.len().min(b.len());
    n > 0 && a[..n] == b[..n]
}

/// Who `he` or `she` is: the last quoted speaker for a reporting verb, else the first person
/// named in the last sentence that named someone, among the people whose gender agrees with
/// the pronoun's (a person of unknown gender agrees with both). Answers by binary search and a
/// bounded look back, so a document of many pronouns and many people costs their sum, not
/// their product.
struct PronounIndex {
    /// (byte offset, actor, was a speaker, sentence), in text order.
    persons: Vec<(usize, usize, bool, usize)>,
    /// For each person, the actor of the last speaker up to and including them.
    last_speaker: Vec<Option<usize>>,
    /// Each actor's gender, where a name or a word before a mention says it.
    gender: Vec<Option<Gender>>,
    /// Every pronoun outside quotations with the person it is read as, in text order: read
    /// one after another, so that a sentence whose subject is a pronoun passes its person on
    /// (`X said … . He said Y … . In his speech`: `his` is X, not Y).
    resolved: Vec<(usize, Option<usize>)>,
    /// Every description of one person outside quotations (`the senator`): its byte span and
    /// the person it refers back to, in text order.
    descriptions: Vec<(usize, usize, Option<usize>)>,
}

/// How many people named before a pronoun are looked at for one whose gender agrees.
const PRONOUN_LOOK_BACK: usize = 40;

impl PronounIndex {
    fn new(
        kb: &Knowledge,
        cands: &[Cand],
        links: &[Link],
        found: &[PronounAt<'_>],
        of_cand: &[Option<usize>],
        actors: &[LocalActor],
        text: &str,
    ) -> PronounIndex {
        let speakers: std::collections::BTreeSet<usize> = links
            .iter()
            .filter(|l| l.kind == RelationKind::QuotedIn)
            .filter_map(|l| if let Ref::Cand(k) = l.from { Some(k) } else { None })
            .collect();
        let mut persons = Vec::new();
        let mut quotes = QuoteScan::default();
        let mut gender: Vec<Option<Gender>> = actors.iter().map(|a| kb.genders.of_name(&a.label)).collect();
        for (k, c) in cands.iter().enumerate() {
            let Some(a) = of_cand[k] else { continue };
            if !actors[a].kind.is_person() {
                continue;
            }
            if let Some(g) = gender_before(kb, text, c.span.start) {
                gender[a] = Some(g);
            }
            if !quotes.inside(text, c.span.start) {
                persons.push((c.span.start, a, speakers.contains(&k), c.sent));
            }
        }
        persons.sort_by_key(|p| p.0);
        let last_speaker = persons
            .iter()
            .scan(None, |last, p| {
                if p.2 {
                    *last = Some(p.1);
                }
                Some(*last)
            })
            .collect();
        let mut index = PronounIndex {
            persons,
            last_speaker,
            gender,
            resolved: Vec::with_capacity(found.len()),
            descriptions: Vec::new(),
        };
        index.resolve_in_order(found);
        index
    }

    /// Reads the pronouns in text order against the people named and the pronouns read so far.
    fn resolve_in_order(&mut self, found: &[PronounAt<'_>]) {
        // (offset, actor, sentence) of every person reference so far, names and pronouns.
        let mut timeline: Vec<(usize, usize, usize)> = Vec::with_capacity(self.persons.len() + found.len());
        let mut names = self.persons.iter().peekable();
        for p in found {
            while let Some(n) = names.next_if(|n| n.0 < p.at) {
                timeline.push((n.0, n.1, n.3));
            }
            let window = &timeline[timeline.len().saturating_sub(PRONOUN_LOOK_BACK)..];
            let agrees = |a: usize| self.agrees(a, p.gender);
            let actor = window.iter().rev().find(|t| agrees(t.1)).and_then(|last| {
                // An object or possessive pronoun after a person of its own sentence is most
                // often theirs (`X appeared unsteady in his first debate`); a subject pronoun
                // continues the subject of the last sentence that named someone.
                if !p.subject && last.2 == p.sent {
                    return Some(last.1);
                }
                window.iter().find(|t| t.2 == last.2 && agrees(t.1)).map(|t| t.1)
            });
            if let Some(a) = actor {
                timeline.push((p.at, a, p.sent));
            }
            self.resolved.push((p.at, actor));
        }
    }

    /// Reads each description as the last person named before it whom the document described
    /// with the same head (`Sen. X` ... `the senator`); none when no one was.
    fn describe(
        &mut self,
        kb: &Knowledge,
        text: &str,
        sentences: &[Span],
        cands: &[Cand],
        of_cand: &[Option<usize>],
        descriptions: &[nominals::Description],
    ) {
        if descriptions.is_empty() {
            return;
        }
        let mut described: Vec<Vec<nominals::Described>> = vec![Vec::new(); self.gender.len()];
        let mut person = vec![false; self.gender.len()];
        for p in &self.persons {
            person[p.1] = true;
        }
        for (k, c) in cands.iter().enumerate() {
            if let Some(a) = of_cand[k]
                && person[a]
            {
                for head in nominals::described_as(kb, text, sentences[c.sent], c.span) {
                    if !described[a].contains(&head) {
                        described[a].push(head);
                    }
                }
            }
        }
        for d in descriptions {
            let before = self.persons.partition_point(|p| p.0 < d.at);
            let window = &self.persons[before.saturating_sub(PRONOUN_LOOK_BACK)..before];
            let actor = window
                .iter()
                .rev()
                .find(|p| described[p.1].iter().any(|h| nominals::fits(&d.as_, h)))
                .map(|p| p.1);
            self.descriptions.push((d.at, d.end, actor));
        }
    }

    /// The person the description starting at `offset` refers to.
    fn described(&self, offset: usize) -> Option<usize> {
        let k = self.descriptions.binary_search_by_key(&offset, |d| d.0).ok()?;
        self.descriptions[k].2
    }

    fn agrees(&self, actor: usize, pronoun: Option<Gender>) -> bool {
        match (pronoun, self.gender[actor]) {
            (Some(p), Some(a)) => p == a,
            _ => true,
        }
    }

    fn at(&self, offset: usize, gender: Option<Gender>, speaker: bool) -> Option<usize> {
        let before = self.persons.partition_point(|p| p.0 < offset);
        let read = self
            .resolved
            .binary_search_by_key(&offset, |r| r.0)
            .ok()
            .map(|k| self.resolved[k].1);
        if speaker
            && before > 0
            && let Some(a) = self.last_speaker[before - 1]
            && self.agrees(a, gender)
        {
            return Some(a);
        }
        if let Some(read) = read {
            return read;
        }
        // A pronoun inside a quotation: the first person named in the last sentence that named
        // someone.
        let window = &self.persons[before.saturating_sub(PRONOUN_LOOK_BACK)..before];
        let last = window.iter().rev().find(|p| self.agrees(p.1, gender))?;
        let first = self.persons.partition_point(|p| p.3 < last.3);
        self.persons[first..before]
            .iter()
            .find(|p| p.3 == last.3 && self.agrees(p.1, gender))
            .map(|p| p.1)
    }
}

/// The gender of a pronoun at a byte offset of the text.
fn pronoun_gender(text: &str, at: usize) -> Option<Gender> {
    let word: String = text[at..].chars().take_while(|c| c.is_alphabetic()).collect();
    Gender::of_pronoun(&word)
}

/// A word right before a mention that says the person's gender (cue classes `female`,
/// `male`: `Mrs.`, `Queen`, `Congresswoman`).
fn gender_before(kb: &Knowledge, text: &str, start: usize) -> Option<Gender> {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()?
        .to_lowercase();
    if kb.cues.is(&word, Cue::Female) {
        Some(Gender::Female)
    } else if kb.cues.is(&word, Cue::Male) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Is an offset inside a quotation on its line? Counts quote marks from the line start.
/// Offsets asked in increasing order are answered by counting on from the last one, so a
/// document with one endless line costs linear time, not the square of it.
#[derive(Default)]
struct QuoteScan {
    line_start: usize,
    pos: usize,
    open: usize,
    close: usize,
    straight: usize,
}

impl QuoteScan {
    fn inside(&mut self, text: &str, offset: usize) -> bool {
        let line_start = if offset < self.pos {
            text[..offset].rfind('\n').map_or(0, |i| i + 1)
        } else {
            text[self.pos..offset]
                .rfind('\n')
                .map_or(self.line_start, |i| self.pos + i + 1)
        };
        if line_start != self.line_start || offset < self.pos {
            *self = QuoteScan {
                line_start,
                pos: line_start,
                ..QuoteScan::default()
            };
        }
        let before = &text[self.pos..offset];
        self.open += before.matches('“').count();
        self.close += before.matches('”').count();
        self.straight += before.matches('"').count();
        self.pos = offset;
        self.open > self.close || self.straight % 2 == 1
    }
}
#[cfg(test)]
mod quote_tests;
#[cfg(test)]
mod tests;
