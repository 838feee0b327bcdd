//! The actor dictionary: people and organisations of the world with their dated roles, compiled
//! from open actor dictionaries (`resources/actors.tsv`, written by
//! `scripts/build_knowledge.py` from the Phoenix/CAMEO dictionaries and the US Congress data).
//!
//! An entry is a canonical name, its kind, the full spellings that always mean it, its CAMEO
//! code and its roles: a target (a state, or another entry such as a party or an
//! intergovernmental organisation), a CAMEO sector and a date range. The extractor links a
//! mention to an entry only by a full form listed here (`extract::link`); the dictionary never
//! adds an actor the text does not name.

use crate::graph::{ActorKind, fold, slug};
use crate::knowledge::lexicon::Lexicon;
use rustc_hash::FxHashMap;

/// A calendar day as `yyyymmdd`, so that dates compare as numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub u32);

impl Day {
    /// `2009-01-20` (and any longer text starting with it, such as a timestamp).
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Day(y * 10_000 + m * 100 + d))
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
    }
}

/// What a role ties its holder to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleTarget {
    /// A state, by its country id (`united-states`).
    Country(String),
    /// Another entry of the dictionary (a party, a legislature, an IGO), by index.
    Entry(usize),
}

/// One dated role: `USAGOV 2009-01-20 to 2017-01-20`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub target: RoleTarget,
    /// The CAMEO sector (`GOV`, `LEG`, `PTY`, `MNC`...).
    pub sector: String,
    pub start: Option<Day>,
    pub end: Option<Day>,
}

impl Role {
    /// Whether the role held on `day` (an open end holds).
    pub fn covers(&self, day: Day) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| day <= e)
    }

    /// `GOV 2009-01-20 to 2017-01-20`, as evidence shows it.
    pub fn describe(&self) -> String {
        let day = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
        match (self.start, self.end) {
            (None, None) => self.sector.clone(),
            (s, None) => format!("{} from {}", self.sector, day(s)),
            (s, e) => format!("{} {} to {}", self.sector, day(s), day(e)),
        }
    }
}

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// `slug(name)`: the node id of every actor linked to this entry, in every corpus.
    pub id: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// The entry's own CAMEO code (`USAGOV`, `MNCUSAMED`), when it has one.
    pub code: Option<String>,
    pub roles: Vec<Role>,
    pub wikidata: Option<String>,
}

/// Every entry, and every folded form -> its entry.
#[derive(Debug, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
    forms: FxHashMap<String, usize>,
    /// How many folded forms were left out because two entries share them.
    ambiguous: usize,
}

/// Where the compiled dictionary lives, for messages.
pub const FILE: &str = "resources/actors.tsv";
const ACTORS_TSV: &str = include_str!("../../resources/actors.tsv");
const COLUMNS: [&str; 6] = ["name", "kind", "aliases", "code", "roles", "wikidata"];

impl Dictionary {
    /// The dictionary compiled into the binary; role targets are checked against `lexicon`.
    pub fn embedded(lexicon: &Lexicon) -> Result<Dictionary, String> {
        Dictionary::parse(ACTORS_TSV, lexicon)
    }

