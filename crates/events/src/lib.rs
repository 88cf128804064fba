//! Events: who did what to whom, coded in CAMEO (meet, visit, sign, offer to mediate…).
//!
//! Runs last: it reads the entities, quotes and dates already found in the document.

use newsdesk_model::{Document, Event};
use newsdesk_segment::Segmentation;

/// Finds CAMEO events in an analysed document (byte offsets, all other stages done).
pub fn detect(doc: &Document, seg: &Segmentation) -> Vec<Event> {
    let _ = (doc, seg);
    Vec::new()
}
