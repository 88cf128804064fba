//! Who an indirect attribution's source is, or that it has none: a learned choice among the
//! source phrases the rules can read around its cue. The rules take the first phrase that
//! fits (`source::before`, then others); annotators leave the source out of passive and
//! impersonal cues (`was asked`, `is seen as`) and take the subject across an apposition or a
//! participle. For each indirect or mixed attribution the candidates are its rule source, no
//! source, and the phrases before the cue, after it, before an apposition and the sentence
//! subject; the same averaged multiclass perceptron as [`super::bounds`] (one model file,
//! its own feature templates) picks one.

use super::choice::{bucket, hash, Choice};
use crate::found::Found;
use crate::lexicon::LEXICON;
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::{QuoteKind, Span};

/// Candidate sources (`None`: no source) and the features of each.
type Candidates = (Vec<Option<Range>>, Vec<Vec<u32>>);

/// The candidate sources of found `i` (the rule's first, `None` for no source) and their
/// features; `None` for a direct quote, a quote with no cue, or when there is no choice.
pub fn candidates(v: &View, found: &[Found], i: usize, tagged: &[Range]) -> Option<Candidates> {
    let f = &found[i];
    let cue = f.cue?;
    if f.kind == QuoteKind::Direct
        || f.by_marks
        || f.continues.is_some()
        || cue.1 > v.toks.len()
        || cue.0 >= cue.1
    {
        return None;
    }
    // `X seems to ...`: the subject belongs to the content, by the annotators' own convention
    // (`data/polnear_cues.tsv`), whatever a chooser would make of one sentence.
    if crate::source::sourceless_at(v, cue.0) {
        return None;
    }
    let content = (v.first_tok_from(f.content.start), v.toks.partition_point(|t| t.start < f.content.end));
    let clear =
        |r: &Range| r.0 < r.1 && (r.1 <= content.0 || r.0 >= content.1) && (r.1 <= cue.0 || r.0 >= cue.1);
    // The tagger's source spans nearest the cue on each side, in its sentence.
    let sent = v.toks[cue.0].sent;
    let k = tagged.partition_point(|r| r.1 <= cue.0);
    let tagged_before = k.checked_sub(1).map(|k| tagged[k]).filter(|r| v.toks[r.0].sent == sent);
    let tagged_after = tagged.get(k).copied().filter(|r| r.0 >= cue.1 && v.toks[r.0].sent == sent);
    let found_by: [(&str, Option<Range>); 6] = [
        ("before", source::before(v, cue.0)),
        // (`..., asking Trump to ...`: after a participle comes its object, never its subject.)
        ("after", source::after(v, cue.1).filter(|_| !participle(&v.toks[cue.0].lower))),
        ("apposition", source::before_apposition(v, cue.0)),
        ("subject", source::subject(v, cue.0).filter(|s| s.1 <= cue.0)),
        ("tagged-before", tagged_before),
        ("tagged-after", tagged_after),
    ];
    let mut cands: Vec<(Option<Range>, String)> = vec![(f.source, "rule".to_string())];
    if f.source.is_some() {
        cands.push((None, "none".to_string()));
    }
    for (how, r) in found_by {
        // (`The mayor grudgingly agreed`: an adverb before the cue is no part of the source.)
        let Some(r) = r.map(|r| without_adverbs(v, r)).filter(clear).filter(|r| !adverbial(v, *r)) else {
            continue;
        };
        match cands.iter_mut().find(|c| c.0 == Some(r)) {
            Some(c) => c.1.push_str(how),
            None => cands.push((Some(r), how.to_string())),
        }
    }
    if cands.len() < 2 {
        return None;
    }
    let feats = cands.iter().map(|(r, how)| features(v, f, cue, content, *r, how)).collect();
    Some((cands.into_iter().map(|c| c.0).collect(), feats))
}

/// A one-word phrase that is a time word or an adverb (`Tuesday`, `Later`): no source.
fn adverbial(v: &View, (a, b): Range) -> bool {
    b == a + 1 && v.toks.get(a).is_some_and(|t| LEXICON.is(&t.lower, "time") || source::is_adverb(t))
}

/// A present participle cue (`saying`, `asking`; not `according`).
fn participle(lower: &str) -> bool {
    lower.ends_with("ing") && lower.len() > 5 && lower != "according"
}

/// A source phrase without the adverbs and punctuation ending it.
fn without_adverbs(v: &View, (a, mut b): Range) -> Range {
    // (And without closing punctuation: `26 percent,`.)
    while b > a + 1 && v.toks.get(b - 1).is_some_and(|t| !t.word || source::is_adverb(t)) {
        b -= 1;
    }
    (a, b)
}

