//! Token features of the learned quote tagger. A sequence is one paragraph of the view's
//! tokens; each token gets hashed features of its word, its neighbours, the quote marks and
//! cue verbs around it, and what the rules already found there (content kind, cue, source),
//! so the tagger learns where to trust the rules and what they miss.

use crate::found::Found;
use crate::lexicon::LEXICON;
use crate::source;
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Longest sequence tagged at once (a longer paragraph is tagged in pieces): bounded time.
pub const MAX_SEQUENCE: usize = 400;

/// Rule labels of a token, as bits.
const R_DIRECT: u8 = 1;
const R_INDIRECT: u8 = 2;
const R_MIXED: u8 = 4;
const R_CUE: u8 = 8;
const R_SOURCE: u8 = 16;
const R_CONTENT: u8 = R_DIRECT | R_INDIRECT | R_MIXED;

/// Per-token facts of a whole view, computed once and shared by every sequence.
pub struct Context<'v, 't> {
    v: &'v View<'t>,
    /// 0 outside quote marks, 1 inside a quotation, 2 a quote mark itself.
    quoted: Vec<u8>,
    /// Index of the first token of the lexicon cue covering this token.
    cue: Vec<Option<usize>>,
    /// The lexicon cues as token ranges, in order.
    cues: Vec<(usize, usize)>,
    rules: Vec<u8>,
    /// 1 for a pronoun, 2 for a source noun (`officials`), else 0.
    class: Vec<u8>,
    /// The word class of each token ([`super::clusters`]), as bytes; `none` when it has none.
    cluster: Vec<[u8; 2]>,
    /// The first pass's tag of each token, when this context feeds the second pass.
    prior: Option<Vec<u8>>,
    /// Per token, how often the first pass tagged the same word a cue, and a source, at
    /// other places of the article (capped at 2): what a word is elsewhere in the document.
    elsewhere: Vec<[u8; 2]>,
}

