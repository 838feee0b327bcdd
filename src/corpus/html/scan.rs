//! A forgiving HTML tokenizer: text, start tags and end tags, with comments, doctypes and the
//! bodies of `script` and `style` consumed. It never fails: a `<` that starts no tag is text,
//! a tag or comment left open at the end of the input is dropped, as browsers do.

use std::borrow::Cow;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Start {
        /// Lower-cased; borrowed from the page when it already was.
        name: Cow<'a, str>,
        self_closing: bool,
    },
    /// The raw attributes of the start tag just before (when it has any).
    Attributes(&'a str),
    /// The body of a `<script type="application/ld+json">`: the page's structured data.
    StructuredData(&'a str),
    End {
        name: Cow<'a, str>,
    },
}

/// Elements whose content is not markup: read up to their end tag and thrown away.
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"];
/// Elements whose content is text with references but no tags.
const RCDATA: &[&str] = &["title", "textarea"];

/// Hands each token of `html` to `emit`, in order, without holding them.
pub fn tokenize<'a>(html: &'a str, emit: &mut dyn FnMut(Token<'a>)) {
    let bytes = html.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let Some(lt) = find_byte(bytes, b'<', pos) else {
            emit(Token::Text(&html[pos..]));
            break;
        };
        if lt > pos {
            emit(Token::Text(&html[pos..lt]));
        }
        pos = markup(html, lt, emit);
    }
}

/// Reads the markup that starts with the `<` at `lt`; returns where the text resumes.
fn markup<'a>(html: &'a str, lt: usize, emit: &mut dyn FnMut(Token<'a>)) -> usize {
    let bytes = html.as_bytes();
    let len = bytes.len();
    match bytes.get(lt + 1) {
        Some(b'!') => {
            if bytes[lt..].starts_with(b"<!--") {
                if bytes[lt + 4..].starts_with(b">") {
                    return lt + 5;
                }
                if bytes[lt + 4..].starts_with(b"->") {
                    return lt + 6;
                }
                return find_seq(bytes, b"-->", lt + 4).map_or(len, |at| at + 3);
            }
            if bytes[lt..].starts_with(b"<![CDATA[") {
                return find_seq(bytes, b"]]>", lt + 9).map_or(len, |at| at + 3);
            }
            find_byte(bytes, b'>', lt).map_or(len, |at| at + 1)
        }
        Some(b'?') => find_byte(bytes, b'>', lt).map_or(len, |at| at + 1),
        Some(b'/') => match bytes.get(lt + 2) {
            Some(b) if b.is_ascii_alphabetic() => {
                let name = tag_name(html, lt + 2);
                let Some(gt) = find_byte(bytes, b'>', lt + 2) else {
                    return len;
                };
                emit(Token::End { name });
                gt + 1
            }
            Some(b'>') => lt + 3,
            _ => find_byte(bytes, b'>', lt).map_or(len, |at| at + 1),
        },
        Some(b) if b.is_ascii_alphabetic() => start_tag(html, lt, emit),
        _ => {
            emit(Token::Text("<"));
            lt + 1
        }
    }
}

fn start_tag<'a>(html: &'a str, lt: usize, emit: &mut dyn FnMut(Token<'a>)) -> usize {
    let bytes = html.as_bytes();
    let name = tag_name(html, lt + 1);
    let Some(gt) = tag_end(bytes, lt + 1 + name.len()) else {
        return bytes.len();
    };
    let self_closing = bytes[gt - 1] == b'/' && gt - 1 > lt + name.len();
    let raw = RAW_TEXT.contains(&&*name);
    let rcdata = RCDATA.contains(&&*name);
    emit(Token::Start {
        name: name.clone(),
        self_closing,
    });
    let from = (lt + 1 + name.len()).min(gt);
    let attributes = &html[from..gt];
    if !attributes
        .trim_matches(|c: char| c.is_ascii_whitespace() || c == '/')
        .is_empty()
    {
        emit(Token::Attributes(attributes));
    }
    if self_closing || !(raw || rcdata) {
        return gt + 1;
    }
    let body_start = gt + 1;
    let (body_end, resume) = match find_end_tag(bytes, &name, body_start) {
        Some((at, after)) => (at, after),
        None => (bytes.len(), bytes.len()),
    };
    if rcdata && body_end > body_start {
        emit(Token::Text(&html[body_start..body_end]));
    }
    if name == "script"
        && attribute(attributes, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    {
        emit(Token::StructuredData(&html[body_start..body_end]));
    }
    emit(Token::End { name });
    resume
}

/// The value of attribute `want` (lower-case) in a start tag's raw attributes, entities
/// decoded; `None` when it is absent.
pub fn attribute(raw: &str, want: &str) -> Option<String> {
    attributes(raw)
        .find(|(name, _)| name.eq_ignore_ascii_case(want))
        .map(|(_, value)| super::decode_entities(value).into_owned())
}

/// The attributes of a start tag's raw attributes, in order, as (name, raw value); a value
/// left unquoted runs to the next space, an attribute without one has the empty value.
pub fn attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/' | b'>') {
                i += 1;
            }
            let name = &raw[start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (from, to, next) = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => match find_byte(bytes, q, i + 1) {
                        Some(close) => (i + 1, close, close + 1),
                        None => (i + 1, bytes.len(), bytes.len()),
                    },
                    _ => {
                        let end = bytes[i..]
                            .iter()
                            .position(|b| b.is_ascii_whitespace())
                            .map_or(bytes.len(), |n| i + n);
                        (i, end, end)
                    }
                };
                value = &raw[from..to];
                i = next;
            }
            if name.is_empty() {
                i += 1;
                continue;
            }
            return Some((name, value));
        }
        None
    })
}

