//! Property test: on any input the dates lie inside the text on char boundaries, in order,
//! each text equals its slice and each value is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

use newsdesk_dates::find;
use newsdesk_segment::segment;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "19",
    "31",
    "August",
    "Aug.",
    "May",
    "2024",
    "2022",
    "-",
    "08",
    ",",
    ".",
    "the",
    "beginning",
    "of",
    "early",
    "mid-2021",
    "spring",
    "last",
    "this",
    "next",
    "week",
    "year",
    "month",
    "April",
    "Monday",
    "on",
    "yesterday",
    "today",
    "two",
    "days",
    "years",
    "ago",
    "30000",
    "a",
    "1990",
    "s",
    "05.06.2019",
    "9999",
    "0",
    "\n\n",
    "Россия",
    "🙂",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn spans_are_valid(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
                       seps in proptest::collection::vec(proptest::bool::ANY, 60),
                       published in proptest::option::of(proptest::sample::select(&["2024-08-19", "2025-01-01T00:00:00Z", "garbage", "0001-01-01", "9999-12-31"][..]))) {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(p);
            if seps[i] { text.push(' '); }
        }
        let seg = segment(&text);
        let found = find(&text, &seg, published);
        for d in &found {
            prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
            let shape = d.value.len() == 4 || d.value.len() == 7 || d.value.len() == 10;
            prop_assert!(shape && d.value.starts_with(|c: char| c.is_ascii_digit()), "value {:?}", d.value);
        }
        prop_assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
