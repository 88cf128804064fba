//! Indirect and mixed speech: `X said (that) ...`, `..., said X during ...`, `..., X said.`,
//! `According to X, ...` and `..., according to X.` The content is the clause, without `that`
//! and without the final full stop; it is mixed when it holds a quotation.

use crate::found::Found;
use crate::lexicon::{Frame, LEXICON};
use crate::source;
use crate::text::{Tok, View};
use newsdesk_model::{QuoteKind, Span};

const MAX_THAT_GAP: usize = 8;
/// The same after a cue naming who hears (`told one of his aides on a regular basis that`).
const MAX_ADDRESSEE_GAP: usize = 12;

/// Appends to `found` (which holds the direct quotes) the indirect quotes of `v` that its
/// cues and contents do not already cover.
pub fn find(v: &View, found: &mut Vec<Found>) {
    let first_new = found.len();
    let mut claims = Claims::new(v);
    // First the attributions that close a sentence (`..., the ministry said.`): their content
    // is the sentence, and a cue-like word inside it (`signed`) is no cue of its own.
    for i in 0..v.toks.len() {
        // (`..., according to X.` too: a cue inside the clause before it is no cue of its own,
        // `Members favored Obama by 20 points, according to a union poll`.)
        if let Some(end) = source::according_at(v, i) {
            claims.update(v, found);
            if !claims.free(i) || v.region_of(i).is_some() {
                continue;
            }
            let before = |f: &Found| f.content.end <= v.toks[i].start;
            if let Some(f) = according(v, i, end)
                .filter(|f| before(f) && (!claims.overlaps(v, f) || embeds_only(v, found, f)))
            {
                found.push(f);
            }
            continue;
        }
        // (So is `..., in a new CNN poll.`: `Americans viewed him favorably in the poll`; but
        // `half said so in the poll` is what half said.)
        let says = |f: &Found| {
            let (a, b) = (v.first_tok_from(f.content.start), v.first_tok_from(f.content.end));
            (a..b).any(|k| source::saying_at(v, k))
        };
        if let Some(f) = finding(v, i).filter(|f| f.content.end <= v.toks[i].start && !says(f)) {
            claims.update(v, found);
            if claims.free(i) && v.region_of(i).is_none() && !claims.overlaps(v, &f) {
                found.push(f);
            }
            continue;
        }
        let Some((end, Frame::Any)) = source::cue_at(v, i) else { continue };
        claims.update(v, found);
        let other_frame = source::according_at(v, i).is_some() || parenthetical(v, i, end).is_some();
        if !claims.free(i) || v.region_of(i).is_some() || is_noun_use(v, i) || other_frame {
            continue;
        }
        if let Some(f) = final_cue(v, i, end).filter(|f| !claims.overlaps(v, f)) {
            found.push(f);
        }
    }
    let mut i = 0;
    while i < v.toks.len() {
        claims.update(v, found);
        if !claims.free(i) || v.region_of(i).is_some() {
            i += 1;
            continue;
        }
        let hit = if let Some(end) = source::according_at(v, i) {
            according(v, i, end)
        } else if let Some(f) = finding(v, i) {
            Some(f)
        } else if let Some(f) = headline(v, i) {
            Some(f)
        } else if let Some(f) = reported_by(v, i) {
            Some(f)
        } else if let Some((end, Frame::Any)) = source::cue_at(v, i) {
            if is_noun_use(v, i) || appearance(v, i) {
                None
            } else if let Some((first, second)) = parenthetical(v, i, end) {
                if let Some(f) = first.filter(|f| !claims.overlaps(v, f)) {
                    found.push(f);
                    claims.update(v, found);
                }
                Some(second)
            } else {
                as_cue(v, i, end).or_else(|| final_cue(v, i, end)).or_else(|| subject_cue(v, i, end, found))
            }
        } else {
            None
        };
        match hit {
            Some(f) if !claims.overlaps(v, &f) || embeds_only(v, found, &f) => {
                i = f.cue.map_or(i + 1, |c| c.1.max(i + 1));
                found.push(f);
            }
            _ => i += 1,
        }
    }
    for f in found.iter_mut().skip(first_new) {
        // `Trump seems to ...`: the subject belongs to the content; there is no source.
        if let Some(c) = f.cue.filter(|c| source::sourceless_at(v, c.0)) {
            // (The content takes the subject in, and so the cue word between: `Carson seems
            // to recognize the problem` is one stretch, as annotators mark it.)
            let subject = f.source.filter(|s| s.1 <= c.0 && (s.1..c.0).all(|k| v.toks[k].word));
            if let Some(s) = subject.filter(|_| f.content.start >= v.toks[c.1 - 1].end) {
                f.content = Span::new(v.toks[s.0].start, f.content.end);
            }
            f.source = None;
            f.continues = None;
        }
        if holds_quote(v, f.content) {
            f.kind = QuoteKind::Mixed;
        }
    }
}

/// True when `content` holds a whole quotation and more: mixed speech.
pub(crate) fn holds_quote(v: &View, content: Span) -> bool {
    // Regions are in text order and never overlap: only the first one starting inside the
    // content can lie within it.
    let first = v.regions.partition_point(|r| r.content.start < content.start);
    v.regions.get(first).is_some_and(|r| content.contains(r.content) && r.content.len() < content.len())
}

/// True when every quote found so far that shares tokens with `f`'s content is a direct
/// quote lying in it with its cue and source, opening right after its cue (`he said that only
/// the Kochs wanted "open borders."`), or, when `f` is `according to`, with its cue after it
/// (`"...," X said at a press conference, according to the Sun`): speech reported inside
/// reported speech, which the outer content takes in.
fn embeds_only(v: &View, found: &[Found], f: &Found) -> bool {
    let (a, b) = (v.first_tok_from(f.content.start), v.first_tok_from(f.content.end));
    let inside = |r: Option<source::Range>| r.is_none_or(|(x, y)| a <= x && y <= b);
    let according = f.cue.is_some_and(|(c, _)| source::according_at(v, c).is_some());
    let mut any = false;
    for g in found.iter().filter(|g| g.content.overlaps(f.content)) {
        // (The quotation is the cue's object, with no comma between: a partial quote, not
        // speech of its own set off after `X said,`.)
        let opens = v.first_tok_from(g.content.start).saturating_sub(1);
        let closes = v.first_tok_from(g.content.end);
        let cue_placed = g.cue.is_some_and(|(x, y)| y == opens || (according && x >= closes));
        let embedded = g.kind == QuoteKind::Direct
            && cue_placed
            && f.content.contains(g.content)
            && inside(g.cue)
            && inside(g.source);
        if !embedded {
            return false;
        }
        any = true;
    }
    any
}

/// Which tokens the quotes found so far claim, as cue or as content (a token whose start
/// lies in a content), brought up to date with [`Claims::update`]: one pass over each quote,
/// so the scan stays linear however many quotes a text holds.
struct Claims {
    cue: Vec<bool>,
    content: Vec<bool>,
    seen: usize,
}

impl Claims {
    fn new(v: &View) -> Self {
        Claims { cue: vec![false; v.toks.len()], content: vec![false; v.toks.len()], seen: 0 }
    }

    /// Token indices whose start lies in `span`.
    fn toks_in(v: &View, span: Span) -> std::ops::Range<usize> {
        let a = v.toks.partition_point(|t| t.start < span.start);
        let b = v.toks.partition_point(|t| t.start < span.end);
        a..b.max(a)
    }

    fn update(&mut self, v: &View, found: &[Found]) {
        for f in found.iter().skip(self.seen) {
            if let Some((a, b)) = f.cue {
                for k in a..b.min(self.cue.len()) {
                    self.cue[k] = true;
                }
            }
            for k in Self::toks_in(v, f.content) {
                self.content[k] = true;
            }
        }
        self.seen = found.len();
    }

    fn free(&self, i: usize) -> bool {
        !self.cue.get(i).copied().unwrap_or(false) && !self.content.get(i).copied().unwrap_or(false)
    }

    /// Whether `f`'s content shares a token with a content already found (contents start and
    /// end on token boundaries, so this is their overlap).
    fn overlaps(&self, v: &View, f: &Found) -> bool {
        Self::toks_in(v, f.content).any(|k| self.content[k])
    }
}

/// `the said`, `a report`, `Sanders's claim`: a cue word used as a noun or after `to`.
fn is_noun_use(v: &View, i: usize) -> bool {
    // (`271 pledged delegates`, `3 confirmed deaths`: a participle between a number and its
    // noun describes the noun; `found itself in`, `find themselves`: no finding reported.)
    let t = &v.toks[i];
    let numbered = i > 0
        && v.toks[i - 1].lower.starts_with(|c: char| c.is_ascii_digit())
        && t.lower.ends_with("ed")
        && v.toks.get(i + 1).is_some_and(|n| {
            n.word
                && !n.cap
                && n.sent == t.sent
                && !["stop", "boundary", "clause_word", "adverb"].iter().any(|c| LEXICON.is(&n.lower, c))
        });
    let reflexive = matches!(t.lower.as_str(), "found" | "find" | "finds" | "finding")
        && v.toks.get(i + 1).is_some_and(|n| n.lower.ends_with("self") || n.lower.ends_with("selves"));
    if numbered || reflexive || connective(v, i) {
        return true;
    }
    i > 0
        && v.toks.get(i - 1).is_some_and(|p| {
            // (`another says`, `each claims`: a singular determiner before a verb in -s stands
            // alone as the subject.)
            let t = &v.toks[i].lower;
            let singular =
                matches!(p.lower.as_str(), "another" | "each" | "every" | "one" | "this" | "either")
                    && t.ends_with('s')
                    && !t.ends_with("ss");
            let det = LEXICON.is(&p.lower, "det") && !source::is_quantifier(&p.lower) && !singular;
            p.word && (det || p.lower == "to" || source::possessive(&p.lower))
        })
}

