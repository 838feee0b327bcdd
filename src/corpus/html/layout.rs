//! Writes the text of chosen parts of the tree as a reader sees it: block elements end a
//! paragraph (a blank line), br, li, tr, dt, dd and captions end a line, table cells are
//! separated by a space, other whitespace collapses to one space except inside `<pre>`, and
//! no-break spaces become plain spaces.

use super::Tree;

pub(super) const PARAGRAPH: &[&str] = &[
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

/// Writes the text under each of `roots` in turn, skipping every element below them that
/// `shown` refuses. One walk over the ids of each subtree (a run of ids): a refused element is
/// jumped over whole, and an element is closed once the walk passes its end.
pub(super) fn render(tree: &Tree, roots: &[usize], shown: &dyn Fn(usize, &str) -> bool) -> String {
    let mut out = Layout::default();
    let mut pre = 0usize;
    let mut open: Vec<usize> = Vec::new();
    for &root in roots {
        out.boundary("p");
        let mut id = root;
        let stop = tree.end(root);
        while id < stop {
            while let Some(&top) = open.last()
                && id >= tree.end(top)
            {
                leave(tree, top, &mut out, &mut pre);
                open.pop();
            }
            if tree.is_text(id) {
                out.text(tree.text(id), pre > 0);
                id += 1;
                continue;
            }
            let name = tree.name(id);
            if id != root && !shown(id, name) {
                id = tree.end(id);
                continue;
            }
            pre += usize::from(name == "pre");
            out.open(name);
            open.push(id);
            id += 1;
        }
        while let Some(top) = open.pop() {
            leave(tree, top, &mut out, &mut pre);
        }
    }
    out.finish()
}

fn leave(tree: &Tree, id: usize, out: &mut Layout, pre: &mut usize) {
    let name = tree.name(id);
    *pre -= usize::from(name == "pre");
    out.close(name);
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
