//! What a page says about itself in its markup: when it was published (`article:published_time`,
//! `datePublished`, `<time datetime>`), where it lives (`<link rel="canonical">`, `og:url`), and
//! what it is called without the site's name (`og:title`, `og:site_name`), who wrote it and
//! what its article says by its structured data (JSON-LD `author`, `articleBody`).

use super::scan::attribute;

/// The metadata of one page, gathered while it is read; the first value of each kind wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    published: Option<String>,
    /// A `<time datetime>` of the page: the publication date when no meta element gives one.
    time: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    pub og_title: Option<String>,
    pub site_name: Option<String>,
    /// The author names the structured data gives, joined with `, `.
    pub author: Option<String>,
    /// The article text the structured data gives (`articleBody`): a guide to which part of
    /// the page is the article, never read in its place.
    pub body: Option<String>,
}

/// JSON-LD types whose `articleBody`, `datePublished` and `author` describe the page's article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "WebPage",
];

/// `<meta>` names and properties that give the publication date, by the sites that write them.
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
];

impl PageMeta {
    /// Reads one `meta`, `link` or `time` start tag's raw attributes.
    pub fn observe(&mut self, element: &str, raw: &str) {
        match element {
            "meta" => self.meta(raw),
            "link" => {
                let rel = attribute(raw, "rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    set_once(&mut self.canonical, attribute(raw, "href"));
                }
            }
            "time" => set_once(&mut self.time, attribute(raw, "datetime")),
            _ => {}
        }
    }

    fn meta(&mut self, raw: &str) {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| attribute(raw, a))
            .map(|k| k.trim().to_ascii_lowercase());
        let Some(key) = key else { return };
        let content = attribute(raw, "content");
        match key.as_str() {
            k if PUBLISHED.contains(&k) => set_once(&mut self.published, content),
            "og:url" => set_once(&mut self.og_url, content),
            "og:title" | "twitter:title" => set_once(&mut self.og_title, content),
            "og:site_name" | "application-name" => set_once(&mut self.site_name, content),
            _ => {}
        }
    }

    /// Reads one JSON-LD block; one that does not parse is ignored, as browsers do.
    pub fn structured(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
            return;
        };
        let mut todo = vec![&value];
        // Breadth-first over arrays and `@graph`, not deeper: an article's `mentions` or
        // `hasPart` describe other works.
        while let Some(v) = todo.pop() {
            match v {
                serde_json::Value::Array(items) => todo.extend(items.iter().rev()),
                serde_json::Value::Object(o) => {
                    if let Some(graph) = o.get("@graph") {
                        todo.push(graph);
                    }
                    if is_article(o.get("@type")) {
                        self.article(o);
                    }
                }
                _ => {}
            }
        }
    }

    fn article(&mut self, o: &serde_json::Map<String, serde_json::Value>) {
        let text = |key: &str| o.get(key).and_then(|v| v.as_str()).map(str::to_string);
        set_once(&mut self.published, text("datePublished"));
        if self.body.is_none() {
            self.body = text("articleBody").filter(|b| !b.trim().is_empty());
        }
        if self.author.is_none() {
            let names = authors(o.get("author"));
            self.author = Some(names.join(", ")).filter(|n| !n.is_empty());
        }
    }

    /// The publication day as `YYYY-MM-DD` (or as much of it as the page gives).
    pub fn date(&self) -> Option<String> {
        [&self.published, &self.time]
            .into_iter()
            .flatten()
            .find_map(|d| crate::corpus::dates::day(d))
    }

    /// The page's own address: the canonical link, else `og:url`; only absolute http(s) ones.
    pub fn url(&self) -> Option<String> {
        [&self.canonical, &self.og_url]
            .into_iter()
            .flatten()
            .map(|u| u.trim())
            .find(|u| u.starts_with("http://") || u.starts_with("https://"))
            .map(str::to_string)
    }
}

fn is_article(kind: Option<&serde_json::Value>) -> bool {
    match kind {
        Some(serde_json::Value::String(k)) => ARTICLE_TYPES.contains(&k.as_str()),
        Some(serde_json::Value::Array(ks)) => ks.iter().any(|k| is_article(Some(k))),
        _ => false,
    }
}

/// The names of an `author` value: a string, a Person or Organization, or a list of them.
fn authors(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::String(name)) => vec![name.split_whitespace().collect::<Vec<_>>().join(" ")],
        Some(serde_json::Value::Object(o)) => authors(o.get("name")),
        Some(serde_json::Value::Array(items)) => items.iter().flat_map(|i| authors(Some(i))).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty());
    }
}

