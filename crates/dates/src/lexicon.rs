//! The words of date expressions, compiled in from `data/months.tsv` and
//! `data/date_words.tsv`.

/// Read-only tables of our own words: a fast hasher is safe.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::sync::LazyLock;

const MONTHS: &str = include_str!("../../../data/months.tsv");
const DATE_WORDS: &str = include_str!("../../../data/date_words.tsv");
const UNITS: &str = include_str!("../../../data/units.tsv");
const CURRENCIES: &str = include_str!("../../../data/currencies.tsv");
const NUMBER_WORDS: &str = include_str!("../../../data/number_words.tsv");

use newsdesk_model::tsv::rows;

/// What a date word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateWord {
    Weekday(i8),
    Season(i8),
    Day(i32),
    Unit(Unit),
    Shift(i32),
    Part,
    Ago,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

static MONTH: LazyLock<HashMap<&'static str, i8>> =
    LazyLock::new(|| rows(MONTHS).filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?))).collect());

static WORDS: LazyLock<HashMap<&'static str, DateWord>> = LazyLock::new(|| {
    rows(DATE_WORDS)
        .filter_map(|r| {
            let value = r.get(2).copied().unwrap_or("");
            let word = match *r.get(1)? {
                "weekday" => DateWord::Weekday(value.parse().ok()?),
                "season" => DateWord::Season(value.parse().ok()?),
                "day" => DateWord::Day(value.parse().ok()?),
                "shift" => DateWord::Shift(value.parse().ok()?),
                "part" => DateWord::Part,
                "ago" => DateWord::Ago,
                "unit" => DateWord::Unit(match value {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "weekend" => Unit::Weekend,
                    "month" => Unit::Month,
                    "year" => Unit::Year,
                    "decade" => Unit::Decade,
                    _ => return None,
                }),
                _ => return None,
            };
            Some((*r.first()?, word))
        })
        .collect()
});

/// The month (1-12) a capitalised word names: `August`, `Aug.`, `AUG`.
pub(crate) fn month(word: &str) -> Option<i8> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if !bare.starts_with(char::is_uppercase) {
        return None;
    }
    MONTH.get(bare.to_lowercase().as_str()).copied()
}

/// [`month`] for a word whose lowercase form is already known: no allocation.
pub(crate) fn month_of(word: &str, lower: &str) -> Option<i8> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    MONTH.get(lower.strip_suffix('.').unwrap_or(lower)).copied()
}

/// What a lowercase word means in a date expression.
pub(crate) fn date_word(lower: &str) -> Option<DateWord> {
    WORDS.get(lower).copied()
}

/// Words after a number that make it an amount, not a year: units, currencies, scales.
static MEASURE: LazyLock<std::collections::HashSet<String, foldhash::fast::RandomState>> =
    LazyLock::new(|| {
        let first = |tsv: &'static str| rows(tsv).filter_map(|r| r.first().map(|w| w.to_lowercase()));
        first(UNITS).chain(first(CURRENCIES)).chain(first(NUMBER_WORDS)).collect()
    });

/// True when a number followed by `lower` is an amount (`2000 people`, `2024 euros`).
pub(crate) fn is_measure(lower: &str) -> bool {
    MEASURE.contains(lower)
}

static SMALL: LazyLock<HashMap<&'static str, i64>> = LazyLock::new(|| {
    rows(NUMBER_WORDS)
        .filter(|r| r.get(2).is_some_and(|k| *k == "unit" || *k == "tens"))
        .filter_map(|r| Some((*r.first()?, r.get(1)?.parse::<f64>().ok()? as i64)))
        .collect()
});

/// The number a lowercase word names, for `two days ago`: `a`/`an` count as one.
pub(crate) fn small_number(lower: &str) -> Option<i64> {
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    SMALL.get(lower).copied()
}
