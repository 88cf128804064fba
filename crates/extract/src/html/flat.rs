//! The page as a flat list of open/text/close events over a compact element table, built
//! straight from the tokenizer's stream (no DOM): a stack of open elements does the part of
//! HTML tree construction that decides which text belongs to which element — implied
//! `<html>`/`<body>` and the end of `<head>`, void elements, `<p>` closed by a block,
//! `<li>`/`<dd>`/`<dt>`/`<td>`/`<tr>`/`<option>` closed by a sibling, headings closing
//! headings, end tags closing what they enclose (and ignored when nothing in scope matches,
//! a stray `</p>` making an empty paragraph), everything closed at the end of input.
//! Misnested formatting (`<b><p></b>`) is not rebuilt by the adoption agency: the end tag is
//! ignored when a block stands between, which keeps the text in the same paragraph.
//! Foreign content (`svg`, `math`) is tracked by namespace as the standard does: HTML start
//! tags such as `<p>` or `<div>` break out of it, integration points (`foreignObject`, `mi`...)
//! hold HTML, and an end tag inside it closes the nearest foreign element of that name, so an
//! unclosed `<svg>` does not swallow the article. Not done: foster parenting (text in a table
//! outside cells stays where it is) and `</form>` leaving the form's children open.
//! `tests/tree_vs_html5ever.rs` checks the resulting text against html5ever's tree builder.
//!
//! Subtrees the layout vocabulary says are never text (`script`, `head`, `svg`...) are left
//! out; depth is capped at [`MAX_DEPTH`] (deeper elements open beside the deepest one, as
//! in browsers), so 100 000 nested `<div>`s cost linear time and no recursion.
//! Metadata is collected from the same stream ([`super::metadata::Collector`]).

use super::foreign::{breaks_out, integration_point, Ns};
use super::layout::{self, Marks};
use super::metadata::{Capture, Collector};
use super::tags::{self, Tag};
use super::tokenizer::{self, Attr, Mode, Sink};
use std::borrow::Cow;

/// Open elements never nest deeper than this: an element that would is opened beside the
/// deepest one instead (Blink's HTML parser has the same limit and rule).
pub const MAX_DEPTH: usize = 512;

const NONE: usize = usize::MAX;

/// One element of the page (skipped subtrees are left out).
#[derive(Debug, Clone)]
pub struct Element {
    /// Lowercase name, `""` for names the HTML standard does not define.
    pub name: &'static str,
    /// The name's categories ([`tags`] flags).
    pub flags: u16,
    /// Index of the parent element; `usize::MAX` for the top.
    pub parent: usize,
    pub marks: Marks,
    /// Event indices of this element's open and close events.
    pub open: usize,
    pub close: usize,
}

#[derive(Debug, Clone, Copy)]
pub enum Event {
    Open(usize),
    /// A byte range of [`Flat::text`] (adjacent text is merged into one event).
    Text(usize, usize),
    Close(usize),
}

/// The flattened page and the metadata read on the way.
#[derive(Default)]
pub struct Flat {
    pub elements: Vec<Element>,
    pub events: Vec<Event>,
    /// All text of the page outside skipped subtrees, decoded.
    pub text: String,
    pub meta: Collector,
}

impl Flat {
    /// The text of a `Text` event.
    pub fn text_of(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// One open element while building.
struct Open<'a> {
    tag: Tag,
    /// The name as written, for end tags of unknown elements.
    raw: &'a str,
    /// Index in `elements`, `NONE` when left out (skipped, or inside a skipped subtree).
    element: usize,
    ns: Ns,
    /// An HTML or MathML text integration point (`foreignObject`, `mi`...): a foreign
    /// element whose children are HTML.
    integration: bool,
}

impl Open<'_> {
    /// The element ends "has an element in scope" searches.
    fn scope(&self) -> bool {
        (self.ns == Ns::Html && self.tag.is(tags::SCOPE)) || self.integration
    }

