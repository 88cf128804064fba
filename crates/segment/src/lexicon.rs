//! The word lists the segmenter consults, compiled in from `data/*.tsv`: abbreviations
//! that keep their period, top-level domains that make `Name.Tld` one token, and words that
//! typically open a sentence (used where a period is ambiguous).

/// Read-only tables of our own words: a fast hasher is safe.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
use std::sync::LazyLock;

/// How an abbreviation behaves at a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Before a name (`Dr.`, `Gen.`): never ends a sentence.
    Title,
    /// Before a day (`Aug.`): never ends a sentence.
    Month,
    /// Mid-sentence only (`No.`, `vs.`, `ed.`).
    Inner,
    /// May end a sentence (`Inc.`, `etc.`).
    Final,
}

const ABBREVIATIONS: &str = include_str!("../../../data/abbreviations.tsv");
const DOMAINS: &str = include_str!("../../../data/domains.tsv");
const OPENERS: &str = include_str!("../../../data/sentence_openers.tsv");
const CUE_VERBS: &str = include_str!("../../../data/cue_verbs.tsv");

use newsdesk_model::tsv::rows;

static ABBREV: LazyLock<HashMap<&'static str, AbbrevKind>> = LazyLock::new(|| {
    rows(ABBREVIATIONS)
        .filter_map(|r| {
            let kind = match r.get(1).copied()? {
                "title" => AbbrevKind::Title,
                "month" => AbbrevKind::Month,
                "inner" => AbbrevKind::Inner,
                "final" => AbbrevKind::Final,
                _ => return None,
            };
            Some((*r.first()?, kind))
        })
        .collect()
});

static TLD: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| rows(DOMAINS).filter_map(|r| r.first().copied()).collect());

static OPENER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| rows(OPENERS).filter_map(|r| r.first().copied()).collect());

/// The kind of `word` (written without its final period) when it is a known abbreviation.
pub(crate) fn abbreviation(word: &str) -> Option<AbbrevKind> {
    ABBREV.get(word).copied().or_else(|| {
        // `LTD`, `INC`: capitals as in a letterhead.
        let mut chars = word.chars();
        let first = chars.next()?;
        if word.len() < 2 || !word.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let title: String = std::iter::once(first).chain(chars.flat_map(char::to_lowercase)).collect();
        ABBREV.get(title.as_str()).copied()
    })
}

/// True when `word` is a top-level domain (any case).
pub(crate) fn is_tld(word: &str) -> bool {
    word.len() <= 6 && TLD.contains(word.to_ascii_lowercase().as_str())
}

/// True when `word` (as written) typically opens a sentence: `He`, `The`, `However`.
pub(crate) fn is_opener(word: &str) -> bool {
    OPENER.contains(word)
}

static CUE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(CUE_VERBS).filter_map(|r| r.first().copied()).filter(|w| !w.contains(' ')).collect()
});

/// True when `word` (lowercase) is a verb of saying: `"Really?" Bush said.` is one sentence.
pub(crate) fn is_cue_verb(word: &str) -> bool {
    CUE.contains(word)
}