/// True when the cue-like word at `i` only links clauses, reporting nobody's words:
/// `Having said that, ...`, `That said, ...`, `..., compared with 30 percent`.
pub(crate) fn connective(v: &View, i: usize) -> bool {
    let t = &v.toks[i];
    let prev = |k: usize| i >= k && v.toks[i - k].sent == t.sent;
    let next = |w: &[&str]| v.toks.get(i + 1).is_some_and(|n| w.contains(&n.lower.as_str()));
    match t.lower.as_str() {
        "said" => {
            (prev(1) && v.toks[i - 1].lower == "having" && next(&["that"]))
                || (prev(1) && v.toks[i - 1].lower == "that" && v.punct(i + 1, ",") && !prev(2))
        }
        "compared" => {
            next(&["to", "with"]) && (!prev(1) || v.punct(i - 1, ",(") || v.toks[i - 1].lower == "as")
        }
        _ => false,
    }
}

/// First and one-past-last token of the sentence holding token `i`, without a dateline that
/// opens its paragraph.
fn sentence(v: &View, i: usize) -> (usize, usize) {
    let (a, b) = v.sentence_of(i);
    (source::dateline_end(v, a, i).unwrap_or(a), b)
}

/// The content span of tokens `[a, b)` without final punctuation; `None` when under two words.
pub(crate) fn content(v: &View, a: usize, mut b: usize) -> Option<Span> {
    while b > a && v.punct(b - 1, ".,;:!?—–-") {
        b -= 1;
    }
    let mut a = a;
    while a < b && v.punct(a, ",;:—–-") {
        a += 1;
    }
    let words = (a..b).filter(|&k| v.toks[k].word).count();
    (words >= 2).then(|| v.tok_span(a, b))
}

/// The end of an object `[a, b)` without a closing time adverbial (`endorsed Cruz last week`,
/// `backed him on Monday`).
pub(crate) fn without_time(v: &View, a: usize, mut b: usize) -> usize {
    while b > a && v.punct(b - 1, ".,;:!?") {
        b -= 1;
    }
    let time = |k: usize| v.toks[k].word && LEXICON.is(&v.toks[k].lower, "time");
    if b > a + 2
        && LEXICON.is(&v.toks[b - 1].lower, "time_noun")
        && (time(b - 2) || v.toks[b - 2].lower == "on")
    {
        b -= 2;
        // (`issued its alert on Tuesday morning`: not `its alert on`.)
        if b > a + 1
            && matches!(v.toks[b - 1].lower.as_str(), "on" | "by" | "until" | "since" | "early" | "late")
        {
            b -= 1;
        }
    } else if b > a + 1 && time(b - 1) && !matches!(v.toks[b - 1].lower.as_str(), "this" | "last" | "next") {
        // (A lone `this`, `last` or `next` is a pronoun or adjective: `a case like this`.)
        b -= 1;
        if b > a + 1 && v.toks[b - 1].lower == "on" {
            b -= 1;
        }
    }
    b
}

/// `endorsed Sanders`, `attacked Machado`: an object that is one capitalised word.
fn lone_name(v: &View, a: usize, mut b: usize) -> Option<Span> {
    while b > a && v.punct(b - 1, ".,;:!?—–-") {
        b -= 1;
    }
    // (Not a day or month: `..., the company said on Monday.`)
    let name = b == a + 1
        && v.toks[a].word
        && v.text[v.toks[a].start..].starts_with(char::is_uppercase)
        && !LEXICON.is(&v.toks[a].lower, "time");
    name.then(|| v.tok_span(a, b))
}

/// Where a content that starts at `a` ends: the sentence end, or earlier before `, adding`,
/// `, according to` or `, he said`.
pub(crate) fn content_end(v: &View, a: usize, sent_end: usize) -> usize {
    let past = |j: usize| v.toks[j].word && v.toks[j].lower.len() > 3 && v.toks[j].lower.ends_with("ed");
    // Whether tokens `[a, k)` hold a past-tense form (kept as `k` moves: linear time).
    let mut past_before = false;
    for k in a..sent_end {
        past_before |= k > a && past(k - 1);
        if v.region_of(k).is_some() {
            continue;
        }
        // `... his statements: "..."`: what a colon introduces is another content.
        if k > a && v.punct(k, ":") {
            return k;
        }
        // `... momentum and said that ...`: a second cue of the same source.
        // Also with a subject of its own: `... computers and she accused Trump of ...`.
        // (Only a verb of saying, or a past-tense cue when the content has no past-tense verb
        // of its own to coordinate with: `they said he rated them and talked about ...` goes
        // on with the reported clause's own subject, `tweeted that she was "a con" and
        // encouraged ...` does not.)
        let and = matches!(v.toks[k].lower.as_str(), "and" | "but");
        let cue_after = |j: usize| {
            source::cue_at(v, j).is_some_and(|(_, f)| f == Frame::Any)
                && (source::saying_at(v, j) || (past(j) && !past_before))
        };
        // (An adverb may stand before the cue: `... and she also insisted that ...`.)
        let adverbs = |j: usize| {
            (j..sent_end.min(j + 2))
                .take_while(|&i| {
                    matches!(v.toks[i].lower.as_str(), "also" | "then" | "later" | "again" | "further")
                })
                .count()
        };
        let pronoun = k + 2 < sent_end && source::is_pronoun(v, (k + 1, k + 2));
        // (Or a named subject: `... mishandled the investigation and Democrats accused ...`;
        // not a second name of one subject, `Cruz and Rubio implied`.)
        let named = |j: usize| {
            !(v.toks[j - 2].word && v.toks[j - 2].cap)
                && v.toks.get(j).is_some_and(|t| t.cap)
                && source::after(v, j).is_some_and(|(_, e)| {
                    let e = e + adverbs(e);
                    e < sent_end && source::verb_cue_at(v, e)
                })
        };
        let joined_cue = and
            && (cue_after(k + 1 + adverbs(k + 1))
                || (pronoun && cue_after(k + 2 + adverbs(k + 2)))
                || (k > a && named(k + 1)));
        if k > a && joined_cue {
            return k;
        }
        // `... said that there is "no case," adding that ...`: the quotation's own comma.
        let quoted_comma = k > a && v.closes_quote_after_comma(k);
        // (A dash too: `... won — the actress also pointed that ...`.)
        // (Never a place's comma: `criticized Tulsa, Okla., police officer ...`.)
        if (!v.punct(k, ",;—–-") && !quoted_comma) || v.place_comma(k) {
            continue;
        }
        let end_here = if quoted_comma { k + 1 } else { k };
        let mut next = k + 1;
        // `..., and suggested that ...`: a second attribution by the same source; `..., while
        // another says ...`: one by another source.
        // (`..., after half said so`: a clause of another source opened by a conjunction.)
        let opens_clause = |t: &crate::text::Tok| {
            matches!(
                t.lower.as_str(),
                "and" | "but" | "while" | "whereas" | "after" | "before" | "because" | "although" | "though"
            )
        };
        if v.toks.get(next).is_some_and(opens_clause) {
            next += 1;
        }
        let cue_next = source::cue_at(v, next).is_some() || source::according_at(v, next).is_some();
        let subject_cue = source::after(v, next).is_some_and(|(_, e)| source::cue_at(v, e).is_some());
        // (`..., and more than 4 in 10 said ...`, `While X said ..., he said ...`: a subject
        // that only a cue reading backwards finds.)
        let cue_within = (next + 1..(next + 10).min(sent_end))
            .take_while(|&e| v.toks[e].word)
            .find(|&e| source::cue_at(v, e).is_some_and(|(_, f)| f == Frame::Any));
        let quantifier = |k: usize| {
            matches!(
                v.toks[k].lower.as_str(),
                "more" | "less" | "fewer" | "than" | "about" | "nearly" | "almost" | "only" | "just"
            )
        };
        // (Not a relative word: `..., which could have allowed him to ...` goes on describing.)
        let relative =
            v.toks.get(next).is_some_and(|t| matches!(t.lower.as_str(), "which" | "where" | "whose"));
        let source_then_cue = !relative
            && cue_within.is_some_and(|e| {
                source::before(v, e).is_some_and(|s| s.0 >= next && (next..s.0).all(quantifier))
            });
        if cue_next || subject_cue || source_then_cue {
            return end_here;
        }
    }
    sent_end
}

