//! The model: a table from feature hash to one weight per BIO tag, plus tag-to-tag
//! transition and start weights, decoded with Viterbi under the BIO constraint (`I-X` only
//! after `B-X` or `I-X`).
//!
//! File format (little endian): a six-byte magic naming the model's use, u32 tag count,
//! f32 scale, tag × tag transitions and tag start weights as f32, u32 feature count, then per
//! feature (sorted by hash) a u32 hash and one i16 per tag (weight = i16 × scale).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Number of tags: `O` and begin/inside of three span types.
pub const NT: usize = 7;

/// The six bytes opening a model file, naming what it tags (`NDNER1`, `NDQUO1`).
pub type Magic = [u8; 6];

/// Feature keys are already hashes: pass them through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// Weights of a trained tagger.
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub weights: FeatureMap<[f32; NT]>,
    pub transitions: [[f32; NT]; NT],
    pub start: [f32; NT],
}

/// Whether tag `cur` may follow tag `prev` (`None` at the sentence start).
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

impl Model {
    /// Parses the file format described in the module docs; `None` when the bytes are not a
    /// whole model opening with `magic`.
    pub fn from_bytes(bytes: &[u8], magic: &Magic) -> Option<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(6)? != magic || r.u32()? as usize != NT {
            return None;
        }
        let scale = r.f32()?;
        let mut model = Model::default();
        for row in model.transitions.iter_mut() {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        for w in model.start.iter_mut() {
            *w = r.f32()?;
        }
        let n = r.u32()? as usize;
        model.weights.reserve(n.min(bytes.len() / (4 + 2 * NT)));
        for _ in 0..n {
            let key = r.u32()?;
            let mut ws = [0f32; NT];
            for w in ws.iter_mut() {
                *w = f32::from(r.i16()?) * scale;
            }
            model.weights.insert(key, ws);
        }
        Some(model)
    }

    /// Writes the model, quantising weights to i16 and dropping features whose weights all
    /// round to zero or stay under `min_weight`.
    pub fn to_bytes(&self, magic: &Magic, min_weight: f32) -> Vec<u8> {
        let max = self.weights.values().flat_map(|w| w.iter()).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<&u32> = self
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= min_weight.max(scale)))
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        let mut out = Vec::with_capacity(64 + keys.len() * (4 + 2 * NT));
        out.extend_from_slice(magic);
        out.extend_from_slice(&(NT as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in self.transitions.iter().flatten().chain(self.start.iter()) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Emission scores of one token from its feature hashes.
    pub fn score(&self, feats: &[u32]) -> [f32; NT] {
        let mut s = [0f32; NT];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// The best tag sequence (indices, `0` = `O`) for a sequence of per-token feature lists.
    pub fn tag(&self, seq: &[Vec<u32>]) -> Vec<usize> {
        let scores: Vec<[f32; NT]> = seq.iter().map(|f| self.score(f)).collect();
        viterbi(&scores, &self.transitions, &self.start)
    }

    /// True when the model has no feature weights (tags everything `O`).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// Viterbi decoding of emission scores under the BIO constraint.
pub fn viterbi(scores: &[[f32; NT]], trans: &[[f32; NT]; NT], start: &[f32; NT]) -> Vec<usize> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    // Forbidden transitions weigh minus infinity: a sum with them never wins a strict
    // comparison against the initial minus infinity, exactly as skipping them would.
    let mut tr = [[f32::NEG_INFINITY; NT]; NT];
    for (p, row) in tr.iter_mut().enumerate() {
        for (t, w) in row.iter_mut().enumerate() {
            if allowed(Some(p), t) {
                *w = trans[p][t];
            }
        }
    }
    let mut best = vec![[f32::NEG_INFINITY; NT]; n];
    let mut back = vec![[0u8; NT]; n];
    for t in 0..NT {
        if allowed(None, t) {
            best[0][t] = scores[0][t] + start[t];
        }
    }
    for i in 1..n {
        let prev = best[i - 1];
        for t in 0..NT {
            let mut arg = 0;
            // (strictly greater: ties keep the lowest previous tag)
            let mut val = f32::NEG_INFINITY;
            for (p, row) in tr.iter().enumerate() {
                let v = prev[p] + row[t];
                if v > val {
                    val = v;
                    arg = p as u8;
                }
            }
            best[i][t] = val + scores[i][t];
            back[i][t] = arg;
        }
    }
    // Ties go to the lowest tag (`O`), so an empty model tags nothing.
    let mut t = 0;
    for k in 1..NT {
        if best[n - 1][k] > best[n - 1][t] {
            t = k;
        }
    }
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = t;
        t = usize::from(back[i][t]);
    }
    path
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
}
