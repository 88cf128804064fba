//! Extraction: raw bytes (HTML or scraped text, any common encoding) → `Article`:
//! clean body text, title, publication date, source, language.
//!
//! ```
//! use newsdesk_extract::{extract, Options};
//! let page = b" date 2025-03-12 + \xE2\x86\xBA \xE2\x88\x92 16 px\n\nGrain exports rose, Example.com reports.The deal holds.\n\nExample.com\n";
//! let article = extract(page, &Options::default()).unwrap();
//! assert_eq!(article.text, "Grain exports rose, Example.com reports. The deal holds.");
//! assert_eq!(article.published.as_deref(), Some("2025-03-12"));
//! assert_eq!(article.source.name.as_deref(), Some("Example.com"));
//! ```
//!
//! Modules: [`sniff`] (binary / HTML / text), [`decode`] (encodings), [`text`] (scraped-text
//! cleanup, shared by both paths), [`html`] (DOM, main text, metadata), `date`, `ident`.
//!
//! Invariant: no linguistics beyond what cleanup needs; analysis never sees markup. Every
//! input gives an `Article` or a clear `ExtractError`, in time linear in the (capped) input.

mod date;
pub mod decode;
pub mod html;
mod ident;
mod lexicon;
pub mod sniff;
pub mod text;

use newsdesk_model::{Article, Diagnostic, Source};

/// Inputs longer than this are cut (with a diagnostic) before parsing: no news article needs more.
pub const MAX_TEXT_BYTES: usize = 64 << 20;
/// HTML is capped lower: the DOM costs many times the page's size in memory.
pub const MAX_HTML_BYTES: usize = 16 << 20;

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
    if let Some(kind) = sniff::binary_kind(input) {
        return Err(ExtractError::Binary(kind));
    }
    let mut diagnostics = Vec::new();
    let input = cap(input, MAX_TEXT_BYTES, &mut diagnostics);
    let decoded = decode::decode(input, &mut diagnostics);
    if decoded.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let format = opts.format.unwrap_or_else(|| sniff::format(&decoded));
    let mut article = match format {
        Format::Text => {
            let cleaned = text::clean_text(&decoded, &mut diagnostics);
            Article {
                title: cleaned.title,
                published: cleaned.published,
                source: Source { name: cleaned.publisher, url: opts.url.clone() },
                text: cleaned.paragraphs.join("\n\n"),
                ..Default::default()
            }
        }
        Format::Html => {
            let html = if decoded.len() > MAX_HTML_BYTES {
                diagnostics.push(Diagnostic::new(
                    "input-truncated",
                    format!(
                        "HTML longer than {} MiB: only the first {} MiB were parsed",
                        MAX_HTML_BYTES >> 20,
                        MAX_HTML_BYTES >> 20
                    ),
                ));
                sniff::prefix(&decoded, MAX_HTML_BYTES)
            } else {
                &decoded
            };
            html::extract(html, opts.url.as_deref(), &mut diagnostics)
        }
    };
    if article.text.is_empty() {
        diagnostics.push(Diagnostic::new("empty-body", "no article text was found in the input"));
    }
    let id_key =
        article.source.url.clone().or_else(|| opts.url.clone()).unwrap_or_else(|| article.text.clone());
    article.id = ident::stable_id(&id_key);
    if article.language.is_empty() {
        article.language = ident::language(&article.text);
    } else if let Some(found) = ident::detect(&article.text, true).filter(|l| *l != article.language) {
        // Declared languages are often a template's default; a long text says better.
        diagnostics.push(Diagnostic::new(
            "language-mismatch",
            format!("page declares {:?} but the text reads as {found:?}", article.language),
        ));
        article.language = found.to_string();
    }
    article.diagnostics = diagnostics;
    Ok(article)
}

fn cap<'a>(input: &'a [u8], max: usize, diagnostics: &mut Vec<Diagnostic>) -> &'a [u8] {
    if input.len() <= max {
        return input;
    }
    diagnostics.push(Diagnostic::new(
        "input-truncated",
        format!("input longer than {} MiB: only the first {} MiB were read", max >> 20, max >> 20),
    ));
    &input[..max]
}