/// `Sanders: Brexit's message could draw Trump support.` at a paragraph start: a name of at
/// most four capitalised words, a colon, and a statement (headlines, transcripts); no label
/// word that names a kind of piece (`The Latest:`).
fn headline(v: &View, i: usize) -> Option<Found> {
    let para = v.toks[i].para;
    if i > 0 && v.toks[i - 1].para == para {
        return None;
    }
    let colon = (i..(i + 5).min(v.toks.len())).find(|&k| v.punct(k, ":"))?;
    // (A label such as `The Latest:` or `Correction:` names the kind of piece, not a speaker.)
    let name_like = colon > i
        && (i..colon).all(|k| {
            v.toks[k].word
                && v.text[v.toks[k].start..].starts_with(char::is_uppercase)
                && !LEXICON.is(&v.toks[k].lower, "kicker")
        });
    if !name_like || v.region_of(colon + 1).is_some() && v.regions.iter().any(|r| r.open == colon + 1) {
        return None;
    }
    let mut end = colon + 1;
    while end < v.toks.len() && v.toks[end].para == para && v.toks[end].sent == v.toks[colon + 1].sent {
        end += 1;
    }
    // (`Superdelegates: Clinton leads ..., according to the AP.`: the statement names its own
    // source, and the label is a topic.)
    if (colon + 1..end).any(|k| source::according_at(v, k).is_some()) {
        return None;
    }
    let span = content(v, colon + 1, end)?;
    Some(Found::new(QuoteKind::Indirect, span, Some((colon, colon + 1)), Some((i, colon))))
}

/// Irregular past participles that open an aside after a source (`seen by Reuters`).
const PARTICIPLES: &[&str] =
    &["seen", "obtained", "written", "shown", "given", "drawn", "sent", "made", "taken"];

/// `According to X, ...` and `..., according to X.`
fn according(v: &View, i: usize, end: usize) -> Option<Found> {
    // (`according to early returns`, `according to media trackers`: after `according to`, any
    // noun phrase is a source.)
    let src = source::after(v, end).or_else(|| source::after_any(v, end))?;
    let (mut sa, sb) = sentence(v, i);
    // (`"Is it over?" X said, according to Y`, `"I know them. I want to run," X replied,
    // according to Y`: the sentence starts inside a quotation that opens a sentence, or right
    // after one that its own `?` or `!` closed.)
    let asks = |c: usize| c > 0 && v.punct(c - 1, "?!");
    let holds = |r: &&crate::text::Region| {
        r.open < sa && r.close.is_some_and(|c| c < i && (sa <= c || (sa == c + 1 && asks(c))))
    };
    if let Some(r) = v.regions.iter().find(holds) {
        let opens_sentence = r.open == 0 || v.toks[r.open - 1].sent != v.toks[r.open].sent;
        if opens_sentence && v.toks[r.open].para == v.toks[sa].para {
            sa = r.open;
        }
    }
    // A clause opens the sentence or follows a colon, semicolon or dash.
    // (A dash right before `according` closes the content instead: `... — according to X.`)
    let opens = |k: usize| v.punct(k, ":;") || (v.punct(k, "—–") && k + 1 < i);
    let sa = (sa..i).rev().find(|&k| opens(k)).map_or(sa, |k| k + 1);
    let first_word = (sa..i).all(|k| !v.toks[k].word || LEXICON.is(&v.toks[k].lower, "boundary"));
    // `According to the officer in charge of the base that night, the scene ...`: opening the
    // sentence, the source runs to its comma (a phrase with no cue and no quotation).
    let src = match (src.1..(end + 20).min(sb)).find(|&k| v.punct(k, ",")) {
        Some(c)
            if first_word
                && !v.punct(src.1, ",")
                && (src.1..c).all(|k| v.toks[k].word && v.region_of(k).is_none()) =>
        {
            (src.0, c)
        }
        _ => src,
    };
    // `According to the bank's chief economist, Hanna Vos, a strike ...`: the name after a
    // person's noun is the source's too.
    let src = match appositive_name(v, src, sb) {
        Some(c) if first_word => (src.0, c),
        _ => src,
    };
    if first_word && v.punct(src.1, ",") {
        // (`According to one draft, seen by this newspaper, the Greens offered ...`: a
        // participle's aside after the source is neither source nor content.)
        let mut from = src.1 + 1;
        let participle = v.toks.get(from).is_some_and(|t| {
            t.word && !t.cap && (t.lower.ends_with("ed") || PARTICIPLES.contains(&t.lower.as_str()))
        });
        if participle {
            if let Some(c) = (from + 1..(from + 15).min(sb)).find(|&k| v.punct(k, ",")) {
                from = c + 1;
            }
        }
        let span = content(v, from, content_end(v, from, sb))?;
        return Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), Some(src)));
    }
    // `... 46 percent to 39 percent according to a CBS poll.`: no comma, but the attribution
    // closes the sentence.
    if i > sa + 2 && v.toks[i - 1].word && only_adjuncts(v, src.1, sb) {
        let span = content(v, sa, i)?;
        return Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), Some(src)));
    }
    if i > sa && v.punct(i - 1, ",—–") {
        // `..., according to complete but unofficial returns.`, `..., according to the "Medicare
        // for all" document he released.`: closing the sentence, the source runs to its end.
        let mut last = sb;
        while last > src.1 && !v.toks[last - 1].word && !v.closes_quote(last - 1) {
            last -= 1;
        }
        let src = if last > src.1 && last - end <= 16 && (src.1..last).all(|k| !v.punct(k, ",;:—–()")) {
            (src.0, last)
        } else {
            src
        };
        // `Over the long term, according to X, the deficit ...`: a parenthesis inside the
        // content, whose longer side is taken.
        // (Not a relative clause on the source: `..., according to the Red Cross, which said
        // its teams ...`.)
        let words = |a: usize, b: usize| (a..b).filter(|&k| v.toks[k].word).count();
        let relative =
            v.toks.get(src.1 + 1).is_some_and(|t| matches!(t.lower.as_str(), "which" | "who" | "whose"));
        if v.punct(src.1, ",") && v.punct(i - 1, ",") && !relative {
            let tail_end = content_end(v, src.1 + 1, sb);
            if words(src.1 + 1, tail_end) > words(sa, i - 1) {
                let span = content(v, src.1 + 1, tail_end)?;
                return Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), Some(src)));
            }
        }
        let span = content(v, sa, i - 1)?;
        return Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), Some(src)));
    }
    None
}

/// The end of a name of at most four capitalised words set off by commas after a source that
/// ends in a singular noun for a person (`the bank's chief economist, Hanna Vos,`).
fn appositive_name(v: &View, src: source::Range, sb: usize) -> Option<usize> {
    let last = &v.toks[src.1.checked_sub(1)?].lower;
    if !v.punct(src.1, ",") || last.ends_with('s') || !LEXICON.is_person_noun(last) {
        return None;
    }
    let from = src.1 + 1;
    let close = (from..(from + 6).min(sb)).find(|&k| v.punct(k, ","))?;
    let particle =
        |w: &str| matches!(w, "van" | "von" | "de" | "der" | "da" | "del" | "la" | "le" | "bin" | "al");
    let name = close > from
        && v.toks[from].cap
        && (from..close).all(|k| {
            (v.toks[k].word && (v.toks[k].cap || particle(&v.toks[k].lower))) || (k > from && v.punct(k, "."))
        });
    name.then_some(close)
}

/// `appeared on CNN`, `appear at the rally`: a verb of appearance before a preposition of
/// place or occasion is no cue.
fn appearance(v: &View, i: usize) -> bool {
    LEXICON.is(&v.toks[i].lower, "appearance")
        && v.toks.get(i + 1).is_some_and(|n| {
            (LEXICON.is(&n.lower, "stop") || matches!(n.lower.as_str(), "with" | "together" | "alongside"))
                && !matches!(n.lower.as_str(), "to" | "as" | "that")
        })
}

