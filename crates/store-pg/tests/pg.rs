//! The PostgreSQL store against a real server: `NEWSDESK_TEST_PG=postgres://...` names a
//! database whose user may create databases (`scripts/with-postgres.sh` starts one). Each
//! test works in a database of its own, so tests run in parallel. Without the variable every
//! test prints a skip line and passes.

use newsdesk_model::Document;
use newsdesk_store::{Inserted, QuoteQuery, SearchQuery, Store};
use newsdesk_store_pg::{schema, PgError, PgStore};

/// A fresh, empty database named `newsdesk_t_{name}` on the test server, or `None` (with a
/// skip line) when no server is given.
fn fresh(name: &str) -> Option<PgStore> {
    let Ok(base) = std::env::var("NEWSDESK_TEST_PG") else {
        eprintln!("skip {name}: NEWSDESK_TEST_PG is not set (run via scripts/with-postgres.sh)");
        return None;
    };
    let db = format!("newsdesk_t_{name}");
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).expect("connect to NEWSDESK_TEST_PG");
    // One statement each: neither may run inside a transaction block.
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db}")).expect("drop database");
    admin.batch_execute(&format!("CREATE DATABASE {db}")).expect("create database");
    let prefix = base.split('?').next().unwrap_or(&base);
    let (server, _) = prefix.rsplit_once('/').expect("URL with a database");
    Some(PgStore::connect(&format!("{server}/{db}")).expect("connect to the fresh database"))
}

/// The repository's example article, analysed as `newsdesk ingest` would.
fn report() -> Document {
    let bytes = include_bytes!("../../../examples/report.txt");
    let opts = newsdesk_extract::Options { url: None, format: Some(newsdesk_extract::Format::Text) };
    let article = newsdesk_extract::extract(bytes, &opts).expect("the example extracts");
    newsdesk_analyze::analyze(&article)
}

/// The same document in the embedded store, to compare answers with.
fn sqlite_with(doc: &Document) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.insert_batch(std::slice::from_ref(doc)).unwrap();
    (dir, store)
}

fn search(text: &str, entity: Option<&str>, speaker: Option<&str>) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        entity: entity.map(str::to_string),
        speaker: speaker.map(str::to_string),
        limit: 10,
        ..Default::default()
    }
}

#[test]
fn search_finds_the_report_by_words_and_names() {
    let Some(mut pg) = fresh("search") else { return };
    let doc = report();
    let stored = pg.insert_batch(std::slice::from_ref(&doc)).unwrap();
    assert!(matches!(&stored[..], [Inserted::Stored { .. }]), "{stored:?}");
    let id = stored[0].id().to_string();
    // (query, found?) — words of the text, names of its entities and speakers, and misses.
    let check = |pg: &mut PgStore, q: SearchQuery, found: bool| {
        let hits = pg.search(&q).unwrap();
        assert_eq!(hits.iter().any(|h| h.id == id), found, "{q:?} → {hits:?}");
        if found {
            assert!(!hits[0].snippet.is_empty(), "{q:?}: no snippet");
        }
    };
    check(&mut pg, search("wheat", None, None), true);
    check(&mut pg, search("GRAIN exports", None, None), true);
    check(&mut pg, search("wheat submarine", None, None), false);
    check(&mut pg, search("", Some("Tokayev"), None), true);
    check(&mut pg, search("grain", Some("Kassym-Jomart Tokayev"), None), true);
    check(&mut pg, search("", Some("Nobody Atall"), None), false);
    check(&mut pg, search("", None, Some("Tokayev")), true);
    check(&mut pg, search("!!! ()", None, None), true);
    let hits = pg.search(&search("wheat", None, None)).unwrap();
    assert!(hits[0].snippet.contains("\u{2}wheat\u{3}"), "{:?}", hits[0].snippet);
}

#[test]
fn reingest_dedupes_by_url_and_by_content() {
    let Some(mut pg) = fresh("dedupe") else { return };
    let doc = report();
    let url = Some("https://example.org/news/1".to_string());
    let other = Some("https://example.org/news/1-copy".to_string());
    let first = pg.insert_fetched(&[(doc.clone(), url.clone())]).unwrap();
    let again = pg.insert_fetched(&[(doc.clone(), url), (doc.clone(), other), (doc.clone(), None)]).unwrap();
    let id = first[0].id().to_string();
    assert_eq!(first, [Inserted::Stored { id: id.clone() }]);
    assert_eq!(
        again,
        [
            Inserted::DuplicateUrl { id: id.clone() },
            Inserted::DuplicateContent { id: id.clone() },
            Inserted::DuplicateContent { id }
        ]
    );
    let stats = pg.stats().unwrap();
    assert_eq!(stats.documents, 1);
    assert!(pg.contains_url("https://example.org/news/1").unwrap());
    assert!(pg.contains_hash(&newsdesk_store::content_hash(&doc.text)).unwrap());
    assert!(!pg.contains_url("https://example.org/news/2").unwrap());
}

