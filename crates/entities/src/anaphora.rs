//! Anaphora: links pronouns (`he`, `her`, an organisation's `its`), definite descriptions
//! (`the Russian leader`, `the company`, `the former chancellor`) and demonyms (`Ukrainian`)
//! to the entities that names already made, walking the text in order so each link can use
//! the mentions before it.

use crate::coref::{Cluster, Words};
use crate::lexicon::{Place, LEXICON};
use newsdesk_model::{EntityType, MentionForm};
use std::collections::BTreeMap;

/// Words making an office a deputy's: `Vice President`, `Deputy Minister`.
const DEPUTIES: [&str; 5] = ["Vice", "Deputy", "Assistant", "Associate", "Under"];

const MALE: &[&str] = &["he", "him", "his", "himself"];
const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
/// Adjectives allowed between `the` and a description's noun (`the former chancellor`).
const DESCRIPTION_ADJECTIVES: &[&str] = &[
    "former",
    "late",
    "then",
    "new",
    "current",
    "outgoing",
    "incoming",
    "embattled",
    "veteran",
    "longtime",
    "ousted",
];
/// Words in the name of a public body, which `the company` never names (`BUSINESS` in
/// `data/role_nouns.tsv`).
const PUBLIC_BODIES: &[&str] = &[
    "Department",
    "Ministry",
    "Agency",
    "Commission",
    "Council",
    "Committee",
    "Court",
    "Senate",
    "Congress",
    "Parliament",
    "Party",
    "University",
    "Police",
    "Army",
    "Navy",
    "Office",
    "Bureau",
    "Authority",
    "Administration",
    "Government",
    "Assembly",
    "Church",
    "Foundation",
    "Association",
    "Union",
    "League",
    "Center",
    "Centre",
    "Service",
    "Federation",
    "Confederation",
    "Institute",
    "Tribunal",
    "Coalition",
    "Society",
    "Reserve",
    "Bundesbank",
];
/// Verbs of saying and thinking whose object clause's subject is no main subject.
const REPORTING: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "argued", "noted", "insisted", "stressed", "warned",
    "claimed", "believes", "believed", "thinks", "thought", "that",
];
/// How many sentences back a description may name a person who holds its office.
const TITLED_REACH: usize = 20;
const PREPOSITIONS: &[&str] =
    &["with", "to", "by", "from", "of", "for", "and", "on", "at", "against", "between"];

