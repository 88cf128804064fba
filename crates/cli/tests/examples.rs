//! The repo's own seed-shaped example articles, end to end: each `examples/*.json` checklist
//! (what a careful reader finds) must pass in full, and the whole output of `report.txt` is
//! kept as a reviewed snapshot.

use newsdesk_eval::checklist;
use std::path::Path;

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn example_checklists_pass() {
    let mut failures = Vec::new();
    let mut lists = 0;
    for entry in std::fs::read_dir(examples()).expect("examples dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            lists += 1;
            let (list, outcome) = checklist::run(&path).expect("checklist runs");
            for c in outcome.checks.iter().filter(|c| !c.ok) {
                failures.push(format!("{}: {} {} ({})", path.display(), c.section, c.what, c.detail));
            }
            if list.quotes_exhaustive {
                for q in &outcome.spurious_quotes {
                    failures.push(format!("{}: unexpected quote `{q}`", path.display()));
                }
            }
        }
    }
    assert!(lists > 0, "no checklists found");
    assert!(failures.is_empty(), "{} failed checks:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn report_snapshot() {
    let bytes = std::fs::read(examples().join("report.txt")).expect("example");
    let article = newsdesk_extract::extract(&bytes, &Default::default()).expect("extracts");
    let doc = newsdesk_analyze::analyze(&article);
    insta::assert_snapshot!("report", newsdesk_model::wire::to_json(&doc, true));
}
