//! The page as a compact element tree, built from the tokens in one pass.
//!
//! Nodes are numbered in document order and kept in parallel arrays (tag, parent, end of
//! subtree, marks, text), a few dozen bytes a node: a subtree is the run of ids from an
//! element to its `end`, so children, ancestors and "is inside" need no lists. Building
//! forgives bad nesting as browsers do: an end tag closes the nearest open element of its name
//! and is ignored when none is open; `<body>` or any body content closes an unclosed `<head>`.
//! Open elements are counted by tag, so end tags and context checks cost O(1) however deep
//! (or hostile) the nesting.

use super::marks::Marks;
use super::meta::PageMeta;
use super::scan::{self, Token};
use super::{HEAD_CONTENT, NOT_THE_ARTICLE, VOID, decode_entities};
use rustc_hash::FxHashMap;

pub(super) const ROOT: usize = 0;
const TEXT: u32 = u32::MAX;

pub(super) struct Tree {
    tags: Vec<u32>,
    parents: Vec<u32>,
    ends: Vec<u32>,
    marks: Vec<Marks>,
    /// Whether each node lies inside an `<article>`.
    in_article: Vec<bool>,
    /// A text node's decoded text: a range of `text`.
    spans: Vec<(u32, u32)>,
    text: String,
    /// Tag names by tag number; 0 is the root's empty name.
    names: Vec<Box<str>>,
    /// Whether each tag number is one of the never-text elements (`super::DROPPED`).
    dropped: Vec<bool>,
    /// Outermost `<article>` elements that are not teasers, in document order.
    pub articles: Vec<usize>,
    pub mains: Vec<usize>,
    pub title: Option<String>,
    pub meta: PageMeta,
}

impl Tree {
    pub fn build(html: &str) -> Tree {
        let mut b = Builder::new();
        scan::tokenize(html, &mut |token| match token {
            Token::Text(t) => b.text(t),
            Token::Start { name, self_closing } => b.start(&name, self_closing),
            Token::Attributes(raw) => b.attributes(raw),
            Token::StructuredData(json) => b.tree.meta.structured(json),
            Token::End { name } => b.end(&name),
        });
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_text(&self, id: usize) -> bool {
        self.tags[id] == TEXT
    }

    /// An element's tag name; empty for text and the root.
    pub fn name(&self, id: usize) -> &str {
        match self.tags[id] {
            TEXT => "",
            tag => &self.names[tag as usize],
        }
    }

    /// An element's tag number (text is `u32::MAX`): the same name, the same number.
    pub fn tag(&self, id: usize) -> u32 {
        self.tags[id]
    }

    /// The tag names by number.
    pub fn tag_names(&self) -> &[Box<str>] {
        &self.names
    }

    /// Whether an element is one that is never text (script, nav, form...).
    pub fn dropped(&self, id: usize) -> bool {
        self.tags[id] != TEXT && self.dropped[self.tags[id] as usize]
    }

    pub fn marks(&self, id: usize) -> Marks {
        self.marks[id]
    }

    pub fn in_article(&self, id: usize) -> bool {
        self.in_article[id]
    }

    /// A text node's text; empty for elements.
    pub fn text(&self, id: usize) -> &str {
        let (from, to) = self.spans[id];
        &self.text[from as usize..to as usize]
    }

    /// The parent; the root is its own.
    pub fn parent(&self, id: usize) -> usize {
        self.parents[id] as usize
    }

    /// One past the last node of the subtree of `id`.
    pub fn end(&self, id: usize) -> usize {
        self.ends[id] as usize
    }

    pub fn children(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end(id);
        let mut next = id + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let child = next;
                next = self.end(child);
                child
            })
        })
    }
}

struct Builder {
    tree: Tree,
    stack: Vec<usize>,
    index: FxHashMap<Box<str>, u32>,
    /// Open elements by tag number.
    open: Vec<u32>,
    in_title: Option<String>,
    /// Tag numbers of the names the builder checks.
    head: u32,
    article: u32,
    svg: u32,
}

