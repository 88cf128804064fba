//! Prints the quotes found in the text read from stdin, one a line: kind, cue, source, content.
//! A development aid for error analysis (`cargo run -p newsdesk-quotes --example show < file`).

use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        return;
    }
    let seg = newsdesk_segment::segment(&text);
    let found = newsdesk_quotes::attribute(&text, &seg, &[]);
    for q in &found.quotes {
        println!(
            "{:?}\t{}\t{}\t{}",
            q.kind,
            q.cue.as_deref().unwrap_or("-"),
            q.speaker_text.as_deref().unwrap_or("-"),
            q.text.replace('\n', " ")
        );
    }
}
