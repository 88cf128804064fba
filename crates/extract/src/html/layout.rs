//! Page-layout vocabulary: which elements are never text (`<script>`), which are page
//! furniture (navigation, share bars, related links, comments, ads, cookie banners) and which
//! mark the article body (`itemprop=articleBody`, `.article-body`). The words live in
//! `data/extract_boilerplate.tsv`.

use super::tags::{self, Tag};
use super::tokenizer::Attr;
use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

type FastSet = HashSet<&'static str, foldhash::fast::FixedState>;

const DATA: &str = include_str!("../../../../data/extract_boilerplate.tsv");

struct Vocabulary {
    skip: Vec<&'static str>,
    tags: Vec<&'static str>,
    tokens: FastSet,
    classes: FastSet,
    body: Vec<&'static str>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary {
        skip: Vec::new(),
        tags: Vec::new(),
        tokens: FastSet::default(),
        classes: FastSet::default(),
        body: Vec::new(),
    };
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let Some((kind, value)) = line.trim_end().split_once('\t') else { continue };
        match kind {
            "skip" => v.skip.push(value),
            "tag" => v.tags.push(value),
            "token" => {
                v.tokens.insert(value);
            }
            "class" => {
                v.classes.insert(value);
            }
            "body" => v.body.push(value),
            _ => {}
        }
    }
    v
});

/// What layout says about one element.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Marks {
    /// Never text: the subtree is not read at all.
    pub skip: bool,
    /// Page furniture by tag (`<nav>`, `<aside>`...).
    pub furniture_tag: bool,
    /// Page furniture by class, id, role or hiding.
    pub furniture_attr: bool,
    /// Hidden (`hidden`, `aria-hidden`, `display: none`, hiding classes).
    pub hidden: bool,
    /// Marks the article body.
    pub body: bool,
}

/// Calls `f` with each lowercase ASCII word of a class or id value (`shareBar article-body`
/// → share, bar, article, body) until it returns true. Words with other characters or longer
/// than any vocabulary word cannot match and are passed over.
fn words(value: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut buf = [0u8; 24];
    let mut len = 0usize;
    let mut plain = true;
    let mut prev_lower = false;
    for &b in value.as_bytes().iter().chain(std::iter::once(&b' ')) {
        let alnum = b.is_ascii_alphanumeric() || b >= 0x80;
        let boundary = !alnum || (b.is_ascii_uppercase() && prev_lower);
        if boundary && len > 0 {
            if plain && len <= buf.len() && f(std::str::from_utf8(&buf[..len]).unwrap_or("")) {
                return true;
            }
            len = 0;
            plain = true;
        }
        if alnum {
            if b >= 0x80 {
                plain = false;
            } else if len < buf.len() {
                buf[len] = b.to_ascii_lowercase();
            }
            len += 1;
        }
        prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
    }
    false
}

