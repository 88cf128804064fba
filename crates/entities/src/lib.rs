//! Entities: named-entity recognition and within-document coreference.
//!
//! Finds people, organisations, locations and other names, then groups every mention of one
//! referent (names, pronouns, descriptions) into one `Entity` with gathered attributes.
//!
//! The recogniser is a statistical tagger trained in this repository (an averaged perceptron
//! over word, shape, affix, context and lexicon features, decoded with Viterbi; see [`train`])
//! whose weights are compiled in from `models/ner.bin`, combined with the lists in `data/`.
//!
//! ```
//! let text = "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing. He said ties were good.";
//! let seg = newsdesk_segment::segment(text);
//! let entities = newsdesk_entities::recognize(text, &seg);
//! assert!(entities.iter().any(|e| e.name == "Beijing"));
//! ```

pub mod anaphora;
pub mod coref;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod train;
pub mod words;

use ner::NameSpan;
use newsdesk_model::Entity;
use newsdesk_segment::Segmentation;

/// Longest run of words tagged at once.
const MAX_SENTENCE_WORDS: usize = 200;

/// Finds the entities of `text` with all their mentions (byte offsets; ids `e1`, `e2`… in
/// order of first mention; mentions in text order).
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Entity> {
    let w = coref::Words::new(text, words::words(text, seg));
    let mut names: Vec<NameSpan> = Vec::new();
    let mut start = 0;
    while start < w.words.len() {
        let sentence = w.words[start].sentence;
        let mut end = start;
        // Very long "sentences" (lists, unpunctuated dumps) are tagged in pieces: bounded time.
        while end < w.words.len() && w.words[end].sentence == sentence && end - start < MAX_SENTENCE_WORDS {
            end += 1;
        }
        for mut span in ner::tag_sentence(&w.raw[start..end]) {
            span.start += start;
            span.end += start;
            names.push(span);
        }
        start = end;
    }
    propagate(&w, &mut names);
    places_after_in(&w, &mut names);
    coref::resolve(&w, &names)
}

/// Document-level consistency: a name the tagger found once is a name wherever else it is
/// written the same way, capitalised (`Putin stated…` after `President Vladimir Putin`);
/// a person's surname alone is that person.
fn propagate(w: &coref::Words, names: &mut Vec<NameSpan>) {
    // Each distinct name once, found by its first word.
    let mut known: Known = Default::default();
    type Known<'a> = std::collections::HashMap<&'a str, Vec<(Vec<&'a str>, NameSpan)>>;
    fn add<'a>(known: &mut Known<'a>, words: Vec<&'a str>, n: &NameSpan) {
        let Some(first) = words.first().copied() else { return };
        let list = known.entry(first).or_default();
        if !list.iter().any(|(k, _)| *k == words) {
            list.push((words, n.clone()));
            list.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
    }
    for n in names.iter() {
        let words = w.raw[n.start..n.end].to_vec();
        if n.kind == newsdesk_model::EntityType::Person && words.len() > 1 {
            if let Some(last) = words.last().filter(|l| l.chars().count() > 2) {
                add(&mut known, vec![*last], n);
            }
        }
        add(&mut known, words, n);
    }
    let mut covered = vec![false; w.raw.len()];
    for n in names.iter() {
        for c in covered.iter_mut().take(n.end).skip(n.start) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < w.raw.len() {
        if covered[i] || !w.raw[i].chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let hit = known.get(w.raw[i]).into_iter().flatten().find(|(k, _)| {
            i + k.len() <= w.raw.len()
                && w.raw[i..i + k.len()] == k[..]
                && !covered[i..i + k.len()].iter().any(|c| *c)
                && w.words[i].sentence == w.words[i + k.len() - 1].sentence
        });
        match hit {
            Some((k, n)) => {
                added.push(NameSpan { start: i, end: i + k.len(), ..n.clone() });
                i += k.len();
            }
            None => i += 1,
        }
    }
    names.extend(added);
    names.sort_by_key(|n| (n.start, n.end));
}

/// A one-word name the tagger made a person is a place where every use of it closes a phrase
/// after `in`, `near` or `outside` (`cut jobs at the plant in Eindhoven, the company said`),
/// unless a longer person's name of the document holds the word (`in Sanders,` after
/// `Bernie Sanders`): a name written once as a speaker (`Eindhoven said`) stays a person, and
/// so does one held or believed in (`a believer in Jesus,`).
fn places_after_in(w: &coref::Words, names: &mut [NameSpan]) {
    use newsdesk_model::EntityType::{Location, Person};
    let placed = |n: &NameSpan| {
        let k = n.start;
        if n.end != k + 1 || k == 0 || w.sentence(k - 1) != w.sentence(k) {
            return false;
        }
        if !matches!(&*w.lower[k - 1], "in" | "near" | "outside")
            || k >= 2 && ner::in_names_no_place(&w.lower[k - 2])
        {
            return false;
        }
        // (The two words after the name decide, and whether the sentence ends there: a
        // bounded look, however long the sentence.)
        let mut b = n.end;
        while b < w.raw.len() && b < n.end + 3 && w.sentence(b) == w.sentence(k) {
            b += 1;
        }
        ner::closes_place(&w.raw[k..b], 1)
    };
    let mut verdict: std::collections::HashMap<&str, bool> = Default::default();
    for n in names.iter().filter(|n| n.kind == Person) {
        if n.end - n.start > 1 {
            for &x in &w.raw[n.start..n.end] {
                verdict.insert(x, false);
            }
        } else {
            let v = verdict.entry(w.raw[n.start]).or_insert(true);
            *v = *v && placed(n);
        }
    }
    for n in names.iter_mut() {
        if n.kind == Person && n.end == n.start + 1 && verdict.get(w.raw[n.start]) == Some(&true) {
            n.kind = Location;
            n.subtype = None;
            n.place = None;
        }
    }
}