    /// The standard's "special" category, HTML elements only (as html5ever has it).
    fn special(&self) -> bool {
        self.ns == Ns::Html && self.tag.is(tags::SPECIAL)
    }
}

struct Builder<'a> {
    flat: Flat,
    stack: Vec<Open<'a>>,
    /// How many open elements are left out of the flat list.
    hidden: usize,
    head_open: bool,
    body_open: bool,
    /// What the current raw-text element's text is for.
    capture: Capture,
    /// Stack depth of the first `<h1>` while it is open.
    h1_depth: Option<usize>,
    h1: String,
    cache: layout::Cache<'a>,
}

/// Flattens a page (and reads its metadata) in one pass.
pub fn flatten(html: &str) -> Flat {
    let mut b = Builder {
        flat: Flat::default(),
        stack: Vec::with_capacity(64),
        hidden: 0,
        head_open: false,
        body_open: false,
        capture: Capture::None,
        h1_depth: None,
        h1: String::new(),
        cache: layout::Cache::default(),
    };
    b.flat.elements.reserve(html.len() / 64);
    b.flat.events.reserve(html.len() / 24);
    b.flat.text.reserve(html.len() / 4);
    b.push(tags::lookup("html"), "html", &[]);
    tokenizer::tokenize(html, &mut b);
    b.pop_to(0);
    if b.h1_depth.is_some() || !b.h1.is_empty() {
        b.flat.meta.h1 = Some(std::mem::take(&mut b.h1));
    }
    b.flat
}

