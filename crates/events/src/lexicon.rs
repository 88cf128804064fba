//! CAMEO codes and their trigger patterns, compiled in from `data/cameo.tsv` and
//! `data/event_verbs.tsv`.

/// Read-only tables of our own words: a fast hasher is safe.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::sync::LazyLock;

const CAMEO: &str = include_str!("../../../data/cameo.tsv");
const EVENT_VERBS: &str = include_str!("../../../data/event_verbs.tsv");

use newsdesk_model::tsv::rows;

static LABELS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(CAMEO).filter_map(|r| Some((*r.first()?, *r.get(1)?))).collect());

/// The codebook label of a CAMEO code.
pub(crate) fn label(code: &str) -> Option<&'static str> {
    LABELS.get(code).copied()
}

/// One element of a trigger pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Elem {
    Word(&'static str),
    /// Up to three other words.
    Gap,
}

/// A trigger: its pattern and CAMEO code.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub pattern: Vec<Elem>,
    pub code: &'static str,
}

/// Triggers indexed by their first word, longest pattern first.
static TRIGGERS: LazyLock<HashMap<&'static str, Vec<Trigger>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Trigger>> = HashMap::default();
    for r in rows(EVENT_VERBS) {
        let (Some(pattern), Some(code)) = (r.first(), r.get(1)) else { continue };
        if label(code).is_none() {
            continue;
        }
        let pattern: Vec<Elem> =
            pattern.split_whitespace().map(|w| if w == "*" { Elem::Gap } else { Elem::Word(w) }).collect();
        if let Some(Elem::Word(first)) = pattern.first() {
            map.entry(first).or_default().push(Trigger { pattern, code });
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.pattern.len()));
    }
    map
});

/// The triggers whose pattern starts with `word` (lowercase), longest first.
pub(crate) fn triggers(word: &str) -> &'static [Trigger] {
    TRIGGERS.get(word).map_or(&[], Vec::as_slice)
}
