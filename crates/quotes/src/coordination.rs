//! A content ends where its cue's subject goes on with a verb of its own: `attacked her
//! Spanish skills and even questioned ...`, `has not endorsed Mr. Trump and has been a critic`,
//! `complained about the tone but defended ...`, `promised "every resource" and said ...`.
//!
//! The second verb is one of the cue's form (a past for a past, an -ing form for an -ing form)
//! or an auxiliary, after `and` or `but` and any adverbs. Only where the content is what the
//! cue acts on, not a clause of its own: after a verb that reports a clause (`said police
//! arrested two men and seized ...`) or a content opening a clause (`that`, `he`), the second
//! verb is the reported clause's, unless the content before it is one whole quotation.

use crate::found::Found;
use crate::lexicon::{Frame, LEXICON};
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::{QuoteKind, Span};

/// Verbs that report a clause without `that` (`said police arrested ...`): a verb after `and`
/// in their content is the clause's own.
const CLAUSE_VERBS: [&str; 48] = [
    "say",
    "tell",
    "add",
    "claim",
    "argue",
    "insist",
    "suggest",
    "note",
    "warn",
    "believe",
    "think",
    "know",
    "report",
    "announce",
    "state",
    "assert",
    "contend",
    "maintain",
    "write",
    "declare",
    "explain",
    "acknowledge",
    "admit",
    "confirm",
    "reveal",
    "predict",
    "allege",
    "hope",
    "fear",
    "expect",
    "estimate",
    "recall",
    "agree",
    "feel",
    "find",
    "learn",
    "realize",
    "show",
    "worry",
    "indicate",
    "stress",
    "emphasize",
    "concede",
    "testify",
    "assure",
    "rule",
    "conclude",
    "caution",
];

/// Irregular forms of [`CLAUSE_VERBS`].
const CLAUSE_IRREGULAR: [&str; 12] = [
    "said", "told", "thought", "knew", "known", "wrote", "written", "felt", "found", "learnt", "shown",
    "saying",
];

/// Common irregular past forms, for the second verb (`and cast himself as ...`).
const IRREGULAR_PAST: [&str; 41] = [
    "took", "made", "gave", "went", "cast", "led", "told", "saw", "left", "won", "lost", "met", "sent",
    "spent", "brought", "kept", "held", "put", "ran", "became", "came", "got", "found", "thought", "wrote",
    "spoke", "stood", "paid", "sought", "struck", "fought", "drew", "threw", "broke", "chose", "began",
    "said", "offered", "hit", "shut", "born",
];

/// Words opening a clause or an aside inside a content: a verb after `and` past them is
/// that clause's.
const SUBORDINATORS: [&str; 15] = [
    "who", "whom", "whose", "which", "that", "where", "when", "before", "after", "because", "if", "while",
    "although", "though", "unless",
];

/// Words that open a verb's object or complement (`questioned the`, `moved to`, `jailed him`).
const OBJECT_OPENERS: [&str; 40] = [
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "no",
    "any",
    "some",
    "him",
    "them",
    "it",
    "me",
    "us",
    "himself",
    "herself",
    "themselves",
    "to",
    "for",
    "with",
    "on",
    "in",
    "at",
    "about",
    "from",
    "against",
    "into",
    "up",
    "out",
    "down",
    "back",
    "off",
];

/// Adverbs that may stand between the conjunction and the second verb.
const ADVERBS: [&str; 12] =
    ["also", "even", "then", "later", "still", "never", "not", "instead", "again", "soon", "since", "now"];

/// Nouns in -ing that often follow `and` in a noun phrase (`the budget and spending cuts`).
const ING_NOUNS: [&str; 30] = [
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "things",
    "morning",
    "evening",
    "building",
    "meeting",
    "hearing",
    "funding",
    "spending",
    "training",
    "housing",
    "shooting",
    "bombing",
    "killing",
    "ruling",
    "opening",
    "offering",
    "warning",
    "feeling",
    "setting",
    "beginning",
    "ending",
    "finding",
    "rating",
    "polling",
    "voting",
];

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Past,
    Ing,
    Other,
}

