//! Which part of a page is the article, by content scoring (after Mozilla's Readability):
//! every paragraph of 25 characters or more scores by its length and commas, and passes its
//! score up to five ancestors, halved and then divided further by distance; an element's
//! class and id add or take 25 (`marks.rs`), links discount it by their share of its text.
//! The best element, its best ancestor, and those of its siblings that score near it or read
//! as prose make the article; inside, lists, tables and boxes that read as furniture (mostly
//! links, more list items than paragraphs, images without text, forms) are removed, and so
//! are the author line and a heading that repeats the title.
//!
//! Passes: first with furniture classes stripped, classes weighed and boxes cleaned; when
//! that leaves under 500 characters, again with each of those relaxed in turn, keeping the
//! longest. A page where nothing scores (no paragraph) is `None`: the caller reads it whole.

use super::{Tree, layout};
use rustc_hash::FxHashMap;

/// Elements whose text is a paragraph for scoring.
const SCORED: &[&str] = &["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"];
/// Boxes checked for furniture once the article is chosen.
const CLEANED: &[&str] = &["form", "fieldset", "table", "ul", "ol", "div", "section", "aside"];
const EMBEDS: &[&str] = &["iframe", "embed", "object", "video", "audio"];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
/// What a tag is to the scoring, as bits, looked up by tag number.
const BLOCK: u16 = 1;
const SCORED_TAG: u16 = 2;
const EMBED: u16 = 4;
const HEADING: u16 = 8;
const CLEANED_TAG: u16 = 16;
const LINK: u16 = 32;
const PARA: u16 = 64;
const IMG: u16 = 128;
const LI: u16 = 256;
const INPUT: u16 = 512;
const DIV: u16 = 1024;

fn tag_flags(name: &str) -> u16 {
    let bit = |on: bool, bit: u16| if on { bit } else { 0 };
    // Elements that make a `div` a container rather than a paragraph: those that start a
    // paragraph of the text, and form controls.
    bit(layout::PARAGRAPH.contains(&name) || name == "select", BLOCK)
        | bit(SCORED.contains(&name), SCORED_TAG)
        | bit(EMBEDS.contains(&name), EMBED)
        | bit(HEADINGS.contains(&name), HEADING)
        | bit(CLEANED.contains(&name), CLEANED_TAG)
        | bit(name == "a", LINK)
        | bit(name == "p", PARA)
        | bit(name == "img", IMG)
        | bit(name == "li", LI)
        | bit(name == "input", INPUT)
        | bit(name == "div", DIV)
}

/// An article shorter than this (characters) is tried again with fewer rules.
const ENOUGH: usize = 500;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Rules {
    strip_unlikely: bool,
    weigh_classes: bool,
    clean_boxes: bool,
}

const PASSES: [Rules; 4] = [
    Rules {
        strip_unlikely: true,
        weigh_classes: true,
        clean_boxes: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: true,
        clean_boxes: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        clean_boxes: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        clean_boxes: false,
    },
];

/// The article text of the page, or `None` when no element scores.
///
/// A pass that leaves less than [`ENOUGH`] is weighed against the others by its prose (the
/// characters of its paragraphs that are not mostly links): a relaxed pass wins only with
/// clearly more prose, since on a page with a short article it mostly adds menus.
pub(super) fn article(tree: &Tree) -> Option<String> {
    // The page's titles, compared loosely, once for every heading of every pass.
    let titles: Vec<String> = tree.headlines().iter().map(|t| key(t)).collect();
    let mut found: Vec<Found> = Vec::new();
    for rules in PASSES {
        let Some(pass) = Pass::new(tree, &titles, rules).run() else {
            if !rules.strip_unlikely {
                // Nothing scores with every element in the running: relaxing the weights
                // cannot make a paragraph.
                break;
            }
            continue;
        };
        if found.is_empty() && pass.chars >= ENOUGH {
            return Some(pass.text);
        }
        found.push(pass);
    }
    let first_prose = found.first()?.prose;
    // The first pass with the most prose; a later one only with clearly more than the first.
    let best = (1..found.len())
        .filter(|&i| found[i].prose > first_prose * 3 / 2 + 100)
        .fold(0, |best, i| {
            if best == 0 || found[i].prose > found[best].prose {
                i
            } else {
                best
            }
        });
    Some(found.swap_remove(best).text).filter(|t| !t.is_empty())
}

