//! The cross-document merge, fed one partial graph at a time.
//!
//! A corpus repeats its actors: `China` or a minister's name comes back in thousands of
//! documents with the same label, kind and keys. The merger keeps each distinct local actor
//! once, with counts and the documents it occurs in, so memory grows with the distinct actors
//! and the evidence, not with the number of documents. Identical local actors always share a
//! node (they share their keys), so merging the distinct ones in order of first appearance
//! gives the graph the flat list of every document's actors would.

use super::class;
use super::evidence::{self, End, Item, PairKey, Pile};
use super::partial::{DocMeta, Partial};
use crate::corpus::{all_distinct, make_unique};
use crate::extract::identity::LocalActor;
use crate::graph::fold;
use crate::graph::{Actor, ActorKind, DocPath, Graph, Relation, RelationKind, document_id, slug};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

/// One distinct local actor and what its occurrences add up to.
struct Distinct {
    /// The actor as one document saw it, `mentions` set to 0.
    actor: LocalActor,
    /// Its hash, kept for merging mergers.
    hash: u64,
    /// Label votes: each occurrence's mentions, at least 1.
    votes: usize,
    occurrences: usize,
    mentions: usize,
    /// Documents it occurs in, as indices into `Merger::docs`.
    documents: Vec<usize>,
}

struct DocPart {
    meta: DocMeta,
    /// The distinct actor of each of the document's local actors.
    actors: Vec<usize>,
}

/// What [`Merger::absorb`] did not keep: the repeats of actors it knew and the other
/// merger's index. Dropping it frees them.
pub struct Leftovers {
    _repeats: Vec<Distinct>,
    _index: FxHashMap<u64, Vec<usize>>,
}

/// Accumulates partial graphs, in any order, and builds the graph of all of them. The
/// evidence goes into piles, one per pair of distinct actors and relation, capped at
/// `max_evidence` as they grow (see [`evidence`](super::evidence)).
#[derive(Default)]
pub struct Merger {
    distinct: Vec<Distinct>,
    /// Hash of an actor -> the distinct actors with that hash.
    index: FxHashMap<u64, Vec<usize>>,
    docs: Vec<DocPart>,
    piles: FxHashMap<PairKey, Pile>,
    /// Relations of one document with the same evidence (kind, sentence, trigger...): if
    /// their pairs land on one edge, the piece counts once there. Rare, so kept aside.
    twins: Vec<Vec<PairKey>>,
    max_evidence: Option<usize>,
    /// `--no-documents` done as the evidence arrives: relations ending on a document keep
    /// no evidence, only their keys (`bare`), and the graph gets no document nodes.
    fold_documents: bool,
    bare: Vec<PairKey>,
}

impl Merger {
    pub fn new() -> Merger {
        Merger::default()
    }

    /// A merger that keeps at most `max` pieces of evidence per edge (all with `None`).
    pub fn with_max_evidence(max: Option<usize>) -> Merger {
        Merger {
            max_evidence: max,
            ..Merger::default()
        }
    }

    /// A merger that folds documents into their actors as it goes: the graph it finishes is
    /// the one `Filter { no_documents: true, .. }` makes of the graph it would otherwise
    /// finish (each actor lists where it is quoted in `quoted_in`; no document nodes, no
    /// edges to them), without ever holding the documents' nodes, edges and evidence.
    pub fn folding_documents(mut self, fold: bool) -> Merger {
        self.fold_documents = fold;
        self
    }

