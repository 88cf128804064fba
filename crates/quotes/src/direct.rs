//! Direct speech: text in quote marks attributed by a cue right after it (`"...," said X`,
//! `"...," X said`), right before it (`X said, "..."`, `X emphasized: “...”`), or continuing
//! the speaker of a quote just before. Quoted text with none of these (scare quotes, titles)
//! is not speech.

use crate::found::Found;
use crate::lexicon::{Frame, LEXICON};
use crate::source::{self, Range};
use crate::text::{Region, Tok, View};
use newsdesk_model::{QuoteKind, Span};
use std::collections::HashMap;

const MAX_GAP: usize = 7;

/// The direct quotes of `v`, in text order, leaving out the quotations that overlap a
/// transcript's `turns` (whose marks open its paragraphs, not quotations of their own).
pub fn find(v: &View, turns: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut orphans = Vec::new();
    for r in v.regions.iter().filter(|r| !crate::transcript::overlaps(turns, v, r.content)) {
        let words = (r.toks.0..r.toks.1).filter(|&k| v.toks[k].word).count();
        if words == 0 {
            continue;
        }
        // The last token before the closing mark, past a closing single mark (`Sponsor,' "`).
        let mut l = r.toks.1 - 1;
        while l > r.toks.0 && v.punct(l, "'’") {
            l -= 1;
        }
        let last = v.toks.get(l).map(|t| t.lower.as_str()).unwrap_or("");
        let ends_open = matches!(last, "," | "?" | "!" | "—" | "–" | "-" | "…");
        let comma_after = r.close.is_some_and(|c| v.punct(c + 1, ","));
        // (`Citing “obligations at home,” the aide told reporters that ...`: a participle
        // opening the sentence takes the quotation as its object, and a cue after it that
        // takes a complement of its own reports something else.)
        let object_of_opener = participle_opener(v, r);
        let after = attribution_after(v, r)
            .filter(|a| ends_open || comma_after || closes_sentence(v, a))
            .filter(|a| !object_of_opener || !takes_complement(v, a));
        let before = signed(v, r)
            .or_else(|| attribution_before(v, r, words))
            .or_else(|| byline(v, r))
            .or_else(|| cue_sentence(v, r));
        // (`"A," X said, referring to Y, "b …"`: see [`aside`].)
        let aside =
            before.is_some_and(|(cue, _)| aside(v, r, cue) && split_continuation(v, r, &out).is_some());
        let before = before.filter(|_| !aside);
        // `X shouted, "A," Y said, "B"`: an attribution after that opens the next quotation
        // is that one's.
        let leads_on = after.is_some_and(|(cue, src)| {
            let e = src.map_or(cue.1, |s| s.1.max(cue.1));
            v.punct(e, ",:") && v.regions.binary_search_by_key(&(e + 1), |n| n.open).is_ok()
        });
        // `X, citing "...," said ...`, `Citing "...," the spokeswoman told ...`: a participle
        // opening a clause right before the opening mark takes the quotation as its object.
        let adjacent = before.is_some_and(|(cue, _)| {
            let participle = v.toks[cue.0].lower.ends_with("ing")
                && (starts_sentence(v, cue.0) || v.punct(cue.0.wrapping_sub(1), ","));
            participle && cue.1 == r.open
        });
        let chosen = match (after, before) {
            (Some(_), Some(b)) if leads_on || adjacent => Some(b),
            (Some(a), _) if ends_open => Some(a),
            (_, Some(b)) => Some(b),
            (Some(a), None) => Some(a),
            (None, None) => None,
        };
        // `his radio show, “Generations With Kevin,” X reported`: a title inside a sentence.
        let chosen =
            chosen.filter(|(cue, _)| cue.0 < r.open || starts_sentence(v, r.open) || !title_like(v, r));
        // `his book, ''An American Son.''`, `the show "The Apprentice."`: a named work.
        let chosen = chosen.filter(|_| !named_work(v, r));
        if let Some((cue, src)) = chosen {
            let mut f = Found::new(QuoteKind::Direct, r.content, Some(cue), src);
            if cue.0 > r.open {
                if let Some(start) = runs_back(v, r) {
                    // `The X will play the "woman card," Fiorina said`: a clause with a quotation.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(start, r.content.end);
                }
            }
            if cue.0 < r.open {
                if let Some(end) = runs_on(v, r) {
                    // `X said, "..." that ...`: the quotation is part of a longer content.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(r.content.start, end);
                }
                if let Some(start) = that_clause(v, r, cue) {
                    // `X said that he, "may represent change"`: the quotation ends a reported
                    // clause, which is the content.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(start, f.content.end);
                }
                if let Some(start) = src.and_then(|s| relative_object(v, r, cue, s)) {
                    // `which he called "a disgrace"`: the relative pronoun is the quotation's
                    // object, part of the content.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(start, f.content.end);
                }
                if let Some(start) = examples(v, r, cue) {
                    // `she says things such as, "..."`: the quotation is an example of the
                    // cue's object, which is the content.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(start, f.content.end);
                }
                if let Some(start) = src.and_then(|s| lead_clause(v, r, cue, s)) {
                    // `If it passes, he said, "prices will fall."`: the clause is content too.
                    f.kind = QuoteKind::Mixed;
                    f.content = newsdesk_model::Span::new(start, f.content.end);
                }
            }
            if src.is_none() {
                f.source = source::subject(v, cue.0).filter(|s| s.1 <= cue.0);
                if f.source.is_none() {
                    f.continues = out.len().checked_sub(1);
                }
            }
            out.push(f);
        } else if let Some(prev) = split_continuation(v, r, &out) {
            // (`"A," X said, suggesting a few questions, including, "B"`: B is X's too, with
            // its own cue.)
            let cue = participle_cue(v, r, &out[prev]).or(out[prev].cue);
            let mut f = Found::new(QuoteKind::Direct, r.content, cue, None);
            f.continues = Some(prev);
            if let Some(start) = cue.and_then(|c| examples(v, r, c)) {
                // (`..., suggesting a few questions, including, "B"`: see [`examples`].)
                f.kind = QuoteKind::Mixed;
                f.content = newsdesk_model::Span::new(start, f.content.end);
            }
            out.push(f);
        } else if let Some((start, prev)) = lead_continuation(v, r, &out) {
            // `"A," said X. Unless rivals quit, "B."`: a sentence with no cue of its own that
            // ends in a quotation goes on with the speaker of the quote before it.
            let mut f = Found::new(
                QuoteKind::Mixed,
                newsdesk_model::Span::new(start, r.content.end),
                out[prev].cue,
                None,
            );
            f.continues = Some(prev);
            out.push(f);
        } else if let Some((end, prev)) = trail_continuation(v, r, &out) {
            // `"A," said X. "B" or to control the arsenal.`: a sentence with no cue of its own
            // that opens with a quotation goes on with the speaker of the quote before it.
            let mut f = Found::new(
                QuoteKind::Mixed,
                newsdesk_model::Span::new(r.content.start, end),
                out[prev].cue,
                None,
            );
            f.continues = Some(prev);
            out.push(f);
        } else if (words >= 4 || right_after_cue(v, r, &out))
            && starts_sentence(v, r.open)
            && (ends_sentence(v, r) || narrator_after(v, r))
        {
            if let Some(prev) = continued(v, r, &out) {
                let mut f = Found::new(QuoteKind::Direct, r.content, out[prev].cue, None);
                f.continues = Some(prev);
                out.push(f);
            } else {
                orphans.push(r.content);
            }
        }
    }
    lead_in(v, &orphans, &mut out);
    for f in &mut out {
        f.by_marks = true;
    }
    out
}

