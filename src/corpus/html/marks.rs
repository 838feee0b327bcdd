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

/// The attributes read; the others are skipped without a look at their value.
const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "style",
    "role",
    "rel",
    "itemprop",
];

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

/// The kinds of class words, as bits.
const UNLIKELY: u8 = 1;
const MAYBE: u8 = 2;
const POSITIVE: u8 = 4;
const NEGATIVE: u8 = 8;
const BYLINE: u8 = 16;

/// The class words, compiled once into one automaton; each word carries the kinds it has.
struct Classes {
    words: AhoCorasick,
    kinds: Vec<u8>,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    let rows = CLASSES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1);
    for row in rows {
        let mut cols = row.split('\t');
        let (Some(kind), Some(word)) = (cols.next(), cols.next()) else {
            panic!("resources/page/classes.tsv: `{row}` has no word");
        };
        let bit = match kind {
            "unlikely" => UNLIKELY,
            "maybe" => MAYBE,
            "positive" => POSITIVE,
            "negative" => NEGATIVE,
            "byline" => BYLINE,
            other => panic!("resources/page/classes.tsv: unknown kind `{other}`"),
        };
        match words.iter().position(|w| *w == word) {
            Some(at) => kinds[at] |= bit,
            None => {
                words.push(word);
                kinds.push(bit);
            }
        }
    }
    let words = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(words)
        .expect("class words compile");
    Classes { words, kinds }
});

impl Marks {
    /// Reads the marks from a start tag's raw attributes.
    pub fn read(raw: &str) -> Marks {
        let mut marks = Marks::default();
        let mut names = String::new();
        for (name, value) in attributes(raw) {
            let name = ATTRIBUTES
                .iter()
                .find(|a| name.eq_ignore_ascii_case(a))
                .copied()
                .unwrap_or("");
            match name {
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
            let found = c
                .words
                .find_overlapping_iter(names.as_str())
                .fold(0, |all, m| all | c.kinds[m.pattern().as_usize()]);
            let has = |bit: u8| found & bit != 0;
            marks.unlikely |= has(UNLIKELY) && !has(MAYBE);
            marks.weight = 25 * i8::from(has(POSITIVE)) - 25 * i8::from(has(NEGATIVE));
            marks.byline |= has(BYLINE);
        }
        marks
    }
}

/// An inline style that hides the element.
fn hides(style: &str) -> bool {
    let lower = |word: &str| {
        style
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if !lower("none") && !lower("hidden") {
        return false;
    }
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
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
