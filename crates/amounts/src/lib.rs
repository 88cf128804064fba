//! Amounts: numbers in digits and words, scale words, currencies and units, qualifiers
//! ("more than", "about") and the thing counted or measured.
//!
//! ```
//! let text = "More than 1,270 firms with foreign capital operate there.";
//! let seg = newsdesk_segment::segment(text);
//! let found = newsdesk_amounts::find(text, &seg);
//! assert_eq!(found[0].value, 1270.0);
//! assert_eq!(found[0].qualifier.as_deref(), Some("over"));
//! assert_eq!(found[0].object.as_deref(), Some("firms with foreign capital"));
//! ```
//!
//! Invariant: works sentence by sentence on the segmenter's tokens; never reports years,
//! dates, ordinals or clock times (the dates stage owns them); all knowledge of words is in
//! `data/*.tsv`.

mod figure;
mod lexicon;
mod object;

use newsdesk_model::{Amount, Span};
use newsdesk_segment::{Segmentation, TokenKind};

/// A token of one sentence with what the finders need to know about it.
pub(crate) type Tok<'t> = newsdesk_segment::TokenText<'t>;

/// Finds the amounts of `text`.
pub fn find(text: &str, seg: &Segmentation) -> Vec<Amount> {
    find_in(text, &seg.sentence_token_texts(text))
}

/// Finds the amounts of `text` from its sentences' token views
/// ([`Segmentation::sentence_token_texts`]), when another stage shares them.
pub fn find_in(text: &str, sentences: &[Vec<Tok>]) -> Vec<Amount> {
    let mut out = Vec::new();
    for toks in sentences {
        sentence_amounts(text, toks, &mut out);
    }
    out
}

fn sentence_amounts(text: &str, toks: &[Tok], out: &mut Vec<Amount>) {
    let mut i = 0;
    while i < toks.len() {
        let Some(f) = figure::figure_at(toks, i) else {
            i += 1;
            continue;
        };
        let (q_start, before) = qualifier_before(toks, f.start);
        let (end, after) = qualifier_after(toks, f.end);
        let qualifier = before.or(after);
        if figure::is_excluded(toks, &f, qualifier.is_some()) {
            i = f.end.max(i + 1);
            continue;
        }
        let object = object::object(text, toks, q_start, &f).filter(|o| !o.is_empty());
        // A year-like number is an amount only when it measures or counts: `some 2000 troops`.
        let counts = toks.get(f.end).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text.starts_with(char::is_lowercase)
                && lexicon::word_class(&t.lower).is_none()
        });
        if figure::is_year(toks, &f) && f.unit.is_none() && !f.scaled && !counts {
            i = f.end.max(i + 1);
            continue;
        }
        // A bare number (a rank, a list item, `Fight for 15`) says nothing on its own.
        if f.unit.is_none() && !f.scaled && qualifier.is_none() && object.is_none() {
            i = f.end.max(i + 1);
            continue;
        }
        let span = match (toks.get(q_start), toks.get(end.saturating_sub(1))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => break,
        };
        out.push(Amount {
            text: span.slice(text).to_string(),
            start: span.start,
            end: span.end,
            value: f.value,
            unit: f.unit.map(str::to_string),
            qualifier: qualifier.map(str::to_string),
            object,
        });
        i = end.max(i + 1);
    }
}

/// The longest qualifier phrase that ends right before token `start`.
fn qualifier_before(toks: &[Tok], start: usize) -> (usize, Option<&'static str>) {
    for n in (1..=4).rev() {
        let Some(from) = start.checked_sub(n) else { continue };
        let phrase: Vec<&str> = toks[from..start].iter().map(|t| t.lower.as_ref()).collect();
        if let Some(q) = lexicon::qualifier(&phrase.join(" "), false) {
            return (from, Some(q));
        }
    }
    (start, None)
}

/// A qualifier phrase right after token `end` (`or more`).
fn qualifier_after(toks: &[Tok], end: usize) -> (usize, Option<&'static str>) {
    for n in (1..=2).rev() {
        let Some(slice) = toks.get(end..end + n) else { continue };
        let phrase: Vec<&str> = slice.iter().map(|t| t.lower.as_ref()).collect();
        if let Some(q) = lexicon::qualifier(&phrase.join(" "), true) {
            return (end + n, Some(q));
        }
    }
    (end, None)
}