/// A quotation with no cue that a quote attributed in the next paragraph continues (the
/// attribution comes with the second part): it joins that attribution.
fn lead_in(v: &View, orphans: &[newsdesk_model::Span], out: &mut Vec<Found>) {
    for &o in orphans {
        let Some(para) = v.tok_from(o.start).map(|t| t.para) else { continue };
        let next = out.iter().position(|f| {
            f.content.start > o.end && f.cue.is_some() && f.continues.is_none() && f.kind == QuoteKind::Direct
        });
        let Some(n) = next else { continue };
        // (`"A," X said. He paused. "B."`: a paragraph with a cue before the quotation has its
        // own speaker.)
        let at = v.first_tok_from(o.start);
        let mut k = at;
        let mut spoken = false;
        while k > 0 && k + MAX_REACH > at && v.toks[k - 1].para == para && !spoken {
            k -= 1;
            spoken = v.region_of(k).is_none() && source::cue_at(v, k).is_some();
        }
        if spoken {
            continue;
        }
        let Some(first) = Some(v.first_tok_from(out[n].content.start)).filter(|&k| k < v.toks.len()) else {
            continue;
        };
        let npara = v.toks[first].para;
        let starts_para = first >= 2 && v.toks[first - 2].para != npara;
        if npara != para + 1 || !starts_para {
            continue;
        }
        let mut f = Found::new(QuoteKind::Direct, o, out[n].cue, None);
        f.continues = Some(n);
        out.push(f);
    }
}

/// A quotation opening a sentence right after one that is only a source and its cue, in the
/// same paragraph: `Jane Doe agreed. "..."`, `The mayor disagreed. "..."`.
fn cue_sentence(v: &View, r: &Region) -> Option<(Range, Option<Range>)> {
    let dot = r.open.checked_sub(1).filter(|&d| v.punct(d, ".") && starts_sentence(v, r.open))?;
    if v.toks[dot].para != v.toks[r.open].para {
        return None;
    }
    let (first, _) = v.sentence_of(dot);
    // (`X said in a statement. "..."`: the cue may carry an extension.)
    let ends_at_dot = |(e, _): (usize, crate::lexicon::Frame)| {
        e == dot || source::phrase_at(v, e, "extension") == Some(dot)
    };
    let c = (first..dot).rev().take(12).find(|&c| source::cue_at(v, c).is_some_and(ends_at_dot))?;
    // (`Sam Lau, the party's spokesman, said.`: a name before an apposition.)
    let src = source::before(v, c)
        .filter(|s| s.0 == first)
        .or_else(|| source::before_apposition(v, c).filter(|s| s.0 == first))?;
    Some(((c, dot), Some(src)))
}

/// The contents found so far, sorted, for asking in logarithmic time whether one overlaps a
/// quotation.
struct Taken {
    contents: Vec<Span>,
    /// The furthest end among the contents up to each one: some content starting before a
    /// quotation's end overlaps it exactly when that end passes the quotation's start.
    reach: Vec<usize>,
}

impl Taken {
    fn new(found: &[Found]) -> Taken {
        let mut contents: Vec<Span> = found.iter().map(|f| f.content).collect();
        contents.sort_by_key(|c| c.start);
        let reach = contents
            .iter()
            .scan(0, |m, c| {
                *m = c.end.max(*m);
                Some(*m)
            })
            .collect();
        Taken { contents, reach }
    }

    fn overlaps(&self, s: Span) -> bool {
        let k = self.contents.partition_point(|c| c.start < s.end);
        k > 0 && self.reach[k - 1] > s.start
    }
}

/// Quotations that are a sentence of their own right after one reporting its subject's
/// speech, in the same paragraph, and that nothing else attributes: `She said her unit runs
/// short. "Some nights I never sit."` Each goes on with that speaker, under that cue (run
/// after the indirect finder, whose attribution it continues).
pub fn after_reported(v: &View, found: &mut Vec<Found>) {
    // (Sorted contents and, per sentence, its reported speech: no scan of `found` per quotation.)
    let taken = Taken::new(found);
    let mut reported: HashMap<usize, usize> = HashMap::new();
    for (p, f) in found.iter().enumerate() {
        let Some((c, _)) = f.cue else { continue };
        let sent = v.toks[c].sent;
        let first = v.sents.get(sent).map_or(usize::MAX, |s| s.0);
        let opens = f.source.is_some_and(|s| s.0 == first);
        // (`"I admire the mechanics" of the plans, Jane Doe said. "..."`: a mixed quote opening
        // its sentence with a quotation is as much that speaker's.)
        let quoted_open = f.kind == QuoteKind::Mixed
            && v.first_tok_from(f.content.start) == first
            && v.regions.binary_search_by_key(&first, |q| q.open).is_ok();
        let reports = (f.kind == QuoteKind::Indirect && opens) || quoted_open;
        if reports && f.continues.is_none() && source::saying_at(v, c) {
            reported.entry(sent).or_insert(p);
        }
    }
    for r in &v.regions {
        let Some(close) = r.close else { continue };
        let Some(dot) = r.open.checked_sub(1).filter(|&d| v.punct(d, ".") && starts_sentence(v, r.open))
        else {
            continue;
        };
        let ends = v.punct(close.wrapping_sub(1), ".!?") || v.punct(close + 1, ".!?");
        if !ends || taken.overlaps(r.content) || v.toks[dot].para != v.toks[r.open].para {
            continue;
        }
        if let Some(&p) =
            reported.get(&v.toks[dot].sent).filter(|&&p| found[p].cue.is_some_and(|(c, _)| c < dot))
        {
            let mut f = Found::new(QuoteKind::Direct, r.content, found[p].cue, None);
            f.continues = Some(p);
            f.by_marks = true;
            found.push(f);
        }
    }
}

/// Farthest back, in tokens, a quotation looks in its paragraph for the attribution it goes
/// on with (or for a cue that gives the paragraph its own speaker).
const MAX_REACH: usize = 400;

