//! The attributor's view of a text: word and punctuation tokens, sentences, paragraphs and the
//! regions enclosed in quote marks. Built once per document; every offset is a byte offset.

use crate::lexicon::LEXICON;
use newsdesk_model::Span;
use newsdesk_segment::Segmentation;

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub word: bool,
    /// Starts with an uppercase letter or a digit.
    pub cap: bool,
    pub sent: usize,
    pub para: usize,
    /// Its word class (`learned::clusters`), looked up once here.
    pub class: Option<u16>,
}

impl Tok {
    /// A lowercase word in -ing (`citing`, `offering`): a participle or gerund.
    pub fn is_ing_form(&self) -> bool {
        self.word && !self.cap && self.lower.ends_with("ing")
    }
}

/// Text between a pair of quote marks (or from an opening mark to the end of its paragraph).
#[derive(Debug, Clone)]
pub struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// The content between the marks.
    pub content: Span,
    /// First and one-past-last token index of the content.
    pub toks: (usize, usize),
}

pub struct View<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    /// In text order, never overlapping (one quotation is open at a time).
    pub regions: Vec<Region>,
    /// First and one-past-last token of each sentence (`Tok::sent` indexes it).
    pub sents: Vec<(usize, usize)>,
}

pub fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}
pub fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}
pub fn is_quote_mark(c: char) -> bool {
    c == '"' || is_open_mark(c) || is_close_mark(c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into words (letters and digits, with inner `'`, `’`, `-`, `.`, `,` kept when
/// they join two word characters) and single punctuation characters.
fn tokenize(text: &str) -> Vec<(usize, usize, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            // `'''` closes a single and a double mark at once: the single comes first.
            let tripled = c == '\''
                && chars.get(i + 2).is_some_and(|x| x.1 == c)
                && chars.get(i + 1).is_some_and(|x| x.1 == c);
            let doubled = !tripled && matches!(c, '\'' | '`') && chars.get(i + 1).is_some_and(|x| x.1 == c);
            let n = if doubled { 2 } else { 1 };
            out.push((b, b + c.len_utf8() * n, false));
            i += n;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) || newsdesk_segment::mojibake_pair(chars[j - 1].1, c) {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let joins = matches!(c, '\'' | '’' | '-' | '.' | ',') && next.is_some_and(is_word_char);
            if !joins {
                break;
            }
            if c == ',' && !(chars[j - 1].1.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())) {
                break;
            }
            if c == '.' && glued_sentence(&chars, i, j) {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        out.push((b, end, true));
        i = j;
    }
    out
}

/// True when the full stop at `dot` glues two sentences (`said Putin.He also`), not an
/// abbreviation (`U.S`) or a number (`1.5`).
fn glued_sentence(chars: &[(usize, char)], word_start: usize, dot: usize) -> bool {
    let before: String = chars[word_start..dot].iter().map(|x| x.1).collect();
    let after: String = chars[dot + 1..].iter().map(|x| x.1).take_while(|c| is_word_char(*c)).collect();
    let last_part = before.rsplit('.').next().unwrap_or("");
    last_part.chars().count() >= 2
        && last_part.chars().last().is_some_and(|c| c.is_lowercase())
        && after.chars().next().is_some_and(|c| c.is_uppercase())
        && after.chars().any(|c| c.is_lowercase())
}

impl<'t> View<'t> {
    pub fn new(text: &'t str, seg: &Segmentation) -> Self {
        let raw = tokenize(text);
        let paras = paragraphs(text);
        // Tokens and paragraphs are both in text order: one pointer walks the paragraphs.
        let mut pi = 0;
        let mut toks: Vec<Tok> = raw
            .iter()
            .map(|&(s, e, word)| {
                let t = &text[s..e];
                while pi + 1 < paras.len() && paras[pi].end <= s {
                    pi += 1;
                }
                let para = paras.get(pi).filter(|p| p.start <= s && s < p.end).map_or(0, |_| pi);
                let lower = t.to_lowercase();
                Tok {
                    start: s,
                    end: e,
                    class: crate::learned::clusters::class(&lower),
                    lower,
                    word,
                    cap: t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                    sent: 0,
                    para,
                }
            })
            .collect();
        // Quote-aware sentences of our own: a closing mark stays with its sentence, and an
        // abbreviation before an opening mark still ends one. Measured on PolNeAR train, the
        // general segmenter's sentences cost 4 points of direct-quote F1 here.
        let _ = seg;
        let sents = split_sentences(text, &toks);
        let mut si = 0;
        let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(sents.len());
        for (k, t) in toks.iter_mut().enumerate() {
            while si + 1 < sents.len() && sents[si].end <= t.start {
                si += 1;
            }
            t.sent = si;
            bounds.resize(si + 1, (k, k));
            bounds[si].1 = k + 1;
        }
        let mut regions = pair_marks(text, &toks);
        regions.extend(single_marks(text, &toks, &regions));
        regions.sort_by_key(|r| r.open);
        View { text, toks, regions, sents: bounds }
    }

    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    /// Span from the start of token `a` to the end of token `b - 1`.
    pub fn tok_span(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), b.checked_sub(1).and_then(|i| self.toks.get(i))) {
            (Some(x), Some(y)) if b > a => Span::new(x.start, y.end),
            _ => Span::default(),
        }
    }

    pub fn punct(&self, i: usize, chars: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word && t.lower.chars().next().is_some_and(|c| chars.contains(c)))
    }

    /// True when token `i` is a dash: an em or en dash, or a hyphen standing alone between
    /// spaces (`Jo Park - a co-host - said`).
    pub fn dash(&self, i: usize) -> bool {
        let spaced = |t: &Tok| {
            t.lower == "-"
                && self.text[..t.start].ends_with(char::is_whitespace)
                && self.text[t.end..].starts_with(char::is_whitespace)
        };
        self.punct(i, "—–―") || self.toks.get(i).is_some_and(spaced)
    }

    /// True when token `k` is the comma between a place and its state or country (`Tulsa,
    /// Okla., police`, `Raleigh, N.C.`): a capitalised word either side, then the second's
    /// dot, and a comma or the sentence end.
    pub fn place_comma(&self, k: usize) -> bool {
        let cap = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.word && self.text[t.start..].starts_with(char::is_uppercase))
        };
        if !self.punct(k, ",") || k == 0 || !cap(k - 1) || !cap(k + 1) {
            return false;
        }
        let j = if self.punct(k + 2, ".") { k + 3 } else { k + 2 };
        self.toks.get(j).is_none_or(|t| t.lower == "," || t.sent != self.toks[k].sent)
    }

    /// True when token `k` is a closing mark right after a comma inside its quotation
    /// (`"no case at all,"`): the quotation's own comma closes the clause around it.
    pub fn closes_quote_after_comma(&self, k: usize) -> bool {
        k > 0 && self.punct(k - 1, ",") && self.closes_quote(k)
    }

    /// True when token `k` is the closing mark of a quotation.
    pub fn closes_quote(&self, k: usize) -> bool {
        k > 0 && self.region_of(k - 1).is_some_and(|r| self.regions[r].close == Some(k))
    }

    /// The region whose content contains token `i`.
    pub fn region_of(&self, i: usize) -> Option<usize> {
        let after = self.regions.partition_point(|r| r.toks.0 <= i);
        after.checked_sub(1).filter(|&k| i < self.regions[k].toks.1)
    }

    /// Index of the first token starting at or after byte `at` (`toks.len()` when none).
    pub fn first_tok_from(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// The first token starting at or after byte `at`.
    pub fn tok_from(&self, at: usize) -> Option<&Tok> {
        self.toks.get(self.first_tok_from(at))
    }

    /// First and one-past-last token of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        self.toks.get(i).and_then(|t| self.sents.get(t.sent)).copied().unwrap_or((i, i + 1))
    }
}

