//! Quotes: who said what. Direct, indirect and mixed speech with cue, content and source,
//! the source resolved to an entity.
//!
//! The stage runs after entities: [`attribute`] reads the text, its segmentation and the
//! entities with their mentions, and returns the quotes and the `you` mentions it resolved.
//!
//! ```
//! let text = "\"We will win,\" said Jane Doe.";
//! let seg = newsdesk_segment::segment(text);
//! let found = newsdesk_quotes::attribute(text, &seg, &[]);
//! assert_eq!(found.quotes[0].text, "We will win,");
//! assert_eq!(found.quotes[0].speaker_text.as_deref(), Some("Jane Doe"));
//! ```
//!
//! Invariant: the stage reads, it never changes entities; linguistic knowledge lives in
//! `data/cue_verbs.tsv`, `data/quote_words.tsv`, `data/source_nouns.tsv`,
//! `data/indirect_words.tsv` and `data/polnear_cues.tsv` (cue verb forms counted on PolNeAR's
//! train split by `scripts/derive_polnear_cues.py`).

mod adding;
mod apposition;
mod coordination;
mod direct;
mod found;
mod indirect;
pub mod learned;
mod lexicon;
mod naming;
mod nested;
mod reception;
mod relative;
mod source;
mod text;
mod transcript;

use found::Found;
use lexicon::LEXICON;
use newsdesk_model::{Entity, EntityType, Mention, Quote, QuoteKind, Span};
use newsdesk_segment::Segmentation;
use text::View;

/// What attribution finds: the quotes, and mentions it resolved on the way (the addressee
/// `you` inside a quote, say) that belong to existing entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    /// (entity id, mention) pairs to add to the entities.
    pub mentions: Vec<(String, Mention)>,
}

/// Finds the quotes of `text` and attributes them to `entities`.
pub fn attribute(text: &str, seg: &Segmentation, entities: &[Entity]) -> Attribution {
    let v = View::new(text, seg);
    let mut found = rules(&v, entities);
    let tagged_sources = learned::find(&v, &mut found);
    learned::bounds::refine(&v, &mut found, &tagged_sources);
    // (`attacked her skills and even questioned ...`: the second verb is not what was said.)
    coordination::cut(&v, &mut found);
    // (`warned that Trump, even as a candidate, had ...`: the subject's aside is no end.)
    apposition::extend(&v, &mut found);
    // (`a firm called Harbor Analytics`, `Obama called Abedini.`: no speech reported.)
    // (`Ward added a second from the penalty spot`: a goal, not words.)
    let drop: Vec<bool> =
        found.iter().map(|f| naming::reports_nothing(&v, f) || adding::reports_nothing(&v, f)).collect();
    found::remove(&mut found, &drop);
    // (`The veto drew praise from the League`: the League's praise, of the veto.)
    reception::reverse(&v, &mut found);
    for f in found.iter_mut() {
        f.source = f.source.and_then(|r| source::without_time(&v, source::without_verb(&v, r)));
    }
    // (`Voters who backed Trump in 2016 said ...`: the clause's cue ends before the main verb.)
    relative::split(&v, &mut found);
    for f in found.iter_mut().filter(|f| f.kind != QuoteKind::Direct) {
        if let Some(inner) = wholly_quoted(&v, f.content, f.cue) {
            f.kind = QuoteKind::Direct;
            f.content = inner;
        } else if f.kind == QuoteKind::Indirect && indirect::holds_quote(&v, f.content) {
            // (A content the learned step grew over a quotation.)
            f.kind = QuoteKind::Mixed;
        }
    }
    share_coordinated_sources(&v, &mut found);
    // (`"A" of the plan, X said. "B."`: B is X's, whichever step found A.)
    direct::continue_in_paragraph(&v, &mut found);
    let speakers = resolve_speakers(&v, entities, &found);
    let mut mentions = Vec::new();
    let mut nested = Vec::new();
    for q in 0..found.len() {
        if found[q].kind != QuoteKind::Direct {
            continue;
        }
        // (The addressee is named after any attribution to another speaker before the quote.)
        let own = &speakers[q].0;
        let from = found
            .iter()
            .zip(&speakers)
            .filter(|(f, s)| s.0.is_some() && s.0 != *own && f.content.end <= found[q].content.start)
            .filter_map(|(f, _)| f.cue.map(|c| c.1))
            .max()
            .unwrap_or(0);
        mentions.extend(nested::find(&v, entities, &found, q, from, &mut nested));
    }
    let mut quotes: Vec<Quote> = found
        .iter()
        .zip(&speakers)
        .zip(reporters(&v, &found))
        .map(|((f, s), outer)| {
            let mut q = to_quote(&v, f, s);
            q.reported_by = outer.and_then(|p| speakers[p].0.clone());
            q
        })
        .chain(nested.iter().map(|n| {
            let mut q = to_quote(&v, n, &(n.speaker.clone(), n.source.map(|r| v.tok_span(r.0, r.1))));
            q.reported_by = n.nested_in.and_then(|i| speakers.get(i)).and_then(|s| s.0.clone());
            q
        }))
        .collect();
    quotes.sort_by_key(|q| (q.start, q.end));
    quotes.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    mentions.sort_by_key(|(_, m)| m.start);
    mentions.dedup_by(|a, b| a.1.start == b.1.start);
    Attribution { quotes, mentions }
}

