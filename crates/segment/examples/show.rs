//! Prints the tokens and sentences of the text given as first argument:
//! `cargo run -p newsdesk-segment --example show -- "Dr. Lee met U.S. officials.He left."`

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let seg = newsdesk_segment::segment(&text);
    let tokens: Vec<String> = seg.tokens.iter().map(|t| format!("{}[{:?}]", t.text(&text), t.kind)).collect();
    println!("{}", tokens.join(" "));
    for s in &seg.sentences {
        println!("| {}", s.slice(&text));
    }
}
