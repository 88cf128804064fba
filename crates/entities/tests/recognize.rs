//! End-to-end cases for `recognize`: one sentence or short text a line, with the entity that
//! must come out (type, name, attributes, mention texts). Texts are written for these tests.

use newsdesk_entities::recognize;
use newsdesk_model::{Entity, EntityType};

/// Checks that `text` yields an entity of `kind` named `name` having `attrs` and at least the
/// mentions `mentions` (in order), and that every mention's text equals its slice.
fn check(text: &str, kind: EntityType, name: &str, attrs: &[(&str, &str)], mentions: &[&str]) {
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    for e in &entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "bad span in {text}");
        }
    }
    let show = || {
        entities
            .iter()
            .map(|e| {
                format!(
                    "{} {:?} {:?}",
                    e.name,
                    e.kind,
                    e.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
                )
            })
            .collect::<Vec<_>>()
    };
    let e: &Entity = entities
        .iter()
        .find(|e| e.kind == kind && e.name == name)
        .unwrap_or_else(|| panic!("no {kind:?} {name} in {text:?}: {:?}", show()));
    for (k, v) in attrs {
        assert_eq!(e.attributes.get(*k).map(String::as_str), Some(*v), "{name}.{k} in {text:?}");
    }
    let got: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    let mut it = got.iter();
    for m in mentions {
        assert!(it.any(|g| g == m), "{name}: mention {m:?} missing or out of order in {got:?}");
    }
}

fn check_absent(text: &str, name: &str) {
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    assert!(!entities.iter().any(|e| e.name == name), "{name} should not be an entity in {text:?}");
}

use EntityType::{Location as L, Org as O, Person as P};

#[test]
fn people_titles_and_countries() {
    check(
        "Kenyan President William Ruto arrived in Nairobi. Ruto said he was pleased.",
        P,
        "William Ruto",
        &[("title", "President"), ("country", "Kenya")],
        &["President William Ruto", "Ruto", "he"],
    );
    check(
        "German Chancellor Olaf Scholz met the press. The German leader said little.",
        P,
        "Olaf Scholz",
        &[("title", "Chancellor"), ("country", "Germany")],
        &["Chancellor Olaf Scholz", "The German leader"],
    );
    check(
        "Prime Minister Jacinda Ardern spoke in Wellington. She thanked the police.",
        P,
        "Jacinda Ardern",
        &[("title", "Prime Minister")],
        &["Prime Minister Jacinda Ardern", "She"],
    );
    check("Chilean President Gabriel Boric met Peruvian President Dina Boluarte. The Chilean president said ties were strong.", P, "Gabriel Boric", &[("country", "Chile")], &["President Gabriel Boric", "The Chilean president"]);
}

#[test]
fn places_and_organisations() {
    check("Talks on the South Caucasus were held in Tbilisi.", L, "South Caucasus", &[], &["South Caucasus"]);
    check(
        "Talks on the South Caucasus were held in Tbilisi.",
        L,
        "Tbilisi",
        &[("country", "Georgia")],
        &["Tbilisi"],
    );
    check("Officials in Peru said the Peruvian economy grew.", L, "Peru", &[], &["Peru", "Peruvian"]);
    check("The plan was first reported by Kyiv.Post on Monday.", O, "Kyiv.Post", &[], &["Kyiv.Post"]);
    check("NATO said on Friday that the alliance would meet in Vilnius.", O, "NATO", &[], &["NATO"]);
}

#[test]
fn no_false_names() {
    check_absent("\"We will win,\" the coach said.", "We");
    check_absent("Yesterday the market fell. However, traders were calm.", "However");
    check_absent("Direct talks resumed on Monday.", "Direct");
}

#[test]
fn offices_aliases_and_groups() {
    check(
        "Health Secretary Maria Lopez visited Lima. Lopez said she was pleased.",
        P,
        "Maria Lopez",
        &[("title", "Health Secretary")],
        &["Health Secretary Maria Lopez", "Maria Lopez", "Lopez", "she"],
    );
    check(
        "The EU said on Monday that the European Union would reply.",
        O,
        "European Union",
        &[],
        &["EU", "European Union"],
    );
    check(
        "Activists from the environmental group Blue Harbour protested in Oslo.",
        O,
        "Blue Harbour",
        &[],
        &["Blue Harbour"],
    );
}

#[test]
fn geographic_nouns() {
    check("Mining drains water in the Atacama desert, farmers said.", L, "Atacama", &[], &["Atacama"]);
}
