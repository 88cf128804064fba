//! Property test: on any input the amounts lie inside the text on char boundaries, in order,
//! and each text equals its slice.

use newsdesk_amounts::find;
use newsdesk_segment::segment;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "more",
    "than",
    "1,270",
    "4.5",
    "four",
    "billion",
    "a",
    "dozen",
    "$",
    "€",
    "US$",
    "bn",
    "m",
    "%",
    "percent",
    "per",
    "cent",
    "dollars",
    "manats",
    "[",
    "annual",
    "turnover",
    "–",
    "ed.",
    "]",
    "(",
    ")",
    "of",
    "the",
    "firms",
    "with",
    "capital",
    "are",
    "operating",
    "in",
    "Kenya",
    "2022",
    "19",
    "August",
    "Aug.",
    "10:30",
    "3rd",
    "-",
    ".",
    ",",
    "\n\n",
    "twenty-five",
    "and",
    "hundred",
    "or",
    "so",
    "Россия",
    "🙂",
    "é",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn spans_are_valid(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
                       seps in proptest::collection::vec(proptest::bool::ANY, 60)) {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(p);
            if seps[i] { text.push(' '); }
        }
        let seg = segment(&text);
        let found = find(&text, &seg);
        for a in &found {
            prop_assert_eq!(text.get(a.start..a.end), Some(a.text.as_str()));
            prop_assert!(a.value.is_finite());
        }
        prop_assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
