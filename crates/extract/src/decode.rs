//! Bytes → `String` in the right encoding: byte-order mark, then valid UTF-8, then the page's
//! declared charset (`<meta charset>` / `http-equiv`), then statistical sniffing (chardetng).
//! Decoding never fails: undecodable bytes become U+FFFD and a diagnostic says so.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use newsdesk_model::Diagnostic;
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// How far into a page a charset declaration is looked for (the HTML spec says 1024 bytes;
/// real pages put it later, behind long comments and scripts).
const DECLARATION_WINDOW: usize = 8 * 1024;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})"#)
        .expect("static regex")
});
static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]{2,40})"#)
        .expect("static regex")
});

/// Where `charset` (any case) first occurs in `head`.
fn first_charset(head: &[u8]) -> Option<usize> {
    memchr::memchr2_iter(b'c', b'C', head)
        .find(|&i| head.get(i..i + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"charset")))
}

/// The charset a page declares for itself, if any and if known to the Encoding Standard.
pub fn declared(input: &[u8]) -> Option<&'static Encoding> {
    let head = &input[..input.len().min(DECLARATION_WINDOW)];
    // A `<meta ... charset=` match starts at most ~210 bytes before its first `charset`.
    let meta = first_charset(head).and_then(|at| META_CHARSET.captures(&head[at.saturating_sub(216)..]));
    let caps = meta.or_else(|| XML_ENCODING.captures(head))?;
    let label = caps.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // A page that says UTF-16 in ASCII bytes cannot really be UTF-16 (HTML spec rule).
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// UTF-8 validity statistics: (valid non-ASCII chars, invalid byte sequences).
fn utf8_evidence(input: &[u8]) -> (usize, usize) {
    let mut good = 0;
    let mut bad = 0;
    for chunk in input.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    (good, bad)
}

/// Decodes `input`, reporting anything odd in `diagnostics`. Valid UTF-8 is borrowed.
pub fn decode<'a>(input: &'a [u8], diagnostics: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(input) {
        let (text, had_errors) = enc.decode_without_bom_handling(input.get(bom_len..).unwrap_or(&[]));
        if had_errors {
            diagnostics.push(Diagnostic::new(
                "encoding-replaced",
                format!("bytes invalid in {} (from its byte-order mark) were replaced", enc.name()),
            ));
        }
        return Cow::Owned(text.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(input) {
        // Only a non-ASCII page can contradict its declaration.
        if !s.is_ascii() {
            if let Some(enc) = declared(input) {
                if enc != UTF_8 && enc.is_ascii_compatible() {
                    diagnostics.push(Diagnostic::new(
                        "charset-mismatch",
                        format!(
                            "declared charset {} but the bytes are valid UTF-8; read as UTF-8",
                            enc.name()
                        ),
                    ));
                }
            }
        }
        return Cow::Borrowed(s);
    }
    let declared = declared(input);
    let (good, bad) = utf8_evidence(input);
    let guess = match declared {
        Some(enc) if enc != UTF_8 => enc,
        _ if good >= bad => UTF_8,
        _ => {
            let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
            det.feed(input, true);
            det.guess(None, Utf8Detection::Allow)
        }
    };
    let (text, _, had_errors) = guess.decode(input);
    if guess == UTF_8 {
        diagnostics.push(Diagnostic::new(
            "encoding-replaced",
            format!("{bad} invalid UTF-8 sequence(s) replaced with U+FFFD"),
        ));
    } else {
        if declared.is_none() {
            diagnostics.push(Diagnostic::new(
                "encoding-guessed",
                format!("no valid UTF-8 and no declared charset; guessed {}", guess.name()),
            ));
        }
        if had_errors {
            diagnostics.push(Diagnostic::new(
                "encoding-replaced",
                format!("bytes invalid in {} were replaced with U+FFFD", guess.name()),
            ));
        }
    }
    Cow::Owned(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], expected: &str, expected_kinds: &[&str]) {
        let mut d = Vec::new();
        let got = decode(input, &mut d);
        assert_eq!(got, expected);
        let kinds: Vec<&str> = d.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, expected_kinds);
    }

    #[test]
    fn encodings() {
        check("Café".as_bytes(), "Café", &[]);
        check(b"\xEF\xBB\xBFCaf\xC3\xA9", "Café", &[]);
        check(b"\xFF\xFEC\0a\0f\0\xE9\0", "Café", &[]);
        check(
            b"<meta charset=\"windows-1252\"><p>Caf\xE9</p>",
            "<meta charset=\"windows-1252\"><p>Café</p>",
            &[],
        );
        check(
            b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>Caf\xE9",
            "<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>Café",
            &[],
        );
        // Declared wrongly: the bytes are UTF-8.
        check(
            "<meta charset=iso-8859-1>Café".as_bytes(),
            "<meta charset=iso-8859-1>Café",
            &["charset-mismatch"],
        );
        // Mostly UTF-8 with one broken byte.
        check(
            b"Caf\xC3\xA9 na\xEFve r\xC3\xA9sum\xC3\xA9",
            "Café na\u{FFFD}ve résumé",
            &["encoding-replaced"],
        );
        // Undeclared legacy encoding.
        check(b"Caf\xE9 cr\xE8me br\xFBl\xE9e", "Café crème brûlée", &["encoding-guessed"]);
    }
}