/// Quotations that are a sentence of their own (or close it with the narrator's aside) and
/// that nothing attributes once the learned step has run: each goes on with the attribution
/// closest before it in its paragraph, a quote or reported speech, when no other cue lies
/// between (`"I admire the mechanics" of the plans, Jane Doe said. "They are detailed."`,
/// `"Both scare me," Sam Lau, who was polled, said. "We need unity."`).
pub fn continue_in_paragraph(v: &View, found: &mut Vec<Found>) {
    let mut by_end: Vec<(usize, usize)> =
        found.iter().enumerate().filter(|(_, f)| f.cue.is_some()).map(|(i, f)| (f.content.end, i)).collect();
    by_end.sort_unstable();
    let taken = Taken::new(found);
    let mut added = Vec::new();
    for r in &v.regions {
        let words = (r.toks.0..r.toks.1).filter(|&k| v.toks[k].word).count();
        let sentence = starts_sentence(v, r.open) && (ends_sentence(v, r) || narrator_after(v, r));
        if words < 4 || !sentence || taken.overlaps(r.content) || named_work(v, r) {
            continue;
        }
        let para = v.toks[r.open].para;
        let Some(&(end, p)) = by_end[..by_end.partition_point(|&(e, _)| e <= r.content.start)].last() else {
            continue;
        };
        let f = &found[p];
        let Some(cue) = f.cue else { continue };
        let from = v.first_tok_from(end);
        // (Within reach, too: bounded work on a page-long paragraph.)
        if v.toks.get(from.saturating_sub(1)).is_none_or(|t| t.para != para) || r.open > from + MAX_REACH {
            continue;
        }
        // A quote's cue, or reported speech with a verb of saying (not `distanced himself`).
        let speaks = f.kind != QuoteKind::Indirect || source::saying_at(v, cue.0);
        let cue_sent = v.toks[cue.0].sent;
        let intervening = (from..r.open).any(|k| {
            v.region_of(k).is_none()
                && v.toks[k].sent != cue_sent
                && source::cue_at(v, k).is_some_and(|(_, f)| f == Frame::Any)
        });
        if speaks && !intervening {
            let mut g = Found::new(QuoteKind::Direct, r.content, Some(cue), None);
            g.continues = Some(p);
            g.by_marks = true;
            added.push(g);
        }
    }
    found.extend(added);
}

/// `"...," said X` / `"...," X said` / `"...," according to X`.
fn attribution_after(v: &View, r: &Region) -> Option<(Range, Option<Range>)> {
    let close = r.close?;
    let mut k = close + 1;
    if v.punct(k, ",") {
        k += 1;
    }
    let t = v.toks.get(k)?;
    // `"...?" Sanders said.`: the splitter ends a sentence after `?"`, the attribution is
    // still the quotation's.
    // (`…, ‘What can we do?’” Renteria told`: past a closing single mark.)
    let mut l = close.saturating_sub(1);
    while l > r.toks.0 && v.punct(l, "'’") {
        l -= 1;
    }
    let stop_inside = close > 0 && v.punct(l, ".?!…");
    if !t.word || (t.sent != v.toks[close].sent && !stop_inside) || t.para != v.toks[close].para {
        return None;
    }
    if let Some(end) = source::according_at(v, k) {
        return Some(((k, end), source::after(v, end)));
    }
    // `"...," since so many cases were decided by one vote, said X`: a clause opened by a
    // subordinator runs on the quotation, so no subject-and-cue right after it is its
    // attribution (but `"...," as X put it` is).
    if t.lower != "as" && !t.cap && LEXICON.is(&t.lower, "boundary") {
        return None;
    }
    // `"...," scoffed X`: right after a quotation ending in a comma, a past-tense verb
    // before a name is a cue, listed or not.
    let slot_verb = |k: usize| {
        v.toks.get(k).is_some_and(|t| t.word && !t.cap && t.lower.ends_with("ed") && t.lower.len() > 4)
            && v.toks.get(close.wrapping_sub(1)).is_some_and(|p| p.lower == ",")
    };
    // (`"...," he mocks`: the same slot, a verb in the present.)
    let present_verb = |k: usize| {
        v.toks.get(k).is_some_and(|t| {
            t.word && !t.cap && t.lower.len() > 3 && t.lower.ends_with('s') && !t.lower.ends_with("ss")
        }) && v.toks.get(close.wrapping_sub(1)).is_some_and(|p| p.lower == ",")
    };
    let cue_end = source::cue_at(v, k).map(|(e, _)| e).or_else(|| slot_verb(k).then_some(k + 1));
    if let Some(end) = cue_end {
        let src = source::after_to_title(v, end)
            .or_else(|| source::phrase_at(v, end, "extension").and_then(|e| source::after(v, e)));
        let listed = source::cue_at(v, k).is_some();
        return src.filter(|s| listed || v.toks[s.0].cap).map(|s| ((k, end), Some(s)));
    }
    // `X said` / `X, the Y of Z, said`: a short source then a cue.
    let mut c = k;
    let mut commas = Vec::new();
    while c < v.toks.len() && c - k <= 36 {
        let tc = &v.toks[c];
        if tc.sent != t.sent {
            break;
        }
        if !tc.word && tc.lower == "," {
            commas.push(c);
            if commas.len() > 4 {
                break;
            }
        } else if !tc.word {
            // (`the A.F.L.-C.I.O.`: a hyphen between two words.)
            let joined = tc.lower == "-"
                && (v.toks[c - 1].word || v.punct(c - 1, "."))
                && v.toks.get(c + 1).is_some_and(|n| n.word);
            let inner =
                c > k && (matches!(tc.lower.as_str(), "." | "(" | ")" | "$" | "’" | "'" | "&") || joined);
            if !inner {
                break;
            }
        }
        if c > k && commas.is_empty() && c - k > 10 {
            break;
        }
        // `"...," Arianna Gil scoffed.`: an unlisted past-tense verb closing the sentence; after
        // a pronoun, a present-tense one too (`"...," he mocks.`); after a described source,
        // one opening a phrase (`"...," the party's nominee riffed on ...`).
        let closes = v.toks.get(c + 1).is_none_or(|n| n.sent != t.sent || v.punct(c + 1, ".,"))
            || closes_sentence(v, &((c, c + 1), None));
        let closing_verb = c > k
            && ((closes && v.toks[k].cap && slot_verb(c))
                || (described(v, k, c) && slot_verb(c))
                || (closes
                    && c == k + 1
                    && source::is_pronoun(v, (k, k + 1))
                    && (slot_verb(c) || present_verb(c))));
        // `"...," the report said`: a cue word after a determiner is the source's noun.
        if c > k && !source::noun_use(v, c) {
            let cue_end = source::cue_at(v, c).map(|(e, _)| e).or_else(|| closing_verb.then_some(c + 1));
            if let Some(end) = cue_end {
                let last_comma = commas.last().is_some_and(|&l| l + 1 == c);
                // (`the firm's counsel, Mark Tully, 52, said`: an age set off by commas is no
                // apposition of its own.)
                let age = |w: &[usize]| {
                    w[1] == w[0] + 2 && {
                        let n = &v.toks[w[0] + 1].lower;
                        n.len() <= 3 && n.chars().all(|ch| ch.is_ascii_digit())
                    }
                };
                let ages = commas.windows(2).filter(|w| age(w)).count();
                if (commas.len() == 2 || commas.len() - ages == 2) && last_comma {
                    // An apposition between two commas.
                    return Some(((c, end), Some((k, commas[0]))));
                }
                if commas.len() > 2 && last_comma && v.toks[k].cap && commas[0] - k <= 4 {
                    // `X, 67, a teacher in Salem, Ore., said`: an apposition holding commas.
                    return Some(((c, end), Some((k, commas[0]))));
                }
                if !commas.is_empty() {
                    return None;
                }
                let src = source::before(v, c)?;
                return (src.0 >= k).then_some(((c, end), Some(src)));
            }
        }
        c += 1;
    }
    None
}

