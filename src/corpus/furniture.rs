//! Page furniture: the parts of a scraped page that are not the article (sponsor lines, ad
//! markers, player widgets, share bars, links to other stories, stray URLs).
//!
//! Nothing is deleted: [`furniture`] returns byte ranges into the text, sorted and merged, and
//! later stages skip them. The rules are data, in [`RULES`]; each is one of:
//!
//! - a **line** rule, tried on each line (trimmed, at most 300 bytes): when it matches, the
//!   whole line (without its line break) is furniture. Lines end at `\n`, `\r\n` or a lone `\r`.
//! - an **inline** rule, tried everywhere: each match is furniture, the rest of the line stays.
//!
//! Line rules: sponsor lines (`Sponsor: ...`, `Sponsored`, `Paid post:`); ad markers alone on a
//! line (`Advertisement`, `ADVERTISEMENT`, `Story continues below`); audio player widgets
//! (`radio Loading ...`, `music_note NOW PLAYING: ...`, `schedule ON AIR: ...`); a bare icon
//! name (`signal_disconnected`, `expand_more`); share bars (lines made only of Share, Facebook,
//! Twitter, X, Email, Print, WhatsApp, LinkedIn, Copy link... and separators); links to other
//! stories (`SEE ALSO:`, `READ MORE:`, `RELATED:`, `WATCH:` ...); navigation words alone on a
//! line (`back`, `topic`, `Menu`, `Loading ...`); a number of up to three digits or a run of
//! separators alone on a line (comment counters, rules); calls to action (`Click here`,
//! `Subscribe to ...`, `Download the app`); and date/place header junk: a short line with `|`
//! whose parts are each one word, or a few words with a digit (`Sep 6, 2025 | Springfield,IL`).
//!
//! Inline rules: the token `ADVERTISEMENT`; the token `Advertisement` when it sits between
//! sentences rather than in one (the next word is capitalised or the line ends, and no article
//! or preposition comes before it); `http://` and `https://` URLs (without trailing
//! punctuation); the `NextImg:` / `PrevImg:` prefix of a gallery caption; a leading
//! `date 2025-01-31` stamp that scrapers put before the headline.
//!
//! Not furniture, on purpose: photo credits (`Image: ...`, `Photo: ...`) and bylines, because
//! they carry the names of people and outlets.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Longer lines are prose; line rules are not tried on them.
const MAX_RULE_LINE: usize = 300;

