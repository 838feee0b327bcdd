use super::*;
use proptest::prelude::*;

fn text(html: &str) -> String {
    extract(html).text
}

#[test]
fn extracts_article_text() {
    let cases = [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("<div>One</div><div>Two</div>", "One\n\nTwo"),
        ("a<br>b<br/><br>c", "a\nb\n\nc"),
        ("<ul><li>x</li><li>y</li></ul>after", "x\ny\n\nafter"),
        ("<h1>Head</h1>Body text", "Head\n\nBody text"),
        (
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
            "a b\nc",
        ),
        ("<p>  lots \n\t of   space  </p>", "lots of space"),
        ("<p>a <b>bold</b> <i>move</i>.</p>", "a bold move."),
        ("<p>x<span></span>y</p>", "xy"),
        ("<pre>keep   this\n  layout</pre>", "keep   this\n  layout"),
        ("<pre>crlf\r\nline\rcr</pre>", "crlf\nline\ncr"),
        (
            "fish &amp; chips&nbsp;today &#8212; &ldquo;yes&rdquo;",
            "fish & chips today — “yes”",
        ),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("", ""),
        ("just text", "just text"),
    ];
    for (html, want) in cases {
        assert_eq!(text(html), want, "{html}");
    }
}

#[test]
fn drops_page_furniture_elements() {
    let cases = [
        ("<script>var a = '<p>x</p>';</script><p>Kept</p>", "Kept"),
        ("<style>p { color: red }</style><p>Kept</p>", "Kept"),
        ("<noscript>Enable JS</noscript><p>Kept</p>", "Kept"),
        ("<template><p>Hidden</p></template><p>Kept</p>", "Kept"),
        ("<nav><a>Home</a><a>World</a></nav><p>Kept</p>", "Kept"),
        (
            "<header>Site name</header><p>Kept</p><footer>Contact us</footer>",
            "Kept",
        ),
        ("<aside>Most read</aside><p>Kept</p>", "Kept"),
        ("<form><input>Search</form><p>Kept</p>", "Kept"),
        ("<p>Kept</p><!-- a <p>comment</p> -->", "Kept"),
        ("<svg><title>icon</title><text>x</text></svg><p>Kept</p>", "Kept"),
        ("<button>Subscribe</button><p>Kept</p>", "Kept"),
    ];
    for (html, want) in cases {
        assert_eq!(text(html), want, "{html}");
    }
}

#[test]
fn prefers_the_article_then_main() {
    let cases = [
        (
            "<div>Menu</div><article><p>Story.</p></article><div>Footer junk</div>",
            "Story.",
        ),
        (
            "<article>Short teaser</article><article><p>The long story itself.</p></article>",
            "The long story itself.",
        ),
        (
            "<aside><article>A much longer teaser in an aside</article></aside><article>Story</article>",
            "Story",
        ),
        (
            "<article><header><h1>Headline</h1></header><p>Story.</p></article>",
            "Headline\n\nStory.",
        ),
        ("<div>Menu</div><main><p>Main text.</p></main>", "Main text."),
        ("<main><nav>Links</nav><p>Main text.</p></main>", "Main text."),
        ("<article></article><main>Main text.</main>", "Main text."),
        (
            "<form id=page><div><p>Whole page in a form.</p></div></form>",
            "Whole page in a form.",
        ),
        (
            "<article>Outer <article>inner</article> end</article>",
            "Outer\n\ninner\n\nend",
        ),
    ];
    for (html, want) in cases {
        assert_eq!(text(html), want, "{html}");
    }
}

#[test]
fn reads_the_title() {
    let cases = [
        (
            "<html><head><title> A &amp; B\n news </title></head><body>x</body></html>",
            Some("A & B news"),
        ),
        ("<title></title>x", None),
        ("<svg><title>icon</title></svg><title>Real</title>", Some("Real")),
        ("<title>First</title><title>Second</title>", Some("First")),
        ("<title>Never closed", Some("Never closed")),
        ("no title", None),
    ];
    for (html, want) in cases {
        assert_eq!(extract(html).title.as_deref(), want, "{html}");
    }
}

