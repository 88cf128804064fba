//! Tagging a view with the compiled-in model and turning predicted contents the rules missed
//! into `Found` items with a cue (and a source when one is found), those the keep-or-drop
//! chooser keeps.

use super::features::Context;
use crate::found::Found;
use crate::source::{self, Range};
use crate::text::{Region, View};
use newsdesk_model::{QuoteKind, Span};
use newsdesk_perceptron::{Magic, Model};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

/// The magic opening a quote-tagger model file.
pub const MAGIC: &Magic = b"NDQUO1";
/// The magic opening the second pass's model file.
pub const STACK_MAGIC: &Magic = b"NDQUS1";

/// Tag indices (`newsdesk-perceptron`'s layout: O, then begin/inside of three types).
pub(super) const SOURCE: usize = 1;
pub(super) const CUE: usize = 3;
pub(super) const CONTENT: usize = 5;

/// Fewest word tokens of a predicted content kept as a quote (shorter ones are mostly wrong:
/// 4 measured best on a tenth of PolNeAR train held out).
const MIN_CONTENT_WORDS: usize = 4;
/// Farthest a predicted source may be from its cue, in tokens.
const MAX_SOURCE_GAP: usize = 3;

static MODEL_BYTES: &[u8] = include_bytes!("../../../../models/quotes.bin");
static STACK_BYTES: &[u8] = include_bytes!("../../../../models/quotes_stack.bin");
static REPLACEMENT: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
static LOADED: AtomicBool = AtomicBool::new(false);
/// The first pass's model and the second's (which also sees the first pass's tags); the
/// second is optional.
static MODEL: LazyLock<Option<(Model, Option<Model>)>> = LazyLock::new(|| {
    LOADED.store(true, Ordering::SeqCst);
    let (first, second) = REPLACEMENT.get().map_or((MODEL_BYTES, STACK_BYTES), |(a, b)| (a, b));
    let first = Model::from_bytes(first, MAGIC).filter(|m| !m.is_empty())?;
    Some((first, Model::from_bytes(second, STACK_MAGIC).filter(|m| !m.is_empty())))
});

/// Makes this process use the models `first` and `second` (the second pass's, possibly
/// empty) instead of the compiled-in ones (for scoring freshly trained models before
/// committing them). Returns false when a model is already in use, so nothing changed.
pub fn use_model(first: Vec<u8>, second: Vec<u8>) -> bool {
    !LOADED.load(Ordering::SeqCst) && REPLACEMENT.set((first, second)).is_ok()
}

/// The tag of every token of the view by `model` (tagging each sequence in turn).
pub(super) fn first_pass(model: &Model, ctx: &Context, n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    for seq in ctx.sequences() {
        for (k, t) in model.tag(&ctx.features(seq)).into_iter().enumerate() {
            out[seq.0 + k] = t as u8;
        }
    }
    out
}

/// Predicted spans of `v` as (tag type, token range): runs of a begin tag and its inside tags,
/// within one sequence.
fn predict(model: &Model, ctx: &Context, n: usize) -> Vec<(usize, Range)> {
    let tags = first_pass(model, ctx, n);
    let mut out = Vec::new();
    for (a, b) in ctx.sequences() {
        let mut k = a;
        while k < b {
            let t = usize::from(tags[k]);
            if t == 0 {
                k += 1;
                continue;
            }
            let kind = t - (t + 1) % 2;
            let mut e = k + 1;
            while e < b && usize::from(tags[e]) == kind + 1 {
                e += 1;
            }
            out.push((kind, (k, e)));
            k = e;
        }
    }
    out
}

/// Adds to `found` the contents the model predicts where the rules found none, and drops the
/// rules' indirect contents the keep-or-drop chooser rejects. Returns the source spans the
/// tagger predicted (token ranges, in text order), for the source chooser.
pub fn find(v: &View, found: &mut Vec<Found>) -> Vec<Range> {
    find_with(v, found, super::choice::model()).0
}

