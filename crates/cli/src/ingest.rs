//! `newsdesk ingest PATH...`: pages in, analysed documents into the store.
//!
//! Three stages joined by bounded channels, so memory stays flat on any input size:
//! one reader thread streams pages (skipping URLs already stored: resumable), every core
//! extracts and analyses (rayon), and one writer thread commits batches. A document is
//! reported stored (`--list`) only after its batch committed durably.

use crate::backend::{self, Backend};
use crate::pages::{self, Item, Page};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsdesk_extract::Options;
use newsdesk_model::Document;
use newsdesk_store::{Inserted, Store};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories: HTML or text pages, `.jsonl` ({url, html} or {url, text} per
    /// line), `.warc` / `.warc.gz`; any of them may be gzipped (`.gz`).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The store directory, or a `postgres://user@host/db` URL (the PostgreSQL store).
    #[arg(long, default_value = newsdesk_store::DEFAULT_DIR)]
    store: PathBuf,
    /// Print `stored<TAB>id<TAB>url` on standard output for each document once it is durable.
    #[arg(long)]
    list: bool,
    /// Documents per transaction (a batch also commits after two seconds). Larger batches
    /// write each touched index page once for many documents.
    #[arg(long, default_value_t = 1024)]
    batch: usize,
    /// Analysis threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
}

/// What a worker hands the writer.
enum Outcome {
    /// The analysed document and the URL its page was fetched from.
    Doc(Box<Document>, Option<String>),
    Duplicate,
    Bad {
        origin: String,
        reason: String,
    },
}

#[derive(Default)]
struct Totals {
    stored: u64,
    duplicates: u64,
    bad: u64,
    /// Time the writer spent inside store transactions.
    writing: Duration,
    /// CPU time the writer thread used inside them (Linux), to tell work from waiting.
    writing_cpu: Option<Duration>,
}

