//! `newsdesk eval extraction` and `newsdesk bench extraction`.

use anyhow::{Context, Result};
use newsdesk_eval::extraction;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The benchmark folder (with `html/` and `ground-truth.json`).
    pub dir: PathBuf,
    /// How many of the worst documents to list.
    #[arg(long, default_value_t = 10)]
    pub worst: usize,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// The benchmark folder (with `html/`).
    pub dir: PathBuf,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let pages = extraction::load(&args.dir).with_context(|| format!("loading {}", args.dir.display()))?;
    let report = extraction::evaluate(&pages);
    println!("newsdesk extraction on {} pages ({})", pages.len(), args.dir.display());
    println!("precision={:.3}  recall={:.3}  F1={:.3}", report.precision, report.recall, report.f1);
    println!("worst {}:", args.worst);
    for d in report.worst(args.worst) {
        println!(
            "  P={:.3} R={:.3} F1={:.3}  {}  {}",
            d.precision,
            d.recall,
            d.f1(),
            d.key,
            d.url.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    anyhow::bail!("bench extraction is not implemented yet ({})", args.dir.display())
}