/// `the party's nominee` in `"...," the party's nominee riffed`: a determiner phrase from `k`
/// whose last word before `c` is a source noun or a name (`an angry Hollande`).
fn described(v: &View, k: usize, c: usize) -> bool {
    crate::lexicon::LEXICON.is(&v.toks[k].lower, "det")
        && c > k + 1
        && (crate::lexicon::LEXICON.is_source_noun(&v.toks[c - 1].lower) || v.toks[c - 1].cap)
}

/// A quotation closing its paragraph, signed in the next one: `"..."` then `- Jane Doe.`
fn byline(v: &View, r: &Region) -> Option<(Range, Option<Range>)> {
    let end = r.close.map_or(r.toks.1, |c| c + 1);
    let para = v.toks[r.open].para;
    // (The first word after it ends the look: bounded work on a page-long paragraph.)
    let dash = (end..v.toks.len()).find(|&k| v.toks[k].para != para || v.toks[k].word)?;
    if !v.punct(dash, "-—–") || v.toks[dash].para != para + 1 {
        return None;
    }
    let src = source::after(v, dash + 1).filter(|s| v.toks[s.0].cap)?;
    Some(((dash, dash + 1), Some(src)))
}

/// A quotation opening its sentence and signed after a dash in the same paragraph, as
/// vox-pops and epigraphs are: `“....” ― Jane Doe` or `"...." -- Jane Doe, a teacher`.
fn signed(v: &View, r: &Region) -> Option<(Range, Option<Range>)> {
    let close = r.close?;
    let k = close + 1;
    let dash_end = if v.punct(k, "―—–") {
        k + 1
    } else if v.punct(k, "-") && v.punct(k + 1, "-") {
        k + 2
    } else if v.punct(k, "-") && v.toks.get(k + 1).is_some_and(|n| n.start > v.toks[k].end) {
        k + 1
    } else {
        return None;
    };
    let para = v.toks[close].para;
    if !starts_sentence(v, r.open) || v.toks.get(dash_end).is_none_or(|t| t.para != para) {
        return None;
    }
    let words = (r.toks.0..r.toks.1).filter(|&i| v.toks[i].word).count();
    let stop = (r.toks.0..r.toks.1).rev().find(|&i| !v.punct(i, "'’\"”"))?;
    if words < 4 && !v.punct(stop, ".?!") {
        return None;
    }
    let src = source::after(v, dash_end).filter(|s| v.toks[s.0].cap && !source::is_pronoun(v, *s))?;
    let ends = v.toks.get(src.1).is_none_or(|n| n.para != para || v.punct(src.1, ",.;("));
    ends.then_some(((k, dash_end), Some(src)))
}

/// A participle cue opening a clause between the quote `prev` (its cue and source) and the
/// quotation `r` that continues it (`"...," X said, going on to say, "..."`).
fn participle_cue(v: &View, r: &Region, prev: &Found) -> Option<Range> {
    let from = prev.source.map_or(0, |s| s.1).max(prev.cue?.1);
    (from..r.open.saturating_sub(1)).find_map(|c| {
        // (After a comma, or after a preposition opening the clause: `X sings before asking
        // her, "..."`.)
        let opens = |k: usize| {
            v.punct(k, ",")
                || matches!(v.toks[k].lower.as_str(), "before" | "after" | "while" | "by" | "without")
        };
        let participle = v.toks[c].lower.ends_with("ing") && c > 0 && opens(c - 1);
        let (end, _) = source::cue_at(v, c).filter(|_| participle)?;
        Some((c, end)).filter(|&cue| !aside(v, r, cue))
    })
}

/// True when participle cue `cue` opens an aside before quotation `r`, which goes on in
/// lowercase: `"Every time you say that," X said, referring to Y, "you give …"`. The
/// participle has an object of its own (not a `that` clause the quotation ends), and the
/// quotation finishes the sentence of the one before, under that one's cue.
fn aside(v: &View, r: &Region, cue: Range) -> bool {
    let first = (r.toks.0..r.toks.1).find(|&k| v.toks[k].word);
    v.toks[cue.0].lower.ends_with("ing")
        && cue.1 + 1 < r.open
        && !(cue.1..r.open).any(|k| v.toks[k].lower == "that")
        && first.is_some_and(|k| !v.toks[k].cap)
}

/// The second part of a split quote: `"...," said X, director of Y, "..."`, `"...," he said,
/// but "..."`.
fn split_continuation(v: &View, r: &Region, out: &[Found]) -> Option<usize> {
    let idx = out.len().checked_sub(1)?;
    let cue = out[idx].cue?;
    let conj = r.open > 0 && matches!(v.toks[r.open - 1].lower.as_str(), "but" | "and");
    let comma = r.open.checked_sub(1 + usize::from(conj))?;
    let ok = v.punct(comma, ",") && v.toks[comma].sent == v.toks.get(cue.0)?.sent;
    ok.then_some(idx)
}

/// Farthest a saying verb may stand before a colon that introduces a quotation and still
/// report the clause the colon ends, in tokens.
const MAX_REPORTED: usize = 40;

