//! Sources: the phrase naming who speaks, read backwards from a cue (`The Russian leader
//! underlined`) or forwards after it (`said President Putin during ...`), and its entity.

use crate::lexicon::{Frame, LEXICON};
use crate::text::View;
use newsdesk_model::{Entity, EntityType, Span};

/// A token range `[start, end)`.
pub type Range = (usize, usize);

const MAX_SOURCE_TOKENS: usize = 16;
/// How far back the comma opening an apposition is looked for (`Jane Doe, a former ..., said`).
const MAX_APPOSITION: usize = 40;

/// The cue starting at token `i`: its end token and whether it may introduce indirect speech.
pub fn cue_at(v: &View, i: usize) -> Option<(usize, crate::lexicon::Frame)> {
    let t = v.toks.get(i)?;
    if !t.word || name_part(v, i) {
        return None;
    }
    LEXICON.cues_starting(&t.lower).iter().find_map(|c| {
        let ok = c.words.iter().enumerate().all(|(k, w)| v.toks.get(i + k).is_some_and(|x| x.lower == *w));
        ok.then_some((i + c.words.len(), c.frame))
    })
}

/// True when the cue at token `i` is a verb of saying or writing (`added`, `wrote`), not a
/// cue only by the annotated corpus's counts (`refused`).
pub fn saying_at(v: &View, i: usize) -> bool {
    let Some(t) = v.toks.get(i) else { return false };
    cue_at(v, i).is_some_and(|(end, _)| {
        LEXICON.cues_starting(&t.lower).iter().any(|c| c.saying && c.words.len() == end - i)
    })
}

/// A capitalised cue word inside a sentence right before a lowercase cue is a name, not a
/// cue (`"...," Read said`, `Ian Read said`).
/// So is one closing a run of capitalised words that no capitalised word follows (`told The
/// Huffington Post: "..."`); in a title-case headline the next word is capitalised too (`Trump
/// Says Clinton ...`).
fn name_part(v: &View, i: usize) -> bool {
    let t = &v.toks[i];
    let inside = i > 0 && v.toks[i - 1].sent == t.sent;
    let before_cue = v.toks.get(i + 1).is_some_and(|n| n.word && !n.cap) && cue_at(v, i + 1).is_some();
    let after_name = inside
        && v.toks[i - 1].cap
        && v.toks[i - 1].word
        && !v.toks.get(i + 1).is_some_and(|n| n.word && n.cap);
    // (`former State director Jo Park wrote`, `the State Department said`: a capitalised word
    // after a lowercase one opens a name; in a title-case headline only function words stay
    // lowercase, `Trump to Announce ...`.)
    let after_lower = inside
        && v.toks[i - 1].word
        && !v.toks[i - 1].cap
        && (!LEXICON.is(&v.toks[i - 1].lower, "title_word") || LEXICON.is(&v.toks[i - 1].lower, "det"));
    t.cap && inside && (before_cue || after_name || after_lower) && !headline_final(v, i)
}

/// A capitalised cue closing a title-case headline after a comma and a name: `Clean Energy
/// Could Wait, Jane Doe Says.` (the run of capitalised words before it follows a comma, and
/// nothing but a full stop follows it in its paragraph).
fn headline_final(v: &View, i: usize) -> bool {
    let t = &v.toks[i];
    let last = match v.toks.get(i + 1) {
        None => true,
        Some(n) if n.para != t.para => true,
        Some(n) => n.lower == "." && v.toks.get(i + 2).is_none_or(|m| m.para != t.para),
    };
    let mut k = i;
    while k > 0 && v.toks[k - 1].word && v.toks[k - 1].cap && v.toks[k - 1].sent == t.sent && i - k < 6 {
        k -= 1;
    }
    last && k < i && k > 0 && v.punct(k - 1, ",")
}

/// `according to` at token `i`: the index after `to`.
pub fn according_at(v: &View, i: usize) -> Option<usize> {
    phrase_at(v, i, "according")
}

/// The longest phrase of class `class` starting at token `i`: the index after it.
pub fn phrase_at(v: &View, i: usize, class: &str) -> Option<usize> {
    LEXICON.phrases(class).iter().find_map(|p| {
        let ok =
            p.iter().enumerate().all(|(k, w)| v.toks.get(i + k).is_some_and(|x| x.word && x.lower == *w));
        ok.then_some(i + p.len())
    })
}

fn abbrev_dot(v: &View, i: usize) -> bool {
    v.toks.get(i).is_some_and(|t| t.lower == ".")
        && i > 0
        && v.toks
            .get(i - 1)
            .is_some_and(|p| p.word && p.end == v.toks[i].start && LEXICON.is(&p.lower, "abbrev"))
}

/// True when the full stop at token `i` follows a middle initial of a name starting at
/// `start`: one capital letter right before it, after a capitalised word (`John F. Kennedy`).
fn middle_initial(v: &View, start: usize, i: usize) -> bool {
    i >= start + 2
        && v.toks[i].lower == "."
        && v.toks[i - 2].cap
        && v.toks[i - 2].word
        && v.toks.get(i - 1).is_some_and(|p| {
            p.end == v.toks[i].start
                && p.lower.len() == 1
                && p.cap
                && p.lower.chars().all(char::is_alphabetic)
        })
}

/// The `and` or `but` before the verb at token `i`, past adverbs (`... and said`, `... but
/// did note`, `and then urged`): the verb is a second one of the same subject.
pub fn conjunction_before(v: &View, i: usize) -> Option<usize> {
    let p = back_over(v, i, 0, is_adverb);
    (p > 0 && matches!(v.toks[p - 1].lower.as_str(), "and" | "but")).then(|| p - 1)
}

