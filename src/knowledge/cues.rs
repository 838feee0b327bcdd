//! Grammar cues: the closed word lists in `resources/cues.tsv` (reporting verbs, meeting and
//! alliance triggers, modal words, sentence-initial stopwords, place and event head words, and
//! the small word classes the name and relation rules test: particles, pronouns, articles...).
//!
//! The rules in `extract` keep the mechanism (where a class is looked for and what it decides);
//! this file's data holds the words. Multi-word cues are matched on lowercased token
//! sequences, longest first; a class whose words are affixes (`then-`, `-based`) is read as a
//! list with [`Cues::words`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Stop,
    Connector,
    Report,
    Meet,
    Reciprocal,
    Ally,
    Modal,
    Locative,
    Place,
    Event,
    OutletNoun,
    OrgNoun,
    Prefix,
    Time,
    /// capitalised, starts a sentence far more often than it continues a name: after an ambiguous abbreviation (`U.S.`, `Inc.`) or an initial, the splitter ends the sentence only before one of these (written Capitalised there: `The`, not `THE`)
    Starter,
    /// a lowercase particle inside a person's name (`Osama bin Laden`, `Ludwig van Beethoven`)
    Particle,
    /// a connector that, already in an organisation name, lets `and` join more of it (`Center for Strategic and International Studies`)
    AndConnector,
    /// a web domain suffix whose sites are institutions, not outlets (`.gov`)
    PublicSite,
    /// a Roman numeral, written in capitals (`World War II`): an event or a numbered thing
    Numeral,
    /// a prefix with its hyphen that is cut off the word it is glued to (`then-President`)
    HyphenPrefix,
    /// a suffix with its hyphen that is cut off the name it is glued to (`Seoul-based`)
    HyphenSuffix,
    /// a romanised Arabic article glued to a capitalised name (`al-Assad`); matched as written, lowercase
    ArabicArticle,
    /// a noun after a capital that makes it a place (`Seoul office`), besides `-based`
    CapitalModifier,
    /// an article before an apposition's head or a speaker's name
    Article,
    /// a relative pronoun: a clause after a comma, not an apposition
    Relative,
    /// makes an apposition's official an expert quoted for expertise (`a retired general`)
    Retired,
    /// a preposition after a title that ties it to an organisation (`vice president of`)
    TitleOf,
    /// the words between a unit and its parent organisation (`A at the B`)
    UnitOf,
    /// a reporting cue whose speaker follows it (`according to X`)
    SpeakerAfter,
    /// a pronoun for one person, who can speak or meet
    PersonPronoun,
    /// a subject pronoun: a reporting verb's subject that is no common noun
    Pronoun,
    /// a word that may stand between a speaker and a reporting verb (besides words in -ly)
    Adverb,
    /// a word in -ly that is no adverb
    NotAdverb,
    /// a word that opens a new clause with its own subject
    ClauseOpener,
    /// after a meeting trigger, words that undo or postpone the meeting
    CalledOff,
    /// before a meeting trigger, makes the meeting unreal (negation, or an infinitive), besides modal words
    NotMet,
    /// a meeting trigger whose sides both follow it (`talks between X and Y`)
    PairAfter,
    /// a verb that, between two people, means they talked: they met
    Told,
    /// a hyphen suffix that allies the states on its two sides (`U.S.-allied South Korea`)
    Allied,
    /// a preposition after an alliance trigger before the list of allies
    AllyOf,
    /// with a military alliance named in the sentence, makes the states in it allies
    Member,
    /// before an alliance trigger, makes the alliance unreal or past
    NotAllied,
    /// before an alliance trigger, ties it to the name before it (`on Russia as an ally`)
    AsAlly,
    /// a word that may stand between the names of a list of states (with the comma)
    ListWord,
    /// a role in a party's politics: between a party word and a name it ties the name to the
    /// party (`Republican candidate X`), besides the titles of `titles.tsv`
    PartyRole,
    /// a noun for the rulers of a state: after an alliance trigger, `X's government in Y`
    /// stands for the state Y
    Government,
    /// a title held in a company: right after a name that is no person's, it makes that name
    /// the company (`Fiat chairman X`)
    CompanyRole,
    /// a word after which `between` pairs people who met: a noun of meeting (`talks between X
    /// and Y`, not `a rivalry between X and Y`) or of standing together (`seated between`)
    BetweenHead,
    /// a noun of meeting that may stand a few words before `with` (`X's meeting on Friday with Y`)
    WithHead,
    /// a word of time or place between a noun of meeting and its `with` (`on`, `last`)
    WithGap,
    /// the infinitive marker: right before a meeting trigger (`set to meet`, `agreed to hold
    /// talks with`) it makes the meeting unreal; further back it is a preposition (`flew to X
    /// for talks with Y`)
    Infinitive,
    /// a noun of family (`wife`): after a possessive, the name it is followed by is a person's
    /// (`his wife, Beatrice`)
    Kin,
    /// a possessive determiner before a noun of family (`his`, `her`)
    KinOwner,
    /// an object or possessive pronoun of one person (`him`, `his`, `her`): resolved like
    /// `personpronoun`, for `graphgen mentions --pronouns`
    ObjectPronoun,
    /// a word right before a person's name that makes the person female (`Mrs.`, `Queen`)
    Female,
    /// a word right before a person's name that makes the person male (`Mr.`, `King`)
    Male,
    /// a meeting trigger that is a preposition (`between`, `alongside`): a meeting only within
    /// three words after a `betweenhead` word, which the trigger then includes
    Preposition,
    /// a word that fronts a phrase holding a meeting whose subject follows the phrase's comma
    /// (`Following talks with X, Y said`)
    Fronting,
    /// a noun that describes one person and, after `the`, refers back to the person the
    /// document described so (`the billionaire`), besides titles and `partyrole` words
    PersonNoun,
    /// a noun for what an actor issued (`a Brindle statement`): an attribution headed by it is
    /// the actor's, where a noun for people (`Brindle officials`) is theirs
    Utterance,
}

