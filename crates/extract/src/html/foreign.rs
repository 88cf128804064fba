//! Foreign content (§13.2.6.5) as far as text placement cares: which namespace an element
//! is in, which start tags break out of `svg`/`math` back to HTML, and which foreign elements
//! are integration points whose children are HTML.

use super::tags::Tag;
use super::tokenizer::Attr;

/// The namespace of an open element, as far as tree construction cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    Html,
    Svg,
    MathMl,
}

/// Start tags that close open foreign elements up to an HTML one (§13.2.6.5).
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
    "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// Whether this start tag, in foreign content, closes the foreign elements (`<font>` only
/// with `color`, `face` or `size`).
pub fn breaks_out(tag: Tag, attrs: &[Attr]) -> bool {
    let font_attr = |a: &Attr| ["color", "face", "size"].iter().any(|n| a.name.eq_ignore_ascii_case(n));
    BREAKOUT.contains(&tag.name) || (tag.name == "font" && attrs.iter().any(font_attr))
}

/// Whether a foreign element named `raw` is an integration point: its children are HTML.
pub fn integration_point(ns: Ns, raw: &str, attrs: &[Attr]) -> bool {
    let is = |names: &[&str]| names.iter().any(|n| raw.eq_ignore_ascii_case(n));
    match ns {
        Ns::Html => false,
        Ns::Svg => is(&["foreignObject", "desc", "title"]),
        Ns::MathMl => {
            is(&["mi", "mo", "mn", "ms", "mtext"])
                || (is(&["annotation-xml"])
                    && attrs.iter().any(|a| {
                        a.name.eq_ignore_ascii_case("encoding")
                            && ["text/html", "application/xhtml+xml"]
                                .iter()
                                .any(|e| a.value().eq_ignore_ascii_case(e))
                    }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags;
    use super::*;

    fn attrs(pairs: &[(&'static str, &'static str)]) -> Vec<Attr<'static>> {
        pairs.iter().map(|&(name, raw)| Attr { name, raw }).collect()
    }

    fn check(name: &str, pairs: &[(&'static str, &'static str)], expected: bool) {
        assert_eq!(breaks_out(tags::lookup(name), &attrs(pairs)), expected, "{name} {pairs:?}");
    }

    #[test]
    fn breakout() {
        check("p", &[], true);
        check("DIV", &[], true);
        check("font", &[], false);
        check("font", &[("Color", "red")], true);
        check("g", &[], false);
        check("title", &[], false);
        for name in BREAKOUT {
            assert_eq!(tags::lookup(name).name, *name, "{name} must be a known tag");
        }
    }

    #[test]
    fn integration_points() {
        assert!(integration_point(Ns::Svg, "foreignObject", &[]));
        assert!(integration_point(Ns::MathMl, "mi", &[]));
        assert!(integration_point(Ns::MathMl, "annotation-xml", &attrs(&[("encoding", "text/html")])));
        assert!(!integration_point(Ns::MathMl, "annotation-xml", &[]));
        assert!(!integration_point(Ns::Svg, "mi", &[]));
        assert!(!integration_point(Ns::Html, "title", &[]));
    }
}
