//! Sentence boundaries on news-like text: one case a line, the expected sentences in order.

use newsdesk_segment::segment;

fn check(input: &str, expected: &[&str]) {
    let seg = segment(input);
    let got: Vec<&str> = seg.sentences.iter().map(|s| s.slice(input)).collect();
    assert_eq!(got, expected, "input: {input:?}");
}

#[test]
fn sentences() {
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("   \n\n  ", &[]),
        ("Hello world", &["Hello world"]),
        ("The talks ended. Both sides left.", &["The talks ended.", "Both sides left."]),
        ("Why now? Nobody knows! Really.", &["Why now?", "Nobody knows!", "Really."]),
        // Abbreviations, titles and initials do not end a sentence.
        ("Dr. Amara Okafor met Gen. Lee in Lagos.", &["Dr. Amara Okafor met Gen. Lee in Lagos."]),
        (
            "Mr. and Mrs. Tanaka arrived on Aug. 19 at noon.",
            &["Mr. and Mrs. Tanaka arrived on Aug. 19 at noon."],
        ),
        ("The U.S. Senate voted. It passed.", &["The U.S. Senate voted.", "It passed."]),
        (
            "J. K. Rowling wrote it. George W. Bush read it.",
            &["J. K. Rowling wrote it.", "George W. Bush read it."],
        ),
        (
            "Aid reached the U.S. The rest went to Chile.",
            &["Aid reached the U.S.", "The rest went to Chile."],
        ),
        ("Output rose 4.5 percent to 1,270 units.", &["Output rose 4.5 percent to 1,270 units."]),
        ("Acme Inc. said so. Sales rose.", &["Acme Inc. said so.", "Sales rose."]),
        ("See No. 5 and Fig. 2 for details.", &["See No. 5 and Fig. 2 for details."]),
        ("Voters said no. Then the count began.", &["Voters said no.", "Then the count began."]),
        // Site names stay inside a sentence.
        ("News.Az reports this. Reuters.com agrees.", &["News.Az reports this.", "Reuters.com agrees."]),
        (
            "Read more at https://example.org/a.b?c=1. Then leave.",
            &["Read more at https://example.org/a.b?c=1.", "Then leave."],
        ),
        // Glued sentences from scraped pages.
        ("said President Ruto.He also noted the risk.", &["said President Ruto.", "He also noted the risk."]),
        ("the plan is working.The minister agreed.", &["the plan is working.", "The minister agreed."]),
        ("the deal was signed.Macron stated it.", &["the deal was signed.", "Macron stated it."]),
        (
            "\"We will do so.\"Lula stated that it works.",
            &["\"We will do so.\"", "Lula stated that it works."],
        ),
        ("“It is done.”Scholz added more.", &["“It is done.”", "Scholz added more."]),
        // A sentence may end inside a quotation.
        (
            "\"We met today, and we will meet again. It concerns trade,\" said Modi.",
            &["\"We met today, and we will meet again.", "It concerns trade,\" said Modi."],
        ),
        ("She said: “Prices are rising. We must act.”", &["She said: “Prices are rising.", "We must act.”"]),
        ("\"Why?\" he asked. \"Because.\"", &["\"Why?\" he asked.", "\"Because.\""]),
        ("He left. \"We won,\" she said.", &["He left.", "\"We won,\" she said."]),
        (
            "The result (a draw) surprised many. Fans left.",
            &["The result (a draw) surprised many.", "Fans left."],
        ),
        ("It ended (finally.) Then rain.", &["It ended (finally.)", "Then rain."]),
        // A colon before a quotation does not split.
        (
            "The minister emphasized: \"Trade is growing.\"",
            &["The minister emphasized: \"Trade is growing.\""],
        ),
        // An editorial insertion does not split.
        ("about 2 billion [annual trade – ed.] is fair.", &["about 2 billion [annual trade – ed.] is fair."]),
        // Paragraph breaks always split; a line break splits before a capital.
        ("Headline without stop\n\nBody text here.", &["Headline without stop", "Body text here."]),
        ("First line\nSecond line.", &["First line", "Second line."]),
        ("a wrapped\nline continues.", &["a wrapped\nline continues."]),
        ("How much is it? $5.76 for the meal.", &["How much is it?", "$5.76 for the meal."]),
        ("VISAKHA GASES PVT. LTD. is based here.", &["VISAKHA GASES PVT. LTD. is based here."]),
        ("Write to Anna.Berg@example.org today.", &["Write to Anna.Berg@example.org today."]),
        ("Prices rose in 2022. 300 firms closed.", &["Prices rose in 2022.", "300 firms closed."]),
        ("Wait... What happened?", &["Wait...", "What happened?"]),
        ("“The … Lagos team has done its job.”", &["“The … Lagos team has done its job.”"]),
        ("\"Really?\" Bush said. \"Yes.\"", &["\"Really?\" Bush said.", "\"Yes.\""]),
        ("“Enough!” President Lula replied.", &["“Enough!” President Lula replied."]),
        ("“It is over.” Kenya’s team left.", &["“It is over.”", "Kenya’s team left."]),
        ("Sens. Rand Paul and Marco Rubio debated.", &["Sens. Rand Paul and Marco Rubio debated."]),
        ("Россия и Казахстан. Они договорились.", &["Россия и Казахстан.", "Они договорились."]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn paragraphs() {
    let text = "One. Two.\n\nThree.\n \nFour";
    let seg = segment(text);
    let got: Vec<&str> = seg.paragraphs.iter().map(|s| s.slice(text)).collect();
    assert_eq!(got, ["One. Two.", "Three.", "Four"]);
}
