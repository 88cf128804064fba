//! The object of an amount: what is counted or measured, read from the words around it
//! without a parser, in this order of trust:
//! 1. an editorial insertion right after it: `4 billion [annual turnover – ed.]`;
//! 2. an `of` phrase: `$4bn of investment`, `25% of the budget`;
//! 3. the noun phrase right after it, with its prepositional phrases and a participle:
//!    `1,270 enterprises with Russian capital (are) operating in Azerbaijan`;
//! 4. the noun phrase before it, across a link (`exports reached`, `turnover of`, `deals
//!    worth`), with the prepositional phrase after it: `investments exceeding $4bn in the economy`.

use crate::figure::Figure;
use crate::lexicon::{self, is_month, is_verb, word_class, WordClass};
use crate::Tok;
use newsdesk_model::Span;
use newsdesk_segment::TokenKind;

/// Pieces of text (token ranges) that together name the object.
type Pieces = Vec<(usize, usize)>;

fn class(t: &Tok) -> Option<WordClass> {
    word_class(&t.lower)
}

/// A word that can be part of a noun phrase: not a function word, not an adverb.
fn content(t: &Tok) -> bool {
    if t.kind != TokenKind::Word || t.lower.starts_with(['\'', '’']) || is_month(t.text) {
        return false;
    }
    match class(t) {
        Some(WordClass::Noun) => true,
        Some(_) => false,
        None if is_verb(&t.lower) => false,
        // Units and number words belong to another figure: `46 percent to 41 percent`.
        None if lexicon::unit(&t.lower).is_some() || lexicon::number_word(&t.lower).is_some() => false,
        None => !(t.lower.len() > 5 && t.lower.ends_with("ly") && t.text.starts_with(char::is_lowercase)),
    }
}

/// A noun phrase from `i` rightwards (determiners first when `det`): up to five content words.
fn np_right(toks: &[Tok], i: usize, det: bool) -> Option<(usize, usize)> {
    let mut j = i;
    if det {
        while toks.get(j).is_some_and(|t| class(t) == Some(WordClass::Det)) {
            j += 1;
        }
    }
    let start = j;
    // After a determiner a gerund is a noun: `of the giving`.
    let after_det = j > i;
    let gerund =
        |t: &Tok| after_det && t.kind == TokenKind::Word && t.lower.ends_with("ing") && class(t).is_none();
    while j < start + 5 && toks.get(j).is_some_and(|t| content(t) || j == start && gerund(t)) {
        // A participle ends the phrase unless it opens one: `trained soldiers`, not `people
        // killed` or `12 percent indicated`.
        let t = &toks[j];
        // `22.3 billion gallons Congress`: a name after common nouns starts something else.
        if j > start
            && t.text.starts_with(char::is_uppercase)
            && toks[j - 1].text.starts_with(char::is_lowercase)
        {
            break;
        }
        let participle = t.lower.ends_with("ed") || t.lower.ends_with("ing");
        if participle && (j > start || !toks.get(j + 1).is_some_and(content)) && !(j == start && gerund(t)) {
            break;
        }
        j += 1;
    }
    (j > start).then_some((i, j))
}

/// Prepositional phrases and a participle clause after token `j`, at most two phrases.
fn modifiers(toks: &[Tok], mut j: usize, pieces: &mut Pieces) -> usize {
    let mut phrases = 0;
    while phrases < 2 {
        let Some(t) = toks.get(j) else { break };
        if class(t) == Some(WordClass::Prep) && !matches!(t.lower.as_ref(), "to" | "by" | "between") {
            let Some((_, end)) = np_right(toks, j + 1, true) else { break };
            extend(pieces, j, end);
            j = end;
            phrases += 1;
            continue;
        }
        // `are operating in X` or `operating in X`.
        let aux =
            class(t) == Some(WordClass::Aux) && matches!(t.lower.as_ref(), "are" | "is" | "were" | "was");
        let p = if aux { j + 1 } else { j };
        let participle = toks.get(p).is_some_and(|t| {
            t.kind == TokenKind::Word && t.lower.ends_with("ing") && class(t).is_none() && t.lower.len() > 5
        });
        let prep = toks.get(p + 1).is_some_and(|t| class(t) == Some(WordClass::Prep));
        if participle && prep {
            if let Some((_, end)) = np_right(toks, p + 2, true) {
                pieces.push((p, end));
                j = end;
                phrases += 1;
                continue;
            }
        }
        break;
    }
    j
}

/// Adds `[a, b)` to the pieces, merging with the last piece when they touch.
fn extend(pieces: &mut Pieces, a: usize, b: usize) {
    match pieces.last_mut() {
        Some(last) if last.1 == a => last.1 = b,
        _ => pieces.push((a, b)),
    }
}

/// A noun phrase ending at token `end` (exclusive), leftwards; one `of` may join two.
fn np_left(toks: &[Tok], end: usize) -> Option<usize> {
    let mut i = end;
    let mut hopped = false;
    while i > 0 && end - i < 6 {
        let t = &toks[i - 1];
        if content(t) {
            i -= 1;
        } else if t.lower == "of" && !hopped && i < end && i >= 2 && content(&toks[i - 2]) {
            hopped = true;
            i -= 1;
        } else {
            break;
        }
    }
    (i < end).then_some(i)
}

