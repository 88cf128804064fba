//! The `check` shared by the quote test tables: every quote found in the input, rendered as
//! `kind|cue|source as written|content`, must equal the expected list, and every content span
//! must slice the input to the quote's text.

use newsdesk_model::Quote;
use newsdesk_quotes::attribute;

fn render(q: &Quote) -> String {
    let kind = format!("{:?}", q.kind).to_lowercase();
    format!(
        "{kind}|{}|{}|{}",
        q.cue.as_deref().unwrap_or("-"),
        q.speaker_text.as_deref().unwrap_or("-"),
        q.text
    )
}

pub fn check(input: &str, expected: &[&str]) {
    let seg = newsdesk_segment::segment(input);
    let found = attribute(input, &seg, &[]);
    let got: Vec<String> = found.quotes.iter().map(render).collect();
    assert_eq!(got, expected, "input: {input}");
    for q in &found.quotes {
        assert_eq!(input.get(q.start..q.end), Some(q.text.as_str()), "content span of {q:?}");
    }
}