/// What the hand-written rules find, before the learned step: a transcript's turns, direct
/// quotes elsewhere, then indirect speech (the same for analysis and for training).
pub(crate) fn rules(v: &View, entities: &[Entity]) -> Vec<Found> {
    let turns = transcript::find(v, entities);
    let mut found = direct::find(v, &turns);
    found.extend(turns);
    indirect::find(v, &mut found);
    direct::after_reported(v, &mut found);
    found
}

/// For each found quote, the reported speech it sits in with its cue, if any (`he said that
/// only the Kochs wanted "open borders."`): that speech's speaker reports the quote. Reported
/// contents do not overlap one another, so the one holding a quote is the last to start at or
/// before it (a binary search per quote).
fn reporters(v: &View, found: &[Found]) -> Vec<Option<usize>> {
    let mut outer: Vec<usize> = (0..found.len()).filter(|&p| found[p].kind != QuoteKind::Direct).collect();
    outer.sort_by_key(|&p| found[p].content.start);
    found
        .iter()
        .map(|f| {
            let cue_at = v.toks.get(f.cue?.0)?.start;
            let k = outer.partition_point(|&p| found[p].content.start <= f.content.start).checked_sub(1)?;
            let o = &found[outer[k]];
            let holds = o.content.contains(f.content)
                && o.content.len() > f.content.len()
                && (o.content.start..o.content.end).contains(&cue_at);
            (f.kind == QuoteKind::Direct && holds).then_some(outer[k])
        })
        .collect()
}

/// The text span of source range `r` without commas, semicolons or colons at its ends
/// (`The ferry operator, Bluewater Lines, welcomed`: the source is `Bluewater Lines`).
fn source_span(v: &View, (mut a, mut b): crate::source::Range) -> Span {
    while b > a + 1 && v.punct(b - 1, ",;:") {
        b -= 1;
    }
    while b > a + 1 && v.punct(a, ",;:") {
        a += 1;
    }
    v.tok_span(a, b)
}

/// A cue coordinated right after another attribution's content in its sentence (`X said he
/// was alarmed by the reports and urged both sides to talk`) has that attribution's source,
/// whatever phrase before the sentence's subject the source reading reached.
fn share_coordinated_sources(v: &View, found: &mut [Found]) {
    for i in 0..found.len() {
        let Some((c, _)) = found[i].cue else { continue };
        let Some(conj) = source::conjunction_before(v, c) else { continue };
        let and = v.toks[conj].start;
        let sent = v.toks[c].sent;
        let before = found
            .iter()
            // (Only a subject's: not `was denounced by X … and`, nor `his call … and`.)
            .filter(|g| g.kind != QuoteKind::Direct)
            .filter(|g| {
                g.source.zip(g.cue).is_some_and(|((a, b), (gc, _))| {
                    b <= gc && !(b == a + 1 && source::possessive(&v.toks[a].lower))
                })
            })
            .filter(|g| g.cue.is_some_and(|(gc, _)| gc < c && v.toks[gc].sent == sent))
            .filter(|g| {
                g.content.end <= and
                    && v.toks[v.first_tok_from(g.content.end).min(conj)..conj].iter().all(|t| !t.word)
            })
            .max_by_key(|g| g.content.end)
            .map(|g| (g.source, g.speaker.clone()));
        if let Some((source, speaker)) = before {
            found[i].source = source;
            found[i].speaker = speaker;
        }
    }
}

