//! One learned decision among candidates, for the refining steps after the tagger: where an
//! indirect content starts and ends ([`super::bounds`]), which source it has
//! ([`super::sources`]), whether to keep a content the tagger adds and whether to keep a
//! content the rules found where the tagger reads no cue. An averaged multiclass
//! perceptron scores each candidate by its hashed features (each step has its own feature
//! templates, so one weight vector serves them all) and the best one wins. Trained by
//! `newsdesk train quotes`; compiled in from `models/quote_choices.bin`, and an empty or
//! unreadable model leaves every decision to the rules.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

/// The magic opening a choice model file.
pub const MAGIC: &[u8; 6] = b"NDQCH1";
/// Features are hashed into this many weights.
const DIM: usize = 1 << 20;
/// A trained model: sparse averaged weights, and the same spread over all `DIM` slots for
/// lookups in one step (4 MiB: a decision reads dozens of weights per candidate).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chooser {
    weights: Vec<(u32, f32)>,
    dense: Vec<f32>,
}

impl Chooser {
    fn new(weights: Vec<(u32, f32)>) -> Chooser {
        let mut dense = vec![0f32; if weights.is_empty() { 0 } else { DIM }];
        for &(k, w) in &weights {
            dense[k as usize % DIM] = w;
        }
        Chooser { weights, dense }
    }

    fn score(&self, feats: &[u32]) -> f32 {
        if self.dense.is_empty() {
            return 0.0;
        }
        feats.iter().map(|&h| self.dense[h as usize % DIM]).sum()
    }

    /// Index of the best-scoring candidate (the first on ties).
    pub fn pick(&self, cands: &[Vec<u32>]) -> usize {
        let mut best = (0, f32::MIN);
        for (k, c) in cands.iter().enumerate() {
            let s = self.score(c);
            if s > best.1 {
                best = (k, s);
            }
        }
        best.0
    }

    /// The model file: magic, count, then (index, weight) pairs, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(10 + 8 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for (k, w) in &self.weights {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model file; `None` when it is not one or is cut short.
    pub fn from_bytes(bytes: &[u8]) -> Option<Chooser> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let word = |k: usize| -> Option<[u8; 4]> { rest.get(k..k + 4)?.try_into().ok() };
        let n = u32::from_le_bytes(word(0)?) as usize;
        if rest.len() != 4 + 8 * n {
            return None;
        }
        let mut weights = Vec::with_capacity(n);
        for i in 0..n {
            let k = u32::from_le_bytes(word(4 + 8 * i)?);
            let w = f32::from_le_bytes(word(8 + 8 * i)?);
            if k as usize >= DIM || weights.last().is_some_and(|&(p, _)| p >= k) || !w.is_finite() {
                return None;
            }
            weights.push((k, w));
        }
        Some(Chooser::new(weights))
    }
}

/// One training choice: the features of each candidate, and which is right.
#[derive(Debug, Clone)]
pub struct Choice {
    pub cands: Vec<Vec<u32>>,
    pub gold: usize,
}

/// Trains the averaged multiclass perceptron over `epochs` passes, `RUNS` times in as many
/// fixed-seed orders, and averages the runs' weights: one order's luck (which choices come
/// late in the last pass) moves a single perceptron's decisions by more than most changes to
/// its features do.
pub fn train(choices: &[Choice], epochs: usize) -> Chooser {
    const RUNS: u64 = 5;
    let mut sum = vec![0f32; DIM];
    for run in 0..RUNS {
        for (s, w) in sum.iter_mut().zip(train_once(choices, epochs, 0x9e37_79b9_7f4a_7c15 ^ run)) {
            *s += w / RUNS as f32;
        }
    }
    let weights =
        sum.iter().enumerate().map(|(k, &x)| (k as u32, x)).filter(|(_, x)| x.abs() >= 1e-3).collect();
    Chooser::new(weights)
}

/// One averaged perceptron over `epochs` passes in the order `seed` shuffles: dense weights.
fn train_once(choices: &[Choice], epochs: usize, mut seed: u64) -> Vec<f32> {
    let mut w = vec![0f32; DIM];
    // Sum of c * update, for the average w - u / c (Daumé's trick).
    let mut u = vec![0f32; DIM];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..choices.len()).collect();
    for _ in 0..epochs {
        newsdesk_perceptron::shuffle(&mut order, &mut seed);
        for &i in &order {
            let ch = &choices[i];
            let score = |f: &Vec<u32>| f.iter().map(|&h| w[h as usize % DIM]).sum::<f32>();
            let mut best = (0, f32::MIN);
            for (k, f) in ch.cands.iter().enumerate() {
                let s = score(f);
                if s > best.1 {
                    best = (k, s);
                }
            }
            if best.0 != ch.gold {
                for (feats, delta) in [(&ch.cands[ch.gold], 1.0f32), (&ch.cands[best.0], -1.0)] {
                    for &h in feats {
                        let k = h as usize % DIM;
                        w[k] += delta;
                        u[k] += c * delta;
                    }
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(&w, &u)| w - u / c).collect()
}

static MODEL_BYTES: &[u8] = include_bytes!("../../../../models/quote_choices.bin");
static REPLACEMENT: OnceLock<Vec<u8>> = OnceLock::new();
static LOADED: AtomicBool = AtomicBool::new(false);
static MODEL: LazyLock<Option<Chooser>> = LazyLock::new(|| {
    LOADED.store(true, Ordering::SeqCst);
    Chooser::from_bytes(REPLACEMENT.get().map_or(MODEL_BYTES, Vec::as_slice))
        .filter(|m| !m.weights.is_empty())
});

/// The model in use, if any.
pub(super) fn model() -> Option<&'static Chooser> {
    MODEL.as_ref()
}

/// Makes this process use the model `bytes` instead of the compiled-in one; false when a
/// model is already in use.
pub fn use_model(bytes: Vec<u8>) -> bool {
    !LOADED.load(Ordering::SeqCst) && REPLACEMENT.set(bytes).is_ok()
}

pub(super) fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=15 => "9-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

/// FNV-1a over a template number and value parts: the tagger's hash.
pub(super) fn hash(template: u8, parts: &[&str]) -> u32 {
    super::features::hash(template, parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_files_round_trip_and_cut_ones_are_refused() {
        let choices = vec![
            Choice { cands: vec![vec![1, 2], vec![3, 4]], gold: 1 },
            Choice { cands: vec![vec![1, 5], vec![3, 6], vec![7]], gold: 1 },
        ];
        let m = train(&choices, 5);
        assert_eq!(m, train(&choices, 5), "training is deterministic");
        assert_eq!(m.pick(&[vec![1, 2], vec![3, 4]]), 1);
        let bytes = m.to_bytes();
        assert_eq!(Chooser::from_bytes(&bytes), Some(m));
        for cut in [0, 5, 9, bytes.len() - 1] {
            assert_eq!(Chooser::from_bytes(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(Chooser::from_bytes(b"NDQUO1\0\0\0\0"), None, "wrong magic");
    }
}
