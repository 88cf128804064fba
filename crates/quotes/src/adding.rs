//! `added` or `recalled` that reports nothing: a count or a thing added (`Ward added a second
//! from the penalty spot`, `The economy added 200,000 jobs`, `The firm added two stores`), a
//! count of products recalled (`Hanwon is recalling about 310,000 cars`), not words (`He added
//! a warning that ...`, `added that ...`, `she added`, `recalled a meeting`). Read from the
//! words right after the cue, whoever found the attribution (the rules or the learned step).

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
    let cue = v.toks[c].lower.as_str();
    let recall = matches!(cue, "recalled" | "recalls" | "recalling" | "recall");
    if f.kind == QuoteKind::Direct
        || e != c + 1
        || !(recall || matches!(cue, "added" | "adds" | "adding" | "add"))
    {
        return false;
    }
    let a = v.first_tok_from(f.content.start);
    // (Read from the cue's end: a rounding word may stand outside the content, `recalling
    // about | 310,000 cars`.)
    let rounding = |t: &crate::text::Tok| {
        matches!(t.lower.as_str(), "about" | "nearly" | "some" | "roughly" | "almost" | "over")
    };
    let starts = a == e || (a == e + 1 && v.toks.get(e).is_some_and(rounding));
    let Some(first) = v.toks.get(e).filter(|t| starts && t.word && t.sent == v.toks[c].sent) else {
        return false;
    };
    let a = e;
    let number = |t: &crate::text::Tok| {
        t.lower.starts_with(|ch: char| ch.is_ascii_digit()) || COUNT_OPENERS[3..].contains(&t.lower.as_str())
    };
    // (Products recalled come in numbers, maybe rounded: `about 310,000 cars`.)
    let rounded = rounding(first) && v.toks.get(a + 1).is_some_and(number);
    let count = if recall {
        number(first) || rounded
    } else {
        COUNT_OPENERS.contains(&first.lower.as_str()) || number(first)
    };
    // (The head within the next few words: `added a stern warning that ...`.)
    let said = (a..(a + 4).min(v.toks.len())).any(|k| SPEECH_NOUNS.contains(&v.toks[k].lower.as_str()));
    count && !said && v.region_of(a).is_none()
}
