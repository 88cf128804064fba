//! Quote attribution scored on PolNeAR (brat standoff: `Source`, `Cue`, `Content` text-bound
//! annotations linked by `Attribution` events; offsets in Unicode scalar values).
//!
//! Spans are compared as sets of word tokens (`\w+` runs), so quote marks and punctuation do
//! not count. A predicted content matches a gold one when they share at least half of the
//! tokens of the longer of the two (one-to-one, greedy by overlap); *exact* when the token
//! sets are equal. A predicted source matches when it overlaps the gold source and at least half
//! of its tokens lie inside it (`Steve Elmendorf` inside `Steve Elmendorf, deputy campaign
//! manager ...`), or when its entity has a mention overlapping the gold source. A full
//! attribution is a content match whose sources match too. Gold *direct* quotes are those whose
//! every content segment is enclosed in quote marks. Articles with several annotators are
//! scored against each and the counts averaged.

use newsdesk_model::{Entity, Quote, QuoteKind};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

mod bench;
mod errors;
pub use bench::{bench, BenchLine, BenchReport, PeerRun};
pub use errors::{list as list_misses, misses, Miss, Misses};

#[derive(Debug, thiserror::Error)]
pub enum QuotesEvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error(
        "{0} has no `attributions/` folder with .ann files; point at a PolNeAR split such as train/ or dev/"
    )]
    NoAnnotations(PathBuf),
}

/// One gold attribution, spans as char ranges.
#[derive(Debug, Clone, Default)]
pub struct GoldAttribution {
    pub content: Vec<(usize, usize)>,
    pub source: Vec<(usize, usize)>,
    pub cue: Vec<(usize, usize)>,
    pub direct: bool,
}

/// One article of a split with its annotators' attributions.
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    /// One list per annotator.
    pub gold: Vec<Vec<GoldAttribution>>,
}

/// Reads every article of a PolNeAR split folder.
pub fn load(dir: &Path) -> Result<Vec<Article>, QuotesEvalError> {
    let ann_dir = dir.join("attributions");
    let read_dir = |p: &Path| {
        std::fs::read_dir(p).map_err(|e| QuotesEvalError::Read { path: p.to_path_buf(), source: e })
    };
    let mut by_article: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in read_dir(&ann_dir).map_err(|_| QuotesEvalError::NoAnnotations(dir.to_path_buf()))? {
        let path = entry.map_err(|e| QuotesEvalError::Read { path: ann_dir.clone(), source: e })?.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        if path.extension().and_then(|e| e.to_str()) != Some("ann") {
            continue;
        }
        let name = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        by_article.entry(name).or_default().push(path);
    }
    if by_article.is_empty() {
        return Err(QuotesEvalError::NoAnnotations(dir.to_path_buf()));
    }
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| QuotesEvalError::Read { path: p.to_path_buf(), source: e })
    };
    let mut out = Vec::new();
    for (name, anns) in by_article {
        let path = dir.join("text").join(format!("{name}.txt"));
        let Ok(text) = read(&path) else { continue };
        let mut gold = Vec::new();
        for ann in anns {
            gold.push(parse_ann(&read(&ann)?, &text));
        }
        out.push(Article { name, path, text, gold });
    }
    Ok(out)
}

