//! Evidence on its way into the graph: one pile per pair of distinct actors (or an actor and
//! its document) and relation, capped as it grows (`--max-evidence`) so that memory follows
//! the graph and not the corpus, and turned into the graph's edges at the end.
//!
//! The cap keeps the first pieces in a fixed order, the same whatever the batches or
//! threads: a document's first piece for the pair before any document's second, documents
//! in reading order. So the kept pieces spread across documents, one each from the first
//! documents before a second from any, and the top N of a union of top-N piles is the top N
//! of the union: piles capped in the workers, merged on the main thread and joined into
//! edges at the end keep what one uncapped run would then cap. The weight counts every piece.

use crate::graph::{Evidence, Relation, RelationKind};
use std::cmp::Ordering;

/// Where a relation of one document ends: a distinct actor, or the document itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum End {
    Actor(u32),
    Document(u32),
}

/// The two ends and the relation a pile of evidence is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct PairKey {
    pub source: u32,
    pub kind: RelationKind,
    pub target: End,
}

/// One piece of evidence and its place in the cap's order.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// Its place among its document's pieces for the pair (0 for the first).
    pub k: u32,
    /// Its document, as an index into the merger's documents.
    pub doc: u32,
    pub evidence: Evidence,
}

/// The evidence for one pair: every piece counted, the first `cap` (in the cap's order) kept.
#[derive(Debug, Clone, Default)]
pub(super) struct Pile {
    pub count: usize,
    pub items: Vec<Item>,
}

impl Pile {
    /// Adds pieces, trimming to the cap now and then: a pile may hold up to twice the cap, so
    /// that trimming is amortised over many pushes. `before` orders two documents.
    pub fn extend(
        &mut self,
        count: usize,
        items: impl IntoIterator<Item = Item>,
        cap: Option<usize>,
        before: &impl Fn(u32, u32) -> Ordering,
    ) {
        self.count += count;
        for item in items {
            self.items.push(item);
            if let Some(cap) = cap
                && self.items.len() >= 2 * cap.max(1)
            {
                keep_first(&mut self.items, cap, before);
            }
        }
    }
}

/// Keeps the first `cap` items in the cap's order (their order among themselves is lost).
pub(super) fn keep_first(items: &mut Vec<Item>, cap: usize, before: &impl Fn(u32, u32) -> Ordering) {
    if items.len() <= cap {
        return;
    }
    if cap == 0 {
        items.clear();
        return;
    }
    items.select_nth_unstable_by(cap - 1, |a, b| a.k.cmp(&b.k).then_with(|| before(a.doc, b.doc)));
    items.truncate(cap);
}

