//! The `newsdesk.document/1` wire format: byte offsets become Unicode scalar value offsets
//! here and nowhere else, so every consumer (CLI, HTTP API, Python) sees the same numbers.

use crate::{Document, Span};

/// Maps byte offsets of one text to char offsets. Built once per document from the offsets
/// actually used, so it costs O(text + offsets·log offsets) and no per-byte table.
struct CharIndex {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let mut count = 0usize;
        let mut pos = 0usize;
        for &b in &offsets {
            let b = b.min(text.len());
            // Offsets not on a char boundary are rounded down to the char that contains them.
            let mut end = b;
            while end > pos && !text.is_char_boundary(end) {
                end -= 1;
            }
            if end > pos {
                count += text[pos..end].chars().count();
                pos = end;
            }
            chars.push(count);
        }
        CharIndex { bytes: offsets, chars }
    }

    fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(_) => unreachable_offset(byte),
        }
    }
}

#[cold]
fn unreachable_offset(byte: usize) -> usize {
    // Every offset is collected before conversion; this is a programming error, not bad input.
    debug_assert!(false, "offset {byte} was not collected");
    0
}

fn collect(doc: &Document) -> Vec<usize> {
    let mut v = Vec::new();
    let mut span = |s: &Span| {
        v.push(s.start);
        v.push(s.end);
    };
    doc.sentences.iter().for_each(&mut span);
    for q in &doc.quotes {
        span(&Span::new(q.start, q.end));
        if let Some(s) = &q.cue_span {
            span(s);
        }
        if let Some(s) = &q.speaker_span {
            span(s);
        }
    }
    for e in &doc.entities {
        for m in &e.mentions {
            span(&m.span());
        }
    }
    for a in &doc.amounts {
        span(&Span::new(a.start, a.end));
    }
    for d in &doc.dates {
        span(&Span::new(d.start, d.end));
    }
    v
}

/// Returns a copy of `doc` whose offsets are char offsets: what JSON consumers expect.
pub fn to_char_offsets(doc: &Document) -> Document {
    let index = CharIndex::new(&doc.text, collect(doc));
    let map = |s: Span| Span::new(index.get(s.start), index.get(s.end));
    let mut out = doc.clone();
    for s in &mut out.sentences {
        *s = map(*s);
    }
    for q in &mut out.quotes {
        let s = map(Span::new(q.start, q.end));
        (q.start, q.end) = (s.start, s.end);
        q.cue_span = q.cue_span.map(map);
        q.speaker_span = q.speaker_span.map(map);
    }
    for e in &mut out.entities {
        for m in &mut e.mentions {
            let s = map(m.span());
            (m.start, m.end) = (s.start, s.end);
        }
    }
    for a in &mut out.amounts {
        let s = map(Span::new(a.start, a.end));
        (a.start, a.end) = (s.start, s.end);
    }
    for d in &mut out.dates {
        let s = map(Span::new(d.start, d.end));
        (d.start, d.end) = (s.start, s.end);
    }
    out
}

/// Serialises `doc` as `newsdesk.document/1` JSON (char offsets), compact or pretty.
pub fn to_json(doc: &Document, pretty: bool) -> String {
    let wire = to_char_offsets(doc);
    let result = if pretty { serde_json::to_string_pretty(&wire) } else { serde_json::to_string(&wire) };
    // Serialising plain structs of strings and numbers cannot fail except for non-finite
    // floats, which serde_json writes as null; an error here would be a bug.
    result.unwrap_or_else(|e| format!("{{\"error\":\"serialisation failed: {e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Document};

    #[test]
    fn converts_bytes_to_chars() {
        let text = "Russia’s “big” day";
        let mut doc = Document::from_article(&Article { text: text.into(), ..Default::default() });
        let start = text.find("day").unwrap();
        doc.sentences.push(Span::new(start, text.len()));
        let wire = to_char_offsets(&doc);
        let chars: Vec<char> = text.chars().collect();
        let s = wire.sentences[0];
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), "day");
        assert_eq!(s.end, chars.len());
    }
}
