//! Adding documents: one transaction per batch, deduplicated by URL and by content hash,
//! every row derived from the wire form (char offsets) that is stored as `jsonb`. Entity
//! counters are added once per batch, in row order, so concurrent writers never deadlock.

use crate::{PgStore, Result};
use newsdesk_model::{wire, Document};
use newsdesk_store::rows::{self, entity_key, form_name, kind_name, normalise, speaker_name};
use newsdesk_store::{content_hash, Inserted};
use postgres::types::Json;
use postgres::Transaction;
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
        let mut counts = Counts::default();
        let mut out = Vec::new();
        for (doc, url) in docs {
            out.push(insert_one(&mut tx, doc, url, &mut counts)?);
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

fn existing(tx: &mut Transaction, sql: &str, key: &str) -> Result<Option<String>> {
    Ok(tx.query_opt(sql, &[&key])?.map(|r| r.get(0)))
}

/// Why `url`/`hash` cannot be stored again, when they cannot.
fn duplicate(tx: &mut Transaction, url: Option<&str>, hash: &str) -> Result<Option<Inserted>> {
    if let Some(url) = url {
        if let Some(id) = existing(tx, "SELECT id FROM documents WHERE url = $1", url)? {
            return Ok(Some(Inserted::DuplicateUrl { id }));
        }
    }
    Ok(existing(tx, "SELECT id FROM documents WHERE content_hash = $1", hash)?
        .map(|id| Inserted::DuplicateContent { id }))
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
    doc: &Document,
    url: Option<&str>,
    counts: &mut Counts,
) -> Result<Inserted> {
    let url = url.filter(|u| !u.is_empty());
    let hash = content_hash(&doc.text);
    if let Some(dup) = duplicate(tx, url, &hash)? {
        return Ok(dup);
    }
    let mut wire = wire_form(doc)?;
    if wire.id.is_empty() || existing(tx, "SELECT id FROM documents WHERE id = $1", &wire.id)?.is_some() {
        // Extraction gives no id, or the same id for different content: the content decides.
        wire.id = hash[..16].to_string();
    }
    let day = rows::day(&wire);
    let source = rows::source(&wire, url);
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    // ON CONFLICT: another writer may have stored the same URL or text since the check.
    let inserted = tx.query_opt(
        "INSERT INTO documents (id, url, content_hash, source, title, published, day, ingested_at, text, json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING rowid",
        &[&wire.id, &url, &hash, &source, &wire.title, &wire.published, &day, &(now as i64), &wire.text, &Json(&wire)],
    )?;
    let Some(inserted) = inserted else {
        return Ok(duplicate(tx, url, &hash)?.unwrap_or(Inserted::DuplicateContent { id: wire.id }));
    };
    let doc_row: i64 = inserted.get(0);
    let rows = insert_entities(tx, doc_row, &wire, counts)?;
    insert_findings(tx, doc_row, &wire, &rows)?;
    Ok(Inserted::Stored { id: wire.id })
}

/// Maps each document-local entity to a store-wide one (same type and name) and writes its
/// mentions; returns local id → entity rowid.
fn insert_entities(
    tx: &mut Transaction,
    doc_row: i64,
    wire: &Document,
    counts: &mut Counts,
) -> Result<HashMap<String, i64>> {
    let mut rows = HashMap::new();
    let mut counted = HashSet::new();
    let link = tx.prepare(
        "INSERT INTO doc_entities (doc, entity, local_id, mentions, quotes) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING",
    )?;
    let mention = tx.prepare(
        r#"INSERT INTO mentions (doc, entity, start, "end", text, form) VALUES ($1, $2, $3, $4, $5, $6)"#,
    )?;
    for entity in &wire.entities {
        let name = normalise(&entity.name);
        if name.is_empty() {
            continue;
        }
        let kind = entity.kind.as_str();
        let key = entity_key(kind, &name);
        let row = match counts.rows.get(&key) {
            Some(&row) => row,
            None => {
                let row = entity_rowid(tx, &key, &name, kind)?;
                counts.rows.insert(key, row);
                row
            }
        };
        rows.insert(entity.id.clone(), row);
        let quotes =
            wire.quotes.iter().filter(|q| q.speaker.as_deref() == Some(entity.id.as_str())).count() as i64;
        let mentions = entity.mentions.len() as i64;
        tx.execute(&link, &[&doc_row, &row, &entity.id, &mentions, &quotes])?;
        let added = counts.added.entry(row).or_default();
        added[0] += i64::from(counted.insert(row));
        added[1] += mentions;
        added[2] += quotes;
        for m in &entity.mentions {
            tx.execute(
                &mention,
                &[&doc_row, &row, &(m.start as i64), &(m.end as i64), &m.text, &form_name(m.form)],
            )?;
        }
    }
    Ok(rows)
}

/// The rowid of the store-wide entity `key`, added when new (by whichever writer is first).
fn entity_rowid(tx: &mut Transaction, key: &str, name: &str, kind: &str) -> Result<i64> {
    let select = "SELECT rowid FROM entities WHERE key = $1";
    if let Some(row) = tx.query_opt(select, &[&key])? {
        return Ok(row.get(0));
    }
    let added = tx.query_opt(
        "INSERT INTO entities (key, name, type) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING rowid",
        &[&key, &name, &kind],
    )?;
    match added {
        Some(row) => Ok(row.get(0)),
        None => Ok(tx.query_one(select, &[&key])?.get(0)),
    }
}

/// Writes the quotes (in text order, so rowid order within a document is reading order),
/// amounts, dates and events of a document.
fn insert_findings(
    tx: &mut Transaction,
    doc_row: i64,
    wire: &Document,
    rows: &HashMap<String, i64>,
) -> Result<()> {
    let row_of = |id: &Option<String>| id.as_ref().and_then(|id| rows.get(id)).copied();
    let stmt = tx.prepare(
        r#"INSERT INTO quotes (doc, speaker, speaker_name, kind, text, start, "end", cue)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"#,
    )?;
    let mut quotes: Vec<_> = wire.quotes.iter().collect();
    quotes.sort_by_key(|q| (q.start, q.end));
    for q in quotes {
        let speaker = row_of(&q.speaker);
        let name = speaker_name(wire, q);
        let (start, end) = (q.start as i64, q.end as i64);
        tx.execute(&stmt, &[&doc_row, &speaker, &name, &kind_name(q.kind), &q.text, &start, &end, &q.cue])?;
    }
    let stmt = tx.prepare(
        r#"INSERT INTO amounts (doc, text, value, unit, qualifier, object, start, "end")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"#,
    )?;
    for a in &wire.amounts {
        let value = a.value.is_finite().then_some(a.value);
        let (start, end) = (a.start as i64, a.end as i64);
        tx.execute(&stmt, &[&doc_row, &a.text, &value, &a.unit, &a.qualifier, &a.object, &start, &end])?;
    }
    let stmt = tx.prepare(
        r#"INSERT INTO dates (doc, text, value, resolution, start, "end") VALUES ($1, $2, $3, $4, $5, $6)"#,
    )?;
    for d in &wire.dates {
        tx.execute(&stmt, &[&doc_row, &d.text, &d.value, &d.resolution, &(d.start as i64), &(d.end as i64)])?;
    }
    let stmt = tx.prepare(
        "INSERT INTO events (doc, code, label, source, target, date, text) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )?;
    for e in &wire.events {
        let (source, target) = (row_of(&e.source), row_of(&e.target));
        tx.execute(&stmt, &[&doc_row, &e.code, &e.label, &source, &target, &e.date, &e.text])?;
    }
    Ok(())
}
