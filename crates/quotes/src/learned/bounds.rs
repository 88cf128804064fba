//! Where reported speech ends: a learned choice among the places an indirect content may
//! end. The rules stop a content at the first comma or sentence end that looks like a
//! boundary; annotators run it on past some commas (`..., leaving him unqualified`) and stop
//! it before others (`..., but he hasn't endorsed her`). For each indirect or mixed content,
//! the candidate ends are the rule's end and every comma, semicolon, dash, colon or
//! parenthesis of its sentence after its start, the sentence end, and the end of the next
//! sentence of the paragraph; an averaged multiclass perceptron (hashed features of the words
//! around each candidate, its distance from the rule's end and the cue) picks one. Trained by
//! `newsdesk train quotes` on PolNeAR's train split; the model is compiled in from
//! `models/quote_bounds.bin`, and an empty or unreadable model leaves the rules' ends.

use crate::found::Found;
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::{QuoteKind, Span};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

/// The magic opening a bounds model file.
pub const MAGIC: &[u8; 6] = b"NDQBD1";
/// Features are hashed into this many weights.
const DIM: usize = 1 << 20;
/// Most candidate ends looked at per content (bounded time on run-on sentences).
const MAX_CANDIDATES: usize = 24;

/// A trained model: sparse averaged weights.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bounds {
    weights: Vec<(u32, f32)>,
}

impl Bounds {
    fn score(&self, feats: &[u32]) -> f32 {
        feats
            .iter()
            .filter_map(|&h| self.weights.binary_search_by_key(&(h % DIM as u32), |w| w.0).ok())
            .map(|k| self.weights[k].1)
            .sum()
    }

    /// Index of the best-scoring candidate (the first on ties).
    pub fn pick(&self, cands: &[Vec<u32>]) -> usize {
        self.choose(cands)
    }

    fn choose(&self, cands: &[Vec<u32>]) -> usize {
        let mut best = (0, f32::MIN);
        for (k, c) in cands.iter().enumerate() {
            let s = self.score(c);
            if s > best.1 {
                best = (k, s);
            }
        }
        best.0
    }

    /// The model file: magic, count, then (index, weight) pairs, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(10 + 8 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for (k, w) in &self.weights {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model file; `None` when it is not one or is cut short.
    pub fn from_bytes(bytes: &[u8]) -> Option<Bounds> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let word = |k: usize| -> Option<[u8; 4]> { rest.get(k..k + 4)?.try_into().ok() };
        let n = u32::from_le_bytes(word(0)?) as usize;
        if rest.len() != 4 + 8 * n {
            return None;
        }
        let mut weights = Vec::with_capacity(n);
        for i in 0..n {
            let k = u32::from_le_bytes(word(4 + 8 * i)?);
            let w = f32::from_le_bytes(word(8 + 8 * i)?);
            if k as usize >= DIM || weights.last().is_some_and(|&(p, _)| p >= k) || !w.is_finite() {
                return None;
            }
            weights.push((k, w));
        }
        Some(Bounds { weights })
    }
}

/// One training choice: the features of each candidate end, and which is right.
#[derive(Debug, Clone)]
pub struct Choice {
    pub cands: Vec<Vec<u32>>,
    pub gold: usize,
}

/// The training choices of one document: for each indirect or mixed content the rules and
/// the tagger in use find, the candidate that ends where the gold content holding its start
/// ends (after trimming punctuation). Contents no gold content starts near, or whose gold end
/// is no candidate, teach nothing and are left out.
pub fn choices(v: &View, found: &[Found], gold_contents: &[Span]) -> Vec<Choice> {
    let owner = owners(v, found);
    let trim = |mut e: usize, a: usize| {
        while e > a && v.punct(e - 1, ".,;:!?—–-(") {
            e -= 1;
        }
        e
    };
    let mut out = Vec::new();
    for i in 0..found.len() {
        let Some((a, ends, cands)) = candidates(v, found, i, &owner) else { continue };
        // The gold content starting within three tokens of this one's start.
        let g = gold_contents.iter().find(|g| {
            let ga = v.first_tok_from(g.start);
            ga.abs_diff(a) <= 3 && g.end > v.toks[a].start
        });
        let Some(g) = g else { continue };
        let ge = trim(v.toks.partition_point(|t| t.start < g.end), a);
        if let Some(k) = ends.iter().position(|&e| trim(e, a) == ge) {
            out.push(Choice { cands, gold: k });
        }
    }
    // Starts: the gold content sharing most tokens with this one; its start past a `that`
    // (our contents leave the complementizer out).
    for i in 0..found.len() {
        let Some((r, starts, cands)) = start_candidates(v, found, i, &owner) else { continue };
        let f = &found[i];
        let shared = |g: &Span| {
            let (x, y) = (g.start.max(f.content.start), g.end.min(f.content.end));
            y.saturating_sub(x)
        };
        let Some(g) = gold_contents.iter().filter(|g| shared(g) > 0).max_by_key(|g| shared(g)) else {
            continue;
        };
        let mut gs = v.first_tok_from(g.start);
        while gs < r && (!v.toks[gs].word || v.toks[gs].lower == "that") {
            gs += 1;
        }
        let lead = |k: usize| {
            let mut k = k;
            while k < r && v.toks[k].lower == "that" {
                k += 1;
            }
            k
        };
        if let Some(k) = starts.iter().position(|&st| lead(st) == gs) {
            out.push(Choice { cands, gold: k });
        }
    }
    out
}