/// `X said, "..."` / `X emphasized: “...”` / `X told reporters: "..."` / `Adding, "..."`;
/// `He said:` or `X issued the following statement:` closing the paragraph before.
fn attribution_before(v: &View, r: &Region, words: usize) -> Option<(Range, Option<Range>)> {
    let open = r.open;
    let mut j = open;
    let punct = open > 0 && v.punct(open - 1, ",:");
    if punct {
        j -= 1;
    }
    let para = v.toks[j.saturating_sub(1)].para;
    let colon = punct && v.punct(open - 1, ":");
    for c in (j.saturating_sub(MAX_GAP + 1)..j).rev() {
        let t = &v.toks[c];
        if t.para != para {
            break;
        }
        if !t.word {
            let abbrev =
                t.lower == "." && c > 0 && crate::lexicon::LEXICON.is(&v.toks[c - 1].lower, "abbrev");
            if abbrev {
                continue;
            }
            break;
        }
        // (`according to` whole: `According` alone may read as a cue verb.)
        let cue = source::according_at(v, c).or_else(|| source::cue_at(v, c).map(|(e, _)| e));
        let Some(end) = cue else { continue };
        if end > j {
            continue;
        }
        let gap_ok = if end == j {
            punct || words >= 5 || ends_sentence(v, r) || exclaims(v, r)
        } else {
            punct
                && (source::phrase_at(v, end, "extension") == Some(j)
                    || (end..j).all(|k| v.toks[k].word || v.toks[k].lower == "."))
        };
        if !gap_ok {
            return None;
        }
        // `The mayor called Lee's remarks "reckless."`: a cue noun that a naming verb takes as
        // its object; the quotation is the verb's second object, said by its subject.
        if end == j && source::noun_use(v, c) && named_object(v, c) {
            return None;
        }
        // `X said she recalled thinking, "..."`: the cue is inside a clause reported by a
        // saying verb just before it, whose content the quotation ends.
        if reported_before(v, c, 5) {
            return None;
        }
        let according = source::according_at(v, c).is_some();
        // (`according to "The Trumps," by Gwenda Blair, ...`: a quotation right after
        // `according to` names the source; it is no quote.)
        if according && end == j {
            return None;
        }
        let src = if according {
            source::after(v, end)
        } else {
            // (`footage of Trump saying during the debate, "..."`: an -ing cue right after a
            // name, no comma between, is that name's.)
            let named = v.toks[c].lower.ends_with("ing") && c > 0 && v.toks[c - 1].word;
            named.then(|| name_ending(v, c)).flatten().or_else(|| source::before(v, c))
        };
        let participle = v.toks[c].lower.ends_with("ing")
            && (c == 0 || v.punct(c - 1, ",") || v.toks[c - 1].sent != v.toks[c].sent);
        if let Some((verb, subject)) = src.and_then(|s| issuer(v, c, s)) {
            // `X issued a statement Tuesday saying, "..."`: X speaks, and the cue runs from the
            // verb that issued the document.
            return Some(((verb, end), Some(subject)));
        }
        return match src {
            Some(s) => Some(((c, end), Some(s))),
            None if participle => Some(((c, end), None)),
            // `He said:` before the quote, or `Said Jane Doe, "..."` opening the sentence.
            None => source::after(v, end)
                .filter(|s| s.1 == j && (colon || (punct && starts_sentence(v, c))))
                .or_else(|| source::subject(v, c).filter(|s| s.1 <= c))
                // `Jane Doe, a fellow at the institute, noted, "..."`.
                .or_else(|| source::before_apposition(v, c))
                .map(|s| ((c, end), Some(s))),
        };
    }
    // `X said she has the quality for the job: "Steadiness."`: the clause before the colon is
    // what a saying verb of the sentence reports, and the quotation ends that content.
    if colon && j > 0 && (v.toks[j - 1].word || v.punct(j - 1, ")")) && !reported_before(v, j, MAX_REPORTED) {
        // No cue verb: the colon stands for it, the subject is the source; or the name a dash
        // sets off before the colon (`A HEADLINE IN CAPITALS - Jo Park and Al Roe: "..."`).
        let after_dash = source::before(v, j).filter(|s| s.0 > 0 && v.punct(s.0 - 1, "-—–"));
        return Some(((j, j + 1), after_dash.or_else(|| source::subject(v, j - 1))));
    }
    None
}

/// Nouns of a recording that shows someone speaking (`footage of Trump saying`), singular.
const RECORDINGS: &[&str] = &["footage", "video", "clip", "audio", "recording", "tape", "image", "photo"];

/// The capitalised words of one sentence ending right before token `c` (`Donald Trump`), at
/// most four, when they are no pronoun or function word (a capitalised preposition opening
/// the sentence goes: `From Jo Park writing at ...`), and follow no preposition but the `of`
/// of a recording (`footage of Trump`; not `on Facebook writing`, where the writer is named
/// before, nor `the share of Republicans saying`).
fn name_ending(v: &View, c: usize) -> Option<source::Range> {
    let sent = v.toks[c].sent;
    let mut a = c;
    while a > 0 && c - a < 4 {
        let t = &v.toks[a - 1];
        if !(t.word && t.cap && t.sent == sent) || crate::lexicon::LEXICON.is(&t.lower, "pronoun") {
            break;
        }
        a -= 1;
    }
    let recording = a >= 2
        && v.toks[a - 1].lower == "of"
        && RECORDINGS.contains(&v.toks[a - 2].lower.trim_end_matches('s'));
    if a > 0 && v.toks[a - 1].word && source::preposition(&v.toks[a - 1].lower) && !recording {
        return None;
    }
    if a + 1 < c && source::preposition(&v.toks[a].lower) {
        a += 1;
    }
    let first = &v.toks.get(a).filter(|_| a < c)?.lower;
    let function =
        ["det", "stop", "boundary", "conjunction"].iter().any(|k| crate::lexicon::LEXICON.is(first, k));
    (!function && !source::preposition(first)).then_some((a, c))
}

/// True when the noun phrase holding the cue noun at `c` (`Dana J. Lee's remarks`) follows a
/// naming verb of its sentence (`called`, `labeled`) with nothing but words between.
fn named_object(v: &View, c: usize) -> bool {
    let sent = v.toks[c].sent;
    let mut k = c;
    while k > 0 && c - k < MAX_GAP {
        k -= 1;
        let t = &v.toks[k];
        if t.sent != sent || !(t.word || t.lower == ".") {
            return false;
        }
        if t.word && LEXICON.is(&t.lower, "naming_verb") {
            return true;
        }
    }
    false
}

/// True when a saying verb of the sentence at most `reach` tokens before token `j` reports a
/// clause that runs up to `j`: its object opens with `that` or a subject pronoun (`said she
/// has ...`; `recites the line` has a plain object instead).
fn reported_before(v: &View, j: usize, reach: usize) -> bool {
    let Some(sent) = j.checked_sub(1).map(|k| v.toks[k].sent) else { return false };
    (j.saturating_sub(reach)..j.saturating_sub(2)).any(|k| {
        let clause = |end: usize| {
            v.toks.get(end).is_some_and(|t| t.lower == "that" || LEXICON.is(&t.lower, "pronoun"))
        };
        v.toks[k].sent == sent
            && v.toks[k].word
            && !v.toks[k].cap
            && v.region_of(k).is_none()
            && source::saying_at(v, k)
            && source::cue_at(v, k).is_some_and(|(end, _)| clause(end))
    })
}