/// What one pass found.
struct Found {
    text: String,
    /// Characters of the text, without whitespace.
    chars: usize,
    /// Characters of its paragraphs of 25 characters or more with under a quarter in links.
    prose: u32,
}

/// Figures of one element's subtree, counting only what is shown.
#[derive(Clone, Copy, Default)]
struct Sums {
    /// Characters of text, whitespace runs counted as one.
    chars: u32,
    /// Characters inside links.
    link: u32,
    commas: u32,
    /// Characters inside headings.
    heading: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
}

/// The loose text of an element (outside its block children).
#[derive(Clone, Copy, Default)]
struct Loose {
    chars: u32,
    link: u32,
    commas: u32,
}

impl Loose {
    fn sums(self) -> Sums {
        Sums {
            chars: self.chars,
            link: self.link,
            commas: self.commas,
            ..Sums::default()
        }
    }
}

struct Pass<'t> {
    tree: &'t Tree,
    /// The page's titles as [`key`]s.
    titles: &'t [String],
    rules: Rules,
    /// Elements out of the running: not shown, or furniture by class when stripping.
    skipped: Vec<bool>,
    sums: Vec<Sums>,
    /// Whether a `div` holds block elements (else it is read as a paragraph).
    has_blocks: Vec<bool>,
    /// The text an element holds outside its block children (text and inline elements
    /// between blocks): read as one more paragraph of the element, as Readability wraps such
    /// runs in `<p>`.
    inline: Vec<Loose>,
    /// The scores of the candidates (the ancestors of paragraphs): few, so kept by id.
    score: FxHashMap<usize, f64>,
    /// [`tag_flags`] by tag number.
    flags: Vec<u16>,
}