/// `Clinton leads by eight points in a new CNN poll.` and `In a CBS News survey, she led ...`:
/// `in` before a phrase headed by a finding noun (`poll`, `survey`, `study`) is the cue, the
/// phrase the source, the clause it closes (or, opening the sentence, the one after its comma)
/// the content.
fn finding(v: &View, i: usize) -> Option<Found> {
    if v.toks[i].lower != "in" {
        return None;
    }
    let (sa, sb) = sentence(v, i);
    // The head noun within a short phrase: `in a new CNN/ORC poll`, `in the polls`, `in an NBC
    // News/Wall Street Journal poll`.
    // (No preposition in between: `in the District of Columbia head to the polls` is no poll.)
    let head = (i + 1..(i + 10).min(sb))
        .take_while(|&k| (v.toks[k].word && !LEXICON.is(&v.toks[k].lower, "stop")) || v.punct(k, "/-.'’"))
        .find(|&k| LEXICON.is(&v.toks[k].lower, "finding"))?;
    // (`in January polls`, `in public opinion polls`: a plural needs no determiner.)
    let det = v.toks.get(i + 1).is_some_and(|t| LEXICON.is(&t.lower, "det"));
    // (`In offering analysis of ...`: no plural, and a gerund opens no poll's name.)
    let h = v.toks[head].lower.as_str();
    let plural_form = h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("sis") && !h.ends_with("us");
    let plural = plural_form && (i + 1..head).all(|k| v.toks[k].word && !v.toks[k].is_ing_form());
    if !det && !plural {
        return None;
    }
    // (`..., the bank said (Tuesday) in a June report`: the phrase tells where the words of a
    // cue after a comma and its source stand; that verb is the cue.)
    let p = source::back_over(v, i, sa, |t| LEXICON.is(&t.lower, "time") || source::is_adverb(t));
    let cue_before = p > sa && source::cue_at(v, p - 1).is_some() && !source::noun_use(v, p - 1);
    if cue_before && source::before(v, p - 1).is_some_and(|r| r.0 > sa && v.punct(r.0 - 1, ",")) {
        return None;
    }
    let src = (i + 1, head + 1);
    if i == sa || (i > sa && source::dateline_end(v, sa, i) == Some(i)) {
        // Opening the sentence: the content follows the phrase's comma.
        let comma = (head + 1..sb).find(|&k| v.punct(k, ","))?;
        let span = content(v, comma + 1, content_end(v, comma + 1, sb))?;
        return Some(Found::new(QuoteKind::Indirect, span, Some((i, i + 1)), Some(src)));
    }
    // Closing the clause: nothing but adjuncts after the phrase (`released Monday`, `of
    // likely voters`), and a clause of three words or more before it.
    let mut after = head + 1;
    // (`in the latest poll released Wednesday, a collapse ...`: a participle and its time.)
    if v.toks.get(after).is_some_and(|t| t.word && !t.cap && t.lower.ends_with("ed") && after < sb) {
        after += 1;
        while after < sb && v.toks[after].word && LEXICON.is(&v.toks[after].lower, "time") {
            after += 1;
        }
    }
    // (`in a survey from Florida Southern College.`, `in a poll by CNN`: who ran it.)
    if v.toks.get(after).is_some_and(|t| matches!(t.lower.as_str(), "from" | "by" | "of" | "for")) {
        after += 1;
        while after < sb && v.toks[after].word {
            after += 1;
        }
    }
    let tail_ok = only_adjuncts(v, after, sb)
        || (head + 1..sb).all(|k| v.toks[k].word && !LEXICON.is(&v.toks[k].lower, "clause_word"))
            && source::cue_at(v, head + 1).is_none();
    // (`Cruz came in second, although Rubio moved up in a later survey`: the clause after a
    // comma and a conjunction.)
    let sa = (sa + 1..i)
        .rev()
        .find(|&k| {
            v.punct(k - 1, ",;") && LEXICON.is(&v.toks[k].lower, "boundary") && v.toks[k].lower != "that"
        })
        .map_or(sa, |k| k + 1);
    let words = (sa..i).filter(|&k| v.toks[k].word).count();
    if !tail_ok || words < 3 {
        return None;
    }
    let span = content(v, sa, i)?;
    Some(Found::new(QuoteKind::Indirect, span, Some((i, i + 1)), Some(src)))
}

/// What a source was the first to report, read around `reported by` (also `revealed`,
/// `disclosed`): the subject of the passive (`The meeting was first reported by Politico.`),
/// the noun phrase a participle describes (`The campaign, first reported by the Post, is ...`)
/// or the clause beside `as` (`..., as first reported by the Times.`, `As reported by X, ...`).
fn reported_by(v: &View, i: usize) -> Option<Found> {
    // (From the adverb too: `first reported` may be read as one cue.)
    let adverb = |k: usize| matches!(v.toks[k].lower.as_str(), "first" | "initially" | "originally" | "also");
    let i = if adverb(i) && i + 1 < v.toks.len() { i + 1 } else { i };
    if !matches!(v.toks[i].lower.as_str(), "reported" | "revealed" | "disclosed") {
        return None;
    }
    let (sa, sb) = sentence(v, i);
    let time = |k: usize| v.toks[k].word && LEXICON.is(&v.toks[k].lower, "time");
    let mut by = i + 1;
    while by < sb && time(by) {
        by += 1;
    }
    if v.toks.get(by).is_none_or(|t| t.lower != "by") {
        return None;
    }
    let src = source::after(v, by + 1)?;
    let mut tail = src.1;
    while tail < sb && time(tail) {
        tail += 1;
    }
    let mut p = i;
    while p > sa && adverb(p - 1) {
        p -= 1;
    }
    // A short noun phrase from the sentence start: words and possessive marks only.
    let phrase = |b: usize| {
        let plain = (sa..b).all(|k| v.toks[k].word || matches!(v.toks[k].lower.as_str(), "'" | "’"));
        (plain && b > sa && b - sa <= 12).then(|| content(v, sa, b).or_else(|| lone_name(v, sa, b))).flatten()
    };
    let found = |span: Span, cue_start: usize| {
        Found::new(QuoteKind::Indirect, span, Some((cue_start, by + 1)), Some(src))
    };
    let prev = p.checked_sub(1).map(|k| v.toks[k].lower.as_str());
    match prev {
        Some("was" | "were" | "is" | "are" | "been") if only_adjuncts(v, tail, sb) => {
            let mut q = p - 1;
            if v.toks[q].lower == "been"
                && q > sa
                && matches!(v.toks[q - 1].lower.as_str(), "has" | "have" | "had")
            {
                q -= 1;
            }
            let relative = q > sa && matches!(v.toks[q - 1].lower.as_str(), "which" | "that" | "who");
            if relative {
                return None;
            }
            phrase(q).map(|span| found(span, q))
        }
        Some(",") if v.punct(tail, ",") => phrase(p - 1).map(|span| found(span, p)),
        Some("as") if p - 1 == sa && v.punct(tail, ",") => {
            let span = content(v, tail + 1, content_end(v, tail + 1, sb))?;
            Some(found(span, p - 1))
        }
        Some("as") if p >= sa + 2 && v.punct(p - 2, ",") && only_adjuncts(v, tail, sb) => {
            let words = (sa..p - 2).filter(|&k| v.toks[k].word).count();
            let span = content(v, sa, p - 2).filter(|_| words >= 3)?;
            Some(found(span, p - 1))
        }
        _ => None,
    }
}

/// True when the tokens from `k` to the sentence end are only adjuncts: nothing, a comma, an
/// extension (`in a statement`) or a phrase opened by a stop word (`during a meeting`).
fn only_adjuncts(v: &View, k: usize, sent_end: usize) -> bool {
    k >= sent_end
        || v.punct(k, ",.;!?")
        || v.toks.get(k).is_some_and(|t| t.word && LEXICON.is(&t.lower, "time"))
        || v.toks.get(k).is_some_and(|t| {
            t.word
                && LEXICON.is(&t.lower, "stop")
                && !matches!(t.lower.as_str(), "that" | "who" | "which" | "to")
        })
        || source::phrase_at(v, k, "extension").is_some()
}

/// Forms of `be` before a passive participle (`was told`, `had been warned`).
const PASSIVE_AUXILIARIES: [&str; 8] = ["is", "are", "was", "were", "be", "been", "being", "get"];

