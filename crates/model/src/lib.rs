//! The plain data that flows through newsdesk: `Article` (what extraction produces) and
//! `Document` (what analysis produces, serialised as `newsdesk.document/1`).
//!
//! Inside the engine every offset is a **byte** offset into `text` (what `&str` slicing wants).
//! The wire contract uses **Unicode scalar value** offsets (what Python's `str` indexes); the
//! conversion happens exactly once, in [`wire`], when a document is written out.

pub mod tsv;
pub mod wire;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag written into every document.
pub const SCHEMA: &str = "newsdesk.document/1";

/// A half-open range `[start, end)` of byte offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The slice of `text` this span covers ("" when out of bounds or off a char boundary).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// How many bytes the two spans share (0 when they do not overlap).
    pub fn shared(&self, other: Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Publisher or site name, e.g. "News.Az".
    pub name: Option<String>,
    /// Canonical URL when known.
    pub url: Option<String>,
}

/// Something odd noticed while processing input: broken input is data, not failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A short machine-readable tag, e.g. `encoding-replaced`, `chrome-removed`.
    pub kind: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { kind: kind.into(), message: message.into() }
    }
}

/// The output of extraction: clean text and metadata, no linguistics yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of the URL when known, else of the text.
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    /// `YYYY-MM-DD` or RFC 3339.
    pub published: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 639-1 code, e.g. "en".
    pub language: String,
    /// The clean article body: paragraphs separated by a blank line ("\n\n").
    pub text: String,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Location,
    Misc,
}

impl EntityType {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Location => "LOCATION",
            EntityType::Misc => "MISC",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A proper name or part of one: "Vladimir Putin", "Putin", "President Putin".
    Name,
    /// "he", "she", "they", "you", "we", "his"...
    Pronoun,
    /// A definite description: "the Russian leader", "the company".
    Description,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: MentionForm,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One real-world referent with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Document-local id, e.g. "e1".
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// For LOCATION: "country", "city", "region" or "other"; otherwise null unless known.
    pub subtype: Option<String>,
    /// Canonical name, the longest proper name seen ("Vladimir Putin").
    pub name: String,
    /// Gathered attributes: "title", "country", "role", "organisation"...
    pub attributes: BTreeMap<String, String>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// A piece of reported speech or writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The content, without surrounding quote marks.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The cue verb or phrase as written ("said", "according to").
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// Entity id of the speaker, when resolved.
    pub speaker: Option<String>,
    /// The source as written where it is attributed ("The Russian leader", "officials").
    pub speaker_text: Option<String>,
    pub speaker_span: Option<Span>,
    /// For nested reported speech: the entity id of whoever reports this quote.
    pub reported_by: Option<String>,
}

/// A number with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Currency code ("USD"), unit ("percent", "km", "people") or null.
    pub unit: Option<String>,
    /// "over", "under", "about", "at least", "at most", "exactly"...
    pub qualifier: Option<String>,
    /// What is counted or measured ("enterprises with Russian capital").
    pub object: Option<String>,
}

/// A date expression, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value: String,
    /// "day", "month", "year" (or "week", "decade"...).
    pub resolution: String,
}

/// Who did what to whom, CAMEO-coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// CAMEO code, e.g. "040", "042", "057".
    pub code: String,
    pub label: String,
    /// Entity id of the actor.
    pub source: Option<String>,
    /// Entity id of the target.
    pub target: Option<String>,
    /// `YYYY[-MM[-DD]]` when known.
    pub date: Option<String>,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The sentence or clause that carries the event.
    pub text: String,
}

/// The result of the whole pipeline for one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    pub published: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub language: String,
    pub text: String,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// An empty analysis of `article`: the text and metadata, no findings yet.
    pub fn from_article(article: &Article) -> Self {
        Document {
            schema: SCHEMA.to_string(),
            id: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            published: article.published.clone(),
            authors: article.authors.clone(),
            language: article.language.clone(),
            text: article.text.clone(),
            sentences: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            amounts: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
            diagnostics: article.diagnostics.clone(),
        }
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
