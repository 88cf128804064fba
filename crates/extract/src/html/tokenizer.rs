//! A streaming HTML tokenizer following the WHATWG tokenization rules (§13.2.5) for
//! everything that decides which characters are text: data, tag open and end-tag open, tag
//! names, attributes (unquoted, single- and double-quoted, duplicates, `/` between them),
//! self-closing flags, comments (`<!-->`, `--!>`, unterminated), bogus comments (`<?x>`,
//! `</ x>`, `<!x>`), DOCTYPE, CDATA (text in foreign content, a bogus comment in HTML), and
//! the text modes a tree builder switches it into: RAWTEXT (`style`, `iframe`...), RCDATA
//! (`title`, `textarea`), script data (with its escaped and double-escaped states, so
//! `<!--<script>...</script>` inside a script does not end it) and PLAINTEXT, each ending
//! only at the appropriate end tag. Character references are decoded in text and attribute
//! values ([`super::entities`]).
//!
//! It works on bytes of valid UTF-8 and only ever cuts at ASCII bytes, jumping with `memchr`
//! to the next `<` (or quote, or `-->`), so text, attribute values and script bodies are
//! borrowed slices of the input, never copied unless a reference has to be decoded.
//!
//! `tests/tokenizer_vs_html5ever.rs` checks it token for token against html5ever's tokenizer
//! (repo fixtures, the article-extraction corpus, edge cases, generated malformed HTML).
//! Deliberate differences, none of which changes extracted text:
//! - no input-stream preprocessing: CR and CR LF are made LF by the tree builder as it
//!   stores text (`flat`), not here, so the page is never copied (the test checks the
//!   extracted article is the same with and without it);
//! - names are reported as written, not lowercased (every consumer compares them
//!   case-insensitively); a repeated attribute is kept, not dropped (consumers read the first);
//! - U+0000 in text content is dropped here, as the tree builder does in body text (U+FFFD in
//!   foreign content); in RCDATA and attribute values it becomes U+FFFD as specified; in
//!   names, comments, RAWTEXT, script and PLAINTEXT it is passed through (`flat` makes it
//!   U+FFFD in the text it keeps, e.g. of `<xmp>`);
//! - DOCTYPE is reported as its raw body (no public/system identifier parsing).