/// Parses brat standoff into attributions.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else { continue };
            let parsed: Vec<(usize, usize)> = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                })
                .collect();
            spans.insert(id, parsed);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for body in events {
        let mut g = GoldAttribution::default();
        let mut kind_ok = false;
        for part in body.split_whitespace() {
            let Some((role, id)) = part.split_once(':') else { continue };
            let s = spans.get(id).cloned().unwrap_or_default();
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => g.content.extend(s),
                "Source" => g.source.extend(s),
                "Cue" => g.cue.extend(s),
                r if r.starts_with("Attribution") => kind_ok = true,
                _ => {}
            }
        }
        if kind_ok && !g.content.is_empty() {
            g.direct = enclosed_in_marks(&chars, &g.content);
            out.push(g);
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// True when a content, as the segments brat stores (split at line breaks and around the
/// words of the cue), lies wholly inside quote marks: it opens with a mark, closes with one
/// (maybe followed by punctuation), and wherever a segment ends on a closing mark the next
/// opens with a mark again. A segment ending inside the quotation (a quote running over
/// several paragraphs) may be followed by one with or without a new opening mark.
fn enclosed_in_marks(chars: &[char], segments: &[(usize, usize)]) -> bool {
    let text = |&(a, b): &(usize, usize)| -> String {
        chars.get(a..b.min(chars.len())).unwrap_or(&[]).iter().collect::<String>().trim().to_string()
    };
    // A typewriter mark `''` whose first or last `'` the annotator left out counts too.
    let edge = |c: char| is_mark(c) || c == '\'' || c == '`';
    let opens = |s: &str| s.chars().next().is_some_and(edge);
    let closes = |s: &str| {
        let t = s.trim_end_matches(['.', ',', '?', '!', ';', ':', ' ']);
        t.chars().count() > 1 && t.chars().last().is_some_and(edge)
    };
    let mut wide: Vec<(usize, usize)> =
        segments.iter().map(|&s| widen(chars, s)).filter(|s| !text(s).is_empty()).collect();
    // Segments that only a space separates are one stretch of text (an annotator's slip of
    // the mouse): a quotation nested in them opens in one and closes in the other.
    wide.dedup_by(|b, a| {
        let gap = chars.get(a.1..b.0.max(a.1)).unwrap_or(&[]);
        let joined = b.0 >= a.1 && gap.iter().all(|c| *c == ' ');
        if joined {
            a.1 = b.1;
        }
        joined
    });
    let segs: Vec<String> = wide.iter().map(text).collect();
    let (Some(first), Some(last)) = (segs.first(), segs.last()) else { return false };
    let words = segs.iter().map(|s| s.chars().filter(|c| c.is_alphanumeric()).count()).sum::<usize>();
    // A quotation running on into the next paragraph leaves its closing mark off.
    let runs_on = wide.last().is_some_and(|&(_, b)| reopens(chars, b));
    words > 0
        && opens(first)
        && (closes(last) || runs_on)
        && segs.windows(2).all(|w| !closes(&w[0]) || opens(&w[1]))
        && segs.iter().all(|s| one_quotation(s))
}

/// True when only spaces stand between `b` and a paragraph break, and the next paragraph
/// opens with a quote mark: a quotation running on over paragraphs (`“…\n\n“…`).
fn reopens(chars: &[char], b: usize) -> bool {
    let rest = chars.get(b..).unwrap_or(&[]);
    let Some(nl) = rest.iter().position(|&c| c == '\n') else { return false };
    if !rest[..nl].iter().all(|c| c.is_whitespace()) {
        return false;
    }
    rest[nl..].iter().find(|c| !c.is_whitespace()).is_some_and(|&c| matches!(c, '"' | '“' | '„' | '«'))
}

/// True when segment `s`, which opens with a quote mark, has no word outside its marks: a
/// quotation closed and followed by the writer's own words (`“improving NAFTA” and making
/// sure it’s “updated”`) is partly quoted speech, not a direct quote. A mark opening a new
/// paragraph of the same quotation (`“…\n\n“…`) keeps it open; a straight mark is opening when
/// nothing but space stands before it and a word follows it (else closing).
fn one_quotation(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    let edge = |c: char| is_mark(c) || c == '\'' || c == '`';
    // The opening mark (or what the annotator kept of it), then inside the quotation.
    let mut k = c.iter().position(|&x| !edge(x)).unwrap_or(c.len());
    let mut depth = 1usize;
    let at_line_start = |k: usize| c[..k].iter().rev().take_while(|x| **x != '\n').all(|x| x.is_whitespace());
    let word_after = |k: usize| c.get(k).is_some_and(|x| x.is_alphanumeric());
    while k < c.len() {
        let x = c[k];
        // A typewriter pair `''` (or ``) is one straight mark.
        let pair = (x == '\'' || x == '`') && c.get(k + 1) == Some(&x);
        let width = if pair { 2 } else { 1 };
        if matches!(x, '“' | '„' | '«') || x == '`' && pair {
            if depth == 0 || !at_line_start(k) {
                depth += 1;
            }
        } else if matches!(x, '”' | '»') {
            depth = depth.saturating_sub(1);
        } else if x == '"' || x == '\'' && pair {
            let opening = (k == 0 || c[k - 1].is_whitespace()) && word_after(k + width);
            if depth == 0 || opening && !at_line_start(k) {
                depth += 1;
            } else if !opening {
                depth -= 1;
            }
        } else if depth == 0 && x.is_alphanumeric() {
            return false;
        }
        k += width;
    }
    true
}

/// A segment widened to take in a quote mark the annotator left just outside it (`He said,
/// “|We won|,”`): whether a content is in quote marks is a fact of the text, not of where a
/// span's edge was clicked. Only spaces, or closing punctuation at the end, may stand between
/// the segment and the mark, and the mark must face the segment: a straight mark before it is
/// opening only with no word or sentence punctuation just before it (`"Meet the Press" that
/// ...` does not open at `that`), one after it closing only with no word just after it.
fn widen(chars: &[char], (a, b): (usize, usize)) -> (usize, usize) {
    let edge = |c: char| is_mark(c) || c == '\'' || c == '`';
    let b = b.min(chars.len());
    let a = a.min(b);
    let inner: &[char] = &chars[a..b];
    let first = inner.iter().position(|c| !c.is_whitespace());
    let last =
        inner.iter().rposition(|c| !c.is_whitespace() && !matches!(c, '.' | ',' | '?' | '!' | ';' | ':'));
    let (Some(first), Some(last)) = (first, last) else { return (a, b) };
    let space = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    let mut start = a;
    if !edge(inner[first]) {
        let from = label_start(chars, a).unwrap_or(a);
        let mut k = from;
        while k > 0 && from - k < 2 && space(chars[k - 1]) {
            k -= 1;
        }
        if k > 0 && edge(chars[k - 1]) && !matches!(chars[k - 1], '”' | '»') {
            let mut m = k - 1;
            while m > 0 && chars[m - 1] == chars[k - 1] {
                m -= 1;
            }
            let before = m.checked_sub(1).map(|i| chars[i]);
            let opening = matches!(chars[k - 1], '“' | '„' | '«')
                || before
                    .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '.' | ',' | '?' | '!' | ';' | ':'));
            if opening {
                start = k - 1;
            }
        }
    }
    let mut end = b;
    if !edge(inner[last]) {
        let mut k = b;
        while k < chars.len()
            && k - b < 3
            && (space(chars[k]) || matches!(chars[k], '.' | ',' | '?' | '!' | ';' | ':'))
        {
            k += 1;
        }
        if k < chars.len() && edge(chars[k]) && !matches!(chars[k], '“' | '„' | '«') {
            let mut m = k;
            while m + 1 < chars.len() && chars[m + 1] == chars[k] {
                m += 1;
            }
            let after = chars.get(m + 1);
            if matches!(chars[k], '”' | '»') || after.is_none_or(|c| !c.is_alphanumeric()) {
                end = m + 1;
            }
        }
    }
    (start, end)
}