    /// How many documents have been added.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    pub fn add(&mut self, mut part: Partial) {
        let d = self.docs.len();
        part.document.share_path(&mut part.relations);
        // Collected into a new vector: mapping in place would keep the local actors' buffer.
        let mut actors = Vec::with_capacity(part.actors.len());
        for mut a in part.actors {
            let mentions = std::mem::take(&mut a.mentions);
            let mut h = rustc_hash::FxHasher::default();
            a.hash(&mut h);
            let x = Distinct {
                actor: a,
                hash: h.finish(),
                votes: mentions.max(1),
                occurrences: 1,
                mentions,
                documents: vec![d],
            };
            actors.push(self.intern(x).0);
        }
        self.docs.push(DocPart {
            meta: part.document,
            actors,
        });
        // Each piece's place among its document's pieces for the same pair.
        let mut k: FxHashMap<PairKey, u32> = FxHashMap::default();
        let mut same: FxHashMap<(RelationKind, &crate::graph::Evidence), Vec<PairKey>> = FxHashMap::default();
        let keys: Vec<PairKey> = part
            .relations
            .iter()
            .map(|r| PairKey {
                source: self.docs[d].actors[r.source] as u32,
                kind: r.kind,
                target: match r.target {
                    Some(t) => End::Actor(self.docs[d].actors[t] as u32),
                    None => End::Document(d as u32),
                },
            })
            .collect();
        for (r, key) in part.relations.iter().zip(&keys) {
            same.entry((r.kind, &r.evidence)).or_default().push(*key);
        }
        self.twins.extend(same.into_values().filter(|keys| keys.len() > 1));
        for (r, key) in part.relations.into_iter().zip(keys) {
            if self.fold_documents && matches!(key.target, End::Document(_)) {
                // Once per document: the key is all that is kept.
                let seen = k.entry(key).or_default();
                if *seen == 0 {
                    self.bare.push(key);
                }
                *seen += 1;
                continue;
            }
            let docs = &self.docs;
            let before = |a: u32, b: u32| doc_order(docs, a, b);
            let n = k.entry(key).or_default();
            let item = Item {
                k: *n,
                doc: d as u32,
                evidence: r.evidence,
            };
            *n += 1;
            self.piles
                .entry(key)
                .or_default()
                .extend(1, [item], self.max_evidence, &before);
        }
    }

    /// Adds what another merger holds, as if its partials had been added here one by one
    /// (a merger of one batch of documents, made on a worker). What it does not keep comes
    /// back: freeing it is much of the cost of a merge, which a caller may leave to another
    /// thread.
    pub fn absorb(&mut self, other: Merger) -> Leftovers {
        let offset = self.docs.len();
        let mut repeats = Vec::new();
        let to: Vec<usize> = other
            .distinct
            .into_iter()
            .map(|mut x| {
                x.documents.iter_mut().for_each(|d| *d += offset);
                let (i, repeat) = self.intern(x);
                repeats.extend(repeat);
                i
            })
            .collect();
        for mut doc in other.docs {
            doc.actors.iter_mut().for_each(|a| *a = to[*a]);
            self.docs.push(doc);
        }
        let docs = &self.docs;
        let before = |a: u32, b: u32| doc_order(docs, a, b);
        let moved = |key: PairKey| PairKey {
            source: to[key.source as usize] as u32,
            kind: key.kind,
            target: match key.target {
                End::Actor(t) => End::Actor(to[t as usize] as u32),
                End::Document(d) => End::Document(d + offset as u32),
            },
        };
        self.twins.extend(
            other
                .twins
                .into_iter()
                .map(|keys| keys.into_iter().map(moved).collect()),
        );
        self.bare.extend(other.bare.into_iter().map(moved));
        for (key, mut pile) in other.piles {
            pile.items.iter_mut().for_each(|i| i.doc += offset as u32);
            match self.piles.entry(moved(key)) {
                // Most piles are new (a quote's edge to its own document): moved whole, with
                // no room to spare.
                std::collections::hash_map::Entry::Vacant(slot) => {
                    pile.items.shrink_to_fit();
                    slot.insert(pile);
                }
                std::collections::hash_map::Entry::Occupied(mut have) => {
                    have.get_mut()
                        .extend(pile.count, pile.items, self.max_evidence, &before)
                }
            }
        }
        Leftovers {
            _repeats: repeats,
            _index: other.index,
        }
    }

    /// The distinct actor `x` is, made if new; its counts and documents added. A repeat of
    /// a known one comes back, to be freed.
    fn intern(&mut self, x: Distinct) -> (usize, Option<Distinct>) {
        let slot = self.index.entry(x.hash).or_default();
        match slot.iter().find(|&&i| self.distinct[i].actor == x.actor) {
            Some(&i) => {
                let have = &mut self.distinct[i];
                have.votes += x.votes;
                have.occurrences += x.occurrences;
                have.mentions += x.mentions;
                for &d in &x.documents {
                    if have.documents.last() != Some(&d) {
                        have.documents.push(d);
                    }
                }
                (i, Some(x))
            }
            None => {
                slot.push(self.distinct.len());
                self.distinct.push(x);
                (self.distinct.len() - 1, None)
            }
        }
    }

    /// The graph: documents in reading order (input file, then place in it), repeated paths
    /// and stems made unique as one run over all of them would. Groups and edges are built
    /// on the current rayon pool.
    pub fn finish(mut self) -> Graph {
        let piles = self.reading_order();
        let n = self.distinct.len();
        let mut uf = UnionFind((0..n).collect());
        join_by_keys(&self.distinct, &mut uf);
        let singles_in_order = self.docs.iter().flat_map(|d| d.actors.iter().copied());
        join_surnames(&self.distinct, singles_in_order, &mut uf);

        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = uf.find(i);
            groups.entry(r).or_default().push(i);
        }
        let members: Vec<&Vec<usize>> = groups.values().collect();
        let mut nodes: Vec<Actor> = members.par_iter().map(|m| self.group_actor(m)).collect();
        disambiguate(&mut nodes);
        let mut ids_of: Vec<&str> = vec![""; n];
        let mut node_at: Vec<usize> = vec![0; n];
        for (i, (members, node)) in members.iter().zip(&nodes).enumerate() {
            for &m in members.iter() {
                ids_of[m] = &node.id;
                node_at[m] = i;
            }
        }
        // Names only the tagger vouches for become nodes when the text relates them to something,
        // repeats them, or gives a full personal name.
        let mut related: BTreeSet<&str> = BTreeSet::new();
        for key in piles.iter().map(|(key, _)| key).chain(&self.bare) {
            related.insert(ids_of[key.source as usize]);
            if let End::Actor(t) = key.target {
                related.insert(ids_of[t as usize]);
            }
        }
        let mut graph = Graph::new();
        graph.documents = self.docs.len();
        let mut kept = Vec::new();
        for (members, node) in members.iter().zip(&nodes) {
            let weak = members.iter().all(|&m| self.distinct[m].actor.weak)
                && node.mentions < 2
                && !(node.kind.is_person() && node.label.split_whitespace().count() >= 2);
            kept.push(!weak || related.contains(node.id.as_str()));
        }
        let ids_of: Vec<String> = ids_of.into_iter().map(str::to_string).collect();
        // The distinct actors are done with: freeing them before the documents become nodes
        // lets those reuse the memory, which keeps the peak of a large run down.
        drop(related);
        drop(members);
        drop(groups);
        self.distinct = Vec::new();
        // Folded documents: where each actor is quoted, as `Filter::no_documents` lists it.
        for key in std::mem::take(&mut self.bare) {
            if let (RelationKind::QuotedIn, End::Document(d)) = (key.kind, key.target) {
                let path = self.docs[d as usize].meta.path.clone();
                nodes[node_at[key.source as usize]].quoted_in.insert(path);
            }
        }
        drop(node_at);
        for (node, keep) in nodes.into_iter().zip(kept) {
            if keep {
                graph.add_actor(node);
            }
        }
        let doc_ids: Vec<String> = self.docs.par_iter().map(|d| document_id(&d.meta.stem)).collect();
        // Documents become nodes while the edges are built, since neither needs the other:
        // every document is a node unless documents are folded, and then no pile ends on one.
        let fold = self.fold_documents;
        let (documents, relations) = rayon::join(
            || {
                if fold {
                    BTreeMap::new()
                } else {
                    document_nodes(&self.docs)
                }
            },
            || self.edges(piles, &graph, &ids_of, &doc_ids),
        );
        graph.add_actor_map(documents);
        graph.add_relations(relations);
        graph
    }

    /// The edges of the piles, in key order, between the actors of `graph` (`ids_of` gives
    /// each distinct actor's node) and documents (nodes unless folded).
    fn edges(
        &self,
        piles: Vec<(PairKey, Pile)>,
        graph: &Graph,
        ids_of: &[String],
        doc_ids: &[String],
    ) -> Vec<Relation> {
        let fold = self.fold_documents;
        // The edge a pair's evidence goes to, if both ends are nodes and not the same one.
        let edge_of = |key: &PairKey| {
            let actor = |a: u32| Some(ids_of[a as usize].as_str()).filter(|id| graph.actor(id).is_some());
            let source = actor(key.source)?;
            let target = match key.target {
                End::Actor(t) => actor(t)?,
                End::Document(_) if fold => return None,
                End::Document(d) => doc_ids[d as usize].as_str(),
            };
            if source == target {
                return None;
            }
            Some(if key.kind.is_symmetric() && target < source {
                (target, key.kind, source)
            } else {
                (source, key.kind, target)
            })
        };
        // The piles of every edge, in edge order (sorted on the pool: a pile's edge costs two
        // id look-ups), and the pieces each counts twice.
        let mut keyed: Vec<((&str, RelationKind, &str), Pile)> = piles
            .into_par_iter()
            .filter_map(|(key, pile)| edge_of(&key).map(|edge| (edge, pile)))
            .collect();
        keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut twice: BTreeMap<(&str, RelationKind, &str), usize> = BTreeMap::new();
        for keys in &self.twins {
            let mut on: BTreeMap<_, usize> = BTreeMap::new();
            for edge in keys.iter().filter_map(&edge_of) {
                *on.entry(edge).or_default() += 1;
            }
            for (edge, n) in on {
                *twice.entry(edge).or_default() += n - 1;
            }
        }
        let cap = self.max_evidence;
        // One edge per run of piles with the same ends; `edge` orders what it keeps itself, so
        // the order of piles within a run does not matter.
        keyed
            .par_chunk_by_mut(|a, b| a.0 == b.0)
            .map(|run| {
                let (s, kind, t) = run[0].0;
                let piles = run.iter_mut().map(|(_, pile)| std::mem::take(pile)).collect();
                let twice = twice.get(&(s, kind, t)).copied().unwrap_or(0);
                evidence::edge(s.to_string(), kind, t.to_string(), piles, twice, cap)
            })
            .collect()
    }

    /// Puts the documents in reading order, makes their paths and stems unique (evidence
    /// follows its document's new path) and numbers the distinct actors by first appearance
    /// in that order, which is the order the flat merge would meet them in. The piles come
    /// back as a list, their keys and documents renumbered (on the current pool).
    fn reading_order(&mut self) -> Vec<(PairKey, Pile)> {
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.par_sort_unstable_by(|&a, &b| doc_order(&self.docs, a as u32, b as u32));
        let mut new_doc = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_doc[old] = new;
        }
        let mut slots: Vec<Option<DocPart>> = std::mem::take(&mut self.docs).into_iter().map(Some).collect();
        self.docs = order
            .iter()
            .map(|&old| slots[old].take().expect("each document once"))
            .collect();

        make_unique(&mut self.docs, |d| &mut d.meta.stem);
        let renamed = self.unique_paths();

        let mut new_id = vec![usize::MAX; self.distinct.len()];
        let mut next = 0;
        for doc in &mut self.docs {
            for a in &mut doc.actors {
                if new_id[*a] == usize::MAX {
                    new_id[*a] = next;
                    next += 1;
                }
                *a = new_id[*a];
            }
        }
        let mut slots: Vec<Option<Distinct>> = std::mem::take(&mut self.distinct).into_iter().map(Some).collect();
        let mut by_new: Vec<usize> = vec![0; next];
        for (old, &new) in new_id.iter().enumerate() {
            by_new[new] = old;
        }
        self.distinct = by_new
            .iter()
            .map(|&old| slots[old].take().expect("each actor once"))
            .collect();
        // Each actor's own list: renumbered on the pool.
        self.distinct.par_iter_mut().for_each(|x| {
            for d in &mut x.documents {
                *d = new_doc[*d];
            }
        });
        self.index.clear();

        let any_renamed = !renamed.is_empty();
        let moved = |key: PairKey| PairKey {
            source: new_id[key.source as usize] as u32,
            kind: key.kind,
            target: match key.target {
                End::Actor(t) => End::Actor(new_id[t as usize] as u32),
                End::Document(d) => End::Document(new_doc[d as usize] as u32),
            },
        };
        for keys in &mut self.twins {
            keys.iter_mut().for_each(|k| *k = moved(*k));
        }
        self.bare.iter_mut().for_each(|k| *k = moved(*k));
        let piles: Vec<(PairKey, Pile)> = std::mem::take(&mut self.piles).into_iter().collect();
        piles
            .into_par_iter()
            .map(|(key, mut pile)| {
                for item in &mut pile.items {
                    item.doc = new_doc[item.doc as usize] as u32;
                    if any_renamed && let Some(path) = &renamed[item.doc as usize] {
                        item.evidence.document = path.clone();
                    }
                }
                (moved(key), pile)
            })
            .collect()
    }

    /// Makes the documents' paths unique as [`make_unique`] would; the new path of each
    /// renamed document, by its place (empty when none was: the paths are looked at once,
    /// not copied).
    fn unique_paths(&mut self) -> Vec<Option<DocPath>> {
        if all_distinct(self.docs.iter().map(|d| &*d.meta.path)) {
            return Vec::new();
        }
        let mut paths: Vec<String> = self.docs.iter().map(|d| d.meta.path.to_string()).collect();
        make_unique(&mut paths, |p| p);
        let mut renamed: Vec<Option<DocPath>> = vec![None; self.docs.len()];
        for (d, (doc, path)) in self.docs.iter_mut().zip(paths).enumerate() {
            if *doc.meta.path != *path {
                doc.meta.path = path.into();
                renamed[d] = Some(doc.meta.path.clone());
            }
        }
        renamed
    }

    fn group_actor(&self, members: &[usize]) -> Actor {
        let mut label_votes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut kind_votes: BTreeMap<(u8, ActorKind), usize> = BTreeMap::new();
        let mut aliases = BTreeSet::new();
        let mut documents = Vec::new();
        let mut mentions = 0;
        let mut fixed = None;
        for &m in members {
            let x = &self.distinct[m];
            let a = &x.actor;
            *label_votes.entry(a.label.as_str()).or_default() += x.votes;
            *kind_votes.entry((a.kind_strength, a.kind)).or_default() += x.occurrences;
            aliases.insert(a.label.clone());
            aliases.extend(a.aliases.iter().cloned());
            documents.extend(x.documents.iter().map(|&d| self.docs[d].meta.path.clone()));
            mentions += x.mentions;
            if fixed.is_none() {
                fixed = a.fixed_id.clone();
            }
        }
        // The user's canonical name is the label; otherwise full names beat short forms, then
        // the most mentioned spelling, then the first in order.
        let known = members
            .iter()
            .map(|&m| &self.distinct[m].actor)
            .find(|a| a.kind_strength >= crate::extract::identity::KNOWN);
        if let Some(a) = known {
            fixed.clone_from(&a.fixed_id);
        }
        let label = known.map(|a| a.label.clone()).unwrap_or_else(|| {
            label_votes
                .iter()
                .max_by(|a, b| {
                    let wa = a.0.split_whitespace().count().min(3);
                    let wb = b.0.split_whitespace().count().min(3);
                    (wa, a.1).cmp(&(wb, b.1)).then_with(|| b.0.cmp(a.0))
                })
                .map(|(l, _)| l.to_string())
                .unwrap_or_default()
        });
        let top_strength = kind_votes.keys().map(|k| k.0).max().unwrap_or(0);
        let kind = kind_votes
            .iter()
            .filter(|(k, _)| k.0 == top_strength)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| rank(a.0.1).cmp(&rank(b.0.1))))
            .map(|(k, _)| k.1)
            .unwrap_or(ActorKind::Person);
        aliases.remove(&label);
        Actor {
            aliases,
            mentions,
            documents: documents.into_iter().collect(),
            country: known.and_then(|a| a.country.clone()),
            role: known.and_then(|a| a.role.clone()),
            cameo: members.iter().find_map(|&m| self.distinct[m].actor.cameo.clone()),
            ..Actor::new(fixed.unwrap_or_else(|| slug(&label)), label, kind)
        }
    }
}

