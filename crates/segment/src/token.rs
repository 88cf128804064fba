//! Tokenisation: words (with hyphens, inner apostrophes, abbreviation periods, site names),
//! numbers (`1,270`, `4.5`, `3rd`), clitics split off (`Russia’s` → `Russia` + `’s`,
//! `don't` → `do` + `n't`), URLs kept whole, and punctuation and symbols one by one.
//!
//! Scraped text often glues sentences (`Putin.He`); a period between two words is kept
//! inside the token only when it makes a site name (`News.Az`), a dotted abbreviation
//! (`U.S.`) or two capitalised words that do not look like a new sentence.

use crate::lexicon::{abbreviation, is_opener, is_tld, AbbrevKind};
use crate::{Token, TokenKind};
use newsdesk_model::Span;

/// The characters of a text with their byte offsets, for lookahead by index.
struct Chars<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Self {
        Chars { text, chars: text.char_indices().collect() }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    /// Byte offset of char `i` (the text's length past the end).
    fn pos(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(self.pos(from)..self.pos(to)).unwrap_or("")
    }
    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }
    /// Index just past the run of word characters starting at `i`.
    fn run_end(&self, mut i: usize) -> usize {
        while self.is(i, is_word_char)
            || (i > 0 && self.at(i - 1).zip(self.at(i)).is_some_and(|(p, c)| mojibake_pair(p, c)))
        {
            i += 1;
        }
        i
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// True when `c` after `prev` is the second byte of a two-byte UTF-8 letter read as Latin-1
/// (`Ã` then `§`): what text decoded twice shows (`FranÃ§ois` for `François`). Such a `§` or
/// `©` is part of the word it is glued to, not punctuation of its own (tokenisers of later
/// stages cut words the same way).
pub fn mojibake_pair(prev: char, c: char) -> bool {
    matches!(prev, '\u{00C2}'..='\u{00DF}') && matches!(c, '\u{0080}'..='\u{00BF}')
}

/// Combining marks that belong to the preceding letter.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200D}')
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Clitics split off the word they are glued to, lowercase, without the apostrophe.
fn is_clitic(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "s" | "ll" | "re" | "ve" | "d" | "m")
}

/// Punctuation (as opposed to symbols such as `$`, `%`, `+`, emoji).
fn is_punct_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '+' | '=' | '<' | '>' | '#' | '@' | '&' | '*' | '^' | '~' | '|' | '`' | '\\'
            );
    }
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3000}'..='\u{303F}'
        | '«' | '»' | '¡' | '¿' | '·' | '\u{00A7}' | '\u{FF01}'..='\u{FF0F}')
        && !matches!(c, '‰' | '‱' | '′' | '″')
}

const URL_STARTS: [&str; 4] = ["http://", "https://", "ftp://", "www."];

/// Splits `text` into tokens, in order, never overlapping, on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let cs = Chars::new(text);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // URLs and e-mail addresses are looked for at every token: a text without `://`, `www.`
    // or `@` (most) has none, and skips those scans.
    let maybe_url =
        text.contains("://") || text.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
    let maybe_email = text.contains('@');
    let mut i = 0;
    while i < cs.len() {
        let Some(c) = cs.at(i) else { break };
        let (end, kind) = if c.is_whitespace() {
            i += 1;
            continue;
        } else if let Some(end) = maybe_url
            .then(|| url_end(&cs, i))
            .flatten()
            .or_else(|| maybe_email.then(|| email_end(&cs, i)).flatten())
        {
            (end, TokenKind::Word)
        } else if let Some(end) = clitic_end(&cs, i) {
            (end, TokenKind::Word)
        } else if c.is_ascii_digit() {
            number_end(&cs, i)
        } else if is_word_char(c) {
            (word_end(&cs, i, i), TokenKind::Word)
        } else {
            punct_end(&cs, i)
        };
        let end = end.max(i + 1);
        tokens.push(Token { span: Span::new(cs.pos(i), cs.pos(end)), kind });
        i = end;
    }
    tokens
}

/// A URL starting at `i`: up to whitespace, without trailing punctuation.
fn url_end(cs: &Chars, i: usize) -> Option<usize> {
    let rest = cs.text.get(cs.pos(i)..)?.as_bytes();
    // Tried at every token: compared in place, no lowercase copy.
    if !URL_STARTS.iter().any(|s| rest.get(..s.len()).is_some_and(|h| h.eq_ignore_ascii_case(s.as_bytes()))) {
        return None;
    }
    if i > 0 && cs.is(i - 1, is_word_char) {
        return None;
    }
    let mut j = i;
    while cs.is(j, |c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»')) {
        j += 1;
    }
    while j > i
        && cs.is(j - 1, |c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '’'))
    {
        j -= 1;
    }
    // A bare `www.` is no URL.
    (cs.pos(j) - cs.pos(i) > 4).then_some(j)
}

/// An e-mail address starting at `i`: `name.surname@example.com`.
fn email_end(cs: &Chars, i: usize) -> Option<usize> {
    if i > 0 && cs.is(i - 1, |c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')) {
        return None;
    }
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%');
    let mut j = i;
    while cs.is(j, local) && j < i + 64 {
        j += 1;
    }
    if j == i || !cs.is(j, |c| c == '@') {
        return None;
    }
    let at = j;
    j += 1;
    while cs.is(j, |c| c.is_alphanumeric() || c == '-' || c == '.' && cs.is(j + 1, char::is_alphanumeric)) {
        j += 1;
    }
    cs.slice(at + 1, j).contains('.').then_some(j)
}

