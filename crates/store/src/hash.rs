//! A stable content fingerprint for deduplication: two independent 64-bit FNV-1a hashes of
//! the whitespace-normalised text, as 32 hex digits. Stable across Rust versions and machines
//! (unlike `std`'s `DefaultHasher`), which matters because it is stored on disk.

const OFFSET_A: u64 = 0xcbf2_9ce4_8422_2325;
const OFFSET_B: u64 = 0x6c62_272e_07bb_0142;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Fingerprint of `text`: runs of whitespace count as one space, leading/trailing ignored, so
/// the same article re-scraped with different line breaks still deduplicates.
pub fn content_hash(text: &str) -> String {
    let (mut a, mut b) = (OFFSET_A, OFFSET_B);
    let mut feed = |byte: u8| {
        a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
        b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(PRIME);
    };
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            feed(b' ');
        }
        word.bytes().for_each(&mut feed);
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn whitespace_does_not_matter_words_do() {
        let cases = [
            ("a b", " a\n\n b ", true),
            ("a b", "a  b", true),
            ("a b", "ab", false),
            ("The minister said", "The minister says", false),
        ];
        for (x, y, same) in cases {
            assert_eq!(content_hash(x) == content_hash(y), same, "{x:?} vs {y:?}");
        }
        assert_eq!(content_hash("x").len(), 32);
    }
}
