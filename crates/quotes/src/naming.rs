//! `called` that reports nothing: a name given (`a firm called Harbor Analytics, which ...`,
//! `the so called Coastal Front`) or a telephone call (`Mr. Lane called Maria Ortiz.`, `she
//! called Sanders after the vote`). `called X Y` (`called the plan a disaster`, `called her
//! "weak"`, `called Clinton, his rival, a liar`) says what someone said of X and stays an
//! attribution. Read from the words around the cue, whoever found the attribution (the rules
//! or the learned step).

use crate::found::Found;
use crate::lexicon::LEXICON;
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Longest name, in words, read after `called`.
const MAX_NAME_WORDS: usize = 6;

/// Words that may follow the name a thing is called (`a firm called X, which ...`).
const AFTER_A_NAME: [&str; 8] = ["which", "who", "that", "and", "to", "in", "at", "for"];

/// Words that may follow the person called on the telephone (`called Sanders after the vote`).
const AFTER_A_CALL: [&str; 11] =
    ["after", "shortly", "to", "back", "last", "late", "early", "earlier", "yesterday", "twice", "again"];

/// Whether `f` is `called` giving a name or placing a call, not reporting what was said.
pub fn reports_nothing(v: &View, f: &Found) -> bool {
    let Some((c, e)) = f.cue else { return false };
    if f.kind == QuoteKind::Direct || e != c + 1 || c == 0 || v.toks[c].lower != "called" {
        return false;
    }
    let a = v.first_tok_from(f.content.start);
    if a != e {
        return false;
    }
    let Some(after) = name_end(v, a) else { return false };
    let sent = v.toks[c].sent;
    let next = v.toks.get(after).filter(|t| t.sent == sent);
    let next_is = |words: &[&str]| next.is_some_and(|t| t.word && words.contains(&t.lower.as_str()));
    // The sentence ends after the name (a point closing it, not an abbreviation's). A
    // quotation or a second noun phrase there would say what it was called.
    let last = |k: usize| v.toks.get(k + 1).is_none_or(|t| t.sent != sent);
    let ends = next.is_none() || (v.punct(after, ".!?") && v.region_of(after).is_none() && last(after));
    let before = &v.toks[c - 1];
    // `a firm called X, which`, `the so called X`: a common noun (or `so`) before the cue.
    let noun_before = before.word
        && !before.cap
        && !LEXICON.is(&before.lower, "pronoun")
        && !LEXICON.is(&before.lower, "adverb")
        && !matches!(
            before.lower.as_str(),
            "who" | "which" | "that" | "and" | "but" | "be" | "been" | "being" | "are" | "were"
        )
        && !LEXICON.ly_adverb(&before.lower);
    let naming = noun_before
        && (ends || (v.punct(after, ",(") && v.region_of(after).is_none()) || next_is(&AFTER_A_NAME));
    // `Obama called Abedini.`, `she called Sanders after the vote`: a person phoned.
    let caller = before.cap || LEXICON.is(&before.lower, "pronoun") || LEXICON.is(&before.lower, "adverb");
    let phoned = caller && (ends || next_is(&AFTER_A_CALL));
    naming || phoned
}

/// The token after a name opening at token `a` (capitalised words, with `of`, `the`, `for`
/// ... between them), `None` when no capitalised word opens there (after an optional `the`)
/// or the name runs on past [`MAX_NAME_WORDS`].
fn name_end(v: &View, a: usize) -> Option<usize> {
    let mut k = a;
    if v.toks.get(k).is_some_and(|t| t.lower == "the") {
        k += 1;
    }
    let first = v.toks.get(k)?;
    if !(first.word && first.cap) || v.region_of(k).is_some() {
        return None;
    }
    let mut last = k;
    while let Some(t) = v.toks.get(k) {
        // (An initial's or a title's point inside the name: `Donald J. Trump`, `Mrs. Ray`.)
        let inner_point =
            v.punct(k, ".") && v.toks.get(k + 1).is_some_and(|n| n.sent == first.sent && n.word && n.cap);
        if inner_point {
            k += 1;
            continue;
        }
        if t.sent != first.sent || v.region_of(k).is_some() || !t.word {
            break;
        }
        if t.cap {
            last = k;
        } else if !LEXICON.is(&t.lower, "title_word") {
            break;
        }
        k += 1;
    }
    let end = last + 1;
    ((a..end).filter(|&i| v.toks[i].word).count() <= MAX_NAME_WORDS).then_some(end)
}
