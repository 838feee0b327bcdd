//! Training plumbing shared by every learned model: the deterministic generator and shuffle, the
//! epoch loop over a shuffled order, and the per-epoch callback type.
//!
//! Nothing here depends on a crate's random numbers or on the machine, so the same examples,
//! epochs and seed always visit the examples in the same order.

/// Sees the epoch number (from 1) and the averaged model `M` after each pass.
pub type EpochCallback<'a, M> = &'a mut dyn FnMut(usize, &M);

/// SplitMix64: a tiny, well-mixed generator, so the shuffle never depends on a crate version.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Fisher-Yates; the modulo bias over at most millions of examples is irrelevant here.
pub fn shuffle(order: &mut [usize], rng: &mut SplitMix) {
    for i in (1..order.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Runs `epochs` passes over examples `0..examples`: before each pass the order is shuffled
/// (one generator seeded with `seed` for the whole run), then `pass` sees the epoch number
/// (from 1) and the order to learn the examples in.
pub fn epochs(examples: usize, epochs: usize, seed: u64, mut pass: impl FnMut(usize, &[usize])) {
    let mut order: Vec<usize> = (0..examples).collect();
    let mut rng = SplitMix(seed);
    for epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        pass(epoch + 1, &order);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        let mut rng = SplitMix(0);
        assert_eq!(rng.next(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn every_epoch_sees_a_permutation_and_the_same_seed_the_same_orders() {
        let record = |seed| {
            let mut seen = Vec::new();
            epochs(50, 3, seed, |epoch, order| seen.push((epoch, order.to_vec())));
            seen
        };
        let a = record(7);
        assert_eq!(a.iter().map(|(e, _)| *e).collect::<Vec<_>>(), [1, 2, 3]);
        for (_, order) in &a {
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        }
        assert_ne!(a[0].1, a[1].1);
        assert_eq!(a, record(7));
        assert_ne!(a, record(8));
    }
}
