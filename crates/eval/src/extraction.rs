//! Main-text extraction quality on an article-extraction benchmark folder (Scrapinghub layout:
//! `html/<key>.html.gz` and `ground-truth.json` mapping key → `{url, articleBody}`), scored
//! with the benchmark's own metric: `\w+` tokens, 4-token shingles counted as multisets,
//! per-document TP/FP/FN normalised to sum 1, precision and recall averaged over documents
//! (skipping documents where they are undefined), F1 from the two averages.

use flate2::read::GzDecoder;
use newsdesk_extract::{extract, Format, Options};
use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Decompressed pages larger than this are cut (a bound on hostile gzip).
const MAX_PAGE_BYTES: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} is not the benchmark's ground truth ({source}); expected {{key: {{url, articleBody}}}}")]
    Json { path: PathBuf, source: serde_json::Error },
}

/// One benchmark page.
#[derive(Debug, Clone)]
pub struct Page {
    pub key: String,
    pub url: Option<String>,
    pub html: Vec<u8>,
    pub truth: String,
}

#[derive(serde::Deserialize)]
struct Truth {
    url: Option<String>,
    #[serde(rename = "articleBody", default)]
    article_body: String,
}

/// Reads every page of the benchmark folder `dir`, sorted by key.
pub fn load(dir: &Path) -> Result<Vec<Page>, Error> {
    let gt_path = dir.join("ground-truth.json");
    let raw = std::fs::read(&gt_path).map_err(|source| Error::Io { path: gt_path.clone(), source })?;
    let truth: HashMap<String, Truth> =
        serde_json::from_slice(&raw).map_err(|source| Error::Json { path: gt_path.clone(), source })?;
    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    let mut pages = Vec::with_capacity(keys.len());
    for key in keys {
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let file = std::fs::File::open(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let mut html = Vec::new();
        GzDecoder::new(file)
            .take(MAX_PAGE_BYTES)
            .read_to_end(&mut html)
            .map_err(|source| Error::Io { path: path.clone(), source })?;
        let t = &truth[key];
        pages.push(Page { key: key.clone(), url: t.url.clone(), html, truth: t.article_body.clone() });
    }
    Ok(pages)
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("static regex"));

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = 4.min(tokens.len());
    for w in tokens.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Normalised (tp, fp, fn) of one document, as the benchmark computes them.
pub fn shingle_match(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn precision(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// The score of one document.
#[derive(Debug, Clone)]
pub struct DocScore {
    pub key: String,
    pub url: Option<String>,
    pub precision: f64,
    pub recall: f64,
    tp_fp_fn: (f64, f64, f64),
}

impl DocScore {
    pub fn f1(&self) -> f64 {
        let s = self.precision + self.recall;
        if s > 0.0 {
            2.0 * self.precision * self.recall / s
        } else {
            0.0
        }
    }
}

/// Corpus-level scores.
#[derive(Debug, Clone)]
pub struct Report {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub docs: Vec<DocScore>,
}

impl Report {
    /// The `n` documents with the lowest F1.
    pub fn worst(&self, n: usize) -> Vec<&DocScore> {
        let mut d: Vec<&DocScore> = self.docs.iter().collect();
        d.sort_by(|a, b| a.f1().total_cmp(&b.f1()));
        d.truncate(n);
        d
    }
}

/// Scores predictions (`key`, text) against the pages' ground truth.
pub fn score(pages: &[Page], predictions: &[String]) -> Report {
    let docs: Vec<DocScore> = pages
        .iter()
        .zip(predictions)
        .map(|(page, pred)| {
            let m = shingle_match(&page.truth, pred);
            DocScore {
                key: page.key.clone(),
                url: page.url.clone(),
                precision: precision(m.0, m.1, m.2),
                recall: recall(m.0, m.1, m.2),
                tp_fp_fn: m,
            }
        })
        .collect();
    let mean = |xs: Vec<f64>| if xs.is_empty() { 0.0 } else { xs.iter().sum::<f64>() / xs.len() as f64 };
    let p = mean(docs.iter().filter(|d| d.tp_fp_fn.0 + d.tp_fp_fn.1 > 0.0).map(|d| d.precision).collect());
    let r = mean(docs.iter().filter(|d| d.tp_fp_fn.0 + d.tp_fp_fn.2 > 0.0).map(|d| d.recall).collect());
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Report { precision: p, recall: r, f1, docs }
}

/// newsdesk's article body for one page ("" when extraction refuses the page).
pub fn newsdesk_body(page: &Page) -> String {
    let opts = Options { url: page.url.clone(), format: Some(Format::Html) };
    extract(&page.html, &opts).map(|a| a.text).unwrap_or_default()
}

/// Runs newsdesk on every page and scores it.
pub fn evaluate(pages: &[Page]) -> Report {
    let predictions: Vec<String> = pages.iter().map(newsdesk_body).collect();
    score(pages, &predictions)
}

/// An extractor that `newsdesk bench extraction` runs in-process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Newsdesk,
    /// The crates.io port of trafilatura (only with the `peers` feature).
    RsTrafilatura,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Newsdesk => "newsdesk",
            Engine::RsTrafilatura => "rs-trafilatura",
        }
    }
}

