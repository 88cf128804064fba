//! `newsdesk eval quotes` and `newsdesk bench quotes`.

use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// A PolNeAR split folder (with `text/` and `attributions/`).
    pub dir: PathBuf,
    /// Also list every unmatched prediction (FP) and gold attribution (FN).
    #[arg(long)]
    pub verbose: bool,
    /// With --verbose, list direct quotes only.
    #[arg(long)]
    pub direct_only: bool,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// A PolNeAR split folder.
    pub dir: PathBuf,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let report = newsdesk_eval::quotes::evaluate(&args.dir, args.verbose, args.direct_only)?;
    let _ = write!(std::io::stdout().lock(), "{report}");
    Ok(ExitCode::SUCCESS)
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    anyhow::bail!("bench quotes is not implemented yet ({})", args.dir.display())
}
