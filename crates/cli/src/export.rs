//! `newsdesk export events|gkg`: GDELT-style rows (2.0 event table, GKG 2.1), tab-separated,
//! from pages (analysed on the way) or from `newsdesk.document/1` JSON Lines (`--documents`,
//! e.g. the output of `newsdesk analyze`).

use crate::analyze::{analyse_path, inputs, MAX_INPUT_BYTES};
use anyhow::Result;
use newsdesk_extract::Options;
use newsdesk_model::{wire, Document};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
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

/// Documents from the inputs, one at a time, until `each` returns false: pages analysed, or
/// with `documents` JSON Lines read. Errors are reported and counted, not fatal.
fn for_each_document(paths: Vec<PathBuf>, documents: bool, mut each: impl FnMut(&Document) -> bool) -> usize {
    let mut failures = 0;
    for path in &inputs(paths) {
        let go = if documents {
            read_documents(path, &mut failures, &mut each)
        } else {
            match analyse_path(path, &Options::default()) {
                Ok(doc) => each(&wire::to_char_offsets(&doc)),
                Err(e) => {
                    eprintln!("newsdesk: {e}");
                    failures += 1;
                    true
                }
            }
        };
        if !go {
            break;
        }
    }
    failures
}

/// Hands each `newsdesk.document/1` JSON line of one input (`-` is standard input) to
/// `each`; false once `each` is. A line that is not a document is reported and counted; a
/// line longer than `newsdesk analyze` accepts a page ends the input.
fn read_documents(path: &Path, failures: &mut usize, each: &mut impl FnMut(&Document) -> bool) -> bool {
    let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("newsdesk: {}: cannot read: {e}", path.display());
                *failures += 1;
                return true;
            }
        }
    };
    let mut line = String::new();
    for n in 1.. {
        line.clear();
        let problem = match reader.by_ref().take(MAX_INPUT_BYTES + 1).read_line(&mut line) {
            Ok(0) => break,
            Ok(len) if len as u64 > MAX_INPUT_BYTES => {
                Some(format!("longer than {} MiB", MAX_INPUT_BYTES >> 20))
            }
            Ok(_) => None,
            Err(e) => Some(e.to_string()),
        };
        if let Some(problem) = problem {
            eprintln!("newsdesk: {}: line {n}: {problem}", path.display());
            *failures += 1;
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Document>(&line) {
            Ok(doc) if !each(&doc) => return false,
            Ok(_) => {}
            Err(e) => {
                eprintln!(
                    "newsdesk: {}: line {n}: not a newsdesk.document/1 JSON document ({e}); \
                     drop --documents to analyse pages instead",
                    path.display()
                );
                *failures += 1;
            }
        }
    }
    true
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
    let failures = for_each_document(args.paths, args.documents, |doc| {
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
