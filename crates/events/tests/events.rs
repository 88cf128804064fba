//! Events in documents built by hand for these tests (entities, mentions and quotes as the
//! earlier stages would give them, dates from the dates stage): one case a line, each event
//! shown as `code source>target @date`, events joined by `; `.

use newsdesk_model::{Document, Entity, EntityType, Mention, MentionForm, Quote, QuoteKind};
use newsdesk_segment::segment;
use std::collections::BTreeMap;

use EntityType::{Location as L, Org as O, Person as P};

/// An entity: its name, type and the texts of its mentions (every whole-word occurrence).
type Ent<'a> = (&'a str, EntityType, &'a [&'a str]);
/// A quotation: its content as written and the name of its speaker.
type Q<'a> = (&'a str, &'a str);

fn occurrences(text: &str, needle: &str) -> Vec<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| !word(text[..i].chars().next_back()) && !word(text[i + needle.len()..].chars().next()))
        .collect()
}

fn build(text: &str, published: Option<&str>, ents: &[Ent], quotes: &[Q]) -> Document {
    let mut doc = Document::from_article(&newsdesk_model::Article {
        text: text.to_string(),
        published: published.map(str::to_string),
        ..Default::default()
    });
    for (k, (name, kind, mentions)) in ents.iter().enumerate() {
        let mut ms: Vec<Mention> = mentions
            .iter()
            .flat_map(|m| {
                let pronoun =
                    m.chars().next().is_some_and(char::is_lowercase) || matches!(*m, "Your" | "He" | "She");
                occurrences(text, m).into_iter().map(move |s| Mention {
                    start: s,
                    end: s + m.len(),
                    text: m.to_string(),
                    form: if pronoun { MentionForm::Pronoun } else { MentionForm::Name },
                })
            })
            .collect();
        ms.sort_by_key(|m| m.start);
        doc.entities.push(Entity {
            id: format!("e{}", k + 1),
            kind: *kind,
            subtype: None,
            name: name.to_string(),
            attributes: BTreeMap::new(),
            mentions: ms,
        });
    }
    for (content, speaker) in quotes {
        let start = text.find(content).expect("quote content is in the text");
        let id = ents.iter().position(|e| e.0 == *speaker).map(|k| format!("e{}", k + 1));
        doc.quotes.push(Quote {
            kind: QuoteKind::Direct,
            text: content.to_string(),
            start,
            end: start + content.len(),
            cue: None,
            cue_span: None,
            speaker: id,
            speaker_text: None,
            speaker_span: None,
            reported_by: None,
        });
    }
    doc
}

