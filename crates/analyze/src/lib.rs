//! The analysis pipeline: `Article` → `Document`, running each stage in order:
//! segment → entities → quotes → amounts → dates → events.
//!
//! Invariant: no I/O here, and no stage keeps state between documents.

use newsdesk_model::{Article, Diagnostic, Document, Span};

/// Texts longer than this are analysed up to the last paragraph break before it: a news report
/// is a few kilobytes, and a budget keeps hostile or mistaken inputs (a 50 MB "article") bounded
/// in time. The whole text is still returned, with a diagnostic saying where analysis stopped.
pub const ANALYSIS_BUDGET_BYTES: usize = 2 << 20;

/// Where analysis of `text` stops: its end, or the last paragraph (else line, else char)
/// boundary within the budget.
fn analysed_len(text: &str) -> usize {
    if text.len() <= ANALYSIS_BUDGET_BYTES {
        return text.len();
    }
    let mut cut = ANALYSIS_BUDGET_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    head.rfind("\n\n").or_else(|| head.rfind('\n')).map(|i| i + 1).unwrap_or(cut)
}

/// Runs every analysis stage on `article`. Offsets in the result are byte offsets;
/// use `newsdesk_model::wire` to write it out.
pub fn analyze(article: &Article) -> Document {
    let mut doc = Document::from_article(article);
    let limit = analysed_len(&article.text);
    if limit < article.text.len() {
        doc.diagnostics.push(Diagnostic::new(
            "analysis-truncated",
            format!(
                "text of {} bytes analysed up to byte {limit} (budget {ANALYSIS_BUDGET_BYTES})",
                article.text.len()
            ),
        ));
    }
    let text = &article.text[..limit];
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
    // One token view per sentence, read by both stages that work on words.
    let views = seg.sentence_token_texts(text);
    doc.amounts = newsdesk_amounts::find_in(text, &views);
    doc.dates = newsdesk_dates::find_in(text, &views, article.published.as_deref());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_analysed_within_the_budget_and_kept_whole() {
        let para = "Officials said the talks in Paris went well. Prices rose by 4 percent.\n\n";
        let text = para.repeat(ANALYSIS_BUDGET_BYTES / para.len() + 10);
        let article = Article { text: text.clone(), ..Default::default() };
        let doc = analyze(&article);
        assert_eq!(doc.text, text);
        assert!(doc.diagnostics.iter().any(|d| d.kind == "analysis-truncated"));
        let last = doc.sentences.last().expect("sentences");
        assert!(last.end <= ANALYSIS_BUDGET_BYTES);
        assert!(spans_valid(&doc));
    }

    #[test]
    fn short_texts_are_analysed_whole() {
        let article = Article { text: "Officials said the talks went well.".into(), ..Default::default() };
        let doc = analyze(&article);
        assert!(doc.diagnostics.is_empty());
        assert_eq!(doc.sentences.last().map(|s| s.end), Some(article.text.len()));
    }
}
