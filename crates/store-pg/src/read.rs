//! Reading the store: full-text search with filters, quotes by speaker, counts. Every query
//! has a row limit (clamped to the embedded store's [`MAX_LIMIT`]) and runs under the
//! connection's `statement_timeout`; ranking looks only at a window of the newest matches,
//! and snippets are made for the page's rows only.

use crate::{PgStore, Result};
use newsdesk_store::{Hit, QuoteQuery, QuoteRow, SearchQuery, MAX_LIMIT, MAX_QUERY_BYTES};
use postgres::types::ToSql;
use postgres::{Client, Row};
use serde::Serialize;

/// A text query ranks at most this many of its newest matches (those passing the filters).
const RANK_WINDOW: i64 = 1_000;

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub documents: i64,
    pub entities: i64,
    pub quotes: i64,
    pub schema_version: i64,
}

fn clamp(limit: usize) -> i64 {
    limit.clamp(1, MAX_LIMIT) as i64
}

/// The words of a free-text query, space-separated: at most 32 runs of letters and digits
/// from its first [`MAX_QUERY_BYTES`] bytes, so `plainto_tsquery` gets no syntax and all are
/// required. `None` when no word is left.
pub fn query_words(text: &str) -> Option<String> {
    let mut cut = text.len().min(MAX_QUERY_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let words: Vec<&str> =
        text[..cut].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(32).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Store-wide ids of the entities whose name contains all the words of `name`, most
/// frequent first (at most 50).
fn entity_ids(client: &mut Client, name: &str) -> Result<Vec<i64>> {
    let Some(words) = query_words(name) else { return Ok(Vec::new()) };
    let rows = client.query(
        "SELECT rowid FROM entities WHERE to_tsvector('simple', name) @@ plainto_tsquery('simple', $1)
         ORDER BY docs DESC LIMIT 50",
        &[&words],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// SQL conditions on `documents d` and the arguments they number (`$1`…).
#[derive(Default)]
struct Filters {
    conditions: Vec<String>,
    args: Vec<Box<dyn ToSql + Sync>>,
}

impl Filters {
    fn of(client: &mut Client, q: &SearchQuery) -> Result<Filters> {
        let mut f = Filters::default();
        let given =
            |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        if let Some(source) = given(&q.source) {
            f.push(source, |n| format!("lower(d.source) = lower(${n})"));
        }
        if let Some(from) = given(&q.from) {
            f.push(from, |n| format!("d.day >= ${n}"));
        }
        if let Some(to) = given(&q.to) {
            f.push(to, |n| format!("d.day <= ${n}"));
        }
        if let Some(entity) = given(&q.entity) {
            let ids = entity_ids(client, &entity)?;
            f.push(ids, |n| format!("d.rowid IN (SELECT doc FROM doc_entities WHERE entity = ANY(${n}))"));
        }
        if let Some(speaker) = given(&q.speaker) {
            let ids_arg = f.arg(entity_ids(client, &speaker)?);
            f.push(speaker, |n| {
                format!(
                    "d.rowid IN (SELECT doc FROM quotes WHERE speaker = ANY(${ids_arg})
                     UNION ALL SELECT doc FROM quotes WHERE lower(speaker_name) = lower(${n}))"
                )
            });
        }
        Ok(f)
    }

    /// Adds an argument; returns its number.
    fn arg(&mut self, arg: impl ToSql + Sync + 'static) -> usize {
        self.args.push(Box::new(arg));
        self.args.len()
    }

    /// Adds an argument and the condition made from its number.
    fn push(&mut self, arg: impl ToSql + Sync + 'static, condition: impl FnOnce(usize) -> String) {
        let n = self.arg(arg);
        self.conditions.push(condition(n));
    }

    fn and(&self) -> String {
        self.conditions.iter().map(|c| format!(" AND {c}")).collect()
    }

    fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.args.iter().map(|a| a.as_ref()).collect()
    }
}

/// The columns [`hit`] reads, in its order; each query adds the snippet as the sixth.
const HIT_COLUMNS: &str = "d.id, d.url, d.title, d.source, d.day";

fn hit(r: &Row) -> Hit {
    Hit {
        id: r.get(0),
        url: r.get(1),
        title: r.get(2),
        source: r.get(3),
        day: r.get(4),
        snippet: r.get::<_, Option<String>>(5).unwrap_or_default(),
    }
}

impl PgStore {
    /// Full-text search with filters; best matches first (newest first without words), as
    /// `newsdesk_store::Store::search` answers it.
    pub fn search(&mut self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let result = search(&mut self.client, q);
        self.budgeted(result)
    }

    /// Quotes, newest document first then reading order; only those of `speaker` (an entity
    /// name or part of one, or the speaker as written) when given.
    pub fn quotes(&mut self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        let result = quotes(&mut self.client, q);
        self.budgeted(result)
    }

    pub fn stats(&mut self) -> Result<Stats> {
        let result = (|| {
            let count = |c: &mut Client, table: &str| -> Result<i64> {
                Ok(c.query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])?.get(0))
            };
            Ok(Stats {
                documents: count(&mut self.client, "documents")?,
                entities: count(&mut self.client, "entities")?,
                quotes: count(&mut self.client, "quotes")?,
                schema_version: crate::schema::version(&mut self.client)?,
            })
        })();
        self.budgeted(result)
    }
}