impl<'t> Pass<'t> {
    fn new(tree: &'t Tree, titles: &'t [String], rules: Rules) -> Pass<'t> {
        let n = tree.len();
        let mut pass = Pass {
            tree,
            titles,
            rules,
            skipped: vec![false; n],
            sums: vec![Sums::default(); n],
            has_blocks: vec![false; n],
            inline: vec![Loose::default(); n],
            score: FxHashMap::default(),
            flags: tree.tag_names().iter().map(|n| tag_flags(n)).collect(),
        };
        pass.skip();
        pass.sum();
        pass
    }

    fn name(&self, id: usize) -> &'t str {
        self.tree.name(id)
    }

    /// The [`tag_flags`] of a node; none for text.
    fn is(&self, id: usize, flag: u16) -> bool {
        let tag = self.tree.tag(id);
        tag != u32::MAX && self.flags[tag as usize] & flag != 0
    }

    fn marks(&self, id: usize) -> super::marks::Marks {
        self.tree.marks(id)
    }

    /// Marks what is out of the running; parents come before children, so a skipped
    /// parent's children are skipped by inheritance.
    fn skip(&mut self) {
        for id in 1..self.tree.len() {
            let parent = self.tree.parent(id);
            let name = self.name(id);
            let marks = self.marks(id);
            let unlikely = self.rules.strip_unlikely
                && marks.unlikely
                && !matches!(name, "body" | "html" | "article" | "main" | "a" | "");
            self.skipped[id] =
                self.skipped[parent] || (!name.is_empty() && !self.tree.shown(id, name, false)) || unlikely;
        }
    }

    /// Sums every subtree: children come after parents, so a reverse walk sees them first.
    fn sum(&mut self) {
        let mut sums = std::mem::take(&mut self.sums);
        for id in (1..self.tree.len()).rev() {
            if self.skipped[id] {
                continue;
            }
            self.tally(id, &mut sums);
            let parent = self.tree.parent(id);
            if self.is(id, BLOCK) {
                self.has_blocks[parent] = true;
            } else {
                let (loose, own) = (&mut self.inline[parent], &sums[id]);
                (loose.chars, loose.link, loose.commas) = (
                    loose.chars + own.chars,
                    loose.link + own.link,
                    loose.commas + own.commas,
                );
            }
            push_up(&mut sums, id, parent);
        }
        self.sums = sums;
    }

    /// Adds a node's own share to its sums, which already hold its children's.
    fn tally(&self, id: usize, sums: &mut [Sums]) {
        let own = &mut sums[id];
        if self.tree.is_text(id) {
            let (chars, commas) = measure(self.tree.text(id));
            own.chars += chars;
            own.commas += commas;
            return;
        }
        let flags = self.flags[self.tree.tag(id) as usize];
        if flags & LINK != 0 {
            own.link = own.chars;
        }
        if flags & HEADING != 0 {
            own.heading = own.chars;
        }
        own.p += u32::from(flags & PARA != 0);
        own.img += u32::from(flags & IMG != 0);
        own.li += u32::from(flags & LI != 0);
        own.input += u32::from(flags & INPUT != 0);
        own.embed += u32::from(flags & EMBED != 0);
    }

    fn link_density(&self, id: usize) -> f64 {
        density(&self.sums[id])
    }

    fn class_weight(&self, id: usize) -> f64 {
        if self.rules.weigh_classes {
            f64::from(self.marks(id).weight)
        } else {
            0.0
        }
    }

    /// An element's starting score: its kind of element and its class.
    fn initial(&self, id: usize) -> f64 {
        let base = match self.name(id) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.class_weight(id)
    }

    fn is_paragraph(&self, id: usize) -> bool {
        self.is(id, SCORED_TAG) || (self.is(id, DIV) && !self.has_blocks[id])
    }

    /// Scores every paragraph into its ancestors: a paragraph element into its parent and
    /// up, the loose text of a container into the container and up.
    fn score(&mut self) -> Vec<usize> {
        let mut candidates = Vec::new();
        for id in 1..self.tree.len() {
            if self.skipped[id] || self.tree.is_text(id) {
                continue;
            }
            let (sums, first) = if self.is_paragraph(id) {
                (self.sums[id], self.tree.parent(id))
            } else if self.has_blocks[id] {
                (self.inline[id].sums(), id)
            } else {
                continue;
            };
            if sums.chars < 25 {
                continue;
            }
            let score = 1.0 + f64::from(sums.commas) + (f64::from(sums.chars) / 100.0).floor().min(3.0);
            let mut at = first;
            for level in 0..5 {
                if at == super::ROOT {
                    break;
                }
                if !self.score.contains_key(&at) {
                    self.score.insert(at, self.initial(at));
                    candidates.push(at);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => f64::from(level) * 3.0,
                };
                *self.score.get_mut(&at).expect("set above") += score / divider;
                at = self.tree.parent(at);
            }
        }
        for &c in &candidates {
            let density = self.link_density(c);
            if let Some(s) = self.score.get_mut(&c) {
                *s *= 1.0 - density;
            }
        }
        candidates
    }

    fn scored(&self, id: usize) -> f64 {
        self.score.get(&id).copied().unwrap_or(0.0)
    }

    fn run(mut self) -> Option<Found> {
        let candidates = self.score();
        let mut top = *candidates
            .iter()
            .max_by(|a, b| self.scored(**a).total_cmp(&self.scored(**b)).then_with(|| b.cmp(a)))?;
        top = self.better_ancestor(top, &candidates);
        let roots = self.with_siblings(top);
        let removed = self.clean(&roots);
        let text = layout::render(self.tree, &roots, &|id, _| !self.skipped[id] && !removed[id]);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let prose = self.prose(&roots, &removed);
        Some(Found { text, chars, prose })
    }

    fn prose(&self, roots: &[usize], removed: &[bool]) -> u32 {
        let mut prose = 0;
        let mut todo = roots.to_vec();
        while let Some(id) = todo.pop() {
            if self.is_paragraph(id) && self.sums[id].chars >= 25 {
                if self.link_density(id) < 0.25 {
                    prose += self.sums[id].chars;
                }
                continue;
            }
            let loose = self.inline[id].sums();
            if loose.chars >= 25 && density(&loose) < 0.25 {
                prose += loose.chars;
            }
            todo.extend(self.element_children(id).filter(|c| !removed[*c]));
        }
        prose
    }

    /// Readability's moves up the tree: to the ancestor that three of the five best
    /// candidates share, then up while the parent scores better, then past only children.
    fn better_ancestor(&self, mut top: usize, candidates: &[usize]) -> usize {
        let best = self.scored(top);
        let mut ranked: Vec<usize> = candidates.to_vec();
        ranked.sort_by(|a, b| self.scored(*b).total_cmp(&self.scored(*a)).then_with(|| a.cmp(b)));
        let close: Vec<usize> = ranked
            .iter()
            .skip(1)
            .take(4)
            .copied()
            .filter(|c| self.scored(*c) / best >= 0.75)
            .collect();
        if close.len() >= 2 {
            let mut at = self.tree.parent(top);
            while at != super::ROOT {
                let shared = close.iter().filter(|c| self.is_ancestor(at, **c)).count();
                if shared >= 2 {
                    top = at;
                    break;
                }
                at = self.tree.parent(at);
            }
        }
        let mut last = self.scored(top);
        let threshold = last / 3.0;
        let mut parent = self.tree.parent(top);
        while parent != super::ROOT && self.name(parent) != "body" {
            let Some(&score) = self.score.get(&parent) else {
                parent = self.tree.parent(parent);
                continue;
            };
            if score < threshold {
                break;
            }
            if score > last {
                top = parent;
                break;
            }
            last = score;
            parent = self.tree.parent(parent);
        }
        loop {
            let parent = self.tree.parent(top);
            if parent == super::ROOT || self.name(parent) == "body" || self.element_children(parent).count() != 1 {
                break;
            }
            top = parent;
        }
        top
    }

    /// Whether `ancestor` holds `id`: a subtree is a run of ids, so this is two comparisons.
    fn is_ancestor(&self, ancestor: usize, id: usize) -> bool {
        ancestor < id && id < self.tree.end(ancestor)
    }

    /// Whether an element is small enough to render for a look at its words: rendering is
    /// linear in its nodes, and a hostile page can nest thousands of empty ones.
    fn small(&self, id: usize) -> bool {
        self.tree.end(id) - id <= 64 && self.sums[id].chars <= 300
    }

    fn element_children(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.tree
            .children(id)
            .filter(|c| !self.skipped[*c] && !self.tree.is_text(*c))
    }

    /// The top element and those of its siblings that belong to the article: they score near
    /// it, or they are paragraphs of prose with few links.
    fn with_siblings(&self, top: usize) -> Vec<usize> {
        let parent = self.tree.parent(top);
        if parent == super::ROOT {
            return vec![top];
        }
        let score = self.scored(top);
        let threshold = (score * 0.2).max(10.0);
        let class_of = |id: usize| self.marks(id).weight;
        self.element_children(parent)
            .filter(|&s| {
                if s == top {
                    return true;
                }
                let bonus = if class_of(s) == class_of(top) && class_of(top) != 0 {
                    score * 0.2
                } else {
                    0.0
                };
                if self.score.get(&s).is_some_and(|v| v + bonus >= threshold) {
                    return true;
                }
                if !self.is_paragraph(s) || self.name(s) != "p" {
                    return false;
                }
                let chars = self.sums[s].chars;
                let density = self.link_density(s);
                if chars > 80 {
                    density < 0.25
                } else {
                    density == 0.0 && chars > 0 && self.ends_sentence(s)
                }
            })
            .collect()
    }

    fn ends_sentence(&self, id: usize) -> bool {
        if !self.small(id) {
            return false;
        }
        let text = layout::render(self.tree, &[id], &|c, _| !self.skipped[c]);
        let text = text.trim_end();
        text.ends_with('.') || text.contains(". ")
    }

    /// Marks for removal the boxes inside the article that read as furniture, innermost
    /// first, each judged on what is left of it once the furniture inside it is gone (as
    /// Readability judges the live page).
    fn clean(&self, roots: &[usize]) -> Vec<bool> {
        let mut removed = vec![false; self.tree.len()];
        let mut sums = vec![Sums::default(); self.tree.len()];
        for &root in roots {
            for id in (root + 1..self.tree.end(root)).rev() {
                if self.skipped[id] {
                    continue;
                }
                self.tally(id, &mut sums);
                if !self.tree.is_text(id) && self.furniture(id, &sums[id]) {
                    removed[id] = true;
                    continue;
                }
                push_up(&mut sums, id, self.tree.parent(id));
            }
        }
        removed
    }

    /// Whether a box inside the article is furniture (Readability's conditional cleaning,
    /// its heading and byline rules), judged on its sums `s`.
    fn furniture(&self, id: usize, s: &Sums) -> bool {
        let name = self.name(id);
        let marks = self.marks(id);
        if marks.byline && s.chars < 100 && !marks.body {
            return true;
        }
        // Pictures and their captions (and credits) are not the article's prose; a figure
        // that wraps paragraphs of it is kept.
        if matches!(name, "figure" | "figcaption" | "picture") && (s.p == 0 || s.chars < 200) {
            return true;
        }
        if self.is(id, HEADING) {
            let repeats_title = self.small(id) && {
                let text = layout::render(self.tree, &[id], &|c, _| !self.skipped[c]);
                repeats_title(self.titles, &text)
            };
            return repeats_title || (self.rules.weigh_classes && marks.weight < 0) || density(s) > 0.33;
        }
        if !self.rules.clean_boxes || !self.is(id, CLEANED_TAG) || marks.body {
            return false;
        }
        let weight = self.class_weight(id);
        if weight < 0.0 {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let list = matches!(name, "ul" | "ol");
        let (p, img, li, input) = (f64::from(s.p), f64::from(s.img), f64::from(s.li), f64::from(s.input));
        let chars = f64::from(s.chars);
        let density = density(s);
        let heading_density = if chars > 0.0 { f64::from(s.heading) / chars } else { 0.0 };
        (img > 1.0 && p / img < 0.5)
            || (!list && li - 100.0 > p)
            || input > (p / 3.0).floor()
            || (!list && heading_density < 0.9 && chars < 25.0 && (img == 0.0 || img > 2.0))
            || (!list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || (s.embed == 1 && chars < 75.0)
            || s.embed > 1
    }
}

fn push_up(sums: &mut [Sums], id: usize, parent: usize) {
    sums[parent] = add(sums[parent], sums[id]);
}

fn add(a: Sums, b: Sums) -> Sums {
    Sums {
        chars: a.chars + b.chars,
        link: a.link + b.link,
        commas: a.commas + b.commas,
        heading: a.heading + b.heading,
        p: a.p + b.p,
        img: a.img + b.img,
        li: a.li + b.li,
        input: a.input + b.input,
        embed: a.embed + b.embed,
    }
}

fn density(s: &Sums) -> f64 {
    if s.chars == 0 {
        0.0
    } else {
        f64::from(s.link) / f64::from(s.chars)
    }
}

/// Characters (whitespace runs counted as one, ends trimmed) and commas of a text node.
fn measure(text: &str) -> (u32, u32) {
    let (mut chars, mut commas, mut space) = (0u32, 0u32, false);
    for c in text.chars() {
        if c.is_whitespace() {
            space = chars > 0;
            continue;
        }
        chars += 1 + u32::from(space);
        space = false;
        commas += u32::from(matches!(
            c,
            ',' | '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，' | '、'
        ));
    }
    (chars, commas)
}

/// Whether a heading's text repeats one of the page's titles (given as [`key`]s): the
/// headline, kept as the document's title.
fn repeats_title(titles: &[String], heading: &str) -> bool {
    let heading = key(heading);
    heading.chars().count() >= 10
        && titles
            .iter()
            .any(|t| *t == heading || t.contains(&heading) || heading.contains(t.as_str()) && t.chars().count() >= 10)
}

/// Text compared loosely: letters and digits only, lower-cased.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