impl Builder {
    fn new() -> Builder {
        let tree = Tree {
            tags: vec![0],
            parents: vec![0],
            ends: vec![1],
            marks: vec![Marks::default()],
            in_article: vec![false],
            spans: vec![(0, 0)],
            text: String::new(),
            names: vec!["".into()],
            dropped: vec![false],
            articles: Vec::new(),
            mains: Vec::new(),
            title: None,
            meta: PageMeta::default(),
        };
        let mut b = Builder {
            tree,
            stack: vec![ROOT],
            index: FxHashMap::default(),
            open: vec![0],
            in_title: None,
            head: 0,
            article: 0,
            svg: 0,
        };
        b.index.insert("".into(), 0);
        (b.head, b.article, b.svg) = (b.tag("head"), b.tag("article"), b.tag("svg"));
        b
    }

    /// The number of a tag name, given one the first time it is seen.
    fn tag(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.index.get(name) {
            return n;
        }
        let n = self.tree.names.len() as u32;
        self.tree.names.push(name.into());
        self.tree.dropped.push(super::DROPPED.contains(&name));
        self.index.insert(name.into(), n);
        self.open.push(0);
        n
    }

    fn is_open(&self, tag: u32) -> bool {
        self.open[tag as usize] > 0
    }

    fn is_open_name(&self, name: &str) -> bool {
        self.index.get(name).is_some_and(|&t| self.is_open(t))
    }

    /// Reads the attributes of the element added last.
    fn attributes(&mut self, raw: &str) {
        let last = self.tree.len() - 1;
        if self.tree.is_text(last) {
            return;
        }
        let tag = self.tree.tags[last] as usize;
        let name = &self.tree.names[tag];
        if matches!(&**name, "meta" | "link" | "time") {
            self.tree.meta.observe(name, raw);
        }
        self.tree.marks[last] = Marks::read(raw);
    }

    fn add(&mut self, tag: u32, span: (u32, u32)) -> usize {
        let t = &mut self.tree;
        let id = t.tags.len();
        t.tags.push(tag);
        t.parents.push(*self.stack.last().unwrap_or(&ROOT) as u32);
        t.ends.push(id as u32 + 1);
        t.marks.push(Marks::default());
        t.in_article.push(self.open[self.article as usize] > 0);
        t.spans.push(span);
        id
    }

    fn text(&mut self, raw: &str) {
        if let Some(title) = &mut self.in_title {
            title.push_str(raw);
            return;
        }
        if self.is_open(self.head) && !raw.trim().is_empty() {
            self.end("head");
        }
        let from = self.tree.text.len() as u32;
        self.tree.text.push_str(&decode_entities(raw));
        let to = self.tree.text.len() as u32;
        self.add(TEXT, (from, to));
    }

    fn start(&mut self, name: &str, self_closing: bool) {
        if self.is_open(self.head) && (name == "body" || !HEAD_CONTENT.contains(&name)) {
            self.end("head");
        }
        if name == "title" && self.tree.title.is_none() && !self.is_open(self.svg) {
            self.in_title = Some(String::new());
        }
        if matches!(name, "article" | "main") && !NOT_THE_ARTICLE.iter().any(|n| self.is_open_name(n)) {
            if name == "main" {
                self.tree.mains.push(self.tree.len());
            } else if !self.is_open(self.article) {
                self.tree.articles.push(self.tree.len());
            }
        }
        let tag = self.tag(name);
        let id = self.add(tag, (0, 0));
        if !(self_closing || VOID.contains(&name)) {
            self.stack.push(id);
            self.open[tag as usize] += 1;
        }
    }

    fn end(&mut self, name: &str) {
        if name == "title"
            && let Some(raw) = self.in_title.take()
        {
            let title = super::collapse(&decode_entities(&raw));
            self.tree.title = Some(title).filter(|t| !t.is_empty());
        }
        let Some(&tag) = self.index.get(name) else {
            return;
        };
        if !self.is_open(tag) {
            return;
        }
        while let Some(id) = self.stack.pop() {
            let open = self.tree.tags[id];
            self.open[open as usize] -= 1;
            self.tree.ends[id] = self.tree.len() as u32;
            if open == tag {
                break;
            }
        }
    }

    fn finish(mut self) -> Tree {
        let len = self.tree.len() as u32;
        for id in self.stack.drain(..) {
            self.tree.ends[id] = len;
        }
        self.tree
    }
}
