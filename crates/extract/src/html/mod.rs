//! HTML → article in one pass and no DOM: a streaming WHATWG tokenizer ([`tokenizer`],
//! character references in [`entities`]) drives a stack of open elements that does the
//! text-relevant part of tree construction and writes the page as a flat event list
//! ([`flat`], element categories in [`tags`], foreign-content rules in `foreign`), reading metadata on the way ([`metadata`]);
//! main-text selection ([`main_text`], layout vocabulary in [`layout`]) is linear scans of
//! that list. The selected paragraphs then go through the same scraped-text cleanup as plain
//! text, so a page and its scrape give the same article.

mod entities;
pub mod flat;
mod foreign;
pub mod layout;
pub mod main_text;
pub mod metadata;
pub mod tags;
pub mod tokenizer;

use newsdesk_model::{Article, Diagnostic, Source};

/// Extracts the article from a decoded HTML page.
pub fn extract(html: &str, url: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> Article {
    let mut flat = flat::flatten(html);
    let mut paragraphs = main_text::paragraphs(&flat);
    let meta = std::mem::take(&mut flat.meta).finish(url);
    drop(flat);
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
