//! Search latency straight on a store (no HTTP): the queries of
//! `scripts/bench-store-search.py`, each run ROUNDS times; prints per-query median and max
//! and the overall p50/p99, so a slow query can be found without a server.
//!
//! `cargo run --release -p newsdesk-store --example bench_search -- STORE_DIR [ROUNDS]`

use newsdesk_store::{SearchQuery, Store};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else { return Err("usage: bench_search STORE_DIR [ROUNDS]".into()) };
    let rounds: usize = args.get(1).map(|r| r.parse()).transpose()?.unwrap_or(10).max(1);
    let store = Store::open_reader(dir.as_ref())?;
    let q = |text: &str| SearchQuery { text: text.into(), limit: 20, ..Default::default() };
    let queries = [
        q("president"),
        q("police said"),
        q("market shares"),
        q("the"),
        SearchQuery { from: Some("2019-01-01".into()), ..q("election") },
        SearchQuery { entity: Some("Donald Trump".into()), ..q("") },
        SearchQuery { speaker: Some("Trump".into()), ..q("") },
        SearchQuery { entity: Some("Beijing".into()), ..q("china") },
        q("edition regional bulletin"),
        q("zzyzx"),
    ];
    let mut all = Vec::new();
    for query in &queries {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            hits = store.search(query)?.len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:>7.2} ms median {:>7.2} ms max  {hits:>2} hits  {:?} entity={:?} speaker={:?} from={:?}",
            times[times.len() / 2],
            times[times.len() - 1],
            query.text,
            query.entity,
            query.speaker,
            query.from
        );
        all.extend(times);
    }
    for speaker in [None, Some("Trump".to_string())] {
        let query = newsdesk_store::QuoteQuery { speaker, limit: 20, offset: 0 };
        let t = Instant::now();
        let n = store.quotes(&query)?.len();
        println!("{:>7.2} ms  {n:>2} quotes  speaker={:?}", t.elapsed().as_secs_f64() * 1e3, query.speaker);
    }
    all.sort_by(f64::total_cmp);
    let pick = |p: f64| all[((p * all.len() as f64) as usize).min(all.len() - 1)];
    println!("p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms", pick(0.5), pick(0.99), all[all.len() - 1]);
    Ok(())
}
