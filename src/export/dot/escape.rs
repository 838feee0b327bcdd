//! Quoting of DOT strings, so that any id or label, whatever its characters, stays one
//! well-formed string for Graphviz and shows the text it came from.

use std::fmt::Write;

/// `s` as a quoted DOT id. Names are identities to Graphviz, never shown (labels are set
/// apart), so the escaping must keep distinct ids distinct: a control character becomes
/// `\u{hex}`, which no other character can produce because every real backslash is doubled.
/// Graphviz keeps unknown escapes in a name as they are.
pub(crate) fn quote_id(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => {
                // Writing into a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a quoted DOT label, shown as written. Backslash first, so the backslashes added
/// for quotes and newlines are not doubled again and a trailing backslash cannot swallow the
/// closing quote; `\N`, `\l` and friends in the text stay literal for the same reason. Line
/// breaks (LF, CR, CRLF) become DOT's `\n`; a tab becomes a space; other control characters
/// are dropped, since Graphviz cannot show them. `&` becomes `&amp;`: Graphviz decodes HTML
/// entities in every label, so a literal `&amp;` would otherwise show as `&`.
pub(crate) fn quote_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases where ids and labels escape alike.
    const COMMON: [(&str, &str); 17] = [
        ("", r#""""#),
        ("plain-slug", r#""plain-slug""#),
        ("say \"hi\"", r#""say \"hi\"""#),
        ("back\\slash", r#""back\\slash""#),
        ("trailing\\", r#""trailing\\""#),
        ("\\", r#""\\""#),
        ("\\\"", r#""\\\"""#),
        ("node", r#""node""#),
        ("edge", r#""edge""#),
        ("graph", r#""graph""#),
        ("strict", r#""strict""#),
        ("subgraph", r#""subgraph""#),
        ("a -> b; c [x=y]", r#""a -> b; c [x=y]""#),
        ("\\N \\G \\l", r#""\\N \\G \\l""#),
        ("שלום עולם", "\"שלום עולם\""),
        ("\u{202e}evil\u{202c}", "\"\u{202e}evil\u{202c}\""),
        ("e\u{301}\u{308}", "\"e\u{301}\u{308}\""),
    ];

    #[test]
    fn ids_and_labels_quote_the_same_ordinary_text() {
        for (raw, want) in COMMON {
            assert_eq!(quote_id(raw), want, "id {raw:?}");
            assert_eq!(quote_label(raw), want, "label {raw:?}");
        }
    }

    #[test]
    fn ids_keep_control_characters_distinct() {
        let cases = [
            ("two\nlines", r#""two\u{a}lines""#),
            ("dos\r\nline", r#""dos\u{d}\u{a}line""#),
            ("tab\there", r#""tab\u{9}here""#),
            ("nul\u{0}c1\u{85}del\u{7f}", r#""nul\u{0}c1\u{85}del\u{7f}""#),
            // Typed text that looks like an escape gets its backslash doubled, so it cannot
            // meet the escape of a real control character.
            ("\\u{a}", r#""\\u{a}""#),
            ("<b>&amp;", r#""<b>&amp;""#),
            ("doc:file.txt", r#""doc:file.txt""#),
        ];
        for (raw, want) in cases {
            assert_eq!(quote_id(raw), want, "{raw:?}");
        }
        assert_ne!(quote_id("a\nb"), quote_id("a\r\nb"));
    }

    #[test]
    fn labels_show_text_as_written() {
        let cases = [
            ("two\nlines", r#""two\nlines""#),
            ("dos\r\nline", r#""dos\nline""#),
            ("old\rmac", r#""old\nmac""#),
            ("\r\r\n", r#""\n\n""#),
            ("tab\there", r#""tab here""#),
            ("bell\u{7}nul\u{0}esc\u{1b}del\u{7f}c1\u{85}", r#""bellnulescdelc1""#),
            ("AT&T", r#""AT&amp;T""#),
            ("&amp;", r#""&amp;amp;""#),
            ("<i>x</i>", r#""<i>x</i>""#),
            ("a \"b\" \\", r#""a \"b\" \\""#),
            ("line\r\nnext\u{0}\\", r#""line\nnext\\""#),
        ];
        for (raw, want) in cases {
            assert_eq!(quote_label(raw), want, "{raw:?}");
        }
    }
}