/// Pronouns, descriptions and demonyms, in text order.
pub(crate) fn link_others(w: &Words, lower: &[&str], covered: &mut [bool], clusters: &mut Vec<Cluster>) {
    let lx = &*LEXICON;
    let quoted = quoted(w);
    let mut i = 0;
    while i < lower.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let sent = w.sentence(i);
        let word = lower[i];
        // Pronouns.
        let gender = if MALE.contains(&word) {
            Some('m')
        } else if FEMALE.contains(&word) {
            Some('f')
        } else {
            None
        };
        if let Some(g) = gender {
            let best = clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == EntityType::Person && (c.gender == 'u' || c.gender == g))
                .filter_map(|(k, c)| {
                    // (`"The governor says she is watching," she said`: for a pronoun outside a
                    // quotation, a mention inside one is not the last word on who is meant, and
                    // one named only inside quotations comes after every one named outside.)
                    let outside = if quoted[i] { None } else { c.last_before_where(i, |p| !quoted[p]) };
                    let named_outside = quoted[i] || outside.is_some();
                    let last = outside.or_else(|| c.last_before(i))?;
                    let last_sent = w.sentence(last);
                    if last_sent + 3 < sent {
                        return None;
                    }
                    // (A possessor is less to the fore than a subject: `Vasić dismissed the
                    // minister's appeal. He said …`, `Lewandowski, Trump's campaign manager,
                    // hopped on stage. … he refused`; so, for a pronoun in a later sentence, is
                    // one opening its sentence: `Banda's spokesman, Kelvin Zulu, said …. He`.
                    // So is a name after a preposition, and the subject of what someone said:
                    // `… said the president was confident. He accused …` means the speaker. A
                    // name opening its sentence, or after a quote mark or a dash, heads one.)
                    let subject = c.recent(w, i).iter().any(|&m| {
                        let opens = m == 0
                            || w.sentence(m - 1) != w.sentence(m)
                            || !lower[m - 1].chars().any(|ch| ch.is_alphanumeric() || ch == ',');
                        if c.possessor_at(w, m) && (!opens || w.sentence(m) < sent) {
                            return false;
                        }
                        // (Not after an inverted cue, where no verb follows the name: `…,''
                        // said Ralf Jäger, the minister.` Nor for a pronoun in that very
                        // clause: `Flynn said Trump was right when he said …`.)
                        let reported = m > 0
                            && w.sentence(m) < sent
                            && REPORTING.contains(&lower[m - 1])
                            && c.word_after(w, m).is_some_and(|k| {
                                lower[k].chars().all(char::is_alphabetic) && !PREPOSITIONS.contains(&lower[k])
                            });
                        // (Nor the object of a verb, for a pronoun in a later sentence: `Wes
                        // Darnell accused Ashworth of …. He said`; but one asked or told
                        // answers: `asked Sanders about …. He started his answer`.)
                        let object = m > 0 && w.sentence(m) < sent && object_of_verb(lower[m - 1]);
                        opens || !PREPOSITIONS.contains(&lower[m - 1]) && !reported && !object
                    });
                    Some((k, (named_outside, last_sent, subject, c.mentions.len(), last)))
                })
                .max_by_key(|(_, score)| *score);
            if let Some((k, _)) = best {
                if let Some(m) = w.mention(i, i + 1, MentionForm::Pronoun) {
                    clusters[k].gender = g;
                    clusters[k].add(i, m, false);
                }
            }
            i += 1;
            continue;
        }
        // `its`: the nearest preceding entity, when that is an organisation in the same
        // sentence (`it` and `they` are left alone: too often not a name).
        if word == "its" {
            let nearest =
                clusters.iter().enumerate().filter_map(|(k, c)| c.last_before(i).map(|last| (last, k))).max();
            if let Some((last, k)) = nearest {
                let c = &clusters[k];
                if c.kind == EntityType::Org && w.sentence(last) == sent {
                    if let Some(m) = w.mention(i, i + 1, MentionForm::Pronoun) {
                        clusters[k].add(i, m, false);
                    }
                }
            }
            i += 1;
            continue;
        }
        // Descriptions: `the (Russian) leader`.
        if word == "the" {
            if let Some(end) = description(w, lower, i, &quoted, clusters) {
                for c in covered.iter_mut().take(end).skip(i) {
                    *c = true;
                }
                i = end;
                continue;
            }
        }
        // Demonyms: `the Ukrainian direction` mentions Ukraine.
        // (Not `American` of a region of the Americas: `Latin American artists`, `North
        // American markets`.)
        let compound = lower[i].starts_with("american")
            && i > 0
            && matches!(lower[i - 1], "latin" | "north" | "south" | "central");
        if w.raw[i].chars().next().is_some_and(char::is_uppercase) && !compound {
            // (Of several words too: `South Korean President Park ...`.)
            if let Some((n, Place::Demonym(c))) = lx.phrase_at(lower, i) {
                if let Some(m) = w.mention(i, i + n, MentionForm::Name) {
                    let place = Some(Place::Country(c));
                    match clusters.iter().position(|cl| cl.place == place) {
                        Some(k) => clusters[k].add(i, m, false),
                        None => clusters.push(Cluster {
                            kind: EntityType::Location,
                            subtype: Some("country"),
                            place,
                            org: None,
                            keys: Vec::new(),
                            name: lx.countries[c].name.clone(),
                            gender: 'u',
                            title: None,
                            country: None,
                            attributes: BTreeMap::new(),
                            mentions: vec![(i, m)],
                            name_pos: Vec::new(),
                            other_pos: vec![i],
                        }),
                    }
                }
            }
        }
        let _ = sent;
        i += 1;
    }
}

/// A verb whose object a name right after it is (`accused Ashworth`, `met Park`): a past form
/// of more than three letters, or an irregular one that takes a person as its object; not one
/// of addressing, whose object is the one who answers next (`asked Park`).
fn object_of_verb(word: &str) -> bool {
    let past = word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase());
    let addressed = matches!(word, "asked" | "questioned" | "pressed" | "interviewed" | "urged" | "reminded");
    (past && !addressed) || matches!(word, "met" | "beat" | "hit" | "saw" | "fought")
}

