//! Checklists: what a careful human reader finds in one article, written as JSON, checked
//! item by item against newsdesk's output. Used for the seed (`eval/seed.json`) and for the
//! repo's own example articles, where a test runs the same checker.
//!
//! A checklist names its input (relative to the checklist file) and lists expectations on
//! metadata, sentences, entities, quotes, amounts, dates and events. Quotes are also scored for
//! precision: a quote in the output that matches no expected quote is a false positive.

use newsdesk_model::{Document, Entity};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// The article to analyse, relative to the checklist file.
    pub input: String,
    pub published: Option<String>,
    pub source: Option<String>,
    pub text_starts: Option<String>,
    #[serde(default)]
    pub text_contains: Vec<String>,
    #[serde(default)]
    pub text_lacks: Vec<String>,
    pub sentences: Option<usize>,
    #[serde(default)]
    pub sentence_starts: Vec<String>,
    #[serde(default)]
    pub entities: Vec<ExpectedEntity>,
    #[serde(default)]
    pub quotes: Vec<ExpectedQuote>,
    /// When true, quotes not listed count as errors.
    #[serde(default)]
    pub quotes_exhaustive: bool,
    #[serde(default)]
    pub amounts: Vec<ExpectedAmount>,
    #[serde(default)]
    pub dates: Vec<ExpectedDate>,
    #[serde(default)]
    pub events: Vec<ExpectedEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedEntity {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub subtype: Option<String>,
    #[serde(default)]
    pub attributes: std::collections::BTreeMap<String, String>,
    /// Mention texts that must all be among the entity's mentions.
    #[serde(default)]
    pub mentions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedQuote {
    /// The first words of the content.
    pub starts: String,
    /// The last words of the content (quote marks and final punctuation ignored).
    pub ends: Option<String>,
    pub kind: String,
    pub cue: String,
    /// Canonical name of the speaker entity.
    pub speaker: String,
    pub reported_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedAmount {
    pub value: f64,
    pub qualifier: Option<String>,
    pub unit: Option<String>,
    /// A word the `object` must contain (case-insensitive).
    pub object_has: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDate {
    pub text: String,
    pub value: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedEvent {
    /// The CAMEO code must start with this (e.g. "04" for any consultation).
    pub code: String,
    /// Acceptable source entity names.
    pub source: Vec<String>,
    /// Acceptable target entity names (empty: not checked).
    #[serde(default)]
    pub target: Vec<String>,
    /// The event date must start with this.
    pub date: Option<String>,
}

/// One checked expectation.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub section: &'static str,
    pub what: String,
    pub ok: bool,
    pub detail: String,
}

/// The outcome of one checklist.
#[derive(Debug, Default)]
pub struct Outcome {
    pub checks: Vec<Check>,
    /// Output quotes that match no expected quote.
    pub spurious_quotes: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> usize {
        self.checks.iter().filter(|c| c.ok).count()
    }
    pub fn all_ok(&self, quotes_exhaustive: bool) -> bool {
        self.passed() == self.checks.len() && (!quotes_exhaustive || self.spurious_quotes.is_empty())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChecklistError {
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0} is not a valid checklist: {1}")]
    Parse(PathBuf, serde_json::Error),
    #[error("{0}: {1}")]
    Extract(PathBuf, newsdesk_extract::ExtractError),
}

/// Loads a checklist and returns it with the resolved input path.
pub fn load(path: &Path) -> Result<(Checklist, PathBuf), ChecklistError> {
    let raw = std::fs::read_to_string(path).map_err(|e| ChecklistError::Read(path.into(), e))?;
    let list: Checklist = serde_json::from_str(&raw).map_err(|e| ChecklistError::Parse(path.into(), e))?;
    let input = path.parent().unwrap_or(Path::new(".")).join(&list.input);
    Ok((list, input))
}

/// Runs the pipeline on the checklist's input and checks every expectation.
pub fn run(path: &Path) -> Result<(Checklist, Outcome), ChecklistError> {
    let (list, input) = load(path)?;
    let bytes = std::fs::read(&input).map_err(|e| ChecklistError::Read(input.clone(), e))?;
    let article = newsdesk_extract::extract(&bytes, &newsdesk_extract::Options::default())
        .map_err(|e| ChecklistError::Extract(input.clone(), e))?;
    let doc = newsdesk_analyze::analyze(&article);
    let outcome = check(&list, &doc);
    Ok((list, outcome))
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase()
}

fn entity_name<'d>(doc: &'d Document, id: Option<&str>) -> Option<&'d str> {
    id.and_then(|id| doc.entity(id)).map(|e| e.name.as_str())
}

fn find_entity<'d>(doc: &'d Document, kind: &str, name: &str) -> Option<&'d Entity> {
    doc.entities.iter().find(|e| e.kind.as_str() == kind && e.name.eq_ignore_ascii_case(name))
}