/// Two documents (indices into `docs`) in reading order: by input, place in it and path,
/// then in the order they were added.
fn doc_order(docs: &[DocPart], a: u32, b: u32) -> Ordering {
    let (x, y) = (&docs[a as usize].meta, &docs[b as usize].meta);
    (&x.source, x.place, &x.path)
        .cmp(&(&y.source, y.place, &y.path))
        .then(a.cmp(&b))
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }

    /// The root is always the earlier actor, so groups are numbered by first appearance.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Actors that share a strong key (a full name, a defined acronym) or a lexicon id are one.
fn join_by_keys(distinct: &[Distinct], uf: &mut UnionFind) {
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut claim = |key: String, i: usize, uf: &mut UnionFind| match by_key.get(&key) {
        Some(&j) => uf.union(i, j),
        None => {
            by_key.insert(key, i);
        }
    };
    for (i, x) in distinct.iter().enumerate() {
        let a = &x.actor;
        match &a.fixed_id {
            Some(id) => claim(format!("{}:id:{id}", class(a.kind)), i, uf),
            None => {
                for s in &a.strong {
                    claim(format!("{}:{s}", class(a.kind)), i, uf);
                }
            }
        }
        // A known outlet's name also reaches outlets found by head word elsewhere.
        if a.fixed_id.is_some() {
            for s in &a.strong {
                claim(format!("{}:{s}", class(a.kind)), i, uf);
            }
        }
    }
}

