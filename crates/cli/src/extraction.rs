//! `newsdesk eval extraction` and `newsdesk bench extraction`.
//!
//! The bench runs each engine in its own child process (so each one's peak memory is its
//! own), single-threaded, over the same pages already in memory, then scores every engine's
//! output with the benchmark metric in this process.

use anyhow::{bail, Context, Result};
use newsdesk_eval::extraction::{self, Engine, Run};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The trafilatura runner, compiled in so the binary can run it from anywhere.
const TRAFILATURA_SCRIPT: &str = include_str!("../../../scripts/bench-extraction-trafilatura.py");

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
    /// The benchmark folder (with `html/` and `ground-truth.json`).
    pub dir: PathBuf,
    /// A Python with trafilatura installed (`scripts/bench-extraction.sh` makes one);
    /// without it trafilatura is left out.
    #[arg(long)]
    pub python: Option<PathBuf>,
    /// Passes over all pages per engine (timing is over all passes).
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
    /// Also write the results as Markdown here (e.g. docs/benchmarks/extraction.md).
    #[arg(long)]
    pub write: Option<PathBuf>,
    /// Internal: run this one engine in this process and print its run as JSON.
    #[arg(long, hide = true)]
    pub child: Option<String>,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let pages = extraction::load(&args.dir).with_context(|| format!("loading {}", args.dir.display()))?;
    let report = extraction::evaluate(&pages);
    let mut text = format!("newsdesk extraction on {} pages ({})\n", pages.len(), args.dir.display());
    text.push_str(&format!(
        "precision={:.3}  recall={:.3}  F1={:.3}\nworst {}:\n",
        report.precision, report.recall, report.f1, args.worst
    ));
    for d in report.worst(args.worst) {
        text.push_str(&format!(
            "  P={:.3} R={:.3} F1={:.3}  {}  {}\n",
            d.precision,
            d.recall,
            d.f1(),
            d.key,
            d.url.as_deref().unwrap_or("")
        ));
    }
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn engine_named(name: &str) -> Result<Engine> {
    match name {
        "newsdesk" => Ok(Engine::Newsdesk),
        "rs-trafilatura" => Ok(Engine::RsTrafilatura),
        other => bail!("unknown engine {other:?} (newsdesk, rs-trafilatura)"),
    }
}

fn parse_run(stdout: &[u8], what: &str) -> Result<Run> {
    let line = stdout.split(|&b| b == b'\n').rfind(|l| l.starts_with(b"{")).unwrap_or(b"");
    serde_json::from_slice(line).with_context(|| format!("{what} printed no result"))
}

fn child_run(dir: &Path, engine: Engine, passes: usize) -> Result<Run> {
    let exe = std::env::current_exe().context("finding the newsdesk binary")?;
    let out = Command::new(exe)
        .args(["bench", "extraction"])
        .arg(dir)
        .args(["--passes", &passes.to_string(), "--child", engine.name()])
        .output()
        .with_context(|| format!("running {}", engine.name()))?;
    if !out.status.success() {
        bail!("{} failed: {}", engine.name(), String::from_utf8_lossy(&out.stderr));
    }
    parse_run(&out.stdout, engine.name())
}

fn trafilatura_run(python: &Path, dir: &Path, passes: usize) -> Result<Run> {
    let out = Command::new(python)
        .arg("-c")
        .arg(TRAFILATURA_SCRIPT)
        .arg(dir)
        .arg(passes.to_string())
        .output()
        .with_context(|| format!("running {}", python.display()))?;
    if !out.status.success() {
        bail!(
            "trafilatura failed (is it installed in {}? run scripts/bench-extraction.sh): {}",
            python.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    parse_run(&out.stdout, "trafilatura")
}

struct Row {
    run: Run,
    report: extraction::Report,
}

impl Row {
    fn pages_per_s(&self) -> f64 {
        self.run.pages as f64 / self.run.best_pass_seconds.max(1e-9)
    }
    fn mb_per_s(&self) -> f64 {
        self.run.bytes as f64 / 1e6 / self.run.best_pass_seconds.max(1e-9)
    }
    fn peak_mib(&self) -> String {
        self.run.peak_rss_kib.map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0))
    }
}

