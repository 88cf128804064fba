//! Who did it and to whom: the entities around a trigger, read from the mentions the entity
//! stage found, with `we`/`I` inside a quotation standing for its speaker and `you` for the
//! person it is addressed to.

use newsdesk_model::{Document, EntityType, MentionForm, QuoteKind, Span};
use newsdesk_segment::Token;
use std::borrow::Cow;

/// A possible actor or target: an entity mentioned at `span`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub span: Span,
    pub entity: usize,
    /// Introduced by `in`, `at`... (where something happens) or `according to` (who tells
    /// of it): not who takes part.
    pub place: bool,
    pub kind: EntityType,
    /// A city or region: an actor only when no person, organisation or country is at hand.
    pub minor: bool,
}

/// What the role finder knows about the document.
pub(crate) struct Roles<'d> {
    doc: &'d Document,
    /// Every PERSON/ORG/LOCATION mention, in text order.
    mentions: Vec<Cand>,
}

const PLACE_PREPS: [&str; 6] = ["in", "at", "near", "from", "across", "inside"];

/// The roles of one event.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// Told in the passive voice (`was detained`): the actor may be unnamed.
    pub passive: bool,
}

impl<'d> Roles<'d> {
    pub(crate) fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let mut mentions: Vec<Cand> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind != EntityType::Misc)
            .flat_map(|(i, e)| {
                let minor =
                    e.kind == EntityType::Location && e.subtype.as_deref().is_some_and(|s| s != "country");
                e.mentions.iter().map(move |m| Cand {
                    span: m.span(),
                    entity: i,
                    place: false,
                    kind: e.kind,
                    minor,
                })
            })
            .collect();
        for c in &mut mentions {
            // The word before the mention, past a determiner: `in the South Caucasus`.
            let before = text.get(..c.span.start).unwrap_or("");
            let mut words = before.split(|ch: char| !ch.is_alphanumeric()).rev().filter(|w| !w.is_empty());
            let mut prev = words.next().unwrap_or("").to_lowercase();
            if matches!(prev.as_str(), "the" | "a" | "an") {
                prev = words.next().unwrap_or("").to_lowercase();
            }
            // `according to the White House`: a source of information, not an actor.
            let attribution =
                prev == "to" && words.next().is_some_and(|w| w.eq_ignore_ascii_case("according"));
            c.place = c.kind == EntityType::Location && PLACE_PREPS.contains(&prev.as_str()) || attribution;
        }
        mentions.sort_by_key(|c| (c.span.start, c.span.end));
        Roles { doc, mentions }
    }

    /// The innermost quotation that contains `span`; with `direct`, only direct or mixed ones.
    pub(crate) fn quote_of(&self, span: Span, direct: bool) -> Option<usize> {
        self.doc
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| !(direct && q.kind == QuoteKind::Indirect))
            .filter(|(_, q)| Span::new(q.start, q.end).contains(span))
            .min_by_key(|(_, q)| q.end - q.start)
            .map(|(i, _)| i)
    }

    /// The entity a quotation is addressed to: a `you` inside it or in another by the same speaker.
    fn addressee(&self, quote: usize) -> Option<usize> {
        let q = self.doc.quotes.get(quote)?;
        let speaker = q.speaker.as_deref();
        let you = |span: Span| {
            self.doc.entities.iter().position(|e| {
                Some(e.id.as_str()) != speaker
                    && e.mentions.iter().any(|m| {
                        m.form == MentionForm::Pronoun
                            && span.contains(m.span())
                            && matches!(m.text.to_lowercase().as_str(), "you" | "your" | "yours")
                    })
            })
        };
        you(Span::new(q.start, q.end)).or_else(|| {
            self.doc
                .quotes
                .iter()
                .filter(|o| o.speaker.is_some() && o.speaker.as_deref() == speaker)
                .find_map(|o| you(Span::new(o.start, o.end)))
        })
    }

    fn speaker(&self, quote: usize) -> Option<usize> {
        let id = self.doc.quotes.get(quote)?.speaker.as_deref()?;
        self.doc.entities.iter().position(|e| e.id == id)
    }

    /// Source and target of a trigger at `trigger` in a sentence of `tokens` (`words`
    /// lowercase), with CAMEO `code`.
    pub(crate) fn find(
        &self,
        tokens: &[Token],
        words: &[Cow<str>],
        trigger: (usize, usize),
        code: &str,
    ) -> Found {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return Found::default() };
        let t_span = match (tokens.get(trigger.0), tokens.get(trigger.1.saturating_sub(1))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => return Found::default(),
        };
        let quote = self.quote_of(t_span, false);
        let region = match quote.and_then(|q| self.doc.quotes.get(q)) {
            Some(q) => Span::new(q.start.max(first.span.start), q.end.min(last.span.end)),
            None => Span::new(first.span.start, last.span.end),
        };
        // Outside quotations, mentions inside them are someone else's words.
        let usable =
            |c: &Cand| region.contains(c.span) && (quote.is_some() || self.quote_of(c.span, false).is_none());
        let token_of = |offset: usize| tokens.partition_point(|t| t.span.start < offset);

        // The actor: the nearest mention before the trigger, or `we` for the speaker.
        let mut before: Vec<(usize, usize, bool, bool)> = self
            .mentions
            .iter()
            .filter(|c| usable(c) && c.span.end <= t_span.start && !c.place)
            .map(|c| (c.span.start, c.entity, false, c.minor))
            .collect();
        let direct = quote.filter(|q| self.doc.quotes.get(*q).is_some_and(|q| q.kind != QuoteKind::Indirect));
        if let Some(speaker) = direct.and_then(|q| self.speaker(q)) {
            for (k, w) in words.iter().enumerate().take(trigger.0) {
                let inside = tokens.get(k).is_some_and(|t| region.contains(t.span));
                // `we`, `I` as subjects; `our`, `my` only of the event itself: `our last meeting`.
                let subject = matches!(&**w, "we" | "i");
                let possessive = matches!(&**w, "our" | "my") && trigger.0 - k <= 2;
                if inside && (subject || possessive) {
                    before.push((tokens[k].span.start, speaker, true, false));
                }
            }
        }
        let actor =
            before.iter().filter(|b| !b.3).max_by_key(|b| b.0).or_else(|| before.iter().max_by_key(|b| b.0));
        let actor = actor.copied();
        // `A and B signed`: the first conjunct acts, the second is the other side.
        let conjunct = actor.filter(|a| !a.2).and_then(|a| {
            let k = token_of(a.0);
            if k == 0 || words.get(k - 1).is_none_or(|w| w != "and") {
                return None;
            }
            self.mentions
                .iter()
                .filter(|c| usable(c) && !c.place && c.entity != a.1 && token_of(c.span.end) == k - 1)
                .max_by_key(|c| c.span.end)
                .map(|c| (c.entity, a.1))
        });
        let source = conjunct.map(|c| c.0).or(actor.map(|a| a.1));

        // The target: the first of `between A and B`, or the first participant after it.
        let window_end = (trigger.1 + 12).min(words.len());
        let between = (trigger.1..(trigger.1 + 8).min(words.len())).find(|&k| words[k] == "between");
        let from_token = between.map_or(trigger.1, |k| k + 1);
        let places_ok = between.is_some() || matches!(code, "042" | "043");
        let after: Vec<&Cand> = self
            .mentions
            .iter()
            .filter(|c| usable(c) && Some(c.entity) != source && (places_ok || !c.place))
            .filter(|c| (from_token..window_end).contains(&token_of(c.span.start)))
            .collect();
        let mut target = after.first().copied();
        // `met the deadline Congress set`: after `met the`, only a participant named at once.
        let det_after =
            words.get(trigger.1).is_some_and(|w| matches!(&**w, "the" | "a" | "an" | "its" | "their"));
        if code.starts_with("04") && trigger.1 - trigger.0 == 1 && det_after {
            target = target.filter(|c| token_of(c.span.start) <= trigger.1 + 1);
        }
        // `Kenyan President William Ruto`: the person, not the country named before him.
        if let (Some(t), Some(next)) = (target, after.get(1)) {
            let adjacent = token_of(next.span.start) <= token_of(t.span.end) + 2;
            if t.kind == EntityType::Location && next.kind != EntityType::Location && adjacent {
                target = Some(next);
            }
        }
        let mut target = conjunct.map(|c| c.1).or(target.map(|c| c.entity));
        // `we signed`: the speaker and the person spoken to.
        let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06"));
        if target.is_none() && cooperative && actor.is_some_and(|a| a.2) {
            target = direct.and_then(|q| self.addressee(q)).filter(|t| Some(*t) != source);
        }
        // `He was detained`, `a professor, accused by the government`: the roles turn round.
        let by_at = (trigger.1..(trigger.1 + 2).min(words.len())).find(|&k| words[k] == "by");
        let by = by_at.is_some_and(|k| (trigger.1..k).all(|p| !words[p].chars().any(char::is_alphanumeric)));
        if by || passive(words, trigger.0) {
            let agent = self
                .mentions
                .iter()
                .filter(|c| usable(c) && by && token_of(c.span.start) > trigger.1 && !c.place)
                .find(|c| token_of(c.span.start) <= trigger.1 + 4)
                .map(|c| c.entity);
            return Found { source: agent.filter(|a| Some(*a) != source), target: source, passive: true };
        }
        Found { source, target, passive: false }
    }
}

/// Forms of `be` and `get` before a participle.
const BE: [&str; 9] = ["is", "are", "was", "were", "be", "been", "being", "got", "get"];

/// True when the trigger at word `i` follows a form of `be` (adverbs between).
fn passive(words: &[Cow<str>], i: usize) -> bool {
    let participle = words.get(i).is_some_and(|w| {
        w.ends_with("ed") || w.ends_with("en") || matches!(&**w, "held" | "met" | "hit" | "shot" | "sent")
    });
    if !participle {
        return false;
    }
    let mut k = i;
    let mut skipped = 0;
    while k > 0 && skipped <= 2 {
        let w = &*words[k - 1];
        if BE.contains(&w) {
            return true;
        }
        if !(w.ends_with("ly") || matches!(w, "also" | "not" | "never" | "reportedly" | "then")) {
            return false;
        }
        k -= 1;
        skipped += 1;
    }
    false
}
