//! Store writer microbenchmark: writes N distinct copies (own URL, own closing sentence) of
//! pre-analysed documents into a fresh store in ingest-sized batches, timing only the store
//! calls. Isolates the writer from analysis and from other load on the machine, which
//! end-to-end ingest figures cannot. Make the input once with the CLI's `analyse_corpus`
//! example.
//!
//! `cargo run --release -p newsdesk-store --example bench_writer -- DOCS.jsonl N STORE_DIR [BATCH]`
//! prints writer ms/doc overall and per tenth of the run (the cost as the store grows).

use newsdesk_model::Document;
use newsdesk_store::{Inserted, Store};
use std::io::BufRead;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [docs, n, store_dir, rest @ ..] = args.as_slice() else {
        return Err("usage: bench_writer DOCS.jsonl N STORE_DIR [BATCH]".into());
    };
    let n: usize = n.parse()?;
    let batch: usize = rest.first().map(|b| b.parse()).transpose()?.unwrap_or(1024);
    let docs: Vec<Document> = std::io::BufReader::new(std::fs::File::open(docs)?)
        .lines()
        .map(|l| Ok(serde_json::from_str(&l?)?))
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;
    if docs.is_empty() {
        return Err("no documents".into());
    }
    eprintln!("writing {n} documents from {} in batches of {batch}", docs.len());
    let mut store = Store::open(store_dir.as_ref())?;
    let tenth = (n / 10).max(1);
    let (mut total, mut part, mut stored) = (Duration::ZERO, Duration::ZERO, 0usize);
    let mut pending = Vec::with_capacity(batch);
    for i in 0..n {
        let mut doc = docs[i % docs.len()].clone();
        doc.text.push_str(&format!(" Edition {i} of the regional bulletin."));
        doc.id.clear();
        pending.push((doc, Some(format!("https://bench.example/{}/{i}", i % docs.len()))));
        if pending.len() == batch || i + 1 == n {
            let t = Instant::now();
            let out = store.insert_fetched(&pending)?;
            let spent = t.elapsed();
            total += spent;
            part += spent;
            stored += out.iter().filter(|r| matches!(r, Inserted::Stored { .. })).count();
            pending.clear();
        }
        if (i + 1) % tenth == 0 {
            eprintln!("  docs {:>7}: {:.3} ms/doc", i + 1, part.as_secs_f64() * 1e3 / tenth as f64);
            part = Duration::ZERO;
        }
    }
    println!(
        "{stored} stored of {n}; writer {:.1} s = {:.3} ms/doc",
        total.as_secs_f64(),
        total.as_secs_f64() * 1e3 / n as f64
    );
    Ok(())
}
