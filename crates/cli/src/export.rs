//! `newsdesk export events|gkg`: GDELT-style rows (2.0 event table, GKG 2.1), tab-separated,
//! from pages (analysed on the way) or from `newsdesk.document/1` JSON Lines (`--documents`,
//! e.g. the output of `newsdesk analyze`).

use crate::analyze::{analyse_path, inputs};
use anyhow::Result;
use newsdesk_extract::Options;
use newsdesk_model::{wire, Document};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Pages to analyse, or with `--documents` JSON Lines files; `-` or none reads standard input.
    paths: Vec<PathBuf>,
    /// Inputs are `newsdesk.document/1` JSON, one document per line (as `newsdesk analyze` prints).
    #[arg(long)]
    documents: bool,
    /// Print the column names as a first row (GDELT's own files have none).
    #[arg(long)]
    header: bool,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Table {
    Events,
    Gkg,
}

/// `YYYYMMDDHHMMSS` now, in UTC: GDELT's DATEADDED.
fn now_stamp() -> String {
    let today = newsdesk_store::today_utc();
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (h, m, s) = ((secs / 3600) % 24, (secs / 60) % 60, secs % 60);
    format!("{}{h:02}{m:02}{s:02}", today.replace('-', ""))
}

/// Documents from the inputs, one at a time; errors are reported and counted, not fatal.
fn for_each_document(args: &Args, mut each: impl FnMut(&Document) -> bool) -> usize {
    let mut failures = 0;
    for path in &inputs(args.paths.clone()) {
        if !args.documents {
            match analyse_path(path, &Options::default()) {
                Ok(doc) => {
                    if !each(&wire::to_char_offsets(&doc)) {
                        return failures;
                    }
                }
                Err(e) => {
                    eprintln!("newsdesk: {e}");
                    failures += 1;
                }
            }
            continue;
        }
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    eprintln!("newsdesk: {}: cannot read: {e}", path.display());
                    failures += 1;
                    continue;
                }
            }
        };
        for (n, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => l,
                Err(e) => {
                    eprintln!("newsdesk: {}: line {}: {e}", path.display(), n + 1);
                    failures += 1;
                    break;
                }
            };
            match serde_json::from_str::<Document>(&line) {
                Ok(doc) => {
                    if !each(&doc) {
                        return failures;
                    }
                }
                Err(e) => {
                    eprintln!(
                        "newsdesk: {}: line {}: not a newsdesk.document/1 JSON document ({e}); \
                         drop --documents to analyse pages instead",
                        path.display(),
                        n + 1
                    );
                    failures += 1;
                }
            }
        }
    }
    failures
}

pub fn run(table: Table, args: Args) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let added = now_stamp();
    if args.header {
        let columns: &[&str] = match table {
            Table::Events => &newsdesk_export::events::COLUMNS,
            Table::Gkg => &newsdesk_export::gkg::COLUMNS,
        };
        writeln!(out, "{}", columns.join("\t"))?;
    }
    let mut n = 0usize;
    let failures = for_each_document(&args, |doc| {
        let rows = match table {
            Table::Events => newsdesk_export::events::rows(doc, &added),
            Table::Gkg => {
                n += 1;
                let date = doc.published.as_deref().and_then(newsdesk_export::gkg::timestamp);
                vec![newsdesk_export::gkg::row(doc, date.as_deref().unwrap_or(&added), n)]
            }
        };
        // A closed pipe (`| head`) ends the export quietly.
        rows.iter().all(|r| writeln!(out, "{}", r.join("\t")).is_ok())
    });
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
