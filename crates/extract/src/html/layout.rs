//! Page-layout vocabulary: which elements are never text (`<script>`), which are page
//! furniture (navigation, share bars, related links, comments, ads, cookie banners) and which
//! mark the article body (`itemprop=articleBody`, `.article-body`). The words live in
//! `data/extract_boilerplate.tsv`.

use aho_corasick::AhoCorasick;
use scraper::node::Element;
use std::collections::HashSet;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../../data/extract_boilerplate.tsv");

struct Vocabulary {
    skip: HashSet<&'static str>,
    tags: HashSet<&'static str>,
    tokens: HashSet<&'static str>,
    classes: HashSet<&'static str>,
    body: Vec<&'static str>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary {
        skip: HashSet::new(),
        tags: HashSet::new(),
        tokens: HashSet::new(),
        classes: HashSet::new(),
        body: Vec::new(),
    };
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let Some((kind, value)) = line.trim_end().split_once('\t') else { continue };
        match kind {
            "skip" => {
                v.skip.insert(value);
            }
            "tag" => {
                v.tags.insert(value);
            }
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

/// Marks for an element.
pub fn marks(el: &Element) -> Marks {
    let v = &*VOCABULARY;
    let name = el.name();
    if v.skip.contains(name) {
        return Marks { skip: true, ..Marks::default() };
    }
    let mut m = Marks { furniture_tag: v.tags.contains(name), ..Marks::default() };
    for (attr, value) in el.attrs() {
        match attr {
            "class" | "id" => {
                for token in value.split_ascii_whitespace() {
                    if marks_body(token) {
                        m.body = true;
                    }
                    if token.len() <= 24 && v.classes.contains(token.to_ascii_lowercase().as_str()) {
                        m.hidden = true;
                    }
                    if words(token, |w| v.tokens.contains(w)) {
                        m.furniture_attr = true;
                    }
                }
            }
            "itemprop" if value.eq_ignore_ascii_case("articleBody") => m.body = true,
            "style" => {
                let squashed: String =
                    value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                if squashed.contains("display:none") || squashed.contains("visibility:hidden") {
                    m.hidden = true;
                }
            }
            "hidden" => m.hidden = true,
            "aria-hidden" if value.eq_ignore_ascii_case("true") => m.hidden = true,
            "role" if HIDING_ROLES.iter().any(|r| value.eq_ignore_ascii_case(r)) => m.furniture_attr = true,
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

    fn check(html: &str, expected: (bool, bool, bool)) {
        let doc = scraper::Html::parse_fragment(html);
        let el = doc.root_element().first_child().and_then(|n| n.value().as_element().cloned());
        let m = el.map(|e| marks(&e)).unwrap_or_default();
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
    }
}
