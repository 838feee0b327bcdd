//! The user's entries added to the lexicon: countries and outlets join the built-in tables as
//! rows of their own, people and institutes become [`Known`] actors. Every name and alias goes
//! into the one gazetteer, so the scan finds them as it finds built-in countries: exact,
//! case-sensitive, whole words, with no cue needed.

use super::gazetteer::{GazetteerBuilder, Target};
use super::user::{UserEntry, UserLexicon};
use super::{Country, CountryStatus, How, Lexicon, Medium, Outlet};
use crate::Error;
use crate::graph::{ActorKind, slug};

/// A person or institute the user's lexicon names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub name: String,
    /// `slug(name)`: the node id.
    pub id: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Id of the entry's country, when it gave one that the lexicon knows.
    pub country: Option<String>,
    pub role: Option<String>,
}

/// Adds every entry; returns the problems of entries kept only in part or left out.
/// Countries go first, so that any entry may name a country the user added.
pub(super) fn add_user(lexicon: &mut Lexicon, user: &UserLexicon, gazetteer: &mut GazetteerBuilder) -> Vec<Error> {
    let mut problems = Vec::new();
    let (countries, others): (Vec<&UserEntry>, Vec<&UserEntry>) =
        user.entries.iter().partition(|e| e.kind == ActorKind::Country);
    for e in countries {
        if let Err(m) = add_country(lexicon, e, gazetteer) {
            problems.push(problem(e, m));
        }
    }
    for e in others {
        let country = country_of(lexicon, e).unwrap_or_else(|m| {
            problems.push(problem(e, m));
            None
        });
        let added = if e.kind == ActorKind::Outlet {
            add_outlet(lexicon, e, country, gazetteer)
        } else {
            add_known(lexicon, e, country, gazetteer)
        };
        if let Err(m) = added {
            problems.push(problem(e, m));
        }
    }
    problems
}

fn problem(e: &UserEntry, message: String) -> Error {
    Error::Invalid {
        what: e.origin.clone(),
        message,
    }
}

/// The id of the entry's country: a country's name, alias or id as the lexicon knows them.
fn country_of(lexicon: &Lexicon, e: &UserEntry) -> Result<Option<String>, String> {
    let Some(written) = e.country.as_deref() else {
        return Ok(None);
    };
    lexicon
        .country(written)
        .or_else(|| lexicon.country_by_id(written))
        .map(|c| Some(c.id.clone()))
        .ok_or_else(|| {
            format!(
                "country `{written}` is not a country graphgen knows; write a country's name or id \
                 (`France`, `north-korea`) or add a line of kind `country` for it; the entry is kept \
                 without a country"
            )
        })
}

fn add_country(lexicon: &mut Lexicon, e: &UserEntry, gazetteer: &mut GazetteerBuilder) -> Result<(), String> {
    // The row goes in first so that every index already written points at it.
    let i = lexicon.countries.len();
    lexicon.countries.push(Country {
        name: e.name.clone(),
        id: slug(&e.name),
        aliases: e.aliases.clone(),
        demonyms: Vec::new(),
        capitals: Vec::new(),
        seats: Vec::new(),
        status: CountryStatus::Other,
        ambiguous: Vec::new(),
    });
    for (k, form) in e.forms().into_iter().enumerate() {
        let how = if k == 0 { How::Name } else { How::Alias };
        lexicon.country_names.insert(form, (i, how), &e.origin)?;
        gazetteer.add(form, Target::Country(i, how), false, &e.origin)?;
    }
    Ok(())
}

fn add_outlet(
    lexicon: &mut Lexicon,
    e: &UserEntry,
    country: Option<String>,
    gazetteer: &mut GazetteerBuilder,
) -> Result<(), String> {
    let i = lexicon.outlets.len();
    lexicon.outlets.push(Outlet {
        name: e.name.clone(),
        id: slug(&e.name),
        aliases: e.aliases.clone(),
        // The user's file does not say; nothing in extraction reads the medium.
        medium: Medium::Online,
        country,
        ambiguous: Vec::new(),
    });
    for form in e.forms() {
        lexicon.outlet_names.insert(form, i, &e.origin)?;
        gazetteer.add(form, Target::Outlet(i), false, &e.origin)?;
    }
    Ok(())
}

fn add_known(
    lexicon: &mut Lexicon,
    e: &UserEntry,
    country: Option<String>,
    gazetteer: &mut GazetteerBuilder,
) -> Result<(), String> {
    let i = lexicon.known.len();
    lexicon.known.push(Known {
        name: e.name.clone(),
        id: slug(&e.name),
        kind: e.kind,
        aliases: e.aliases.clone(),
        country,
        role: e.role.clone(),
    });
    for form in e.forms() {
        gazetteer.add(form, Target::Known(i), false, &e.origin)?;
    }
    Ok(())
}