/// Start of the run of words before `i` (down to `lo`) that `skip` accepts: the adverbs and
/// auxiliaries between a subject and its verb (`and has also said`).
pub fn back_over(v: &View, i: usize, lo: usize, skip: impl Fn(&crate::text::Tok) -> bool) -> usize {
    let mut p = i;
    while p > lo && v.toks[p - 1].word && skip(&v.toks[p - 1]) {
        p -= 1;
    }
    p
}

/// A word between a subject and its verb: a listed adverb or auxiliary (`also`, `has`), a
/// negation (`did not criticize`) or a lowercase `-ly` word (`grudgingly agreed`).
pub fn is_adverb(t: &crate::text::Tok) -> bool {
    LEXICON.is(&t.lower, "adverb")
        || matches!(t.lower.as_str(), "not" | "never" | "be" | "been" | "being")
        || t.lower.ends_with("n't")
        || t.lower.ends_with("n’t")
        || (!t.cap && LEXICON.ly_adverb(&t.lower))
}

/// Source phrase `r` cut before a verb that the tagger's spans sometimes run into (`Court
/// clerks would be allowed`, `Fiorina was upfront about`, `A pro-Gingrich PAC launched an ad`):
/// a source is a noun phrase, its verb is no part of it.
pub fn without_verb(v: &View, (a, b): Range) -> Range {
    let object_next = |k: usize| {
        v.toks.get(k + 1).is_some_and(|n| n.word && (LEXICON.is(&n.lower, "det") || possessive(&n.lower)))
    };
    let verb = |k: usize| {
        let t = &v.toks[k];
        let p = &v.toks[k - 1];
        t.word
            && ((LEXICON.is(&t.lower, "clause_word") && !function_name(v, k))
                || cue_at(v, k).is_some_and(|(_, f)| f == Frame::Any)
                    && !noun_use(v, k)
                    && !(k + 1 == b && document_noun(&t.lower))
                || negated_auxiliary(&t.lower)
                // (A past tense after a name, or before its object: `The piece used one of
                // her quotes`, `The bank kept its rate`; never a compound adjective, `The
                // so-called Islamic State`, nor after an article, `The self-styled caliphate`.)
                || (!t.cap
                    && (t.lower.ends_with("ed") || LEXICON.is(&t.lower, "past"))
                    && !t.lower.contains('-')
                    && p.word
                    && ((p.cap && !matches!(p.lower.as_str(), "the" | "a" | "an"))
                        || (!LEXICON.is(&p.lower, "det") && object_next(k)))))
    };
    let b = b.min(v.toks.len());
    (a + 1..b).find(|&k| verb(k)).map_or((a, b), |k| (a, k))
}

/// A noun for a document or body of findings that may head a source (`the annual report
/// said`, `a new poll shows`), though it is also a cue word.
fn document_noun(lower: &str) -> bool {
    LEXICON.is_source_noun(lower) || LEXICON.is(lower, "document")
}

/// `weren't`, `didn’t`, `can't`: an auxiliary with its negation.
fn negated_auxiliary(lower: &str) -> bool {
    let stem = lower.strip_suffix("n't").or_else(|| lower.strip_suffix("n’t"));
    stem.is_some_and(|s| {
        LEXICON.is(s, "clause_word") || matches!(s, "ca" | "wo" | "is" | "are" | "was" | "were")
    })
}

/// Source phrase `r` without the time words the rules or choosers took in with it (`Priebus
/// later Thursday` → `Priebus`), or `None` when it is only a time or place adverbial (`Tuesday`,
/// `Earlier Wednesday`, `A few minutes later`, `Here`): nobody said anything there.
pub fn without_time(v: &View, (a0, b0): Range) -> Option<Range> {
    let lower = |k: usize| v.toks[k].lower.as_str();
    let time =
        |k: usize| v.toks[k].word && (time_word(lower(k)) || noun_of_time(lower(k)) || lower(k) == "ago");
    let (mut a, mut b) = (a0, b0.min(v.toks.len()));
    // (A noun of time heading a phrase is no time: `minutes of the meeting`, `minutes
    // published on Friday`.)
    let head = |k: usize| {
        noun_of_time(lower(k))
            && v.toks.get(k + 1).is_some_and(|t| t.lower == "of" || t.lower.ends_with("ed"))
    };
    if a < b && (time(a) || matches!(lower(a), "here" | "there")) && !head(a) {
        while a < b && (time(a) || !v.toks[a].word || matches!(lower(a), "here" | "there")) {
            a += 1;
        }
        if a == b || !(a..b).any(|k| v.toks[k].word) {
            return None;
        }
    }
    let last_word = (a..b).rev().find(|&k| v.toks[k].word);
    if a == a0 && !last_word.is_some_and(time) {
        return Some((a0, b0));
    }
    let mut relative = false;
    while b > a && (time(b - 1) || !v.toks[b - 1].word) {
        relative |= matches!(lower(b - 1), "later" | "earlier" | "ago");
        b -= 1;
    }
    // (`a survey released on Thursday`: the preposition goes with the time.)
    while b > a + 1 && preposition(lower(b - 1)) {
        b -= 1;
    }
    // `A few minutes later`, `two weeks ago`: a span of time, not a speaker.
    let span_of_time = relative && b < v.toks.len() && noun_of_time(lower(b));
    let words = (a..b).filter(|&k| v.toks[k].word && !LEXICON.is(lower(k), "det")).count();
    (words > 0 && !span_of_time).then_some((a, b))
}

/// A time word (`Tuesday`, `later`, `last`), not `this` or `next` (`This group said`).
pub(crate) fn time_word(lower: &str) -> bool {
    LEXICON.is(lower, "time") && !matches!(lower, "this" | "next")
}

/// A noun of time (`week`, `afternoon`, `minutes`).
fn noun_of_time(lower: &str) -> bool {
    LEXICON.is(lower, "time_noun") || matches!(lower, "minutes" | "hours" | "days")
}

