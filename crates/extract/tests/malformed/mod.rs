//! A proptest generator of malformed HTML, shared by the differential tests.

use proptest::prelude::*;

/// Pieces of malformed HTML: markup openers and closers, quotes, references, comments,
/// CDATA, NUL, raw-text elements, names and words.
pub fn piece() -> impl Strategy<Value = String> {
    #[rustfmt::skip]
    let fixed = prop::sample::select(vec![
        "<", "</", ">", "/", "/>", "=", "\"", "'", " ", "\n", "\r\n", "\r", "\t", "\0", "-", "--", "---",
        "!", "?", "&", "&amp;", "&amp", "&notanentity;", "&not", "&notin;", "&#x1F600;", "&#0;", "&#128;",
        "&#13;", "&#x110000;", "&#", "&#x;", "&copy=", "&lt", "&LT;", "&gt=", "&amp;amp;", "&#X41;", "&#x41g",
        "&nbsp", "&nbspx", "&é", "&CounterClockwiseContourIntegral;", "&Counter", "&#0000000000065;",
        "&#x00000000000041", "&#99999999999;", "&#x80;", "&#x81;", "&#x9F;", "&#xFFFE;", "&#x1FFFF;",
        "&#x01;", "&#x7F;", "<!--", "-->", "--!>", "<!-", "<!", "<?", "<!---->", "<!--->", "<!-->",
        "<![CDATA[", "]]>", "<!DOCTYPE html>", "<!doctype", "<p>", "</p>", "<div class=a>", "<a", "<b ",
        "<é", "</é", "'/>", "\"/>", "=\"", "='", "= ", "<script>", "</script>", "</script ", "<script",
        "<script ", "<!--<script>", "<SCRIPT>", "</Script>", "</script/>", "</script\t", "</scriptx>",
        "<style>", "</style>", "<title>", "</title>", "<TITLE>", "</TiTle>", "<textarea>", "</textarea>",
        "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<noscript>", "</noscript>", "<plaintext>", "<br/>",
        "<img src=x alt='a b'>", "<a href=\"?a=1&copy=2\">", "</a>", "<svg>", "</svg>", "<svg/>",
        "<math>", "</math>", "é", "😀", "\u{FEFF}", "\x0c", "\x0b", "\u{A0}", "<a\x0cb=c\x0c>",
    ]);
    prop_oneof![
        6 => fixed.prop_map(str::to_string),
        2 => "[a-zA-Z]{1,6}",
        2 => "<[a-zA-Z][a-zA-Z0-9-]{0,5}",
        1 => "</[a-zA-Z]{1,6}",
        2 => "[ ]?[a-zA-Z-]{1,4}(=([a-z]{0,3}|\"[a-z &<>']{0,4}\"|'[a-z &\"]{0,4}'))?",
    ]
}
