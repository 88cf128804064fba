//! Training the tagger: a structured averaged perceptron (Collins 2002) with Viterbi decoding,
//! on sentences of words with gold BIO tags. Deterministic: the same corpus gives the same model.

use crate::features::{features, Prepared};
use crate::model::{viterbi, FeatureMap, Model, NT, TAGS};

/// One training sentence: words and their BIO tags (`O`, `B-PER`, `I-LOC`...; other types are `O`).
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Trains a model over `epochs` passes.
pub fn train(sentences: &[Sentence], epochs: usize) -> Model {
    // Features of every word, as dense indices.
    let mut index: FeatureMap<u32> = FeatureMap::default();
    let mut data: Vec<(Vec<Vec<u32>>, Vec<usize>)> = Vec::with_capacity(sentences.len());
    let mut buf = Vec::new();
    for s in sentences {
        if s.words.is_empty() || s.words.len() != s.tags.len() {
            continue;
        }
        let p = Prepared::new(&s.words);
        let feats = (0..p.len())
            .map(|i| {
                features(&p, i, &mut buf);
                buf.iter()
                    .map(|f| {
                        let next = index.len() as u32;
                        *index.entry(*f).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let gold = s.tags.iter().map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0)).collect();
        data.push((feats, gold));
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
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
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