/// A cue word read as a verb: a frame of its own and no `-ing` form (`insisted`, not
/// `insisting`).
pub fn verb_cue_at(v: &View, k: usize) -> bool {
    !v.toks[k].lower.ends_with("ing") && cue_at(v, k).is_some_and(|(_, f)| f == Frame::Any)
}

/// A cue word used as a noun: after a determiner, `of` or a possessive (`the secretary of
/// state`, `a report`, `Trump's claim`).
pub fn noun_use(v: &View, i: usize) -> bool {
    i > 0
        && v.toks.get(i - 1).is_some_and(|p| {
            p.word && (LEXICON.is(&p.lower, "det") || p.lower == "of" || possessive(&p.lower))
        })
}

/// A possessive word: `Clinton's`, `Clinton’s`, `voters'`; not a personal pronoun with `is`
/// or `has` glued to it (`he's said`, `who's`).
pub fn possessive(lower: &str) -> bool {
    let contracted =
        clitic_split(lower).is_some_and(|(stem, c)| c == "s" && (personal_pronoun(stem) || stem == "who"));
    !contracted && ["'s", "’s", "s'", "s’"].iter().any(|e| lower.ends_with(e))
}

/// A word and the clitic glued to it after an apostrophe (`he’s` → `he`, `s`; `they've` →
/// `they`, `ve`); `None` without one.
fn clitic_split(lower: &str) -> Option<(&str, &str)> {
    let (stem, clitic) = lower.rsplit_once(['\'', '’'])?;
    matches!(clitic, "s" | "ll" | "ve" | "d" | "re" | "m").then_some((stem, clitic))
}

/// A subject pronoun that names a person or group (`he`, `they`; not `it`).
fn personal_pronoun(lower: &str) -> bool {
    LEXICON.is(lower, "pronoun") && lower != "it"
}

/// A capitalised modal or clause word opening a name (`Will Doyle`, `May Ling`): the next
/// token is a capitalised word of the same sentence.
fn modal_name(v: &View, i: usize) -> bool {
    let (Some(t), Some(n)) = (v.toks.get(i), v.toks.get(i + 1)) else { return false };
    t.cap && n.cap && n.word && n.sent == t.sent && LEXICON.is(&t.lower, "clause_word")
}

/// A capitalised function word that is a name (`Theresa May`, `Al From`, `George Will`, and
/// `"...," May said`): it follows a capitalised word of its sentence, or stands inside its
/// sentence right before a lowercase cue. A capitalised modal, month or preposition is
/// otherwise read as a word of its class.
pub fn function_name(v: &View, i: usize) -> bool {
    let Some(t) = v.toks.get(i) else { return false };
    let inside = i > 0 && v.toks[i - 1].sent == t.sent;
    // (Not a word in capitals, `HIGHER THAN EXPECTED`, nor `I`.)
    let word = &v.text[t.start..t.end];
    let shouted = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !(t.word && t.cap && inside) || shouted {
        return false;
    }
    let after_name = v.toks[i - 1].word && v.toks[i - 1].cap && !v.toks[i - 1].lower.contains('.');
    // (`"...," May said`: after the quotation's closing mark or comma.)
    let after_quote = || {
        !v.toks[i - 1].word
            && (v.punct(i - 1, ",") || v.text[v.toks[i - 1].start..].starts_with(crate::text::is_quote_mark))
    };
    let before_cue = || v.toks.get(i + 1).is_some_and(|n| n.word && !n.cap) && cue_at(v, i + 1).is_some();
    (after_name || (after_quote() && before_cue())) && !title_case(v, i)
}

/// True when most words of token `i`'s sentence after its first are capitalised, as in a
/// headline (`Obama To Asians Worried About U.S. Election`), where a capital names nobody.
fn title_case(v: &View, i: usize) -> bool {
    let sent = v.toks[i].sent;
    let from = (i.saturating_sub(40)..=i).find(|&k| v.toks[k].sent == sent).unwrap_or(i);
    let to = (i..v.toks.len().min(i + 40)).take_while(|&k| v.toks[k].sent == sent).last().unwrap_or(i);
    let words: Vec<bool> = (from..=to)
        .filter(|&k| v.toks[k].word && v.toks[k].lower.starts_with(|c: char| c.is_alphabetic()))
        .skip(1)
        .map(|k| v.toks[k].cap)
        .collect();
    let caps = words.iter().filter(|&&c| c).count();
    words.len() >= 3 && 4 * caps >= 3 * words.len()
}

/// True when the cue at token `c` has no source, its subject being part of the content: a
/// verb of seeming (`Trump seems to ...`), or one PolNeAR's annotators mostly leave sourceless
/// (`data/polnear_cues.tsv`) used without a subject of its own (`The vote is expected to ...`,
/// `as expected`), not after a name, pronoun or source noun (`Mr. Deese expected that ...`,
/// `Scholars have long debated ...`).
pub fn sourceless_at(v: &View, c: usize) -> bool {
    let Some(t) = v.toks.get(c) else { return false };
    if LEXICON.is_seeming(&t.lower) {
        return true;
    }
    if !LEXICON.is_sourceless(&t.lower) {
        return false;
    }
    let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s");
    let skipped =
        |p: &crate::text::Tok| p.sent == t.sent && (is_adverb(p) || p.lower == "long") && !be(&p.lower);
    let k = back_over(v, c, 0, skipped);
    let Some(p) = k.checked_sub(1).map(|k| &v.toks[k]).filter(|p| p.sent == t.sent && p.word) else {
        return true;
    };
    let subject =
        (p.cap && !be(&p.lower)) || LEXICON.is(&p.lower, "pronoun") || LEXICON.is_source_noun(&p.lower);
    !subject
}

