//! `newsdesk analyze`: pages in, `newsdesk.document/1` JSON out (one per line, or pretty).

use anyhow::Result;
use newsdesk_extract::{Format, Options};
use newsdesk_model::Document;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Inputs larger than this are refused with an error instead of exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(clap::Args)]
pub struct Args {
    /// Files to analyse; `-` or none reads standard input.
    paths: Vec<PathBuf>,
    /// Indented JSON for people (default: one JSON document per line).
    #[arg(long)]
    pretty: bool,
    /// Treat input as HTML or as text instead of detecting it.
    #[arg(long, value_parser = ["html", "text"])]
    format: Option<String>,
    /// The page's URL, when known (single input).
    #[arg(long)]
    url: Option<String>,
}

fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf)?;
    } else {
        std::fs::File::open(path)?.take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf)?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB: split it or extract the article first",
            MAX_INPUT_BYTES >> 20
        )));
    }
    Ok(buf)
}

/// Reads, extracts and analyses one input (`-` is standard input). The error is a message
/// for the user, already naming the input.
pub fn analyse_path(path: &Path, opts: &Options) -> Result<Document, String> {
    let shown = if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() };
    let bytes = read_input(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let article = newsdesk_extract::extract(&bytes, opts).map_err(|e| format!("{shown}: {e}"))?;
    Ok(newsdesk_analyze::analyze(&article))
}

/// The inputs named on the command line; none means standard input.
pub fn inputs(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let format = args.format.as_deref().map(|f| if f == "html" { Format::Html } else { Format::Text });
    let opts = Options { url: args.url.clone(), format };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for path in &inputs(args.paths) {
        let doc = match analyse_path(path, &opts) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("newsdesk: {e}");
                failures += 1;
                continue;
            }
        };
        let json = newsdesk_model::wire::to_json(&doc, args.pretty);
        if writeln!(out, "{json}").is_err() {
            // Broken pipe (e.g. `| head`): stop quietly, as Unix tools do.
            return Ok(ExitCode::SUCCESS);
        }
    }
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
