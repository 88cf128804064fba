//! Direct speech: text in quote marks attributed by a cue right after it (`"...," said X`,
//! `"...," X said`), right before it (`X said, "..."`, `X emphasized: “...”`), or continuing
//! the speaker of a quote just before. Quoted text with none of these (scare quotes, titles)
//! is not speech.

use crate::found::Found;
use crate::lexicon::Frame;
use crate::source::{self, Range};
use crate::text::{Region, View};
use newsdesk_model::QuoteKind;

const MAX_GAP: usize = 7;

/// The direct quotes of `v`, in text order.
pub fn find(v: &View) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for r in &v.regions {
        let words = (r.toks.0..r.toks.1).filter(|&k| v.toks[k].word).count();
        if words == 0 {
            continue;
        }
        let last = v.toks.get(r.toks.1 - 1).map(|t| t.lower.as_str()).unwrap_or("");
        let ends_open = matches!(last, "," | "?" | "!" | "—" | "–" | "-" | "…");
        let after = attribution_after(v, r);
        let before = attribution_before(v, r, words);
        let chosen = match (after, before) {
            (Some(a), _) if ends_open => Some(a),
            (_, Some(b)) => Some(b),
            (Some(a), None) => Some(a),
            (None, None) => None,
        };
        if let Some((cue, src)) = chosen {
            out.push(Found::new(QuoteKind::Direct, r.content, Some(cue), src));
        } else if words >= 4 && starts_sentence(v, r.open) && ends_sentence(v, r) {
            if let Some(prev) = continued(v, r, &out) {
                let p = &out[prev];
                let same_para = v.toks[r.open].para == p.cue.map_or(usize::MAX, |c| v.toks[c.0].para);
                let mut f = Found::new(QuoteKind::Direct, r.content, if same_para { p.cue } else { None }, None);
                f.continues = Some(prev);
                out.push(f);
            }
        }
    }
    out
}

/// `"...," said X` / `"...," X said` / `"...," according to X`.
fn attribution_after(v: &View, r: &Region) -> Option<(Range, Option<Range>)> {
    let close = r.close?;
    let mut k = close + 1;
    if v.punct(k, ",") {
        k += 1;
    }
    let t = v.toks.get(k)?;
    if !t.word || t.sent != v.toks[close].sent || t.para != v.toks[close].para {
        return None;
    }
    if let Some(end) = source::according_at(v, k) {
        return Some(((k, end), source::after(v, end)));
    }
    if let Some((end, _)) = source::cue_at(v, k) {
        let src = source::after(v, end).or_else(|| source::phrase_at(v, end, "extension").and_then(|e| source::after(v, e)));
        return src.map(|s| ((k, end), Some(s)));
    }
    // `X said`: a short source then a cue.
    let mut c = k;
    while c < v.toks.len() && c - k <= 10 {
        let tc = &v.toks[c];
        if !tc.word && !(tc.lower == "." && c > k) {
            break;
        }
        if c > k {
            if let Some((end, _)) = source::cue_at(v, c) {
                let src = source::before(v, c)?;
                return (src.0 == k).then_some(((c, end), Some(src)));
            }
        }
        c += 1;
    }
    None
}

/// `X said, "..."` / `X emphasized: “...”` / `X told reporters: "..."`.
fn attribution_before(v: &View, r: &Region, words: usize) -> Option<(Range, Option<Range>)> {
    let open = r.open;
    let mut j = open;
    let punct = open > 0 && v.punct(open - 1, ",:");
    if punct {
        j -= 1;
    }
    let para = v.toks[open].para;
    for c in (j.saturating_sub(MAX_GAP + 1)..j).rev() {
        let t = &v.toks[c];
        if t.para != para {
            break;
        }
        if !t.word {
            let abbrev = t.lower == "." && c > 0 && crate::lexicon::LEXICON.is(&v.toks[c - 1].lower, "abbrev");
            if abbrev {
                continue;
            }
            break;
        }
        let cue = source::cue_at(v, c).map(|(e, _)| e).or_else(|| source::according_at(v, c));
        let Some(end) = cue else { continue };
        if end > j {
            continue;
        }
        let gap_ok = if end == j {
            punct || words >= 5 || ends_sentence(v, r)
        } else {
            punct
                && (source::phrase_at(v, end, "extension") == Some(j)
                    || (end..j).all(|k| v.toks[k].word || v.toks[k].lower == "."))
        };
        if !gap_ok {
            return None;
        }
        let according = source::according_at(v, c).is_some();
        let src = if according { source::after(v, end) } else { source::before(v, c) };
        return src.map(|s| ((c, end), Some(s)));
    }
    None
}

fn starts_sentence(v: &View, open: usize) -> bool {
    open == 0 || v.toks.get(open - 1).is_some_and(|p| p.sent != v.toks[open].sent || p.para != v.toks[open].para)
}

fn ends_sentence(v: &View, r: &Region) -> bool {
    let Some(close) = r.close else { return true };
    match v.toks.get(close + 1) {
        None => true,
        Some(n) => n.sent != v.toks[close].sent || n.para != v.toks[close].para || v.punct(close + 1, ".?!"),
    }
}

/// The earlier quote whose speaker a cue-less quote at a sentence start continues: one in the
/// same paragraph, or at most two paragraphs back with no other cue in between.
fn continued(v: &View, r: &Region, out: &[Found]) -> Option<usize> {
    let idx = out.len().checked_sub(1)?;
    let p = &out[idx];
    let para = v.toks[r.open].para;
    let prev_para = v.toks.iter().find(|t| t.start >= p.content.start).map(|t| t.para)?;
    if para < prev_para || para - prev_para > 2 {
        return None;
    }
    // No other cue between the two quotes outside quote marks.
    let from = v.toks.iter().position(|t| t.start >= p.content.end)?;
    let intervening = (from..r.open).any(|k| {
        v.region_of(k).is_none()
            && source::cue_at(v, k).is_some_and(|(_, f)| f == Frame::Any)
            && p.cue.is_none_or(|c| c.0 != k)
    });
    (!intervening).then_some(idx)
}
