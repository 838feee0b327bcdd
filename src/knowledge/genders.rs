//! The gender news writes for a person (`he`, `she`): from the given name
//! (`resources/given_genders.tsv`, counted from coreference chains of the PolNeAR training
//! articles by `scripts/build_genders.py`) or from a word written before the name (cue classes
//! `female` and `male`: `Mrs.`, `Queen`, `Congresswoman`). Pronouns agree with it.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The gender of a pronoun of one person: `she`, `her` -> female; `he`, `him`, `his` -> male.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            _ => None,
        }
    }
}

/// Given names with the gender of their bearers.
#[derive(Debug, Clone, Default)]
pub struct Genders {
    names: HashMap<String, Gender>,
}

const GIVEN_GENDERS_TSV: &str = include_str!("../../resources/given_genders.tsv");

impl Genders {
    pub fn embedded() -> Result<Genders, String> {
        Genders::parse(GIVEN_GENDERS_TSV)
    }

    /// Parses `name<TAB>gender<TAB>pronouns` lines after a header; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Genders, String> {
        let mut names = HashMap::new();
        let rows = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        for (n, line) in rows.skip(1) {
            let mut cols = line.split('\t');
            let (Some(name), Some(g)) = (cols.next(), cols.next()) else {
                return Err(format!("given_genders.tsv:{}: want name, gender, pronouns", n + 1));
            };
            let gender = match g {
                "f" => Gender::Female,
                "m" => Gender::Male,
                other => return Err(format!("given_genders.tsv:{}: gender `{other}` is not f or m", n + 1)),
            };
            names.insert(name.to_string(), gender);
        }
        Ok(Genders { names })
    }

    /// The gender of a person's name by its first word (`Hillary Clinton`).
    pub fn of_name(&self, name: &str) -> Option<Gender> {
        let first = name.split_whitespace().next()?;
        self.names.get(first).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_pronouns_have_their_gender() {
        let g = Genders::parse("# c\nname\tgender\tpronouns\nAda\tf\t9\nBram\tm\t5\n").unwrap();
        assert_eq!(g.of_name("Ada Quill"), Some(Gender::Female));
        assert_eq!(g.of_name("Bram Osk"), Some(Gender::Male));
        assert_eq!(g.of_name("Quill"), None);
        assert_eq!(Gender::of_pronoun("Her"), Some(Gender::Female));
        assert_eq!(Gender::of_pronoun("his"), Some(Gender::Male));
        assert!(Genders::parse("name\tgender\nAda\tx\n").is_err());
        assert!(Genders::embedded().unwrap().len() > 40);
    }
}
