//! Full-text search with filters. A query is bounded whatever its words: near-universal
//! words are judged on a sample of the newest documents and not ranked, ranking looks at a
//! window of the newest matches, and row ids are ordered before any text is read.

use crate::query::{all_rows, clamp, entity_ids, id_list, MAX_QUERY_BYTES};
use crate::{Result, Store};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension, Row};
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

/// The columns [`hit`] reads, in its order; each query adds the snippet as the sixth.
const HIT_COLUMNS: &str = "d.id, d.url, d.title, d.source, d.day";
/// The snippet of a full-text match, matched words wrapped in `\u{2}`…`\u{3}`.
const SNIPPET: &str = "snippet(documents_fts, 1, char(2), char(3), '…', 24)";

fn hit(r: &Row) -> rusqlite::Result<Hit> {
    Ok(Hit {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        source: r.get(3)?,
        day: r.get(4)?,
        snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
    })
}

fn hits(conn: &Connection, sql: &str, args: &[Value]) -> Result<Vec<Hit>> {
    all_rows(&mut conn.prepare(sql)?, params_from_iter(args), hit)
}

fn count(conn: &Connection, sql: &str, args: &[Value]) -> Result<i64> {
    Ok(conn.prepare(sql)?.query_row(params_from_iter(args), |r| r.get(0))?)
}

/// The filters of a [`SearchQuery`] as SQL conditions on `documents d`, with the arguments
/// they number (`?1`…).
struct Filters {
    conditions: Vec<String>,
    args: Vec<Value>,
    /// Documents the entity filter and quotes the speaker filter select, before the others.
    candidates: i64,
}

impl Filters {
    fn of(conn: &Connection, q: &SearchQuery) -> Result<Filters> {
        let mut f = Filters { conditions: Vec::new(), args: Vec::new(), candidates: 0 };
        let given = |s: &Option<String>| s.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
        if let Some(source) = given(&q.source) {
            f.push(source, |n| format!("d.source = ?{n} COLLATE NOCASE"));
        }
        if let Some(from) = given(&q.from) {
            f.push(from, |n| format!("d.day >= ?{n}"));
        }
        if let Some(to) = given(&q.to) {
            f.push(to, |n| format!("d.day <= ?{n}"));
        }
        if let Some(entity) = given(&q.entity) {
            let ids = id_list(&entity_ids(conn, &entity)?);
            f.candidates +=
                count(conn, &format!("SELECT COUNT(*) FROM doc_entities WHERE entity IN ({ids})"), &[])?;
            f.conditions.push(format!("d.rowid IN (SELECT doc FROM doc_entities WHERE entity IN ({ids}))"));
        }
        if let Some(speaker) = given(&q.speaker) {
            let ids = id_list(&entity_ids(conn, &speaker)?);
            let name = Value::from(speaker.trim().to_string());
            f.candidates += count(
                conn,
                &format!("SELECT (SELECT COUNT(*) FROM quotes WHERE speaker IN ({ids})) + (SELECT COUNT(*) FROM quotes WHERE speaker_name = ?1 COLLATE NOCASE)"),
                std::slice::from_ref(&name),
            )?;
            // UNION ALL, not OR: SQLite then reads both covering indexes instead of scanning
            // every quote.
            f.push(name, |n| {
                format!(
                    "d.rowid IN (SELECT doc FROM quotes WHERE speaker IN ({ids})
                     UNION ALL SELECT doc FROM quotes WHERE speaker_name = ?{n} COLLATE NOCASE)"
                )
            });
        }
        Ok(f)
    }

    /// Adds an argument and the condition made from its number.
    fn push(&mut self, arg: impl Into<Value>, condition: impl FnOnce(usize) -> String) {
        self.args.push(arg.into());
        self.conditions.push(condition(self.args.len()));
    }
}

/// Where a page starts and how long it is.
#[derive(Clone, Copy)]
struct Page {
    limit: i64,
    offset: i64,
}

/// How a page of full-text matches is ordered.
#[derive(Clone, Copy)]
enum Order {
    /// By bm25.
    Rank,
    /// Newest first (by rowid).
    Newest,
}