/// How a rule recognises furniture.
pub enum Test {
    /// The trimmed line matches the pattern.
    Line(&'static str),
    /// The trimmed line passes a check too fiddly for a pattern.
    LineCheck(fn(&str) -> bool),
    /// Each match in the line, when the guard (if any) accepts it: `guard(line, match range)`.
    Inline(&'static str, Option<fn(&str, Range<usize>) -> bool>),
}

pub struct Rule {
    pub what: &'static str,
    pub test: Test,
}

/// Every furniture rule, in one place.
pub const RULES: &[Rule] = &[
    Rule {
        what: "sponsor line",
        test: Test::Line(
            r"(?i)^(?:sponsor(?:ed)?(?:\s+(?:content|post|story|links?))?|paid\s+(?:content|post|partner(?:ship)?)|promoted(?:\s+content)?)\s*(?::|$)",
        ),
    },
    Rule {
        what: "ad marker",
        test: Test::Line(
            r"(?i)^(?:advertisement|advertising|ads?|story continues below(?:\s+advertisement)?|article continues (?:below|after(?:\s+this)?\s+advertisement)|continue reading(?:\s+below)?|scroll to continue(?:\s+with content)?)\s*[-–—:.]?$",
        ),
    },
    Rule {
        what: "player widget",
        test: Test::Line(
            r"(?i)^(?:(?:radio|music_note|schedule|play_arrow|play_circle|pause|volume_up|volume_off|headphones|podcasts?|live_tv|mic)\s+(?:loading|now playing|on air|live|listen)\b|(?:now playing|on air)\s*:)",
        ),
    },
    Rule {
        what: "icon name",
        test: Test::Line(r"^[a-z]+(?:_[a-z]+)+$"),
    },
    Rule {
        what: "share bar",
        test: Test::Line(
            r"(?i)^(?:(?:share(?:\s+(?:this|on))?(?:\s+(?:article|story|page|post))?|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|copy\s+link|copy|link\s+copied|reddit|pinterest|telegram|messenger|flipboard|tumblr|sms|bluesky)(?:[\s|·•,/:]+|$))+$",
        ),
    },
    Rule {
        what: "link to another story",
        test: Test::Line(
            r"(?i)^(?:see also|read more|read also|also read|more from|more on this(?:\s+story)?|related(?:\s+(?:articles?|stories|content|coverage|news|links?|topics?))?|recommended(?:\s+(?:reading|stories|for you))?|you may also like|most read|most popular|trending(?:\s+now)?|watch|listen|more)\s*:",
        ),
    },
    Rule {
        what: "navigation word",
        test: Test::Line(
            r"(?i)^(?:back|topics?|tags?|menu|search|close|home|skip to(?:\s+main)?\s+content|toggle navigation|loading|comments?|log ?in|sign ?in|sign ?up|subscribe|newsletter|follow us|next|previous|prev)\s*(?:\.\.\.|…)?$",
        ),
    },
    Rule {
        what: "counter or rule",
        test: Test::Line(r"^(?:\d{1,3}|[-|•·–—_*=~#/\\]+)$"),
    },
    Rule {
        what: "call to action",
        test: Test::Line(
            r"(?i)^(?:click here|subscribe (?:now|to|for|today)|sign up (?:now|for|to|today)|download (?:the|our) app|get the app|follow us on|join (?:us|our \w+) on)\b",
        ),
    },
    Rule {
        what: "date and place header",
        test: Test::LineCheck(pipe_header),
    },
    Rule {
        what: "ad token",
        test: Test::Inline(r"\bADVERTISEMENT\b", None),
    },
    Rule {
        what: "ad token between sentences",
        test: Test::Inline(r"\bAdvertisement\b", Some(ad_between_sentences)),
    },
    Rule {
        what: "URL",
        test: Test::Inline(r#"\bhttps?://[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]]"#, None),
    },
    Rule {
        what: "gallery prefix",
        test: Test::Inline(r"^\s*(?:Next|Prev)Img:", None),
    },
    Rule {
        what: "date stamp",
        test: Test::Inline(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b", None),
    },
];

struct Compiled {
    rule: &'static Rule,
    regex: Option<Regex>,
}

static COMPILED: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|rule| {
            let pattern = match rule.test {
                Test::Line(p) | Test::Inline(p, _) => Some(p),
                Test::LineCheck(_) => None,
            };
            let regex = pattern.map(|p| Regex::new(p).unwrap_or_else(|e| panic!("furniture rule {}: {e}", rule.what)));
            Compiled { rule, regex }
        })
        .collect()
});

static DATE_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b").expect("date stamp pattern"));

/// The furniture of `text`: byte ranges, sorted, merged, on char boundaries.
pub fn furniture(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for line in lines(text) {
        let content = &text[line.clone()];
        if is_furniture_line(content) {
            found.push(line);
            continue;
        }
        for c in COMPILED.iter() {
            let (Test::Inline(_, guard), Some(regex)) = (&c.rule.test, &c.regex) else {
                continue;
            };
            for m in regex.find_iter(content) {
                if guard.is_none_or(|g| g(content, m.range())) {
                    found.push(line.start + m.start()..line.start + m.end());
                }
            }
        }
    }
    merge(found)
}

/// The date of a `date 2025-01-31 ...` stamp on the first non-blank line, if any.
pub fn header_date(text: &str) -> Option<String> {
    let first = lines(text).map(|l| &text[l]).find(|l| !l.trim().is_empty())?;
    DATE_STAMP.captures(first).map(|c| c[1].to_string())
}

fn is_furniture_line(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.len() > MAX_RULE_LINE {
        return false;
    }
    COMPILED.iter().any(|c| match (&c.rule.test, &c.regex) {
        (Test::Line(_), Some(regex)) => regex.is_match(trimmed),
        (Test::LineCheck(check), _) => check(trimmed),
        _ => false,
    })
}

/// Line contents (without their `\n`, `\r\n` or `\r`) as byte ranges.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'\n' || *b == b'\r')
            .map_or(bytes.len(), |n| start + n);
        let line = start..end;
        start = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        Some(line)
    })
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `a b c | 12 May` style headers: every `|`-separated part is one word, or a few words
/// with a digit (a date, a time); a part that reads like a phrase without digits is content.
fn pipe_header(line: &str) -> bool {
    line.contains('|')
        && line.len() <= 120
        && line.split('|').all(|part| {
            let words = part.split_whitespace().count();
            words <= 1 || (words <= 5 && part.contains(|c: char| c.is_ascii_digit()))
        })
}