/// A person named only by a surname in one document joins the single person of the corpus
/// whose full name has that surname. `in_order` lists every occurrence in reading order: a
/// later occurrence may find one holder where an earlier one found several.
fn join_surnames(distinct: &[Distinct], in_order: impl Iterator<Item = usize>, uf: &mut UnionFind) {
    let mut full: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, x) in distinct.iter().enumerate() {
        let a = &x.actor;
        let words: Vec<&str> = a.label.split_whitespace().collect();
        if class(a.kind) == "person" && words.len() >= 2 {
            let last = words[words.len() - 1];
            for w in [words[0], last, after_particle(last)] {
                full.entry(fold(w)).or_default().insert(i);
            }
        }
    }
    let single: Vec<Option<String>> = distinct
        .iter()
        .map(|x| {
            let a = &x.actor;
            (class(a.kind) == "person" && a.label.split_whitespace().count() == 1).then(|| fold(&a.label))
        })
        .collect();
    for i in in_order {
        let Some(holders) = single[i].as_ref().and_then(|name| full.get(name)) else {
            continue;
        };
        let roots: BTreeSet<usize> = holders.iter().map(|&h| uf.find(h)).collect();
        if roots.len() == 1 {
            let r = *roots.iter().next().expect("one root");
            uf.union(i, r);
        }
    }
}

