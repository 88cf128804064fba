//! The error listing of `newsdesk eval quotes --verbose`: every unmatched prediction (FP) and
//! gold attribution (FN) with its cue, and for a missed gold content the prediction that
//! overlaps it most (a mis-bounded span rather than a miss). Meant for error analysis on the
//! train split, grouped with `sort | uniq -c` on the cue column.

use super::{match_contents, Article, GoldAttribution, Predicted, Tokens};
use std::collections::HashSet;

/// One unmatched attribution, spans as char ranges.
#[derive(Debug, Clone, Default)]
pub struct Miss {
    pub direct: bool,
    pub content: Vec<(usize, usize)>,
    pub cue: Vec<(usize, usize)>,
    /// For a missed gold content: the unmatched prediction overlapping it most, if any.
    pub near: Option<Vec<(usize, usize)>>,
}

/// Which predictions and gold attributions found no partner.
#[derive(Debug, Clone, Default)]
pub struct Misses {
    pub false_pos: Vec<Miss>,
    pub false_neg: Vec<Miss>,
    /// Predicted direct quotes matched to a gold attribution that is not direct.
    pub kind_mismatch: Vec<Miss>,
    /// Matched contents whose sources do not match: the gold attribution, with the predicted
    /// source as `near`.
    pub wrong_source: Vec<Miss>,
    /// Missed gold contents that a prediction matched to another gold content overlaps (two
    /// attributions read as one): the gold attribution, with that prediction as `near`.
    pub taken: Vec<Miss>,
}

/// The unmatched predictions and gold attributions of one comparison.
pub fn misses(text: &str, pred: &[Predicted], gold: &[GoldAttribution]) -> Misses {
    let tok = Tokens::new(text);
    let ps: Vec<HashSet<u32>> = pred.iter().map(|p| tok.set(&p.content)).collect();
    let gs: Vec<HashSet<u32>> = gold.iter().map(|g| tok.set(&g.content)).collect();
    let pairs = match_contents(&ps, &gs);
    let mut m = Misses::default();
    let free: Vec<usize> = (0..pred.len()).filter(|i| !pairs.iter().any(|x| x.0 == *i)).collect();
    for &i in &free {
        let p = &pred[i];
        m.false_pos.push(Miss {
            direct: p.direct,
            content: p.content.clone(),
            cue: p.cue.into_iter().collect(),
            near: None,
        });
    }
    for &(i, j) in &pairs {
        if pred[i].direct && !gold[j].direct {
            m.kind_mismatch.push(Miss {
                direct: false,
                content: gold[j].content.clone(),
                cue: gold[j].cue.clone(),
                near: Some(pred[i].content.clone()),
            });
        }
    }
    for &(i, j) in &pairs {
        if !super::source_match(&tok, &pred[i], &gold[j]) {
            m.wrong_source.push(Miss {
                direct: pred[i].direct,
                content: gold[j].source.clone(),
                cue: gold[j].cue.clone(),
                near: Some(pred[i].source.clone()),
            });
        }
    }
    for (j, g) in gold.iter().enumerate() {
        if pairs.iter().any(|x| x.1 == j) {
            continue;
        }
        let near = free
            .iter()
            .map(|&i| (ps[i].intersection(&gs[j]).count(), i))
            .filter(|(o, _)| *o > 0)
            .max()
            .map(|(_, i)| pred[i].content.clone());
        // (Else a prediction matched to another gold content that holds this one too: two
        // attributions read as one, listed as `taken:`.)
        let taken = pairs
            .iter()
            .map(|&(i, _)| (ps[i].intersection(&gs[j]).count(), i))
            .filter(|(o, _)| near.is_none() && *o > 0)
            .max();
        if let Some((_, i)) = taken {
            m.taken.push(Miss {
                direct: g.direct,
                content: g.content.clone(),
                cue: g.cue.clone(),
                near: Some(pred[i].content.clone()),
            });
            continue;
        }
        m.false_neg.push(Miss { direct: g.direct, content: g.content.clone(), cue: g.cue.clone(), near });
    }
    m
}