/// How many classes there are, for per-class tables.
pub const CUE_CLASSES: usize = Cue::Utterance as usize + 1;

// A word's classes are one bit each in a `u64` (`CueHits::word`).
const _: () = assert!(CUE_CLASSES <= 64);

/// The cues at one word of a sentence (see [`Cues::hits_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHits {
    /// The longest cue of each class starting at the word, in words (0: none).
    pub lengths: [u8; CUE_CLASSES],
    /// The classes the word alone belongs to, one bit per [`Cue`].
    pub word: u64,
}

impl Default for CueHits {
    fn default() -> CueHits {
        CueHits {
            lengths: [0; CUE_CLASSES],
            word: 0,
        }
    }
}

impl CueHits {
    /// Is the word, alone, a cue of this class?
    pub fn word_is(&self, cue: Cue) -> bool {
        self.word & (1 << cue as u32) != 0
    }
}

impl Cue {
    /// Every class with its name in `resources/cues.tsv`, in declaration order.
    const NAMES: [(&'static str, Cue); CUE_CLASSES] = [
        ("stop", Cue::Stop),
        ("connector", Cue::Connector),
        ("report", Cue::Report),
        ("meet", Cue::Meet),
        ("reciprocal", Cue::Reciprocal),
        ("ally", Cue::Ally),
        ("modal", Cue::Modal),
        ("locative", Cue::Locative),
        ("place", Cue::Place),
        ("event", Cue::Event),
        ("outletnoun", Cue::OutletNoun),
        ("orgnoun", Cue::OrgNoun),
        ("prefix", Cue::Prefix),
        ("time", Cue::Time),
        ("starter", Cue::Starter),
        ("particle", Cue::Particle),
        ("andconnector", Cue::AndConnector),
        ("publicsite", Cue::PublicSite),
        ("numeral", Cue::Numeral),
        ("hyphenprefix", Cue::HyphenPrefix),
        ("hyphensuffix", Cue::HyphenSuffix),
        ("arabicarticle", Cue::ArabicArticle),
        ("capitalmodifier", Cue::CapitalModifier),
        ("article", Cue::Article),
        ("relative", Cue::Relative),
        ("retired", Cue::Retired),
        ("titleof", Cue::TitleOf),
        ("unitof", Cue::UnitOf),
        ("speakerafter", Cue::SpeakerAfter),
        ("personpronoun", Cue::PersonPronoun),
        ("pronoun", Cue::Pronoun),
        ("adverb", Cue::Adverb),
        ("notadverb", Cue::NotAdverb),
        ("clauseopener", Cue::ClauseOpener),
        ("calledoff", Cue::CalledOff),
        ("notmet", Cue::NotMet),
        ("pairafter", Cue::PairAfter),
        ("told", Cue::Told),
        ("allied", Cue::Allied),
        ("allyof", Cue::AllyOf),
        ("member", Cue::Member),
        ("notallied", Cue::NotAllied),
        ("asally", Cue::AsAlly),
        ("listword", Cue::ListWord),
        ("partyrole", Cue::PartyRole),
        ("government", Cue::Government),
        ("companyrole", Cue::CompanyRole),
        ("betweenhead", Cue::BetweenHead),
        ("withhead", Cue::WithHead),
        ("withgap", Cue::WithGap),
        ("infinitive", Cue::Infinitive),
        ("kin", Cue::Kin),
        ("kinowner", Cue::KinOwner),
        ("objectpronoun", Cue::ObjectPronoun),
        ("female", Cue::Female),
        ("male", Cue::Male),
        ("preposition", Cue::Preposition),
        ("fronting", Cue::Fronting),
        ("personnoun", Cue::PersonNoun),
        ("utterance", Cue::Utterance),
    ];

    fn parse(s: &str) -> Option<Cue> {
        Cue::NAMES.iter().find(|(name, _)| *name == s).map(|&(_, cue)| cue)
    }

    /// The class's name in `resources/cues.tsv` (`report`, `meet`).
    pub fn name(self) -> &'static str {
        Cue::NAMES[self as usize].0
    }
}

