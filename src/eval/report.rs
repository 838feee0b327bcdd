//! Writing an evaluation: score.py's text lines, a readable `--explain`, and JSON in
//! score.py's layout (`{"scores": {...}, "detail": {...}}`) so that tools reading one read both.

use super::gold::Gold;
use super::score::{Counts, Evaluation, NodeRef, Triple};
use crate::graph::RelationKind;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::{self, Write};

/// The figures as score.py prints them, then (with `explain`) every miss and false alarm.
pub fn write_text(ev: &Evaluation, gold: &Gold, explain: bool, w: &mut dyn Write) -> io::Result<()> {
    write_figures(ev, w)?;
    if explain {
        write_explanation(ev, gold, w)?;
    }
    Ok(())
}

fn write_figures(ev: &Evaluation, w: &mut dyn Write) -> io::Result<()> {
    let (s, c) = (&ev.scores, &ev.detail.counts);
    writeln!(
        w,
        "actors   P {:.3}  R {:.3}  F1 {:.3}   kind acc {:.3}  typed F1 {:.3}   ({} predicted, {} gold)",
        s.entity.p, s.entity.r, s.entity.f1, s.kind_acc, s.typed_f1, c.pred_actors, c.gold_entities
    )?;
    for kind in RelationKind::ALL {
        let f = s.of(kind);
        writeln!(w, "{:<14} P {:.3}  R {:.3}  F1 {:.3}", kind.as_str(), f.p, f.r, f.f1)?;
    }
    writeln!(
        w,
        "relations P {:.3}  R {:.3}  F1 {:.3}   ({} predicted, {} gold, {} optional)",
        s.relation.p, s.relation.r, s.relation.f1, c.pred_relations, c.gold_relations, c.optional_relations
    )
}

fn write_explanation(ev: &Evaluation, gold: &Gold, w: &mut dyn Write) -> io::Result<()> {
    let d = &ev.detail;
    let missed: Vec<String> = d
        .missed_entities
        .iter()
        .map(|id| match gold.entity(id) {
            Some(e) => format!("{id}  {} ({})", e.names.join(" / "), e.kind),
            None => id.clone(),
        })
        .collect();
    section(w, "missed entities", &missed)?;
    section(
        w,
        "unmatched nodes",
        &d.unmatched_nodes.iter().map(node).collect::<Vec<_>>(),
    )?;
    let duplicates: Vec<String> = d
        .duplicate_nodes
        .iter()
        .map(|n| format!("{}  already claimed: {}", node(n), n.gold.as_deref().unwrap_or("?")))
        .collect();
    section(w, "duplicate nodes", &duplicates)?;
    let kinds: Vec<String> = d
        .wrong_kinds
        .iter()
        .map(|k| format!("{}: predicted {}, gold {}", k.entity, k.predicted, k.gold))
        .collect();
    section(w, "wrong kinds", &kinds)?;
    section(
        w,
        "missed relations",
        &d.missed_relations.iter().map(edge).collect::<Vec<_>>(),
    )?;
    let wrong: Vec<String> = d
        .wrong_relations
        .iter()
        .map(edge)
        .chain(
            d.stray_relations
                .iter()
                .map(|t| format!("{}  (stray: node ids; an end matches no gold entity)", edge(t))),
        )
        .collect();
    section(w, "wrong relations", &wrong)
}

fn section(w: &mut dyn Write, title: &str, items: &[String]) -> io::Result<()> {
    writeln!(w, "\n{title} ({}):", items.len())?;
    for item in items {
        writeln!(w, "   {item}")?;
    }
    Ok(())
}

fn node(n: &NodeRef) -> String {
    format!("{:?} ({}, id {})", n.label, n.kind, n.id)
}

fn edge(t: &Triple) -> String {
    let arrow = if t.relation.is_symmetric() { "-" } else { "->" };
    format!("{} -[{}]{arrow} {}", t.source, t.relation, t.target)
}

/// `{"scores": ..., "detail": ...}` with score.py's keys; the detail is only the counts unless
/// `explain` asks for every item.
pub fn write_json(ev: &Evaluation, explain: bool, w: &mut dyn Write) -> io::Result<()> {
    let detail = if explain {
        JsonDetail::Full(FullDetail::from(ev))
    } else {
        JsonDetail::Counts(&ev.detail.counts)
    };
    let doc = JsonReport {
        scores: Figures(ev),
        detail,
    };
    // One-space indent, as score.py's `json.dumps(..., indent=1)` writes it.
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut *w, formatter);
    doc.serialize(&mut ser).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    scores: Figures<'a>,
    detail: JsonDetail<'a>,
}

