//! Date expressions over one sentence's tokens: each matcher reads from a token index and
//! returns where the expression ends and what it resolves to against the anchor.

use crate::calendar::{self, When};
use crate::lexicon::{is_measure, month, small_number, DateWord, Unit};
use crate::Tok;
use jiff::civil::Date;
use newsdesk_segment::TokenKind;

/// What every matcher sees.
pub(crate) struct Ctx<'a, 't> {
    pub toks: &'a [Tok<'t>],
    /// What each token means as a date word, and the month it names: looked up once per
    /// token, since every matcher asks again at every position.
    pub words: &'a [Option<DateWord>],
    pub months: &'a [Option<i8>],
    pub anchor: Option<Date>,
    /// The sentence speaks of the future (`will`, `scheduled`): bare weekdays look ahead.
    pub future: bool,
}

type Found = Option<(usize, When)>;

impl Ctx<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i)
    }
    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }
    fn word(&self, i: usize) -> Option<DateWord> {
        self.words.get(i).copied().flatten()
    }
    fn month(&self, i: usize) -> Option<i8> {
        self.months.get(i).copied().flatten()
    }
    /// A day of the month: `19`, `19th`.
    fn day(&self, i: usize) -> Option<i8> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Number)?;
        let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let d: i8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }
    /// A year written in four digits, 1000-2999.
    fn year(&self, i: usize) -> Option<i16> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Number && t.text.len() == 4)?;
        let y: i16 = t.text.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.lower(i) == s
    }

    /// An expression starting at token `i`, the longest reading first.
    pub(crate) fn at(&self, i: usize) -> Found {
        self.part(i).or_else(|| self.core(i))
    }

    /// `the beginning of 2022`, `the end of last year`, `early 2022`, `mid-2022`, `earlier this year`.
    fn part(&self, i: usize) -> Found {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if self.word(j) == Some(DateWord::Part) && self.is(j + 1, "of") {
            return self.core(j + 2);
        }
        if (self.is(j, "first") || self.is(j, "second")) && self.is(j + 1, "half") && self.is(j + 2, "of") {
            return self.core(j + 3);
        }
        if j == i && self.word(i) == Some(DateWord::Part) {
            let (end, when) = self.core(i + 1)?;
            return matches!(when, When::Year(_) | When::Month(..) | When::Season(..)).then_some((end, when));
        }
        // `mid-2022`, `mid-March`: one token.
        let rest = self.lower(i).strip_prefix("mid-")?;
        if let Ok(y) = rest.parse::<i16>() {
            return (1000..=2999).contains(&y).then_some((i + 1, When::Year(y)));
        }
        let m = month(self.tok(i)?.text.get(4..)?)?;
        Some((i + 1, self.month_year(m, None)?))
    }

    fn core(&self, i: usize) -> Found {
        self.numeric(i)
            .or_else(|| self.weekday_prefixed(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.month_of_year(i))
            .or_else(|| self.season(i))
            .or_else(|| self.shifted(i))
            .or_else(|| self.relative_day(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.bare_month(i))
            .or_else(|| self.bare_year(i))
    }

    /// `2024-08-19`, `19.08.2024`.
    fn numeric(&self, i: usize) -> Found {
        let glued = |k: usize, s: &str| self.tok(k).is_some_and(|t| t.glued && t.text == s);
        if let (Some(y), true, true) = (self.year(i), glued(i + 1, "-"), glued(i + 3, "-")) {
            let (m, d) = (self.tok(i + 2)?, self.tok(i + 4)?);
            if m.glued && d.glued && m.text.len() == 2 && d.text.len() == 2 {
                return Some((
                    i + 5,
                    When::Day(calendar::date(y, m.text.parse().ok()?, d.text.parse().ok()?)?),
                ));
            }
        }
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Number)?;
        let parts: Vec<&str> = t.text.split('.').collect();
        if let [d, m, y] = parts.as_slice() {
            if d.len() <= 2 && m.len() <= 2 && y.len() == 4 {
                let when = When::Day(calendar::date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?);
                return Some((i + 1, when));
            }
        }
        None
    }

    /// `Monday, 19 August 2024`, `Monday, August 19`: the weekday joins the date.
    fn weekday_prefixed(&self, i: usize) -> Found {
        if !matches!(self.word(i), Some(DateWord::Weekday(_))) {
            return None;
        }
        let j = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        self.day_month(j).or_else(|| self.month_day(j))
    }

    /// The day of `m` in year `y`, or in the year the anchor implies.
    fn full_date(&self, y: Option<i16>, m: i8, d: i8) -> Option<When> {
        let y = match y {
            Some(y) => y,
            None => calendar::implied_year(self.anchor?, m, d, self.future),
        };
        Some(When::Day(calendar::date(y, m, d)?))
    }

    /// `m` of year `y`, or of the year the anchor implies.
    fn month_year(&self, m: i8, y: Option<i16>) -> Option<When> {
        let y = match y {
            Some(y) => y,
            None => calendar::implied_year(self.anchor?, m, 1, self.future),
        };
        Some(When::Month(y, m))
    }

    /// A year after a date, maybe after a comma: `, 2024`.
    fn trailing_year(&self, k: usize) -> (usize, Option<i16>) {
        if let Some(y) = self.year(k) {
            return (k + 1, Some(y));
        }
        if self.is(k, ",") {
            if let Some(y) = self.year(k + 1) {
                return (k + 2, Some(y));
            }
        }
        (k, None)
    }

    /// `19 August 2024`, `19th of August`, `19 Aug`.
    fn day_month(&self, i: usize) -> Found {
        let d = self.day(i)?;
        let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let m = self.month(k)?;
        let (end, y) = self.trailing_year(k + 1);
        Some((end, self.full_date(y, m, d)?))
    }

    /// `August 19, 2024`, `Aug. 19`.
    fn month_day(&self, i: usize) -> Found {
        let m = self.month(i)?;
        let d = self.day(i + 1)?;
        // `March 2019` is a month; `May 19:30` a time.
        if self.tok(i + 2).is_some_and(|t| t.glued && t.text == ":") {
            return None;
        }
        let (end, y) = self.trailing_year(i + 2);
        Some((end, self.full_date(y, m, d)?))
    }

    /// `March 2019`, `March of 2019`.
    fn month_of_year(&self, i: usize) -> Found {
        let m = self.month(i)?;
        let k = if self.is(i + 1, "of") || self.is(i + 1, ",") { i + 2 } else { i + 1 };
        let y = self.year(k)?;
        Some((k + 1, When::Month(y, m)))
    }

    /// `the spring of 2019`, `summer 2020`.
    fn season(&self, i: usize) -> Found {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let Some(DateWord::Season(m)) = self.word(j) else { return None };
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        let y = self.year(k)?;
        Some((k + 1, When::Season(y, m)))
    }

    /// `last week`, `this April`, `next year`, `last Monday`, `this summer`, `last night`.
    fn shifted(&self, i: usize) -> Found {
        let Some(DateWord::Shift(shift)) = self.word(i) else { return None };
        // `the next day`, `the previous year` count from the story, not from publication.
        if i > 0 && self.is(i - 1, "the") {
            return None;
        }
        let anchor = self.anchor?;
        let end = i + 2;
        if let Some(m) = self.month(i + 1) {
            return Some((end, calendar::month_shift(anchor, m, shift)));
        }
        if self.is(i + 1, "night") && shift < 0 {
            return Some((end, When::Day(calendar::add_days(anchor, -1)?)));
        }
        let when = match self.word(i + 1)? {
            DateWord::Weekday(n) => When::Day(calendar::weekday_near(anchor, n, shift, self.future)?),
            DateWord::Season(m) => calendar::season_shift(anchor, m, shift)?,
            DateWord::Unit(Unit::Week) => {
                When::Week(calendar::add_days(calendar::monday(anchor)?, 7 * i64::from(shift))?)
            }
            DateWord::Unit(Unit::Weekend) => {
                let saturday = calendar::add_days(calendar::monday(anchor)?, 5 + 7 * i64::from(shift))?;
                When::Weekend(saturday)
            }
            DateWord::Unit(Unit::Month) => {
                let d = calendar::add_months(anchor, i64::from(shift))?;
                When::Month(d.year(), d.month())
            }
            DateWord::Unit(Unit::Year) => When::Year(anchor.year() + shift as i16),
            _ => return None,
        };
        Some((end, when))
    }

    /// `yesterday`, `today`, `tomorrow`, `tonight`, `this morning`.
    fn relative_day(&self, i: usize) -> Found {
        if let Some(DateWord::Day(n)) = self.word(i) {
            return Some((i + 1, When::Day(calendar::add_days(self.anchor?, i64::from(n))?)));
        }
        if self.is(i, "this") && matches!(self.lower(i + 1), "morning" | "afternoon" | "evening") {
            return Some((i + 2, When::Day(self.anchor?)));
        }
        None
    }

    /// `two days ago`, `a year ago`, `3 weeks ago`.
    fn ago(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        let n: i64 = if t.kind == TokenKind::Number { t.text.parse().ok()? } else { small_number(&t.lower)? };
        let Some(DateWord::Unit(unit)) = self.word(i + 1) else { return None };
        if self.word(i + 2) != Some(DateWord::Ago) {
            return None;
        }
        let anchor = self.anchor?;
        let when = match unit {
            Unit::Day => When::Day(calendar::add_days(anchor, -n)?),
            Unit::Week => When::Week(calendar::monday(calendar::add_days(anchor, -7 * n)?)?),
            Unit::Month => {
                let d = calendar::add_months(anchor, -n)?;
                When::Month(d.year(), d.month())
            }
            Unit::Year => When::Year(anchor.year().checked_sub(i16::try_from(n).ok()?)?),
            Unit::Decade | Unit::Weekend => return None,
        };
        Some((i + 3, when))
    }

    /// `Monday`, `on Friday`: the nearest such day, ahead when the sentence is about the future.
    fn weekday(&self, i: usize) -> Found {
        let Some(DateWord::Weekday(n)) = self.word(i) else { return None };
        if !self.tok(i)?.text.starts_with(char::is_uppercase) {
            return None;
        }
        Some((i + 1, When::Day(calendar::weekday_near(self.anchor?, n, 0, self.future)?)))
    }

    /// `in April`, `since March`; `May` only after a preposition.
    fn bare_month(&self, i: usize) -> Found {
        let m = self.month(i)?;
        let before = i.checked_sub(1).map_or("", |p| self.lower(p));
        let prep = matches!(
            before,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "through"
                | "during"
                | "of"
                | "early"
                | "late"
                | "before"
                | "after"
        );
        if self.tok(i)?.text == "May" && !prep {
            return None;
        }
        Some((i + 1, self.month_year(m, None)?))
    }

    /// `in 2022`, `the 1990s`; not `2022 people` or `$2022`.
    fn bare_year(&self, i: usize) -> Found {
        let y = self.year(i)?;
        let next = self.tok(i + 1);
        if next.is_some_and(|t| t.glued && t.lower == "s") {
            return (y % 10 == 0).then_some((i + 2, When::Decade(y)));
        }
        let measured = next.is_some_and(|t| is_measure(&t.lower));
        let priced = i > 0 && self.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Symbol);
        let glued = next.is_some_and(|t| t.glued && matches!(t.text, ":" | "." | ","))
            && self.tok(i + 2).is_some_and(|t| t.glued && t.kind == TokenKind::Number);
        (!(measured || priced || glued) && (1900..=2100).contains(&y)).then_some((i + 1, When::Year(y)))
    }
}