/// `CONTENT, said X (during ...).` and `CONTENT, X said.`: the content before the comma.
fn final_cue(v: &View, i: usize, end: usize) -> Option<Found> {
    let (sa, sb) = sentence(v, i);
    // `..., pointing to his record`: a participle after a comma takes an object, no source.
    let participle = v.toks[i].lower.ends_with("ing");
    let tell = matches!(v.toks[i].lower.as_str(), "told" | "tells" | "tell");
    // (`..., his aide, Jo Park, told CNN.`: after `told` comes who hears, never the source.)
    let (src, comma) = if i > 0 && v.punct(i - 1, ",") && !participle && !tell {
        let src = source::after(v, end).filter(|&r| source::names_someone(v, r))?;
        // `Jane Doe, the party's chairman, said his ...`: the subject before an apposition.
        // (Of at most six words: `The port lost money on every ship it handled, which
        // surprised the board, said Jo Park` opens with a clause, not a subject.)
        let subject_first = source::before_apposition(v, i)
            .is_some_and(|r| r.0 == sa && (r.0..r.1).filter(|&k| v.toks[k].word).count() <= 6);
        // (`..., said a handful of Democrats who point to ...`: a relative clause on the source.)
        let relative = |k: usize| v.toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "who" | "whose"));
        let tail_ok =
            only_adjuncts(v, src.1, sb) || relative(src.1) || (v.punct(src.1, ",") && relative(src.1 + 1));
        if !tail_ok || subject_first {
            return None;
        }
        (src, i - 1)
    } else {
        let at = if tell && i > 0 && v.punct(i - 1, ",") { i - 1 } else { i };
        let src = source::before(v, at)?;
        // `..., the mayor told a local radio station.`, `..., the president told her.`: the
        // person told is no content.
        let end = match source::after(v, end).filter(|r| tell && r.1 - r.0 <= 6 && r.1 <= sb) {
            Some(addressee) => addressee.1,
            None if tell && v.toks.get(end).is_some_and(|t| object_pronoun(&t.lower)) => end + 1,
            None => end,
        };
        // `..., Trump said (on Monday).`: a short tail, or the seed's `, X reports` after a comma.
        // (`, he said Wednesday morning on ...`: a time word opens an adjunct too; `reported on
        // Tuesday -- a development that ...`: what follows a dash is no part of the tail.)
        let adjunct = v
            .toks
            .get(end)
            .is_some_and(|t| t.word && (LEXICON.is(&t.lower, "stop") || LEXICON.is(&t.lower, "time")));
        // (Nor is a participle clause after a comma: `said Tuesday in Paris, noting that ...`.)
        let participle_clause = |k: usize| v.punct(k, ",") && v.toks.get(k + 1).is_some_and(Tok::is_ing_form);
        let dash = |k: usize| v.punct(k, "—–") || (v.punct(k, "-") && v.punct(k + 1, "-"));
        let tail_end = (end..sb.min(end + 16)).find(|&k| dash(k) || participle_clause(k));
        let tail = tail_end.unwrap_or(sb).saturating_sub(end);
        // (`, lawmakers said Friday afternoon, as they ...`: time words, then a comma.)
        let timed = |k: usize| {
            v.toks.get(k).is_some_and(|t| {
                t.word && (LEXICON.is(&t.lower, "time") || LEXICON.is(&t.lower, "time_noun"))
            })
        };
        // (Also after a preposition before time words: `said on Sunday, as ...`.)
        let before_time = |k: usize| {
            matches!(v.toks[k].lower.as_str(), "on" | "late" | "early" | "this" | "last") && timed(k + 1)
        };
        let after_time =
            (end..sb).find(|&k| !timed(k) && !before_time(k)).is_some_and(|k| k > end && v.punct(k, ","));
        let short_tail = tail <= 8 || v.punct(end, ",") || (adjunct && tail <= 14) || after_time;
        // (`..., a fish listed as endangered.`: a participle and its `as` describe a noun; no
        // one speaks. `, he added as he left` keeps its cue.)
        let as_phrase =
            LEXICON.is(&v.toks[i].lower, "as_verb") && v.toks.get(end).is_some_and(|t| t.lower == "as");
        // (`..., she told reporters in The Hague that no request had been made.`: a cue with a
        // that-clause of its own after its adjuncts closes nothing; `at that meeting` is no
        // clause, nor one past a comma: `The difference now, he told me, is that ...`.)
        let own_clause = (end..tail_end.unwrap_or(sb)).take_while(|&k| !v.punct(k, ",")).any(|k| {
            v.toks[k].lower == "that"
                && k > 0
                && !source::preposition(&v.toks[k - 1].lower)
                && v.toks[k - 1].word
        });
        if as_phrase
            || own_clause
            || src.0 == 0
            || !v.punct(src.0 - 1, ",")
            || !only_adjuncts(v, end, sb)
            || !short_tail
        {
            return None;
        }
        // `..., his top aide, Tad Devine, told CNN.`: a role before the name belongs to it.
        match role_before(v, sa, src.0 - 1) {
            Some(open) => ((open + 1, src.1), open),
            None => (src, src.0 - 1),
        }
    };
    if comma <= sa {
        return None;
    }
    // `On Tuesday, Trump said ...`: an adverbial opener is no content.
    let words = (sa..comma).filter(|&k| v.toks[k].word).count();
    // `But that is not enough, he said.`: a conjunction, then a subject `that`, is no opener.
    let first = if LEXICON.is(&v.toks[sa].lower, "conjunction") { sa + 1 } else { sa };
    let w = v.toks.get(first).map_or("", |t| t.lower.as_str());
    let opener = w != "that" && (LEXICON.is(w, "stop") || LEXICON.is(w, "boundary"));
    let short_opener = opener && words <= 6 && !(sa..comma).any(|k| v.punct(k, ","));
    // (Nor a participle and its preposition: `Asked about state support, she told ...`,
    // `Speaking in Paris, he said ...`; a gerund subject has a verb: `Raising taxes would
    // hurt, he said`.)
    let participle_opener = w.len() > 4
        && (w.ends_with("ed") || w.ends_with("ing"))
        && v.toks
            .get(first + 1)
            .is_some_and(|t| source::preposition(&t.lower) || LEXICON.is(&t.lower, "question_word"))
        && !(first..comma).any(|k| v.toks[k].word && LEXICON.is(&v.toks[k].lower, "clause_word"));
    if words < 3 || short_opener || participle_opener || adverbial_opener(v, first, comma) {
        return None;
    }
    let span = content(v, sa, comma)?;
    // (`..., the mayor was told.`: a passive verb of saying has no source in its subject
    // (auxiliaries count as adverbs in the source reader). Not `has been warning`, a
    // progressive, nor `were outraged`, whose subject feels what the content says.)
    let p = source::back_over(v, i, 0, source::is_adverb);
    let passive = (p.saturating_sub(1)..i).any(|k| PASSIVE_AUXILIARIES.contains(&v.toks[k].lower.as_str()))
        && source::saying_at(v, i)
        && !v.toks[i].is_ing_form()
        && v.toks[i].lower != "quoted";
    Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), (!passive).then_some(src)))
}

/// `As The Washington Post reported, ...` and `..., as the Times reported on Tuesday.`: `as`
/// before a source and a cue that a comma or the sentence end closes (after time words at
/// most); the content is the clause on the other side of the comma.
fn as_cue(v: &View, i: usize, end: usize) -> Option<Found> {
    let (sa, sb) = sentence(v, i);
    let src = source::before(v, i)?;
    let as_at = src.0.checked_sub(1)?;
    if v.toks[as_at].lower != "as" || as_at < sa {
        return None;
    }
    let time = |k: usize| {
        v.toks
            .get(k)
            .is_some_and(|t| t.word && (LEXICON.is(&t.lower, "time") || LEXICON.is(&t.lower, "time_noun")))
    };
    let mut close = source::phrase_at(v, end, "extension").unwrap_or(end);
    // (`reported last week`, `said on Tuesday`; `said this, ...` is an object.)
    let before_time = |k: usize| matches!(v.toks[k].lower.as_str(), "on" | "last" | "this" | "that" | "next");
    while close < sb
        && v.toks[close].word
        && ((time(close) && !before_time(close))
            || v.toks[close].lower == "earlier"
            || (before_time(close) && time(close + 1)))
    {
        close += 1;
    }
    let at_comma = close < sb && v.punct(close, ",");
    let opens = as_at == sa || (as_at == sa + 1 && LEXICON.is(&v.toks[sa].lower, "conjunction"));
    let span = if opens && at_comma {
        content(v, close + 1, content_end(v, close + 1, sb))?
    } else if !opens && as_at > sa + 2 && v.punct(as_at - 1, ",") && (at_comma || only_adjuncts(v, close, sb))
    {
        content(v, sa, as_at - 1)?
    } else {
        return None;
    };
    Some(Found::new(QuoteKind::Indirect, span, Some((i, end)), Some(src)))
}

/// The comma opening `, his top aide,` when the comma at `comma` closes a role of at most
/// six words (a possessive or determiner, then lowercase words ending in a source noun).
fn role_before(v: &View, sa: usize, comma: usize) -> Option<usize> {
    let open = (comma.saturating_sub(7).max(sa)..comma).rev().find(|&k| v.punct(k, ","))?;
    let (a, b) = (open + 1, comma);
    let first = v.toks.get(a)?;
    let opens_role = matches!(first.lower.as_str(), "his" | "her" | "their" | "its" | "the" | "a" | "an");
    let plain = (a..b).all(|k| v.toks[k].word && !v.toks[k].cap || k == a);
    let head = b > a + 1 && LEXICON.is_source_noun(&v.toks[b - 1].lower);
    (opens_role && plain && head).then_some(open)
}

/// Tokens `[a, b)` are an adverbial opener, no content (`In particular`, `Over the long
/// term`): at most four words, the first a preposition or conjunction; or a longer phrase
/// opened by a preposition with neither a subject pronoun, an auxiliary, a comma nor a
/// quotation in it (`During his seven years in office`, `In offering analysis of the race`).
pub(crate) fn adverbial_opener(v: &View, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&k| v.toks[k].word).count();
    let first = v.toks.get(a).map_or("", |t| t.lower.as_str());
    // (`According to a person briefed on the case, the firm was warned`: a source, no content.)
    if source::according_at(v, a).is_some() {
        return true;
    }
    if words <= 4 && (LEXICON.is(first, "stop") || LEXICON.is(first, "boundary")) {
        return true;
    }
    // (Not a subordinator or relative word: `When he left office he was popular` is a clause.)
    let preposition = (LEXICON.is(first, "stop") || source::preposition(first))
        && !matches!(first, "that" | "who" | "which" | "where" | "to" | "as" | "when" | "while");
    preposition
        && words <= 12
        && (a + 1..b).all(|k| {
            let t = &v.toks[k];
            !v.punct(k, ",;:") && v.region_of(k).is_none() && !(t.word && LEXICON.is(&t.lower, "clause_word"))
        })
}