pub struct Cues {
    /// Names of military alliances whose members are allies (`resources/alliances.tsv`).
    alliances: HashSet<String>,
    /// phrase (lowercase, words joined by one space) -> classes
    phrases: HashMap<String, Vec<Cue>>,
    /// Phrases cut after each word but the last, so matching stops when no cue goes on.
    prefixes: FxHashSet<String>,
    max_words: usize,
    /// Every class's phrases in file order, for the classes read as lists (affixes).
    lists: Vec<Vec<String>>,
}

const CUES_TSV: &str = include_str!("../../resources/cues.tsv");
const ALLIANCES_TSV: &str = include_str!("../../resources/alliances.tsv");

fn parse_alliances(tsv: &str) -> Result<HashSet<String>, String> {
    let mut out = HashSet::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name\t") {
            continue;
        }
        let (name, aliases) = line
            .split_once('\t')
            .ok_or_else(|| format!("alliances.tsv:{}: expected `name<TAB>aliases`", n + 1))?;
        for form in std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty())) {
            if !out.insert(form.to_string()) {
                return Err(format!("alliances.tsv:{}: duplicate {form}", n + 1));
            }
        }
    }
    Ok(out)
}

impl Cues {
    /// The cues compiled into the binary (`resources/cues.tsv`, `resources/alliances.tsv`).
    pub fn embedded() -> Result<Cues, String> {
        let mut cues = Cues::parse(CUES_TSV)?;
        cues.alliances = parse_alliances(ALLIANCES_TSV)?;
        Ok(cues)
    }

    /// Is this name (as written) a military alliance whose members are allies (`NATO`)?
    pub fn is_alliance(&self, name: &str) -> bool {
        self.alliances.contains(name.strip_prefix("the ").unwrap_or(name))
    }

