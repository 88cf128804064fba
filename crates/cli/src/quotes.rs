//! `newsdesk eval quotes` and `newsdesk bench quotes`.

use anyhow::{bail, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// A PolNeAR split folder (with `text/` and `attributions/`).
    pub dir: PathBuf,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// A PolNeAR split folder.
    pub dir: PathBuf,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    bail!("eval quotes is not implemented yet ({})", args.dir.display())
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    bail!("bench quotes is not implemented yet ({})", args.dir.display())
}
