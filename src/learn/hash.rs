//! Feature hashing, shared by every learned model: the streaming mix, its finaliser, feature ids
//! built from a template id and values (strings, chars, other hashes), and bucket indices.
//!
//! Everything here is part of what a stored model means: changing a constant or a step changes
//! every feature id, so a model file's config hash must change with it.

/// The multiplier of [`mix`], also the seed of every hash started from nothing.
pub const K: u64 = 0x517c_c1b7_2722_0a95;

/// One step of an Fx-style streaming hash: fast, and good enough once [`fmix`] spreads it.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Murmur3's finaliser, so that the high bits used as bucket index depend on every input bit.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The bucket of a feature id in a table of `2^bits` rows: the high bits of its finalised hash.
#[inline]
pub fn bucket(feature: u64, bits: u32) -> u32 {
    (fmix(feature) >> (64 - bits)) as u32
}

/// A feature id: template `template` (a salt that keeps equal values of different templates
/// apart) over `values`, e.g. `feature(T_LOWER_P1_C, [prev.lower, cur.lower])`.
#[inline]
pub fn feature<const N: usize>(template: u64, values: [u64; N]) -> u64 {
    let mut h = mix(K, template);
    for v in values {
        h = mix(h, v);
    }
    h
}

/// Mixes one character into `h` as it is.
#[inline]
pub fn mix_char(h: u64, c: char) -> u64 {
    mix(h, c as u64)
}

/// Mixes one character into `h` in lowercase (every char of its lowercase form).
#[inline]
pub fn mix_lower(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return mix(h, c.to_ascii_lowercase() as u64);
    }
    for l in c.to_lowercase() {
        h = mix(h, l as u64);
    }
    h
}

/// Hash of a string's characters as they are, from [`K`]: a value to pass to [`feature`].
#[inline]
pub fn hash_str(s: &str) -> u64 {
    s.chars().fold(K, mix_char)
}

/// Hash of a string's characters in lowercase, from [`K`]: equal for `Warsaw` and `WARSAW`.
#[inline]
pub fn hash_lower(s: &str) -> u64 {
    s.chars().fold(K, mix_lower)
}

/// Hash of a byte string, finalised: model checksums and configuration hashes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    fmix(bytes.iter().fold(K, |h, &b| mix(h, b as u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_the_template_then_its_values_mixed_in_order() {
        assert_eq!(feature(7, []), mix(K, 7));
        assert_eq!(feature(7, [1, 2]), mix(mix(mix(K, 7), 1), 2));
        assert_ne!(feature(7, [1, 2]), feature(7, [2, 1]));
        assert_ne!(feature(7, [1]), feature(8, [1]));
    }

    #[test]
    fn string_hashes_fold_case_only_when_asked() {
        assert_eq!(hash_lower("Warsaw"), hash_lower("WARSAW"));
        assert_ne!(hash_str("Warsaw"), hash_str("WARSAW"));
        assert_eq!(hash_str("warsaw"), hash_lower("Warsaw"));
        assert_eq!(hash_lower("ÉCOLE"), hash_str("école"));
    }

    #[test]
    fn buckets_stay_within_the_table() {
        for f in 0..1000u64 {
            assert!(bucket(feature(1, [f]), 10) < 1 << 10);
        }
    }
}
