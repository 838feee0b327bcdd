//! Attributions: who is quoted saying what, one record per piece of quoted-in evidence, read
//! off the graph (`graphgen quotes`). The speaker is the edge's actor, the cue its trigger, the
//! content the span extraction stored on the evidence (see `extract::content`); a graph read
//! back without it has its content found again from the cue's words.

use crate::extract::content::content;
use crate::graph::{ActorKind, Graph, RelationKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// One attribution, as `graphgen quotes` writes it (a JSON line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution<'g> {
    pub document: &'g str,
    /// The document's publication day, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'g str>,
    pub speaker: &'g str,
    pub speaker_label: &'g str,
    pub speaker_kind: ActorKind,
    pub cue: &'g str,
    pub content: &'g str,
    /// Byte offsets of the content in the document text.
    pub start: usize,
    pub end: usize,
    /// Inside quotation marks (`direct`) or reported (`indirect`).
    pub mode: &'static str,
    pub sentence: &'g str,
}

/// Every attribution of the graph, in edge then evidence order.
pub fn attributions(graph: &Graph) -> Vec<Attribution<'_>> {
    let mut out = Vec::new();
    for r in graph.relations().filter(|r| r.kind == RelationKind::QuotedIn) {
        let Some(speaker) = graph.actor(&r.source) else {
            continue;
        };
        for e in &r.evidence {
            let (from, to, direct) = match e.content {
                Some(c) if c.start >= e.start && c.end <= e.end => (c.start - e.start, c.end - e.start, c.direct),
                _ => content(&e.sentence, &e.trigger),
            };
            out.push(Attribution {
                document: &e.document,
                date: e.date.as_deref(),
                speaker: &speaker.id,
                speaker_label: &speaker.label,
                speaker_kind: speaker.kind,
                cue: &e.trigger,
                content: &e.sentence[from..to],
                start: e.start + from,
                end: e.start + to,
                mode: if direct { "direct" } else { "indirect" },
                sentence: &e.sentence,
            });
        }
    }
    out
}

/// Who is quoted how often: one row per speaker (label, kind, attributions, direct,
/// indirect, documents), most quoted first; then a line per kind.
pub fn table(attributions: &[Attribution<'_>]) -> String {
    let mut by: BTreeMap<&str, (&str, ActorKind, usize, usize, std::collections::BTreeSet<&str>)> = BTreeMap::new();
    for a in attributions {
        let e = by
            .entry(a.speaker)
            .or_insert((a.speaker_label, a.speaker_kind, 0, 0, Default::default()));
        if a.mode == "direct" {
            e.2 += 1;
        } else {
            e.3 += 1;
        }
        e.4.insert(a.document);
    }
    let mut rows: Vec<_> = by.into_values().collect();
    rows.sort_by(|a, b| (b.2 + b.3).cmp(&(a.2 + a.3)).then(a.0.cmp(b.0)));
    let mut out = format!(
        "{:<32} {:<10} {:>6} {:>6} {:>8} {:>9}\n",
        "speaker", "kind", "quotes", "direct", "indirect", "documents"
    );
    let mut kinds: BTreeMap<ActorKind, (usize, usize)> = BTreeMap::new();
    for (label, kind, direct, indirect, docs) in &rows {
        let label: String = label.chars().take(32).collect();
        out.push_str(&format!(
            "{label:<32} {:<10} {:>6} {direct:>6} {indirect:>8} {:>9}\n",
            kind.as_str(),
            direct + indirect,
            docs.len()
        ));
        let k = kinds.entry(*kind).or_default();
        k.0 += 1;
        k.1 += direct + indirect;
    }
    out.push('\n');
    for (kind, (speakers, quotes)) in kinds {
        let plural = |n: usize, one: &str| if n == 1 { one.to_string() } else { format!("{one}s") };
        out.push_str(&format!(
            "{:<10} {speakers:>4} {:<8} {quotes:>6} {}\n",
            kind.as_str(),
            plural(speakers, "speaker"),
            plural(quotes, "quote")
        ));
    }
    out
}
