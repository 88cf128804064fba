//! The JSON API and the reader against a real server on loopback: status codes, errors as
//! JSON, authentication, escaping of hostile content, and a bounded load test.

mod common;

use common::{http, page, spawn_server};

const STORY: &str = "Harbour officials reopened the north pier on Monday. \"The pier is safe again,\" \
harbour master Ilse Brandt said. The repairs cost 2 million euros.";

/// (method, path, body, token, expected status, expected text in the body)
type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, u16, &'a str);

#[test]
fn api_statuses_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let addr = spawn_server(dir.path(), Some("s3cret"));
    let body = page("https://example.net/pier", STORY);
    let (status, stored) = http(addr, "POST", "/api/documents", Some(&body), Some("s3cret"));
    assert_eq!(status, 201, "{stored}");
    let id = serde_json::from_str::<serde_json::Value>(&stored).unwrap()["id"].as_str().unwrap().to_string();
    let doc_path = format!("/api/documents/{id}");
    let too_big = format!("{{\"text\":\"{}\"}}", "a".repeat(9 * 1024 * 1024));
    let cases: Vec<Case> = vec![
        ("GET", "/openapi.json", None, None, 200, "\"openapi\""),
        ("POST", "/api/analyze", Some(&body), None, 200, "newsdesk.document/1"),
        ("POST", "/api/analyze", Some("{not json"), None, 400, "\"error\""),
        ("POST", "/api/analyze", Some("{\"url\":\"x\"}"), None, 400, "html"),
        ("POST", "/api/analyze", Some(&too_big), None, 413, ""),
        ("POST", "/api/documents", Some(&body), None, 401, "Bearer"),
        ("POST", "/api/documents", Some(&body), Some("wrong"), 401, "Bearer"),
        ("POST", "/api/documents", Some(&body), Some("s3cret"), 200, "duplicate-url"),
        ("GET", &doc_path, None, None, 200, "Ilse Brandt"),
        ("GET", "/api/documents/nope", None, None, 404, "\"error\""),
        ("GET", "/api/search?q=pier", None, None, 200, "example.net/pier"),
        ("GET", "/api/search?q=pier&from=2020-13", None, None, 400, "YYYY-MM-DD"),
        ("GET", "/api/search?q=pier&limit=100000", None, None, 400, "limit"),
        ("GET", "/api/search?q=absentword", None, None, 200, "\"hits\":[]"),
        ("GET", "/api/quotes?speaker=Brandt", None, None, 200, "\"quotes\""),
        ("GET", "/api/entities/notanumber", None, None, 400, "integer"),
        ("GET", "/api/entities/999999", None, None, 404, "\"error\""),
        ("GET", "/api/nothing", None, None, 404, "openapi"),
        ("GET", "/?q=pier", None, None, 200, "north"),
        ("GET", "/quotes", None, None, 200, "Quotes"),
    ];
    for (method, path, body, token, status, needle) in cases {
        let (got, text) = http(addr, method, path, body, token);
        assert_eq!(got, status, "{method} {path}: {}", &text[..text.len().min(300)]);
        assert!(text.contains(needle), "{method} {path}: {needle:?} not in {}", &text[..text.len().min(300)]);
    }
}

#[test]
fn hostile_article_is_escaped_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let addr = spawn_server(dir.path(), None);
    let hostile = "The council met on Tuesday. <script>window.__xss=1</script> \
        \"<img src=x onerror=\"window.__xss=2\">\" the mayor said. <a href=\"javascript:alert(1)\">link</a>";
    let (status, stored) =
        http(addr, "POST", "/api/documents", Some(&page("https://example.net/x", hostile)), None);
    assert_eq!(status, 201, "{stored}");
    let id = serde_json::from_str::<serde_json::Value>(&stored).unwrap()["id"].as_str().unwrap().to_string();
    let (status, html) = http(addr, "GET", &format!("/documents/{id}"), None, None);
    assert_eq!(status, 200);
    for forbidden in ["<script>window", "<img", "onerror=\"", "<a href=\"javascript"] {
        assert!(!html.contains(forbidden), "{forbidden:?} reached the page unescaped");
    }
    assert!(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "the text is shown, escaped");
    assert_eq!(html.matches("<script").count(), 1, "only the page's own script");
    for path in ["/?q=council", "/quotes"] {
        let (_, page) = http(addr, "GET", path, None, None);
        assert!(!page.contains("<script>window") && !page.contains("<img"), "{path} escapes content");
    }
}

#[test]
fn concurrent_searches_while_ingesting_have_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let addr = spawn_server(dir.path(), None);
    let writer = std::thread::spawn(move || {
        let mut errors = 0;
        for i in 0..60 {
            let text =
                format!("Story number {i}. The ferry to island {i} left late, officials said on Monday.");
            let (status, _) = http(
                addr,
                "POST",
                "/api/documents",
                Some(&page(&format!("https://example.net/{i}"), &text)),
                None,
            );
            errors += usize::from(status != 201);
        }
        errors
    });
    let readers: Vec<_> = (0..6)
        .map(|t| {
            std::thread::spawn(move || {
                let mut errors = 0;
                for i in 0..60 {
                    let path = match i % 3 {
                        0 => "/api/search?q=ferry+island".to_string(),
                        1 => format!("/api/search?q=story&limit={}", 1 + (i + t) % 50),
                        _ => "/?q=officials".to_string(),
                    };
                    let (status, _) = http(addr, "GET", &path, None, None);
                    errors += usize::from(status != 200);
                }
                errors
            })
        })
        .collect();
    let read_errors: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert_eq!(writer.join().unwrap(), 0, "write errors");
    assert_eq!(read_errors, 0, "search errors");
    let (_, hits) = http(addr, "GET", "/api/search?q=ferry&limit=100", None, None);
    assert_eq!(hits.matches("\"id\"").count(), 60);
}
