//! Word knowledge: what graphgen knows before it reads a word of the corpus.
//!
//! It owns the lexicons (countries, outlets, places, titles, honorifics, organisation head
//! words, personal names, and the user's `--lexicon` entries merged into the same tables) and
//! the closed word classes of the grammar (`resources/cues.tsv`: reporting verbs, meeting and
//! alliance triggers, sentence starters...) and the abbreviations the text stage splits and
//! tokenizes with (`resources/abbreviations.tsv`). All of it is data under `resources/`, compiled
//! into the binary and parsed once into a [`Knowledge`] that the
//! [`Pipeline`](crate::pipeline::Pipeline) owns and lends to every extraction. Nothing here is
//! process-wide: two pipelines with different lexicons coexist.

pub mod blocs;
pub mod bodies;
pub mod cues;
pub mod describe;
pub mod dictionary;
pub mod genders;
pub mod lexicon;
pub mod parties;
mod table;

pub use blocs::Blocs;
pub use bodies::Bodies;
pub use cues::{Cue, Cues};
pub use dictionary::Dictionary;
pub use genders::{Gender, Genders};
pub use lexicon::{Lexicon, UserLexicon};
pub use parties::Parties;

use crate::text::Abbreviations;

/// The lexicon and the word classes one run extracts with.
pub struct Knowledge {
    pub lexicon: Lexicon,
    pub cues: Cues,
    /// The abbreviations and sentence starters the text stage splits and tokenizes with
    /// (`resources/abbreviations.tsv` and the `starter` class of the cues); the text functions
    /// take it as an argument, since text runs before knowledge in the stage order.
    pub abbrev: Abbreviations,
    /// The actor dictionary (`resources/actors.tsv`): people and organisations with their
    /// dated roles; empty when the knowledge layer is off (`--no-knowledge`).
    pub dictionary: Dictionary,
    /// Alliances and blocs with their members and years (`resources/blocs.tsv`); empty when
    /// the knowledge layer is off.
    pub blocs: Blocs,
    /// Political parties of the major states (`resources/parties.tsv`), also merged into the
    /// dictionary; empty when the knowledge layer is off.
    pub parties: Parties,
    /// Generic names of government bodies (`resources/bodies.tsv`), qualified by their state
    /// in each document; empty when the knowledge layer is off.
    pub bodies: Bodies,
    /// The gender of given names (`resources/given_genders.tsv`), for pronouns to agree with.
    pub genders: Genders,
}

impl Knowledge {
    /// The knowledge compiled into the binary.
    pub fn embedded() -> crate::Result<Knowledge> {
        Knowledge::with_user(&UserLexicon::default()).map(|(knowledge, _)| knowledge)
    }

    /// The embedded knowledge with the user's lexicon entries; the entries left out come back
    /// as problems (each names its file, line and the fix).
    pub fn with_user(user: &UserLexicon) -> crate::Result<(Knowledge, Vec<crate::Error>)> {
        let (lexicon, problems) = Lexicon::embedded_with(user)?;
        let cues = embedded_cues()?;
        let mut dictionary = Dictionary::embedded(&lexicon).map_err(|message| crate::Error::Invalid {
            what: "the embedded actor dictionary".into(),
            message: format!("{message}; rebuild it with scripts/build_knowledge.py"),
        })?;
        let parties = Parties::embedded(&lexicon).map_err(|message| crate::Error::Invalid {
            what: "the embedded parties".into(),
            message: format!("{message}; fix the file and rebuild"),
        })?;
        dictionary.add_parties(&parties);
        let mut problems = problems;
        for (file, text) in &user.dictionary_tables {
            match Dictionary::parse_file(file, text, &lexicon) {
                Ok(table) => dictionary.overlay(table),
                Err(message) => {
                    // The message starts with `file:line:`; say the file once.
                    let message = message
                        .strip_prefix(&format!("{file}:"))
                        .map_or(message.clone(), |rest| format!("line {rest}"));
                    problems.push(crate::Error::Invalid {
                        what: file.clone(),
                        message: format!("{message}; the file is left out (see resources/README.md for the layout)"),
                    })
                }
            }
        }
        let bodies = Bodies::embedded().map_err(|message| crate::Error::Invalid {
            what: "the embedded government bodies".into(),
            message: format!("{message}; fix the file and rebuild"),
        })?;
        let blocs = Blocs::embedded(&lexicon).map_err(|message| crate::Error::Invalid {
            what: "the embedded alliances and blocs".into(),
            message: format!("{message}; fix the file and rebuild"),
        })?;
        Ok((
            Knowledge {
                lexicon,
                abbrev: abbreviations_of(&cues)?,
                cues,
                dictionary,
                blocs,
                parties,
                bodies,
                genders: Genders::embedded().map_err(|message| crate::Error::Invalid {
                    what: "the embedded given-name genders".into(),
                    message: format!("{message}; rebuild it with scripts/build_genders.py"),
                })?,
            },
            problems,
        ))
    }

    /// The same knowledge without the actor dictionary (`--no-knowledge`): names, kinds and
    /// relations come from the text and the word lists alone.
    pub fn without_dictionary(mut self) -> Knowledge {
        self.dictionary = Dictionary::empty();
        self.blocs = Blocs::default();
        self.parties = Parties::default();
        self.bodies = Bodies::default();
        self
    }
}

fn embedded_cues() -> crate::Result<Cues> {
    Cues::embedded().map_err(|message| crate::Error::Invalid {
        what: "the embedded word classes (resources/cues.tsv, resources/alliances.tsv)".into(),
        message: format!("{message}; fix the file and rebuild"),
    })
}

const ABBREVIATIONS_TSV: &str = include_str!("../../resources/abbreviations.tsv");

/// The embedded abbreviations alone, for callers that split and tokenize text without
/// extracting (tests, fuzzing); an extraction uses its knowledge's `abbrev`.
pub fn embedded_abbreviations() -> crate::Result<Abbreviations> {
    abbreviations_of(&embedded_cues()?)
}

/// The splitter's abbreviations, with the `starter` class of the cues as its sentence starters,
/// so the one list serves the splitter and any rule that asks for the class.
fn abbreviations_of(cues: &Cues) -> crate::Result<Abbreviations> {
    let starters = cues.words(Cue::Starter).iter().map(String::as_str);
    Abbreviations::parse(ABBREVIATIONS_TSV, starters).map_err(|message| crate::Error::Invalid {
        what: "the embedded abbreviations (resources/abbreviations.tsv, class starter of resources/cues.tsv)".into(),
        message: format!("{message}; fix the file and rebuild"),
    })
}
