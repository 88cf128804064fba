//! Tagging a view with the compiled-in model and turning predicted contents the rules missed
//! into `Found` items with a cue and a source.

use super::features::Context;
use crate::found::Found;
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::{QuoteKind, Span};
use newsdesk_perceptron::{Magic, Model};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

/// The magic opening a quote-tagger model file.
pub const MAGIC: &Magic = b"NDQUO1";

/// Tag indices (`newsdesk-perceptron`'s layout: O, then begin/inside of three types).
pub(super) const SOURCE: usize = 1;
pub(super) const CUE: usize = 3;
pub(super) const CONTENT: usize = 5;

/// Fewest word tokens of a predicted content kept as a quote.
const MIN_CONTENT_WORDS: usize = 2;
/// Farthest a predicted source may be from its cue, in tokens.
const MAX_SOURCE_GAP: usize = 3;

static MODEL_BYTES: &[u8] = include_bytes!("../../../../models/quotes.bin");
static REPLACEMENT: OnceLock<Vec<u8>> = OnceLock::new();
static LOADED: AtomicBool = AtomicBool::new(false);
static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| {
    LOADED.store(true, Ordering::SeqCst);
    let bytes = REPLACEMENT.get().map_or(MODEL_BYTES, Vec::as_slice);
    Model::from_bytes(bytes, MAGIC).filter(|m| !m.is_empty())
});

/// Makes this process use the model `bytes` instead of the compiled-in one (for scoring a
/// freshly trained model before committing it). Returns false when a model is already in
/// use, so nothing changed.
pub fn use_model(bytes: Vec<u8>) -> bool {
    !LOADED.load(Ordering::SeqCst) && REPLACEMENT.set(bytes).is_ok()
}

/// Predicted spans of `v` as (tag type, token range).
fn predict(model: &Model, ctx: &Context) -> Vec<(usize, Range)> {
    let mut out = Vec::new();
    for seq in ctx.sequences() {
        let tags = model.tag(&ctx.features(seq));
        let mut k = 0;
        while k < tags.len() {
            let t = tags[k];
            if t == 0 {
                k += 1;
                continue;
            }
            let kind = t - (t + 1) % 2;
            let mut e = k + 1;
            while e < tags.len() && tags[e] == kind + 1 {
                e += 1;
            }
            out.push((kind, (seq.0 + k, seq.0 + e)));
            k = e;
        }
    }
    out
}

/// Adds to `found` the contents the model predicts where the rules found none.
pub fn find(v: &View, found: &mut Vec<Found>) {
    let Some(model) = MODEL.as_ref() else { return };
    let ctx = Context::new(v, found);
    let spans = predict(model, &ctx);
    let rule_contents: Vec<Span> = found.iter().map(|f| f.content).collect();
    for &(kind, (a, b)) in &spans {
        if kind != CONTENT || (a..b).filter(|&i| v.toks[i].word).count() < MIN_CONTENT_WORDS {
            continue;
        }
        let content = v.tok_span(a, b);
        if content.is_empty() || rule_contents.iter().any(|r| r.start < content.end && content.start < r.end)
        {
            continue;
        }
        let cue = nearest_cue(v, &ctx, &spans, (a, b));
        let src = cue.and_then(|c| source_of(v, &spans, c, (a, b)));
        let holds_quote = v.regions.iter().any(|r| content.contains(r.content));
        let kind = if holds_quote { QuoteKind::Mixed } else { QuoteKind::Indirect };
        found.push(Found::new(kind, content, cue, src));
    }
}

/// Token distance between two ranges (0 when they touch or overlap).
fn gap((a, b): Range, (c, d): Range) -> usize {
    if b <= c {
        c - b
    } else {
        a.saturating_sub(d)
    }
}

fn overlaps((a, b): Range, (c, d): Range) -> bool {
    a < d && c < b
}

/// The predicted cue nearest to `content` in the sentence of its first or last token, else the
/// nearest lexicon cue there.
fn nearest_cue(v: &View, ctx: &Context, spans: &[(usize, Range)], content: Range) -> Option<Range> {
    let sents = [v.toks[content.0].sent, v.toks[content.1 - 1].sent];
    let in_sents = |r: Range| v.toks.get(r.0).is_some_and(|t| sents.contains(&t.sent));
    let predicted = spans
        .iter()
        .filter(|(k, r)| *k == CUE && in_sents(*r) && !overlaps(*r, content))
        .map(|(_, r)| *r)
        .min_by_key(|r| gap(*r, content));
    predicted.or_else(|| {
        ctx.lexicon_cues().filter(|r| in_sents(*r) && !overlaps(*r, content)).min_by_key(|r| gap(*r, content))
    })
}

/// The predicted source next to `cue`, else the rules' source phrase before or after it.
fn source_of(v: &View, spans: &[(usize, Range)], cue: Range, content: Range) -> Option<Range> {
    let sent = v.toks.get(cue.0)?.sent;
    let predicted = spans
        .iter()
        .filter(|(k, r)| {
            *k == SOURCE
                && v.toks[r.0].sent == sent
                && !overlaps(*r, content)
                && gap(*r, cue) <= MAX_SOURCE_GAP
        })
        .map(|(_, r)| *r)
        .min_by_key(|r| gap(*r, cue));
    predicted
        .or_else(|| source::before(v, cue.0).filter(|r| !overlaps(*r, content)))
        .or_else(|| source::after(v, cue.1).filter(|r| !overlaps(*r, content)))
}