    fn parse(tsv: &str) -> Result<Cues, String> {
        let mut phrases: HashMap<String, Vec<Cue>> = HashMap::default();
        let mut prefixes = FxHashSet::default();
        let mut seen = HashSet::new();
        let mut max_words = 1;
        let mut lists = vec![Vec::new(); CUE_CLASSES];
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() || line == "cue\tclass" {
                continue;
            }
            let (phrase, class) = line
                .split_once('\t')
                .ok_or_else(|| format!("cues.tsv:{}: expected `cue<TAB>class`", n + 1))?;
            let cue = Cue::parse(class).ok_or_else(|| format!("cues.tsv:{}: unknown class {class}", n + 1))?;
            if !seen.insert((phrase.to_string(), class.to_string())) {
                return Err(format!("cues.tsv:{}: duplicate {phrase} {class}", n + 1));
            }
            max_words = max_words.max(phrase.split(' ').count());
            for (at, _) in phrase.match_indices(' ') {
                prefixes.insert(phrase[..at].to_string());
            }
            phrases.entry(phrase.to_string()).or_default().push(cue);
            lists[cue as usize].push(phrase.to_string());
        }
        Ok(Cues {
            alliances: HashSet::new(),
            phrases,
            prefixes,
            max_words,
            lists,
        })
    }

    /// Every class this lowercase phrase belongs to, in declaration order.
    pub fn classes_of(&self, phrase: &str) -> Vec<Cue> {
        let mut out = self.phrases.get(phrase).cloned().unwrap_or_default();
        out.sort_by_key(|&c| c as usize);
        out
    }

    /// Is this lowercase phrase a cue of this class?
    pub fn is(&self, phrase: &str, cue: Cue) -> bool {
        self.phrases.get(phrase).is_some_and(|c| c.contains(&cue))
    }

    /// The phrases of one class, in file order (affix classes are tried one by one).
    pub fn words(&self, cue: Cue) -> &[String] {
        &self.lists[cue as usize]
    }

    /// Is this word (any case) a cue of this class?
    pub fn word_is(&self, word: &str, cue: Cue) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.is(&word.to_lowercase(), cue)
        } else {
            self.is(word, cue)
        }
    }

    /// Longest cue of class `cue` starting at `words[0]`; returns its length in words.
    pub fn match_at(&self, words: &[&str], cue: Cue) -> Option<usize> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut phrase = String::new();
        let found = self.lengths_at(lower.iter().map(String::as_str), &mut phrase)[cue as usize];
        (found > 0).then_some(usize::from(found))
    }

    /// The longest cue of every class starting at the first of these lowercase words, as a
    /// length in words (0: none). `phrase` is scratch space, reused across calls.
    pub fn lengths_at<'w>(&self, lower: impl Iterator<Item = &'w str>, phrase: &mut String) -> [u8; CUE_CLASSES] {
        self.hits_at(lower, phrase).lengths
    }

    /// What the cues say of the first of these lowercase words: the longest cue of every class
    /// starting there, and the classes the word alone belongs to. One walk gives both, so a
    /// sentence's words are looked up once (`SentenceView`), not once per rule that asks.
    pub fn hits_at<'w>(&self, lower: impl Iterator<Item = &'w str>, phrase: &mut String) -> CueHits {
        let mut out = CueHits::default();
        phrase.clear();
        for (i, w) in lower.take(self.max_words).enumerate() {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
            if let Some(classes) = self.phrases.get(phrase.as_str()) {
                for &c in classes {
                    out.lengths[c as usize] = (i + 1) as u8;
                    if i == 0 {
                        out.word |= 1 << c as u32;
                    }
                }
            }
            if !self.prefixes.contains(phrase.as_str()) {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_parses_with_unique_keys() {
        let c = Cues::parse(CUES_TSV).unwrap();
        assert!(c.max_words >= 3);
    }

    #[test]
    fn alliances_parse_with_unique_keys() {
        assert!(parse_alliances(ALLIANCES_TSV).is_ok());
        assert!(parse_alliances("name\taliases\nA\tB|A\n").is_err());
        let c = Cues::embedded().unwrap();
        assert!(c.is_alliance("NATO") && !c.is_alliance("United Nations"));
    }

    #[test]
    fn every_class_has_its_own_name_in_declaration_order() {
        for (i, &(name, cue)) in Cue::NAMES.iter().enumerate() {
            assert_eq!(cue as usize, i, "{name}");
            assert_eq!(Cue::parse(name), Some(cue));
            assert_eq!(cue.name(), name);
        }
    }

    #[test]
    fn duplicates_are_rejected() {
        assert!(Cues::parse("said\treport\nsaid\treport\n").is_err());
    }

    #[test]
    fn lookups() {
        let c = Cues::embedded().unwrap();
        let cases: &[(&[&str], Cue, Option<usize>)] = &[
            (&["said"], Cue::Report, Some(1)),
            (&["according", "to", "the"], Cue::Report, Some(2)),
            (&["shook", "hands", "with", "her"], Cue::Meet, Some(3)),
            (&["Shook", "hands", "and"], Cue::Meet, Some(2)),
            (&["ate", "lunch"], Cue::Meet, None),
            (&["side", "by", "side"], Cue::Reciprocal, Some(3)),
        ];
        for (words, cue, want) in cases {
            assert_eq!(c.match_at(words, *cue), *want, "{words:?}");
        }
        assert!(c.word_is("The", Cue::Stop));
        assert!(!c.word_is("Oslo", Cue::Stop));
    }
}
