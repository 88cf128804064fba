//! Whatever the input, attribution does not panic and every span lies in the text on char
//! boundaries, with the quote text equal to its slice.

use proptest::prelude::*;

fn check_spans(text: &str) {
    let seg = newsdesk_segment::segment(text);
    let found = newsdesk_quotes::attribute(text, &seg, &[]);
    for q in &found.quotes {
        assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
        for s in [q.cue_span, q.speaker_span].into_iter().flatten() {
            assert!(s.start <= s.end && text.get(s.start..s.end).is_some(), "{s:?} in {text:?}");
        }
    }
}

proptest! {
    #[test]
    fn spans_in_bounds(text in "[a-zA-Z ,.:;\"“”„«»'`’\n—é]{0,200}") {
        check_spans(&text);
    }

    #[test]
    fn spans_in_bounds_with_words(parts in proptest::collection::vec(
        prop_oneof![
            Just("said"), Just("Jane Doe"), Just("\""), Just("“"), Just("”"), Just(", "), Just(". "),
            Just("according to"), Just("that"), Just("\n\n"), Just("you mentioned"), Just("meeting with"),
            Just("He"), Just("''"), Just(":"), Just("the ministry"), Just("é"),
        ],
        0..40,
    )) {
        check_spans(&parts.join(" "));
    }
}