/// Checks `doc` against `list`.
pub fn check(list: &Checklist, doc: &Document) -> Outcome {
    let mut out = Outcome::default();
    let mut push =
        |section, what: String, ok, detail: String| out.checks.push(Check { section, what, ok, detail });
    let text = doc.text.as_str();

    if let Some(p) = &list.published {
        let got = doc.published.clone().unwrap_or_default();
        push("article", format!("published {p}"), got.starts_with(p.as_str()), got);
    }
    if let Some(s) = &list.source {
        let got = doc.source.name.clone().unwrap_or_default();
        push("article", format!("source {s}"), &got == s, got);
    }
    if let Some(s) = &list.text_starts {
        let head: String = text.chars().take(60).collect();
        push("article", format!("text starts `{s}`"), text.starts_with(s.as_str()), head);
    }
    for s in &list.text_contains {
        push("article", format!("text contains `{s}`"), text.contains(s.as_str()), String::new());
    }
    for s in &list.text_lacks {
        push("article", format!("text lacks `{s}`"), !text.contains(s.as_str()), String::new());
    }
    let sentence_texts: Vec<&str> = doc.sentences.iter().map(|s| s.slice(text)).collect();
    if let Some(n) = list.sentences {
        push(
            "sentences",
            format!("{n} sentences"),
            doc.sentences.len() == n,
            doc.sentences.len().to_string(),
        );
    }
    for s in &list.sentence_starts {
        let ok = sentence_texts.iter().any(|t| t.trim_start().starts_with(s.as_str()));
        push("sentences", format!("a sentence starts `{s}`"), ok, String::new());
    }

    for want in &list.entities {
        let Some(e) = find_entity(doc, &want.kind, &want.name) else {
            let near: Vec<String> = doc
                .entities
                .iter()
                .filter(|e| e.name.contains(want.name.split(' ').next_back().unwrap_or("")))
                .map(|e| format!("{} {}", e.kind.as_str(), e.name))
                .collect();
            push(
                "entities",
                format!("{} {}", want.kind, want.name),
                false,
                format!("missing; near: {near:?}"),
            );
            continue;
        };
        push("entities", format!("{} {}", want.kind, want.name), true, e.id.clone());
        if let Some(st) = &want.subtype {
            let got = e.subtype.clone().unwrap_or_default();
            push("entities", format!("{} subtype {st}", want.name), &got == st, got);
        }
        for (k, v) in &want.attributes {
            let got = e.attributes.get(k).cloned().unwrap_or_default();
            push("entities", format!("{} {k}={v}", want.name), got.eq_ignore_ascii_case(v), got);
        }
        for m in &want.mentions {
            let ok = e.mentions.iter().any(|x| &x.text == m);
            push("entities", format!("{} mention `{m}`", want.name), ok, String::new());
        }
    }

    let mut matched = vec![false; doc.quotes.len()];
    for want in &list.quotes {
        let starts = norm(&want.starts);
        let found = doc.quotes.iter().enumerate().find(|(_, q)| {
            let t = norm(&q.text);
            t.starts_with(&starts) && want.ends.as_ref().is_none_or(|e| t.ends_with(&norm(e)))
        });
        let label = format!("{} `{}…`", want.speaker, want.starts);
        let Some((i, q)) = found else {
            push("quotes", label, false, "missing".into());
            continue;
        };
        matched[i] = true;
        let kind = format!("{:?}", q.kind).to_lowercase();
        let speaker = entity_name(doc, q.speaker.as_deref()).unwrap_or("-");
        let reporter = entity_name(doc, q.reported_by.as_deref());
        let cue = q.cue.clone().unwrap_or_default();
        let ok = kind == want.kind
            && cue == want.cue
            && speaker.eq_ignore_ascii_case(&want.speaker)
            && want.reported_by.as_deref().map(|r| r.to_lowercase()) == reporter.map(|r| r.to_lowercase());
        let detail =
            format!("kind {kind}, cue {cue}, speaker {speaker}, reported_by {}", reporter.unwrap_or("-"));
        push("quotes", label, ok, detail);
    }
    out.spurious_quotes = doc
        .quotes
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(q, _)| q.text.chars().take(60).collect())
        .collect();

    for want in &list.amounts {
        let same_value =
            |a: &&newsdesk_model::Amount| (a.value - want.value).abs() < 1e-6 * want.value.abs().max(1.0);
        let fits = |a: &&newsdesk_model::Amount| {
            want.qualifier.as_ref().is_none_or(|q| a.qualifier.as_ref() == Some(q))
                && want.unit.as_ref().is_none_or(|u| a.unit.as_ref() == Some(u))
                && want.object_has.as_ref().is_none_or(|o| {
                    a.object.as_ref().is_some_and(|x| x.to_lowercase().contains(&o.to_lowercase()))
                })
        };
        // Several amounts may share a value (two "4 billion"): the check passes when one fits.
        let found =
            doc.amounts.iter().filter(same_value).find(fits).or_else(|| doc.amounts.iter().find(same_value));
        let label = format!("amount {}", want.value);
        let Some(a) = found else {
            push("amounts", label, false, "missing".into());
            continue;
        };
        let ok = fits(&a);
        let detail = format!("qualifier {:?}, unit {:?}, object {:?}", a.qualifier, a.unit, a.object);
        push("amounts", label, ok, detail);
    }

    for want in &list.dates {
        let found = doc.dates.iter().find(|d| d.text.to_lowercase().contains(&want.text.to_lowercase()));
        let label = format!("date `{}` → {}", want.text, want.value);
        let got = found.map(|d| d.value.clone()).unwrap_or_else(|| "missing".into());
        push("dates", label, got == want.value, got);
    }

    for want in &list.events {
        let any = |names: &[String], id: Option<&str>| {
            names.is_empty()
                || entity_name(doc, id).is_some_and(|n| names.iter().any(|w| w.eq_ignore_ascii_case(n)))
        };
        let found = doc.events.iter().find(|e| {
            e.code.starts_with(&want.code)
                && any(&want.source, e.source.as_deref())
                && any(&want.target, e.target.as_deref())
                && want
                    .date
                    .as_ref()
                    .is_none_or(|d| e.date.as_ref().is_some_and(|x| x.starts_with(d.as_str())))
        });
        let label = format!("event {} {:?} → {:?}", want.code, want.source, want.target);
        let codes: Vec<&str> = doc.events.iter().map(|e| e.code.as_str()).collect();
        push("events", label, found.is_some(), format!("codes seen {codes:?}"));
    }
    out
}