/// Whether a class or id value, lowercased without `-`/`_`, contains a body marker.
fn marks_body(value: &str) -> bool {
    let mut buf = [0u8; 96];
    let mut len = 0usize;
    for b in value.bytes().filter(u8::is_ascii_alphanumeric) {
        if len == buf.len() {
            break;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    BODY_MARKERS.is_match(&buf[..len])
}

static BODY_MARKERS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(&VOCABULARY.body).expect("body markers are plain strings"));

const HIDING_ROLES: &[&str] =
    &["navigation", "complementary", "banner", "contentinfo", "search", "dialog", "alert", "menu", "menubar"];

/// The element names the vocabulary marks as never text and as furniture (for [`tags`]).
pub fn tag_vocabulary() -> (Vec<&'static str>, Vec<&'static str>) {
    (VOCABULARY.skip.clone(), VOCABULARY.tags.clone())
}

/// Whether a `style` value hides the element (`display: none`, `visibility:hidden`).
fn hides(style: &str) -> bool {
    if !style.contains(':') {
        return false;
    }
    let mut buf = [0u8; 256];
    let mut len = 0usize;
    for b in style.bytes().filter(|b| !b.is_ascii_whitespace()) {
        if len == buf.len() {
            break;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    let squashed = &buf[..len];
    squashed.windows(12).any(|w| w == b"display:none")
        || squashed.windows(17).any(|w| w == b"visibility:hidden")
}

/// Whether a class or id token is one of the hiding classes (any case).
fn hiding_class(token: &str) -> bool {
    let v = &*VOCABULARY;
    if token.len() > 24 {
        return false;
    }
    if !token.bytes().any(|b| b.is_ascii_uppercase()) {
        return v.classes.contains(token);
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(token.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..token.len()]).is_ok_and(|t| v.classes.contains(t))
}

/// What a `class` or `id` token says: (body, hidden, furniture).
fn classify_token(token: &str) -> (bool, bool, bool) {
    let v = &*VOCABULARY;
    (marks_body(token), hiding_class(token), words(token, |w| v.tokens.contains(w)))
}

type Verdicts<'a> = HashMap<&'a str, (bool, bool, bool), foldhash::fast::FixedState>;

/// Verdicts on `class`/`id` values and tokens already seen on this page (templates and
/// utility-class frameworks repeat them).
#[derive(Default)]
pub struct Cache<'a> {
    values: Verdicts<'a>,
    tokens: Verdicts<'a>,
}

impl<'a> Cache<'a> {
    fn classify(&mut self, value: &'a str) -> (bool, bool, bool) {
        if let Some(&v) = self.values.get(value) {
            return v;
        }
        let (mut body, mut hidden, mut furniture) = (false, false, false);
        for token in value.split_ascii_whitespace() {
            let (b, h, f) = *self.tokens.entry(token).or_insert_with(|| classify_token(token));
            body |= b;
            hidden |= h;
            furniture |= f;
        }
        self.values.insert(value, (body, hidden, furniture));
        (body, hidden, furniture)
    }
}

/// Marks for an element with these attributes.
pub fn marks<'a>(tag: Tag, attrs: &[Attr<'a>], cache: &mut Cache<'a>) -> Marks {
    if tag.is(tags::SKIP) {
        return Marks { skip: true, ..Marks::default() };
    }
    let mut m = Marks { furniture_tag: tag.is(tags::FURNITURE), ..Marks::default() };
    // A repeated attribute counts once, the first (the standard drops the others).
    let mut seen = 0u8;
    let mut first = |bit: u8| {
        let new = seen & bit == 0;
        seen |= bit;
        new
    };
    for a in attrs {
        // Raw values: the words looked for have no character references.
        let (attr, value) = (a.name, a.raw);
        let named = |n: &str| attr.len() == n.len() && attr.eq_ignore_ascii_case(n);
        match attr.len() {
            5 if named("class") && !first(1) => {}
            2 if named("id") && !first(2) => {}
            8 if named("itemprop") && !first(4) => {}
            5 if named("style") && !first(8) => {}
            11 if named("aria-hidden") && !first(16) => {}
            4 if named("role") && !first(32) => {}
            2 | 5 if named("class") || named("id") => {
                let (body, hidden, furniture) = cache.classify(value);
                m.body |= body;
                m.hidden |= hidden;
                m.furniture_attr |= furniture;
            }
            8 if named("itemprop") => m.body |= value.eq_ignore_ascii_case("articleBody"),
            5 if named("style") => m.hidden |= hides(value),
            6 if named("hidden") => m.hidden = true,
            11 if named("aria-hidden") => m.hidden |= value.eq_ignore_ascii_case("true"),
            4 if named("role") => {
                m.furniture_attr |= HIDING_ROLES.iter().any(|r| value.eq_ignore_ascii_case(r));
            }
            _ => {}
        }
    }
    if m.body {
        m.furniture_attr = false;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks of the first start tag in `html`.
    struct First(Option<Marks>);

    impl<'a> crate::html::tokenizer::Sink<'a> for First {
        fn start(&mut self, name: &'a str, attrs: &[Attr<'a>], _: bool) -> crate::html::tokenizer::Mode {
            self.0 = self.0.or_else(|| Some(marks(tags::lookup(name), attrs, &mut Cache::default())));
            crate::html::tokenizer::Mode::Data
        }
        fn end(&mut self, _: &'a str) {}
        fn text(&mut self, _: std::borrow::Cow<'a, str>) {}
    }

    fn check(html: &str, expected: (bool, bool, bool)) {
        let mut first = First(None);
        crate::html::tokenizer::tokenize(html, &mut first);
        let m = first.0.unwrap_or_default();
        assert_eq!((m.skip, m.furniture_tag || m.furniture_attr || m.hidden, m.body), expected, "{html}");
    }

    #[test]
    fn layout_marks() {
        check("<script>x</script>", (true, false, false));
        check("<nav>x</nav>", (false, true, false));
        check("<div class='social-share'>x</div>", (false, true, false));
        check("<div class='shareBar'>x</div>", (false, true, false));
        check("<div id='comments'>x</div>", (false, true, false));
        check("<div class='article-body'>x</div>", (false, false, true));
        check("<div itemprop='articleBody'>x</div>", (false, false, true));
        check("<div class='overflow-hidden'>x</div>", (false, false, false));
        check("<div class='sr-only'>x</div>", (false, true, false));
        check("<div style='display: none'>x</div>", (false, true, false));
        check("<div class='headline-large'>x</div>", (false, false, false));
        check("<p>x</p>", (false, false, false));
        check("<div style='' STYLE='display:none' class=a class='sidebar'>x</div>", (false, false, false));
    }
}
