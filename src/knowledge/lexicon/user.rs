//! The user's own lexicons (`--lexicon FILE`): actors a desk knows better than the built-in
//! lists, in the TSV dialect of `resources/` (TAB between columns, `|` between aliases, `#`
//! comments, an optional header line `name kind aliases country role`).
//!
//! A file is read line by line so that one malformed line costs only itself: it is reported
//! with its file, line number and the fix, and every other entry is kept. Entries are merged
//! into the [`Lexicon`](super::Lexicon) by `load`, where they go through the same gazetteer as
//! the built-in countries and outlets and win every form they share with a built-in entry.

use super::tsv::{normalise, split_list};
use crate::graph::ActorKind;
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

/// The columns, in order; `country` and `role` may be left out at the end of a line.
pub const COLUMNS: [&str; 5] = ["name", "kind", "aliases", "country", "role"];

/// One actor the user knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    /// Canonical name: the node's label; its slug is the node id.
    pub name: String,
    pub kind: ActorKind,
    /// Other spellings that always mean this actor.
    pub aliases: Vec<String>,
    /// A country as the user wrote it (name, alias or id); checked when the lexicon is built.
    pub country: Option<String>,
    /// Free text (`defence minister`), kept with the actor.
    pub role: Option<String>,
    /// `file:line`, for messages.
    pub origin: String,
}

impl UserEntry {
    /// The canonical name first, then the aliases, each once.
    pub fn forms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.name.as_str()];
        for a in &self.aliases {
            if !out.contains(&a.as_str()) {
                out.push(a);
            }
        }
        out
    }
}

/// Every entry of the user's files, in file and line order, no two sharing a form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserLexicon {
    pub entries: Vec<UserEntry>,
    /// Files in the actor dictionary's layout (header `name kind aliases code roles
    /// wikidata`, as `resources/actors.tsv`): (file name, text), laid over the dictionary.
    pub dictionary_tables: Vec<(String, String)>,
    /// Normalised form -> origin of the entry that has it.
    owners: HashMap<String, String>,
}

impl UserLexicon {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reads every file in order. A file that cannot be read is an error; a malformed line is
    /// a problem returned beside the entries that did parse.
    pub fn read_files(paths: &[impl AsRef<Path>]) -> Result<(UserLexicon, Vec<Error>)> {
        let mut lexicon = UserLexicon::default();
        let mut problems = Vec::new();
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|cause| Error::Read {
                path: path.to_path_buf(),
                cause,
            })?;
            problems.extend(lexicon.add_text(&path.display().to_string(), &text));
        }
        Ok((lexicon, problems))
    }

    /// Adds the entries of one file's text; returns the problems of the lines left out.
    pub fn add_text(&mut self, file: &str, text: &str) -> Vec<Error> {
        // Editors on some systems start a UTF-8 file with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first_data = text
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if first_data.is_some_and(is_dictionary_header) {
            self.dictionary_tables.push((file.to_string(), text.to_string()));
            return Vec::new();
        }
        let mut problems = Vec::new();
        let mut seen_data = false;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let first = !seen_data;
            seen_data = true;
            if first && is_header(line) {
                continue;
            }
            let origin = format!("{file}:{}", i + 1);
            let added = parse_line(line, &origin).and_then(|e| self.claim(e));
            if let Err(message) = added {
                problems.push(Error::Invalid {
                    what: origin,
                    message: format!("{message}; the line is left out"),
                });
            }
        }
        problems
    }

    /// Keeps an entry unless one of its forms already belongs to another entry.
    fn claim(&mut self, entry: UserEntry) -> std::result::Result<(), String> {
        let keys: Vec<String> = entry.forms().iter().map(|f| normalise(f)).collect();
        if let Some((k, at)) = keys.iter().find_map(|k| self.owners.get(k).map(|at| (k, at))) {
            return Err(format!(
                "`{k}` is already listed at {at} for another actor; keep each spelling in one entry \
                 (put it in that entry's aliases)"
            ));
        }
        for k in keys {
            self.owners.insert(k, entry.origin.clone());
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Whether `form` (any case or hyphenation) is a name or alias of a user entry.
    pub fn owns(&self, form: &str) -> bool {
        self.owners.contains_key(&normalise(form))
    }
}

/// Puts problems in file and line order (those found while reading and those found while
/// building the lexicon come from two passes), so that stderr reads like the files.
pub fn sort_problems(problems: &mut [Error]) {
    problems.sort_by_cached_key(|e| match e {
        Error::Invalid { what, .. } => match what.rsplit_once(':') {
            Some((file, line)) => (file.to_string(), line.parse::<usize>().unwrap_or(0)),
            None => (what.clone(), 0),
        },
        other => (other.to_string(), 0),
    });
}

/// The header of the actor dictionary's layout (`crate::knowledge::dictionary`).
fn is_dictionary_header(line: &str) -> bool {
    line.split('\t')
        .map(str::trim)
        .eq(["name", "kind", "aliases", "code", "roles", "wikidata"])
}

fn is_header(line: &str) -> bool {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    cells == COLUMNS[..cells.len().min(COLUMNS.len())] && cells.len() >= 2
}

/// One data line; the error message says what to write instead.
fn parse_line(line: &str, origin: &str) -> std::result::Result<UserEntry, String> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cells.len() < 2 {
        let hint = if line.contains("  ") || line.contains(',') {
            " (spaces or commas do not separate columns)"
        } else {
            ""
        };
        return Err(format!(
            "no TAB found{hint}; write `name<TAB>kind<TAB>aliases<TAB>country<TAB>role`, \
             the last three may be empty"
        ));
    }
    if cells.len() > COLUMNS.len() {
        return Err(format!(
            "{} columns, at most {} ({}); put several aliases in one column separated by `|`",
            cells.len(),
            COLUMNS.len(),
            COLUMNS.join(", ")
        ));
    }
    let cell = |i: usize| cells.get(i).copied().filter(|c| !c.is_empty());
    let name = cell(0).ok_or("the name is empty; write the actor's canonical name first")?;
    check_form(name)?;
    let kind = parse_kind(cells[1])?;
    let aliases: Vec<String> = cell(2)
        .map(split_list)
        .unwrap_or_default()
        .into_iter()
        .map(String::from)
        .collect();
    for a in &aliases {
        check_form(a)?;
    }
    Ok(UserEntry {
        name: name.to_string(),
        kind,
        aliases,
        country: cell(3).map(String::from),
        role: cell(4).map(String::from),
        origin: origin.to_string(),
    })
}

