//! Features of one word in its sentence for the tagger: the word and its neighbours, word
//! shape, prefixes and suffixes, and what the lexicon knows (country, city, title, given
//! name, organisation word). Each feature is a 32-bit hash of its template and strings, so
//! nothing is allocated per feature and the model is a plain hash → weights table.

use crate::lexicon::{Place, WordFlags, LEXICON};
use std::borrow::Cow;

/// The per-word facts features are built from, computed once per sentence.
pub struct Prepared<'w> {
    pub lower: Vec<Cow<'w, str>>,
    pub raw: Vec<Cow<'w, str>>,
    /// Word shapes (`Xx`, `dd.d`) with runs cut at two, and at one.
    pub shape: Strs,
    pub short: Strs,
    /// Lexicon tag of each word (`B-country`, `I-city`, `title`, `first`, `org`... or "").
    pub gaz: Vec<&'static str>,
    /// The lexicon's phrases starting at each word (length in words), looked up once here so
    /// the rules after tagging read them instead of hashing the same words again.
    pub places: Vec<Option<(usize, Place)>>,
    pub organisations: Vec<Option<usize>>,
    pub titles: Vec<Option<usize>>,
    /// Most words capitalised (a headline or all-caps text): capitals say little there.
    pub headline: bool,
}

impl<'w> Prepared<'w> {
    /// Prepares the words of one sentence.
    pub fn new<S: AsRef<str>>(words: &'w [S]) -> Prepared<'w> {
        let raw: Vec<Cow<'w, str>> = words.iter().map(|w| normalise(w.as_ref())).collect();
        let lower: Vec<Cow<'w, str>> = raw.iter().map(lowercase).collect();
        let mut shape = Strs::with_capacity(raw.len());
        let mut short = Strs::with_capacity(raw.len());
        for w in &raw {
            word_shapes(w, &mut shape, &mut short);
        }
        let lx = &*LEXICON;
        let lw: Vec<&str> = lower.iter().map(|w| &**w).collect();
        let flags: Vec<u8> = lw.iter().map(|w| lx.flags(w)).collect();
        // A table is asked only about words it has, alone or at the start of a phrase.
        let asks = |i: usize, table: u8| flags[i] & (table | WordFlags::PHRASE_START) != 0;
        let places = (0..lw.len())
            .map(|i| if asks(i, WordFlags::PLACE) { lx.phrase_at(&lw, i) } else { None })
            .collect();
        let organisations = (0..lw.len())
            .map(|i| {
                asks(i, WordFlags::ORGANISATION).then(|| lx.longest(&lx.organisations, &lw, i)).flatten()
            })
            .map(|found| found.map(|(n, _)| n))
            .collect();
        let titles = (0..lw.len())
            .map(|i| asks(i, WordFlags::TITLE).then(|| lx.longest(&lx.titles, &lw, i)).flatten())
            .map(|found| found.map(|(n, _)| n))
            .collect();
        let mut p = Prepared {
            lower,
            raw,
            shape,
            short,
            gaz: Vec::new(),
            places,
            organisations,
            titles,
            headline: false,
        };
        p.gaz = gazetteer(&p, &flags);
        let capitalised = p.raw.iter().filter(|r| r.chars().next().is_some_and(char::is_uppercase)).count();
        p.headline = capitalised * 2 > p.raw.len() && p.raw.len() > 3;
        p
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }
}

/// `w` in lowercase, borrowed when it already is.
fn lowercase<'w>(w: &Cow<'w, str>) -> Cow<'w, str> {
    if w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        w.clone()
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Curly quotes and apostrophes as straight ones, so `Russia’s` and `Russia's` look alike.
fn normalise(w: &str) -> Cow<'_, str> {
    if w.is_ascii() && !w.contains('`') {
        return Cow::Borrowed(w);
    }
    Cow::Owned(
        w.chars()
            .map(|c| match c {
                '’' | '‘' | '`' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                c => c,
            })
            .collect(),
    )
}

/// Short strings kept end to end in one buffer: one allocation per sentence, not per word.
#[derive(Debug, Default, Clone)]
pub struct Strs {
    buf: String,
    ends: Vec<usize>,
}

impl Strs {
    fn with_capacity(n: usize) -> Strs {
        Strs { buf: String::with_capacity(n * 4), ends: Vec::with_capacity(n) }
    }
    /// The `i`th string.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        self.buf.get(start..end)
    }
    fn end(&mut self) {
        self.ends.push(self.buf.len());
    }
}

/// The shape of `w` (first 24 chars: upper `X`, lower `x`, digit `d`, others as they are)
/// with runs cut at two characters into `shape` and at one into `short`.
fn word_shapes(w: &str, shape: &mut Strs, short: &mut Strs) {
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars().take(24) {
        let k = if c.is_ascii() {
            match c {
                'A'..='Z' => 'X',
                'a'..='z' => 'x',
                '0'..='9' => 'd',
                c => c,
            }
        } else if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 {
            shape.buf.push(k);
        }
        if run <= 1 {
            short.buf.push(k);
        }
    }
    shape.end();
    short.end();
}