/// Paragraphs: runs of text between line breaks.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if text.len() > start {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// A quote-aware sentence splitter: ends at `.?!`
/// (and a closing quote after it) before an uppercase word or an opening mark, and at
/// paragraph ends; a known abbreviation or an initial does not end a sentence.
fn split_sentences(text: &str, toks: &[Tok]) -> Vec<Span> {
    let mut ends = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1);
        if next.is_none_or(|n| n.para != t.para) {
            ends[i] = true;
            continue;
        }
        if t.word || !matches!(t.lower.as_str(), "." | "?" | "!") {
            continue;
        }
        let prev_abbrev = i > 0 && toks[i - 1].word && t.lower == "." && {
            let p = &toks[i - 1].lower;
            LEXICON.is(p, "abbrev")
                || p.chars().count() == 1
                || initials(&text[toks[i - 1].start..toks[i - 1].end])
        };
        let quote_next =
            toks.get(i + 1).is_some_and(|n| n.start > t.end && is_open_or_straight(first_char(text, n)))
                && toks.get(i + 2).is_some_and(|n| n.cap);
        // (`at 7 p.m. He said`: an abbreviation that may end a sentence, before a word that
        // typically opens one, does end it.)
        let opener_next = prev_abbrev
            && toks.get(i + 1).is_some_and(|n| {
                n.word
                    && newsdesk_segment::is_sentence_opener(&text[n.start..n.end])
                    && newsdesk_segment::abbreviation_may_end(&text[toks[i - 1].start..toks[i - 1].end])
            });
        if prev_abbrev && !quote_next && !opener_next {
            continue;
        }
        // Closing marks right after the stop belong to this sentence.
        let mut k = i + 1;
        // (So does the bracket a parenthesised sentence closes with: `(… he said.) Then`.)
        while toks.get(k).is_some_and(|n| {
            !n.word
                && n.start == toks[k - 1].end
                && (is_close_or_straight(first_char(text, n)) || matches!(n.lower.as_str(), ")" | "]"))
        }) {
            k += 1;
        }
        // (`... Mr. Sykes said. (Just take a look ...)`: a parenthesis opening a sentence, a
        // quotation too: `... to participate. (''We've persuaded them,'' he said.)`.)
        let paren = toks.get(k).is_some_and(|n| n.lower == "(" && n.start > toks[k - 1].end) && {
            let quoted = toks.get(k + 1).is_some_and(|n| {
                !n.word && n.start == toks[k].end && is_open_or_straight(first_char(text, n))
            });
            toks.get(k + 1 + usize::from(quoted)).is_some_and(|n| n.cap && n.word)
        };
        // (`... he said. 'We ...`: a single mark opening a capitalised word, British style.)
        let single_opens = toks.get(k).is_some_and(|n| matches!(&text[n.start..n.end], "'" | "‘"))
            && toks.get(k + 1).is_some_and(|w| w.word && w.cap && w.start == toks[k].end);
        if paren || single_opens || toks.get(k).is_some_and(|n| n.cap || is_quote_mark(first_char(text, n))) {
            ends[k - 1] = true;
        }
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        let s = *start.get_or_insert(t.start);
        if ends[i] {
            out.push(Span::new(s, t.end));
            start = None;
        }
    }
    out
}

