//! Analyses each page of an HTML corpus once and writes the documents (engine form, byte
//! offsets) as JSON Lines, the input of the store's writer microbenchmark
//! (`crates/store/examples/bench_writer.rs`), which then times the store alone.
//!
//! `cargo run --release -p newsdesk-cli --example analyse_corpus -- CORPUS_DIR OUT.jsonl`

use newsdesk_extract::Options;
use newsdesk_model::Document;
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = args.as_slice() else {
        anyhow::bail!("usage: analyse_corpus CORPUS_DIR OUT.jsonl");
    };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(corpus)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let docs: Vec<Document> = files
        .par_iter()
        .filter_map(|f| {
            let raw = std::fs::read(f).ok()?;
            let bytes = if f.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                // Bounded like `newsdesk analyze`'s input: a hostile archive cannot fill memory.
                flate2::read::MultiGzDecoder::new(&raw[..]).take(256 << 20).read_to_end(&mut out).ok()?;
                out
            } else {
                raw
            };
            let article = newsdesk_extract::extract(&bytes, &Options::default()).ok()?;
            (!article.text.trim().is_empty()).then(|| newsdesk_analyze::analyze(&article))
        })
        .collect();
    anyhow::ensure!(!docs.is_empty(), "no pages in {corpus}");
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for doc in &docs {
        serde_json::to_writer(&mut w, doc)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    eprintln!("analysed {} pages into {out}", docs.len());

    Ok(())
}
