//! Dates: absolute ("19 August 2024") and relative ("yesterday", "this April") expressions,
//! resolved against the publication date.

use newsdesk_model::DateMention;
use newsdesk_segment::Segmentation;

/// Finds the dates of `text`; `published` (`YYYY-MM-DD…`) anchors relative expressions.
pub fn find(text: &str, seg: &Segmentation, published: Option<&str>) -> Vec<DateMention> {
    let _ = (text, seg, published);
    Vec::new()
}
