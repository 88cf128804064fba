//! Reading the store: quotes by speaker, top entities, an entity's mentions per day and its
//! neighbours, documents by id (full-text search is in `search`). Every query has a row
//! limit (callers clamp it) and runs under the connection's time budget, so no request can
//! hold the store.

use crate::search::fts_query;
use crate::{Result, Store};
use rusqlite::{params_from_iter, Connection, OptionalExtension, Params, Row, Statement};
use serde::Serialize;

/// Most rows any query returns, whatever the caller asks for.
pub const MAX_LIMIT: usize = 500;
/// Longest accepted free-text query, in bytes; longer queries are cut at a char boundary.
pub const MAX_QUERY_BYTES: usize = 512;

#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    pub speaker: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub speaker: Option<String>,
    /// Store-wide entity id of the speaker, when resolved.
    pub speaker_entity: Option<i64>,
    pub kind: String,
    pub text: String,
    pub cue: Option<String>,
    pub document: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub day: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    /// Store-wide entity id.
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub documents: i64,
    pub mentions: i64,
    pub quotes: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DayCount {
    pub day: String,
    pub mentions: i64,
    pub quotes: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub day: String,
    /// The `newsdesk.document/1` JSON (char offsets), as stored.
    pub json: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub documents: i64,
    pub entities: i64,
    pub quotes: i64,
    pub schema_version: u32,
}

/// A struct read from a row whose columns are its fields, in the same order:
/// `from_row!(r, DayCount { day, mentions, quotes })`.
macro_rules! from_row {
    ($row:expr, $ty:ident { $($field:ident),+ $(,)? }) => {{
        let mut column = 0;
        $ty {
            $($field: {
                column += 1;
                $row.get(column - 1)?
            }),+
        }
    }};
}

/// Every row `stmt` returns for `params`, each read by `row`.
pub(crate) fn all_rows<T>(
    stmt: &mut Statement,
    params: impl Params,
    row: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    Ok(stmt.query_map(params, row)?.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn clamp(limit: usize) -> i64 {
    limit.clamp(1, MAX_LIMIT) as i64
}

/// Store-wide ids of the entities whose name contains all the words of `name`, most
/// frequent first (bounded).
pub(crate) fn entity_ids(conn: &Connection, name: &str) -> Result<Vec<i64>> {
    let Some(q) = fts_query(name) else { return Ok(Vec::new()) };
    let mut stmt = conn.prepare_cached(
        "SELECT e.rowid FROM entities_fts f JOIN entities e ON e.rowid = f.rowid
         WHERE entities_fts MATCH ?1 ORDER BY e.docs DESC LIMIT 50",
    )?;
    all_rows(&mut stmt, [q], |r| r.get(0))
}

pub(crate) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        "NULL".into()
    } else {
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    }
}

/// The columns [`entity_row`] reads, in its order, of `entities e`.
const ENTITY_COLUMNS: &str = "e.rowid, e.name, e.type, e.docs, e.mentions, e.quotes";

fn entity_row(r: &Row) -> rusqlite::Result<EntityRow> {
    Ok(from_row!(r, EntityRow { id, name, kind, documents, mentions, quotes }))
}

