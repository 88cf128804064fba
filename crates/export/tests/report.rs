//! The export of the repo's example report (our own seed-shaped article): every row has
//! GDELT's column count and no field breaks the format, and the whole export is a reviewed
//! snapshot.

use newsdesk_model::{wire, Document};

fn report() -> Document {
    let bytes = include_bytes!("../../../examples/report.txt");
    let article = newsdesk_extract::extract(bytes, &Default::default()).expect("example extracts");
    wire::to_char_offsets(&newsdesk_analyze::analyze(&article))
}

fn well_formed(row: &[String], columns: usize) {
    assert_eq!(row.len(), columns);
    for f in row {
        assert!(!f.contains(['\t', '\n', '\r']), "field {f:?} would break the row");
    }
}

#[test]
fn event_rows() {
    let doc = report();
    assert!(!doc.events.is_empty(), "the example has events");
    let rows = newsdesk_export::events::rows(&doc, "20250312120000");
    assert_eq!(rows.len(), doc.events.len());
    for r in &rows {
        well_formed(r, newsdesk_export::events::COLUMNS.len());
    }
    let table: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    insta::assert_snapshot!(table.join("\n"));
}

#[test]
fn gkg_row() {
    let doc = report();
    let date = doc.published.as_deref().and_then(newsdesk_export::gkg::timestamp).expect("published");
    let row = newsdesk_export::gkg::row(&doc, &date, 1);
    well_formed(&row, newsdesk_export::gkg::COLUMNS.len());
    let named: Vec<String> =
        newsdesk_export::gkg::COLUMNS.iter().zip(&row).map(|(c, v)| format!("{c}: {v}")).collect();
    insta::assert_snapshot!(named.join("\n"));
}