impl<'a> Builder<'a> {
    fn push(&mut self, tag: Tag, raw: &'a str, attrs: &[Attr<'a>]) {
        if self.stack.len() >= MAX_DEPTH {
            // As browsers do at their depth limit: the new element becomes a sibling.
            self.pop_to(MAX_DEPTH - 1);
        }
        let element = if self.hidden > 0 {
            NONE
        } else {
            let marks = layout::marks(tag, attrs, &mut self.cache);
            if marks.skip {
                NONE
            } else {
                let idx = self.flat.elements.len();
                self.flat.elements.push(Element {
                    name: tag.name,
                    flags: tag.flags,
                    parent: self.stack.iter().rev().map(|o| o.element).find(|&e| e != NONE).unwrap_or(NONE),
                    marks,
                    open: self.flat.events.len(),
                    close: NONE,
                });
                self.flat.events.push(Event::Open(idx));
                idx
            }
        };
        if element == NONE {
            self.hidden += 1;
        }
        let ns = match self.stack.last() {
            Some(top) if top.ns != Ns::Html && !top.integration => top.ns,
            _ if tag.name == "svg" => Ns::Svg,
            _ if tag.name == "math" => Ns::MathMl,
            _ => Ns::Html,
        };
        let integration = integration_point(ns, raw, attrs);
        self.stack.push(Open { tag, raw, element, ns, integration });
    }

    /// An element with no content (void, self-closed or a stray `</p>`).
    fn leaf(&mut self, tag: Tag, attrs: &[Attr<'a>]) {
        if self.hidden == 0 && matches!(tag.name, "br" | "hr" | "p" | "wbr") {
            self.push(tag, "", attrs);
            self.pop_to(self.stack.len().saturating_sub(1));
        }
    }

    /// Closes the open elements from the top down to index `k` (inclusive).
    fn pop_to(&mut self, k: usize) {
        while self.stack.len() > k {
            let Some(open) = self.stack.pop() else { break };
            if open.element == NONE {
                self.hidden -= 1;
            } else {
                if let Some(e) = self.flat.elements.get_mut(open.element) {
                    e.close = self.flat.events.len();
                }
                self.flat.events.push(Event::Close(open.element));
            }
            if open.tag.name == "head" {
                self.head_open = false;
            }
            if self.h1_depth.is_some_and(|d| self.stack.len() < d) {
                self.h1_depth = None;
                self.flat.meta.h1 = Some(std::mem::take(&mut self.h1));
            }
        }
    }

    /// Index of the nearest open element matching `hit`, searching down from the top and
    /// giving up at an element for which `stop` holds.
    fn find(&self, hit: impl Fn(&Open) -> bool, stop: impl Fn(&Open) -> bool) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if hit(open) {
                return Some(i);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        let found = self.find(|o| o.tag.name == "p", |o| o.scope() || o.tag.name == "button");
        if let Some(k) = found {
            self.pop_to(k);
        }
    }

    /// Whether the current node is foreign, not an integration point: start tags make
    /// foreign elements there (unless they break out).
    fn foreign_content(&self) -> bool {
        self.stack.last().is_some_and(|o| o.ns != Ns::Html && !o.integration)
    }

    /// Closes foreign elements down to an HTML element or an integration point.
    fn close_foreign(&mut self) {
        while self.foreign_content() {
            self.pop_to(self.stack.len() - 1);
        }
    }

    /// Body content starts: `<head>` ends and `<body>` is implied if it was not written.
    fn ensure_body(&mut self) {
        if self.body_open {
            return;
        }
        if self.head_open {
            if let Some(k) = self.find(|o| o.tag.name == "head", |_| false) {
                self.pop_to(k);
            }
        }
        self.body_open = true;
        self.push(tags::lookup("body"), "body", &[]);
    }

    /// Closes what a start tag implicitly ends.
    fn implied_ends(&mut self, tag: Tag) {
        let scope = |o: &Open| o.scope();
        let found = match tag.name {
            "li" => self.find(
                |o| o.tag.name == "li",
                |o| o.special() && !matches!(o.tag.name, "address" | "div" | "p"),
            ),
            "dd" | "dt" => self.find(
                |o| matches!(o.tag.name, "dd" | "dt"),
                |o| o.special() && !matches!(o.tag.name, "address" | "div" | "p"),
            ),
            "td" | "th" => self.find(|o| matches!(o.tag.name, "td" | "th"), |o| o.tag.name == "table"),
            "tr" => self.find(|o| o.tag.name == "tr", |o| o.tag.name == "table"),
            "tbody" | "thead" | "tfoot" => {
                self.find(|o| matches!(o.tag.name, "tbody" | "thead" | "tfoot"), |o| o.tag.name == "table")
            }
            "a" | "button" | "nobr" => self.find(|o| o.tag.name == tag.name, scope),
            "option" | "optgroup" => {
                self.stack.last().is_some_and(|o| o.tag.name == "option").then(|| self.stack.len() - 1)
            }
            _ => None,
        };
        if let Some(k) = found {
            self.pop_to(k);
        }
        if tag.is(tags::CLOSES_P) {
            self.close_p();
        }
        if tag.is(tags::HEADING) && self.stack.last().is_some_and(|o| o.tag.is(tags::HEADING)) {
            self.pop_to(self.stack.len() - 1);
        }
    }
}

