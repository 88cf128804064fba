//! Attribution cases, one line each: the input and every quote found, rendered as
//! `kind|cue|source as written|content`. Sentences written for these tests.

use newsdesk_model::{Entity, EntityType, Mention, MentionForm};
use newsdesk_quotes::attribute;
use std::collections::BTreeMap;

mod common;
use common::check;

#[test]
fn direct_speech() {
    check("\"We will win,\" said Jane Doe.", &["direct|said|Jane Doe|We will win,"]);
    check("\"We will win,\" Jane Doe told reporters.", &["direct|told|Jane Doe|We will win,"]);
    check("Jane Doe said, \"We will win.\"", &["direct|said|Jane Doe|We will win."]);
    check(
        "The minister emphasized: “Prices will fall this year.”",
        &["direct|emphasized|The minister|Prices will fall this year."],
    );
    check("He also noted, “The port is open.”", &["direct|noted|He|The port is open."]);
    check("''We will win,'' said Jane Doe.", &["direct|said|Jane Doe|We will win,"]);
    check(
        "“We will win,” said Sen. Jane Doe (D-Ore.), who leads the panel.",
        &["direct|said|Sen. Jane Doe|We will win,"],
    );
    check("“We will win,” Jane Doe, the party leader, said.", &["direct|said|Jane Doe|We will win,"]);
    check(
        "The mayor spoke at noon.\n\nJane Doe wrote on X: “The bridge is safe.”",
        &["direct|wrote|Jane Doe|The bridge is safe."],
    );
    check("\"Who are they?\" Jane Doe said.", &["direct|said|Jane Doe|Who are they?"]);
    check("\"Not again,\" scoffed Jane Doe.", &["direct|scoffed|Jane Doe|Not again,"]);
    check("\"Not again,\" Jane Doe scoffed.", &["direct|scoffed|Jane Doe|Not again,"]);
    check("\"We will win,\" says J.R. Doe, an analyst.", &["direct|says|J.R. Doe|We will win,"]);
    check("\"Not this time,\" Jane Doe shot back.", &["direct|shot back|Jane Doe|Not this time,"]);
    check(
        "Jane Doe, a fellow at the city institute, noted, \"Everyone is waiting.\"",
        &["direct|noted|Jane Doe|Everyone is waiting."],
    );
    check(
        "\"We need the bus,\" Jane Doe, 67, a nurse in Salem, Ore., said on Monday.",
        &["direct|said|Jane Doe|We need the bus,"],
    );
    check("As Jane Doe put it, \"The market decides.\"", &["direct|put it|Jane Doe|The market decides."]);
    check("The crowd chanted, \"Four more years!\"", &["direct|chanted|The crowd|Four more years!"]);
    check("Said Jane Doe, \"We will win.\"", &["direct|Said|Jane Doe|We will win."]);
    check(
        "If the bill passes, she said, \"prices will fall.\"",
        &["mixed|said|she|If the bill passes, she said, \"prices will fall."],
    );
    check("On Monday, Jane Doe said, \"We will win.\"", &["direct|said|Jane Doe|We will win."]);
    check(
        "The fair, held every May, \"brings the town together,\" Jane Doe said.",
        &["mixed|said|Jane Doe|The fair, held every May, \"brings the town together,"],
    );
    check(
        "\"We will win,\" said the secretary of state, who left early.",
        &["direct|said|the secretary of state|We will win,"],
    );
    check("\"Rates will rise,\" Read said.", &["direct|said|Read|Rates will rise,"]);
    check(
        "The campaign issued a statement Tuesday saying, \"We will win this race.\"",
        &["direct|issued a statement Tuesday saying|The campaign|We will win this race."],
    );
    check(
        "Jo Park, who spoke last week, quickly sent out an email to donors stating, \"We will win.\"",
        &["direct|sent out an email to donors stating|Jo Park|We will win."],
    );
    check(
        "The mayor cited a letter saying, \"We will win.\"",
        &["indirect|cited|The mayor|a letter saying", "direct|saying|a letter|We will win."],
    );
    check(
        "Jo Park, citing “the magic of the team,” said the club could win the league.",
        &[
            "direct|citing|Jo Park|the magic of the team,",
            "indirect|said|Jo Park|the club could win the league",
        ],
    );
    check("\"We will win,\" an angry Doe retaliated.", &["direct|retaliated|an angry Doe|We will win,"]);
    check(
        "\"We will win,\" Jane Doe, an analyst at Roe & Park, wrote in a note.",
        &["direct|wrote|Jane Doe|We will win,"],
    );
    check(
        "\"We will win,\" former State director Jane Doe wrote to the board.",
        &["direct|wrote|former State director Jane Doe|We will win,"],
    );
    check(
        "“When they heard, their answer was, ‘How can we help?’” Jane Doe told reporters.",
        &["direct|told|Jane Doe|When they heard, their answer was, ‘How can we help?’"],
    );
    check(
        "Jane Doe stated:\n\n\"The office is no longer about “justice for all” at all. It is politics.\"",
        &["direct|stated|Jane Doe|The office is no longer about “justice for all” at all. It is politics."],
    );
    check(
        "“The claim that the deal “has to do with taxes” shows he has no clue,” wrote Jane Doe.",
        &["direct|wrote|Jane Doe|The claim that the deal “has to do with taxes” shows he has no clue,"],
    );
    check(
        "\"The leaks created a false story\" said Jane Doe, a campaign spokeswoman.",
        &["direct|said|Jane Doe|The leaks created a false story"],
    );
    check("\"Vote early!\" read one.", &["direct|read|one|Vote early!"]);
    check(
        "The town clerk agreed. \"Nobody wants the new road.\"",
        &["direct|agreed|The town clerk|Nobody wants the new road."],
    );
    check(
        "Jo Park, the clerk's spokesman, said in a statement. \"Nobody wants the new road.\"",
        &["direct|said in a statement|Jo Park|Nobody wants the new road."],
    );
    check("\"Markets never fail,\" he mocks.", &["direct|mocks|he|Markets never fail,"]);
    check("\"This is your town,\" it now says.", &["direct|says|it|This is your town,"]);
    check(
        "\"The answer is no,\" the party's nominee riffed on the question.",
        &["direct|riffed|the party's nominee|The answer is no,"],
    );
    check("\"“We need more buses,” Jane Doe said on Monday.", &["direct|said|Jane Doe|We need more buses,"]);
    // A modal that is a first name, and a phrase closing the sentence after a comma-less quote.
    check("\"It is costly,\" said Will Doyle, a professor.", &["direct|said|Will Doyle|It is costly,"]);
    check("\"It is costly,\" Will Doyle said.", &["direct|said|Will Doyle|It is costly,"]);
    check(
        "\"We will not stop\" the campaign said in a statement.",
        &["direct|said|the campaign|We will not stop"],
    );
    // A whole exclamation or question right after its cue, with the sentence going on.
    check("She yelled \"You lie!\" at the mayor.", &["direct|yelled|She|You lie!"]);
    check(
        "Supporters shouted \"Build the road!\" as he spoke.",
        &["direct|shouted|Supporters|Build the road!"],
    );
    // The person told is no content.
    check(
        "The council should have acted years ago, the mayor told a local radio station on Monday.",
        &["indirect|told|the mayor|The council should have acted years ago"],
    );
    // An indirect cue whose whole content is one quotation quotes verbatim.
    check(
        "Jane Doe argues “only the mayor can fix the roads this year.”",
        &["direct|argues|Jane Doe|only the mayor can fix the roads this year."],
    );
    check("She said that “the budget is far too small.”", &["mixed|said|She|“the budget is far too small.”"]);
    // An unlisted verb closing the sentence after a short adjunct (`on Tuesday`).
    check("\"Not again,\" Jane Doe scoffed on Tuesday.", &["direct|scoffed|Jane Doe|Not again,"]);
    // An attribution with no comma before it, followed by a participle clause.
    check(
        "\"The bridge stays open. -J\" Jane Doe tweeted, quoting a local paper.",
        &["direct|tweeted|Jane Doe|The bridge stays open. -J", "indirect|quoting|Jane Doe|a local paper"],
    );
}

#[test]
fn physical_appearance_is_no_cue() {
    check("She appeared on the morning show on Sunday.", &[]);
}

