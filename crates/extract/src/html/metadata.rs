//! Page metadata: title, publication date, authors, site name, canonical URL, language.
//!
//! Order of trust, most trusted first (the first source that has a value wins):
//! - published: JSON-LD `datePublished` → `article:published_time` and similar meta tags →
//!   `<time datetime>` (with `pubdate` or `itemprop=datePublished` first) → a date in the URL
//!   path (`/2024/08/19/`) → (later, by the caller) a date on a chrome line of the text.
//! - title: JSON-LD `headline` → `og:title` → `twitter:title` → first `<h1>` → `<title>`.
//! - authors: JSON-LD `author` → `author` / `article:author` meta (names, not URLs) → byline.
//! - site name: `og:site_name` → JSON-LD `publisher.name` → `application-name` → the text.
//! - canonical URL: `<link rel=canonical>` → `og:url` → the URL given by the caller.
//! - language: `<html lang>` → `content-language` / `og:locale` → detection on the text.
//!
//! Dates are normalised to `YYYY-MM-DD` or RFC 3339 (see `crate::date`).

use super::tokenizer::Attr;
use crate::date;
use regex::Regex;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::LazyLock;

/// JSON-LD blocks larger than this are ignored.
const MAX_JSON_LD: usize = 1 << 20;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub canonical: Option<String>,
    pub language: Option<String>,
}

/// What JSON-LD said.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    language: Option<String>,
    url: Option<String>,
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(text_of).or_else(|| o.get("@id").and_then(text_of)),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

fn is_article_type(t: &Value) -> bool {
    let check = |s: &str| s.contains("Article") || s.contains("BlogPosting") || s.contains("Report");
    match t {
        Value::String(s) => check(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

fn read_json_ld(raw: &str, out: &mut JsonLd) {
    if raw.len() > MAX_JSON_LD {
        return;
    }
    let Ok(root) = serde_json::from_str::<Value>(raw.trim()) else { return };
    let mut stack = vec![&root];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                if o.get("@type").is_some_and(is_article_type) {
                    out.headline = out.headline.take().or_else(|| o.get("headline").and_then(text_of));
                    out.published = out.published.take().or_else(|| {
                        o.get("datePublished").or_else(|| o.get("dateCreated")).and_then(text_of)
                    });
                    if out.authors.is_empty() {
                        out.authors = o.get("author").map(names_of).unwrap_or_default();
                    }
                    out.publisher = out.publisher.take().or_else(|| o.get("publisher").and_then(text_of));
                    out.language = out.language.take().or_else(|| o.get("inLanguage").and_then(text_of));
                    out.url = out.url.take().or_else(|| {
                        o.get("mainEntityOfPage").and_then(text_of).or_else(|| o.get("url").and_then(text_of))
                    });
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|\b)")
        .expect("static regex")
});

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// The meta keys that carry a publication date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "article.published",
    "published_time",
    "cxenseparse:recs:publishtime",
];

/// Every other meta key read below.
const OTHER_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "og:site_name",
    "application-name",
    "og:url",
    "content-language",
    "og:locale",
    "language",
];

/// The value of the first attribute named `name` (any case).
pub fn attr<'v>(attrs: &[Attr<'v>], name: &str) -> Option<Cow<'v, str>> {
    attrs.iter().find(|a| a.name.eq_ignore_ascii_case(name)).map(|a| a.value())
}

/// Which element's text the tree builder should hand back to the collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    None,
    Title,
    JsonLd,
}