    /// An empty dictionary: the knowledge layer turned off (`--no-knowledge`).
    pub fn empty() -> Dictionary {
        Dictionary::default()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// How many forms name no entry because two entries share them once folded.
    pub fn ambiguous_forms(&self) -> usize {
        self.ambiguous
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// The entry a full form names (case, accents, hyphens and periods do not matter).
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.lookup_folded(&fold(form))
    }

    /// As [`Dictionary::lookup`], for a form already folded with [`fold`].
    pub fn lookup_folded(&self, folded: &str) -> Option<usize> {
        self.forms.get(folded).copied()
    }

    /// The roles an actor held on `day`; without a day, its roles of the dictionary's present:
    /// toward states, toward parties and toward other organisations, the roles still open, else
    /// those of its last day in office (a monarch's several realms end together).
    pub fn roles_at<'a>(&self, e: &'a Entry, day: Option<Day>) -> Vec<&'a Role> {
        if let Some(day) = day {
            return e.roles.iter().filter(|r| r.covers(day)).collect();
        }
        let group = |r: &Role| match r.target {
            RoleTarget::Country(_) => 0,
            RoleTarget::Entry(_) if r.sector == "PTY" => 1,
            RoleTarget::Entry(_) => 2,
        };
        let mut out = Vec::new();
        for g in 0..3 {
            let roles: Vec<&Role> = e.roles.iter().filter(|r| group(r) == g).collect();
            let open: Vec<&Role> = roles
                .iter()
                .copied()
                .filter(|r| r.end.is_none() && r.start.is_some())
                .collect();
            if !open.is_empty() {
                out.extend(open);
            } else if let Some(last) = roles.iter().map(|r| r.end).max() {
                out.extend(roles.iter().copied().filter(|r| r.end == last));
            }
        }
        out
    }

    /// Parses the dictionary's TSV; `lexicon` resolves country targets. The first problem
    /// refuses the whole file with its line.
    pub fn parse(tsv: &str, lexicon: &Lexicon) -> Result<Dictionary, String> {
        Dictionary::parse_file(FILE, tsv, lexicon)
    }

    /// As [`Dictionary::parse`], naming `file` in messages (a user's `--lexicon` in this
    /// layout).
    pub fn parse_file(file: &str, tsv: &str, lexicon: &Lexicon) -> Result<Dictionary, String> {
        let rows = super::table::rows(file, tsv, &COLUMNS)?;
        let index: FxHashMap<&str, usize> = rows.iter().enumerate().map(|(i, (_, c))| (c[0], i)).collect();
        let mut d = Dictionary::default();
        for (line, cols) in &rows {
            let at = |m: String| format!("{file}:{line}: {m}");
            let kind = ActorKind::parse(cols[1]).ok_or_else(|| at(format!("unknown kind `{}`", cols[1])))?;
            let mut roles = Vec::new();
            for r in list(cols[4]) {
                roles.push(parse_role(r, &index, lexicon).map_err(at)?);
            }
            d.entries.push(Entry {
                name: cols[0].to_string(),
                id: slug(cols[0]),
                kind,
                aliases: list(cols[2]).map(str::to_string).collect(),
                code: non_empty(cols[3]),
                roles,
                wikidata: non_empty(cols[5]),
            });
        }
        // A form two entries share once folded (`Affi N'Guessan`, `Affi Nguessan`) names
        // neither: a link must be certain.
        let mut ambiguous = rustc_hash::FxHashSet::default();
        for (i, e) in d.entries.iter().enumerate() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                let key = fold(form);
                match d.forms.get(&key) {
                    Some(&j) if j != i => {
                        ambiguous.insert(key);
                    }
                    _ => {
                        d.forms.insert(key, i);
                    }
                }
            }
        }
        for key in &ambiguous {
            d.forms.remove(key);
        }
        d.ambiguous = ambiguous.len();
        Ok(d)
    }
}

impl Dictionary {
    /// Lays `user`'s entries over these: each is added, and every form it has names it from
    /// now on, whichever entry had the form before (the user knows better). Its roles may
    /// point at entries of its own file.
    pub fn overlay(&mut self, user: Dictionary) {
        let offset = self.entries.len();
        for mut e in user.entries {
            for r in &mut e.roles {
                if let RoleTarget::Entry(i) = &mut r.target {
                    *i += offset;
                }
            }
            let i = self.entries.len();
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                self.forms.insert(fold(form), i);
            }
            self.entries.push(e);
        }
    }

    /// Adds the parties of `resources/parties.tsv`: a party the dictionary already has (by
    /// name or alias) gains the list's aliases and plural member nouns (`Tories`,
    /// `Republicans`: the party as a body); any other becomes an entry tied to its state.
    /// A form that already names another entry stays with it.
    pub fn add_parties(&mut self, parties: &crate::knowledge::parties::Parties) {
        for p in parties.iter() {
            let forms: Vec<&String> = std::iter::once(&p.name)
                .chain(&p.aliases)
                .chain(p.members.iter().filter(|m| m.ends_with('s')))
                .collect();
            let i = match forms.iter().find_map(|f| self.lookup(f)) {
                Some(i) => i,
                None => {
                    self.entries.push(Entry {
                        name: p.name.clone(),
                        id: p.id.clone(),
                        kind: ActorKind::Institute,
                        aliases: Vec::new(),
                        code: None,
                        roles: vec![Role {
                            target: RoleTarget::Country(p.country.clone()),
                            sector: "PTY".into(),
                            start: None,
                            end: None,
                        }],
                        wikidata: None,
                    });
                    self.entries.len() - 1
                }
            };
            for form in forms {
                let key = fold(form);
                if self.forms.contains_key(&key) {
                    continue;
                }
                self.forms.insert(key, i);
                if *form != self.entries[i].name {
                    self.entries[i].aliases.push(form.clone());
                }
            }
        }
    }
}

