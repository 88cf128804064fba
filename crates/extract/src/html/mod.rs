//! HTML → article: the DOM (html5ever through scraper; an arena tree, so neither deep
//! nesting nor dropping it recurses), metadata ([`metadata`]), main-text selection
//! ([`main_text`] over the flattened page of [`flat`], with the layout vocabulary of
//! [`layout`]), after a byte-level pre-pass that drops script and style bodies
//! ([`prune`]); the selected paragraphs then go through the same scraped-text cleanup as
//! plain text, so a page and its scrape give the same article.

pub mod flat;
pub mod layout;
pub mod main_text;
pub mod metadata;
pub mod prune;

use newsdesk_model::{Article, Diagnostic, Source};
use scraper::Html;

/// Extracts the article from a decoded HTML page.
pub fn extract(html: &str, url: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> Article {
    let doc = Html::parse_document(&prune::prune(html));
    let meta = metadata::read(&doc, url);
    let mut paragraphs = {
        let flat = flat::flatten(&doc);
        main_text::paragraphs(&flat)
    };
    drop(doc);
    if let Some(title) = &meta.title {
        let mut seen = false;
        paragraphs.retain(|p| {
            let dup = !seen && p.eq_ignore_ascii_case(title);
            seen |= dup;
            !dup
        });
    }
    let cleaned = crate::text::clean_paragraphs(paragraphs, meta.site_name.as_deref(), diagnostics);
    Article {
        title: meta.title.or(cleaned.title),
        published: meta.published.or(cleaned.published),
        authors: if meta.authors.is_empty() { cleaned.authors } else { meta.authors },
        source: Source { name: cleaned.publisher, url: meta.canonical },
        language: meta.language.unwrap_or_default(),
        text: cleaned.paragraphs.join("\n\n"),
        ..Default::default()
    }
}
