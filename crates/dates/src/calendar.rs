//! Calendar arithmetic on the publication date (jiff), and how a resolved date is written.

use jiff::civil::{Date, Weekday};
use jiff::Span;

/// A resolved date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Day(Date),
    /// The week starting on this Monday.
    Week(Date),
    /// The weekend starting on this Saturday.
    Weekend(Date),
    Month(i16, i8),
    /// The season starting in this year and month.
    Season(i16, i8),
    Year(i16),
    Decade(i16),
}

impl When {
    /// `(value, resolution)` as the document reports them.
    pub(crate) fn render(self) -> (String, &'static str) {
        match self {
            When::Day(d) => (d.to_string(), "day"),
            When::Week(d) => (d.to_string(), "week"),
            When::Weekend(d) => (d.to_string(), "weekend"),
            When::Month(y, m) => (format!("{y:04}-{m:02}"), "month"),
            When::Season(y, m) => (format!("{y:04}-{m:02}"), "season"),
            When::Year(y) => (format!("{y:04}"), "year"),
            When::Decade(y) => (format!("{y:04}"), "decade"),
        }
    }
}

/// The publication date from `YYYY-MM-DD` or RFC 3339.
pub(crate) fn anchor(published: Option<&str>) -> Option<Date> {
    published?.get(..10)?.parse().ok()
}

pub(crate) fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// Monday of the week of `d`.
pub(crate) fn monday(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

fn weekday(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

/// The date of weekday `n` (1 = Monday) nearest `anchor` in the direction given: -1 most
/// recent before it, 1 first after it; 0 the anchor itself or before, `future` flips 0 to after.
pub(crate) fn weekday_near(anchor: Date, n: i8, shift: i32, future: bool) -> Option<Date> {
    let target = i64::from(weekday(n)?.to_monday_zero_offset());
    let today = i64::from(anchor.weekday().to_monday_zero_offset());
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let offset = match shift {
        s if s < 0 => -(if back == 0 { 7 } else { back }),
        s if s > 0 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        _ if future => ahead,
        _ => -back,
    };
    add_days(anchor, offset)
}

/// The year of a day of month `m` written without one (`19 August`, `in April`): news tells
/// of the past, so the last such day unless it is at most 45 days ahead (a date announced) or
/// the sentence speaks of the future (then the next such day).
pub(crate) fn implied_year(anchor: Date, m: i8, d: i8, future: bool) -> i16 {
    let y = anchor.year();
    let Some(candidate) = date(y, m, d.min(28)) else { return y };
    let ahead = (candidate - anchor).get_days();
    if future {
        if ahead < 0 {
            y + 1
        } else {
            y
        }
    } else if ahead > 45 {
        y - 1
    } else {
        y
    }
}

/// The month `m` relative to the anchor's: last (-1) = most recent before, this (0) = in the
/// anchor's year, next (1) = first after.
pub(crate) fn month_shift(anchor: Date, m: i8, shift: i32) -> When {
    let (y, am) = (anchor.year(), anchor.month());
    let year = match shift {
        s if s < 0 => {
            if m < am {
                y
            } else {
                y - 1
            }
        }
        s if s > 0 => {
            if m > am {
                y
            } else {
                y + 1
            }
        }
        _ => y,
    };
    When::Month(year, m)
}

/// The season starting in month `start` relative to the anchor: last = the latest one over
/// before it, this = the one around it, next = the first one starting after it.
pub(crate) fn season_shift(anchor: Date, start: i8, shift: i32) -> Option<When> {
    let first = date(anchor.year() - 2, start, 1)?;
    let starts: Vec<Date> = (0..5).filter_map(|k| add_months(first, 12 * k)).collect();
    let pick = match shift {
        s if s < 0 => starts.iter().rev().find(|s| add_months(**s, 3).is_some_and(|e| e <= anchor)),
        s if s > 0 => starts.iter().find(|s| **s > anchor),
        _ => starts
            .iter()
            .rev()
            .find(|s| **s <= anchor && add_months(**s, 3).is_some_and(|e| e > anchor))
            .or_else(|| starts.iter().find(|s| s.year() == anchor.year())),
    }?;
    Some(When::Season(pick.year(), pick.month()))
}
