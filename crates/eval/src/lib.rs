//! Evaluation against gold corpora: each module reads one corpus format, runs the engine and
//! scores it (precision, recall, F1). Used by `newsdesk eval …`; the checklist module is also
//! what the example-article tests run.

pub mod checklist;
pub mod coref;
pub mod extraction;
pub mod ner;
pub mod quotes;