/// The lower-cased tag name starting at `at`: everything up to whitespace, `/` or `>`.
fn tag_name(html: &str, at: usize) -> Cow<'_, str> {
    let end = html.as_bytes()[at..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(html.len(), |n| at + n);
    let name = &html[at..end];
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// The `>` that closes a start tag, skipping quoted attribute values. A quote that never
/// closes falls back to the first `>`, so one stray quote cannot swallow the page.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut after_eq = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i),
            q @ (b'"' | b'\'') if after_eq => match find_byte(bytes, q, i + 1) {
                Some(close) => {
                    i = close + 1;
                    after_eq = false;
                    continue;
                }
                None => return find_byte(bytes, b'>', from),
            },
            b'=' => after_eq = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

/// Finds `</name` (any case) followed by a delimiter; returns its start and the end of its `>`.
fn find_end_tag(bytes: &[u8], name: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(lt) = find_byte(bytes, b'<', at) {
        if bytes.get(lt + 1) != Some(&b'/') {
            at = lt + 1;
            continue;
        }
        let name_end = lt + 2 + name.len();
        let matches = bytes
            .get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let delimited = bytes
            .get(name_end)
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        if matches && delimited {
            let resume = find_byte(bytes, b'>', name_end).map_or(bytes.len(), |gt| gt + 1);
            return Some((lt, resume));
        }
        at = lt + 2;
    }
    None
}

fn find_byte(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    memchr::memchr(byte, bytes.get(from..)?).map(|n| from + n)
}

fn find_seq(bytes: &[u8], seq: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, seq).map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::*;

    fn tokens(html: &str) -> Vec<Token<'_>> {
        let mut all = Vec::new();
        tokenize(html, &mut |t| all.push(t));
        all
    }

    fn start(name: &'static str) -> Token<'static> {
        Start {
            name: name.into(),
            self_closing: false,
        }
    }
    fn end(name: &'static str) -> Token<'static> {
        End { name: name.into() }
    }

    #[test]
    fn metadata_elements_keep_their_attributes() {
        let all = tokens("<meta property=\"og:url\" content='https://x.example/a?b=1&amp;c=2'><p>t");
        let Attributes(raw) = all[1] else {
            panic!("{all:?}");
        };
        assert_eq!(attribute(raw, "property").as_deref(), Some("og:url"));
        assert_eq!(
            attribute(raw, "content").as_deref(),
            Some("https://x.example/a?b=1&c=2")
        );
        assert_eq!(attribute(raw, "name"), None);
        let cases = [
            (
                "<time datetime=2024-05-01T10:00Z pubdate>",
                "datetime",
                Some("2024-05-01T10:00Z"),
            ),
            ("<time pubdate datetime=\"2024-05-01\">", "pubdate", Some("")),
            ("<link REL=canonical HREF=\"/a\"/>", "href", Some("/a")),
            ("<link rel=\"canonical\" href=\"/a", "href", None),
        ];
        for (html, name, want) in cases {
            let raw = tokens(html).iter().find_map(|t| match t {
                Attributes(raw) => Some(*raw),
                _ => None,
            });
            assert_eq!(raw.and_then(|r| attribute(r, name)).as_deref(), want, "{html}");
        }
    }

    #[test]
    fn tokenizes_markup() {
        let cases: Vec<(&str, Vec<Token>)> = vec![
            ("<p>Hi</p>", vec![start("p"), Text("Hi"), end("p")]),
            (
                "<P CLASS=x>Hi</P >",
                vec![start("p"), Attributes(" CLASS=x"), Text("Hi"), end("p")],
            ),
            (
                "<script type=application/ld+json>{}</script>",
                vec![
                    start("script"),
                    Attributes(" type=application/ld+json"),
                    StructuredData("{}"),
                    end("script"),
                ],
            ),
            (
                "a<br/>b",
                vec![
                    Text("a"),
                    Start {
                        name: "br".into(),
                        self_closing: true,
                    },
                    Text("b"),
                ],
            ),
            (
                "<a href=\"x>y\">t</a>",
                vec![start("a"), Attributes(" href=\"x>y\""), Text("t"), end("a")],
            ),
            (
                "<a title='it>s'>t</a>",
                vec![start("a"), Attributes(" title='it>s'"), Text("t"), end("a")],
            ),
            (
                "<a x=\"never closed>t",
                vec![start("a"), Attributes(" x=\"never closed"), Text("t")],
            ),
            ("1 < 2", vec![Text("1 "), Text("<"), Text(" 2")]),
            ("a<!-- c <p> -->b", vec![Text("a"), Text("b")]),
            ("a<!-->b", vec![Text("a"), Text("b")]),
            ("a<!-- never closed <p>x", vec![Text("a")]),
            ("<!DOCTYPE html><?xml x?>t", vec![Text("t")]),
            ("a<![CDATA[x<y]]>b", vec![Text("a"), Text("b")]),
            (
                "<script>if (a<b) {}</script>t",
                vec![start("script"), end("script"), Text("t")],
            ),
            ("<style>p{}</STYLE>t", vec![start("style"), end("style"), Text("t")]),
            (
                "<script>x</scripts></script>t",
                vec![start("script"), end("script"), Text("t")],
            ),
            ("<script>never closed", vec![start("script"), end("script")]),
            (
                "<title>A &amp; <b>B</title>",
                vec![start("title"), Text("A &amp; <b>B"), end("title")],
            ),
            ("x</>y</ 3>z", vec![Text("x"), Text("y"), Text("z")]),
            ("<div", vec![]),
            ("</div", vec![]),
            ("<", vec![Text("<")]),
            ("é<é>", vec![Text("é"), Text("<"), Text("é>")]),
        ];
        for (html, want) in cases {
            assert_eq!(tokens(html), want, "{html}");
        }
    }
}
