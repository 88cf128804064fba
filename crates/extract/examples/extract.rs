//! Prints the `Article` extracted from each file given (debugging aid):
//! `cargo run -p newsdesk-extract --example extract -- page.html`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match newsdesk_extract::extract(&bytes, &newsdesk_extract::Options::default()) {
            Ok(a) => println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default()),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