/// Trains the averaged multiclass perceptron over `epochs` passes in a fixed-seed order.
pub fn train(choices: &[Choice], epochs: usize) -> Bounds {
    let mut w = vec![0f32; DIM];
    // Sum of c * update, for the average w - u / c (Daumé's trick).
    let mut u = vec![0f32; DIM];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..choices.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let ch = &choices[i];
            let score = |f: &Vec<u32>| f.iter().map(|&h| w[h as usize % DIM]).sum::<f32>();
            let mut best = (0, f32::MIN);
            for (k, f) in ch.cands.iter().enumerate() {
                let s = score(f);
                if s > best.1 {
                    best = (k, s);
                }
            }
            if best.0 != ch.gold {
                for (feats, delta) in [(&ch.cands[ch.gold], 1.0f32), (&ch.cands[best.0], -1.0)] {
                    for &h in feats {
                        let k = h as usize % DIM;
                        w[k] += delta;
                        u[k] += c * delta;
                    }
                }
            }
            c += 1.0;
        }
    }
    let weights = w
        .iter()
        .zip(&u)
        .enumerate()
        .map(|(k, (&w, &u))| (k as u32, w - u / c))
        .filter(|(_, x)| x.abs() >= 1e-3)
        .collect();
    Bounds { weights }
}

static MODEL_BYTES: &[u8] = include_bytes!("../../../../models/quote_bounds.bin");
static REPLACEMENT: OnceLock<Vec<u8>> = OnceLock::new();
static LOADED: AtomicBool = AtomicBool::new(false);
static MODEL: LazyLock<Option<Bounds>> = LazyLock::new(|| {
    LOADED.store(true, Ordering::SeqCst);
    Bounds::from_bytes(REPLACEMENT.get().map_or(MODEL_BYTES, Vec::as_slice)).filter(|m| !m.weights.is_empty())
});

/// The model in use, if any.
pub(super) fn model() -> Option<&'static Bounds> {
    MODEL.as_ref()
}

/// Makes this process use the model `bytes` instead of the compiled-in one; false when a
/// model is already in use.
pub fn use_model(bytes: Vec<u8>) -> bool {
    !LOADED.load(Ordering::SeqCst) && REPLACEMENT.set(bytes).is_ok()
}

/// Moves the start and end of every indirect and mixed content to the candidates the model
/// prefers, then chooses its source ([`super::sources`]).
pub fn refine(v: &View, found: &mut [Found], tagged_sources: &[Range]) {
    let Some(model) = MODEL.as_ref() else { return };
    let mut owner = owners(v, found);
    // The rule's choice (candidate 0) leaves the content as it is, marks and all.
    for i in 0..found.len() {
        let Some((r, starts, feats)) = start_candidates(v, found, i, &owner) else { continue };
        let k = model.choose(&feats);
        let span = content_span(v, starts[k], r).map(|s| Span::new(s.start, found[i].content.end));
        if let Some(span) = span.filter(|_| k > 0) {
            set_content(v, found, &mut owner, i, span);
        }
    }
    for i in 0..found.len() {
        let Some((a, ends, feats)) = candidates(v, found, i, &owner) else { continue };
        let k = model.choose(&feats);
        let span = content_span(v, a, ends[k]).map(|s| Span::new(found[i].content.start, s.end));
        if let Some(span) = span.filter(|_| k > 0) {
            set_content(v, found, &mut owner, i, span);
        }
    }
    super::sources::refine(v, found, model, tagged_sources);
}