impl<'a> Sink<'a> for Builder<'a> {
    fn start(&mut self, raw: &'a str, attrs: &[Attr<'a>], self_closing: bool) -> Mode {
        let tag = tags::lookup(raw);
        if self.foreign_content() {
            if !breaks_out(tag, attrs) {
                // A foreign element: no implied ends, no metadata, no raw text; `<x/>` is empty.
                self.capture = Capture::None;
                if !self_closing {
                    self.push(tag, raw, attrs);
                }
                return Mode::Data;
            }
            self.close_foreign();
        }
        self.capture = self.flat.meta.start(tag.name, attrs);
        match tag.name {
            "html" => return Mode::Data,
            "body" => {
                if !self.body_open {
                    if let Some(k) = self.find(|o| o.tag.name == "head", |_| false) {
                        self.pop_to(k);
                    }
                    self.body_open = true;
                    self.push(tag, raw, attrs);
                }
                return Mode::Data;
            }
            "head" => {
                if !self.body_open && !self.head_open {
                    self.head_open = true;
                    self.push(tag, raw, attrs);
                }
                return Mode::Data;
            }
            _ => {}
        }
        if !tag.is(tags::HEAD_OK) {
            self.ensure_body();
        }
        self.implied_ends(tag);
        if tag.is(tags::VOID) || (self_closing && tag.is(tags::FOREIGN)) {
            self.leaf(tag, attrs);
            return Mode::Data;
        }
        self.push(tag, raw, attrs);
        if tag.name == "h1" && self.flat.meta.h1.is_none() && self.h1_depth.is_none() && self.h1.is_empty() {
            self.h1_depth = Some(self.stack.len());
        }
        tag.mode()
    }

    fn end(&mut self, raw: &'a str) {
        self.capture = Capture::None;
        let tag = tags::lookup(raw);
        if self.stack.last().is_some_and(|o| o.ns != Ns::Html) {
            if matches!(tag.name, "br" | "p") {
                self.close_foreign();
            } else {
                // The nearest open element of that name, through foreign elements only.
                for k in (1..self.stack.len()).rev() {
                    if self.stack[k].ns == Ns::Html {
                        break;
                    }
                    if self.stack[k].raw.eq_ignore_ascii_case(raw) {
                        self.pop_to(k);
                        return;
                    }
                }
            }
        }
        let same = |o: &Open| {
            if o.ns != Ns::Html {
                false
            } else if tag.name.is_empty() {
                o.tag.name.is_empty() && o.raw.eq_ignore_ascii_case(raw)
            } else {
                o.tag.name == tag.name
            }
        };
        let found = match tag.name {
            "body" | "html" => return,
            "br" => {
                self.ensure_body();
                self.leaf(tag, &[]);
                return;
            }
            "p" => {
                let found = self.find(same, |o| o.scope() || o.tag.name == "button");
                if found.is_none() {
                    self.ensure_body();
                    self.leaf(tag, &[]);
                }
                found
            }
            "li" => self.find(same, |o| o.scope() || matches!(o.tag.name, "ol" | "ul")),
            "table" => self.find(same, |o| o.tag.name == "html"),
            "tr" | "tbody" | "thead" | "tfoot" | "td" | "th" | "caption" => {
                self.find(same, |o| o.tag.name == "table")
            }
            _ if tag.is(tags::HEADING) => self.find(|o| o.tag.is(tags::HEADING), |o| o.scope()),
            _ if tag.is(tags::SPECIAL) => self.find(same, |o| o.scope()),
            _ => self.find(same, |o| o.special()),
        };
        if let Some(k) = found {
            self.pop_to(k);
        }
    }

    fn in_foreign_content(&self) -> bool {
        self.stack.last().is_some_and(|o| o.ns != Ns::Html)
    }

    fn text(&mut self, text: Cow<'a, str>) {
        if self.capture != Capture::None {
            self.flat.meta.text(self.capture, &text);
            if self.capture == Capture::Title || self.hidden > 0 {
                return;
            }
        }
        // Text of a raw-text element (`script`, `title`...) stays in it; other text starts the body.
        let raw = self.stack.last().is_some_and(|o| o.tag.mode() != Mode::Data);
        if !raw && !self.body_open {
            if text.bytes().all(|b| b.is_ascii_whitespace()) {
                return;
            }
            self.ensure_body();
        }
        if self.hidden > 0 {
            return;
        }
        if self.h1_depth.is_some() {
            push_text(&mut self.h1, &text);
        }
        let start = self.flat.text.len();
        push_text(&mut self.flat.text, &text);
        let end = self.flat.text.len();
        match self.flat.events.last_mut() {
            Some(Event::Text(_, e)) if *e == start => *e = end,
            _ => self.flat.events.push(Event::Text(start, end)),
        }
    }
}

