//! The embedded lexicons (`resources/*.tsv`): countries with their aliases, demonyms, capitals
//! and seats of government; news outlets; places that stand for no state; titles, honorifics
//! and organisation head words with the actor kinds they imply; given names and surnames.
//!
//! The files are compiled into the binary and parsed once per [`Pipeline`](crate::pipeline::Pipeline)
//! into a [`Lexicon`] ([`Lexicon::embedded`]). Lookups take a surface string as written: the exact spelling first, then a
//! normalised key (case-folded, curly apostrophes straightened, hyphens read as spaces,
//! periods kept). Forms written without lower-case letters (`US`, `CNN`) only match queries
//! without lower-case letters, so `us` is never the United States. [`Lexicon::scan`] finds
//! every country, outlet and place form in a text with one automaton.
//!
//! The user's lexicons (`--lexicon`, [`UserLexicon`]) are merged into the same tables and the
//! same automaton by [`Lexicon::from_sources_with`]; the pipeline owns the result, so two
//! pipelines with different lexicons live side by side in one process.

mod gazetteer;
mod known;
mod load;
#[cfg(test)]
mod tests;
mod tsv;
pub mod user;

pub use known::Known;
pub use load::Sources;
pub use tsv::normalise;
pub use user::{UserEntry, UserLexicon};

use crate::graph::ActorKind;
use gazetteer::{Gazetteer, Target};
use std::ops::Range;
use tsv::Index;

/// Where a state stands: a UN member, an observer state, another state (Taiwan, Kosovo), a
/// former state, or a bloc named as a party (the European Union).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryStatus {
    State,
    Observer,
    Other,
    Former,
    Bloc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// Canonical English short name (`United States`, `North Korea`).
    pub name: String,
    /// `slug(name)`: the node id of the country.
    pub id: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    pub seats: Vec<String>,
    pub status: CountryStatus,
    /// Normalised keys of the forms that want context (`Georgia`, `Washington`).
    ambiguous: Vec<String>,
}

impl Country {
    /// Whether `form` (any spelling of one of this country's forms) is marked ambiguous.
    pub fn is_ambiguous(&self, form: &str) -> bool {
        self.ambiguous.contains(&normalise(form))
    }
}

/// Which column of its row a country form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    Name,
    Alias,
    Demonym,
    Capital,
    Seat,
}

/// A country form found by lookup: the country, the column, and whether the form wants context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryForm<'a> {
    pub country: &'a Country,
    pub how: How,
    pub ambiguous: bool,
}

/// What kind of news organisation an outlet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Medium {
    Wire,
    Newspaper,
    Broadcaster,
    Magazine,
    Online,
    Photo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    /// `slug(name)`: the node id of the outlet.
    pub id: String,
    pub aliases: Vec<String>,
    pub medium: Medium,
    /// Id of the country the outlet is based in.
    pub country: Option<String>,
    ambiguous: Vec<String>,
}

impl Outlet {
    pub fn is_ambiguous(&self, form: &str) -> bool {
        self.ambiguous.contains(&normalise(form))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Region,
    Sea,
    /// A state or province inside a country (`Texas`, `Hawaii`).
    State,
    City,
    Landmark,
}

/// A place that stands for no state: a region, sea, sub-national unit, city or landmark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub id: String,
    pub aliases: Vec<String>,
    pub kind: PlaceKind,
    /// Id of the country the place lies in, when it lies in one.
    pub country: Option<String>,
    ambiguous: Vec<String>,
}

impl Place {
    pub fn is_ambiguous(&self, form: &str) -> bool {
        self.ambiguous.contains(&normalise(form))
    }
}

/// A title or honorific and the actor kind it implies for the named person who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Lower-case phrase as listed (`foreign minister`, `mr.`).
    pub phrase: String,
    pub role: ActorKind,
    /// The title is as often followed by `of`/`at` an organisation as used for a state
    /// (`director`, `president`): the extractor should look at what follows.
    pub org: bool,
}

