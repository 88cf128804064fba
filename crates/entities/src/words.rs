//! Words for tagging: the segmenter's tokens, with punctuation still stuck to a word split
//! off (`Caucasus,` → `Caucasus` `,`; `Russia’s` → `Russia` `’s`), each tagged with its sentence.
//!
//! When the segmenter already splits punctuation this is a no-op; it exists so the tagger sees
//! the same words as its training data whatever the segmenter does.

use newsdesk_model::Span;
use newsdesk_segment::Segmentation;

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Index into the segmentation's sentences (0 when there are none).
    pub sentence: usize,
}

const OPENERS: &[char] = &['"', '\'', '(', '[', '{', '“', '‘', '«', '„', '<'];
const CLOSERS: &[char] = &['"', '\'', ')', ']', '}', '”', '’', '»', ',', ';', ':', '!', '?', '.', '>', '…'];

/// The words of `text`, in order, never crossing a sentence boundary.
pub fn words(text: &str, seg: &Segmentation) -> Vec<Word> {
    let mut out = Vec::with_capacity(seg.tokens.len() + seg.tokens.len() / 4);
    let mut sentence = 0;
    // Reused for every token: no allocation per word.
    let mut pieces = Vec::new();
    let mut tail = Vec::new();
    for token in &seg.tokens {
        pieces.clear();
        // Cut at sentence boundaries inside the token (glued `Putin.He`).
        let mut start = token.span.start;
        for s in seg.sentences.iter().skip(sentence) {
            if s.start > start && s.start < token.span.end {
                pieces.push(Span::new(start, s.start));
                start = s.start;
            }
            if s.start >= token.span.end {
                break;
            }
        }
        pieces.push(Span::new(start, token.span.end));
        for &piece in &pieces {
            while seg.sentences.get(sentence + 1).is_some_and(|s| s.start <= piece.start) {
                sentence += 1;
            }
            split_punct(text, piece, sentence, &mut tail, &mut out);
        }
    }
    out
}

fn split_punct(text: &str, span: Span, sentence: usize, tail: &mut Vec<Span>, out: &mut Vec<Word>) {
    let Some(s) = text.get(span.start..span.end) else { return };
    let s_trim = s.trim();
    if s_trim.is_empty() {
        return;
    }
    let lead = s.len() - s.trim_start().len();
    let mut start = span.start + lead;
    let mut end = start + s_trim.len();
    // Leading openers, one word each.
    while let Some(c) = text.get(start..end).and_then(|w| w.chars().next()) {
        if OPENERS.contains(&c) && end - start > c.len_utf8() {
            out.push(Word { span: Span::new(start, start + c.len_utf8()), sentence });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing closers, kept to push after the word.
    tail.clear();
    while let Some(w) = text.get(start..end) {
        let Some(c) = w.chars().next_back() else { break };
        if w.len() <= c.len_utf8() || !CLOSERS.contains(&c) {
            break;
        }
        if c == '.' && keeps_period(&w[..w.len() - 1]) {
            break;
        }
        tail.push(Span::new(end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    // Possessive clitic.
    let word = text.get(start..end).unwrap_or("");
    let clitic = ["'s", "’s", "'S"].iter().find(|c| word.len() > c.len() && word.ends_with(*c));
    match clitic {
        Some(c) => {
            out.push(Word { span: Span::new(start, end - c.len()), sentence });
            out.push(Word { span: Span::new(end - c.len(), end), sentence });
        }
        None if start < end => out.push(Word { span: Span::new(start, end), sentence }),
        None => {}
    }
    for &t in tail.iter().rev() {
        out.push(Word { span: t, sentence });
    }
}

/// True when a final period belongs to the word: initials and dotted abbreviations
/// (`U.S.`, `J.`), and short abbreviations such as `Dr.`, `Mr.`, `Jr.`, `Inc.`.
fn keeps_period(before: &str) -> bool {
    let n = before.chars().count();
    if n == 0 {
        return false;
    }
    if before.contains('.') && before.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    if n == 1 && before.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    matches!(
        before,
        "Dr" | "Mr"
            | "Mrs"
            | "Ms"
            | "Jr"
            | "Sr"
            | "St"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Col"
            | "Capt"
            | "Lt"
            | "Sgt"
            | "Prof"
            | "Rev"
            | "Mt"
            | "No"
            | "vs"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::Span;
    use newsdesk_segment::{Segmentation, Token, TokenKind};

    fn check(input: &str, expected: &[&str]) {
        // Whitespace tokens, one sentence: the worst case the segmenter can hand us.
        let mut tokens = Vec::new();
        let mut pos = 0;
        for piece in input.split(' ') {
            if !piece.is_empty() {
                tokens.push(Token { span: Span::new(pos, pos + piece.len()), kind: TokenKind::Word });
            }
            pos += piece.len() + 1;
        }
        let seg = Segmentation { tokens, sentences: vec![Span::new(0, input.len())], ..Default::default() };
        let got: Vec<&str> = words(input, &seg).iter().map(|w| &input[w.span.start..w.span.end]).collect();
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn splits_punctuation() {
        check("the Caucasus, said", &["the", "Caucasus", ",", "said"]);
        check("Russia’s role.", &["Russia", "’s", "role", "."]);
        check("\"We touched", &["\"", "We", "touched"]);
        check("the U.S. said", &["the", "U.S.", "said"]);
        check("Dr. Smith (CEO)", &["Dr.", "Smith", "(", "CEO", ")"]);
        check("News.Az reports", &["News.Az", "reports"]);
    }
}