/// Where the speaker's label of a transcript's turn starts, when `a` follows one that follows
/// an opening mark (`"WALLACE: |Let's start ...`): the turn is a quotation in marks, its
/// label the attribution inside them.
fn label_start(chars: &[char], a: usize) -> Option<usize> {
    let mut k = a;
    while k > 0 && a - k < 2 && chars[k - 1] == ' ' {
        k -= 1;
    }
    let colon = k.checked_sub(1).filter(|&c| chars[c] == ':')?;
    let mut s = colon;
    while s > 0 && colon - s < 40 && (chars[s - 1].is_uppercase() || matches!(chars[s - 1], '.' | ' ')) {
        s -= 1;
    }
    let letters = chars[s..colon].iter().filter(|c| c.is_alphabetic()).count();
    let named = letters >= 2 && chars.get(s).is_some_and(|c| c.is_uppercase());
    (named && s > 0 && is_mark(chars[s - 1])).then_some(s)
}

/// Word tokens (`\w+` runs) of a text as char ranges, and a char-to-token lookup.
pub struct Tokens {
    of_char: Vec<Option<u32>>,
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        let mut of_char = Vec::with_capacity(text.len());
        let mut n: u32 = 0;
        let mut inside = false;
        for c in text.chars() {
            let w = c.is_alphanumeric() || c == '_';
            if w {
                inside = true;
                of_char.push(Some(n));
            } else {
                if inside {
                    n += 1;
                }
                inside = false;
                of_char.push(None);
            }
        }
        Tokens { of_char }
    }
    pub fn set(&self, ranges: &[(usize, usize)]) -> HashSet<u32> {
        ranges
            .iter()
            .flat_map(|&(a, b)| {
                self.of_char.get(a..b.min(self.of_char.len())).unwrap_or(&[]).iter().flatten().copied()
            })
            .collect()
    }
}