/// `Survival, Mr. X says, depends on ...`: a source and cue set off by commas inside the
/// content. Both parts, sharing the cue; the first is left out when it is only an adverbial
/// opener (`In particular, he said, ...`).
fn parenthetical(v: &View, i: usize, end: usize) -> Option<(Option<Found>, Found)> {
    let (sa, sb) = sentence(v, i);
    let src = source::before(v, i)?;
    if src.0 <= sa + 1 || !v.punct(src.0 - 1, ",") || v.region_of(src.0 - 1).is_some() {
        return None;
    }
    let mut close = source::phrase_at(v, end, "extension").unwrap_or(end);
    // `The solution, the partner told them, was simple.`
    if v.toks.get(close).is_some_and(|t| object_pronoun(&t.lower)) && v.punct(close + 1, ",") {
        close += 1;
    }
    if !v.punct(close, ",") || v.region_of(close + 1).is_some() {
        return None;
    }
    // `..., the group said, compared with $2,700 for ...`: a participle clause after the cue
    // is no content; the content is the clause before (`final_cue`).
    let participle = v.toks.get(close + 1).is_some_and(|t| {
        t.is_ing_form() || (t.word && !t.cap && matches!(t.lower.as_str(), "compared" | "according"))
    });
    if participle {
        return None;
    }
    let tail_end = content_end(v, close + 1, sb);
    let second = content(v, close + 1, tail_end)?;
    // (`..., near the stadium, which, Tompkins said, is full ...`: the relative clause is what
    // was said, not the sentence holding it.)
    let relative =
        src.0 - 2 > sa && matches!(v.toks[src.0 - 2].lower.as_str(), "which" | "who" | "whom" | "where");
    let fa = if relative { src.0 - 2 } else { sa };
    let words = (fa..src.0 - 1).filter(|&k| v.toks[k].word).count();
    let mut first = None;
    if !adverbial_opener(v, fa, src.0 - 1) {
        let span = if words == 1 { Some(v.tok_span(fa, src.0 - 1)) } else { content(v, fa, src.0 - 1) };
        first = span.map(|s| Found::new(QuoteKind::Indirect, s, Some((i, end)), Some(src)));
    }
    Some((first, Found::new(QuoteKind::Indirect, second, Some((i, end)), Some(src))))
}

/// `X said (on Monday) (that) ...`, `X told reporters that ...`, `..., adding that ...`.
fn subject_cue(v: &View, i: usize, end: usize, earlier: &[Found]) -> Option<Found> {
    let (_, sb) = sentence(v, i);
    // `..., adding that`, `before adding that`, `and saying that`: the speaker is the subject.
    // (Also after a quotation's own comma: `... "no case at all," adding that ...`.)
    let quoted_comma = i > 0 && v.closes_quote_after_comma(i - 1);
    let participle = v.toks[i].lower.ends_with("ing")
        && i > 0
        && (v.punct(i - 1, ",")
            || quoted_comma
            || matches!(v.toks[i - 1].lower.as_str(), "and" | "by" | "before" | "after" | "while" | "when"));
    // `When asked whether ..., she said`, `Asked about ..., he said`: a question with no asker.
    let when_asked = v.toks[i].lower == "asked"
        && (i == sentence(v, i).0
            || v.toks[i - 1].sent != v.toks[i].sent
            || matches!(v.toks[i - 1].lower.as_str(), "when" | "while" | "after" | "once" | "if"));
    // (`When asked by a host about ...`: the asker.)
    let asker = when_asked && v.toks.get(end).is_some_and(|t| t.lower == "by");
    let src = if asker {
        source::after(v, end + 1)
    } else if participle || when_asked {
        None
    } else {
        // `... and said`, `... but did note`: a second verb of the sentence's subject.
        let coordinated = source::conjunction_before(v, i).is_some();
        // `Voters who have listened to him said ...`: a subject with a relative clause.
        let relative = |s: &source::Range| {
            v.toks.get(s.1).is_some_and(|t| matches!(t.lower.as_str(), "who" | "which" | "that"))
        };
        let subject = || source::subject(v, i).filter(|s| s.1 < i && (coordinated || relative(s)));
        Some(source::before(v, i).or_else(|| source::before_apposition(v, i)).or_else(subject)?)
    };
    let mut k = source::phrase_at(v, end, "extension").unwrap_or(end);
    if let Some(s) = src.filter(|_| asker) {
        k = s.1;
    }
    // `said — on Twitter, as it happens — that ...`, `said (in a tweet) that`: an aside.
    if let Some(close) = aside_end(v, k, sb) {
        k = close + 1;
    }
    // `said (on) Tuesday the plan ...`: a time adverbial before the content.
    // (`reported on Sunday, citing officials, that ...`: or before an aside.)
    let on = usize::from(v.toks.get(k).is_some_and(|t| t.lower == "on"));
    if v.toks.get(k + on).is_some_and(|t| t.word && LEXICON.is(&t.lower, "time")) {
        let next = k + on + 1;
        if v.toks.get(next).is_some_and(|t| t.word) {
            k = next;
        } else if let Some(close) = aside_end(v, next, sb) {
            k = close + 1;
        }
    }
    // `46 percent of voters said yes, ...`: a one-word answer.
    // (Also a pro-form closing the sentence: `after half said so`, `only 50 percent believe that.`)
    let pro_form = |t: &crate::text::Tok| matches!(t.lower.as_str(), "so" | "that" | "this");
    let answer = v.toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "yes" | "no"))
        && v.toks.get(k + 1).is_none_or(|n| !n.word)
        || v.toks.get(k).is_some_and(pro_form) && (k + 1 >= sb || v.punct(k + 1, ".!?"))
        || v.toks.get(k).is_some_and(|t| t.lower == "so") && only_adjuncts(v, k + 1, sb);
    if answer {
        return Some(Found::new(QuoteKind::Indirect, v.tok_span(k, k + 1), Some((i, end)), src));
    }
    // `told me he ...`, `told them the plan ...`: the one told, then the content.
    let person = v.toks.get(k).is_some_and(|t| object_pronoun(&t.lower));
    if person && takes_addressee(v, i) && v.toks.get(k + 1).is_some_and(|t| t.word) {
        k += 1;
    } else if let Some(p) = addressee_then_clause(v, i, k, sb) {
        k = p;
    }
    // `that` after a short gap (`said on Monday that`, `told CNN that`); after a cue naming
    // who hears, a longer one, or a question word (`told one of his aides on a regular basis
    // that`, `told radio host Jo Park on Thursday how ...`).
    let addressee = takes_addressee(v, i);
    let gap = if addressee { MAX_ADDRESSEE_GAP } else { MAX_THAT_GAP };
    let plain = (k..(k + gap).min(sb)).take_while(|&g| {
        // Not past a subject or a verb: `said he believed that ...` reports `he believed`.
        let verb = g > k && source::cue_at(v, g).is_some();
        (v.toks[g].word || v.punct(g, ",")) && !LEXICON.is(&v.toks[g].lower, "clause_word") && !verb
    });
    // (`said witnesses saw a gun and that ...`: a `that` after `and` opens a second reported
    // clause, the first having none.)
    let coordinated = |g: usize| {
        g > k && v.toks[g].lower == "that" && matches!(v.toks[g - 1].lower.as_str(), "and" | "but" | "or")
    };
    let opener = plain.take_while(|&g| !coordinated(g)).filter(|&g| v.region_of(g).is_none()).find(|&g| {
        v.toks[g].lower == "that"
            || (addressee && g > k && matches!(v.toks[g].lower.as_str(), "how" | "whether" | "why"))
    });
    let that = opener.filter(|&g| v.toks[g].lower == "that");
    if let Some(t) = that {
        k = t + 1;
    } else if let Some(q) = opener.filter(|&g| v.toks[g].lower != "that") {
        k = q;
    } else if participle && v.toks.get(k).is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit())) {
        // `, claiming 41 percent of the vote`: a participle before a number takes an object.
        return None;
    } else {
        let t = v.toks.get(k)?;
        if v.punct(k, ":") {
            k += 1;
        } else if t.word && LEXICON.is(&t.lower, "question_word") {
            // `asked whether ...`, `explained how ...`: the question is the content.
        } else if t.word && LEXICON.is(&t.lower, "cue_preposition") {
            // `talked about X`, `called on X to ...`, `refused to comment`: the object.
            if t.lower != "to" {
                k += 1;
            }
        } else if !(t.word && (clause_start(v, k) || person_object(v, i, k))) {
            return None;
        }
    }
    let mut stop = content_end(v, k, sb);
    if that.is_none() && !v.toks.get(k).is_some_and(|t| LEXICON.is(&t.lower, "clause_word")) {
        // An object rather than a clause (`endorsed Clinton, calling her ...`): up to a comma.
        // (Not a place's comma: `criticized Tulsa, Okla., police officer ...`.)
        if let Some(c) =
            (k + 1..stop).find(|&c| v.punct(c, ",") && v.region_of(c).is_none() && !v.place_comma(c))
        {
            stop = c;
        }
        stop = without_time(v, k, stop);
    }
    // `rejected that argument`: `that` before a lone noun is a determiner of the object.
    let that_det = that.is_some_and(|t| content(v, t + 1, stop).is_none());
    let k = if that_det { k - 1 } else { k };
    // (`The team appeared paralyzed`: after a verb of seeming one word will do, the subject
    // joining the content.)
    let seeming = || {
        let one = stop == k + 1 || (stop == k + 2 && v.punct(k + 1, ".,;:!?"));
        (source::sourceless_at(v, i) && one && v.toks[k].word).then(|| v.tok_span(k, k + 1))
    };
    let span = content(v, k, stop).or_else(|| lone_name(v, k, stop)).or_else(seeming)?;
    let mut f = Found::new(QuoteKind::Indirect, span, Some((i, end)), src);
    if participle {
        // `..., adding that`: the speaker of a quote before in the same sentence, or else the
        // subject of the sentence (`Trump mocked ..., saying`).
        // (Not one inside its own content: `saying it showed "..."`.)
        f.continues = earlier.iter().rposition(|e| {
            e.content.start < v.toks[i].start
                && v.tok_from(e.content.start).is_some_and(|t| t.sent == v.toks[i].sent)
        });
        if f.continues.is_none() {
            f.source = Some(source::subject(v, i).filter(|s| s.1 <= i)?);
        }
    }
    Some(f)
}

