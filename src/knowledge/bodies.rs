//! Generic names of government bodies (`resources/bodies.tsv`): `Foreign Ministry`, `Lower
//! House`, `Supreme Court`. Alone none of them says whose body it is; with a state before or
//! after it (`the Japanese Foreign Ministry`, `Peru's Defense Ministry`, `the Ministry of
//! Defence of Chile`) it is an institution of that state.

use crate::graph::fold;
use rustc_hash::FxHashMap;

/// Every body form, folded -> its canonical name and its kind (a `KINDS` word).
#[derive(Debug, Default)]
pub struct Bodies {
    forms: FxHashMap<String, (String, &'static str)>,
}

const FILE: &str = "resources/bodies.tsv";
const BODIES_TSV: &str = include_str!("../../resources/bodies.tsv");
const COLUMNS: [&str; 3] = ["body", "aliases", "kind"];
const KINDS: [&str; 9] = [
    "ministry",
    "legislature",
    "chamber",
    "court",
    "bank",
    "agency",
    "military",
    "cabinet",
    "office",
];

impl Bodies {
    pub fn embedded() -> Result<Bodies, String> {
        Bodies::parse(BODIES_TSV)
    }

    /// The canonical name of the body a form names (`Ministry of Defence` -> `Defense
    /// Ministry`), case, periods and a leading `the` aside.
    pub fn lookup(&self, form: &str) -> Option<&str> {
        self.forms.get(&fold(form)).map(|(name, _)| name.as_str())
    }

    /// The kind of body a form names (`ministry`, `bank`, ...; see `resources/bodies.tsv`).
    pub fn kind(&self, form: &str) -> Option<&'static str> {
        self.forms.get(&fold(form)).map(|&(_, kind)| kind)
    }

    pub fn parse(tsv: &str) -> Result<Bodies, String> {
        let mut out = Bodies::default();
        for (line, cols) in super::table::rows(FILE, tsv, &COLUMNS)? {
            let at = |m: String| format!("{FILE}:{line}: {m}");
            let Some(&kind) = KINDS.iter().find(|&&k| k == cols[2]) else {
                return Err(at(format!("unknown kind `{}` ({})", cols[2], KINDS.join(", "))));
            };
            let forms = std::iter::once(cols[0]).chain(cols[1].split('|')).map(str::trim);
            for form in forms.filter(|f| !f.is_empty()) {
                if let Some((other, _)) = out.forms.insert(fold(form), (cols[0].to_string(), kind))
                    && other != cols[0]
                {
                    return Err(at(format!("`{form}` is also a form of {other}")));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_bodies() {
        let bodies = Bodies::embedded().expect("resources/bodies.tsv parses");
        let cases = [
            ("Foreign Ministry", Some("Foreign Ministry")),
            ("the Ministry of Foreign Affairs", Some("Foreign Ministry")),
            ("Defence Ministry", Some("Defense Ministry")),
            ("Lower House", Some("Lower House")),
            ("Supreme Court", Some("Supreme Court")),
            ("Ministry of Magic Affairs", None),
            ("Harvard University", None),
        ];
        for (form, want) in cases {
            assert_eq!(bodies.lookup(form), want, "{form}");
        }
    }
}