/// The text of char ranges, joined by ` … `, on one line.
fn shown(chars: &[char], r: &[(usize, usize)]) -> String {
    r.iter()
        .map(|&(x, y)| chars.get(x..y.min(chars.len())).unwrap_or(&[]).iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" … ")
        .replace(['\n', '\t'], " ")
}

/// Tab-separated lines `article  FP|FN[ direct]  cue  content  [near prediction]`.
pub fn list(a: &Article, pred: &[Predicted], gold: &[GoldAttribution]) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    let show = |r: &[(usize, usize)]| shown(&chars, r);
    let m = misses(&a.text, pred, gold);
    let mut out = Vec::new();
    let lists = [
        ("FP", &m.false_pos),
        ("FN", &m.false_neg),
        ("TAKEN", &m.taken),
        ("KIND", &m.kind_mismatch),
        ("SRC", &m.wrong_source),
    ];
    for (tag, list) in lists {
        for x in list {
            let kind = if x.direct { " direct" } else { "" };
            let near = x.near.as_deref().map(|n| format!("\tnear: {}", show(n))).unwrap_or_default();
            let (a0, b0) = (x.content.first().map_or(0, |r| r.0), x.content.last().map_or(0, |r| r.1));
            let ctx = format!("\tctx: {}", show(&[(a0.saturating_sub(150), b0 + 100)]));
            out.push(format!(
                "{}\t{tag}{kind}\t{}\t{}{near}{ctx}",
                a.name,
                show(&x.cue).to_lowercase(),
                show(&x.content)
            ));
        }
    }
    out
}

/// The direct-quote errors alone, as the direct figures count them (predicted direct quotes
/// matched one-to-one with gold direct ones): `DFP` a predicted direct quote with no gold
/// direct partner, `DFN` a gold direct quote with no predicted one. Each line shows the
/// attribution of the other side overlapping it most, of any kind (`near direct:` or
/// `near other:`), so a quote found with the wrong kind or bounds tells from one not found.
pub fn list_direct(a: &Article, pred: &[Predicted], gold: &[GoldAttribution]) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    let show = |r: &[(usize, usize)]| shown(&chars, r);
    let tok = Tokens::new(&a.text);
    let ps: Vec<HashSet<u32>> = pred.iter().map(|p| tok.set(&p.content)).collect();
    let gs: Vec<HashSet<u32>> = gold.iter().map(|g| tok.set(&g.content)).collect();
    let pd: Vec<usize> = (0..pred.len()).filter(|&i| pred[i].direct).collect();
    let gd: Vec<usize> = (0..gold.len()).filter(|&j| gold[j].direct).collect();
    let pairs = match_contents(
        &pd.iter().map(|&i| ps[i].clone()).collect::<Vec<_>>(),
        &gd.iter().map(|&j| gs[j].clone()).collect::<Vec<_>>(),
    );
    let nearest = |mine: &HashSet<u32>, others: &[HashSet<u32>]| {
        others
            .iter()
            .enumerate()
            .map(|(k, o)| (mine.intersection(o).count(), k))
            .filter(|(o, _)| *o > 0)
            .max()
            .map(|(_, k)| k)
    };
    let mut out = Vec::new();
    let mut line = |tag: &str, cue: String, content: String, near: Option<(bool, String)>| {
        let near = near
            .map(|(d, s)| format!("\tnear {}: {s}", if d { "direct" } else { "other" }))
            .unwrap_or_default();
        out.push(format!("{}\t{tag}\t{}\t{content}{near}", a.name, cue.to_lowercase()));
    };
    for (_, &i) in pd.iter().enumerate().filter(|(k, _)| !pairs.iter().any(|x| x.0 == *k)) {
        let near = nearest(&ps[i], &gs).map(|j| (gold[j].direct, show(&gold[j].content)));
        let cue = pred[i].cue.map(|c| show(&[c])).unwrap_or_default();
        line("DFP", cue, show(&pred[i].content), near);
    }
    for (_, &j) in gd.iter().enumerate().filter(|(k, _)| !pairs.iter().any(|x| x.1 == *k)) {
        let near = nearest(&gs[j], &ps).map(|i| (pred[i].direct, show(&pred[i].content)));
        line("DFN", show(&gold[j].cue), show(&gold[j].content), near);
    }
    out
}
