//! Which actor on the left is which actor on the right.
//!
//! Ids first: an id is a slug of the canonical name, so most actors meet there. What is left
//! meets by name, in rounds from the surest to the loosest: folded label = folded label, then
//! a label = an alias of the other, then an alias = an alias. A pair is made only when each
//! is the other's one candidate in that round, and only within one family (people,
//! organisations, countries), so a shared surname or an ambiguous alias never joins two
//! actors. Documents match by id only: two articles with the same title are two articles.
//! Every rule is symmetric, so swapping the sides swaps the pairs and nothing else.

use crate::graph::fold;
use crate::graph::{Actor, ActorKind, Graph};
use std::collections::{BTreeSet, HashMap};

/// Left and right actor of each node of the union; one side is None for an unmatched actor.
pub(super) type Pair<'a> = (Option<&'a Actor>, Option<&'a Actor>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Round {
    LabelLabel,
    LabelAlias,
    AliasAlias,
}

const ROUNDS: [Round; 3] = [Round::LabelLabel, Round::LabelAlias, Round::AliasAlias];

/// Kinds whose actors may be one actor under two kinds (an analyst who became a leader).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    People,
    Organisations,
    Countries,
    Documents,
}

fn family(kind: ActorKind) -> Family {
    match kind {
        ActorKind::Leader | ActorKind::Analyst | ActorKind::Person => Family::People,
        ActorKind::Institute | ActorKind::Outlet => Family::Organisations,
        ActorKind::Country => Family::Countries,
        ActorKind::Document => Family::Documents,
    }
}

/// An actor's folded names, the keys of matching by name.
struct Names {
    family: Family,
    label: Option<String>,
    aliases: BTreeSet<String>,
}

impl Names {
    fn of(actor: &Actor) -> Names {
        let family = family(actor.kind);
        if family == Family::Documents {
            return Names {
                family,
                label: None,
                aliases: BTreeSet::new(),
            };
        }
        let label = Some(fold(&actor.label)).filter(|l| !l.is_empty());
        // A person's one-word alias is a surname or a given name: many people share it.
        let aliases = actor
            .aliases
            .iter()
            .map(|a| fold(a))
            .filter(|a| !a.is_empty() && (family != Family::People || a.contains(' ')))
            .collect();
        Names { family, label, aliases }
    }
}

/// One side's actors with their names and lookups from a folded name to the actors using it.
struct Side<'a> {
    actors: Vec<&'a Actor>,
    names: Vec<Names>,
    by_label: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
    partner: Vec<Option<usize>>,
}

impl<'a> Side<'a> {
    fn new(graph: &'a Graph) -> Side<'a> {
        let actors: Vec<&Actor> = graph.actors().collect();
        let names: Vec<Names> = actors.iter().map(|a| Names::of(a)).collect();
        let mut by_label: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            if let Some(l) = &n.label {
                by_label.entry(l.clone()).or_default().push(i);
            }
            for a in &n.aliases {
                by_alias.entry(a.clone()).or_default().push(i);
            }
        }
        let partner = vec![None; actors.len()];
        Side {
            actors,
            names,
            by_label,
            by_alias,
            partner,
        }
    }

    /// Unmatched actors here, of `me`'s family, that `me` (an actor of the other side)
    /// could be in this round.
    fn candidates(&self, me: &Names, round: Round) -> BTreeSet<usize> {
        let mut found = BTreeSet::new();
        let mut add = |hits: Option<&Vec<usize>>| {
            for &j in hits.into_iter().flatten() {
                if self.partner[j].is_none() && self.names[j].family == me.family {
                    found.insert(j);
                }
            }
        };
        match round {
            Round::LabelLabel => {
                if let Some(l) = &me.label {
                    add(self.by_label.get(l));
                }
            }
            Round::LabelAlias => {
                if let Some(l) = &me.label {
                    add(self.by_alias.get(l));
                }
                for a in &me.aliases {
                    add(self.by_label.get(a));
                }
            }
            Round::AliasAlias => {
                for a in &me.aliases {
                    add(self.by_alias.get(a));
                }
            }
        }
        found
    }
}

/// Pairs every actor of `left` with its actor on `right`, if any. Left actors come first in
/// id order, then the unmatched right actors in id order.
pub(super) fn match_actors<'a>(left: &'a Graph, right: &'a Graph) -> Vec<Pair<'a>> {
    let mut l = Side::new(left);
    let mut r = Side::new(right);
    let right_index: HashMap<&str, usize> = r.actors.iter().enumerate().map(|(j, a)| (a.id.as_str(), j)).collect();
    for i in 0..l.actors.len() {
        if let Some(&j) = right_index.get(l.actors[i].id.as_str()) {
            pair(&mut l, &mut r, i, j);
        }
    }
    for round in ROUNDS {
        while match_round(&mut l, &mut r, round) {}
    }
    let mut pairs: Vec<Pair<'a>> = (0..l.actors.len())
        .map(|i| (Some(l.actors[i]), l.partner[i].map(|j| r.actors[j])))
        .collect();
    pairs.extend(
        (0..r.actors.len())
            .filter(|&j| r.partner[j].is_none())
            .map(|j| (None, Some(r.actors[j]))),
    );
    pairs
}

fn pair(l: &mut Side, r: &mut Side, i: usize, j: usize) {
    l.partner[i] = Some(j);
    r.partner[j] = Some(i);
}