/// What the figure counts or measures, as text.
pub(crate) fn object(text: &str, toks: &[Tok], q_start: usize, f: &Figure) -> Option<String> {
    let mut after = f.end;
    if let Some(open) = toks.get(after).filter(|t| t.text == "[" || t.text == "(") {
        let close_mark = if open.text == "[" { "]" } else { ")" };
        let close = (after + 1..toks.len().min(after + 16)).find(|&k| toks[k].text == close_mark);
        if let Some(close) = close {
            let cut = (after + 1..close)
                .find(|&k| matches!(toks[k].text, "–" | "—" | "-" | "--") || toks[k].lower.starts_with("ed"))
                .unwrap_or(close);
            let inner = &toks[after + 1..cut];
            if !inner.is_empty() && inner.iter().all(|t| t.kind == TokenKind::Word) {
                return Some(join(text, toks, &[(after + 1, cut)]));
            }
            after = close + 1;
        }
    }
    let mut pieces = Pieces::new();
    if toks.get(after).is_some_and(|t| t.lower == "of") {
        if let Some((_, end)) = np_right(toks, after + 1, true) {
            pieces.push((after + 1, end));
            modifiers(toks, end, &mut pieces);
            return Some(join(text, toks, &pieces));
        }
    }
    // `$4bn in loans`: a bare noun after `in` names what the money is.
    let currency = f.unit.is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()));
    if currency && toks.get(after).is_some_and(|t| t.lower == "in") {
        let bare = toks.get(after + 1).is_some_and(|t| content(t) && t.text.starts_with(char::is_lowercase));
        if let (true, Some((a, b))) = (bare, np_right(toks, after + 1, false)) {
            return Some(join(text, toks, &[(a, b)]));
        }
    }
    // `46 percent to 42 percent`: what follows a share is rarely what it is a share of.
    let share = matches!(f.unit, Some("people" | "percent" | "percentage points" | "points"));
    // Only names after the number (`4 Tomb Raider`, `1 Green`) make a label, not a count.
    let named = |(a, b): (usize, usize)| toks[a..b].iter().all(|t| t.text.starts_with(char::is_uppercase));
    if !share {
        if let Some((a, b)) = np_right(toks, after, false).filter(|r| !named(*r)) {
            pieces.push((a, b));
            modifiers(toks, b, &mut pieces);
            return Some(join(text, toks, &pieces));
        }
    }
    // Leftwards across a link: `exports reached`, `turnover of`, `deals worth`.
    let mut l = q_start;
    let mut skipped = 0;
    while l > 0 && skipped < 4 {
        let t = &toks[l - 1];
        let link = matches!(class(t), Some(WordClass::Link | WordClass::Aux))
            || matches!(t.lower.as_ref(), "of" | "at" | "to" | "by" | "already" | "now" | "also" | "still");
        if !link {
            break;
        }
        l -= 1;
        skipped += 1;
    }
    // (`according to two people`: a source, not a link.)
    if skipped > 0 && l > 0 && toks[l - 1].lower == "according" {
        return None;
    }
    // `raised $4bn`: the number is the verb's object; nothing names what it counts.
    let verb = |t: &Tok| {
        class(t) == Some(WordClass::Verb)
            || class(t).is_none() && (t.lower.ends_with("ed") || is_verb(&t.lower))
    };
    if skipped == 0 && l > 0 && verb(&toks[l - 1]) {
        return None;
    }
    // Without a link or a qualifier the words before belong to something else: `this year 58%`.
    if skipped == 0 && q_start == f.start {
        return None;
    }
    let mut start = np_left(toks, l)?;
    // `exports to the EU reached`, `trade between the two countries exceeded`: the phrase
    // the preposition hangs on is what is counted.
    let mut p = start;
    while p > 0 && matches!(toks[p - 1].lower.as_ref(), "the" | "a" | "an" | "two" | "both" | "its" | "their")
    {
        p -= 1;
    }
    let prep = p > 1
        && matches!(
            toks[p - 1].lower.as_ref(),
            "to" | "from" | "in" | "for" | "with" | "at" | "on" | "between" | "of"
        );
    // (Not a preposition's own noun: `in front of a crowd of about 230 people`.)
    let head = prep.then(|| np_left(toks, p - 1)).flatten();
    if let Some(head) = head.filter(|&h| h == 0 || toks[h - 1].lower != "in") {
        start = head;
    }
    pieces.push((start, l));
    modifiers(toks, after, &mut pieces);
    Some(join(text, toks, &pieces))
}

/// The text of the pieces, each as written, joined by a space.
fn join(text: &str, toks: &[Tok], pieces: &[(usize, usize)]) -> String {
    let parts: Vec<&str> = pieces
        .iter()
        .filter_map(|&(a, b)| {
            let (first, last) = (toks.get(a)?, toks.get(b.checked_sub(1)?)?);
            Some(Span::new(first.span.start, last.span.end).slice(text))
        })
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(" ")
}
