//! Word classes learned from raw text, as features for the tagger and the choosers: words used
//! in the same contexts share a class (`slams`, `blasts`, `rips`; `Monday`, `Tuesday`), so
//! what the models learn of one word carries to the words of its class, also ones the
//! annotated training articles never show as cues.
//!
//! The classes come from the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney
//! 1998): every word starts in a class by its frequency rank; each pass moves every word to
//! the class that most raises the likelihood of the text under a class bigram model,
//! `Σ N(c,d) ln N(c,d) − Σ N(c) ln N(c)` over left and right class counts. Only counts move,
//! never text: trained by `newsdesk train clusters` on unannotated text and compiled in from
//! `data/word_clusters.tsv` (`word<TAB>class`); a word not listed has no class.

use std::collections::HashMap;
use std::sync::LazyLock;

const CLUSTERS: &str = include_str!("../../../../data/word_clusters.tsv");

static TABLE: LazyLock<rustc_hash::FxHashMap<String, u16>> = LazyLock::new(|| {
    newsdesk_model::tsv::rows(CLUSTERS)
        .filter_map(|row| Some((row.first()?.to_string(), row.get(1)?.parse().ok()?)))
        .collect()
});

/// The word form clustered for a lowercase token: digits fold to one `<num>` form.
pub fn form(lower: &str) -> &str {
    if lower.bytes().any(|b| b.is_ascii_digit()) {
        "<num>"
    } else {
        lower
    }
}

/// A class as a feature value (`c17`; `-` for none).
pub fn label(class: Option<u16>) -> &'static str {
    // One label per class the table holds, built once (not one per possible id).
    static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let n = TABLE.values().copied().max().map_or(0, |m| m as usize + 1);
        (0..n).map(|c| format!("c{c}")).collect()
    });
    class.and_then(|c| LABELS.get(c as usize)).map_or("-", String::as_str)
}

/// The class of a lowercase token, if it has one.
pub fn class(lower: &str) -> Option<u16> {
    TABLE.get(form(lower)).copied()
}