#[test]
fn split_and_continued_quotes() {
    check(
        "\"It is a big moment,\" said Jo Park, a strategist. Unless rivals quit the race, \"he cannot be stopped.\"",
        &[
            "direct|said|Jo Park|It is a big moment,",
            "mixed|said|Jo Park|Unless rivals quit the race, \"he cannot be stopped.",
        ],
    );
    check(
        "\"I cannot back him,\" said Jo Park, a senator. \"He is not fit for the office\" or to lead the army. \"He\" was the word she used.",
        &[
            "direct|said|Jo Park|I cannot back him,",
            "mixed|said|Jo Park|He is not fit for the office\" or to lead the army",
        ],
    );
    check(
        "\"We won,\" said Jo Park. Critics call it \"a disgrace.\"",
        &["direct|said|Jo Park|We won,", "mixed|call|Critics|it \"a disgrace.\""],
    );
    check(
        "\"They won,\" Jane Doe said. \"Fair enough.\"",
        &["direct|said|Jane Doe|They won,", "direct|said|Jane Doe|Fair enough."],
    );
    check(
        "\"We will win,\" Jane Doe said, \"and we will govern.\"",
        &["direct|said|Jane Doe|We will win,", "direct|said|Jane Doe|and we will govern."],
    );
    check(
        "\"We will win,\" Jane Doe said.\n\n\"Nobody can stop us now.\"",
        &["direct|said|Jane Doe|We will win,", "direct|said|Jane Doe|Nobody can stop us now."],
    );
    // A quotation over two paragraphs: no closing mark at the end of the first.
    check(
        "Jane Doe said: \"We will build roads.\n\n\"We will build schools as well.\"",
        &["direct|said|Jane Doe|We will build roads.", "direct|said|Jane Doe|We will build schools as well."],
    );
    // ... with a quotation inside its first paragraph, and the cue a paragraph before it.
    check(
        "Jane Doe stated:\n\n\"The plan isn't about “fairness” any more. It is about power.\n\n\"We will stop it.\"",
        &[
            "direct|stated|Jane Doe|The plan isn't about “fairness” any more. It is about power.",
            "direct|stated|Jane Doe|We will stop it.",
        ],
    );
    // An inner quotation closing the paragraph closes it: no run-on past it.
    check("\"Jo Park walked in, chanting “We win!”\n\nThe crowd cheered.", &["direct|chanting|-|We win!"]);
    // Nor past one a comma introduces as speech in narration (the first mark is a stray one).
    check(
        "\"Jo Park laughed it off, saying, “Only Rosie.” But Kim went on.\n\nThe crowd cheered.",
        &["direct|saying|-|Only Rosie."],
    );
}

#[test]
fn continuations_the_direct_rules_used_to_leave() {
    // A quotation of several sentences carried on past its closing mark.
    check(
        "''It is tinkering,'' said Jo Park, an economist at the institute. ''I would not call it reform. It is a tax increase'' for the top bracket.",
        &[
            "direct|said|Jo Park|It is tinkering,",
            "mixed|said|Jo Park|I would not call it reform. It is a tax increase'' for the top bracket",
        ],
    );
    // After a mixed quote that opens its sentence with a quotation.
    check(
        "\"I admire the mechanics\" of the plan, Jo Park said. \"They are detailed and well built.\"",
        &[
            "mixed|said|Jo Park|\"I admire the mechanics\" of the plan",
            "direct|said|Jo Park|They are detailed and well built.",
        ],
    );
    // A quotation closed by the narrator's relative clause or participle.
    check(
        "\"Members are angry,\" said Jo Park. \"He has been aggressive with the new rule,\" which Park thinks will cost jobs.",
        &[
            "direct|said|Jo Park|Members are angry,",
            "direct|said|Jo Park|He has been aggressive with the new rule,",
            "indirect|thinks|Park|will cost jobs",
        ],
    );
    // `, but "..."` goes on with the cue before it; a word inside the first quotation is no
    // cue for the second.
    check(
        "\"You know, I like Sam,\" he said, but \"when it comes to energy, Sam has a history.\"",
        &[
            "direct|said|he|You know, I like Sam,",
            "direct|said|he|when it comes to energy, Sam has a history.",
        ],
    );
    // A paragraph with a speaker of its own keeps its quotation from the next paragraph's.
    check(
        "\"We have had problems before,\" Jo Park said after the talks. He hinted at nothing. \"Our goal is to set rules for all.\"\n\n\"It is late,\" said Sam Lee.",
        &["direct|said|Jo Park|We have had problems before,", "direct|said|Sam Lee|It is late,"],
    );
}

#[test]
fn a_dash_before_a_second_attribution_ends_the_first() {
    // The first content ends at the dash, and the second starts after its own cue (a
    // learned start never passes a cue).
    check(
        "Jo Park told the Gazette that she was disheartened there have been no other winners since she first won — the singer also pointed that the problem was not with the awards but with the studios.",
        &[
            "indirect|told|Jo Park|she was disheartened there have been no other winners since she first won",
            "indirect|pointed|the singer|the problem was not with the awards but with the studios",
        ],
    );
    check(
        "The mayor explained that the council was referring only to the old bridge - but she also insisted that all of her other statements on the matter had been consistent.",
        &[
            "indirect|explained|The mayor|the council was referring only to the old bridge",
            "indirect|insisted|she|all of her other statements on the matter had been consistent",
        ],
    );
    // A dash around an aside is no such end.
    check(
        "The mayor said the plan - backed by the council - would fail.",
        &["indirect|said|The mayor|the plan - backed by the council - would fail"],
    );
}

#[test]
fn an_apposition_between_hyphens() {
    // A hyphen standing alone between spaces is a dash, as in many agencies' copy.
    check(
        "Jo Park - his partner and co-host - told the Gazette that his doubts turned extreme around 2002.",
        &["indirect|told|Jo Park|his doubts turned extreme around 2002"],
    );
    check(
        "Jo Park — his partner and co-host — told the Gazette that his doubts turned extreme around 2002.",
        &["indirect|told|Jo Park|his doubts turned extreme around 2002"],
    );
}

#[test]
fn headline_single_marks() {
    check(
        "Jane Doe: 'The bridge will open soon.'\n\nThe mayor spoke on Monday.",
        &["direct|:|Jane Doe|The bridge will open soon."],
    );
    check(
        "Voters' verdict on the plan: 'Is that all there is?'\n\nThe plan was late.",
        &["direct|:|Voters|Is that all there is?"],
    );
    // A title-case line is no quotation (the headline rule reads it as before), nor are
    // single marks after the headline.
    check(
        "Jane Doe: 'We Will Win This Time'\n\nThe mayor spoke.",
        &["indirect|:|Jane Doe|'We Will Win This Time'"],
    );
    check("Title\n\nDeck\n\nThe yard had a sign with 'keep out of the yard now' in red.", &[]);
}

#[test]
fn headline_label_is_no_speaker() {
    check(
        "Jane Doe: Taxes will rise next year.\n\nThe mayor spoke on Monday.",
        &["indirect|:|Jane Doe|Taxes will rise next year"],
    );
    // A label naming the kind of piece (`The Latest:`, `Correction:`) says nothing.
    check("The Latest: Taxes will rise next year.\n\nThe mayor spoke on Monday.", &[]);
    check("The mayor spoke on Monday.\n\nCorrection: An earlier version misstated the date.", &[]);
}

#[test]
fn indirect_speech() {
    // (A cue coordinated after another's content shares its source, whatever came before.)
    check(
        "In a statement issued by his spokesman, Ilan Dray, Guterres said he was alarmed by the reports and urged both governments to return to talks.",
        &[
            "indirect|said|Guterres|he was alarmed by the reports",
            "indirect|urged|Guterres|both governments to return to talks",
        ],
    );
    // (A relative clause after `according to X,` is no content of X's attribution.)
    check(
        "Seven people were killed on Tuesday, according to the Red Cross, which said its teams could not reach the villages.",
        &["indirect|according to|the Red Cross|Seven people were killed on Tuesday"],
    );
    check(
        "Taxes will not rise, officials in both cities insist, because costs fell.",
        &[
            "indirect|insist|officials in both cities|Taxes will not rise",
            "indirect|insist|officials in both cities|because costs fell",
        ],
    );
    check(
        "The plan will fail, Jo Park said on Monday at a rally in the capital of the state, adding that taxes would rise.",
        &["indirect|said|Jo Park|The plan will fail", "indirect|adding|Jo Park|taxes would rise"],
    );
    check(
        "Jo Park seems to recognize the problem with the bridge.",
        &["indirect|seems|-|Jo Park seems to recognize the problem with the bridge"],
    );
    check(
        "Officials said that the bridge would reopen in May.",
        &["indirect|said|Officials|the bridge would reopen in May"],
    );
    check(
        "Jane Doe said on Monday that the bridge would reopen.",
        &["indirect|said|Jane Doe|the bridge would reopen"],
    );
    check(
        "The bridge will reopen in May, said Mayor Ann Lee during a visit to the site.",
        &["indirect|said|Mayor Ann Lee|The bridge will reopen in May"],
    );
    check(
        "The port, the mayor said, will reopen in May.",
        &["indirect|said|the mayor|The port", "indirect|said|the mayor|will reopen in May"],
    );
    check(
        "Jane Doe said she was not going to draw that conclusion.",
        &["indirect|said|Jane Doe|she was not going to draw that conclusion"],
    );
    check("Jane Doe complained about the new bridge.", &["indirect|complained|Jane Doe|the new bridge"]);
    check(
        "The union endorsed Jane Doe, praising her plan.",
        &["indirect|endorsed|The union|Jane Doe", "indirect|praising|The union|her plan"],
    );
    check(
        "It is late: According to recent polls, the mayor trails by ten points.",
        &["indirect|According to|recent polls|the mayor trails by ten points"],
    );
    check(
        "Exports fell, according to the state Bureau of Statistics.",
        &["indirect|according to|the state Bureau of Statistics|Exports fell"],
    );
    // (A quotation after `according to X,`: X's; one right after `according to` names the
    // source and is no quote.)
    check(
        "\"We will win,\" Mora said. According to Ellen Marsh, \"the plan is dead.\"",
        &["direct|said|Mora|We will win,", "direct|According to|Ellen Marsh|the plan is dead."],
    );
    let text = "According to \"The Trumps: Three Generations That Built an Empire,\" by Gwenda Blair, \
                Donald told his roommate that he would run.";
    let found = attribute(text, &newsdesk_segment::segment(text), &[]);
    assert!(found.quotes.iter().all(|q| !q.text.contains("roommate")), "{:?}", found.quotes);
    check(
        "Jane Doe said the port was safe, and added that it would reopen.",
        &["indirect|said|Jane Doe|the port was safe", "indirect|added|Jane Doe|it would reopen"],
    );
    check(
        "The bridge will reopen in May, the mayor said.",
        &["indirect|said|the mayor|The bridge will reopen in May"],
    );
    check(
        "According to the ministry, exports rose by a tenth.",
        &["indirect|According to|the ministry|exports rose by a tenth"],
    );
    check(
        "Exports rose by a tenth, according to the ministry.",
        &["indirect|according to|the ministry|Exports rose by a tenth"],
    );
    check(
        "A source familiar with the matter said the deal was close.",
        &["indirect|said|A source familiar with the matter|the deal was close"],
    );
    check(
        "The ministry announced that fares would fall.",
        &["indirect|announced|The ministry|fares would fall"],
    );
    check(
        "Ann Lee, the city's planner, said the heat would last all week.",
        &["indirect|said|Ann Lee|the heat would last all week"],
    );
    // A second attribution after a comma, its subject found only reading back from its cue.
    check(
        "Most voters said they were worried, and more than 4 in 10 said the mayor would fix the roads.",
        &[
            "indirect|said|Most voters|they were worried",
            "indirect|said|4 in 10|the mayor would fix the roads",
        ],
    );
    check(
        "Most voters said they were worried, and four in ten said the mayor would fix the roads.",
        &[
            "indirect|said|Most voters|they were worried",
            "indirect|said|four in ten|the mayor would fix the roads",
        ],
    );
    check(
        "While Jane Doe said the plan was sound, she said there was no money for a case like this.",
        &[
            "indirect|said|Jane Doe|the plan was sound",
            "indirect|said|she|there was no money for a case like this",
        ],
    );
    // An abbreviation that may end a sentence, before a word that opens one, ends it.
    check(
        "Jane Doe says she will wait for the count after 7 p.m. She says “the night will be long.”",
        &[
            "indirect|says|Jane Doe|she will wait for the count after 7 p.m",
            "direct|says|She|the night will be long.",
        ],
    );
}

