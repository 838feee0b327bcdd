//! What an element's attributes say about its part in the page: furniture or content by its
//! `class` and `id` (the words in `resources/page/classes.tsv`), hidden, the author line, the
//! article body by `itemprop`, and ARIA roles of navigation and dialogs.

use super::scan::attributes;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// The marks of one element; the default is an element with no telling attributes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// +25 for a content class, -25 for furniture, both cancel (Readability's class weight).
    pub weight: i8,
    /// Furniture by class, id or role, and no content word to rescue it.
    pub unlikely: bool,
    /// Not shown: `hidden`, `aria-hidden="true"`, `display:none`, `visibility:hidden`.
    pub hidden: bool,
    /// The author line (`class="byline"`, `rel="author"`, `itemprop="author"`).
    pub byline: bool,
    /// `itemprop="articleBody"`: the page says this is the article.
    pub body: bool,
}

/// Roles of elements that are never the article.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

const CLASSES_TSV: &str = include_str!("../../../resources/page/classes.tsv");

/// The class words, compiled once: one automaton per kind.
struct Classes {
    unlikely: AhoCorasick,
    maybe: AhoCorasick,
    positive: AhoCorasick,
    negative: AhoCorasick,
    byline: AhoCorasick,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let words = |kind: &str| -> AhoCorasick {
        let list: Vec<&str> = CLASSES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .filter(|(k, _)| *k == kind)
            .map(|(_, rest)| rest.split('\t').next().unwrap_or(rest))
            .collect();
        assert!(!list.is_empty(), "resources/page/classes.tsv has no `{kind}` words");
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(list)
            .expect("class words compile")
    };
    Classes {
        unlikely: words("unlikely"),
        maybe: words("maybe"),
        positive: words("positive"),
        negative: words("negative"),
        byline: words("byline"),
    }
});

impl Marks {
    /// Reads the marks from a start tag's raw attributes.
    pub fn read(raw: &str) -> Marks {
        let mut marks = Marks::default();
        let mut names = String::new();
        for (name, value) in attributes(raw) {
            match name.to_ascii_lowercase().as_str() {
                "class" | "id" => {
                    names.push_str(value);
                    names.push(' ');
                }
                "hidden" => marks.hidden = true,
                "aria-hidden" => marks.hidden |= value.trim().eq_ignore_ascii_case("true"),
                "style" => marks.hidden |= hides(value),
                "role" => marks.unlikely |= UNLIKELY_ROLES.iter().any(|r| value.trim().eq_ignore_ascii_case(r)),
                "rel" => marks.byline |= value.trim().eq_ignore_ascii_case("author"),
                "itemprop" => {
                    let props = value.split_ascii_whitespace();
                    for prop in props {
                        marks.body |= prop.eq_ignore_ascii_case("articleBody");
                        marks.byline |= prop.eq_ignore_ascii_case("author");
                    }
                }
                _ => {}
            }
        }
        if !names.is_empty() {
            let c = &*CLASSES;
            let has = |words: &AhoCorasick| words.is_match(names.as_str());
            marks.unlikely |= has(&c.unlikely) && !has(&c.maybe);
            marks.weight = 25 * i8::from(has(&c.positive)) - 25 * i8::from(has(&c.negative));
            marks.byline |= has(&c.byline);
        }
        marks
    }
}

/// An inline style that hides the element.
fn hides(style: &str) -> bool {
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_attributes_say() {
        let cases: &[(&str, Marks)] = &[
            ("", Marks::default()),
            (
                r#" class="site-footer""#,
                Marks {
                    weight: -25,
                    unlikely: true,
                    ..Marks::default()
                },
            ),
            // A content word rescues a furniture word, and the weights cancel.
            (r#" class="main-sidebar""#, Marks::default()),
            (
                r#" id="story-body""#,
                Marks {
                    weight: 25,
                    ..Marks::default()
                },
            ),
            (
                r#" role="navigation""#,
                Marks {
                    unlikely: true,
                    ..Marks::default()
                },
            ),
            (
                r#" style="display: none""#,
                Marks {
                    hidden: true,
                    ..Marks::default()
                },
            ),
            (
                r#" aria-hidden="true" hidden"#,
                Marks {
                    hidden: true,
                    ..Marks::default()
                },
            ),
            (
                r#" itemprop="articleBody""#,
                Marks {
                    body: true,
                    ..Marks::default()
                },
            ),
            (
                r#" class="byline""#,
                Marks {
                    byline: true,
                    ..Marks::default()
                },
            ),
            (
                r#" rel="author""#,
                Marks {
                    byline: true,
                    ..Marks::default()
                },
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(Marks::read(raw), *want, "{raw}");
        }
    }
}
