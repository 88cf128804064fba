//! Full-text search with filters. A query is bounded whatever its words: near-universal
//! words are judged on a sample of the newest documents and not ranked, ranking looks at a
//! window of the newest matches, and row ids are ordered before any text is read.

use crate::query::{clamp, entity_ids, id_list, MAX_QUERY_BYTES};
use crate::{Result, Store};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words to find (all must occur, except that a word in nearly every recent document is
    /// dropped when rarer words are given); empty = every document, newest first.
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
}
