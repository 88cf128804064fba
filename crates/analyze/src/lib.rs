//! The analysis pipeline: `Article` → `Document`, running each stage in order:
//! segment → entities → quotes → amounts → dates → events.
//!
//! Invariant: no I/O here, and no stage keeps state between documents.

use newsdesk_model::{Article, Document, Span};

/// Runs every analysis stage on `article`. Offsets in the result are byte offsets;
/// use `newsdesk_model::wire` to write it out.
pub fn analyze(article: &Article) -> Document {
    let mut doc = Document::from_article(article);
    let text = article.text.as_str();
    let seg = newsdesk_segment::segment(text);
    doc.sentences = seg.sentences.clone();
    doc.entities = newsdesk_entities::recognize(text, &seg);
    let attribution = newsdesk_quotes::attribute(text, &seg, &doc.entities);
    doc.quotes = attribution.quotes;
    for (id, mention) in attribution.mentions {
        if let Some(entity) = doc.entities.iter_mut().find(|e| e.id == id) {
            if !entity.mentions.iter().any(|m| m.span().overlaps(mention.span())) {
                entity.mentions.push(mention);
                entity.mentions.sort_by_key(|m| (m.start, m.end));
            }
        }
    }
    doc.amounts = newsdesk_amounts::find(text, &seg);
    doc.dates = newsdesk_dates::find(text, &seg, article.published.as_deref());
    doc.events = newsdesk_events::detect(&doc, &seg);
    debug_assert!(spans_valid(&doc));
    doc
}

/// True when every span of `doc` lies inside its text on char boundaries and every
/// mention's text equals its slice.
pub fn spans_valid(doc: &Document) -> bool {
    let text = doc.text.as_str();
    let ok = |s: Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    doc.sentences.iter().all(|s| ok(*s))
        && doc
            .entities
            .iter()
            .all(|e| e.mentions.iter().all(|m| ok(m.span()) && m.span().slice(text) == m.text))
        && doc.quotes.iter().all(|q| {
            ok(Span::new(q.start, q.end)) && q.cue_span.is_none_or(ok) && q.speaker_span.is_none_or(ok)
        })
        && doc
            .amounts
            .iter()
            .all(|a| ok(Span::new(a.start, a.end)) && Span::new(a.start, a.end).slice(text) == a.text)
        && doc
            .dates
            .iter()
            .all(|d| ok(Span::new(d.start, d.end)) && Span::new(d.start, d.end).slice(text) == d.text)
}