/// [`find`] deciding which additions to keep with `keeper` (the hand-written rule when
/// `None`, which also keeps every rule content); also returns every addition and rule content
/// considered, kept or not (for training the keeper).
pub(super) fn find_with(
    v: &View,
    found: &mut Vec<Found>,
    keeper: Option<&super::choice::Chooser>,
) -> (Vec<Range>, Vec<Addition>, Vec<RuleCheck>) {
    let Some((model, second)) = MODEL.as_ref() else { return (Vec::new(), Vec::new(), Vec::new()) };
    let mut ctx = Context::new(v, found);
    let mut spans = match second {
        Some(second) => {
            ctx.set_prior(first_pass(model, &ctx, v.toks.len()));
            predict(second, &ctx, v.toks.len())
        }
        None => predict(model, &ctx, v.toks.len()),
    };
    // A source tag on a lone article is a stray one (`a claim the utilities reject`).
    spans.retain(|&(k, (a, b))| {
        k != SOURCE
            || (a..b).any(|i| v.toks[i].word && !matches!(v.toks[i].lower.as_str(), "a" | "an" | "the"))
    });
    let sources = spans.iter().filter(|(k, _)| *k == SOURCE).map(|(_, r)| *r).collect();
    // A direct quote's cue stays its own (sharing it would make the quote one attribution
    // with indirect speech for a reader grouping by cue).
    let mut taken = vec![false; v.toks.len()];
    for (x, y) in found.iter().filter(|f| f.kind == QuoteKind::Direct).filter_map(|f| f.cue) {
        for t in taken.iter_mut().take(y).skip(x) {
            *t = true;
        }
    }
    let checks = rule_checks(v, &ctx, &spans, found);
    if let Some(m) = keeper {
        let mut drop = vec![false; found.len()];
        for c in &checks {
            drop[c.index] = m.pick(c.choice()) == 0;
        }
        crate::found::remove(found, &drop);
    }
    extend_rule_contents(v, &spans, found);
    let adds = additions(v, &ctx, &spans, &taken);
    for add in &adds {
        // The cue verb's subject is never what was said (`The so-called “peace plan” was
        // rejected`), whatever the annotators' counts say.
        // Nor is an adverbial opener (`Over the long term, according to X, ...`).
        let (a, b) = (v.first_tok_from(add.content.start), v.first_tok_from(add.content.end));
        // Nor is what a connective joins (`..., compared with 30 percent`).
        if crate::indirect::adverbial_opener(v, a, b) || crate::indirect::connective(v, add.cue.0) {
            continue;
        }
        let keep = match keeper {
            Some(m) => !add.subject_like && m.pick(add.choice()) == 1,
            None => add.hand_keep(),
        };
        if keep {
            found.push(Found::new(add.kind, add.content, Some(add.cue), add.source));
        }
    }
    (sources, adds, checks)
}

/// A content the tagger predicts where the rules found none, with the cue nearest to it and
/// the source next to that cue, before the decision whether to keep it.
pub(super) struct Addition {
    pub content: Span,
    pub kind: QuoteKind,
    pub cue: Range,
    pub source: Option<Range>,
    words: usize,
    /// The content runs into its cue with only words between: the cue verb's subject.
    pub subject_like: bool,
    /// The features of dropping it, then of keeping it.
    choice: Vec<Vec<u32>>,
}

impl Addition {
    /// The keep-or-drop choice for the learned decision: candidate 0 drops, 1 keeps.
    pub fn choice(&self) -> &[Vec<u32>] {
        &self.choice
    }

    /// The hand-written decision, used when no learned one is compiled in: enough words, a
    /// speaker, not the cue verb's subject.
    fn hand_keep(&self) -> bool {
        self.words >= MIN_CONTENT_WORDS && !self.subject_like && self.source.is_some()
    }
}

