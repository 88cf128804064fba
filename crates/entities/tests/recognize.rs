//! End-to-end cases for `recognize`: one sentence or short text a line, with the entity that
//! must come out (type, name, attributes, mention texts). Texts are written for these tests.

use newsdesk_entities::recognize;
use newsdesk_model::{Entity, EntityType};

/// Checks that `text` yields an entity of `kind` named `name` having `attrs` and at least the
/// mentions `mentions` (in order), and that every mention's text equals its slice.
fn check(text: &str, kind: EntityType, name: &str, attrs: &[(&str, &str)], mentions: &[&str]) {
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    for e in &entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "bad span in {text}");
        }
    }
    let show = || {
        entities
            .iter()
            .map(|e| {
                format!(
                    "{} {:?} {:?}",
                    e.name,
                    e.kind,
                    e.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
                )
            })
            .collect::<Vec<_>>()
    };
    let e: &Entity = entities
        .iter()
        .find(|e| e.kind == kind && e.name == name)
        .unwrap_or_else(|| panic!("no {kind:?} {name} in {text:?}: {:?}", show()));
    for (k, v) in attrs {
        assert_eq!(e.attributes.get(*k).map(String::as_str), Some(*v), "{name}.{k} in {text:?}");
    }
    let got: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    let mut it = got.iter();
    for m in mentions {
        assert!(it.any(|g| g == m), "{name}: mention {m:?} missing or out of order in {got:?}");
    }
}

fn check_absent(text: &str, name: &str) {
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    assert!(!entities.iter().any(|e| e.name == name), "{name} should not be an entity in {text:?}");
}

/// Asserts that no entity has a mention reading `mention`.
fn check_no_mention(text: &str, mention: &str) {
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    let holder = entities.iter().find(|e| e.mentions.iter().any(|m| m.text == mention));
    assert!(
        holder.is_none(),
        "{mention:?} should be no mention in {text:?}, is one of {:?}",
        holder.map(|e| &e.name)
    );
}

use EntityType::{Location as L, Org as O, Person as P};

#[test]
fn people_titles_and_countries() {
    check(
        "Kenyan President William Ruto arrived in Nairobi. Ruto said he was pleased.",
        P,
        "William Ruto",
        &[("title", "President"), ("country", "Kenya")],
        &["President William Ruto", "Ruto", "he"],
    );
    check(
        "German Chancellor Olaf Scholz met the press. The German leader said little.",
        P,
        "Olaf Scholz",
        &[("title", "Chancellor"), ("country", "Germany")],
        &["Chancellor Olaf Scholz", "The German leader"],
    );
    check(
        "Prime Minister Jacinda Ardern spoke in Wellington. She thanked the police.",
        P,
        "Jacinda Ardern",
        &[("title", "Prime Minister")],
        &["Prime Minister Jacinda Ardern", "She"],
    );
    check("Chilean President Gabriel Boric met Peruvian President Dina Boluarte. The Chilean president said ties were strong.", P, "Gabriel Boric", &[("country", "Chile")], &["President Gabriel Boric", "The Chilean president"]);
}

#[test]
fn places_and_organisations() {
    check("Talks on the South Caucasus were held in Tbilisi.", L, "South Caucasus", &[], &["South Caucasus"]);
    check(
        "Talks on the South Caucasus were held in Tbilisi.",
        L,
        "Tbilisi",
        &[("country", "Georgia")],
        &["Tbilisi"],
    );
    check("Officials in Peru said the Peruvian economy grew.", L, "Peru", &[], &["Peru", "Peruvian"]);
    check("The plan was first reported by Kyiv.Post on Monday.", O, "Kyiv.Post", &[], &["Kyiv.Post"]);
    check("NATO said on Friday that the alliance would meet in Vilnius.", O, "NATO", &[], &["NATO"]);
}

#[test]
fn no_false_names() {
    check_absent("\"We will win,\" the coach said.", "We");
    check_absent("Yesterday the market fell. However, traders were calm.", "However");
    check_absent("Direct talks resumed on Monday.", "Direct");
}

#[test]
fn offices_aliases_and_groups() {
    check(
        "Health Secretary Maria Lopez visited Lima. Lopez said she was pleased.",
        P,
        "Maria Lopez",
        &[("title", "Health Secretary")],
        &["Health Secretary Maria Lopez", "Maria Lopez", "Lopez", "she"],
    );
    check(
        "The EU said on Monday that the European Union would reply.",
        O,
        "European Union",
        &[],
        &["EU", "European Union"],
    );
    check(
        "Activists from the environmental group Blue Harbour protested in Oslo.",
        O,
        "Blue Harbour",
        &[],
        &["Blue Harbour"],
    );
}

#[test]
fn geographic_nouns() {
    check("Mining drains water in the Atacama desert, farmers said.", L, "Atacama", &[], &["Atacama"]);
}

#[test]
fn a_name_after_a_title_is_a_person() {
    // (`Park` would make it a place.)
    check(
        "Governor Alicia Park urged calm.",
        P,
        "Alicia Park",
        &[("title", "Governor")],
        &["Governor Alicia Park"],
    );
    check("Gov. Dana Hill spoke.", P, "Dana Hill", &[("title", "Gov.")], &["Gov. Dana Hill"]);
    // A place opening the name does not make it one (`Sofia`, `Jordan`), after a title or a
    // lowercase noun for a person.
    check(
        "His rival, Governor Sofia Reyes, spoke.",
        P,
        "Sofia Reyes",
        &[("title", "Governor")],
        &["Sofia Reyes"],
    );
    check("Republican candidate Jordan Hale promised tax cuts.", P, "Jordan Hale", &[], &["Jordan Hale"]);
    // Nor does a country's name (`Georgia`), which before a name without a title is cut off
    // as the person's country.
    // The tagger may miss the name altogether.
    let text = "Transport Minister Ingrid Berg urged both sides to return to the table.";
    check(text, P, "Ingrid Berg", &[("title", "Transport Minister")], &["Ingrid Berg"]);
    // Not in a title-case headline, where every word is capitalised.
    check_absent("Mayor Fires Back After Being Hit By Major Legal Action.", "Legal Action");
    for text in ["Senator Georgia Lane voted no.", "Senator Georgia Lane said the bill would pass."] {
        check(text, P, "Georgia Lane", &[("title", "Senator")], &["Georgia Lane"]);
        check_absent(text, "Georgia");
    }
    // The place alone stays a place.
    check("She flew to Jordan on Monday.", L, "Jordan", &[], &["Jordan"]);
}

#[test]
fn a_pronoun_outside_a_quotation_looks_past_the_mentions_inside_it() {
    let text = "Governor Alicia Park urged calm on Monday. Carla Mendes was unimpressed. \
                \"The governor says she is watching,\" she said.";
    check(text, P, "Carla Mendes", &[], &["Carla Mendes", "she"]);
    check(text, P, "Alicia Park", &[], &["Governor Alicia Park", "The governor", "she"]);
    let text = "Governor Alicia Park urged calm on Monday. Carla Mendes was unimpressed. \
                “The governor says she is watching,” she said.";
    check(text, P, "Carla Mendes", &[], &["Carla Mendes", "she"]);
    // A name seen only inside quotations comes after one seen outside.
    let text = "Rachel Owens spoke on Monday. \"People deserve answers,\" she said.";
    check(text, P, "Rachel Owens", &[], &["Rachel Owens", "she"]);
}

