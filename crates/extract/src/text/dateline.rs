//! Datelines: the place-and-date lead of a wire story (`Santiago, 14 May 2025 —`,
//! `LONDON, March 3, 2025 (Reuters) -`). When nothing else on the page gave a publication
//! date, the dateline's date is the best one left. A dateline is a short place, a comma, a
//! full date and at most an agency in brackets, before a dash. The dateline stays in the text: it is
//! part of what the reporter filed.

use crate::date;

/// The longest a dateline runs before its dash, in bytes.
const MAX_LEAD: usize = 90;

/// The date of a dateline opening `paragraph`, normalised to `YYYY-MM-DD`.
pub fn date(paragraph: &str) -> Option<String> {
    let lead = lead(paragraph)?;
    if !lead.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let (value, range) = date::find(lead)?;
    let place = lead[..range.start].trim_end();
    let after = lead[range.end..].trim();
    let place_ok = place.ends_with(',') && (1..=5).contains(&place.split_whitespace().count());
    let after_ok = after.is_empty() || (after.starts_with('(') && after.ends_with(')'));
    (place_ok && after_ok).then_some(value)
}

/// The part of `paragraph` before its first dash, when that dash comes early enough and
/// nothing sentence-like (a period followed by a space, a quote mark) precedes it.
fn lead(paragraph: &str) -> Option<&str> {
    let window = match paragraph.char_indices().find(|&(i, _)| i >= MAX_LEAD) {
        Some((i, _)) => &paragraph[..i],
        None => paragraph,
    };
    let dash = ["—", "–", " - ", " -- "].iter().filter_map(|d| window.find(d)).min()?;
    let lead = &window[..dash];
    if lead.contains(". ") || lead.contains(['"', '“', '”']) {
        return None;
    }
    Some(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(date(input).as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn datelines() {
        check("Santiago, 14 May 2025 — The two sides signed a deal.", Some("2025-05-14"));
        check("LONDON, March 3, 2025 (Reuters) - Shares fell.", Some("2025-03-03"));
        check("Nairobi, 2024-11-02 – Rains returned.", Some("2024-11-02"));
        check("WASHINGTON (Reuters) - Stocks fell.", None);
        check("The deal, signed on 14 May 2025 — a Tuesday — ends a dispute.", None);
        check("He said on 3 March 2025. Then — later — he left.", None);
        check("Prices rose 4% in 2024 - the most in a decade.", None);
        check("Elections on 3 May 2025 — what to know", None);
        check("", None);
    }
}