/// True when a quotation's marks bound content `f` at its start (`start`) or end: a mixed
/// quote's edge that the quote marks, not a comma, decide.
fn quoted_edge(v: &View, f: &Found, start: bool) -> bool {
    v.regions
        .iter()
        .skip(v.regions.partition_point(|r| r.content.end < f.content.start))
        .take_while(|r| r.content.start <= f.content.end)
        .any(|r| {
            if start {
                r.content.start <= f.content.start + 1 && f.content.start <= r.content.start + 1
            } else {
                r.content.end <= f.content.end + 1 && f.content.end <= r.content.end + 1
            }
        })
}

/// Gives found `i` the content `span`, keeping `owner` up to date (work in proportion to the
/// two contents' lengths, so the whole step stays linear).
fn set_content(v: &View, found: &mut [Found], owner: &mut [u32], i: usize, span: Span) {
    let toks = |s: Span| (v.first_tok_from(s.start), v.toks.partition_point(|t| t.start < s.end));
    let ((a0, b0), (a1, b1)) = (toks(found[i].content), toks(span));
    // Only the tokens that change hands: what the old span had and the new one has not, and
    // the other way round.
    for k in (a0..b0.min(a1)).chain(a0.max(b1)..b0) {
        if owner[k] == i as u32 {
            owner[k] = u32::MAX;
        }
    }
    for k in (a1..b1.min(a0)).chain(a1.max(b0)..b1) {
        owner[k] = i as u32;
    }
    found[i].content = span;
}

/// For every token, the index of the found content holding it (`u32::MAX` for none).
pub fn owners(v: &View, found: &[Found]) -> Vec<u32> {
    let mut owner = vec![u32::MAX; v.toks.len()];
    for (j, g) in found.iter().enumerate() {
        let a = v.first_tok_from(g.content.start);
        let b = v.toks.partition_point(|t| t.start < g.content.end);
        for o in owner.iter_mut().take(b).skip(a) {
            *o = j as u32;
        }
    }
    owner
}

/// The content of tokens `[a, e)` without closing punctuation, `None` when it holds no word.
fn content_span(v: &View, a: usize, mut e: usize) -> Option<Span> {
    while e > a && v.punct(e - 1, ".,;:!?—–-(") {
        e -= 1;
    }
    (a..e).any(|k| v.toks[k].word).then(|| v.tok_span(a, e))
}

/// For found `i` (indirect or mixed): its first token, the candidate end tokens (exclusive;
/// the rule's own first) and their features. `None` for a direct quote or when there is no
/// other place to end.
pub fn candidates(
    v: &View,
    found: &[Found],
    i: usize,
    owner: &[u32],
) -> Option<(usize, Vec<usize>, Vec<Vec<u32>>)> {
    let f = &found[i];
    if f.kind == QuoteKind::Direct || quoted_edge(v, f, false) {
        return None;
    }
    let n = v.toks.len();
    let a = v.first_tok_from(f.content.start);
    let r = v.first_tok_from(f.content.end);
    if a >= r || r > n {
        return None;
    }
    let (sa, sb) = v.sentence_of(a);
    let para = v.toks[a].para;
    // The end of the next sentence of the paragraph (contents may run on past a full stop).
    let next_end = v.toks.get(sb).filter(|t| t.para == para).map(|_| v.sentence_of(sb).1);
    // A content may not take in its own cue or source, another content, or a quote region it
    // only partly covers: the limit is the first such token after its start.
    let blocked = |k: usize| {
        let own = |x: Option<(usize, usize)>| x.is_some_and(|(p, q)| p <= k && k < q);
        let other = owner.get(k).is_some_and(|&o| o != u32::MAX && o as usize != i);
        own(f.cue) || own(f.source) || other
    };
    let limit = next_end.unwrap_or(sb).max(r);
    let mut stop = r;
    while stop < limit && !blocked(stop) && stop - r < 120 {
        stop += 1;
    }
    let mut ends = vec![r];
    // Shorter ends only within reach of the rule's (bounded time on run-on sentences).
    for k in (a + 1).max(r.saturating_sub(150))..=stop {
        if ends.len() >= MAX_CANDIDATES {
            break;
        }
        let boundary = k == sb
            || Some(k) == next_end
            || k == stop
            || v.toks.get(k).is_some_and(|t| !t.word && v.punct(k, ",;:—–(") && v.region_of(k).is_none());
        // Only ends past the start's first word, never inside a quotation, and never one
        // that only adds a time adverbial (`backed the plan on Monday`: when, not what).
        let only_time = k > r && crate::indirect::without_time(v, a, k) <= r;
        if boundary
            && k != r
            && k > a + 1
            && !only_time
            && v.region_of(k.saturating_sub(1)).is_none_or(|_| k >= r)
        {
            ends.push(k);
        }
    }
    if ends.len() < 2 {
        return None;
    }
    let cue = f.cue.and_then(|c| v.toks.get(c.0)).map_or("", |t| t.lower.as_str());
    let kind = if f.kind == QuoteKind::Mixed { "M" } else { "I" };
    let feats = ends.iter().map(|&e| features(v, a, r, e, (sa, sb), cue, kind)).collect();
    Some((a, ends, feats))
}

