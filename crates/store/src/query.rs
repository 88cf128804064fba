//! Reading the store: full-text search with filters, quotes by speaker, top entities, an
//! entity's mentions per day and its neighbours. Every query has a row limit (callers clamp
//! it) and runs under the connection's time budget, so no request can hold the store.

use crate::{Result, Store};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension, Row};
use serde::Serialize;

/// Most rows any query returns, whatever the caller asks for.
pub const MAX_LIMIT: usize = 500;
/// Longest accepted free-text query, in bytes; longer queries are cut at a char boundary.
pub const MAX_QUERY_BYTES: usize = 512;

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words to find (all must occur); empty = every document, newest first.
    pub text: String,
    /// Only documents quoting this speaker (an entity name or part of one).
    pub speaker: Option<String>,
    /// Only documents mentioning this entity (a name or part of one).
    pub entity: Option<String>,
    /// Only documents from this source (site name or host, case-insensitive).
    pub source: Option<String>,
    /// `YYYY-MM-DD` bounds on the document's day, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub day: String,
    /// A piece of the text around the match; matched words are wrapped in `\u{2}`…`\u{3}`
    /// so renderers can highlight them after escaping.
    pub snippet: String,
}

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

/// Turns free text into an FTS5 query that cannot be a syntax error: every word quoted,
/// all required. Returns `None` when no word is left.
pub fn fts_query(text: &str) -> Option<String> {
    let words = fts_words(text);
    (!words.is_empty()).then(|| words.join(" "))
}

/// The quoted words of [`fts_query`], at most 32.
fn fts_words(text: &str) -> Vec<String> {
    let mut cut = text.len().min(MAX_QUERY_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text[..cut]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{w}\""))
        .collect()
}

/// Splits the words of a query into those worth ranking and those found in nearly every
/// document (`the`, `said`), judged on the newest [`SAMPLE`] documents. bm25 gives a word
/// in more than half the documents no weight, yet computing that weight walks its whole
/// posting list; so near-universal words are dropped when other words remain, and a query
/// made only of them is answered newest first. Small stores keep every word.
///
/// Also returns the row id below the sample: every common word occurs in at least 90% of
/// the documents above it.
fn common_words(conn: &Connection, words: Vec<String>) -> Result<(Vec<String>, Vec<String>, i64)> {
    let newest: i64 = conn.query_row("SELECT COALESCE(MAX(rowid), 0) FROM documents", [], |r| r.get(0))?;
    if newest < SAMPLE {
        return Ok((words, Vec::new(), 0));
    }
    let mut stmt = conn
        .prepare_cached("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid > ?2")?;
    let (mut rare, mut common) = (Vec::new(), Vec::new());
    for word in words {
        let found: i64 = stmt.query_row(rusqlite::params![word, newest - SAMPLE], |r| r.get(0))?;
        if found * 10 >= SAMPLE * 9 {
            common.push(word);
        } else {
            rare.push(word);
        }
    }
    Ok((rare, common, newest - SAMPLE))
}

fn clamp(limit: usize) -> i64 {
    limit.clamp(1, MAX_LIMIT) as i64
}

/// Store-wide ids of the entities whose name contains all the words of `name`, most
/// frequent first (bounded).
fn entity_ids(conn: &Connection, name: &str) -> Result<Vec<i64>> {
    let Some(q) = fts_query(name) else { return Ok(Vec::new()) };
    let mut stmt = conn.prepare_cached(
        "SELECT e.rowid FROM entities_fts f JOIN entities e ON e.rowid = f.rowid
         WHERE entities_fts MATCH ?1 ORDER BY e.docs DESC LIMIT 50",
    )?;
    let ids = stmt.query_map([q], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        "NULL".into()
    } else {
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    }
}

/// A text query ranks at most this many of its newest matches (see [`Store::search`]).
const RANK_WINDOW: i64 = 1_000;
/// Newest documents on which [`common_words`] judges how common a word is.
const SAMPLE: i64 = 1_000;
/// Filtered documents beyond which newest-first results walk the day index instead of
/// sorting every candidate.
const SORT_LIMIT: i64 = 2_000;