#[test]
fn an_apposition_says_what_a_name_is() {
    let text = "Zentra, a logistics firm, said it would appeal. Zentra declined to comment.";
    check(text, O, "Zentra", &[], &["Zentra", "Zentra"]);
    check("Shares of Dorval, the Montreal-based company, fell.", O, "Dorval", &[], &["Dorval"]);
    check("Brannock, a nurse in Salem, said the unit is short-staffed.", P, "Brannock", &[], &["Brannock"]);
    let text = "Anders Holm, a spokesman for the shipping line, said customers had been told.";
    check(text, P, "Anders Holm", &[], &["Anders Holm"]);
    // A name set off after a noun for a person is a person's.
    let text = "Its chief executive, Lars Vik, told reporters the offer was fair.";
    check(text, P, "Lars Vik", &[], &["Lars Vik"]);
    // Also when the name opens with a listed place (`Sofia` is a city).
    let text = "\"Investors like cost cuts,\" said Sofia Renner, an analyst at Hallmark Securities.";
    check(text, P, "Sofia Renner", &[], &["Sofia Renner"]);
}

#[test]
fn a_word_that_ends_organisation_names_makes_one_named_again_by_its_first_word() {
    // (text, the organisation, its mentions)
    let cases: [(&str, &str, &[&str]); 5] = [
        (
            "Regulators fined SkyBridge Airlines on Monday. SkyBridge said it would appeal.",
            "SkyBridge Airlines",
            &["SkyBridge Airlines", "SkyBridge"],
        ),
        (
            "The ferry operator, Tidewell Lines, welcomed the vote. Tidewell said it would hire.",
            "Tidewell Lines",
            &["Tidewell Lines", "Tidewell"],
        ),
        (
            "A spokesman for Northgate Water, the largest buyer, said it bought less water.",
            "Northgate Water",
            &["Northgate Water"],
        ),
        (
            "Nordline Container Services said it had diverted six vessels to Aldsund.",
            "Nordline Container Services",
            &["Nordline Container Services"],
        ),
        (
            "Talks between the Liberal Union and the Green Alliance stalled on Tuesday.",
            "Green Alliance",
            &["Green Alliance"],
        ),
    ];
    for (text, name, mentions) in cases {
        check(text, O, name, &[], mentions);
    }
}

#[test]
fn a_name_after_the_mayor_of_is_a_place() {
    check("The mayor of Dunmore, Ada Quist, said the fares would rise.", L, "Dunmore", &[], &["Dunmore"]);
    check("Residents of Karrow said the ferry was late again.", L, "Karrow", &[], &["Karrow"]);
    check("The mayor of Dunmore, Ada Quist, said the fares would rise.", P, "Ada Quist", &[], &["Ada Quist"]);
    // (So is where a party's member comes from.)
    let text = "Carla Nunez, a Democrat from Fresno, wrote the bill.";
    check(text, L, "Fresno", &[], &["Fresno"]);
    check(text, P, "Carla Nunez", &[], &["Carla Nunez"]);
}

#[test]
fn a_noun_for_people_opening_a_sentence_is_no_name() {
    check_absent("Critics said the council had ignored cheaper options.", "Critics");
    check_absent("Passengers complained that the timetable would not improve.", "Passengers");
    check("Voters in Ohio backed Maria Lopez.", P, "Maria Lopez", &[], &["Maria Lopez"]);
    let text = "\"We are watching people sell animals their grandparents bred,\" Marsh said. \"Once \
                those herds are gone, they do not come back.\"";
    check_absent(text, "Once");
    let text = "Economist Ruth Adler of Westfield University said the relief would help.";
    check(text, P, "Ruth Adler", &[], &["Ruth Adler"]);
}

#[test]
fn descriptions() {
    check(
        "Angela Merkel, the former chancellor, said she would not return.",
        P,
        "Angela Merkel",
        &[],
        &["Angela Merkel", "the former chancellor", "she"],
    );
    check(
        "Toyota Motor Corp said its profit rose. The carmaker expects more sales.",
        O,
        "Toyota Motor Corp",
        &[],
        &["Toyota Motor Corp", "its", "The carmaker"],
    );
    check(
        "U.S. President Joe Biden spoke. The American president did not elaborate.",
        P,
        "Joe Biden",
        &[("country", "United States")],
        &["President Joe Biden", "The American president"],
    );
    check(
        "Russia's Foreign Minister Sergei Lavrov arrived in Ankara.",
        P,
        "Sergei Lavrov",
        &[("country", "Russia"), ("title", "Foreign Minister")],
        &["Foreign Minister Sergei Lavrov"],
    );
}

/// Given names from many countries make a person's name (`data/first_names.tsv`).
#[test]
fn given_names_from_many_countries() {
    let text = "Mikael Strand spoke first. Later, Ingrid Solberg rejected the criticism.";
    check(text, P, "Mikael Strand", &[], &["Mikael Strand"]);
    check(text, P, "Ingrid Solberg", &[], &["Ingrid Solberg"]);
}

/// A short name the tagger took for a person is the organisation's, unless a person of the
/// text bears that name.
#[test]
fn a_short_name_tagged_alone_joins_its_organisation() {
    let text = "Orvel Motors will cut about 2,100 jobs, the carmaker said on Wednesday. Orvel's \
                shares rose 3.2 per cent in Frankfurt. Analyst Nina Berg said the cuts were \
                overdue. She said Orvel had bet too early on electric cars.";
    check(text, O, "Orvel Motors", &[], &["Orvel Motors", "the carmaker", "Orvel", "Orvel"]);
    check_absent(text, "Orvel");
}

/// A plural possessive inside the name of a body of members: `Dockworkers' Union`.
#[test]
fn a_plural_possessive_opens_the_name_of_a_body_of_members() {
    for text in [
        "The Maren Dockworkers' Union said the strike would go on.",
        "The Maren Dockworkers’ Union said the strike would go on.",
    ] {
        let name = text.strip_prefix("The ").and_then(|t| t.split(" said").next()).unwrap_or_default();
        check(text, O, name, &[], &[name]);
    }
    // Also when the tagger took the people for a person's name.
    let text = "Jonas Ekberg, who chairs the Arthritis Patients' Association, said little.";
    check(text, O, "Arthritis Patients' Association", &[], &["Arthritis Patients' Association"]);
    // Not after a person's name, nor before a word that is no body of members.
    check_absent("Ella Sanders’ College roommate said she was shocked.", "Ella Sanders’ College");
    check_absent("The Westland Democrats' Senate majority is at risk.", "Westland Democrats' Senate");
}

/// A name right after a noun for a made thing is the thing's: no one a pronoun can mean.
#[test]
fn a_name_after_a_noun_for_a_thing_names_the_thing() {
    let text = "Sales of the arthritis drug Kestrel fell. The author of the report said she \
                had raised the issue.";
    check(text, EntityType::Misc, "Kestrel", &[], &["Kestrel"]);
    let seg = newsdesk_segment::segment(text);
    let she = recognize(text, &seg).into_iter().flat_map(|e| e.mentions).any(|m| m.text == "she");
    assert!(!she, "no entity of {text:?} may take `she`");
    // (A verb that takes a person is no such noun: `polls show Lind ahead`.)
    check("Polls show Maria Lopez ahead of the vote.", P, "Maria Lopez", &[], &["Maria Lopez"]);
}

