//! HTML → article: DOM (html5ever via scraper), main-text selection, metadata; the selected
//! paragraphs then go through the same scraped-text cleanup as plain text.

use newsdesk_model::{Article, Diagnostic, Source};
use scraper::{Html, Selector};

/// Extracts the article from a decoded HTML page.
pub fn extract(html: &str, url: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> Article {
    let doc = Html::parse_document(html);
    let mut paragraphs = Vec::new();
    if let Ok(sel) = Selector::parse("p") {
        for p in doc.select(&sel) {
            let t: String = p.text().collect();
            paragraphs.push(crate::text::whitespace::normalize_line(&t));
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    let cleaned = crate::text::clean_paragraphs(paragraphs, None, diagnostics);
    Article {
        source: Source { name: cleaned.publisher, url: url.map(str::to_string) },
        published: cleaned.published,
        text: cleaned.paragraphs.join("\n\n"),
        ..Default::default()
    }
}
