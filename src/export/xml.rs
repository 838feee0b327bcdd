//! Escaping for the XML formats (GEXF, GraphML): any name becomes well-formed XML 1.0 that
//! reads back as the text it came from, less what XML cannot carry.
//!
//! XML 1.0 forbids most control characters even as character references, so labels lose
//! them; ids instead spell them out, so that two ids never become one.

use std::fmt::Write;

/// Text for an attribute value or element content, with `&`, `<`, `>` and both quotes
/// escaped. Tab, line feed and carriage return are written as character references, which
/// a parser keeps as they are (written raw, attribute normalisation would turn them into
/// spaces and line-end handling would turn CR into LF). Other control characters, C0 and C1,
/// and the non-characters U+FFFE and U+FFFF are dropped.
pub(super) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// An id as an attribute value. Characters `text` would drop become `\u{hex}` instead, and
/// every backslash is doubled so no other id can spell the same thing: distinct ids stay
/// distinct, and ids without either (every slug graphgen makes) are written as they are.
pub(super) fn id(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if is_dropped(c) {
            // Writing into a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            push_escaped(&mut out, c);
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        '\t' => out.push_str("&#9;"),
        '\n' => out.push_str("&#10;"),
        '\r' => out.push_str("&#13;"),
        c if is_dropped(c) => {}
        c => out.push(c),
    }
}

/// Characters left out of XML text: control characters other than tab, LF and CR (XML 1.0
/// forbids the C0 ones and tools choke on C1) and the two non-characters XML 1.0 forbids.
fn is_dropped(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Separator of list values (aliases, documents, triggers) written as one string: list
/// types are read differently by different tools, a string reads the same everywhere.
pub(super) const LIST_SEPARATOR: &str = "; ";

pub(super) fn list<'a, S: AsRef<str> + ?Sized + 'a>(items: impl IntoIterator<Item = &'a S>) -> String {
    items
        .into_iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// A number as XML attributes want it: no exponent, no trailing zeros beyond one decimal,
/// the same digits on every machine.
pub(super) fn number(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0');
    match s {
        "-0." => "0.0".to_string(),
        s if s.ends_with('.') => format!("{s}0"),
        s => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_markup_and_drops_what_xml_forbids() {
        let cases = [
            ("", ""),
            ("Kim Jong Un", "Kim Jong Un"),
            ("<b>AT&T</b>", "&lt;b&gt;AT&amp;T&lt;/b&gt;"),
            ("say \"hi\" 'there'", "say &quot;hi&quot; &apos;there&apos;"),
            ("&amp;", "&amp;amp;"),
            ("a\tb\nc\r\nd", "a&#9;b&#10;c&#13;&#10;d"),
            ("nul\u{0}bell\u{7}esc\u{1b}del\u{7f}c1\u{85}", "nulbellescdelc1"),
            ("\u{FFFE}\u{FFFF}x\u{FFFD}", "x\u{FFFD}"),
            ("שלום \u{202e}rev\u{202c}", "שלום \u{202e}rev\u{202c}"),
            ("]]>", "]]&gt;"),
            ("back\\slash", "back\\slash"),
        ];
        for (input, want) in cases {
            assert_eq!(text(input), want, "{input:?}");
        }
    }

    #[test]
    fn ids_stay_distinct() {
        let cases = [
            ("kim-jong-un", "kim-jong-un"),
            ("doc:000_8f16", "doc:000_8f16"),
            ("a\u{0}b", "a\\u{0}b"),
            ("a\\u{0}b", "a\\\\u{0}b"),
            ("a\\", "a\\\\"),
            ("x<&>\"y", "x&lt;&amp;&gt;&quot;y"),
            ("two\nlines", "two&#10;lines"),
            ("\u{FFFF}", "\\u{ffff}"),
        ];
        for (input, want) in cases {
            assert_eq!(id(input), want, "{input:?}");
        }
        let ids = ["a\u{0}b", "a\\u{0}b", "ab", "a\u{1}b", "a\\\\u{0}b"];
        let written: std::collections::BTreeSet<String> = ids.iter().map(|s| id(s)).collect();
        assert_eq!(written.len(), ids.len());
    }

    #[test]
    fn numbers_are_plain_decimals() {
        let cases = [
            (1.0, "1.0"),
            (2.5, "2.5"),
            (1.2345678, "1.235"),
            (0.0, "0.0"),
            (-3.25, "-3.25"),
            (1e7, "10000000.0"),
            (-0.0001, "0.0"),
        ];
        for (x, want) in cases {
            assert_eq!(number(x), want, "{x}");
        }
    }
}
