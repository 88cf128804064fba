//! The word lists amounts are read with, compiled in from `data/*.tsv`: number and scale
//! words, currencies, units, qualifiers, month names and the function words that bound the
//! phrase naming what is counted.

/// Read-only tables of our own words: a fast hasher is safe.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
use std::sync::LazyLock;

const NUMBER_WORDS: &str = include_str!("../../../data/number_words.tsv");
const CURRENCIES: &str = include_str!("../../../data/currencies.tsv");
const UNITS: &str = include_str!("../../../data/units.tsv");
const QUALIFIERS: &str = include_str!("../../../data/amount_qualifiers.tsv");
const FUNCTION_WORDS: &str = include_str!("../../../data/function_words.tsv");
const VERBS: &str = include_str!("../../../data/verbs.tsv");
const MONTHS: &str = include_str!("../../../data/months.tsv");

use newsdesk_model::tsv::rows;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    Unit,
    Tens,
    Hundred,
    Scale,
    Abbrev,
    Noun,
}

static NUMBERS: LazyLock<HashMap<&'static str, (f64, NumKind)>> = LazyLock::new(|| {
    rows(NUMBER_WORDS)
        .filter_map(|r| {
            let value: f64 = r.get(1)?.parse().ok()?;
            let kind = match *r.get(2)? {
                "unit" => NumKind::Unit,
                "tens" => NumKind::Tens,
                "hundred" => NumKind::Hundred,
                "scale" => NumKind::Scale,
                "abbrev" => NumKind::Abbrev,
                "noun" => NumKind::Noun,
                _ => return None,
            };
            Some((*r.first()?, (value, kind)))
        })
        .collect()
});

/// Value and kind of a number or scale word (lowercase).
pub(crate) fn number_word(lower: &str) -> Option<(f64, NumKind)> {
    NUMBERS.get(lower).copied()
}

/// Currency forms: (form as written, with words lowercased) → (ISO code, may precede, may follow).
static CURRENCY: LazyLock<HashMap<&'static str, (&'static str, bool, bool)>> = LazyLock::new(|| {
    rows(CURRENCIES)
        .filter_map(|r| {
            let pos = *r.get(2)?;
            Some((*r.first()?, (*r.get(1)?, pos != "after", pos != "before")))
        })
        .collect()
});

/// Every beginning of a currency form that may precede a number (`U`, `US`, `US$`): a
/// figure's first token must be one for a currency to start there.
static CURRENCY_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    CURRENCY
        .iter()
        .filter(|(_, c)| c.1)
        .flat_map(|(form, _)| form.char_indices().map(|(i, c)| &form[..i + c.len_utf8()]))
        .collect()
});

/// False when no currency written before a number starts with `text`.
pub(crate) fn may_start_currency(text: &str) -> bool {
    CURRENCY_STARTS.contains(text)
}

/// The ISO code of a currency written before a number (`$`, `US$`, `USD`).
pub(crate) fn currency_before(form: &str) -> Option<&'static str> {
    CURRENCY.get(form).filter(|c| c.1).map(|c| c.0)
}

/// The ISO code of a currency written after a number (`dollars`, `USD`, `€`).
pub(crate) fn currency_after(form: &str) -> Option<&'static str> {
    let lower = form.to_lowercase();
    CURRENCY
        .get(form)
        .or_else(|| CURRENCY.get(lower.as_str()).filter(|_| form.chars().any(char::is_lowercase)))
        .filter(|c| c.2)
        .map(|c| c.0)
}

static UNIT: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(UNITS).filter_map(|r| Some((*r.first()?, *r.get(1)?))).collect());

/// The unit reported for a unit written after a number (lowercase form).
pub(crate) fn unit(lower: &str) -> Option<&'static str> {
    UNIT.get(lower).copied()
}

/// Qualifier phrases: (lowercase phrase, written after the number) → qualifier.
static QUALIFIER: LazyLock<HashMap<(&'static str, bool), &'static str>> = LazyLock::new(|| {
    rows(QUALIFIERS).filter_map(|r| Some(((*r.first()?, *r.get(2)? == "after"), *r.get(1)?))).collect()
});

/// The qualifier for a lowercase phrase written before (`after == false`) or after a number.
pub(crate) fn qualifier(phrase: &str, after: bool) -> Option<&'static str> {
    QUALIFIER.get(&(phrase, after)).copied()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    Det,
    Prep,
    Aux,
    Stop,
    Label,
    Link,
    Noun,
    Verb,
}

static FUNCTION: LazyLock<HashMap<&'static str, WordClass>> = LazyLock::new(|| {
    rows(FUNCTION_WORDS)
        .filter_map(|r| {
            let class = match *r.get(1)? {
                "det" => WordClass::Det,
                "prep" => WordClass::Prep,
                "aux" => WordClass::Aux,
                "stop" => WordClass::Stop,
                "label" => WordClass::Label,
                "link" => WordClass::Link,
                "noun" => WordClass::Noun,
                "verb" => WordClass::Verb,
                _ => return None,
            };
            Some((*r.first()?, class))
        })
        .collect()
});

/// The class of a lowercase function word.
pub(crate) fn word_class(lower: &str) -> Option<WordClass> {
    FUNCTION.get(lower).copied()
}

static MONTH: LazyLock<HashMap<&'static str, u8>> =
    LazyLock::new(|| rows(MONTHS).filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?))).collect());

/// True when `word` (as written, maybe with a final period) names a month.
pub(crate) fn is_month(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if bare == "may" {
        return false;
    }
    MONTH.contains_key(bare.to_lowercase().as_str())
}

static VERB: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut forms = HashSet::default();
    for r in rows(VERBS) {
        let Some(base) = r.first() else { continue };
        forms.extend(inflect(base));
        if let Some(irregular) = r.get(1) {
            forms.extend(irregular.split(',').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()));
        }
    }
    forms
});

/// The base form with its regular -s, -ed and -ing forms.
fn inflect(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let consonant_y = b.len() > 1 && b[b.len() - 1] == b'y' && !b"aeou".contains(&b[b.len() - 2]);
    let stem = base.strip_suffix('y').unwrap_or(base);
    let mut out = vec![base.to_string()];
    out.push(if consonant_y {
        format!("{stem}ies")
    } else if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    });
    out.push(if consonant_y {
        format!("{stem}ied")
    } else if base.ends_with('e') {
        format!("{base}d")
    } else {
        format!("{base}ed")
    });
    out.push(if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if let Some(stem) = base.strip_suffix('e').filter(|_| !base.ends_with("ee")) {
        format!("{stem}ing")
    } else {
        format!("{base}ing")
    });
    // Short words double their last consonant: `win` → `winning`.
    if b.len() <= 4 && b.len() >= 3 {
        let vowel = |c: u8| b"aeiou".contains(&c);
        let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
        if !vowel(x) && vowel(y) && !vowel(z) && !b"wxy".contains(&z) {
            let last = z as char;
            out.push(format!("{base}{last}ing"));
            out.push(format!("{base}{last}ed"));
        }
    }
    out
}

/// True when `lower` is a form of a verb that is rarely a noun (`operate`, `operates`).
pub(crate) fn is_verb(lower: &str) -> bool {
    VERB.contains(lower)
}
