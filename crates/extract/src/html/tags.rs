//! What the tree builder and main-text selection need to know about each HTML element name,
//! looked up once per tag: the HTML standard's categories (void, special, scope boundary,
//! formatting, closes an open `<p>`, allowed in `<head>`, how its contents are tokenized) and
//! the layout vocabulary's verdict (never text, page furniture; `data/extract_boilerplate.tsv`).

use super::tokenizer::Mode;
use std::collections::HashMap;
use std::sync::LazyLock;

pub const VOID: u16 = 1;
/// The standard's "special" category (stops `<li>` closing and stray end tags).
pub const SPECIAL: u16 = 1 << 1;
/// Boundary of "has an element in scope".
pub const SCOPE: u16 = 1 << 2;
pub const FORMATTING: u16 = 1 << 3;
/// Its start tag closes an open `<p>` (in button scope).
pub const CLOSES_P: u16 = 1 << 4;
/// May appear in `<head>` without starting the body.
pub const HEAD_OK: u16 = 1 << 5;
pub const HEADING: u16 = 1 << 6;
/// Layout: the subtree is never text.
pub const SKIP: u16 = 1 << 7;
/// Layout: page furniture by tag name.
pub const FURNITURE: u16 = 1 << 8;
/// Opens foreign content (`svg`, `math`): `<x/>` self-closes inside, `<p>` breaks out.
pub const FOREIGN: u16 = 1 << 9;
/// Main text: a paragraph-like block whose text is prose.
pub const PARAGRAPH: u16 = 1 << 10;
/// Main text: a block (its text starts a new paragraph).
pub const BLOCK: u16 = 1 << 11;
/// Main text: a link.
pub const LINK: u16 = 1 << 12;
/// Main text: a table cell (its text is set off by a space).
pub const CELL: u16 = 1 << 13;

/// A known element name and its categories; unknown names have `name == ""`.
#[derive(Debug, Clone, Copy)]
pub struct Tag {
    pub name: &'static str,
    pub flags: u16,
}

impl Tag {
    pub fn is(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// How the tokenizer reads this element's contents.
    pub fn mode(self) -> Mode {
        match self.name {
            "script" => Mode::Script,
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Mode::RawText,
            "title" | "textarea" => Mode::RcData,
            "plaintext" => Mode::PlainText,
            _ => Mode::Data,
        }
    }
}

const UNKNOWN: Tag = Tag { name: "", flags: 0 };

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// The HTML standard's element categories (§13.2.4.2, §13.2.6.4.7).
const CATEGORIES: &[(u16, &[&str])] = &[
    (
        VOID,
        &[
            "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image",
            "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
        ],
    ),
    (
        SPECIAL,
        &[
            "address",
            "applet",
            "area",
            "article",
            "aside",
            "base",
            "basefont",
            "bgsound",
            "blockquote",
            "body",
            "br",
            "button",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "details",
            "dir",
            "div",
            "dl",
            "dt",
            "embed",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "frame",
            "frameset",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "header",
            "hgroup",
            "hr",
            "html",
            "iframe",
            "img",
            "input",
            "keygen",
            "li",
            "link",
            "listing",
            "main",
            "marquee",
            "menu",
            "meta",
            "nav",
            "noembed",
            "noframes",
            "noscript",
            "object",
            "ol",
            "p",
            "param",
            "plaintext",
            "pre",
            "script",
            "search",
            "section",
            "select",
            "source",
            "style",
            "summary",
            "table",
            "tbody",
            "td",
            "template",
            "textarea",
            "tfoot",
            "th",
            "thead",
            "title",
            "tr",
            "track",
            "ul",
            "wbr",
            "xmp",
        ],
    ),
    (SCOPE, &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]),
    (
        FORMATTING,
        &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"],
    ),
    (
        CLOSES_P,
        &[
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "dd",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "listing",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "plaintext",
            "pre",
            "search",
            "section",
            "summary",
            "table",
            "ul",
            "xmp",
        ],
    ),
    (
        HEAD_OK,
        &[
            "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template",
            "title", "noscript", "head", "html", "body",
        ],
    ),
    (HEADING, HEADINGS),
    (FOREIGN, &["svg", "math"]),
    (PARAGRAPH, &["p", "li", "blockquote", "pre", "dd"]),
    (
        BLOCK,
        &[
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "section",
            "article",
            "main",
            "table",
            "tr",
            "figure",
            "br",
            "hr",
            "header",
            "footer",
            "aside",
            "nav",
            "form",
            "address",
            "center",
            "details",
            "summary",
            "caption",
            "body",
        ],
    ),
    (LINK, &["a"]),
    (CELL, &["td", "th"]),
];

