//! Training the tagger: this crate's word features fed to the structured averaged perceptron
//! of `newsdesk-perceptron`. Deterministic: the same corpus gives the same model.

use crate::features::{features, Prepared};
use crate::model::{Model, TAGS};
use newsdesk_perceptron::Example;

/// One training sentence: words and their BIO tags (`O`, `B-PER`, `I-LOC`...; other types are `O`).
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Trains a model over `epochs` passes.
pub fn train(sentences: &[Sentence], epochs: usize) -> Model {
    let mut buf = Vec::new();
    let examples: Vec<Example> = sentences
        .iter()
        .filter(|s| !s.words.is_empty() && s.words.len() == s.tags.len())
        .map(|s| {
            let p = Prepared::new(&s.words);
            let feats = (0..p.len())
                .map(|i| {
                    features(&p, i, &mut buf);
                    buf.clone()
                })
                .collect();
            let gold = s.tags.iter().map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0)).collect();
            Example { feats, gold }
        })
        .collect();
    Model(newsdesk_perceptron::train(&examples, epochs))
}