/// An `Advertisement` token left in running text by a scraper sits between sentences: what
/// follows is a capitalised word, a quote, or nothing; what precedes is not a determiner or
/// preposition (`the Advertisement Council` is a name).
fn ad_between_sentences(line: &str, at: Range<usize>) -> bool {
    const BEFORE_A_NOUN: &[&str] = &[
        "a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "your", "my", "of", "for", "in", "on",
        "by", "no", "one", "each", "every", "any",
    ];
    let after = line[at.end..].trim_start();
    let next_ok = after.is_empty() || after.starts_with(|c: char| c.is_uppercase() || "\"“‘'(".contains(c));
    let previous = line[..at.start]
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty());
    let prev_ok = previous.is_none_or(|w| !BEFORE_A_NOUN.contains(&w.to_lowercase().as_str()));
    next_ok && prev_ok
}

#[cfg(test)]
mod tests;

/// What `graphgen text` prints of a document: the furniture blanked to spaces, byte for byte,
/// so that every offset graphgen reports still points into what is printed.
///
/// The document with every furniture byte but a newline turned into a space: the same
/// length, so offsets hold, and valid UTF-8, since whole characters are replaced.
pub fn blanked(mut doc: super::Document) -> super::Document {
    if doc.furniture.is_empty() {
        return doc;
    }
    let mut out = String::with_capacity(doc.text.len());
    let mut at = 0;
    for r in &doc.furniture {
        out.push_str(&doc.text[at..r.start]);
        out.extend(
            doc.text[r.start..r.end]
                .bytes()
                .map(|b| if b == b'\n' { '\n' } else { ' ' }),
        );
        at = r.end;
    }
    out.push_str(&doc.text[at..]);
    doc.text = out;
    doc
}

#[cfg(test)]
mod blank_tests {
    use super::*;
    use crate::corpus::Document;

    #[test]
    fn furniture_is_blanked_and_offsets_hold() {
        let text = "Share this article\nTavo Renlund met Ilsa Markov in Brindle.\n";
        let mut doc = Document::new("a.txt".into(), "a".into(), text.into());
        doc.furniture = vec![0..18];
        let doc = blanked(doc);
        assert_eq!(doc.text.len(), text.len());
        assert!(!doc.text.contains("Share"));
        assert_eq!(&doc.text[19..31], "Tavo Renlund");
        // A multi-byte character in furniture becomes as many spaces as it had bytes.
        let mut doc = Document::new("b.txt".into(), "b".into(), "Caf\u{e9} ad\nBody.".into());
        doc.furniture = vec![0..8];
        assert_eq!(blanked(doc).text, "        \nBody.");
    }
}
