//! The tagger's model: the generic perceptron model of `newsdesk-perceptron` (feature hash →
//! one weight per BIO tag, transitions, Viterbi under the BIO constraint) scored on this
//! crate's word features. The committed model (`models/ner.bin`, magic `NDNER1`) is
//! compiled in and parsed once.

use crate::features::{features, Prepared};
use newsdesk_perceptron::{viterbi, Magic};
use std::sync::LazyLock;

pub use newsdesk_perceptron::NT;

/// The BIO tags, in model order.
pub const TAGS: [&str; NT] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// The magic opening a named-entity model file.
pub const MAGIC: &Magic = b"NDNER1";

static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

/// The committed model, parsed on first use (an unreadable file gives an empty model, so the
/// lexicon rules still run).
pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_bytes(MODEL_BYTES).unwrap_or_default());

/// Weights of a trained named-entity tagger.
#[derive(Debug, Default, Clone)]
pub struct Model(pub newsdesk_perceptron::Model);

impl Model {
    /// Parses a named-entity model file (`None` for anything else).
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        newsdesk_perceptron::Model::from_bytes(bytes, MAGIC).map(Model)
    }

    /// Writes the model, dropping features whose weights all stay under `min_weight`.
    pub fn to_bytes(&self, min_weight: f32) -> Vec<u8> {
        self.0.to_bytes(MAGIC, min_weight)
    }

    /// Emission scores of every word of a prepared sentence.
    pub fn scores(&self, p: &Prepared) -> Vec<[f32; NT]> {
        let mut buf = Vec::with_capacity(48);
        (0..p.len())
            .map(|i| {
                features(p, i, &mut buf);
                self.0.score(&buf)
            })
            .collect()
    }

    /// The best tag sequence (indices into [`TAGS`]) for a sentence.
    pub fn tag(&self, p: &Prepared) -> Vec<usize> {
        viterbi(&self.scores(p), &self.0.transitions, &self.0.start)
    }
}
