//! Property test: on any input, tokens, sentences and paragraphs are in bounds, on char
//! boundaries, ordered and non-overlapping, and every sentence is made of whole tokens.

use newsdesk_model::Span;
use newsdesk_segment::segment;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Dr.",
    "U.S.",
    "J.",
    "News.Az",
    "Putin",
    ".He",
    ".",
    "!",
    "?",
    "...",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    "’",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "1,270",
    "4.5",
    "$",
    "€",
    "bn",
    "%",
    "-",
    "–",
    "\n",
    "\n\n",
    " ",
    "the",
    "The",
    "said",
    "Inc.",
    "e.g.",
    "https://x.org/a.",
    "n't",
    "don",
    "Россия",
    "日本",
    "🙂",
    "é",
    "\u{301}",
    "2024",
    "08",
    "3rd",
    "so.\"Lula",
    "&",
    "AT&T",
    "www.",
    "\u{2029}",
];

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let seg = segment(text);
    let ok = |s: Span| s.start < s.end && text.get(s.start..s.end).is_some();
    for list in
        [seg.tokens.iter().map(|t| t.span).collect::<Vec<_>>(), seg.sentences.clone(), seg.paragraphs.clone()]
    {
        prop_assert!(list.iter().all(|s| ok(*s)), "bad span in {:?}", text);
        prop_assert!(list.windows(2).all(|w| w[0].end <= w[1].start), "unordered in {:?}", text);
    }
    for t in &seg.tokens {
        prop_assert!(!t.text(text).trim().is_empty(), "blank token in {:?}", text);
        prop_assert!(seg.sentences.iter().any(|s| s.contains(t.span)), "orphan token in {:?}", text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..80),
              seps in proptest::collection::vec(proptest::bool::ANY, 80)) {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(p);
            if seps[i] { text.push(' '); }
        }
        check_spans(&text)?;
    }

    #[test]
    fn any_string(text in "\\PC{0,200}") {
        check_spans(&text)?;
    }
}