/// For each found quote: the speaker entity id and the span naming the speaker.
fn resolve_speakers(v: &View, entities: &[Entity], found: &[Found]) -> Vec<(Option<String>, Option<Span>)> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].content.start);
    let mut out: Vec<(Option<String>, Option<Span>)> = vec![(None, None); found.len()];
    let mut last_speaker: Option<String> = None;
    let mut heads: Vec<(source::Range, String)> = Vec::new();
    // The sentence of the last cue whose source is a person introduced unnamed (`a
    // spokesman`), and where that source ends.
    let mut unnamed: Option<(usize, usize)> = None;
    for &i in order.iter().filter(|&&i| found[i].continues.is_none()) {
        let f = &found[i];
        let span = f.source.map(|r| source_span(v, r));
        let mut id = f
            .speaker
            .clone()
            .or_else(|| {
                f.source.and_then(|r| apposed_name(v, entities, r).filter(|id| fits(v, entities, r, id)))
            })
            .or_else(|| span.and_then(|s| source::resolve(v, entities, s)))
            .or_else(|| f.source.and_then(|r| antecedent(v, entities, r)));
        if id.is_none() && f.source.is_some_and(|r| source::is_pronoun(v, r)) {
            id = last_speaker.clone().or_else(|| last_person_before(entities, f.content.start));
        }
        // (`it` names an organisation or a thing, never a person: `saying it showed "..."`,
        // `The defense did not dispute it. Instead, it argued …`; nor does `they`: `According
        // to two people familiar with the talks, … He refused, they said` is theirs, not the
        // last person's who spoke.)
        let not_one = f.source.is_some_and(|r| {
            source::is_pronoun(v, r) && matches!(v.toks[r.0].lower.as_str(), "it" | "they" | "we")
        });
        let person = |id: &String| entities.iter().any(|e| &e.id == id && e.kind == EntityType::Person);
        if not_one && id.as_ref().is_some_and(person) {
            id = None;
        }
        // (`Analysts at Brightwater Capital said … but warned …`: the second cue's source is
        // the head of the first one's, and so is its speaker.)
        if id.is_none() {
            if let Some(r) = f.source {
                id = heads.iter().rev().find(|&&((a, b), _)| a == r.0 && b > r.1).map(|(_, id)| id.clone());
            }
        }
        // (`A spokesperson for Dalberg Foods said …. "…," the spokesperson said.`: `the`
        // and the noun of a source introduced unnamed before is that source, and so is its
        // speaker.)
        if id.is_none() {
            id = f.source.and_then(|r| described_before(v, &heads, r));
        }
        if let (Some(r), Some(id)) = (f.source, &id) {
            heads.push((r, id.clone()));
        }
        // (`A spokesman for Downing Street said …. "…," he added.`: right after a person
        // introduced unnamed spoke, `he` or `she` is that person, whoever else the pronoun
        // could name.)
        // (Unless the text names the pronoun's person again after that one: `When an NBC
        // reporter asked Trump …, Trump deflected. "…," he said.`)
        let pronoun = f.source.filter(|&r| source::is_pronoun(v, r)).map(|r| v.toks[r.0].lower.as_str());
        let cue_sent = f.cue.and_then(|c| v.toks.get(c.0)).map(|t| t.sent);
        if let (Some("he" | "she"), Some(s), Some((u_sent, u_end))) = (pronoun, cue_sent, unnamed) {
            let at = v.toks[f.source.map_or(0, |r| r.0)].start;
            let named_since = id.as_ref().is_some_and(|id| {
                entities
                    .iter()
                    .filter(|e| &e.id == id)
                    .flat_map(|e| &e.mentions)
                    .any(|m| m.start >= u_end && m.end <= at)
            });
            if s <= u_sent + 1 && !named_since {
                id = None;
            }
        }
        let no_person = id.as_ref().is_none_or(|id| !person(id));
        // (Only an indefinite one headed by a noun for a person: `the candidate` is someone
        // named before.)
        let indefinite =
            f.source.is_some_and(|(a, _)| matches!(v.toks[a].lower.as_str(), "a" | "an" | "one"));
        let person_noun =
            f.source.is_some_and(|(a, b)| (a..b).any(|k| LEXICON.is_person_noun(&v.toks[k].lower)));
        unnamed = match (cue_sent, f.source) {
            (Some(s), Some((_, b))) if no_person && indefinite && person_noun => Some((s, v.toks[b - 1].end)),
            _ => None,
        };
        if id.is_some() {
            last_speaker = id.clone();
        }
        out[i] = (id, span);
    }
    // A continuation takes the speaker of the quote it continues, which comes before it in
    // `found` (not always in the text).
    for i in 0..found.len() {
        let f = &found[i];
        let Some(p) = f.continues.filter(|&p| p < i) else { continue };
        let span = f.source.map(|r| source_span(v, r));
        let id = f.speaker.clone().or_else(|| span.and_then(|s| source::resolve(v, entities, s)));
        out[i] = match (id, span) {
            (None, None) => out[p].clone(),
            other => other,
        };
    }
    out
}

