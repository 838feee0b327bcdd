//! Political parties of the major states (`resources/parties.tsv`): names, abbreviations, the
//! nouns news uses for their people (`Tories`, `Republicans`), their state, and the one-letter
//! convention of US news (`R-Texas`), with the US states and their abbreviations that follow
//! the letter (`resources/us_states.tsv`). With them a party's variants are one actor and a party
//! word before a title ties the person named after it to the party.

use crate::graph::{fold, slug};
use crate::knowledge::lexicon::Lexicon;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    /// `slug(name)`: the party's node id.
    pub id: String,
    pub aliases: Vec<String>,
    /// Nouns for its people, singular and plural (`Republican`, `Republicans`).
    pub members: Vec<String>,
    /// The party's state, as a country id.
    pub country: String,
    /// The letter of US news (`R`, `D`).
    pub letter: Option<char>,
}

/// Every party, and its forms: name and aliases name the party; member nouns name its people
/// (and, in the plural, the party as a body).
#[derive(Debug, Default)]
pub struct Parties {
    parties: Vec<Party>,
    forms: FxHashMap<String, usize>,
    members: FxHashMap<String, usize>,
    /// Folded names, postal codes and AP abbreviations of the US states and territories.
    us_states: rustc_hash::FxHashSet<String>,
}

const FILE: &str = "resources/parties.tsv";
const PARTIES_TSV: &str = include_str!("../../resources/parties.tsv");
const COLUMNS: [&str; 6] = ["name", "aliases", "members", "country", "letter", "ideology"];
const US_STATES_TSV: &str = include_str!("../../resources/us_states.tsv");
const US_STATE_COLUMNS: [&str; 4] = ["name", "postal", "ap", "aliases"];

impl Parties {
    pub fn embedded(lexicon: &Lexicon) -> Result<Parties, String> {
        let mut parties = Parties::parse(PARTIES_TSV, lexicon)?;
        parties.us_states = parse_us_states(US_STATES_TSV)?;
        Ok(parties)
    }

    pub fn is_empty(&self) -> bool {
        self.parties.is_empty()
    }

    /// Whether `s` names a US state or territory (`Texas`, `Calif.`, `TX`), as written after
    /// the party letter.
    pub fn is_us_state(&self, s: &str) -> bool {
        self.us_states.contains(&fold(s))
    }

    pub fn party(&self, i: usize) -> &Party {
        &self.parties[i]
    }

    /// The party a name or alias names (`GOP`, `Lib Dems`), folded.
    pub fn by_name(&self, form: &str) -> Option<usize> {
        self.forms.get(&fold(form)).copied()
    }

    /// The party whose people a noun names (`Tory`, `Republicans`), as written: member nouns
    /// are capitalised, so a lower-case `democrats` or `greens` names no party.
    pub fn by_member(&self, word: &str) -> Option<usize> {
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        self.members.get(&fold(word)).copied()
    }

    /// The US party of a letter (`R`, `D`).
    pub fn by_letter(&self, letter: char) -> Option<usize> {
        self.parties.iter().position(|p| p.letter == Some(letter))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter()
    }

    pub fn parse(tsv: &str, lexicon: &Lexicon) -> Result<Parties, String> {
        let mut out = Parties::default();
        for (line, cols) in super::table::rows(FILE, tsv, &COLUMNS)? {
            let at = |m: String| format!("{FILE}:{line}: {m}");
            let list = |c: &str| -> Vec<String> {
                c.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let country = lexicon
                .country_by_id(&slug(cols[3].trim()))
                .ok_or_else(|| at(format!("`{}` is not a state of countries.tsv", cols[3])))?;
            let letter = match cols[4].trim() {
                "" => None,
                l if l.chars().count() == 1 => l.chars().next(),
                l => return Err(at(format!("letter `{l}`: one letter or none"))),
            };
            let party = Party {
                name: cols[0].to_string(),
                id: slug(cols[0]),
                aliases: list(cols[1]),
                members: list(cols[2]),
                country: country.id.clone(),
                letter,
            };
            let i = out.parties.len();
            for form in std::iter::once(&party.name).chain(&party.aliases) {
                if out.forms.insert(fold(form), i).is_some() {
                    return Err(at(format!("`{form}` names two parties")));
                }
            }
            for noun in &party.members {
                if out.members.insert(fold(noun), i).is_some_and(|j| j != i) {
                    return Err(at(format!("`{noun}` names the people of two parties")));
                }
            }
            out.parties.push(party);
        }
        Ok(out)
    }
}

/// Every form of `resources/us_states.tsv`, folded.
fn parse_us_states(tsv: &str) -> Result<rustc_hash::FxHashSet<String>, String> {
    let mut out = rustc_hash::FxHashSet::default();
    for (_, cols) in super::table::rows("resources/us_states.tsv", tsv, &US_STATE_COLUMNS)? {
        for form in cols
            .iter()
            .flat_map(|c| c.split('|'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            out.insert(fold(form));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_conventions() {
        let lex = Lexicon::embedded().unwrap();
        let parties = Parties::embedded(&lex).expect("resources/parties.tsv parses");
        let name = |i: Option<usize>| i.map(|i| parties.party(i).name.clone());
        let gop = name(parties.by_name("Republican Party"));
        assert!(gop.is_some());
        assert_eq!(name(parties.by_name("GOP")), gop);
        assert_eq!(name(parties.by_member("Republicans")), gop);
        assert_eq!(name(parties.by_letter('R')), gop);
        assert_eq!(name(parties.by_letter('D')), name(parties.by_name("Democratic Party")));
        let tories = name(parties.by_member("Tories"));
        assert!(tories.is_some());
        assert_eq!(name(parties.by_member("Tory")), tories);
        assert_eq!(name(parties.by_member("Conservatives")), tories);
        assert_eq!(
            name(parties.by_name("Lib Dems")),
            name(parties.by_name("Liberal Democrats"))
        );
        assert!(parties.by_name("SNP").is_some());
        for state in ["Texas", "Calif.", "N.H.", "TX", "Mass."] {
            assert!(parties.is_us_state(state), "{state}");
        }
        assert!(!parties.is_us_state("Paris"));
        // Lower case is an adjective of politics, not a party's people.
        assert_eq!(parties.by_member("democrats"), None);
        for p in parties.iter() {
            assert!(lex.country_by_id(&p.country).is_some(), "{}", p.name);
        }
    }
}
