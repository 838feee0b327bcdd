//! Word knowledge: what graphgen knows before it reads a word of the corpus.
//!
//! It owns the lexicons (countries, outlets, places, titles, honorifics, organisation head
//! words, personal names, and the user's `--lexicon` entries merged into the same tables) and
//! the closed word classes of the grammar (`resources/cues.tsv`: reporting verbs, meeting and
//! alliance triggers, sentence starters...). All of it is data under `resources/`, compiled
//! into the binary and parsed once into a [`Knowledge`] that the
//! [`Pipeline`](crate::pipeline::Pipeline) owns and lends to every extraction. Nothing here is
//! process-wide: two pipelines with different lexicons coexist.

pub mod cues;
pub mod lexicon;

pub use cues::{Cue, Cues};
pub use lexicon::{Lexicon, UserLexicon};

/// The lexicon and the word classes one run extracts with.
pub struct Knowledge {
    pub lexicon: Lexicon,
    pub cues: Cues,
}

impl Knowledge {
    /// The knowledge compiled into the binary.
    pub fn embedded() -> crate::Result<Knowledge> {
        Ok(Knowledge {
            lexicon: Lexicon::embedded()?,
            cues: embedded_cues()?,
        })
    }

    /// The embedded knowledge with the user's lexicon entries; the entries left out come back
    /// as problems (each names its file, line and the fix).
    pub fn with_user(user: &UserLexicon) -> crate::Result<(Knowledge, Vec<crate::Error>)> {
        let (lexicon, problems) = Lexicon::embedded_with(user)?;
        Ok((
            Knowledge {
                lexicon,
                cues: embedded_cues()?,
            },
            problems,
        ))
    }
}

fn embedded_cues() -> crate::Result<Cues> {
    Cues::embedded().map_err(|message| crate::Error::Invalid {
        what: "the embedded word classes (resources/cues.tsv, resources/alliances.tsv)".into(),
        message: format!("{message}; fix the file and rebuild"),
    })
}