#[test]
fn mixed_speech() {
    check(
        "\"The vote is stunning,\" since so many cases were decided by one vote, said Jo Park.",
        &["mixed|said|Jo Park|\"The vote is stunning,\" since so many cases were decided by one vote"],
    );
    check(
        "The vote was on the bus plan, which she called \"a waste of money.\"",
        &["mixed|called|she|which she called \"a waste of money."],
    );
    check(
        "She said the plan was “dead on arrival” in the Senate.",
        &["mixed|said|She|the plan was “dead on arrival” in the Senate"],
    );
    check(
        "The party will play the \"woman card,\" Jane Doe said.",
        &["mixed|said|Jane Doe|The party will play the \"woman card,"],
    );
}

#[test]
fn not_speech() {
    check("The so-called “peace plan” was rejected by both sides.", &[]);
    check("She read “War and Peace” on the train.", &[]);
    check("On Tuesday, the council met in the old hall.", &[]);
    check("", &[]);
    check("He hosts a show, “Tales of the City,” the paper reported.", &[]);
    check(
        "\"It was fun,\" said Jane Doe, the star of the show \"Harbor Nights.\"",
        &["direct|said|Jane Doe|It was fun,"],
    );
    check("Jane Doe spoke on her show, \"Harbor Nights.\"", &[]);
    check("Lee leads Roe by 271 pledged delegates as the season ends.", &[]);
    check("The bank has found itself at the center of the crisis.", &[]);
}

#[test]
fn publisher_is_no_speaker() {
    check(
        "Prices will rise, said Economy Minister Tom Hale during a visit, Daily.Example reports.",
        &["indirect|said|Economy Minister Tom Hale|Prices will rise"],
    );
}

fn entity(id: &str, kind: EntityType, text: &str, mentions: &[&str]) -> Entity {
    let mut ms = Vec::new();
    for m in mentions {
        for (start, _) in text.match_indices(m) {
            let end = start + m.len();
            let whole_word = !text[end..].starts_with(char::is_alphanumeric)
                && !text[..start].ends_with(char::is_alphanumeric);
            if whole_word {
                ms.push(Mention { start, end, text: m.to_string(), form: MentionForm::Name });
            }
        }
    }
    ms.sort_by_key(|m| m.start);
    Entity {
        id: id.into(),
        kind,
        subtype: None,
        name: mentions.first().map(|s| s.to_string()).unwrap_or_default(),
        attributes: BTreeMap::new(),
        mentions: ms,
    }
}

/// Checks speaker ids and `reported_by` as `kind|cue|speaker|reported_by`, and the texts of
/// the resolved `you` mentions.
fn check_entities(input: &str, entities: &[Entity], expected: &[&str], you: &[&str]) {
    let seg = newsdesk_segment::segment(input);
    let found = attribute(input, &seg, entities);
    let got: Vec<String> = found
        .quotes
        .iter()
        .map(|q| {
            let kind = format!("{:?}", q.kind).to_lowercase();
            let id = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
            format!("{kind}|{}|{}|{}", q.cue.as_deref().unwrap_or("-"), id(&q.speaker), id(&q.reported_by))
        })
        .collect();
    assert_eq!(got, expected, "input: {input}");
    let mentions: Vec<String> = found.mentions.iter().map(|(id, m)| format!("{id}:{}", m.text)).collect();
    assert_eq!(mentions, you, "you mentions of: {input}");
}

#[test]
fn relative_pronoun_source_is_its_antecedent() {
    let text = "Mayor Ann Lee, who has long opposed the tax, argued that it would hurt small shops.";
    let entities = [entity("e1", EntityType::Person, text, &["Mayor Ann Lee"])];
    check_entities(text, &entities, &["indirect|argued|e1|-"], &[]);
    // (`which` names a body only.)
    let text = "The study was funded by the Heart-Lung Foundation, which said it planned a campaign.";
    let entities = [entity("e1", EntityType::Org, text, &["Heart-Lung Foundation"])];
    check_entities(text, &entities, &["indirect|said|e1|-"], &[]);
    // (Nor does `who` name a place: the fishermen argued, not the region.)
    let text = "The case was brought by an association of fishermen from Upper Austria, who argued that the dam would ruin them.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Upper"]),
        entity("e2", EntityType::Location, text, &["Austria"]),
    ];
    check_entities(text, &entities, &["indirect|argued|-|-"], &[]);
}

#[test]
fn the_speaker_is_the_head_of_the_source_or_the_name_in_apposition_to_it() {
    use EntityType::{Location, Org, Person};
    // An entity as its id, type and mention texts.
    type Named<'a> = (&'a str, EntityType, &'a [&'a str]);
    // (text, its entities, the expected attribution)
    let cases: [(&str, &[Named], &str); 17] = [
        // A person named after a bare noun for a group is none of it: who was arrested.
        (
            "According to police, Jon Smyth, 45, was arrested on Monday.",
            &[("e1", Person, &["Jon Smyth"])],
            "indirect|According to|-|-",
        ),
        // After a noun for one person, the name is who speaks.
        (
            "According to the bank's chief economist, Hanna Voss, a long strike would slow growth.",
            &[("e1", Org, &["the bank's"]), ("e2", Person, &["Hanna Voss"])],
            "indirect|According to|e2|-",
        ),
        // A name a preposition follows heads the source, not the place after it.
        (
            "Senator Tom Becker of Kansas said the bill was unfair.",
            &[("e1", Person, &["Senator Tom Becker"]), ("e2", Location, &["Kansas"])],
            "indirect|said|e1|-",
        ),
        // Annotators take the phrase before the comma as the source; the name after it is
        // who speaks.
        (
            "\"Small farms get crumbs,\" the group's director, Ruth Ames, told reporters.",
            &[("e1", Org, &["the group's"]), ("e2", Person, &["Ruth Ames"])],
            "direct|told|e2|-",
        ),
        (
            "\"It is unfair,\" said a spokeswoman, Anna White.",
            &[("e1", Person, &["Anna White"])],
            "direct|said|e1|-",
        ),
        // A place may come between the phrase and the name, even one taken for a person.
        (
            "The mayor of Westbrook, Carla Nunes, spoke on Monday, saying the city had no choice.",
            &[("e1", Person, &["Westbrook"]), ("e2", Person, &["Carla Nunes"])],
            "indirect|saying|e2|-",
        ),
        // A place after a preposition only qualifies the speaker: no one named speaks.
        (
            "The harbour council of Westbrook said the fares would rise in June.",
            &[("e1", Location, &["Westbrook"])],
            "indirect|said|-|-",
        ),
        (
            "Exit polls taken in Ohio found that most voters had decided early.",
            &[("e1", Location, &["Ohio"])],
            "indirect|found|-|-",
        ),
        // Lowercase modifiers may come before the name's title, but no participle and no
        // function word.
        (
            "Its author, state Sen. Darnell Okafor, said he was deeply disappointed.",
            &[("e1", Person, &["Sen. Darnell Okafor"])],
            "indirect|said|e1|-",
        ),
        (
            "Smith, delivering Cross' speech, said the attack could have been prevented.",
            &[("e1", Person, &["Smith"]), ("e2", Person, &["Cross"])],
            "indirect|said|e1|-",
        ),
        // A possessor before a noun for a person is someone else; before a body, it speaks
        // for it.
        (
            "Mr Whitfield's colleague said the plan was bad.",
            &[("e1", Person, &["Mr Whitfield"])],
            "indirect|said|-|-",
        ),
        (
            "Her party said the plan was bad.",
            &[("e1", Person, &["Her"])],
            "indirect|said|e1|-",
        ),
        // The name may come after a second phrase set off by commas.
        (
            "Mr Whitfield's colleague, the Conservative MP for North Dorset, Helen Crawley, said the plan was bad.",
            &[("e1", Person, &["Mr Whitfield"]), ("e2", Location, &["North Dorset"]), ("e3", Person, &["Helen Crawley"])],
            "indirect|said|e3|-",
        ),
        // The name set off may hold the place its bearer is from.
        (
            "The committee's top Republican, Sen. Wade Harlan of Oklahoma, said he hoped so.",
            &[("e1", Person, &["Sen. Wade Harlan"]), ("e2", Location, &["Oklahoma"])],
            "indirect|said|e1|-",
        ),
        // A place or its adjective may modify the name set off, too.
        (
            "The head of the mission, former Malawian president Grace Phiri, said the vote was calm.",
            &[("e1", Location, &["Malawian"]), ("e2", Person, &["Grace Phiri"])],
            "indirect|said|e2|-",
        ),
        // After a noun for a body, the body's name set off speaks.
        (
            "Ruiz's team, Iberia Pro Cycling, said it had suspended him.",
            &[("e1", Person, &["Ruiz"]), ("e2", Org, &["Iberia Pro Cycling"])],
            "indirect|said|e2|-",
        ),
        // Without a name of a person there, the head still ends the phrase.
        (
            "Bank of America chief executive Brian Moynihan said the bill was unfair.",
            &[("e1", Org, &["Bank of America"]), ("e2", Person, &["Brian Moynihan"])],
            "indirect|said|e2|-",
        ),
    ];
    for (text, named, expected) in cases {
        let entities: Vec<Entity> = named.iter().map(|&(id, kind, ms)| entity(id, kind, text, ms)).collect();
        check_entities(text, &entities, &[expected], &[]);
    }
}

