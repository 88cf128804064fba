//! Within-document coreference: groups the names of one text into entities (`Vladimir Putin` /
//! `Putin` / `President Putin`; `EU` / `European Union`; `US` / `United States`), reads titles
//! and countries written before a person's name (`Azerbaijani President Ilham Aliyev`), then
//! hands over to [`crate::anaphora`] for pronouns, descriptions and demonyms, and gathers each
//! entity's attributes (title, country, organisation; a city's country; a country's code).

use crate::lexicon::{Place, LEXICON};
use crate::ner::NameSpan;
use crate::words::Word;
use newsdesk_model::{Entity, EntityType, Mention, MentionForm};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The words of a document with their text.
pub struct Words<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    pub raw: Vec<&'t str>,
    /// Lowercase, curly apostrophes straightened; borrowed when the word already is.
    pub lower: Vec<Cow<'t, str>>,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str, words: Vec<Word>) -> Self {
        let raw: Vec<&str> = words.iter().map(|w| w.span.slice(text)).collect();
        let lower = raw
            .iter()
            .map(|&w| {
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(w.to_lowercase().replace('’', "'"))
                }
            })
            .collect();
        Words { text, words, raw, lower }
    }
    pub(crate) fn sentence(&self, i: usize) -> usize {
        self.words.get(i).map_or(0, |w| w.sentence)
    }
    pub(crate) fn mention(&self, start: usize, end: usize, form: MentionForm) -> Option<Mention> {
        let (a, b) = (self.words.get(start)?.span.start, self.words.get(end.checked_sub(1)?)?.span.end);
        Some(Mention { start: a, end: b, text: self.text.get(a..b)?.to_string(), form })
    }
}

/// An entity being built.
pub(crate) struct Cluster {
    pub(crate) kind: EntityType,
    pub(crate) subtype: Option<&'static str>,
    pub(crate) place: Option<Place>,
    /// The listed organisation it is (`EU` and `European Union` are one).
    pub(crate) org: Option<String>,
    /// Lowercase name words of every name mention (title removed).
    pub(crate) keys: Vec<Vec<String>>,
    pub(crate) name: String,
    pub(crate) gender: char,
    pub(crate) title: Option<(String, String)>,
    pub(crate) country: Option<usize>,
    pub(crate) attributes: BTreeMap<String, String>,
    /// (first word, mention).
    pub(crate) mentions: Vec<(usize, Mention)>,
    /// Sorted first words of name mentions, and of the others (pronouns, descriptions...).
    pub(crate) name_pos: Vec<usize>,
    pub(crate) other_pos: Vec<usize>,
}

impl Cluster {
    pub(crate) fn last_before(&self, pos: usize) -> Option<usize> {
        let before = |v: &[usize]| v.partition_point(|&p| p < pos).checked_sub(1).map(|k| v[k]);
        before(&self.name_pos).max(before(&self.other_pos))
    }

    /// The last mention position before `pos` that `keep` accepts.
    pub(crate) fn last_before_where(&self, pos: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        let before =
            |v: &[usize]| v[..v.partition_point(|&p| p < pos)].iter().rev().copied().find(|&p| keep(p));
        before(&self.name_pos).max(before(&self.other_pos))
    }

    /// Mention positions before `pos` in the same sentence as the last one, newest first.
    pub(crate) fn recent(&self, w: &Words, pos: usize) -> Vec<usize> {
        let Some(last) = self.last_before(pos) else { return Vec::new() };
        let sent = w.sentence(last);
        let mut out = Vec::new();
        for v in [&self.name_pos, &self.other_pos] {
            let k = v.partition_point(|&p| p < pos);
            out.extend(v[..k].iter().rev().take_while(|&&p| w.sentence(p) == sent));
        }
        out
    }

    /// Whether its mention starting at word `m` is a possessor (`the minister's`).
    pub(crate) fn possessor_at(&self, w: &Words, m: usize) -> bool {
        self.word_after(w, m).is_some_and(|next| w.lower[next] == "'s" || w.lower[next] == "'")
    }

    /// The index of the word after its mention starting at word `m`.
    pub(crate) fn word_after(&self, w: &Words, m: usize) -> Option<usize> {
        let (_, mention) = self.mentions.iter().find(|(p, _)| *p == m)?;
        let next = w.words.partition_point(|x| x.span.start < mention.end);
        (next < w.words.len()).then_some(next)
    }

