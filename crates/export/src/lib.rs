//! GDELT-style export: a newsdesk document as rows of the GDELT 2.0 event table
//! ([`events`]) and of the Global Knowledge Graph 2.1 ([`gkg`]), so tools and habits built
//! on GDELT read newsdesk output unchanged. Tab-separated, one row per line, GDELT's column
//! order; fields GDELT fills from resources newsdesk does not have (tone, themes, GCAM,
//! coordinates, FIPS codes) are left empty rather than invented, and country codes are
//! ISO 3166-1 where GDELT writes FIPS 10-4 (see `docs/export.md`).
//!
//! Input documents carry char offsets (the `newsdesk.document/1` wire form, as
//! `newsdesk analyze` prints and the store keeps): GDELT's offsets count characters.

pub mod codes;
pub mod events;
pub mod gkg;

/// A field made safe for a tab-separated row whose sub-fields use `delims`: tabs, line
/// breaks and the delimiters become spaces, runs of spaces collapse.
pub(crate) fn field(text: &str, delims: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if c.is_whitespace() || c.is_control() || delims.contains(&c) { ' ' } else { c };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `YYYY-MM-DD…` → (year, month, day), each part when present.
pub(crate) fn date_parts(value: &str) -> (Option<u32>, Option<u32>, Option<u32>) {
    let mut parts = value.get(..10.min(value.len())).unwrap_or("").split('-').map(|p| p.parse::<u32>().ok());
    (parts.next().flatten(), parts.next().flatten(), parts.next().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        let check = |input: &str, delims: &[char], expected: &str| {
            assert_eq!(field(input, delims), expected, "{input:?}");
        };
        check("a\tb\nc", &[], "a b c");
        check("  x;y#z  ", &[';', '#'], "x y z");
        check("", &[], "");
    }

    #[test]
    fn dates() {
        assert_eq!(date_parts("2024-08-19"), (Some(2024), Some(8), Some(19)));
        assert_eq!(date_parts("2024-08"), (Some(2024), Some(8), None));
        assert_eq!(date_parts("2024"), (Some(2024), None, None));
        assert_eq!(date_parts("2024-08-19T10:00:00Z"), (Some(2024), Some(8), Some(19)));
        assert_eq!(date_parts("soon"), (None, None, None));
    }
}
