//! Scraped-text cleanup: turns the text of a news page (copied, scraped, or extracted from
//! HTML) into clean paragraphs plus what the page chrome said (publication date, publisher).
//!
//! Steps, in order: whitespace and paragraphs ([`whitespace`]), chrome lines dropped
//! ([`chrome`]), the publisher found and its trailer line dropped ([`publisher`]), glued
//! sentences repaired ([`glue`]). The HTML path runs the same steps on the paragraphs it
//! selected, so a page and its scrape give the same article.

pub mod chrome;
pub mod dateline;
pub mod glue;
pub mod publisher;
pub mod whitespace;

use newsdesk_model::Diagnostic;
use std::collections::HashSet;

/// Clean paragraphs and the metadata the text itself carried.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub paragraphs: Vec<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    /// Names from a byline line (`By Ann Lee and Bo Park`), which is removed.
    pub authors: Vec<String>,
}

/// A headline: short, no sentence-final period, starts with a capital, digit or quote.
fn looks_like_headline(p: &str) -> bool {
    let words = p.split_whitespace().count();
    (2..=20).contains(&words)
        && p.chars().count() <= 150
        && !p.ends_with(['.', ',', ';', ':'])
        && p.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\''))
        && !publisher::is_domain_like(p)
}

/// The whole cleanup for plain-text input, including the headline as title.
pub fn clean_text(raw: &str, diagnostics: &mut Vec<Diagnostic>) -> Cleaned {
    let mut cleaned = clean_paragraphs(whitespace::paragraphs(raw), None, diagnostics);
    if cleaned.paragraphs.len() >= 2 && cleaned.paragraphs.first().is_some_and(|p| looks_like_headline(p)) {
        cleaned.title = Some(cleaned.paragraphs.remove(0));
    }
    cleaned
}

/// Cleanup of paragraphs already split (by the text or HTML path). `known_publisher` is a
/// name the caller already trusts (e.g. from HTML metadata).
pub fn clean_paragraphs(
    paragraphs: Vec<String>,
    known_publisher: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Cleaned {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut published = None;
    let mut removed = 0usize;
    let mut authors = Vec::new();
    for p in paragraphs {
        if let Some(names) = chrome::byline(&p) {
            removed += 1;
            if authors.is_empty() {
                authors = names;
            }
            continue;
        }
        match chrome::classify(&p) {
            Some(line) => {
                removed += 1;
                if published.is_none() {
                    published = line.date;
                }
            }
            None => kept.push(p),
        }
    }
    if removed > 0 {
        diagnostics
            .push(Diagnostic::new("chrome-removed", format!("{removed} line(s) of page chrome removed")));
    }

    let body_name = publisher::from_body(&kept);
    let known = known_publisher.or(body_name.as_deref());
    let mut trailer_name = None;
    if kept.len() >= 2 {
        if let Some(last) = kept.last() {
            match publisher::trailer(last, known) {
                publisher::Trailer::Publisher(name) => {
                    diagnostics
                        .push(Diagnostic::new("trailer-removed", format!("trailer line {name:?} removed")));
                    trailer_name = Some(name);
                    kept.pop();
                }
                publisher::Trailer::Other => {
                    diagnostics
                        .push(Diagnostic::new("trailer-removed", format!("trailer line {last:?} removed")));
                    kept.pop();
                }
                publisher::Trailer::Body => {}
            }
        }
    }

    let protected: HashSet<String> =
        [known_publisher.map(str::to_string), body_name.clone(), trailer_name.clone()]
            .into_iter()
            .flatten()
            .collect();
    let mut repaired = 0usize;
    for p in &mut kept {
        let fixed = glue::repair(p, &protected);
        if fixed.len() != p.len() {
            repaired += fixed.len() - p.len();
            *p = fixed;
        }
    }
    if repaired > 0 {
        diagnostics.push(Diagnostic::new(
            "sentences-repaired",
            format!("{repaired} glued sentence boundary(ies) given a space"),
        ));
    }
    if published.is_none() {
        published = kept.iter().take(2).find_map(|p| dateline::date(p));
    }
    let publisher = known_publisher.map(str::to_string).or(trailer_name).or(body_name);
    Cleaned { paragraphs: kept, title: None, published, publisher, authors }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected text, expected title, published, publisher)
    fn check(input: &str, text: &str, title: Option<&str>, published: Option<&str>, publisher: Option<&str>) {
        let c = clean_text(input, &mut Vec::new());
        assert_eq!(c.paragraphs.join("\n\n"), text, "input: {input:?}");
        assert_eq!(c.title.as_deref(), title, "title of {input:?}");
        assert_eq!(c.published.as_deref(), published, "published of {input:?}");
        assert_eq!(c.publisher.as_deref(), publisher, "publisher of {input:?}");
    }

    #[test]
    fn cleanup_cases() {
        check(
            " date 2025-03-12 + ↺ − 16 px\n\nPrices rose, Astana.Times reports.\n\nAstana.Times\n",
            "Prices rose, Astana.Times reports.",
            None,
            Some("2025-03-12"),
            Some("Astana.Times"),
        );
        check("Farmers Win Grain Deal\nPublished 3 March 2025 | Share | Print\nThe deal was signed.It ends a long dispute.\nReuters", "The deal was signed. It ends a long dispute.", Some("Farmers Win Grain Deal"), Some("2025-03-03"), Some("Reuters"));
        check(
            "Talks resumed on Monday.\nShare on Facebook\nRead more: Other story\nThe two sides met.",
            "Talks resumed on Monday.\n\nThe two sides met.",
            None,
            None,
            None,
        );
        check(
            "WASHINGTON (Reuters) - Stocks fell.\nThey rose later.",
            "WASHINGTON (Reuters) - Stocks fell.\n\nThey rose later.",
            None,
            None,
            Some("Reuters"),
        );
        check("Only one line, with a period.", "Only one line, with a period.", None, None, None);
        check("The bank cut rates.\nJane Doe", "The bank cut rates.", None, None, None);
        check(
            "We use cookies. Accept all cookies?\nThe bank cut rates by 0.5 points.",
            "The bank cut rates by 0.5 points.",
            None,
            None,
            None,
        );
    }
}
