//! Matching trigger patterns against a sentence's lowercase words.

use crate::lexicon::{triggers, Elem, Trigger};
use std::borrow::Cow;

/// The longest trigger that matches at word `i`: its code and the index past its last word.
pub(crate) fn match_at(words: &[Cow<str>], i: usize) -> Option<(&'static Trigger, usize)> {
    let first = words.get(i)?;
    triggers(first).iter().find_map(|t| matches(&t.pattern, words, i).map(|end| (t, end)))
}

/// Where `pattern` ends when it matches `words` from `i` (gaps take as few words as possible).
fn matches(pattern: &[Elem], words: &[Cow<str>], i: usize) -> Option<usize> {
    let Some((head, rest)) = pattern.split_first() else { return Some(i) };
    match head {
        Elem::Word(w) => (words.get(i)? == w).then_some(())?,
        Elem::Gap => {
            return (0..=3).find_map(|skip| {
                let j = i + skip;
                if j > words.len() || words.get(i..j)?.iter().any(|w| w == "." || w == ";") {
                    return None;
                }
                matches(rest, words, j)
            });
        }
    }
    matches(rest, words, i + 1)
}
