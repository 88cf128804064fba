//! Adding documents: one transaction per batch, deduplicated by URL and by content hash,
//! every row derived from the wire form (char offsets) that is stored as `jsonb`. Each
//! table's rows of a document go in one statement (`UNNEST` of arrays) prepared once per
//! batch, so a document costs about a dozen round trips, not one per row. New entities are
//! inserted and their counters added in key and row order, so concurrent writers never
//! deadlock.

use crate::{PgStore, Result};
use newsdesk_model::{wire, Document};
use newsdesk_store::rows::{self, entity_key, form_name, kind_name, normalise, speaker_name};
use newsdesk_store::{content_hash, Inserted};
use postgres::types::Json;
use postgres::{Statement, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};

impl PgStore {
    /// True when a document with this URL is already stored (lets ingest skip analysis).
    pub fn contains_url(&mut self, url: &str) -> Result<bool> {
        Ok(self.client.query_opt("SELECT 1 FROM documents WHERE url = $1", &[&url])?.is_some())
    }

    /// True when a document with this content hash is already stored.
    pub fn contains_hash(&mut self, hash: &str) -> Result<bool> {
        Ok(self.client.query_opt("SELECT 1 FROM documents WHERE content_hash = $1", &[&hash])?.is_some())
    }

    /// Stores `docs` (byte offsets, straight from `newsdesk_analyze::analyze`) in one
    /// transaction. When this returns `Ok`, every `Stored` document is committed.
    pub fn insert_batch(&mut self, docs: &[Document]) -> Result<Vec<Inserted>> {
        self.insert_all(docs.iter().map(|doc| (doc, doc.source.url.as_deref())))
    }

    /// Like [`PgStore::insert_batch`], each document keyed by the URL it was fetched from.
    pub fn insert_fetched(&mut self, docs: &[(Document, Option<String>)]) -> Result<Vec<Inserted>> {
        self.insert_all(
            docs.iter().map(|(doc, fetched)| (doc, fetched.as_deref().or(doc.source.url.as_deref()))),
        )
    }

    fn insert_all<'a>(
        &mut self,
        docs: impl Iterator<Item = (&'a Document, Option<&'a str>)>,
    ) -> Result<Vec<Inserted>> {
        let mut tx = self.client.transaction()?;
        // Writes are not bounded by the read budget.
        tx.batch_execute("SET LOCAL statement_timeout = 0")?;
        let stmts = Statements::prepare(&mut tx)?;
        let mut counts = Counts::default();
        let mut out = Vec::new();
        for (doc, url) in docs {
            out.push(insert_one(&mut tx, &stmts, doc, url, &mut counts)?);
        }
        counts.apply(&mut tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Entity rows looked up in this batch and the counters it adds to them.
#[derive(Default)]
struct Counts {
    rows: HashMap<String, i64>,
    /// Entity rowid → (documents, mentions, quotes); ordered, so locks are taken in row order.
    added: BTreeMap<i64, [i64; 3]>,
}

impl Counts {
    fn apply(&self, tx: &mut Transaction) -> Result<()> {
        let stmt = tx.prepare(
            "UPDATE entities SET docs = docs + $2, mentions = mentions + $3, quotes = quotes + $4 WHERE rowid = $1",
        )?;
        for (row, [docs, mentions, quotes]) in &self.added {
            tx.execute(&stmt, &[row, docs, mentions, quotes])?;
        }
        Ok(())
    }
}

/// The statements of a batch, prepared once.
struct Statements {
    by_url: Statement,
    by_hash: Statement,
    by_id: Statement,
    document: Statement,
    add_entities: Statement,
    entity_rows: Statement,
    links: Statement,
    mentions: Statement,
    quotes: Statement,
    amounts: Statement,
    dates: Statement,
    events: Statement,
}

impl Statements {
    fn prepare(tx: &mut Transaction) -> Result<Statements> {
        let mut p = |sql: &str| tx.prepare(sql);
        Ok(Statements {
            by_url: p("SELECT id FROM documents WHERE url = $1")?,
            by_hash: p("SELECT id FROM documents WHERE content_hash = $1")?,
            by_id: p("SELECT id FROM documents WHERE id = $1")?,
            document: p(
                // ON CONFLICT: another writer may have stored the same URL or text since the check.
                "INSERT INTO documents (id, url, content_hash, source, title, published, day, ingested_at, text, json)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING rowid",
            )?,
            add_entities: p(
                "INSERT INTO entities (key, name, type) SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[])
                 ON CONFLICT (key) DO NOTHING",
            )?,
            entity_rows: p("SELECT key, rowid FROM entities WHERE key = ANY($1)")?,
            links: p(
                "INSERT INTO doc_entities (doc, entity, local_id, mentions, quotes)
                 SELECT $1, * FROM UNNEST($2::bigint[], $3::text[], $4::bigint[], $5::bigint[])
                 ON CONFLICT DO NOTHING",
            )?,
            mentions: p(
                r#"INSERT INTO mentions (doc, entity, start, "end", text, form)
                   SELECT $1, * FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[])"#,
            )?,
            quotes: p(
                r#"INSERT INTO quotes (doc, speaker, speaker_name, kind, text, start, "end", cue)
                   SELECT $1, * FROM UNNEST($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                                            $7::bigint[], $8::text[])"#,
            )?,
            amounts: p(
                r#"INSERT INTO amounts (doc, text, value, unit, qualifier, object, start, "end")
                   SELECT $1, * FROM UNNEST($2::text[], $3::float8[], $4::text[], $5::text[], $6::text[],
                                            $7::bigint[], $8::bigint[])"#,
            )?,
            dates: p(
                r#"INSERT INTO dates (doc, text, value, resolution, start, "end")
                   SELECT $1, * FROM UNNEST($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])"#,
            )?,
            events: p(
                "INSERT INTO events (doc, code, label, source, target, date, text)
                 SELECT $1, * FROM UNNEST($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])",
            )?,
        })
    }
}