impl Store {
    /// Quotes, newest first; only those of `speaker` (an entity name or part of one, or the
    /// speaker as written) when given.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        self.budgeted(|conn| {
            let mut args = Vec::new();
            // Quotes are stored in text order, so (doc DESC, rowid) is newest document first,
            // then reading order: both come from the covering speaker indexes, and only the
            // page's rows are read.
            let candidates = match q.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(speaker) => {
                    let ids = id_list(&entity_ids(conn, speaker)?);
                    args.push(speaker);
                    // UNION, not OR, so both indexes are read (see `search`); it also drops
                    // a quote found by both.
                    format!(
                        "SELECT doc, rowid AS r FROM quotes WHERE speaker IN ({ids})
                         UNION SELECT doc, rowid AS r FROM quotes WHERE speaker_name = ?1 COLLATE NOCASE"
                    )
                }
                None => "SELECT doc, rowid AS r FROM quotes".to_string(),
            };
            let sql = format!(
                "WITH top AS (SELECT doc, r FROM ({candidates}) ORDER BY doc DESC, r LIMIT {} OFFSET {})
                 SELECT q.speaker_name, q.speaker, q.kind, q.text, q.cue, d.id, d.title, d.source, d.day
                 FROM top JOIN quotes q ON q.rowid = top.r JOIN documents d ON d.rowid = q.doc
                 ORDER BY top.doc DESC, top.r",
                clamp(q.limit),
                q.offset.min(10_000)
            );
            all_rows(&mut conn.prepare(&sql)?, params_from_iter(args), |r| {
                Ok(from_row!(
                    r,
                    QuoteRow { speaker, speaker_entity, kind, text, cue, document, title, source, day }
                ))
            })
        })
    }

    /// The entities found in most documents; of one type (`PERSON`, `ORG`...) when given.
    pub fn top_entities(&self, limit: usize, kind: Option<&str>) -> Result<Vec<EntityRow>> {
        self.budgeted(|conn| {
            let base = format!("SELECT {ENTITY_COLUMNS} FROM entities e");
            match kind {
                Some(kind) => all_rows(
                    &mut *conn
                        .prepare_cached(&format!("{base} WHERE type = ?1 ORDER BY docs DESC LIMIT ?2"))?,
                    rusqlite::params![kind.to_uppercase(), clamp(limit)],
                    entity_row,
                ),
                None => all_rows(
                    &mut *conn.prepare_cached(&format!("{base} ORDER BY docs DESC LIMIT ?1"))?,
                    [clamp(limit)],
                    entity_row,
                ),
            }
        })
    }

    /// Entities whose name contains all words of `name`, most frequent first.
    pub fn find_entities(&self, name: &str, limit: usize) -> Result<Vec<EntityRow>> {
        self.budgeted(|conn| {
            let ids = entity_ids(conn, name)?;
            let sql = format!(
                "SELECT {ENTITY_COLUMNS} FROM entities e WHERE rowid IN ({})
                 ORDER BY docs DESC LIMIT {}",
                id_list(&ids),
                clamp(limit)
            );
            all_rows(&mut conn.prepare(&sql)?, [], entity_row)
        })
    }

    pub fn entity(&self, id: i64) -> Result<Option<EntityRow>> {
        self.budgeted(|conn| {
            Ok(conn
                .prepare_cached(&format!("SELECT {ENTITY_COLUMNS} FROM entities e WHERE rowid = ?1"))?
                .query_row([id], entity_row)
                .optional()?)
        })
    }

    /// Mentions and quotes of entity `id` per document day, oldest first.
    pub fn entity_timeline(&self, id: i64) -> Result<Vec<DayCount>> {
        self.budgeted(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT d.day, SUM(de.mentions), SUM(de.quotes) FROM doc_entities de
                 JOIN documents d ON d.rowid = de.doc WHERE de.entity = ?1 GROUP BY d.day ORDER BY d.day",
            )?;
            all_rows(&mut stmt, [id], |r| Ok(from_row!(r, DayCount { day, mentions, quotes })))
        })
    }

    /// The entities most often in the same documents as entity `id` (over its latest 2,000
    /// documents), with how many documents they share.
    pub fn cooccurring(&self, id: i64, limit: usize) -> Result<Vec<(EntityRow, i64)>> {
        self.budgeted(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS}, COUNT(DISTINCT b.doc) AS shared
                 FROM (SELECT doc FROM doc_entities WHERE entity = ?1 ORDER BY doc DESC LIMIT 2000) a
                 JOIN doc_entities b ON b.doc = a.doc AND b.entity <> ?1
                 JOIN entities e ON e.rowid = b.entity
                 GROUP BY e.rowid ORDER BY shared DESC, e.docs DESC LIMIT ?2"
            ))?;
            all_rows(&mut stmt, rusqlite::params![id, clamp(limit)], |r| Ok((entity_row(r)?, r.get(6)?)))
        })
    }

    /// One stored document by id.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.budgeted(|conn| {
            Ok(conn
                .prepare_cached("SELECT id, url, source, day, json FROM documents WHERE id = ?1")?
                .query_row([id], |r| Ok(from_row!(r, StoredDocument { id, url, source, day, json })))
                .optional()?)
        })
    }

    /// Document-local entity ids of document `id` with their store-wide ids.
    pub fn entity_ids_of(&self, id: &str) -> Result<Vec<(String, i64)>> {
        self.budgeted(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT de.local_id, de.entity FROM doc_entities de JOIN documents d ON d.rowid = de.doc WHERE d.id = ?1",
            )?;
            all_rows(&mut stmt, [id], |r| Ok((r.get(0)?, r.get(1)?)))
        })
    }

    pub fn stats(&self) -> Result<Stats> {
        self.budgeted(|conn| {
            let count =
                |table: &str| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0));
            Ok(Stats {
                documents: count("documents")?,
                entities: count("entities")?,
                quotes: count("quotes")?,
                schema_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
            })
        })
    }
}
