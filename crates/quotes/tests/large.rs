//! Texts built to be worst cases for the quote stage's scans: one sentence of 200 000 words,
//! 40 000 short paragraphs, thousands of quotations. Each must finish (the scans are linear)
//! and give spans inside the text. Nothing here is timed: a scan that turned quadratic again
//! would make this test run for many minutes instead of seconds.

use newsdesk_quotes::attribute;

/// `n` words from `words`, chosen by a fixed linear congruential sequence, joined by `sep`
/// every `per` words and by spaces otherwise.
fn build(words: &[&str], n: usize, per: usize, sep: &str) -> String {
    let mut x: u64 = 7;
    let mut out = String::new();
    for k in 0..n {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        out.push_str(words[(x >> 33) as usize % words.len()]);
        out.push_str(if (k + 1) % per == 0 { sep } else { " " });
    }
    out
}

fn check_spans(text: &str) -> usize {
    let seg = newsdesk_segment::segment(text);
    let found = attribute(text, &seg, &[]);
    for q in &found.quotes {
        assert!(q.start <= q.end && q.end <= text.len(), "content {}..{} outside the text", q.start, q.end);
        assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
    }
    found.quotes.len()
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "that",
    "plan",
    "would",
    "work",
    "and",
    "officials",
    "agreed",
    "according",
    "to",
    "sources",
    "he",
    "added",
    "Smith",
    "told",
    "reporters",
    "in",
    "Paris",
    "on",
    "Monday",
    ",",
];

#[test]
fn one_endless_sentence() {
    assert!(check_spans(&build(WORDS, 200_000, 200_000, "")) > 0);
}

#[test]
fn many_short_paragraphs() {
    let mut words = WORDS.to_vec();
    words.extend(["“", "”", "\"", "."]);
    assert!(check_spans(&build(&words, 240_000, 6, "\n")) > 0);
}

#[test]
fn thousands_of_quotations() {
    let mut words = WORDS.to_vec();
    words.extend(["\"", "\"", "."]);
    assert!(check_spans(&build(&words, 200_000, 200_000, "")) > 0);
}