fn parse_kind(s: &str) -> std::result::Result<ActorKind, String> {
    match ActorKind::parse(s) {
        Some(k) if k != ActorKind::Document => Ok(k),
        _ => Err(format!(
            "kind `{s}`; write leader, analyst, person, institute, outlet or country (lower case)"
        )),
    }
}

/// A form is matched as a whole word, so it must start and end with a letter or digit.
fn check_form(form: &str) -> std::result::Result<(), String> {
    let edge_ok = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if !edge_ok(form.chars().next()) || !(edge_ok(form.chars().next_back()) || form.ends_with('.')) {
        return Err(format!(
            "`{form}` must start with a letter or digit and end with one (or a period); \
             remove the quotes or punctuation around it"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (UserLexicon, Vec<String>) {
        let mut l = UserLexicon::default();
        let problems = l.add_text("my.tsv", text).iter().map(ToString::to_string).collect();
        (l, problems)
    }

    #[test]
    fn header_comments_and_optional_columns() {
        let (l, problems) = parse(
            "\u{feff}# my desk\nname\tkind\taliases\tcountry\trole\n\
             Vera Quillan\tleader\tV. Quillan|Quillan\tFrance\tdefence minister\n\n\
             Orvane Trust\tinstitute\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(l.entries.len(), 2);
        let v = &l.entries[0];
        assert_eq!(v.kind, ActorKind::Leader);
        assert_eq!(v.forms(), ["Vera Quillan", "V. Quillan", "Quillan"]);
        assert_eq!(v.country.as_deref(), Some("France"));
        assert_eq!(v.role.as_deref(), Some("defence minister"));
        assert_eq!(v.origin, "my.tsv:3");
        assert_eq!(l.entries[1].aliases, Vec::<String>::new());
        assert!(l.owns("vera quillan") && l.owns("QUILLAN") && !l.owns("Vera"));
    }

    #[test]
    fn problems_sort_by_file_then_line_number() {
        let p = |what: &str| Error::Invalid {
            what: what.into(),
            message: String::new(),
        };
        let mut problems = vec![p("b.tsv:2"), p("a.tsv:10"), p("a.tsv:9")];
        sort_problems(&mut problems);
        let order: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(order, ["a.tsv:9: ", "a.tsv:10: ", "b.tsv:2: "]);
    }

    /// Each malformed line is reported with its line number and the fix; the others stay.
    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let cases: [(&str, &str); 6] = [
            ("Zed Harlow leader", "no TAB found"),
            ("Zed Harlow\tminister", "kind `minister`; write leader"),
            ("\tleader", "the name is empty"),
            ("Zed Harlow\tperson\ta\tb\tc\td", "6 columns"),
            ("\"Zed Harlow\"\tperson", "must start with a letter"),
            ("Ilse Varga\tanalyst", "already listed at my.tsv:1"),
        ];
        for (bad, want) in cases {
            let text = format!("Ilse Varga\tanalyst\n{bad}\nOrvane Trust\tinstitute\n");
            let (l, problems) = parse(&text);
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
            assert!(problems[0].starts_with("my.tsv:2: "), "{}", problems[0]);
            assert!(problems[0].contains(want), "{bad}: {}", problems[0]);
            assert_eq!(l.entries.len(), 2, "{bad}: the good lines are kept");
        }
    }
}
