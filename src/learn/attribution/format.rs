//! The attribution model's file, in the shared container of [`crate::learn::format`].
//!
//! ```text
//! magic "GRAPHGEN-SPEAKER"  version u32  config u64  bits u32
//! weights: a bitmap of the 2^bits buckets with a non-zero weight, then for each such bucket a
//!          one-byte mask and its weight as i16
//! checksum u64 of everything before it
//! ```

use super::{Attribution, FEATURE_VERSION};
use crate::Error;
use crate::learn::format::{self, Kind, Writer};
use crate::learn::hash::hash_bytes;

const KIND: Kind = Kind {
    magic: b"GRAPHGEN-SPEAKER",
    version: 1,
    what: "attribution model",
    name: "graphgen attribution model",
    retrain: "retrain it with `graphgen train attribution` (see src/learn/attribution/mod.rs)",
};

fn config_hash(bits: u32) -> u64 {
    hash_bytes(format!("{FEATURE_VERSION}; bits {bits}").as_bytes())
}

pub(super) fn encode(model: &Attribution) -> Vec<u8> {
    let mut w = Writer::new(&KIND, config_hash(model.bits), 1 << 16);
    w.u32(model.bits);
    w.sparse_rows(&model.weights, 1);
    w.finish()
}

pub(super) fn decode(bytes: &[u8]) -> Result<Attribution, Error> {
    let (bits, r) = format::open(bytes, &KIND, |config, r| {
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) || config != config_hash(bits) {
            return Err(r.invalid("the model was made with other feature templates"));
        }
        Ok(bits)
    })?;
    let mut r = r;
    let weights = r.sparse_rows(1usize << bits, 1)?;
    r.finish()?;
    Ok(Attribution { bits, weights })
}