/// The source phrase ending right before token `end` (after skipping adverbs such as `also`).
pub fn before(v: &View, end: usize) -> Option<Range> {
    let sent = v.toks.get(end)?.sent;
    let mut b = end;
    // (`George Will wrote`: a capitalised modal inside a sentence is a name, no adverb.)
    let skipped = |k: usize| {
        let t = &v.toks[k];
        t.word && t.sent == sent && is_adverb(t) && !function_name(v, k)
    };
    while b > 0 && skipped(b - 1) {
        b -= 1;
    }
    let mut a = b;
    while a > 0 && b - a < MAX_SOURCE_TOKENS {
        let t = &v.toks[a - 1];
        if t.sent != sent {
            break;
        }
        if !t.word {
            // `Sen.`, and the final dot of an initialism (`the F.B.I. said`).
            let initialism =
                t.lower == "." && a >= 2 && v.toks[a - 2].word && v.toks[a - 2].lower.contains('.');
            // The apostrophe of a plural possessive inside the phrase (`The Maren Dockworkers'
            // Union said`), glued to its word and no quote mark.
            let plural_possessive = matches!(t.lower.as_str(), "'" | "’")
                && a >= 2
                && a < b
                && v.toks[a - 2].word
                && v.toks[a - 2].end == t.start
                && v.toks[a - 2].lower.ends_with('s')
                && !v.regions.iter().any(|r| r.open == a - 1 || r.close == Some(a - 1));
            // The ampersand of a firm's name (`Kieran & Moss said`).
            let ampersand = t.lower == "&" && a >= 2 && a < b && v.toks[a - 2].cap && v.toks[a].cap;
            if abbrev_dot(v, a - 1) || initialism || plural_possessive || ampersand {
                a -= 1;
                continue;
            }
            if a == b && v.dash(a - 1) {
                // Skip an aside: `Murphy — after a knock-on-wood gesture — told me`.
                if let Some(o) = (a.saturating_sub(14)..a - 1).rev().find(|&k| v.dash(k)) {
                    if o > 0 && v.toks[o - 1].word {
                        a = o;
                        b = o;
                        continue;
                    }
                }
            }
            if t.lower == ")" {
                // Skip a parenthesis: `Sen. Marco Rubio (R-Fla.) said`.
                if let Some(o) = (a.saturating_sub(8)..a - 1).rev().find(|&k| v.toks[k].lower == "(") {
                    if o > 0 && a == b {
                        b = o;
                    }
                    a = o;
                    continue;
                }
            }
            break;
        }
        // (A cue word right before the cue is its subject's head noun: `the congressional
        // report said`.)
        let head_noun = a == b && b == end && document_noun(&t.lower);
        if cue_at(v, a - 1).is_some_and(|(_, f)| f == Frame::Any) && !noun_use(v, a - 1) && !head_noun {
            break;
        }
        if LEXICON.is(&t.lower, "boundary") {
            // `Clinton and Sanders`, `Edwards and others`.
            let others = v.toks.get(a).is_some_and(|n| matches!(n.lower.as_str(), "others" | "other"));
            // (`teachers and union officials told ...`: two source nouns.)
            let nouns = t.lower == "and"
                && a >= 2
                && LEXICON.is_source_noun(&v.toks[a - 2].lower)
                && LEXICON.is_source_noun(&v.toks[b - 1].lower);
            let joins_names = t.lower == "and"
                && a < b
                && (v.toks[a].cap || others || nouns)
                && a >= 2
                && v.toks.get(a - 2).is_some_and(|p| p.cap || nouns);
            if !joins_names {
                break;
            }
        }
        a -= 1;
    }
    if b - a >= MAX_SOURCE_TOKENS {
        return None;
    }
    // Drop sentence-initial adverbs (`Later Putin said`), not a modal that is a first name
    // (`Will Doyle said`).
    while a < b && LEXICON.is(&v.toks[a].lower, "adverb") && b - a > 1 && !modal_name(v, a) {
        a += 1;
    }
    if !plausible(v, (a, b)) {
        return None;
    }
    Some((unclosed_apposition(v, (a, b)).unwrap_or(a), b))
}

/// The start of the name before source phrase `(a, b)` when the phrase is an apposition whose
/// closing comma the writer left out: `Sam Lau, the communications director for the party
/// said` (the name and its apposition are the source). The name is capitalised words opening
/// the sentence (after a leading `But` or `And`) or following a quotation's closing comma.
fn unclosed_apposition(v: &View, (a, b): Range) -> Option<usize> {
    if !(a >= 2
        && b >= a + 3
        && matches!(v.toks[a].lower.as_str(), "the" | "a" | "an")
        && v.punct(a - 1, ","))
    {
        return None;
    }
    let sent = v.toks[a].sent;
    let mut n = a - 1;
    while n > 0 && a - 1 - n < 5 {
        let t = &v.toks[n - 1];
        let part = t.sent == sent && ((t.word && t.cap) || abbrev_dot(v, n - 1));
        if !part {
            break;
        }
        n -= 1;
    }
    let first = v.toks.get(n).filter(|_| n < a - 1)?;
    if !first.word || !first.cap || preposition(&first.lower) || time_word(&first.lower) || is_adverb(first) {
        return None;
    }
    let not_name = ["stop", "det", "pronoun", "boundary", "conjunction"];
    if not_name.iter().any(|c| LEXICON.is(&first.lower, c)) {
        return None;
    }
    let opens = n == 0 || v.toks[n - 1].sent != sent;
    let after_conj = n >= 1
        && matches!(v.toks[n - 1].lower.as_str(), "but" | "and")
        && (n == 1 || v.toks[n - 2].sent != sent);
    // (`“...,” Sam Lau, the ... said`: the mark closing the quotation, then the name.)
    let after_quote =
        n >= 2 && !v.toks[n - 1].word && v.region_of(n - 2).is_some() && v.region_of(n - 1).is_none();
    (opens || after_conj || after_quote).then_some(n)
}

