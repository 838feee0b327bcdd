//! The TSV dialect of `resources/`: a header line, `#` comments, tab-separated columns,
//! `|`-separated values inside a column, `y`/`n` flags; and the lookup keys built from it.

use crate::{Error, Result};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::hash_map::Entry;

/// One parsed resource file: the data rows, each with its line number for error messages.
pub(super) struct Table<'a> {
    pub file: &'static str,
    columns: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
}

pub(super) struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
}

/// Parses `text` (the content of `resources/{file}`) and checks that its header is exactly
/// `columns`, so a column added or renamed in the file cannot be read silently wrong.
pub(super) fn parse<'a>(file: &'static str, text: &'a str, columns: &[&str]) -> Result<Table<'a>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((hline, header)) = lines.next() else {
        return Err(invalid(file, 0, "the file is empty; it needs a header line".into()));
    };
    let found: Vec<&str> = header.split('\t').map(str::trim).collect();
    if found != columns {
        return Err(invalid(
            file,
            hline,
            format!("header is {found:?}; expected the tab-separated columns {columns:?}"),
        ));
    }
    let mut rows = Vec::new();
    for (line, l) in lines {
        let cells: Vec<&str> = l.split('\t').map(str::trim).collect();
        if cells.len() != columns.len() {
            return Err(invalid(
                file,
                line,
                format!(
                    "{} columns, expected {}; separate columns with one TAB each",
                    cells.len(),
                    columns.len()
                ),
            ));
        }
        if cells[0].is_empty() {
            return Err(invalid(
                file,
                line,
                format!("the first column `{}` is empty", columns[0]),
            ));
        }
        rows.push(Row { line, cells });
    }
    Ok(Table {
        file,
        columns: found,
        rows,
    })
}

impl<'a> Table<'a> {
    fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("no column `{name}` in the schema of {}", self.file))
    }

    /// The single value of a column.
    pub fn get(&self, row: &Row<'a>, name: &str) -> &'a str {
        row.cells[self.col(name)]
    }

    /// The `|`-separated values of a column, blanks dropped.
    pub fn list(&self, row: &Row<'a>, name: &str) -> Vec<&'a str> {
        split_list(self.get(row, name))
    }

    /// A `y`/`n` column; empty reads as `n`.
    pub fn flag(&self, row: &Row<'a>, name: &str) -> Result<bool> {
        match self.get(row, name) {
            "y" => Ok(true),
            "n" | "" => Ok(false),
            other => Err(self.error(row, format!("column `{name}` is `{other}`; write `y` or `n`"))),
        }
    }

    pub fn error(&self, row: &Row<'a>, message: String) -> Error {
        invalid(self.file, row.line, message)
    }
}

pub(super) fn split_list(cell: &str) -> Vec<&str> {
    cell.split('|').map(str::trim).filter(|v| !v.is_empty()).collect()
}

pub(super) fn invalid(file: &str, line: usize, message: String) -> Error {
    Error::Invalid {
        what: format!("resources/{file}:{line}"),
        message,
    }
}

/// The lookup key of a surface form: case-folded, curly apostrophes made straight, hyphens and
/// dashes read as spaces, runs of white space made one. Periods stay, so `U.S.` keeps its key.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Most text is ASCII, whose lowercase needs no table lookup.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A form written without lower-case letters (`US`, `U.S.`, `DPRK`, `CNN`): its folded key must
/// not catch ordinary lower-case words (`us`, `car`), so it only matches queries that are
/// themselves without lower-case letters.
fn is_case_strict(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !form.chars().any(char::is_lowercase)
}

/// Lookup from surface forms to values: the form as written first, then its normalised key.
/// Two different values under one written form or one key are a data error, reported with the
/// lines involved, so every key in a file names one entry.
pub(super) struct Index<T> {
    exact: HashMap<String, Slot<T>>,
    folded: HashMap<String, Slot<T>>,
    /// Normalised keys cut after each word but the last (`secretary of the` for `secretary of
    /// the treasury`), so a longest-match search can stop as soon as no key goes on.
    prefixes: HashSet<String>,
    max_words: usize,
}

struct Slot<T> {
    value: T,
    strict: bool,
    /// Where the form came from, for the duplicate error.
    origin: String,
}

impl<T: Clone + PartialEq> Index<T> {
    pub fn new() -> Index<T> {
        Index {
            exact: HashMap::default(),
            folded: HashMap::default(),
            prefixes: HashSet::default(),
            max_words: 0,
        }
    }

    /// Adds `form` for `value`; `origin` is `file:line` of the row that lists it.
    pub fn insert(&mut self, form: &str, value: T, origin: &str) -> std::result::Result<(), String> {
        let strict = is_case_strict(form);
        put(&mut self.exact, form.to_string(), value.clone(), strict, origin)?;
        let key = normalise(form);
        let mut words = 0;
        for (at, _) in key.match_indices(' ') {
            self.prefixes.insert(key[..at].to_string());
            words += 1;
        }
        self.max_words = self.max_words.max(words + 1);
        put(&mut self.folded, key, value, strict, origin)
    }

    /// What [`Index::get`] finds for `s`, and whether some longer key starts with `s` and a
    /// space: a longest-match search asks both at every step, so `s` is normalised once.
    pub fn probe(&self, s: &str) -> (Option<&T>, bool) {
        let key = normalise(s);
        let found = match self.exact.get(s) {
            Some(slot) => Some(&slot.value),
            None => self.folded_get(s, &key),
        };
        (found, self.prefixes.contains(&key))
    }

    /// The most words in a normalised key.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    pub fn get(&self, s: &str) -> Option<&T> {
        if let Some(slot) = self.exact.get(s) {
            return Some(&slot.value);
        }
        self.folded_get(s, &normalise(s))
    }

    /// The entry under `key`, the normalised form of `s`, unless it is case-strict and `s`
    /// has lower-case letters.
    fn folded_get(&self, s: &str, key: &str) -> Option<&T> {
        let slot = self.folded.get(key)?;
        if slot.strict && s.chars().any(char::is_lowercase) {
            return None;
        }
        Some(&slot.value)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.folded.len()
    }
}

