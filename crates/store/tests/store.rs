//! Store behaviour on small hand-made documents: dedupe, search filters, quotes by speaker,
//! entity rankings and timelines, persistence across reopen.

use newsdesk_model::{Article, Document, Entity, EntityType, Mention, MentionForm, Quote, QuoteKind, Source};
use newsdesk_store::{fts_query, Inserted, QuoteQuery, SearchQuery, Store};

/// A document whose `people` are mentioned by name wherever they occur in `text`, and whose
/// `quotes` are (speaker, quoted words) pairs found verbatim in `text`.
fn doc(url: &str, published: &str, text: &str, people: &[&str], quotes: &[(&str, &str)]) -> Document {
    let article = Article {
        id: String::new(),
        source: Source { name: Some("Example Wire".into()), url: Some(url.into()) },
        title: Some(text.split('.').next().unwrap_or("").into()),
        published: Some(published.into()),
        language: "en".into(),
        text: text.into(),
        ..Default::default()
    };
    let mut d = Document::from_article(&article);
    for (i, name) in people.iter().enumerate() {
        let mentions = text
            .match_indices(name)
            .map(|(s, m)| Mention { start: s, end: s + m.len(), text: m.into(), form: MentionForm::Name })
            .collect();
        d.entities.push(Entity {
            id: format!("e{i}"),
            kind: EntityType::Person,
            subtype: None,
            name: name.to_string(),
            attributes: Default::default(),
            mentions,
        });
    }
    for (speaker, words) in quotes {
        let start = text.find(words).expect("quote in text");
        let who = people.iter().position(|p| p == speaker).map(|i| format!("e{i}"));
        d.quotes.push(Quote {
            kind: QuoteKind::Direct,
            text: words.to_string(),
            start,
            end: start + words.len(),
            cue: Some("said".into()),
            cue_span: None,
            speaker: who,
            speaker_text: Some(speaker.to_string()),
            speaker_span: None,
            reported_by: None,
        });
    }
    d
}

fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs = [
        doc(
            "https://example.org/a",
            "2025-01-10",
            "Mara Quell opened the harbour bridge. \"It will carry trains by spring,\" Mara Quell said.",
            &["Mara Quell"],
            &[("Mara Quell", "It will carry trains by spring,")],
        ),
        doc(
            "https://example.org/b",
            "2025-01-11",
            "Tobin Vale met Mara Quell about the grain levy. \"The levy stays,\" Tobin Vale said.",
            &["Tobin Vale", "Mara Quell"],
            &[("Tobin Vale", "The levy stays,")],
        ),
        doc("https://example.org/c", "2025-01-11", "Rain closed the harbour for a day.", &[], &[]),
    ];
    let out = store.insert_batch(&docs).unwrap();
    assert!(out.iter().all(|r| matches!(r, Inserted::Stored { .. })), "{out:?}");
    (dir, store)
}

fn search(store: &Store, q: SearchQuery) -> Vec<String> {
    let mut urls: Vec<String> =
        store.search(&SearchQuery { limit: 10, ..q }).unwrap().into_iter().filter_map(|h| h.url).collect();
    urls.sort();
    urls
}

#[test]
fn search_with_filters() {
    let (_dir, store) = fixture();
    let q = |text: &str| SearchQuery { text: text.into(), ..Default::default() };
    let cases: Vec<(SearchQuery, Vec<&str>)> = vec![
        (q("harbour"), vec!["https://example.org/a", "https://example.org/c"]),
        (q("HARBOUR bridge"), vec!["https://example.org/a"]),
        (q("levy"), vec!["https://example.org/b"]),
        (q("absent"), vec![]),
        (SearchQuery { speaker: Some("Vale".into()), ..q("") }, vec!["https://example.org/b"]),
        (
            SearchQuery { entity: Some("mara quell".into()), ..q("") },
            vec!["https://example.org/a", "https://example.org/b"],
        ),
        (SearchQuery { entity: Some("Mara".into()), ..q("levy") }, vec!["https://example.org/b"]),
        (SearchQuery { from: Some("2025-01-11".into()), ..q("harbour") }, vec!["https://example.org/c"]),
        (SearchQuery { to: Some("2025-01-10".into()), ..q("") }, vec!["https://example.org/a"]),
        (SearchQuery { source: Some("example wire".into()), ..q("rain") }, vec!["https://example.org/c"]),
        (SearchQuery { source: Some("other".into()), ..q("rain") }, vec![]),
        // FTS syntax in user input is just words.
        (q("harbour\" ( * :"), vec!["https://example.org/a", "https://example.org/c"]),
        (q("harbour OR rain"), vec![]),
    ];
    for (query, expected) in cases {
        let shown = format!("{query:?}");
        assert_eq!(search(&store, query), expected, "{shown}");
    }
}

#[test]
fn dedupes_by_url_and_content() {
    let (_dir, mut store) = fixture();
    let again = doc("https://example.org/a", "2025-02-01", "Completely new words here.", &[], &[]);
    assert!(matches!(store.insert(&again).unwrap(), Inserted::DuplicateUrl { .. }));
    let copy =
        doc("https://mirror.example/c", "2025-01-11", "Rain  closed the\nharbour for a day.", &[], &[]);
    assert!(matches!(store.insert(&copy).unwrap(), Inserted::DuplicateContent { .. }));
    assert_eq!(store.stats().unwrap().documents, 3);
    assert!(store.contains_url("https://example.org/b").unwrap());
    assert!(!store.contains_url("https://example.org/z").unwrap());
}