/// The page title without the site's name: `Talks resume | The Daily Brindle` -> `Talks
/// resume`. A suffix after ` | ` goes when what is left is a headline (three words or more);
/// after ` - ` or ` — ` only when it is the site's name as the page gives it (`og:site_name`),
/// since a dash also joins the halves of a headline.
pub fn headline(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
            for (head, tail) in [title.rsplit_once(sep), title.split_once(sep)].into_iter().flatten() {
                if tail.trim().eq_ignore_ascii_case(site) {
                    return head.trim().to_string();
                }
                if head.trim().eq_ignore_ascii_case(site) {
                    return tail.trim().to_string();
                }
            }
        }
    }
    if let Some((head, _)) = title.split_once(" | ")
        && head.split_whitespace().count() >= 3
    {
        return head.trim().to_string();
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(tags: &[(&str, &str)]) -> PageMeta {
        let mut m = PageMeta::default();
        for (element, raw) in tags {
            m.observe(element, raw);
        }
        m
    }

    #[test]
    fn dates_and_addresses_come_from_the_usual_elements() {
        let cases: Vec<(Vec<(&str, &str)>, Option<&str>, Option<&str>)> = vec![
            (
                vec![
                    (
                        "meta",
                        r#"property="article:published_time" content="2024-05-01T10:12:00+02:00""#,
                    ),
                    ("link", r#"rel="canonical" href="https://news.example/a/talks""#),
                ],
                Some("2024-05-01"),
                Some("https://news.example/a/talks"),
            ),
            // A relative canonical link is no address; og:url is.
            (
                vec![
                    ("link", r#"rel=canonical href="/a/talks""#),
                    ("meta", r#"property="og:url" content="https://news.example/a/talks""#),
                    ("time", r#"datetime="2023-11-30""#),
                ],
                Some("2023-11-30"),
                Some("https://news.example/a/talks"),
            ),
            // The meta date wins over a <time> that may date a comment.
            (
                vec![
                    ("time", r#"datetime="2020-01-01""#),
                    ("meta", r#"itemprop="datePublished" content="2019-12-31""#),
                ],
                Some("2019-12-31"),
                None,
            ),
            (vec![("meta", r#"name="description" content="2024-05-01""#)], None, None),
        ];
        for (tags, date, url) in cases {
            let m = page(&tags);
            assert_eq!(m.date().as_deref(), date, "{tags:?}");
            assert_eq!(m.url().as_deref(), url, "{tags:?}");
        }
    }

    #[test]
    fn structured_data_gives_date_author_and_body() {
        let mut m = PageMeta::default();
        m.structured(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Daily Brindle"},
            {"@type":["NewsArticle"],"datePublished":"2024-05-01T08:00:00Z","articleBody":"Talks resumed.",
             "author":[{"@type":"Person","name":"Maria  Kessler"},{"@type":"Person","name":"Tomas Brandt"}]}]}"#,
        );
        assert_eq!(m.date().as_deref(), Some("2024-05-01"));
        assert_eq!(m.author.as_deref(), Some("Maria Kessler, Tomas Brandt"));
        assert_eq!(m.body.as_deref(), Some("Talks resumed."));
        let mut broken = PageMeta::default();
        broken.structured("{\"@type\": \"NewsArticle\", ");
        assert_eq!(broken, PageMeta::default());
    }

    #[test]
    fn titles_lose_the_site_name() {
        let cases = [
            (
                "Talks resume in Brindle | The Daily Brindle",
                None,
                "Talks resume in Brindle",
            ),
            (
                "Talks resume in Brindle - Daily Brindle",
                Some("Daily Brindle"),
                "Talks resume in Brindle",
            ),
            (
                "Daily Brindle — Talks resume in Brindle",
                Some("Daily Brindle"),
                "Talks resume in Brindle",
            ),
            // A dash inside a headline stays when it is not the site's name.
            (
                "Kessler - the minister who never met Halloran",
                None,
                "Kessler - the minister who never met Halloran",
            ),
            // Too short to be a headline on its own: the bar is kept.
            ("Home | Daily Brindle", None, "Home | Daily Brindle"),
        ];
        for (title, site, want) in cases {
            assert_eq!(headline(title, site), want, "{title}");
        }
    }
}
