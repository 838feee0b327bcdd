//! Averaged perceptron weights, shared by every learned model: a table of integer weights with
//! the running sums that average them (Daumé's trick), the multiclass update, scoring a row set
//! against the table, and the quantisation of the averages to the stored `i16`/`i32` weights.
//!
//! A table has `rows * classes` weights, row-major: a feature bucket (or any row id) selects a
//! row of one weight per class. Updates are integers, so the same updates in any order give the
//! same sums and the same model bytes on every machine.

/// Perceptron weights with the sums needed to average them: after update `delta` at step `c`,
/// `sum` gains `c * delta`, and the average over all steps is `w - sum / c`.
///
/// The step is the caller's: one counter shared by every table of a model, advanced once per
/// training example, starting at 1.
#[derive(Debug, Clone)]
pub struct AveragedWeights {
    classes: usize,
    weights: Vec<i32>,
    sums: Vec<i64>,
}

impl AveragedWeights {
    /// A zero table of `rows` rows of `classes` weights.
    pub fn new(rows: usize, classes: usize) -> AveragedWeights {
        let n = rows * classes;
        AveragedWeights {
            classes,
            weights: vec![0; n],
            sums: vec![0; n],
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The current (not averaged) weights, row-major: what training decodes with.
    pub fn current(&self) -> &[i32] {
        &self.weights
    }

    /// Adds `delta` to weight `i` (`row * classes + class`) at step `step`.
    #[inline]
    pub fn bump(&mut self, i: usize, delta: i32, step: i64) {
        self.weights[i] += delta;
        self.sums[i] += step * delta as i64;
    }

    /// The multiclass update: every row in `rows` moves one towards `gold` and away from
    /// `predicted`.
    #[inline]
    pub fn update(&mut self, rows: &[u32], gold: usize, predicted: usize, step: i64) {
        for &r in rows {
            self.bump(r as usize * self.classes + gold, 1, step);
            self.bump(r as usize * self.classes + predicted, -1, step);
        }
    }

    /// Weight `i` averaged over the steps before `step`.
    #[inline]
    pub fn average(&self, i: usize, step: i64) -> f64 {
        average(self.weights[i], self.sums[i], step)
    }

    /// The largest absolute average: what [`Quantiser::new`] scales to `i16::MAX`.
    pub fn max_abs_average(&self, step: i64) -> f64 {
        self.weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| average(w, s, step).abs())
            .fold(0.0, f64::max)
    }

    /// The averaged weights, quantised and cast to `i16` (the stored emission weights).
    pub fn quantised_i16(&self, q: &Quantiser) -> Vec<i16> {
        self.weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| q.quantise(w, s) as i16)
            .collect()
    }

    /// The averaged weights, quantised with the same scale but kept as `i32` (small tables
    /// such as transitions, which may exceed the `i16` range).
    pub fn quantised_i32(&self, q: &Quantiser) -> Vec<i32> {
        self.weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| q.quantise(w, s) as i32)
            .collect()
    }
}

#[inline]
fn average(w: i32, sum: i64, step: i64) -> f64 {
    w as f64 - sum as f64 / step as f64
}

/// One scale for every table of a model, so that their quantised weights still add up.
#[derive(Debug, Clone, Copy)]
pub struct Quantiser {
    step: i64,
    scale: f64,
}

impl Quantiser {
    /// Scales averages at `step` so that `max_abs` (see [`AveragedWeights::max_abs_average`])
    /// becomes `i16::MAX`.
    pub fn new(step: i64, max_abs: f64) -> Quantiser {
        let scale = if max_abs > 0.0 { i16::MAX as f64 / max_abs } else { 1.0 };
        Quantiser { step, scale }
    }

    /// The average of weight `w` with sum `sum`, scaled and rounded.
    #[inline]
    pub fn quantise(&self, w: i32, sum: i64) -> f64 {
        (average(w, sum, self.step) * self.scale).round()
    }
}

/// Sums the weight rows of `rows` in a table of `N` classes: the score of each class.
#[inline]
pub fn scores<W: Copy + Into<i32>, const N: usize>(weights: &[W], rows: &[u32]) -> [i32; N] {
    let mut score = [0i32; N];
    for &b in rows {
        let start = b as usize * N;
        let row: &[W; N] = weights[start..start + N].try_into().expect("a row has N weights");
        for (s, &w) in score.iter_mut().zip(row) {
            *s += w.into();
        }
    }
    score
}

/// As [`scores`], for a class count known only at run time (the parser's tag and label
/// tables): `score` (one per class) is overwritten with the rows' summed weights.
#[inline]
pub fn scores_into<W: Copy + Into<i32>>(weights: &[W], rows: &[u32], score: &mut [i32]) {
    let classes = score.len();
    score.iter_mut().for_each(|s| *s = 0);
    for &r in rows {
        let at = r as usize * classes;
        for (s, &w) in score.iter_mut().zip(&weights[at..at + classes]) {
            *s += w.into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_weigh_each_value_by_how_long_it_held() {
        let mut t = AveragedWeights::new(2, 3);
        // Weight 1 is 0 before step 1, 2 after steps 1 and 2, 0 after steps 3 and 4.
        t.bump(1, 2, 1);
        t.bump(1, -2, 3);
        // At step 5 the average of those five values is 4 / 5.
        assert_eq!(t.average(1, 5), 0.8);
        assert_eq!(t.current()[1], 0);
        assert_eq!(t.max_abs_average(5), 0.8);
    }

    #[test]
    fn updates_move_towards_gold_and_quantise_to_the_full_range() {
        let mut t = AveragedWeights::new(4, 2);
        t.update(&[0, 3], 1, 0, 1);
        assert_eq!(t.current(), &[-1, 1, 0, 0, 0, 0, -1, 1]);
        let q = Quantiser::new(2, t.max_abs_average(2));
        assert_eq!(
            t.quantised_i16(&q),
            vec![-i16::MAX, i16::MAX, 0, 0, 0, 0, -i16::MAX, i16::MAX]
        );
        assert_eq!(scores::<i32, 2>(t.current(), &[0, 3, 3]), [-3, 3]);
    }
}
