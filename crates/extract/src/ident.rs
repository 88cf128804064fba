//! Article identity and language: a stable id (FNV-1a 64 of the URL, else of the text) and
//! the ISO 639-1 language code (whatlang; "en" when unsure).

use crate::{lexicon, sniff};

/// How much text the language detector reads.
const LANGUAGE_SAMPLE: usize = 1024;

/// FNV-1a 64-bit hash as 16 lowercase hex digits: stable across runs, platforms and versions.
pub fn stable_id(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// ISO 639-1 code of the text's language, "en" when unsure or unknown.
pub fn language(text: &str) -> String {
    detect(text, false).unwrap_or("en").to_string()
}

/// The detected ISO 639-1 code; with `strict`, only a reliable detection of a long sample.
pub fn detect(text: &str, strict: bool) -> Option<&'static str> {
    let sample = sniff::prefix(text, LANGUAGE_SAMPLE);
    if strict && sample.len() < 400 {
        return None;
    }
    whatlang::detect(sample)
        .filter(|info| info.is_reliable() || (!strict && info.confidence() > 0.5))
        .and_then(|info| lexicon::LANGUAGE_CODES.get(info.lang().code()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(language(input), expected, "input: {input:?}");
    }

    #[test]
    fn languages() {
        check("The government announced new measures to support farmers on Monday.", "en");
        check("Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs lundi.", "fr");
        check(
            "Die Regierung hat am Montag neue Maßnahmen zur Unterstützung der Landwirte angekündigt.",
            "de",
        );
        check("", "en");
        check("12 34", "en");
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(stable_id(""), "cbf29ce484222325");
        assert_eq!(stable_id("https://example.com/a"), stable_id("https://example.com/a"));
        assert_ne!(stable_id("a"), stable_id("b"));
    }
}
