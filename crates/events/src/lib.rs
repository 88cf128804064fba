//! Events: who did what to whom, coded in CAMEO (meet, visit, sign, offer to mediate…).
//!
//! Runs last: it reads the entities, quotes and dates already found in the document. A
//! trigger word or phrase from `data/event_verbs.tsv` gives the code; the actor is the nearest
//! entity mentioned before it (`we`/`I` in a quotation: the speaker), the target the first
//! participant after it; the date is a date expression of the same sentence, else, for what
//! the reporter tells outside quotations, the publication date.
//!
//! Invariant: only codes from `data/cameo.tsv`; no event without an actor, except a passive
//! report with a target (`was detained`), and no meeting without both sides; the
//! stage reads the document and never changes what earlier stages found.

mod lexicon;
mod roles;
mod trigger;

use newsdesk_model::{Document, Event, Span};
use newsdesk_segment::Segmentation;
use std::borrow::Cow;

/// Words right before a trigger that make it a plan or an offer, not a deed.
const INTENT: [&str; 15] = [
    "will", "'ll", "’ll", "would", "to", "can", "could", "shall", "ready", "plans", "intends", "may",
    "might", "wants", "hopes",
];
const NEGATION: [&str; 6] = ["not", "n't", "n’t", "never", "no", "without"];
const DETERMINERS: [&str; 12] =
    ["a", "an", "the", "this", "that", "every", "any", "all", "its", "one", "each", "no"];

/// Finds CAMEO events in an analysed document (byte offsets, all other stages done).
pub fn detect(doc: &Document, seg: &Segmentation) -> Vec<Event> {
    let text = doc.text.as_str();
    let roles = roles::Roles::new(doc);
    let published = doc.published.as_deref().and_then(|p| p.get(..10)).filter(|p| is_iso_date(p));
    let mut out: Vec<Event> = Vec::new();
    for (k, sentence) in seg.sentences.iter().enumerate() {
        let tokens = seg.tokens_in(*sentence);
        let words: Vec<Cow<str>> = tokens.iter().map(|t| lowercase(t.text(text))).collect();
        let mut i = 0;
        while i < words.len() {
            let Some((trigger, end)) = trigger::match_at(&words, i) else {
                i += 1;
                continue;
            };
            let near = |list: &[&str]| (i.saturating_sub(3)..i).any(|p| list.contains(&&*words[p]));
            let negated = (i.saturating_sub(2)..i).any(|p| NEGATION.contains(&&*words[p]));
            // `a sign of`, `the visit`: a one-word verb trigger after a determiner is a noun.
            let noun = end - i == 1 && i > 0 && DETERMINERS.contains(&&*words[i - 1]);
            if negated || noun {
                i = end;
                continue;
            }
            let intent = near(&INTENT);
            let code = match trigger.code {
                c if intent && c.starts_with("04") => "036",
                "057" if intent => "030",
                c => c,
            };
            let found = roles.find(tokens, &words, (i, end), code);
            // Meeting and negotiating take two sides.
            let two_sided = code.starts_with("04") || code == "036";
            // Without an actor only a passive report (`was detained`) is an event.
            let unowned = found.source.is_none() && (!found.passive || found.target.is_none());
            if unowned || two_sided && (found.target.is_none() || found.source.is_none()) {
                i = end;
                continue;
            }
            let t_span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            let date = nearest_date(doc, *sentence, t_span).or_else(|| {
                let told = roles.quote_of(t_span, true).is_none() && !intent;
                published.filter(|_| told).map(str::to_string)
            });
            let id = |e: Option<usize>| e.and_then(|e| doc.entities.get(e)).map(|e| e.id.clone());
            let event = Event {
                code: code.to_string(),
                label: lexicon::label(code).unwrap_or_default().to_string(),
                source: id(found.source),
                target: id(found.target),
                date,
                sentence: k,
                text: sentence.slice(text).to_string(),
            };
            let seen = out.iter().any(|e| {
                e.sentence == k
                    && e.code == event.code
                    && e.source == event.source
                    && e.target == event.target
            });
            if !seen {
                out.push(event);
            }
            i = end;
        }
    }
    out
}

/// The value of the date expression in `sentence` nearest the trigger.
fn nearest_date(doc: &Document, sentence: Span, trigger: Span) -> Option<String> {
    doc.dates
        .iter()
        .filter(|d| sentence.contains(Span::new(d.start, d.end)))
        .min_by_key(|d| {
            if d.start >= trigger.end {
                d.start - trigger.end
            } else {
                trigger.start.saturating_sub(d.end)
            }
        })
        .map(|d| d.value.clone())
}

/// `word` in lowercase, borrowed when it already is (most words).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}
