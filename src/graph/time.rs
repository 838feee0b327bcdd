//! Time in the graph: the days evidence was published on, the first and last day of each edge
//! and actor, and the cut to a period (`--since`, `--until`).
//!
//! Days are strings `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (see `corpus::dates`): they sort as
//! strings, and a partial day stands for every day it contains.

use super::{Evidence, Graph, Relation};
use std::collections::HashMap;

/// The first and last day among some evidence; `None` when none of it is dated.
pub fn span<'a>(evidence: impl IntoIterator<Item = &'a Evidence>) -> Option<(&'a str, &'a str)> {
    let mut out: Option<(&str, &str)> = None;
    for d in evidence.into_iter().filter_map(|e| e.date.as_deref()) {
        out = Some(match out {
            None => (d, d),
            Some((first, last)) => (first.min(d), last.max(d)),
        });
    }
    out
}

impl Relation {
    /// The first and last day of the edge's evidence.
    pub fn span(&self) -> Option<(&str, &str)> {
        span(&self.evidence)
    }
}

/// The first and last day of each node: a document's own date; an actor's, from the evidence
/// of its edges. Nodes without any dated evidence are absent.
pub fn node_spans(graph: &Graph) -> HashMap<&str, (&str, &str)> {
    let mut out: HashMap<&str, (&str, &str)> = HashMap::new();
    for a in graph.actors() {
        if let Some(d) = a.date.as_deref() {
            out.insert(a.id.as_str(), (d, d));
        }
    }
    for r in graph.relations() {
        let Some((f, l)) = r.span() else { continue };
        for end in [r.source.as_str(), r.target.as_str()] {
            let e = out.entry(end).or_insert((f, l));
            *e = (e.0.min(f), e.1.max(l));
        }
    }
    out
}

/// A period to keep, from `since` to `until`, both days included; either may be open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    pub since: Option<String>,
    pub until: Option<String>,
}

impl Period {
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// True when the day `d` (a partial day: any of its days) falls in the period. Undated
    /// evidence falls in no closed period: nothing says when it was written.
    pub fn contains(&self, d: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(d) = d else { return false };
        // A partial day covers every day it begins: `2024-05` is on or after a `since` inside
        // May, and a day in May is on or before an `until` of `2024-05`.
        let after = self.since.as_deref().is_none_or(|s| d >= s || s.starts_with(d));
        let before = self.until.as_deref().is_none_or(|u| d <= u || d.starts_with(u));
        after && before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(since: Option<&str>, until: Option<&str>) -> Period {
        Period {
            since: since.map(str::to_string),
            until: until.map(str::to_string),
        }
    }

    #[test]
    fn periods_hold_days_and_partial_days() {
        let cases = [
            (period(None, None), None, true),
            (period(Some("2024-05-01"), None), None, false),
            (period(Some("2024-05-01"), None), Some("2024-05-01"), true),
            (period(Some("2024-05-01"), None), Some("2024-04-30"), false),
            (period(None, Some("2024-05-01")), Some("2024-05-01"), true),
            (period(None, Some("2024-05-01")), Some("2024-05-02"), false),
            // A month overlaps a period that starts inside it.
            (period(Some("2024-05-10"), None), Some("2024-05"), true),
            (period(None, Some("2024-04-30")), Some("2024-05"), false),
            // An `until` month includes its last day.
            (period(None, Some("2024-05")), Some("2024-05-31"), true),
            (period(Some("2024"), Some("2024")), Some("2024-12-31"), true),
            (period(Some("2024"), Some("2024")), Some("2025-01-01"), false),
        ];
        for (p, d, want) in cases {
            assert_eq!(p.contains(d), want, "{p:?} {d:?}");
        }
    }

    #[test]
    fn spans_take_the_first_and_last_dated_evidence() {
        let ev = |d: Option<&str>| Evidence {
            document: "d".into(),
            start: 0,
            end: 1,
            sentence: "s".into(),
            trigger: "t".into(),
            source: None,
            date: d.map(Into::into),
            cue: None,
            content: None,
        };
        let evs = [
            ev(Some("2024-05-02")),
            ev(None),
            ev(Some("2023-12")),
            ev(Some("2024-05-01")),
        ];
        assert_eq!(span(&evs), Some(("2023-12", "2024-05-02")));
        assert_eq!(span(&[ev(None)]), None);
    }
}
