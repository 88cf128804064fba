//! The code lists GDELT rows are made of: ISO 3166-1 country codes for a place or a person's
//! country, CAMEO actor codes (country + role), the Goldstein scale and the quad class of an
//! event code. Everything comes from `data/*.tsv` and the entity lexicon; nothing is guessed.

use newsdesk_entities::lexicon::{Place, LEXICON};
use newsdesk_model::{tsv::rows, Entity, EntityType};
use std::collections::HashMap;
use std::sync::LazyLock;

const COUNTRY_CODES: &str = include_str!("../../../data/country_codes.tsv");
const GOLDSTEIN: &str = include_str!("../../../data/goldstein.tsv");

/// ISO alpha-2 → alpha-3.
static ALPHA3: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(COUNTRY_CODES).filter_map(|r| Some((*r.first()?, *r.get(1)?))).collect());

/// CAMEO code (root or full) → Goldstein value.
static SCALE: LazyLock<HashMap<&'static str, f64>> =
    LazyLock::new(|| rows(GOLDSTEIN).filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?))).collect());

/// A country as the export writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3, the CAMEO country code.
    pub alpha3: &'static str,
}

fn country_at(idx: usize) -> Option<Country> {
    let c = LEXICON.countries.get(idx)?;
    let alpha3 = ALPHA3.get(c.iso.as_str()).copied().unwrap_or("");
    Some(Country { name: c.name.as_str(), alpha2: c.iso.as_str(), alpha3 })
}

/// The country a name or demonym stands for (`Russia`, `Russian`, `the United States`).
pub fn country_named(name: &str) -> Option<Country> {
    let key = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let key = key.strip_prefix("the ").unwrap_or(&key);
    match LEXICON.places.get(key)? {
        Place::Country(i) | Place::Demonym(i) => country_at(*i),
        _ => None,
    }
}

/// The country of a city named `name`, when the gazetteer knows it.
pub fn country_of_city(name: &str) -> Option<Country> {
    match LEXICON.places.get(&name.to_lowercase())? {
        Place::City(Some(i)) => country_at(*i),
        _ => None,
    }
}

/// A place as GDELT's geo fields name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Geo {
    /// GDELT's geo type: 1 country, 4 city, 5 any other place.
    pub kind: u8,
    /// `Paris, France` for a city of a known country, else the entity's name.
    pub name: String,
    pub country: Option<Country>,
}

impl Geo {
    /// How GDELT's geo fields name a location entity; `None` for other entities.
    pub fn of_location(e: &Entity) -> Option<Geo> {
        if e.kind != EntityType::Location {
            return None;
        }
        let own = country_named(&e.name);
        let kind = match (own, e.subtype.as_deref()) {
            (Some(_), _) | (None, Some("country")) => 1,
            (None, Some("city")) => 4,
            _ => return Some(Geo { kind: 5, name: e.name.clone(), country: None }),
        };
        let country = own.or_else(|| country_of_city(&e.name));
        let name = match (kind, country) {
            (4, Some(c)) => format!("{}, {}", e.name, c.name),
            _ => e.name.clone(),
        };
        Some(Geo { kind, name, country })
    }
}

/// The country an entity belongs to: itself for a country, its `country` attribute for a
/// person or organisation, the gazetteer's country for a city.
pub fn country_of(entity: &Entity) -> Option<Country> {
    if entity.kind == EntityType::Location {
        return country_named(&entity.name).or_else(|| country_of_city(&entity.name));
    }
    entity.attributes.get("country").and_then(|c| country_named(c))
}

/// The CAMEO role code of a title kind from `data/titles.tsv`.
fn role_of_title(title: &str) -> Option<&'static str> {
    let kind = LEXICON.titles.get(&title.to_lowercase())?.kind.as_str();
    match kind {
        "head" | "office" => Some("GOV"),
        "military" => Some("MIL"),
        "religious" => Some("REL"),
        _ => None,
    }
}

/// A CAMEO actor code: the country's alpha-3 code, then a role from the person's title
/// (`RUSGOV` for a president of Russia). Empty when neither is known.
pub fn actor_code(entity: &Entity) -> String {
    let country = country_of(entity).map_or("", |c| c.alpha3);
    let role = match entity.kind {
        EntityType::Person => entity.attributes.get("title").and_then(|t| role_of_title(t)),
        _ => None,
    };
    format!("{country}{}", role.unwrap_or(""))
}

/// The Goldstein value of a CAMEO code: its own, else its root code's.
pub fn goldstein(code: &str) -> Option<f64> {
    SCALE.get(code).or_else(|| SCALE.get(code.get(..2)?)).copied()
}

/// GDELT's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
/// 4 material conflict.
pub fn quad_class(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries() {
        let check = |name: &str, alpha3: Option<&str>| {
            assert_eq!(country_named(name).map(|c| c.alpha3), alpha3, "{name}");
        };
        check("Russia", Some("RUS"));
        check("Azerbaijani", Some("AZE"));
        check("the United Kingdom", Some("GBR"));
        check("Atlantis", None);
        assert_eq!(country_of_city("Paris").map(|c| c.alpha2), Some("FR"));
    }

    #[test]
    fn geos() {
        let check =
            |kind: EntityType, name: &str, subtype: Option<&str>, expected: Option<(u8, &str, &str)>| {
                let e = Entity {
                    id: "e1".into(),
                    kind,
                    subtype: subtype.map(str::to_string),
                    name: name.into(),
                    attributes: Default::default(),
                    mentions: Vec::new(),
                };
                let geo = Geo::of_location(&e);
                let got = geo.as_ref().map(|g| (g.kind, g.name.as_str(), g.country.map_or("", |c| c.alpha2)));
                assert_eq!(got, expected, "{name}");
            };
        let place = EntityType::Location;
        check(place, "Russia", Some("country"), Some((1, "Russia", "RU")));
        check(place, "Russia", None, Some((1, "Russia", "RU")));
        check(place, "Paris", Some("city"), Some((4, "Paris, France", "FR")));
        check(place, "Quellbridge", Some("city"), Some((4, "Quellbridge", "")));
        check(place, "the Harbour District", Some("region"), Some((5, "the Harbour District", "")));
        check(EntityType::Person, "Paris", None, None);
    }

    #[test]
    fn scales() {
        let check = |code: &str, g: Option<f64>, q: Option<u8>| {
            assert_eq!((goldstein(code), quad_class(code)), (g, q), "{code}");
        };
        check("057", Some(8.0), Some(1));
        check("040", Some(1.0), Some(1));
        check("190", Some(-10.0), Some(4));
        check("073", Some(7.0), Some(2));
        check("112", Some(-2.0), Some(3));
        check("xx", None, None);
    }
}