fn markdown(rows: &[Row], dir: &Path, passes: usize) -> String {
    let mut s = String::new();
    s.push_str("| engine | version | pages/s | MB/s | peak RSS (MiB) | precision | recall | F1 |\n");
    s.push_str("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        s.push_str(&format!(
            "| {} | {} | {:.1} | {:.2} | {} | {:.3} | {:.3} | {:.3} |\n",
            r.run.engine,
            r.run.version,
            r.pages_per_s(),
            r.mb_per_s(),
            r.peak_mib(),
            r.report.precision,
            r.report.recall,
            r.report.f1
        ));
    }
    if let Some(nd) = rows.iter().find(|r| r.run.engine == "newsdesk") {
        s.push('\n');
        for r in rows.iter().filter(|r| r.run.engine != "newsdesk") {
            s.push_str(&format!(
                "- newsdesk vs {}: {:.1}× the pages/s, {:.2}× the peak memory, F1 {:+.3}\n",
                r.run.engine,
                nd.pages_per_s() / r.pages_per_s().max(1e-9),
                nd.run.peak_rss_kib.unwrap_or(0) as f64 / r.run.peak_rss_kib.unwrap_or(1).max(1) as f64,
                nd.report.f1 - r.report.f1
            ));
        }
    }
    let pages = rows.first().map_or(0, |r| r.run.pages);
    s.push_str(&format!(
        "\n{pages} pages from `{}`, {passes} passes per engine, speed from the fastest pass, one \
         thread each, pages in memory before timing starts; peak RSS is the whole process (pages \
         included).\n",
        dir.display()
    ));
    s
}

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    if let Some(name) = &args.child {
        let engine = engine_named(name)?;
        let pages = extraction::load(&args.dir).with_context(|| format!("loading {}", args.dir.display()))?;
        let run = extraction::run(engine, &pages, args.passes);
        println!("{}", serde_json::to_string(&run)?);
        return Ok(ExitCode::SUCCESS);
    }
    let pages = extraction::load(&args.dir).with_context(|| format!("loading {}", args.dir.display()))?;
    let mut runs = Vec::new();
    for engine in [Engine::Newsdesk, Engine::RsTrafilatura] {
        if extraction::available(engine) {
            eprintln!("running {} ...", engine.name());
            runs.push(child_run(&args.dir, engine, args.passes)?);
        } else {
            eprintln!("skipping {} (build with --features newsdesk-eval/peers)", engine.name());
        }
    }
    match &args.python {
        Some(python) => {
            eprintln!("running trafilatura ...");
            runs.push(trafilatura_run(python, &args.dir, args.passes)?);
        }
        None => eprintln!("skipping trafilatura (pass --python with trafilatura installed)"),
    }
    let rows: Vec<Row> = runs
        .into_iter()
        .map(|run| {
            let report = extraction::score_run(&pages, &run);
            Row { run, report }
        })
        .collect();
    let table = markdown(&rows, &args.dir, args.passes);
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), format!("{table}\n").as_bytes());
    if let Some(path) = &args.write {
        write_results(path, &format!("Machine: {}.\n\n{table}", machine()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

const START: &str = "<!-- bench:start (written by `newsdesk bench extraction --write`) -->";
const END: &str = "<!-- bench:end -->";

/// Replaces the results between the markers in `path`, keeping the hand-written text around
/// them; writes a fresh document when there are no markers yet.
fn write_results(path: &Path, results: &str) -> Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let block = format!("{START}\n{results}{END}");
    let doc = match (old.find(START), old.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{block}{}", &old[..a], &old[b + END.len()..]),
        _ => format!("# Extraction benchmark\n\nReproduce with `scripts/bench-extraction.sh`.\n\n{block}\n"),
    };
    std::fs::write(path, doc).with_context(|| format!("writing {}", path.display()))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}