/// `X issued a statement (Tuesday) saying`, `X blasted out an email to supporters stating`: a
/// participle cue at `c` whose phrase before it (`s`) holds a document noun right after a verb
/// that issues one (the phrase may start with that verb); the verb's index and the sentence's
/// subject.
fn issuer(v: &View, c: usize, s: Range) -> Option<(usize, Range)> {
    if !v.toks[c].lower.ends_with("ing") {
        return None;
    }
    // The verb: an issuing one among the three lowercase words before the phrase or inside it
    // (`quickly blasted out`), then the document within four words after it.
    let lower = |k: usize| v.toks[k].word && !v.toks[k].cap && v.toks[k].sent == v.toks[c].sent;
    let mut from = s.0;
    while from > 0 && s.0 - from < 3 && lower(from - 1) {
        from -= 1;
    }
    let verb = (from..s.1).find(|&k| lower(k) && LEXICON.is(&v.toks[k].lower, "issue_verb"))?;
    let doc = (verb + 1..s.1.min(verb + 5)).any(|k| LEXICON.is(&v.toks[k].lower, "document"));
    let subject = source::subject(v, verb).filter(|x| x.1 <= verb)?;
    doc.then_some((verb, subject))
}

/// True when an attribution after a quote ends its sentence: `“....” Trump said.`
fn closes_sentence(v: &View, (cue, src): &(Range, Option<Range>)) -> bool {
    let mut end = src.map_or(cue.1, |s| s.1.max(cue.1));
    // `"..." Clinton tweeted, quoting ...`: a participle clause after the attribution.
    if v.punct(end, ",") && v.toks.get(end + 1).is_some_and(Tok::is_ing_form) {
        return true;
    }
    // `"..." the campaign said in a statement.`, `"...," Jo Park fumed on Tuesday.`: a short
    // phrase opened by a preposition or a time word may close the sentence after the
    // attribution.
    if v.toks.get(end).is_some_and(|t| t.word && adjunct(t)) {
        let sent = v.toks[end].sent;
        if let Some(k) =
            (end + 1..v.toks.len().min(end + 8)).find(|&k| !v.toks[k].word || v.toks[k].sent != sent)
        {
            end = k;
        }
    }
    // (`"..." said Jo Park, a campaign spokesman.`: an apposition opened by a determiner.)
    if v.punct(end, ",") && v.toks.get(end + 1).is_some_and(|t| t.word && LEXICON.is(&t.lower, "det")) {
        let sent = v.toks[end].sent;
        if let Some(k) =
            (end + 2..v.toks.len().min(end + 14)).find(|&k| !v.toks[k].word || v.toks[k].sent != sent)
        {
            end = k;
        }
    }
    v.punct(end, ".")
        && v.toks.get(end + 1).is_none_or(|n| n.sent != v.toks[end].sent || n.para != v.toks[end].para)
}

/// When unquoted words precede the opening mark in the same sentence: the sentence start.
fn runs_back(v: &View, r: &Region) -> Option<usize> {
    let prev = v.toks.get(r.open.checked_sub(1)?)?;
    // `The party, held every year, "allows us to ...," X said`: a lowercase quotation after a
    // comma finishes the unquoted sentence start.
    let comma_joined = v.punct(r.open - 1, ",")
        && v.toks.get(r.toks.0).is_some_and(|t| t.word)
        && r.open >= 2
        && v.toks[r.open - 2].word
        && v.region_of(r.open - 2).is_none();
    if !(prev.word || comma_joined)
        || prev.sent != v.toks[r.open].sent
        || source::cue_at(v, r.open - 1).is_some()
    {
        return None;
    }
    let mut a = r.open - 1;
    while a > 0 && v.toks[a - 1].sent == prev.sent && v.toks[a - 1].para == prev.para {
        a -= 1;
    }
    while a < r.open && v.punct(a, ",;:—–-") {
        a += 1;
    }
    // `Based on her record, "I don't trust her," X said`: a quotation opening with a capital
    // after a comma finishes a lead phrase with no cue or quotation of its own.
    let capital = v.toks.get(r.toks.0).is_some_and(|t| t.cap);
    let bare_lead = (a..r.open).all(|k| {
        v.region_of(k).is_none()
            && !is_quote_tok(v, k)
            && source::cue_at(v, k).is_none()
            && source::according_at(v, k).is_none()
    });
    if comma_joined && capital && !bare_lead {
        return None;
    }
    Some(v.toks[a].start)
}

/// `If it passes, he said, "..."`: unquoted words open the sentence, then a source and cue set
/// off by commas, then the quotation; the start of those words.
fn lead_clause(v: &View, r: &Region, cue: Range, src: Range) -> Option<usize> {
    let (a, _) = (src.0.min(cue.0), src.1.max(cue.1));
    let between_ok = (src.1.max(cue.1)..r.open).all(|k| v.punct(k, ","));
    if a == 0 || !v.punct(a - 1, ",") || !between_ok || r.open == src.1.max(cue.1) {
        return None;
    }
    let sent = v.toks[a].sent;
    let mut s = a - 1;
    while s > 0 && v.toks[s - 1].sent == sent && v.toks[s - 1].para == v.toks[a].para {
        s -= 1;
    }
    let words = (s..a - 1).filter(|&k| v.toks[k].word).count();
    let unquoted = (s..a - 1).all(|k| v.region_of(k).is_none() && !is_quote_tok(v, k));
    let no_cue = (s..a - 1).all(|k| source::cue_at(v, k).is_none() && source::according_at(v, k).is_none());
    // A quotation opening with a capital is a sentence of its own: `On Monday, she said, "We ..."`.
    let lower = v.toks.get(r.toks.0).is_some_and(|t| t.word && !t.cap);
    (words >= 2 && unquoted && no_cue && lower).then(|| v.toks[s].start)
}

/// `which he called "..."`, `what she described as "..."`: `which` or `what` right before the
/// source, the cue right before the opening mark (but for `as`); the start of that word.
fn relative_object(v: &View, r: &Region, cue: Range, src: Range) -> Option<usize> {
    let w = src.0.checked_sub(1)?;
    let relative = v.toks[w].word && matches!(v.toks[w].lower.as_str(), "which" | "what");
    let adjacent = src.1 <= cue.0 && (cue.1..r.open).all(|k| v.toks[k].lower == "as");
    (relative && adjacent && v.toks[w].sent == v.toks[r.open].sent).then(|| v.toks[w].start)
}

/// `X says things such as, "..."`, `X asked a few questions, including, "..."`: the words
/// between the cue and the opening mark are the cue's object, ended by `such as` or
/// `including` introducing the quotation as one of its examples; the start of that object.
fn examples(v: &View, r: &Region, cue: Range) -> Option<usize> {
    let mut k = r.open.checked_sub(1)?;
    if v.punct(k, ",:") {
        k = k.checked_sub(1)?;
    }
    let lead = match v.toks[k].lower.as_str() {
        "including" => k,
        "as" if k > 0 && v.toks[k - 1].lower == "such" => k - 1,
        _ => return None,
    };
    let object = (cue.1..lead).filter(|&j| v.toks[j].word).count();
    let plain = (cue.1..lead).all(|j| v.toks[j].word || v.punct(j, ","));
    let sent = v.toks[r.open].sent;
    (object > 0 && plain && v.toks[cue.1].sent == sent).then(|| v.toks[cue.1].start)
}