#[test]
fn quotes_by_speaker_match_the_embedded_store() {
    let Some(mut pg) = fresh("quotes") else { return };
    let doc = report();
    pg.insert_batch(std::slice::from_ref(&doc)).unwrap();
    let (_dir, sqlite) = sqlite_with(&doc);
    for speaker in [None, Some("Tokayev"), Some("tokayev"), Some("Kassym-Jomart"), Some("Nobody Atall")] {
        let q = QuoteQuery { speaker: speaker.map(str::to_string), limit: 50, offset: 0 };
        let ours: Vec<_> =
            pg.quotes(&q).unwrap().into_iter().map(|r| (r.speaker, r.kind, r.text, r.cue)).collect();
        let theirs: Vec<_> =
            sqlite.quotes(&q).unwrap().into_iter().map(|r| (r.speaker, r.kind, r.text, r.cue)).collect();
        assert_eq!(ours, theirs, "speaker {speaker:?}");
        if speaker.is_some_and(|s| s.to_lowercase().contains("tokayev")) {
            assert!(!ours.is_empty(), "no quotes for {speaker:?}");
        }
    }
}

#[test]
fn migrating_again_changes_nothing() {
    let Some(mut pg) = fresh("migrate") else { return };
    pg.insert_batch(&[report()]).unwrap();
    let before = pg.stats().unwrap();
    assert_eq!(before.schema_version, schema::MIGRATIONS.len() as i64);
    // Connecting migrates; connect twice more and migrate by hand.
    let url = std::env::var("NEWSDESK_TEST_PG").unwrap();
    let (server, _) = url.split('?').next().unwrap().rsplit_once('/').unwrap();
    let url = format!("{server}/newsdesk_t_migrate");
    let mut again = PgStore::connect(&url).unwrap();
    drop(PgStore::connect(&url).unwrap());
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    assert_eq!(schema::migrate(&mut client).unwrap(), schema::MIGRATIONS.len() as i64);
    let rows: i64 = client.query_one("SELECT COUNT(*) FROM schema_version", &[]).unwrap().get(0);
    assert_eq!(rows, schema::MIGRATIONS.len() as i64);
    let after = again.stats().unwrap();
    assert_eq!(
        (after.documents, after.entities, after.quotes),
        (before.documents, before.entities, before.quotes)
    );
    // A database migrated by a newer newsdesk is refused.
    client
        .execute("INSERT INTO schema_version (version) VALUES ($1)", &[&(after.schema_version + 1)])
        .unwrap();
    assert!(matches!(PgStore::connect(&url), Err(PgError::TooNew { .. })));
}

#[test]
fn bad_urls_are_clear_errors() {
    // (location, words the message must hold); none needs a server.
    let check = |url: &str, words: &[&str]| {
        let message = match PgStore::connect(url) {
            Ok(_) => panic!("{url}: connected"),
            Err(e) => e.to_string(),
        };
        for w in words {
            assert!(message.contains(w), "{url}: {message:?} lacks {w:?}");
        }
        assert!(!message.contains("secret"), "{url}: the password is in {message:?}");
    };
    check("mysql://user@host/db", &["postgres://"]);
    check("newsdesk-data", &["postgres://"]);
    check("postgres://user@host:notaport/db", &["not a PostgreSQL URL"]);
    check("postgres://user:secret@127.0.0.1:1/db", &["cannot connect", "127.0.0.1:1/db"]);
}

#[test]
fn writers_at_once_store_a_document_once() {
    let Some(pg) = fresh("writers") else { return };
    drop(pg);
    let url = std::env::var("NEWSDESK_TEST_PG").unwrap();
    let (server, _) = url.split('?').next().unwrap().rsplit_once('/').unwrap();
    let url = format!("{server}/newsdesk_t_writers");
    let doc = report();
    let results: Vec<Inserted> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..4)
            .map(|i| {
                let (url, doc) = (&url, &doc);
                s.spawn(move || {
                    let mut store = PgStore::connect(url).unwrap();
                    let fetched = Some(format!("https://example.org/copy/{i}"));
                    store.insert_fetched(&[(doc.clone(), fetched)]).unwrap().remove(0)
                })
            })
            .collect();
        writers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let stored = results.iter().filter(|r| matches!(r, Inserted::Stored { .. })).count();
    assert_eq!(stored, 1, "{results:?}");
    assert_eq!(PgStore::connect(&url).unwrap().stats().unwrap().documents, 1);
    // Entity counters were added once, by the writer that stored the document.
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let most: i64 = client.query_one("SELECT MAX(docs) FROM entities", &[]).unwrap().get(0);
    assert_eq!(most, 1);
}

#[test]
fn every_finding_has_its_row() {
    let Some(mut pg) = fresh("rows") else { return };
    let doc = report();
    pg.insert_batch(std::slice::from_ref(&doc)).unwrap();
    let url = std::env::var("NEWSDESK_TEST_PG").unwrap();
    let (server, _) = url.split('?').next().unwrap().rsplit_once('/').unwrap();
    let mut client =
        postgres::Client::connect(&format!("{server}/newsdesk_t_rows"), postgres::NoTls).unwrap();
    let mut check = |table: &str, expected: usize| {
        let found: i64 = client.query_one(&format!("SELECT COUNT(*) FROM {table}"), &[]).unwrap().get(0);
        assert_eq!(found, expected as i64, "{table}");
    };
    check("documents", 1);
    check("doc_entities", doc.entities.len());
    check("mentions", doc.entities.iter().map(|e| e.mentions.len()).sum());
    check("quotes", doc.quotes.len());
    check("amounts", doc.amounts.len());
    check("dates", doc.dates.len());
    check("events", doc.events.len());
    // The stored JSON is the wire form: char offsets, the same text.
    let json: serde_json::Value = client.query_one("SELECT json FROM documents", &[]).unwrap().get(0);
    let wire = newsdesk_model::wire::to_char_offsets(&doc);
    assert_eq!(json, serde_json::to_value(&wire).unwrap());
}
