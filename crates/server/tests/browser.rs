//! The reader in Debian's headless chromium: open the example article, press font size +,
//! see the text grow and stay grown after a reload, save a screenshot; and prove script in
//! a hostile article does not run. Installs chromium with scripts/install-chromium.sh when
//! missing; skips loudly only when it cannot be installed.

mod common;

use common::{http, page, spawn_server};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium_available() -> bool {
    if Path::new("/usr/bin/chromium").exists() {
        return true;
    }
    let installed = Command::new("sh").arg(repo().join("scripts/install-chromium.sh")).status();
    installed.is_ok_and(|s| s.success()) && Path::new("/usr/bin/chromium").exists()
}

/// Stores `text` through the API and returns the reader URL of its article page.
fn store(addr: std::net::SocketAddr, url: &str, text: &str) -> String {
    let (status, body) = http(addr, "POST", "/api/documents", Some(&page(url, text)), None);
    assert_eq!(status, 201, "{body}");
    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"].as_str().unwrap().to_string();
    format!("http://{addr}/documents/{id}")
}

fn browse(url: &str, screenshot: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(repo().join("scripts/browser-check.py"))
        .arg(url)
        .arg(screenshot)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "browser-check failed: {stdout} {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(stdout.trim()).expect("one JSON line")
}

#[test]
fn font_size_grows_is_remembered_and_hostile_script_does_not_run() {
    if !chromium_available() {
        eprintln!("\n\n*** SKIPPED: chromium is missing and scripts/install-chromium.sh could not install it ***\n\n");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let addr = spawn_server(dir.path(), None);
    let report = std::fs::read_to_string(repo().join("examples/report.txt")).expect("examples/report.txt");
    let article = store(addr, "https://example.org/report", &report);
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reader-article.png");
    let r = browse(&article, &shot);
    let (before, after, reload) =
        (r["before"].as_f64().unwrap(), r["after"].as_f64().unwrap(), r["after_reload"].as_f64().unwrap());
    assert!(after > before, "font size + made the text grow: {r}");
    assert_eq!(reload, after, "the size is remembered across a reload: {r}");
    assert_eq!(r["href_after_click"].as_str(), Some(article.as_str()), "the click was handled in place: {r}");
    assert!(
        std::fs::metadata(&shot).map(|m| m.len() > 1000).unwrap_or(false),
        "screenshot saved at {}",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());

    let hostile = "The council met. <script>window.__xss=1</script> <img src=x onerror=\"window.__xss=2\"> \
        \"<svg onload=window.__xss=3>\" the mayor said.";
    let r = browse(
        &store(addr, "https://example.org/hostile", hostile),
        &shot.with_file_name("reader-hostile.png"),
    );
    assert_eq!(r["xss"].as_str(), Some("undefined"), "no injected script ran: {r}");
}