/// `the agency` is a public body (its name says so, or it is an initialism), never the
/// company named just before it.
#[test]
fn the_agency_is_no_company() {
    let text = "The Drug Safety Authority fined Velora Pharmaceuticals on Tuesday. The agency's \
                director said patients had been misled.";
    check(text, O, "Drug Safety Authority", &[], &["Drug Safety Authority", "The agency"]);
    let text = "Velora Pharmaceuticals hired lobbyists. The agency said it would not comment.";
    let seg = newsdesk_segment::segment(text);
    let velora = recognize(text, &seg).into_iter().find(|e| e.name == "Velora Pharmaceuticals");
    let mentions: Vec<String> =
        velora.map(|e| e.mentions.into_iter().map(|m| m.text).collect()).unwrap_or_default();
    assert!(!mentions.iter().any(|m| m == "The agency"), "{mentions:?}");
    check(
        "The FBI opened an inquiry. The agency declined to comment.",
        O,
        "FBI",
        &[],
        &["FBI", "The agency"],
    );
}

/// `the minister` is the one person named with that office, also one whose office carries a
/// modifier (`Transport Minister`) and who was named many sentences before.
#[test]
fn a_description_names_the_holder_of_its_office() {
    let text = "Transport Minister Oskar Lind urged both sides to talk. Shipping lines were angry. \
                Nordline said it had diverted six vessels. Others were calmer. Economists were \
                divided. Marta Kowal, an economist, argued that automation would pay. Others \
                doubt it. Rail operators stayed silent. Dockworkers marched. Vasić rejected the \
                minister's appeal on Friday.";
    check(text, P, "Oskar Lind", &[], &["Transport Minister Oskar Lind", "the minister"]);
    check(text, P, "Marta Kowal", &[], &["Marta Kowal"]);
    let kowal = {
        let seg = newsdesk_segment::segment(text);
        recognize(text, &seg).into_iter().find(|e| e.name == "Marta Kowal").expect("Marta Kowal")
    };
    assert_eq!(kowal.mentions.len(), 1, "{:?}", kowal.mentions);
}

/// A pronoun looks first to the subjects of the sentence before, not to a possessor in its
/// object (`the minister's appeal`).
#[test]
fn a_possessor_inside_a_clause_is_no_subject() {
    let text = "Governor Oskar Lind appealed for calm. Union leader Daniel Meyer dismissed the \
                governor's appeal. He said the strike would go on.";
    check(text, P, "Daniel Meyer", &[], &["Daniel Meyer", "He"]);
}

/// Odd inputs: no panic, and every mention is its own slice of the text.
#[test]
fn odd_inputs_are_safe() {
    let long = "Zz".repeat(5000);
    let cases = [
        "",
        " ",
        "\n\n\n",
        "...",
        "“”‘’\"'",
        "the the the The THE",
        "He said. She said. It said. They said.",
        "🙂 Ünïcödé Ñame met Łukasz Żółć in Kraków — «quoted» text.",
        "Mr. . Dr. , President , the Russian leader",
        "al- el- bin ibn de",
        long.as_str(),
        "A.B.C.D.E.F.G.H. U.S. U.K. News.Az.Az.Az",
    ];
    for text in cases {
        let seg = newsdesk_segment::segment(text);
        for e in recognize(text, &seg) {
            assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "bad span in {text:?}");
            }
        }
    }
}

#[test]
fn same_surname_different_people() {
    check(
        "Hillary Clinton spoke first. Clinton said Bill Clinton agreed.",
        P,
        "Bill Clinton",
        &[],
        &["Bill Clinton"],
    );
    check(
        "Hillary Clinton spoke first. Clinton said Bill Clinton agreed.",
        P,
        "Hillary Clinton",
        &[],
        &["Hillary Clinton", "Clinton"],
    );
    check_absent("Most Americans and Canadians agreed, the poll found.", "Americans");
}

/// A name set off after a noun for a person is a person's, also when a phrase follows the
/// noun (`The head of X, NAME,`, `A lawyer for the families, NAME,`) and when the tagger
/// left the name untagged; but not after a preposition of place (`in Tamarac, the owner
/// of ...`), nor when an apposition calls it a firm.
#[test]
fn a_name_after_a_noun_for_a_person_is_a_person() {
    check(
        "A lawyer for several of the families, Tiri Vakkelund, said his clients had not been consulted.",
        P,
        "Tiri Vakkelund",
        &[],
        &["Tiri Vakkelund", "his"],
    );
    check(
        "The head of the harbour authority, Sindre Quellmark, has denied any wrongdoing in the case.",
        P,
        "Sindre Quellmark",
        &[],
        &["Sindre Quellmark"],
    );
    check(
        "Records showed transfers to an account held by his brother-in-law, Arvo Lykkestad, in the \
         weeks before each tender.",
        P,
        "Arvo Lykkestad",
        &[],
        &["Arvo Lykkestad"],
    );
    check(
        "But the new investor, Orizon Global, a private investment firm based in San Juan, did not \
         take part.",
        O,
        "Orizon Global",
        &[],
        &["Orizon Global"],
    );
}

/// An age set off by commas after capitalised words makes them a person's name.
#[test]
fn a_name_before_an_age_is_a_person() {
    check(
        "Earlier, Brenno Halvik, 61, was charged with taking bribes from a dredging firm.",
        P,
        "Brenno Halvik",
        &[],
        &["Brenno Halvik"],
    );
    check(
        "Yesterday Brenno Halvik, 61, was charged with taking bribes from a dredging firm.",
        P,
        "Brenno Halvik",
        &[],
        &["Brenno Halvik"],
    );
}

/// Capitalised words ending in a word that ends company names are an organisation, also
/// when the tagger saw none or only the first word; a sentence's opening `Yesterday` is no
/// part of a name.
#[test]
fn company_suffixes_make_organisations() {
    check(
        "The contract went to Vestland Shipping ASA and not to its rival on Monday.",
        O,
        "Vestland Shipping ASA",
        &[],
        &["Vestland Shipping ASA"],
    );
    check(
        "Prosecutors say the money came from Nordsjø Dredging AS between 2019 and 2023.",
        O,
        "Nordsjø Dredging AS",
        &[],
        &["Nordsjø Dredging AS"],
    );
    check(
        "Shares in Kordal Resources rose 6 percent in Stockholm on Monday after the deal.",
        O,
        "Kordal Resources",
        &[],
        &["Kordal Resources"],
    );
    check(
        "Yesterday Kordal Holdings agreed to pay the families of the victims.",
        O,
        "Kordal Holdings",
        &[],
        &["Kordal Holdings"],
    );
}

/// A possessive opening a sentence is no part of the name after it (`Her Kestmark
/// counterpart`, `His Treasury Department`).
#[test]
fn a_possessive_opening_a_sentence_opens_no_name() {
    let text = "Valdorian Foreign Minister Irena Kovac spoke first. Her Kestmark counterpart, Lars \
                Brenner, rejected the charge.";
    check_absent(text, "Her Kestmark");
    check(text, P, "Lars Brenner", &[], &["Lars Brenner"]);
    let text = "Obama named a new envoy. His Treasury Department had asked for one.";
    check(text, O, "Treasury Department", &[], &["Treasury Department"]);
}