use super::entities::{self, Context};
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
        entities::decode(self.raw, entities::Context::Attribute)
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
    /// A comment's data (bogus comments included: `<?x>` gives `?x`); ignored by default.
    fn comment(&mut self, _data: &'a str) {}
    /// What follows `<!DOCTYPE` up to its `>`; ignored by default.
    fn doctype(&mut self, _body: &'a str) {}
    /// Whether the current node is foreign (`svg`, `math`), where `<![CDATA[...]]>` is text
    /// rather than a bogus comment.
    fn in_foreign_content(&self) -> bool {
        false
    }
}

/// Text content is decoded as data.
const DATA: Option<Context> = Some(Context::Data);

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
    /// Emits `from..to` as text, decoded in `context` (`None`: as written).
    fn emit_text(&self, sink: &mut impl Sink<'a>, from: usize, to: usize, context: Option<Context>) {
        if from < to {
            let s = &self.src[from..to];
            let text = match context {
                Some(context) => entities::decode(s, context),
                None => Cow::Borrowed(s),
            };
            if !text.is_empty() {
                sink.text(text);
            }
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
                        self.emit_text(sink, text_start, lt, DATA);
                        return;
                    };
                    self.emit_text(sink, text_start, lt, DATA);
                    let name = &self.src[tag.name.0..tag.name.1];
                    let mode = sink.start(name, &self.attrs, tag.self_closing);
                    at = self.after_start(sink, mode, name, tag.end);
                    text_start = at;
                }
                Some(b'/') => match b.get(lt + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = self.tag(lt + 2) else {
                            self.emit_text(sink, text_start, lt, DATA);
                            return;
                        };
                        self.emit_text(sink, text_start, lt, DATA);
                        sink.end(&self.src[tag.name.0..tag.name.1]);
                        at = tag.end;
                        text_start = at;
                    }
                    Some(b'>') => {
                        self.emit_text(sink, text_start, lt, DATA);
                        at = lt + 3;
                        text_start = at;
                    }
                    None => at = n,
                    Some(_) => {
                        self.emit_text(sink, text_start, lt, DATA);
                        at = self.bogus_comment(sink, lt + 2);
                        text_start = at;
                    }
                },
                Some(b'!') => {
                    self.emit_text(sink, text_start, lt, DATA);
                    at = self.markup_declaration(sink, lt + 2);
                    text_start = at;
                }
                Some(b'?') => {
                    self.emit_text(sink, text_start, lt, DATA);
                    at = self.bogus_comment(sink, lt + 1);
                    text_start = at;
                }
                _ => at = lt + 1,
            }
        }
        self.emit_text(sink, text_start, n, DATA);
    }

    /// After a start tag: reads a RAWTEXT/RCDATA/script body and its end tag, if any.
    fn after_start(&mut self, sink: &mut impl Sink<'a>, mode: Mode, name: &'a str, at: usize) -> usize {
        let b = self.bytes;
        match mode {
            Mode::Data => at,
            Mode::PlainText => {
                self.emit_text(sink, at, b.len(), None);
                b.len()
            }
            Mode::RcData | Mode::RawText | Mode::Script => {
                let close = self.find_end_tag(at, name, mode == Mode::Script);
                self.emit_text(sink, at, close, (mode == Mode::RcData).then_some(Context::RcData));
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

    /// Whether `</name` followed by space, `/` or `>` starts at `lt` (an "appropriate end tag").
    fn is_end_tag(&self, lt: usize, name: &[u8]) -> bool {
        let b = self.bytes;
        let after = lt + 2 + name.len();
        b.get(lt + 1) == Some(&b'/')
            && b.get(lt + 2..after).is_some_and(|s| s.eq_ignore_ascii_case(name))
            && b.get(after).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    }

    /// Position of the `</name` that ends a raw body, or the end of input. In a script, a
    /// `<!--` hands over to [`Self::escaped_script_end`].
    fn find_end_tag(&self, from: usize, name: &str, script: bool) -> usize {
        let b = self.bytes;
        let nb = name.as_bytes();
        let mut at = from;
        while let Some(rel) = memchr::memchr(b'<', &b[at..]) {
            let lt = at + rel;
            if self.is_end_tag(lt, nb) {
                return lt;
            }
            if script && b.get(lt + 1..lt + 4) == Some(b"!--") {
                return self.escaped_script_end(lt + 2, nb);
            }
            at = lt + 1;
        }
        b.len()
    }

    /// The end of a script from `at`, just after a `<!` whose `--` starts an escaped
    /// section: the script data states of §13.2.5.15–§13.2.5.31, where an escaped section
    /// (`<!--` ... `-->`) may hold a double-escaped one (`<script>` ... `</script>`) in which
    /// `</script>` does not end the script (`document.write('<script>...</script>')`).
    fn escaped_script_end(&self, at: usize, name: &[u8]) -> usize {
        #[derive(PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let b = self.bytes;
        let mut state = State::Escaped;
        let mut i = at;
        while let Some(rel) = memchr::memchr2(b'<', b'-', &b[i..]) {
            let p = i + rel;
            i = p + 1;
            if b[p] == b'-' {
                if state != State::Data && b.get(p..p + 3) == Some(b"-->") {
                    state = State::Data;
                    i = p + 3;
                }
                continue;
            }
            match state {
                State::Data | State::Escaped if self.is_end_tag(p, name) => return p,
                State::Data => {
                    if b.get(p + 1..p + 4) == Some(b"!--") {
                        state = State::Escaped;
                        i = p + 2;
                    }
                }
                State::Escaped | State::DoubleEscaped => {
                    // `<script` (escaped) or `</script` (double escaped) then space, `/`, `>`.
                    let start = p + 1 + usize::from(state == State::DoubleEscaped);
                    if state == State::DoubleEscaped && b.get(p + 1) != Some(&b'/') {
                        continue;
                    }
                    let mut j = start;
                    while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                        j += 1;
                    }
                    let word = &b[start..j];
                    if word.eq_ignore_ascii_case(b"script")
                        && b.get(j).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
                    {
                        state = if state == State::Escaped { State::DoubleEscaped } else { State::Escaped };
                    }
                    i = j;
                }
            }
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
    fn markup_declaration(&self, sink: &mut impl Sink<'a>, at: usize) -> usize {
        let b = self.bytes;
        if b.get(at..at + 2) == Some(b"--") {
            let body = at + 2;
            // `<!-->` and `<!--->` are complete (empty) comments.
            if b.get(body) == Some(&b'>') {
                sink.comment("");
                return body + 1;
            }
            if b.get(body..body + 2) == Some(b"->") {
                sink.comment("");
                return body + 2;
            }
            let mut from = body;
            while let Some(rel) = memchr::memmem::find(&b[from..], b"--") {
                let dd = from + rel;
                match b.get(dd + 2) {
                    Some(b'>') => {
                        sink.comment(&self.src[body..dd]);
                        return dd + 3;
                    }
                    Some(b'!') if b.get(dd + 3) == Some(&b'>') => {
                        sink.comment(&self.src[body..dd]);
                        return dd + 4;
                    }
                    _ => from = dd + 1,
                }
            }
            // Unterminated: the comment runs to the end, less a closing `--!`, `--` or `-`.
            let rest = &self.src[body..];
            let data = rest.strip_suffix("--!").unwrap_or_else(|| {
                let r = rest.strip_suffix('-').unwrap_or(rest);
                r.strip_suffix('-').unwrap_or(r)
            });
            sink.comment(data);
            return b.len();
        }
        if b.get(at..at + 7).is_some_and(|s| s.eq_ignore_ascii_case(b"doctype")) {
            let end = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |rel| at + rel);
            sink.doctype(&self.src[at + 7..end]);
            return (end + 1).min(b.len());
        }
        if b.get(at..at + 7) == Some(b"[CDATA[") && sink.in_foreign_content() {
            let body = at + 7;
            let end = memchr::memmem::find(&b[body..], b"]]>").map_or(b.len(), |rel| body + rel);
            // As written, U+0000 left out (as in data).
            let mut from = body;
            for nul in memchr::memchr_iter(0, &b[body..end]) {
                self.emit_text(sink, from, body + nul, None);
                from = body + nul + 1;
            }
            self.emit_text(sink, from, end, None);
            return (end + 3).min(b.len());
        }
        self.bogus_comment(sink, at)
    }

    /// A bogus comment (or DOCTYPE) ends at the first `>`.
    fn bogus_comment(&self, sink: &mut impl Sink<'a>, at: usize) -> usize {
        let end = memchr::memchr(b'>', &self.bytes[at..]).map_or(self.bytes.len(), |rel| at + rel);
        sink.comment(&self.src[at..end]);
        (end + 1).min(self.bytes.len())
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
        check("<script><!--<script></script>x</script>y", r#"<script>"<!--<script></script>x"</script>"y""#);
        check("<script><!--</script>y", r#"<script>"<!--"</script>"y""#);
        check("a\0b<p x=\0>", "\"ab\"<p x=\u{FFFD}>");
    }
}
