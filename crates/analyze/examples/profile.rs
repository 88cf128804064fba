//! Per-stage cost of analysis over many real texts: a profiling harness, not a test.
//!
//! ```text
//! cargo run --release -p newsdesk-analyze --example profile -- [--rounds N] [--once] DIR_OR_FILE...
//! ```
//!
//! Every `*.txt` file under the given directories is analysed as one article (published
//! 2016-11-08, so relative dates resolve). Without `--once` the stages run one by one, as
//! `analyze` runs them, and the time of each is reported per document (best round of N, since
//! other processes share the cores). Under `valgrind --tool=callgrind` with `--rounds 1`, the
//! inclusive instruction counts of the `stage_*` functions are the figures to compare (wall
//! clock on a shared machine is noisy). With `--once` it just calls `analyze` on every text;
//! with `--dump` it prints each document's JSON, to check that a change keeps output identical.

use newsdesk_model::{Amount, Article, DateMention, Document, Entity, Event};
use newsdesk_segment::{Segmentation, TokenText};
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

// One function per stage, never inlined, so that callgrind's inclusive count of each is the
// stage's cost (`callgrind_annotate --inclusive=yes`, look for `profile::stage_`).
#[inline(never)]
fn stage_segment(text: &str) -> Segmentation {
    newsdesk_segment::segment(text)
}

#[inline(never)]
fn stage_entities(text: &str, seg: &Segmentation) -> Vec<Entity> {
    newsdesk_entities::recognize(text, seg)
}

#[inline(never)]
fn stage_quotes(doc: &mut Document, seg: &Segmentation) {
    let attribution = newsdesk_quotes::attribute(&doc.text, seg, &doc.entities);
    doc.quotes = attribution.quotes;
    for (id, mention) in attribution.mentions {
        if let Some(entity) = doc.entities.iter_mut().find(|e| e.id == id) {
            if !entity.mentions.iter().any(|m| m.span().overlaps(mention.span())) {
                entity.mentions.push(mention);
                entity.mentions.sort_by_key(|m| (m.start, m.end));
            }
        }
    }
}

/// Amounts and dates share one token view per sentence; building it is counted here.
#[inline(never)]
fn stage_amounts<'t>(text: &'t str, seg: &Segmentation) -> (Vec<Amount>, Vec<Vec<TokenText<'t>>>) {
    let views = seg.sentence_token_texts(text);
    (newsdesk_amounts::find_in(text, &views), views)
}

#[inline(never)]
fn stage_dates(text: &str, views: &[Vec<TokenText>], published: Option<&str>) -> Vec<DateMention> {
    newsdesk_dates::find_in(text, views, published)
}

#[inline(never)]
fn stage_events(doc: &Document, seg: &Segmentation) -> Vec<Event> {
    newsdesk_events::detect(doc, seg)
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
    let seg = stage_segment(text);
    doc.sentences = seg.sentences.clone();
    lap(0, times);
    doc.entities = stage_entities(text, &seg);
    lap(1, times);
    stage_quotes(&mut doc, &seg);
    lap(2, times);
    let (amounts, views) = stage_amounts(text, &seg);
    doc.amounts = amounts;
    lap(3, times);
    doc.dates = stage_dates(text, &views, article.published.as_deref());
    lap(4, times);
    doc.events = stage_events(&doc, &seg);
    lap(5, times);
    doc
}

fn main() {
    let mut rounds = 5;
    let mut once = false;
    let mut dump = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--once" => once = true,
            "--dump" => dump = true,
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
    if dump {
        for a in &articles {
            println!("{}", newsdesk_model::wire::to_json(&newsdesk_analyze::analyze(a), false));
        }
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