#[test]
fn survives_broken_markup() {
    let cases = [
        ("<p>unclosed <b>bold <i>italic", "unclosed bold italic"),
        ("<div>a</span>b</div>", "ab"),
        ("</p></div>stray ends", "stray ends"),
        (
            "<head><title>T</title><p>Body without body tag</p>",
            "Body without body tag",
        ),
        ("<head><meta charset=utf-8>Loose text", "Loose text"),
        (
            "<html><head><title>T</title><body><p>Head never closed</p></body>",
            "Head never closed",
        ),
        (
            "<p>broken &am entity &#x; &#99999999;</p>",
            "broken &am entity &#x; \u{FFFD}",
        ),
        ("<p a=\"unterminated>text</p>", "text"),
        ("<p>cut off <a href=\"x", "cut off"),
    ];
    for (html, want) in cases {
        assert_eq!(text(html), want, "{html}");
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 200_000;
    let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
    assert_eq!(text(&html), "deep");
    let unclosed = format!("{}x", "<span><b>".repeat(depth));
    assert_eq!(text(&unclosed), "x");
}

proptest! {
    #[test]
    fn never_panics(html in "(<[a-z/!?]{0,3}|[a-z]{1,4}|[ >\"'=&#;\n\r]|<!--|-->|&amp;|</?(p|div|script|head|article|title|pre)>|é|\u{A0})*") {
        let out = extract(&html);
        if !html.contains("<pre") {
            prop_assert!(!out.text.starts_with(char::is_whitespace), "{:?}", out.text);
            prop_assert!(!out.text.contains("\n\n\n"), "{:?}", out.text);
        }
    }
}

/// A paragraph of prose long enough to score, with commas, as an article's would.
const PROSE: &str = "Maria Kessler, the foreign minister, met Peter Halloran in Brindle on Monday, and the two \
    spoke for an hour about the river treaty, the border posts and the grain convoys.";

fn article(paragraphs: usize) -> String {
    (0..paragraphs).map(|i| format!("<p>{i}. {PROSE}</p>")).collect()
}

#[test]
fn scoring_finds_the_article_among_furniture() {
    let body = article(4);
    let cases: Vec<(String, &str, &str)> = vec![
        // Menus, related stories and a footer around an unmarked body.
        (
            format!(
                "<div class=menu><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></div>\
                 <div id=content>{body}</div>\
                 <div class=related><ul><li><a href=/a>Tavo Renlund resigns</a></li></ul></div>\
                 <div>Copyright Daily Brindle</div>"
            ),
            "0. Maria Kessler",
            "Tavo Renlund",
        ),
        // A box of links inside the body goes; so do a figure's caption and the author line.
        (
            format!(
                "<div class=story>{body}<div><a href=/x>Ilsa Markov wins the vote</a> <a href=/y>More news</a></div>\
                 <figure><img src=a.jpg><figcaption>Lena Markel at the port.</figcaption></figure>\
                 <div class=byline><span>Tomas</span><span>Staff Writer</span></div></div>"
            ),
            "3. Maria Kessler",
            "Ilsa Markov",
        ),
        (
            format!("<div class=story>{body}<figure><figcaption>Lena Markel at the port.</figcaption></figure></div>"),
            "1. Maria",
            "Lena Markel",
        ),
        (
            format!("<div class=story><div class=byline><span>Tomas</span><span>Staff Writer</span></div>{body}</div>"),
            "2. Maria",
            "Staff Writer",
        ),
        // Text between block elements is a paragraph of its container.
        (
            format!(
                "<div class=g><div class=x></div>{PROSE}<div class=x></div>{PROSE}<br></div><ul><li><a href=/>Home</a></li></ul>"
            ),
            "Maria Kessler, the foreign minister",
            "Home",
        ),
        // A short article keeps its menus out: the relaxed passes add no prose.
        (
            format!(
                "<ul><li><a href=/>Home</a></li><li><a href=/b>Business</a></li></ul>\
                 <div class=body><p>{PROSE}</p></div>\
                 <div class=sidebar><a href=/c>Ilsa Markov wins</a></div>"
            ),
            "Maria Kessler",
            "Ilsa Markov",
        ),
    ];
    for (html, has, lacks) in cases {
        let got = text(&html);
        assert!(got.contains(has), "{html}\n=> {got}");
        assert!(!got.contains(lacks), "{html}\n=> {got}");
    }
}

#[test]
fn a_heading_that_repeats_the_title_is_the_title_not_text() {
    let html = format!(
        "<title>Kessler meets Halloran on the river treaty | Daily Brindle</title>\
         <article><h1>Kessler meets Halloran on the river treaty</h1>{}<h2>What comes next</h2>{}</article>",
        article(2),
        article(1)
    );
    let got = extract(&html);
    assert_eq!(got.title.as_deref(), Some("Kessler meets Halloran on the river treaty"));
    assert!(!got.text.contains("Kessler meets Halloran"), "{}", got.text);
    assert!(got.text.contains("What comes next"), "{}", got.text);
}

#[test]
fn the_byline_comes_from_structured_data_or_the_author_line() {
    let cases = [
        (
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Lena Markel"}}</script>"#,
            Some("Lena Markel"),
        ),
        (r#"<div class="byline">By Tomas Brandt</div>"#, Some("Tomas Brandt")),
        (r#"<a rel="author" href="/t">Ilsa Markov</a>"#, Some("Ilsa Markov")),
        // A comment form's name field is no author line.
        (r#"<form><label class="comment-author">Name *</label></form>"#, None),
        ("<p>No author here.</p>", None),
    ];
    for (head, want) in cases {
        let html = format!("<body><div class=story>{head}{}</div></body>", article(3));
        let got = extract(&html);
        assert_eq!(got.byline.as_deref(), want, "{head}");
        if let Some(name) = want {
            assert!(
                !got.text.contains(name),
                "the author line is not article text: {}",
                got.text
            );
        }
    }
}
