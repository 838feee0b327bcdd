//! Low-level character helpers shared by the sentence splitter and the tokenizer.
//!
//! Both scan bytes and decode a char only where they need one, so these helpers take a byte
//! position and never allocate.

/// The char starting at byte `i` of `s` and its length in bytes; `i` must be a char boundary.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char ending at byte `i` of `s` and its start; `i` must be a char boundary.
#[inline]
pub fn char_before(s: &str, i: usize) -> Option<(char, usize)> {
    if i == 0 {
        return None;
    }
    let b = s.as_bytes()[i - 1];
    if b < 0x80 {
        return Some((b as char, i - 1));
    }
    let c = s[..i].chars().next_back()?;
    Some((c, i - c.len_utf8()))
}

/// Quotes and brackets that close a sentence or a quotation.
#[inline]
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›')
}

/// Quotes and brackets that can open a sentence.
#[inline]
pub fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '‚')
}

/// Apostrophes: the straight one and the typographic right single quote news sites use.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Combining marks that `char::is_alphanumeric` leaves out; decomposed accents (`é` as `e` +
/// U+0301) must stay inside their word.
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{200C}' | '\u{200D}')
}

/// A char that belongs to a word or number.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        // Curly quotes, dashes and the ellipsis: skip the (slow) Unicode number table.
        '\u{2000}'..='\u{206F}' => matches!(c, '\u{200C}' | '\u{200D}'),
        _ => is_letter(c) || c.is_numeric(),
    }
}

/// A letter or a combining mark. Accented Latin and Cyrillic letters, common in news, are
/// answered from their blocks; the Unicode tables (slow) are left for the rest.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_alphabetic(),
        '\u{00C0}'..='\u{024F}' => !matches!(c, '\u{00D7}' | '\u{00F7}'),
        '\u{0400}'..='\u{0482}' => c != '\u{0482}',
        '\u{0483}'..='\u{052F}' => true,
        '\u{2000}'..='\u{206F}' => matches!(c, '\u{200C}' | '\u{200D}'),
        _ => c.is_alphabetic() || is_combining(c),
    }
}

/// Byte length of the line break starting at `i`, if one does (`\n`, `\r`, U+2028, U+2029).
#[inline]
pub fn line_break_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'\n' | b'\r' => Some(1),
        0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => Some(3),
        _ => None,
    }
}

/// Skips whitespace from `i`, returning the first non-space position (or `s.len()`).
#[inline]
pub fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some((c, n)) = char_at(s, i) {
        if !c.is_whitespace() {
            break;
        }
        i += n;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_multibyte_chars_both_ways() {
        let s = "a’b";
        assert_eq!(char_at(s, 1), Some(('’', 3)));
        assert_eq!(char_before(s, 4), Some(('’', 1)));
        assert_eq!(char_before(s, 0), None);
        assert_eq!(char_at(s, 5), None);
    }

    #[test]
    fn fast_letter_blocks_agree_with_unicode() {
        let blocks = [
            '\0'..='\u{7F}',
            '\u{C0}'..='\u{24F}',
            '\u{400}'..='\u{52F}',
            '\u{2000}'..='\u{206F}',
        ];
        for c in blocks.into_iter().flatten() {
            assert_eq!(is_letter(c), c.is_alphabetic() || is_combining(c), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_combining(c), "{c:?}");
        }
    }

    #[test]
    fn line_breaks_include_unicode_separators() {
        let s = "a\u{2028}b\u{2029}c\nd\re\u{2026}";
        let b = s.as_bytes();
        assert_eq!(line_break_len(b, 1), Some(3));
        assert_eq!(line_break_len(b, 5), Some(3));
        assert_eq!(line_break_len(b, 9), Some(1));
        assert_eq!(line_break_len(b, 11), Some(1));
        assert_eq!(line_break_len(b, 13), None, "an ellipsis is not a line break");
    }

    #[test]
    fn combining_accents_are_word_chars() {
        assert!(is_word_char('\u{0301}'));
        assert!(is_word_char('Д'));
        assert!(!is_word_char('-'));
        for c in ['“', '’', '—', '…', '×', '÷', '\u{0482}', '.', '\''] {
            assert!(!is_word_char(c), "{c:?}");
        }
        for c in ['é', 'ø', 'ł', 'ő', 'Ж', 'ї', 'ǆ', '\u{0483}', '7', '٣', 'ß', '中'] {
            assert!(is_word_char(c), "{c:?}");
        }
    }
}
