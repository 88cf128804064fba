//! Page-layout vocabulary: which elements are never text (`<script>`), which are page
//! furniture (navigation, share bars, related links, comments, ads, cookie banners) and which
//! mark the article body (`itemprop=articleBody`, `.article-body`). The words live in
//! `data/extract_boilerplate.tsv`.

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

/// Splits a class or id value into lowercase words: `shareBar article-body` → share, bar,
/// article, body.
fn words(value: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars().chain(std::iter::once(' ')) {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            if f(&word) {
                return true;
            }
            word.clear();
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    false
}

fn squashed(value: &str) -> String {
    value.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Marks for an element.
pub fn marks(el: &Element) -> Marks {
    let v = &*VOCABULARY;
    let name = el.name();
    if v.skip.contains(name) {
        return Marks { skip: true, ..Marks::default() };
    }
    let mut m = Marks { furniture_tag: v.tags.contains(name), ..Marks::default() };
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    if el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        m.body = true;
    }
    for value in class.split_whitespace().chain(std::iter::once(id)).filter(|s| !s.is_empty()) {
        let sq = squashed(value);
        if v.body.iter().any(|b| sq.contains(b)) {
            m.body = true;
        }
        if v.classes.contains(value.to_ascii_lowercase().as_str()) {
            m.hidden = true;
        }
        if words(value, |w| v.tokens.contains(w)) {
            m.furniture_attr = true;
        }
    }
    let hidden_style = el.attr("style").is_some_and(|s| {
        let s = squashed(s);
        s.contains("displaynone") || s.contains("visibilityhidden")
    });
    let role = el.attr("role").unwrap_or("");
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|a| a.eq_ignore_ascii_case("true"))
        || hidden_style
    {
        m.hidden = true;
    }
    if [
        "navigation",
        "complementary",
        "banner",
        "contentinfo",
        "search",
        "dialog",
        "alert",
        "menu",
        "menubar",
    ]
    .iter()
    .any(|r| role.eq_ignore_ascii_case(r))
    {
        m.furniture_attr = true;
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
