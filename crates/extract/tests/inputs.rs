//! Whole inputs through `extract`: the repo's example article, and hostile or broken input
//! (empty, binary, invalid UTF-8, wrong charset, huge, deeply nested): a result or a clear
//! error, never a panic, in bounded time.

use newsdesk_extract::{extract, ExtractError, Format, Options};
use std::time::{Duration, Instant};

const REPORT_TXT: &[u8] = include_bytes!("../../../examples/report.txt");

fn run(input: &[u8]) -> Result<newsdesk_model::Article, ExtractError> {
    extract(input, &Options::default())
}

/// (input, expected outcome): `Ok(text prefix)` or `Err(error kind)`.
fn check(input: &[u8], expected: Result<&str, &str>) {
    let got = run(input);
    match (&got, expected) {
        (Ok(a), Ok(prefix)) => {
            assert!(a.text.starts_with(prefix), "text {:?} does not start with {prefix:?}", a.text)
        }
        (Err(ExtractError::Empty), Err("empty")) | (Err(ExtractError::Binary(_)), Err("binary")) => {}
        _ => panic!(
            "input {:?}: got {got:?}, expected {expected:?}",
            String::from_utf8_lossy(&input[..input.len().min(80)])
        ),
    }
}

#[test]
fn broken_inputs() {
    check(b"", Err("empty"));
    check(b" \n\t\r\n ", Err("empty"));
    check(b"\xEF\xBB\xBF  ", Err("empty"));
    check(&[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7, 8, 0, 0, 0, 0, 14, 15], Err("binary"));
    check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err("binary"));
    check(
        b"The minister spoke in Caf\xC3\xA9 Central and na\xEFvely said it.",
        Ok("The minister spoke in Café Central and na\u{FFFD}vely"),
    );
    check("<html><head><meta charset=\"iso-8859-1\"></head><body><p>The café reopened on Monday after repairs.</p></body></html>".as_bytes(), Ok("The café reopened"));
    check(b"<html><head><meta charset=\"windows-1251\"></head><body><p>\xCC\xEE\xF1\xEA\xE2\xE0 is the capital.</p></body></html>", Ok("Москва is the capital."));
}

#[test]
fn invalid_utf8_is_reported() {
    let a = run(b"Prices rose by 3\xFF percent on Monday.").expect("article");
    assert!(a.diagnostics.iter().any(|d| d.kind.starts_with("encoding-")), "{:?}", a.diagnostics);
}

#[test]
fn report_txt() {
    let a = run(REPORT_TXT).expect("article");
    assert!(a.text.starts_with("Kazakhstan is prepared to expand grain exports"), "{}", a.text);
    assert_eq!(a.published.as_deref(), Some("2025-03-12"));
    assert_eq!(a.source.name.as_deref(), Some("Astana.Times"));
    assert_eq!(a.language, "en");
    assert_eq!(a.title, None);
    assert!(!a.text.trim_end().ends_with("Astana.Times"), "trailer kept");
    assert!(a.text.contains("Astana.Times reports."));
    for boundary in [
        "Tokayev. He also noted",
        "winter.\" Tokayev stated",
        "implemented. The Kazakh leader",
        "ties.\" Tokayev also stressed",
        "transport. The Kazakh president emphasized: “Our",
    ] {
        assert!(a.text.contains(boundary), "missing {boundary:?} in {}", a.text);
    }
    assert!(a.text.contains("1.2 billion"));
    assert!(!a.text.contains("16 px"));
}

#[test]
fn ids_are_stable_and_url_based() {
    let a = run(REPORT_TXT).expect("article");
    let b = run(REPORT_TXT).expect("article");
    assert_eq!(a.id, b.id);
    assert_eq!(a.id.len(), 16);
    let with_url = extract(
        REPORT_TXT,
        &Options { url: Some("https://example.com/a".into()), format: Some(Format::Text) },
    )
    .expect("article");
    assert_ne!(with_url.id, a.id);
}

fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    out
}