/// Other elements of the standard, so every real tag name is known.
const OTHERS: &[&str] = &[
    "abbr", "acronym", "audio", "bdi", "bdo", "blink", "canvas", "cite", "data", "datalist", "del", "dfn",
    "dialog", "font", "ins", "kbd", "label", "legend", "map", "mark", "meter", "nobr", "optgroup", "option",
    "output", "picture", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "samp", "slot", "span", "sub",
    "sup", "time", "var", "video", "frameset", "portal", "figure", "address",
];

static TABLE: LazyLock<HashMap<&'static str, Tag, foldhash::fast::FixedState>> = LazyLock::new(|| {
    let mut table: HashMap<&'static str, Tag, foldhash::fast::FixedState> = HashMap::default();
    let mut add = |name: &'static str, flag: u16| {
        table.entry(name).or_insert(Tag { name, flags: 0 }).flags |= flag;
    };
    for (flag, names) in CATEGORIES {
        for name in *names {
            add(name, *flag);
        }
    }
    for name in OTHERS {
        add(name, 0);
    }
    let (skip, furniture) = super::layout::tag_vocabulary();
    for name in skip {
        add(name, SKIP);
    }
    for name in furniture {
        add(name, FURNITURE);
    }
    add("title", SKIP);
    table
});

/// Slots of the direct-mapped table tried before the hash map (tag names are few and short).
const SLOTS: usize = 1024;

fn slot(name: &[u8]) -> usize {
    let (first, last) = (name.first().copied().unwrap_or(0), name.last().copied().unwrap_or(0));
    let second = name.get(1).copied().unwrap_or(0);
    (name.len() * 61 + usize::from(first) * 31 + usize::from(second) * 7 + usize::from(last)) % SLOTS
}

/// Each slot holds the one known name hashing there (none when two collide).
static FAST: LazyLock<Vec<Option<Tag>>> = LazyLock::new(|| {
    let mut fast: Vec<Option<Tag>> = vec![None; SLOTS];
    let mut taken = vec![0u8; SLOTS];
    for tag in TABLE.values() {
        let i = slot(tag.name.as_bytes());
        taken[i] = taken[i].saturating_add(1);
        fast[i] = (taken[i] == 1).then_some(*tag);
    }
    fast
});

fn find(lower: &[u8]) -> Tag {
    if let Some(Some(tag)) = FAST.get(slot(lower)) {
        if tag.name.as_bytes() == lower {
            return *tag;
        }
    }
    std::str::from_utf8(lower).ok().and_then(|s| TABLE.get(s).copied()).unwrap_or(UNKNOWN)
}

/// The element named `raw` (any case).
pub fn lookup(raw: &str) -> Tag {
    if raw.len() > 16 {
        return UNKNOWN;
    }
    if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
        return find(raw.as_bytes());
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(raw.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    find(&buf[..raw.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: (&str, u16)) {
        let t = lookup(raw);
        assert_eq!((t.name, t.flags & expected.1), expected, "{raw}");
    }

    #[test]
    fn lookups() {
        check("p", ("p", SPECIAL | CLOSES_P));
        check("DIV", ("div", CLOSES_P));
        check("Br", ("br", VOID));
        check("script", ("script", SKIP | HEAD_OK));
        check("nav", ("nav", FURNITURE));
        check("my-widget", ("", 0));
        check("averyveryverylongtagname", ("", 0));
        check("dvi", ("", 0));
        for tag in TABLE.values() {
            check(&tag.name.to_ascii_uppercase(), (tag.name, tag.flags));
        }
    }
}
