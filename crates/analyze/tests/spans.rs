//! Property test: on any text made of news-like pieces, every span the pipeline reports lies
//! inside the text on char boundaries, every mention/amount/date text equals its slice, and
//! the wire conversion to char offsets slices the same strings.

use newsdesk_model::{wire, Article, Span};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "President",
    "Vladimir",
    "Putin",
    "said",
    "noted",
    "that",
    "the",
    "Minister",
    "Anna",
    "Schmidt",
    "of",
    "Germany",
    "Berlin",
    "Moscow",
    "He",
    "She",
    "they",
    "you",
    "told",
    "reporters",
    "according",
    "to",
    "more",
    "than",
    "1,270",
    "4.5",
    "billion",
    "dollars",
    "€3",
    "percent",
    "%",
    "yesterday",
    "this",
    "April",
    "2022",
    "19",
    "August",
    "2024",
    "News.Az",
    "U.S.",
    "J.",
    "K.",
    "Rowling",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "(",
    ")",
    "[",
    "– ed.]",
    "\n\n",
    "\n",
    " ",
    "  ",
    "Россия",
    "日本",
    "🙂",
    "é",
    "met",
    "visited",
    "signed",
    "agreement",
    "with",
    "during",
    "meeting",
    "The",
    "Russian",
    "leader",
];

fn article(text: String) -> Article {
    Article { text, language: "en".into(), published: Some("2024-08-19".into()), ..Default::default() }
}

fn assert_wire_consistent(doc: &newsdesk_model::Document) {
    let wire = wire::to_char_offsets(doc);
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |s: Span| chars.get(s.start..s.end).map(|c| c.iter().collect::<String>());
    for (e, w) in doc.entities.iter().zip(&wire.entities) {
        for (m, wm) in e.mentions.iter().zip(&w.mentions) {
            assert_eq!(slice(wm.span()).as_deref(), Some(m.text.as_str()));
        }
    }
    for (q, wq) in doc.quotes.iter().zip(&wire.quotes) {
        assert_eq!(
            slice(Span::new(wq.start, wq.end)),
            Some(Span::new(q.start, q.end).slice(&doc.text).to_string())
        );
    }
    for (s, ws) in doc.sentences.iter().zip(&wire.sentences) {
        assert_eq!(slice(*ws), Some(s.slice(&doc.text).to_string()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn spans_are_valid(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..120),
                       seps in proptest::collection::vec(proptest::bool::ANY, 120)) {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(p);
            if seps[i] { text.push(' '); }
        }
        let doc = newsdesk_analyze::analyze(&article(text));
        prop_assert!(newsdesk_analyze::spans_valid(&doc));
        let ordered = doc.sentences.windows(2).all(|w| w[0].end <= w[1].start);
        prop_assert!(ordered);
        assert_wire_consistent(&doc);
    }

    #[test]
    fn arbitrary_strings_never_break_spans(text in "\\PC{0,400}") {
        let doc = newsdesk_analyze::analyze(&article(text));
        prop_assert!(newsdesk_analyze::spans_valid(&doc));
        assert_wire_consistent(&doc);
    }
}
