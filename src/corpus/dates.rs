//! Publication dates as graphgen keeps them: the day, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`
//! when that is all a source gives), so that they sort and compare as strings.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The day a date string names: ISO 8601 (`2024-05-01`, `2024-05-01T10:00:00Z`, `2024-05`,
/// `2024`, `2024/05/01`), `May 1, 2024` or `1 May 2024`; `None` for anything else.
pub fn day(s: &str) -> Option<String> {
    let s = s.trim();
    iso(s).or_else(|| written(s))
}

fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| b.get(from..from + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !digits(0, 4) || b.get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year = &s[..4];
    let sep = b.get(4).copied();
    if sep.is_none() || !matches!(sep, Some(b'-' | b'/')) {
        return (sep.is_none() || matches!(sep, Some(b'T' | b' '))).then(|| year.to_string());
    }
    if !digits(5, 2) || !(1..=12).contains(&s[5..7].parse::<u32>().ok()?) {
        return None;
    }
    let month = &s[5..7];
    if b.get(7) != sep.as_ref() {
        return (b.len() == 7 || matches!(b.get(7), Some(b'T' | b' '))).then(|| format!("{year}-{month}"));
    }
    if !digits(8, 2) || !(1..=31).contains(&s[8..10].parse::<u32>().ok()?) || b.get(10).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    Some(format!("{year}-{month}-{}", &s[8..10]))
}

/// `May 1, 2024`, `1 May 2024`, `Sept. 3 2024`: a month name, a day and a year in any of the
/// orders English news writes them.
fn written(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| w.starts_with(m)))
            .flatten()
            .map(|m| m + 1)
    };
    let number = |w: &str| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
    };
    for i in 0..words.len() {
        let Some(m) = month(words[i]) else { continue };
        let (d, y) = match (words.get(i + 1), words.get(i + 2), i.checked_sub(1).map(|k| words[k])) {
            (Some(d), Some(y), _) if number(d).is_some_and(|d| d <= 31) => (number(d)?, number(y)?),
            (Some(y), _, Some(d)) => (number(d)?, number(y)?),
            _ => continue,
        };
        if (1..=31).contains(&d) && (1000..=9999).contains(&y) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_the_forms_sources_write() {
        let cases = [
            ("2024-05-01", Some("2024-05-01")),
            ("2024-05-01T10:12:00+02:00", Some("2024-05-01")),
            (" 2024-05-01 10:12 ", Some("2024-05-01")),
            ("2024/05/01", Some("2024-05-01")),
            ("2024-05", Some("2024-05")),
            ("2024", Some("2024")),
            ("May 1, 2024", Some("2024-05-01")),
            ("1 May 2024", Some("2024-05-01")),
            ("Sept. 3 2024", Some("2024-09-03")),
            ("Wednesday, 14 February 2018", Some("2018-02-14")),
            ("2024-13-01", None),
            ("20240501", None),
            ("yesterday", None),
            ("May 2024", None),
        ];
        for (s, want) in cases {
            assert_eq!(day(s).as_deref(), want, "{s}");
        }
    }
}
