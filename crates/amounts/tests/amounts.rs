//! Amounts in sentences written for these tests: one case a line, each amount shown as
//! `value unit qualifier "object"` (`-` for none), amounts joined by `; `.

use newsdesk_amounts::find;
use newsdesk_segment::segment;

fn show(text: &str) -> String {
    let seg = segment(text);
    let found = find(text, &seg);
    found
        .iter()
        .map(|a| {
            format!(
                "{} {} {} {:?}",
                a.value,
                a.unit.as_deref().unwrap_or("-"),
                a.qualifier.as_deref().unwrap_or("-"),
                a.object.as_deref().unwrap_or("-")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `None` when `input` gives `expected`, else a description of the difference.
fn check(input: &str, expected: &str) -> Option<String> {
    let got = show(input);
    (got != expected).then(|| format!("{input}\n  want {expected}\n  got  {got}"))
}

#[test]
fn amounts() {
    let cases: &[(&str, &str)] = &[
        // Digits, separators, decimals, scale words and abbreviations.
        ("The plant employs 1,270 workers.", r#"1270 - - "workers""#),
        ("Output reached 4.5 million tonnes.", r#"4500000 t - "Output""#),
        ("The fund raised $4bn last year.", r#"4000000000 USD - "-""#),
        ("Brussels pledged €3.2 billion in aid.", r#"3200000000 EUR - "aid""#),
        ("It cost £250m to build.", r#"250000000 GBP - "-""#),
        ("The deal is worth 40 million Swiss francs.", r#"40000000 CHF - "deal""#),
        ("The pipeline stretches 1,200 km under the sea.", r#"1200 km - "-""#),
        ("Floods displaced 4,500 people in Sindh.", r#"4500 people - "-""#),
        // Number words.
        (
            "Investments exceeding four billion dollars in the Kenyan economy are growing.",
            r#"4000000000 USD over "Investments in the Kenyan economy""#,
        ),
        ("A dozen ministers attended.", r#"12 - - "ministers""#),
        ("Some twenty-five journalists were detained.", r#"25 - about "journalists""#),
        ("One hundred and twenty soldiers crossed the border.", r#"120 - - "soldiers""#),
        // Percentages.
        ("Inflation rose 25% in March.", r#"25 percent - "Inflation""#),
        ("Unemployment fell by 3.1 percent.", r#"3.1 percent - "Unemployment""#),
        ("Nearly 40 per cent of voters stayed home.", r#"40 percent nearly "voters""#),
        // Currencies written as words, codes and symbols.
        ("Trade turnover reached 2 billion manats.", r#"2000000000 AZN - "Trade turnover""#),
        (
            "Kenyan tea exports to Pakistan reached $600 million.",
            r#"600000000 USD - "Kenyan tea exports to Pakistan""#,
        ),
        ("Sales at the plant reached 40 million euros.", r#"40000000 EUR - "Sales at the plant""#),
        (
            "Trade between the two countries exceeded 4.5 billion dollars.",
            r#"4500000000 USD over "Trade between the two countries""#,
        ),
        ("The warming of the planet reached 3.6 degrees.", r#"3.6 degrees - "warming of the planet""#),
        // (`according to` names a source, not what is counted.)
        ("According to two people familiar with the talks, it failed.", r#"2 people - "-""#),
        ("Exports of 300 million roubles were blocked.", r#"300000000 RUB - "Exports""#),
        ("The bank lent USD 50 million to farmers.", r#"50000000 USD - "-""#),
        ("Remittances hit 12 billion rupees in June.", r#"12000000000 INR - "Remittances""#),
        ("Last spring 58 percent of the giving came from students.", r#"58 percent - "the giving""#),
        ("Twelve percent indicated no preference.", r#"12 percent - "-""#),
        ("Ruto leads Odinga 46 percent to 41 percent.", r#"46 percent - "-"; 41 percent - "-""#),
        (
            "Polish investments of more than 500 million euros in the Czech economy prove it.",
            r#"500000000 EUR over "Polish investments in the Czech economy""#,
        ),
        ("A loan of US$2.5 billion was approved.", r#"2500000000 USD - "loan""#),
        ("Turnover hit ₽40bn, the bank said.", r#"40000000000 RUB - "Turnover""#),
        // Qualifiers.
        (
            "More than 85 companies with Turkish capital are operating in Georgia.",
            r#"85 - over "companies with Turkish capital operating in Georgia""#,
        ),
        ("Less than 10% of the budget went to schools.", r#"10 percent under "the budget""#),
        ("About 300 people were evacuated.", r#"300 people about "-""#),
        ("At least 12 people died.", r#"12 people at least "-""#),
        ("Up to 5,000 troops could be sent.", r#"5000 - up to "troops""#),
        ("Almost 2 million refugees fled.", r#"2000000 - nearly "refugees""#),
        ("Sales grew by 200 or more in May.", r#"200 - at least "Sales""#),
        // Editorial insertions name the object.
        (
            "He said that slightly over 3 billion [annual trade – ed.] is fair.",
            r#"3000000000 - over "annual trade""#,
        ),
        ("Roughly 7 million (new subscribers) joined.", r#"7000000 - about "new subscribers""#),
        // Not amounts: years, dates, ordinals, clock times, labels, relative dates.
        ("In 2022 the treaty was signed.", ""),
        ("The vote is on 19 August 2024.", ""),
        ("The summit opens on Aug. 19 at 10:30.", ""),
        ("She finished 3rd in the race.", ""),
        ("Article 5 applies here.", ""),
        ("They met two days ago.", ""),
        ("One of the leaders spoke.", ""),
        ("The list: 1. Kenya 2. Ghana", ""),
        ("The two sides agreed.", ""),
        ("The report came out on 2024-08-19.", ""),
        ("Prices doubled in the 1990s.", ""),
        ("The ban runs through at least 2031.", ""),
        ("Some 2000 troops crossed the border.", r#"2000 - about "troops""#),
        ("The pack includes 4 Tomb Raider titles.", r#"4 - - "Tomb Raider titles""#),
        ("They paid 1 Green and 2 Yellow.", ""),
    ];
    let failed: Vec<String> = cases.iter().filter_map(|(i, e)| check(i, e)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn spans_match_text() {
    let text = "About 40% of 1,270 firms paid $4bn; nearly four billion dollars in all.";
    let seg = segment(text);
    for a in find(text, &seg) {
        assert_eq!(text.get(a.start..a.end), Some(a.text.as_str()));
    }
}
