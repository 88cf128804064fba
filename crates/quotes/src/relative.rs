//! A restrictive relative clause before its sentence's verb of saying: `Voters who backed
//! Trump in 2016 said they would do so again`, `A man accused of stealing a painting told the
//! court he had bought it online`, `Officials who visited the site said ...`.
//!
//! A cue inside the clause (`backed`, `accused`) has a content that ends where the main
//! verb begins, and that verb opens an attribution of its own, its source the noun phrase the
//! clause describes. A source read inside the clause (`visited the site`) is that noun phrase.
//! A clause reported inside a relative clause on the sentence's subject ends where the
//! sentence's own verb begins (`Voters who said the economy was their top issue were ...`).

use crate::found::Found;
use crate::lexicon::{Frame, LEXICON};
use crate::source::{self, Range};
use crate::text::View;
use newsdesk_model::QuoteKind;

/// Relative pronouns opening a clause that describes the noun before them (not `that` or
/// `which`, as often a complementizer or a clause's own subject).
const RELATIVES: [&str; 2] = ["who", "whom"];

/// Words that are no noun before a past participle: `was accused of`, `he accused`.
const NOT_A_NOUN: [&str; 24] = [
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "get", "got", "and", "or",
    "not", "who", "which", "that", "he", "she", "they", "we", "i", "it",
];

/// Cuts contents at their sentence's main verb of saying and gives that verb its attribution;
/// moves sources read inside a relative clause to the noun phrase it describes.
pub fn split(v: &View, found: &mut Vec<Found>) {
    let mut main = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind != QuoteKind::Direct) {
        // (`Officials who visited the site said`: a source read inside the clause is the
        // officials. A source `who` stays: its entity is resolved as a pronoun's.)
        // (Only a source opening with a verb: not `whom he accused`, `who many believe`.)
        if let Some((s0, _)) = f.source.filter(|&(s0, _)| verb_like(&v.toks[s0])) {
            if let Some(np) = s0.checked_sub(1).and_then(|r| described(v, r)) {
                f.source = Some(np);
            }
        }
        let Some((c, _)) = f.cue else { continue };
        let (a, b) = (v.first_tok_from(f.content.start), v.toks.partition_point(|t| t.start < f.content.end));
        let Some(np) = clause_before(v, c) else { continue };
        if a >= b {
            continue;
        }
        if crate::coordination::clause_cue(v, (c, c + 1)) {
            // (`Voters who said the economy was their top concern were more likely to ...`:
            // the reported clause ends where the sentence's own verb begins.)
            if let Some(k) = second_verb(v, np, a, b) {
                f.narrow(v, v.tok_span(a, k));
            }
            continue;
        }
        let Some((k, e)) = (a + 1..b).find_map(|k| main_verb(v, k).map(|e| (k, e))) else { continue };
        f.narrow(v, v.tok_span(a, k));
        // The main verb's content opens after `that` (`told jurors on Tuesday that ...`), or
        // after who hears, where the clause starts (`told the court he had ...`).
        let that = (e..(e + 8).min(b)).take_while(|&j| v.toks[j].word).find(|&j| v.toks[j].lower == "that");
        let sent_end = v.sents[v.toks[k].sent].1;
        let start = that
            .map(|j| j + 1)
            .or_else(|| crate::indirect::addressee_then_clause(v, k, e, sent_end))
            .unwrap_or(e);
        if (start..b).filter(|&j| v.toks[j].word).count() >= 2 {
            main.push(Found::new(QuoteKind::Indirect, v.tok_span(start, b), Some((k, e)), Some(np)));
        }
    }
    crate::found::add_unclaimed(found, main);
}

/// A lowercase word that is no pronoun, determiner or quantifier: what may open a verb phrase.
fn verb_like(t: &crate::text::Tok) -> bool {
    t.word
        && !t.cap
        && !LEXICON.is(&t.lower, "pronoun")
        && !LEXICON.is(&t.lower, "det")
        && !matches!(
            t.lower.as_str(),
            "many" | "most" | "both" | "some" | "all" | "few" | "several" | "others" | "none" | "each"
        )
}