/// `al-Assad` -> `Assad`: a surname after a lower-case particle glued by a hyphen (`al-`,
/// `el-`, `bin-`) is written alone too. Other words come back whole (`Jong-un`).
fn after_particle(word: &str) -> &str {
    match word.split_once('-') {
        Some((particle, rest))
            if !particle.is_empty()
                && particle.chars().all(char::is_lowercase)
                && rest.starts_with(char::is_uppercase) =>
        {
            rest
        }
        _ => word,
    }
}

fn rank(k: ActorKind) -> u8 {
    match k {
        ActorKind::Leader => 3,
        ActorKind::Analyst => 2,
        _ => 1,
    }
}

/// Two different actors whose labels slug alike get `-2`, `-3`… in label order.
fn disambiguate(nodes: &mut [Actor]) {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        (&nodes[a].id, &nodes[a].label, nodes[a].kind).cmp(&(&nodes[b].id, &nodes[b].label, nodes[b].kind))
    });
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for i in order {
        let n = seen.entry(nodes[i].id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            nodes[i].id = format!("{}-{}", nodes[i].id, n);
        }
    }
}

/// The labels of the document nodes, in order. Titles are read across the corpus: a
/// ` | Site` (or ` - Site`) ending that two or more titles share is the site's name and goes;
/// a title two or more documents share after that is a site's banner (`Latest news`), not a
/// headline, and those documents are labelled by their first line instead.
fn document_labels(docs: Vec<&DocMeta>) -> Vec<String> {
    const SEPARATORS: [&str; 4] = [" | ", " - ", " — ", " – "];
    let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
    for d in docs.iter().filter(|d| d.first_line.is_some()) {
        let mut seen = BTreeSet::new();
        for sep in SEPARATORS {
            if let Some((_, end)) = d.label.rsplit_once(sep) {
                seen.insert(end.trim());
            }
        }
        for end in seen {
            *endings.entry(end).or_default() += 1;
        }
    }
    let strip = |label: &str| -> String {
        for sep in SEPARATORS {
            if let Some((head, end)) = label.rsplit_once(sep)
                && endings.get(end.trim()).is_some_and(|n| *n >= 2)
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
        }
        label.to_string()
    };
    let labels: Vec<String> = docs
        .iter()
        .map(|d| {
            if d.first_line.is_some() {
                strip(&d.label)
            } else {
                d.label.clone()
            }
        })
        .collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (d, label) in docs.iter().zip(&labels) {
        if d.first_line.is_some() {
            *count.entry(label.as_str()).or_default() += 1;
        }
    }
    docs.iter()
        .zip(&labels)
        .map(|(d, label)| match &d.first_line {
            Some(line) if count.get(label.as_str()).is_some_and(|n| *n >= 2) => line.clone(),
            _ => label.clone(),
        })
        .collect()
}

