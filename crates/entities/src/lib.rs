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

/// Finds the entities of `text` with all their mentions (byte offsets; ids `e1`, `e2`… in
/// order of first mention; mentions in text order).
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Entity> {
    let w = coref::Words::new(text, words::words(text, seg));
    let mut names: Vec<NameSpan> = Vec::new();
    let mut start = 0;
    while start < w.words.len() {
        let sentence = w.words[start].sentence;
        let mut end = start;
        while end < w.words.len() && w.words[end].sentence == sentence {
            end += 1;
        }
        for mut span in ner::tag_sentence(&w.raw[start..end]) {
            span.start += start;
            span.end += start;
            names.push(span);
        }
        start = end;
    }
    coref::resolve(&w, &names)
}