/// Whether each word stands inside quotation marks: a double mark opens or closes (a
/// straight one or two apostrophes toggle), a line break ends any quotation (a paragraph
/// that goes on quoting opens with a mark again). Marks are words of their own; line breaks
/// lie between words.
fn quoted(w: &Words) -> Vec<bool> {
    let mut inside = false;
    let mut from = 0;
    w.words
        .iter()
        .zip(&w.raw)
        .map(|(word, raw)| {
            if w.text.get(from..word.span.start).is_some_and(|gap| gap.contains('\n')) {
                inside = false;
            }
            // (Two apostrophes are a straight double mark: `''Yes,'' he said`; the second
            // one toggles.)
            let second = *raw == "'"
                && from == word.span.start
                && w.text.get(..word.span.start).is_some_and(|t| t.ends_with('\''));
            if second {
                inside = !inside;
            }
            from = from.max(word.span.end);
            for ch in raw.chars() {
                match ch {
                    '“' | '«' | '„' => inside = true,
                    '”' | '»' => inside = false,
                    '"' => inside = !inside,
                    _ => {}
                }
            }
            inside
        })
        .collect()
}

/// Links a description starting with `the` at word `i`; returns the word after it.
fn description(
    w: &Words,
    lower: &[&str],
    i: usize,
    quoted: &[bool],
    clusters: &mut [Cluster],
) -> Option<usize> {
    let lx = &*LEXICON;
    let sent = w.sentence(i);
    let mut j = i + 1;
    while lower.get(j).is_some_and(|x| DESCRIPTION_ADJECTIVES.contains(x)) {
        j += 1;
    }
    let person_of_country = lx.person_demonym(w.raw.get(j)?);
    let country = person_of_country.or_else(|| {
        lx.country_of(w.raw[j]).filter(|_| w.raw[j].chars().next().is_some_and(char::is_uppercase))
    });
    if country.is_some() {
        j += 1;
    }
    // A noun for a person of a country (`the Dutchman`) or one of an age (`the
    // 58-year-old`) describes a person of any office; the age must be the one the text gave.
    let age = if country.is_none() { age_at(lower, j) } else { None };
    // Where a description with modifiers starts (see below).
    let mut described = None;
    let (end, kind, matches, age) = if person_of_country.is_some() {
        (j, EntityType::Person, None, None)
    } else if let Some((k, years)) = age {
        (j + k, EntityType::Person, None, Some(years))
    } else {
        // (Lowercase words before a noun for a person must be ones the text described the
        // person with: `the opposition leader` after `Zambia's main opposition leader, Chanda
        // Mwansa`, never the president.)
        let plain = |k: usize| {
            w.raw.get(k).is_some_and(|r| r.chars().all(|c| c.is_lowercase()))
                && !PREPOSITIONS.contains(&lower[k])
                && !matches!(lower[k], "who" | "that" | "which" | "said" | "is" | "was")
        };
        let modifiers = (0..=2).take_while(|&m| m == 0 || plain(j + m - 1)).find(|&m| {
            lx.longest(&lx.role_nouns, lower, j + m).is_some_and(|(_, n)| m == 0 || n.kind == "PERSON")
        })?;
        if modifiers > 0 {
            described = Some(j);
        }
        let j = j + modifiers;
        let (k, noun) = lx.longest(&lx.role_nouns, lower, j)?;
        let kind = match noun.kind.as_str() {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            _ => EntityType::Location,
        };
        (j + k, kind, Some(noun.matches.as_str()), None)
    };
    // (Inside a quotation, a bare description of a person is too often someone the speaker
    // talks of or to: `I speak to the chairman every week` is not the speaker. Only a person
    // named with that very office is meant there.)
    if quoted.get(i) == Some(&true) && kind == EntityType::Person && matches.is_none_or(|t| t == "head") {
        return None;
    }
    if end < lower.len() && w.sentence(end) == sent {
        let next = w.raw[end];
        if lower[end] == "of" || next.chars().next().is_some_and(char::is_uppercase) && lower[end] != "'s" {
            return None;
        }
        // (Nor a body's noun written as a name's word before its `for`: `the American
        // Association for Justice`.)
        let capital = w.raw[end - 1].chars().next().is_some_and(char::is_uppercase);
        if kind == EntityType::Org && capital && matches!(lower[end], "for" | "on" | "against") {
            return None;
        }
        // (Nor `authority` as a power: `gives the agency the authority to issue rules`.)
        if lower[end - 1] == "authority" && matches!(lower[end], "to" | "over") {
            return None;
        }
        // (A noun for people after it heads the phrase: `the committee chairmen`.)
        let singular = lower[end].strip_suffix("men").map(|w| format!("{w}man"));
        let people = singular.as_deref().or_else(|| lower[end].strip_suffix('s')).unwrap_or(lower[end]);
        if lx.person_nouns.contains(people) || lx.person_nouns.contains(lower[end]) {
            return None;
        }
    }
    let window = if kind == EntityType::Person { 6 } else { 2 };
    let best = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == kind)
        .filter_map(|(n, c)| {
            let last = c.last_before(i)?;
            let country_fit = match (country, c.country.or(person_country(c))) {
                (Some(a), Some(b)) if a != b => return None,
                (Some(_), Some(_)) => 2,
                (Some(_), None) => 1,
                _ => 1,
            };
            if age.is_some_and(|years| given_age(w, lower, c).is_some_and(|a| a != years)) {
                return None;
            }
            let Some(matches) = matches else {
                let age_fit = if age.is_some() && given_age(w, lower, c) == age { 2 } else { 1 };
                let last = c.last_before_where(i, |p| !quoted[p])?;
                if w.sentence(last) + window < sent {
                    return None;
                }
                return Some((n, (country_fit, age_fit, last)));
            };
            if let Some(a) = described {
                if !described_with(w, lower, c, &lower[a..end]) || w.sentence(last) + TITLED_REACH < sent {
                    return None;
                }
                return Some((n, (country_fit, 2, last)));
            }
            let title_fit = match (kind, matches) {
                (EntityType::Person, "head") => match &c.title {
                    Some((_, tk)) if tk == "head" => 2,
                    Some(_) => return None,
                    None => 1,
                },
                // (`the minister` fits a `Transport Minister`: a modifier the text put before
                // the office leaves it the same office.)
                (EntityType::Person, t) => match &c.title {
                    // (Not a deputy's: a `Vice President` is no `the president`.)
                    Some((name, _))
                        if name == t
                            || name.strip_suffix(t).is_some_and(|m| {
                                m.ends_with(' ') && !DEPUTIES.iter().any(|d| m.trim_end().ends_with(d))
                            }) =>
                    {
                        2
                    }
                    Some(_) => return None,
                    None => 1,
                },
                (EntityType::Org, "any") => 1,
                // (A word in the name, one of several: `Agency|Authority|…` for `the agency`;
                // `INITIALISM` admits a name in capitals, which may stand for such a name:
                // `the FBI`, `the CIA`.)
                (EntityType::Org, t) => {
                    let name = c.name.to_lowercase();
                    let initialism = c.name.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.');
                    let fits = |t: &str| {
                        if t == "BUSINESS" {
                            // (A central bank is a public body too: `the firm` is never the
                            // Nordic Central Bank.)
                            !c.name.split(' ').any(|w| PUBLIC_BODIES.contains(&w))
                                && !c.name.contains("Central Bank")
                        } else if t == "INITIALISM" {
                            initialism
                        } else {
                            name.contains(&t.to_lowercase())
                        }
                    };
                    if t.split('|').any(fits) {
                        // (Above all, within reach, a body the text set this noun beside: `the
                        // utility` for `Danubia Energie, the state-owned utility building the
                        // dam,` rather than a news agency named since. Not further back:
                        // `the company` is too many bodies' noun.)
                        if apposed_with(w, lower, c, lower[end - 1]) {
                            3
                        } else {
                            2
                        }
                    } else {
                        return None;
                    }
                }
                (_, t) => {
                    if c.subtype == Some(if t == "country" { "country" } else { "city" }) {
                        2
                    } else {
                        return None;
                    }
                }
            };
            // A person holding the very office the noun names is meant further back than
            // any other (`the minister` a dozen sentences after `Transport Minister Oskar Lind`).
            // So is a body whose name holds the noun (`the agency` for the International
            // Testing Agency, `the commission`).
            let named = kind == EntityType::Org && !matches!(matches, "any" | "BUSINESS");
            let reach =
                if title_fit == 2 && (kind == EntityType::Person || named) { TITLED_REACH } else { window };
            if w.sentence(last) + reach < sent {
                return None;
            }
            // (Inside a quotation, only the holder of that very office: see above.)
            if quoted[i] && kind == EntityType::Person && title_fit < 2 {
                return None;
            }
            Some((n, (country_fit, title_fit, last)))
        })
        .max_by_key(|(_, s)| *s);
    let (n, _) = best?;
    let m = w.mention(i, end, MentionForm::Description)?;
    let c = &mut clusters[n];
    if c.country.is_none() && kind == EntityType::Person {
        c.country = country;
    }
    c.add(i, m, false);
    Some(end)
}

