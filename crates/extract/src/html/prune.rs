//! A byte-level pre-pass before HTML parsing: drops what can never be article text and costs
//! the parser most — script and style bodies, `<noscript>` and inline `<svg>` contents,
//! comments — about half the bytes of a typical news page. JSON-LD scripts are kept for the
//! metadata reader. Tags stay in place, so the parser sees the same element structure.

use std::borrow::Cow;

/// Elements whose contents are dropped: (name, whether a `ld+json` type keeps it).
const EMPTIED: &[(&str, bool)] = &[("script", true), ("style", false), ("noscript", false), ("svg", false)];

/// `html` without script/style/noscript/svg contents and comments.
pub fn prune(html: &str) -> Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = String::new();
    let mut copied = 0usize; // `html[..copied]` is decided
    let mut at = 0usize;
    while let Some(rel) = lower[at..].find('<') {
        let lt = at + rel;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = lower[lt + 4..].find("-->").map_or(html.len(), |e| lt + 4 + e + 3);
            out.push_str(&html[copied..lt]);
            copied = end;
            at = end;
            continue;
        }
        let mut matched = None;
        for &(name, keep_json) in EMPTIED {
            let n = name.len();
            if rest.len() > n
                && rest.starts_with(name.as_bytes())
                && matches!(rest[n], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
            {
                matched = Some((name, keep_json));
                break;
            }
        }
        let Some((name, keep_json)) = matched else {
            at = lt + 1;
            continue;
        };
        let Some(gt) = lower[lt..].find('>').map(|g| lt + g) else { break };
        let open_tag = &lower[lt..gt];
        let close = format!("</{name}");
        let end = lower[gt + 1..].find(&close).map_or(html.len(), |e| gt + 1 + e);
        if name == "svg" && open_tag.ends_with('/') {
            // `<svg/>` is self-closing (a foreign element); `<script/>` is not.
            at = gt + 1;
            continue;
        }
        if !(keep_json && open_tag.contains("ld+json")) {
            out.push_str(&html[copied..=gt]);
            copied = end;
        }
        at = end.max(gt + 1);
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    if copied < html.len() {
        out.push_str(&html[copied..]);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(prune(input), expected, "input: {input:?}");
    }

    #[test]
    fn pruning() {
        check("<p>Hi</p>", "<p>Hi</p>");
        check("<script>var a = '<p>x</p>';</script><p>Hi</p>", "<script></script><p>Hi</p>");
        check(
            "<SCRIPT type=text/javascript>x()</SCRIPT ><p>Hi",
            "<SCRIPT type=text/javascript></SCRIPT ><p>Hi",
        );
        check(
            r#"<script type="application/ld+json">{"a":1}</script>"#,
            r#"<script type="application/ld+json">{"a":1}</script>"#,
        );
        check(
            "<style>p{}</style><!-- <script> -->x<svg viewBox='0'><path/></svg>",
            "<style></style>x<svg viewBox='0'></svg>",
        );
        check("<scripts>kept</scripts><stylex>kept</stylex>", "<scripts>kept</scripts><stylex>kept</stylex>");
        check("<p>a < b</p><!-- unterminated", "<p>a < b</p>");
        check("<script>never closed", "<script>");
        check("<script src=x />text</script><p>Hi", "<script src=x /></script><p>Hi");
        check("<svg/><p>Hi</p><svg><g/></svg>", "<svg/><p>Hi</p><svg></svg>");
        check("Ünïcödé <style>x</style>ß", "Ünïcödé <style></style>ß");
    }
}