/// One pass of a round over a snapshot: pairs the actors that are each other's only
/// candidate. Returns whether it paired any, since a pairing can leave another unambiguous.
fn match_round(l: &mut Side, r: &mut Side, round: Round) -> bool {
    let mut found = Vec::new();
    for i in (0..l.actors.len()).filter(|&i| l.partner[i].is_none()) {
        let Some(j) = only(r.candidates(&l.names[i], round)) else {
            continue;
        };
        if only(l.candidates(&r.names[j], round)) == Some(i) {
            found.push((i, j));
        }
    }
    for &(i, j) in &found {
        pair(l, r, i, j);
    }
    !found.is_empty()
}

fn only(set: BTreeSet<usize>) -> Option<usize> {
    let mut it = set.into_iter();
    match (it.next(), it.next()) {
        (Some(x), None) => Some(x),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, label: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 1,
            ..Actor::new(id, label, kind)
        }
    }

    fn graph(actors: Vec<Actor>) -> Graph {
        let mut g = Graph::new();
        for a in actors {
            g.add_actor(a);
        }
        g
    }

    /// (left id, right id) of every matched pair, in left id order.
    fn matched(left: &Graph, right: &Graph) -> Vec<(String, String)> {
        match_actors(left, right)
            .into_iter()
            .filter_map(|(l, r)| Some((l?.id.clone(), r?.id.clone())))
            .collect()
    }

    use ActorKind::*;

    #[test]
    fn matching_table() {
        // (left actors, right actors, expected pairs)
        type Case = (Vec<Actor>, Vec<Actor>, Vec<(&'static str, &'static str)>);
        let cases: Vec<Case> = vec![
            // Same id, even when the kind changed.
            (
                vec![actor("tor-vale", "Tor Vale", Analyst, &[])],
                vec![actor("tor-vale", "Tor Vale", Leader, &[])],
                vec![("tor-vale", "tor-vale")],
            ),
            // The old label is an alias now.
            (
                vec![actor("ana-mira-lo", "Ana Mira-Lo", Leader, &[])],
                vec![actor("ana-mira-lo-x", "Ana Mira Lo X", Leader, &["Ana Mira-Lo"])],
                vec![("ana-mira-lo", "ana-mira-lo-x")],
            ),
            // Folded labels: hyphens and spaces alike, whatever the ids.
            (
                vec![actor("mira-lo-ana", "Ana Mira-Lo", Leader, &[])],
                vec![actor("ana-mira-lo", "Ana Mira Lo", Leader, &[])],
                vec![("mira-lo-ana", "ana-mira-lo")],
            ),
            // Folded labels: a leading `the` and case do not matter.
            (
                vec![actor("the-harbour-post", "The Harbour Post", Outlet, &[])],
                vec![actor("harbour-post", "HARBOUR POST", Outlet, &[])],
                vec![("the-harbour-post", "harbour-post")],
            ),
            // Alias = alias, acronyms included.
            (
                vec![actor("bank-of-eldor", "Bank of Eldor", Institute, &["BOE"])],
                vec![actor("eldor-central-bank", "Eldor Central Bank", Institute, &["BOE"])],
                vec![("bank-of-eldor", "eldor-central-bank")],
            ),
            // Another family never matches, whatever the name.
            (
                vec![actor("valoria", "Valoria", Country, &[])],
                vec![actor("valoria-x", "Valoria X", Institute, &["Valoria"])],
                vec![],
            ),
            // A person's one-word alias is a surname: never enough.
            (
                vec![actor("bo-quill", "Bo Quill", Leader, &["Quill"])],
                vec![actor("di-quill", "Di Quill", Analyst, &["Quill"])],
                vec![],
            ),
            // Two candidates: ambiguous, no match.
            (
                vec![actor("rian-ost", "Rian Ost", Leader, &["Mr Rian Ost"])],
                vec![
                    actor("a-one", "A One", Leader, &["Rian Ost"]),
                    actor("a-two", "A Two", Leader, &["Rian Ost"]),
                ],
                vec![],
            ),
            // Once the id pair is made, the leftover is unambiguous.
            (
                vec![
                    actor("a-one", "A One", Leader, &["Rian Ost"]),
                    actor("b", "B", Person, &[]),
                ],
                vec![
                    actor("a-one", "A One", Leader, &["Rian Ost"]),
                    actor("rian-ost", "Rian Ost", Leader, &[]),
                ],
                vec![("a-one", "a-one")],
            ),
            // Documents match by id only.
            (
                vec![actor("doc:a", "Same title", Document, &[])],
                vec![actor("doc:b", "Same title", Document, &[])],
                vec![],
            ),
        ];
        for (i, (left, right, want)) in cases.into_iter().enumerate() {
            let (l, r) = (graph(left), graph(right));
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(matched(&l, &r), want, "case {i}");
            let back: Vec<(String, String)> = want.into_iter().map(|(a, b)| (b, a)).collect();
            let mut got_back = matched(&r, &l);
            got_back.sort();
            let mut back = back;
            back.sort();
            assert_eq!(got_back, back, "case {i} mirrored");
        }
    }

    #[test]
    fn every_actor_appears_once() {
        let l = graph(vec![
            actor("x", "X Y", Person, &[]),
            actor("y", "Y Z", Person, &["Q R"]),
        ]);
        let r = graph(vec![actor("q-r", "Q R", Person, &[]), actor("z", "Z", Country, &[])]);
        let pairs = match_actors(&l, &r);
        let ids: Vec<(Option<&str>, Option<&str>)> = pairs
            .iter()
            .map(|(a, b)| (a.map(|a| a.id.as_str()), b.map(|b| b.id.as_str())))
            .collect();
        assert_eq!(
            ids,
            vec![(Some("x"), None), (Some("y"), Some("q-r")), (None, Some("z"))]
        );
    }
}
