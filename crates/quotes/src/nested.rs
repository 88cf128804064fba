//! Nested reported speech and the addressee: inside a direct quote by A addressed to B,
//! `you mentioned that ...` is B's indirect speech reported by A, and every `you`/`your` in
//! A's quote is a mention of B. B is whoever the text says A meets, talks with or tells
//! (`during a meeting with B`, `told B`), found before the quote.

use crate::found::Found;
use crate::lexicon::{Frame, LEXICON};
use crate::source;
use crate::text::View;
use newsdesk_model::{Entity, EntityType, Mention, MentionForm, QuoteKind, Span};

/// How many paragraphs before a quote the addressee may be named.
const ADDRESSEE_PARAGRAPHS: usize = 2;
/// ... and how many tokens (bounded work on a page-long paragraph of quotes).
const ADDRESSEE_TOKENS: usize = 600;

/// The person a quote starting at token `open` is addressed to: entity id (when resolved) and
/// the span naming them, looked for after token `from` (where another speaker's attribution
/// ends the search: `She told Radio Sur ... Ugarte said ... "how you treat people"`). A
/// name resolved to no person is no addressee.
fn addressee(v: &View, entities: &[Entity], open: usize, from: usize) -> Option<(Option<String>, Span)> {
    let para = v.toks.get(open)?.para;
    for k in (from.max(open.saturating_sub(ADDRESSEE_TOKENS))..open).rev() {
        let t = &v.toks[k];
        if t.para + ADDRESSEE_PARAGRAPHS < para {
            break;
        }
        if v.region_of(k).is_some() {
            continue;
        }
        let Some(e) = source::phrase_at(v, k, "addressee") else { continue };
        let Some(np) = source::after(v, e) else { continue };
        if !v.toks[np.0].cap || source::is_pronoun(v, np) {
            continue;
        }
        let span = v.tok_span(np.0, np.1);
        let who = source::resolve(v, entities, span);
        let person = |id: &String| entities.iter().any(|e| &e.id == id && e.kind == EntityType::Person);
        if who.as_ref().is_some_and(|id| !person(id)) {
            continue;
        }
        return Some((who, span));
    }
    None
}

/// The reported speech of the addressee inside direct quote `found[q]`, and the `you`
/// mentions of the addressee in it with the addressee's entity id (the addressee named
/// after token `from`).
pub fn find(
    v: &View,
    entities: &[Entity],
    found: &[Found],
    q: usize,
    from: usize,
    out: &mut Vec<Found>,
) -> Vec<(String, Mention)> {
    let mut mentions = Vec::new();
    let Some(f) = found.get(q) else { return mentions };
    let first = v.regions.partition_point(|r| r.content.start < f.content.start);
    let same_start = v.regions[first..].iter().take_while(|r| r.content.start == f.content.start);
    let Some(r) = same_start.into_iter().find(|r| r.content == f.content) else { return mentions };
    let (a, b) = r.toks;
    let Some((who, _)) = addressee(v, entities, r.open, from) else { return mentions };
    for k in a..b {
        let t = &v.toks[k];
        if !t.word || !LEXICON.is(&t.lower, "addressee_pronoun") {
            continue;
        }
        if let Some(id) = &who {
            let mention = Mention {
                start: t.start,
                end: t.end,
                text: v.text[t.start..t.end].to_string(),
                form: MentionForm::Pronoun,
            };
            mentions.push((id.clone(), mention));
        }
        if t.lower != "you" {
            continue;
        }
        let mut c = k + 1;
        while c < b && LEXICON.is(&v.toks[c].lower, "adverb") {
            c += 1;
        }
        let Some((end, Frame::Any)) = source::cue_at(v, c) else { continue };
        let mut start = end;
        if v.toks.get(start).is_some_and(|x| x.lower == "that") {
            start += 1;
        }
        let sent = v.toks[c].sent;
        let mut stop = start;
        while stop < b && v.toks[stop].sent == sent {
            stop += 1;
        }
        while stop > start && v.punct(stop - 1, ".,;:!?") {
            stop -= 1;
        }
        if stop <= start + 1 {
            continue;
        }
        let mut n =
            Found::new(QuoteKind::Indirect, v.tok_span(start, stop), Some((c, end)), Some((k, k + 1)));
        n.speaker = who.clone();
        n.nested_in = Some(q);
        out.push(n);
    }
    mentions
}