/// The closing dash or parenthesis of an aside opening at token `k` (`— on Twitter, as it
/// happens —`, `(in a tweet)`), or the comma closing a participle phrase set off before a
/// `that` (`, citing two officials, that ...`), at most twelve tokens on, with no quotation
/// inside.
fn aside_end(v: &View, k: usize, sent_end: usize) -> Option<usize> {
    let participle = v.punct(k, ",") && v.toks.get(k + 1).is_some_and(Tok::is_ing_form);
    let closer = if v.punct(k, "—–") {
        "—–"
    } else if v.punct(k, "(") {
        ")"
    } else if participle {
        ","
    } else {
        return None;
    };
    let close = (k + 1..(k + 13).min(sent_end)).find(|&j| v.punct(j, closer))?;
    if participle && v.toks.get(close + 1).is_none_or(|t| t.lower != "that") {
        return None;
    }
    // (Regions are in text order: the first opening after `k` must open after the aside.)
    let next_open = v.regions.get(v.regions.partition_point(|r| r.open <= k)).map_or(usize::MAX, |r| r.open);
    let plain = next_open > close && (k + 1..close).all(|j| v.region_of(j).is_none());
    (plain && close > k + 1 && close + 1 < sent_end).then_some(close)
}

/// `told CNN she would ...`, `told The New York Times he ...`, `told the crowd it was ...`:
/// after a cue naming who hears, a name (or a determiner and one noun) then a subject
/// pronoun; the pronoun's index, where the reported clause starts.
pub(crate) fn addressee_then_clause(v: &View, cue: usize, k: usize, sent_end: usize) -> Option<usize> {
    let first = v.toks.get(k).filter(|t| t.word && takes_addressee(v, cue))?;
    let det = LEXICON.is(&first.lower, "det");
    // (`told analysts the company still planned ...`, `told jurors he had ...`: a bare plural
    // noun for people is who hears when a determiner or a subject pronoun opens a clause
    // right after it.)
    let plural = !det && !first.cap && first.lower.ends_with('s') && LEXICON.is_source_noun(&first.lower);
    let opens = |t: &crate::text::Tok| {
        LEXICON.is(&t.lower, "det")
            || matches!(
                t.lower.as_str(),
                "his" | "her" | "its" | "their" | "our" | "he" | "she" | "they" | "we" | "i" | "it"
            )
    };
    if plural && k + 2 < sent_end && v.toks.get(k + 1).is_some_and(opens) {
        return Some(k + 1);
    }
    // (Or a determiner after a name: `told the BBC the closures would ...`.)
    let p = (k + 1..(k + 7).min(sent_end)).find(|&g| {
        let t = &v.toks[g];
        let pronoun = t.word && LEXICON.is(&t.lower, "pronoun") && (!t.cap || t.lower == "i");
        let det_after_name = !t.cap && LEXICON.is(&t.lower, "det") && v.toks[g - 1].cap && g + 1 < sent_end;
        pronoun || det_after_name
    })?;
    let name_part = |g: usize| {
        let t = &v.toks[g];
        (t.word && t.cap) || source::possessive(&t.lower) || (t.lower == "." && g > k) || (g == k && det)
    };
    let named = (k..p).all(name_part);
    let described = det && p == k + 2 && v.toks[k + 1].word;
    (named || described).then_some(p)
}

/// `called him a liar`, `praised them`: an object pronoun after a cue that does not take an
/// addressee (`told him` names who hears, not what is said).
fn person_object(v: &View, cue: usize, k: usize) -> bool {
    // (Not `her`, which is as often a possessive: `praised her plan`.)
    object_pronoun(&v.toks[k].lower) && v.toks[k].lower != "her" && !takes_addressee(v, cue)
}

/// `me`, `him`, `her`, `them`, `us`.
fn object_pronoun(lower: &str) -> bool {
    matches!(lower, "me" | "him" | "her" | "them" | "us")
}

/// A one-word cue naming who hears next (`told him`, `met them`).
fn takes_addressee(v: &View, cue: usize) -> bool {
    LEXICON.phrases("addressee").iter().any(|p| p.len() == 1 && p[0] == v.toks[cue].lower)
}

