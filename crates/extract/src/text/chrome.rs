//! Page chrome in scraped text: date and font-size widgets (` date 2024-08-19 + ↺ − 16 px`),
//! share bars, "Read more" teasers, cookie banners, newsletter prompts. A chrome line is
//! dropped; a date on it is kept as the publication date candidate.
//!
//! Recognition is by shape and vocabulary (`data/extract_chrome.tsv`), never by exact string:
//! a short line is chrome when, once its dates and times are removed, every word left is a
//! widget word or a number.

use crate::{date, lexicon};
use regex::Regex;
use std::sync::LazyLock;

/// Longer lines are prose, whatever words they use.
const MAX_WIDGET_CHARS: usize = 200;
const MAX_PREFIX_WORDS: usize = 20;
/// A prefix line longer than this that ends like a sentence is prose ("Copyright lawyers say...").
const MAX_TEASER_WORDS: usize = 8;
const MAX_COOKIE_CHARS: usize = 500;

static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}:\d{2}(?::\d{2})?\b").expect("static regex"));

/// What a chrome line carried worth keeping.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChromeLine {
    /// A date written on the line, normalised.
    pub date: Option<String>,
}

/// `Some` when `line` (already whitespace-normalised) is page chrome.
pub fn classify(line: &str) -> Option<ChromeLine> {
    let chars = line.chars().count();
    if chars > MAX_COOKIE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    if chars <= MAX_COOKIE_CHARS
        && lower.contains("cookie")
        && lexicon::CHROME_WORDS.cookie.iter().any(|w| lower.contains(w))
    {
        return Some(ChromeLine::default());
    }
    if chars > MAX_WIDGET_CHARS {
        return None;
    }
    let found = date::find(line);
    let word_count = line.split_whitespace().count();
    let prose_like = word_count > MAX_TEASER_WORDS && line.ends_with(['.', '!', '?']);
    if word_count <= MAX_PREFIX_WORDS && !prose_like && starts_with_prefix(&lower) {
        return Some(ChromeLine::default());
    }
    // The date's range is in `line`, so cut it there before lowercasing (lowercase can
    // change byte lengths).
    let mut rest = line.to_string();
    if let Some((_, range)) = &found {
        if rest.is_char_boundary(range.start) && rest.is_char_boundary(range.end) {
            rest.replace_range(range.clone(), " ");
        }
    }
    let rest = rest.to_lowercase();
    let rest = TIME.replace_all(&rest, " ");
    for word in
        rest.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.trim_matches('-').is_empty())
    {
        let w = word.trim_matches('-');
        let widget = lexicon::CHROME_WORDS.words.contains(w)
            || w.chars().all(|c| c.is_ascii_digit())
            || lexicon::month(w).is_some()
            || w.strip_suffix("px").is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        if !widget {
            return None;
        }
    }
    Some(ChromeLine { date: found.map(|(d, _)| d) })
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|words by|reporting by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|der|al|bin|,))*)\s*(?:[|,/–—-].{0,80})?$")
        .expect("static regex")
});

/// The names on a byline line (`By Ann Lee and Bo Park | Reuters`), if `line` is one.
pub fn byline(line: &str) -> Option<Vec<String>> {
    if line.chars().count() > 120 || line.ends_with(['.', '!', '?']) && !line.ends_with(" Jr.") {
        return None;
    }
    let names = BYLINE.captures(line)?.get(1)?.as_str();
    let out: Vec<String> = names
        .split(" and ")
        .flat_map(|n| n.split([',', '&']))
        .map(|n| n.trim().to_string())
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    (!out.is_empty()).then_some(out)
}

fn starts_with_prefix(lower: &str) -> bool {
    lexicon::CHROME_WORDS.prefixes.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|after| {
            after.is_empty() || !after.chars().next().is_some_and(|c| c.is_alphanumeric()) || p.ends_with(':')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_byline(input: &str, expected: Option<&[&str]>) {
        let got = byline(input);
        assert_eq!(
            got.as_deref().map(|v| v.iter().map(String::as_str).collect::<Vec<_>>()),
            expected.map(|e| e.to_vec()),
            "{input:?}"
        );
    }

    #[test]
    fn bylines() {
        check_byline("By Ann Lee", Some(&["Ann Lee"]));
        check_byline("By Ann Lee and Bo Park | Reuters", Some(&["Ann Lee", "Bo Park"]));
        check_byline("BY JOHN SMITH", Some(&["JOHN SMITH"]));
        check_byline("By the end of the day, the market had recovered.", None);
        check_byline("By Monday", None);
    }

    fn check(input: &str, expected: Option<Option<&str>>) {
        let got = classify(input).map(|c| c.date);
        assert_eq!(got.as_ref().map(|d| d.as_deref()), expected, "input: {input:?}");
    }

    #[test]
    fn chrome_lines() {
        check("date 2024-08-19 + ↺ − 16 px", Some(Some("2024-08-19")));
        check("Published: 12 March 2025, 10:45 | A+ A- | Print", Some(Some("2025-03-12")));
        check("Updated Mar. 3, 2021 at 5:00 pm UTC", Some(Some("2021-03-03")));
        check("Share: Facebook Twitter WhatsApp Telegram Email", Some(None));
        check("Share this article", Some(None));
        check("Read more: Farmers protest new rules", Some(None));
        check("READ ALSO", Some(None));
        check("Subscribe to our newsletter", Some(None));
        check("We use cookies to improve your experience. Accept all", Some(None));
        check("Advertisement", Some(None));
        check("5 min read", Some(None));
        check("+ ↺ −", Some(None));
        check("Subscribers to the service rose by a third last year.", None);
        check("The minister said the talks would resume on Monday.", None);
        check("Home prices rose 4.5% in March.", None);
        check("Kazakhstan is prepared to expand grain exports to Egypt.", None);
        check(
            "Copyright lawyers say the ruling on Monday changes how museums lend art to one another.",
            None,
        );
    }
}
