//! The HTML pages the differential tests run on: the repo's fixtures and, when this machine
//! has it, the article-extraction corpus (CI does; clones may not).
#![allow(dead_code)] // each test file uses part of it
use std::path::{Path, PathBuf};

/// Every `.html`/`.htm`/`.html.gz` file under `dir`, recursively, sorted.
fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.to_string_lossy();
        if path.is_dir() {
            html_files(&path, out);
        } else if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".html.gz") {
            out.push(path);
        }
    }
    out.sort();
}

/// The HTML fixtures of the repo (`crates/extract/tests`, `examples`).
pub fn repo_fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    html_files(&root.join("tests"), &mut paths);
    html_files(&root.join("../../examples"), &mut paths);
    paths
}

/// The article-extraction corpus (`NEWSDESK_EXTRACTION_CORPUS`, by default
/// `/work/shared/data/article-extraction`); empty when it is not there.
pub fn extraction_corpus() -> Vec<PathBuf> {
    let dir = std::env::var("NEWSDESK_EXTRACTION_CORPUS")
        .unwrap_or_else(|_| "/work/shared/data/article-extraction".to_string());
    let mut paths = Vec::new();
    html_files(Path::new(&dir), &mut paths);
    paths
}

/// A page decompressed (`.gz`) and decoded as `extract` decodes it.
pub fn read(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let bytes = if path.to_string_lossy().ends_with(".gz") {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out).ok()?;
        out
    } else {
        bytes
    };
    Some(newsdesk_extract::decode::decode(&bytes, &mut Vec::new()).into_owned())
}
