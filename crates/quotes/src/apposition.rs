//! A content does not end inside its clause's subject: in `warned that Donald Trump, even as a
//! candidate, had elevated the dangers`, `said their speeches, already full of references to
//! security, would focus on ...`, the comma after the subject opens an aside, and the clause
//! goes on after the aside with an auxiliary. A content cut at the first comma (the learned
//! boundary chooser sometimes cuts there) runs on over the aside to where the clause ends.

use crate::found::Found;
use crate::indirect;
use crate::lexicon::LEXICON;
use crate::source;
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Prepositions that end a noun's cue (`rhetoric on`, `criticism of`).
const PREPOSITIONS: [&str; 6] = ["on", "of", "about", "for", "over", "against"];

/// The longest aside, in tokens, between the subject's comma and the auxiliary.
const MAX_ASIDE: usize = 16;

/// Runs on every indirect or mixed content that ends right before `, aside, auxiliary`.
pub fn extend(v: &View, found: &mut [Found]) {
    for i in 0..found.len() {
        let f = &found[i];
        // (Not after a noun's preposition: `rhetoric on X that portrays ..., at least for now,
        // may have ...` goes on with the sentence's own verb.)
        let Some(cue) =
            f.cue.filter(|c| c.1 > c.0 && !PREPOSITIONS.contains(&v.toks[c.1 - 1].lower.as_str()))
        else {
            continue;
        };
        if f.kind == QuoteKind::Direct || v.toks[cue.0].sent != v.toks[v.first_tok_from(f.content.start)].sent
        {
            continue;
        }
        let a = v.first_tok_from(f.content.start);
        let b = v.toks.partition_point(|t| t.start < f.content.end);
        if a >= b || b >= v.toks.len() || !v.punct(b, ",") || v.region_of(b).is_some() {
            continue;
        }
        let (_, sent_end) = v.sentence_of(a);
        let Some(close) = aside_close(v, b, sent_end) else { continue };
        let end = indirect::content_end(v, a, sent_end);
        if end <= close + 1 {
            continue;
        }
        let Some(span) = indirect::content(v, a, end) else { continue };
        let claimed = found
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.content.start < span.end && f.content.end <= o.content.start);
        if claimed {
            continue;
        }
        found[i].content = span;
    }
}

/// The comma closing an aside that opens at the comma `open`, when an auxiliary follows it:
/// no quotation, verb of saying or other stop in between.
fn aside_close(v: &View, open: usize, sent_end: usize) -> Option<usize> {
    let limit = (open + MAX_ASIDE).min(sent_end);
    let mut k = open + 1;
    while k < limit {
        if v.region_of(k).is_some()
            || v.punct(k, ";:()\"“”")
            || source::saying_at(v, k)
            || source::according_at(v, k).is_some()
        {
            return None;
        }
        if v.punct(k, ",") {
            let next = v.toks.get(k + 1)?;
            return (k > open + 1 && LEXICON.is(&next.lower, "auxiliary")).then_some(k);
        }
        k += 1;
    }
    None
}
