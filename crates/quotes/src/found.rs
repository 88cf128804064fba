//! `Found`: one attribution while it is being built, in token ranges, before it becomes a
//! `newsdesk_model::Quote`.

use crate::source::Range;
use crate::text::View;
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

    /// Cuts the content to `content`; a mixed one left holding no quotation is indirect.
    pub fn narrow(&mut self, v: &View, content: Span) {
        self.content = content;
        if self.kind == QuoteKind::Mixed && !crate::indirect::holds_quote(v, content) {
            self.kind = QuoteKind::Indirect;
        }
    }
}

/// Adds the attributions of `new` whose content overlaps no content found so far (one found
/// there already holds it).
pub fn add_unclaimed(found: &mut Vec<Found>, mut new: Vec<Found>) {
    new.retain(|n| !found.iter().any(|f| f.content.start < n.content.end && n.content.start < f.content.end));
    found.extend(new);
}

/// Removes the attributions marked in `drop`, renumbering the indices the others keep of
/// them (one whose referent goes loses the reference).
pub fn remove(found: &mut Vec<Found>, drop: &[bool]) {
    if !drop.contains(&true) {
        return;
    }
    let mut new_index = Vec::with_capacity(found.len());
    let mut n = 0;
    for &d in drop {
        new_index.push((!d).then_some(n));
        n += usize::from(!d);
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    for f in found.iter_mut() {
        f.continues = f.continues.and_then(|i| new_index.get(i).copied().flatten());
        f.nested_in = f.nested_in.and_then(|i| new_index.get(i).copied().flatten());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_renumbers_references() {
        let span = |a: usize| Span { start: a, end: a + 1 };
        let mut found: Vec<Found> =
            (0..4).map(|k| Found::new(QuoteKind::Indirect, span(k), None, None)).collect();
        found[2].continues = Some(0);
        found[3].continues = Some(1);
        found[3].nested_in = Some(2);
        remove(&mut found, &[false, true, false, false]);
        let refs: Vec<_> = found.iter().map(|f| (f.content.start, f.continues, f.nested_in)).collect();
        assert_eq!(refs, [(0, None, None), (2, Some(0), None), (3, None, Some(1))]);
    }
}