/// One edge from the piles of every pair that ends on its two nodes: its evidence sorted,
/// the same piece found twice (one sentence read for the edge under two spellings) once,
/// capped, and the weight counting every piece; `twice` is how many pieces the piles count
/// twice (known from the documents, since a cap may have dropped one copy). Documents are
/// in reading order here, so their indices order them.
pub(super) fn edge(
    source: String,
    kind: RelationKind,
    target: String,
    piles: Vec<Pile>,
    twice: usize,
    cap: Option<usize>,
) -> Relation {
    let count = piles.iter().map(|p| p.count).sum::<usize>() - twice;
    // Most edges have one pile: its pieces are sorted where they lie.
    let mut items: Vec<Item> = if piles.len() == 1 {
        piles.into_iter().next().map(|p| p.items).unwrap_or_default()
    } else {
        piles.into_iter().flat_map(|p| p.items).collect()
    };
    items.sort_unstable_by(|a, b| {
        a.evidence
            .cmp(&b.evidence)
            .then_with(|| (a.k, a.doc).cmp(&(b.k, b.doc)))
    });
    items.dedup_by(|later, first| later.evidence == first.evidence);
    if let Some(cap) = cap
        && items.len() > cap
    {
        keep_first(&mut items, cap, &|a, b| a.cmp(&b));
        items.sort_unstable_by(|a, b| a.evidence.cmp(&b.evidence));
    }
    let evidence: Vec<Evidence> = items.into_iter().map(|i| i.evidence).collect();
    Relation {
        unkept: count.saturating_sub(evidence.len()),
        source,
        target,
        kind,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(k: u32, doc: u32, start: usize) -> Item {
        Item {
            k,
            doc,
            evidence: Evidence {
                document: format!("d{doc}").into(),
                start,
                end: start + 1,
                sentence: "Maria Kessler met Peter Halloran.".into(),
                trigger: "met".into(),
                source: None,
                date: None,
                cue: None,
                content: None,
            },
        }
    }

    fn kept(items: &[Item]) -> Vec<(u32, u32)> {
        let mut v: Vec<(u32, u32)> = items.iter().map(|i| (i.doc, i.k)).collect();
        v.sort();
        v
    }

    #[test]
    fn the_cap_spreads_across_documents_before_taking_seconds() {
        // Document 0 says it five times; documents 1 and 2 once each.
        let mut items: Vec<Item> = (0..5).map(|k| item(k, 0, k as usize)).collect();
        items.push(item(0, 1, 0));
        items.push(item(0, 2, 0));
        for (cap, want) in [
            (1, vec![(0, 0)]),
            (3, vec![(0, 0), (1, 0), (2, 0)]),
            (4, vec![(0, 0), (0, 1), (1, 0), (2, 0)]),
            (9, vec![(0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (1, 0), (2, 0)]),
        ] {
            let mut v = items.clone();
            keep_first(&mut v, cap, &|a, b| a.cmp(&b));
            assert_eq!(kept(&v), want, "cap {cap}");
        }
    }

    #[test]
    fn an_edge_counts_every_piece_and_keeps_the_cap() {
        let pile = |range: std::ops::Range<u32>| Pile {
            count: range.len(),
            items: range.map(|d| item(0, d, 0)).collect(),
        };
        for (cap, kept, weight) in [(None, 12, 12), (Some(5), 5, 12), (Some(20), 12, 12)] {
            let r = edge(
                "a".into(),
                RelationKind::MetWith,
                "b".into(),
                vec![pile(0..7), pile(7..12)],
                0,
                cap,
            );
            assert_eq!((r.evidence.len(), r.weight()), (kept, weight), "cap {cap:?}");
            assert!(r.evidence.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        }
        // The same piece in two piles (one sentence under two spellings) counts once.
        let twice = vec![pile(0..3), pile(2..4)];
        let r = edge("a".into(), RelationKind::MetWith, "b".into(), twice, 1, None);
        assert_eq!((r.evidence.len(), r.weight()), (4, 4));
    }

    proptest::proptest! {
        /// Capping piles as they grow, in any split, keeps what capping the whole would: the
        /// first pieces in one fixed order.
        #[test]
        fn capping_parts_is_capping_the_whole(
            pieces in proptest::collection::vec((0u32..4, 0u32..30), 0..80),
            cut in 0usize..80,
            cap in 1usize..6,
        ) {
            // A piece's place (k, document) is unique in a pile.
            let mut seen = std::collections::HashSet::new();
            let items: Vec<Item> = pieces
                .iter()
                .filter(|p| seen.insert(**p))
                .enumerate()
                .map(|(i, &(k, d))| item(k, d, i))
                .collect();
            let before = |a: u32, b: u32| a.cmp(&b);
            let mut whole = items.clone();
            keep_first(&mut whole, cap, &before);
            let cut = cut.min(items.len());
            let mut left = Pile::default();
            left.extend(cut, items[..cut].to_vec(), Some(cap), &before);
            let mut right = Pile::default();
            right.extend(items.len() - cut, items[cut..].to_vec(), Some(cap), &before);
            left.extend(right.count, right.items, Some(cap), &before);
            keep_first(&mut left.items, cap, &before);
            let key = |v: &[Item]| {
                let mut v: Vec<(u32, u32, usize)> = v.iter().map(|i| (i.k, i.doc, i.evidence.start)).collect();
                v.sort();
                v
            };
            proptest::prop_assert_eq!(key(&left.items), key(&whole));
            proptest::prop_assert_eq!(left.count, items.len());
        }
    }
}
