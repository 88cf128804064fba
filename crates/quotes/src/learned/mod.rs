//! The learned step: a linear-chain tagger (the structured averaged perceptron of
//! `newsdesk-perceptron`) over each paragraph's tokens, with BIO tags for Source, Cue and
//! Content, trained on PolNeAR by `newsdesk train quotes`. Its features include what the
//! rules found. A predicted content that overlaps no rule-found content may become an indirect
//! (or mixed) quote with the nearest predicted cue and the source next to it, and a rule-found
//! indirect content may run on rightwards to the end of the predicted content covering it.
//! The model is compiled in from `models/quotes.bin`; an empty or unreadable model switches
//! the tagger off.
//!
//! Then two choosers refine every indirect and mixed attribution, never a direct quote:
//! [`bounds`] picks where its content starts and ends among the candidate boundaries, and
//! `sources` which source phrase it has, or none; which of the tagger's contents to keep is
//! learned the same way ([`choice`]: one averaged multiclass perceptron,
//! `models/quote_choices.bin`, trained after the tagger on what the rules and the tagger find),
//! and so is which of the rules' indirect contents to keep when the tagger reads no cue at
//! theirs (`booed him off the stage`).

pub mod bounds;
pub mod choice;
pub mod clusters;
mod features;
mod sources;
mod tag;
mod train;

pub(crate) use tag::find;
pub use tag::{use_model, MAGIC, STACK_MAGIC};
pub use train::{train, train_choices, GoldSpan, Role};
