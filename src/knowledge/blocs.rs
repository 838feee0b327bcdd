//! Alliances and blocs with their member states and years (`resources/blocs.tsv`): military
//! alliances, whose members are allies of one another, political unions and trade blocs,
//! whose members are not allies by membership alone.

use crate::graph::fold;
use crate::knowledge::lexicon::Lexicon;
use rustc_hash::FxHashMap;

/// What membership means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlocKind {
    /// A mutual-defence or security alliance: its members are allies.
    Alliance,
    /// A political or economic union or organisation.
    Political,
    /// A trade bloc.
    Trade,
}

/// One member state and the years it belonged (`to` open while it still does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The state's country id.
    pub country: String,
    pub from: u16,
    pub to: Option<u16>,
}

impl Member {
    /// Whether the state belonged in `year` (without a year: belongs today).
    pub fn in_year(&self, year: Option<u16>) -> bool {
        match year {
            Some(y) => self.from <= y && self.to.is_none_or(|t| y <= t),
            None => self.to.is_none(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bloc {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: BlocKind,
    pub founded: u16,
    pub dissolved: Option<u16>,
    pub members: Vec<Member>,
}

impl Bloc {
    /// The membership of `state`, if it ever belonged (its present or latest spell first).
    pub fn member(&self, state: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.country == state)
    }

    /// The spell of `state` that covers `year` (without a year: its membership today).
    pub fn member_in(&self, state: &str, year: Option<u16>) -> Option<&Member> {
        self.members.iter().find(|m| m.country == state && m.in_year(year))
    }
}

/// Every bloc, and every folded name or alias -> its bloc.
#[derive(Debug, Default)]
pub struct Blocs {
    blocs: Vec<Bloc>,
    forms: FxHashMap<String, usize>,
    /// [`first_key`] of the first word of every form.
    first_words: rustc_hash::FxHashSet<u64>,
}

/// The hash of a word lower-cased with only its letters and digits kept, up to its first hyphen (`NATO`,
/// `nato`; `North-Atlantic` -> `north`): what a form's first word and a name's agree on.
fn first_key(word: &str) -> u64 {
    use std::hash::Hasher;
    let word = word
        .split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
        .next()
        .unwrap_or(word);
    let mut h = rustc_hash::FxHasher::default();
    for c in word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        h.write_u32(c as u32);
    }
    h.finish()
}

const FILE: &str = "resources/blocs.tsv";
const BLOCS_TSV: &str = include_str!("../../resources/blocs.tsv");
const COLUMNS: [&str; 6] = ["name", "aliases", "kind", "founded", "dissolved", "members"];

impl Blocs {
    pub fn embedded(lexicon: &Lexicon) -> Result<Blocs, String> {
        Blocs::parse(BLOCS_TSV, lexicon)
    }

    pub fn is_empty(&self) -> bool {
        self.blocs.is_empty()
    }

    /// The bloc a name or alias names, as written (`NATO`, `the Quad`).
    pub fn lookup(&self, name: &str) -> Option<&Bloc> {
        // Most names are no bloc: their first word, cheaply keyed, rules them out unfolded.
        let first = name.split_whitespace().find(|w| !w.eq_ignore_ascii_case("the"))?;
        if !self.first_words.contains(&first_key(first)) {
            return None;
        }
        self.forms.get(&fold(name)).map(|&i| &self.blocs[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Bloc> {
        self.blocs.iter()
    }

    pub fn parse(tsv: &str, lexicon: &Lexicon) -> Result<Blocs, String> {
        let mut out = Blocs::default();
        for (line, cols) in super::table::rows(FILE, tsv, &COLUMNS)? {
            let at = |m: String| format!("{FILE}:{line}: {m}");
            let bloc = parse_row(&cols, lexicon).map_err(at)?;
            let i = out.blocs.len();
            for form in std::iter::once(&bloc.name).chain(&bloc.aliases) {
                if let Some(w) = form.split_whitespace().find(|w| !w.eq_ignore_ascii_case("the")) {
                    out.first_words.insert(first_key(w));
                }
                if out.forms.insert(fold(form), i).is_some() {
                    return Err(at(format!("`{form}` names two blocs")));
                }
            }
            out.blocs.push(bloc);
        }
        Ok(out)
    }
}

fn parse_row(cols: &[&str], lexicon: &Lexicon) -> Result<Bloc, String> {
    let year = |s: &str| s.trim().parse::<u16>().map_err(|_| format!("`{s}` is not a year"));
    let kind = match cols[2] {
        "alliance" => BlocKind::Alliance,
        "political" => BlocKind::Political,
        "trade" => BlocKind::Trade,
        other => return Err(format!("unknown kind `{other}` (alliance, political or trade)")),
    };
    let mut members = Vec::new();
    for m in cols[5].split('|').filter(|s| !s.trim().is_empty()) {
        let (state, years) = m
            .rsplit_once(':')
            .ok_or_else(|| format!("member `{m}`: expected `State:YYYY` or `State:YYYY-YYYY`"))?;
        let country = lexicon
            .country_by_id(&crate::graph::slug(state.trim()))
            .ok_or_else(|| format!("member `{m}`: `{state}` is not a state of countries.tsv"))?;
        let (from, to) = match years.split_once('-') {
            Some((a, b)) => (year(a)?, Some(year(b)?)),
            None => (year(years)?, None),
        };
        members.push(Member {
            country: country.id.clone(),
            from,
            to,
        });
    }
    Ok(Bloc {
        name: cols[0].to_string(),
        aliases: cols[1]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        kind,
        founded: year(cols[3])?,
        dissolved: if cols[4].trim().is_empty() {
            None
        } else {
            Some(year(cols[4])?)
        },
        members,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_the_embedded_blocs_is_a_state() {
        let lex = Lexicon::embedded().unwrap();
        let blocs = Blocs::embedded(&lex).expect("resources/blocs.tsv parses");
        let nato = blocs.lookup("NATO").expect("NATO is listed");
        assert_eq!(nato.kind, BlocKind::Alliance);
        // Every member today, the founders of 1949 and the latest accession (Sweden, 2024).
        assert_eq!(nato.members.iter().filter(|m| m.in_year(None)).count(), 32);
        assert!(nato.member("france").is_some_and(|m| m.from == 1949));
        assert!(
            nato.member("sweden")
                .is_some_and(|m| m.from == 2024 && !m.in_year(Some(2020)))
        );
        let eu = blocs.lookup("European Union").expect("the EU is listed");
        assert_eq!(eu.kind, BlocKind::Political);
        let uk = eu.member("united-kingdom").expect("the UK was a member");
        assert!(uk.in_year(Some(1999)) && !uk.in_year(None));
        for (name, size) in [("the Quad", 4), ("AUKUS", 3), ("Five Eyes", 5), ("GCC", 6)] {
            let bloc = blocs.lookup(name).unwrap_or_else(|| panic!("{name} is listed"));
            assert_eq!(bloc.members.len(), size, "{name}");
        }
    }

    #[test]
    fn bad_rows_are_refused() {
        let lex = Lexicon::embedded().unwrap();
        let head = "name\taliases\tkind\tfounded\tdissolved\tmembers\n";
        let bad = [
            ("X\t\tclub\t1990\t\tFrance:1990\n", "unknown kind"),
            ("X\t\talliance\t1990\t\tAtlantis:1990\n", "not a state"),
            ("X\t\talliance\t1990\t\tFrance\n", "expected `State:YYYY`"),
            (
                "X\tY\talliance\t1990\t\t\nZ\tY\talliance\t1990\t\t\n",
                "names two blocs",
            ),
        ];
        for (rows, want) in bad {
            let err = Blocs::parse(&format!("{head}{rows}"), &lex).unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }
}
