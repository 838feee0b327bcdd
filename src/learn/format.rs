//! The model file container shared by every learned model: a header that refuses files of
//! another model, format version or configuration, the model's own sections, and a checksum.
//! Little-endian throughout.
//!
//! ```text
//! magic (the model's own bytes)  version u32  config u64
//! sections, in the order the model writes them (integers, tables, sparse weight rows)
//! checksum u64: hash_bytes of everything before it
//! ```
//!
//! A model describes itself with a [`Kind`], writes with a [`Writer`] and reads back with
//! [`open`] and the [`Reader`] it hands out. The sections carry no tags or lengths: a model
//! reads exactly what it wrote, and [`Reader::finish`] refuses anything left over.

use super::hash::hash_bytes;
use crate::Error;

/// What a model file is: the constants of its header and the words of its errors.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The first bytes of the file, e.g. `b"GRAPHGEN-TAGGER\n"`.
    pub magic: &'static [u8],
    /// The layout of the sections; bump it when they change.
    pub version: u32,
    /// The error's subject, e.g. `"tagger model"`.
    pub what: &'static str,
    /// What the magic bytes say a file is, for the bad-magic error: `"graphgen tagger model"`.
    pub name: &'static str,
    /// How to make a good file, appended to every error.
    pub retrain: &'static str,
}

impl Kind {
    /// An error about a file of this kind.
    pub fn invalid(&self, message: impl Into<String>) -> Error {
        Error::Invalid {
            what: self.what.into(),
            message: message.into(),
        }
    }
}