    /// Adds a mention whose first word is `word`. Name mentions come in text order, and so do
    /// the others, so both position lists stay sorted without search.
    pub(crate) fn add(&mut self, word: usize, mention: Mention, from_name: bool) {
        let list = if from_name { &mut self.name_pos } else { &mut self.other_pos };
        if list.last().is_none_or(|&l| l <= word) {
            list.push(word);
        }
        self.mentions.push((word, mention));
    }
}
/// Capitalised words before a title that are not part of it (`The`, `Former President`).
const NOT_IN_TITLE: &[&str] = &[
    "the", "a", "an", "former", "late", "then", "outgoing", "incoming", "new", "current", "ex", "said",
    "but", "and",
];

/// The office [`appositive_title`] gives a name set off as someone's counterpart (`met his
/// Peruvian counterpart, Elmer Schialer,`): that someone's, the last titled person before it
/// in the sentence.
const COUNTERPART: &str = "counterpart";

/// Adjectives of rank or reach that may stand before an office (`regional director`); not
/// `assistant` or `associate`, which make another office (an assistant secretary of state is
/// no Secretary of State).
const RANKS: &[&str] = &["regional", "acting", "interim", "senior", "executive", "managing"];

/// An office in apposition to the person name at words `[a, b)`, after it (`Pavel Novak, the
/// firm's chief executive,`) or before it (`Its chief executive, Pavel Novak,`): the title
/// and its kind. The office closes the apposition or takes a complement (`the minister of
/// health`); a `former` office is no title.
fn appositive_title(
    w: &Words,
    lower: &[&str],
    a: usize,
    b: usize,
) -> Option<((String, String), Option<usize>)> {
    let lx = &*LEXICON;
    let sent = w.sentence(a);
    let same = |k: usize| k < lower.len() && w.sentence(k) == sent;
    // The longest title from word `p`, not an honorific.
    let title_at = |p: usize| {
        (1..=4).rev().filter(|&k| same(p + k - 1)).find_map(|k| {
            // (A religious title only capitalised: `his father, Rafael,` is kin.)
            let kin = |t: &&crate::lexicon::Title| {
                t.kind == "religious" && w.raw[p].starts_with(char::is_lowercase)
            };
            lx.titles
                .get(&lower[p..p + k].join(" "))
                .filter(|t| t.kind != "honorific" && !kin(t))
                .map(|t| (k, t))
        })
    };
    // Past a determiner, a possessive (`the firm's`, `Tessaly Telecom's`) and a country's
    // adjective (`the Russian`): where the office may start, and the country the possessive or
    // the adjective names.
    let opener = |mut p: usize| {
        let mut country = None;
        if same(p) && matches!(lower[p], "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            p += 1;
        }
        // (`'s` a word of its own, or an apostrophe and `s`: the words after it.)
        let possessive = |k: usize| match lower[k] {
            "'s" => Some(k + 1),
            "'" if same(k + 1) && lower[k + 1] == "s" => Some(k + 2),
            _ => None,
        };
        let end = (p + 1..(p + 4).min(lower.len())).take_while(|&k| same(k)).find_map(possessive);
        if let Some(end) = end {
            let owner: Vec<usize> = (p..end).take_while(|&k| possessive(k).is_none()).collect();
            if owner.iter().all(|&k| lower[k].chars().all(char::is_alphanumeric)) {
                country = (owner.len() == 1).then(|| lx.country_of(w.raw[owner[0]])).flatten();
                p = end;
            }
        }
        if same(p) && lx.country_of(w.raw[p]).is_some() && title_at(p).is_none() {
            country = lx.country_of(w.raw[p]);
            p += 1;
        }
        // An organisation's initialism and a rank's adjective before the office (`WHO
        // regional director`, `the acting director`).
        let initialism = |k: usize| w.raw[k].len() >= 2 && w.raw[k].chars().all(|c| c.is_ascii_uppercase());
        if same(p) && title_at(p).is_none() && initialism(p) {
            p += 1;
        }
        if same(p) && title_at(p).is_none() && RANKS.contains(&lower[p]) {
            p += 1;
        }
        (p, country)
    };
    let closes = |k: usize| !same(k) || matches!(lower[k], "," | "." | ";" | "of" | "for" | "at" | "in");
    // (`his Peruvian counterpart`: the office of the person the name is set against, which
    // the caller knows; [`COUNTERPART`] stands for it.)
    let found = |(p, country): (usize, Option<usize>)| {
        if same(p) && matches!(lower[p], "counterpart" | "counterparts") {
            return Some((p + 1, ((COUNTERPART.to_string(), COUNTERPART.to_string()), country)));
        }
        title_at(p).map(|(k, t)| (p + k, ((t.name.clone(), t.kind.clone()), country)))
    };
    // After: `Name, the firm's chief executive, ...`.
    if same(b) && lower[b] == "," {
        if let Some((end, t)) = found(opener(b + 1)) {
            if closes(end) {
                return Some(t);
            }
        }
    }
    // Before: `Its chief executive, Name, ...` from the sentence start, or from a comma
    // after an opening phrase (`Speaking in Bucharest, Romania's health minister, Name, ...`).
    if a >= 2 && lower[a - 1] == "," && same(a - 2) {
        let start = (0..a).rev().take_while(|&k| same(k)).last()?;
        let after_comma = (start..a - 1).rev().find(|&k| lower[k] == ",").map(|k| k + 1);
        // (Or a possessive's, as an object: `met his Peruvian counterpart, Elmer Schialer,`.)
        let possessive = (a.saturating_sub(5).max(start)..a - 1)
            .find(|&k| matches!(lower[k], "his" | "her" | "their" | "its"));
        // (The office may hold its place or body: `The mayor of Vellberg, Katrin Aalto,`.)
        let of_name = |end: usize| {
            end + 1 < a - 1
                && lower[end] == "of"
                && a - 1 - end <= 5
                && (end + 1..a - 1).all(|k| w.raw[k].starts_with(char::is_uppercase) || lower[k] == "the")
        };
        for from in std::iter::once(start).chain(after_comma).chain(possessive) {
            if let Some((end, t)) = found(opener(from)) {
                if end == a - 1 || of_name(end) {
                    return Some(t);
                }
            }
        }
    }
    None
}