/// Where a head word stands in an organisation's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadPosition {
    /// Starts a name: `Bank of X`.
    First,
    /// Ends a name: `X Institute`.
    Last,
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHead {
    pub head: String,
    /// `Institute` or `Outlet`.
    pub kind: ActorKind,
    pub position: HeadPosition,
    /// Also common outside names (`group`, `post`): wants a capitalised name around it.
    pub ambiguous: bool,
}

/// A given name or surname with the language areas it is common in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalName {
    pub name: String,
    pub origins: Vec<String>,
    /// Also an ordinary word, place or title (`Grace`, `Park`, `Moon`).
    pub ambiguous: bool,
}

/// What a gazetteer hit found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerEntry<'a> {
    Country {
        country: &'a Country,
        how: How,
    },
    Outlet {
        outlet: &'a Outlet,
    },
    Place {
        place: &'a Place,
    },
    /// A person or institute of the user's lexicon.
    Known {
        index: usize,
        known: &'a Known,
    },
}

/// One whole-word match of the gazetteer: byte offsets into the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazetteerHit<'a> {
    pub start: usize,
    pub end: usize,
    pub entry: GazetteerEntry<'a>,
    /// The matched form wants context (`Jordan`, `Time`).
    pub ambiguous: bool,
}

/// Every lexicon, parsed and indexed.
pub struct Lexicon {
    countries: Vec<Country>,
    country_names: Index<(usize, How)>,
    demonyms: Index<usize>,
    capitals: Index<usize>,
    seats: Index<usize>,
    outlets: Vec<Outlet>,
    outlet_names: Index<usize>,
    places: Vec<Place>,
    place_names: Index<usize>,
    titles: Index<Title>,
    honorifics: Index<Title>,
    org_heads: Index<OrgHead>,
    given_names: Index<PersonalName>,
    surnames: Index<PersonalName>,
    known: Vec<Known>,
    gazetteer: Gazetteer,
}

/// How a broken embedded lexicon is reported: it is part of the binary, so only a rebuild
/// fixes it.
fn unusable(e: crate::Error) -> crate::Error {
    crate::Error::Invalid {
        what: "the embedded lexicon (resources/*.tsv)".into(),
        message: format!("{e}; fix the file and rebuild"),
    }
}

impl Lexicon {
    /// The lexicons compiled into the binary.
    pub fn embedded() -> crate::Result<Lexicon> {
        Lexicon::from_sources(&Sources::EMBEDDED).map_err(unusable)
    }

    /// The embedded lexicon with the user's entries, and the problems of the entries left out.
    pub fn embedded_with(user: &UserLexicon) -> crate::Result<(Lexicon, Vec<crate::Error>)> {
        Lexicon::from_sources_with(&Sources::EMBEDDED, user).map_err(unusable)
    }

    /// All countries in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn country_by_id(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }

    /// A country by its name or an alias (`U.S.`, `DPRK`, `Britain`).
    pub fn country(&self, s: &str) -> Option<&Country> {
        self.country_names.get(s).map(|&(i, _)| &self.countries[i])
    }

    /// A country by a demonym (`Soviet`, `North Korean`, `Britons`).
    pub fn demonym(&self, s: &str) -> Option<&Country> {
        self.demonyms.get(s).map(|&i| &self.countries[i])
    }

    /// A country by a capital that stands for it (`Pyongyang`, `Washington`).
    pub fn capital(&self, s: &str) -> Option<&Country> {
        self.capitals.get(s).map(|&i| &self.countries[i])
    }

    /// A country by a seat of government used as its metonym (`Kremlin`, `White House`).
    pub fn seat(&self, s: &str) -> Option<&Country> {
        self.seats.get(s).map(|&i| &self.countries[i])
    }

