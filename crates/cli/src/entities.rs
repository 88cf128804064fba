//! `newsdesk eval ner`, `eval coref`, `train ner` and `bench ner`.

use anyhow::{bail, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct NerEvalArgs {
    /// IOB2 files.
    pub files: Vec<PathBuf>,
}

#[derive(clap::Args)]
pub struct CorefEvalArgs {
    /// A folder of GUM CoNLL coreference files.
    pub dir: PathBuf,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Where the shared corpora are.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
}

#[derive(clap::Args)]
pub struct NerBenchArgs {
    /// IOB2 file to run on.
    pub file: PathBuf,
}

pub fn eval_ner(args: NerEvalArgs) -> Result<ExitCode> {
    bail!("eval ner is not implemented yet ({} files)", args.files.len())
}

pub fn eval_coref(args: CorefEvalArgs) -> Result<ExitCode> {
    bail!("eval coref is not implemented yet ({})", args.dir.display())
}

pub fn train(args: TrainArgs) -> Result<ExitCode> {
    bail!("train ner is not implemented yet ({})", args.data.display())
}

pub fn bench(args: NerBenchArgs) -> Result<ExitCode> {
    bail!("bench ner is not implemented yet ({})", args.file.display())
}