/// `United` ends a body's name (`Harlow United`, `Citizens United`), not a country's.
#[test]
fn united_ends_a_body_name() {
    let text = "Harlow United dismissed head coach Marco Bellini on Sunday. The club said an \
                assistant would take charge. Bellini moved to the United States last year.";
    check(text, O, "Harlow United", &[], &["Harlow United", "The club"]);
    check(text, L, "United States", &[], &["United States"]);
}

/// `American` of a region of the Americas mentions no country (`Latin American artists`);
/// alone it is the United States.
#[test]
fn latin_american_is_no_mention_of_the_united_states() {
    let text = "A group of Latin American artists and North American investors signed the letter. \
                American officials said nothing.";
    let seg = newsdesk_segment::segment(text);
    let entities = recognize(text, &seg);
    let us: Vec<usize> = entities
        .iter()
        .filter(|e| e.name == "United States")
        .flat_map(|e| e.mentions.iter().map(|m| m.start))
        .collect();
    assert_eq!(us, [text.find("American officials").unwrap()], "in {text:?}");
}

/// A capitalised word the tagger left untagged after `in`, `near` or `outside` is a place
/// when its phrase ends there; not a name modifying a noun, a holding or a language.
#[test]
fn an_untagged_name_after_in_is_a_place() {
    check(
        "Two people died when the river broke through the defences near Tewkesbury in January.",
        L,
        "Tewkesbury",
        &[],
        &["Tewkesbury"],
    );
    check(
        "The reverend told reporters in Gloucester that nobody would believe them now.",
        L,
        "Gloucester",
        &[],
        &["Gloucester"],
    );
    check_absent("Turnout was low in Republican primaries across the state this spring.", "Republican");
    check_absent("The interview was broadcast in Arabic on the state channel last night.", "Arabic");
}

/// A listed given name alone names the one person of the text whose name it opens; with two
/// such persons it names neither.
#[test]
fn a_given_name_alone_is_the_one_person_it_opens() {
    let text = "Petter Brandvold, 61, ran the port for eleven years. His brother said on Monday \
                that Petter had always paid his taxes.";
    check(text, P, "Petter Brandvold", &[], &["Petter Brandvold", "His", "Petter"]);
    let text = "Hanna Lind and Hanna Berg run the shop together. Customers said that Hanna was \
                always there early.";
    let seg = newsdesk_segment::segment(text);
    let taken = recognize(text, &seg)
        .into_iter()
        .filter(|e| e.name.contains(' '))
        .any(|e| e.mentions.iter().any(|m| m.text == "Hanna"));
    assert!(!taken, "`Hanna` alone names neither of two Hannas in {text:?}");
}

/// An organisation's name is the same with or without its legal form.
#[test]
fn a_company_name_without_its_legal_form_is_the_same_company() {
    let text = "The contract went to Nordsjø Dredging AS in 2021. The head of Nordsjø Dredging, \
                Camilla Vik, has denied any wrongdoing.";
    check(text, O, "Nordsjø Dredging AS", &[], &["Nordsjø Dredging AS", "Nordsjø Dredging"]);
}

/// A name right after a lowercase noun for an organisation names one, also an initialism
/// the tagger left untagged.
#[test]
fn a_name_after_a_noun_for_an_organisation_is_one() {
    check(
        "The Portuguese weather institute IPMA has issued a red alert for eleven districts.",
        O,
        "IPMA",
        &[],
        &["IPMA"],
    );
    check(
        "Analysts at the insurer Solvind expect losses to rise this year.",
        O,
        "Solvind",
        &[],
        &["Solvind"],
    );
}

/// A title ending a place's name opens the person's name after it, and the place is the
/// place alone.
#[test]
fn a_title_after_a_place_opens_the_persons_name() {
    let text = "The endorsement came from former Florida Gov. Jeb Bush on Tuesday, aides said.";
    check(text, L, "Florida", &[], &["Florida"]);
    check(text, P, "Jeb Bush", &[], &["Gov. Jeb Bush"]);
    check_absent(text, "Florida Gov.");
}

/// Two persons run into one name are two, and a party word opens no person's name nor is
/// a name alone.
#[test]
fn persons_joined_by_and_and_party_words() {
    let text = "Republican Donald Trump and Democrat Hillary Clinton will debate on Monday night.";
    check(text, P, "Donald Trump", &[], &["Donald Trump"]);
    check(text, P, "Hillary Clinton", &[], &["Hillary Clinton"]);
    check_absent(
        "The Republicans said on Tuesday that the Democratic plan would fail in the Senate.",
        "Republicans",
    );
}

/// Two apostrophes are a double quotation mark: a name inside such a quotation is not the
/// last word on whom a pronoun after it means.
#[test]
fn two_apostrophes_quote() {
    let text = "Senator Bernie Sanders spoke on Monday. Mr. Sanders said the war was a mistake.\n\n\
                ''The president has admitted he has no strategy,'' Jeb Bush, a former governor, \
                told CNN. ''Mr. Sanders last night said that it is not our fight.''\n\n\
                He added, ''It is our fight.''";
    check(text, P, "Jeb Bush", &[], &["Jeb Bush", "He"]);
}

/// An organisation named for what it does runs on over the words the tagger cut off, also
/// over `and`; one the tagger ran on over `and` into a listed name is two.
#[test]
fn organisations_and_and() {
    check(
        "The European Centre for Disease Prevention and Control warned last month that deaths could double.",
        O,
        "European Centre for Disease Prevention and Control",
        &[],
        &["European Centre for Disease Prevention and Control"],
    );
    let text = "The Bank of England and Barclays said on Monday that rates would fall.";
    check(text, O, "Bank of England", &[], &["Bank of England"]);
    check_absent(text, "Bank of England and Barclays");
    let text = "Officials at the Ministry of Defence and Russia met on Monday.";
    check(text, O, "Ministry of Defence", &[], &["Ministry of Defence"]);
    check(text, L, "Russia", &[], &["Russia"]);
}

/// An ampersand joins the names of a firm, also two names the tagger saw apart.
#[test]
fn an_ampersand_joins_a_firms_name() {
    check(
        "Analysts at the sports consultancy Kieran & Moss said the deal could cost the club dearly.",
        O,
        "Kieran & Moss",
        &[],
        &["Kieran & Moss"],
    );
    check(
        "Shares of Procter & Gamble rose on Monday after the report.",
        O,
        "Procter & Gamble",
        &[],
        &["Procter & Gamble"],
    );
}

/// Lowercase particles join a person's name, and `van`/`von` open a surname written alone.
#[test]
fn particles_join_a_persons_name() {
    let text = "Harbour City coach Joost van der Berg blamed the referee. \"There is no contact,\" \
                van der Berg told a news conference.\n\nVan der Berg insisted his job was safe.";
    check(text, P, "Joost van der Berg", &[], &["Joost van der Berg", "van der Berg", "Van der Berg", "his"]);
    check_absent(text, "Joost");
    check(
        "Commission President Ursula von der Leyen arrived in Oslo on Monday.",
        P,
        "Ursula von der Leyen",
        &[],
        &["Commission President Ursula von der Leyen", "Ursula von der Leyen"],
    );
}

