//! What a quoted actor said: the content of an attribution, found in its sentence from the
//! cue: the words inside the quotation marks nearest the cue (direct), else the clause the cue
//! introduces (`X said the talks failed`: indirect), or the one before a closing `, X said` or
//! after `according to X,`. Extraction stores it on each quoted-in evidence; `graphgen quotes`
//! writes it.

const OPENING: &[char] = &['"', '“', '‘', '«'];
const CLOSING: &[char] = &['"', '”', '’', '»'];

/// The content's byte range in `sentence` and whether it is a direct quotation, for a cue
/// known only by its words (a graph read back from JSON without offsets): the cue is their
/// first whole-word occurrence.
pub fn content(sentence: &str, cue: &str) -> (usize, usize, bool) {
    content_at(sentence, find_word(sentence, cue).unwrap_or(0), cue.len())
}

/// The content's byte range in `sentence` and whether it is a direct quotation, for the cue
/// at bytes `at..at + len` of the sentence.
pub fn content_at(sentence: &str, at: usize, len: usize) -> (usize, usize, bool) {
    if let Some((from, to)) = nearest_quotation(sentence, at) {
        return (from, to, true);
    }
    let cue_end = (at + len).min(sentence.len());
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
        if lower[at..cue_end].starts_with("tel") || lower[at..cue_end].starts_with("told") {
            from = after_listener(sentence, from);
        }
        if sentence[from..].starts_with("that ") {
            from += 5;
        }
        (from, sentence.len())
    };
    let (from, to) = trim(sentence, from, to);
    (from, to, false)
}

/// Where the reported clause of `told X ...` starts (`from` is the listener's first byte): after
/// a `that` within six words (`told The Brindle Post on Monday that ...`), else after the
/// listener: a run of capitalised words, or one word (`told reporters the talks failed`).
fn after_listener(sentence: &str, from: usize) -> usize {
    let rest = &sentence[from..];
    let mut words = rest.split_inclusive(char::is_whitespace).scan(from, |at, w| {
        let start = *at;
        *at += w.len();
        Some((start, w.trim_end()))
    });
    let first: Vec<(usize, &str)> = words.by_ref().take(7).collect();
    if let Some(k) = first.iter().position(|(_, w)| *w == "that") {
        return first[k].0;
    }
    let capitals = first
        .iter()
        .take_while(|(_, w)| w.starts_with(char::is_uppercase))
        .count();
    let skip = capitals.max(1).min(first.len());
    first.get(skip).map_or(sentence.len(), |&(at, _)| at)
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

    #[test]
    fn a_listener_is_no_part_of_what_was_told() {
        let cases = [
            ("Markov told reporters the talks failed.", "the talks failed"),
            (
                "Markov told The Brindle Post on Monday that the talks failed.",
                "the talks failed",
            ),
            ("Markov told Halloran the talks failed.", "the talks failed"),
        ];
        for (s, want) in cases {
            let (f, t, d) = content(s, "told");
            assert_eq!((&s[f..t], d), (want, false), "{s}");
        }
    }

    #[test]
    fn a_cue_given_by_its_offset_is_the_one_read() {
        // The second `said` is the cue: its clause, not the first one's.
        let s = "Markov said little; Renlund said the talks failed.";
        let at = s.rfind("said").unwrap();
        let (f, t, d) = content_at(s, at, 4);
        assert_eq!((&s[f..t], d), ("the talks failed", false));
    }
}
