//! The word lists extraction needs, read once from `data/extract_*.tsv` (compiled in).
//!
//! Linguistic and layout knowledge lives in data files, not code: a new share-bar word or
//! top-level domain is one line there.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const CHROME: &str = include_str!("../../../data/extract_chrome.tsv");
const MONTHS: &str = include_str!("../../../data/extract_months.tsv");
const TLDS: &str = include_str!("../../../data/extract_tlds.tsv");
const LANGUAGES: &str = include_str!("../../../data/extract_languages.tsv");

use newsdesk_model::tsv::rows;

/// Page-chrome vocabulary (see `data/extract_chrome.tsv`).
pub struct Chrome {
    pub words: HashSet<&'static str>,
    pub prefixes: Vec<&'static str>,
    pub cookie: Vec<&'static str>,
    pub publisher: HashSet<&'static str>,
}

pub static CHROME_WORDS: LazyLock<Chrome> = LazyLock::new(|| {
    let mut c =
        Chrome { words: HashSet::new(), prefixes: Vec::new(), cookie: Vec::new(), publisher: HashSet::new() };
    for row in rows(CHROME) {
        let (Some(kind), Some(phrase)) = (row.first(), row.get(1)) else { continue };
        match *kind {
            "word" => {
                c.words.insert(phrase);
            }
            "prefix" => c.prefixes.push(phrase),
            "cookie" => c.cookie.push(phrase),
            "publisher" => {
                c.publisher.insert(phrase);
            }
            _ => {}
        }
    }
    c
});

/// Month name (lowercase) → month number.
pub static MONTH_NAMES: LazyLock<HashMap<&'static str, u32>> =
    LazyLock::new(|| rows(MONTHS).filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?))).collect());

/// Top-level domains that make a dotted token a site name.
pub static TOP_LEVEL_DOMAINS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| rows(TLDS).filter_map(|r| r.first().copied()).collect());

/// ISO 639-3 → ISO 639-1.
pub static LANGUAGE_CODES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(LANGUAGES).filter_map(|r| Some((*r.first()?, *r.get(1)?))).collect());

/// The month number for a name or abbreviation ("Aug", "august", "Aug."), if it is one.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.get(w.as_str()).copied()
}

/// Whether `label` (any case) is a top-level domain in the list.
pub fn is_tld(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    TOP_LEVEL_DOMAINS.contains(l.as_str())
}
