//! The word lists the attributor reads, compiled in from `data/*.tsv`: cue verbs, function
//! words, source nouns. Loaded once; lookups take lowercase words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const CUE_VERBS: &str = include_str!("../../../data/cue_verbs.tsv");
const QUOTE_WORDS: &str = include_str!("../../../data/quote_words.tsv");
const SOURCE_NOUNS: &str = include_str!("../../../data/source_nouns.tsv");
/// Nouns for a person that stand before a name (`coach Paul Brandt`): sources too.
const PERSON_NOUNS: &str = include_str!("../../../data/person_nouns.tsv");
/// Word classes of the indirect-speech rules (time adverbials, conjunctions).
const INDIRECT_WORDS: &str = include_str!("../../../data/indirect_words.tsv");
/// Cue verb forms learned from PolNeAR's train split (`scripts/derive_polnear_cues.py`).
const LEARNED_CUES: &str = include_str!("../../../data/polnear_cues.tsv");
/// Number words (the amounts and dates stages read the same list): class `number` for those
/// below a hundred (`four in ten said`).
const NUMBER_WORDS: &str = include_str!("../../../data/number_words.tsv");
/// Function words of the amounts stage, whose class `noun` lists nouns in `-ly` (`family`,
/// `assembly`): no adverbs.
const FUNCTION_WORDS: &str = include_str!("../../../data/function_words.tsv");

/// How a cue verb may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Also introduces indirect speech (`X said that ...`).
    Any,
    /// Only next to a direct quote (`"...," she continued`).
    Quote,
}

#[derive(Debug, Clone)]
pub struct CueVerb {
    /// The words of the form (`["point", "out"]`).
    pub words: Vec<String>,
    pub frame: Frame,
    /// A verb of saying or writing (`cue_verbs.tsv` modes `speech` and `written`), not one
    /// only the annotated corpus counts as a cue (`refused`, `talked about`).
    pub saying: bool,
}