/// A clitic glued to the previous word: `’s`, `'ll`, `n't`.
fn clitic_end(cs: &Chars, i: usize) -> Option<usize> {
    if i == 0 || !cs.is(i - 1, char::is_alphabetic) {
        return None;
    }
    let c = cs.at(i)?;
    if is_apostrophe(c) {
        let end = cs.run_end(i + 1);
        return (end > i + 1 && is_clitic(cs.slice(i + 1, end))).then_some(end);
    }
    if (c == 'n' || c == 'N') && cs.is(i + 1, is_apostrophe) && cs.is(i + 2, |c| c == 't' || c == 'T') {
        let end = i + 3;
        return (!cs.is(end, is_word_char)).then_some(end);
    }
    None
}

/// A number: digits with inner `,` or `.` separators, an ordinal suffix (`3rd`); a number
/// glued by a hyphen to a word (`20-year-old`) is one word.
fn number_end(cs: &Chars, start: usize) -> (usize, TokenKind) {
    let mut j = start;
    loop {
        while cs.is(j, |c| c.is_ascii_digit()) {
            j += 1;
        }
        if cs.is(j, |c| c == ',' || c == '.') && cs.is(j + 1, |c| c.is_ascii_digit()) {
            j += 1;
            continue;
        }
        break;
    }
    if cs.is(j, char::is_alphabetic) {
        let end = cs.run_end(j);
        let suffix = cs.slice(j, end).to_ascii_lowercase();
        if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
            return (end, TokenKind::Number);
        }
        return (j, TokenKind::Number);
    }
    if cs.is(j, is_hyphen) && cs.is(j + 1, char::is_alphabetic) {
        return (word_end(cs, start, j), TokenKind::Word);
    }
    (j, TokenKind::Number)
}

/// The end of a word that starts at `start`, scanning on from `from`.
fn word_end(cs: &Chars, start: usize, from: usize) -> usize {
    let mut j = cs.run_end(from);
    loop {
        let Some(d) = cs.at(j) else { return j };
        let next_is_word = cs.is(j + 1, is_word_char);
        if is_hyphen(d) && next_is_word {
            j = cs.run_end(j + 1);
        } else if is_apostrophe(d) && cs.is(j + 1, char::is_alphabetic) {
            let end = cs.run_end(j + 1);
            let after = cs.slice(j + 1, end);
            if is_clitic(after) {
                return j;
            }
            if after.eq_ignore_ascii_case("t") && j >= start + 2 && cs.is(j - 1, |c| c == 'n' || c == 'N') {
                return j - 1;
            }
            j = end;
        } else if d == '&' && cs.is(j - 1, char::is_uppercase) && cs.is(j + 1, char::is_uppercase) {
            j = cs.run_end(j + 1);
        } else if d == '.' {
            return period(cs, start, j);
        } else {
            return j;
        }
    }
}

/// Decides what a period at `dot` after the word `start..dot` belongs to; returns the word's end.
fn period(cs: &Chars, start: usize, dot: usize) -> usize {
    let word = cs.slice(start, dot);
    let glued = cs.is(dot + 1, char::is_alphabetic);
    // Dotted abbreviations: `U.S.`, `e.g.`, `a.m.`, `U.S.A.`
    if dot == start + 1 && glued && cs.is(dot + 2, |c| c == '.') {
        let mut j = dot + 1;
        while cs.is(j, char::is_alphabetic) && cs.is(j + 1, |c| c == '.') {
            j += 2;
        }
        return j;
    }
    if !glued {
        let known = abbreviation(word).is_some();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        return if known || initial { dot + 1 } else { dot };
    }
    if matches!(abbreviation(word), Some(AbbrevKind::Title | AbbrevKind::Month | AbbrevKind::Inner)) {
        return dot + 1;
    }
    let next_end = cs.run_end(dot + 1);
    let next = cs.slice(dot + 1, next_end);
    let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let join = if cap(next) && is_opener(next) {
        false
    } else if is_tld(next) {
        true
    } else {
        // `Astana.Times`, `node.js` stay whole; `implemented.Putin`, `Putin.he` split.
        cap(word) == cap(next)
    };
    if join {
        word_end(cs, start, next_end)
    } else {
        dot
    }
}

/// Punctuation or a symbol: runs of `.` (ellipsis), `!`/`?` and `-` make one token.
fn punct_end(cs: &Chars, i: usize) -> (usize, TokenKind) {
    let Some(c) = cs.at(i) else { return (i + 1, TokenKind::Punct) };
    let mut j = i + 1;
    let same_run = |x: char| match c {
        '.' => x == '.',
        '!' | '?' => x == '!' || x == '?',
        '-' => x == '-',
        _ => false,
    };
    while cs.is(j, same_run) {
        j += 1;
    }
    let kind = if is_punct_char(c) { TokenKind::Punct } else { TokenKind::Symbol };
    (j, kind)
}
