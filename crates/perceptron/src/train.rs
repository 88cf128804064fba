//! Training: a structured averaged perceptron (Collins 2002) with Viterbi decoding, on
//! sequences of pre-hashed token features with gold tag indices. Deterministic: examples are
//! visited in an order shuffled by a fixed-seed generator, so the same examples in the same
//! order give the same model.

use crate::model::{viterbi, FeatureMap, Model, NT};

/// One training sequence: per token its feature hashes, and its gold tag (index, `0` = `O`).
#[derive(Debug, Clone, Default)]
pub struct Example {
    pub feats: Vec<Vec<u32>>,
    pub gold: Vec<usize>,
}

/// Shuffles `order` in place (Fisher–Yates) with the xorshift generator state `rng`: the
/// same state gives the same order on every run and platform.
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Trains a model over `epochs` passes. Examples that are empty, whose lengths disagree or
/// whose tags are out of range are skipped.
pub fn train(examples: &[Example], epochs: usize) -> Model {
    train_seeded(examples, epochs, 0x2545_F491_4F6C_DD1D)
}

/// Trains `runs` models as [`train`] does, each visiting the examples in its own fixed-seed
/// order, and averages their weights: less of the model depends on one order's luck.
pub fn train_averaged(examples: &[Example], epochs: usize, runs: u64) -> Model {
    let runs = runs.max(1);
    let mut out = Model::default();
    let k = 1.0 / runs as f32;
    for r in 0..runs {
        let m = train_seeded(examples, epochs, 0x2545_F491_4F6C_DD1D ^ (r * 0x9e37_79b9));
        for (key, ws) in m.weights {
            let sum = out.weights.entry(key).or_insert([0f32; NT]);
            for (s, w) in sum.iter_mut().zip(ws) {
                *s += w * k;
            }
        }
        for p in 0..NT {
            out.start[p] += m.start[p] * k;
            for t in 0..NT {
                out.transitions[p][t] += m.transitions[p][t] * k;
            }
        }
    }
    out
}

fn train_seeded(examples: &[Example], epochs: usize, seed: u64) -> Model {
    // Features of every token, as dense indices (numbered in order of first sight).
    let mut index: FeatureMap<u32> = FeatureMap::default();
    let mut data: Vec<(Vec<Vec<u32>>, &[usize])> = Vec::with_capacity(examples.len());
    for e in examples {
        if e.feats.is_empty() || e.feats.len() != e.gold.len() || e.gold.iter().any(|&g| g >= NT) {
            continue;
        }
        let feats = e
            .feats
            .iter()
            .map(|fs| {
                fs.iter()
                    .map(|f| {
                        let next = index.len() as u32;
                        *index.entry(*f).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        data.push((feats, &e.gold));
    }
    let nf = index.len();
    let mut w = vec![[0f32; NT]; nf];
    let mut acc = vec![[0f32; NT]; nf];
    let mut trans = [[0f32; NT]; NT];
    let mut trans_acc = [[0f32; NT]; NT];
    let mut start = [0f32; NT];
    let mut start_acc = [0f32; NT];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed;
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let (feats, gold) = &data[k];
            let scores: Vec<[f32; NT]> = feats
                .iter()
                .map(|fs| {
                    let mut s = [0f32; NT];
                    for f in fs {
                        for (a, b) in s.iter_mut().zip(&w[*f as usize]) {
                            *a += b;
                        }
                    }
                    s
                })
                .collect();
            let pred = viterbi(&scores, &trans, &start);
            if pred == *gold {
                c += 1.0;
                continue;
            }
            for i in 0..gold.len() {
                let (g, p) = (gold[i], pred[i]);
                if g != p {
                    for f in &feats[i] {
                        let f = *f as usize;
                        w[f][g] += 1.0;
                        w[f][p] -= 1.0;
                        acc[f][g] += c;
                        acc[f][p] -= c;
                    }
                }
                if i == 0 {
                    if g != p {
                        start[g] += 1.0;
                        start[p] -= 1.0;
                        start_acc[g] += c;
                        start_acc[p] -= c;
                    }
                } else {
                    let (gp, pp) = (gold[i - 1], pred[i - 1]);
                    if (gp, g) != (pp, p) {
                        trans[gp][g] += 1.0;
                        trans[pp][p] -= 1.0;
                        trans_acc[gp][g] += c;
                        trans_acc[pp][p] -= c;
                    }
                }
            }
            c += 1.0;
        }
    }
    let avg = |w: f32, a: f32| w - a / c;
    let mut model = Model::default();
    for (key, i) in index {
        let i = i as usize;
        let mut ws = [0f32; NT];
        for t in 0..NT {
            ws[t] = avg(w[i][t], acc[i][t]);
        }
        if ws.iter().any(|x| *x != 0.0) {
            model.weights.insert(key, ws);
        }
    }
    for p in 0..NT {
        model.start[p] = avg(start[p], start_acc[p]);
        for t in 0..NT {
            model.transitions[p][t] = avg(trans[p][t], trans_acc[p][t]);
        }
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny corpus: feature 10 + k marks word k; words 1 and 2 start X, word 3 continues it.
    fn corpus() -> Vec<Example> {
        let seq = |words: &[u32], gold: &[usize]| Example {
            feats: words.iter().map(|w| vec![10 + w, 100 + w % 2]).collect(),
            gold: gold.to_vec(),
        };
        vec![
            seq(&[0, 1, 3, 0], &[0, 1, 2, 0]),
            seq(&[2, 0, 0], &[1, 0, 0]),
            seq(&[0, 4, 4, 2, 3], &[0, 3, 4, 1, 2]),
            seq(&[5, 0, 1], &[5, 0, 1]),
        ]
    }

    fn check(epochs: usize, seq: &[u32], expected: &[usize]) {
        let a = train(&corpus(), epochs);
        let b = train(&corpus(), epochs);
        assert_eq!(a.to_bytes(b"NDTEST", 0.0), b.to_bytes(b"NDTEST", 0.0), "training is deterministic");
        let feats: Vec<Vec<u32>> = seq.iter().map(|w| vec![10 + w, 100 + w % 2]).collect();
        assert_eq!(a.tag(&feats), expected);
    }

    #[test]
    fn learns_and_is_deterministic() {
        check(5, &[0, 1, 3], &[0, 1, 2]);
        check(5, &[2, 0, 5], &[1, 0, 5]);
        check(5, &[4, 4, 0], &[3, 4, 0]);
        check(1, &[], &[]);
    }

    #[test]
    fn skips_malformed_examples() {
        let bad = vec![
            Example { feats: vec![vec![1]], gold: vec![] },
            Example { feats: vec![vec![1]], gold: vec![9] },
            Example::default(),
        ];
        assert!(train(&bad, 3).is_empty());
    }

    #[test]
    fn model_round_trips() {
        let m = train(&corpus(), 4);
        let bytes = m.to_bytes(b"NDTEST", 0.0);
        let back = Model::from_bytes(&bytes, b"NDTEST").expect("parses");
        assert_eq!(back.to_bytes(b"NDTEST", 0.0), bytes);
        assert!(Model::from_bytes(&bytes, b"NDQUO1").is_none());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1], b"NDTEST").is_none());
        assert!(Model::from_bytes(&[], b"NDTEST").is_none());
    }
}
