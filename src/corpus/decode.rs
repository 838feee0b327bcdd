//! From a byte stream to text: the size cap, binary detection, byte-order marks, UTF-16 and
//! lossy UTF-8. Line endings are left alone: later offsets point into the text as decoded.

use std::io::{self, Read};

/// How much of the start of an input is searched for NUL bytes to call it binary.
pub const SNIFF_LEN: usize = 8 * 1024;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16BE_BOM: &[u8] = &[0xFE, 0xFF];

/// Why an input could not be read at all.
#[derive(Debug)]
pub enum ReadFailure {
    TooLarge,
    Binary,
    Io(io::Error),
}

impl From<io::Error> for ReadFailure {
    fn from(e: io::Error) -> Self {
        ReadFailure::Io(e)
    }
}

/// Reads at most `cap` bytes. The first `SNIFF_LEN` bytes are read and checked before the
/// rest, so a binary stream (even an endless one like `/dev/zero`) is refused early.
pub fn read_capped(mut reader: impl Read, cap: u64) -> Result<Vec<u8>, ReadFailure> {
    let mut buf = Vec::new();
    (&mut reader).take(SNIFF_LEN as u64).read_to_end(&mut buf)?;
    if looks_binary(&buf) {
        return Err(ReadFailure::Binary);
    }
    let room = cap.saturating_add(1).saturating_sub(buf.len() as u64);
    reader.take(room).read_to_end(&mut buf)?;
    if buf.len() as u64 > cap {
        return Err(ReadFailure::TooLarge);
    }
    Ok(buf)
}

/// NUL bytes near the start mean binary, except in UTF-16 text, which announces itself with a BOM.
pub fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(UTF16LE_BOM) || head.starts_with(UTF16BE_BOM) {
        return false;
    }
    head[..head.len().min(SNIFF_LEN)].contains(&0)
}

/// Decodes bytes to text. Returns a warning when characters had to be replaced.
pub fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let bytes = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let warning = format!(
                "not valid UTF-8 (first bad byte at offset {at}); bad bytes were replaced with U+FFFD, \
                 convert the file to UTF-8 to keep them"
            );
            (text, Some(warning))
        }
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<String>) {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut damaged = bytes.len() % 2 == 1;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            damaged = true;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let warning = damaged.then(|| {
        "not valid UTF-16 (unpaired surrogate or odd length); bad units were replaced with U+FFFD".to_string()
    });
    (text, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], &str, bool)] = &[
            (b"plain text", "plain text", false),
            (b"\xEF\xBB\xBFwith bom", "with bom", false),
            (b"caf\xC3\xA9", "café", false),
            (b"bad \xFF byte", "bad \u{FFFD} byte", true),
            (b"\xFF\xFEh\x00i\x00", "hi", false),
            (b"\xFE\xFF\x00h\x00i", "hi", false),
            (b"\xFF\xFE\x3D\xD8\x00\xDE", "\u{1F600}", false),
            (b"\xFF\xFE\x00\xD8h\x00", "\u{FFFD}h", true),
            (b"\xFF\xFEh\x00i", "h\u{FFFD}", true),
            (b"crlf\r\nand lone\rcr", "crlf\r\nand lone\rcr", false),
            (b"", "", false),
        ];
        for (bytes, want, warns) in cases {
            let (text, warning) = decode(bytes.to_vec());
            assert_eq!(text, *want, "{bytes:?}");
            assert_eq!(warning.is_some(), *warns, "{bytes:?}: {warning:?}");
        }
    }

    #[test]
    fn utf8_warning_names_the_offset() {
        let (_, warning) = decode(b"abc\xC3(".to_vec());
        assert!(warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn binary_needs_a_nul_in_the_head_and_no_utf16_bom() {
        assert!(looks_binary(b"ab\0cd"));
        assert!(!looks_binary(b"abcd"));
        assert!(!looks_binary(b"\xFF\xFEa\0"));
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(!looks_binary(&late));
    }

    #[test]
    fn cap_refuses_large_and_binary_streams() {
        assert_eq!(read_capped(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(read_capped(&b"123456"[..], 5), Err(ReadFailure::TooLarge)));
        assert!(matches!(read_capped(io::repeat(0), 1 << 40), Err(ReadFailure::Binary)));
        assert!(matches!(
            read_capped(io::repeat(b'a'), 20_000),
            Err(ReadFailure::TooLarge)
        ));
        let big = vec![b'a'; 3 * SNIFF_LEN];
        assert_eq!(
            read_capped(&big[..], 3 * SNIFF_LEN as u64).unwrap().len(),
            3 * SNIFF_LEN
        );
    }
}
