//! `newsdesk bench quotes`: newsdesk's speed and direct-quote scores beside a peer's
//! (textacy's `direct_quotations`, run by `scripts/bench_quotes_textacy.py`) on the same texts.

use super::{load, predicted, run, score_article, Predicted, QuotesEvalError, Scores};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the peer script (`scripts/bench_quotes_textacy.py`) prints: its direct quotes per
/// article as `[content_start, content_end, [[speaker_start, speaker_end], ...]]` in chars.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PeerRun {
    pub tool: String,
    pub seconds: f64,
    pub docs: usize,
    #[allow(clippy::type_complexity)]
    pub quotes: BTreeMap<String, Vec<(usize, usize, Vec<(usize, usize)>)>>,
}

/// One tool's line in the benchmark.
#[derive(Debug, Clone)]
pub struct BenchLine {
    pub tool: String,
    pub docs: usize,
    pub seconds: f64,
    pub scores: Scores,
}

impl BenchLine {
    pub fn docs_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.docs as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// The result of `newsdesk bench quotes`.
pub struct BenchReport {
    pub dir: PathBuf,
    pub newsdesk: BenchLine,
    pub peer: Option<BenchLine>,
    /// Best time of the quote stage alone over all articles.
    pub stage_seconds: f64,
}

/// Times newsdesk on every article of `dir` (best of `rounds` passes) and scores it; scores
/// the peer's quotes from the same texts when given.
pub fn bench(dir: &Path, rounds: usize, peer: Option<PeerRun>) -> Result<BenchReport, QuotesEvalError> {
    let articles = load(dir)?;
    let mut best = f64::INFINITY;
    let mut results = Vec::new();
    for _ in 0..rounds.max(1) {
        let start = std::time::Instant::now();
        results = articles.iter().map(|a| run(&a.text)).collect::<Vec<_>>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mut scores = Scores::default();
    for (a, (quotes, entities)) in articles.iter().zip(&results) {
        scores.add(&score_article(a, &predicted(&a.text, quotes, entities)));
    }
    // The quote stage alone, on segmentations and entities computed beforehand.
    let prepared: Vec<_> = articles
        .iter()
        .map(|a| {
            let seg = newsdesk_segment::segment(&a.text);
            let entities = newsdesk_entities::recognize(&a.text, &seg);
            (seg, entities)
        })
        .collect();
    let mut stage_seconds = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let start = std::time::Instant::now();
        for (a, (seg, entities)) in articles.iter().zip(&prepared) {
            std::hint::black_box(newsdesk_quotes::attribute(&a.text, seg, entities));
        }
        stage_seconds = stage_seconds.min(start.elapsed().as_secs_f64());
    }
    let newsdesk = BenchLine {
        tool: format!("newsdesk {}", env!("CARGO_PKG_VERSION")),
        docs: articles.len(),
        seconds: best,
        scores,
    };
    let peer = peer.map(|p| {
        let mut scores = Scores::default();
        for a in &articles {
            let pred: Vec<Predicted> = p
                .quotes
                .get(&a.name)
                .map(|qs| {
                    qs.iter()
                        .map(|(s, e, spk)| Predicted {
                            content: vec![(*s, *e)],
                            source: spk.clone(),
                            direct: true,
                            cue: None,
                            speaker_mentions: Vec::new(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            scores.add(&score_article(a, &pred));
        }
        BenchLine { tool: p.tool, docs: p.docs, seconds: p.seconds, scores }
    });
    Ok(BenchReport { dir: dir.to_path_buf(), newsdesk, peer, stage_seconds })
}

impl BenchReport {
    /// The report as Markdown, for `docs/benchmarks/quotes.md`.
    pub fn markdown(&self, command: &str) -> String {
        let mut s = String::new();
        s.push_str("# Quote attribution benchmark\n\n");
        s.push_str(&format!(
            "Corpus: `{}` (PolNeAR; {} articles). Produced by `{command}`.\n\n",
            self.dir.display(),
            self.newsdesk.docs
        ));
        s.push_str("Direct quotes: gold contents lying wholly inside quote marks (over all the segments brat splits them into, a quote running on over paragraphs included); a prediction matches when ");
        s.push_str("it shares at least half of the word tokens of the longer of the two (one-to-one). Right speaker: of ");
        s.push_str("the matched direct quotes with a gold source, the share whose predicted source lies in it. Speed: ");
        s.push_str("documents per second on one core, newsdesk best of 3 passes (segment, entities, quotes), textacy ");
        s.push_str("one pass (spaCy parse + `direct_quotations`, model load excluded).\n\n");
        s.push_str("| tool | direct P | direct R | direct F1 | right speaker | docs/s |\n|---|---|---|---|---|---|\n");
        for l in std::iter::once(&self.newsdesk).chain(self.peer.as_ref()) {
            let d = &l.scores.direct;
            s.push_str(&format!(
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1} |\n",
                l.tool,
                d.precision(),
                d.recall(),
                d.f1(),
                l.scores.speaker_share(),
                l.docs_per_second()
            ));
        }
        if let Some(p) = &self.peer {
            let ratio = if p.docs_per_second() > 0.0 {
                self.newsdesk.docs_per_second() / p.docs_per_second()
            } else {
                0.0
            };
            s.push_str(&format!(
                "\nnewsdesk is {ratio:.1}× as fast as {}; direct-quote F1 {:.3} vs {:.3}.\n",
                p.tool,
                self.newsdesk.scores.direct.f1(),
                p.scores.direct.f1()
            ));
        }
        if self.stage_seconds > 0.0 {
            s.push_str(&format!(
                "\nThe quote stage alone (segmentation and entities computed beforehand): {:.0} docs/s.\n",
                self.newsdesk.docs as f64 / self.stage_seconds
            ));
        }
        let t = &self.newsdesk.scores;
        s.push_str(
            "\n## newsdesk on all attributions (same run)\n\n| measure | P | R | F1 |\n|---|---|---|---|\n",
        );
        for (name, c) in [
            ("content (overlap ≥ 50%)", t.content),
            ("content (exact tokens)", t.exact),
            ("source", t.source),
            ("full attribution", t.full),
        ] {
            s.push_str(&format!("| {name} | {:.3} | {:.3} | {:.3} |\n", c.precision(), c.recall(), c.f1()));
        }
        s
    }
}