/// `X said that he, "..."`, `X noted that "..."`: a `that` between the cue and the opening
/// mark; the start of the clause after it (or of the quotation right after it).
fn that_clause(v: &View, r: &Region, cue: Range) -> Option<usize> {
    let t = (cue.1..r.open).find(|&k| v.toks[k].lower == "that")?;
    let first = (t + 1..r.open).find(|&k| v.toks[k].word).unwrap_or(r.open);
    Some(v.toks[first].start)
}

fn is_quote_tok(v: &View, k: usize) -> bool {
    let t = &v.toks[k];
    !t.word && (v.text[t.start..t.end].starts_with(crate::text::is_quote_mark) || v.punct(k, "'`"))
}

/// True when a closed quotation ends on `!` or `?` inside its marks.
fn exclaims(v: &View, r: &Region) -> bool {
    r.close.is_some() && r.toks.1 > r.toks.0 && v.punct(r.toks.1 - 1, "!?")
}

/// When unquoted words follow the closing mark in the same sentence: the end of that sentence
/// (before its final punctuation).
fn runs_on(v: &View, r: &Region) -> Option<usize> {
    let close = r.close?;
    // `She yelled "You lie!" at him`: an exclamation or question is whole, not part of a clause.
    if exclaims(v, r) {
        return None;
    }
    let next = v.toks.get(close + 1)?;
    if !next.word || next.sent != v.toks[close].sent || source::cue_at(v, close + 1).is_some() {
        return None;
    }
    // `She says, "Don't do it," until shots are heard`: a quotation closed by its comma before
    // a subordinate clause is whole; the clause is the narrator's.
    let comma_inside =
        (r.toks.0..r.toks.1).rev().find(|&k| !v.punct(k, "'’\"”")).is_some_and(|k| v.punct(k, ","));
    // (Not before `that`, `than` or `so`, nor a coordinator joining another quotation to it:
    // `"A," and "B"`.)
    let joins = matches!(next.lower.as_str(), "that" | "than" | "so")
        || (matches!(next.lower.as_str(), "and" | "or" | "nor" | "yet" | "but")
            && v.regions
                .get(v.regions.partition_point(|n| n.open <= close + 1))
                .is_some_and(|n| n.open <= close + 4));
    if comma_inside && !joins && crate::lexicon::LEXICON.is(&next.lower, "boundary") {
        return None;
    }
    let mut e = close + 1;
    while e + 1 < v.toks.len() && v.toks[e + 1].sent == next.sent {
        e += 1;
    }
    while e > close && v.punct(e, ".,;:!?") {
        e -= 1;
    }
    Some(v.toks[e].end)
}

/// At most six words, each capitalised or a function word, two capitalised at least, no
/// sentence punctuation: a title (`Latin History for Dummies`), not speech.
pub(crate) fn title_like(v: &View, r: &Region) -> bool {
    let toks = v.toks.get(r.toks.0..r.toks.1).unwrap_or(&[]);
    let words = || toks.iter().filter(|t| t.word);
    let caps = words().filter(|t| t.cap).count();
    // (A full stop closing the quotation is the sentence's: `the show "Harbor Nights."`.)
    let last_word = toks.iter().rposition(|t| t.word).unwrap_or(0);
    let sentence_punct =
        toks[..last_word].iter().any(|t| !t.word && matches!(t.lower.as_str(), "." | "?" | "!"));
    words().count() <= 6
        && caps >= 2
        && !sentence_punct
        && words().all(|t| t.cap || crate::lexicon::LEXICON.is(&t.lower, "title_word"))
}

/// A title in quote marks right after a word that announces one (`titled`, `book`, `show`):
/// every word capitalised or a function word, at most ten, sentence punctuation only at the end.
fn named_work(v: &View, r: &Region) -> bool {
    let mut k = r.open;
    if k > 0 && v.punct(k - 1, ",") {
        k -= 1;
    }
    let announced =
        k > 0 && v.toks[k - 1].word && crate::lexicon::LEXICON.is(&v.toks[k - 1].lower, "title_noun");
    if !announced {
        return false;
    }
    let Some(last) = (r.toks.0..r.toks.1).rev().find(|&i| v.toks[i].word) else { return false };
    let words: Vec<&crate::text::Tok> = v.toks[r.toks.0..r.toks.1].iter().filter(|t| t.word).collect();
    let inner_stop = (r.toks.0..last).any(|i| v.punct(i, ".?"));
    words.len() <= 10
        && !inner_stop
        && words.first().is_some_and(|t| t.cap)
        && words.iter().all(|t| t.cap || crate::lexicon::LEXICON.is(&t.lower, "title_word"))
}

/// True when a word that is no adjunct follows the attribution `(cue, source)` in its
/// sentence: the cue's own object or clause (`told reporters that ...`, `said the council ...`).
fn takes_complement(v: &View, (cue, src): &(Range, Option<Range>)) -> bool {
    let end = src.map_or(cue.1, |s| s.1.max(cue.1));
    v.toks.get(end).is_some_and(|t| t.word && t.sent == v.toks[cue.0].sent && !adjunct(t))
}

/// A preposition, function or time word: what opens a short adjunct (`in a statement`, `on
/// Tuesday`), not a complement.
fn adjunct(t: &crate::text::Tok) -> bool {
    LEXICON.is(&t.lower, "stop") || LEXICON.is(&t.lower, "time")
}

/// True when quotation `r` sits in a participle clause opening its sentence (`Citing “...,”`,
/// `Calling the plan “...,”`): an `-ing` word first, and no comma before the opening mark.
fn participle_opener(v: &View, r: &Region) -> bool {
    let (sa, _) = v.sentence_of(r.open);
    let first = if v.toks.get(sa).is_some_and(|t| LEXICON.is(&t.lower, "conjunction")) { sa + 1 } else { sa };
    let opener = v.toks.get(first).is_some_and(|t| t.word && t.lower.ends_with("ing") && t.lower.len() > 4);
    opener && first < r.open && !(first..r.open).any(|k| v.punct(k, ",;:—–"))
}

fn starts_sentence(v: &View, open: usize) -> bool {
    open == 0
        || v.toks.get(open - 1).is_some_and(|p| p.sent != v.toks[open].sent || p.para != v.toks[open].para)
}

