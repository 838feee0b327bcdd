//! JSON Lines input: one article an object a line, `text` required; `id`, `title`, `date` and
//! `url` optional. A bad line is reported as `file.jsonl:LINE` and the other lines are read.

use super::Problem;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One article read from a JSONL line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// 1-based line number.
    pub line: usize,
    /// The `id`, made unique within the file.
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// Parses every non-blank line of `content`; `display` names the file in problems.
pub fn parse(display: &str, content: &str, problems: &mut Vec<Problem>) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in content.split('\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let mut report = |message: String, skipped: bool| {
            problems.push(Problem {
                path: format!("{display}:{line}"),
                message,
                skipped,
            });
        };
        match article(raw, line, &mut report) {
            Ok(mut a) => {
                if let Some(id) = a.id.take() {
                    a.id = Some(unique_id(id, line, &mut first_seen, &mut report));
                }
                articles.push(a);
            }
            Err(message) => report(message, true),
        }
    }
    articles
}

fn article(raw: &str, line: usize, report: &mut impl FnMut(String, bool)) -> Result<Article, String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| {
        let full = e.to_string();
        let what = full.rsplit_once(" at line ").map_or(full.as_str(), |(what, _)| what);
        format!("bad JSON at column {} ({what}); fix or remove this line", e.column())
    })?;
    let Value::Object(fields) = value else {
        return Err("not a JSON object; each line must be an object with a `text` field".into());
    };
    let text = match fields.get("text") {
        Some(Value::String(t)) => t.clone(),
        None | Some(Value::Null) => {
            return Err("missing `text`; each line needs the article text in a `text` field".into());
        }
        Some(_) => return Err("`text` is not a string; it must hold the article text".into()),
    };
    let id = match fields.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        None | Some(Value::Null) | Some(Value::String(_)) => None,
        Some(_) => {
            report(
                "`id` is not a string or a number; the line number is used instead".into(),
                false,
            );
            None
        }
    };
    Ok(Article {
        line,
        id,
        title: optional_string(&fields, "title", report),
        date: optional_string(&fields, "date", report).and_then(|d| {
            let day = super::dates::day(&d);
            if day.is_none() {
                report(
                    format!(
                        "`date` {d:?} is not a date graphgen reads (write YYYY-MM-DD); the article is read without one"
                    ),
                    false,
                );
            }
            day
        }),
        url: optional_string(&fields, "url", report),
        text,
    })
}

fn optional_string(fields: &Map<String, Value>, key: &str, report: &mut impl FnMut(String, bool)) -> Option<String> {
    match fields.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        None | Some(Value::Null) | Some(Value::String(_)) => None,
        Some(_) => {
            report(format!("`{key}` is not a string; ignored"), false);
            None
        }
    }
}

/// Two lines with one id would make one path for two articles: the later ones get `-2`, `-3`...
fn unique_id(
    id: String,
    line: usize,
    first_seen: &mut HashMap<String, usize>,
    report: &mut impl FnMut(String, bool),
) -> String {
    let Some(&first) = first_seen.get(&id) else {
        first_seen.insert(id.clone(), line);
        return id;
    };
    let renamed = (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !first_seen.contains_key(c))
        .unwrap_or_default();
    report(
        format!("duplicate id `{id}` (first on line {first}); this article is named `{renamed}`"),
        false,
    );
    first_seen.insert(renamed.clone(), line);
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(content: &str) -> (Vec<Article>, Vec<Problem>) {
        let mut problems = Vec::new();
        let articles = parse("in.jsonl", content, &mut problems);
        (articles, problems)
    }

    #[test]
    fn reads_fields() {
        let (articles, problems) = parse_all(
            "{\"id\": \"a1\", \"title\": \"T\", \"date\": \"2024-05-01\", \"url\": \"https://x.example\", \"text\": \"Body.\"}\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            articles,
            vec![Article {
                line: 1,
                id: Some("a1".into()),
                title: Some("T".into()),
                date: Some("2024-05-01".into()),
                url: Some("https://x.example".into()),
                text: "Body.".into(),
            }]
        );
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let cases = [
            ("{\"text\": \"ok\"", "bad JSON at column"),
            ("not json", "bad JSON at column 2"),
            ("[1, 2]", "not a JSON object"),
            ("{\"id\": \"x\"}", "missing `text`"),
            ("{\"text\": null}", "missing `text`"),
            ("{\"text\": 5}", "`text` is not a string"),
        ];
        for (line, want) in cases {
            let content = format!("{{\"text\": \"first\"}}\n{line}\n{{\"text\": \"third\"}}\n");
            let (articles, problems) = parse_all(&content);
            let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
            assert_eq!(texts, ["first", "third"], "{line}");
            assert_eq!(problems.len(), 1, "{line}: {problems:?}");
            assert_eq!(problems[0].path, "in.jsonl:2");
            assert!(problems[0].skipped);
            assert!(problems[0].message.contains(want), "{line}: {}", problems[0].message);
            assert!(!problems[0].message.contains("at line"), "{}", problems[0].message);
        }
    }

    #[test]
    fn odd_fields_are_warnings() {
        let (articles, problems) = parse_all("{\"text\": \"t\", \"id\": [1], \"date\": 2024, \"title\": \" \"}");
        assert_eq!(articles[0].id, None);
        assert_eq!(articles[0].date, None);
        assert_eq!(articles[0].title, None);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(problems.iter().all(|p| !p.skipped));
    }

    #[test]
    fn numbers_blank_lines_crlf_and_duplicates() {
        let content = "{\"id\": 7, \"text\": \"a\"}\r\n\r\n   \n{\"id\": \"7\", \"text\": \"b\"}\r\n{\"id\": \"7\", \"text\": \"c\"}";
        let (articles, problems) = parse_all(content);
        let ids: Vec<(usize, Option<&str>)> = articles.iter().map(|a| (a.line, a.id.as_deref())).collect();
        assert_eq!(ids, [(1, Some("7")), (4, Some("7-2")), (5, Some("7-3"))]);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("first on line 1"));
        assert_eq!(problems[0].path, "in.jsonl:4");
    }
}