/// Whether the text describes a person with `phrase` (lowercase words) right before or in
/// apposition after one of its names: `main opposition leader, Chanda Mwansa`, `opposition
/// leader Chanda Mwansa`, `Chanda Mwansa, the opposition leader,`.
fn described_with(w: &Words, lower: &[&str], c: &Cluster, phrase: &[&str]) -> bool {
    let n = phrase.len();
    c.name_pos.iter().any(|&p| {
        let before = |end: usize| end >= n && lower[end - n..end] == *phrase;
        if before(p) || (p > 0 && lower[p - 1] == "," && before(p - 1)) {
            return true;
        }
        apposition(w, lower, p).is_some_and(|(_, close)| before(close))
    })
}

/// The apposition right after a name starting at word `p`: the comma that opens it, before
/// `a|an|the`, and the comma or full stop that closes it (`Chanda Mwansa, the opposition
/// leader,`).
fn apposition(w: &Words, lower: &[&str], p: usize) -> Option<(usize, usize)> {
    let comma = (p + 1..(p + 6).min(lower.len())).find(|&k| lower[k] == ",")?;
    let named = (p..comma).all(|k| w.raw[k].chars().next().is_some_and(char::is_uppercase));
    let close = (comma + 1..(comma + 10).min(lower.len())).find(|&k| matches!(lower[k], "," | "." | ";"))?;
    (named && matches!(lower.get(comma + 1), Some(&("a" | "an" | "the")))).then_some((comma, close))
}