/// The documents' nodes, by id (ids are unique: stems were made unique).
fn document_nodes(docs: &[DocPart]) -> BTreeMap<String, Actor> {
    let labels = document_labels(docs.iter().map(|d| &d.meta).collect());
    docs.iter()
        .zip(labels)
        .map(|(doc, label)| {
            let node = Actor {
                label,
                ..document_node(&doc.meta)
            };
            (node.id.clone(), node)
        })
        .collect()
}

fn document_node(doc: &DocMeta) -> Actor {
    Actor {
        documents: [doc.path.clone()].into_iter().collect(),
        path: Some(doc.path.clone()),
        date: doc.date.clone(),
        url: doc.url.clone(),
        byline: doc.byline.clone(),
        ..Actor::new(document_id(&doc.stem), doc.label.clone(), ActorKind::Document)
    }
}

#[cfg(test)]
mod particle_tests {
    #[test]
    fn surnames_after_a_particle() {
        for (word, want) in [
            ("al-Rahmani", "Rahmani"),
            ("el-Naguib", "Naguib"),
            ("Jong-un", "Jong-un"),
            ("Smith-Jones", "Smith-Jones"),
            ("-Tor", "-Tor"),
            ("al-", "al-"),
        ] {
            assert_eq!(super::after_particle(word), want, "{word}");
        }
    }
}