/// For found `i` (indirect or mixed): its end token (exclusive), the candidate start tokens
/// (the rule's own first) and their features: after the cue (or the sentence start when the
/// cue follows), and after each comma, semicolon, colon, dash, parenthesis or `that` up to
/// the content's last word. `None` for a direct quote or when there is no other start.
pub fn start_candidates(
    v: &View,
    found: &[Found],
    i: usize,
    owner: &[u32],
) -> Option<(usize, Vec<usize>, Vec<Vec<u32>>)> {
    let f = &found[i];
    if f.kind == QuoteKind::Direct || quoted_edge(v, f, true) {
        return None;
    }
    let a = v.first_tok_from(f.content.start);
    let r = v.toks.partition_point(|t| t.start < f.content.end);
    if a >= r || r > v.toks.len() {
        return None;
    }
    let (sa, _) = v.sentence_of(a);
    let cue_before = f.cue.filter(|c| c.1 <= a && c.0 >= sa);
    let src_before = f.source.filter(|s| s.1 <= a && s.0 >= sa);
    // Nothing before the content's own cue or source, nor another content.
    let mut lo = a;
    let barrier = [cue_before.map(|c| c.1), src_before.map(|s| s.1)].into_iter().flatten().max();
    while lo > sa && lo > barrier.unwrap_or(0) && a - lo < 150 {
        let k = lo - 1;
        if owner.get(k).is_some_and(|&o| o != u32::MAX && o as usize != i) || v.region_of(k).is_some() {
            break;
        }
        lo -= 1;
    }
    let mut starts = vec![a];
    let last_word = (a..r).rev().find(|&k| v.toks[k].word)?;
    for k in lo..last_word.min(a + 150) {
        if starts.len() >= MAX_CANDIDATES {
            break;
        }
        let after_mark = k > 0 && (v.punct(k - 1, ",;:—–(") || v.toks[k - 1].lower == "that");
        let ok = (k == lo || after_mark || v.toks[k].lower == "that") && v.toks[k].word && k != a;
        if ok && v.region_of(k).is_none_or(|_| k <= a) {
            starts.push(k);
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let cue = f.cue.and_then(|c| v.toks.get(c.0)).map_or("", |t| t.lower.as_str());
    let side = if cue_before.is_some() { "cue-before" } else { "cue-after" };
    let feats = starts.iter().map(|&st| start_features(v, a, r, st, lo, cue, side)).collect();
    Some((r, starts, feats))
}

/// Features of starting a content at `st` (the rule started it at `a`, it ends at `r`, and
/// `lo` is the earliest start).
fn start_features(v: &View, a: usize, r: usize, st: usize, lo: usize, cue: &str, side: &str) -> Vec<u32> {
    let toks = &v.toks;
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("<s>", |t| t.lower.as_str());
    let mut out = Vec::with_capacity(16);
    let mut add = |template: u8, parts: &[&str]| out.push(hash(template, parts));
    let rel = match st.cmp(&a) {
        std::cmp::Ordering::Equal => "rule",
        std::cmp::Ordering::Less => "earlier",
        std::cmp::Ordering::Greater => "later",
    };
    let at_lo = if st == lo { "lo" } else { "-" };
    add(100, &[rel, side, at_lo]);
    add(101, &[rel, word(Some(st))]);
    add(102, &[rel, word(st.checked_sub(1))]);
    add(103, &[rel, word(st.checked_sub(2)), word(st.checked_sub(1))]);
    add(104, &[rel, cue, side]);
    let words = words_capped(v, st, r);
    add(105, &[rel, bucket(words)]);
    let (x, y) = (st.min(a), st.max(a));
    add(106, &[rel, bucket((x..y).filter(|&k| toks[k].word).count())]);
    add(107, &[rel, bucket((x..y).filter(|&k| v.punct(k, ",;")).count())]);
    let cue_between = (x..y).any(|k| source::cue_at(v, k).is_some() || source::according_at(v, k).is_some());
    add(108, &[rel, if cue_between { "cue" } else { "-" }]);
    add(109, &[rel, word(Some(a)), word(a.checked_sub(1))]);
    add(110, &[rel, side, word(Some(st))]);
    out
}

/// Features of ending a content that starts at token `a` (the rule ended it at `r`) at `e`.
fn features(
    v: &View,
    a: usize,
    r: usize,
    e: usize,
    (_, sb): (usize, usize),
    cue: &str,
    kind: &str,
) -> Vec<u32> {
    let toks = &v.toks;
    let word = |k: usize| toks.get(k).map_or("</s>", |t| t.lower.as_str());
    let mut out = Vec::with_capacity(24);
    let mut add = |template: u8, parts: &[&str]| out.push(hash(template, parts));
    let rel = match e.cmp(&r) {
        std::cmp::Ordering::Equal => "rule",
        std::cmp::Ordering::Less => "shorter",
        std::cmp::Ordering::Greater => "longer",
    };
    let place = if e == sb {
        "sentence"
    } else if e > sb {
        "next"
    } else {
        "inside"
    };
    add(0, &[rel]);
    add(1, &[rel, place]);
    add(2, &[rel, word(e)]);
    add(3, &[rel, word(e), word(e + 1)]);
    add(4, &[rel, word(e.saturating_sub(1))]);
    add(5, &[rel, word(e + 1)]);
    add(6, &[rel, cue]);
    add(7, &[rel, kind, place]);
    let words = words_capped(v, a, e);
    add(8, &[rel, bucket(words)]);
    let (lo, hi) = (r.min(e), r.max(e));
    let between = (lo..hi).filter(|&k| toks[k].word).count();
    add(9, &[rel, bucket(between)]);
    let commas = (lo..hi).filter(|&k| v.punct(k, ",;")).count();
    add(10, &[rel, bucket(commas)]);
    // A cue between the rule's end and this one: another attribution starts there.
    let cue_between =
        (lo..hi).any(|k| source::cue_at(v, k).is_some() || source::according_at(v, k).is_some());
    add(11, &[rel, if cue_between { "cue" } else { "-" }]);
    let quote_between = (lo..hi).any(|k| v.region_of(k).is_some());
    add(12, &[rel, if quote_between { "quote" } else { "-" }]);
    add(13, &[rel, word(r), word(r + 1)]);
    add(14, &[rel, cue, place]);
    add(15, &[rel, word(e + 1), word(e + 2)]);
    add(16, &[rel, place, word(e + 1)]);
    add(17, &[rel, word(e + 1), cue]);
    add(18, &[rel, bucket(words), place]);
    out
}

/// The number of words in tokens `[a, b)`, counted up to 32 (the last bucket): constant work
/// however long a content is.
fn words_capped(v: &View, a: usize, b: usize) -> usize {
    v.toks.get(a..b).unwrap_or(&[]).iter().filter(|t| t.word).take(32).count()
}

pub(super) fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=15 => "9-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

/// FNV-1a over a template number and value parts, as the tagger's features are hashed.
pub(super) fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0xff);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_files_round_trip_and_cut_ones_are_refused() {
        let choices = vec![
            Choice { cands: vec![vec![1, 2], vec![3, 4]], gold: 1 },
            Choice { cands: vec![vec![1, 5], vec![3, 6], vec![7]], gold: 1 },
        ];
        let m = train(&choices, 5);
        assert_eq!(m, train(&choices, 5), "training is deterministic");
        assert_eq!(m.choose(&[vec![1, 2], vec![3, 4]]), 1);
        let bytes = m.to_bytes();
        assert_eq!(Bounds::from_bytes(&bytes), Some(m));
        for cut in [0, 5, 9, bytes.len() - 1] {
            assert_eq!(Bounds::from_bytes(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(Bounds::from_bytes(b"NDQUO1\0\0\0\0"), None, "wrong magic");
    }
}
