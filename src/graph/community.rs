//! Communities: groups of actors more tied to one another than to the rest, found by the
//! Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre 2008) on the undirected graph
//! whose edge weights are the evidence counts of all relations between two nodes.
//!
//! Deterministic: nodes are visited in id order, a node moves only for a strictly better
//! modularity, ties go to the community met first, and communities are numbered by size
//! (largest first), then by their smallest member id. Nodes without edges are communities of
//! their own.

use super::Graph;
use std::collections::{BTreeMap, HashMap};

/// Each node's community number, `0` the largest community.
pub fn communities(graph: &Graph) -> HashMap<&str, usize> {
    let ids: Vec<&str> = graph.actors().map(|a| a.id.as_str()).collect();
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for r in graph.relations() {
        let (a, b) = (index[r.source.as_str()], index[r.target.as_str()]);
        *pairs.entry((a.min(b), a.max(b))).or_default() += r.weight() as f64;
    }
    let edges: Vec<(usize, usize, f64)> = pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    let membership = louvain(ids.len(), &edges);
    numbered(&ids, &membership)
}

/// Louvain on `n` nodes and weighted undirected `edges`: each node's community (arbitrary
/// numbers).
pub fn louvain(n: usize, edges: &[(usize, usize, f64)]) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = Level::new(n, edges);
    loop {
        let (moved, local) = level.local_moving();
        for m in membership.iter_mut() {
            *m = local[*m];
        }
        if !moved {
            return membership;
        }
        level = level.aggregate(&local);
    }
}

/// One level of the method: a weighted graph as adjacency lists.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    /// Weighted degree of each node (self loops counted twice).
    degree: Vec<f64>,
    /// Twice the total edge weight.
    m2: f64,
}

impl Level {
    fn new(n: usize, edges: &[(usize, usize, f64)]) -> Level {
        let mut adj = vec![Vec::new(); n];
        let mut degree = vec![0.0; n];
        for &(a, b, w) in edges {
            adj[a].push((b, w));
            degree[a] += w;
            if a != b {
                adj[b].push((a, w));
            }
            degree[b] += w;
        }
        let m2 = degree.iter().sum();
        Level { adj, degree, m2 }
    }

    /// Moves nodes between communities while modularity rises; returns whether any moved and
    /// each node's community, numbered 0.. in order of first node.
    fn local_moving(&self) -> (bool, Vec<usize>) {
        let n = self.adj.len();
        let mut community: Vec<usize> = (0..n).collect();
        let mut total: Vec<f64> = self.degree.clone();
        let mut moved_any = false;
        if self.m2 == 0.0 {
            return (false, community);
        }
        let mut links: HashMap<usize, f64> = HashMap::new();
        let mut order: Vec<usize> = Vec::new();
        loop {
            let mut moved = false;
            for i in 0..n {
                let own = community[i];
                links.clear();
                order.clear();
                for &(j, w) in &self.adj[i] {
                    if j == i {
                        continue;
                    }
                    let c = community[j];
                    let e = links.entry(c).or_insert_with(|| {
                        order.push(c);
                        0.0
                    });
                    *e += w;
                }
                let k = self.degree[i];
                total[own] -= k;
                let gain = |c: usize, l: f64| l - total[c] * k / self.m2;
                let mut best = own;
                let mut best_gain = gain(own, links.get(&own).copied().unwrap_or(0.0));
                for &c in &order {
                    let g = gain(c, links[&c]);
                    if g > best_gain + 1e-12 {
                        best = c;
                        best_gain = g;
                    }
                }
                total[best] += k;
                if best != own {
                    community[i] = best;
                    moved = true;
                    moved_any = true;
                }
            }
            if !moved {
                break;
            }
        }
        let mut renumber: HashMap<usize, usize> = HashMap::new();
        let local = community
            .iter()
            .map(|c| {
                let next = renumber.len();
                *renumber.entry(*c).or_insert(next)
            })
            .collect();
        (moved_any, local)
    }

    /// The graph of communities: one node each, edges summed (inner ones as self loops).
    fn aggregate(&self, community: &[usize]) -> Level {
        let n = community.iter().max().map_or(0, |m| m + 1);
        let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for (i, list) in self.adj.iter().enumerate() {
            for &(j, w) in list {
                // Each edge appears in both lists; count it once (a self loop appears once).
                if j < i {
                    continue;
                }
                let (a, b) = (community[i], community[j]);
                *pairs.entry((a.min(b), a.max(b))).or_default() += w;
            }
        }
        let edges: Vec<(usize, usize, f64)> = pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        Level::new(n, &edges)
    }
}

