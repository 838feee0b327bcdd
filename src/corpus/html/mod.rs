//! Article text from an HTML page, and what the page says about itself.
//!
//! The road through a page: `scan.rs` tokenizes it (forgiving, streaming), `tree.rs` builds a
//! compact element tree that forgives bad nesting, `marks.rs` reads what each element's
//! attributes say (furniture or content by class and id, hidden, author line, article body),
//! `content.rs` chooses the article by content scoring (after Readability) and removes the
//! furniture inside it, and `layout.rs` writes its text. `meta.rs` reads the title, date,
//! address and byline from the page's metadata and JSON-LD; `entities.rs` decodes references.
//!
//! Everywhere these are never text: script, style, noscript, template, head, nav, footer,
//! aside, form, and interactive or embedded content (button, select, textarea, svg, iframe,
//! canvas, object, video, audio, math), hidden elements, and `<header>` outside an `<article>`.
//!
//! A page where no paragraph scores (a snippet, a page of links) is read the simple way: the
//! longest `<article>` (not inside navigation, an aside, a header or footer); else the first
//! non-empty `<main>`; else the whole page, and a page that is one big `<form>` (some content
//! systems wrap everything in one) with forms kept rather than read as empty.

mod content;
mod entities;
mod layout;
mod marks;
mod meta;
mod scan;
mod tree;

use tree::{ROOT, Tree};

pub use entities::decode_entities;

/// What an HTML page yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    /// The publication day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
    /// Who wrote it: the structured data's authors, else the page's author line.
    pub byline: Option<String>,
}

/// Extracts the article text and title of an HTML page. Never fails; never panics.
pub fn extract(html: &str) -> Extracted {
    let tree = Tree::build(html);
    let text = choose_text(&tree);
    let meta = &tree.meta;
    let title = tree.headlines().into_iter().next();
    Extracted {
        text,
        title,
        date: meta.date(),
        url: meta.url(),
        byline: meta.author.clone().or_else(|| tree.byline()),
    }
}

pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];
pub(super) const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "title", "button", "select",
    "textarea", "svg", "iframe", "canvas", "object", "video", "audio", "math",
];
/// Containers whose `<article>` elements are teasers, not the page's article.
pub(super) const NOT_THE_ARTICLE: &[&str] = &["head", "nav", "aside", "header", "footer", "template", "noscript"];
pub(super) const HEAD_CONTENT: &[&str] = &[
    "title", "meta", "link", "style", "script", "base", "noscript", "template",
];
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn choose_text(tree: &Tree) -> String {
    if let Some(text) = content::article(tree) {
        return text;
    }
    let shown = |keep_forms: bool| move |id: usize, name: &str| tree.shown(id, name, keep_forms);
    let (mut best, mut best_weight) = (String::new(), 0);
    for &article in &tree.articles {
        let text = layout::render(tree, &[article], &shown(false));
        let weight = weight(&text);
        if weight > best_weight {
            (best, best_weight) = (text, weight);
        }
    }
    if !best.is_empty() {
        return best;
    }
    for &main in &tree.mains {
        let text = layout::render(tree, &[main], &shown(false));
        if !text.is_empty() {
            return text;
        }
    }
    let text = layout::render(tree, &[ROOT], &shown(false));
    if text.is_empty() {
        layout::render(tree, &[ROOT], &shown(true))
    } else {
        text
    }
}

impl Tree {
    /// The page's titles without the site's name: Open Graph's first, then `<title>`'s.
    fn headlines(&self) -> Vec<String> {
        let site = self.meta.site_name.as_deref();
        [&self.meta.og_title, &self.title]
            .into_iter()
            .flatten()
            .map(|t| meta::headline(t, site))
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The text of the page's first author line (`class="byline"`, `rel="author"`...) of at
    /// most 100 characters, without a leading `By`. Only the first few are looked at: a
    /// hostile page can mark every element.
    fn byline(&self) -> Option<String> {
        let marked = (1..self.len()).filter(|&id| self.marks(id).byline && !self.marks(id).hidden);
        marked.take(8).find_map(|id| {
            if self.end(id) - id > 64 || self.in_form(id) {
                return None;
            }
            let text = collapse(&layout::render(self, &[id], &|c, name| self.shown(c, name, false)));
            let text = text
                .strip_prefix("By ")
                .or_else(|| text.strip_prefix("by "))
                .unwrap_or(&text);
            let text = text.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '|');
            (!text.is_empty() && text.chars().count() <= 100).then(|| text.to_string())
        })
    }

    /// Whether an element lies in a form (a comment form's "Name" field is marked `author`);
    /// only the nearest 32 ancestors are looked at.
    fn in_form(&self, mut id: usize) -> bool {
        for _ in 0..32 {
            if matches!(self.name(id), "form" | "label" | "input" | "textarea") {
                return true;
            }
            if id == ROOT {
                break;
            }
            id = self.parent(id);
        }
        false
    }

    /// Whether an element is shown to a reader at all: not hidden, not one of the elements
    /// that are never text (scripts, navigation, forms unless `keep_forms`...), and not a
    /// `<header>` outside an article (site navigation; inside one it holds the headline).
    fn shown(&self, id: usize, name: &str, keep_forms: bool) -> bool {
        if self.is_text(id) {
            return true;
        }
        let dropped = self.dropped(id) && !(keep_forms && name == "form");
        !(dropped || self.marks(id).hidden || (name == "header" && !self.in_article(id)))
    }
}

fn weight(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests;