#[test]
fn speakers_and_nested_speech() {
    let text = "Ports will grow, said President Ann Lee during a meeting with Prime Minister Bo Kim.\n\n\
                \"Trade is up,\" said Lee. She added: “You mentioned that the port is a good idea. Your support matters.”";
    let entities = [
        entity("e1", EntityType::Person, text, &["President Ann Lee", "Lee"]),
        entity("e2", EntityType::Person, text, &["Prime Minister Bo Kim"]),
    ];
    check_entities(
        text,
        &entities,
        &["indirect|said|e1|-", "direct|said|e1|-", "direct|added|e1|-", "indirect|mentioned|e2|e1"],
        &["e2:You", "e2:Your"],
    );
}

/// Whom a quote addresses is named after any attribution to another speaker, and is a
/// person: a `you` in a quote of one speaker is nobody another speaker told something, nor a
/// radio station.
#[test]
fn the_addressee_is_a_person_the_speaker_told() {
    let text = "The minister, Ana Roe, told Ana Lund that the deal was fair.\n\n\
                A lawyer, Tim Vik, said his clients were not asked. \"That is not how you treat \
                people,\" he said.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Ana Roe"]),
        entity("e2", EntityType::Person, text, &["Ana Lund"]),
        entity("e3", EntityType::Person, text, &["Tim Vik", "his", "he"]),
    ];
    check_entities(text, &entities, &["indirect|told|e1|-", "indirect|said|e3|-", "direct|said|e3|-"], &[]);
    let text = "The minister told Radio Sur that the deal was fair. \"If you ask me, it is a good \
                day,\" she said.";
    let entities = [
        entity("e1", EntityType::Person, text, &["The minister", "she"]),
        entity("e2", EntityType::Org, text, &["Radio Sur"]),
    ];
    check_entities(text, &entities, &["indirect|told|e1|-", "direct|said|e1|-"], &[]);
}

/// A source phrase ends at an irregular past tense of its subject's first verb (`The bank
/// kept ... but said`), runs on over a firm's ampersand, and a noun of time heading it stays
/// (`minutes of the meeting`).
#[test]
fn source_phrases_end_at_a_verb_and_keep_a_noun_of_time_heading_them() {
    check(
        "The bank kept its main rate at 3.75% on Wednesday but said a cut was likely before the summer.",
        &["indirect|said|The bank|a cut was likely before the summer"],
    );
    // (A firm's ampersand is no end of the phrase.)
    check(
        "Analysts at Kieran & Moss said the deal was costly.",
        &["indirect|said|Analysts at Kieran & Moss|the deal was costly"],
    );
    check(
        "Two members voted for a cut, according to minutes of the meeting.",
        &["indirect|according to|minutes of the meeting|Two members voted for a cut"],
    );
    check(
        "Two members voted for a cut, according to minutes published with the decision.",
        &["indirect|according to|minutes published with the decision|Two members voted for a cut"],
    );
}

/// A name in apposition to the source speaks for it, also after lowercase words that
/// describe it (`One of them, deputy governor Tomas Reinholt, argued`).
#[test]
fn a_described_name_in_apposition_speaks() {
    let text = "One of them, deputy governor Tomas Reinholt, argued that weak demand posed a bigger risk.";
    let entities = [entity("e1", EntityType::Person, text, &["Tomas Reinholt"])];
    check_entities(text, &entities, &["indirect|argued|e1|-"], &[]);
    // (Not a name some verb takes: `One of them, who told Tomas Reinholt, argued`.)
    let text = "One of them, who told Tomas Reinholt, argued that weak demand posed a bigger risk.";
    let entities = [entity("e1", EntityType::Person, text, &["Tomas Reinholt"])];
    check_entities(text, &entities, &["indirect|argued|-|-"], &[]);
}

#[test]
fn partial_quote_inside_reported_speech() {
    // The outer speech takes the inner quote in; its speaker reports what the inner one wanted.
    let text = "Years ago, Jane Doe said that only bankers such as John Roe wanted \"lower taxes.\"";
    let entities = [
        entity("e1", EntityType::Person, text, &["Jane Doe"]),
        entity("e2", EntityType::Person, text, &["John Roe"]),
    ];
    check_entities(text, &entities, &["mixed|said|e1|-", "direct|wanted|e2|e1"], &[]);
    // Speech set off after its own cue is no part of the sentence before it.
    check(
        "She noted that taxes fell, and Jane Doe added, \"That makes us strong.\"",
        &["indirect|noted|She|taxes fell", "direct|added|Jane Doe|That makes us strong."],
    );
}

#[test]
fn bylines_and_transcripts() {
    check(
        "\"The bridge is safe and open again.\"\n\n- Jane Doe, mayor.",
        &["direct|-|Jane Doe|The bridge is safe and open again."],
    );
    check(
        "Rep. Jane Doe (D-Ore.):\"Who told you that figure?\"",
        &["direct|:|Rep. Jane Doe|Who told you that figure?"],
    );
    check("Said the mayor:\n\n“The bridge is safe.”", &["direct|Said|the mayor|The bridge is safe."]);
    check("Doe: The bridge will reopen in May.", &["indirect|:|Doe|The bridge will reopen in May"]);
    check("“The buses never come on time.”― Jane Doe", &["direct|―|Jane Doe|The buses never come on time."]);
    check(
        "\"Rents went up again this spring.\" — John Roe, a teacher.",
        &["direct|—|John Roe|Rents went up again this spring."],
    );
    check("\"We want a new park.\" -- Jane Doe", &["direct|--|Jane Doe|We want a new park."]);
    check(
        "The mayor called it a “fair deal” ― just as he did last year.",
        &["mixed|called|The mayor|it a “fair deal” ― just as he did last year"],
    );
}

#[test]
fn interview_transcripts() {
    // Each turn is its speaker's direct speech; a turn runs on over the paragraphs the
    // transcript opens with a quote mark, up to the next label or a stage note.
    check(
        "Partial transcript as follows:\n\n\"HOST: Will the bridge reopen in May?\n\n\"SEN. JANE DOE: It will. The repairs are nearly done.\n\n\"The money is there too.\n\n\"(CROSSTALK.)\n\n\"HOST: And the tolls?\n\n\"SEN. JANE DOE: No tolls.\"",
        &[
            "direct|:|HOST|Will the bridge reopen in May?",
            "direct|:|SEN. JANE DOE|It will. The repairs are nearly done.\n\n\"The money is there too.",
            "direct|:|HOST|And the tolls?",
            "direct|:|SEN. JANE DOE|No tolls.",
        ],
    );
    // Labels that no one repeats are no transcript (`UPDATE:`, a dateline).
    check("The council met on Friday.\n\nUPDATE: Tolls were dropped.\n\nVIDEO: The bridge at night.", &[]);
}

#[test]
fn quotation_after_a_participle_clause() {
    // The second quotation is the same speaker's, with the participle as its own cue; with no
    // participle between them the two parts are one split quote.
    check(
        "\"Taxes must fall,\" Jane Doe said, suggesting a question for her rival, \"Why not now?\"",
        &["direct|said|Jane Doe|Taxes must fall,", "direct|suggesting|Jane Doe|Why not now?"],
    );
    check(
        "\"Taxes must fall,\" said Jane Doe, the mayor of Salem, \"and soon.\"",
        &["direct|said|Jane Doe|Taxes must fall,", "direct|said|Jane Doe|and soon."],
    );
    check(
        "\"Keep your hands in sight,\" Jane Doe sings before asking him, \"Where do we go from here?\"",
        &[
            "direct|sings|Jane Doe|Keep your hands in sight,",
            "direct|asking|Jane Doe|Where do we go from here?",
        ],
    );
    // A participle clause with an object of its own before a lowercase second part is an
    // aside: the second part finishes the first's sentence, under the first's cue.
    check(
        "\"Every time you raise fares,\" Jane Doe said, referring to the new budget, \"you lose riders.\"",
        &[
            "direct|said|Jane Doe|Every time you raise fares,",
            "indirect|referring|Jane Doe|to the new budget",
            "direct|said|Jane Doe|you lose riders.",
        ],
    );
}

