//! Extraction: raw bytes (HTML or scraped text, any common encoding) → `Article`:
//! clean body text, title, publication date, source, language.
//!
//! Invariant: no linguistics beyond what cleanup needs; analysis never sees markup.

use newsdesk_model::{Article, Diagnostic};

/// What the caller knows about an input besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's URL, when known (used for id, source and metadata).
    pub url: Option<String>,
    /// Force a format instead of sniffing it.
    pub format: Option<Format>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("input is empty")]
    Empty,
    #[error("input looks binary ({0}), not HTML or text: pass a text or HTML file")]
    Binary(String),
}

/// Turns the bytes of one page into an article.
pub fn extract(input: &[u8], opts: &Options) -> Result<Article, ExtractError> {
    if input.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let text = String::from_utf8_lossy(input).into_owned();
    let mut diagnostics = Vec::new();
    if text.contains('\u{FFFD}') {
        diagnostics.push(Diagnostic::new("encoding-replaced", "invalid UTF-8 replaced"));
    }
    let _ = opts.format;
    Ok(Article {
        id: String::new(),
        source: newsdesk_model::Source { name: None, url: opts.url.clone() },
        language: "en".into(),
        text,
        diagnostics,
        ..Default::default()
    })
}