/// A predicted attribution in char ranges: quotes sharing a cue are one attribution.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub content: Vec<(usize, usize)>,
    pub source: Vec<(usize, usize)>,
    pub direct: bool,
    /// The cue as a char range, when there is one.
    pub cue: Option<(usize, usize)>,
    /// Char ranges of the mentions of the speaker entity.
    pub speaker_mentions: Vec<(usize, usize)>,
}

/// Groups `quotes` (byte offsets into `text`) into predicted attributions, leaving out quotes
/// nested inside another quote (PolNeAR gives each token one attribution).
pub fn predicted(text: &str, quotes: &[Quote], entities: &[Entity]) -> Vec<Predicted> {
    let mut char_of_byte = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        char_of_byte[b] = n;
        n += 1;
    }
    char_of_byte[text.len()] = n;
    for b in (0..text.len()).rev() {
        if !text.is_char_boundary(b) {
            char_of_byte[b] = char_of_byte[b + 1];
        }
    }
    let ch = |b: usize| char_of_byte.get(b).copied().unwrap_or(n);
    let mut groups: Vec<(Option<(usize, usize)>, Predicted)> = Vec::new();
    for q in quotes {
        let nested = q.reported_by.is_some() || quotes.iter().any(|o| o.start < q.start && q.end <= o.end);
        if nested {
            continue;
        }
        let cue = q.cue_span.map(|s| (s.start, s.end));
        let cue_chars = cue.map(|(a, b)| (ch(a), ch(b)));
        let content = (ch(q.start), ch(q.end));
        let direct = q.kind == QuoteKind::Direct;
        if let Some(g) = groups.iter_mut().find(|(c, _)| cue.is_some() && *c == cue) {
            g.1.content.push(content);
            g.1.direct &= direct;
            continue;
        }
        let speaker_mentions = q
            .speaker
            .as_ref()
            .and_then(|id| entities.iter().find(|e| &e.id == id))
            .map(|e| e.mentions.iter().map(|m| (ch(m.start), ch(m.end))).collect())
            .unwrap_or_default();
        let source = q.speaker_span.map(|s| vec![(ch(s.start), ch(s.end))]).unwrap_or_default();
        groups.push((
            cue,
            Predicted { content: vec![content], source, direct, cue: cue_chars, speaker_mentions },
        ));
    }
    groups.into_iter().map(|(_, p)| p).collect()
}

/// True/false positive counts of one comparison.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub tp: f64,
    pub pred: f64,
    pub gold: f64,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    pub fn scale(self, k: f64) -> Counts {
        Counts { tp: self.tp * k, pred: self.pred * k, gold: self.gold * k }
    }
    pub fn precision(&self) -> f64 {
        if self.pred > 0.0 {
            self.tp / self.pred
        } else {
            0.0
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold > 0.0 {
            self.tp / self.gold
        } else {
            0.0
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P {:.3}  R {:.3}  F1 {:.3}", self.precision(), self.recall(), self.f1())
    }
}

/// Scores of one comparison (one article against one annotator, or sums of them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub content: Counts,
    pub exact: Counts,
    pub source: Counts,
    pub full: Counts,
    pub direct: Counts,
    /// Matched direct quotes with a gold source, and those whose speaker is right.
    pub direct_with_source: f64,
    pub direct_right_speaker: f64,
}

impl Scores {
    pub fn add(&mut self, o: &Scores) {
        self.content.add(o.content);
        self.exact.add(o.exact);
        self.source.add(o.source);
        self.full.add(o.full);
        self.direct.add(o.direct);
        self.direct_with_source += o.direct_with_source;
        self.direct_right_speaker += o.direct_right_speaker;
    }
    fn scale(&self, k: f64) -> Scores {
        Scores {
            content: self.content.scale(k),
            exact: self.exact.scale(k),
            source: self.source.scale(k),
            full: self.full.scale(k),
            direct: self.direct.scale(k),
            direct_with_source: self.direct_with_source * k,
            direct_right_speaker: self.direct_right_speaker * k,
        }
    }
    pub fn speaker_share(&self) -> f64 {
        if self.direct_with_source > 0.0 {
            self.direct_right_speaker / self.direct_with_source
        } else {
            0.0
        }
    }
}