/// The tagger's contents that overlap no rule content and have a cue near them.
pub(super) fn additions(v: &View, ctx: &Context, spans: &[(usize, Range)], taken: &[bool]) -> Vec<Addition> {
    use super::choice::{bucket, hash};
    let mut out = Vec::new();
    for &(kind, (a, b)) in spans {
        let words = (a..b).filter(|&i| v.toks[i].word).count();
        if kind != CONTENT || words < 2 {
            continue;
        }
        let content = v.tok_span(a, b);
        // (Nor a rule's cue or source: `according to the "Medicare for all" document`.)
        if content.is_empty() || (a..b).any(|i| ctx.rule_content(i) || ctx.rule_speaker(i)) {
            continue;
        }
        // A content with no cue near it is more often a stray tag than a quote.
        let Some(cue) = nearest_cue(v, ctx, spans, (a, b), taken) else { continue };
        let subject_like = cue.0 >= b && (b..cue.0).all(|i| v.toks[i].word);
        let src = source_of(v, spans, cue, (a, b));
        // (Regions are in text order: only those opening inside the content can lie in it.)
        let first = v.regions.partition_point(|r| r.toks.0 < a);
        let held: Vec<&Region> = v.regions[first..]
            .iter()
            .take_while(|r| r.toks.0 < b)
            .filter(|r| content.contains(r.content))
            .collect();
        if held.iter().any(|r| crate::direct::title_like(v, r)) {
            continue;
        }
        let kind = if held.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
        let cue_word = v.toks[cue.0].lower.as_str();
        // (Spans are in text order and never overlap: a binary search, not a scan per content.)
        let at = spans.partition_point(|&(_, r)| r.0 < cue.0);
        let tagged_cue = spans.get(at).is_some_and(|&(k, r)| k == CUE && r == cue);
        let side = if cue.1 <= a { "before" } else { "after" };
        let src_class = source_class(v, src);
        let sent_start = a == 0 || v.toks[a - 1].sent != v.toks[a].sent;
        let mut feats = Vec::with_capacity(12);
        let mut f = |t: u8, parts: &[&str]| feats.push(hash(t, parts));
        f(151, &["keep"]);
        f(152, &[bucket(words)]);
        f(153, &[cue_word]);
        f(154, &[cue_word, side]);
        f(155, &[if tagged_cue { "tagged" } else { "lexicon" }, side]);
        f(156, &[src_class]);
        f(157, &[src_class, cue_word]);
        f(158, &[if subject_like { "subject" } else { "-" }, side]);
        f(159, &[bucket(gap(cue, (a, b)))]);
        f(160, &[v.toks[a].lower.as_str()]);
        f(161, &[if sent_start { "starts" } else { "-" }, side]);
        f(162, &[if held.is_empty() { "plain" } else { "quoted" }]);
        let cluster = |k: usize| v.toks.get(k).map_or("</s>", |t| super::clusters::label(t.class));
        f(163, &[cluster(cue.0), side]);
        f(164, &[cluster(a)]);
        f(165, &[cluster(cue.0), src_class]);
        let seen = |k: usize, n: usize| seen_elsewhere(ctx, k, n);
        f(166, &[seen(cue.0, 0), side]);
        f(167, &[seen(cue.0, 0), src.map_or("none", |(x, _)| seen(x, 1))]);
        // What stands before the cue word: a determiner or possessive makes it a noun (`Oz's
        // show`, `raises questions`), a subject or auxiliary a verb.
        let before = cue.0.checked_sub(1).map_or("<s>", |k| v.toks[k].lower.as_str());
        f(168, &[before, cue_word]);
        f(169, &[cue.0.checked_sub(1).map_or("<s>", |k| cluster(k))]);
        f(170, &[cluster(cue.1)]);
        let choice = vec![vec![hash(150, &["drop"])], feats];
        out.push(Addition { content, kind, cue, source: src, words, subject_like, choice });
    }
    out
}

