//! Reactions received: `The veto drew praise from the League`, `The proposal has drawn harsh
//! criticism from fellow Republicans`, `Rubio won support from governors`. The noun of a
//! reaction after a verb of receiving is the cue, the phrase after `from` its source and the
//! subject of the verb what the reaction is about (the content), as PolNeAR annotates it.
//! Whoever found an attribution there first (a rule or the learned step) took the
//! `from` phrase for the content; it is turned round, and one is made where none was found.

use crate::found::Found;
use crate::source;
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Verbs of receiving a reaction, in every form.
const RECEIVING: &[&str] = &[
    "draw",
    "draws",
    "drew",
    "drawn",
    "drawing",
    "win",
    "wins",
    "won",
    "winning",
    "receive",
    "receives",
    "received",
    "receiving",
    "earn",
    "earns",
    "earned",
    "earning",
    "garner",
    "garners",
    "garnered",
    "garnering",
];

/// Nouns of a reaction someone voices.
const REACTIONS: &[&str] = &[
    "criticism",
    "praise",
    "support",
    "condemnation",
    "backing",
    "rebuke",
    "rebukes",
    "endorsement",
    "endorsements",
];

/// Longest phrase, in words, read as the source after `from`.
const MAX_SOURCE_WORDS: usize = 12;

/// Turns round or adds the attributions of reactions received (see the module header).
pub fn reverse(v: &View, found: &mut Vec<Found>) {
    for k in 2..v.toks.len() {
        let Some(r) = reaction(v, k) else { continue };
        let existing = found.iter().position(|f| {
            f.kind != QuoteKind::Direct
                && (f.cue.is_some_and(|(a, b)| a <= r.noun && r.noun < b)
                    || v.tok_from(f.content.start).is_some_and(|t| t.start == v.toks[r.noun + 1].start))
        });
        let content = v.tok_span(r.subject.0, r.subject.1);
        match existing {
            Some(i) => {
                let f = &mut found[i];
                f.content = content;
                f.source = Some(r.source);
                f.cue = Some((r.verb, r.noun + 1));
                f.speaker = None;
            }
            None => found.push(Found::new(
                QuoteKind::Indirect,
                content,
                Some((r.verb, r.noun + 1)),
                Some(r.source),
            )),
        }
    }
}

/// A reaction received whose noun is word `k`.
struct Reaction {
    verb: usize,
    noun: usize,
    source: source::Range,
    subject: source::Range,
}

fn reaction(v: &View, k: usize) -> Option<Reaction> {
    let t = &v.toks[k];
    if !t.word || !REACTIONS.contains(&t.lower.as_str()) || v.toks.get(k + 1)?.lower != "from" {
        return None;
    }
    // Back over at most two modifiers (`harsh`, `more`, `bipartisan`) to the verb.
    let verb = (k.saturating_sub(3)..k).rev().find(|&j| RECEIVING.contains(&v.toks[j].lower.as_str()))?;
    if (verb + 1..k).any(|j| !v.toks[j].word || v.toks[j].cap) {
        return None;
    }
    let sent = t.sent;
    let from = k + 2;
    let mut end = from;
    while end < v.toks.len()
        && end < from + MAX_SOURCE_WORDS
        && v.toks[end].sent == sent
        && v.toks[end].word
        && v.region_of(end).is_none()
        && !matches!(
            v.toks[end].lower.as_str(),
            "who" | "which" | "that" | "after" | "for" | "over" | "because"
        )
    {
        end += 1;
    }
    if end == from {
        return None;
    }
    let subject = subject(v, verb)?;
    Some(Reaction { verb, noun: k, source: (from, end), subject })
}

/// The subject before the verb at `verb`: from the sentence start (past a conjunction, and
/// past an opening adverbial set off by a comma) to the verb, without the auxiliaries and
/// adverbs right before it (`The proposal has quickly drawn ...`); at most fifteen words.
fn subject(v: &View, verb: usize) -> Option<source::Range> {
    let (mut a, _) = v.sentence_of(verb);
    if matches!(v.toks[a].lower.as_str(), "but" | "and" | "yet" | "still" | "so") {
        a += 1;
    }
    let first = &v.toks.get(a)?.lower;
    let opener = !v.toks[a].cap || source::time_word(first) || source::preposition(first);
    if opener {
        a = (a..verb).find(|&k| v.punct(k, ","))? + 1;
    }
    let mut b = verb;
    while b > a && BEFORE_VERB.contains(&v.toks[b - 1].lower.as_str()) {
        b -= 1;
    }
    let words = (a..b).filter(|&k| v.toks[k].word).count();
    (words > 0 && words <= 15 && v.toks[a].word && (a..b).all(|k| v.region_of(k).is_none())).then_some((a, b))
}

/// Auxiliaries and adverbs between a subject and its verb.
const BEFORE_VERB: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "may", "might", "is", "was", "are", "were", "also",
    "quickly", "already", "still", "since", "recently", "now", "just", "not", "never", "again",
];
