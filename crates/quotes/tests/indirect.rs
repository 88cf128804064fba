//! Indirect attribution cases, one line each: the input and every quote found, rendered as
//! `kind|cue|source as written|content`. Sentences written for these tests.

mod common;
use common::check;

#[test]
fn sources_before_the_cue() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Sen. Ann Lee (D-Ore.), a longtime critic, said she would vote no.",
            &["indirect|said|Sen. Ann Lee|she would vote no"],
        ),
        (
            "Tom Hale — a farmer from the valley — says he lost the harvest.",
            &["indirect|says|Tom Hale|he lost the harvest"],
        ),
        (
            "Tom Hale, head of the county board, said his office had received the forms.",
            &["indirect|said|Tom Hale|his office had received the forms"],
        ),
        (
            "The secretary of state said she would visit the port.",
            &["indirect|said|The secretary of state|she would visit the port"],
        ),
        (
            "Hale and others said they could not back the plan.",
            &["indirect|said|Hale and others|they could not back the plan"],
        ),
        ("Many said the fares were too high.", &["indirect|said|Many|the fares were too high"]),
        (
            "In an interview, Tom Hale, a farmer, said the harvest was lost.",
            &["indirect|said|Tom Hale|the harvest was lost"],
        ),
        (
            "Ann Lee said on Tuesday the fares were too high.",
            &["indirect|said|Ann Lee|the fares were too high"],
        ),
        (
            "But opponents say the toll will push drivers away.",
            &["indirect|say|opponents|the toll will push drivers away"],
        ),
        (
            "Ann Lee said she believed that the toll was fair.",
            &["indirect|said|Ann Lee|she believed that the toll was fair"],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn according_to() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Over the long term, according to the ministry, the port will lose money every year.",
            &["indirect|according to|the ministry|the port will lose money every year"],
        ),
        ("According to the ministry, exports rose.", &["indirect|According to|the ministry|exports rose"]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn participles_and_coordinated_cues() {
    let cases: &[(&str, &[&str])] = &[
        ("He left the stage, saying that the vote was rigged.", &["indirect|saying|He|the vote was rigged"]),
        (
            "Ann Lee spoke before adding that the port would reopen.",
            &["indirect|adding|Ann Lee|the port would reopen"],
        ),
        ("She did not name them but did say that she had won.", &["indirect|say|She|she had won"]),
        ("He did not directly criticize his opponent.", &["indirect|criticize|He|his opponent"]),
        ("Voters don't think the toll will fall.", &["indirect|think|Voters|the toll will fall"]),
        (
            "OSLO — The Daily Post ran a story, saying that the port was closed.",
            &["indirect|saying|The Daily Post|the port was closed"],
        ),
        (
            "The mayor grudgingly agreed to sit next to Hale.",
            &["indirect|agreed|The mayor|to sit next to Hale"],
        ),
        ("The mayor left early, pointing to the storm.", &["indirect|pointing to|The mayor|the storm"]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn listed_cues_with_objects() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The mayor accused the council of wasting money.",
            &["indirect|accused|The mayor|the council of wasting money"],
        ),
        ("Ann Lee described the plan as a failure.", &["indirect|described|Ann Lee|the plan as a failure"]),
        (
            "The governor wants a new bridge over the river.",
            &["indirect|wants|The governor|a new bridge over the river"],
        ),
        ("Ann Lee wanted to calm the crowd.", &["indirect|wanted|Ann Lee|to calm the crowd"]),
        ("The mayor called him a coward.", &["indirect|called|The mayor|him a coward"]),
        ("The mayor rejected that argument.", &["indirect|rejected|The mayor|that argument"]),
        (
            "The governor seemed to enjoy the fight.",
            &["indirect|seemed|-|The governor seemed to enjoy the fight"],
        ),
        (
            "Ann Lee proposed a new bridge over the river.",
            &["indirect|proposed|Ann Lee|a new bridge over the river"],
        ),
        ("Ann Lee endorsed Hale.", &["indirect|endorsed|Ann Lee|Hale"]),
        ("The union endorsed Hale last week.", &["indirect|endorsed|The union|Hale"]),
        ("The union backed the new toll plan on Monday.", &["indirect|backed|The union|the new toll plan"]),
        (
            "When asked whether the port would reopen, the mayor smiled.",
            &["indirect|asked|-|whether the port would reopen"],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn sentence_final_attribution_and_datelines() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The two towns signed a water deal on Friday, the governor said.",
            &["indirect|said|the governor|The two towns signed a water deal on Friday"],
        ),
        (
            "Lima, 3 June 2024 — The two towns signed a water deal, the governor said.",
            &["indirect|said|the governor|The two towns signed a water deal"],
        ),
        (
            "OSLO (Wire) — The port will reopen in May, officials said.",
            &["indirect|said|officials|The port will reopen in May"],
        ),
        (
            "The pilot had flown for ten years, the airline said Thursday.",
            &["indirect|said|the airline|The pilot had flown for ten years"],
        ),
        ("That plan was never funded, Ann Lee said.", &["indirect|said|Ann Lee|That plan was never funded"]),
        (
            "But the toll is too high, said Tom Hale, a farmer.",
            &["indirect|said|Tom Hale|But the toll is too high"],
        ),
        (
            "In May the port had no ships — according to the ministry.",
            &["indirect|according to|the ministry|In May the port had no ships"],
        ),
        (
            "The port, Ann Lee said, will reopen in May.",
            &["indirect|said|Ann Lee|The port", "indirect|said|Ann Lee|will reopen in May"],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn findings_of_polls_and_sources_written_oddly() {
    // (`... lead over her rival in a new county poll.` alone: the rules find it, see
    // `indirect::tests`, and the learned check drops it, as it drops most bare poll findings
    // whose cue the tagger does not tag: PolNeAR's annotators mark fewer than the rule finds.)
    let cases: &[(&str, &[&str])] = &[
        (
            "In a survey released Monday, most farmers backed the new toll.",
            &["indirect|In|a survey|most farmers backed the new toll"],
        ),
        ("She lives in a house near the port.", &[]),
        (
            "The mayor fell to 10 percent in the latest city poll released Friday, a collapse after the strike.",
            &["indirect|in|the latest city poll|The mayor fell to 10 percent"],
        ),
        (
            "Most farmers viewed the toll favorably in the spring poll, compared to 30 percent in the fall.",
            &["indirect|in|the spring poll|Most farmers viewed the toll favorably"],
        ),
        (
            "In a county news/state radio poll released Monday, most farmers backed the toll.",
            &["indirect|In|a county news/state radio poll|most farmers backed the toll"],
        ),
        (
            "Ferries ran on time in May, according to recent data from portStats.",
            &["indirect|according to|recent data from portStats|Ferries ran on time in May"],
        ),
        (
            "Ferries ran on time 92 percent of the days according to a port survey.",
            &["indirect|according to|a port survey|Ferries ran on time 92 percent of the days"],
        ),
        (
            "One guide says the ferry leaves at noon, while another says it leaves at one.",
            &["indirect|says|One guide|the ferry leaves at noon", "indirect|says|another|it leaves at one"],
        ),
        (
            "The ferry is cleared to sail again, according to the F.A.A.",
            &["indirect|according to|the F.A.A|The ferry is cleared to sail again"],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn a_clause_before_a_relative_clause_is_no_subject() {
    // `..., which surprised the board, said Jo Park`: the stretch before the relative clause
    // is what was said (a clause of more than six words), not the subject of `said`.
    check(
        "The plan.\n\nThe port lost money on every ship it handled last year, which surprised the board, said Jo Park.",
        &["indirect|said|Jo Park|The port lost money on every ship it handled last year, which surprised the board"],
    );
    check(
        "The plan.\n\nJo Park, who runs the port, said the ships were late.",
        &["indirect|said|Jo Park|the ships were late"],
    );
}
