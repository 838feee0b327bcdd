//! The parser's model file, in the shared container of [`crate::learn::format`].
//!
//! ```text
//! magic "GRAPHGEN-PARSER\n"  version u32  config u64
//! tags: count u32, then each as length u8 and bytes; labels the same; root label u32
//! three tables (tagger, transitions, labels), each: bits u32, classes u32, the number of
//!   non-zero rows u32, then per such row its index u32, a bitmask of its non-zero classes
//!   (ceil(classes / 8) bytes) and those weights as i16
//! checksum u64 of everything before it
//! ```

use super::Parser;
use super::words::Table;
use crate::Error;
use crate::learn::format::{self, Kind, Reader, Writer};
use crate::learn::hash::hash_bytes;

const KIND: Kind = Kind {
    magic: b"GRAPHGEN-PARSER\n",
    version: 1,
    what: "parser model",
    name: "graphgen parser model",
    retrain: "retrain it with `graphgen train parser` (see src/learn/parser/mod.rs)",
};

fn config_hash() -> u64 {
    hash_bytes(format!("{}; {}", super::pos::FEATURE_VERSION, super::arc::FEATURE_VERSION).as_bytes())
}

pub(crate) fn encode(p: &Parser) -> Vec<u8> {
    let mut w = Writer::new(&KIND, config_hash(), 1 << 22);
    for list in [&p.tags, &p.labels] {
        w.u32(list.len() as u32);
        for s in list {
            w.u8(s.len() as u8);
            w.bytes(s.as_bytes());
        }
    }
    w.u32(p.root_label as u32);
    for t in [&p.pos, &p.transitions, &p.label] {
        table(&mut w, t);
    }
    w.finish()
}

fn table(w: &mut Writer, t: &Table) {
    w.u32(t.bits);
    w.u32(t.classes as u32);
    let rows: Vec<usize> = (0..1usize << t.bits)
        .filter(|&r| t.weights[r * t.classes..(r + 1) * t.classes].iter().any(|&x| x != 0))
        .collect();
    w.u32(rows.len() as u32);
    for r in rows {
        let row = &t.weights[r * t.classes..(r + 1) * t.classes];
        w.u32(r as u32);
        let mut mask = vec![0u8; t.classes.div_ceil(8)];
        for (c, &x) in row.iter().enumerate() {
            if x != 0 {
                mask[c / 8] |= 1 << (c % 8);
            }
        }
        w.bytes(&mask);
        for &x in row.iter().filter(|&&x| x != 0) {
            w.u16(x as u16);
        }
    }
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Parser, Error> {
    let ((), mut r) = format::open(bytes, &KIND, |config, r| {
        if config != config_hash() {
            return Err(r.invalid("the model was made with other feature templates"));
        }
        Ok(())
    })?;
    let tags = strings(&mut r)?;
    let labels = strings(&mut r)?;
    let root_label = r.u32()? as usize;
    if root_label >= labels.len().max(1) {
        return Err(r.invalid("the root label is not among the labels"));
    }
    let pos = read_table(&mut r, Some(tags.len()))?;
    let transitions = read_table(&mut r, Some(super::arc::TRANSITIONS))?;
    let label = read_table(&mut r, Some(labels.len()))?;
    r.finish()?;
    Ok(Parser {
        tags,
        labels,
        pos,
        transitions,
        label,
        root_label,
    })
}

fn strings(r: &mut Reader<'_>) -> Result<Vec<String>, Error> {
    let n = r.u32()? as usize;
    let mut out = Vec::with_capacity(n.min(256));
    for _ in 0..n {
        let len = r.u8()? as usize;
        let s = std::str::from_utf8(r.take(len)?).map_err(|_| r.invalid("a tag or label is not UTF-8"))?;
        out.push(s.to_string());
    }
    Ok(out)
}

fn read_table(r: &mut Reader<'_>, classes_expected: Option<usize>) -> Result<Table, Error> {
    let bits = r.u32()?;
    let classes = r.u32()? as usize;
    if !(8..=24).contains(&bits) || classes == 0 || classes > 512 || classes_expected.is_some_and(|c| c != classes) {
        return Err(r.invalid("a weight table has an impossible size"));
    }
    let mut weights = vec![0i16; classes << bits];
    let n = r.u32()? as usize;
    for _ in 0..n {
        let row = r.u32()? as usize;
        if row >= 1 << bits {
            return Err(r.invalid("a weight row is out of its table"));
        }
        let mask = r.take(classes.div_ceil(8))?.to_vec();
        for c in 0..classes {
            if mask[c / 8] & (1 << (c % 8)) != 0 {
                weights[row * classes + c] = r.i16()?;
            }
        }
    }
    Ok(Table { bits, classes, weights })
}