/// A family name written first opens a person's name (`Nguyen Van Thanh`).
#[test]
fn family_names_written_first_open_a_name() {
    let text = "\"We have moved 3,000 residents,\" said Nguyen Van Thanh, the vice chairman of the district.";
    check(text, P, "Nguyen Van Thanh", &[], &["Nguyen Van Thanh"]);
    check_absent(text, "Nguyen");
}

/// A noun for one of a country's people (`The Dutchman`) and an age as a noun (`the
/// 58-year-old`) describe a person named before; an age must be the one the text gave.
#[test]
fn demonym_nouns_and_ages_describe_a_person() {
    let text = "Coach Joost van der Berg blamed the referee. The Dutchman said he would not complain.";
    check(text, P, "Joost van der Berg", &[], &["Joost van der Berg", "The Dutchman", "he"]);
    check_absent(text, "Dutchman");
    let text =
        "Manager Steve Pollard defended the decision. The 58-year-old added that his side deserved the win.";
    check(text, P, "Steve Pollard", &[], &["Steve Pollard", "The 58-year-old", "his"]);
    let text = "Luca Ferraro, 23, was calm. Manager Steve Pollard defended him. The 23-year-old said little.";
    check(text, P, "Luca Ferraro", &[], &["Luca Ferraro", "The 23-year-old"]);
}

/// Inside a quotation, a bare description of a person is not the last person named: the
/// speaker talks of someone else (`I speak to the chairman every week`).
#[test]
fn a_description_inside_a_quotation_needs_the_office() {
    let text =
        "Joost van der Berg insisted his job was safe. \"I speak to the chairman every week,\" he said.";
    check(text, P, "Joost van der Berg", &[], &["Joost van der Berg", "his", "he"]);
    check_no_mention(text, "the chairman");
}

/// An industry word ends a company's name (`Quellon Semiconductor`), a body's word after the
/// words the tagger left out (`the Justice Department`), and `the company` is never a public
/// body.
#[test]
fn industry_words_end_names_and_the_company_is_no_public_body() {
    let text = "Shares of Quellon Semiconductor fell on Thursday. Quellon said it had received a \
                subpoena from the Justice Department in September. The company said it was cooperating.";
    check(text, O, "Quellon Semiconductor", &[], &["Quellon Semiconductor", "Quellon", "The company"]);
    check(text, O, "Justice Department", &[], &["Justice Department"]);
    check("A Clinton-backing Senate passed the bill.", O, "Senate", &[], &["Senate"]);
}

/// `The bank` is a body whose name says it is one (`Varden Central Bank`), never the nearest
/// body of another kind; `the central bank` is one too; and `the firm` is no central bank.
#[test]
fn the_bank_is_a_bank_and_the_firm_no_central_bank() {
    let text = "The Varden Central Bank held rates on Thursday. Analysts at Ostrova Securities had \
                expected the decision. \"The bank is buying time,\" said Pia Lund, the firm's chief \
                strategist. The Federation of Varden Industries urged the bank to act sooner. The \
                central bank meets again in June.";
    check(
        text,
        O,
        "Varden Central Bank",
        &[],
        &["Varden Central Bank", "The bank", "the bank", "The central bank"],
    );
    check(text, O, "Ostrova Securities", &[], &["Ostrova Securities", "the firm"]);
    check(text, O, "Federation of Varden Industries", &[], &["Federation of Varden Industries"]);
}

/// A company's short name that the tagger made an organisation of its own joins the full name.
#[test]
fn a_short_name_tagged_alone_joins_the_full_name() {
    let text = "A Senate committee issued a subpoena to the chief executive of SkyNorth Airlines.\n\n\
                \"We will cooperate,\" a SkyNorth spokesman said in an email.\n\n\
                SkyNorth has paid $84 million in refunds.";
    check(text, O, "SkyNorth Airlines", &[], &["SkyNorth Airlines", "SkyNorth", "SkyNorth"]);
    check_absent(text, "SkyNorth");
}

/// A party word ends no name: `the Minnesota Democrat` names a place (and a party).
#[test]
fn a_party_word_ends_no_name() {
    let text = "Sen. Patricia Lindqvist, the Minnesota Democrat who chairs the Commerce Committee, said no.";
    check(text, L, "Minnesota", &[], &["Minnesota"]);
    check_absent(text, "Minnesota Democrat");
}

/// Court and prosecutors' offices are titles: `Assistant U.S. Attorney Keisha Holloway` is
/// Keisha Holloway, and a title alone names no one.
#[test]
fn legal_offices_are_titles() {
    let text = "\"Public office is not a private marketplace,\" Assistant U.S. Attorney Keisha Holloway \
                said. U.S. District Judge Arthur Lindqvist set sentencing for March 3.";
    check(text, P, "Keisha Holloway", &[("title", "Assistant U.S. Attorney")], &[]);
    check(text, P, "Arthur Lindqvist", &[("title", "U.S. District Judge")], &[]);
    check_absent(text, "U.S. District");
}

/// An apposition calls a name a firm also with a demonym in it, a name set off after a
/// noun for a body names one, and a place may open a name an apposition calls a body.
#[test]
fn appositions_name_bodies() {
    let text = "The European Commission fined Altavo, the American cloud computing company, \
                €1.2 billion. Altavo said it would appeal.";
    check(text, O, "Altavo", &[], &["Altavo", "Altavo"]);
    let text = "Mateo Ruiz denied it. Ruiz's team, Iberia Pro Cycling, said it had suspended him.";
    check(text, O, "Iberia Pro Cycling", &[], &["Iberia Pro Cycling"]);
    let text = "And Canada Rising, a conservative political action committee, called him a liability.";
    check(text, O, "Canada Rising", &[], &["Canada Rising"]);
}

/// Descriptions: one with modifiers needs a person the text described with them (`the
/// opposition leader`, never the president); a body's noun that its name holds reaches far
/// back (`the agency`); a noun for people after one heads another phrase (`the committee
/// chairmen`).
#[test]
fn descriptions_with_modifiers_and_bodies() {
    let text = "Zambia's main opposition leader, Chanda Mwansa, claimed victory. Partial results showed \
                President Joseph Banda leading. Banda's spokesman said the count was fair. Observers \
                praised the vote. The opposition leader said the count was rigged.";
    check(text, P, "Chanda Mwansa", &[], &["Chanda Mwansa", "The opposition leader"]);
    check_no_mention("Partial results showed President Joseph Banda leading. The opposition leader said the count was rigged.", "The opposition leader");
    let text = "The International Testing Agency said a sample contained EPO. Ruiz denied it. His \
                agent said the rider would appeal. He said the sample had been mishandled. The agency \
                rejected that claim.";
    check(text, O, "International Testing Agency", &[], &["International Testing Agency", "The agency"]);
    let text = "The Benghazi Committee met on Monday. The committee chairmen said the report was late.";
    check_no_mention(text, "The committee");
}