/// The noun phrase a relative pronoun at `r` describes (`Officials` in `Officials who visited
/// the site`): the words before it back to the sentence's start, a punctuation mark or a
/// clause's word; `None` when `r` is no relative pronoun after a noun.
fn described(v: &View, r: usize) -> Option<Range> {
    if r == 0 || !RELATIVES.contains(&v.toks[r].lower.as_str()) {
        return None;
    }
    let sent = v.toks[r].sent;
    let mut a = r;
    while a > 0 {
        let t = &v.toks[a - 1];
        let stop = t.sent != sent
            || !t.word
            || matches!(
                t.lower.as_str(),
                "that" | "and" | "but" | "or" | "as" | "when" | "while" | "because" | "if"
            )
            || source::cue_at(v, a - 1).is_some();
        if stop {
            break;
        }
        a -= 1;
    }
    // (A noun before it: not `said that`, `so that`.)
    let noun = a < r && !NOT_A_NOUN.contains(&v.toks[r - 1].lower.as_str());
    noun.then_some((a, r))
}

/// The noun phrase a clause around cue `c` describes: after a relative pronoun right before
/// the cue (`Voters who backed`), or before a participle opening a reduced one (`A man
/// accused of`).
fn clause_before(v: &View, c: usize) -> Option<Range> {
    let p = c.checked_sub(1)?;
    if let Some(np) = described(v, p) {
        return Some(np);
    }
    let t = &v.toks[c];
    let before = &v.toks[p];
    // (Only a participle that opens such a clause far more often than a sentence's verb: `The
    // agency responded with ...` is a sentence.)
    let next = v.toks.get(c + 1).map_or("", |n| n.lower.as_str());
    let reduced = matches!(
        (t.lower.as_str(), next),
        ("accused" | "suspected" | "convicted", "of") | ("charged", "with")
    ) && before.word
        && !NOT_A_NOUN.contains(&before.lower.as_str());
    if !reduced {
        return None;
    }
    // (The noun phrase back to the sentence's start or a punctuation mark.)
    let sent = t.sent;
    let mut a = c;
    while a > 0 && v.toks[a - 1].word && v.toks[a - 1].sent == sent && source::cue_at(v, a - 1).is_none() {
        a -= 1;
    }
    (a < c).then_some((a, c))
}

/// In a reported clause `[a, b)` inside a relative clause on the sentence's subject `np`, the
/// start of the sentence's own verb: a finite form after the reported clause's own finite
/// form and at least one word (`the economy was their top issue | were more likely`).
fn second_verb(v: &View, np: Range, a: usize, b: usize) -> Option<usize> {
    let (sa, _) = v.sentence_of(np.0);
    if np.0 != sa {
        return None;
    }
    let finite = |k: usize| {
        let w = v.toks[k].lower.as_str();
        v.toks[k].word && (LEXICON.is(w, "auxiliary") || (w.len() > 4 && w.ends_with("ed")))
    };
    let first = (a..b).find(|&k| finite(k) && v.region_of(k).is_none())?;
    (first + 2..b).find(|&k| {
        let p = &v.toks[k - 1];
        finite(k)
            && v.region_of(k).is_none()
            && p.word
            && !finite(k - 1)
            && !LEXICON.is(&p.lower, "det")
            && !LEXICON.is(&p.lower, "pronoun")
            && !source::possessive(&p.lower)
            && !NOT_BEFORE_A_VERB.contains(&p.lower.as_str())
            && !matches!(p.lower.as_str(), "be" | "been" | "being" | "so" | "than" | "as" | "when" | "if")
    })
}

/// Words after which no sentence's verb stands: auxiliaries, conjunctions, prepositions
/// (`with chants of`).
const NOT_BEFORE_A_VERB: [&str; 30] = [
    "to", "and", "or", "but", "not", "that", "who", "which", "would", "will", "could", "should", "can",
    "may", "might", "must", "did", "does", "do", "has", "have", "had", "with", "of", "for", "in", "on", "at",
    "by", "from",
];

/// The end of a main verb of saying at `k` (`testified`, `told`): a cue of saying outside
/// quotation marks, no -ing form, after the clause's last word: never a determiner, a
/// possessive, a subject pronoun (`anything he says`) or a word of [`NOT_BEFORE_A_VERB`].
fn main_verb(v: &View, k: usize) -> Option<usize> {
    let (e, frame) = source::cue_at(v, k)?;
    let p = &v.toks[k - 1];
    let after_word = p.word
        && !v.toks[k].is_ing_form()
        && !LEXICON.is(&p.lower, "det")
        && !LEXICON.is(&p.lower, "pronoun")
        && !source::possessive(&p.lower)
        && !NOT_BEFORE_A_VERB.contains(&p.lower.as_str());
    (frame == Frame::Any && source::saying_at(v, k) && v.region_of(k).is_none() && after_word).then_some(e)
}