fn gazetteer(p: &Prepared, flags: &[u8]) -> Vec<&'static str> {
    let lx = &*LEXICON;
    let mut gaz = vec![""; p.len()];
    let mut i = 0;
    while i < p.len() {
        if let Some((n, place)) = p.places[i] {
            let (b, inside) = match place {
                Place::Country(_) => ("B-country", "I-country"),
                Place::City(_) => ("B-city", "I-city"),
                Place::Region => ("B-region", "I-region"),
                Place::Demonym(_) => ("B-demonym", "I-demonym"),
            };
            gaz[i] = b;
            for g in gaz.iter_mut().skip(i + 1).take(n - 1) {
                *g = inside;
            }
            i += n;
            continue;
        }
        if let Some(n) = p.organisations[i] {
            gaz[i] = "B-org";
            for g in gaz.iter_mut().skip(i + 1).take(n - 1) {
                *g = "I-org";
            }
            i += n;
            continue;
        }
        if let Some(n) = p.titles[i] {
            for g in gaz.iter_mut().skip(i).take(n) {
                *g = "title";
            }
            i += n;
            continue;
        }
        let f = flags.get(i).copied().unwrap_or(0);
        if f & WordFlags::FIRST_NAME != 0 && lx.first_names.contains_key(&p.lower[i]) {
            gaz[i] = "first";
        } else if f & WordFlags::ORG_WORD != 0 && lx.org_words.contains_key(&*p.raw[i]) {
            gaz[i] = "org";
        }
        i += 1;
    }
    gaz
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn feat(template: u8, parts: &[&str]) -> u32 {
    let mut h = fnv(FNV_OFFSET, &[template]);
    for p in parts {
        h = fnv(h, p.as_bytes());
        h = fnv(h, &[0x1f]);
    }
    h
}

/// Pushes the feature hashes of word `i` into `out` (cleared first).
pub fn features(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    out.clear();
    fn get<S: AsRef<str>>(v: &[S], j: isize) -> &str {
        if j < 0 {
            "<s>"
        } else {
            v.get(j as usize).map(AsRef::as_ref).unwrap_or("</s>")
        }
    }
    fn gets(v: &Strs, j: isize) -> &str {
        if j < 0 {
            "<s>"
        } else {
            v.get(j as usize).unwrap_or("</s>")
        }
    }
    let gz = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            p.gaz.get(j as usize).copied().unwrap_or("</s>")
        }
    };
    let j = i as isize;
    let w = get(&p.lower, j);
    let raw = get(&p.raw, j);
    // Each neighbour read once (these are looked up by several templates).
    let (lower_p1, lower_n1) = (get(&p.lower, j - 1), get(&p.lower, j + 1));
    let (short_p1, short, short_n1) = (gets(&p.short, j - 1), gets(&p.short, j), gets(&p.short, j + 1));
    out.push(feat(0, &[]));
    out.push(feat(1, &[w]));
    out.push(feat(2, &[lower_p1]));
    out.push(feat(3, &[lower_n1]));
    out.push(feat(4, &[get(&p.lower, j - 2)]));
    out.push(feat(5, &[get(&p.lower, j + 2)]));
    out.push(feat(6, &[gets(&p.shape, j)]));
    out.push(feat(7, &[short_p1, short]));
    out.push(feat(8, &[short, short_n1]));
    out.push(feat(9, &[short_p1, short, short_n1]));
    let n_chars = w.chars().count();
    for (n, (cut, _)) in w.char_indices().rev().take(4).enumerate() {
        if n_chars > n + 1 {
            out.push(feat(11 + n as u8, &[&w[cut..]]));
        }
    }
    for (n, (cut, _)) in w.char_indices().skip(1).take(3).enumerate() {
        if n_chars > n + 1 {
            out.push(feat(16 + n as u8, &[&w[..cut]]));
        }
    }
    let gz0 = gz(j);
    out.push(feat(20, &[raw]));
    out.push(feat(21, &[gz0]));
    out.push(feat(22, &[gz(j - 1), gz0]));
    out.push(feat(23, &[gz0, gz(j + 1)]));
    out.push(feat(24, &[if i == 0 { "first" } else { "rest" }, short]));
    out.push(feat(25, &[lower_p1, short]));
    out.push(feat(26, &[short, lower_n1]));
    out.push(feat(27, &[w, lower_n1]));
    out.push(feat(28, &[lower_p1, w]));
    out.push(feat(29, &[gz(j - 2)]));
    out.push(feat(30, &[gz(j + 2)]));
    if i == 0 {
        out.push(feat(31, &[w]));
    }
    if p.headline {
        out.push(feat(32, &[short]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(words: &[&str], expected_gaz: &[&str]) {
        let p = Prepared::new(words);
        assert_eq!(p.gaz, expected_gaz, "words: {words:?}");
    }

    #[test]
    fn gazetteer_tags() {
        check(&["in", "the", "South", "Caucasus"], &["", "", "B-region", "I-region"]);
        check(&["Azerbaijani", "President", "Ilham"], &["B-demonym", "title", "first"]);
        check(
            &["Prime", "Minister", "of", "New", "Zealand"],
            &["title", "title", "", "B-country", "I-country"],
        );
        check(&["Acme", "Corp", "in", "Baku"], &["", "org", "", "B-city"]);
    }
}
