//! HTML character references: numeric ones, and the named ones that news pages actually use.
//! Anything not understood stays as written, so broken markup never loses text.

use std::borrow::Cow;

/// The longest entity name looked at; longer runs of letters cannot be a known entity.
const MAX_NAME: usize = 32;

/// Decodes `&name;`, `&#123;` and `&#x7B;` references in `s`.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads one reference after its `&`: the replacement text and how many bytes it used.
fn reference(after: &str) -> Option<(Cow<'static, str>, usize)> {
    if let Some(num) = after.strip_prefix('#') {
        let (value, used) = numeric(num)?;
        return Some((Cow::Owned(value.to_string()), used + 1));
    }
    let len = after
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if len == 0 || len > MAX_NAME {
        return None;
    }
    let text = named(&after[..len])?;
    if after[len..].starts_with(';') {
        return Some((Cow::Borrowed(text), len + 1));
    }
    // Browsers accept a few old names without `;`; `&copy=` in a URL query is not one of them.
    let legacy = matches!(&after[..len], "amp" | "lt" | "gt" | "quot" | "nbsp");
    let next_is_eq = after[len..].starts_with('=');
    (legacy && !next_is_eq).then_some((Cow::Borrowed(text), len))
}

/// `123;`, `x7B;` (the `;` is optional, as browsers allow). Bad code points become U+FFFD.
fn numeric(s: &str) -> Option<(char, usize)> {
    let (digits_at, radix) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (1, 16),
        _ => (0, 10),
    };
    let digits = s[digits_at..]
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let mut used = digits_at + digits;
    let value = u32::from_str_radix(&s[digits_at..used], radix).unwrap_or(u32::MAX);
    if s[used..].starts_with(';') {
        used += 1;
    }
    Some((code_point(value), used))
}

/// The code point a numeric reference stands for, with the Windows-1252 fix-up browsers apply
/// to 0x80..0x9F (scraped pages write `&#146;` for a right quote).
fn code_point(value: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => CP1252[(value - 0x80) as usize],
        0 => 0xFFFD,
        v => v,
    };
    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Named references: punctuation, symbols and the Latin letters of Western news text.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{A0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => "",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "prime" => "′",
        "Prime" => "″",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "cent" => "¢",
        "pound" => "£",
        "yen" => "¥",
        "euro" => "€",
        "curren" => "¤",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordf" => "ª",
        "ordm" => "º",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "circ" => "ˆ",
        "tilde" => "˜",
        "fnof" => "ƒ",
        _ => return latin_letter(name),
    })
}

fn latin_letter(name: &str) -> Option<&'static str> {
    Some(match name {
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "ETH" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "THORN" => "Þ",
        "szlig" => "ß",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "yuml" => "ÿ",
        "Yuml" => "Ÿ",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Zcaron" => "Ž",
        "zcaron" => "ž",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references() {
        let cases = [
            ("no references", "no references"),
            ("fish &amp; chips", "fish & chips"),
            ("&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'"),
            ("&ldquo;Yes,&rdquo; she said&hellip;", "“Yes,” she said…"),
            ("caf&eacute; &Uuml;ber", "café Über"),
            ("&#8220;q&#8221; &#x2014; &#X41;", "“q” — A"),
            ("&#146;tis", "’tis"),
            ("&#65&#66;", "AB"),
            ("a&nbsp;b", "a\u{A0}b"),
            ("co&shy;operate", "cooperate"),
            ("AT&T and R&D", "AT&T and R&D"),
            ("&amp without semicolon", "& without semicolon"),
            ("?a=1&copy=2", "?a=1&copy=2"),
            ("&unknown; &", "&unknown; &"),
            ("&#; &#x; &#xZZ;", "&#; &#x; &#xZZ;"),
            ("&#0; &#xD800; &#99999999999;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
            ("trailing &", "trailing &"),
            (
                "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
                "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
            ),
            ("&é;", "&é;"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "{input}");
        }
    }
}
