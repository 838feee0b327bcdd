//! The look of the graph, shared by every drawn format (DOT, HTML, GEXF, GraphML, Cytoscape):
//! one colour and shape per actor kind, one colour and line per relation, and how node size
//! and edge width grow. Each exporter maps these to its own vocabulary, so a kind looks the
//! same in Graphviz, in the browser, in Gephi and in yEd.
//!
//! Fills are light with dark borders so dark labels stay readable, and each kind differs in
//! shape as well as colour, for readers who cannot tell the colours apart.

use crate::graph::{Actor, ActorKind, RelationKind};

/// Node outline, named by what it looks like; exporters translate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    RoundRect,
    Ellipse,
    Rect,
    /// A folder tab: outlets.
    Tab,
    Hexagon,
    /// A page with a folded corner: documents.
    Note,
}

impl Shape {
    /// Cytoscape.js `shape` value.
    pub(crate) fn cytoscape(self) -> &'static str {
        match self {
            Shape::RoundRect => "round-rectangle",
            Shape::Ellipse => "ellipse",
            Shape::Rect => "rectangle",
            Shape::Tab => "barrel",
            Shape::Hexagon => "hexagon",
            Shape::Note => "cut-rectangle",
        }
    }

    /// yEd `y:Shape` type.
    pub(crate) fn yed(self) -> &'static str {
        match self {
            Shape::RoundRect => "roundrectangle",
            Shape::Ellipse => "ellipse",
            Shape::Rect => "rectangle",
            Shape::Tab => "trapezoid2",
            Shape::Hexagon => "hexagon",
            Shape::Note => "rectangle3d",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KindStyle {
    pub shape: Shape,
    /// `#RRGGBB`.
    pub fill: &'static str,
    pub border: &'static str,
    /// A heavier border: leaders stand out.
    pub bold: bool,
}

pub(crate) fn kind_style(kind: ActorKind) -> KindStyle {
    let (shape, fill, border, bold) = match kind {
        ActorKind::Leader => (Shape::RoundRect, "#FFD54F", "#A67C00", true),
        ActorKind::Analyst => (Shape::Ellipse, "#90CAF9", "#1565C0", false),
        ActorKind::Person => (Shape::Ellipse, "#E0E0E0", "#616161", false),
        ActorKind::Institute => (Shape::Rect, "#A5D6A7", "#2E7D32", false),
        ActorKind::Outlet => (Shape::Tab, "#CE93D8", "#6A1B9A", false),
        ActorKind::Country => (Shape::Hexagon, "#FFAB91", "#BF360C", false),
        ActorKind::Document => (Shape::Note, "#FAFAFA", "#9E9E9E", false),
    };
    KindStyle {
        shape,
        fill,
        border,
        bold,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    Solid,
    Dashed,
    /// Solid and heavier.
    Bold,
}

impl Line {
    /// The dash pattern alone, for formats whose width is set apart (Cytoscape.js, GEXF, yEd).
    pub(crate) fn dash(self) -> &'static str {
        match self {
            Line::Solid | Line::Bold => "solid",
            Line::Dashed => "dashed",
        }
    }
}

/// Arrow at the target end of a directed edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arrow {
    Normal,
    Vee,
    /// A hollow triangle, as for membership in UML.
    Empty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RelationStyle {
    pub color: &'static str,
    pub line: Line,
    pub arrow: Arrow,
}

pub(crate) fn relation_style(kind: RelationKind) -> RelationStyle {
    let (color, line, arrow) = match kind {
        RelationKind::MetWith => ("#1565C0", Line::Solid, Arrow::Normal),
        RelationKind::QuotedIn => ("#757575", Line::Dashed, Arrow::Vee),
        RelationKind::AlliedWith => ("#C62828", Line::Bold, Arrow::Normal),
        RelationKind::AffiliatedTo => ("#2E7D32", Line::Solid, Arrow::Empty),
    };
    RelationStyle { color, line, arrow }
}

/// Thickest edge: beyond it heavy edges would hide their neighbours.
pub(crate) const MAX_EDGE_WIDTH: f64 = 6.0;

/// Grows with the square root of the weight: one extra piece of evidence shows, but a
/// hundred do not drown the picture.
pub(crate) fn edge_width(weight: usize) -> f64 {
    (1.0 + ((weight.max(1) - 1) as f64).sqrt()).min(MAX_EDGE_WIDTH)
}

const MIN_NODE_SIZE: f64 = 20.0;
const MAX_NODE_SIZE: f64 = 60.0;

/// Diameter in pixels (Gephi and yEd read it in their own units, which are close). Grows with
/// the square root of the mentions, so the most talked-about actors stand out without one
/// giant hiding the rest; documents, which have no mentions, get a middle size.
pub(crate) fn node_size(actor: &Actor) -> f64 {
    if actor.kind == ActorKind::Document {
        return 30.0;
    }
    (MIN_NODE_SIZE + 4.0 * (actor.mentions as f64).sqrt()).min(MAX_NODE_SIZE)
}

/// `#RRGGBB` as its three components; the palette is written by hand, so a bad entry is a bug.
pub(crate) fn rgb(hex: &str) -> (u8, u8, u8) {
    let digits = hex
        .strip_prefix('#')
        .filter(|d| d.len() == 6)
        .expect("palette colours are #RRGGBB");
    let part = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).expect("palette colours are hex");
    (part(0), part(2), part(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_and_relation_looks_different() {
        let looks: BTreeSet<(Shape, &str)> = ActorKind::ALL
            .iter()
            .map(|&k| (kind_style(k).shape, kind_style(k).fill))
            .collect();
        assert_eq!(looks.len(), ActorKind::ALL.len());
        let fills: BTreeSet<&str> = ActorKind::ALL.iter().map(|&k| kind_style(k).fill).collect();
        assert_eq!(fills.len(), ActorKind::ALL.len());
        let colours: BTreeSet<&str> = RelationKind::ALL.iter().map(|&r| relation_style(r).color).collect();
        assert_eq!(colours.len(), RelationKind::ALL.len());
    }

    #[test]
    fn every_colour_parses() {
        for k in ActorKind::ALL {
            rgb(kind_style(k).fill);
            rgb(kind_style(k).border);
        }
        for r in RelationKind::ALL {
            rgb(relation_style(r).color);
        }
        assert_eq!(rgb("#FFD54F"), (255, 213, 79));
    }

    #[test]
    fn edge_width_grows_with_weight_and_is_capped() {
        let widths: Vec<f64> = [1, 2, 5, 26, 10_000].into_iter().map(edge_width).collect();
        assert_eq!(widths[0], 1.0);
        assert!(widths.windows(2).all(|w| w[0] <= w[1]), "{widths:?}");
        assert!(widths[1] > widths[0]);
        assert_eq!(widths[4], MAX_EDGE_WIDTH);
        assert_eq!(edge_width(0), 1.0);
    }

    #[test]
    fn node_size_grows_with_mentions_and_is_capped() {
        let mut a = Actor::new("a", "A", ActorKind::Person);
        let sizes: Vec<f64> = [0, 1, 9, 100, 1_000_000]
            .into_iter()
            .map(|m| {
                a.mentions = m;
                node_size(&a)
            })
            .collect();
        assert_eq!(sizes[0], MIN_NODE_SIZE);
        assert!(
            sizes.windows(2).all(|w| w[0] < w[1] || w[1] == MAX_NODE_SIZE),
            "{sizes:?}"
        );
        assert_eq!(sizes[4], MAX_NODE_SIZE);
    }
}
