//! Interview transcripts: paragraphs opening with a speaker label in capitals and a colon
//! (`WALLACE: Let's start with ...`, `SEN. WARREN: ...`). Each turn is direct speech, its
//! label the source and the colon the cue; a turn runs on over the unlabelled paragraphs
//! after it when the transcript marks its paragraphs with opening quote marks (the convention
//! for a quotation running over paragraphs), and stops at a stage note such as `(CROSSTALK.)`.
//!
//! A label alone proves nothing (`UPDATE:`, `WASHINGTON:`), so a text is a transcript only
//! when at least two labels each open at least two paragraphs.

use crate::found::Found;
use crate::text::View;
use newsdesk_model::{Entity, EntityType, QuoteKind, Span};

/// Most tokens of a label before its colon (`SEN. ELIZABETH WARREN`).
const MAX_LABEL: usize = 5;

/// One labelled paragraph: its label's token range and its colon's token index.
struct Turn {
    label: (usize, usize),
    colon: usize,
    para: usize,
    /// Whether the paragraph opens with a quote mark before the label.
    marked: bool,
}

/// The turns of `v` when it is a transcript, as direct quotes (none otherwise), each label
/// resolved to the one person of `entities` whose name ends with it (`PENCE`: Mike Pence).
pub fn find(v: &View, entities: &[Entity]) -> Vec<Found> {
    let turns = labelled_paragraphs(v);
    let name = |t: &Turn| v.slice(v.tok_span(t.label.0, t.label.1)).to_string();
    let mut names: Vec<String> = turns.iter().map(name).collect();
    names.sort();
    let mut repeated = 0;
    for (k, n) in names.iter().enumerate() {
        if k + 1 < names.len() && names[k + 1] == *n && (k == 0 || names[k - 1] != *n) {
            repeated += 1;
        }
    }
    if repeated < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, t) in turns.iter().enumerate() {
        let next_label = turns.get(k + 1).map_or(usize::MAX, |n| n.para);
        let start = t.colon + 1;
        let mut end = paragraph_end(v, start);
        // Unlabelled paragraphs opening with a quote mark continue a marked turn.
        while t.marked && end < v.toks.len() {
            let p = v.toks[end].para;
            if p >= next_label || !v.toks[end].lower.chars().all(crate::text::is_quote_mark) {
                break;
            }
            let body = end + 1;
            if body >= v.toks.len() || v.toks[body].para != p || stage_note(v, body) {
                break;
            }
            end = paragraph_end(v, body);
        }
        // (Without the quote marks closing the turn.)
        while end > start
            && !v.toks[end - 1].word
            && v.toks[end - 1].lower.chars().all(crate::text::is_quote_mark)
        {
            end -= 1;
        }
        if !(start..end).any(|i| v.toks[i].word) {
            continue;
        }
        let mut f = Found::new(
            QuoteKind::Direct,
            v.tok_span(start, end),
            Some((t.colon, t.colon + 1)),
            Some(t.label),
        );
        f.by_marks = true;
        f.speaker = person_named(v, entities, t.label);
        out.push(f);
    }
    out
}

/// The paragraphs opening with a label: after an optional quote mark, one to
/// [`MAX_LABEL`] tokens of words in capitals (at least two letters) and periods, then `:`.
fn labelled_paragraphs(v: &View) -> Vec<Turn> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.toks.len() {
        let para = v.toks[i].para;
        let marked = v.toks[i].lower.chars().all(crate::text::is_quote_mark);
        let a = i + usize::from(marked);
        let mut k = a;
        while k < v.toks.len() && k - a < MAX_LABEL && v.toks[k].para == para && label_token(v, k) {
            k += 1;
        }
        let words = (a..k).filter(|&j| v.toks[j].word).count();
        // (Words must follow the colon in its paragraph: a label alone opens no turn.)
        let said = v.toks.get(k + 1).is_some_and(|t| t.para == para);
        if words > 0 && v.toks[a].word && v.toks[k - 1].word && v.punct(k, ":") && said {
            out.push(Turn { label: (a, k), colon: k, para, marked });
        }
        i = paragraph_end(v, i);
    }
    out
}

/// The only person entity whose name's last word is the label's last word, in any case.
fn person_named(v: &View, entities: &[Entity], (a, b): (usize, usize)) -> Option<String> {
    let last = (a..b).rev().find(|&k| v.toks[k].word).map(|k| v.toks[k].lower.as_str())?;
    let mut named = entities.iter().filter(|e| {
        e.kind == EntityType::Person && e.name.rsplit(' ').next().is_some_and(|w| w.to_lowercase() == last)
    });
    let one = named.next()?;
    named.next().is_none().then(|| one.id.clone())
}

/// A word in capitals of at least two letters, or a period (`SEN.`).
fn label_token(v: &View, k: usize) -> bool {
    let t = &v.toks[k];
    if !t.word {
        return t.lower == ".";
    }
    let s = &v.text[t.start..t.end];
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// A paragraph that is only a parenthesis (`(CROSSTALK.)`, `(LAUGHTER)`).
fn stage_note(v: &View, k: usize) -> bool {
    v.punct(k, "(") && v.toks[..paragraph_end(v, k)].last().is_some_and(|t| t.lower == ")" || t.lower == ".")
}

/// One past the last token of the paragraph holding token `i`.
fn paragraph_end(v: &View, i: usize) -> usize {
    let p = v.toks[i].para;
    i + v.toks[i..].iter().take_while(|t| t.para == p).count()
}

/// True when `span` overlaps one of the transcript's turns (their labels included).
pub fn overlaps(turns: &[Found], v: &View, span: Span) -> bool {
    turns.iter().any(|f| {
        let start = f.source.map_or(f.content.start, |s| v.toks[s.0].start.min(f.content.start));
        span.start < f.content.end && start < span.end
    })
}
