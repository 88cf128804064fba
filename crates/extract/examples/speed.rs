//! Times extraction over a folder of decompressed HTML pages, single-threaded (profiling aid):
//! `cargo run --release -p newsdesk-extract --example speed -- DIR [PASSES]`

use newsdesk_extract::{extract, Format, Options};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| ".".into());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(3);
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if let Ok(b) = std::fs::read(entry.path()) {
            pages.push(b);
        }
    }
    if std::env::var_os("STAGES").is_some() {
        for _ in 0..3 {
            stages(&pages);
        }
    }
    if std::env::var_os("LANGS").is_some() {
        for p in &pages {
            let a = extract(p, &Options { url: None, format: Some(Format::Html) });
            println!("{}", a.map(|a| a.language).unwrap_or_default());
        }
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let opts = Options { url: None, format: Some(Format::Html) };
    let mut best = f64::INFINITY;
    let mut chars = 0usize;
    for _ in 0..passes {
        let start = Instant::now();
        chars = 0;
        for p in &pages {
            chars += extract(p, &opts).map(|a| a.text.len()).unwrap_or(0);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {:.1} MB: {:.1} pages/s, {:.1} MB/s ({} text bytes)",
        pages.len(),
        bytes as f64 / 1e6,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        chars
    );
}

/// Per-stage timing.
pub fn stages(pages: &[Vec<u8>]) {
    use newsdesk_extract::html::{flat, main_text};
    let mut t = [0f64; 5];
    for p in pages {
        let mut d = Vec::new();
        let s = Instant::now();
        let decoded = newsdesk_extract::decode::decode(p, &mut d);
        t[0] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let mut f = flat::flatten(&decoded);
        t[1] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let paras = main_text::paragraphs(&f);
        let meta = std::mem::take(&mut f.meta).finish(None);
        t[2] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let c = newsdesk_extract::text::clean_paragraphs(paras, meta.site_name.as_deref(), &mut d);
        t[3] += s.elapsed().as_secs_f64();
        let text = c.paragraphs.join("\n\n");
        let s = Instant::now();
        let mut k = text.len().min(4096);
        while !text.is_char_boundary(k) {
            k -= 1;
        }
        let _ = whatlang::detect(&text[..k]);
        t[4] += s.elapsed().as_secs_f64();
    }
    let n = pages.len() as f64;
    for (name, v) in ["decode", "flatten", "main+meta", "clean", "lang"].iter().zip(t) {
        println!("{name:10} {:8.1} µs/page", v * 1e6 / n);
    }
}
