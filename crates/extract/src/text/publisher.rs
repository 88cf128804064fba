//! Who published the article: a trailer line at the end of a scrape (`News.Az`, `Reuters`,
//! `Example.com`, `© 2025 Astana Times`), `X reports` / `reports X` in the body, `according
//! to example.com`, or a wire dateline (`LONDON (Reuters) -`). The trailer is removed from the
//! body; body sentences stay as they are.

use crate::lexicon;
use regex::Regex;
use std::sync::LazyLock;

/// A name: capitalised words, each possibly dotted like a domain (`News.Az`, `Example.com`).
const NAME: &str = r"[\p{Lu}\d][\w&'’-]*(?:\.[\p{L}]{2,})*(?:\s[\p{Lu}\d][\w&'’-]*(?:\.[\p{L}]{2,})*){0,3}";

static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[,;(—–-]\s*)({NAME})\s+(?:reports|reported)\b")).expect("static regex")
});
static REPORTS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r",\s+(?:reports|reported)\s+({NAME})\s*[.)]")).expect("static regex")
});
static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b[Aa]ccording to\s+({NAME})")).expect("static regex"));
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}][\p{Lu} .,'/-]{1,40}\s*\(([\p{Lu}][\w .&-]{0,30})\)\s*[-–—:]")
        .expect("static regex")
});
static TRAILER_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source\s*:\s*|©\s*|\(c\)\s*|copyright\s+)?(?:\d{4}\s+)?").expect("static regex")
});

/// Words that are never a publisher on their own.
const NOT_NAMES: &[&str] =
    &["He", "She", "It", "They", "We", "I", "You", "This", "That", "The", "A", "An", "Media"];

/// Whether `name` is written like a domain or site (`News.Az`, `example.com`).
pub fn is_domain_like(name: &str) -> bool {
    let Some((head, tld)) = name.rsplit_once('.') else { return false };
    !head.is_empty()
        && !name.contains(' ')
        && head.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && lexicon::is_tld(tld)
}

/// A name found by `X reports` / `reports X` / `according to <site>` / a dateline in the body.
pub fn from_body(paragraphs: &[String]) -> Option<String> {
    for p in paragraphs.iter().filter(|p| p.contains("report")) {
        for caps in REPORTS.captures_iter(p).chain(REPORTS_AFTER.captures_iter(p)) {
            let name = caps.get(1).map_or("", |m| m.as_str());
            if !NOT_NAMES.contains(&name) {
                return Some(name.to_string());
            }
        }
    }
    for p in paragraphs.iter().take(2) {
        if let Some(c) = DATELINE.captures(p) {
            return Some(c[1].trim().to_string());
        }
    }
    for p in paragraphs.iter().filter(|p| p.contains("ccording to")) {
        for caps in ACCORDING.captures_iter(p) {
            let name = caps.get(1).map_or("", |m| m.as_str());
            if is_domain_like(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// The trailer verdict for the last paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Trailer {
    /// Not a trailer: keep it.
    Body,
    /// A trailer naming the publisher: drop it, the name is the source.
    Publisher(String),
    /// A trailer that names someone, perhaps the author: drop it, not a source.
    Other,
}

/// Whether the last paragraph `line` is a site-name trailer; `known` is a publisher name
/// already found in the body.
pub fn trailer(line: &str, known: Option<&str>) -> Trailer {
    let name = TRAILER_PREFIX.replace(line, "");
    let name = name.trim().trim_end_matches('.').trim();
    if name.is_empty() {
        return Trailer::Body;
    }
    if known.is_some_and(|k| k.eq_ignore_ascii_case(name)) || is_domain_like(name) {
        return Trailer::Publisher(name.to_string());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised =
        words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    if words.is_empty()
        || words.len() > 4
        || name.chars().count() > 40
        || !capitalised
        || line.ends_with(['!', '?', ':', ',', ';'])
    {
        return Trailer::Body;
    }
    let org_like = words.len() == 1
        || words.iter().any(|w| {
            lexicon::CHROME_WORDS.publisher.contains(w.to_lowercase().as_str())
                || (w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
        });
    if org_like && !NOT_NAMES.contains(&name) {
        Trailer::Publisher(name.to_string())
    } else {
        Trailer::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_body(input: &str, expected: Option<&str>) {
        assert_eq!(from_body(&[input.to_string()]).as_deref(), expected, "input: {input:?}");
    }

    fn check_trailer(input: &str, expected: Trailer) {
        assert_eq!(trailer(input, None), expected, "input: {input:?}");
    }

    #[test]
    fn body_patterns() {
        check_body("Grain exports will grow, the minister said, Astana.Times reports.", Some("Astana.Times"));
        check_body("Prices rose sharply, reports Example.com.", Some("Example.com"));
        check_body("Reuters reported that talks had stalled.", Some("Reuters"));
        check_body("LONDON (Reuters) - Shares fell on Monday.", Some("Reuters"));
        check_body("The figure was 3%, according to Example.org.", Some("Example.org"));
        check_body("The figure was 3%, according to the Central Bank.", None);
        check_body("She reports to the board every week.", None);
        check_body("Nothing to see here.", None);
    }

    #[test]
    fn trailers() {
        check_trailer("News.Az", Trailer::Publisher("News.Az".into()));
        check_trailer("Reuters", Trailer::Publisher("Reuters".into()));
        check_trailer("example.com", Trailer::Publisher("example.com".into()));
        check_trailer("© 2025 Astana Times", Trailer::Publisher("Astana Times".into()));
        check_trailer("Source: BBC News", Trailer::Publisher("BBC News".into()));
        check_trailer("Jane Doe", Trailer::Other);
        check_trailer("The talks will resume next week.", Trailer::Body);
        check_trailer("What happens next?", Trailer::Body);
    }
}