fn show(text: &str, published: Option<&str>, ents: &[Ent], quotes: &[Q]) -> String {
    let mut doc = build(text, published, ents, quotes);
    let seg = segment(text);
    doc.sentences = seg.sentences.clone();
    doc.dates = newsdesk_dates::find(text, &seg, published);
    let name =
        |id: &Option<String>| id.as_ref().and_then(|i| doc.entity(i)).map_or("-".into(), |e| e.name.clone());
    newsdesk_events::detect(&doc, &seg)
        .iter()
        .map(|e| {
            let date = e.date.as_deref().map(|d| format!(" @{d}")).unwrap_or_default();
            format!("{} {}>{}{}", e.code, name(&e.source), name(&e.target), date)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

type Case<'a> = (Option<&'a str>, &'a str, &'a [Ent<'a>], &'a [Q<'a>], &'a str);

/// `None` when the case gives what it expects, else the difference.
fn check((published, text, ents, quotes, expected): &Case) -> Option<String> {
    let got = show(text, *published, ents, quotes);
    (got != *expected).then(|| format!("{text}\n  want {expected}\n  got  {got}"))
}

#[test]
fn events() {
    let aug = Some("2024-08-19");
    let mar = Some("2025-03-12");
    let cases: &[Case] = &[
        (mar, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Monday.",
            &[("Kenya", L, &["Kenyan"]), ("William Ruto", P, &["President William Ruto"]), ("Tanzania", L, &["Tanzanian"]),
              ("Samia Suluhu Hassan", P, &["President Samia Suluhu Hassan"]), ("Nairobi", L, &["Nairobi"])],
            &[], "040 William Ruto>Samia Suluhu Hassan @2025-03-10"),
        (aug, "Blinken held talks with Wang Yi in Beijing.",
            &[("Antony Blinken", P, &["Blinken"]), ("Wang Yi", P, &["Wang Yi"]), ("Beijing", L, &["Beijing"])],
            &[], "046 Antony Blinken>Wang Yi @2024-08-19"),
        (aug, "Xi Jinping will meet Joe Biden in Lima next month.",
            &[("Xi Jinping", P, &["Xi Jinping"]), ("Joe Biden", P, &["Joe Biden"]), ("Lima", L, &["Lima"])],
            &[], "036 Xi Jinping>Joe Biden @2024-09"),
        (aug, "Modi hasn’t met Sharif.", &[("Narendra Modi", P, &["Modi"]), ("Shehbaz Sharif", P, &["Sharif"])], &[], ""),
        (aug, "The White House met the deadline Congress set.",
            &[("White House", O, &["White House"]), ("Congress", O, &["Congress"])], &[], ""),
        (aug, "Scholz met the Kenyan President William Ruto.",
            &[("Olaf Scholz", P, &["Scholz"]), ("Kenya", L, &["Kenyan"]), ("William Ruto", P, &["President William Ruto"])], &[],
            "040 Olaf Scholz>William Ruto @2024-08-19"),
        (aug, "Modi did not meet Sharif.", &[("Narendra Modi", P, &["Modi"]), ("Shehbaz Sharif", P, &["Sharif"])], &[], ""),
        (mar, "Chancellor Olaf Scholz visited Warsaw last week.",
            &[("Olaf Scholz", P, &["Chancellor Olaf Scholz"]), ("Warsaw", L, &["Warsaw"])], &[], "042 Olaf Scholz>Warsaw @2025-03-03"),
        (aug, "Macron told Lula: \"Your visit to Paris this April was a success.\"",
            &[("Emmanuel Macron", P, &["Macron"]), ("Lula", P, &["Lula", "Your"]), ("Paris", L, &["Paris"])],
            &[("Your visit to Paris this April was a success.", "Emmanuel Macron")], "042 Lula>Paris @2024-04"),
        (aug, "\"The treaty we signed in the spring of 2019 still holds, and you know it,\" Erdogan told Aliyev.",
            &[("Recep Tayyip Erdogan", P, &["Erdogan"]), ("Ilham Aliyev", P, &["Aliyev", "you"])],
            &[("The treaty we signed in the spring of 2019 still holds, and you know it,", "Recep Tayyip Erdogan")],
            "057 Recep Tayyip Erdogan>Ilham Aliyev @2019-03"),
        (aug, "\"If we can contribute to a peace deal between Ethiopia and Eritrea, we will,\" said Ruto.",
            &[("William Ruto", P, &["Ruto"]), ("Ethiopia", L, &["Ethiopia"]), ("Eritrea", L, &["Eritrea"])],
            &[("If we can contribute to a peace deal between Ethiopia and Eritrea, we will,", "William Ruto")],
            "039 William Ruto>Ethiopia"),
        (aug, "Norway is ready to help resolve the conflict in Sudan.",
            &[("Norway", L, &["Norway"]), ("Sudan", L, &["Sudan"])], &[], "039 Norway>- @2024-08-19"),
        (aug, "France condemned Iran over the missile launch.",
            &[("France", L, &["France"]), ("Iran", L, &["Iran"])], &[], "111 France>Iran @2024-08-19"),
        (aug, "The European Union imposed sanctions on Belarus.",
            &[("European Union", O, &["European Union"]), ("Belarus", L, &["Belarus"])], &[], "163 European Union>Belarus @2024-08-19"),
        (aug, "They signed it.", &[], &[], ""),
        (aug, "Brazil and Argentina signed a trade accord on Friday, the foreign ministry said.",
            &[("Brazil", L, &["Brazil"]), ("Argentina", L, &["Argentina"])], &[], "057 Brazil>Argentina @2024-08-16"),
        (mar, "Ruto and Hassan met in Arusha.",
            &[("William Ruto", P, &["Ruto"]), ("Samia Suluhu Hassan", P, &["Hassan"]), ("Arusha", L, &["Arusha"])], &[],
            "040 William Ruto>Samia Suluhu Hassan @2025-03-12"),
        (aug, "President Lula, according to the Planalto, made a trip to Lisbon.",
            &[("Lula", P, &["President Lula"]), ("Planalto", O, &["Planalto"]), ("Lisbon", L, &["Lisbon"])], &[],
            "042 Lula>Lisbon @2024-08-19"),
        (aug, "Rutte told Sanchez: \"At our last meeting in Madrid, you were right.\"",
            &[("Mark Rutte", P, &["Rutte"]), ("Pedro Sanchez", P, &["Sanchez", "you"]), ("Madrid", L, &["Madrid"])],
            &[("At our last meeting in Madrid, you were right.", "Mark Rutte")], "040 Mark Rutte>Pedro Sanchez"),
        (aug, "Navalny was detained by police in Moscow.",
            &[("Alexei Navalny", P, &["Navalny"]), ("police", O, &["police"]), ("Moscow", L, &["Moscow"])], &[],
            "173 police>Alexei Navalny @2024-08-19"),
        (aug, "The journalist Evan Gershkovich, accused by Russia of spying, denied it.",
            &[("Evan Gershkovich", P, &["Evan Gershkovich"]), ("Russia", L, &["Russia"])], &[],
            "112 Russia>Evan Gershkovich @2024-08-19"),
        (aug, "All signs point to Biden going along.", &[("Joe Biden", P, &["Biden"])], &[], ""),
        (aug, "The one sign you can trust is Biden.", &[("Joe Biden", P, &["Biden"])], &[], ""),
        (aug, "The plan of Scholz was met with laughter.", &[("Olaf Scholz", P, &["Scholz"])], &[], ""),
        (aug, "\"Hungary met every deadline,\" said Orban during talks with Ursula von der Leyen.",
            &[("Hungary", L, &["Hungary"]), ("Viktor Orban", P, &["Orban"]), ("Ursula von der Leyen", P, &["Ursula von der Leyen"])],
            &[("Hungary met every deadline,", "Viktor Orban")], "046 Viktor Orban>Ursula von der Leyen @2024-08-19"),
    ];
    let failed: Vec<String> = cases.iter().filter_map(check).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