    /// Any country form, with its column and ambiguity; a name wins over an alias, an alias
    /// over a demonym, then capital, then seat (`Djibouti` is a name before a capital).
    pub fn country_form(&self, s: &str) -> Option<CountryForm<'_>> {
        let (i, how) = self
            .country_names
            .get(s)
            .copied()
            .or_else(|| self.demonyms.get(s).map(|&i| (i, How::Demonym)))
            .or_else(|| self.capitals.get(s).map(|&i| (i, How::Capital)))
            .or_else(|| self.seats.get(s).map(|&i| (i, How::Seat)))?;
        let country = &self.countries[i];
        Some(CountryForm {
            country,
            how,
            ambiguous: country.is_ambiguous(s),
        })
    }

    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    /// An outlet by its name or an alias (`AP`, `The Associated Press`, `Yonhap`).
    pub fn outlet(&self, s: &str) -> Option<&Outlet> {
        self.outlet_names.get(s).map(|&i| &self.outlets[i])
    }

    /// The people and institutes of the user's lexicon, in file order.
    pub fn known(&self) -> &[Known] {
        &self.known
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place that stands for no state (`South China Sea`, `Texas`, `Shanghai`).
    pub fn place(&self, s: &str) -> Option<&Place> {
        self.place_names.get(s).map(|&i| &self.places[i])
    }

    /// A title phrase (`Foreign Minister`, `senior fellow`), any case.
    pub fn title(&self, s: &str) -> Option<&Title> {
        self.titles.get(s)
    }

    /// The title this phrase is, if any, and whether a longer title starts with it
    /// (`secretary of` for `secretary of state`).
    pub fn title_probe(&self, s: &str) -> (Option<&Title>, bool) {
        self.titles.probe(s)
    }

    /// An honorific (`Mr.`, `Dr`, `Lt. Gen.`), any case.
    pub fn honorific(&self, s: &str) -> Option<&Title> {
        self.honorifics.get(s)
    }

    /// The most words in a title phrase, for the longest-first search; hyphens count as spaces.
    pub fn max_title_words(&self) -> usize {
        self.titles.max_words()
    }

    /// The most words in an honorific (`lt. gen.` has two).
    pub fn max_honorific_words(&self) -> usize {
        self.honorifics.max_words()
    }

    /// An organisation head word (`Institute`, `Herald`, `Inc.`), any case.
    pub fn org_head(&self, word: &str) -> Option<&OrgHead> {
        self.org_heads.get(word)
    }

    /// Names are proper nouns: a query without an upper-case letter is never a name.
    pub fn given_name(&self, s: &str) -> Option<&PersonalName> {
        has_upper(s).then(|| self.given_names.get(s)).flatten()
    }

    pub fn surname(&self, s: &str) -> Option<&PersonalName> {
        has_upper(s).then(|| self.surnames.get(s)).flatten()
    }

    pub fn is_given_name(&self, s: &str) -> bool {
        self.given_name(s).is_some()
    }

    pub fn is_surname(&self, s: &str) -> bool {
        self.surname(s).is_some()
    }

    /// Every country, outlet and place form in `text[range]`: whole words, case-sensitive
    /// (plus ALL-CAPS and curly-apostrophe spellings), leftmost-longest, in text order, with
    /// offsets into `text`. A range that is out of bounds or not on character boundaries
    /// finds nothing.
    pub fn scan(&self, text: &str, range: Range<usize>) -> Vec<GazetteerHit<'_>> {
        self.gazetteer
            .scan(text, range)
            .into_iter()
            .map(|h| GazetteerHit {
                start: h.start,
                end: h.end,
                entry: self.entry(h.target),
                ambiguous: h.ambiguous,
            })
            .collect()
    }

    fn entry(&self, target: Target) -> GazetteerEntry<'_> {
        match target {
            Target::Country(i, how) => GazetteerEntry::Country {
                country: &self.countries[i],
                how,
            },
            Target::Outlet(i) => GazetteerEntry::Outlet {
                outlet: &self.outlets[i],
            },
            Target::Place(i) => GazetteerEntry::Place { place: &self.places[i] },
            Target::Known(i) => GazetteerEntry::Known {
                index: i,
                known: &self.known[i],
            },
        }
    }
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}
