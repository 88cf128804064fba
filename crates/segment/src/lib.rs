//! Segmentation: the text cut into tokens and sentences, every piece a byte span.
//!
//! This is the first stage of analysis; every later stage works on its output.

use newsdesk_model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokens and sentences of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
}

/// Splits `text` into tokens and sentences.
pub fn segment(text: &str) -> Segmentation {
    // Placeholder until the real segmenter lands: one sentence, whitespace tokens.
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                tokens.push(Token { span: Span::new(s, i), kind: TokenKind::Word });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push(Token { span: Span::new(s, text.len()), kind: TokenKind::Word });
    }
    let sentences = if text.trim().is_empty() { vec![] } else { vec![Span::new(0, text.len())] };
    Segmentation { tokens, sentences }
}
