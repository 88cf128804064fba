//! Dates in sentences written for these tests, resolved against a publication date: one case
//! a line, each date shown as `text=value/resolution`, dates joined by `; `.

use newsdesk_dates::find;
use newsdesk_segment::segment;

fn show(text: &str, published: Option<&str>) -> String {
    let seg = segment(text);
    find(text, &seg, published)
        .iter()
        .map(|d| format!("{}={}/{}", d.text, d.value, d.resolution))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `None` when `input` published on `published` gives `expected`, else the difference.
fn check(published: Option<&str>, input: &str, expected: &str) -> Option<String> {
    let got = show(input, published);
    (got != expected).then(|| format!("{input} ({published:?})\n  want {expected}\n  got  {got}"))
}

#[test]
fn dates() {
    let aug = Some("2024-08-19"); // a Monday
    let mar = Some("2025-03-12T09:30:00+04:00"); // a Wednesday
    let cases: &[(Option<&str>, &str, &str)] = &[
        // Absolute.
        (aug, "The vote was held on 19 August 2024.", "19 August 2024=2024-08-19/day"),
        (aug, "It opened on August 3, 2021 in Nairobi.", "August 3, 2021=2021-08-03/day"),
        (None, "The file is dated 2023-11-05.", "2023-11-05=2023-11-05/day"),
        (None, "Signed on 05.06.2019 in Minsk.", "05.06.2019=2019-06-05/day"),
        (aug, "The deadline is Aug. 30 for bids.", "Aug. 30=2024-08-30/day"),
        (mar, "Protests began on Dec. 28.", "Dec. 28=2024-12-28/day"),
        (None, "Prices peaked in March 2019 and fell.", "March 2019=2019-03/month"),
        (None, "The war in 2022 changed trade.", "2022=2022/year"),
        (None, "On Tuesday, 4 June 2024 the polls closed.", "Tuesday, 4 June 2024=2024-06-04/day"),
        (None, "Growth slowed in the 1990s.", "1990s=1990/decade"),
        // Relative to publication.
        (
            aug,
            "We touched on this yesterday, and today we continue.",
            "yesterday=2024-08-18/day; today=2024-08-19/day",
        ),
        (aug, "Talks resume tomorrow.", "tomorrow=2024-08-20/day"),
        (
            aug,
            "Shelling resumed last night and this morning.",
            "last night=2024-08-18/day; this morning=2024-08-19/day",
        ),
        (aug, "Your visit to Paris this April mattered.", "this April=2024-04/month"),
        (mar, "Your visit to Astana last October helped.", "last October=2024-10/month"),
        (mar, "They will meet next April.", "next April=2025-04/month"),
        (aug, "We discussed wheat last week.", "last week=2024-08-12/week"),
        (aug, "Exports grew last year and will grow next year.", "last year=2023/year; next year=2025/year"),
        (mar, "Rates rose last month.", "last month=2025-02/month"),
        (mar, "The minister resigned on Monday.", "Monday=2025-03-10/day"),
        (mar, "The minister will resign on Friday.", "Friday=2025-03-14/day"),
        // (A future word inside a quotation says nothing of the writer's `Friday`, and the
        // other way round.)
        (
            mar,
            "\"The line will open in May,\" she wrote on Friday.",
            "May=2025-05/month; Friday=2025-03-07/day",
        ),
        (mar, "“We will vote on Friday,” she said.", "Friday=2025-03-14/day"),
        (mar, "The rally took place last Wednesday.", "last Wednesday=2025-03-05/day"),
        (aug, "The talks collapsed two days ago.", "two days ago=2024-08-17/day"),
        (aug, "A year ago the border was closed.", "A year ago=2023/year"),
        (mar, "Floods hit in January.", "January=2025-01/month"),
        (mar, "Floods hit in December.", "December=2024-12/month"),
        (Some("2019-11-20"), "The law passed in February.", "February=2019-02/month"),
        (Some("2019-11-20"), "The law will take effect in February.", "February=2020-02/month"),
        (Some("2019-11-20"), "The vote is set for Dec. 12.", "Dec. 12=2019-12-12/day"),
        // Parts of a period and seasons.
        (
            aug,
            "Based on the Declaration we signed at the beginning of 2022.",
            "the beginning of 2022=2022/year",
        ),
        (aug, "The plant opened in early 2023.", "early 2023=2023/year"),
        (aug, "Output fell in mid-2021.", "mid-2021=2021/year"),
        (aug, "The treaty we signed in the spring of 2019 holds.", "the spring of 2019=2019-03/season"),
        (mar, "Sales slumped last summer.", "last summer=2024-06/season"),
        (aug, "Costs rose at the end of last year.", "the end of last year=2023/year"),
        // Nothing to resolve against, or nothing that is a date.
        (None, "We met yesterday and on Monday.", ""),
        (aug, "More than 2000 people marched and $2024 was raised.", ""),
        (aug, "The meeting starts at 10:30.", ""),
        (aug, "Officials may decide. They march on.", ""),
        (aug, "The next day they left.", ""),
    ];
    let failed: Vec<String> = cases.iter().filter_map(|(p, i, e)| check(*p, i, e)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn spans_match_text() {
    let text = "On 19 August 2024, yesterday, this April and in 2022 — “last week”.";
    let seg = segment(text);
    for d in find(text, &seg, Some("2024-08-19")) {
        assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
    }
}