#[test]
fn signed_voices_and_middle_initials() {
    // A name with a middle initial is one name, after a dash or a cue.
    check(
        "“The buses never come on time and the fares keep going up.” ― Jane Q. Public.",
        &["direct|―|Jane Q. Public|The buses never come on time and the fares keep going up."],
    );
    check("\"We will win,\" said John F. Roe.", &["direct|said|John F. Roe|We will win,"]);
    // Each signed quotation is its own voice: an unsigned one in the next paragraph does not
    // continue the one signed before it.
    check(
        "“The buses never come on time and the fares keep going up.” ― Jane Roe\n\n“Nobody listens to us and nobody ever will.” The rest was cut.",
        &["direct|―|Jane Roe|The buses never come on time and the fares keep going up."],
    );
}

#[test]
fn transcript_label_with_nothing_after_it() {
    // A label closing the text, or its paragraph, opens no turn (and never reads past the end).
    check(
        "HOST: Will it open?\n\nDOE: Yes.\n\nHOST: When?\n\nDOE: May.\n\nHOST:",
        &["direct|:|HOST|Will it open?", "direct|:|DOE|Yes.", "direct|:|HOST|When?", "direct|:|DOE|May."],
    );
}

#[test]
fn a_time_or_place_adverbial_is_no_source() {
    check(
        "Lee has support from 52 percent, according to a survey released on Thursday.",
        &["indirect|according to|a survey released|Lee has support from 52 percent"],
    );
    check(
        "Jo Park later Thursday told Fox News: “We will meet the board next week.”",
        &["direct|told|Jo Park|We will meet the board next week."],
    );
    check(
        "Tuesday at the town hall in Leeds, after a long vote, Mayor Jo Park said, “We won.”",
        &["direct|said|Mayor Jo Park|We won."],
    );
    check(
        "Here in Leeds, Jo Park stepped up her criticism, saying, “It will ruin us.”",
        &["direct|saying|Jo Park|It will ruin us."],
    );
}

#[test]
fn a_topic_before_the_speaker_is_no_source() {
    check(
        "Of the mayor, Jo Park, who has given money to her rival, said, “She is a fine leader.”",
        &["direct|said|Jo Park|She is a fine leader."],
    );
    // A label before a colon is a topic when the statement names its own source.
    check(
        "The mayor spoke.\n\nTurnout: Voters in the north came out in large numbers, according to the election board.",
        &["indirect|according to|the election board|Voters in the north came out in large numbers"],
    );
}

#[test]
fn a_quote_and_its_speaker_according_to_a_report() {
    // The report is the source of the whole attribution; the speaker's quote sits in it.
    let text = "The mayor spoke.\n\n\"Is it only because it is an election year?\" Jane Doe said at a press conference, according to the Leeds Gazette.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Jane Doe"]),
        entity("e2", EntityType::Org, text, &["Leeds Gazette"]),
    ];
    check_entities(text, &entities, &["mixed|according to|e2|-", "direct|said|e1|e2"], &[]);
    // A quotation of several sentences.
    let text = "The mayor spoke.\n\n\"I know the family. I want to run for the council,\" Jane Doe replied at the time, according to the Leeds Gazette.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Jane Doe"]),
        entity("e2", EntityType::Org, text, &["Leeds Gazette"]),
    ];
    check_entities(text, &entities, &["mixed|according to|e2|-", "direct|replied|e1|e2"], &[]);
}

#[test]
fn no_source_in_a_prepositional_phrase_or_a_name() {
    // `Post` closing a name is no cue, and the paper told is no source.
    check(
        "The mayor spoke.\n\nOn the topic, chapter president Luis Ortega told The Leeds Post: “A lot of people are assuming things.”",
        &["direct|told|chapter president Luis Ortega|A lot of people are assuming things."],
    );
    check(
        "“Many people are uncertain this year,” Jo Park wrote in a statement to Wired explaining why she is speaking.",
        &["direct|wrote|Jo Park|Many people are uncertain this year,"],
    );
    check(
        "The mayor spoke.\n\nThe candidate ended the rally by saying, “I am trying to save lives.”",
        &["direct|saying|The candidate|I am trying to save lives."],
    );
    check(
        "The mayor spoke.\n\nHowever, Jo Park, a lawyer for the company, said that the claims had no merit.",
        &["indirect|said|Jo Park|the claims had no merit"],
    );
}

#[test]
fn a_name_after_a_dash_before_the_colon() {
    check(
        "The mayor spoke.\n\nVOTERS CARE MORE ABOUT INSPIRATION - Jo Park and Al Roe: “We found that voters want to be inspired.”",
        &["direct|:|Jo Park and Al Roe|We found that voters want to be inspired."],
    );
}

#[test]
fn adverbs_before_the_subject_of_a_participle_cue() {
    check(
        "The mayor spoke.\n\nAnd then Jo Park went fully on the attack, saying, “Is the council going to act?”",
        &["direct|saying|Jo Park|Is the council going to act?"],
    );
}

#[test]
fn a_quotation_closed_by_its_comma_before_a_subordinate_clause() {
    // The clause after it is the narrator's; the quotation is whole.
    check(
        "She repeatedly says, \"Don't you do it,\" until the train pulls away.",
        &["direct|says|She|Don't you do it,"],
    );
    check(
        "Jane Doe cautioned, \"let's not get ahead of ourselves,\" before predicting a win.",
        &[
            "direct|cautioned|Jane Doe|let's not get ahead of ourselves,",
            "indirect|predicting|Jane Doe|a win",
        ],
    );
}

#[test]
fn a_title_case_headline_ending_in_its_cue() {
    check(
        "Clean Energy Could Wait, Former City Engineer Says.\n\nThe council met on Friday.",
        &["indirect|Says|Former City Engineer|Clean Energy Could Wait"],
    );
}

#[test]
fn a_colon_ending_reported_speech() {
    // The clause before the colon is what the saying verb reports; the quotation ends it.
    check(
        "Jane Doe said she has the one quality the job needs: \"Patience, and more patience.\"",
        &["mixed|said|Jane Doe|she has the one quality the job needs: \"Patience, and more patience.\""],
    );
    check(
        "Jane Doe said she recalled thinking, \"Nobody here sees me.\"",
        &["mixed|said|Jane Doe|she recalled thinking, \"Nobody here sees me.\""],
    );
    // A saying verb with a plain object introduces the quotation itself.
    check(
        "Jane Doe recites the line: \"Nobody works harder than this town.\"",
        &["direct|:|Jane Doe|Nobody works harder than this town."],
    );
}

#[test]
fn a_quotation_given_as_an_example_of_the_object() {
    // `such as` / `including` make the quotation one example of what the cue's object names.
    check(
        "My aunt, who is 90, says things such as, \"Nobody needs a car in this town.\"",
        &["mixed|says|My aunt|things such as, \"Nobody needs a car in this town."],
    );
    check(
        "\"We can win this,\" Jane Doe said, suggesting a few lines for rallies, including, \"Every vote counts here.\"",
        &[
            "direct|said|Jane Doe|We can win this,",
            "mixed|suggesting|Jane Doe|a few lines for rallies, including, \"Every vote counts here.",
        ],
    );
}

#[test]
fn a_lead_phrase_finished_by_a_capitalised_quotation() {
    // The phrase before the comma has no cue of its own: the quotation finishes its sentence.
    check(
        "Based on her record, \"I don't see how anyone can trust her,\" Jane Doe said.",
        &["mixed|said|Jane Doe|Based on her record, \"I don't see how anyone can trust her,"],
    );
    // A lead with a cue of its own keeps the quotation direct.
    check(
        "\"It is over,\" she said, but despite the noise, \"We will be back,\" Jane Doe said.",
        &["direct|said|she|It is over,", "direct|said|Jane Doe|We will be back,"],
    );
}

#[test]
fn names_that_are_function_words() {
    // A capitalised modal, month or preposition after a first name, or alone between a
    // quotation and its cue, is a name.
    check(
        "\"We will leave on time and in good order,\" Theresa May said on Monday.",
        &["direct|said|Theresa May|We will leave on time and in good order,"],
    );
    check(
        "\"We won a smaller share of the vote than any party before us,\" said Al From, who founded the group.",
        &["direct|said|Al From|We won a smaller share of the vote than any party before us,"],
    );
    check(
        "\"The whole process is a reminder of the stakes,\" Will wrote.",
        &["direct|wrote|Will|The whole process is a reminder of the stakes,"],
    );
}

#[test]
fn a_source_holding_an_initialism_or_followed_by_a_title() {
    check(
        "\"Members will not defect this time,\" Jo Park, a former director at the A.F.L.-C.I.O. and organizer, wrote in an email.",
        &["direct|wrote|Jo Park|Members will not defect this time,"],
    );
    check(
        "\"We have to engage them and show our sincerity,\" wrote the authors of the \"Growth Project,\" a party report.",
        &["direct|wrote|the authors|We have to engage them and show our sincerity,"],
    );
}

#[test]
fn a_mostly_sourceless_verb_with_a_subject_of_its_own() {
    // `expected` is mostly passive in news (`is expected to`), and then sourceless; used
    // actively after its subject it has a source like any other cue.
    check(
        "The council met on Tuesday. Jo Park expected that the mayor would sign the budget.",
        &["indirect|expected|Jo Park|the mayor would sign the budget"],
    );
    check(
        "The council met on Tuesday. The budget is expected to pass by a wide margin next week.",
        &["indirect|expected|-|The budget is expected to pass by a wide margin"],
    );
}