/// Whether an apposition right after one of the names of `c` holds the word `noun`: `Danubia
/// Energie, the state-owned utility building the dam,` for `utility`.
fn apposed_with(w: &Words, lower: &[&str], c: &Cluster, noun: &str) -> bool {
    c.name_pos.iter().any(|&p| {
        apposition(w, lower, p).is_some_and(|(comma, close)| lower[comma + 2..close].contains(&noun))
    })
}

/// A person's country from the list of leaders, when the text gave none.
fn person_country(c: &Cluster) -> Option<usize> {
    if c.kind != EntityType::Person {
        return None;
    }
    LEXICON.leaders.get(&c.name.to_lowercase()).and_then(|l| l.country)
}

/// An age as a noun at word `j` (`58-year-old`, or `58`, `-`, `year`, `-`, `old`): its words
/// and the years.
fn age_at(lower: &[&str], j: usize) -> Option<(usize, u32)> {
    let first = lower.get(j)?;
    let (digits, words) = match first.strip_suffix("-year-old") {
        Some(d) => (d, 1),
        None if lower.get(j + 1..j + 5) == Some(&["-", "year", "-", "old"][..]) => (*first, 5),
        None => return None,
    };
    let years: u32 = digits.parse().ok()?;
    // (`the 58-year-old striker`: a noun after the age heads another description.)
    // (No part-of-speech tags here: a verb after it mostly ends in `-ed` or `-s`, or is an
    // auxiliary or a verb of saying of irregular form.)
    let next = lower.get(j + words).copied().unwrap_or(".");
    let verb_after = !next.chars().next().is_some_and(char::is_alphabetic)
        || next.ends_with("ed")
        || next.ends_with('s') && !next.ends_with("ss")
        || matches!(
            next,
            "is" | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "said"
                | "told"
                | "who"
                | "and"
                | "also"
                | "then"
                | "later"
                | "now"
                | "did"
                | "does"
        );
    ((1..=120).contains(&years) && verb_after).then_some((words, years))
}

/// The age the text gives a person right after one of its names (`Petter Brandvold, 61,`).
fn given_age(w: &Words, lower: &[&str], c: &Cluster) -> Option<u32> {
    c.name_pos.iter().find_map(|&p| {
        let comma = (p + 1..(p + 6).min(lower.len())).find(|&k| lower[k] == ",")?;
        let named = (p..comma).all(|k| w.raw[k].chars().next().is_some_and(char::is_uppercase));
        let years = w.raw.get(comma + 1)?.parse::<u32>().ok()?;
        (named && lower.get(comma + 2) == Some(&",")).then_some(years)
    })
}