/// A possessor, or the subject of what someone said, is not whom the next sentence's
/// pronoun means: the speaker is.
#[test]
fn the_speaker_not_whom_he_spoke_of_is_the_next_pronoun() {
    let text = "Partial results showed President Joseph Banda leading. Banda's campaign spokesman, \
                Kelvin Zulu, said the president was confident of winning. He accused the opposition of lying.";
    check(text, P, "Kelvin Zulu", &[], &["Kelvin Zulu", "He"]);
    // (But in that very sentence, the subject of what was said may be meant.)
    let text = "Donald Trump spoke in Ohio on Tuesday. Retired Lt. Gen. Michael Flynn said Trump was \
                right when he said the generals had failed.";
    check(text, P, "Donald Trump", &[], &["Donald Trump", "Trump", "he"]);
}

/// A company's shares opening a sentence are no part of its name, and `the agency` may be an
/// organisation's.
#[test]
fn shares_are_no_name_and_the_agency_may_be_an_organisation() {
    let text = "Nordvik Foods agreed to buy Hallsen Brands on Monday. Shares of Hallsen jumped 27 percent.";
    check(text, O, "Hallsen Brands", &[], &["Hallsen Brands", "Hallsen"]);
    check_absent(text, "Shares of Hallsen");
    let text = "The World Health Organization recommends 150 minutes of exercise a week. The agency \
                estimates that a quarter of adults do not meet that target.";
    check(text, O, "World Health Organization", &[], &["World Health Organization", "The agency"]);
}

/// An ampersand joins capitalised words after a name (`Florida` + `Power & Light`), a storm's
/// name is no person's (`Hurricane Dana`), and `the company` is no public centre.
#[test]
fn firms_storms_and_centres() {
    let text = "Crews were sent, according to Florida Power & Light. The company said it expected to \
                restore power.";
    check(text, O, "Florida Power & Light", &[], &["Florida Power & Light", "The company"]);
    let text = "Hurricane Dana made landfall near Cedar Key on Friday night.";
    check(text, EntityType::Misc, "Hurricane Dana", &[], &["Hurricane Dana"]);
    let text = "The National Hurricane Center said the storm had weakened. The company said it expected \
                to restore power.";
    check_no_mention(text, "The company");
}

#[test]
fn a_given_name_is_known_with_its_accents() {
    // The list writes `Ines`; a Spanish report writes `Inés`.
    check(
        "Inés Valdemora accused the regional government of ignoring the forecasts. She demanded an inquiry.",
        EntityType::Person,
        "Inés Valdemora",
        &[],
        &["Inés Valdemora", "She"],
    );
}

#[test]
fn a_football_clubs_last_word_makes_it_a_club() {
    let text = "Dunmore Rovers beat Kelby Athletic 3-1 on Saturday. Kelby manager Sean Tully was furious.";
    check(text, EntityType::Org, "Dunmore Rovers", &[], &["Dunmore Rovers"]);
    check(text, EntityType::Org, "Kelby Athletic", &[], &["Kelby Athletic", "Kelby"]);
}

#[test]
fn a_pronoun_in_a_later_sentence_means_the_subject_not_the_object() {
    check(
        "Health minister Tamsin Oberlay rejected the figures on Monday. The opposition's spokesman, \
         Corran Vesk, accused Oberlay of hiding the truth. He said the minister should resign.",
        EntityType::Person,
        "Corran Vesk",
        &[],
        &["Corran Vesk", "He"],
    );
    // (One asked answers: `asked X about …. He started his answer`.)
    check(
        "Corran Vesk spoke first. A voter asked Tamsin Oberlay about the plan. He started his answer with a story.",
        EntityType::Person,
        "Tamsin Oberlay",
        &[],
        &["Tamsin Oberlay", "He"],
    );
}

#[test]
fn the_union_names_a_body_whose_name_says_it_is_one() {
    let text =
        "The Harbour Dockers' Union called a strike. Officials at Castlegate Logistics said talks had \
                failed. The strike will start on Monday, according to the union.";
    check(text, EntityType::Org, "Harbour Dockers' Union", &[], &["Harbour Dockers' Union", "the union"]);
    check_no_mention(
        "Officials at Castlegate Logistics said talks had failed. The strike will start on Monday, according \
         to the union.",
        "the union",
    );
}

#[test]
fn a_persons_name_ends_before_of_and_the_body_after_it() {
    let text = "Professor Lena Vosk of Imperial College London said the data were weak.";
    check(text, EntityType::Person, "Lena Vosk", &[], &["Lena Vosk"]);
    check(text, EntityType::Org, "Imperial College London", &[], &["Imperial College London"]);
    let text = "Professor Tom Sandhu of King's College London told the centre that people smoked.";
    check(text, EntityType::Person, "Tom Sandhu", &[], &["Tom Sandhu"]);
    check(text, EntityType::Org, "King's College London", &[], &["King's College London"]);
}

#[test]
fn a_bodys_name_runs_back_over_and_after_the() {
    let text = "The Fish and Game Federation said the rules were unfair.";
    check(text, EntityType::Org, "Fish and Game Federation", &[], &["Fish and Game Federation"]);
    let text = "A grant from the Maud and Peter Olsen Foundation paid for it.";
    check(text, EntityType::Org, "Maud and Peter Olsen Foundation", &[], &[]);
    check_absent(text, "Maud");
    let text = "The Food and Drug Administration approved the drug.";
    check(text, EntityType::Org, "Food and Drug Administration", &[], &[]);
    // (Never over a body or place of its own.)
    check_absent(
        "Agents of the IRS and Drug Enforcement Administration met.",
        "IRS and Drug Enforcement Administration",
    );
}

#[test]
fn a_bodys_name_runs_on_over_on_or_for_and_its_topic() {
    let text = "Farah Idris, a fellow at the Center for Strategic and International Studies, said the talks had stalled.";
    check(text, EntityType::Org, "Center for Strategic and International Studies", &[], &[]);
    check_absent(text, "International Studies");
    let text = "The Commission on Presidential Debates said the rules were fair.";
    check(text, EntityType::Org, "Commission on Presidential Debates", &[], &[]);
    // (Never over a date.)
    let text = "The Harbour Council on Monday rejected the plan.";
    check(text, EntityType::Org, "Harbour Council", &[], &["Harbour Council"]);
}

#[test]
fn a_country_after_an_initialism_or_a_fields_noun_closes_a_bodys_name() {
    let text = "Ayesha Rahim, a spokeswoman for NHS England, said waiting lists had fallen.";
    check(text, EntityType::Org, "NHS England", &[], &["NHS England"]);
    check_absent(text, "England");
    let text = "Officials at Public Health England said the risk to the public was low.";
    check(text, EntityType::Org, "Public Health England", &[], &[]);
    let text = "Police Scotland said two men had been arrested in Glasgow.";
    check(text, EntityType::Org, "Police Scotland", &[], &[]);
    // (Not a headline in capitals.)
    check_absent("WHY SENEGAL MATTERS TO FRANCE", "WHY SENEGAL");
}

#[test]
fn a_temperature_scale_is_no_name() {
    check_absent("Temperatures will stay above 35 degrees Celsius until Wednesday, he said.", "Celsius");
    check_absent("It was 95 degrees Fahrenheit in the shade.", "Fahrenheit");
}