#[test]
fn quotes_by_speaker() {
    let (_dir, store) = fixture();
    let cases = [
        ("Mara Quell", vec!["It will carry trains by spring,"]),
        ("vale", vec!["The levy stays,"]),
        ("Nobody", vec![]),
    ];
    for (speaker, expected) in cases {
        let rows = store.quotes(&QuoteQuery { speaker: Some(speaker.into()), limit: 10, offset: 0 }).unwrap();
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, expected, "{speaker}");
    }
}

#[test]
fn entities_rank_timeline_and_neighbours() {
    let (_dir, store) = fixture();
    let top = store.top_entities(5, None).unwrap();
    let names: Vec<(&str, i64)> = top.iter().map(|e| (e.name.as_str(), e.documents)).collect();
    assert_eq!(names, vec![("Mara Quell", 2), ("Tobin Vale", 1)]);
    let mara = top[0].id;
    let days: Vec<(String, i64, i64)> =
        store.entity_timeline(mara).unwrap().into_iter().map(|d| (d.day, d.mentions, d.quotes)).collect();
    assert_eq!(days, vec![("2025-01-10".into(), 2, 1), ("2025-01-11".into(), 1, 0)]);
    let near: Vec<(String, i64)> =
        store.cooccurring(mara, 5).unwrap().into_iter().map(|(e, n)| (e.name, n)).collect();
    assert_eq!(near, vec![("Tobin Vale".to_string(), 1)]);
    assert_eq!(store.find_entities("tobin", 5).unwrap().len(), 1);
}

#[test]
fn stored_json_has_char_offsets_and_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Émile Roux spoke. \"Ça suffit,\" Émile Roux said.";
    let id = {
        let mut store = Store::open(dir.path()).unwrap();
        let d = doc(
            "https://example.org/fr",
            "2025-03-01",
            text,
            &["Émile Roux"],
            &[("Émile Roux", "Ça suffit,")],
        );
        store.insert(&d).unwrap().id().to_string()
    };
    let store = Store::open_reader(dir.path()).unwrap();
    let stored = store.document(&id).unwrap().expect("stored");
    let wire: Document = serde_json::from_str(&stored.json).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let q = &wire.quotes[0];
    assert_eq!(chars[q.start..q.end].iter().collect::<String>(), "Ça suffit,");
    assert_eq!(store.stats().unwrap().schema_version as usize, newsdesk_store::schema::MIGRATIONS.len());
}

#[test]
fn fts_queries_are_always_valid() {
    let cases = [
        ("peace talks", Some("\"peace\" \"talks\"")),
        ("\"a\" AND (b", Some("\"a\" \"AND\" \"b\"")),
        ("***", None),
        ("", None),
    ];
    for (input, expected) in cases {
        assert_eq!(fts_query(input).as_deref(), expected, "{input}");
    }
}

/// A store past the size where search samples the newest documents: 1,200 bulletins, every
/// hundredth about the levy (and naming Mara Quell; the 1,100th twice), each quoting Tobin Vale twice.
#[test]
fn search_in_a_large_store_ranks_rare_words_and_pages_common_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs: Vec<Document> = (0..1200)
        .map(|i| {
            let levy = match i {
                1100 => " Mara Quell said the levy stays, the levy rises.",
                _ if i % 100 == 0 => " Mara Quell said the levy stays.",
                _ => "",
            };
            let text = format!("Edition {i} of the harbour bulletin.{levy} \"Open,\" Tobin Vale said. \"Shut,\" Tobin Vale said.");
            let people: &[&str] = if levy.is_empty() { &["Tobin Vale"] } else { &["Tobin Vale", "Mara Quell"] };
            doc(&format!("https://example.org/{i}"), "2025-03-01", &text, people, &[("Tobin Vale", "Open,"), ("Tobin Vale", "Shut,")])
        })
        .collect();
    store.insert_batch(&docs).unwrap();
    let q = |text: &str| SearchQuery { text: text.into(), limit: 10, ..Default::default() };
    let first = |query: SearchQuery| -> (usize, Option<String>) {
        let hits = store.search(&query).unwrap();
        (hits.len(), hits.first().and_then(|h| h.url.clone()))
    };
    let newest = Some("https://example.org/1199".to_string());
    let cases: Vec<(SearchQuery, (usize, Option<String>))> = vec![
        // Words in every document: newest first, also past the sampled documents.
        (q("harbour bulletin"), (10, newest.clone())),
        (SearchQuery { offset: 1185, ..q("bulletin") }, (10, Some("https://example.org/14".into()))),
        // A rare word beside common ones is ranked; the common ones do not hide it.
        (SearchQuery { limit: 20, ..q("the levy bulletin") }, (12, Some("https://example.org/1100".into()))),
        (
            SearchQuery { entity: Some("Mara Quell".into()), limit: 20, ..q("bulletin") },
            (12, Some("https://example.org/1100".into())),
        ),
        // A speaker with more quotes than are sorted walks the day index.
        (SearchQuery { speaker: Some("Tobin Vale".into()), ..q("") }, (10, newest.clone())),
        (SearchQuery { speaker: Some("Mara Quell".into()), ..q("") }, (0, None)),
    ];
    for (query, expected) in cases {
        let shown = format!("{query:?}");
        assert_eq!(first(query), expected, "{shown}");
    }
}