/// One engine's pass over the pages: timing, memory and what it extracted.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Run {
    pub engine: String,
    pub version: String,
    /// Wall time of all passes, single-threaded, pages already in memory.
    pub seconds: f64,
    /// Wall time of the fastest pass (the least disturbed by other load on the machine).
    pub best_pass_seconds: f64,
    pub passes: usize,
    pub pages: usize,
    /// HTML bytes of one pass.
    pub bytes: usize,
    /// Peak resident memory of the process that ran the engine, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Key → extracted text (from the first pass).
    pub outputs: HashMap<String, String>,
}

/// The peak resident memory of this process (Linux `VmHWM`), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(feature = "peers")]
fn rs_trafilatura_body(page: &Page) -> String {
    rs_trafilatura::extract_bytes(&page.html).map(|r| r.content_text).unwrap_or_default()
}

#[cfg(not(feature = "peers"))]
fn rs_trafilatura_body(_page: &Page) -> String {
    String::new()
}

/// Whether `engine` is compiled into this binary.
pub fn available(engine: Engine) -> bool {
    engine == Engine::Newsdesk || cfg!(feature = "peers")
}

/// Runs `engine` over all pages `passes` times on this thread.
pub fn run(engine: Engine, pages: &[Page], passes: usize) -> Run {
    let body = match engine {
        Engine::Newsdesk => newsdesk_body,
        Engine::RsTrafilatura => rs_trafilatura_body,
    };
    let passes = passes.max(1);
    let mut outputs = HashMap::new();
    let start = std::time::Instant::now();
    let mut best_pass_seconds = f64::INFINITY;
    for pass in 0..passes {
        let pass_start = std::time::Instant::now();
        for page in pages {
            let text = body(page);
            if pass == 0 {
                outputs.insert(page.key.clone(), text);
            }
        }
        best_pass_seconds = best_pass_seconds.min(pass_start.elapsed().as_secs_f64());
    }
    let seconds = start.elapsed().as_secs_f64();
    let version = match engine {
        Engine::Newsdesk => env!("CARGO_PKG_VERSION").to_string(),
        Engine::RsTrafilatura => "0.2".to_string(),
    };
    Run {
        engine: engine.name().to_string(),
        version,
        seconds,
        best_pass_seconds,
        passes,
        pages: pages.len(),
        bytes: pages.iter().map(|p| p.html.len()).sum(),
        peak_rss_kib: peak_rss_kib(),
        outputs,
    }
}

/// Scores a run's outputs against the pages (missing keys count as empty output).
pub fn score_run(pages: &[Page], run: &Run) -> Report {
    let predictions: Vec<String> =
        pages.iter().map(|p| run.outputs.get(&p.key).cloned().unwrap_or_default()).collect();
    score(pages, &predictions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(truth: &str, predicted: &str, expected: (f64, f64)) {
        let m = shingle_match(truth, predicted);
        let got = (precision(m.0, m.1, m.2), recall(m.0, m.1, m.2));
        assert!(
            (got.0 - expected.0).abs() < 1e-9 && (got.1 - expected.1).abs() < 1e-9,
            "{truth:?} vs {predicted:?}: {got:?}"
        );
    }

    #[test]
    fn metric() {
        check("a b c d e", "a b c d e", (1.0, 1.0));
        check("a b c d e", "", (0.0, 0.0));
        check("a b c d e", "a b c d", (1.0, 0.5));
        check("a b c d", "a b c d e f", (1.0 / 3.0, 1.0));
        check("one two", "one two", (1.0, 1.0));
        check("", "", (1.0, 1.0));
    }
}