/// CPU time (user + system) of the calling thread, from `/proc/thread-self/stat` (Linux;
/// clock ticks of 10 ms); `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state, field 3.
    let rest = stat.rsplit_once(')')?.1;
    // utime and stime are fields 14 and 15.
    let mut times = rest.split_whitespace().skip(11).map(|f| f.parse::<u64>().ok());
    let ticks = times.next()?? + times.next()??;
    Some(Duration::from_millis(ticks * 10))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store = Backend::open(&args.store)?;
    let files = pages::files(&args.paths).context("listing inputs")?;
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let bar = progress_bar(total_bytes);
    let read_bytes = Arc::new(AtomicU64::new(0));
    let cores = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(cores.max(1)).build()?;

    let (page_tx, page_rx) = sync_channel::<Item>(cores * 4);
    // Room for one batch: workers keep analysing while the writer commits the previous one.
    let (out_tx, out_rx) = sync_channel::<Outcome>(args.batch.clamp(1, 1024));

    // Reader: stream pages; URLs already in the store are skipped before any analysis.
    let reader = {
        let dir = args.store.clone();
        let count = Arc::clone(&read_bytes);
        let out_tx = out_tx.clone();
        std::thread::spawn(move || -> Result<()> {
            let mut known = Backend::open_reader(&dir)?;
            let mut seen = HashSet::new();
            for file in files {
                let mut emit = |item: Item| {
                    if let Item::Page(Page { url: Some(url), .. }) = &item {
                        if !seen.insert(url.clone()) || known.contains_url(url).unwrap_or(false) {
                            return out_tx.send(Outcome::Duplicate).is_ok();
                        }
                    }
                    page_tx.send(item).is_ok()
                };
                if let Err(e) = pages::read_file(&file, &count, &mut emit) {
                    let origin = file.display().to_string();
                    if out_tx.send(Outcome::Bad { origin, reason: format!("cannot read: {e}") }).is_err() {
                        break;
                    }
                }
            }
            Ok(())
        })
    };

    // Workers: extract and analyse on every core.
    let workers = {
        let dir = args.store.clone();
        // A PostgreSQL store is asked through one shared connection: its client needs its
        // runtime when dropped, so it cannot live in a thread-local like the readers below.
        let shared = match backend::pg_url(&dir) {
            Some(_) => Some(Mutex::new(Backend::open_reader(&dir)?)),
            None => None,
        };
        std::thread::spawn(move || {
            pool.install(|| {
                page_rx.into_iter().par_bridge().for_each_with(out_tx, |tx, item| {
                    let _ = tx.send(process(item, &dir, shared.as_ref()));
                })
            })
        })
    };

    let totals = write(&mut store, out_rx, &args, &bar, &read_bytes)?;
    bar.finish_and_clear();
    let read = reader.join().map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
    workers.join().map_err(|_| anyhow::anyhow!("an analysis thread panicked"))?;
    read?;
    eprintln!("newsdesk: ingest: {} into {}", totals.summary(started.elapsed()), backend::shown(&args.store));
    Ok(if totals.bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

impl Totals {
    /// What was stored and skipped, how fast, and the writer's share of the time.
    fn summary(&self, took: Duration) -> String {
        let secs = took.as_secs_f64();
        format!(
            "{} stored, {} duplicates skipped, {} bad records skipped in {:.1} s ({:.0} docs/s; {:.1} s writing{})",
            self.stored,
            self.duplicates,
            self.bad,
            secs,
            self.stored as f64 / secs.max(1e-9),
            self.writing.as_secs_f64(),
            self.writing_cpu.map(|c| format!(", {:.1} s of it on CPU", c.as_secs_f64())).unwrap_or_default(),
        )
    }
}

fn progress_bar(total_bytes: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total_bytes);
    let style = ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} input · {msg} · ETA {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

thread_local! {
    static KNOWN: std::cell::RefCell<Option<Store>> = const { std::cell::RefCell::new(None) };
}

/// Extraction and analysis of one page; pages whose text is already stored (same content
/// under another URL, or a re-run over files without URLs) skip the expensive analysis.
fn process(item: Item, dir: &std::path::Path, shared: Option<&Mutex<Backend>>) -> Outcome {
    let page = match item {
        Item::Page(p) => p,
        Item::Bad { origin, reason } => return Outcome::Bad { origin, reason },
    };
    let opts = Options { url: page.url.clone(), format: page.format };
    let article = match newsdesk_extract::extract(&page.bytes, &opts) {
        Ok(a) => a,
        Err(e) => return Outcome::Bad { origin: page.origin, reason: e.to_string() },
    };
    if article.text.trim().is_empty() {
        return Outcome::Bad { origin: page.origin, reason: "no article text found".into() };
    }
    let hash = newsdesk_store::content_hash(&article.text);
    let known = match shared {
        Some(store) => store.lock().is_ok_and(|mut s| s.contains_hash(&hash).unwrap_or(false)),
        None => KNOWN.with(|k| {
            let mut k = k.borrow_mut();
            if k.is_none() {
                *k = Store::open_reader(dir).ok();
            }
            k.as_ref().is_some_and(|s| s.contains_hash(&hash).unwrap_or(false))
        }),
    };
    if known {
        return Outcome::Duplicate;
    }
    Outcome::Doc(Box::new(newsdesk_analyze::analyze(&article)), page.url)
}

/// The writer: batches documents into transactions and reports them once durable.
fn write(
    store: &mut Backend,
    rx: Receiver<Outcome>,
    args: &Args,
    bar: &ProgressBar,
    read_bytes: &AtomicU64,
) -> Result<Totals> {
    let mut totals = Totals::default();
    let mut batch: Vec<(Document, Option<String>)> = Vec::with_capacity(args.batch);
    let mut last_commit = Instant::now();
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut open = true;
    while open || !batch.is_empty() {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Outcome::Doc(doc, url)) => batch.push((*doc, url)),
            Ok(Outcome::Duplicate) => totals.duplicates += 1,
            Ok(Outcome::Bad { origin, reason }) => {
                totals.bad += 1;
                bar.suspend(|| eprintln!("newsdesk: ingest: {origin}: {reason} (skipped)"));
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => open = false,
        }
        let due = batch.len() >= args.batch.max(1) || last_commit.elapsed() > Duration::from_secs(2) || !open;
        if !due || batch.is_empty() {
            continue;
        }
        let writing = Instant::now();
        let cpu = thread_cpu();
        let results = store.insert_fetched(&batch).context("writing to the store")?;
        totals.writing += writing.elapsed();
        if let (Some(before), Some(after)) = (cpu, thread_cpu()) {
            totals.writing_cpu = Some(totals.writing_cpu.unwrap_or_default() + after.saturating_sub(before));
        }
        let mut out = stdout.lock();
        for ((doc, url), result) in batch.iter().zip(&results) {
            match result {
                Inserted::Stored { id } => {
                    totals.stored += 1;
                    if args.list {
                        let url = url.as_deref().or(doc.source.url.as_deref()).unwrap_or("");
                        writeln!(out, "stored\t{id}\t{url}")?;
                    }
                }
                _ => totals.duplicates += 1,
            }
        }
        out.flush()?;
        batch.clear();
        last_commit = Instant::now();
        let rate = totals.stored as f64 / started.elapsed().as_secs_f64().max(1e-9);
        bar.set_position(read_bytes.load(Ordering::Relaxed));
        bar.set_message(format!(
            "{} stored, {} dup, {} bad, {rate:.0} docs/s",
            totals.stored, totals.duplicates, totals.bad
        ));
    }
    Ok(totals)
}