fn search(client: &mut Client, q: &SearchQuery) -> Result<Vec<Hit>> {
    let mut f = Filters::of(client, q)?;
    let (limit, offset) = (clamp(q.limit), q.offset.min(10_000) as i64);
    let Some(words) = query_words(&q.text) else {
        // Newest documents: the (day, rowid) index is walked until the page is full.
        let filter = if f.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", f.conditions.join(" AND "))
        };
        let sql = format!(
            "SELECT {HIT_COLUMNS}, left(d.text, 200) FROM documents d {filter}
             ORDER BY d.day DESC, d.rowid DESC LIMIT {limit} OFFSET {offset}"
        );
        return Ok(client.query(&sql, &f.params())?.iter().map(hit).collect());
    };
    let w = f.arg(words);
    let window = RANK_WINDOW.max(limit + offset);
    // The newest matches by row id (the GIN index finds them), ranked by ts_rank_cd; the
    // headline (snippet, matched words wrapped in \u{2}…\u{3}) only for the page.
    let sql = format!(
        "WITH q AS (SELECT plainto_tsquery('simple', ${w}) AS q),
         m AS (SELECT d.rowid FROM documents d, q WHERE d.tsv @@ q.q {and}
               ORDER BY d.rowid DESC LIMIT {window}),
         top AS (SELECT d.rowid AS r, ts_rank_cd(d.tsv, q.q) AS k FROM m JOIN documents d ON d.rowid = m.rowid, q
                 ORDER BY k DESC, d.rowid DESC LIMIT {limit} OFFSET {offset})
         SELECT {HIT_COLUMNS}, ts_headline('simple', d.text, q.q,
                'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…')
         FROM top JOIN documents d ON d.rowid = top.r, q ORDER BY top.k DESC, top.r DESC",
        and = f.and()
    );
    Ok(client.query(&sql, &f.params())?.iter().map(hit).collect())
}

fn quotes(client: &mut Client, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
    let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
    let candidates = match q.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(speaker) => {
            args.push(Box::new(entity_ids(client, speaker)?));
            args.push(Box::new(speaker.to_string()));
            // UNION, not OR, so both indexes are read; it also drops a quote found by both.
            "SELECT doc, rowid AS r FROM quotes WHERE speaker = ANY($1)
             UNION SELECT doc, rowid AS r FROM quotes WHERE lower(speaker_name) = lower($2)"
        }
        None => "SELECT doc, rowid AS r FROM quotes",
    };
    let sql = format!(
        "WITH top AS (SELECT doc, r FROM ({candidates}) c ORDER BY doc DESC, r LIMIT {} OFFSET {})
         SELECT q.speaker_name, q.speaker, q.kind, q.text, q.cue, d.id, d.title, d.source, d.day
         FROM top JOIN quotes q ON q.rowid = top.r JOIN documents d ON d.rowid = q.doc
         ORDER BY top.doc DESC, top.r",
        clamp(q.limit),
        q.offset.min(10_000)
    );
    let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
    Ok(client
        .query(&sql, &params)?
        .iter()
        .map(|r| QuoteRow {
            speaker: r.get(0),
            speaker_entity: r.get(1),
            kind: r.get(2),
            text: r.get(3),
            cue: r.get(4),
            document: r.get(5),
            title: r.get(6),
            source: r.get(7),
            day: r.get(8),
        })
        .collect())
}