/// Builds the entities of a document from its words and the names found in them
/// (word ranges in document word indices, in text order).
pub fn resolve(w: &Words, names: &[NameSpan]) -> Vec<Entity> {
    let lx = &*LEXICON;
    let mut clusters: Vec<Cluster> = Vec::new();
    let lower: Vec<&str> = w.lower.iter().map(|l| &**l).collect();
    let mut covered = vec![false; w.raw.len()];
    let mut in_name = vec![false; w.raw.len()];
    let mut org_ending = std::collections::HashMap::new();
    for (k, n) in names.iter().enumerate() {
        for c in in_name.iter_mut().take(n.end).skip(n.start) {
            *c = true;
        }
        if n.kind == EntityType::Org {
            org_ending.insert(n.end, k);
        }
    }

    // The sentence and office of the last person named with an office.
    let mut last_titled: Option<(usize, (String, String))> = None;
    for span in names {
        let (mut start, end) = (span.start, span.end);
        let name_words: Vec<String> =
            lower[span.start..span.end].to_vec().iter().map(|s| s.to_string()).collect();
        let mut title = None;
        let mut country = None;
        let mut organisation = None;
        if span.kind == EntityType::Person {
            // Titles before the name: `Azerbaijani President`, `Russia's Foreign Minister`.
            let sent = w.sentence(span.start);
            let mut j = span.start;
            'titles: while j > 0 && w.sentence(j - 1) == sent {
                for k in (1..=4.min(j)).rev() {
                    let phrase = lower[j - k..j].join(" ");
                    if let Some(t) = lx.titles.get(&phrase) {
                        if title.is_none() || t.kind != "honorific" {
                            title = Some((t.name.clone(), t.kind.clone()));
                        }
                        j -= k;
                        continue 'titles;
                    }
                }
                break;
            }
            // A capitalised word before an office makes part of it (`Trade Commissioner`).
            if let Some((name, kind)) = title.as_mut() {
                let before = j.checked_sub(1).filter(|&b| {
                    w.sentence(b) == sent && !NOT_IN_TITLE.contains(&lower[b]) && !lower[b].ends_with("'s")
                });
                if let Some(b) = before {
                    let word = w.raw[b];
                    let modifier = word.chars().next().is_some_and(char::is_uppercase)
                        && kind != "honorific"
                        && lx.phrase_at(&lower, b).is_none()
                        && !in_name[b]
                        && !lx.titles.contains_key(lower[b]);
                    if modifier {
                        *name = format!("{word} {name}");
                        j = b;
                    }
                }
            }
            if j < span.start && w.raw[j].chars().next().is_some_and(char::is_uppercase) {
                start = j;
            }
            let mut k = j;
            if k > 0 && (lower[k - 1] == "'s") {
                k -= 1;
            }
            if k > 0 && w.sentence(k - 1) == sent {
                country = lx.country_of(w.raw[k - 1]).filter(|_| j < span.start);
                if let Some(org) = org_ending.get(&k).map(|&n| &names[n]) {
                    organisation = Some(w.raw[org.start..org.end].join(" "));
                }
            }
        }
        if span.kind == EntityType::Person && title.as_ref().is_none_or(|t| t.1 == "honorific") {
            if let Some((t, place)) = appositive_title(w, &lower, span.start, span.end) {
                let theirs = last_titled.as_ref().filter(|(s, _)| *s == w.sentence(span.start));
                title = if t.1 == COUNTERPART { theirs.map(|(_, t)| t.clone()) } else { Some(t) };
                country = country.or(place);
            }
        }
        for c in covered.iter_mut().take(end).skip(start) {
            *c = true;
        }
        let Some(mention) = w.mention(start, end, MentionForm::Name) else { continue };
        let name_text =
            w.mention(span.start, span.end, MentionForm::Name).map(|m| m.text).unwrap_or_default();
        let target = find_cluster(&clusters, span, &name_words);
        let idx = match target {
            Some(i) => i,
            None => {
                let gender = match &title {
                    Some((t, _))
                        if ["King", "Mr.", "Mr", "Sir", "Lord", "Prince", "Emperor", "Sultan", "Emir"]
                            .contains(&t.as_str()) =>
                    {
                        'm'
                    }
                    Some((t, _))
                        if ["Queen", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dame", "Lady", "Princess"]
                            .contains(&t.as_str()) =>
                    {
                        'f'
                    }
                    _ if span.kind == EntityType::Person => {
                        lx.gender(name_words.first().map_or("", |s| s.as_str()))
                    }
                    _ => 'u',
                };
                clusters.push(Cluster {
                    kind: span.kind,
                    subtype: span.subtype,
                    place: span.place,
                    org: listed_org(span, &name_words),
                    keys: Vec::new(),
                    name: String::new(),
                    gender,
                    title: None,
                    country: None,
                    attributes: BTreeMap::new(),
                    mentions: Vec::new(),
                    name_pos: Vec::new(),
                    other_pos: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[idx];
        if name_text.chars().count() > c.name.chars().count() {
            c.name = name_text;
            if c.gender == 'u' && c.kind == EntityType::Person {
                c.gender = lx.gender(name_words.first().map_or("", |s| s.as_str()));
            }
        }
        if !c.keys.contains(&name_words) {
            c.keys.push(name_words);
        }
        if c.title.is_none() || c.title.as_ref().is_some_and(|t| t.1 == "honorific") {
            c.title = title.or(c.title.take());
        }
        c.country = country.or(c.country);
        if let Some(t) = c.title.as_ref().filter(|t| t.1 != "honorific") {
            last_titled = Some((w.sentence(span.start), t.clone()));
        }
        if let Some(org) = organisation {
            c.attributes.entry("organisation".into()).or_insert(org);
        }
        if start < span.start {
            // Both the titled form and the bare name, so either can be looked up.
            if let Some(bare) = w.mention(span.start, span.end, MentionForm::Name) {
                c.add(span.start, bare, true);
            }
        }
        c.mentions.push((start, mention));
        if c.name_pos.last().is_none_or(|&l| l <= span.start) {
            c.name_pos.push(span.start);
        }
    }

    short_org_names(w, &lower, &mut covered, &mut clusters);
    crate::anaphora::link_others(w, &lower, &mut covered, &mut clusters);
    finish(clusters)
}

/// An organisation named in full with a word that ends such names (`SkyBridge Airlines`,
/// `Acme Holdings`) is named again by its first word alone (`SkyBridge said ...`), which the
/// tagger may miss at a sentence's start: every capitalised occurrence of that word outside
/// a name becomes a mention, unless the word is also written in lowercase in the text (a
/// common word: `United Airlines` and `united`).
fn short_org_names(w: &Words, lower: &[&str], covered: &mut [bool], clusters: &mut [Cluster]) {
    let lx = &*LEXICON;
    let lowercase: std::collections::HashSet<&str> =
        w.raw.iter().filter(|r| r.chars().next().is_some_and(char::is_lowercase)).copied().collect();
    // Each short name and its cluster (the first cluster to claim it), then one pass over the
    // words: linear however many organisations a page names.
    let mut short: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, c) in clusters.iter().enumerate().filter(|(_, c)| c.kind == EntityType::Org) {
        let Some(&first) = c.name_pos.first() else { continue };
        let (Some(head), Some(last)) = (w.raw.get(first), w.raw.get(first + 1)) else { continue };
        let ends_name = lx.org_words.get(*last).is_some_and(|pos| pos != "start");
        let word = lower[first];
        let distinct = head.chars().count() >= 3
            && head.chars().all(char::is_alphanumeric)
            && head.chars().next().is_some_and(char::is_uppercase)
            && !lowercase.contains(word)
            // (Nor an adjective: `Republican Party`, `European Council`, `Islamic Center`.)
            && !["an", "ic", "ish", "ese", "al", "ian"].iter().any(|end| word.ends_with(end))
            && !lx.org_words.contains_key(*head)
            && lx.phrase_at(lower, first).is_none()
            && lx.flags(word) == 0;
        if ends_name && distinct && !c.keys.iter().any(|k| k.len() == 1) {
            short.entry(*head).or_insert(k);
        }
    }
    if short.is_empty() {
        return;
    }
    for (i, done) in covered.iter_mut().enumerate() {
        // (Not the first word of another name: `Daily Beast` after `Daily News`.)
        let next_cap = w.raw.get(i + 1).is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
        let Some(&k) = short.get(w.raw[i]) else { continue };
        if *done || next_cap {
            continue;
        }
        if let Some(m) = w.mention(i, i + 1, MentionForm::Name) {
            *done = true;
            // (Found after the names, so kept in text order here.)
            let c = &mut clusters[k];
            let at = c.name_pos.partition_point(|&p| p < i);
            c.name_pos.insert(at, i);
            c.mentions.push((i, m));
        }
    }
    // The tagger may have made the short name alone a person, a place or an organisation of
    // its own (`Orvel's shares rose`): that entity is the organisation too, before any pronoun can go to it;
    // unless a person of the text bears that name (`Clinton` and the Clinton Foundation).
    for (head, &k) in &short {
        let key = head.to_lowercase();
        let borne = clusters
            .iter()
            .any(|c| c.kind == EntityType::Person && c.keys.iter().any(|n| n.len() > 1 && n.contains(&key)));
        if borne {
            continue;
        }
        for o in 0..clusters.len() {
            let other = &clusters[o];
            let alone = !other.keys.is_empty() && other.keys.iter().all(|n| n.len() == 1 && n[0] == key);
            // (Also an organisation of its own: `a SkyNorth spokesman` after `SkyNorth
            // Airlines`; not a listed one.)
            if o == k || other.org.is_some() || other.title.is_some() || other.place.is_some() || !alone {
                continue;
            }
            let mentions = std::mem::take(&mut clusters[o].mentions);
            let names = std::mem::take(&mut clusters[o].name_pos);
            clusters[o].keys.clear();
            let c = &mut clusters[k];
            for p in names {
                let at = c.name_pos.partition_point(|&x| x < p);
                c.name_pos.insert(at, p);
            }
            c.mentions.extend(mentions);
        }
    }
}

/// The cluster a name mention belongs to, if any.
fn find_cluster(clusters: &[Cluster], span: &NameSpan, words: &[String]) -> Option<usize> {
    let place_key = |p: &Option<Place>| match p {
        Some(Place::Country(c)) => Some(*c),
        _ => None,
    };
    // Same listed country (`US` / `United States`).
    if let Some(c) = place_key(&span.place) {
        return clusters.iter().rposition(|cl| place_key(&cl.place) == Some(c));
    }
    if let Some(org) = listed_org(span, words) {
        if let Some(i) = clusters.iter().rposition(|cl| cl.org.as_deref() == Some(org.as_str())) {
            return Some(i);
        }
    }
    if let Some(i) = clusters.iter().rposition(|cl| cl.keys.iter().any(|k| k == words)) {
        return Some(i);
    }
    // An organisation's name with or without its legal form (`Nordsjø Dredging AS`).
    let bare = without_legal_form(words);
    let org = |cl: &Cluster| cl.kind == EntityType::Org || span.kind == EntityType::Org;
    if let Some(i) = clusters.iter().rposition(|cl| {
        org(cl) && cl.keys.iter().any(|k| k.len() != words.len() && without_legal_form(k) == bare)
    }) {
        return Some(i);
    }
    // An organisation's last name word alone names the one organisation of the text whose name
    // it ends (`Commission` after `European Commission`, `Post` after `The Washington Post`);
    // not `House`, a body of its own beside the White House.
    let ends = |cl: &Cluster| {
        words[0] != "house"
            && cl.kind == EntityType::Org
            && cl.keys.iter().any(|k| k.len() >= 2 && k.last() == words.first())
    };
    if words.len() == 1 && span.kind == EntityType::Org && clusters.iter().filter(|cl| ends(cl)).count() == 1
    {
        return clusters.iter().position(ends);
    }
    // A listed given name alone names the one person of the text it opens the name of
    // (`Petter` after `Petter Brandvold`).
    let given =
        words.len() == 1 && span.kind == EntityType::Person && LEXICON.first_names.contains_key(&words[0]);
    let opens = |cl: &Cluster| {
        cl.kind == EntityType::Person && cl.keys.iter().any(|k| k.len() >= 2 && k[0] == words[0])
    };
    if given && clusters.iter().filter(|cl| opens(cl)).count() == 1 {
        return clusters.iter().position(opens);
    }
    let is_person = span.kind == EntityType::Person;
    let listed = span.place.is_some();
    clusters.iter().rposition(|cl| {
        if cl.kind != EntityType::Person || listed {
            return false;
        }
        // `Bill Clinton` is not `Hillary Clinton`, though both are `Clinton`.
        let conflict = words.len() >= 2
            && cl.keys.iter().any(|k| k.len() >= 2 && !k.ends_with(words) && !words.ends_with(k));
        if conflict {
            return false;
        }
        cl.keys.iter().any(|k| {
            let (short, long): (&[String], &[String]) =
                if k.len() <= words.len() { (k, words) } else { (words, k) };
            // `Putin` within `Vladimir Putin`; a non-person span only as the surname.
            short.len() < long.len()
                && long.ends_with(short)
                && (is_person || short.len() == 1)
                && short.iter().all(|s| s.chars().count() > 1)
        })
    })
}

/// Words that give a company's legal form after its name (`AS`, `Inc.`, `GmbH`).
const LEGAL_FORMS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "gmbh", "sa", "s.a.",
    "nv", "n.v.", "bv", "b.v.", "as", "asa", "ab", "oy", "oyj", "spa", "pty", "limited",
];

/// A name's words without a legal form after them.
fn without_legal_form(words: &[String]) -> &[String] {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && LEGAL_FORMS.contains(&last.as_str()) => rest,
        _ => words,
    }
}

/// The listed organisation an ORG name is (its canonical name).
pub(crate) fn listed_org(span: &NameSpan, words: &[String]) -> Option<String> {
    if span.kind != EntityType::Org {
        return None;
    }
    LEXICON.organisations.get(&words.join(" ")).cloned()
}
fn finish(mut clusters: Vec<Cluster>) -> Vec<Entity> {
    let lx = &*LEXICON;
    for c in clusters.iter_mut() {
        c.mentions.sort_by_key(|(_, m)| (m.start, m.end));
        c.mentions.dedup_by(|b, a| b.1.start == a.1.start && b.1.end == a.1.end);
        if c.kind == EntityType::Person {
            if let Some(leader) = lx.leaders.get(&c.name.to_lowercase()) {
                // Only the country: a listed title may be out of date for the text's time.
                c.country = c.country.or(leader.country);
                if let Some(org) = &leader.organisation {
                    c.attributes.entry("organisation".into()).or_insert(org.clone());
                }
            }
        }
        if let Some((t, _)) = &c.title {
            c.attributes.insert("title".into(), t.clone());
        }
        let country = match c.place {
            Some(Place::City(Some(k))) => Some(k),
            _ => c.country,
        };
        if let Some(k) = country.and_then(|k| lx.countries.get(k)) {
            c.attributes.insert("country".into(), k.name.clone());
        }
        if let Some(Place::Country(k)) = c.place {
            if let Some(country) = lx.countries.get(k) {
                c.name = country.name.clone();
                c.attributes.insert("code".into(), country.iso.clone());
            }
        }
    }
    clusters.retain(|c| !c.mentions.is_empty());
    clusters.sort_by_key(|c| c.mentions.first().map(|(_, m)| m.start));
    clusters
        .into_iter()
        .enumerate()
        .map(|(n, c)| Entity {
            id: format!("e{}", n + 1),
            kind: c.kind,
            subtype: c.subtype.map(str::to_string),
            name: if c.name.is_empty() { c.mentions[0].1.text.clone() } else { c.name },
            attributes: c.attributes,
            mentions: c.mentions.into_iter().map(|(_, m)| m).collect(),
        })
        .collect()
}