/// Community numbers by size, largest first, then by smallest member id (`ids` is sorted).
fn numbered<'a>(ids: &[&'a str], membership: &[usize]) -> HashMap<&'a str, usize> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in membership.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut out = HashMap::with_capacity(ids.len());
    for (number, group) in groups.iter().enumerate() {
        for &i in group {
            out.insert(ids[i], number);
        }
    }
    out
}

/// Newman's modularity of a partition, for tests and reports.
pub fn modularity(n: usize, edges: &[(usize, usize, f64)], membership: &[usize]) -> f64 {
    let level = Level::new(n, edges);
    if level.m2 == 0.0 {
        return 0.0;
    }
    let mut inner: HashMap<usize, f64> = HashMap::new();
    let mut total: HashMap<usize, f64> = HashMap::new();
    for &(a, b, w) in edges {
        if membership[a] == membership[b] {
            *inner.entry(membership[a]).or_default() += 2.0 * w;
        }
    }
    for (i, &d) in level.degree.iter().enumerate() {
        *total.entry(membership[i]).or_default() += d;
    }
    total
        .iter()
        .map(|(c, t)| inner.get(c).copied().unwrap_or(0.0) / level.m2 - (t / level.m2).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Zachary's karate club (Zachary 1977): 34 members, 78 friendships, nodes numbered from 1
    /// as in the paper. Louvain finds four communities with modularity about 0.4188 (the best
    /// partition known is 0.4198).
    const KARATE: &[(usize, usize)] = &[
        (2, 1),
        (3, 1),
        (3, 2),
        (4, 1),
        (4, 2),
        (4, 3),
        (5, 1),
        (6, 1),
        (7, 1),
        (7, 5),
        (7, 6),
        (8, 1),
        (8, 2),
        (8, 3),
        (8, 4),
        (9, 1),
        (9, 3),
        (10, 3),
        (11, 1),
        (11, 5),
        (11, 6),
        (12, 1),
        (13, 1),
        (13, 4),
        (14, 1),
        (14, 2),
        (14, 3),
        (14, 4),
        (17, 6),
        (17, 7),
        (18, 1),
        (18, 2),
        (20, 1),
        (20, 2),
        (22, 1),
        (22, 2),
        (26, 24),
        (26, 25),
        (28, 3),
        (28, 24),
        (28, 25),
        (29, 3),
        (30, 24),
        (30, 27),
        (31, 2),
        (31, 9),
        (32, 1),
        (32, 25),
        (32, 26),
        (32, 29),
        (33, 3),
        (33, 9),
        (33, 15),
        (33, 16),
        (33, 19),
        (33, 21),
        (33, 23),
        (33, 24),
        (33, 30),
        (33, 31),
        (33, 32),
        (34, 9),
        (34, 10),
        (34, 14),
        (34, 15),
        (34, 16),
        (34, 19),
        (34, 20),
        (34, 21),
        (34, 23),
        (34, 24),
        (34, 27),
        (34, 28),
        (34, 29),
        (34, 30),
        (34, 31),
        (34, 32),
        (34, 33),
    ];

    #[test]
    fn the_karate_club_splits_as_published() {
        let edges: Vec<(usize, usize, f64)> = KARATE.iter().map(|&(a, b)| (a - 1, b - 1, 1.0)).collect();
        assert_eq!(edges.len(), 78);
        let m = louvain(34, &edges);
        let q = modularity(34, &edges, &m);
        assert!(q > 0.41 && q < 0.4199, "modularity {q}");
        let groups: std::collections::BTreeSet<usize> = m.iter().copied().collect();
        assert!((3..=4).contains(&groups.len()), "{m:?}");
        // The two leaders of the split (the instructor, 1, and the administrator, 34) never
        // share a community.
        assert_ne!(m[0], m[33]);
        assert_eq!(louvain(34, &edges), m, "deterministic");
    }

    #[test]
    fn two_cliques_joined_by_one_edge_are_two_communities_and_lone_nodes_their_own() {
        let mut edges = Vec::new();
        for group in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            for (k, &a) in group.iter().enumerate() {
                for &b in &group[k + 1..] {
                    edges.push((a, b, 1.0));
                }
            }
        }
        edges.push((3, 4, 1.0));
        let m = louvain(9, &edges);
        assert!(m[..4].iter().all(|&c| c == m[0]) && m[4..8].iter().all(|&c| c == m[4]));
        assert_ne!(m[0], m[4]);
        assert!(m[..8].iter().all(|&c| c != m[8]), "node 8 has no edge");
    }
}