/// Writes a model file: the header on creation, sections through the methods, the checksum
/// on [`Writer::finish`].
#[derive(Debug)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// Starts a file of `kind` whose weights mean what `config` (a hash of everything they
    /// depend on besides themselves) says.
    pub fn new(kind: &Kind, config: u64, capacity: usize) -> Writer {
        let mut out = Vec::with_capacity(capacity);
        out.extend_from_slice(kind.magic);
        out.extend_from_slice(&kind.version.to_le_bytes());
        out.extend_from_slice(&config.to_le_bytes());
        Writer { out }
    }

    pub fn u8(&mut self, v: u8) {
        self.out.push(v);
    }

    pub fn u16(&mut self, v: u16) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// A table of `classes` weights per row, most rows zero: a bitmap of the rows with a
    /// non-zero weight, then for each such row in order a mask of its non-zero classes
    /// (`classes.div_ceil(8)` bytes, little-endian bit order) and those weights as `i16`.
    pub fn sparse_rows(&mut self, weights: &[i16], classes: usize) {
        let rows: Vec<&[i16]> = weights.chunks_exact(classes).collect();
        let mut bitmap = vec![0u8; rows.len().div_ceil(8)];
        for (b, row) in rows.iter().enumerate() {
            if row.iter().any(|&w| w != 0) {
                bitmap[b / 8] |= 1 << (b % 8);
            }
        }
        self.out.extend_from_slice(&bitmap);
        let mut mask = vec![0u8; classes.div_ceil(8)];
        for row in rows.iter().filter(|row| row.iter().any(|&w| w != 0)) {
            mask.fill(0);
            for (t, &w) in row.iter().enumerate() {
                if w != 0 {
                    mask[t / 8] |= 1 << (t % 8);
                }
            }
            self.out.extend_from_slice(&mask);
            for &w in row.iter().filter(|&&w| w != 0) {
                self.out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// The file: everything written, then its checksum.
    pub fn finish(mut self) -> Vec<u8> {
        let checksum = hash_bytes(&self.out);
        self.out.extend_from_slice(&checksum.to_le_bytes());
        self.out
    }
}

/// Opens a file of `kind`: checks the magic bytes and the version, hands the stored config
/// hash and a reader placed after it to `header` (which reads the model's header fields and
/// refuses a config it cannot read), then checks the checksum. Returns what `header` read and
/// the reader, placed at the first section after the header.
pub fn open<'a, H>(
    bytes: &'a [u8],
    kind: &'a Kind,
    header: impl FnOnce(u64, &mut Reader<'a>) -> Result<H, Error>,
) -> Result<(H, Reader<'a>), Error> {
    let body_len = bytes
        .len()
        .checked_sub(8)
        .ok_or_else(|| kind.invalid("the file is too short to be a model"))?;
    let mut r = Reader {
        bytes: &bytes[..body_len],
        at: 0,
        kind,
    };
    if r.take(kind.magic.len())? != kind.magic {
        return Err(kind.invalid(format!("not a {} (bad magic bytes)", kind.name)));
    }
    let version = r.u32()?;
    if version != kind.version {
        return Err(kind.invalid(format!(
            "model format version {version}, this program reads {}; {}",
            kind.version, kind.retrain
        )));
    }
    let config = r.u64()?;
    let read = header(config, &mut r)?;
    let stored = u64::from_le_bytes(bytes[body_len..].try_into().expect("8 bytes"));
    if stored != hash_bytes(&bytes[..body_len]) {
        return Err(kind.invalid(format!("checksum mismatch: the file is damaged; {}", kind.retrain)));
    }
    Ok((read, r))
}

/// Reads the sections of a file opened with [`open`]; every error names the fix.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    kind: &'a Kind,
}

impl<'a> Reader<'a> {
    /// An error about this file, with the fix appended.
    pub fn invalid(&self, message: impl std::fmt::Display) -> Error {
        self.kind.invalid(format!("{message}; {}", self.kind.retrain))
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.remaining() < n {
            return Err(self.invalid("the file ends early (truncated?)"));
        }
        self.at += n;
        Ok(&self.bytes[self.at - n..self.at])
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16, Error> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    pub fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    pub fn i32(&mut self) -> Result<i32, Error> {
        Ok(self.u32()? as i32)
    }

    pub fn i16(&mut self) -> Result<i16, Error> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }

    /// Reads what [`Writer::sparse_rows`] wrote for `rows` rows of `classes` weights.
    pub fn sparse_rows(&mut self, rows: usize, classes: usize) -> Result<Vec<i16>, Error> {
        let bitmap = self.take(rows.div_ceil(8))?;
        let mask_len = classes.div_ceil(8);
        let mut weights = vec![0i16; rows * classes];
        for b in set_bits(bitmap).take_while(|&b| b < rows) {
            let mask = self.take(mask_len)?;
            if let Some(t) = set_bits(mask).find(|&t| t >= classes) {
                return Err(self.invalid(format!("row {b} names class {t}, beyond {classes}")));
            }
            let row = &mut weights[b * classes..(b + 1) * classes];
            for t in set_bits(mask) {
                row[t] = self.i16()?;
            }
        }
        Ok(weights)
    }

    /// Ends reading: refuses bytes nobody read.
    pub fn finish(self) -> Result<(), Error> {
        if self.at != self.bytes.len() {
            return Err(self.invalid(format!(
                "{} unexpected bytes after the last section",
                self.bytes.len() - self.at
            )));
        }
        Ok(())
    }
}

/// The indices of the set bits of a little-endian bitmap, in order.
fn set_bits(bitmap: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bitmap.iter().enumerate().flat_map(|(i, &byte)| {
        let mut m = byte;
        std::iter::from_fn(move || {
            (m != 0).then(|| {
                let bit = m.trailing_zeros() as usize;
                m &= m - 1;
                i * 8 + bit
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOY: Kind = Kind {
        magic: b"TOY\n",
        version: 3,
        what: "toy model",
        name: "toy model",
        retrain: "make a new one",
    };

    fn toy(config: u64) -> Vec<u8> {
        let mut w = Writer::new(&TOY, config, 64);
        w.u32(5);
        w.sparse_rows(&[0, 0, 0, 7, 0, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 11);
        w.finish()
    }

    fn read(bytes: &[u8]) -> Result<(u32, Vec<i16>), Error> {
        let (n, mut r) = open(bytes, &TOY, |config, r| {
            if config != 9 {
                return Err(r.invalid("another config"));
            }
            r.u32()
        })?;
        let weights = r.sparse_rows(2, 11)?;
        r.finish()?;
        Ok((n, weights))
    }

    #[test]
    fn sections_round_trip_and_masks_span_bytes() {
        let bytes = toy(9);
        let (n, weights) = read(&bytes).unwrap();
        assert_eq!(n, 5);
        assert_eq!(weights[3], 7);
        assert_eq!(weights[5], -2);
        assert_eq!(weights[21], 1);
        assert_eq!(weights.iter().filter(|&&w| w != 0).count(), 3);
    }

    #[test]
    fn foreign_or_damaged_files_are_refused() {
        let msg = |b: &[u8]| read(b).unwrap_err().to_string();
        assert!(msg(b"").contains("too short"));
        assert!(msg(&toy(8)).contains("another config; make a new one"));
        let mut bytes = toy(9);
        bytes[0] = b'X';
        assert!(msg(&bytes).contains("not a toy model"));
        let mut bytes = toy(9);
        bytes[4] = 4;
        assert!(msg(&bytes).contains("version 4, this program reads 3"));
        let mut bytes = toy(9);
        let at = bytes.len() - 9;
        bytes[at] ^= 1;
        assert!(msg(&bytes).contains("checksum"));
    }
}
