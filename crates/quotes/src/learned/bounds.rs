//! Where reported speech ends: a learned choice among the places an indirect content may
//! end. The rules stop a content at the first comma or sentence end that looks like a
//! boundary; annotators run it on past some commas (`..., leaving him unqualified`) and stop
//! it before others (`..., but he hasn't endorsed her`). For each indirect or mixed content,
//! the candidate ends are the rule's end and every comma, semicolon, dash, colon or
//! parenthesis of its sentence after its start, the sentence end, and the end of the next
//! sentence of the paragraph; the chooser of [`super::choice`] (hashed features of the words
//! around each candidate, its distance from the rule's end and the cue) picks one. Starts are
//! chosen the same way, among the rule's start, the token after the cue and those after each
//! comma, dash or `that`.

use super::choice::{bucket, hash, Choice};
use crate::found::Found;
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::{QuoteKind, Span};

/// Most candidate ends looked at per content (bounded time on run-on sentences).
const MAX_CANDIDATES: usize = 24;

/// The training choices of one document: for each indirect or mixed content the rules and
/// the tagger in use find, the candidate that ends where the gold content holding its start
/// ends (after trimming punctuation). Contents no gold content starts near, or whose gold end
/// is no candidate, teach nothing and are left out.
pub fn choices(v: &View, found: &[Found], gold_contents: &[Span]) -> Vec<Choice> {
    let doc = Doc::new(v, found);
    let trim = |mut e: usize, a: usize| {
        while e > a && v.punct(e - 1, ".,;:!?—–-(") {
            e -= 1;
        }
        e
    };
    let mut out = Vec::new();
    for i in 0..found.len() {
        let Some((a, ends, cands)) = candidates(v, found, i, &doc) else { continue };
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
        let Some((r, starts, cands)) = start_candidates(v, found, i, &doc) else { continue };
        let f = &found[i];
        // (Of several, the one starting nearest the rule's start: `told X that A — she also
        // pointed that B`, where B may be the longer.)
        let from_rule = |g: &&Span| v.first_tok_from(g.start).abs_diff(starts[0]);
        let Some(g) = gold_contents.iter().filter(|g| g.shared(f.content) > 0).min_by_key(from_rule) else {
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

/// Moves the start and end of every indirect and mixed content to the candidates the model
/// prefers, then chooses its source ([`super::sources`]).
pub fn refine(v: &View, found: &mut [Found], tagged_sources: &[Range]) {
    let Some(model) = super::choice::model() else { return };
    let mut doc = Doc::new(v, found);
    // The rule's choice (candidate 0) leaves the content as it is, marks and all.
    for i in 0..found.len() {
        let Some((r, starts, feats)) = start_candidates(v, found, i, &doc) else { continue };
        let k = model.pick(&feats);
        let span = content_span(v, starts[k], r).map(|s| Span::new(s.start, found[i].content.end));
        if let Some(span) = span.filter(|_| k > 0) {
            set_content(v, found, &mut doc.owner, i, span);
        }
    }
    for i in 0..found.len() {
        let Some((a, ends, feats)) = candidates(v, found, i, &doc) else { continue };
        let k = model.pick(&feats);
        let span = content_span(v, a, ends[k]).map(|s| Span::new(found[i].content.start, s.end));
        if let Some(span) = span.filter(|_| k > 0) {
            set_content(v, found, &mut doc.owner, i, span);
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

/// Per-document facts the candidates and their features read, each computed once: which
/// content holds each token, and running counts of words, commas, cue words and quoted tokens,
/// so a feature over a stretch of tokens costs the same however long the stretch is.
pub struct Doc {
    /// For every token, the index of the found content holding it (`u32::MAX` for none).
    pub owner: Vec<u32>,
    /// For every token, the index of the found whose cue or source it is (`u32::MAX`: none).
    speaker: Vec<u32>,
    words: Vec<u32>,
    commas: Vec<u32>,
    cues: Vec<u32>,
    /// Cue words read as verbs: no `-ing` form, no noun use (`pointed`, not `a warning`).
    verb_cues: Vec<u32>,
    quoted: Vec<u32>,
}

impl Doc {
    pub fn new(v: &View, found: &[Found]) -> Doc {
        let n = v.toks.len();
        let mut owner = vec![u32::MAX; n];
        for (j, g) in found.iter().enumerate() {
            let a = v.first_tok_from(g.content.start);
            let b = v.toks.partition_point(|t| t.start < g.content.end);
            for o in owner.iter_mut().take(b).skip(a) {
                *o = j as u32;
            }
        }
        let mut speaker = vec![u32::MAX; n];
        for (j, g) in found.iter().enumerate() {
            for (x, y) in g.cue.into_iter().chain(g.source) {
                for o in speaker.iter_mut().take(y).skip(x) {
                    *o = j as u32;
                }
            }
        }
        let running = |is: &dyn Fn(usize) -> bool| {
            let mut out = Vec::with_capacity(n + 1);
            let mut c = 0u32;
            out.push(0);
            for k in 0..n {
                c += u32::from(is(k));
                out.push(c);
            }
            out
        };
        Doc {
            owner,
            speaker,
            words: running(&|k| v.toks[k].word),
            commas: running(&|k| v.punct(k, ",;")),
            cues: running(&|k| {
                source::cue_at(v, k).is_some()
                    || (v.toks[k].lower == "according" && source::according_at(v, k).is_some())
            }),
            verb_cues: running(&|k| source::verb_cue_at(v, k) && !source::noun_use(v, k)),
            quoted: running(&|k| v.region_of(k).is_some()),
        }
    }

    fn count(running: &[u32], a: usize, b: usize) -> usize {
        let at = |k: usize| running.get(k).or(running.last()).copied().unwrap_or(0);
        at(b).saturating_sub(at(a)) as usize
    }

    /// Words in tokens `[a, b)`.
    fn words(&self, a: usize, b: usize) -> usize {
        Self::count(&self.words, a, b)
    }

    /// Commas and semicolons in tokens `[a, b)`.
    fn commas(&self, a: usize, b: usize) -> usize {
        Self::count(&self.commas, a, b)
    }

    /// The first comma or semicolon at or after token `a` (a binary search, not a scan).
    fn first_comma(&self, a: usize) -> Option<usize> {
        let base = *self.commas.get(a)?;
        let p = self.commas.partition_point(|&c| c <= base);
        (p < self.commas.len()).then(|| p - 1)
    }

    /// Whether a cue word (or `according to`) starts in tokens `[a, b)`.
    fn cue_in(&self, a: usize, b: usize) -> bool {
        Self::count(&self.cues, a, b) > 0
    }

    /// Whether a cue word read as a verb starts in tokens `[a, b)`.
    fn verb_cue_in(&self, a: usize, b: usize) -> bool {
        Self::count(&self.verb_cues, a, b) > 0
    }

    /// Whether a quoted token lies in `[a, b)`.
    fn quote_in(&self, a: usize, b: usize) -> bool {
        Self::count(&self.quoted, a, b) > 0
    }
}

/// The content of tokens `[a, e)` without closing punctuation, `None` when it holds no word.
fn content_span(v: &View, a: usize, mut e: usize) -> Option<Span> {
    // Closing punctuation, and a conjunction left dangling before another clause.
    while e > a && (v.punct(e - 1, ".,;:!?—–-(") || dangling(v, e - 1)) {
        e -= 1;
    }
    (a..e).any(|k| v.toks[k].word).then(|| v.tok_span(a, e))
}

/// A conjunction that, closing a content, was left dangling before another clause
/// (`..., while` before `another says ...`).
pub(super) fn dangling(v: &View, k: usize) -> bool {
    matches!(v.toks[k].lower.as_str(), "and" | "but" | "or" | "while" | "whereas")
}

/// A content's fixed edge token (its start for end candidates, its end for start ones), the
/// candidate tokens (the rule's own first) and the features of each.
type Candidates = (usize, Vec<usize>, Vec<Vec<u32>>);

/// Content `f` as tokens `[a, r)` when its start (`start`) or end edge is the choosers' to
/// move: indirect or mixed speech whose edge no quote mark sets.
fn movable(v: &View, f: &Found, start: bool) -> Option<(usize, usize)> {
    if f.kind == QuoteKind::Direct || f.by_marks || quoted_edge(v, f, start) {
        return None;
    }
    let a = v.first_tok_from(f.content.start);
    let r = v.first_tok_from(f.content.end);
    (a < r && r <= v.toks.len()).then_some((a, r))
}

/// For found `i` (indirect or mixed): its first token, the candidate end tokens (exclusive;
/// the rule's own first) and their features. `None` for a direct quote or when there is no
/// other place to end.
pub fn candidates(v: &View, found: &[Found], i: usize, doc: &Doc) -> Option<Candidates> {
    let f = &found[i];
    let (a, r) = movable(v, f, false)?;
    let (sa, sb) = v.sentence_of(a);
    let para = v.toks[a].para;
    // The end of the next sentence of the paragraph (contents may run on past a full stop).
    let next_end = v.toks.get(sb).filter(|t| t.para == para).map(|_| v.sentence_of(sb).1);
    // A content may not take in its own cue or source, another content, or a quote region it
    // only partly covers: the limit is the first such token after its start.
    let blocked = |k: usize| {
        let own = |x: Option<(usize, usize)>| x.is_some_and(|(p, q)| p <= k && k < q);
        let theirs = |o: &u32| *o != u32::MAX && *o as usize != i;
        // Another attribution's content, cue or source (`..., while another says ...`).
        let other = doc.owner.get(k).is_some_and(theirs) || doc.speaker.get(k).is_some_and(theirs);
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
    let feats = ends.iter().map(|&e| features(v, doc, a, r, e, (sa, sb), cue, kind)).collect();
    Some((a, ends, feats))
}

/// For found `i` (indirect or mixed): its end token (exclusive), the candidate start tokens
/// (the rule's own first) and their features: after the cue (or the sentence start when the
/// cue follows), and after each comma, semicolon, colon, dash, parenthesis or `that` up to
/// the content's last word. `None` for a direct quote or when there is no other start.
pub fn start_candidates(v: &View, found: &[Found], i: usize, doc: &Doc) -> Option<Candidates> {
    let f = &found[i];
    let (a, r) = movable(v, f, true)?;
    let (sa, _) = v.sentence_of(a);
    let cue_before = f.cue.filter(|c| c.1 <= a && c.0 >= sa);
    let src_before = f.source.filter(|s| s.1 <= a && s.0 >= sa);
    // Nothing before the content's own cue or source, nor another content, cue or source.
    let mut lo = a;
    let barrier = [cue_before.map(|c| c.1), src_before.map(|s| s.1)].into_iter().flatten().max();
    let theirs = |o: Option<&u32>| o.is_some_and(|&o| o != u32::MAX && o as usize != i);
    while lo > sa && lo > barrier.unwrap_or(0) && a - lo < 150 {
        let k = lo - 1;
        if theirs(doc.owner.get(k)) || theirs(doc.speaker.get(k)) || v.region_of(k).is_some() {
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
        // (A later start never passes a cue: what follows it is another attribution's
        // content, `told X that A — the actress also pointed that B`.)
        let ok = (k == lo || after_mark || v.toks[k].lower == "that")
            && v.toks[k].word
            && k != a
            && (k < a || !doc.verb_cue_in(a, k));
        if ok && v.region_of(k).is_none_or(|_| k <= a) {
            starts.push(k);
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let cue = f.cue.and_then(|c| v.toks.get(c.0)).map_or("", |t| t.lower.as_str());
    let side = if cue_before.is_some() { "cue-before" } else { "cue-after" };
    let feats = starts.iter().map(|&st| start_features(v, doc, a, r, st, lo, cue, side)).collect();
    Some((r, starts, feats))
}

/// Features of starting a content at `st` (the rule started it at `a`, it ends at `r`, and
/// `lo` is the earliest start).
#[allow(clippy::too_many_arguments)]
fn start_features(
    v: &View,
    doc: &Doc,
    a: usize,
    r: usize,
    st: usize,
    lo: usize,
    cue: &str,
    side: &str,
) -> Vec<u32> {
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
    add(105, &[rel, bucket(doc.words(st, r))]);
    let (x, y) = (st.min(a), st.max(a));
    add(106, &[rel, bucket(doc.words(x, y))]);
    add(107, &[rel, bucket(doc.commas(x, y))]);
    add(108, &[rel, if doc.cue_in(x, y) { "cue" } else { "-" }]);
    add(109, &[rel, word(Some(a)), word(a.checked_sub(1))]);
    add(110, &[rel, side, word(Some(st))]);
    let cluster =
        |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("<s>", |t| super::clusters::label(t.class));
    add(111, &[rel, cluster(Some(st))]);
    add(112, &[rel, cluster(st.checked_sub(1)), cluster(Some(st))]);
    out
}

/// Features of ending a content that starts at token `a` (the rule ended it at `r`) at `e`.
#[allow(clippy::too_many_arguments)]
fn features(
    v: &View,
    doc: &Doc,
    a: usize,
    r: usize,
    e: usize,
    (sa, sb): (usize, usize),
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
    let words = doc.words(a, e);
    add(8, &[rel, bucket(words)]);
    let (lo, hi) = (r.min(e), r.max(e));
    add(9, &[rel, bucket(doc.words(lo, hi))]);
    add(10, &[rel, bucket(doc.commas(lo, hi))]);
    // A cue between the rule's end and this one: another attribution starts there.
    add(11, &[rel, if doc.cue_in(lo, hi) { "cue" } else { "-" }]);
    add(12, &[rel, if doc.quote_in(lo, hi) { "quote" } else { "-" }]);
    add(13, &[rel, word(r), word(r + 1)]);
    add(14, &[rel, cue, place]);
    add(15, &[rel, word(e + 1), word(e + 2)]);
    add(16, &[rel, place, word(e + 1)]);
    add(17, &[rel, word(e + 1), cue]);
    add(18, &[rel, bucket(words), place]);
    // `When asked whether ..., the mayor smiled`: past the comma closing an opening clause.
    let first_comma = doc.first_comma(sa).filter(|&k| k < sb).unwrap_or(sb);
    let crosses = if e > first_comma && r <= first_comma { "crosses" } else { "-" };
    add(19, &[rel, word(sa), crosses]);
    let cluster = |k: usize| toks.get(k).map_or("</s>", |t| super::clusters::label(t.class));
    add(20, &[rel, word(e), cluster(e + 1)]);
    add(21, &[rel, cluster(e), cluster(e + 1), cluster(e + 2)]);
    add(22, &[rel, place, cluster(e.saturating_sub(1)), cluster(e)]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether some start candidate of an indirect content the rules find in `text` lies
    /// after the first token `word`.
    fn start_after(text: &str, word: &str) -> bool {
        let seg = newsdesk_segment::segment(text);
        let v = View::new(text, &seg);
        let found = crate::rules(&v, &[]);
        let doc = Doc::new(&v, &found);
        let at = v.toks.iter().position(|t| t.lower == word).expect("word in text");
        assert!(!found.is_empty(), "no content in {text}");
        (0..found.len())
            .filter_map(|i| start_candidates(&v, &found, i, &doc))
            .any(|(_, st, _)| st.iter().any(|&k| k > at))
    }

    #[test]
    fn a_later_start_never_passes_a_verb_cue() {
        // `insisted` reports something else: no start after it.
        let text = "The mayor told reporters that the bridge was closed as the ferry operator insisted that the plan was fine.";
        assert!(!start_after(text, "insisted"));
        // A cue word used as a noun is no such barrier.
        let text =
            "The mayor told reporters that the bridge was closed, a warning that the ferry was late again.";
        assert!(start_after(text, "warning"));
    }
}