/// The speaker of an earlier source introduced unnamed (`a spokesperson for Dalberg Foods`)
/// whose noun the source `r` takes up with `the` (`the spokesperson`).
fn described_before(v: &View, heads: &[(source::Range, String)], (a, b): source::Range) -> Option<String> {
    if b != a + 2 || v.toks[a].lower != "the" || !LEXICON.is_person_noun(&v.toks[a + 1].lower) {
        return None;
    }
    let noun = v.toks[a + 1].lower.as_str();
    heads.iter().rev().find_map(|&((c, d), ref id)| {
        let unnamed = c < a && matches!(v.toks[c].lower.as_str(), "a" | "an" | "one");
        (unnamed && (c + 1..d).any(|k| v.toks[k].lower == noun)).then(|| id.clone())
    })
}

/// When `content` is exactly one closed quotation (its marks and closing punctuation aside)
/// that follows its cue or a comma or colon, the text between the marks: an indirect cue's
/// content that turns out to be verbatim speech (`He argues “only Ted Cruz can win.”`) is a
/// direct quote. A quotation in a that-clause or after other words (`said that “…”`,
/// `vowed to “…”`) stays part of reported speech.
fn wholly_quoted(v: &View, content: Span, cue: Option<crate::source::Range>) -> Option<Span> {
    let (a, b) = (v.first_tok_from(content.start), v.first_tok_from(content.end));
    let words: Vec<usize> = (a..b).filter(|&i| v.toks[i].word).collect();
    let (&first, &last) = (words.first()?, words.last()?);
    let r = &v.regions[v.region_of(first)?];
    r.close?;
    let inside = r.toks.0 <= first && last < r.toks.1;
    let all = (r.toks.0..r.toks.1).filter(|&i| v.toks[i].word).count() == words.len();
    let lower = |i: usize| v.toks.get(i).map_or("", |t| t.lower.as_str());
    let after_punct =
        r.open.checked_sub(1).is_some_and(|p| v.punct(p, ",:") && p > 0 && lower(p - 1) != "that");
    let naming =
        ["call", "calls", "called", "calling", "titled", "entitled", "dubbed", "known", "named", "to"];
    let after_cue = cue.is_some_and(|c| c.1 == r.open && c.1 > 0 && !naming.contains(&lower(c.1 - 1)));
    (inside && all && words.len() >= 5 && (after_punct || after_cue)).then_some(r.content)
}

