//! `added` that reports nothing: a count or a thing added (`Ward added a second from the
//! penalty spot`, `The economy added 200,000 jobs`, `The firm added two stores`), not words
//! (`He added a warning that ...`, `added that ...`, `she added`). Read from the words right
//! after the cue, whoever found the attribution (the rules or the learned step).

use crate::found::Found;
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Words opening a count or one more thing (`a`, `another`, `two`, `a second`).
const COUNT_OPENERS: [&str; 16] = [
    "a",
    "an",
    "another",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// Nouns of words said, after which `added a ...` does report speech (`added a warning`).
const SPEECH_NOUNS: [&str; 26] = [
    "warning",
    "caveat",
    "note",
    "word",
    "words",
    "comment",
    "remark",
    "line",
    "plea",
    "quip",
    "joke",
    "footnote",
    "disclaimer",
    "reminder",
    "twist",
    "message",
    "statement",
    "voice",
    "call",
    "question",
    "reason",
    "plug",
    "argument",
    "explanation",
    "detail",
    "thought",
];

/// Whether `f` is `added` adding a count or a thing, not reporting what was said.
pub fn reports_nothing(v: &View, f: &Found) -> bool {
    let Some((c, e)) = f.cue else { return false };
    if f.kind == QuoteKind::Direct
        || e != c + 1
        || !matches!(v.toks[c].lower.as_str(), "added" | "adds" | "adding" | "add")
    {
        return false;
    }
    let a = v.first_tok_from(f.content.start);
    let Some(first) = v.toks.get(a).filter(|t| a == e && t.word && t.sent == v.toks[c].sent) else {
        return false;
    };
    let count = COUNT_OPENERS.contains(&first.lower.as_str())
        || first.lower.starts_with(|ch: char| ch.is_ascii_digit());
    // (The head within the next few words: `added a stern warning that ...`.)
    let said = (a..(a + 4).min(v.toks.len())).any(|k| SPEECH_NOUNS.contains(&v.toks[k].lower.as_str()));
    count && !said && v.region_of(a).is_none()
}