#[test]
fn fifty_megabytes_of_text() {
    let para = "The committee met again on Tuesday and agreed to publish its findings next month.\n\n";
    let big = para.repeat(50 * 1024 * 1024 / para.len());
    let a = timed(Duration::from_secs(60), || run(big.as_bytes())).expect("article");
    assert!(a.text.len() > 40 * 1024 * 1024);
}

#[test]
fn deeply_nested_html() {
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>The council approved the budget on Friday after a long debate.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let a = timed(Duration::from_secs(60), || run(page.as_bytes())).expect("article");
    assert!(a.text.contains("approved the budget"), "{:?}", a.text);
}

#[test]
fn huge_html_is_capped() {
    let para = "<p>The committee met again on Tuesday and agreed to publish its findings next month.</p>\n";
    let mut page = String::from("<html><body><article>");
    page.push_str(&para.repeat(100 * 1024 * 1024 / para.len()));
    page.push_str("</article></body></html>");
    let a = timed(Duration::from_secs(120), || run(page.as_bytes())).expect("article");
    assert!(a.diagnostics.iter().any(|d| d.kind == "input-truncated"));
    assert!(a.text.starts_with("The committee met"));
}

const REPORT_HTML: &[u8] = include_bytes!("../../../examples/report.html");

#[test]
fn report_html_gives_the_same_article_as_report_txt() {
    let txt = run(REPORT_TXT).expect("article from text");
    let html = run(REPORT_HTML).expect("article from HTML");
    assert_eq!(html.text, txt.text);
    assert_eq!(html.published, txt.published);
    assert_eq!(html.source.name, txt.source.name);
    assert_eq!(html.language, txt.language);
    assert_eq!(html.title.as_deref(), Some("Kazakhstan ready to expand grain exports to Egypt"));
    assert_eq!(
        html.source.url.as_deref(),
        Some("https://astana-times.example/politics/kazakhstan-egypt-grain")
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Fragments that stress the HTML and cleanup paths when shuffled together.
    const PIECES: &[&str] = &[
        "<div class='share'>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<script>",
        "</script>",
        "<a href=x>",
        "</a>",
        "<br>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<nav>",
        "</nav>",
        "<!--",
        "-->",
        "said President Tokayev.He",
        "so.\"Then",
        "News.Az reports.",
        " date 2024-08-19 + ↺ − 16 px\n",
        "İ",
        "\u{FFFD}",
        "Read more: x\n",
        "\n\nExample.com\n",
        "“Trade",
        ":\"",
        "4.5",
        "U.S.",
        "&amp;",
        "&#x1F600;",
        "\0",
        "\r\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = run(&bytes);
        }

        #[test]
        fn shuffled_markup(idx in proptest::collection::vec(0..PIECES.len(), 0..200), html in any::<bool>()) {
            let mut page: String = idx.iter().map(|&i| PIECES[i]).collect();
            if html {
                page.insert_str(0, "<html><body>");
            }
            if let Ok(a) = run(page.as_bytes()) {
                prop_assert!(!a.text.starts_with(char::is_whitespace));
                prop_assert!(!a.text.ends_with(char::is_whitespace));
            }
        }
    }
}

#[test]
fn declared_language_yields_to_a_long_text() {
    let para = "<p>Die Regierung hat am Montag neue Maßnahmen zur Unterstützung der Landwirte angekündigt, \
                nachdem die Ernte in diesem Jahr wegen der Trockenheit deutlich schlechter ausgefallen ist.</p>";
    let page = format!("<html lang=\"en\"><body><article>{}</article></body></html>", para.repeat(4));
    let a = run(page.as_bytes()).expect("article");
    assert_eq!(a.language, "de");
    assert!(a.diagnostics.iter().any(|d| d.kind == "language-mismatch"));
    let short = run(b"<html lang=\"fr\"><body><p>Le conseil a vot\xC3\xA9 le budget.</p></body></html>")
        .expect("article");
    assert_eq!(short.language, "fr");
}
