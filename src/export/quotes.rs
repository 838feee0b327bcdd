//! Attributions: who is quoted saying what, one record per piece of quoted-in evidence, read
//! off the graph (`graphgen quotes`). The speaker is the edge's actor, the cue its trigger; the
//! content is found in the evidence sentence: the words inside quotation marks nearest the
//! cue (direct), else the clause the cue introduces (`X said the talks failed`: indirect), or
//! the one before a closing `, X said` or after `according to X,`.

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
            let (from, to, direct) = content(&e.sentence, &e.trigger);
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

const OPENING: &[char] = &['"', '“', '‘', '«'];
const CLOSING: &[char] = &['"', '”', '’', '»'];

/// The content's byte range in `sentence` and whether it is a direct quotation.
pub fn content(sentence: &str, cue: &str) -> (usize, usize, bool) {
    let at = find_word(sentence, cue).unwrap_or(0);
    if let Some((from, to)) = nearest_quotation(sentence, at) {
        return (from, to, true);
    }
    let cue_end = at + cue.len();
    // ASCII lowercase keeps every byte offset of the sentence.
    let lower = sentence.to_ascii_lowercase();
    let (from, to) = if lower[..at].trim_end().ends_with("according to")
        || lower.get(at..).is_some_and(|s| s.starts_with("according to"))
    {
        // `According to X, the talks failed.` / `The talks failed, according to X.`
        match sentence[cue_end..].find(',') {
            Some(comma) if at < 3 || lower[..at].trim().is_empty() => (cue_end + comma + 1, sentence.len()),
            _ => (0, at),
        }
    } else if words(&sentence[cue_end..]) <= 3
        && sentence[..at]
            .rfind(',')
            .is_some_and(|c| words(&sentence[c..at]) <= 4 && words(&sentence[..c]) >= 4)
    {
        // `The talks failed, X said (on Monday).`: what comes before the speaker's comma.
        (0, sentence[..at].rfind(',').unwrap_or(at))
    } else {
        // `X said (that) the talks failed.`
        let rest = &sentence[cue_end..];
        let skip = rest.len() - rest.trim_start().len();
        let mut from = cue_end + skip;
        if sentence[from..].starts_with("that ") {
            from += 5;
        }
        (from, sentence.len())
    };
    let (from, to) = trim(sentence, from, to);
    (from, to, false)
}

/// The quotation (between an opening and a closing mark) nearest to byte `at`.
fn nearest_quotation(sentence: &str, at: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        // `’` and `'` between letters are apostrophes (`Korea’s`), not closing marks.
        let next = sentence[i + c.len_utf8()..].chars().next();
        let apostrophe = matches!(c, '’' | '\'') && next.is_some_and(char::is_alphabetic);
        match open {
            None if OPENING.contains(&c) => open = Some(i + c.len_utf8()),
            Some(from) if CLOSING.contains(&c) && !apostrophe => {
                let (f, t) = trim(sentence, from, i);
                if t > f && words(&sentence[f..t]) >= 2 {
                    let distance = if at < from { from - at } else { at.saturating_sub(i) };
                    if best.is_none_or(|b| distance < b.2) {
                        best = Some((f, t, distance));
                    }
                }
                open = None;
            }
            _ => {}
        }
    }
    best.map(|(f, t, _)| (f, t))
}

/// The first whole-word occurrence of `word` in `text`, case-insensitive.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let want = word.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&want) {
        let at = from + i;
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let end = at + want.len();
        let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return Some(at);
        }
        from = at + lower[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The range without surrounding spaces and the punctuation that ends a clause.
fn trim(s: &str, mut from: usize, mut to: usize) -> (usize, usize) {
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '"' | '“' | '”' | '‘' | '’');
    while from < to {
        let c = s[from..].chars().next().unwrap_or(' ');
        if !edge(c) {
            break;
        }
        from += c.len_utf8();
    }
    while to > from {
        let c = s[..to].chars().next_back().unwrap_or(' ');
        if !edge(c) {
            break;
        }
        to -= c.len_utf8();
    }
    (from, to)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_the_quotation_or_the_reported_clause() {
        let cases = [
            (
                "\"We agreed on a plan,\" Renlund said.",
                "said",
                "We agreed on a plan",
                true,
            ),
            (
                "Renlund said: \"We agreed on a plan.\"",
                "said",
                "We agreed on a plan",
                true,
            ),
            ("Markov said the talks went well.", "said", "the talks went well", false),
            (
                "Markov said that the talks went well.",
                "said",
                "the talks went well",
                false,
            ),
            (
                "The talks went well, Markov said.",
                "said",
                "The talks went well",
                false,
            ),
            (
                "The talks went well, according to Markov.",
                "according to",
                "The talks went well",
                false,
            ),
            (
                "According to Markov, the talks went well.",
                "According to",
                "the talks went well",
                false,
            ),
            (
                "Her bid to “highlight the country’s role,” Markov said.",
                "said",
                "highlight the country’s role",
                true,
            ),
            (
                "Markov, who met Halloran, said the talks went well.",
                "said",
                "the talks went well",
                false,
            ),
            ("Markov, 54, said it failed.", "said", "it failed", false),
            (
                "It was in Brindle, where he announced plans to build a port.",
                "announced",
                "plans to build a port",
                false,
            ),
            // A one-word 'scare quote' is no quotation.
            (
                "Markov called the plan \"bold\" and said it would pass.",
                "said",
                "it would pass",
                false,
            ),
        ];
        for (sentence, cue, want, direct) in cases {
            let (f, t, d) = content(sentence, cue);
            assert_eq!((&sentence[f..t], d), (want, direct), "{sentence}");
        }
    }
}
