//! Tokens on news-like text: one case a line, the expected token texts joined by `|`.

use newsdesk_segment::{segment, TokenKind};

fn check(input: &str, expected: &str) {
    let seg = segment(input);
    let got: Vec<&str> = seg.tokens.iter().map(|t| t.text(input)).collect();
    assert_eq!(got.join("|"), expected, "input: {input:?}");
}

#[test]
fn tokens() {
    let cases: &[(&str, &str)] = &[
        ("More than 1,270 firms", "More|than|1,270|firms"),
        ("grew 4.5% to $4bn", "grew|4.5|%|to|$|4|bn"),
        ("€3.2 billion", "€|3.2|billion"),
        ("a limited-format meeting", "a|limited-format|meeting"),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart|Tokayev"),
        ("Russia’s role", "Russia|’s|role"),
        ("Kenya's capital", "Kenya|'s|capital"),
        ("they don't know", "they|do|n't|know"),
        ("we'll see, I'm sure", "we|'ll|see|,|I|'m|sure"),
        ("O'Brien said", "O'Brien|said"),
        ("the countries’ leaders", "the|countries|’|leaders"),
        ("News.Az reports", "News.Az|reports"),
        ("via bbc.co.uk today", "via|bbc.co.uk|today"),
        ("Putin.He also", "Putin|.|He|also"),
        ("implemented.Putin stated", "implemented|.|Putin|stated"),
        ("Astana.Times reports", "Astana.Times|reports"),
        ("the U.S. and e.g. this", "the|U.S.|and|e.g.|this"),
        ("Dr. Smith", "Dr.|Smith"),
        ("J. K. Rowling", "J.|K.|Rowling"),
        ("so.\"Lula", "so|.|\"|Lula"),
        ("“Yes,” he said", "“|Yes|,|”|he|said"),
        ("see https://example.com/x?y=1, then", "see|https://example.com/x?y=1|,|then"),
        ("on the 3rd day", "on|the|3rd|day"),
        ("a 20-year-old man", "a|20-year-old|man"),
        ("2024-08-19", "2024|-|08|-|19"),
        ("wait... what?!", "wait|...|what|?!"),
        ("AT&T and P&G", "AT&T|and|P&G"),
        ("write to kevin.a.boone@example.com now", "write|to|kevin.a.boone@example.com|now"),
        ("[annual turnover – ed.]", "[|annual|turnover|–|ed.|]"),
        ("Café naïve", "Café|naïve"),
        // Text decoded twice keeps its letters' bytes inside the word.
        ("FranÃ§ois and FranÃÂ§ois Hollande", "FranÃ§ois|and|FranÃÂ§ois|Hollande"),
        ("a §5 rule", "a|§|5|rule"),
        ("Москва, 19 августа", "Москва|,|19|августа"),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn kinds() {
    let text = "Sales of $4.5bn, up 3%";
    let kinds: Vec<TokenKind> = segment(text).tokens.iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(kinds, [Word, Word, Symbol, Number, Word, Punct, Word, Number, Symbol]);
}