/// An indirect content the rules found where the tagger reads no cue, before the learned
/// decision whether to keep it: the rules read a cue form wherever it stands (`booed him off
/// the stage`, `showed up at the debate`), the tagger sees the whole paragraph.
pub(super) struct RuleCheck {
    /// Its index in the found attributions.
    pub index: usize,
    pub content: Span,
    /// The features of dropping it, then of keeping it.
    choice: Vec<Vec<u32>>,
}

impl RuleCheck {
    /// The keep-or-drop choice for the learned decision: candidate 0 drops, 1 keeps.
    pub fn choice(&self) -> &[Vec<u32>] {
        &self.choice
    }
}

/// The keep-or-drop choices of the rules' indirect contents whose cue the tagger does not tag
/// (never a direct quote, nor what the direct conventions found). Features: what share of the
/// content the tagger tags, the cue word and its class, the word before it, the source's
/// kind, and whether the tagger tags the source.
fn rule_checks(v: &View, ctx: &Context, spans: &[(usize, Range)], found: &[Found]) -> Vec<RuleCheck> {
    use super::choice::{bucket, hash};
    let mut tagged = vec![0usize; v.toks.len()];
    for &(k, (a, b)) in spans {
        tagged[a..b.min(v.toks.len())].fill(k);
    }
    let cluster = |k: usize| v.toks.get(k).map_or("</s>", |t| super::clusters::label(t.class));
    let mut out = Vec::new();
    for (index, f) in found.iter().enumerate() {
        let (a, b) = (v.first_tok_from(f.content.start), v.first_tok_from(f.content.end));
        // (A headline's `Name: statement` label is a convention of its own, as quote marks
        // are; a label opening a paragraph of the body may be an interview's `Q:`.)
        let headline_label = f.cue.is_some_and(|(x, y)| y == x + 1 && v.punct(x, ":") && v.toks[x].para == 0);
        // (Nor one whose cue the tagger tags a cue too: it reads an attribution there, and a
        // short content, `exports rose`, may go untagged.)
        let tagged_cue = f.cue.is_some_and(|(x, y)| (x..y).any(|k| tagged.get(k) == Some(&CUE)));
        if f.kind != QuoteKind::Indirect || f.by_marks || headline_label || tagged_cue {
            continue;
        }
        let words: Vec<usize> = (a..b).filter(|&i| v.toks[i].word).collect();
        if words.is_empty() {
            continue;
        }
        // What share of its words the tagger tags a content, in quarters.
        let covered = words.iter().filter(|&&i| tagged[i] == CONTENT).count();
        let cover = match (covered * 4).div_ceil(words.len()) {
            _ if covered == 0 => "none",
            _ if covered == words.len() => "all",
            1 => "q1",
            2 => "q2",
            3 => "q3",
            _ => "q4",
        };
        let any = |r: Option<Range>, kind: usize| match r {
            None => "absent",
            Some((x, y)) if (x..y).any(|k| tagged.get(k) == Some(&kind)) => "tagged",
            Some(_) => "untagged",
        };
        let (cue_word, before, cue_class) = match f.cue {
            Some((x, _)) => (
                v.toks[x].lower.as_str(),
                x.checked_sub(1).map_or("<s>", |k| v.toks[k].lower.as_str()),
                cluster(x),
            ),
            None => ("<none>", "<none>", "<none>"),
        };
        let side = match f.cue {
            Some((x, _)) if x >= b => "after",
            Some(_) => "before",
            None => "none",
        };
        let src_class = source_class(v, f.source);
        let seen = f.cue.map_or("-", |(x, _)| seen_elsewhere(ctx, x, 0));
        let cue_tag = any(f.cue, CUE);
        let mut feats = Vec::with_capacity(16);
        let mut h = |t: u8, parts: &[&str]| feats.push(hash(t, parts));
        h(171, &["keep"]);
        h(172, &[cover]);
        h(173, &[cue_word]);
        h(174, &[cue_word, cover]);
        h(175, &[cue_tag, cover]);
        h(176, &[src_class, any(f.source, SOURCE)]);
        h(177, &[bucket(words.len())]);
        h(178, &[cue_class, cover]);
        h(179, &[before, cue_word]);
        h(180, &[v.toks[a].lower.as_str()]);
        h(181, &[side, cover]);
        h(182, &[seen, cue_tag]);
        h(183, &[src_class, cue_word]);
        h(184, &[if f.continues.is_some() { "continues" } else { "-" }]);
        out.push(RuleCheck {
            index,
            content: f.content,
            choice: vec![vec![hash(170, &["rule-drop"])], feats],
        });
    }
    out
}