/// A word that can open a reported clause: not a preposition, conjunction or object pronoun.
fn clause_start(v: &View, k: usize) -> bool {
    let t = &v.toks[k];
    let blocked =
        LEXICON.is(&t.lower, "stop") || LEXICON.is(&t.lower, "boundary") || LEXICON.is(&t.lower, "object");
    t.word && (!blocked || t.lower == "there") && source::cue_at(v, k).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contents the rules alone (direct, then indirect) find in `text`.
    fn contents(text: &str) -> Vec<String> {
        let seg = newsdesk_segment::segment(text);
        let v = View::new(text, &seg);
        let found = crate::rules(&v, &[]);
        found.iter().map(|f| v.slice(f.content).to_string()).collect()
    }

    #[test]
    fn the_person_told_is_no_content() {
        assert_eq!(
            contents("The bridge was safe and would soon reopen, the mayor told her."),
            ["The bridge was safe and would soon reopen"]
        );
    }

    #[test]
    fn a_poll_closing_its_sentence_is_a_source() {
        assert_eq!(
            contents("The mayor holds a nine-point lead over her rival in a new county poll."),
            ["The mayor holds a nine-point lead over her rival"]
        );
    }

    #[test]
    fn a_content_stops_before_a_coordinated_cue() {
        assert_eq!(
            contents("Ann Lee said the port was safe and she accused the board of hiding the report."),
            ["the port was safe", "the board of hiding the report"]
        );
        assert_eq!(
            contents("Ann Lee said the port was safe and added that it would reopen."),
            ["the port was safe", "it would reopen"]
        );
    }

    #[test]
    fn a_content_runs_on_over_a_coordinated_verb_that_is_not_one_of_saying() {
        // The reported clause's own subject refused, not the growers.
        assert_eq!(
            contents("The growers said the mayor ignored their letters and refused to meet them."),
            ["the mayor ignored their letters and refused to meet them"]
        );
        // With no past-tense verb in the reported clause, a past-tense cue after `and` is the
        // source's own second attribution.
        assert_eq!(
            contents("The minister wrote that the port was unsafe and blamed the board for the delay."),
            ["the port was unsafe", "the board for the delay"]
        );
    }

    /// Contents with their sources, as `source: content`.
    fn attributions(text: &str) -> Vec<String> {
        let seg = newsdesk_segment::segment(text);
        let v = View::new(text, &seg);
        let found = crate::rules(&v, &[]);
        // (`..., adding that ...` continues the attribution before it: its source.)
        let source = |f: &Found| {
            let f = f.continues.map_or(f, |k| &found[k]);
            f.source.map_or("-", |(a, b)| v.slice(v.tok_span(a, b)))
        };
        found.iter().map(|f| format!("{}: {}", source(f), v.slice(f.content))).collect()
    }

    #[test]
    fn a_final_cue_after_clauses_set_off_by_commas() {
        // A stretch between commas opened by a conjunction or a verb is a clause of the
        // content, not an apposition of a subject before it.
        assert_eq!(
            attributions(
                "The deal did not go over well with the board, and the talks broke down from there, said one person in the room."
            ),
            ["one person: The deal did not go over well with the board, and the talks broke down from there"]
        );
        assert_eq!(
            attributions(
                "Some of the claims are hard to prove, while others do not matter to voters, said Jo Park, a former official at the agency."
            ),
            ["Jo Park: Some of the claims are hard to prove, while others do not matter to voters"]
        );
        // An apposition still is one.
        assert_eq!(
            attributions("Jane Doe, the party's chairman, said her rival would fail."),
            ["Jane Doe: her rival would fail"]
        );
    }

    #[test]
    fn who_hears_is_no_part_of_the_reported_clause() {
        assert_eq!(
            contents("Rachel Owens told CNN she would demand an inquiry."),
            ["she would demand an inquiry"]
        );
        assert_eq!(contents("Rachel Owens told The New York Times he was wrong."), ["he was wrong"]);
        assert_eq!(contents("Rachel Owens told the crowd it was time to act."), ["it was time to act"]);
        // (A bare plural noun for people, then a determiner: `told analysts the company ...`;
        // not any plural: `tells stories the way ...` is what is told.)
        assert_eq!(
            contents("Ravi Menon told analysts the company still planned a buyback."),
            ["the company still planned a buyback"]
        );
        // (Or a subject pronoun: `told jurors he had ...`.)
        assert_eq!(
            contents("Ravi Menon told jurors he had delivered the cash himself."),
            ["he had delivered the cash himself"]
        );
        assert_eq!(
            contents("Ravi Menon tells stories the way his father did."),
            ["stories the way his father did"]
        );
        // (A name, then a determiner: `told the BBC the closures ...`.)
        assert_eq!(
            contents("Alan Whitfield told the BBC the closures would save money."),
            ["the closures would save money"]
        );
        // (A name with no clause after it is what was told: `told Jo Park to resign`.)
        assert_eq!(contents("Rachel Owens told Jo Park to resign."), ["Jo Park to resign"]);
    }

    #[test]
    fn a_passive_final_cue_of_saying_has_no_source() {
        assert_eq!(attributions("The rules were unfair, the mayor was told."), ["-: The rules were unfair"]);
        assert_eq!(
            attributions("The rules were unfair, the mayor said."),
            ["the mayor: The rules were unfair"]
        );
    }

    #[test]
    fn a_final_cue_with_time_words_then_a_clause_of_its_own() {
        assert_eq!(
            attributions(
                "The new rule is an insult to all farmers, local officials said Friday afternoon, as they gathered outside the hall to protest the vote on it."
            ),
            ["local officials: The new rule is an insult to all farmers"]
        );
        assert_eq!(
            attributions("LONDON ― The new rule is an insult to all farmers, local officials said."),
            ["local officials: The new rule is an insult to all farmers"]
        );
    }

    #[test]
    fn as_a_source_reported() {
        assert_eq!(
            attributions("As the paper reported last week, the mayor will resign in May."),
            ["the paper: the mayor will resign in May"]
        );
        assert_eq!(
            attributions("The mayor met the governor that day, as the Daily Star reported on Tuesday."),
            ["the Daily Star: The mayor met the governor that day"]
        );
        // `As he said this`: `as` opening a time clause with an object, no attribution.
        assert_eq!(
            attributions("As he said this, the crowd cheered loudly for the governor."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn according_to_any_noun_phrase() {
        assert_eq!(
            attributions("Late Sunday, Lee won the primary in the north, according to early returns."),
            ["early returns: Late Sunday, Lee won the primary in the north"]
        );
        assert_eq!(
            attributions(
                "The plan would cost $2 billion a year, according to the \"Care for all\" paper he wrote."
            ),
            ["the \"Care for all\" paper he wrote: The plan would cost $2 billion a year"]
        );
    }

    #[test]
    fn a_long_prepositional_opener_is_no_content() {
        assert_eq!(
            attributions(
                "During her four long years on the council, Mayor Ann Lee said, the harbour was rebuilt."
            ),
            ["Mayor Ann Lee: the harbour was rebuilt"]
        );
        assert_eq!(
            attributions("In reviewing the budget of the regional port, auditor Jo Park told the board that costs had doubled."),
            ["auditor Jo Park: costs had doubled"]
        );
        // A clause with its own auxiliary is content all the same.
        assert_eq!(
            attributions("In her view the harbour was never safe, Ann Lee said."),
            ["Ann Lee: In her view the harbour was never safe"]
        );
    }

    #[test]
    fn a_content_runs_on_over_a_relative_clause_and_a_coordinated_that() {
        assert_eq!(
            attributions("The mayor wrote that the port had lost $9 million in 1995, which could have allowed it to avoid taxes."),
            ["The mayor: the port had lost $9 million in 1995, which could have allowed it to avoid taxes"]
        );
        assert_eq!(
            attributions("Ann Lee said witnesses saw a gun and that one was found nearby."),
            ["Ann Lee: witnesses saw a gun and that one was found nearby"]
        );
    }

    #[test]
    fn a_verb_of_seeming_takes_its_subject_into_the_content() {
        assert_eq!(
            contents("Ann Lee appears to be slipping behind her rivals."),
            ["Ann Lee appears to be slipping behind her rivals"]
        );
        assert_eq!(contents("The port team appeared paralyzed."), ["The port team appeared paralyzed"]);
        // Appearing somewhere or with someone is no cue.
        assert_eq!(contents("The mayor appeared with Ann Lee last month in Leeds."), Vec::<String>::new());
        assert_eq!(contents("The mayor appeared on television on Monday."), Vec::<String>::new());
    }

    #[test]
    fn a_linking_said_is_no_cue() {
        assert_eq!(contents("Having said that, the port will reopen next week."), Vec::<String>::new());
        assert_eq!(contents("That said, the port will reopen next week."), Vec::<String>::new());
        assert_eq!(
            attributions("That said, Ann Lee said the port will reopen."),
            ["Ann Lee: the port will reopen"]
        );
    }

    #[test]
    fn a_participle_after_a_parenthetical_cue_leaves_the_clause_before() {
        assert_eq!(
            attributions("Fares would rise by 40 cents, the council said, compared with 10 cents last year."),
            ["the council: Fares would rise by 40 cents"]
        );
    }

    #[test]
    fn the_one_told_may_be_a_long_phrase() {
        assert_eq!(
            attributions("Lee told one of her oldest friends on a regular basis that the port was doomed."),
            ["Lee: the port was doomed"]
        );
        assert_eq!(
            attributions("Ann Lee told radio host Jo Park on Thursday how the port would be rebuilt."),
            ["Ann Lee: how the port would be rebuilt"]
        );
    }

    #[test]
    fn according_to_takes_the_cues_of_its_clause() {
        assert_eq!(
            attributions("Union members favored Lee by 20 points in 2012, according to a union poll."),
            ["a union poll: Union members favored Lee by 20 points in 2012"]
        );
        assert_eq!(
            attributions("Lee has support from 52 percent, while Roe has backing from 33 percent, according to a survey."),
            ["a survey: Lee has support from 52 percent, while Roe has backing from 33 percent"]
        );
    }

    #[test]
    fn a_finding_closing_a_clause_after_a_conjunction() {
        assert_eq!(
            attributions("Lee came second in January polls, although Roe moved up to first in a survey from the state college."),
            ["January polls: Lee came second", "a survey: Roe moved up to first"]
        );
        // (A word in -sis is no plural, and a gerund opens no poll's name.)
        assert_eq!(
            attributions("In offering analysis of the race, Ann Lee said the port was safe."),
            ["Ann Lee: the port was safe"]
        );
    }

    #[test]
    fn a_one_word_answer() {
        assert_eq!(
            attributions(
                "Asked if it was legal, 46 percent of voters said yes, compared with 23 percent last year."
            ),
            ["-: if it was legal", "46 percent of voters: yes"]
        );
        assert_eq!(
            attributions("Six in 10 say he is decisive, after half said so in the earlier poll."),
            ["Six in 10: he is decisive", "half: so"]
        );
        assert_eq!(attributions("Among parents, only 50 percent believe that."), ["only 50 percent: that"]);
    }

    #[test]
    fn the_one_told_and_an_aside_before_the_cue() {
        assert_eq!(
            attributions(
                "Murphy \u{2014} after a knock-on-wood gesture \u{2014} told me he has had a lucky life."
            ),
            ["Murphy: he has had a lucky life"]
        );
        assert_eq!(
            attributions("The budget deficit will grow this year, the budget office reported on Tuesday -- a shift that matters."),
            ["the budget office: The budget deficit will grow this year"]
        );
    }

    #[test]
    fn a_relative_clause_after_an_inverted_source() {
        assert_eq!(
            attributions("Holding the state is within her reach, said two aides who work for the campaign."),
            ["two aides: Holding the state is within her reach"]
        );
    }

    #[test]
    fn a_role_before_a_name_is_part_of_the_source() {
        assert_eq!(
            attributions(
                "Despite the defeats, the senator remains in the race, his top aide, Jo Park, told CNN."
            ),
            ["his top aide, Jo Park: Despite the defeats, the senator remains in the race"]
        );
    }

    #[test]
    fn asides_and_long_sources() {
        assert_eq!(
            attributions("According to the officer in charge of the base that night, the story is untrue."),
            ["the officer in charge of the base that night: the story is untrue"]
        );
        assert_eq!(
            attributions(
                "Her aide Jo Park said — on the radio, as it happens — that the town raised $4 million."
            ),
            ["Her aide Jo Park: the town raised $4 million"]
        );
        assert_eq!(
            attributions("In particular, George Will wrote, the senator can win the state."),
            ["George Will: the senator can win the state"]
        );
        assert_eq!(
            attributions("One says the city has the most, while another says the state has twice as many."),
            ["One: the city has the most", "another: the state has twice as many"]
        );
        assert_eq!(
            attributions(
                "Lee said that there is \u{201c}no case at all,\u{201d} adding that the board knew it."
            ),
            ["Lee: there is \u{201c}no case at all,\u{201d}", "Lee: the board knew it"]
        );
    }
}