#[test]
fn british_single_quotes() {
    // A text that quotes with single marks only: they pair in every paragraph, an apostrophe
    // (`won't`, `the voters' choice`, `the '90s`) opens nothing.
    check(
        "The council met on Tuesday.\n\n'It's a disgrace,' he said. 'We won't stand for it.'\n\nJane Doe told reporters: 'Nobody wants a disorderly exit from the union.'",
        &[
            "direct|said|he|It's a disgrace,",
            "direct|said|he|We won't stand for it.",
            "direct|told|Jane Doe|Nobody wants a disorderly exit from the union.",
        ],
    );
}

#[test]
fn an_apposition_left_unclosed() {
    // The writer left out the comma closing the apposition: the name and its apposition are
    // the source.
    check(
        "The count ended.\n\nJo Park, the communications director for the state party said the ballots were gone.",
        &["indirect|said|Jo Park, the communications director for the state party|the ballots were gone"],
    );
    check(
        "Jo Park, the communications director for the state party said in a statement. \"There are no ballots to recount.\"",
        &["direct|said in a statement|Jo Park, the communications director for the state party|There are no ballots to recount."],
    );
    // An adverbial opener is no name.
    check(
        "In Ohio, the communications director for the state party said the ballots were gone.",
        &["indirect|said|the communications director for the state party|the ballots were gone"],
    );
}

#[test]
fn a_pronoun_with_an_auxiliary_glued_to_it() {
    // `he's said`: `'s` is `has`, no possessive making `said` a noun; the pronoun is the source.
    check(
        "The plan.\n\nThe mayor signed it. But he's said the plan is too costly.",
        &["indirect|said|he's|the plan is too costly"],
    );
    check(
        "The plan.\n\nThe mayor signed it. But they’ve argued that the plan is too costly.",
        &["indirect|argued|they’ve|the plan is too costly"],
    );
}

#[test]
fn a_cue_form_reporting_no_speech_is_dropped() {
    // The rules read a cue verb wherever its form stands; the learned check, which sees what
    // the tagger makes of the paragraph, drops the contents that report nothing.
    for text in [
        "The crowd booed him off the stage on Friday.",
        "Jo Park showed up at the debate.",
        "Jo Park pushed the table to make room for more chairs.",
    ] {
        check(&format!("The plan.\n\n{text}"), &[]);
    }
    check(
        "The plan.\n\nJo Park said the bridge would reopen in May.",
        &["indirect|said|Jo Park|the bridge would reopen in May"],
    );
}

#[test]
fn a_quotation_in_a_participle_opener_is_its_object() {
    // The cue after the quotation takes a clause of its own: it reports that, not the quotation.
    check(
        "The plan.\n\nCiting “obligations at home,” the aide told reporters that the senator would skip the gala.",
        &[
            "mixed|Citing|the aide|“obligations at home,”",
            "indirect|told|the aide|the senator would skip the gala",
        ],
    );
    // (A gerund subject with a quotation, then a sentence-final attribution: still the speaker's.)
    check(
        "The plan.\n\nPolling shows that “voters are tired,” said Jo Park, the editor of a weekly.",
        &["mixed|said|Jo Park|Polling shows that “voters are tired,"],
    );
}

#[test]
fn called_giving_a_name_or_placing_a_call_reports_nothing() {
    for text in [
        "The donors paid a consulting firm called Harbor Analytics, which builds voter profiles.",
        "The council hired a company called Brightline Data to run the count.",
        "The senator was targeted by one group called Stop Dana and another tied to a union.",
        "Later, Mr. Lane called Maria Ortiz.",
    ] {
        check(&format!("The plan.\n\n{text}"), &[]);
    }
    // `called X Y`: what someone said X is.
    check(
        "The plan.\n\nThe mayor called Dana J. Lee a liar on Tuesday.",
        &["indirect|called|The mayor|Dana J. Lee a liar"],
    );
    check(
        "The plan.\n\nThe mayor called Mrs. Lee “reckless.”",
        &["mixed|called|The mayor|Mrs. Lee “reckless.”"],
    );
}

#[test]
fn a_cue_noun_a_naming_verb_takes_as_its_object_is_not_the_quotations_cue() {
    // The quotation is what the mayor calls the remarks, not what Lee remarked.
    check(
        "The plan.\n\nThe mayor called Dana J. Lee's remarks “reckless.”",
        &["mixed|called|The mayor|Dana J. Lee's remarks “reckless.”"],
    );
    check(
        "The plan.\n\nThe council on Monday called the governor's statement “a stunt.”",
        &["mixed|called|The council|the governor's statement “a stunt.”"],
    );
}

#[test]
fn a_compound_adjective_or_an_adjective_after_an_article_is_no_verb_of_the_source() {
    // (`-ed` after a capitalised word reads as a past tense, `Court clerks allowed`; not here.)
    check(
        "The plan.\n\nThe so-called Islamic State said it carried out the attack.",
        &["indirect|said|The so-called Islamic State|it carried out the attack"],
    );
    check(
        "The plan.\n\nThe self-styled caliphate claimed the attack.",
        &["indirect|claimed|The self-styled caliphate|the attack"],
    );
}

#[test]
fn a_participle_aside_before_that_leaves_the_clause_to_the_cue() {
    // `citing` names where the report comes from; what is reported is the `that` clause.
    check(
        "The plan.\n\nThe newspaper reported on Sunday, citing two officials, that the deal was signed.",
        &[
            "indirect|citing|The newspaper|two officials",
            "indirect|reported|The newspaper|the deal was signed",
        ],
    );
    check(
        "The plan.\n\nThe newspaper reported, citing two officials, that the deal was signed.",
        &[
            "indirect|citing|The newspaper|two officials",
            "indirect|reported|The newspaper|the deal was signed",
        ],
    );
}

#[test]
fn a_quotation_after_a_sentence_reporting_its_speaker_goes_on_with_that_speaker() {
    check(
        "The plan.\n\nShe said her unit often runs with half the staff it needs. \"Some nights I never sit down.\"",
        &[
            "indirect|said|She|her unit often runs with half the staff it needs",
            "direct|said|She|Some nights I never sit down.",
        ],
    );
    // Not across a paragraph break, nor after a sentence with no saying verb.
    check(
        "The plan.\n\nShe said her unit often runs with half the staff it needs.\n\n\"Some nights I never sit down.\"",
        &["indirect|said|She|her unit often runs with half the staff it needs"],
    );
}

#[test]
fn an_age_after_a_name_is_no_apposition_of_its_own() {
    check(
        "The plan.\n\n\"We disagree with the decision,\" the firm's counsel, Mark Tully, 52, told reporters.",
        &["direct|told|the firm's counsel|We disagree with the decision,"],
    );
    check(
        "The plan.\n\n\"We disagree with the decision,\" Mark Tully, 52, told reporters.",
        &["direct|told|Mark Tully|We disagree with the decision,"],
    );
}

#[test]
fn an_according_to_opener_is_a_source_never_a_content() {
    check(
        "The plan.\n\nAccording to a person briefed on the case, the firm had been warned about the flaw twice.",
        &["indirect|According to|a person briefed on the case|the firm had been warned about the flaw twice"],
    );
}

#[test]
fn a_noun_for_a_person_before_a_name_is_part_of_the_subject() {
    check(
        "The plan.\n\nVeteran coach Paul Brandt stepped down on Sunday, saying the team needed a new voice.",
        &["indirect|saying|Veteran coach Paul Brandt|the team needed a new voice"],
    );
}

#[test]
fn a_noun_for_speakers_after_a_capitalised_word_heads_the_subject() {
    // (`Consumer` alone is no source; nor is what follows the head.)
    check(
        "The plan.\n\nConsumer groups welcomed the fine but said it was too small.",
        &["indirect|said|Consumer groups|it was too small"],
    );
    check(
        "The plan.\n\nClinton aides also said the plan was sound.",
        &["indirect|said|Clinton aides|the plan was sound"],
    );
}

#[test]
fn a_participle_goes_on_with_the_speech_before_it_not_the_one_inside_it() {
    // `saying` reports the minister's words; the quotation inside them is not what he continues.
    check(
        "The plan.\n\nFinance Minister David Osei welcomed the decision, saying it showed \"the economy is on a stable path.\"",
        &[
            "indirect|welcomed|Finance Minister David Osei|the decision",
            "mixed|saying|Finance Minister David Osei|it showed \"the economy is on a stable path.\"",
            "direct|showed|it|the economy is on a stable path.",
        ],
    );
    // `it` is no person: not the minister.
    let text = "Finance Minister David Osei welcomed the decision, saying it showed \"the economy is on a stable path.\"";
    let entities = [entity("e1", EntityType::Person, text, &["Finance Minister David Osei"])];
    check_entities(
        text,
        &entities,
        &["indirect|welcomed|e1|-", "mixed|saying|e1|-", "direct|showed|-|e1"],
        &[],
    );
}

#[test]
fn a_lone_article_is_no_source() {
    let input = "Water prices on the valley's trading scheme have tripled since January, the board's \
                 figures show. Farmers blame a 2019 rule that lets city utilities buy river \
                 allocations, a claim the utilities reject.\n\nA spokesman for Northgate Water, the \
                 largest buyer, said the company had bought less water this year than last.";
    let seg = newsdesk_segment::segment(input);
    let found = attribute(input, &seg, &[]);
    for q in &found.quotes {
        let source = q.speaker_text.as_deref().unwrap_or("-");
        assert!(!matches!(source, "a" | "an" | "the" | "A" | "The"), "source {source:?} of {q:?}");
    }
}