fn existing(tx: &mut Transaction, stmt: &Statement, key: &str) -> Result<Option<String>> {
    Ok(tx.query_opt(stmt, &[&key])?.map(|r| r.get(0)))
}

/// Why `url`/`hash` cannot be stored again, when they cannot.
fn duplicate(
    tx: &mut Transaction,
    s: &Statements,
    url: Option<&str>,
    hash: &str,
) -> Result<Option<Inserted>> {
    if let Some(url) = url {
        if let Some(id) = existing(tx, &s.by_url, url)? {
            return Ok(Some(Inserted::DuplicateUrl { id }));
        }
    }
    Ok(existing(tx, &s.by_hash, hash)?.map(|id| Inserted::DuplicateContent { id }))
}

/// The wire form of `doc`, with NUL characters (which PostgreSQL text and `jsonb` refuse)
/// replaced by U+FFFD: one char for one, so char offsets stay right.
fn wire_form(doc: &Document) -> Result<Document> {
    let wire = wire::to_char_offsets(doc);
    if !serde_json::to_string(&wire)?.contains("\\u0000") {
        return Ok(wire);
    }
    let mut value = serde_json::to_value(&wire)?;
    fn clean(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if s.contains('\0') => *s = s.replace('\0', "\u{FFFD}"),
            serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
            serde_json::Value::Object(map) => map.values_mut().for_each(clean),
            _ => {}
        }
    }
    clean(&mut value);
    Ok(serde_json::from_value(value)?)
}

fn insert_one(
    tx: &mut Transaction,
    s: &Statements,
    doc: &Document,
    url: Option<&str>,
    counts: &mut Counts,
) -> Result<Inserted> {
    let url = url.filter(|u| !u.is_empty());
    let hash = content_hash(&doc.text);
    if let Some(dup) = duplicate(tx, s, url, &hash)? {
        return Ok(dup);
    }
    let mut wire = wire_form(doc)?;
    if wire.id.is_empty() || existing(tx, &s.by_id, &wire.id)?.is_some() {
        // Extraction gives no id, or the same id for different content: the content decides.
        wire.id = hash[..16].to_string();
    }
    let day = rows::day(&wire);
    let source = rows::source(&wire, url);
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let inserted = tx.query_opt(
        &s.document,
        &[
            &wire.id,
            &url,
            &hash,
            &source,
            &wire.title,
            &wire.published,
            &day,
            &(now as i64),
            &wire.text,
            &Json(&wire),
        ],
    )?;
    let Some(inserted) = inserted else {
        return Ok(duplicate(tx, s, url, &hash)?.unwrap_or(Inserted::DuplicateContent { id: wire.id }));
    };
    let doc_row: i64 = inserted.get(0);
    let rows = insert_entities(tx, s, doc_row, &wire, counts)?;
    insert_findings(tx, s, doc_row, &wire, &rows)?;
    Ok(Inserted::Stored { id: wire.id })
}