fn overlap(a: &HashSet<u32>, b: &HashSet<u32>) -> usize {
    a.intersection(b).count()
}

fn content_match(p: &HashSet<u32>, g: &HashSet<u32>) -> Option<usize> {
    let o = overlap(p, g);
    (o > 0 && 2 * o >= p.len().max(g.len())).then_some(o)
}

pub(crate) fn source_match(tok: &Tokens, p: &Predicted, g: &GoldAttribution) -> bool {
    let gs = tok.set(&g.source);
    if gs.is_empty() {
        return p.source.is_empty();
    }
    let ps = tok.set(&p.source);
    let o = overlap(&ps, &gs);
    (o > 0 && 2 * o >= ps.len()) || p.speaker_mentions.iter().any(|&m| overlap(&tok.set(&[m]), &gs) > 0)
}

/// Greedy one-to-one matching of predicted to gold contents: (pred index, gold index) pairs.
pub(crate) fn match_contents(pred: &[HashSet<u32>], gold: &[HashSet<u32>]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            if let Some(o) = content_match(p, g) {
                cands.push((o, i, j));
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, i, j) in cands {
        if used_p.insert(i) {
            if used_g.insert(j) {
                out.push((i, j));
            } else {
                used_p.remove(&i);
            }
        }
    }
    out
}

/// Scores predicted attributions against one annotator's gold.
pub fn score(text: &str, pred: &[Predicted], gold: &[GoldAttribution]) -> Scores {
    let tok = Tokens::new(text);
    let ps: Vec<HashSet<u32>> = pred.iter().map(|p| tok.set(&p.content)).collect();
    let gs: Vec<HashSet<u32>> = gold.iter().map(|g| tok.set(&g.content)).collect();
    let pairs = match_contents(&ps, &gs);
    let mut s = Scores::default();
    let n = |x: usize| x as f64;
    s.content = Counts { tp: n(pairs.len()), pred: n(pred.len()), gold: n(gold.len()) };
    s.exact = Counts { tp: n(pairs.iter().filter(|&&(i, j)| ps[i] == gs[j]).count()), ..s.content };
    s.full = Counts {
        tp: n(pairs.iter().filter(|&&(i, j)| source_match(&tok, &pred[i], &gold[j])).count()),
        ..s.content
    };
    // Sources alone, one-to-one.
    let psrc: Vec<HashSet<u32>> =
        pred.iter().filter(|p| !p.source.is_empty()).map(|p| tok.set(&p.source)).collect();
    let gsrc: Vec<HashSet<u32>> =
        gold.iter().filter(|g| !g.source.is_empty()).map(|g| tok.set(&g.source)).collect();
    let mut used = HashSet::new();
    let mut src_tp = 0;
    for p in &psrc {
        if let Some(j) = (0..gsrc.len()).find(|j| {
            let o = overlap(p, &gsrc[*j]);
            !used.contains(j) && o > 0 && 2 * o >= p.len()
        }) {
            used.insert(j);
            src_tp += 1;
        }
    }
    s.source = Counts { tp: n(src_tp), pred: n(psrc.len()), gold: n(gsrc.len()) };
    // Direct quotes.
    let pd: Vec<usize> = (0..pred.len()).filter(|&i| pred[i].direct).collect();
    let gd: Vec<usize> = (0..gold.len()).filter(|&j| gold[j].direct).collect();
    let dpairs = match_contents(
        &pd.iter().map(|&i| ps[i].clone()).collect::<Vec<_>>(),
        &gd.iter().map(|&j| gs[j].clone()).collect::<Vec<_>>(),
    );
    s.direct = Counts { tp: n(dpairs.len()), pred: n(pd.len()), gold: n(gd.len()) };
    for &(a, b) in &dpairs {
        let (p, g) = (&pred[pd[a]], &gold[gd[b]]);
        if !g.source.is_empty() {
            s.direct_with_source += 1.0;
            if source_match(&tok, p, g) {
                s.direct_right_speaker += 1.0;
            }
        }
    }
    s
}

/// Scores one article against each of its annotators; the mean over annotators.
pub fn score_article(article: &Article, pred: &[Predicted]) -> Scores {
    let mut sum = Scores::default();
    for gold in &article.gold {
        sum.add(&score(&article.text, pred, gold));
    }
    sum.scale(1.0 / article.gold.len().max(1) as f64)
}