/// For a source that is a relative pronoun (`Sen. Ted Cruz, who has been hoping ...`, `the
/// Heart-Lung Foundation, which said`), the entity of the phrase it follows: annotators take
/// either the pronoun or that phrase, and the entity's mentions match both.
fn antecedent(v: &View, entities: &[Entity], (a, b): source::Range) -> Option<String> {
    let word = v.toks.get(a).filter(|_| b == a + 1).map(|t| t.lower.as_str());
    if !matches!(word, Some("who" | "whom" | "whose" | "which")) {
        return None;
    }
    let end = if a > 0 && v.punct(a - 1, ",") { a - 1 } else { a };
    let np = source::before(v, end)?;
    let id = source::resolve(v, entities, v.tok_span(np.0, np.1))?;
    // (`which` names a body, never a person, and one named right before it: `the
    // foundation, which said`, not `a letter to the bank from the staff association, which`.)
    let last = v.toks.get(end.checked_sub(1)?)?.end;
    let org = entities
        .iter()
        .any(|e| e.id == id && e.kind == EntityType::Org && e.mentions.iter().any(|m| m.end == last));
    // (`who` names a person or a body, never a place: `fishermen from Lower Austria, who
    // argued` is no place's saying.)
    let place = entities.iter().any(|e| e.id == id && e.kind == EntityType::Location);
    (if word == Some("which") { org } else { !place }).then_some(id)
}

/// Whether a name set off after source `r` can be the source's: a person's name never is
/// after a bare noun for a group (`According to police, John Smith, 45, was arrested`), a
/// body's may be (`the carmaker, Toyota, said`).
fn fits(v: &View, entities: &[Entity], r: source::Range, id: &str) -> bool {
    let person = entities.iter().any(|e| e.id == id && e.kind == EntityType::Person);
    let bare = r.1 == r.0 + 1 && v.toks.get(r.0).is_some_and(|t| t.word && !t.cap);
    let group = bare
        && (v.toks[r.0].lower == "police"
            || (v.toks[r.0].lower.ends_with('s') && LEXICON.is_source_noun(&v.toks[r.0].lower)));
    !(person && group)
}

/// The person a name in apposition right after the source phrase `(a, b)` names: `the
/// group's director, Ruth Ames, told ...`, `said a spokeswoman, Anna White.` (annotators
/// take the phrase before the comma as the source). A place or body named after the phrase
/// may come first: `The mayor of Westbrook, Carla Nunes, ...`.
fn apposed_name(v: &View, entities: &[Entity], (_, b): source::Range) -> Option<String> {
    let mut b = b;
    if v.toks.get(b).is_some_and(|t| matches!(t.lower.as_str(), "of" | "at" | "for" | "in")) {
        let named = |k: usize| v.toks.get(k).is_some_and(|t| t.word && (t.cap || t.lower == "the"));
        let mut k = b + 1;
        while k < b + 6 && named(k) {
            k += 1;
        }
        if k > b + 1 && v.toks[k - 1].cap {
            b = k;
        }
    }
    if !v.punct(b, ",") {
        return None;
    }
    // (The name may come after a second phrase set off by commas: `Mr Whitfield's
    // colleague, the Conservative MP for North Dorset, Helen Crawley, said`.)
    named_after_comma(v, entities, b).or_else(|| {
        let sent = v.toks[b].sent;
        let next = (b + 2..(b + 12).min(v.toks.len()))
            .take_while(|&k| {
                v.toks[k].sent == sent && (v.toks[k].word || v.punct(k, ",")) && v.region_of(k).is_none()
            })
            .find(|&k| v.punct(k, ","))?;
        let phrase = (b + 1..next).all(|k| v.toks[k].word && source::cue_at(v, k).is_none());
        let opens = LEXICON.is(&v.toks[b + 1].lower, "det") || v.toks[b + 1].cap;
        // (Only after a common noun: `Giovanni Maria Vian, the editor of L'Osservatore
        // Romano, said` is Vian speaking.)
        let common = b > 0 && v.toks[b - 1].word && !v.toks[b - 1].cap;
        if phrase && opens && common {
            named_after_comma(v, entities, next)
        } else {
            None
        }
    })
}

