//! Dates: absolute ("19 August 2024", "March 2019", "2024-08-19", "in 2022") and relative
//! ("yesterday", "this April", "last week", "on Monday", "two days ago", "the beginning of
//! 2022") expressions, resolved against the publication date.
//!
//! ```
//! let text = "Talks began yesterday. Your visit this April helped.";
//! let seg = newsdesk_segment::segment(text);
//! let dates = newsdesk_dates::find(text, &seg, Some("2024-08-19"));
//! let got: Vec<(&str, &str)> = dates.iter().map(|d| (d.text.as_str(), d.value.as_str())).collect();
//! assert_eq!(got, [("yesterday", "2024-08-18"), ("this April", "2024-04")]);
//! ```
//!
//! Invariant: an expression that needs the publication date is skipped when there is none;
//! values are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a resolution (`day`, `week`, `weekend`,
//! `month`, `season`, `year`, `decade`); a week or weekend is written as its first day, a
//! season as its first month. No amounts, no clock times.

mod calendar;
mod expr;
mod lexicon;

use newsdesk_model::{DateMention, Span};
use newsdesk_segment::{Segmentation, TokenKind};

/// A token of one sentence with what the matchers need to know about it.
pub(crate) type Tok<'t> = newsdesk_segment::TokenText<'t>;

/// Words that make a sentence speak of the future, so that `Monday` means the next one.
const FUTURE: [&str; 9] =
    ["will", "'ll", "’ll", "shall", "scheduled", "upcoming", "due", "expected", "plans"];

/// Finds the dates of `text`; `published` (`YYYY-MM-DD…`) anchors relative expressions.
pub fn find(text: &str, seg: &Segmentation, published: Option<&str>) -> Vec<DateMention> {
    find_in(text, &seg.sentence_token_texts(text), published)
}

/// Finds the dates of `text` from its sentences' token views
/// ([`Segmentation::sentence_token_texts`]), when another stage shares them.
pub fn find_in(text: &str, sentences: &[Vec<Tok>], published: Option<&str>) -> Vec<DateMention> {
    let anchor = calendar::anchor(published);
    let mut out = Vec::new();
    for toks in sentences {
        // Which tokens lie inside quotation marks: a future word counts only on its own side
        // (`"The line will carry 40,000 people," she wrote on Tuesday` is last Tuesday).
        let mut inside = Vec::with_capacity(toks.len());
        let mut quoted = false;
        for t in toks {
            match t.text {
                "\"" => quoted = !quoted,
                "“" | "«" | "„" => quoted = true,
                "”" | "»" => quoted = false,
                _ => {}
            }
            inside.push(quoted);
        }
        let future_on = |side: bool| {
            toks.iter().zip(&inside).any(|(t, &q)| q == side && FUTURE.contains(&t.lower.as_ref()))
        };
        let future_sides = [future_on(false), future_on(true)];
        let words: Vec<_> = toks.iter().map(|t| lexicon::date_word(&t.lower)).collect();
        let months: Vec<_> = toks
            .iter()
            .map(|t| if t.kind == TokenKind::Word { lexicon::month_of(t.text, &t.lower) } else { None })
            .collect();
        let mut ctx = expr::Ctx { toks, words: &words, months: &months, anchor, future: false };
        let mut i = 0;
        while i < toks.len() {
            ctx.future = future_sides[usize::from(inside[i])];
            let found = if may_start(&toks[i], words[i], months[i]) { ctx.at(i) } else { None };
            let Some((end, when)) = found.filter(|(end, _)| *end > i) else {
                i += 1;
                continue;
            };
            let (Some(first), Some(last)) = (toks.get(i), toks.get(end - 1)) else { break };
            let span = Span::new(first.span.start, last.span.end);
            let (value, resolution) = when.render();
            // Years before 1 or past 9999 (`next August` in 9999) are no calendar dates.
            if !well_formed(&value) {
                i = end;
                continue;
            }
            out.push(DateMention {
                text: span.slice(text).to_string(),
                start: span.start,
                end: span.end,
                value,
                resolution: resolution.to_string(),
            });
            i = end;
        }
    }
    out
}

/// False when no date expression can start at this token: every matcher of `expr` begins
/// with a number, a date word, a month, `the`, `this`, `first`/`second`, a small number word
/// or `mid-`; most tokens are none of these and skip the matchers.
fn may_start(t: &Tok, word: Option<lexicon::DateWord>, month: Option<i8>) -> bool {
    t.kind == TokenKind::Number
        || word.is_some()
        || month.is_some()
        || matches!(&*t.lower, "the" | "this" | "first" | "second")
        || lexicon::small_number(&t.lower).is_some()
        || t.lower.starts_with("mid-")
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year from 1 to 9999.
fn well_formed(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let year = matches!(b.len(), 4 | 7 | 10) && digits(0..4) && value.get(..4) != Some("0000");
    let month = b.len() < 7 || b[4] == b'-' && digits(5..7);
    let day = b.len() < 10 || b[7] == b'-' && digits(8..10);
    year && month && day
}