/// The kind of a source phrase, for the keep-or-drop features: none, a pronoun, a phrase with
/// a capitalised word, or another phrase.
fn source_class(v: &View, src: Option<Range>) -> &'static str {
    match src {
        None => "none",
        Some(r) if source::is_pronoun(v, r) => "pronoun",
        Some((x, y)) if (x..y).any(|k| v.toks[k].cap) => "name",
        Some(_) => "other",
    }
}

/// How often the first pass tagged token `k`'s word a cue (`n` = 0) or a source (1) elsewhere
/// in the article, as a feature value.
fn seen_elsewhere(ctx: &Context, k: usize, n: usize) -> &'static str {
    match ctx.elsewhere(k).map(|e| e[n]) {
        None => "-",
        Some(0) => "0",
        Some(1) => "1",
        Some(_) => "2+",
    }
}

/// An indirect content the rules found grows rightwards to the end of the predicted content
/// that covers it, when that takes in neither its cue, nor its source, nor another quote: the
/// rules stop at commas and sentence ends where reported speech often runs on. A content is
/// never shrunk and never starts earlier (letting the model shrink contents lowered dev F1).
fn extend_rule_contents(v: &View, spans: &[(usize, Range)], found: &mut [Found]) {
    for fi in 0..found.len() {
        if found[fi].kind != QuoteKind::Indirect {
            continue;
        }
        let fa = v.first_tok_from(found[fi].content.start);
        let fb = v.first_tok_from(found[fi].content.end);
        // Predicted spans are in text order and never overlap: the one holding token `fa` is
        // the last that starts at or before it.
        let holding = spans.partition_point(|&(_, (a, _))| a <= fa).checked_sub(1).map(|k| spans[k]);
        let Some((_, (_, b))) = holding.filter(|&(k, (_, b))| k == CONTENT && fa < b && fb < b) else {
            continue;
        };
        // Only rightwards: where a content starts (after `that`, after the cue) is our
        // convention, and the model, trained on PolNeAR's, would often take `that` in.
        let a = fa;
        let clash = |r: Option<Range>| r.is_some_and(|(x, y)| x < b && a < y);
        if clash(found[fi].cue) || clash(found[fi].source) {
            continue;
        }
        // Closing punctuation the tagger took in is no part of the content.
        let mut b = b;
        while b > fb && (v.punct(b - 1, ".,;:!?—–-") || super::bounds::dangling(v, b - 1)) {
            b -= 1;
        }
        let span = v.tok_span(a, b);
        if b > fb && !found.iter().enumerate().any(|(j, g)| j != fi && g.content.overlaps(span)) {
            found[fi].content = span;
        }
    }
}

/// Token distance between two ranges (0 when they touch or overlap).
pub(super) fn gap((a, b): Range, (c, d): Range) -> usize {
    if b <= c {
        c - b
    } else {
        a.saturating_sub(d)
    }
}

fn overlaps((a, b): Range, (c, d): Range) -> bool {
    a < d && c < b
}

/// Farthest a cue may be from its content, in tokens (also bounds the search: linear time).
const MAX_CUE_GAP: usize = 40;

/// Index of the first span starting at or after token `at` (`spans` are in text order).
fn first_from(spans: &[(usize, Range)], at: usize) -> usize {
    spans.partition_point(|(_, r)| r.0 < at)
}