/// The source before a cue when an apposition or relative clause stands between them:
/// `Samantha Phillips, the city's director, said` (the name) or `..., who said` (`who`).
pub fn before_apposition(v: &View, cue: usize) -> Option<Range> {
    let b = back_over(v, cue, 0, is_adverb);
    let prev = v.toks.get(b.checked_sub(1)?)?;
    if prev.lower == "who" {
        return Some((b - 1, b));
    }
    // `Name, the city's director, said` or `Name — a teacher — says`.
    let comma = prev.lower == ",";
    if !comma && !v.dash(b - 1) {
        return None;
    }
    let mark = |k: usize| if comma { v.punct(k, ",") } else { v.dash(k) };
    let sent = prev.sent;
    let close = b - 1;
    // The earliest mark of the chain (`Clinton, during a meeting in Columbus, Ohio, said`).
    let opens: Vec<usize> = (close.saturating_sub(MAX_APPOSITION)..close)
        .rev()
        .take_while(|&k| v.toks[k].sent == sent)
        .filter(|&k| mark(k))
        .collect();
    // (`X did not go over well, and the meeting deteriorated, said a source`, `X, are hard to
    // prove, while others ..., said Y`: a stretch opened by a conjunction or a verb is a
    // clause, no apposition; `Jane Doe, who leads it, said` is one.)
    let clause = |k: usize| {
        v.toks.get(k).is_some_and(|t| {
            let relative = matches!(t.lower.as_str(), "who" | "whom" | "whose" | "which");
            (LEXICON.is(&t.lower, "boundary") && !relative) || LEXICON.is(&t.lower, "clause_word")
        })
    };
    if opens.iter().any(|&open| clause(open + 1)) {
        return None;
    }
    for &open in opens.iter().rev() {
        if open + 1 >= close {
            continue;
        }
        if let Some(r) = before(v, open) {
            // The name may end before a parenthesis (`Sen. Jane Doe (D-Ohio), ...`).
            let to_open = r.1 == open || (v.toks[r.1].lower == "(" && v.toks[open - 1].lower == ")");
            // (`In an interview, Jane Doe, a lawyer, said`: not the adverbial opener.)
            // (`Of Carson, Levine, who ..., said`: a phrase opened by a preposition is no name.)
            let preposition = preposition(&v.toks[r.0].lower);
            // (`However, Jo Park, a lawyer, said`: an adverb opening the sentence is no name.)
            let adverb = r.1 == r.0 + 1 && is_adverb(&v.toks[r.0]);
            if to_open
                && v.toks[r.0].cap
                && !LEXICON.is(&v.toks[r.0].lower, "stop")
                && !preposition
                && !adverb
                && !participle_opener(v, r.0)
            {
                return Some(r);
            }
        }
    }
    None
}

/// A participle opening its sentence and the clause it heads (`Speaking in the Commons on
/// Monday, the minister, Jo Park, said`; `Asked about the plan, ...`): a verb, never a name,
/// though capitalised (`Reading`, `Downing Street` are followed by no lowercase word).
fn participle_opener(v: &View, k: usize) -> bool {
    let t = &v.toks[k];
    let opens = k == 0 || v.toks[k - 1].sent != t.sent;
    let verb_form = (t.lower.ends_with("ing") || t.lower.ends_with("ed")) && t.lower.len() > 5;
    opens && verb_form && v.toks.get(k + 1).is_some_and(|n| n.word && !n.cap)
}

/// `Santiago, 14 May 2025 — `, `WASHINGTON ― ` or `WASHINGTON (AP) -- ` at a paragraph start `a`: the token
/// after its dash, when that is before token `i`. A dateline holds only capitalised words,
/// numbers, commas, full stops and parentheses.
pub fn dateline_end(v: &View, a: usize, i: usize) -> Option<usize> {
    if a > 0 && v.toks[a - 1].para == v.toks[a].para {
        return None;
    }
    let dash = (a + 1..(a + 12).min(i)).find(|&k| v.punct(k, "—–―-"))?;
    let dateline = (a..dash).all(|k| {
        let t = &v.toks[k];
        if t.word {
            t.cap
        } else {
            matches!(t.lower.as_str(), "," | "." | "(" | ")")
        }
    });
    // `--` is two dash tokens.
    let after = if v.punct(dash + 1, "-") { dash + 2 } else { dash + 1 };
    (dateline && after < i).then_some(after)
}

