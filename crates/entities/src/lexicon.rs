//! The linguistic knowledge entities need, read once from `data/*.tsv` (compiled in):
//! countries with their other names, demonyms and capitals, cities, regions, titles, given
//! names, organisation words, description nouns and a list of heads of state.
//!
//! Everything is keyed by lowercase text; multi-word names are matched over words by
//! [`Lexicon::phrase_at`], longest first.

use std::collections::{HashMap as StdHashMap, HashSet};
use std::sync::LazyLock;

/// The lexicon's tables: read-only after loading and keyed by our own data files, so a fast
/// (randomly seeded) hasher is safe; lookups by text words are the tagger's hottest path.
pub type Map<K, V> = StdHashMap<K, V, foldhash::fast::RandomState>;
type HashMap<K, V> = Map<K, V>;

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const CITIES: &str = include_str!("../../../data/cities.tsv");
const REGIONS: &str = include_str!("../../../data/regions.tsv");
const TITLES: &str = include_str!("../../../data/titles.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/first_names.tsv");
const ORG_WORDS: &str = include_str!("../../../data/org_suffixes.tsv");
const ROLE_NOUNS: &str = include_str!("../../../data/role_nouns.tsv");
const PERSON_NOUNS: &str = include_str!("../../../data/person_nouns.tsv");
const LEADERS: &str = include_str!("../../../data/leaders.tsv");
const ORGANISATIONS: &str = include_str!("../../../data/organisations.tsv");

/// One country of `data/countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub capital: String,
    pub iso: String,
}

/// What a phrase of the gazetteer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// Index into [`Lexicon::countries`].
    Country(usize),
    /// A city, with its country when known.
    City(Option<usize>),
    Region,
    /// A demonym (`Azerbaijani`) of the country at this index.
    Demonym(usize),
}

/// A title before a name (`President`, `Foreign Minister`).
#[derive(Debug, Clone)]
pub struct Title {
    /// As written in the data file (`Prime Minister`).
    pub name: String,
    /// `head`, `office`, `honorific`, `military`, `religious`.
    pub kind: String,
}

/// A noun of a definite description (`the company`, `the Russian leader`).
#[derive(Debug, Clone)]
pub struct RoleNoun {
    /// `PERSON`, `ORG` or `LOCATION`.
    pub kind: String,
    /// The title this noun matches, `head` for any head of state, or `any`.
    pub matches: String,
}

/// A head of state or government from `data/leaders.tsv`.
#[derive(Debug, Clone)]
pub struct Leader {
    pub title: String,
    /// A country's name, or an organisation's.
    pub country: Option<usize>,
    pub organisation: Option<String>,
}

/// Given names (lowercase) → `m`, `f` or `u`, found with or without their accents: `Inés`
/// is a given name as `Ines` is, though the list writes one form.
#[derive(Debug, Default)]
pub struct FirstNames(HashMap<String, char>);

impl FirstNames {
    pub fn get(&self, lower: &str) -> Option<&char> {
        self.0.get(lower).or_else(|| without_accents(lower).and_then(|w| self.0.get(&w)))
    }
    pub fn contains_key(&self, lower: &str) -> bool {
        self.get(lower).is_some()
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

/// A lowercase word with the accents of Latin letters taken off (`inés` → `ines`), or `None`
/// when it has none to take off.
pub fn without_accents(lower: &str) -> Option<String> {
    if lower.is_ascii() {
        return None;
    }
    let plain = |c: char| -> char {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ñ' | 'ń' | 'ň' => 'n',
            'ç' | 'ć' | 'č' => 'c',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            'ř' => 'r',
            'ğ' => 'g',
            'ț' | 'ţ' => 't',
            'ď' => 'd',
            c => c,
        }
    };
    let folded: String = lower.chars().map(plain).collect();
    (folded != lower).then_some(folded)
}

/// All the lists, keyed by lowercase text.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    /// Lowercase phrase (words joined by one space) → place.
    pub places: HashMap<String, Place>,
    pub titles: HashMap<String, Title>,
    /// Lowercase given name → `m`, `f` or `u`.
    pub first_names: FirstNames,
    /// Organisation word as written → position (`end`, `start`, `any`).
    pub org_words: HashMap<String, String>,
    pub role_nouns: HashMap<String, RoleNoun>,
    /// Lowercase nouns for a person that stand right before a name (`candidate Jordan Hale`).
    pub person_nouns: HashSet<String, foldhash::fast::RandomState>,
    /// Lowercase full name → leader.
    pub leaders: HashMap<String, Leader>,
    /// Lowercase name or other name of a well-known organisation → its name.
    pub organisations: HashMap<String, String>,
    /// First words of every phrase of two words or more (to stop a lookup early).
    pub phrase_starts: HashSet<String, foldhash::fast::RandomState>,
    /// Longest phrase in words, over places and titles.
    pub max_words: usize,
    /// Per lowercase word, which tables know it ([`WordFlags`]): one lookup tells that most
    /// words are in none, instead of one lookup per table.
    pub word_flags: Map<String, u8>,
}