/// The predicted cue nearest to `content` in the sentence of its first or last token, else the
/// nearest lexicon cue there.
fn nearest_cue(
    v: &View,
    ctx: &Context,
    spans: &[(usize, Range)],
    content: Range,
    taken: &[bool],
) -> Option<Range> {
    let sents = [v.toks[content.0].sent, v.toks[content.1 - 1].sent];
    let ok = |r: Range| {
        v.toks.get(r.0).is_some_and(|t| sents.contains(&t.sent))
            && !overlaps(r, content)
            && gap(r, content) <= MAX_CUE_GAP
            && !(r.0..r.1).any(|i| taken.get(i).copied().unwrap_or(false))
            // (A word inside a quotation is no cue for words outside it: `"You know, I love
            // Larry," he said, but "when ..."`.)
            && v.region_of(r.0).is_none_or(|q| v.regions[q].toks.0 <= content.0 && content.1 <= v.regions[q].toks.1)
    };
    let (lo, hi) = (content.0.saturating_sub(MAX_CUE_GAP + 8), content.1 + MAX_CUE_GAP);
    let window = &spans[first_from(spans, lo)..first_from(spans, hi)];
    let predicted =
        window.iter().filter(|(k, r)| *k == CUE && ok(*r)).map(|(_, r)| *r).min_by_key(|r| gap(*r, content));
    predicted.or_else(|| ctx.lexicon_cues_between(lo, hi).filter(|r| ok(*r)).min_by_key(|r| gap(*r, content)))
}

/// The predicted source next to `cue`, else the rules' source phrase before or after it.
fn source_of(v: &View, spans: &[(usize, Range)], cue: Range, content: Range) -> Option<Range> {
    let sent = v.toks.get(cue.0)?.sent;
    let window = &spans[first_from(spans, cue.0.saturating_sub(MAX_SOURCE_GAP + 16))
        ..first_from(spans, cue.1 + MAX_SOURCE_GAP)];
    let predicted = window
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
        .or_else(|| source::before_apposition(v, cue.0).filter(|r| !overlaps(*r, content)))
        .or_else(|| source::subject(v, cue.0).filter(|r| !overlaps(*r, content)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contents the learned step adds to what the rules found in `text`.
    fn added(text: &str) -> Vec<String> {
        let seg = newsdesk_segment::segment(text);
        let v = View::new(text, &seg);
        let mut found = crate::rules(&v, &[]);
        let rules: Vec<Span> = found.iter().map(|f| f.content).collect();
        find(&v, &mut found);
        for f in &found {
            assert!(text.is_char_boundary(f.content.start) && text.is_char_boundary(f.content.end), "{text}");
            for (a, b) in f.cue.iter().chain(&f.source) {
                assert!(a < b && *b <= v.toks.len(), "{text}");
            }
        }
        // (The rules' contents may have grown or gone; an added one overlaps none of them.)
        found
            .iter()
            .filter(|f| !rules.iter().any(|r| r.overlaps(f.content)))
            .map(|f| v.slice(f.content).to_string())
            .collect()
    }

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(added(text), expected, "{text}");
    }

    #[test]
    fn adds_what_the_rules_miss() {
        // A stance with a cue in no list (`took aim at`).
        check(
            "Jane Doe, the mayor, took aim at the council's spending plan during a town hall meeting.",
            &["the council's spending plan"],
        );
        // What the rules find stays theirs.
        check("\"We will win,\" said Jane Doe.", &[]);
        check("The union's leaders insist that no worker will lose a job because of the merger.", &[]);
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        for text in [
            "",
            "\n\n",
            "“",
            "”Ça va,” a-t-elle dit — «très bien» selon l’élu.",
            "Ölçü, dedi ki: “güçlü bir şekilde büyüyecek” ve ekledi ki şöyle.",
            "He said that 北京 will grow 5%, officials said, adding that 東京 would not.",
            "said said said that that that , , , \" \" \"",
            "In her view, the plan, which the mayor said would fail, will fail, aides told reporters \u{1F600}.",
        ] {
            added(text);
        }
        let long = "Officials said the plan would fail and that taxes would rise. ".repeat(300);
        added(&long);
    }
}
