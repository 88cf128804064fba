//! `newsdesk eval checklist FILE...`: check an article's output against a hand-written list of
//! what a careful reader finds in it (e.g. `eval/seed.json`, `examples/report.json`).

use anyhow::Result;
use newsdesk_eval::checklist;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Checklist JSON files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print only failed checks.
    #[arg(long)]
    pub failures: bool,
    /// Exit with status 1 when a check fails.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut all_ok = true;
    for file in &args.files {
        let (list, outcome) = checklist::run(file)?;
        println!("== {}", file.display());
        for c in &outcome.checks {
            if c.ok && args.failures {
                continue;
            }
            let mark = if c.ok { "ok  " } else { "FAIL" };
            let detail = if c.detail.is_empty() { String::new() } else { format!("  ({})", c.detail) };
            println!("{mark} {:<9} {}{detail}", c.section, c.what);
        }
        for q in &outcome.spurious_quotes {
            println!("FAIL quotes     unexpected quote `{q}…`");
        }
        let expected_quotes = list.quotes.len();
        let found_quotes = outcome.checks.iter().filter(|c| c.section == "quotes" && c.ok).count();
        let produced = found_quotes + outcome.spurious_quotes.len();
        let p = if produced == 0 { 0.0 } else { found_quotes as f64 / produced as f64 };
        let r = if expected_quotes == 0 { 1.0 } else { found_quotes as f64 / expected_quotes as f64 };
        println!(
            "checks passed: {}/{}   quotes fully right: P {:.3} R {:.3}",
            outcome.passed(),
            outcome.checks.len(),
            p,
            r
        );
        all_ok &= outcome.all_ok(list.quotes_exhaustive);
    }
    Ok(if all_ok || !args.strict { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