fn list(col: &str) -> impl Iterator<Item = &str> {
    col.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// `United States;GOV;2009-01-20;2017-01-20`
fn parse_role(text: &str, index: &FxHashMap<&str, usize>, lexicon: &Lexicon) -> Result<Role, String> {
    let parts: Vec<&str> = text.split(';').collect();
    let [target, sector, start, end] = parts[..] else {
        return Err(format!("role `{text}`: expected `target;sector;start;end`"));
    };
    let day = |s: &str| -> Result<Option<Day>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        Day::parse(s)
            .filter(|_| s.len() == 10)
            .map(Some)
            .ok_or_else(|| format!("role `{text}`: `{s}` is not a date (YYYY-MM-DD)"))
    };
    let target = if let Some(&i) = index.get(target) {
        RoleTarget::Entry(i)
    } else if let Some(c) = lexicon.country_by_id(&slug(target)) {
        // By the name of countries.tsv: a user's lexicon may take the form `Malta` for a
        // person, never the state's own row.
        RoleTarget::Country(c.id.clone())
    } else {
        return Err(format!("role `{text}`: `{target}` is neither a country nor an entry"));
    };
    Ok(Role {
        target,
        sector: sector.to_string(),
        start: day(start)?,
        end: day(end)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "name\tkind\taliases\tcode\troles\twikidata\n\
        Ada Quill\tleader\tAda B. Quill\tFRAGOV\tFrance;ELI;1990-01-01;2001-05-01|France;GOV;2001-05-01;2007-05-01|Party of Tests;PTY;;\tQ1\n\
        Party of Tests\tinstitute\tPoT\t\tFrance;PTY;;\t\n\
        Widget Corp\tinstitute\tWidget\tMNCFRA\tFrance;MNC;;\t\n";

    fn dictionary() -> Dictionary {
        Dictionary::parse(TABLE, &Lexicon::embedded().expect("lexicon")).expect("parses")
    }

    #[test]
    fn forms_name_their_entry() {
        let d = dictionary();
        let cases = [
            ("Ada Quill", Some("Ada Quill")),
            ("ada b. quill", Some("Ada Quill")),
            ("PoT", Some("Party of Tests")),
            ("widget", Some("Widget Corp")),
            ("Quill", None),
        ];
        for (form, want) in cases {
            assert_eq!(d.lookup(form).map(|i| d.entry(i).name.as_str()), want, "{form}");
        }
    }

    #[test]
    fn dated_roles_before_during_and_after_office() {
        let d = dictionary();
        let ada = d.entry(d.lookup("Ada Quill").unwrap());
        let sectors = |day: Option<&str>| -> Vec<String> {
            d.roles_at(ada, day.map(|s| Day::parse(s).unwrap()))
                .iter()
                .map(|r| r.sector.clone())
                .collect()
        };
        // Before office she was a party figure; in office, government; the party all along.
        assert_eq!(sectors(Some("1995-06-01")), ["ELI", "PTY"]);
        assert_eq!(sectors(Some("2003-06-01")), ["GOV", "PTY"]);
        // On the day of the hand-over both roles hold.
        assert_eq!(sectors(Some("2001-05-01")), ["ELI", "GOV", "PTY"]);
        // Long after office no state role covers the day.
        assert_eq!(sectors(Some("2015-01-01")), ["PTY"]);
        // Without a date: the latest role toward a state, and the party.
        assert_eq!(sectors(None), ["GOV", "PTY"]);
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        let lex = Lexicon::embedded().unwrap();
        let bad = [
            ("name\tkind\n", "header"),
            (
                "name\tkind\taliases\tcode\troles\twikidata\nX Y\tgiant\t\t\t\t\n",
                "unknown kind",
            ),
            (
                "name\tkind\taliases\tcode\troles\twikidata\nX Y\tperson\t\t\tNowhere;GOV;;\t\n",
                "neither a country",
            ),
            (
                "name\tkind\taliases\tcode\troles\twikidata\nX Y\tperson\t\t\tFrance;GOV;2001;\t\n",
                "not a date",
            ),
        ];
        for (tsv, want) in bad {
            let err = Dictionary::parse(tsv, &lex).unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }

    #[test]
    fn a_form_of_two_entries_names_neither() {
        let lex = Lexicon::embedded().unwrap();
        let tsv = "name\tkind\taliases\tcode\troles\twikidata\n\
            Affi N'Guessan\tperson\t\t\t\t\nAffi Nguessan\tleader\t\t\t\t\nBo Tan\tperson\tB. Tan\t\t\t\n";
        let d = Dictionary::parse(tsv, &lex).unwrap();
        assert_eq!(d.lookup("Affi Nguessan"), None);
        assert_eq!(d.ambiguous_forms(), 1);
        assert!(d.lookup("B. Tan").is_some());
    }

    #[test]
    fn days_parse_and_print() {
        assert_eq!(Day::parse("2009-01-20"), Some(Day(20090120)));
        assert_eq!(Day::parse("2009-01-20T10:00:00Z"), Some(Day(20090120)));
        assert_eq!(Day::parse("2009-13-20"), None);
        assert_eq!(Day::parse("Jan 2009"), None);
        assert_eq!(Day(19870427).to_string(), "1987-04-27");
    }
}