/// Runs the engine's segment → entities → quotes stages on `text`.
pub fn run(text: &str) -> (Vec<Quote>, Vec<Entity>) {
    let seg = newsdesk_segment::segment(text);
    let entities = newsdesk_entities::recognize(text, &seg);
    let found = newsdesk_quotes::attribute(text, &seg, &entities);
    (found.quotes, entities)
}

/// The result of `newsdesk eval quotes`.
pub struct Report {
    pub total: Scores,
    pub articles: usize,
    /// (article name, content F1, gold attributions) per article, worst first.
    pub worst: Vec<(String, f64, f64)>,
    /// With `verbose`: per article, the text of unmatched predictions and gold contents.
    pub misses: Vec<String>,
}

/// Evaluates the quote stage on a PolNeAR split folder.
/// With `verbose`, also lists what was missed or wrongly found (direct quotes only when
/// `direct_only`).
pub fn evaluate(dir: &Path, verbose: bool, direct_only: bool) -> Result<Report, QuotesEvalError> {
    let articles = load(dir)?;
    let mut total = Scores::default();
    let mut per = Vec::new();
    let mut listed = Vec::new();
    for a in &articles {
        let (quotes, entities) = run(&a.text);
        let pred = predicted(&a.text, &quotes, &entities);
        let s = score_article(a, &pred);
        if verbose {
            if let Some(gold) = a.gold.first() {
                if direct_only {
                    listed.extend(errors::list_direct(a, &pred, gold));
                } else {
                    listed.extend(errors::list(a, &pred, gold));
                }
            }
        }
        total.add(&s);
        per.push((a.name.clone(), s.content.f1(), s.content.gold));
    }
    per.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.2.total_cmp(&a.2)));
    per.truncate(10);
    Ok(Report { total, articles: articles.len(), worst: per, misses: listed })
}