/// The scores as an object in score.py's key order.
struct Figures<'a>(&'a Evaluation);

impl Serialize for Figures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let figures = self.0.scores.figures();
        let mut map = serializer.serialize_map(Some(figures.len()))?;
        for (name, value) in &figures {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonDetail<'a> {
    Counts(&'a Counts),
    Full(FullDetail<'a>),
}

/// score.py's tuples become arrays: nodes `[label, kind]`, kinds `[id, predicted, gold]`,
/// relations `[relation, source, target]`, strays after the wrong relations.
#[derive(Serialize)]
struct FullDetail<'a> {
    unmatched_nodes: Vec<(&'a str, &'a str)>,
    duplicate_nodes: Vec<(&'a str, &'a str)>,
    missed_entities: &'a [String],
    wrong_kinds: Vec<(&'a str, &'a str, &'a str)>,
    missed_relations: Vec<(&'a str, &'a str, &'a str)>,
    wrong_relations: Vec<(&'a str, &'a str, &'a str)>,
    counts: &'a Counts,
}

impl<'a> From<&'a Evaluation> for FullDetail<'a> {
    fn from(ev: &'a Evaluation) -> FullDetail<'a> {
        let d = &ev.detail;
        let nodes = |items: &'a [NodeRef]| items.iter().map(|n| (n.label.as_str(), n.kind.as_str())).collect();
        let triples = |items: &'a [Triple]| {
            items
                .iter()
                .map(|t| (t.relation.as_str(), t.source.as_str(), t.target.as_str()))
        };
        FullDetail {
            unmatched_nodes: nodes(&d.unmatched_nodes),
            duplicate_nodes: nodes(&d.duplicate_nodes),
            missed_entities: &d.missed_entities,
            wrong_kinds: d
                .wrong_kinds
                .iter()
                .map(|k| (k.entity.as_str(), k.predicted.as_str(), k.gold.as_str()))
                .collect(),
            missed_relations: triples(&d.missed_relations).collect(),
            wrong_relations: triples(&d.wrong_relations).chain(triples(&d.stray_relations)).collect(),
            counts: &d.counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::figures::prf;

    fn evaluation() -> Evaluation {
        let mut ev = Evaluation::default();
        ev.scores.entity = prf(2, 1, 1);
        ev.scores.per_relation[1] = prf(1, 0, 1);
        ev.detail.counts = Counts {
            gold_entities: 3,
            pred_actors: 3,
            gold_relations: 2,
            optional_relations: 1,
            pred_relations: 1,
        };
        ev.detail.stray_relations = vec![Triple::new(RelationKind::MetWith, "zed", "ada")];
        ev
    }

    #[test]
    fn text_lines_follow_score_py() {
        let mut out = Vec::new();
        write_text(&evaluation(), &Gold::default(), false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "actors   P 0.667  R 0.667  F1 0.667   kind acc 0.000  typed F1 0.000   (3 predicted, 3 gold)"
        );
        assert_eq!(lines[2], "quoted-in      P 1.000  R 0.500  F1 0.667");
        assert_eq!(
            lines[5],
            "relations P 0.000  R 0.000  F1 0.000   (1 predicted, 2 gold, 1 optional)"
        );
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn explanation_lists_strays_with_the_wrong_relations() {
        let mut out = Vec::new();
        write_text(&evaluation(), &Gold::default(), true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("\nwrong relations (1):\n   ada -[met-with]- zed  (stray"),
            "{text}"
        );
        assert!(text.contains("\nmissed entities (0):\n"), "{text}");
    }

    #[test]
    fn json_keeps_score_py_keys_and_order() {
        let mut out = Vec::new();
        write_json(&evaluation(), false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("{\n \"scores\": {\n  \"entity_p\": 0.6666666666666666,"),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["detail"]["optional_relations"], 1);
        assert_eq!(v["scores"]["quoted-in_r"], 0.5);
        let mut out = Vec::new();
        write_json(&evaluation(), true, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v["detail"]["wrong_relations"][0],
            serde_json::json!(["met-with", "ada", "zed"])
        );
        assert_eq!(v["detail"]["counts"]["gold_relations"], 2);
    }
}