#[test]
fn a_source_set_off_by_commas_is_written_without_them() {
    check(
        "The harbour council voted to raise fares.\n\nThe ferry operator, Tidewell Lines, welcomed \
         the decision. Tidewell said it expected the first new boat next spring.",
        &[
            "indirect|welcomed|Tidewell Lines|the decision",
            "indirect|said|Tidewell|it expected the first new boat next spring",
        ],
    );
}

#[test]
fn a_plural_possessive_stays_inside_its_source() {
    check(
        "The Maren Dockworkers' Union said the strike would last as long as it takes.",
        &["indirect|said|The Maren Dockworkers' Union|the strike would last as long as it takes"],
    );
    check(
        "Officials of the National Farmers’ Union said prices fell.",
        &["indirect|said|Officials of the National Farmers’ Union|prices fell"],
    );
}

#[test]
fn a_second_cue_with_the_head_of_the_first_source_shares_its_speaker() {
    let text = "Analysts at Brightwater Capital said the fine was small but warned that sales could suffer.";
    let entities = [entity("e1", EntityType::Org, text, &["Brightwater Capital"])];
    check_entities(text, &entities, &["indirect|said|e1|-", "indirect|warned|e1|-"], &[]);
}

#[test]
fn anonymous_sources_familiar_with_the_matter() {
    check(
        "The deal could be signed next week, people familiar with the matter said.",
        &["indirect|said|people familiar with the matter|The deal could be signed next week"],
    );
    check(
        "Talks stalled on Tuesday, sources familiar with the negotiations said.",
        &["indirect|said|sources familiar with the negotiations|Talks stalled on Tuesday"],
    );
}

#[test]
fn an_aside_after_an_according_to_source_is_no_content() {
    check(
        "According to one draft, seen by this newspaper, the Greens offered to cap new borrowing.",
        &["indirect|According to|one draft|the Greens offered to cap new borrowing"],
    );
    check(
        "According to the report, the agency missed 37 cases.",
        &["indirect|According to|the report|the agency missed 37 cases"],
    );
}

/// `they` is never one person: with no group named as its antecedent it has no speaker,
/// rather than the last person who spoke.
#[test]
fn they_is_never_the_last_person_who_spoke() {
    let text = "Delgado said she believed a compromise was close. According to two people familiar \
                with the talks, the governor's staff had asked Okafor to exempt small towns. He \
                refused, they said, because most stations are in such towns.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Delgado", "she"]),
        entity("e2", EntityType::Person, text, &["Okafor", "He"]),
    ];
    check_entities(
        text,
        &entities,
        &["indirect|said|e1|-", "indirect|According to|-|-", "indirect|said|-|-", "indirect|said|-|-"],
        &[],
    );
}

/// A reaction received: the phrase after `from` is the source, the subject of the verb what
/// the reaction is about.
#[test]
fn a_reaction_received_is_its_givers() {
    check(
        "The veto drew praise from the League of Suburban Municipalities.",
        &["indirect|drew praise|the League of Suburban Municipalities|The veto"],
    );
    check(
        "On Monday, the proposal has drawn harsh criticism from fellow lawmakers who called it cruel.",
        &["indirect|drawn harsh criticism|fellow lawmakers|the proposal", "indirect|called|who|it cruel"],
    );
}

/// Right after a person introduced unnamed spoke, `he` is that person, not one named earlier;
/// unless the text names the earlier one again in between.
#[test]
fn he_after_an_unnamed_spokesman_is_the_spokesman() {
    let text = "Alan Whitfield defended the plan. A spokesman for Downing Street said the Prime \
                Minister backed it. \"No decision is final,\" he added.";
    let entities = [
        entity("e1", EntityType::Person, text, &["Alan Whitfield", "he"]),
        entity("e2", EntityType::Location, text, &["Downing Street"]),
    ];
    check_entities(
        text,
        &entities,
        &["indirect|defended|e1|-", "indirect|said|-|-", "direct|added|-|-"],
        &[],
    );
    let text = "When a reporter asked Trump about the plan, Trump deflected. \"You tell me,\" he said.";
    let entities = [entity("e1", EntityType::Person, text, &["Trump", "Trump", "he"])];
    check_entities(text, &entities, &["indirect|asked|-|-", "direct|said|e1|-"], &[]);
}

/// An -ing cue right after a name is that name's (`footage of Jo Park saying`); not after a
/// medium (`on Facebook writing`) or a share of a group.
#[test]
fn an_ing_cue_after_a_name_is_its() {
    check(
        "The ad ends with footage of Jo Park saying during the debate, \"That makes me smart.\"",
        &["direct|saying|Jo Park|That makes me smart."],
    );
    check(
        "From Ana Ruiz writing at The Ledger: \"The vote was rigged.\"",
        &["direct|writing|Ana Ruiz|The vote was rigged."],
    );
    check("Park responded on Facebook writing, \"Yes, I will.\"", &["direct|writing|Park|Yes, I will."]);
}

/// `The spokesperson` after `a spokesperson for Dalberg Foods` is that source, and so is its
/// speaker; `the spokesperson` after an unnamed source of another noun is no one's.
#[test]
fn the_noun_of_an_unnamed_source_takes_it_up() {
    let text = "A spokesperson for Dalberg Foods said the company was cooperating. \"The safety of \
                children is our first priority,\" the spokesperson said.";
    let entities = [entity("e1", EntityType::Org, text, &["Dalberg Foods"])];
    check_entities(text, &entities, &["indirect|said|e1|-", "direct|said|e1|-"], &[]);
    let text = "An engineer at Dalberg Foods said the plant was closed. \"We are cooperating,\" the \
                spokesperson said.";
    let entities = [entity("e1", EntityType::Org, text, &["Dalberg Foods"])];
    check_entities(text, &entities, &["indirect|said|e1|-", "direct|said|-|-"], &[]);
}

#[test]
fn a_participle_opening_the_sentence_is_never_the_source() {
    check(
        "Speaking in the chamber on Monday, the shadow housing minister, Rhona Birchall, said the \
         council had broken its promise.",
        &["indirect|said|Rhona Birchall|the council had broken its promise"],
    );
}

#[test]
fn a_place_before_a_persons_noun_or_a_name_only_qualifies_the_speaker() {
    let text = "The Ghanaian midfielder said he was happy with the draw.";
    let entities = [entity("e1", EntityType::Location, text, &["Ghanaian"])];
    check_entities(text, &entities, &["indirect|said|-|-"], &[]);
    let text = "Losses will top 3 billion euros, according to the Portuguese insurers' group Segurpor.";
    let entities = [entity("e1", EntityType::Location, text, &["Portuguese"])];
    check_entities(text, &entities, &["indirect|according to|-|-"], &[]);
    // (Before a body's noun the place speaks: its ministry is its voice.)
    let text = "The Ghanaian foreign ministry said the talks had failed.";
    let entities = [entity("e1", EntityType::Location, text, &["Ghanaian"])];
    check_entities(text, &entities, &["indirect|said|e1|-"], &[]);
}

#[test]
fn a_content_loses_a_closing_time_with_its_preposition() {
    check(
        "The flood agency had announced its highest alert on Tuesday morning.",
        &["indirect|announced|The flood agency|its highest alert"],
    );
}

#[test]
fn a_content_ends_before_a_second_verb_of_its_cues_subject() {
    check(
        "The senator attacked the governor's budget and even questioned his record on schools.",
        &[
            "indirect|attacked|The senator|the governor's budget",
            "indirect|questioned|The senator|his record on schools",
        ],
    );
    check(
        "The company denied the claims but later paid a fine to the regulator.",
        &["indirect|denied|The company|the claims"],
    );
    // (A second verb of saying opens an attribution of its own.)
    check(
        "Rep. Dana Whitcomb promised \"every penny we can find\" and said the county would rebuild \
         the bridge.",
        &[
            "direct|promised|Rep. Dana Whitcomb|every penny we can find",
            "indirect|said|Rep. Dana Whitcomb|the county would rebuild the bridge",
        ],
    );
    // (A reported clause's own verbs, a relative clause's and a list's stay in the content.)
    check(
        "The minister said police arrested two men and seized their cars.",
        &["indirect|said|The minister|police arrested two men and seized their cars"],
    );
    check(
        "Critics praised a nominee who is expected to be moderate and will hear the case in May.",
        &["indirect|praised|Critics|a nominee who is expected to be moderate and will hear the case in May"],
    );
    check(
        "Dr. Lena Marsh cautioned the study was small and could not prove that walking lowered the risk.",
        &["indirect|cautioned|Dr. Lena Marsh|the study was small and could not prove that walking lowered the risk"],
    );
    check(
        "The mayor criticized rising rents, crime and growing inequality in the city.",
        &["indirect|criticized|The mayor|rising rents, crime and growing inequality in the city"],
    );
}

#[test]
fn added_with_a_count_reports_nothing() {
    check("Ward added a third from the penalty spot in the 80th minute.", &[]);
    check("The chain added two new stores in Leeds last year.", &[]);
    // (Nor is a count of products recalled; memories recalled are speech.)
    check("The carmaker is recalling about 310,000 vehicles over a brake fault.", &[]);
    check(
        "The minister recalled that the talks had failed twice.",
        &["indirect|recalled|The minister|the talks had failed twice"],
    );
    // (Words added are speech.)
    check(
        "The mayor added a warning that fares could rise again.",
        &["indirect|added|The mayor|that fares could rise again"],
    );
}

