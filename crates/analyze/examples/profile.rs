//! Per-stage cost of analysis over many real texts: a profiling harness, not a test.
//!
//! ```text
//! cargo run --release -p newsdesk-analyze --example profile -- [--rounds N] [--once] DIR_OR_FILE...
//! ```
//!
//! Every `*.txt` file under the given directories is analysed as one article (published
//! 2016-11-08, so relative dates resolve). Without `--once` the stages run one by one, as
//! `analyze` runs them, and the time of each is reported per document (best round of N, since
//! other processes share the cores). With `--once` it just calls `analyze` on every text once:
//! the form to run under `valgrind --tool=callgrind`, whose inclusive instruction counts per
//! stage function are the figures to compare (wall clock on a shared machine is noisy).

use newsdesk_model::{Article, Document};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const STAGES: [&str; 6] = ["segment", "entities", "quotes", "amounts", "dates", "events"];

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            collect(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_path_buf());
    }
}

/// The stages of `newsdesk_analyze::analyze`, each timed into `times`.
fn staged(article: &Article, times: &mut [Duration; 6]) -> Document {
    let mut doc = Document::from_article(article);
    let text = article.text.as_str();
    let mut clock = Instant::now();
    let mut lap = |i: usize, times: &mut [Duration; 6]| {
        let now = Instant::now();
        times[i] += now - clock;
        clock = now;
    };
    let seg = newsdesk_segment::segment(text);
    doc.sentences = seg.sentences.clone();
    lap(0, times);
    doc.entities = newsdesk_entities::recognize(text, &seg);
    lap(1, times);
    let attribution = newsdesk_quotes::attribute(text, &seg, &doc.entities);
    doc.quotes = attribution.quotes;
    for (id, mention) in attribution.mentions {
        if let Some(entity) = doc.entities.iter_mut().find(|e| e.id == id) {
            if !entity.mentions.iter().any(|m| m.span().overlaps(mention.span())) {
                entity.mentions.push(mention);
                entity.mentions.sort_by_key(|m| (m.start, m.end));
            }
        }
    }
    lap(2, times);
    doc.amounts = newsdesk_amounts::find(text, &seg);
    lap(3, times);
    doc.dates = newsdesk_dates::find(text, &seg, article.published.as_deref());
    lap(4, times);
    doc.events = newsdesk_events::detect(&doc, &seg);
    lap(5, times);
    doc
}

fn main() {
    let mut rounds = 5;
    let mut once = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--once" => once = true,
            p => collect(Path::new(p), &mut files),
        }
    }
    let articles: Vec<Article> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| Article { text, published: Some("2016-11-08".into()), ..Default::default() })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    eprintln!("{} texts, {} bytes", articles.len(), bytes);
    if once {
        let n: usize = articles.iter().map(|a| newsdesk_analyze::analyze(a).entities.len()).sum();
        eprintln!("{n} entities");
        return;
    }
    let mut best = [Duration::MAX; 6];
    let mut best_total = Duration::MAX;
    for _ in 0..rounds {
        let mut times = [Duration::ZERO; 6];
        let start = Instant::now();
        for a in &articles {
            std::hint::black_box(staged(a, &mut times));
        }
        best_total = best_total.min(start.elapsed());
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let per_doc = |d: Duration| d.as_secs_f64() * 1e3 / articles.len().max(1) as f64;
    for (name, t) in STAGES.iter().zip(best) {
        println!("{name:<9} {:>7.3} ms/doc", per_doc(t));
    }
    println!("{:<9} {:>7.3} ms/doc (best of {rounds} rounds)", "total", per_doc(best_total));
}
