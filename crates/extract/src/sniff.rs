//! What kind of bytes these are: binary junk (refused), HTML or plain text.
//!
//! Sniffing looks at a bounded prefix only, so it costs the same on a 100 MB input.

use crate::Format;

/// How many leading bytes sniffing looks at.
const WINDOW: usize = 16 * 1024;

/// Well-known binary signatures: (magic bytes, name shown to the user).
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1F\x8B", "gzip data: decompress it first"),
    (b"\x7FELF", "executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"BZh", "bzip2 data: decompress it first"),
    (b"\xFD7zXZ", "xz data: decompress it first"),
];

/// How many bytes satisfy `f` (inlined, so the loop vectorises).
#[inline(always)]
fn count(bytes: &[u8], f: impl Fn(u8) -> bool) -> usize {
    // Byte-wide sums over chunks that cannot overflow them vectorise best.
    bytes.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |acc, &b| acc + u8::from(f(b))))).sum()
}

/// `Some(what)` when the bytes are not text in any encoding we read.
pub fn binary_kind(input: &[u8]) -> Option<String> {
    for (magic, name) in MAGIC {
        if input.starts_with(magic) {
            return Some((*name).to_string());
        }
    }
    // UTF-16 with a byte-order mark is text full of NULs: the decoder handles it.
    if input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF") {
        return None;
    }
    let window = &input[..input.len().min(WINDOW)];
    // Counted byte by byte in branch-free passes the compiler vectorises.
    let nul = count(window, |b| b == 0);
    let low = count(window, |b| b < 0x20 || b == 0x7F);
    let allowed =
        count(window, |b| b == b'\t' || b == b'\n') + count(window, |b| b == b'\r' || b == 0x0C || b == 0x1B);
    let control = low - nul - allowed;
    let n = window.len().max(1);
    if nul * 100 > n || (nul + control) * 10 > n {
        return Some(format!(
            "{} NUL and {} control bytes in the first {} bytes",
            nul,
            control,
            window.len()
        ));
    }
    None
}

/// HTML when the text starts like markup or declares an HTML document early on.
pub fn format(text: &str) -> Format {
    let head = prefix(text, WINDOW);
    let trimmed = head.trim_start_matches('\u{FEFF}').trim_start();
    let lower = head.to_ascii_lowercase();
    if lower.contains("<!doctype html") || lower.contains("<html") || lower.contains("<body") {
        return Format::Html;
    }
    if trimmed.starts_with('<') {
        let tags = [
            "<p>", "<p ", "<div", "<article", "<head", "<meta", "<title", "<section", "<main", "<span",
            "<br", "<h1", "<h2", "<!--",
        ];
        if tags.iter().any(|t| lower.contains(t)) {
            return Format::Html;
        }
    }
    Format::Text
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], expected: &str) {
        let got = match binary_kind(input) {
            Some(_) => "binary",
            None => match format(&String::from_utf8_lossy(input)) {
                Format::Html => "html",
                Format::Text => "text",
            },
        };
        assert_eq!(got, expected, "input: {:?}", String::from_utf8_lossy(input));
    }

    #[test]
    fn kinds() {
        check(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html");
        check(b"  <div class=x><p>Hello</p></div>", "html");
        check(b"\xEF\xBB\xBF<html lang=en>", "html");
        check(b"Plain news text. It has <b> in it maybe.", "text");
        check(b"a < b and c > d", "text");
        check(b"%PDF-1.7 ...", "binary");
        check(b"\x89PNG\r\n\x1a\n\0\0\0", "binary");
        check(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 200, 201, 0, 0, 3], "binary");
        check(b"\xFF\xFEh\0i\0", "text");
    }
}
