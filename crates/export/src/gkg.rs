//! One row of the GDELT Global Knowledge Graph 2.1 (27 tab-separated columns) per document:
//! locations, persons, organisations, dates, quotations, names and amounts, with the char
//! offsets GDELT gives them. Themes, tone, GCAM and images need resources newsdesk does not
//! ship; those columns stay empty.

use crate::codes::Geo;
use crate::{date_parts, field};
use newsdesk_model::{Document, Entity, EntityType, MentionForm};

/// The 27 column names, in order.
pub const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// Name mentions of an entity (not pronouns or descriptions), with their char offsets; a
/// name inside a longer name of the same entity (`Putin` in `President Putin`) counts once.
fn named(e: &Entity) -> impl Iterator<Item = (&str, usize)> {
    let names = || e.mentions.iter().filter(|m| m.form == MentionForm::Name);
    names()
        .filter(move |m| !names().any(|o| o.span() != m.span() && o.span().contains(m.span())))
        .map(|m| (m.text.as_str(), m.start))
}

/// `Name,offset;Name,offset` over every name mention of the entities of `kind`.
fn enhanced(doc: &Document, kind: EntityType) -> (String, String) {
    let mut v1 = Vec::new();
    let mut v2 = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == kind) {
        let name = field(&e.name, &[';', ',']);
        v2.extend(named(e).map(|(_, at)| (at, format!("{name},{at}"))));
        v1.push(name);
    }
    (v1.join(";"), in_text_order(v2))
}

/// The entries, `;`-separated, in the text order of their offsets.
fn in_text_order(mut entries: Vec<(usize, String)>) -> String {
    entries.sort();
    entries.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(";")
}

/// GKG location blocks: `type#name#country#adm1#lat#long#featureid` (V1) and the V2 form
/// with an ADM2 field and the char offset of each mention.
fn locations(doc: &Document) -> (String, String) {
    let mut v1 = Vec::new();
    let mut v2 = Vec::new();
    for (e, geo) in doc.entities.iter().filter_map(|e| Some((e, Geo::of_location(e)?))) {
        let (kind, name) = (geo.kind, field(&geo.name, &['#', ';']));
        let cc = geo.country.map_or("", |c| c.alpha2);
        v1.push(format!("{kind}#{name}#{cc}####"));
        for (_, at) in named(e) {
            v2.push((at, format!("{kind}#{name}#{cc}#####{at}")));
        }
    }
    (v1.join(";"), in_text_order(v2))
}

/// `resolution#month#day#year#offset` per date (resolution 1 year, 2 month, 3 day).
fn dates(doc: &Document) -> String {
    doc.dates
        .iter()
        .filter_map(|d| {
            let (y, m, day) = date_parts(&d.value);
            let y = y?;
            let res = if day.is_some() {
                3
            } else if m.is_some() {
                2
            } else {
                1
            };
            Some(format!("{res}#{}#{}#{y}#{}", m.unwrap_or(0), day.unwrap_or(0), d.start))
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `offset|length|verb|quote` per direct or mixed quotation, `#`-separated.
fn quotations(doc: &Document) -> String {
    doc.quotes
        .iter()
        .filter(|q| q.kind != newsdesk_model::QuoteKind::Indirect)
        .map(|q| {
            let verb = field(q.cue.as_deref().unwrap_or(""), &['|', '#']);
            format!("{}|{}|{verb}|{}", q.start, q.end - q.start, field(&q.text, &['|', '#']))
        })
        .collect::<Vec<_>>()
        .join("#")
}

/// `value,object,offset` per amount.
fn amounts(doc: &Document) -> String {
    doc.amounts
        .iter()
        .map(|a| {
            let object = field(a.object.as_deref().or(a.unit.as_deref()).unwrap_or(""), &[',', ';']);
            format!("{},{object},{}", a.value, a.start)
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Every proper name in the text: `Name,offset`, in text order.
fn all_names(doc: &Document) -> String {
    in_text_order(
        doc.entities
            .iter()
            .flat_map(|e| named(e).map(|(text, at)| (at, format!("{},{at}", field(text, &[',', ';'])))))
            .collect(),
    )
}

/// XML text content, escaped.
fn xml(text: &str) -> String {
    field(text, &[]).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The GKG row of `doc`. `date` is `YYYYMMDDHHMMSS` (publication time when known, else when
/// the row was made) and `n` the row's sequence number in this export.
pub fn row(doc: &Document, date: &str, n: usize) -> Vec<String> {
    let (locations_v1, locations_v2) = locations(doc);
    let (persons_v1, persons_v2) = enhanced(doc, EntityType::Person);
    let (orgs_v1, orgs_v2) = enhanced(doc, EntityType::Org);
    let mut extras = String::new();
    if let Some(title) = &doc.title {
        extras.push_str(&format!("<PAGE_TITLE>{}</PAGE_TITLE>", xml(title)));
    }
    if !doc.authors.is_empty() {
        extras.push_str(&format!("<PAGE_AUTHORS>{}</PAGE_AUTHORS>", xml(&doc.authors.join(", "))));
    }
    let source =
        doc.source.name.clone().or_else(|| doc.source.url.as_deref().and_then(host)).unwrap_or_default();
    let row = vec![
        format!("{date}-{n}"),
        date.to_string(),
        "1".into(),
        field(&source, &[]),
        field(doc.source.url.as_deref().unwrap_or(""), &[]),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        locations_v1,
        locations_v2,
        persons_v1,
        persons_v2,
        orgs_v1,
        orgs_v2,
        String::new(),
        dates(doc),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        quotations(doc),
        all_names(doc),
        amounts(doc),
        String::new(),
        extras,
    ];
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

/// The host of a URL (`https://news.example/a` → `news.example`).
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_string())
}

/// `YYYYMMDDHHMMSS` of a publication date (`2024-08-19` or RFC 3339), when it has a day.
pub fn timestamp(published: &str) -> Option<String> {
    let (y, m, d) = date_parts(published);
    let (y, m, d) = (y?, m?, d?);
    let time: String = published.get(11..19).unwrap_or("").chars().filter(char::is_ascii_digit).collect();
    let time = if time.len() == 6 { time } else { "000000".into() };
    Some(format!("{y:04}{m:02}{d:02}{time}"))
}
