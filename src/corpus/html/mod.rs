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

mod entities;
mod meta;
mod scan;

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
    let title = meta
        .og_title
        .clone()
        .or_else(|| tree.title.clone())
        .map(|t| meta::headline(&t, meta.site_name.as_deref()))
        .filter(|t| !t.is_empty());
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
const PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];
const LINE: &[&str] = &[
    "li",
    "dd",
    "dt",
    "tr",
    "figcaption",
    "caption",
    "summary",
    "legend",
    "option",
];
const CELL: &[&str] = &["td", "th"];

enum Node {
    Element { name: String, children: Vec<usize> },
    Text(String),
}

struct Tree {
    nodes: Vec<Node>,
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
                Token::Attributes(raw) => {
                    if let Some(element) = b.last_element() {
                        b.tree.meta.observe(&element, raw);
                    }
                }
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
        };
        let tree = Tree {
            nodes: vec![root],
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

    /// The name of the element added last (the one whose attributes come next).
    fn last_element(&self) -> Option<String> {
        match self.tree.nodes.last()? {
            Node::Element { name, .. } => Some(name.clone()),
            Node::Text(_) => None,
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.open.get(name).is_some_and(|n| *n > 0)
    }

    fn add(&mut self, node: Node) -> usize {
        let id = self.tree.nodes.len();
        self.tree.nodes.push(node);
        let parent = *self.stack.last().unwrap_or(&ROOT);
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
    let (mut best, mut best_weight) = (String::new(), 0);
    for &article in &tree.articles {
        let text = render(tree, article, false);
        let weight = weight(&text);
        if weight > best_weight {
            (best, best_weight) = (text, weight);
        }
    }
    if !best.is_empty() {
        return best;
    }
    for &main in &tree.mains {
        let text = render(tree, main, false);
        if !text.is_empty() {
            return text;
        }
    }
    let text = render(tree, ROOT, false);
    if text.is_empty() {
        render(tree, ROOT, true)
    } else {
        text
    }
}

fn weight(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

enum Visit {
    Enter(usize),
    Leave(usize),
}

/// Writes the text under `root`. Iterative, so deep nesting cannot overflow the stack.
fn render(tree: &Tree, root: usize, keep_forms: bool) -> String {
    let mut out = Layout::default();
    let mut pre = 0usize;
    let mut article = 0usize;
    let mut todo = vec![Visit::Enter(root)];
    while let Some(visit) = todo.pop() {
        match visit {
            Visit::Enter(id) => match &tree.nodes[id] {
                Node::Text(t) => out.text(t, pre > 0),
                Node::Element { name, children } => {
                    let name = name.as_str();
                    let dropped = DROPPED.contains(&name) && !(keep_forms && name == "form");
                    if id != root && (dropped || (name == "header" && article == 0)) {
                        continue;
                    }
                    pre += usize::from(name == "pre");
                    article += usize::from(name == "article");
                    out.open(name);
                    todo.push(Visit::Leave(id));
                    todo.extend(children.iter().rev().map(|c| Visit::Enter(*c)));
                }
            },
            Visit::Leave(id) => {
                if let Node::Element { name, .. } = &tree.nodes[id] {
                    pre -= usize::from(name == "pre");
                    article -= usize::from(name == "article");
                    out.close(name);
                }
            }
        }
    }
    out.finish()
}

/// Accumulates text with collapsed whitespace and at most one blank line between paragraphs.
#[derive(Default)]
struct Layout {
    out: String,
    space: bool,
    breaks: usize,
}

impl Layout {
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            _ => self.boundary(name),
        }
    }

    fn close(&mut self, name: &str) {
        self.boundary(name);
    }

    fn boundary(&mut self, name: &str) {
        if PARAGRAPH.contains(&name) {
            self.breaks = 2;
        } else if LINE.contains(&name) {
            self.breaks = self.breaks.max(1);
        } else if CELL.contains(&name) {
            self.space = true;
        }
    }

    fn text(&mut self, text: &str, pre: bool) {
        let mut after_cr = false;
        for c in text.chars() {
            let crlf = after_cr && c == '\n';
            after_cr = c == '\r';
            match c {
                _ if crlf => {}
                '\n' | '\r' if pre => {
                    if !self.out.is_empty() {
                        self.flush();
                        self.out.push('\n');
                    }
                }
                c if !pre && c.is_whitespace() => self.space = true,
                c => {
                    self.flush();
                    self.out.push(if c == '\u{A0}' { ' ' } else { c });
                }
            }
        }
    }

    /// Writes the pending break or space before the next visible character.
    fn flush(&mut self) {
        if self.out.is_empty() {
            self.breaks = 0;
            self.space = false;
            return;
        }
        if self.breaks > 0 {
            let kept = self.out.trim_end_matches(' ').len();
            self.out.truncate(kept);
            if !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            if self.breaks > 1 && !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
        } else if self.space && !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests;