fn ends_sentence(v: &View, r: &Region) -> bool {
    let Some(close) = r.close else { return true };
    match v.toks.get(close + 1) {
        None => true,
        Some(n) => n.sent != v.toks[close].sent || n.para != v.toks[close].para || v.punct(close + 1, ".?!"),
    }
}

/// True when the narrator's own aside closes the quotation's sentence: a relative clause or a
/// participle set off by a comma or dash (`"He has been aggressive with the rule," which
/// Mozloom thinks ...`, `"Sanders has to do the two-step" - increasing his name ...`).
fn narrator_after(v: &View, r: &Region) -> bool {
    let Some(close) = r.close else { return false };
    let next = |k: usize| v.toks.get(k).filter(|t| t.para == v.toks[close].para);
    let set_off =
        v.punct(close + 1, ",—–-") || (v.punct(close - 1, ",") && next(close + 1).is_some_and(|t| t.word));
    let at = if v.punct(close + 1, ",—–-") { close + 2 } else { close + 1 };
    set_off
        && next(at).is_some_and(|t| matches!(t.lower.as_str(), "which" | "who" | "whom") || t.is_ing_form())
}

/// True when the quotation opens the sentence right after the last attribution's cue, in the
/// same paragraph: `"They sue," he said. "Everybody sues."` (a short quote may continue).
fn right_after_cue(v: &View, r: &Region, out: &[Found]) -> bool {
    let Some(cue) = out.last().and_then(|f| f.cue) else { return false };
    let (Some(c), Some(p)) = (v.toks.get(cue.0), r.open.checked_sub(1).and_then(|i| v.toks.get(i))) else {
        return false;
    };
    c.para == v.toks[r.open].para && p.sent == c.sent && v.punct(r.open - 1, ".")
}

/// A quotation ending a sentence whose unquoted start (at most twelve words set off by a
/// comma, no cue, no other quotation) follows a direct quote's sentence in the same paragraph:
/// the sentence start and the quote it continues.
fn lead_continuation(v: &View, r: &Region, out: &[Found]) -> Option<(usize, usize)> {
    if starts_sentence(v, r.open) || !ends_sentence(v, r) || r.close.is_none() {
        return None;
    }
    let (sa, _) = v.sentence_of(r.open);
    let words = plain_words(v, sa..r.open)?;
    // (An adverbial set off by a comma, not a clause: `Critics call it "a disgrace."` is theirs.)
    let comma = r.open > 0 && v.punct(r.open - 1, ",");
    if words == 0 || words > 12 || !comma || v.toks[sa].para != v.toks[r.open].para {
        return None;
    }
    let idx = out.len().checked_sub(1)?;
    let p = &out[idx];
    // The quote before ends the sentence right before this one, in the same paragraph.
    let cue = p.cue?;
    let prev_end = sa.checked_sub(1)?;
    let cue_sent = v.toks.get(cue.0)?.sent;
    let adjacent = v.toks[prev_end].sent == cue_sent && v.toks[prev_end].para == v.toks[sa].para;
    (p.kind == QuoteKind::Direct && adjacent).then_some((v.toks[sa].start, idx))
}

/// The number of words in tokens `range`, when they hold no quotation, cue, `according to`,
/// colon or quote mark: a stretch of the narrator's own words around a quotation.
fn plain_words(v: &View, range: std::ops::Range<usize>) -> Option<usize> {
    let clean = range.clone().all(|k| {
        v.region_of(k).is_none()
            && source::cue_at(v, k).is_none()
            && source::according_at(v, k).is_none()
            && !v.punct(k, ":\"“”")
    });
    clean.then(|| range.filter(|&k| v.toks[k].word).count())
}

/// Words that carry a quotation's own sentence on past its closing mark.
const TRAIL_OPENERS: &[&str] = &[
    "or", "and", "but", "nor", "because", "of", "to", "for", "in", "on", "at", "with", "as", "when", "if",
    "since", "while", "after", "before", "about", "from", "by", "than", "without", "unless", "until",
    "though", "although",
];

/// A quotation opening a sentence whose unquoted rest (at most fifteen words, no cue, no
/// other quotation) follows a direct quote's sentence in the same paragraph: the sentence's
/// end and the quote it continues.
fn trail_continuation(v: &View, r: &Region, out: &[Found]) -> Option<(usize, usize)> {
    let close = r.close?;
    if !starts_sentence(v, r.open) || ends_sentence(v, r) {
        return None;
    }
    // (The quotation may hold several sentences: the rest is in the closing mark's.)
    let (sa, se) = (v.sentence_of(r.open).0, v.sentence_of(close).1);
    let words = plain_words(v, close + 1..se)?;
    // (The rest goes on with the quotation's words, not as its predicate: `"Anybody but
    // him" was another` is no one's.)
    let joins = v.toks.get(close + 1).is_some_and(|t| TRAIL_OPENERS.contains(&t.lower.as_str()));
    if words == 0 || words > 15 || !joins || v.toks[se - 1].para != v.toks[sa].para {
        return None;
    }
    let idx = out.len().checked_sub(1)?;
    let p = &out[idx];
    let cue = p.cue?;
    let prev_end = sa.checked_sub(1)?;
    let adjacent =
        v.toks[prev_end].sent == v.toks.get(cue.0)?.sent && v.toks[prev_end].para == v.toks[sa].para;
    let last = (sa..se).rev().find(|&k| v.toks[k].word)?;
    (p.kind == QuoteKind::Direct && adjacent).then_some((v.toks[last].end, idx))
}

/// The earlier quote whose speaker a cue-less quote at a sentence start continues: one in the
/// same paragraph, or at most two paragraphs back with no other cue in between.
fn continued(v: &View, r: &Region, out: &[Found]) -> Option<usize> {
    let idx = out.len().checked_sub(1)?;
    let p = &out[idx];
    let para = v.toks[r.open].para;
    let prev_para = v.tok_from(p.content.start).map(|t| t.para)?;
    if para < prev_para || para - prev_para > 2 {
        return None;
    }
    // A quotation signed after a dash (`“…” ― Jane Doe`) is one of a list of voices, each in
    // its paragraph: the next paragraph's quotation is not hers.
    let signed = p.cue.is_some_and(|(c, _)| v.punct(c, "―—–-") && v.toks[c].start >= p.content.end);
    if signed && para != prev_para {
        return None;
    }
    // No other cue between the two quotes outside quote marks (but for one in the sentence of
    // the earlier quote's cue: `"...," she said, adding that ... "..."`).
    let from = Some(v.first_tok_from(p.content.end)).filter(|&k| k < v.toks.len())?;
    let cue_sent = p.cue.and_then(|c| v.toks.get(c.0)).map(|t| t.sent);
    let intervening = (from..r.open).any(|k| {
        v.region_of(k).is_none()
            && Some(v.toks[k].sent) != cue_sent
            && source::cue_at(v, k).is_some_and(|(_, f)| f == Frame::Any)
    });
    (!intervening).then_some(idx)
}