/// Maps each document-local entity to a store-wide one (same type and name), adding those
/// not yet stored, and writes the document's links and mentions; returns local id → rowid.
fn insert_entities(
    tx: &mut Transaction,
    s: &Statements,
    doc_row: i64,
    wire: &Document,
    counts: &mut Counts,
) -> Result<HashMap<String, i64>> {
    // (local id, key) of every named entity; the store-wide entities not known to this batch.
    let named: Vec<(&newsdesk_model::Entity, String, String)> = wire
        .entities
        .iter()
        .map(|e| (e, normalise(&e.name)))
        .filter(|(_, name)| !name.is_empty())
        .map(|(e, name)| (e, entity_key(e.kind.as_str(), &name), name))
        .collect();
    let new: BTreeMap<&str, (&str, &str)> = named
        .iter()
        .filter(|(_, key, _)| !counts.rows.contains_key(key))
        .map(|(e, key, name)| (key.as_str(), (name.as_str(), e.kind.as_str())))
        .collect();
    if !new.is_empty() {
        let keys: Vec<&str> = new.keys().copied().collect();
        let names: Vec<&str> = new.values().map(|(name, _)| *name).collect();
        let kinds: Vec<&str> = new.values().map(|(_, kind)| *kind).collect();
        tx.execute(&s.add_entities, &[&keys, &names, &kinds])?;
        for row in tx.query(&s.entity_rows, &[&keys])? {
            counts.rows.insert(row.get(0), row.get(1));
        }
    }
    let mut rows = HashMap::new();
    let mut counted = HashSet::new();
    let mut links = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut mentions = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (entity, key, _) in &named {
        let Some(&row) = counts.rows.get(key) else { continue };
        rows.insert(entity.id.clone(), row);
        let quotes =
            wire.quotes.iter().filter(|q| q.speaker.as_deref() == Some(entity.id.as_str())).count() as i64;
        let count = entity.mentions.len() as i64;
        links.0.push(row);
        links.1.push(entity.id.as_str());
        links.2.push(count);
        links.3.push(quotes);
        let added = counts.added.entry(row).or_default();
        added[0] += i64::from(counted.insert(row));
        added[1] += count;
        added[2] += quotes;
        for m in &entity.mentions {
            mentions.0.push(row);
            mentions.1.push(m.start as i64);
            mentions.2.push(m.end as i64);
            mentions.3.push(m.text.as_str());
            mentions.4.push(form_name(m.form));
        }
    }
    if !links.0.is_empty() {
        tx.execute(&s.links, &[&doc_row, &links.0, &links.1, &links.2, &links.3])?;
    }
    if !mentions.0.is_empty() {
        let m = &mentions;
        tx.execute(&s.mentions, &[&doc_row, &m.0, &m.1, &m.2, &m.3, &m.4])?;
    }
    Ok(rows)
}

/// Writes the quotes (in text order, so rowid order within a document is reading order),
/// amounts, dates and events of a document, one statement per table.
fn insert_findings(
    tx: &mut Transaction,
    s: &Statements,
    doc_row: i64,
    wire: &Document,
    rows: &HashMap<String, i64>,
) -> Result<()> {
    let row_of = |id: &Option<String>| id.as_ref().and_then(|id| rows.get(id)).copied();
    let mut quotes: Vec<_> = wire.quotes.iter().collect();
    quotes.sort_by_key(|q| (q.start, q.end));
    if !quotes.is_empty() {
        let speakers: Vec<Option<i64>> = quotes.iter().map(|q| row_of(&q.speaker)).collect();
        let names: Vec<Option<String>> = quotes.iter().map(|q| speaker_name(wire, q)).collect();
        let kinds: Vec<&str> = quotes.iter().map(|q| kind_name(q.kind)).collect();
        let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        let starts: Vec<i64> = quotes.iter().map(|q| q.start as i64).collect();
        let ends: Vec<i64> = quotes.iter().map(|q| q.end as i64).collect();
        let cues: Vec<Option<&str>> = quotes.iter().map(|q| q.cue.as_deref()).collect();
        tx.execute(&s.quotes, &[&doc_row, &speakers, &names, &kinds, &texts, &starts, &ends, &cues])?;
    }
    let a = &wire.amounts;
    if !a.is_empty() {
        let texts: Vec<&str> = a.iter().map(|a| a.text.as_str()).collect();
        let values: Vec<Option<f64>> = a.iter().map(|a| a.value.is_finite().then_some(a.value)).collect();
        let units: Vec<Option<&str>> = a.iter().map(|a| a.unit.as_deref()).collect();
        let qualifiers: Vec<Option<&str>> = a.iter().map(|a| a.qualifier.as_deref()).collect();
        let objects: Vec<Option<&str>> = a.iter().map(|a| a.object.as_deref()).collect();
        let starts: Vec<i64> = a.iter().map(|a| a.start as i64).collect();
        let ends: Vec<i64> = a.iter().map(|a| a.end as i64).collect();
        tx.execute(&s.amounts, &[&doc_row, &texts, &values, &units, &qualifiers, &objects, &starts, &ends])?;
    }
    let d = &wire.dates;
    if !d.is_empty() {
        let texts: Vec<&str> = d.iter().map(|d| d.text.as_str()).collect();
        let values: Vec<&str> = d.iter().map(|d| d.value.as_str()).collect();
        let resolutions: Vec<&str> = d.iter().map(|d| d.resolution.as_str()).collect();
        let starts: Vec<i64> = d.iter().map(|d| d.start as i64).collect();
        let ends: Vec<i64> = d.iter().map(|d| d.end as i64).collect();
        tx.execute(&s.dates, &[&doc_row, &texts, &values, &resolutions, &starts, &ends])?;
    }
    let e = &wire.events;
    if !e.is_empty() {
        let codes: Vec<&str> = e.iter().map(|e| e.code.as_str()).collect();
        let labels: Vec<&str> = e.iter().map(|e| e.label.as_str()).collect();
        let sources: Vec<Option<i64>> = e.iter().map(|e| row_of(&e.source)).collect();
        let targets: Vec<Option<i64>> = e.iter().map(|e| row_of(&e.target)).collect();
        let dates: Vec<Option<&str>> = e.iter().map(|e| e.date.as_deref()).collect();
        let texts: Vec<&str> = e.iter().map(|e| e.text.as_str()).collect();
        tx.execute(&s.events, &[&doc_row, &codes, &labels, &sources, &targets, &dates, &texts])?;
    }
    Ok(())
}
