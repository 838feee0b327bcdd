//! Names that are never actors (`--stoplist FILE`): page furniture of one site, a column
//! title, a sponsor. Applied to each document's extraction before documents are joined, so
//! a stop-listed name leaves no node, no edge and no mention.

use crate::extract::{Extraction, Target};
use crate::graph::fold;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// Folded names. What an entry does depends on what it matches (folded: case, hyphens,
/// periods, a possessive and a leading `the` do not matter):
/// - an actor's label (its full name) or its id: the actor goes, with its edges and mentions;
/// - only an alias of an actor called something else: the alias goes (the node is no longer
///   called so, and mentions written so are dropped), the actor stays. A stop-listed surname
///   must not take the full-named person with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StopList {
    names: BTreeSet<String>,
}

impl StopList {
    /// One name a line; blank lines and `#` comments are ignored.
    pub fn parse(text: &str) -> StopList {
        let names = text
            .lines()
            .map(|l| l.split_once('#').map_or(l, |(before, _)| before))
            .map(fold)
            .filter(|f| !f.is_empty())
            .collect();
        StopList { names }
    }

    pub fn read_file(path: &Path) -> crate::Result<StopList> {
        std::fs::read_to_string(path)
            .map(|t| StopList::parse(&t))
            .map_err(|cause| crate::Error::Read {
                path: path.to_path_buf(),
                cause,
            })
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&fold(name))
    }

    /// Drops the stop-listed actors of one document, their relations and their mentions.
    pub fn apply(&self, ex: &mut Extraction) {
        if self.is_empty() {
            return;
        }
        let gone: Vec<bool> = ex
            .actors
            .iter()
            .map(|a| self.contains(&a.label) || a.fixed_id.as_deref().is_some_and(|id| self.contains(id)))
            .collect();
        for a in ex.actors.iter_mut() {
            a.aliases.retain(|s| !self.contains(s));
            let label = fold(&a.label);
            a.strong.retain(|s| !self.names.contains(s) || *s == label);
        }
        if !gone.contains(&true) {
            self.drop_mentions(ex, &HashSet::new());
            return;
        }
        // New index of each kept actor, so relations keep pointing at the right ones.
        let mut new_index = Vec::with_capacity(gone.len());
        let mut next = 0;
        for &g in &gone {
            new_index.push((!g).then(|| {
                next += 1;
                next - 1
            }));
        }
        ex.relations.retain_mut(|r| {
            let source = new_index[r.source];
            let target = match r.target {
                Target::Actor(t) => new_index[t].map(Target::Actor),
                Target::Document => Some(Target::Document),
            };
            match (source, target) {
                (Some(s), Some(t)) => {
                    r.source = s;
                    r.target = t;
                    true
                }
                _ => false,
            }
        });
        let labels: HashSet<String> = ex
            .actors
            .iter()
            .zip(&gone)
            .filter(|(_, g)| **g)
            .map(|(a, _)| a.label.clone())
            .collect();
        let mut keep = gone.iter().map(|g| !g);
        ex.actors.retain(|_| keep.next().unwrap_or(true));
        self.drop_mentions(ex, &labels);
    }

    /// Mentions go when their own text is stop-listed, or when they belong to an entity one
    /// of whose mentions is a dropped actor's label.
    fn drop_mentions(&self, ex: &mut Extraction, dropped_labels: &HashSet<String>) {
        let entities: HashSet<String> = ex
            .mentions
            .iter()
            .filter(|m| dropped_labels.contains(&m.text))
            .map(|m| m.entity.clone())
            .collect();
        ex.mentions
            .retain(|m| !entities.contains(&m.entity) && !self.contains(&m.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_and_comments_ignored() {
        let s = StopList::parse("# site furniture\nDaily Brief Team\n\n  the Morning-Wire  # a column\n");
        assert!(s.contains("daily brief team"));
        assert!(s.contains("Morning Wire"));
        assert!(s.contains("The Morning Wire's"));
        assert!(!s.contains("a column"));
        assert!(!s.contains("Daily Brief"));
    }
}