pub struct Lexicon {
    /// Cue verbs keyed by their first word.
    cues: HashMap<String, Vec<CueVerb>>,
    classes: HashMap<String, Vec<String>>,
    /// Multi-word entries of `quote_words.tsv` (extensions, addressee phrases), split in words.
    phrases: HashMap<String, Vec<Vec<String>>>,
    source_nouns: HashSet<String>,
    /// Nouns for a person (`colleague`, `spokesman`, `wife`), of `person_nouns.tsv`.
    person_nouns: HashSet<String>,
    /// Cue forms whose subject PolNeAR's annotators count as content, not source (`seems`).
    sourceless: HashSet<String>,
    /// Verbs of seeming (`seems`, `appeared`), sourceless in every use.
    seeming: HashSet<String>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

use newsdesk_model::tsv::rows;

impl Lexicon {
    fn load() -> Self {
        let mut cues: HashMap<String, Vec<CueVerb>> = HashMap::default();
        let mut sourceless = HashSet::default();
        let mut seeming = HashSet::default();
        for row in rows(CUE_VERBS) {
            let Some(form) = row.first() else { continue };
            let frame = if row.get(3) == Some(&"quote") { Frame::Quote } else { Frame::Any };
            let saying = matches!(row.get(2).copied(), Some("speech" | "written"));
            if row.get(2) == Some(&"seeming") {
                sourceless.insert(form.to_lowercase());
                seeming.insert(form.to_lowercase());
            }
            let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first().cloned() else { continue };
            cues.entry(first).or_default().push(CueVerb { words, frame, saying });
        }
        for row in rows(LEARNED_CUES) {
            let Some(form) = row.first().map(|f| f.to_lowercase()) else { continue };
            if row.get(4) == Some(&"no_source") {
                sourceless.insert(form.clone());
            }
            let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
            let Some(first) = words.first().cloned() else { continue };
            let list = cues.entry(first).or_default();
            if words.len() > 1 {
                // A verb with its particle (`talked about`): the cue span holds both.
                if !list.iter().any(|c| c.words == words) {
                    list.push(CueVerb { words, frame: Frame::Any, saying: false });
                }
            } else if row.get(3) == Some(&"quote_only") {
                // Nearly always a noun in news (`the state`): only next to a quotation.
                for c in list.iter_mut().filter(|c| c.words.len() == 1) {
                    c.frame = Frame::Quote;
                }
            } else if let Some(c) = list.iter_mut().find(|c| c.words.len() == 1) {
                // A form listed for direct quotes only that PolNeAR's annotators mark as a cue
                // often enough to be learned (`accused`, `described`, `proposed`) introduces
                // indirect speech too.
                c.frame = Frame::Any;
            } else {
                list.push(CueVerb { words: vec![form], frame: Frame::Any, saying: false });
            }
        }
        for list in cues.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        let mut classes: HashMap<String, Vec<String>> = HashMap::default();
        let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for row in rows(QUOTE_WORDS).chain(rows(INDIRECT_WORDS)) {
            let (Some(word), Some(class)) = (row.first(), row.get(1)) else { continue };
            let word = word.to_lowercase();
            if word.contains(' ') {
                let words = word.split_whitespace().map(str::to_string).collect();
                phrases.entry(class.to_string()).or_default().push(words);
            } else {
                phrases.entry(class.to_string()).or_default().push(vec![word.clone()]);
                classes.entry(word).or_default().push(class.to_string());
            }
        }
        for row in rows(NUMBER_WORDS).filter(|r| matches!(r.get(2).copied(), Some("unit" | "tens"))) {
            if let Some(word) = row.first() {
                classes.entry(word.to_lowercase()).or_default().push("number".to_string());
            }
        }
        for row in rows(FUNCTION_WORDS).filter(|r| r.get(1) == Some(&"noun")) {
            if let Some(word) = row.first() {
                classes.entry(word.to_lowercase()).or_default().push("ly_noun".to_string());
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        let source_nouns = rows(SOURCE_NOUNS)
            .chain(rows(PERSON_NOUNS))
            .filter_map(|r| r.first().map(|w| w.to_lowercase()))
            .collect();
        let person_nouns = rows(PERSON_NOUNS).filter_map(|r| r.first().map(|w| w.to_lowercase())).collect();
        Lexicon { cues, classes, phrases, source_nouns, person_nouns, sourceless, seeming }
    }

    /// The cue verbs whose first word is `lower`, longest first.
    pub fn cues_starting(&self, lower: &str) -> &[CueVerb] {
        self.cues.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }

    /// True when `lower` belongs to word class `class` of `quote_words.tsv`.
    pub fn is(&self, lower: &str, class: &str) -> bool {
        self.classes.get(lower).is_some_and(|c| c.iter().any(|x| x == class))
    }

    /// True for a lowercase word in `-ly` that is an adverb (`grudgingly`), not a noun
    /// (`family`, `rally`).
    pub fn ly_adverb(&self, lower: &str) -> bool {
        lower.len() > 4 && lower.ends_with("ly") && !self.is(lower, "ly_noun")
    }

    /// The phrases (each a list of lowercase words) of class `class`, longest first.
    pub fn phrases(&self, class: &str) -> &[Vec<String>] {
        self.phrases.get(class).map(Vec::as_slice).unwrap_or(&[])
    }

    /// True for cue forms that take no source (`X seems to ...`: `X` is part of the content).
    pub fn is_sourceless(&self, lower: &str) -> bool {
        self.sourceless.contains(lower)
    }

    pub fn is_seeming(&self, lower: &str) -> bool {
        self.seeming.contains(lower)
    }

    pub fn is_source_noun(&self, lower: &str) -> bool {
        self.source_nouns.contains(lower)
    }

    /// A noun for a person, singular or plural (`colleague`, `aides`).
    pub fn is_person_noun(&self, lower: &str) -> bool {
        self.person_nouns.contains(lower)
            || lower.strip_suffix('s').is_some_and(|w| self.person_nouns.contains(w))
    }
}