/// Cuts each indirect or mixed content before a second verb phrase of its cue's subject; one
/// of saying opens an attribution of its own with the same source (`promised "every penny"
/// and said the county would rebuild the bridge`).
pub fn cut(v: &View, found: &mut Vec<Found>) {
    let mut second = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind != QuoteKind::Direct) {
        let Some(cue) = f.cue else { continue };
        let (a, b) = (v.first_tok_from(f.content.start), v.toks.partition_point(|t| t.start < f.content.end));
        // (The cue right before its content, in its sentence.)
        if cue.1 > a || a - cue.1 > 1 || a >= b || v.toks[cue.0].sent != v.toks[a].sent {
            continue;
        }
        let form = cue_form(v, cue);
        let clausal =
            clause_cue(v, cue) || opens_clause(&v.toks[a].lower) || LEXICON.is(&v.toks[a].lower, "auxiliary");
        for k in a + 1..b {
            if v.region_of(k).is_some() {
                continue;
            }
            // Past a clause of the content's own (`a nominee who is expected to be moderate and
            // will ...`, `the study was observational and could not ...`) or a list's comma
            // (`growth, unemployment and growing inequality`), a verb after `and` is theirs.
            let w = v.toks[k].lower.as_str();
            if SUBORDINATORS.contains(&w)
                || LEXICON.is(w, "auxiliary")
                || (v.punct(k, ",") && !joins(v, k + 1))
            {
                break;
            }
            if !joins(v, k) {
                continue;
            }
            let comma = v.punct(k - 1, ",");
            let dash = v.punct(k - 1, "-—–");
            // (`the outdated and discredited policy`, `secretly and improperly`: adjectives or
            // adverbs joined.)
            let Some(before) = (k - 1).checked_sub(usize::from(comma || dash)) else { continue };
            if before < a || form_of(&v.toks[before].lower) != Form::Other || is_adverb(&v.toks[before].lower)
            {
                continue;
            }
            // (`comments Trump made — and later walked back — that ...`: an aside.)
            if dash && (k + 1..b).any(|j| v.punct(j, "-—–")) {
                break;
            }
            let whole_quote =
                v.regions.iter().any(|r| (r.open == a || r.toks.0 == a) && r.close == Some(before));
            if clausal && !whole_quote {
                break;
            }
            let mut j = k + 1;
            while j < b && is_adverb(&v.toks[j].lower) {
                j += 1;
            }
            // (`but has said she will ...`, `and also told reporters ...`: a verb of saying past
            // an auxiliary, or one of the cue's form, opens an attribution whatever follows it.)
            let mut s = j;
            while s < b && (LEXICON.is(&v.toks[s].lower, "auxiliary") || is_adverb(&v.toks[s].lower)) {
                s += 1;
            }
            let auxiliary = (j..s).any(|k| LEXICON.is(&v.toks[k].lower, "auxiliary"));
            let said = (s < b && (auxiliary || (form != Form::Other && form_of(&v.toks[s].lower) == form)))
                .then(|| said_next(v, s, b))
                .flatten();
            if j < b && (said.is_some() || second_verb(v, j, form)) {
                f.narrow(v, v.tok_span(a, before + 1));
                second.extend(
                    said.map(|(cue, content)| Found::new(QuoteKind::Indirect, content, Some(cue), f.source)),
                );
                break;
            }
        }
    }
    crate::found::add_unclaimed(found, second);
}

/// The attribution a verb of saying at `j` opens, its content running to token `b`.
fn said_next(v: &View, j: usize, b: usize) -> Option<(Range, Span)> {
    let (end, frame) = source::cue_at(v, j)?;
    if frame != Frame::Any || !source::saying_at(v, j) {
        return None;
    }
    let start = end + usize::from(v.toks.get(end).is_some_and(|t| t.lower == "that"));
    let words = (start..b).filter(|&k| v.toks[k].word).count();
    (words >= 2).then(|| ((j, end), v.tok_span(start, b)))
}

fn joins(v: &View, k: usize) -> bool {
    v.toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "and" | "but"))
}

fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (LEXICON.ly_adverb(w) && !matches!(w, "only" | "early"))
}

/// A word opening a clause of its own as a content's first word.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "if"
            | "whether"
            | "how"
            | "what"
            | "why"
            | "when"
            | "where"
            | "who"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "you"
            | "there"
    )
}

fn form_of(w: &str) -> Form {
    if w.len() > 4 && w.ends_with("ing") && !ING_NOUNS.contains(&w) {
        Form::Ing
    } else if (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PAST.contains(&w) {
        Form::Past
    } else {
        Form::Other
    }
}

/// The form of the cue's last verb (`has railed against` is a past, `is calling for` an -ing).
fn cue_form(v: &View, (a, b): Range) -> Form {
    (a..b).rev().map(|k| form_of(&v.toks[k].lower)).find(|&f| f != Form::Other).unwrap_or(Form::Other)
}

/// Whether token `j` opens a second verb phrase: an auxiliary, or a verb of the cue's form
/// with its object or a preposition after it (`and even questioned the star's ...`; not a
/// noun's modifier: `and growing inequality`).
fn second_verb(v: &View, j: usize, form: Form) -> bool {
    let w = v.toks[j].lower.as_str();
    if LEXICON.is(w, "auxiliary") {
        return true;
    }
    if form == Form::Other || form_of(w) != form {
        return false;
    }
    match v.toks.get(j + 1) {
        None => form == Form::Past,
        Some(n) if !n.word => {
            form == Form::Past || crate::text::is_quote_mark(n.lower.chars().next().unwrap_or(' '))
        }
        Some(n) => n.cap || OBJECT_OPENERS.contains(&n.lower.as_str()),
    }
}

/// A cue reporting a clause (`said`, `tells`, `believing`).
pub(crate) fn clause_cue(v: &View, (a, b): Range) -> bool {
    (a..b).any(|k| {
        let w = v.toks[k].lower.as_str();
        CLAUSE_IRREGULAR.contains(&w)
            || CLAUSE_VERBS.iter().any(|l| {
                let stem = l.strip_suffix('e').unwrap_or(l);
                w == *l
                    || w.strip_suffix('s') == Some(l)
                    || w.strip_suffix("es") == Some(l)
                    || w.strip_suffix("ed").is_some_and(|s| s == stem || s == *l)
                    || w.strip_suffix('d') == Some(l)
                    || w.strip_suffix("ing").is_some_and(|s| s == stem || s == *l)
                    || (l.ends_with('y') && w.strip_suffix("ied") == l.strip_suffix('y'))
                    || (l.ends_with('y') && w.strip_suffix("ies") == l.strip_suffix('y'))
            })
    })
}