/// Features of giving the attribution with `cue` and `content` the source `r` (found `how`).
fn features(v: &View, f: &Found, cue: Range, content: Range, r: Option<Range>, how: &str) -> Vec<u32> {
    let toks = &v.toks;
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("<s>", |t| t.lower.as_str());
    let cue_word = toks[cue.0].lower.as_str();
    let cue_last = toks[cue.1 - 1].lower.as_str();
    let before = word(cue.0.checked_sub(1));
    let rel = if r == f.source { "rule" } else { "other" };
    let kind = if f.kind == QuoteKind::Mixed { "M" } else { "I" };
    let side = if content.1 <= cue.0 { "content-first" } else { "cue-first" };
    let mut out = Vec::with_capacity(20);
    let mut add = |template: u8, parts: &[&str]| out.push(hash(template, parts));
    add(200, &[rel, how]);
    add(201, &[how, cue_word]);
    add(202, &[how, cue_last]);
    add(203, &[how, before]);
    add(204, &[how, before, cue_word]);
    add(205, &[how, side, kind]);
    add(206, &[how, if source::sourceless_at(v, cue.0) { "sourceless" } else { "-" }]);
    match r {
        None => add(207, &["none", word(Some(cue.1))]),
        Some((a, b)) => {
            let class = if source::is_pronoun(v, (a, b)) {
                "pronoun"
            } else if (a..b).any(|k| toks[k].cap && k > 0 && toks[k - 1].sent == toks[k].sent) {
                "name"
            } else if (a..b).any(|k| LEXICON.is_source_noun(&toks[k].lower)) {
                "noun"
            } else if (a..b).any(|k| toks[k].cap) {
                "sentence-initial"
            } else {
                "other"
            };
            add(207, &[class, how]);
            add(208, &[class, cue_word]);
            add(209, &[how, bucket(b - a)]);
            add(210, &[how, word(Some(b - 1))]);
            add(211, &[how, word(Some(a))]);
            add(212, &[how, word(a.checked_sub(1))]);
            let gap = if b <= cue.0 { cue.0 - b } else { a.saturating_sub(cue.1) };
            add(213, &[how, bucket(gap)]);
            let in_sentence = toks[a].sent == toks[cue.0].sent;
            add(214, &[how, if in_sentence { "same" } else { "other" }]);
            let cluster = |k: Option<usize>| {
                k.and_then(|k| toks.get(k)).map_or("<s>", |t| super::clusters::label(t.class))
            };
            add(215, &[how, cluster(Some(b - 1))]);
            add(216, &[class, cluster(Some(cue.0))]);
            add(217, &[how, cluster(a.checked_sub(1)), cluster(Some(a))]);
            // What follows the phrase: a verb (a subject), a noun (`Trump's stance`), a comma.
            add(218, &[class, cluster(Some(b))]);
            let possessive = source::possessive(&toks[b - 1].lower);
            let participle_cue = participle(cue_word);
            add(
                219,
                &[how, if possessive { "possessive" } else { "-" }, if participle_cue { "ing" } else { "-" }],
            );
            add(220, &[how, if participle_cue { "ing" } else { "-" }, before]);
        }
    }
    out
}

/// The training choices of one document: for each attribution whose content matches a gold
/// content (sharing at least half of the longer one's bytes), the candidate that matches the
/// gold source as the evaluation matches sources (none for none; else overlapping it, with at
/// least half of its own tokens inside), when one does.
/// Also counts the matched attributions none of whose candidates is right.
pub fn choices(
    v: &View,
    found: &[Found],
    gold: &[(Vec<Span>, Vec<Span>)],
    tagged: &[Range],
) -> (Vec<Choice>, usize) {
    let mut missing = 0;
    let mut out = Vec::new();
    for i in 0..found.len() {
        let Some((cands, feats)) = candidates(v, found, i, tagged) else { continue };
        let c = found[i].content;
        let best = gold
            .iter()
            .map(|(contents, sources)| {
                (contents.iter().map(|&g| c.shared(g)).sum::<usize>(), contents, sources)
            })
            .max_by_key(|x| x.0);
        let Some((overlap, contents, sources)) = best else { continue };
        let glen: usize = contents.iter().map(|g| g.len()).sum();
        if 2 * overlap < c.len().max(glen) {
            continue;
        }
        let right = |r: &Option<Range>| match r {
            None => sources.is_empty(),
            Some((a, b)) => {
                let inside = (*a..*b)
                    .filter(|&k| v.toks[k].word)
                    .filter(|&k| sources.iter().any(|s| s.start <= v.toks[k].start && v.toks[k].end <= s.end))
                    .count();
                let words = (*a..*b).filter(|&k| v.toks[k].word).count();
                !sources.is_empty() && inside > 0 && 2 * inside >= words
            }
        };
        match cands.iter().position(right) {
            Some(k) => out.push(Choice { cands: feats, gold: k }),
            None => missing += 1,
        }
    }
    (out, missing)
}

/// Gives every indirect and mixed attribution the source the model prefers.
pub fn refine(v: &View, found: &mut [Found], model: &super::choice::Chooser, tagged: &[Range]) {
    for i in 0..found.len() {
        let Some((cands, feats)) = candidates(v, found, i, tagged) else { continue };
        let k = model.pick(&feats);
        if k > 0 {
            found[i].source = cands[k];
        }
    }
}
