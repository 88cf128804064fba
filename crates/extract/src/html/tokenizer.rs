//! A streaming HTML tokenizer following the WHATWG tokenization rules (§13.2.5) for
//! everything that decides which characters are text: data, tag open and end-tag open, tag
//! names, attributes (unquoted, single- and double-quoted, duplicates, `/` between them),
//! self-closing flags, comments (`<!-->`, `--!>`, unterminated), bogus comments (`<?x>`,
//! `</ x>`, `<!x>`), DOCTYPE, CDATA in HTML content (a bogus comment), and the text modes a
//! tree builder switches it into: RAWTEXT (`style`, `iframe`...), RCDATA (`title`,
//! `textarea`), script data and PLAINTEXT, each ending only at the appropriate end tag.
//! Character references are decoded in text and attribute values ([`super::entities`]).
//!
//! It works on bytes of valid UTF-8 and only ever cuts at ASCII bytes, jumping with `memchr`
//! to the next `<` (or quote, or `-->`), so text, attribute values and script bodies are
//! borrowed slices of the input, never copied unless a reference has to be decoded.
//! Known simplifications: script-data escape states (`<!--<script>` inside a script) are
//! not modelled (a script ends at its first `</script>`); CR/LF are not normalised and NUL
//! is passed through (text is whitespace-normalised later anyway).

use super::entities;
use std::borrow::Cow;

/// One attribute of a start tag, as written: compare `name` with `eq_ignore_ascii_case`;
/// `raw` is the value before character references are decoded ([`Attr::value`]).
#[derive(Debug, Clone)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub raw: &'a str,
}

impl<'a> Attr<'a> {
    /// The value with character references decoded (only attributes that are read pay).
    pub fn value(&self) -> Cow<'a, str> {
        entities::decode(self.raw, true)
    }
}

/// How the tokenizer reads what follows a start tag (the tree builder decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Data,
    /// Text up to the matching end tag, references decoded (`title`, `textarea`).
    RcData,
    /// Text up to the matching end tag, as written (`style`, `xmp`, `iframe`, `noscript`...).
    RawText,
    /// Like RAWTEXT, for `script`.
    Script,
    /// Everything to the end is text.
    PlainText,
}

/// Receives tokens. Names are as written; text is decoded (RAWTEXT and script: as written).
pub trait Sink<'a> {
    fn start(&mut self, name: &'a str, attrs: &[Attr<'a>], self_closing: bool) -> Mode;
    fn end(&mut self, name: &'a str);
    fn text(&mut self, text: Cow<'a, str>);
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Tokenizes `html`, calling `sink` for each token.
pub fn tokenize<'a>(html: &'a str, sink: &mut impl Sink<'a>) {
    Tokenizer { src: html, bytes: html.as_bytes(), attrs: Vec::new() }.run(sink);
}

struct Tokenizer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    attrs: Vec<Attr<'a>>,
}

/// A parsed tag: where it ends (after `>`), its name range and whether it self-closes.
struct Tag {
    end: usize,
    name: (usize, usize),
    self_closing: bool,
}

impl<'a> Tokenizer<'a> {
    fn emit_text(&self, sink: &mut impl Sink<'a>, from: usize, to: usize, decode: bool) {
        if from < to {
            let s = &self.src[from..to];
            sink.text(if decode { entities::decode(s, false) } else { Cow::Borrowed(s) });
        }
    }