/// SQL for a page of the full-text matches of argument `?{arg}` that pass the filters, with
/// rowid `>= floor` when given. Row ids are ordered first and snippets computed after:
/// SQLite's sorter would otherwise compute a snippet for every match before `LIMIT`.
fn fts_page(filters: &[String], arg: usize, floor: Option<i64>, order: Order, page: Page) -> String {
    let mut all = filters.to_vec();
    all.push(format!("documents_fts MATCH ?{arg}"));
    if let Some(floor) = floor {
        all.push(format!("documents_fts.rowid >= {floor}"));
    }
    // The documents table is joined only when a filter needs it: its rows are large, and
    // reading one per match costs more than ranking it.
    let join = if filters.is_empty() { "" } else { "JOIN documents d ON d.rowid = documents_fts.rowid" };
    let (key, inner, outer) = match order {
        Order::Rank => (", rank AS k", "rank", "top.k"),
        Order::Newest => ("", "documents_fts.rowid DESC", "top.r DESC"),
    };
    let Page { limit, offset } = page;
    format!(
        "WITH top AS (SELECT documents_fts.rowid AS r{key} FROM documents_fts {join}
             WHERE {} ORDER BY {inner} LIMIT {limit} OFFSET {offset})
         SELECT {HIT_COLUMNS}, {SNIPPET}
         FROM top JOIN documents_fts ON documents_fts.rowid = top.r
         JOIN documents d ON d.rowid = top.r
         WHERE documents_fts MATCH ?{arg} ORDER BY {outer}",
        all.join(" AND ")
    )
}

/// Every document that passes the filters, newest first.
fn newest_documents(conn: &Connection, f: &Filters, page: Page) -> Result<Vec<Hit>> {
    // A frequent entity or speaker has too many documents to sort; walking the day index
    // until the page is full is cheaper.
    let scan = if f.candidates > SORT_LIMIT { "INDEXED BY documents_day" } else { "" };
    let filter =
        if f.conditions.is_empty() { String::new() } else { format!("WHERE {}", f.conditions.join(" AND ")) };
    let Page { limit, offset } = page;
    // Order row ids first, read the page's columns after: the sorter would otherwise carry
    // every candidate's text.
    let sql = format!(
        "WITH top AS (SELECT d.rowid AS r, d.day AS k FROM documents d {scan} {filter}
             ORDER BY d.day DESC, d.rowid DESC LIMIT {limit} OFFSET {offset})
         SELECT {HIT_COLUMNS}, substr(d.text, 1, 200)
         FROM top JOIN documents d ON d.rowid = top.r ORDER BY top.k DESC, top.r DESC"
    );
    hits(conn, &sql, &f.args)
}

/// Matches of near-universal words only: bm25 cannot order them, so newest first. FTS5 walks
/// a long posting list backwards slowly: the page is looked for among the documents above
/// `sample` first, where it usually is, and further back only when it is not there.
fn newest_matches(
    conn: &Connection,
    mut f: Filters,
    words: &[String],
    sample: i64,
    page: Page,
) -> Result<Vec<Hit>> {
    f.args.push(words.join(" ").into());
    let arg = f.args.len();
    let found = hits(conn, &fts_page(&f.conditions, arg, Some(sample + 1), Order::Newest, page), &f.args)?;
    if found.len() as i64 == page.limit {
        return Ok(found);
    }
    hits(conn, &fts_page(&f.conditions, arg, None, Order::Newest, page), &f.args)
}

/// Matches of `words` by bm25, among the newest [`RANK_WINDOW`] matches when the filters
/// leave enough of them, else among all.
fn ranked_matches(conn: &Connection, mut f: Filters, words: &[String], page: Page) -> Result<Vec<Hit>> {
    let query = words.join(" ");
    let window = RANK_WINDOW.max(page.limit + page.offset);
    let floor: Option<i64> = conn
        .prepare_cached(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
        )?
        .query_row(rusqlite::params![query, window - 1], |r| r.get(0))
        .optional()?;
    f.args.push(query.into());
    let arg = f.args.len();
    let found = hits(conn, &fts_page(&f.conditions, arg, floor, Order::Rank, page), &f.args)?;
    if floor.is_none() || found.len() as i64 == page.limit || f.conditions.is_empty() {
        return Ok(found);
    }
    // The filters keep too few of the newest matches: rank them all.
    hits(conn, &fts_page(&f.conditions, arg, None, Order::Rank, page), &f.args)
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
            let filters = Filters::of(conn, q)?;
            let page = Page { limit: clamp(q.limit), offset: q.offset.min(10_000) as i64 };
            let words = fts_words(&q.text);
            if words.is_empty() {
                return newest_documents(conn, &filters, page);
            }
            let (rare, common, sample) = common_words(conn, words)?;
            if rare.is_empty() {
                newest_matches(conn, filters, &common, sample, page)
            } else {
                ranked_matches(conn, filters, &rare, page)
            }
        })
    }
}
