//! Adding documents: one transaction per batch, deduplicated by URL and by content hash.
//! Every row derived from a document is written from its wire form (char offsets), the same
//! JSON that is stored, so tables and JSON can never disagree.

use crate::rows::{entity_key, form_name, kind_name, normalise, speaker_name};
use crate::{content_hash, rows, Result, Store};
use newsdesk_model::{wire, Document};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};

/// What happened to one document handed to [`Store::insert_batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Newly stored under this id (durable once `insert_batch` returned).
    Stored { id: String },
    /// Already present with the same URL; `id` is the stored document's id.
    DuplicateUrl { id: String },
    /// Already present with the same text under another URL.
    DuplicateContent { id: String },
}

impl Inserted {
    pub fn id(&self) -> &str {
        match self {
            Inserted::Stored { id } | Inserted::DuplicateUrl { id } | Inserted::DuplicateContent { id } => id,
        }
    }
}

impl Store {
    /// True when a document with this URL is already stored (lets ingest skip analysis).
    pub fn contains_url(&self, url: &str) -> Result<bool> {
        found(&self.conn, "SELECT 1 FROM documents WHERE url = ?1", url)
    }

    /// True when a document with this content hash (see [`content_hash`]) is already stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool> {
        found(&self.conn, "SELECT 1 FROM documents WHERE content_hash = ?1", hash)
    }

    /// Stores one document; see [`Store::insert_batch`].
    pub fn insert(&mut self, doc: &Document) -> Result<Inserted> {
        let mut out = self.insert_batch(std::slice::from_ref(doc))?;
        Ok(out.pop().unwrap_or(Inserted::DuplicateContent { id: String::new() }))
    }

    /// Stores `docs` (byte offsets, straight from `newsdesk_analyze::analyze`) in one
    /// transaction. When this returns `Ok`, every `Stored` document is durable.
    pub fn insert_batch(&mut self, docs: &[Document]) -> Result<Vec<Inserted>> {
        self.insert_all(docs.iter().map(|doc| (doc, doc.source.url.as_deref())))
    }

    /// Like [`Store::insert_batch`], but each document is keyed by the URL it was fetched
    /// from (the input's URL) rather than the one extraction found in the page, which may be
    /// a canonical or even a home-page URL shared by many articles.
    pub fn insert_fetched(&mut self, docs: &[(Document, Option<String>)]) -> Result<Vec<Inserted>> {
        self.insert_all(
            docs.iter().map(|(doc, fetched)| (doc, fetched.as_deref().or(doc.source.url.as_deref()))),
        )
    }

    /// Stores each document under its URL, all in one transaction.
    fn insert_all<'a>(
        &mut self,
        docs: impl Iterator<Item = (&'a Document, Option<&'a str>)>,
    ) -> Result<Vec<Inserted>> {
        let tx = self.conn.transaction()?;
        let mut counts = Counts::default();
        let out =
            docs.map(|(doc, url)| insert_one(&tx, doc, url, &mut counts)).collect::<Result<Vec<_>>>()?;
        counts.apply(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Entity lookups and counter changes of one transaction: an entity row is looked up once
/// per batch and its counters (and so its place in `entities_docs`) updated once at the end,
/// instead of once per document that mentions it.
#[derive(Default)]
struct Counts {
    rows: HashMap<String, i64>,
    /// Entity rowid → (documents, mentions, quotes) added by this batch.
    added: HashMap<i64, [i64; 3]>,
}

impl Counts {
    fn apply(&self, tx: &Transaction) -> Result<()> {
        let mut stmt = tx.prepare_cached(
            "UPDATE entities SET docs = docs + ?2, mentions = mentions + ?3, quotes = quotes + ?4 WHERE rowid = ?1",
        )?;
        let mut added: Vec<_> = self.added.iter().collect();
        added.sort_unstable_by_key(|(row, _)| **row);
        for (row, [docs, mentions, quotes]) in added {
            stmt.execute(params![row, docs, mentions, quotes])?;
        }
        Ok(())
    }
}

/// True when `sql` finds a row for `key`.
fn found(conn: &Connection, sql: &str, key: &str) -> Result<bool> {
    Ok(conn.prepare_cached(sql)?.query_row([key], |_| Ok(())).optional()?.is_some())
}

fn existing(tx: &Transaction, sql: &str, key: &str) -> Result<Option<String>> {
    Ok(tx.prepare_cached(sql)?.query_row([key], |r| r.get(0)).optional()?)
}

fn insert_one(tx: &Transaction, doc: &Document, url: Option<&str>, counts: &mut Counts) -> Result<Inserted> {
    let url = url.filter(|u| !u.is_empty());
    if let Some(url) = url {
        if let Some(id) = existing(tx, "SELECT id FROM documents WHERE url = ?1", url)? {
            return Ok(Inserted::DuplicateUrl { id });
        }
    }
    let hash = content_hash(&doc.text);
    if let Some(id) = existing(tx, "SELECT id FROM documents WHERE content_hash = ?1", &hash)? {
        return Ok(Inserted::DuplicateContent { id });
    }
    let mut wire = wire::to_char_offsets(doc);
    if wire.id.is_empty() || existing(tx, "SELECT id FROM documents WHERE id = ?1", &wire.id)?.is_some() {
        // Extraction gives no id, or the same id for different content: the content decides.
        wire.id = hash[..16].to_string();
    }
    let json = serde_json::to_string(&wire)?;
    let day = rows::day(&wire);
    let source = rows::source(&wire, url);
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    tx.prepare_cached(
        "INSERT INTO documents (id, url, content_hash, source, title, published, day, ingested_at, text, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![wire.id, url, hash, source, wire.title, wire.published, day, now as i64, wire.text, json])?;
    let doc_row = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![doc_row, wire.title.as_deref().unwrap_or(""), wire.text])?;
    let rows = insert_entities(tx, doc_row, &wire, counts)?;
    insert_findings(tx, doc_row, &wire, &rows)?;
    Ok(Inserted::Stored { id: wire.id })
}

/// Maps each document-local entity to a store-wide one (same type and name) and writes
/// its mentions; returns local id → entity rowid.
fn insert_entities(
    tx: &Transaction,
    doc_row: i64,
    wire: &Document,
    counts: &mut Counts,
) -> Result<HashMap<String, i64>> {
    let mut rows = HashMap::new();
    let mut counted = HashSet::new();
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
        tx.prepare_cached(
            "INSERT OR IGNORE INTO doc_entities (doc, entity, local_id, mentions, quotes) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![doc_row, row, entity.id, mentions, quotes])?;
        let new_doc = i64::from(counted.insert(row));
        let added = counts.added.entry(row).or_default();
        added[0] += new_doc;
        added[1] += mentions;
        added[2] += quotes;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO mentions (doc, entity, start, end, text, form) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for m in &entity.mentions {
            stmt.execute(params![doc_row, row, m.start as i64, m.end as i64, m.text, form_name(m.form)])?;
        }
    }
    Ok(rows)
}

/// The rowid of the store-wide entity `key`, added (with its full-text row) when new.
fn entity_rowid(tx: &Transaction, key: &str, name: &str, kind: &str) -> Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT rowid FROM entities WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    if let Some(row) = found {
        return Ok(row);
    }
    tx.prepare_cached("INSERT INTO entities (key, name, type) VALUES (?1, ?2, ?3)")?
        .execute(params![key, name, kind])?;
    let row = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO entities_fts (rowid, name) VALUES (?1, ?2)")?
        .execute(params![row, name])?;
    Ok(row)
}

/// Writes the quotes (in text order), amounts, dates and events of a document.
fn insert_findings(
    tx: &Transaction,
    doc_row: i64,
    wire: &Document,
    rows: &HashMap<String, i64>,
) -> Result<()> {
    let row_of = |id: &Option<String>| id.as_ref().and_then(|id| rows.get(id)).copied();
    insert_quotes(tx, doc_row, wire, row_of)?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO amounts (doc, text, value, unit, qualifier, object, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for a in &wire.amounts {
        let value = a.value.is_finite().then_some(a.value);
        stmt.execute(params![
            doc_row,
            a.text,
            value,
            a.unit,
            a.qualifier,
            a.object,
            a.start as i64,
            a.end as i64
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO dates (doc, text, value, resolution, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for d in &wire.dates {
        stmt.execute(params![doc_row, d.text, d.value, d.resolution, d.start as i64, d.end as i64])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (doc, code, label, source, target, date, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in &wire.events {
        stmt.execute(params![
            doc_row,
            e.code,
            e.label,
            row_of(&e.source),
            row_of(&e.target),
            e.date,
            e.text
        ])?;
    }
    Ok(())
}

/// Writes the quotes of a document in text order, so that rowid order within a document is
/// reading order (the quote browser orders by it from an index).
fn insert_quotes(
    tx: &Transaction,
    doc_row: i64,
    wire: &Document,
    row_of: impl Fn(&Option<String>) -> Option<i64>,
) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (doc, speaker, speaker_name, kind, text, start, end, cue) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut quotes: Vec<_> = wire.quotes.iter().collect();
    quotes.sort_by_key(|q| (q.start, q.end));
    for q in quotes {
        let speaker_name = speaker_name(wire, q);
        stmt.execute(params![
            doc_row,
            row_of(&q.speaker),
            speaker_name,
            kind_name(q.kind),
            q.text,
            q.start as i64,
            q.end as i64,
            q.cue
        ])?;
    }
    Ok(())
}
