//! Character references (`&amp;`, `&#8217;`, `&#x1F600;`, `&notin;`) decoded as the WHATWG
//! tokenizer does, with the standard's table of 2 231 names (from `web_atoms`, the table
//! html5ever uses): longest name wins, a missing `;` is accepted where the standard accepts
//! it, numeric references are mapped through the Windows-1252 table for 0x80–0x9F, and
//! invalid code points become U+FFFD.

use std::borrow::Cow;
use web_atoms::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The longest entity name in the table (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 33;

/// Where a run of text is decoded: the standard treats `&` and U+0000 differently in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Text content: U+0000 is dropped (the tree builder ignores it in body text).
    Data,
    /// `title`, `textarea`: U+0000 becomes U+FFFD.
    RcData,
    /// Attribute values: U+0000 becomes U+FFFD, and a named reference without `;`
    /// followed by `=` or an alphanumeric is left as written (`?a=1&copy=2` stays).
    Attribute,
}

/// `s` with its character references decoded and U+0000 handled as in `context`;
/// borrowed when it has neither.
pub fn decode(s: &str, context: Context) -> Cow<'_, str> {
    let Some(first) = memchr::memchr2(b'&', 0, s.as_bytes()) else { return Cow::Borrowed(s) };
    let mut out = String::with_capacity(s.len());
    let mut copied = 0usize;
    let mut at = first;
    loop {
        out.push_str(&s[copied..at]);
        if s.as_bytes().get(at) == Some(&0) {
            if context != Context::Data {
                out.push('\u{FFFD}');
            }
            copied = at + 1;
        } else {
            let (consumed, chars) = reference(&s[at + 1..], context == Context::Attribute);
            match chars {
                Some((a, b)) => {
                    out.push(a);
                    if let Some(b) = b {
                        out.push(b);
                    }
                    copied = at + 1 + consumed;
                }
                None => {
                    out.push('&');
                    copied = at + 1;
                }
            }
        }
        match memchr::memchr2(b'&', 0, &s.as_bytes()[copied..]) {
            Some(rel) => at = copied + rel,
            None => break,
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Reads one reference after its `&`: bytes consumed and the character(s), or `None` when
/// this `&` starts no reference.
fn reference(rest: &str, in_attribute: bool) -> (usize, Option<(char, Option<char>)>) {
    let b = rest.as_bytes();
    match b.first() {
        Some(b'#') => numeric(b),
        Some(c) if c.is_ascii_alphanumeric() => named(rest, in_attribute),
        _ => (0, None),
    }
}

fn numeric(b: &[u8]) -> (usize, Option<(char, Option<char>)>) {
    let hex = matches!(b.get(1), Some(b'x' | b'X'));
    let start = if hex { 2 } else { 1 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut i = start;
    while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        i += 1;
    }
    if i == start {
        return (0, None);
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((value - 0x80) as usize)
            .copied()
            .flatten()
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{FFFD}'),
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    (i, Some((c, None)))
}

fn named(rest: &str, in_attribute: bool) -> (usize, Option<(char, Option<char>)>) {
    let b = rest.as_bytes();
    let mut best: Option<(usize, u32, u32)> = None;
    let mut len = 0usize;
    while len < b.len() && len < MAX_NAME {
        let c = b[len];
        if !(c.is_ascii_alphanumeric() || c == b';') {
            break;
        }
        len += 1;
        match NAMED_ENTITIES.get(&rest[..len]) {
            Some(&(c1, c2)) => {
                if c1 != 0 {
                    best = Some((len, c1, c2));
                }
            }
            None => break,
        }
        if c == b';' {
            break;
        }
    }
    let Some((len, c1, c2)) = best else { return (0, None) };
    let semicolon = b.get(len - 1) == Some(&b';');
    if in_attribute && !semicolon && b.get(len).is_some_and(|&n| n == b'=' || n.is_ascii_alphanumeric()) {
        return (0, None);
    }
    let first = char::from_u32(c1).unwrap_or('\u{FFFD}');
    let second = (c2 != 0).then(|| char::from_u32(c2).unwrap_or('\u{FFFD}'));
    (len, Some((first, second)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, in_attribute: bool, expected: &str) {
        let context = if in_attribute { Context::Attribute } else { Context::Data };
        assert_eq!(decode(input, context), expected, "input: {input:?}");
    }

    #[test]
    fn references() {
        check("no references", false, "no references");
        check("a &amp; b", false, "a & b");
        check("&lt;p&gt;", false, "<p>");
        check("it&#8217;s &#x1F600;", false, "it’s 😀");
        check("&#X41;&#65", false, "AA");
        check("&#150; &#0; &#xD800; &#x110000;", false, "– \u{FFFD} \u{FFFD} \u{FFFD}");
        check("&notit; &notin; &not", false, "¬it; ∉ ¬");
        check("AT&T & co; &;", false, "AT&T & co; &;");
        check("&nbsp&amp", false, "\u{a0}&");
        check("?a=1&copy=2&amp;b", true, "?a=1&copy=2&b");
        check("&copy 2024", true, "© 2024");
        check("&NotEqualTilde;", false, "≂\u{338}");
        check("&#", false, "&#");
        check("&#x;", false, "&#x;");
        check("&zzzz;", false, "&zzzz;");
        check("ü&eacute;", false, "üé");
        check("a\0b&amp;\0", false, "ab&");
        check("a\0b&amp;\0", true, "a\u{FFFD}b&\u{FFFD}");
    }
}