/// Appends `s` with CR LF and lone CR made LF (the standard's input-stream preprocessing,
/// which the tokenizer skips) and U+0000 made U+FFFD (what reaches here of it comes from
/// raw text such as `<xmp>`, where the standard's tokenizer does that): done here, where
/// text is stored, so the page is never copied.
fn push_text(dst: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut from = 0;
    for at in memchr::memchr2_iter(b'\r', 0, b) {
        dst.push_str(&s[from..at]);
        if b[at] == 0 {
            dst.push('\u{FFFD}');
        } else if b.get(at + 1) != Some(&b'\n') {
            dst.push('\n');
        }
        from = at + 1;
    }
    dst.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat list as `<p>text</p>`, skipped subtrees left out.
    fn check(html: &str, expected: &str) {
        let flat = flatten(html);
        let mut out = String::new();
        for ev in &flat.events {
            match *ev {
                Event::Open(i) => out.push_str(&format!("<{}>", flat.elements[i].name)),
                Event::Close(i) => out.push_str(&format!("</{}>", flat.elements[i].name)),
                Event::Text(s, e) => out.push_str(flat.text_of(s, e)),
            }
        }
        assert_eq!(out, expected, "html: {html:?}");
    }

    #[test]
    fn tree_construction() {
        check("<p>a", "<html><body><p>a</p></body></html>");
        check("<p>a<p>b", "<html><body><p>a</p><p>b</p></body></html>");
        check("<p>a<div>b</div>", "<html><body><p>a</p><div>b</div></body></html>");
        check("<ul><li>a<li>b</ul>", "<html><body><ul><li>a</li><li>b</li></ul></body></html>");
        check("<li>a<ul><li>b</ul>", "<html><body><li>a<ul><li>b</li></ul></li></body></html>");
        check(
            "<table><tr><td>a<td>b<tr><td>c</table>x",
            "<html><body><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>x</body></html>",
        );
        check("<div><span>a</div>b", "<html><body><div><span>a</span></div>b</body></html>");
        check("<div>a</span>b</div>", "<html><body><div>ab</div></body></html>");
        check("a</p>b", "<html><body>a<p></p>b</body></html>");
        check("a<br>b</br>c", "<html><body>a<br></br>b<br></br>c</body></html>");
        check("<h2>a<h3>b</h2>c", "<html><body><h2>a</h2><h3>b</h3>c</body></html>");
        check("<b><p>a</b>b</p>", "<html><body><b><p>ab</p></b></body></html>");
        check(
            "<html><head><title>T</title><script>x</script></head><body><p>a &amp; b</p></body></html>",
            "<html><body><p>a & b</p></body></html>",
        );
        check("<head><meta charset=utf-8><div>a</div>", "<html><body><div>a</div></body></html>");
        check("<title>T</title>text", "<html><body>text</body></html>");
        check("<p>a<svg><path/><g><text>x</text></g></svg>b</p>", "<html><body><p>ab</p></body></html>");
        check("<div>a<svg><g>icon<p>b</p>c</div>d", "<html><body><div>a<p>b</p>c</div>d</body></html>");
        check("<div>a<svg><g>icon</div>b", "<html><body><div>a</div>b</body></html>");
        check(
            "<math><mi>x<b>y</b></mi><mrow>z</mrow></math>",
            "<html><body><math><>x<b>y</b></><>z</></math></body></html>",
        );
        check("<p>a<!-- c -->b</p>", "<html><body><p>ab</p></body></html>");
        check("</body>a</html>b", "<html><body>ab</body></html>");
        check("<nav>menu</nav><p>x", "<html><body><nav>menu</nav><p>x</p></body></html>");
        check("", "<html></html>");
        check("<p>a\r\nb\rc\r</p>", "<html><body><p>a\nb\nc\n</p></body></html>");
        check("<p>a\0b<xmp>c\0d</xmp>", "<html><body><p>ab</p><xmp>c\u{FFFD}d</xmp></body></html>");
    }

    #[test]
    fn deep_nesting_is_capped() {
        let depth = 10_000;
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let flat = flatten(&html);
        assert!(flat.text.contains("deep"));
        let p = flat.elements.iter().position(|e| e.name == "p").expect("the paragraph is kept");
        let mut depth = 0;
        let mut j = p;
        while j != NONE {
            depth += 1;
            j = flat.elements[j].parent;
        }
        assert_eq!(depth, MAX_DEPTH);
    }
}
