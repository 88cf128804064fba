//! `newsdesk eval extraction` and `newsdesk bench extraction`.

use anyhow::{bail, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The benchmark folder (with `html/` and `ground-truth.json`).
    pub dir: PathBuf,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// The benchmark folder (with `html/`).
    pub dir: PathBuf,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    bail!("eval extraction is not implemented yet ({})", args.dir.display())
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    bail!("bench extraction is not implemented yet ({})", args.dir.display())
}