/// The human ceiling on the same metrics: on the articles that several annotators labelled,
/// each annotator's attributions scored as predictions against each other annotator's (every
/// ordered pair, counts averaged per article as in [`evaluate`]). A source counts when the two
/// spans match as a predicted source would (no entity mentions: annotators name no entities).
pub fn agreement(dir: &Path) -> Result<Report, QuotesEvalError> {
    let articles = load(dir)?;
    let mut total = Scores::default();
    let mut per = Vec::new();
    let mut n = 0;
    for a in articles.iter().filter(|a| a.gold.len() >= 2) {
        let mut sum = Scores::default();
        let mut pairs = 0.0;
        for (i, mine) in a.gold.iter().enumerate() {
            let pred: Vec<Predicted> = mine
                .iter()
                .map(|g| Predicted {
                    content: g.content.clone(),
                    source: g.source.clone(),
                    direct: g.direct,
                    cue: g.cue.first().copied(),
                    speaker_mentions: Vec::new(),
                })
                .collect();
            for other in a.gold.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, g)| g) {
                sum.add(&score(&a.text, &pred, other));
                pairs += 1.0;
            }
        }
        let s = sum.scale(1.0 / pairs);
        total.add(&s);
        per.push((a.name.clone(), s.content.f1(), s.content.gold));
        n += 1;
    }
    per.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.2.total_cmp(&a.2)));
    per.truncate(10);
    Ok(Report { total, articles: n, worst: per, misses: Vec::new() })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.total;
        writeln!(f, "articles: {} (several annotators: mean over annotators)", self.articles)?;
        writeln!(f, "gold attributions: {:.0}, predicted: {:.0}", t.content.gold, t.content.pred)?;
        writeln!(f, "content (overlap >= 50%)   {}", t.content)?;
        writeln!(f, "content (exact tokens)     {}", t.exact)?;
        writeln!(f, "source                     {}", t.source)?;
        writeln!(f, "full attribution           {}", t.full)?;
        writeln!(f, "direct quotes ({:.0} gold)   {}", t.direct.gold, t.direct)?;
        writeln!(
            f,
            "direct quotes, right speaker: {:.3} ({:.0} of {:.0} matched with a gold source)",
            t.speaker_share(),
            t.direct_right_speaker,
            t.direct_with_source
        )?;
        for line in &self.misses {
            writeln!(f, "{line}")?;
        }
        writeln!(f, "worst articles (content F1, gold attributions):")?;
        for (name, f1, gold) in &self.worst {
            writeln!(f, "  {f1:.3}  {gold:>4.0}  {name}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::enclosed_in_marks;

    /// `segments` are `|`-separated parts of `text` (as brat splits a content).
    fn check(text: &str, segments: &str, direct: bool) {
        let chars: Vec<char> = text.chars().collect();
        let ranges: Vec<(usize, usize)> = segments
            .split('|')
            .filter_map(|seg| {
                let byte = text.find(seg)?;
                let a = text[..byte].chars().count();
                Some((a, a + seg.chars().count()))
            })
            .collect();
        assert_eq!(enclosed_in_marks(&chars, &ranges), direct, "{segments}");
    }

    #[test]
    fn direct_gold() {
        let t = "“We won,” she said. “We will govern.”\n“And build.”";
        check(t, "“We won,”", true);
        check(t, "“We won,”|“We will govern.”", true);
        check(t, "“We will govern.”|“And build.”", true);
        let t = "Jane said: “We will build roads.\n\n“We will build schools.” Then she left.";
        check(t, "“We will build roads.|“We will build schools.”", true);
        // (The first paragraph alone is in marks too: its closing mark is left off because
        // the quotation runs on.)
        check(t, "“We will build roads.", true);
        check(t, "“We will build schools.” Then she left", false);
        let t = "She said “We won,” of the vote, “by far.”";
        check(t, "“We won,”|of the vote|“by far.”", false);
        check("''We won,'' said Jane.", "''We won,'", true);
        // A mark the annotator left just outside the span still encloses it.
        let t = "He said, “We won,” and left. She yelled “Out!”";
        check(t, "We won", true);
        check(t, "“We won,|Out!", true);
        check(t, "and left", false);
        // A closing mark of something else is not an opening one.
        let t = "He said on \"Meet the Press\" that her \"judgment\" was \"lacking.\"";
        check(t, "that her \"judgment\" was \"lacking.\"", false);
        check(t, "lacking.", true);
        let t = "''We won.''\nThe problem, she said, is that ''we lost.''";
        check(t, "The problem", false);
        check(t, "is that ''we lost.''", false);
        check(t, "''we lost.''", true);
        // Apostrophes and nested single quotes inside a quotation.
        check("''Chant 'Trump! Trump!'.'' Then.", "''Chant 'Trump! Trump!'.''", true);
        check("“It’s ours,” she said.", "“It’s ours,”", true);
        // Each paragraph of a long quotation opens again without closing.
        let t = "\"We came.\n\n\"We won.\"";
        check(t, "\"We came.|\"We won.\"", true);
        check(t, t, true);
        let t = "“We came.\n\n“We won.” Then she left.";
        check(t, "“We came.\n\n“We won.”", true);
        // Quoted pieces joined by the writer's words are partly quoted, not a direct quote.
        let t = "She spoke of “improving NAFTA” and making sure it’s “updated.”";
        check(t, "“improving NAFTA” and making sure it’s “updated.”", false);
        check(t, "“improving NAFTA”", true);
        let t = "They chanted \"no contract, no peace\" and \"stop the cuts.\"";
        check(t, "\"no contract, no peace\" and \"stop the cuts.\"", false);
        check(t, "\"no contract, no peace\"", true);
        // A transcript's turn quoted whole: the label inside the marks is the attribution.
        let t =
            "Partial transcript:\n\n\"WALLACE: Why now?\n\n\"PENCE: Because we can.\"\n\nHe said: We left.";
        check(t, "Why now?", true);
        check(t, "Because we can.", true);
        check(t, "We left.", false);
        let t = "He said ''she has an agenda'' and ''looks forward to it.''";
        check(t, "''she has an agenda'' and ''looks forward to it.''", false);
        check(t, "''looks forward to it.''", true);
        // A quotation inside a quotation is still one.
        check("“He told me, “no way,” and left,” she said.", "“He told me, “no way,” and left,”", true);
        check("\"He told me \"no\" twice,\" she said.", "\"He told me \"no\" twice,\"", true);
        // Segments that only a space splits are read as one.
        let t = "\"I read: “Are you sure? We are.” Yes, no.\"";
        check(t, "\"I read: “Are you|sure? We are.” Yes, no.\"", true);
    }
}