#[test]
fn a_business_noun_never_names_a_federation_or_an_institute() {
    let text = "Drivers have complained to the Farland Consumer Federation for a year. The group called on \
                the government to fine the carmaker.";
    check_no_mention(text, "the carmaker");
    let text = "Brakes failed on cars made by Ostvik Motors, the Norland Road Institute found. It urged \
                regulators to fine the carmaker.";
    check(text, EntityType::Org, "Ostvik Motors", &[], &["Ostvik Motors", "the carmaker"]);
}

#[test]
fn titles_of_several_words_and_titles_ending_a_span() {
    // Civic titles name who follows them, and the whole title goes from the name.
    check(
        "Senate Majority Leader Rosa Delgado, a Democrat from Lakewood, called the plan a stunt.",
        EntityType::Person,
        "Rosa Delgado",
        &[],
        &["Majority Leader Rosa Delgado"],
    );
    check(
        "State Comptroller Dana Whitfield cautioned that the surplus will not last.",
        EntityType::Person,
        "Dana Whitfield",
        &[],
        &["State Comptroller Dana Whitfield"],
    );
    check(
        "\"It is over,\" said Senate Minority Leader Harry Vance, who urged him to quit.",
        EntityType::Person,
        "Harry Vance",
        &[],
        &["Harry Vance"],
    );
    // A part of a title is no one (`Press` of `Press Secretary`).
    check_absent("Reporters questioned Press Secretary Joan Earle about the details.", "Press");
    // `Former` opens no name, and a title ends none: `Florida Gov.` is a place.
    check_absent("On Twitter, Former Carolina Gov. Ned Bush called the plan unhinged.", "Former");
    check(
        "On Twitter, Former Florida Gov. Ned Bush called the plan unhinged.",
        EntityType::Location,
        "Florida",
        &[],
        &["Florida"],
    );
    check_absent("On Twitter, Former Florida Gov. Ned Bush called the plan unhinged.", "Florida Gov.");
    // A surname that is a title stays: `Pete King`.
    check("Rep. Pete King of New York said no.", EntityType::Person, "Pete King", &[], &["Pete King"]);
}

#[test]
fn a_name_ends_before_of_and_a_home_town() {
    // `of` and a town after a full name: the town is no part of it, so later surnames find him.
    check(
        "\"Fine,\" said Rep. Tom Brandt of Millbrook. Brandt predicted defeat.",
        EntityType::Person,
        "Tom Brandt",
        &[],
        &["Rep. Tom Brandt", "Brandt"],
    );
    check_absent(
        "\"Fine,\" said Rep. Tom Brandt of Millbrook. Brandt predicted defeat.",
        "Tom Brandt of Millbrook",
    );
    // Not after a title, nor inside a body's name.
    check("Mary Queen of Scots died in 1587.", EntityType::Person, "Mary Queen of Scots", &[], &[]);
    check(
        "Professor Jo Hale of the Marlow School of Law said no.",
        EntityType::Org,
        "Marlow School of Law",
        &[],
        &["Marlow School of Law"],
    );
}

#[test]
fn a_place_before_a_title_is_a_place() {
    // The place the tagger takes into a titled name is one of its own.
    check("Boston Mayor Marty Walsh said no.", EntityType::Location, "Boston", &[], &["Boston"]);
    check("Boston Mayor Marty Walsh said no.", EntityType::Person, "Marty Walsh", &[], &["Marty Walsh"]);
    // A country's adjective of several words mentions the country, and is no name of its own.
    check(
        "North Korean leader Kim Jong Un said no. North Korean officials denied it.",
        EntityType::Location,
        "North Korea",
        &[],
        &["North Korean", "North Korean"],
    );
    check_absent(
        "North Korean leader Kim Jong Un said no. North Korean officials denied it.",
        "North Korean",
    );
    check(
        "South Korean President Lee Min-ho said no.",
        EntityType::Location,
        "South Korea",
        &[],
        &["South Korean"],
    );
}

#[test]
fn an_office_in_apposition_is_the_persons_title() {
    check(
        "Lena Hartig, the utility's chief executive, said prices would rise.",
        EntityType::Person,
        "Lena Hartig",
        &[("title", "Chief Executive")],
        &["Lena Hartig"],
    );
    check(
        "Its chief executive, Lena Hartig, said prices would rise.",
        EntityType::Person,
        "Lena Hartig",
        &[("title", "Chief Executive")],
        &["Lena Hartig"],
    );
    check(
        "Tomas Ruud, Norway's foreign minister, arrived on Monday.",
        EntityType::Person,
        "Tomas Ruud",
        &[("title", "Foreign Minister"), ("country", "Norway")],
        &["Tomas Ruud"],
    );
    // (A chief executive is no minister: `the minister` is someone else.)
    check_no_mention(
        "Lena Hartig, the utility's chief executive, said prices would rise. The minister said a bill was ready.",
        "The minister",
    );
}

#[test]
fn a_deputys_office_is_not_the_office() {
    check_no_mention(
        "Vice President Mara Olsen visited the plant on Friday. The president said the plant would stay open.",
        "The president",
    );
}

#[test]
fn an_airline_a_retailer_and_a_regulator_are_described() {
    check(
        "Skyline Airways cancelled 40 flights on Sunday. The airline said the strike would end on Tuesday.",
        EntityType::Org,
        "Skyline Airways",
        &[],
        &["Skyline Airways", "The airline"],
    );
    check(
        "Hartwell Foods posted record sales. The retailer said it would open 12 new stores.",
        EntityType::Org,
        "Hartwell Foods",
        &[],
        &["Hartwell Foods", "The retailer"],
    );
    check(
        "The Energy Regulatory Commission fined the firm. The regulator said the fine was final.",
        EntityType::Org,
        "Energy Regulatory Commission",
        &[],
        &["Energy Regulatory Commission", "The regulator"],
    );
}

#[test]
fn where_a_person_comes_from_is_a_place() {
    check(
        "\"We cannot wait,\" said Anke Vos, a dairy farmer from Wallonia who chairs a growers' union.",
        EntityType::Location,
        "Wallonia",
        &[],
        &["Wallonia"],
    );
}

#[test]
fn an_organisations_last_name_word_alone_names_it() {
    check(
        "The European Commission proposed a cap on imports. A Commission spokesperson said the cap would hold.",
        EntityType::Org,
        "European Commission",
        &[],
        &["European Commission", "Commission"],
    );
    check(
        "The Harbour Gazette reported the sale on Monday. The Gazette said the buyer was a local family.",
        EntityType::Org,
        "Harbour Gazette",
        &[],
        &["Harbour Gazette", "Gazette"],
    );
}

#[test]
fn an_organisation_noun_before_its_participle_in_apposition_names_an_organisation() {
    check(
        "Orlen Vattner, the state-owned utility building the dam, said it would appeal. The company gave no figure.",
        O,
        "Orlen Vattner",
        &[],
        &["Orlen Vattner", "The company"],
    );
}

#[test]
fn an_office_before_the_name_after_an_opening_phrase_and_a_portfolio_minister() {
    check(
        "Speaking in the capital, Moravia's health minister, Tomas Dvorak, said the plan was late.",
        P,
        "Tomas Dvorak",
        &[("title", "Health Minister")],
        &["Tomas Dvorak"],
    );
}

