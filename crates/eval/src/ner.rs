//! Named-entity evaluation on IOB2 files (Universal NER layout: `index token tag …`, blank
//! line between sentences, `#` comment lines): entity-level exact-span precision, recall and
//! F1 per type (PER, ORG, LOC) and overall. Also the reader the trainer uses.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One sentence of an IOB2 file.
#[derive(Debug, Clone, Default)]
pub struct IobSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Reads an IOB2 file; tags other than PER, ORG, LOC become `O`.
pub fn read_iob2(path: &Path) -> std::io::Result<Vec<IobSentence>> {
    Ok(parse_iob2(&std::fs::read_to_string(path)?))
}

/// Parses IOB2 text (see [`read_iob2`]).
pub fn parse_iob2(text: &str) -> Vec<IobSentence> {
    let mut out = Vec::new();
    let mut cur = IobSentence::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.trim().is_empty() || cols.len() < 3 {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let tag = cols[2].trim();
        let keep = ["PER", "ORG", "LOC"].iter().any(|t| tag.ends_with(&format!("-{t}")));
        cur.words.push(cols[1].to_string());
        cur.tags.push(if keep { tag.to_string() } else { "O".to_string() });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// The typed spans `(start, end, type)` of a tag sequence (a stray `I-` opens a span).
pub fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some((_, kind)) = tags[i].split_once('-') else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && tags[end] == format!("I-{kind}") {
            end += 1;
        }
        out.push((i, end, kind.to_string()));
        i = end;
    }
    out
}

/// Counts for one type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-type and overall counts.
#[derive(Debug, Default, Clone)]
pub struct NerReport {
    pub by_type: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub sentences: usize,
    pub words: usize,
}

impl NerReport {
    /// Adds one sentence's gold and predicted spans.
    pub fn add(&mut self, gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) {
        for g in gold {
            let c = self.by_type.entry(g.2.clone()).or_default();
            if pred.contains(g) {
                c.tp += 1;
                self.overall.tp += 1;
            } else {
                c.fn_ += 1;
                self.overall.fn_ += 1;
            }
        }
        for p in pred.iter().filter(|p| !gold.contains(p)) {
            self.by_type.entry(p.2.clone()).or_default().fp += 1;
            self.overall.fp += 1;
        }
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} sentences, {} words", self.sentences, self.words)?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "tp", "fp", "fn")?;
        let rows = self.by_type.iter().map(|(k, c)| (k.as_str(), c)).chain([("overall", &self.overall)]);
        for (k, c) in rows {
            writeln!(
                f,
                "{:<8} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}",
                k,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        Ok(())
    }
}

/// The spans newsdesk finds in one sentence of words, typed PER/ORG/LOC (MISC left out).
pub fn predict(words: &[String]) -> Vec<(usize, usize, String)> {
    labelled(newsdesk_entities::ner::tag_sentence(words))
}

/// Tagger spans as (start, end, PER/ORG/LOC); MISC is left out, as UNER has no such type.
fn labelled(spans: Vec<newsdesk_entities::ner::NameSpan>) -> Vec<(usize, usize, String)> {
    spans
        .into_iter()
        .filter_map(|s| {
            let kind = match s.kind {
                newsdesk_model::EntityType::Person => "PER",
                newsdesk_model::EntityType::Org => "ORG",
                newsdesk_model::EntityType::Location => "LOC",
                newsdesk_model::EntityType::Misc => return None,
            };
            Some((s.start, s.end, kind.to_string()))
        })
        .collect()
}

/// Evaluates newsdesk on sentences.
pub fn evaluate(sentences: &[IobSentence]) -> NerReport {
    let mut report = NerReport::default();
    for s in sentences {
        report.sentences += 1;
        report.words += s.words.len();
        report.add(&spans(&s.tags), &predict(&s.words));
    }
    report
}

/// Trains a tagger on IOB2 sentences and returns the model file's bytes (see
/// `newsdesk_entities::model` for the format). `min_weight` prunes small weights.
pub fn train(sentences: &[IobSentence], epochs: usize, min_weight: f32) -> Vec<u8> {
    let data: Vec<newsdesk_entities::train::Sentence> = sentences
        .iter()
        .map(|s| newsdesk_entities::train::Sentence { words: s.words.clone(), tags: s.tags.clone() })
        .collect();
    newsdesk_entities::train::train(&data, epochs).to_bytes(min_weight)
}

/// Scores a model file's bytes on sentences (for comparing settings before committing one).
pub fn evaluate_model(model: &[u8], sentences: &[IobSentence]) -> Option<NerReport> {
    let model = newsdesk_entities::model::Model::from_bytes(model)?;
    let mut report = NerReport::default();
    for s in sentences {
        report.sentences += 1;
        report.words += s.words.len();
        let pred = labelled(newsdesk_entities::ner::tag_with(&model, &s.words));
        report.add(&spans(&s.tags), &pred);
    }
    Some(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(tags: &str, expected: &[(usize, usize, &str)]) {
        let tags: Vec<String> = tags.split(' ').map(str::to_string).collect();
        let got = spans(&tags);
        let want: Vec<(usize, usize, String)> =
            expected.iter().map(|(a, b, c)| (*a, *b, c.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn reads_spans() {
        check("O B-PER I-PER O", &[(1, 3, "PER")]);
        check("B-LOC B-LOC I-LOC", &[(0, 1, "LOC"), (1, 3, "LOC")]);
        check("O I-ORG I-ORG", &[(1, 3, "ORG")]);
        check("O O", &[]);
    }

    #[test]
    fn scores_exact_spans() {
        let mut r = NerReport::default();
        r.add(&[(0, 2, "PER".into()), (3, 4, "LOC".into())], &[(0, 2, "PER".into()), (3, 5, "LOC".into())]);
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (1, 1, 1));
    }
}
