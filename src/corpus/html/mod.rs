//! Article text from an HTML page.
//!
//! The page is tokenized (`scan.rs`) and built into a light element tree that forgives bad
//! nesting: an end tag closes the nearest open element of its name and is ignored when none is
//! open; `<body>` or any body content closes an unclosed `<head>`.
//!
//! Which part of the page is the article: the longest `<article>` (not inside navigation, an
//! aside, a header or footer); else the first non-empty `<main>`; else the whole page. Inside it,
//! these are dropped: script, style, noscript, template, head, nav, footer, aside, form, and
//! interactive or embedded content (button, select, textarea, svg, iframe, canvas, object,
//! video, audio, math). `<header>` is dropped too, except inside an `<article>`, where it holds
//! the headline and byline rather than site navigation. A page that is one big `<form>` (some
//! content systems wrap everything in one) is read with forms kept rather than read as empty.
//!
//! Layout: block elements (p, div, h1-h6, section, blockquote, lists, tables...) end a
//! paragraph, written as a blank line; br, li, tr, dt, dd and captions end a line; table cells
//! are separated by a space. Other whitespace collapses to one space, except inside `<pre>`.
//! References are decoded (`entities.rs`); no-break spaces become plain spaces.
//! The first `<title>` outside SVG becomes the document title, without the site's name
//! (`meta.rs`), which also reads the publication date and the canonical address.

mod content;
mod entities;
mod layout;
mod marks;
mod meta;
mod scan;

use marks::Marks;
use scan::Token;
use std::collections::HashMap;

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
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "title", "button", "select",
    "textarea", "svg", "iframe", "canvas", "object", "video", "audio", "math",
];
/// Containers whose `<article>` elements are teasers, not the page's article.
const NOT_THE_ARTICLE: &[&str] = &["head", "nav", "aside", "header", "footer", "template", "noscript"];
const HEAD_CONTENT: &[&str] = &[
    "title", "meta", "link", "style", "script", "base", "noscript", "template",
];
enum Node {
    Element {
        name: String,
        children: Vec<usize>,
        marks: Marks,
    },
    Text(String),
}

struct Tree {
    /// In document order: a parent comes before its children.
    nodes: Vec<Node>,
    parents: Vec<usize>,
    /// Whether each node lies inside an `<article>`.
    in_article: Vec<bool>,
    /// Outermost `<article>` elements that are not teasers, in document order.
    articles: Vec<usize>,
    mains: Vec<usize>,
    title: Option<String>,
    meta: meta::PageMeta,
}

const ROOT: usize = 0;

impl Tree {
    fn build(html: &str) -> Tree {
        let mut b = Builder::new();
        for token in scan::tokenize(html) {
            match token {
                Token::Text(t) => b.text(t),
                Token::Start { name, self_closing } => b.start(name, self_closing),
                Token::Attributes(raw) => b.attributes(raw),
                Token::StructuredData(json) => b.tree.meta.structured(json),
                Token::End { name } => b.end(&name),
            }
        }
        b.tree
    }
}

/// Builds the tree, keeping a count of open elements by name so that end tags and context
/// checks cost O(1) however deep (or hostile) the nesting.
struct Builder {
    tree: Tree,
    stack: Vec<usize>,
    open: HashMap<String, usize>,
    in_title: Option<String>,
}

impl Builder {
    fn new() -> Builder {
        let root = Node::Element {
            name: String::new(),
            children: Vec::new(),
            marks: Marks::default(),
        };
        let tree = Tree {
            nodes: vec![root],
            parents: vec![ROOT],
            in_article: vec![false],
            articles: Vec::new(),
            mains: Vec::new(),
            title: None,
            meta: meta::PageMeta::default(),
        };
        Builder {
            tree,
            stack: vec![ROOT],
            open: HashMap::new(),
            in_title: None,
        }
    }

    /// Reads the attributes of the element added last.
    fn attributes(&mut self, raw: &str) {
        let Some(Node::Element { name, marks, .. }) = self.tree.nodes.last_mut() else {
            return;
        };
        if matches!(name.as_str(), "meta" | "link" | "time") {
            self.tree.meta.observe(name, raw);
        }
        *marks = Marks::read(raw);
    }

    fn is_open(&self, name: &str) -> bool {
        self.open.get(name).is_some_and(|n| *n > 0)
    }

    fn add(&mut self, node: Node) -> usize {
        let id = self.tree.nodes.len();
        self.tree.nodes.push(node);
        let parent = *self.stack.last().unwrap_or(&ROOT);
        self.tree.parents.push(parent);
        self.tree.in_article.push(self.is_open("article"));
        if let Node::Element { children, .. } = &mut self.tree.nodes[parent] {
            children.push(id);
        }
        id
    }

    fn text(&mut self, raw: &str) {
        if let Some(title) = &mut self.in_title {
            title.push_str(raw);
            return;
        }
        if self.is_open("head") && !raw.trim().is_empty() {
            self.end("head");
        }
        self.add(Node::Text(decode_entities(raw).into_owned()));
    }

    fn start(&mut self, name: String, self_closing: bool) {
        if self.is_open("head") && (name == "body" || !HEAD_CONTENT.contains(&name.as_str())) {
            self.end("head");
        }
        if name == "title" && self.tree.title.is_none() && !self.is_open("svg") {
            self.in_title = Some(String::new());
        }
        if name == "article" && !self.is_open("article") && !NOT_THE_ARTICLE.iter().any(|n| self.is_open(n)) {
            self.tree.articles.push(self.tree.nodes.len());
        }
        if name == "main" && !NOT_THE_ARTICLE.iter().any(|n| self.is_open(n)) {
            self.tree.mains.push(self.tree.nodes.len());
        }
        let void = self_closing || VOID.contains(&name.as_str());
        let id = self.add(Node::Element {
            name: name.clone(),
            children: Vec::new(),
            marks: Marks::default(),
        });
        if !void {
            self.stack.push(id);
            *self.open.entry(name).or_default() += 1;
        }
    }

    fn end(&mut self, name: &str) {
        if name == "title"
            && let Some(raw) = self.in_title.take()
        {
            let title = collapse(&decode_entities(&raw));
            self.tree.title = Some(title).filter(|t| !t.is_empty());
        }
        if !self.is_open(name) {
            return;
        }
        while let Some(id) = self.stack.pop() {
            let Node::Element { name: open, .. } = &self.tree.nodes[id] else {
                continue;
            };
            if let Some(n) = self.open.get_mut(open.as_str()) {
                *n -= 1;
            }
            if open == name {
                break;
            }
        }
    }
}

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

    /// Whether a heading's text repeats the page's title (the headline, kept as the title).
    fn repeats_title(&self, heading: &str) -> bool {
        let heading = content::key(heading);
        heading.chars().count() >= 10
            && self.headlines().iter().any(|t| {
                let t = content::key(t);
                t == heading || t.contains(&heading) || heading.contains(&t) && t.chars().count() >= 10
            })
    }

    /// Whether an element is shown to a reader at all: not hidden, not one of the elements
    /// that are never text (scripts, navigation, forms unless `keep_forms`...), and not a
    /// `<header>` outside an article (site navigation; inside one it holds the headline).
    fn shown(&self, id: usize, name: &str, keep_forms: bool) -> bool {
        let Node::Element { marks, .. } = &self.nodes[id] else {
            return true;
        };
        let dropped = DROPPED.contains(&name) && !(keep_forms && name == "form");
        !(dropped || marks.hidden || (name == "header" && !self.in_article[id]))
    }
}

fn weight(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests;