/// Metadata gathered from the tags as the page streams by (one pass with main text).
#[derive(Default)]
pub struct Collector {
    metas: Vec<(&'static str, String)>,
    ld: JsonLd,
    lang: Option<String>,
    canonical: Option<String>,
    title_tag: Option<String>,
    /// The first `<h1>`'s text (set by the tree builder).
    pub h1: Option<String>,
    time_pub: Option<String>,
    time_any: Option<String>,
}

impl Collector {
    /// Reads a start tag (`name` lowercase); says whether its text is wanted.
    pub fn start(&mut self, name: &str, attrs: &[Attr]) -> Capture {
        match name {
            "html" if self.lang.is_none() => self.lang = attr(attrs, "lang").map(Cow::into_owned),
            "meta" => {
                let key = ["property", "name", "itemprop", "http-equiv"].iter().find_map(|k| attr(attrs, k));
                let known = key.and_then(|k| {
                    let k = k.trim();
                    DATE_KEYS.iter().chain(OTHER_KEYS).find(|known| known.eq_ignore_ascii_case(k))
                });
                if let (Some(k), Some(c)) = (known, attr(attrs, "content")) {
                    if !c.trim().is_empty() && !self.metas.iter().any(|(m, _)| m == k) {
                        self.metas.push((k, c.trim().to_string()));
                    }
                }
            }
            "link"
                if self.canonical.is_none()
                    && attr(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = attr(attrs, "href").map(Cow::into_owned);
            }
            "script"
                if attr(attrs, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                return Capture::JsonLd;
            }
            "title" if self.title_tag.is_none() => return Capture::Title,
            "time" => {
                if let Some(dt) = attr(attrs, "datetime") {
                    let pubdate = attr(attrs, "pubdate").is_some()
                        || attr(attrs, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    if pubdate && self.time_pub.is_none() {
                        self.time_pub = Some(dt.to_string());
                    }
                    if self.time_any.is_none() {
                        self.time_any = Some(dt.to_string());
                    }
                }
            }
            _ => {}
        }
        Capture::None
    }

    /// The text of an element [`Collector::start`] asked for.
    pub fn text(&mut self, capture: Capture, text: &str) {
        match capture {
            Capture::Title => {
                if self.title_tag.is_none() {
                    self.title_tag = Some(text.to_string());
                }
            }
            Capture::JsonLd => read_json_ld(text, &mut self.ld),
            Capture::None => {}
        }
    }

    /// The page's metadata. `url` is the page URL the caller knows, if any.
    pub fn finish(self, url: Option<&str>) -> Meta {
        let Collector { metas, ld, lang, canonical, title_tag, h1, time_pub, time_any } = self;
        read(metas, ld, lang, canonical, title_tag, h1, time_pub, time_any, url)
    }
}

#[allow(clippy::too_many_arguments)]
fn read(
    metas: Vec<(&'static str, String)>,
    ld: JsonLd,
    lang: Option<String>,
    canonical: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    time_pub: Option<String>,
    time_any: Option<String>,
    url: Option<&str>,
) -> Meta {
    let get = |k: &str| metas.iter().find(|(m, _)| *m == k).map(|(_, v)| v);
    let meta = |k: &str| get(k).cloned();
    let clean = |s: String| {
        let s = crate::text::whitespace::normalize_line(&s);
        (!s.is_empty()).then_some(s)
    };

    let published = ld
        .published
        .iter()
        .chain(DATE_KEYS.iter().filter_map(|k| get(k)))
        .chain(time_pub.iter())
        .chain(time_any.iter())
        .find_map(|s| date::normalize(s))
        .or_else(|| {
            [canonical.as_deref(), meta("og:url").as_deref(), url]
                .into_iter()
                .flatten()
                .find_map(|u| URL_DATE.captures(u).map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3])))
        });

    let title = [ld.headline.clone(), meta("og:title"), meta("twitter:title"), h1, title_tag]
        .into_iter()
        .flatten()
        .find_map(clean);

    let mut authors: Vec<String> =
        ld.authors.iter().filter(|a| !is_url(a)).cloned().filter_map(clean).collect();
    if authors.is_empty() {
        authors = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"]
            .iter()
            .filter_map(|k| get(k))
            .filter(|a| !is_url(a))
            .flat_map(|a| a.split([',', ';']).map(str::to_string).collect::<Vec<_>>())
            .filter_map(clean)
            .collect();
    }
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| seen.insert(a.to_lowercase()));

    let site_name = [meta("og:site_name"), ld.publisher.clone(), meta("application-name")]
        .into_iter()
        .flatten()
        .find_map(clean);
    let canonical =
        [canonical, meta("og:url"), ld.url.filter(|u| u.starts_with("http")), url.map(str::to_string)]
            .into_iter()
            .flatten()
            .find(|u| u.starts_with("http"));
    let language = [lang, ld.language.clone(), meta("content-language"), meta("og:locale"), meta("language")]
        .into_iter()
        .flatten()
        .find_map(|l| {
            let code: String = l
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
                .to_ascii_lowercase();
            (code.len() == 2).then_some(code)
        });
    Meta { title, published, authors, site_name, canonical, language }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Meta) {
        let page = crate::html::flat::flatten(html);
        assert_eq!(page.meta.finish(Some("https://example.com/2021/05/04/story")), expected, "{html}");
    }

    #[test]
    fn metadata() {
        check(
            r#"<html lang="en-GB"><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Dam opens","datePublished":"2020-02-03T10:00:00+01:00","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Park"}],"publisher":{"name":"Example News"}}]}</script></head><body></body></html>"#,
            Meta {
                title: Some("Dam opens".into()),
                published: Some("2020-02-03T10:00:00+01:00".into()),
                authors: vec!["Ann Lee".into(), "Bo Park".into()],
                site_name: Some("Example News".into()),
                canonical: Some("https://example.com/2021/05/04/story".into()),
                language: Some("en".into()),
            },
        );
        check(
            r#"<html><head><title>Dam opens | Example</title><meta property="og:site_name" content="Example"><meta property="article:published_time" content="2019-11-19T08:12:00Z"><meta name="author" content="Ann Lee"><link rel="canonical" href="https://example.com/dam"></head><body><h1>Dam opens today</h1></body></html>"#,
            Meta {
                title: Some("Dam opens today".into()),
                published: Some("2019-11-19T08:12:00Z".into()),
                authors: vec!["Ann Lee".into()],
                site_name: Some("Example".into()),
                canonical: Some("https://example.com/dam".into()),
                language: None,
            },
        );
        check(
            r#"<html><body><time datetime="2018-01-02">Jan 2</time></body></html>"#,
            Meta {
                published: Some("2018-01-02".into()),
                canonical: Some("https://example.com/2021/05/04/story".into()),
                ..Meta::default()
            },
        );
        check(
            r#"<html><body><p>No metadata.</p></body></html>"#,
            Meta {
                published: Some("2021-05-04".into()),
                canonical: Some("https://example.com/2021/05/04/story".into()),
                ..Meta::default()
            },
        );
    }
}