/// The person named right after the comma at `b` and set off there (see [`apposed_name`]).
fn named_after_comma(v: &View, entities: &[Entity], b: usize) -> Option<String> {
    // (Lowercase words ending in a noun for a person may describe the name: `One of them,
    // deputy governor Tomas Reinholt, argued`.)
    // So may modifiers before a title (`Its author, state Sen. Darnell Okafor, said`), but
    // no function word: `The plan, according to Jo Park, ...` is not Jo Park's.
    let lowercase = |k: usize| v.toks.get(k).is_some_and(|t| t.word && !t.cap);
    // (A one-word place or its adjective modifies too: `former Malawian president Grace
    // Phiri`, `Boston mayor Tom Menino`.)
    let place = |k: usize| {
        let t = &v.toks[k];
        entities
            .iter()
            .filter(|e| e.kind == EntityType::Location)
            .any(|e| e.mentions.iter().any(|m| m.start == t.start && m.end == t.end))
    };
    // (A participle opens a clause: `Biden, echoing Erdogan, called`.)
    let modifier = |k: usize| {
        let Some(t) = v.toks.get(k) else { return false };
        let w = t.lower.as_str();
        if !lowercase(k) {
            return t.word && place(k);
        }
        !MODIFIER_STOPS.contains(&w)
            && (!(w.ends_with("ing") || w.ends_with("ed")) || matches!(w, "acting" | "retired"))
    };
    let described = (b + 2..b + 5)
        .take_while(|&k| {
            modifier(k - 1) || (lowercase(k - 1) && LEXICON.is_source_noun(&v.toks[k - 1].lower))
        })
        .find(|&k| LEXICON.is_source_noun(&v.toks[k - 1].lower) && !lowercase(k));
    let modifiers = (b + 2..b + 4)
        .take_while(|&k| lowercase(k - 1) && modifier(k - 1))
        .find(|&k| v.toks.get(k).is_some_and(|t| t.cap));
    let start = v.toks.get(described.or(modifiers).unwrap_or(b + 1))?.start;
    let sent = v.toks[b].sent;
    // (After a noun for a body, the body's name: `Ruiz's team, Iberia Pro Cycling, said`.)
    let body = b > 0 && {
        let head = v.toks[b - 1].lower.as_str();
        LEXICON.is_source_noun(head) && !LEXICON.is_person_noun(head)
    };
    let kinds = |e: &&Entity| e.kind == EntityType::Person || (body && e.kind == EntityType::Org);
    entities.iter().filter(kinds).find_map(|e| {
        let m = e.mentions.iter().find(|m| m.start == start)?;
        let mut k = v.first_tok_from(m.end);
        // (Past a place the name is from: `Sen. Wade Harlan of Oklahoma,`.)
        if v.toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "of" | "from")) {
            let mut j = k + 1;
            while v.toks.get(j).is_some_and(|t| t.word && t.cap) && j < k + 4 {
                j += 1;
            }
            if j > k + 1 && v.punct(j, ",") {
                k = j;
            }
        }
        let closed =
            v.toks.get(k).is_none_or(|t| t.sent != sent || (!t.word && t.lower != "'s" && t.lower != "’s"));
        closed.then(|| e.id.clone())
    })
}

/// Lowercase words that never modify a name set off after a source (see [`apposed_name`]).
const MODIFIER_STOPS: &[&str] = &[
    "according",
    "to",
    "of",
    "who",
    "which",
    "that",
    "is",
    "was",
    "in",
    "at",
    "for",
    "with",
    "by",
    "from",
    "on",
    "as",
    "and",
    "or",
    "but",
    "said",
    "says",
    "told",
    "like",
    "including",
    "not",
    "his",
    "her",
    "their",
    "its",
    "a",
    "an",
];

/// The person mentioned last before byte `at`.
fn last_person_before(entities: &[Entity], at: usize) -> Option<String> {
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| e.mentions.iter().filter(|m| m.end <= at).map(move |m| (m.end, e.id.as_str())))
        .max_by_key(|(end, _)| *end)
        .map(|(_, id)| id.to_string())
}

fn to_quote(v: &View, f: &Found, (speaker, span): &(Option<String>, Option<Span>)) -> Quote {
    let cue_span = f.cue.map(|c| v.tok_span(c.0, c.1));
    Quote {
        kind: f.kind,
        text: v.slice(f.content).to_string(),
        start: f.content.start,
        end: f.content.end,
        cue: cue_span.map(|s| v.slice(s).to_string()),
        cue_span,
        speaker: speaker.clone(),
        speaker_text: span.map(|s| v.slice(s).to_string()),
        speaker_span: *span,
        reported_by: None,
    }
}