#[test]
fn a_relative_clause_before_the_verb_of_saying_ends_its_content_there() {
    check(
        "A man accused of stealing a painting told the court he had bought it online.",
        &["indirect|accused|A man|stealing a painting", "indirect|told|A man|he had bought it online"],
    );
    check(
        "Two drivers who pleaded guilty last year testified that they had carried cash to the depot.",
        &[
            "indirect|pleaded|who|guilty last year",
            "indirect|testified|Two drivers|they had carried cash to the depot",
        ],
    );
    // (The clause's content loses the quotation the main verb's holds.)
    check(
        "A former mayor accused of taking kickbacks told jurors that he had \"never taken a single \
         shilling\" from anyone.",
        &[
            "indirect|accused|A former mayor|taking kickbacks",
            "mixed|told|A former mayor|he had \"never taken a single shilling\" from anyone",
        ],
    );
    // (A source read inside the clause is the noun phrase it describes.)
    check(
        "Inspectors who toured the plant on Monday said the damage was severe.",
        &["indirect|said|Inspectors|the damage was severe"],
    );
    // (Not a sentence's own verb after a participle: `responded with`.)
    check(
        "The agency responded with a report its director released.",
        &["indirect|responded|The agency|with a report its director released"],
    );
}

#[test]
fn a_clause_before_a_cue_and_its_time_is_the_content_whatever_comes_after() {
    check(
        "A wildfire forced about 4,000 people to leave their homes on the edge of the city overnight, \
         officials said on Sunday, as more than 800 firefighters battled flames across 1,200 hectares \
         of scrubland.",
        &["indirect|said|officials|A wildfire forced about 4,000 people to leave their homes on the edge of the city overnight"],
    );
    // (A day alone is no content.)
    check("Shares fell, the company said on Monday.", &[]);
}

#[test]
fn two_source_nouns_joined_by_and_are_one_source() {
    check(
        "The carmaker is replacing the brake sensors free of charge, the company and regulators said \
         on Tuesday.",
        &["indirect|said|the company and regulators|The carmaker is replacing the brake sensors free of charge"],
    );
}

#[test]
fn a_subjects_aside_ends_no_content() {
    check(
        "Vice President Ada Holm warned that Donald J. Trump, even as a candidate, had elevated the dangers confronting American allies.",
        &["indirect|warned|Vice President Ada Holm|Donald J. Trump, even as a candidate, had elevated the dangers confronting American allies"],
    );
    check(
        "Mrs. Rao said their networks of potential donors, almost exclusively men until just a few years ago, were now composed mostly of other women.",
        &["indirect|said|Mrs. Rao|their networks of potential donors, almost exclusively men until just a few years ago, were now composed mostly of other women"],
    );
}

#[test]
fn a_name_after_the_noun_opening_according_to_is_the_sources() {
    check(
        "According to the bank's chief economist, Hanna Voss, a long strike would slow growth.",
        &["indirect|According to|the bank's chief economist, Hanna Voss|a long strike would slow growth"],
    );
    check(
        "According to the spokesman, Mr. Lee, the talks failed.",
        &["indirect|According to|the spokesman, Mr. Lee|the talks failed"],
    );
}

#[test]
fn a_clause_reported_inside_the_subjects_relative_clause_ends_at_the_sentences_verb() {
    check(
        "Voters who said schools were their top concern were more likely to disapprove.",
        &["indirect|said|who|schools were their top concern"],
    );
    check(
        "About 40 percent of voters who said taxes were the most important issue supported Ms. Lund.",
        &["indirect|said|who|taxes were the most important issue"],
    );
}

#[test]
fn a_noun_in_ly_is_no_adverb_before_the_cue() {
    check(
        "The tenants moved out on Friday, lawyers for the family said.",
        &["indirect|said|lawyers for the family|The tenants moved out on Friday"],
    );
    check(
        "The strike will go ahead, the assembly said.",
        &["indirect|said|the assembly|The strike will go ahead"],
    );
}

#[test]
fn a_verb_of_saying_after_but_and_an_auxiliary_opens_its_own_attribution() {
    check(
        "The mayor praised the plan but has said she will not raise taxes.",
        &["indirect|praised|The mayor|the plan", "indirect|said|The mayor|she will not raise taxes"],
    );
    check(
        "The minister criticized the budget and had warned that hospitals would close.",
        &[
            "indirect|criticized|The minister|the budget",
            "indirect|warned|The minister|hospitals would close",
        ],
    );
}

#[test]
fn in_a_report_after_a_cue_and_its_source_is_no_finding_of_its_own() {
    // (Its long tail keeps `said` from closing the sentence, and its clause `the ministry
    // said` is no finding of `a June report`.)
    check(
        "Exports fell for a third month, the ministry said in a June report, and imports rose by two percent over the year in the same period.",
        &[],
    );
    check(
        "Exports fell for a third month, the ministry said in a May report, and imports rose.",
        &["indirect|said|the ministry|Exports fell for a third month"],
    );
}

#[test]
fn a_participle_with_as_after_a_noun_closes_no_attribution() {
    // (`listed as` describes the fish; the sentence keeps its own cue.)
    check(
        "Judge Anna Weiss said the operator had failed to study the sturgeon, a fish listed as critically endangered.",
        &["indirect|said|Judge Anna Weiss|the operator had failed to study the sturgeon"],
    );
    check("The operator failed to study the effects on the river, a species described as endangered.", &[]);
}

#[test]
fn a_cue_with_its_own_that_clause_closes_no_content_before_it() {
    // (The opening phrase is no content of `told`; the that-clause is.)
    check(
        "Asked about state support, she told reporters in Lisbon that no request had been made.",
        &["indirect|Asked|-|state support", "indirect|told|she|no request had been made"],
    );
    check(
        "Despite signs that he was retreating from the plan, however, he said last month that his position had hardened.",
        &["indirect|said|he|his position had hardened"],
    );
    // (Nor is a participle's phrase before a closing cue.)
    check("Weighing in on the debate on Monday, the former governor agreed.", &[]);
}

#[test]
fn a_parenthesised_quotation_is_a_sentence_of_its_own() {
    // (The bracket opening a quotation and the one closing `said.)` end the sentences around
    // it, so the first sentence's reported speech stops at its full stop.)
    check(
        "Jo Park said she left the ''Morning Show'' only because Sam Lee agreed to stay. (''We are done,'' she said.) The show ended.",
        &[
            "mixed|said|Jo Park|she left the ''Morning Show'' only because Sam Lee agreed to stay",
            "direct|said|she|We are done,",
        ],
    );
}

#[test]
fn a_document_noun_heads_its_source_though_it_is_a_cue_word() {
    check(
        "Prices rose in nine of the ten districts, the annual report said.",
        &["indirect|said|the annual report|Prices rose in nine of the ten districts"],
    );
    check(
        "The mayor left the hall early, according to a pool report.",
        &["indirect|according to|a pool report|The mayor left the hall early"],
    );
}

#[test]
fn a_cue_set_off_after_a_relative_word_reports_the_relative_clause() {
    // (Not the sentence holding it: the park is the narrator's, the stadium's crowds Jo Park's.)
    check(
        "The park is near the stadium, which, Jo Park said, is usually full of children on game days.",
        &["indirect|said|Jo Park|is usually full of children on game days"],
    );
}

#[test]
fn and_before_a_named_subject_and_its_cue_ends_a_content() {
    check(
        "Republicans said they were convinced the agency mishandled the inquiry and Democrats accused the party of stoking the issue.",
        &[
            "indirect|said|Republicans|they were convinced the agency mishandled the inquiry",
            "indirect|accused|Democrats|the party of stoking the issue",
        ],
    );
    // (Two names of one subject go on: `Cruz and Rubio implied` is the content's.)
    check(
        "Jo Park said the mayor grew angry when Lee and Moss implied that he could not win.",
        &["indirect|said|Jo Park|the mayor grew angry when Lee and Moss implied that he could not win"],
    );
}

#[test]
fn a_place_and_its_state_are_one_object() {
    // (The comma between a town and its state's abbreviation ends no object.)
    check(
        "Jo Park praised the workers of the plant in Dover, Del.",
        &["indirect|praised|Jo Park|the workers of the plant in Dover, Del"],
    );
}

#[test]
fn what_a_source_first_reported_is_the_subject_or_the_clause_beside_as() {
    check(
        "The senator's move was first reported by the Gazette.",
        &["indirect|was first reported by|the Gazette|The senator's move"],
    );
    check(
        "The group started buying ad time this week, as first reported by the Gazette on Tuesday.",
        &["indirect|as first reported by|the Gazette|The group started buying ad time this week"],
    );
    check(
        "As reported by the Gazette, the mayor will leave office in May.",
        &["indirect|As reported by|the Gazette|the mayor will leave office in May"],
    );
    // (A relative clause's antecedent is left alone.)
    check(
        "The email, which was first reported by the Gazette, named three aides.",
        &["indirect|named|The email|three aides"],
    );
}

#[test]
fn a_question_put_by_someone_or_opened_by_which_is_what_was_asked() {
    check(
        "When asked by Jo Park about the merger, Lee defended the decision.",
        &["indirect|asked|Jo Park|the merger", "indirect|defended|Lee|the decision"],
    );
    check(
        "Asked which county was his favorite, he demurred.",
        &["indirect|Asked|-|which county was his favorite"],
    );
}