#[test]
fn a_bodys_noun_takes_up_the_body_set_beside_it_before_one_named_since() {
    let text = "On Monday, Norvik Power, the utility that runs the grid, raised its prices. The news \
                agency Baltpress reported the rise first. The utility said costs had grown.";
    check(text, O, "Norvik Power", &[], &["Norvik Power", "The utility"]);
}

#[test]
fn a_maker_of_chips_or_drugs_is_a_business() {
    check("Shares of the chipmaker Norlith fell 6% on Monday.", O, "Norlith", &[], &["Norlith"]);
    check(
        "Halvor Brandt, a lawyer for the drugmaker, said the trial was sound. Talvex Pharma, the drugmaker, \
         declined to comment.",
        O,
        "Talvex Pharma",
        &[],
        &["Talvex Pharma"],
    );
}

#[test]
fn a_name_always_closing_a_phrase_after_in_is_a_place() {
    check(
        "Veltrix will cut 900 jobs at the plant in Eindhoven, the company said. Workers at the site in Eindhoven said they learned of it from the news.",
        L,
        "Eindhoven",
        &[],
        &["Eindhoven", "Eindhoven"],
    );
    // (One held or believed in is no place: `a believer in Jesus`.)
    check(
        "Wallnau, a lifelong believer in Jesus, spoke at the rally in Des Moines.",
        P,
        "Jesus",
        &[],
        &["Jesus"],
    );
}

#[test]
fn a_sentence_first_name_set_off_by_an_apposition_for_a_body_is_one() {
    check(
        "Veltrix, the Dutch maker of memory chips, will cut 900 jobs, the company said on Thursday.",
        O,
        "Veltrix",
        &[],
        &["Veltrix", "the company"],
    );
    // (Not an opening adverb: `Instead, the company, ...`.)
    check_absent("Instead, the company, a maker of memory chips, will cut 900 jobs.", "Instead");
}

#[test]
fn an_adjective_after_the_opens_a_body_name_opened_by_a_body_word() {
    check(
        "The Nordic Centre for Fisheries Research and Control warned that stocks had fallen.",
        O,
        "Nordic Centre for Fisheries Research and Control",
        &[],
        &["Nordic Centre for Fisheries Research and Control"],
    );
}

#[test]
fn a_rank_and_an_initialism_before_an_office_in_apposition() {
    check(
        "Hans Brekke, the WHO's regional director for Europe, said vaccination rates must rise.",
        P,
        "Hans Brekke",
        &[("title", "Director")],
        &["Hans Brekke"],
    );
    check(
        "Ines Valdera, WHO regional director for the Americas, said cases had doubled.",
        P,
        "Ines Valdera",
        &[("title", "Director")],
        &["Ines Valdera"],
    );
}

#[test]
fn a_full_name_after_an_agent_noun_stays_a_person() {
    check(
        "Plastics manufacturer Tom Reller was elected to the Senate in 2010. Reller said he was honoured.",
        P,
        "Tom Reller",
        &[],
        &["Tom Reller", "Reller", "he"],
    );
}

#[test]
fn a_name_set_off_after_association_names_a_body() {
    check(
        "A spokesperson for the truckers' association, Fenatrach, said drivers had waited up to nine days.",
        O,
        "Fenatrach",
        &[],
        &["Fenatrach"],
    );
}

#[test]
fn a_name_before_a_border_crossing_is_a_place() {
    check(
        "Lorries queued for days at the Chacalluta border crossing.",
        L,
        "Chacalluta",
        &[],
        &["Chacalluta"],
    );
}

#[test]
fn a_bodys_capitalised_noun_before_for_is_a_names_word_not_a_description() {
    // (`the American Association` is no mention of Congress: it opens another body's name.)
    check_no_mention(
        "Congress passed the bill. His biggest donors include the American Association for Justice, which represents trial lawyers.",
        "the American Association",
    );
}

#[test]
fn a_counterpart_in_apposition_takes_the_office_of_the_person_met() {
    check(
        "Chilean Foreign Minister Rosa Altamira met her Peruvian counterpart, Elmer Salcedo, in Lima on Tuesday.",
        P,
        "Elmer Salcedo",
        &[("title", "Foreign Minister"), ("country", "Peru")],
        &["Elmer Salcedo"],
    );
    // (An office after a possessive object: `thanked his chief of staff, Name,`.)
    check(
        "Governor Tom Orrin thanked his chief of staff, Dana Kipkorir, for the work.",
        P,
        "Dana Kipkorir",
        &[("title", "Chief of Staff")],
        &["Dana Kipkorir"],
    );
}

#[test]
fn a_lowercase_religious_title_is_kin_and_an_assistant_holds_another_office() {
    // (`his father, Rafael,` is no priest.)
    let text = "Senator Alvaro Peña thanked his father, Rafael Peña, for his support.";
    check(text, P, "Rafael Peña", &[], &["Rafael Peña"]);
    let seg = newsdesk_segment::segment(text);
    let father = recognize(text, &seg).into_iter().find(|e| e.name == "Rafael Peña").expect("Rafael Peña");
    assert_eq!(father.attributes.get("title"), None, "{father:?}");
    let text = "Anne Ruckel, assistant secretary of state for population, said the plans were a step.";
    let seg = newsdesk_segment::segment(text);
    let anne = recognize(text, &seg).into_iter().find(|e| e.name == "Anne Ruckel").expect("Anne Ruckel");
    assert_eq!(anne.attributes.get("title"), None, "{anne:?}");
}

#[test]
fn the_authority_takes_up_an_authority_but_not_a_power() {
    check(
        "The Kestrel Harbour Authority fined the operator on Monday. In a ruling, the authority said the engines had not been serviced.",
        O,
        "Kestrel Harbour Authority",
        &[],
        &["Kestrel Harbour Authority", "the authority"],
    );
    check_no_mention(
        "The Clean Air Act gives the Vennmark Protection Agency the authority to issue rules.",
        "the authority",
    );
}

#[test]
fn nobody_is_no_one_and_a_general_secretary_is_titled() {
    check_absent("\"Nobody told us anything for hours,\" he said.", "Nobody");
    check(
        "The ferry union welcomed the ruling. Its general secretary, Ana Sorel, said crews had raised concerns.",
        P,
        "Ana Sorel",
        &[("title", "General Secretary")],
        &["Ana Sorel"],
    );
}

#[test]
fn an_office_of_a_place_before_the_name_and_a_consortium_in_apposition() {
    check(
        "The mayor of Vellberg, Katrin Aalto, has defended the tram line.",
        P,
        "Katrin Aalto",
        &[("title", "Mayor")],
        &["Katrin Aalto"],
    );
    check(
        "A spokeswoman for Nordbahn, the consortium building the line, said the company was cooperating.",
        O,
        "Nordbahn",
        &[],
        &["Nordbahn", "the consortium", "the company"],
    );
}

#[test]
fn a_ship_is_named_after_its_prefix_and_a_name_opens_after_the() {
    check(
        "Inspectors said the operator failed to service the engines of the MV Solstice.",
        EntityType::Misc,
        "MV Solstice",
        &[],
        &["MV Solstice"],
    );
    check(
        "The Kestrel Waterways Act took effect on Monday.",
        EntityType::Misc,
        "Kestrel Waterways Act",
        &[],
        &["Kestrel Waterways Act"],
    );
}