/// Capital initials joined by full stops (`J.M`, the last stop being the next token): a
/// name's initials, which a full stop does not end a sentence after.
fn initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// The first character of a token, with the typewriter double marks `''` and ``` `` ```
/// read as `"` and `“`.
fn first_char(text: &str, t: &Tok) -> char {
    match &text[t.start..t.end] {
        "''" => '"',
        "``" => '“',
        s => s.chars().next().unwrap_or(' '),
    }
}

fn is_open_or_straight(c: char) -> bool {
    c == '"' || is_open_mark(c)
}

fn is_close_or_straight(c: char) -> bool {
    c == '"' || is_close_mark(c) || c == '’'
}

/// Pairs quote marks inside each paragraph: curly marks by direction, straight marks by
/// alternation. An opening mark left open at a paragraph end runs to the paragraph end.
fn pair_marks(text: &str, toks: &[Tok]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // An opening mark still open when a second one opened: `“A “B” C,” X wrote` (or `"A “B” C"`)
    // nests B in A when a closing mark follows B's in the same paragraph before any other
    // opening mark.
    let mut outer: Option<usize> = None;
    // The outer mark waiting for its close after the inner quotation closed (the inner
    // region is the last one pushed).
    let mut nested: Option<usize> = None;
    let close_region = |out: &mut Vec<Region>, o: usize, c: Option<usize>, end_tok: usize| {
        let first = o + 1;
        if end_tok > first {
            if let (Some(a), Some(b)) = (toks.get(first), toks.get(end_tok - 1)) {
                out.push(Region {
                    open: o,
                    close: c,
                    content: Span::new(a.start, b.end),
                    toks: (first, end_tok),
                });
            }
        }
    };
    // An outer quotation opening its paragraph whose paragraph ended after the inner one
    // closed: a quotation running on over paragraphs (`"It isn't about “fairness” anymore.`
    // with the next paragraph opening `"...`) holds the inner one to the paragraph end.
    let run_on = |out: &mut Vec<Region>, o: usize, end_tok: usize| {
        let para_start = o == 0 || toks[o - 1].para != toks[o].para;
        // Not when the inner quotation closes the paragraph (its mark may close both), nor when
        // a comma or colon introduces it as speech in narration (`"Jo laughed it off by
        // interjecting, “Only Rosie.” But ...`: the paragraph's first mark is a stray one).
        let Some(inner) = out.last() else { return };
        let words_after = (inner.close.unwrap_or(end_tok) + 1..end_tok).any(|k| toks[k].word);
        let introduced = inner.open > 0 && matches!(toks[inner.open - 1].lower.as_str(), "," | ":");
        if para_start && words_after && !introduced {
            out.pop();
            close_region(out, o, None, end_tok);
        }
    };
    for (i, t) in toks.iter().enumerate() {
        if let Some(o) = open {
            if toks[o].para != t.para {
                close_region(&mut out, o, None, i);
                open = None;
                outer = None;
            }
        }
        if let Some(o) = nested.filter(|&o| toks[o].para != t.para) {
            run_on(&mut out, o, i);
            nested = None;
        }
        if t.word {
            continue;
        }
        let c = first_char(text, t);
        if !is_quote_mark(c) {
            continue;
        }
        if let Some(o) = nested.take() {
            if open.is_none() && is_close_or_straight(c) && !is_opening_position(toks, i) {
                // The outer quotation closes: it holds the inner one.
                out.pop();
                close_region(&mut out, o, Some(i), i);
                continue;
            }
        }
        match open {
            None if !is_close_mark(c) || is_opening_position(toks, i) => open = Some(i),
            None => {}
            // A second opening mark: the first was never closed, or holds a nested quotation.
            // One right after the first with nothing between (`"“We ...”`) is a stray mark.
            Some(o) if is_open_mark(c) && (!is_closing_position(toks, i) || o + 1 == i) => {
                outer = (o + 1 != i).then_some(o);
                open = Some(i);
            }
            Some(o) => {
                close_region(&mut out, o, Some(i), i);
                open = None;
                nested = outer.take().filter(|_| out.last().is_some_and(|r| r.open == o));
            }
        }
    }
    if let Some(o) = open {
        close_region(&mut out, o, None, toks.len());
    } else if let Some(o) = nested {
        run_on(&mut out, o, toks.len());
    }
    out
}