/// Bits of [`Lexicon::word_flags`].
pub struct WordFlags;

impl WordFlags {
    pub const PLACE: u8 = 1;
    pub const ORGANISATION: u8 = 2;
    pub const TITLE: u8 = 4;
    /// First word of a phrase of two words or more (any table).
    pub const PHRASE_START: u8 = 8;
    pub const FIRST_NAME: u8 = 16;
    /// The lowercase form of an organisation word (those are keyed as written).
    pub const ORG_WORD: u8 = 32;
}

/// The lexicon, parsed once.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

use newsdesk_model::tsv::rows;

fn key(phrase: &str) -> String {
    // One word (what lookups by a word of the text ask): no splitting and joining.
    if !phrase.contains(char::is_whitespace) {
        return phrase.to_lowercase();
    }
    phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lx = Lexicon::default();
        let mut by_iso = HashMap::default();
        for row in rows(COUNTRIES) {
            let [name, others, demonyms, capital, iso, ..] = row[..] else { continue };
            let idx = lx.countries.len();
            lx.countries.push(Country { name: name.into(), capital: capital.into(), iso: iso.into() });
            by_iso.insert(iso.to_string(), idx);
            lx.places.insert(key(name), Place::Country(idx));
            for other in others.split(',').filter(|s| !s.is_empty()) {
                lx.places.insert(key(other), Place::Country(idx));
            }
            for demonym in demonyms.split(',').filter(|s| !s.is_empty()) {
                lx.places.entry(key(demonym)).or_insert(Place::Demonym(idx));
            }
            if !capital.is_empty() {
                lx.places.entry(key(capital)).or_insert(Place::City(Some(idx)));
            }
        }
        for row in rows(CITIES) {
            let [city, iso, ..] = row[..] else { continue };
            lx.places.entry(key(city)).or_insert(Place::City(by_iso.get(iso).copied()));
        }
        for row in rows(REGIONS) {
            if let Some(name) = row.first() {
                lx.places.entry(key(name)).or_insert(Place::Region);
            }
        }
        for row in rows(TITLES) {
            let [name, kind, ..] = row[..] else { continue };
            lx.titles.insert(key(name), Title { name: name.into(), kind: kind.into() });
        }
        for row in rows(FIRST_NAMES) {
            let [name, gender, ..] = row[..] else { continue };
            let g = gender.chars().next().unwrap_or('u');
            let entry = lx.first_names.0.entry(name.to_lowercase()).or_insert(g);
            if *entry != g {
                *entry = 'u';
            }
        }
        for row in rows(ORG_WORDS) {
            let [word, pos, ..] = row[..] else { continue };
            lx.org_words.insert(word.into(), pos.into());
        }
        for row in rows(ROLE_NOUNS) {
            let [noun, kind, matches, ..] = row[..] else { continue };
            lx.role_nouns.insert(key(noun), RoleNoun { kind: kind.into(), matches: matches.into() });
        }
        for row in rows(PERSON_NOUNS) {
            if let [noun, ..] = row[..] {
                lx.person_nouns.insert(key(noun));
            }
        }
        for row in rows(LEADERS) {
            let [name, title, place, ..] = row[..] else { continue };
            let country = by_iso.get(place).copied();
            let organisation = if country.is_none() { Some(place.to_string()) } else { None };
            lx.leaders.insert(key(name), Leader { title: title.into(), country, organisation });
        }
        for row in rows(ORGANISATIONS) {
            let Some(name) = row.first() else { continue };
            lx.organisations.insert(key(name), name.to_string());
            for other in row.get(1).into_iter().flat_map(|o| o.split(',')).filter(|s| !s.is_empty()) {
                lx.organisations.insert(key(other), name.to_string());
            }
        }
        lx.phrase_starts = lx
            .places
            .keys()
            .chain(lx.titles.keys())
            .chain(lx.role_nouns.keys())
            .chain(lx.organisations.keys())
            .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        let mut flags: Map<String, u8> = Map::default();
        let mut mark = |k: &str, bit: u8| *flags.entry(k.to_string()).or_insert(0) |= bit;
        for k in lx.places.keys() {
            mark(k, WordFlags::PLACE);
        }
        for k in lx.organisations.keys() {
            mark(k, WordFlags::ORGANISATION);
        }
        for k in lx.titles.keys() {
            mark(k, WordFlags::TITLE);
        }
        for k in &lx.phrase_starts {
            mark(k, WordFlags::PHRASE_START);
        }
        for k in lx.first_names.keys() {
            mark(k, WordFlags::FIRST_NAME);
        }
        for k in lx.org_words.keys() {
            mark(&k.to_lowercase(), WordFlags::ORG_WORD);
        }
        lx.word_flags = flags;
        lx.max_words = lx
            .places
            .keys()
            .chain(lx.titles.keys())
            .chain(lx.role_nouns.keys())
            .chain(lx.organisations.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        lx
    }

    /// The longest phrase of `table` starting at word `i` of `lower` (lowercase words):
    /// its length in words and its value.
    pub fn longest<'a, V>(
        &self,
        table: &'a HashMap<String, V>,
        lower: &[&str],
        i: usize,
    ) -> Option<(usize, &'a V)> {
        let max = self.max_words.min(lower.len().saturating_sub(i));
        let first = *lower.get(i)?;
        if max == 0 {
            return None;
        }
        let mut best = table.get(first).map(|v| (1, v));
        // Most words start no phrase: one lookup, no allocation.
        if max == 1 || !self.phrase_starts.contains(first) {
            return best;
        }
        let mut buf = String::with_capacity(64);
        buf.push_str(first);
        for (n, word) in (2..).zip(lower.get(i + 1..i + max)?) {
            buf.push(' ');
            buf.push_str(word);
            if let Some(v) = table.get(buf.as_str()) {
                best = Some((n, v));
            }
        }
        best
    }

    /// The [`WordFlags`] of a lowercase word (0: in no table).
    pub fn flags(&self, lower: &str) -> u8 {
        let of = |w: &str| self.word_flags.get(w).copied();
        of(lower).or_else(|| without_accents(lower).and_then(|w| of(&w))).unwrap_or(0)
    }

    /// The place phrase starting at word `i`, longest first.
    pub fn phrase_at(&self, lower: &[&str], i: usize) -> Option<(usize, Place)> {
        self.longest(&self.places, lower, i).map(|(n, p)| (n, *p))
    }

    /// The country index for a demonym or country name (`Russian`, `Russia`).
    pub fn country_of(&self, word: &str) -> Option<usize> {
        match self.places.get(&key(word))? {
            Place::Country(c) | Place::Demonym(c) => Some(*c),
            _ => None,
        }
    }

    /// The country of a noun for one of its people that is no adjective (`Dutchman`,
    /// `Frenchwoman`, `Spaniard`), capitalised.
    pub fn person_demonym(&self, word: &str) -> Option<usize> {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let lower = word.to_lowercase();
        let adjective = match lower.as_str() {
            "spaniard" => "spanish",
            "briton" | "brit" => "british",
            "dane" => "danish",
            "swede" => "swedish",
            "finn" => "finnish",
            "pole" => "polish",
            "turk" => "turkish",
            "scot" => "scottish",
            w => w.strip_suffix("woman").or_else(|| w.strip_suffix("man")).filter(|s| s.len() > 2)?,
        };
        match self.places.get(&key(adjective))? {
            Place::Demonym(c) => Some(*c),
            _ => None,
        }
    }

    /// `m`, `f` or `u` for a given name.
    pub fn gender(&self, first: &str) -> char {
        self.first_names.get(&first.to_lowercase()).copied().unwrap_or('u')
    }
}
