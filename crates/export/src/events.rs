//! Rows of the GDELT 2.0 event table (61 tab-separated columns): one per newsdesk event,
//! with CAMEO actor codes, quad class, Goldstein scale, the actors' and the action's places.

use crate::codes::{self, Geo};
use crate::{date_parts, field};
use newsdesk_model::{Document, Entity, EntityType, Event, Span};

/// The 61 column names, in order (GDELT writes no header; `newsdesk export --header` does).
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A place the event table locates: a country or a city (GDELT's geo types 1 and 4).
fn located(e: &Entity) -> Option<Geo> {
    Geo::of_location(e).filter(|g| g.kind != 5)
}

/// Where an actor is: itself when a place, else its country.
fn actor_geo(e: &Entity) -> Option<Geo> {
    located(e).or_else(|| {
        let c = codes::country_of(e)?;
        Some(Geo { kind: 1, name: c.name.to_string(), country: Some(c) })
    })
}

/// The 8 geo columns: type, full name, country, ADM1, ADM2, lat, long, feature id.
fn push_geo(geo: Option<Geo>, row: &mut Vec<String>) {
    let Some(g) = geo else {
        row.extend(std::iter::repeat_n(String::new(), 8));
        return;
    };
    row.push(g.kind.to_string());
    row.push(field(&g.name, &[]));
    row.push(g.country.map_or("", |c| c.alpha2).to_string());
    row.extend(std::iter::repeat_n(String::new(), 5));
}

/// The 10 actor columns of an entity (or 10 empty ones).
fn push_actor(actor: Option<&Entity>, row: &mut Vec<String>) {
    let Some(e) = actor else {
        row.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let code = codes::actor_code(e);
    let country = codes::country_of(e).map_or("", |c| c.alpha3);
    let role = code.strip_prefix(country).unwrap_or("");
    row.push(code.clone());
    row.push(field(&e.name.to_uppercase(), &[]));
    row.push(country.to_string());
    row.extend(std::iter::repeat_n(String::new(), 4));
    row.push(role.to_string());
    row.extend(std::iter::repeat_n(String::new(), 2));
}

/// A stable numeric id for the event: FNV-1a of the document id and the event's index,
/// kept to 53 bits so JavaScript and spreadsheets read it exactly.
fn event_id(doc_id: &str, index: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id.bytes().chain(index.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & ((1 << 53) - 1)
}

/// The place where the event happened: a city named in its sentence, else a country that is
/// not one of the actors.
fn action_geo(doc: &Document, event: &Event, actors: &[Option<&Entity>]) -> Option<Geo> {
    let sentence: Span = *doc.sentences.get(event.sentence)?;
    let in_sentence = |e: &&Entity| e.mentions.iter().any(|m| sentence.contains(m.span()));
    let places: Vec<&Entity> =
        doc.entities.iter().filter(|e| e.kind == EntityType::Location).filter(in_sentence).collect();
    let city = places.iter().find(|e| e.subtype.as_deref() == Some("city"));
    let other = places.iter().find(|e| !actors.iter().flatten().any(|a| a.id == e.id));
    city.or(other).and_then(|e| located(e))
}

/// SQLDATE, MonthYear, Year and FractionDate of a date's parts; empty where a part is missing.
fn date_columns((year, month, day): (Option<u32>, Option<u32>, Option<u32>)) -> [String; 4] {
    let (sql_date, fraction) = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            let doy = (m - 1) * 30 + d; // GDELT's own approximation of the day of year.
            (format!("{y:04}{m:02}{d:02}"), format!("{:.4}", f64::from(y) + f64::from(doy) / 365.0))
        }
        _ => (String::new(), String::new()),
    };
    let month_year = match (year, month) {
        (Some(y), Some(m)) => format!("{y:04}{m:02}"),
        _ => String::new(),
    };
    [sql_date, month_year, year.map_or(String::new(), |y| y.to_string()), fraction]
}

/// The event rows of `doc`. `date_added` is `YYYYMMDDHHMMSS`, when the row was made.
pub fn rows(doc: &Document, date_added: &str) -> Vec<Vec<String>> {
    let entity = |id: &Option<String>| id.as_deref().and_then(|id| doc.entity(id));
    let first_paragraph_end = doc.text.find("\n\n").map_or(usize::MAX, |b| doc.text[..b].chars().count());
    let mut out = Vec::with_capacity(doc.events.len());
    for (index, event) in doc.events.iter().enumerate() {
        let (a1, a2) = (entity(&event.source), entity(&event.target));
        let date = event.date.as_deref().filter(|d| d.len() >= 10).or(doc.published.as_deref());
        let mut row = Vec::with_capacity(61);
        row.push(event_id(&doc.id, index).to_string());
        row.extend(date_columns(date.map_or((None, None, None), date_parts)));
        push_actor(a1, &mut row);
        push_actor(a2, &mut row);
        let root = doc.sentences.get(event.sentence).is_some_and(|s| s.start < first_paragraph_end);
        row.push(if root { "1" } else { "0" }.to_string());
        row.push(event.code.clone());
        row.push(event.code.get(..3).unwrap_or(&event.code).to_string());
        row.push(event.code.get(..2).unwrap_or(&event.code).to_string());
        row.push(codes::quad_class(&event.code).map_or(String::new(), |q| q.to_string()));
        row.push(codes::goldstein(&event.code).map_or(String::new(), |g| format!("{g:.1}")));
        let mentions = doc
            .events
            .iter()
            .filter(|e| e.code == event.code && e.source == event.source && e.target == event.target)
            .count();
        row.push(mentions.to_string());
        row.push("1".into());
        row.push("1".into());
        row.push(String::new()); // AvgTone: newsdesk does not score tone.
        push_geo(a1.and_then(actor_geo), &mut row);
        push_geo(a2.and_then(actor_geo), &mut row);
        push_geo(action_geo(doc, event, &[a1, a2]), &mut row);
        row.push(date_added.to_string());
        row.push(field(doc.source.url.as_deref().unwrap_or(""), &[]));
        debug_assert_eq!(row.len(), COLUMNS.len());
        out.push(row);
    }
    out
}
