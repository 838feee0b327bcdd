//! The documents an actor occurs in: sorted, without repeats, each path shared.
//!
//! A sorted vector rather than a `BTreeSet`: a document node names only itself, and a B-tree
//! spends an eleven-slot leaf on that one path. Over a 100 MB corpus those leaves, and the
//! slack in the big actors' trees, came to about a tenth of the peak memory.

use super::DocPath;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocSet(Vec<DocPath>);

impl DocSet {
    pub fn new() -> DocSet {
        DocSet::default()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paths in order.
    pub fn iter(&self) -> std::slice::Iter<'_, DocPath> {
        self.0.iter()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.0.binary_search_by(|p| (**p).cmp(path)).is_ok()
    }

    /// Adds a path; false when it was there already.
    pub fn insert(&mut self, path: impl Into<DocPath>) -> bool {
        let path = path.into();
        match self.0.binary_search(&path) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, path);
                true
            }
        }
    }
}

impl<T: Into<DocPath>> Extend<T> for DocSet {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let before = self.0.len();
        self.0.extend(items.into_iter().map(Into::into));
        // Two sorted runs, which the stable sort merges in one pass; skipped when the new
        // paths all come after the old ones, as they do in reading order.
        if !self.0[before.saturating_sub(1)..].is_sorted() {
            self.0.sort();
        }
        self.0.dedup();
    }
}

impl<T: Into<DocPath>> FromIterator<T> for DocSet {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> DocSet {
        let mut set = DocSet::new();
        set.extend(items);
        set
    }
}

impl<'a> IntoIterator for &'a DocSet {
    type Item = &'a DocPath;
    type IntoIter = std::slice::Iter<'a, DocPath>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for DocSet {
    type Item = DocPath;
    type IntoIter = std::vec::IntoIter<DocPath>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Serialize for DocSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(&self.0)
    }
}

impl<'de> Deserialize<'de> for DocSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DocSet, D::Error> {
        Vec::<DocPath>::deserialize(d).map(DocSet::from_iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(set: &DocSet) -> Vec<&str> {
        set.iter().map(|p| &**p).collect()
    }

    #[test]
    fn stays_sorted_and_unique_however_paths_arrive() {
        let cases: &[(&[&str], &[&str])] = &[
            (&[], &[]),
            (&["b", "a", "b"], &["a", "b"]),
            (&["a", "b", "c"], &["a", "b", "c"]),
            (&["c", "b", "a", "a"], &["a", "b", "c"]),
        ];
        for (input, want) in cases {
            let set: DocSet = input.iter().copied().collect();
            assert_eq!(paths(&set), *want, "{input:?}");
        }
    }

    #[test]
    fn extend_merges_runs_and_insert_reports_news() {
        let mut set: DocSet = ["b", "d"].into_iter().collect();
        set.extend(["a", "d", "e"]);
        assert_eq!(paths(&set), ["a", "b", "d", "e"]);
        set.extend(["f", "g"]);
        assert_eq!(paths(&set), ["a", "b", "d", "e", "f", "g"]);
        assert!(set.insert("c"));
        assert!(!set.insert("c"));
        assert!(set.contains("c") && !set.contains("z"));
        assert_eq!(set.len(), 7);
    }

    #[test]
    fn json_is_a_plain_sorted_list() {
        let set: DocSet = serde_json::from_str(r#"["z.txt", "a.txt", "z.txt"]"#).unwrap();
        assert_eq!(serde_json::to_string(&set).unwrap(), r#"["a.txt","z.txt"]"#);
    }
}