/// The subject of the sentence holding token `i`, when it names a source: the phrase at the
/// sentence start, after a leading adverbial clause (`In response to ..., Trump issued`).
pub fn subject(v: &View, i: usize) -> Option<Range> {
    v.toks.get(i)?;
    // (The sentence bounds are precomputed: no walk back over a long sentence per cue.)
    let mut a = v.sentence_of(i).0.min(i);
    // `DECATUR, Ga. — Trump mocked ...`: not the dateline.
    a = dateline_end(v, a, i).unwrap_or(a);
    // `But Trump said`, `Yet some voters said`: a conjunction opening the sentence.
    if matches!(v.toks[a].lower.as_str(), "but" | "and" | "yet" | "so") && a + 1 < i {
        a += 1;
    }
    // `And then Trump went on the attack, saying`, `Later, she said`: adverbs before the subject.
    let opener_at = a;
    while a + 1 < i && v.toks[a].word && is_adverb(&v.toks[a]) {
        a += 1;
    }
    if a > opener_at && v.punct(a, ",") && a + 1 < i {
        a += 1;
    }
    if LEXICON.is(&v.toks[a].lower, "stop")
        || LEXICON.is(&v.toks[a].lower, "boundary")
        // (`Tuesday at the university, ...`, `Here in Leeds, ...`, `Of Carson, Levine said`;
        // not `This group`.)
        || time_word(&v.toks[a].lower)
        || v.toks[a].lower == "here"
        || preposition(&v.toks[a].lower)
    {
        // `At an event in Ames, Iowa, on Sunday, Mrs. Clinton said`: the subject follows the
        // last comma of the opener, past a place (`Iowa,`) and further adjuncts (`on Sunday,`).
        let mut c = (a..i).find(|&k| v.punct(k, ","))? + 1;
        for _ in 0..3 {
            let t = &v.toks[c.min(i)];
            let adjunct = LEXICON.is(&t.lower, "stop") || LEXICON.is(&t.lower, "time");
            // (A place after a place: `Ames, Iowa,`; not `the event, Trump, who ...`.)
            let place = c >= 2
                && v.toks[c - 2].cap
                && (c + 1..i.min(c + 4))
                    .find(|&k| !v.toks[k].cap || !v.toks[k].word)
                    .is_some_and(|k| v.punct(k, ","));
            let next = (c..i).find(|&k| v.punct(k, ","));
            match next {
                Some(n) if adjunct || place => c = n + 1,
                _ => break,
            }
        }
        a = c;
    } else if v.toks[a].lower.ends_with("ing") && v.toks[a].lower.len() > 5 {
        // `Speaking in Harlem, Clinton accused ...`: a participle clause opening the sentence.
        if let Some(c) = (a..i.min(a + 12)).find(|&k| v.punct(k, ",")) {
            a = c + 1;
        }
    }
    // `He ducked the question, saying ...`: a pronoun subject (which `after` reads as a clause).
    if is_pronoun(v, (a, a + 1)) {
        return Some((a, a + 1));
    }
    let (a, mut b) = after(v, a)?;
    if !v.toks[a].cap && !is_pronoun(v, (a, b)) {
        return None;
    }
    // A name ends at the first lowercase word (`Trump mocked ...`), but for joiners inside
    // names (`Bank of America`).
    // (`Presumptive Democratic nominee Hillary Clinton said`: a title before a name is no end;
    // `Clinton's campaign said`: nor is the head after a possessive.)
    let name_end = |from: usize| {
        let k = (from + 1..b).find(|&k| {
            let next_cap = v.toks.get(k + 1).is_some_and(|n| n.cap && n.word);
            let joiner = matches!(v.toks[k].lower.as_str(), "of" | "for" | "and" | "the" | "de") && next_cap;
            let title = LEXICON.is_source_noun(&v.toks[k].lower) && next_cap;
            let possessed = possessive(&v.toks[k - 1].lower);
            v.toks[k].word && !v.toks[k].cap && !joiner && !title && !possessed && v.toks[k - 1].cap
        })?;
        // (`Consumer groups welcomed the fine but said`: a source noun right after the
        // capitalised words heads the phrase and ends it.)
        Some(if LEXICON.is_source_noun(&v.toks[k].lower) { k + 1 } else { k })
    };
    if LEXICON.is(&v.toks[a].lower, "det") {
        // `The mayor left early, ...`: a determiner phrase ends at its source noun, or after
        // the name it holds (`The Washington Post recently ran ...`).
        if let Some(k) = (a + 1..b).find(|&k| LEXICON.is_source_noun(&v.toks[k].lower)) {
            b = k + 1;
        } else if let Some(k) = name_end(a + 1).filter(|&k| v.toks[a + 1..k].iter().all(|t| t.cap || !t.word))
        {
            b = k;
        }
    } else if let Some(k) = name_end(a) {
        if v.toks[a..k].iter().all(|t| t.cap || !t.word) {
            b = k;
        }
    }
    Some((a, b))
}

/// The source phrase starting at token `start` (inverted order: `said Putin`).
pub fn after(v: &View, start: usize) -> Option<Range> {
    after_any(v, start).filter(|&r| plausible(v, r))
}

/// [`after`], or when a title in quotation marks cuts the phrase (`wrote the authors of the
/// "Growth Project,"`), the words before the preposition and determiner left dangling.
pub fn after_to_title(v: &View, start: usize) -> Option<Range> {
    after(v, start).or_else(|| {
        let (a, b) = after_any(v, start)?;
        if !v
            .toks
            .get(b)
            .is_some_and(|t| !t.word && v.text[t.start..].starts_with(crate::text::is_quote_mark))
        {
            return None;
        }
        // (Only a preposition and a determiner: `thanked Obama for "..."` has no title.)
        let dangling =
            b >= a + 3 && LEXICON.is(&v.toks[b - 1].lower, "det") && preposition(&v.toks[b - 2].lower);
        Some((a, b.saturating_sub(2))).filter(|&r| dangling && plausible(v, r))
    })
}

/// The phrase starting at token `start` that [`after`] reads, plausible as a source or not
/// (after `according to`, `early returns` is a source).
pub fn after_any(v: &View, start: usize) -> Option<Range> {
    let sent = v.toks.get(start)?.sent;
    let mut b = start;
    while b < v.toks.len() && b - start < MAX_SOURCE_TOKENS {
        let t = &v.toks[b];
        if t.sent != sent {
            break;
        }
        if !t.word {
            let initialism = t.lower == "." && b > start && v.toks[b - 1].lower.contains('.');
            let slash = t.lower == "/" && v.toks.get(b + 1).is_some_and(|n| n.word);
            let cap_next = v.toks.get(b + 1).is_some_and(|n| n.cap && n.sent == sent);
            if ((abbrev_dot(v, b) || middle_initial(v, start, b)) && cap_next) || initialism || slash {
                b += 1;
                continue;
            }
            break;
        }
        // A cue word right after a determiner or `of` is a noun (`a post from X`, `the state
        // Division`, `the secretary of state`).
        // (`another says`, `one said`: a determiner standing alone is the subject.)
        let alone = b == start + 1 && matches!(v.toks[start].lower.as_str(), "another" | "one");
        let noun_use = t.cap
            || (b > start
                && !alone
                && (LEXICON.is(&v.toks[b - 1].lower, "det") || v.toks[b - 1].lower == "of"));
        // (Asked only of a function word: `said Theresa May`.)
        let name = || modal_name(v, b) || (b > start && function_name(v, b));
        if b > start && ((LEXICON.is(&t.lower, "stop") && !name()) || (cue_at(v, b).is_some() && !noun_use)) {
            break;
        }
        // `said the group is ...`: a verb, so a clause rather than a source.
        let clause =
            (LEXICON.is(&t.lower, "boundary") && t.lower != "and") || LEXICON.is(&t.lower, "clause_word");
        if clause && !name() {
            break;
        }
        b += 1;
    }
    // `according to the F.A.A.`: the sentence's full stop is no part of the name.
    while b > start && v.toks.get(b - 1).is_some_and(|t| t.lower == "and" || !t.word) {
        b -= 1;
    }
    (b > start).then_some((start, b))
}