fn count(conn: &Connection, sql: &str, args: &[Value]) -> Result<i64> {
    Ok(conn.prepare(sql)?.query_row(params_from_iter(args), |r| r.get(0))?)
}

fn hits(conn: &Connection, sql: &str, args: Vec<Value>) -> Result<Vec<Hit>> {
    let mut stmt = conn.prepare(sql)?;
    let hits = stmt
        .query_map(params_from_iter(args), |r| {
            Ok(Hit {
                id: r.get(0)?,
                url: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                day: r.get(4)?,
                snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

fn entity_row(r: &Row) -> rusqlite::Result<EntityRow> {
    Ok(EntityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        documents: r.get(3)?,
        mentions: r.get(4)?,
        quotes: r.get(5)?,
    })
}

impl Store {
    /// Full-text search with filters; best matches first (newest first without words).
    ///
    /// A word found in nearly every document (`the`) would make bm25 score every match
    /// before `LIMIT`; so ranking looks at the newest [`RANK_WINDOW`] matches of the words
    /// (found by walking the index in rowid order, which is cheap), and only when the filters
    /// leave too few of those does it rank every match.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        self.budgeted(|conn| {
            let mut args: Vec<Value> = Vec::new();
            let mut filters = Vec::new();
            if let Some(source) = q.source.as_deref().filter(|s| !s.is_empty()) {
                args.push(source.to_string().into());
                filters.push(format!("d.source = ?{} COLLATE NOCASE", args.len()));
            }
            if let Some(from) = q.from.as_deref().filter(|s| !s.is_empty()) {
                args.push(from.to_string().into());
                filters.push(format!("d.day >= ?{}", args.len()));
            }
            if let Some(to) = q.to.as_deref().filter(|s| !s.is_empty()) {
                args.push(to.to_string().into());
                filters.push(format!("d.day <= ?{}", args.len()));
            }
            let mut candidates = 0;
            if let Some(entity) = q.entity.as_deref().filter(|s| !s.is_empty()) {
                let ids = id_list(&entity_ids(conn, entity)?);
                candidates += count(conn, &format!("SELECT COUNT(*) FROM doc_entities WHERE entity IN ({ids})"), &[])?;
                filters.push(format!("d.rowid IN (SELECT doc FROM doc_entities WHERE entity IN ({ids}))"));
            }
            if let Some(speaker) = q.speaker.as_deref().filter(|s| !s.is_empty()) {
                let ids = id_list(&entity_ids(conn, speaker)?);
                let name = Value::from(speaker.trim().to_string());
                candidates += count(
                    conn,
                    &format!("SELECT (SELECT COUNT(*) FROM quotes WHERE speaker IN ({ids})) + (SELECT COUNT(*) FROM quotes WHERE speaker_name = ?1 COLLATE NOCASE)"),
                    std::slice::from_ref(&name),
                )?;
                args.push(name);
                filters.push(format!(
                    // UNION ALL, not OR: SQLite then reads both covering indexes instead of
                    // scanning every quote.
                    "d.rowid IN (SELECT doc FROM quotes WHERE speaker IN ({ids})
                     UNION ALL SELECT doc FROM quotes WHERE speaker_name = ?{} COLLATE NOCASE)",
                    args.len()
                ));
            }
            let limit = clamp(q.limit);
            let offset = q.offset.min(10_000) as i64;
            let words = fts_words(&q.text);
            if words.is_empty() {
                // Without words: newest first. A frequent entity or speaker has too many
                // documents to sort; walking the day index until the page is full is cheaper.
                let scan = if candidates > SORT_LIMIT { "INDEXED BY documents_day" } else { "" };
                // Order row ids first, read the page's columns after: the sorter would
                // otherwise carry every candidate's text.
                let sql = format!(
                    "WITH top AS (SELECT d.rowid AS r, d.day AS k FROM documents d {scan} {} {}
                         ORDER BY d.day DESC, d.rowid DESC LIMIT {limit} OFFSET {offset})
                     SELECT d.id, d.url, d.title, d.source, d.day, substr(d.text, 1, 200)
                     FROM top JOIN documents d ON d.rowid = top.r ORDER BY top.k DESC, top.r DESC",
                    if filters.is_empty() { "" } else { "WHERE" },
                    filters.join(" AND "),
                );
                return hits(conn, &sql, args);
            }
            let (rare, common, sample) = common_words(conn, words)?;
            if rare.is_empty() {
                // Only near-universal words: bm25 cannot order them, so newest first.
                args.push(common.join(" ").into());
                let n = args.len();
                let join = if filters.is_empty() { "" } else { "JOIN documents d ON d.rowid = documents_fts.rowid" };
                let newest_first = |floor: Option<i64>| {
                    let mut all = filters.clone();
                    all.push(format!("documents_fts MATCH ?{n}"));
                    if let Some(floor) = floor {
                        all.push(format!("documents_fts.rowid > {floor}"));
                    }
                    format!(
                        "WITH top AS (SELECT documents_fts.rowid AS r FROM documents_fts {join}
                             WHERE {} ORDER BY documents_fts.rowid DESC LIMIT {limit} OFFSET {offset})
                         SELECT d.id, d.url, d.title, d.source, d.day,
                                snippet(documents_fts, 1, char(2), char(3), '…', 24)
                         FROM top JOIN documents_fts ON documents_fts.rowid = top.r
                         JOIN documents d ON d.rowid = top.r
                         WHERE documents_fts MATCH ?{n} ORDER BY top.r DESC",
                        all.join(" AND ")
                    )
                };
                // FTS5 walks a long posting list backwards slowly: look in the sample
                // first, where the page usually is, and further back only when it is not.
                let found = hits(conn, &newest_first(Some(sample)), args.clone())?;
                if found.len() as i64 == limit {
                    return Ok(found);
                }
                let sql = newest_first(None);
                return hits(conn, &sql, args);
            }
            args.push(rare.join(" ").into());
            let n = args.len();
            let window = RANK_WINDOW.max(limit + offset);
            let floor: Option<i64> = conn
                .prepare_cached(
                    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                )?
                .query_row(rusqlite::params![args[n - 1], window - 1], |r| r.get(0))
                .optional()?;
            // Rank first, snippets after: SQLite's sorter would otherwise compute a snippet
            // for every match of a common word before applying LIMIT.
            let ranked = |floor: Option<i64>| {
                let mut all = filters.clone();
                all.push(format!("documents_fts MATCH ?{n}"));
                if let Some(floor) = floor {
                    all.push(format!("documents_fts.rowid >= {floor}"));
                }
                // The documents table is joined only when a filter needs it: its rows are
                // large, and reading one per match costs more than ranking it.
                let join = if filters.is_empty() { "" } else { "JOIN documents d ON d.rowid = documents_fts.rowid" };
                format!(
                    "WITH top AS (SELECT documents_fts.rowid AS r, rank AS k FROM documents_fts {join}
                         WHERE {} ORDER BY rank LIMIT {limit} OFFSET {offset})
                     SELECT d.id, d.url, d.title, d.source, d.day,
                            snippet(documents_fts, 1, char(2), char(3), '…', 24)
                     FROM top JOIN documents_fts ON documents_fts.rowid = top.r
                     JOIN documents d ON d.rowid = top.r
                     WHERE documents_fts MATCH ?{n} ORDER BY top.k",
                    all.join(" AND ")
                )
            };
            let found = hits(conn, &ranked(floor), args.clone())?;
            if floor.is_none() || found.len() as i64 == limit || filters.is_empty() {
                return Ok(found);
            }
            // The filters keep too few of the newest matches: rank them all.
            hits(conn, &ranked(None), args)
        })
    }

    /// Quotes, newest first; only those of `speaker` (an entity name or part of one, or the
    /// speaker as written) when given.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        self.budgeted(|conn| {
            let mut args: Vec<Value> = Vec::new();
            // Quotes are stored in text order, so (doc DESC, rowid) is newest document first,
            // then reading order: both come from the covering speaker indexes, and only the
            // page's rows are read.
            let candidates = match q.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(speaker) => {
                    let ids = id_list(&entity_ids(conn, speaker)?);
                    args.push(speaker.to_string().into());
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
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(args), |r| {
                    Ok(QuoteRow {
                        speaker: r.get(0)?,
                        speaker_entity: r.get(1)?,
                        kind: r.get(2)?,
                        text: r.get(3)?,
                        cue: r.get(4)?,
                        document: r.get(5)?,
                        title: r.get(6)?,
                        source: r.get(7)?,
                        day: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The entities found in most documents; of one type (`PERSON`, `ORG`...) when given.
    pub fn top_entities(&self, limit: usize, kind: Option<&str>) -> Result<Vec<EntityRow>> {
        self.budgeted(|conn| {
            let base = "SELECT rowid, name, type, docs, mentions, quotes FROM entities";
            let rows = match kind {
                Some(kind) => conn
                    .prepare_cached(&format!("{base} WHERE type = ?1 ORDER BY docs DESC LIMIT ?2"))?
                    .query_map(rusqlite::params![kind.to_uppercase(), clamp(limit)], entity_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
                None => conn
                    .prepare_cached(&format!("{base} ORDER BY docs DESC LIMIT ?1"))?
                    .query_map([clamp(limit)], entity_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            };
            Ok(rows)
        })
    }

    /// Entities whose name contains all words of `name`, most frequent first.
    pub fn find_entities(&self, name: &str, limit: usize) -> Result<Vec<EntityRow>> {
        self.budgeted(|conn| {
            let ids = entity_ids(conn, name)?;
            let sql = format!(
                "SELECT rowid, name, type, docs, mentions, quotes FROM entities WHERE rowid IN ({})
                 ORDER BY docs DESC LIMIT {}",
                id_list(&ids),
                clamp(limit)
            );
            let rows =
                conn.prepare(&sql)?.query_map([], entity_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    pub fn entity(&self, id: i64) -> Result<Option<EntityRow>> {
        self.budgeted(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT rowid, name, type, docs, mentions, quotes FROM entities WHERE rowid = ?1",
                )?
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
            let rows = stmt
                .query_map([id], |r| Ok(DayCount { day: r.get(0)?, mentions: r.get(1)?, quotes: r.get(2)? }))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The entities most often in the same documents as entity `id` (over its latest 2,000
    /// documents), with how many documents they share.
    pub fn cooccurring(&self, id: i64, limit: usize) -> Result<Vec<(EntityRow, i64)>> {
        self.budgeted(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT e.rowid, e.name, e.type, e.docs, e.mentions, e.quotes, COUNT(DISTINCT b.doc) AS shared
                 FROM (SELECT doc FROM doc_entities WHERE entity = ?1 ORDER BY doc DESC LIMIT 2000) a
                 JOIN doc_entities b ON b.doc = a.doc AND b.entity <> ?1
                 JOIN entities e ON e.rowid = b.entity
                 GROUP BY e.rowid ORDER BY shared DESC, e.docs DESC LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(rusqlite::params![id, clamp(limit)], |r| Ok((entity_row(r)?, r.get(6)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// One stored document by id.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.budgeted(|conn| {
            Ok(conn
                .prepare_cached("SELECT id, url, source, day, json FROM documents WHERE id = ?1")?
                .query_row([id], |r| {
                    Ok(StoredDocument {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        source: r.get(2)?,
                        day: r.get(3)?,
                        json: r.get(4)?,
                    })
                })
                .optional()?)
        })
    }

    /// Document-local entity ids of document `id` with their store-wide ids.
    pub fn entity_ids_of(&self, id: &str) -> Result<Vec<(String, i64)>> {
        self.budgeted(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT de.local_id, de.entity FROM doc_entities de JOIN documents d ON d.rowid = de.doc WHERE d.id = ?1",
            )?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
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