    fn run(&mut self, sink: &mut impl Sink<'a>) {
        let b = self.bytes;
        let n = b.len();
        let mut text_start = 0usize;
        let mut at = 0usize;
        while let Some(rel) = memchr::memchr(b'<', &b[at..]) {
            let lt = at + rel;
            let next = b.get(lt + 1).copied();
            match next {
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some(tag) = self.tag(lt + 1) else {
                        // EOF inside a tag: the tag is dropped.
                        self.emit_text(sink, text_start, lt, true);
                        return;
                    };
                    self.emit_text(sink, text_start, lt, true);
                    let name = &self.src[tag.name.0..tag.name.1];
                    let mode = sink.start(name, &self.attrs, tag.self_closing);
                    at = self.after_start(sink, mode, name, tag.end);
                    text_start = at;
                }
                Some(b'/') => match b.get(lt + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = self.tag(lt + 2) else {
                            self.emit_text(sink, text_start, lt, true);
                            return;
                        };
                        self.emit_text(sink, text_start, lt, true);
                        sink.end(&self.src[tag.name.0..tag.name.1]);
                        at = tag.end;
                        text_start = at;
                    }
                    Some(b'>') => {
                        self.emit_text(sink, text_start, lt, true);
                        at = lt + 3;
                        text_start = at;
                    }
                    None => at = n,
                    Some(_) => {
                        self.emit_text(sink, text_start, lt, true);
                        at = self.bogus_comment(lt + 2);
                        text_start = at;
                    }
                },
                Some(b'!') => {
                    self.emit_text(sink, text_start, lt, true);
                    at = self.markup_declaration(lt + 2);
                    text_start = at;
                }
                Some(b'?') => {
                    self.emit_text(sink, text_start, lt, true);
                    at = self.bogus_comment(lt + 1);
                    text_start = at;
                }
                _ => at = lt + 1,
            }
        }
        self.emit_text(sink, text_start, n, true);
    }

    /// After a start tag: reads a RAWTEXT/RCDATA/script body and its end tag, if any.
    fn after_start(&mut self, sink: &mut impl Sink<'a>, mode: Mode, name: &'a str, at: usize) -> usize {
        let b = self.bytes;
        match mode {
            Mode::Data => at,
            Mode::PlainText => {
                self.emit_text(sink, at, b.len(), false);
                b.len()
            }
            Mode::RcData | Mode::RawText | Mode::Script => {
                let close = self.find_end_tag(at, name);
                self.emit_text(sink, at, close, mode == Mode::RcData);
                if close >= b.len() {
                    return b.len();
                }
                match self.tag(close + 2) {
                    Some(tag) => {
                        sink.end(name);
                        tag.end
                    }
                    None => b.len(),
                }
            }
        }
    }

    /// Position of the `</name` (followed by space, `/` or `>`) that ends a raw body, or
    /// the end of input.
    fn find_end_tag(&self, from: usize, name: &str) -> usize {
        let b = self.bytes;
        let nb = name.as_bytes();
        let mut at = from;
        while let Some(rel) = memchr::memchr(b'<', &b[at..]) {
            let lt = at + rel;
            let after = lt + 2 + nb.len();
            if b.get(lt + 1) == Some(&b'/')
                && b.get(lt + 2..after).is_some_and(|s| s.eq_ignore_ascii_case(nb))
                && b.get(after).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                return lt;
            }
            at = lt + 1;
        }
        b.len()
    }

    /// Parses a tag whose name starts at `at`; fills `self.attrs`. `None` at end of input.
    fn tag(&mut self, at: usize) -> Option<Tag> {
        let b = self.bytes;
        let n = b.len();
        let mut i = at;
        while i < n && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = (at, i);
        self.attrs.clear();
        let mut self_closing = false;
        loop {
            while i < n && is_space(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => return Some(Tag { end: i + 1, name, self_closing }),
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                    }
                    continue;
                }
                _ => {}
            }
            // Attribute name: the first character may be `=`.
            let name_start = i;
            i += 1;
            while i < n && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_name = &self.src[name_start..i];
            while i < n && is_space(b[i]) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                self.attrs.push(Attr { name: attr_name, raw: "" });
                continue;
            }
            i += 1;
            while i < n && is_space(b[i]) {
                i += 1;
            }
            let (value, next) = match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + memchr::memchr(*q, &b[i + 1..])?;
                    (&self.src[i + 1..close], close + 1)
                }
                b'>' => ("", i),
                _ => {
                    let start = i;
                    while i < n && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    (&self.src[start..i], i)
                }
            };
            i = next;
            self.attrs.push(Attr { name: attr_name, raw: value });
        }
    }

    /// After `<!`: a comment, DOCTYPE, CDATA (bogus comment in HTML) or bogus comment.
    fn markup_declaration(&self, at: usize) -> usize {
        let b = self.bytes;
        if b.get(at..at + 2) == Some(b"--") {
            let body = at + 2;
            // `<!-->` and `<!--->` are complete (empty) comments.
            if b.get(body) == Some(&b'>') {
                return body + 1;
            }
            if b.get(body..body + 2) == Some(b"->") {
                return body + 2;
            }
            let mut from = body;
            while let Some(rel) = memchr::memmem::find(&b[from..], b"--") {
                let dd = from + rel;
                match b.get(dd + 2) {
                    Some(b'>') => return dd + 3,
                    Some(b'!') if b.get(dd + 3) == Some(&b'>') => return dd + 4,
                    _ => from = dd + 1,
                }
            }
            return b.len();
        }
        self.bogus_comment(at)
    }

    /// A bogus comment (or DOCTYPE) ends at the first `>`.
    fn bogus_comment(&self, at: usize) -> usize {
        memchr::memchr(b'>', &self.bytes[at..]).map_or(self.bytes.len(), |rel| at + rel + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records tokens as a compact string: `<p class=x>`, `</p>`, `"text"`, `<br/>`.
    struct Record(String);

    impl<'a> Sink<'a> for Record {
        fn start(&mut self, name: &'a str, attrs: &[Attr<'a>], self_closing: bool) -> Mode {
            self.0.push('<');
            self.0.push_str(name);
            for a in attrs {
                self.0.push_str(&format!(" {}={}", a.name, a.value()));
            }
            self.0.push_str(if self_closing { "/>" } else { ">" });
            match name.to_ascii_lowercase().as_str() {
                "script" => Mode::Script,
                "style" => Mode::RawText,
                "title" => Mode::RcData,
                "plaintext" => Mode::PlainText,
                _ => Mode::Data,
            }
        }
        fn end(&mut self, name: &'a str) {
            self.0.push_str(&format!("</{name}>"));
        }
        fn text(&mut self, text: Cow<'a, str>) {
            self.0.push_str(&format!("{text:?}"));
        }
    }

    fn check(html: &str, expected: &str) {
        let mut r = Record(String::new());
        tokenize(html, &mut r);
        assert_eq!(r.0, expected, "html: {html:?}");
    }

    #[test]
    fn tokens() {
        check("<p class=lead>Hi &amp; bye</p>", r#"<p class=lead>"Hi & bye"</p>"#);
        check("<P CLASS='a b' id=\"c\">x", r#"<P CLASS=a b id=c>"x""#);
        check("a < b <3 c", r#""a < b <3 c""#);
        check("<br/><img src=x.png />", "<br/><img src=x.png/>");
        check("<div data-x=\"a>b\" hidden>t</div>", r#"<div data-x=a>b hidden=>"t"</div>"#);
        check("<a href=?a=1&copy=2>x</a>", r#"<a href=?a=1&copy=2>"x"</a>"#);
        check("x<!-- <p>not a tag</p> -->y", r#""x""y""#);
        check("x<!-->y<!--->z<!-- a --!>w", r#""x""y""z""w""#);
        check("<!DOCTYPE html><?xml x?><![CDATA[z]]>t", r#""t""#);
        check("a</ b>c</>d", r#""a""c""d""#);
        check("<script>if (a<b) x='</p>';</script >t", r#"<script>"if (a<b) x='</p>';"</script>"t""#);
        check("<style>p{}</STYLE>t", r#"<style>"p{}"</style>"t""#);
        check("<title>A &amp; <b>B</b></title>", r#"<title>"A & <b>B</b>"</title>"#);
        check("<script>never closed", r#"<script>"never closed""#);
        check("<plaintext><p>all text", r#"<plaintext>"<p>all text""#);
        check("text<p class=\"unterminated", r#""text""#);
        check("t<!-- unterminated", r#""t""#);
        check("<p =x a = 'b'c>", "<p =x= a=b c=>");
        check("", "");
        check("é<i>ü</i>", r#""é"<i>"ü"</i>"#);
    }
}
