//! Reading the project's linguistic data files (`data/*.tsv`, compiled in with `include_str!`):
//! one format for every stage, so every file follows the same rules.

/// Data rows of a TSV file: `#` comment lines and blank lines skipped, fields split on tabs
/// and trimmed.
pub fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blank_lines() {
        let rows: Vec<Vec<&str>> = super::rows("# source: us\n\nRussia\tRussian \n  \nA\n").collect();
        assert_eq!(rows, vec![vec!["Russia", "Russian"], vec!["A"]]);
    }
}
