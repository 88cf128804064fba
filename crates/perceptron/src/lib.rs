//! A linear-chain tagger over pre-hashed features: a structured averaged perceptron
//! (Collins 2002) for training ([`train`]), a compact little-endian model file
//! ([`Model::to_bytes`] / [`Model::from_bytes`]) and Viterbi decoding under the BIO
//! constraint ([`viterbi`]).
//!
//! The crate knows nothing of words: a sequence is one list of `u32` feature hashes per
//! token, gold tags are indices into seven BIO tags laid out `O, B-X, I-X, B-Y, I-Y, B-Z,
//! I-Z`. Each user (the named-entity tagger, the learned quote tagger) computes its own
//! features and names its own model file with a six-byte magic, so one model cannot be
//! read as the other.
//!
//! ```
//! use newsdesk_perceptron::{train, Example, Model};
//! // Feature 1 marks a one-token X; feature 2 an outside token.
//! let data = vec![
//!     Example { feats: vec![vec![1], vec![2]], gold: vec![1, 0] },
//!     Example { feats: vec![vec![2], vec![1]], gold: vec![0, 1] },
//! ];
//! let model = train(&data, 3);
//! assert_eq!(model.tag(&[vec![2], vec![1]]), vec![0, 1]);
//! let bytes = model.to_bytes(b"NDTEST", 0.0);
//! assert!(Model::from_bytes(&bytes, b"NDNER1").is_none());
//! assert_eq!(Model::from_bytes(&bytes, b"NDTEST").unwrap().tag(&[vec![1]]), vec![1]);
//! ```
//!
//! Invariant: deterministic (the same examples in the same order give the same model,
//! byte for byte); no I/O; decoding never panics on any feature list.

mod model;
mod train;

pub use model::{allowed, viterbi, FeatureMap, IdHasher, Magic, Model, NT};
pub use train::{shuffle, train, train_averaged, Example};
