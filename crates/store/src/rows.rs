//! How a wire document (char offsets) becomes row values, whatever database holds them: the
//! document's day and source, the store-wide key of an entity, the names written for
//! mention forms and quote kinds, a quote's speaker name. Shared by this SQLite store and
//! `newsdesk-store-pg`, so both backends derive the same rows from the same JSON.

use crate::{day_of, today_utc};
use newsdesk_model::{Document, MentionForm, Quote, QuoteKind};

/// Runs of whitespace as one space, trimmed: the form names are stored and compared in.
pub fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The day a document is filed under: its published day, else today (UTC).
pub fn day(wire: &Document) -> String {
    wire.published.as_deref().and_then(day_of).map(str::to_string).unwrap_or_else(today_utc)
}

/// The source a document is filed under: the site name extraction found, else the URL's host.
pub fn source(wire: &Document, url: Option<&str>) -> Option<String> {
    wire.source.name.clone().or_else(|| url.and_then(host_of).map(str::to_string))
}

/// The store-wide key of an entity of type `kind` named `name` (already normalised):
/// entities of the same type and name, whatever the case, are one.
pub fn entity_key(kind: &str, name: &str) -> String {
    format!("{kind}:{}", name.to_lowercase())
}

/// The speaker name stored with a quote: its resolved entity's name, else the speaker as written.
pub fn speaker_name(wire: &Document, q: &Quote) -> Option<String> {
    q.speaker
        .as_deref()
        .and_then(|id| wire.entity(id))
        .map(|e| normalise(&e.name))
        .or_else(|| q.speaker_text.as_deref().map(normalise))
}

/// The wire name of a mention form (as serde writes it), without a JSON round trip.
pub fn form_name(form: MentionForm) -> &'static str {
    match form {
        MentionForm::Name => "name",
        MentionForm::Pronoun => "pronoun",
        MentionForm::Description => "description",
    }
}

/// The wire name of a quote kind (as serde writes it), without a JSON round trip.
pub fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

/// The host of an `http(s)://host/...` URL, without `www.`.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names written in the tables are the ones serde writes in the stored JSON.
    #[test]
    fn names_are_the_wire_names() {
        let check = |name: &str, serde: serde_json::Result<serde_json::Value>| {
            assert_eq!(Some(name), serde.ok().as_ref().and_then(|v| v.as_str()));
        };
        for form in [MentionForm::Name, MentionForm::Pronoun, MentionForm::Description] {
            check(form_name(form), serde_json::to_value(form));
        }
        for kind in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
            check(kind_name(kind), serde_json::to_value(kind));
        }
    }
}