/// The token forms of a text as the attributor reads them, one sequence per paragraph: the
/// training input of [`train`].
pub fn sequences(text: &str) -> Vec<Vec<String>> {
    let seg = newsdesk_segment::segment(text);
    let v = crate::text::View::new(text, &seg);
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut para = usize::MAX;
    for t in &v.toks {
        if t.para != para || out.is_empty() {
            out.push(Vec::new());
            para = t.para;
        }
        if let Some(last) = out.last_mut() {
            last.push(form(&t.lower).to_string());
        }
    }
    out
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Trains `classes` word classes on token sequences (lowercase forms, see [`form`]) over
/// `passes` passes; words seen fewer than `min_count` times are left out. Returns the classes
/// by word, in order of frequency (ties by word): deterministic for the same input.
pub fn train(
    sequences: &[Vec<String>],
    classes: usize,
    min_count: usize,
    passes: usize,
) -> Vec<(String, u16)> {
    let classes = classes.max(2);
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for s in sequences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = freq.into_iter().filter(|&(_, n)| n >= min_count).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let n = vocab.len();
    // Bigram counts between listed words, as successor and predecessor lists.
    let mut pairs: HashMap<(usize, usize), f64> = HashMap::new();
    for s in sequences {
        for w in s.windows(2) {
            if let (Some(&a), Some(&b)) = (id.get(w[0].as_str()), id.get(w[1].as_str())) {
                *pairs.entry((a, b)).or_default() += 1.0;
            }
        }
    }
    let mut succ: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut pair_list: Vec<((usize, usize), f64)> = pairs.into_iter().collect();
    pair_list.sort_by_key(|p| p.0);
    for &((a, b), c) in &pair_list {
        succ[a].push((b, c));
        pred[b].push((a, c));
    }
    let left: Vec<f64> = succ.iter().map(|s| s.iter().map(|x| x.1).sum()).collect();
    let right: Vec<f64> = pred.iter().map(|p| p.iter().map(|x| x.1).sum()).collect();
    let mut class: Vec<usize> = (0..n).map(|i| i % classes).collect();
    let mut cc = vec![vec![0f64; classes]; classes];
    let (mut cl, mut cr) = (vec![0f64; classes], vec![0f64; classes]);
    for &((a, b), c) in &pair_list {
        cc[class[a]][class[b]] += c;
    }
    for w in 0..n {
        cl[class[w]] += left[w];
        cr[class[w]] += right[w];
    }
    let (mut s, mut p) = (vec![0f64; classes], vec![0f64; classes]);
    for _ in 0..passes {
        let mut moved = 0;
        for w in 0..n {
            // The word's counts to and from each class, its own bigram apart.
            s.iter_mut().for_each(|x| *x = 0.0);
            p.iter_mut().for_each(|x| *x = 0.0);
            let mut own = 0.0;
            for &(v, c) in &succ[w] {
                if v == w {
                    own += c;
                } else {
                    s[class[v]] += c;
                }
            }
            for &(u, c) in pred[w].iter().filter(|x| x.0 != w) {
                p[class[u]] += c;
            }
            let from = class[w];
            for d in 0..classes {
                cc[from][d] -= s[d];
                cc[d][from] -= p[d];
            }
            cc[from][from] -= own;
            cl[from] -= left[w];
            cr[from] -= right[w];
            let nz: Vec<usize> = (0..classes).filter(|&d| s[d] != 0.0 || p[d] != 0.0).collect();
            let gain = |k: usize| {
                let mut g = 0.0;
                for &d in nz.iter().filter(|&&d| d != k) {
                    g += xlogx(cc[k][d] + s[d]) - xlogx(cc[k][d]);
                    g += xlogx(cc[d][k] + p[d]) - xlogx(cc[d][k]);
                }
                let kk = s[k] + p[k] + own;
                g += xlogx(cc[k][k] + kk) - xlogx(cc[k][k]);
                g - (xlogx(cl[k] + left[w]) - xlogx(cl[k])) - (xlogx(cr[k] + right[w]) - xlogx(cr[k]))
            };
            let mut best = (from, gain(from));
            for k in (0..classes).filter(|&k| k != from) {
                let g = gain(k);
                if g > best.1 + 1e-9 {
                    best = (k, g);
                }
            }
            let to = best.0;
            for d in 0..classes {
                cc[to][d] += s[d];
                cc[d][to] += p[d];
            }
            cc[to][to] += own;
            cl[to] += left[w];
            cr[to] += right[w];
            if to != from {
                class[w] = to;
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
    }
    vocab.iter().zip(&class).map(|((w, _), &c)| (w.to_string(), c as u16)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Vec<String>> {
        let mut seqs = Vec::new();
        for (subject, verb) in [("she", "slams"), ("he", "blasts"), ("they", "slams"), ("she", "blasts")] {
            for object in ["the plan", "the bill", "the deal"] {
                let line = format!("{subject} {verb} {object} .");
                seqs.push(line.split(' ').map(String::from).collect::<Vec<_>>());
            }
        }
        seqs
    }

    /// The class bigram log-likelihood (up to a constant), counted from scratch.
    fn likelihood(seqs: &[Vec<String>], class: &HashMap<String, u16>) -> f64 {
        let mut cc: HashMap<(u16, u16), f64> = HashMap::new();
        let (mut l, mut r): (HashMap<u16, f64>, HashMap<u16, f64>) = Default::default();
        for s in seqs {
            for w in s.windows(2) {
                let (a, b) = (class[&w[0]], class[&w[1]]);
                *cc.entry((a, b)).or_default() += 1.0;
                *l.entry(a).or_default() += 1.0;
                *r.entry(b).or_default() += 1.0;
            }
        }
        cc.values().map(|&x| xlogx(x)).sum::<f64>()
            - l.values().map(|&x| xlogx(x)).sum::<f64>()
            - r.values().map(|&x| xlogx(x)).sum::<f64>()
    }

    #[test]
    fn no_single_move_improves_the_trained_classes() {
        let seqs = corpus();
        let got: HashMap<String, u16> = train(&seqs, 4, 1, 20).into_iter().collect();
        let start: HashMap<String, u16> = train(&seqs, 4, 1, 0).into_iter().collect();
        let best = likelihood(&seqs, &got);
        assert!(best > likelihood(&seqs, &start) + 1.0);
        for w in got.keys() {
            for k in 0..4 {
                let mut moved = got.clone();
                moved.insert(w.clone(), k);
                assert!(likelihood(&seqs, &moved) <= best + 1e-6, "moving {w} to {k} improves");
            }
        }
        assert_eq!(train(&seqs, 4, 1, 20), train(&seqs, 4, 1, 20));
    }

    #[test]
    fn numbers_fold_to_one_form() {
        assert_eq!(form("2016"), "<num>");
        assert_eq!(form("said"), "said");
    }
}