/// How many paragraphs open a text as its headline and deck.
const HEADLINE_PARAGRAPHS: usize = 2;

/// Quotations in single marks: in a headline, as headlines quote (`Jane Doe: 'We will win.'`),
/// so in the first paragraphs when they hold no double mark, and in every paragraph of a text
/// with no double mark at all (British style). `'` or `‘` before a word (not a digit) opens,
/// and `'` or `’` right after a word or a stop, before a space, a stop or the paragraph end,
/// closes (an apostrophe inside or after a word, `Clinton's`, `voters' reaction`, opens
/// nothing).
fn single_marks(text: &str, toks: &[Tok], regions: &[Region]) -> Vec<Region> {
    let mut out = Vec::new();
    let british = !toks.iter().any(|t| !t.word && is_quote_mark(first_char(text, t)));
    let paras = if british { toks.last().map_or(0, |t| t.para + 1) } else { HEADLINE_PARAGRAPHS };
    for para in 0..paras {
        let (a, b) = (toks.partition_point(|t| t.para < para), toks.partition_point(|t| t.para <= para));
        let double = (a..b).any(|i| !toks[i].word && is_quote_mark(first_char(text, &toks[i])));
        if a == b || double || regions.iter().any(|r| (a..b).contains(&r.open)) {
            continue;
        }
        let single = |i: usize| !toks[i].word && matches!(&text[toks[i].start..toks[i].end], "'" | "‘" | "’");
        let mut open: Option<usize> = None;
        for i in a..b {
            if !single(i) {
                continue;
            }
            let glued_next = toks.get(i + 1).is_some_and(|n| n.start == toks[i].end && n.para == para);
            match open {
                // (`the '90s`: a mark before a digit elides; it quotes nothing.)
                None if glued_next
                    && toks[i + 1].word
                    && !text[toks[i + 1].start..].starts_with(|c: char| c.is_ascii_digit())
                    && is_opening_position(toks, i) =>
                {
                    open = Some(i)
                }
                Some(o) if i > o + 1 && is_closing_position(toks, i) => {
                    let ends =
                        toks.get(i + 1).is_none_or(|n| n.para != para || !n.word || n.start > toks[i].end);
                    // (A title-case line quotes a headline's way too, but its words are no
                    // speech for a reader; a sentence has lowercase words.)
                    let words: Vec<&Tok> = toks[o + 1..i].iter().filter(|t| t.word).collect();
                    let sentence = words.len() >= 3 && words.iter().any(|t| !t.cap && t.lower.len() > 3);
                    if ends && sentence && !text[toks[i].start..toks[i].end].starts_with('‘') {
                        out.push(Region {
                            open: o,
                            close: Some(i),
                            content: Span::new(toks[o + 1].start, toks[i - 1].end),
                            toks: (o + 1, i),
                        });
                        open = None;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// A mark at a place where a quotation opens: paragraph start or after space/colon/comma.
fn is_opening_position(toks: &[Tok], i: usize) -> bool {
    i == 0
        || toks.get(i - 1).is_some_and(|p| p.end < toks[i].start || p.para != toks[i].para)
        || toks.get(i + 1).is_some_and(|n| n.start == toks[i].end && n.word)
}

/// A mark right after a word or punctuation with no space: where a quotation closes.
fn is_closing_position(toks: &[Tok], i: usize) -> bool {
    i > 0 && toks.get(i - 1).is_some_and(|p| p.end == toks[i].start && p.para == toks[i].para)
}
