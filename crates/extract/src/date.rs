//! Publication dates as pages write them (`2024-08-19`, `19 August 2024`, `Aug. 19, 2024`,
//! `2019-11-19T08:12:00-05:00`, `Tue, 19 Nov 2019 08:12:00 GMT`) → `YYYY-MM-DD` or RFC 3339.

use crate::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
    .expect("static regex")
});
static DMY_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("static regex"));
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(\p{L}{3,9}\.?),?\s+(\d{4})\b")
        .expect("static regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("static regex")
});

fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    if !(1900..=2199).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date written in `s`, normalised, with the byte range it covers.
pub fn find(s: &str) -> Option<(String, Range<usize>)> {
    // Every pattern has a four-digit year: most lines have none, and skip the regexes.
    let mut run = 0u8;
    if !s.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    }) {
        return None;
    }
    let mut best: Option<(String, Range<usize>)> = None;
    let mut consider = |value: Option<String>, range: Range<usize>| {
        if let Some(v) = value {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((v, range));
            }
        }
    };
    for c in ISO.captures_iter(s) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let m = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
        let Some(date) = ymd(&c[1], m, &c[3]) else { continue };
        let value = match (c.get(4), c.get(5), c.get(7)) {
            (Some(h), Some(mi), Some(zone)) => {
                let sec = c.get(6).map_or("00", |m| m.as_str());
                let zone = match zone.as_str() {
                    "Z" => "Z".to_string(),
                    z if z.len() == 5 => format!("{}:{}", &z[..3], &z[3..]),
                    z => z.to_string(),
                };
                format!("{date}T{}:{}:{sec}{zone}", h.as_str(), mi.as_str())
            }
            _ => date,
        };
        consider(Some(value), whole);
        break;
    }
    if let Some(c) = DMY_NUM.captures(s) {
        let m = c[2].parse().unwrap_or(0);
        consider(ymd(&c[3], m, &c[1]), c.get(0).map_or(0..0, |m| m.range()));
    }
    for c in DAY_MONTH.captures_iter(s) {
        if let Some(m) = lexicon::month(&c[2]) {
            consider(ymd(&c[3], m, &c[1]), c.get(0).map_or(0..0, |m| m.range()));
            break;
        }
    }
    for c in MONTH_DAY.captures_iter(s) {
        if let Some(m) = lexicon::month(&c[1]) {
            consider(ymd(&c[3], m, &c[2]), c.get(0).map_or(0..0, |m| m.range()));
            break;
        }
    }
    best
}

/// A metadata date value normalised, or `None` when it holds no recognisable date.
#[allow(dead_code)] // used by the HTML metadata reader
pub fn normalize(s: &str) -> Option<String> {
    find(s).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(normalize(input).as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn dates() {
        check("2024-08-19", Some("2024-08-19"));
        check(" date 2024-08-19 + ↺ − 16 px", Some("2024-08-19"));
        check("2019-11-19T08:12:00-05:00", Some("2019-11-19T08:12:00-05:00"));
        check("2019-11-19T08:12:00.000+0000", Some("2019-11-19T08:12:00+00:00"));
        check("2019-11-19T08:12:00Z", Some("2019-11-19T08:12:00Z"));
        check("2019-11-19T08:12", Some("2019-11-19"));
        check("Tue, 19 Nov 2019 08:12:00 GMT", Some("2019-11-19"));
        check("Published August 19, 2024 at 10:00", Some("2024-08-19"));
        check("Aug. 9, 2024", Some("2024-08-09"));
        check("19th of March 2023", Some("2023-03-19"));
        check("19.08.2024", Some("2024-08-19"));
        check("2024/8/1", Some("2024-08-01"));
        check("2024-13-40", None);
        check("May I help", None);
        check("no date here", None);
    }
}