impl<'v, 't> Context<'v, 't> {
    pub fn new(v: &'v View<'t>, found: &[Found]) -> Self {
        let n = v.toks.len();
        let mut quoted = vec![0u8; n];
        for r in &v.regions {
            for q in quoted.iter_mut().take(r.toks.1.min(n)).skip(r.toks.0) {
                *q = 1;
            }
            for m in std::iter::once(r.open).chain(r.close) {
                if let Some(q) = quoted.get_mut(m) {
                    *q = 2;
                }
            }
        }
        let mut cue = vec![None; n];
        let mut cues = Vec::new();
        let mut i = 0;
        while i < n {
            match source::cue_at(v, i) {
                Some((end, _)) if end > i => {
                    cues.push((i, end.min(n)));
                    for c in cue.iter_mut().take(end.min(n)).skip(i) {
                        *c = Some(i);
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        let mut rules = vec![0u8; n];
        for f in found {
            let bit = match f.kind {
                QuoteKind::Direct => R_DIRECT,
                QuoteKind::Mixed => R_MIXED,
                _ => R_INDIRECT,
            };
            let first = v.toks.partition_point(|t| t.start < f.content.start);
            for (t, r) in v.toks.iter().zip(rules.iter_mut()).skip(first) {
                if t.end > f.content.end {
                    break;
                }
                *r |= bit;
            }
            for (range, bit) in [(f.cue, R_CUE), (f.source, R_SOURCE)] {
                if let Some((a, b)) = range {
                    for r in rules.iter_mut().take(b.min(n)).skip(a) {
                        *r |= bit;
                    }
                }
            }
        }
        let class = v
            .toks
            .iter()
            .map(|t| {
                if !t.word {
                    0
                } else if LEXICON.is(&t.lower, "pronoun") {
                    1
                } else if LEXICON.is_source_noun(&t.lower) {
                    2
                } else {
                    0
                }
            })
            .collect();
        let cluster = v.toks.iter().map(|t| t.class.map_or([0xff, 0xff], u16::to_le_bytes)).collect();
        Context { v, quoted, cue, cues, rules, class, cluster, prior: None, elsewhere: Vec::new() }
    }

    /// Makes the features those of the second pass: `tags` are the first pass's tags of every
    /// token of the view.
    pub fn set_prior(&mut self, tags: Vec<u8>) {
        if tags.len() != self.v.toks.len() {
            return;
        }
        let toks = &self.v.toks;
        let mut counts: rustc_hash::FxHashMap<&str, [u16; 2]> = Default::default();
        let kind = |t: u8| t.div_ceil(2);
        for (t, &g) in toks.iter().zip(&tags) {
            if t.word && (kind(g) == 1 || kind(g) == 2) {
                counts.entry(t.lower.as_str()).or_default()[usize::from(kind(g) - 1)] += 1;
            }
        }
        self.elsewhere = toks
            .iter()
            .zip(&tags)
            .map(|(t, &g)| {
                let c = counts.get(t.lower.as_str()).copied().unwrap_or_default();
                let own = |k: u8| u16::from(t.word && kind(g) == k);
                [(c[1] - own(2)).min(2) as u8, (c[0] - own(1)).min(2) as u8]
            })
            .collect();
        self.prior = Some(tags);
    }

    /// The token ranges `[a, b)` tagged as one sequence each: paragraphs, cut at
    /// [`MAX_SEQUENCE`] tokens.
    pub fn sequences(&self) -> Vec<(usize, usize)> {
        let toks = &self.v.toks;
        let mut out = Vec::new();
        let mut a = 0;
        for i in 1..=toks.len() {
            let end = i == toks.len() || toks[i].para != toks[a].para || i - a >= MAX_SEQUENCE;
            if end && i > a {
                out.push((a, i));
                a = i;
            }
        }
        out
    }

    /// The lexicon cues starting in tokens `[lo, hi)`, as token ranges.
    pub fn lexicon_cues_between(&self, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let a = self.cues.partition_point(|c| c.0 < lo);
        let b = self.cues.partition_point(|c| c.0 < hi);
        self.cues.get(a..b.max(a)).unwrap_or(&[]).iter().copied()
    }

    /// True when the rules found content at token `i`.
    pub fn rule_content(&self, i: usize) -> bool {
        self.rules.get(i).is_some_and(|r| r & R_CONTENT != 0)
    }

    /// How often the first pass tagged token `i`'s word a cue, and a source, elsewhere in the
    /// article (capped at 2); `None` without a first pass.
    pub fn elsewhere(&self, i: usize) -> Option<[u8; 2]> {
        self.elsewhere.get(i).copied()
    }

    /// True when token `i` is a cue or source the rules found.
    pub fn rule_speaker(&self, i: usize) -> bool {
        self.rules.get(i).is_some_and(|r| r & (R_CUE | R_SOURCE) != 0)
    }

    /// The features of every token of the sequence `[a, b)`.
    pub fn features(&self, (a, b): (usize, usize)) -> Vec<Vec<u32>> {
        let toks = &self.v.toks;
        let inside = |i: isize| i >= a as isize && i < b as isize;
        let word = |i: isize| -> &[u8] {
            if inside(i) {
                toks.get(i as usize).map_or(b"<>", |t| t.lower.as_bytes())
            } else {
                b"<>"
            }
        };
        let rule = |i: isize| -> u8 {
            if inside(i) {
                self.rules.get(i as usize).copied().unwrap_or(0)
            } else {
                255
            }
        };
        let cue_here = |i: isize| u8::from(inside(i) && self.cue[i as usize].is_some());
        let class = |i: isize| -> u8 {
            if inside(i) {
                self.class.get(i as usize).copied().unwrap_or(0)
            } else {
                255
            }
        };
        // Commas before each token of the sequence (how many clauses since a cue).
        let mut commas = Vec::with_capacity(b - a + 1);
        commas.push(0u16);
        for i in a..b {
            let c = commas[i - a] + u16::from(toks[i].lower == ",");
            commas.push(c);
        }
        let cue_starts: Vec<usize> =
            (a..b).filter(|&i| self.cue[i].is_some() && (i == a || self.cue[i - 1] != self.cue[i])).collect();
        let stack = self.prior.as_deref().map(|p| Stacked::new(self, p, (a, b)));
        let mut out = Vec::with_capacity(b - a);
        for i in a..b {
            let t = &toks[i];
            let ii = i as isize;
            let mut f = Vec::with_capacity(40);
            let mut add = |template: u8, parts: &[&[u8]]| f.push(hash(template, parts));
            add(0, &[]);
            add(1, &[t.lower.as_bytes()]);
            let suffix = t.lower.char_indices().rev().nth(2).map_or(t.lower.as_str(), |(k, _)| &t.lower[k..]);
            add(2, &[suffix.as_bytes()]);
            add(3, &[&[u8::from(t.cap)]]);
            add(4, &[&[self.quoted[i]]]);
            add(5, &[&[u8::from(self.cue[i].is_some())]]);
            for (k, d) in [-1isize, 0, 1].into_iter().enumerate() {
                add(6 + k as u8, &[&[class(ii + d)]]);
            }
            for (k, d) in [-3isize, -2, -1, 1, 2, 3].into_iter().enumerate() {
                add(10 + k as u8, &[word(ii + d)]);
                if inside(ii + d) {
                    add(20 + k as u8, &[&[cue_here(ii + d)]]);
                }
            }
            add(30, &[word(ii - 1), t.lower.as_bytes()]);
            let cl = |i: isize| -> [u8; 2] {
                if inside(i) {
                    self.cluster.get(i as usize).copied().unwrap_or([0xff, 0xff])
                } else {
                    [0xfe, 0xfe]
                }
            };
            for (k, d) in [-2isize, -1, 0, 1, 2].into_iter().enumerate() {
                add(50 + k as u8, &[&cl(ii + d)]);
            }
            add(55, &[&cl(ii - 1), &cl(ii)]);
            add(56, &[&cl(ii), &cl(ii + 1)]);
            let k = cue_starts.partition_point(|&c| c < i);
            match k.checked_sub(1).and_then(|k| cue_starts.get(k)) {
                Some(&c) => {
                    add(31, &[&[((i - c).min(12) / 3) as u8]]);
                    add(32, &[toks[c].lower.as_bytes()]);
                    // (The cue's word class and whether it is in this sentence: unseen cue
                    // verbs and far tokens.)
                    let same = u8::from(toks[c].sent == t.sent);
                    add(35, &[&cl(c as isize), &[same]]);
                    add(36, &[&[same, ((i - c).min(40) / 8) as u8]]);
                    let between = (commas[i - a] - commas[c - a]).min(3) as u8;
                    add(37, &[&[same, between]]);
                }
                None => add(31, &[b"none"]),
            }
            match cue_starts[k..].iter().find(|&&c| c > i) {
                Some(&c) => add(33, &[&[((c - i).min(12) / 3) as u8]]),
                None => add(33, &[b"none"]),
            }
            add(34, &[&[(i - a).min(10) as u8]]);
            let r = rule(ii);
            add(40, &[&[r]]);
            for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                add(41 + k as u8, &[&[rule(ii + d)]]);
            }
            if r & R_CONTENT != 0 && (i == a || rule(ii - 1) != r) {
                add(45, &[]);
            }
            if let Some(s) = &stack {
                s.features(self, i, &mut add);
            }
            out.push(f);
        }
        out
    }
}

/// What the second pass knows of one sequence `[a, b)` from the first pass's tags, computed
/// once per sequence so that each token's features take constant time: its kind, the nearest
/// predicted cue on either side in its sentence, and what its sentence holds.
struct Stacked<'p> {
    p: &'p [u8],
    a: usize,
    b: usize,
    /// Per token of the sequence: the nearest predicted cue token before it in its sentence.
    left: Vec<Option<usize>>,
    /// Per token: the nearest predicted cue token after it in its sentence.
    right: Vec<Option<usize>>,
    /// Per token: the first token of the run of cue tags it belongs to.
    run: Vec<usize>,
    /// Per token: whether its sentence (within the sequence) holds a source, cue, content.
    has: Vec<[bool; 4]>,
}

impl<'p> Stacked<'p> {
    fn new(ctx: &Context, p: &'p [u8], (a, b): (usize, usize)) -> Self {
        let toks = &ctx.v.toks;
        let kind = |k: usize| p.get(k).map_or(0, |&t| t.div_ceil(2));
        let n = b - a;
        let mut left = vec![None; n];
        let mut run = vec![a; n];
        for i in a..b {
            let k = i - a;
            if k > 0 {
                let prev = i - 1;
                left[k] = if toks[prev].sent != toks[i].sent {
                    None
                } else if kind(prev) == 2 {
                    Some(prev)
                } else {
                    left[k - 1]
                };
                run[k] = if kind(prev) == 2 { run[k - 1] } else { i };
            }
        }
        let mut right = vec![None; n];
        for i in (a..b.saturating_sub(1)).rev() {
            let next = i + 1;
            right[i - a] = if toks[next].sent != toks[i].sent {
                None
            } else if kind(next) == 2 {
                Some(next)
            } else {
                right[next - a]
            };
        }
        let mut has = vec![[false; 4]; n];
        let mut s = a;
        while s < b {
            let mut e = s + 1;
            while e < b && toks[e].sent == toks[s].sent {
                e += 1;
            }
            let mut h = [false; 4];
            for k in s..e {
                h[kind(k) as usize] = true;
            }
            has[s - a..e - a].fill(h);
            s = e;
        }
        Stacked { p, a, b, left, right, run, has }
    }

    /// 0 none, 1 source, 2 cue, 3 content.
    fn kind(&self, k: usize) -> u8 {
        self.p.get(k).map_or(0, |&t| t.div_ceil(2))
    }

    /// The second pass's features of token `i`: the first pass's tags around it and the
    /// predicted cues, sources and contents of its sentence (what one pass sees only through
    /// its neighbour's tag).
    fn features(&self, ctx: &Context, i: usize, add: &mut impl FnMut(u8, &[&[u8]])) {
        let toks = &ctx.v.toks;
        let (a, b) = (self.a, self.b);
        let at = |d: isize| -> u8 {
            let k = i as isize + d;
            if k < a as isize || k >= b as isize {
                9
            } else {
                self.kind(k as usize)
            }
        };
        for (n, d) in [-3isize, -2, -1, 0, 1, 2, 3].into_iter().enumerate() {
            add(70 + n as u8, &[&[at(d)]]);
        }
        add(77, &[&[at(-1), at(0), at(1)]]);
        add(78, &[&[at(0)], toks[i].lower.as_bytes()]);
        add(79, &[&[at(0), ctx.quoted[i], ctx.rules[i]]]);
        let dist = |d: usize| [0u8, 1, 2, 3, 4, 4, 5, 5, 5, 6][d.min(9)] + u8::from(d > 20);
        match self.left[i - a] {
            Some(k) => {
                add(80, &[&[at(0), dist(i - k)]]);
                add(81, &[&[at(0)], toks[self.run[k - a]].lower.as_bytes()]);
            }
            None => add(80, &[b"none", &[at(0)]]),
        }
        match self.right[i - a] {
            Some(k) => add(82, &[&[at(0), dist(k - i)]]),
            None => add(82, &[b"none", &[at(0)]]),
        }
        if let Some(e) = ctx.elsewhere.get(i) {
            add(85, &[&[at(0), e[0], e[1]]]);
            add(86, &[&[e[0], e[1]], &ctx.cluster[i]]);
        }
        let has = self.has[i - a];
        add(83, &[&[at(0), u8::from(has[1]), u8::from(has[2]), u8::from(has[3])]]);
        // Where a predicted content starts and ends.
        if self.kind(i) == 3 {
            let first = i == a || self.kind(i - 1) != 3;
            let last = i + 1 == b || self.kind(i + 1) != 3;
            add(84, &[&[u8::from(first), u8::from(last)]]);
        }
    }
}

/// FNV-1a over a template number and value parts (each followed by a separator): stable
/// across runs and platforms, and no string built per feature.
pub(super) fn hash<P: AsRef<[u8]>>(template: u8, parts: &[P]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for p in parts {
        for &b in p.as_ref() {
            eat(b);
        }
        eat(0xff);
    }
    h
}
