//! `Found`: one attribution while it is being built, in token ranges, before it becomes a
//! `newsdesk_model::Quote`.

use crate::source::Range;
use newsdesk_model::{QuoteKind, Span};

#[derive(Debug, Clone)]
pub struct Found {
    pub kind: QuoteKind,
    pub content: Span,
    pub cue: Option<Range>,
    pub source: Option<Range>,
    /// Entity id of the speaker when known from elsewhere (an addressee, a previous quote).
    pub speaker: Option<String>,
    /// Index of an earlier `Found` whose speaker this one continues.
    pub continues: Option<usize>,
    /// Index of the direct quote this reported speech sits in (its speaker reports it).
    pub nested_in: Option<usize>,
    /// Found by the direct-speech conventions (quote marks and a cue next to them): its source
    /// is the convention's, not for the learned source chooser to change.
    pub by_marks: bool,
}

impl Found {
    pub fn new(kind: QuoteKind, content: Span, cue: Option<Range>, source: Option<Range>) -> Self {
        Found { kind, content, cue, source, speaker: None, continues: None, nested_in: None, by_marks: false }
    }
}
