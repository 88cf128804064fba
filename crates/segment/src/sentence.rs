//! Sentence and paragraph boundaries over the tokens.
//!
//! A blank line always ends a paragraph and a sentence. Otherwise a sentence ends at `.`,
//! `!`, `?` or an ellipsis, together with the closing quotes and brackets right after it,
//! when the next token opens a sentence: a capitalised word, a number, or an opening quote
//! before one. This also cuts glued scraped text (`so."Putin`) and sentences that end
//! inside a quotation. Periods that belong to abbreviations are inside their word token;
//! such a word ends a sentence only when it may (`U.S.`, `Inc.`, an initial) and the next
//! word is a typical sentence opener (`The`, `He`).

use crate::lexicon::{abbreviation, is_cue_verb, is_opener, AbbrevKind};
use crate::{Token, TokenKind};
use newsdesk_model::Span;

/// What lies between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing: the tokens touch.
    Glued,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Line,
    /// A blank line: a paragraph break.
    Blank,
}

fn gap(text: &str, from: usize, to: usize) -> Gap {
    let between = text.get(from..to).unwrap_or("");
    if between.is_empty() {
        return Gap::Glued;
    }
    let mut lines = 0;
    for c in between.chars() {
        if c == '\n' || c == '\u{2029}' {
            lines += 1;
        }
    }
    match lines {
        0 => Gap::Space,
        1 => Gap::Line,
        _ => Gap::Blank,
    }
}

/// The role of a quote mark or bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Open,
    Close,
}

/// Classifies quote marks and brackets; straight double quotes by spacing, then by parity
/// within the paragraph.
fn marks(text: &str, tokens: &[Token], gaps: &[Gap]) -> Vec<Mark> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut inside = false;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && gaps[i] == Gap::Blank {
            inside = false;
        }
        let s = t.span.slice(text);
        let before = i == 0 || gaps[i] != Gap::Glued;
        let after = gaps.get(i + 1).is_none_or(|g| *g != Gap::Glued);
        let mark = match s {
            "“" | "‘" | "«" | "„" | "(" | "[" | "{" => Mark::Open,
            "”" | "»" | ")" | "]" | "}" => Mark::Close,
            "’" | "'" if !before && after => Mark::Close,
            "’" | "'" if before && !after => Mark::Open,
            "\"" => {
                let m = match (before, after) {
                    (true, false) => Mark::Open,
                    (false, true) => Mark::Close,
                    _ if inside => Mark::Close,
                    _ => Mark::Open,
                };
                inside = m == Mark::Open;
                m
            }
            _ => Mark::None,
        };
        out.push(mark);
    }
    out
}

/// How a token can end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// It cannot.
    No,
    /// `.`, `!`, `?`, `…`: before any sentence-like start.
    Strong,
    /// An abbreviation that may end a sentence: only before a typical opener.
    Weak,
}

fn stop(text: &str, t: &Token) -> Stop {
    let s = t.span.slice(text);
    match t.kind {
        // An ellipsis may stand for words left out: `“The … Clinton team`.
        TokenKind::Punct if s.starts_with('…') || s.starts_with("..") => Stop::Weak,
        TokenKind::Punct if s.starts_with(['.', '!', '?', '。', '！', '？']) => Stop::Strong,
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
            let bare = &s[..s.len() - 1];
            match abbreviation(bare) {
                Some(AbbrevKind::Final) => Stop::Weak,
                Some(_) => Stop::No,
                // Dotted abbreviations (`U.S.`) and initials (`J.`).
                None => Stop::Weak,
            }
        }
        _ => Stop::No,
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a sentence starts at token `k` after a stop of strength `stop`.
fn opens(text: &str, tokens: &[Token], gaps: &[Gap], marks: &[Mark], k: usize, stop: Stop) -> bool {
    let Some(t) = tokens.get(k) else { return false };
    if stop == Stop::No {
        return false;
    }
    if marks.get(k) == Some(&Mark::Open) {
        // An opening quote or bracket: look at what it opens.
        return tokens.get(k + 1).is_some_and(|n| {
            let s = n.span.slice(text);
            matches!(stop, Stop::Strong) && starts_upper(s) || is_opener(s)
        });
    }
    let s = t.span.slice(text);
    match stop {
        Stop::Strong => match t.kind {
            TokenKind::Word => starts_upper(s),
            TokenKind::Number => gaps.get(k).is_some_and(|g| *g != Gap::Glued),
            // `$5.76 for the meal.`, `€3bn was spent.`
            TokenKind::Symbol => tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Number),
            _ => false,
        },
        Stop::Weak | Stop::No => t.kind == TokenKind::Word && is_opener(s),
    }
}

/// True when a quotation that just closed is attributed right after it: `"Really?" Bush
/// said.`, `"No!" President Lula replied.` (one to three capitalised words, then a cue verb
/// that ends the sentence or a clause).
fn attributed(text: &str, tokens: &[Token], k: usize) -> bool {
    let mut j = k;
    while j < k + 3
        && tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word && starts_upper(t.span.slice(text)))
    {
        j += 1;
    }
    let cue = j > k && tokens.get(j).is_some_and(|t| is_cue_verb(&t.span.slice(text).to_lowercase()));
    // `Bush said.` closes the quotation's sentence; `Putin stated that …` opens a new one.
    cue && tokens.get(j + 1).is_none_or(|t| matches!(t.span.slice(text), "." | "," | ";"))
}

/// Sentence and paragraph spans over `tokens`.
pub(crate) fn split(text: &str, tokens: &[Token]) -> (Vec<Span>, Vec<Span>) {
    // The gap before each token (the first has none: `Glued`), measured once.
    let gaps: Vec<Gap> = (0..tokens.len())
        .map(|i| match i.checked_sub(1) {
            Some(p) => gap(text, tokens[p].span.end, tokens[i].span.start),
            None => Gap::Glued,
        })
        .collect();
    let marks = marks(text, tokens, &gaps);
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let (mut sent_start, mut para_start) = (0, 0);
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let strength = stop(text, &tokens[i]);
        if strength != Stop::No {
            while gaps.get(last + 1).is_some_and(|g| {
                marks.get(last + 1) == Some(&Mark::Close) && !matches!(g, Gap::Line | Gap::Blank)
            }) {
                last += 1;
            }
        }
        let next = last + 1;
        let (Some(n), Some(&g)) = (tokens.get(next), gaps.get(next)) else { break };
        let boundary = match g {
            Gap::Blank => true,
            _ if last > i && attributed(text, tokens, next) => false,
            Gap::Line => {
                strength != Stop::No || starts_upper(n.span.slice(text)) || n.kind != TokenKind::Word
            }
            _ => opens(text, tokens, &gaps, &marks, next, strength),
        };
        if boundary {
            sentences.push(Span::new(tokens[sent_start].span.start, tokens[last].span.end));
            sent_start = next;
        }
        if g == Gap::Blank {
            paragraphs.push(Span::new(tokens[para_start].span.start, tokens[last].span.end));
            para_start = next;
        }
        i = next;
    }
    if let (Some(first), Some(end)) = (tokens.get(sent_start), tokens.last()) {
        sentences.push(Span::new(first.span.start, end.span.end));
    }
    if let (Some(first), Some(end)) = (tokens.get(para_start), tokens.last()) {
        paragraphs.push(Span::new(first.span.start, end.span.end));
    }
    (sentences, paragraphs)
}
