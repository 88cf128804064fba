//! Segmentation: the text cut into tokens, sentences and paragraphs, every piece a byte span.
//!
//! This is the first stage of analysis; every later stage works on its output. It is made
//! for news as scraped: it keeps `Dr.`, `U.S.`, `J. K. Rowling`, `4.5` and `News.Az` whole,
//! and still cuts sentences the scraper glued together (`Putin.He also`, `so."Putin`).
//!
//! ```
//! let text = "Dr. Smith met U.S. officials.He said: \"It went well. We agreed.\"";
//! let seg = newsdesk_segment::segment(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.slice(text)).collect();
//! assert_eq!(sentences, ["Dr. Smith met U.S. officials.", "He said: \"It went well.", "We agreed.\""]);
//! ```
//!
//! Invariant: spans are byte offsets, in order, never overlapping, on char boundaries; no
//! input makes this stage panic, and it runs in time linear in the text.

mod lexicon;
mod sentence;
mod token;

pub use token::mojibake_pair;

use newsdesk_model::Span;
use std::borrow::Cow;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes or periods), a clitic (`’s`, `n't`), a URL.
    Word,
    /// Digits with separators (`1,270`, `4.5`) or an ordinal (`3rd`).
    Number,
    /// Punctuation: `.`, `,`, quote marks, brackets, dashes, an ellipsis.
    Punct,
    /// Anything else: `$`, `€`, `%`, `+`, emoji.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Tokens, sentences and paragraphs of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    /// From a sentence's first token to its last, in order.
    pub sentences: Vec<Span>,
    /// Blank-line separated blocks, from first token to last, in order.
    pub paragraphs: Vec<Span>,
}

/// A token seen with its text: what stages that read words (amounts, dates) work on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenText<'t> {
    pub span: Span,
    pub text: &'t str,
    /// Lowercase form, borrowed from the text when it already is (most words).
    pub lower: Cow<'t, str>,
    pub kind: TokenKind,
    /// No space before it.
    pub glued: bool,
}

impl Segmentation {
    /// The tokens inside `span` with their text and lowercase form, each marked when it is
    /// glued to the token before it.
    pub fn token_texts<'t>(&self, text: &'t str, span: Span) -> Vec<TokenText<'t>> {
        let mut prev_end = None;
        self.tokens_in(span)
            .iter()
            .map(|t| {
                let glued = prev_end == Some(t.span.start);
                prev_end = Some(t.span.end);
                let s = t.text(text);
                let lower = if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    Cow::Owned(s.to_lowercase())
                } else {
                    Cow::Borrowed(s)
                };
                TokenText { span: t.span, text: s, lower, kind: t.kind, glued }
            })
            .collect()
    }

    /// [`Segmentation::token_texts`] of every sentence, in order: built once per document and
    /// shared by the stages that read words (amounts, dates), so none re-reads the tokens.
    pub fn sentence_token_texts<'t>(&self, text: &'t str) -> Vec<Vec<TokenText<'t>>> {
        self.sentences.iter().map(|s| self.token_texts(text, *s)).collect()
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
    }

    /// The tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.end <= span.end).max(from);
        self.tokens.get(from..to).unwrap_or(&[])
    }

    /// Index of the first token that starts at or after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Splits `text` into tokens, sentences and paragraphs.
pub fn segment(text: &str) -> Segmentation {
    let tokens = token::tokenize(text);
    let (sentences, paragraphs) = sentence::split(text, &tokens);
    Segmentation { tokens, sentences, paragraphs }
}

/// True when a full stop after the abbreviation `word` (written without its stop, case as
/// written) may end a sentence, the next word deciding: `at 7 p.m. He left` ends one, while
/// `Mr.`, `Aug.` or `No.` never do.
pub fn abbreviation_may_end(word: &str) -> bool {
    matches!(lexicon::abbreviation(word), None | Some(lexicon::AbbrevKind::Final))
}

/// True for a word that typically opens an English sentence, written capitalised (`He`,
/// `The`, `But`): after an abbreviation that may end a sentence, it opens the next one.
pub fn is_sentence_opener(word: &str) -> bool {
    lexicon::is_opener(word)
}

#[cfg(test)]
mod abbreviation_tests {
    use super::{abbreviation_may_end, is_sentence_opener};

    #[test]
    fn abbreviations_that_may_end_a_sentence() {
        assert!(abbreviation_may_end("p.m"));
        assert!(abbreviation_may_end("Inc"));
        assert!(!abbreviation_may_end("Mr"));
        assert!(!abbreviation_may_end("Aug"));
        assert!(is_sentence_opener("He"));
        assert!(!is_sentence_opener("Smith"));
    }
}
