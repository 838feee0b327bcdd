//! The model file: a header that refuses files of another program or feature set, then the
//! transitions, the casing table and the non-zero weight rows. Little-endian throughout.
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
use super::features::{FEATURE_VERSION, hash_bytes};
use crate::Error;

const MAGIC: &[u8; 16] = b"GRAPHGEN-TAGGER\n";
const VERSION: u32 = 1;

/// Hash of everything a weight's meaning depends on besides the weights themselves.
fn config_hash(bits: u32) -> u64 {
    hash_bytes(format!("{FEATURE_VERSION}; tags {NTAGS}; bits {bits}").as_bytes())
}

pub(crate) fn encode(tagger: &Tagger) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&config_hash(tagger.bits).to_le_bytes());
    out.extend_from_slice(&tagger.bits.to_le_bytes());
    out.extend_from_slice(&tagger.extra_id.to_le_bytes());
    let trans = &tagger.trans;
    for w in trans.start.iter().chain(trans.pair.iter().flatten()) {
        out.extend_from_slice(&w.to_le_bytes());
    }
    let entries = tagger.casing.entries();
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for (hash, class) in entries {
        out.extend_from_slice(&hash.to_le_bytes());
        out.push(class);
    }
    encode_weights(&tagger.weights, &mut out);
    let checksum = hash_bytes(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

fn encode_weights(weights: &[i16], out: &mut Vec<u8>) {
    let rows: Vec<&[i16]> = weights.chunks_exact(NTAGS).collect();
    let mut bitmap = vec![0u8; rows.len().div_ceil(8)];
    for (b, row) in rows.iter().enumerate() {
        if row.iter().any(|&w| w != 0) {
            bitmap[b / 8] |= 1 << (b % 8);
        }
    }
    out.extend_from_slice(&bitmap);
    for row in rows.iter().filter(|row| row.iter().any(|&w| w != 0)) {
        let mask = row
            .iter()
            .enumerate()
            .fold(0u16, |m, (t, &w)| if w != 0 { m | 1 << t } else { m });
        out.extend_from_slice(&mask.to_le_bytes());
        for &w in row.iter().filter(|&&w| w != 0) {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::Invalid {
        what: "tagger model".into(),
        message: message.into(),
    }
}

const RETRAIN: &str = "retrain it with `graphgen train` (see src/learn/tagger/mod.rs)";

pub(crate) fn decode(bytes: &[u8]) -> Result<Tagger, Error> {
    let body_len = bytes
        .len()
        .checked_sub(8)
        .ok_or_else(|| invalid("the file is too short to be a model"))?;
    let mut r = Reader {
        bytes: &bytes[..body_len],
        at: 0,
    };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(invalid("not a graphgen tagger model (bad magic bytes)"));
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(invalid(format!(
            "model format version {version}, this program reads {VERSION}; {RETRAIN}"
        )));
    }
    let config = r.u64()?;
    let bits = r.u32()?;
    if !(8..=26).contains(&bits) || config != config_hash(bits) {
        return Err(invalid(format!(
            "the model was made with other feature templates; {RETRAIN}"
        )));
    }
    let stored = u64::from_le_bytes(bytes[body_len..].try_into().expect("8 bytes"));
    if stored != hash_bytes(&bytes[..body_len]) {
        return Err(invalid(format!("checksum mismatch: the file is damaged; {RETRAIN}")));
    }
    let extra_id = r.u64()?;
    let trans = read_transitions(&mut r)?;
    let casing = read_casing(&mut r)?;
    let weights = read_weights(&mut r, bits)?;
    if r.at != r.bytes.len() {
        return Err(invalid(format!(
            "{} unexpected bytes after the weights; {RETRAIN}",
            r.bytes.len() - r.at
        )));
    }
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
        *w = r.u32()? as i32;
    }
    Ok(trans)
}

fn read_casing(r: &mut Reader<'_>) -> Result<CasingTable, Error> {
    let n = r.u32()? as usize;
    let mut entries = Vec::with_capacity(n.min(r.remaining() / 9));
    for _ in 0..n {
        let hash = r.u64()?;
        entries.push((hash, r.take(1)?[0]));
    }
    Ok(CasingTable::from_entries(&entries))
}

fn read_weights(r: &mut Reader<'_>, bits: u32) -> Result<Vec<i16>, Error> {
    let buckets = 1usize << bits;
    let bitmap = r.take(buckets.div_ceil(8))?;
    let mut weights = vec![0i16; buckets * NTAGS];
    for b in (0..buckets).filter(|b| bitmap[b / 8] & (1 << (b % 8)) != 0) {
        let mask = u16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
        if mask >> NTAGS != 0 {
            return Err(invalid(format!("bucket {b} names a tag beyond {NTAGS}; {RETRAIN}")));
        }
        for t in (0..NTAGS).filter(|t| mask & (1 << t) != 0) {
            weights[b * NTAGS + t] = i16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
        }
    }
    Ok(weights)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.remaining() < n {
            return Err(invalid(format!("the file ends early (truncated?); {RETRAIN}")));
        }
        self.at += n;
        Ok(&self.bytes[self.at - n..self.at])
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
}