fn put<T: PartialEq>(
    map: &mut HashMap<String, Slot<T>>,
    key: String,
    value: T,
    strict: bool,
    origin: &str,
) -> std::result::Result<(), String> {
    match map.entry(key) {
        Entry::Vacant(v) => {
            v.insert(Slot {
                value,
                strict,
                origin: origin.to_string(),
            });
            Ok(())
        }
        Entry::Occupied(mut o) => {
            if o.get().value != value {
                return Err(format!(
                    "`{}` is already listed at {} for another entry; keep it in one row only",
                    o.key(),
                    o.get().origin
                ));
            }
            // One entry may list a form twice in different spellings (`TASS`, `Tass`); the
            // folded key then stays strict only if every spelling is.
            o.get_mut().strict &= strict;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_keys() {
        let cases = [
            ("Foreign Minister", "foreign minister"),
            ("  Kim   Jong-un ", "kim jong un"),
            ("Workers\u{2019} Party", "workers' party"),
            ("U.S.", "u.s."),
            ("Commander\u{2013}in\u{2013}Chief", "commander in chief"),
            ("ÉLYSÉE", "élysée"),
        ];
        for (s, want) in cases {
            assert_eq!(normalise(s), want, "{s}");
        }
    }

    #[test]
    fn header_and_column_count_are_checked() {
        let cols = ["a", "b"];
        assert!(parse("t.tsv", "# c\na\tb\nx\ty\n\n", &cols).is_ok());
        let bad_header = parse("t.tsv", "a\tc\nx\ty\n", &cols).err().unwrap().to_string();
        assert!(bad_header.contains("resources/t.tsv:1"), "{bad_header}");
        let short = parse("t.tsv", "a\tb\nx\n", &cols).err().unwrap().to_string();
        assert!(
            short.contains("resources/t.tsv:2") && short.contains("1 columns"),
            "{short}"
        );
        assert!(parse("t.tsv", "# only a comment\n", &cols).is_err());
        assert!(parse("t.tsv", "a\tb\n\tq\n", &cols).is_err());
    }

    #[test]
    fn flags_and_lists() {
        let t = parse("t.tsv", "a\tb\nx| y ||z\ty\nw\tmaybe\n", &["a", "b"]).unwrap();
        assert_eq!(t.list(&t.rows[0], "a"), vec!["x", "y", "z"]);
        assert!(t.flag(&t.rows[0], "b").unwrap());
        assert!(t.flag(&t.rows[1], "b").is_err());
    }

    #[test]
    fn index_prefers_exact_and_guards_acronyms() {
        let mut ix = Index::new();
        ix.insert("US", 1, "f:1").unwrap();
        ix.insert("Kremlin", 2, "f:2").unwrap();
        assert_eq!(ix.get("US"), Some(&1));
        assert_eq!(ix.get("us"), None, "the pronoun is not the country");
        assert_eq!(ix.get("Us"), None);
        assert_eq!(ix.get("KREMLIN"), Some(&2));
        assert_eq!(ix.get("kremlin"), Some(&2));
    }

    #[test]
    fn index_rejects_a_key_shared_by_two_entries() {
        let mut ix = Index::new();
        ix.insert("Congo", 1, "f:1").unwrap();
        ix.insert("Congo", 1, "f:1").unwrap();
        let err = ix.insert("CONGO", 2, "f:9").unwrap_err();
        assert!(err.contains("f:1"), "{err}");
    }
}
