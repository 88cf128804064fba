//! Figures: a number in digits or words with its scale (`4.5 million`, `$4bn`, `four
//! billion`, `a dozen`) and the currency or unit written around it (`$`, `dollars`, `%`,
//! `tonnes`), and the tests that tell a figure from a date, a year, a clock time or a label.

use crate::lexicon::{self, is_month, number_word, NumKind, WordClass};
use crate::Tok;
use newsdesk_segment::TokenKind;

/// A number found at some token, before qualifiers and objects are looked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// First token (a currency written before the number, or the number).
    pub start: usize,
    /// Token index just past the figure.
    pub end: usize,
    /// The number's own tokens.
    pub num: (usize, usize),
    pub value: f64,
    pub unit: Option<&'static str>,
    pub currency_before: bool,
    pub scaled: bool,
    pub words: bool,
}

/// Joins `toks[i..i + n]` as written: glued tokens without a space.
fn phrase(toks: &[Tok], i: usize, n: usize) -> Option<String> {
    let mut out = String::new();
    for (k, t) in toks.get(i..i + n)?.iter().enumerate() {
        if k > 0 && !t.glued {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    Some(out)
}

/// A figure starting at token `i`, if one does.
pub(crate) fn figure_at(toks: &[Tok], i: usize) -> Option<Figure> {
    let first = toks.get(i)?;
    let maybe_currency = first.text.len() <= 3 && first.text.chars().all(|c| c.is_ascii_uppercase());
    let plain_word = first.kind == TokenKind::Word
        && !maybe_currency
        && first.lower != "a"
        && first.lower != "an"
        && first.lower.split('-').next().and_then(number_word).is_none();
    if plain_word || first.kind == TokenKind::Punct {
        return None;
    }
    let mut currency = None;
    let mut j = i;
    // Every form tried below starts with the first token's text.
    let currency_here = lexicon::may_start_currency(first.text);
    for n in (1..=3).rev().filter(|_| currency_here) {
        let Some(form) = phrase(toks, i, n) else { continue };
        if let Some(code) = lexicon::currency_before(&form) {
            if toks.get(i + n).is_some_and(|t| t.kind == TokenKind::Number || starts_words(toks, i + n)) {
                currency = Some(code);
                j = i + n;
                break;
            }
        }
    }
    let t = toks.get(j)?;
    let (mut value, mut k, words) = if t.kind == TokenKind::Number {
        (parse_digits(t.text)?, j + 1, false)
    } else {
        let (v, k) = parse_words(toks, j)?;
        (v, k, true)
    };
    let mut scaled =
        words && toks[j..k].iter().any(|t| number_word(&t.lower).is_some_and(|w| w.1 == NumKind::Scale));
    if !words {
        if let Some(s) = toks.get(k) {
            match number_word(&s.lower) {
                Some((v, NumKind::Scale)) => {
                    value *= v;
                    k += 1;
                    scaled = true;
                }
                Some((v, NumKind::Abbrev))
                    if s.glued && (s.lower.len() > 1 || currency.is_some()) && s.text != "M" =>
                {
                    value *= v;
                    k += 1;
                    scaled = true;
                }
                _ => {}
            }
        }
    }
    let num = (j, k);
    let mut unit = currency;
    if unit.is_none() {
        for n in (1..=3).rev() {
            let Some(form) = phrase(toks, k, n) else { continue };
            let found = lexicon::currency_after(&form).or_else(|| lexicon::unit(&form.to_lowercase()));
            if let Some(u) = found {
                unit = Some(u);
                k += n;
                break;
            }
        }
    }
    Some(Figure { start: i, end: k, num, value, unit, currency_before: currency.is_some(), scaled, words })
}

fn starts_words(toks: &[Tok], i: usize) -> bool {
    parse_words(toks, i).is_some()
}

/// The value of a number written in digits: `1,270`, `4.5`, `3,5` (a decimal comma).
fn parse_digits(s: &str) -> Option<f64> {
    if s.ends_with(|c: char| c.is_alphabetic()) {
        return None; // an ordinal: `3rd`
    }
    let groups: Vec<&str> = s.split(',').collect();
    let thousands =
        groups.len() > 1 && groups[1..].iter().all(|g| g.split('.').next().is_some_and(|d| d.len() == 3));
    let clean: String = if thousands {
        s.chars().filter(|&c| c != ',').collect()
    } else if groups.len() == 2 && !s.contains('.') {
        s.replace(',', ".")
    } else {
        s.chars().filter(|&c| c != ',').collect()
    };
    // `1.2.3` is a version, not a number.
    if clean.matches('.').count() > 1 {
        return None;
    }
    clean.parse().ok()
}

/// The value of number words from token `i` (`four billion`, `twenty-five`, `a dozen`,
/// `one hundred and twenty`) and the token index past them.
fn parse_words(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let kinds = |t: &Tok| -> Option<Vec<(f64, NumKind)>> {
        if t.kind != TokenKind::Word {
            return None;
        }
        t.lower.split('-').map(number_word).collect::<Option<Vec<_>>>().filter(|v| !v.is_empty())
    };
    let mut j = i;
    let (mut total, mut current) = (0.0_f64, 0.0_f64);
    let mut count = 0;
    if toks.get(j).is_some_and(|t| t.lower == "a" || t.lower == "an") {
        let next = toks.get(j + 1).and_then(kinds)?;
        if !matches!(next.first(), Some((_, NumKind::Hundred | NumKind::Scale | NumKind::Noun))) {
            return None;
        }
        current = 1.0;
        j += 1;
    }
    while let Some(parts) = toks.get(j).and_then(kinds) {
        for (v, kind) in parts {
            match kind {
                NumKind::Unit | NumKind::Tens => current += v,
                NumKind::Hundred => current = current.max(1.0) * v,
                NumKind::Scale => {
                    total += current.max(1.0) * v;
                    current = 0.0;
                }
                NumKind::Noun => current = current.max(1.0) * v,
                NumKind::Abbrev => return None,
            }
        }
        count += 1;
        j += 1;
        // `one hundred and twenty`
        if toks.get(j).is_some_and(|t| t.lower == "and")
            && toks
                .get(j + 1)
                .and_then(kinds)
                .is_some_and(|p| matches!(p[0].1, NumKind::Unit | NumKind::Tens))
            && toks
                .get(j - 1)
                .and_then(kinds)
                .is_some_and(|p| matches!(p[p.len() - 1].1, NumKind::Hundred | NumKind::Scale))
        {
            j += 1;
        }
    }
    (count > 0).then_some((total + current, j))
}

/// True when the figure is written like a year: four digits from 1800 to 2100.
pub(crate) fn is_year(toks: &[Tok], f: &Figure) -> bool {
    !f.words
        && f.num.1 == f.num.0 + 1
        && toks.get(f.num.0).is_some_and(|t| t.text.len() == 4 && t.text.bytes().all(|c| c.is_ascii_digit()))
        && (1800..=2100).contains(&(f.value as i64))
}

/// True when the figure is not an amount: part of a date, a year, a clock time, an ordinal,
/// a decade, a label (`Article 5`, `Boeing 737`) or a relative date (`two days ago`).
pub(crate) fn is_excluded(toks: &[Tok], f: &Figure, qualified: bool) -> bool {
    let (a, b) = f.num;
    let Some(first) = toks.get(a) else { return true };
    let prev = a.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(b);
    let measured = f.unit.is_some() || f.scaled;
    if !f.words {
        let sep = |t: &Tok| matches!(t.text, ":" | "/" | "-" | "." | "–") && t.glued;
        let number = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        // Clock times, dates, scores and ranges written with `:`, `/`, `-`.
        let joined_after = toks.get(a + 1).is_some_and(sep) && number(a + 2) && toks[a + 2].glued;
        let joined_before = first.glued && prev.is_some_and(sep) && a >= 2 && number(a - 2);
        if joined_after || joined_before {
            return true;
        }
        // Decades: `1990s`, `80s`.
        if toks.get(a + 1).is_some_and(|t| t.glued && (t.lower == "s" || t.lower == "'s" || t.lower == "’s"))
        {
            return true;
        }
        if next.is_some_and(|t| {
            matches!(t.lower.as_ref(), "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "o'clock" | "hrs")
        }) {
            return true;
        }
        if is_year(toks, f) && !measured && !qualified {
            return true;
        }
    }
    // Dates: `19 August`, `Aug. 19`, `19th of May`.
    if prev.is_some_and(|t| is_month(t.text) && (t.text != "May" || !f.words))
        || next.is_some_and(|t| is_month(t.text) && (t.text.chars().next().is_some_and(char::is_uppercase)))
        || next.is_some_and(|t| t.lower == "of") && toks.get(b + 1).is_some_and(|t| is_month(t.text))
    {
        return true;
    }
    // Relative dates: `two days ago`.
    if matches!(f.unit, Some("days" | "weeks" | "months" | "years" | "hours" | "minutes" | "decades"))
        && toks
            .get(f.end)
            .is_some_and(|t| matches!(t.lower.as_ref(), "ago" | "later" | "earlier" | "before" | "after"))
    {
        return true;
    }
    if !measured && !qualified && !f.currency_before {
        // Labels: `Article 5`, `Boeing 737`, `No. 3`.
        if let Some(p) = prev {
            let capital =
                p.kind == TokenKind::Word && p.text.chars().next().is_some_and(char::is_uppercase) && a > 1;
            if capital || lexicon::word_class(&p.lower) == Some(WordClass::Label) || p.text == "#" {
                return true;
            }
        }
        if f.words {
            // `one of them`, `the two sides`: small number words are rarely figures.
            let small = f.value < 10.0;
            let determined = prev.is_some_and(|p| lexicon::word_class(&p.lower) == Some(WordClass::Det));
            if f.value == 1.0 || small && (determined || next.is_none_or(|t| t.kind != TokenKind::Word)) {
                return true;
            }
        }
    }
    false
}