/// A preposition: no source phrase starts or ends with one, and one opening a sentence opens
/// an adverbial, not a subject.
pub(crate) fn preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "of"
            | "for"
            | "during"
            | "after"
            | "before"
            | "about"
            | "into"
            | "through"
            | "via"
            | "within"
            | "without"
            | "against"
            | "toward"
            | "towards"
            | "upon"
            | "despite"
            | "amid"
            | "throughout"
            | "under"
            | "among"
            | "to"
    )
}

/// A source is a pronoun, a name (capitalised start), a determiner phrase, or a phrase ending
/// in a source noun (`officials`, `senior diplomats`).
fn plausible(v: &View, (a, b): Range) -> bool {
    if b <= a {
        return false;
    }
    let first = &v.toks[a];
    let last = &v.toks[b - 1];
    if !last.word {
        return false;
    }
    // `he`, and a quantifier standing alone (`Many said`, `Others argued`, `"...," read one`).
    let alone = matches!(first.lower.as_str(), "one" | "another");
    if b - a == 1 && (pronoun_word(&first.lower) || is_quantifier(&first.lower) || alone) {
        return true;
    }
    // (`in a written statement`, `his plans by`: a prepositional phrase or a broken one.)
    if LEXICON.is(&first.lower, "pronoun")
        || LEXICON.is(&last.lower, "det")
        || (preposition(&first.lower) && !function_name(v, a))
        || (preposition(&last.lower) && !function_name(v, b - 1))
    {
        return false;
    }
    let head_noun = (a..b).rev().find(|&k| v.toks[k].word).map(|k| v.toks[k].lower.as_str()).unwrap_or("");
    // A capital anywhere in a word: names, and brands written `comScore` or `eBay`.
    let any_cap = (a..b)
        .any(|k| v.toks[k].word && v.text[v.toks[k].start..v.toks[k].end].chars().any(char::is_uppercase));
    // A share of those asked: `52 percent said`, `more than 4 in 10 said`.
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()) || LEXICON.is(w, "number");
    let share = matches!(head_noun, "percent" | "%")
        || (b - a >= 3 && number(head_noun) && matches!(v.toks[b - 2].lower.as_str(), "in" | "of"));
    // (`officials in both cities`, `people familiar with the talks`: the head comes before a
    // prepositional phrase.)
    let before_preposition = (a + 1..b)
        .find(|&k| preposition(&v.toks[k].lower))
        .is_some_and(|k| (a..k).any(|j| LEXICON.is_source_noun(&v.toks[j].lower)));
    any_cap
        || share
        || LEXICON.is(&first.lower, "det")
        || LEXICON.is_source_noun(head_noun)
        || before_preposition
}

/// Stricter than a plausible source: a pronoun, a phrase with a capitalised word, or one
/// whose head is a source noun (`a source familiar with the matter`).
pub fn names_someone(v: &View, (a, b): Range) -> bool {
    is_pronoun(v, (a, b))
        || (a..b).any(|k| v.toks[k].word && v.text[v.toks[k].start..].starts_with(char::is_uppercase))
        || (a..b).any(|k| LEXICON.is_source_noun(&v.toks[k].lower))
}

/// A quantifier that can stand alone as a subject: `Many said`, `Others argued`.
pub fn is_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "many" | "some" | "most" | "others" | "several" | "few" | "both" | "half" | "all" | "none"
    )
}

/// True for `he`, `she` and the like.
pub fn is_pronoun(v: &View, r: Range) -> bool {
    r.1 == r.0 + 1 && v.toks.get(r.0).is_some_and(|t| pronoun_word(&t.lower))
}

/// A subject pronoun, alone or with an auxiliary glued to it (`he’s said`, `they've offered`,
/// `She'll argue`: one token here).
fn pronoun_word(lower: &str) -> bool {
    match clitic_split(lower) {
        Some((stem, _)) => personal_pronoun(stem),
        None => LEXICON.is(lower, "pronoun"),
    }
}

