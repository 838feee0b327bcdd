//! The tagger's model file, in the shared container of [`crate::learn::format`]: its magic
//! bytes and config hash, then the transitions, the casing table and the non-zero weight rows.
//! Little-endian throughout.
//!
//! ```text
//! magic "GRAPHGEN-TAGGER\n"  version u32  config u64  bits u32  extra_id u64
//! transitions: start [i32; 9], pair [[i32; 9]; 9]
//! casing: count u32, then (hash u64, class u8) sorted by hash
//! weights: a bitmap of the 2^bits buckets with a non-zero weight, then for each such bucket in
//!          order a u16 mask of its non-zero tags and those weights as i16
//! checksum u64 of everything before it
//! ```

use super::Tagger;
use super::casing::CasingTable;
use super::decode::{NTAGS, Transitions};
use super::features::FEATURE_VERSION;
use crate::Error;
use crate::learn::format::{self, Kind, Reader, Writer};
use crate::learn::hash::hash_bytes;

const KIND: Kind = Kind {
    magic: b"GRAPHGEN-TAGGER\n",
    version: 1,
    what: "tagger model",
    name: "graphgen tagger model",
    retrain: "retrain it with `graphgen train` (see src/learn/tagger/mod.rs)",
};

/// Hash of everything a weight's meaning depends on besides the weights themselves.
fn config_hash(bits: u32) -> u64 {
    hash_bytes(format!("{FEATURE_VERSION}; tags {NTAGS}; bits {bits}").as_bytes())
}

pub(crate) fn encode(tagger: &Tagger) -> Vec<u8> {
    let mut w = Writer::new(&KIND, config_hash(tagger.bits), 1 << 20);
    w.u32(tagger.bits);
    w.u64(tagger.extra_id);
    let trans = &tagger.trans;
    for &t in trans.start.iter().chain(trans.pair.iter().flatten()) {
        w.i32(t);
    }
    let entries = tagger.casing.entries();
    w.u32(entries.len() as u32);
    for (hash, class) in entries {
        w.u64(hash);
        w.u8(class);
    }
    w.sparse_rows(&tagger.weights, NTAGS);
    w.finish()
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Tagger, Error> {
    let (bits, mut r) = format::open(bytes, &KIND, |config, r| {
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) || config != config_hash(bits) {
            return Err(r.invalid("the model was made with other feature templates"));
        }
        Ok(bits)
    })?;
    let extra_id = r.u64()?;
    let trans = read_transitions(&mut r)?;
    let casing = read_casing(&mut r)?;
    let weights = r.sparse_rows(1usize << bits, NTAGS)?;
    r.finish()?;
    Ok(Tagger {
        bits,
        weights,
        trans,
        casing,
        extra_id,
    })
}

fn read_transitions(r: &mut Reader<'_>) -> Result<Transitions, Error> {
    let mut trans = Transitions::default();
    for w in trans.start.iter_mut().chain(trans.pair.iter_mut().flatten()) {
        *w = r.i32()?;
    }
    Ok(trans)
}

fn read_casing(r: &mut Reader<'_>) -> Result<CasingTable, Error> {
    let n = r.u32()? as usize;
    let mut entries = Vec::with_capacity(n.min(r.remaining() / 9));
    for _ in 0..n {
        let hash = r.u64()?;
        entries.push((hash, r.u8()?));
    }
    Ok(CasingTable::from_entries(&entries))
}
