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
    let mut items: Vec<Item> = piles.into_iter().flat_map(|p| p.items).collect();
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
