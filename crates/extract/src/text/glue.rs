//! Repairs sentences a scraper glued together by dropping the space between them:
//! `Putin.He` → `Putin. He`, `so."Putin` → `so." Putin`, `so.”Putin`, `said:“Trade` →
//! `said: “Trade`. Exactly one space is inserted; nothing else changes.
//!
//! A boundary needs a lowercase letter, digit or closing bracket/quote before `.`/`!`/`?` and
//! an uppercase letter (or an opening quote) right after. Domains and site names are left
//! alone: `News.Az` (its last label is a top-level domain), `Astana.Times` (a publisher name
//! seen elsewhere, passed in `protected`), URLs and e-mail addresses. `U.S.`, `4.5`,
//! `J.K. Rowling` and `1,270` never match the shape.

use crate::lexicon;
use std::collections::HashSet;

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '»')
}
fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '«')
}

/// The whitespace-delimited token around byte position `at`, without edge punctuation.
fn token_at(text: &str, at: usize) -> &str {
    let start = text[..at]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    text[start..end].trim_matches(|c: char| !c.is_alphanumeric())
}

/// The run of letters/digits starting at byte `at`.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..end]
}

/// The run of letters/digits ending at byte `at` (exclusive).
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    &head[start..]
}

/// Whether the dotted join at `dot` is a domain, URL, address or protected name.
fn is_name(text: &str, dot: usize, protected: &HashSet<String>) -> bool {
    let token = token_at(text, dot);
    if token.contains("://") || token.contains('@') || token.to_ascii_lowercase().starts_with("www.") {
        return true;
    }
    let joined = format!("{}.{}", word_before(text, dot), word_at(text, dot + 1));
    if protected.contains(&joined) || protected.contains(token) {
        return true;
    }
    lexicon::is_tld(word_at(text, dot + 1))
}

/// `paragraph` with one space inserted at each glued sentence boundary.
pub fn repair(paragraph: &str, protected: &HashSet<String>) -> String {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut inserts: Vec<usize> = Vec::new();
    let mut straight_quotes = 0usize;
    for (k, &(pos, c)) in chars.iter().enumerate() {
        if c == '"' {
            straight_quotes += 1;
        }
        let next = |n: usize| chars.get(k + n).map(|&(_, c)| c);
        // `said:“Trade` / `said:"Trade` (opening quote after a colon).
        if c == ':' && k > 0 {
            let before = chars[k - 1].1;
            let opening = match next(1) {
                Some(q) if is_opening(q) => true,
                Some('"') => straight_quotes.is_multiple_of(2),
                _ => false,
            };
            if before.is_alphanumeric() && opening && next(2).is_some_and(char::is_alphanumeric) {
                inserts.push(pos + 1);
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?') || k == 0 {
            continue;
        }
        let before = chars[k - 1].1;
        let ok_before = before.is_lowercase()
            || before.is_numeric()
            || matches!(before, ')' | ']' | '"' | '\'')
            || is_closing(before);
        if !ok_before {
            continue;
        }
        // After the terminator: an optional closing quote, an optional opening quote, then
        // an uppercase letter.
        let mut n = 1;
        let mut gap_at: Option<usize> = chars.get(k + 1).map(|&(p, _)| p);
        let mut quotes_seen = straight_quotes;
        if let Some(q) = next(n) {
            let closing = is_closing(q) || (q == '"' && quotes_seen % 2 == 1);
            if closing {
                if q == '"' {
                    quotes_seen += 1;
                }
                n += 1;
                gap_at = chars.get(k + n).map(|&(p, _)| p);
            }
        }
        if let Some(q) = next(n) {
            if is_opening(q) || (q == '"' && quotes_seen.is_multiple_of(2)) {
                n += 1;
            }
        }
        let Some(upper) = next(n) else { continue };
        let Some(gap) = gap_at else { continue };
        if !upper.is_uppercase() {
            continue;
        }
        if c == '.' && n == 1 && is_name(paragraph, pos, protected) {
            continue;
        }
        inserts.push(gap);
    }
    if inserts.is_empty() {
        return paragraph.to_string();
    }
    let mut out = String::with_capacity(paragraph.len() + inserts.len());
    let mut last = 0;
    for at in inserts {
        out.push_str(&paragraph[last..at]);
        out.push(' ');
        last = at;
    }
    out.push_str(&paragraph[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let protected: HashSet<String> = ["Astana.Times".to_string()].into_iter().collect();
        assert_eq!(repair(input, &protected), expected, "input: {input:?}");
    }

    #[test]
    fn glued_sentences() {
        check("said President Tokayev.He also noted", "said President Tokayev. He also noted");
        check(
            "is being fully implemented.The Kazakh leader",
            "is being fully implemented. The Kazakh leader",
        );
        check("\"If we can, we will do so.\"Tokayev stated", "\"If we can, we will do so.\" Tokayev stated");
        check("we can do so.”Tokayev stated", "we can do so.” Tokayev stated");
        check("He left.“We will return,” she said.", "He left. “We will return,” she said.");
        check("He left.\"We will return,\" she said.", "He left. \"We will return,\" she said.");
        check(
            "The leader emphasized:“Our trade is growing.”",
            "The leader emphasized: “Our trade is growing.”",
        );
        check(
            "The leader emphasized:\"Our trade is growing.\"",
            "The leader emphasized: \"Our trade is growing.\"",
        );
        check("\"We agree,\" said Tokayev.He smiled.", "\"We agree,\" said Tokayev. He smiled.");
        check("Is it over?Not yet!We go on.", "Is it over? Not yet! We go on.");
        check("prices rose in 2022.The bank", "prices rose in 2022. The bank");
        check("at 5 p.m.The vote", "at 5 p.m. The vote");
        check(
            "Grain exports will grow, Astana.Times reports.",
            "Grain exports will grow, Astana.Times reports.",
        );
        check("Kazakhstan is ready, News.Az reports.", "Kazakhstan is ready, News.Az reports.");
        check("Visit Example.Com or example.com today.", "Visit Example.Com or example.com today.");
        check(
            "See https://example.org/News.Html and www.Site.org",
            "See https://example.org/News.Html and www.Site.org",
        );
        check("The U.S. and the U.N. agreed.", "The U.S. and the U.N. agreed.");
        check("Growth was 4.5 percent, or 1,270 firms.", "Growth was 4.5 percent, or 1,270 firms.");
        check("J. K. Rowling and J.K. Rowling wrote.", "J. K. Rowling and J.K. Rowling wrote.");
        check("Mail info@Example.org now.", "Mail info@Example.org now.");
        check("It is fine. Already spaced.", "It is fine. Already spaced.");
        check("Trailing dot.", "Trailing dot.");
        check("Wide\u{3000}News.Az and\u{A0}done.Then", "Wide\u{3000}News.Az and\u{A0}done. Then");
    }
}