/// The entity one of whose mentions overlaps `span`: a person whose name a comma or a
/// preposition follows inside the span heads it (`Sen. Tom Becker of Kansas`); otherwise,
/// among several, the one ending closest to the end of the span (the head of `Clinton
/// campaign manager Robby Mook`), people first.
pub fn resolve(v: &View, entities: &[Entity], span: Span) -> Option<String> {
    let head_name = |m: &newsdesk_model::Mention| {
        let k = v.first_tok_from(m.end);
        m.start >= span.start
            && m.end < span.end
            && v.toks.get(k).is_some_and(|t| t.start < span.end && (t.lower == "," || preposition(&t.lower)))
    };
    let mut head: Option<(usize, &str)> = None;
    let mut best: Option<(usize, bool, &str)> = None;
    // A place after a preposition only qualifies the speaker (`The harbour council of
    // Westbrook`, `officials in Moscow`): it does not speak.
    let qualifying = |m: &newsdesk_model::Mention| {
        let k = v.first_tok_from(m.start);
        m.start > span.start && k > 0 && preposition(&v.toks[k - 1].lower)
    };
    // A possessor before a noun for a person is someone else (`Mr Whitfield's colleague`,
    // `Trump's lawyer`), unlike one before a body, which speaks for it (`Her party`).
    let last = (v.first_tok_from(span.start)..v.first_tok_from(span.end)).rev().find(|&k| v.toks[k].word);
    let person_head = last.is_some_and(|k| LEXICON.is_person_noun(&v.toks[k].lower));
    let possessor = |m: &newsdesk_model::Mention| {
        let after = &v.text[m.end..span.end.max(m.end)];
        ["'s", "’s", "' ", "’ "].iter().any(|e| after.starts_with(e))
            || possessive(&v.text[m.start..m.end].to_lowercase())
            || matches!(v.text[m.start..m.end].to_lowercase().as_str(), "his" | "her" | "their")
    };
    // A place or its adjective before a noun of the phrase only qualifies its head when that
    // head is a person (`The Nigerian striker`) or a name (`the Spanish insurers' association
    // Unespa`); before a body's noun it speaks for the place (`the Russian foreign ministry`).
    let named_head =
        last.is_some_and(|k| v.toks[k].cap && v.toks[k].sent == v.toks[v.first_tok_from(span.start)].sent);
    let modifier = |m: &newsdesk_model::Mention| {
        let k = v.first_tok_from(m.end);
        (person_head || named_head)
            && m.end < span.end
            && v.toks.get(k).is_some_and(|t| {
                t.word
                    && !t.cap
                    && t.start < span.end
                    && !preposition(&t.lower)
                    && !LEXICON.is(&t.lower, "boundary")
            })
    };
    for e in entities {
        let person = e.kind == EntityType::Person;
        for m in &e.mentions {
            let place = e.kind == EntityType::Location;
            if !m.span().overlaps(span) || (place && (qualifying(m) || modifier(m))) {
                continue;
            }
            if person_head && possessor(m) {
                continue;
            }
            if person && head_name(m) && head.is_none_or(|(s, _)| m.start < s) {
                head = Some((m.start, e.id.as_str()));
            }
            let dist = span.end.abs_diff(m.end);
            let better = match best {
                None => true,
                Some((d, p, _)) => dist < d || (dist == d && person && !p),
            };
            if better {
                best = Some((dist, person, e.id.as_str()));
            }
        }
    }
    head.map(|(_, id)| id).or(best.map(|(_, _, id)| id)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` that `f` keeps of the source phrase made of all its tokens.
    fn kept(text: &str, f: impl Fn(&View, Range) -> Option<Range>) -> Option<String> {
        let seg = newsdesk_segment::segment(text);
        let v = View::new(text, &seg);
        let n = v.toks.iter().rposition(|t| t.word).map_or(0, |k| k + 1);
        f(&v, (0, n)).map(|(a, b)| v.slice(v.tok_span(a, b)).to_string())
    }

    #[test]
    fn a_pronoun_with_an_auxiliary_glued_to_it_is_a_pronoun() {
        for w in ["he", "he's", "she’ll", "they've", "we’d", "i'm", "you’re"] {
            assert!(pronoun_word(w), "{w}");
        }
        // (`it's clear that ...`: no speaker; a possessive or a name is no pronoun.)
        for w in ["it's", "hers", "trump's", "he'", "shell"] {
            assert!(!pronoun_word(w), "{w}");
        }
        // Read back from a cue: `But he's said ...`.
        assert_eq!(kept("But he's said", |v, r| before(v, r.1 - 1)).as_deref(), Some("he's"));
    }

    #[test]
    fn a_source_is_cut_before_its_verb() {
        let cut = |v: &View, r: Range| Some(without_verb(v, r));
        assert_eq!(kept("Court clerks would be allowed", cut).as_deref(), Some("Court clerks"));
        assert_eq!(kept("A local PAC launched an ad", cut).as_deref(), Some("A local PAC"));
        assert_eq!(kept("Republicans weren't too", cut).as_deref(), Some("Republicans"));
        assert_eq!(kept("The piece used one of her lines", cut).as_deref(), Some("The piece"));
        assert_eq!(kept("Jo Park, the elected mayor", cut).as_deref(), Some("Jo Park, the elected mayor"));
        assert_eq!(
            kept("Jo Park, the city's director", cut).as_deref(),
            Some("Jo Park, the city's director")
        );
    }

    #[test]
    fn a_time_adverbial_is_no_source() {
        assert_eq!(kept("Jo Park later Thursday", without_time).as_deref(), Some("Jo Park"));
        assert_eq!(kept("A few minutes later", without_time), None);
        assert_eq!(kept("Earlier Wednesday", without_time), None);
        assert_eq!(kept("This group", without_time).as_deref(), Some("This group"));
    }

    #[test]
    fn a_capitalised_function_word_after_a_name_is_a_name() {
        let name_at = |text: &str, word: &str| {
            let seg = newsdesk_segment::segment(text);
            let v = View::new(text, &seg);
            let k = v.toks.iter().position(|t| &text[t.start..t.end] == word);
            k.is_some_and(|k| function_name(&v, k))
        };
        assert!(name_at("Prime Minister Theresa May said so.", "May"));
        assert!(name_at("The columnist George Will wrote it.", "Will"));
        assert!(!name_at("We May Win It All, Says The Coach Of The Team", "May"));
        assert!(!name_at("THE TEAM MAY LEAVE TODAY, its manager said.", "MAY"));
        assert!(!name_at("It backfired: By refusing to apologize, he lost.", "By"));
    }
}
