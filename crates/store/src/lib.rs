//! The embedded newsdesk store: one directory holding a SQLite database (WAL mode) with every
//! analysed document, its findings in queryable tables, and an FTS5 full-text index.
//!
//! ```no_run
//! use newsdesk_store::{Store, SearchQuery};
//! let mut store = Store::open("newsdesk-data".as_ref())?;
//! # let doc: newsdesk_model::Document = unimplemented!();
//! store.insert_batch(&[doc])?; // acknowledged = durable (synchronous=FULL)
//! let hits = store.search(&SearchQuery { text: "ceasefire".into(), ..Default::default() })?;
//! # Ok::<(), newsdesk_store::StoreError>(())
//! ```
//!
//! Invariant: the store never analyses anything. It receives finished `Document`s (byte
//! offsets), converts them to the wire form (char offsets) exactly once, and keeps that JSON as
//! the record of truth; the tables beside it are indexes derived from the same JSON.
//! A document is acknowledged only after its transaction committed with `synchronous=FULL`, so
//! an acknowledged document survives `kill -9` and power loss.

mod hash;
mod query;
pub mod rows;
pub mod schema;
mod search;
mod write;

pub use hash::content_hash;
pub use query::{
    DayCount, EntityRow, QuoteQuery, QuoteRow, Stats, StoredDocument, MAX_LIMIT, MAX_QUERY_BYTES,
};
pub use search::{fts_query, Hit, SearchQuery};
pub use write::Inserted;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

/// The database file inside a store directory.
pub const DB_FILE: &str = "newsdesk.sqlite";
/// Where the store lives when no `--store` is given.
pub const DEFAULT_DIR: &str = "newsdesk-data";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create store directory {path}: {source}")]
    Dir { path: PathBuf, source: std::io::Error },
    #[error("no store at {0}: run `newsdesk ingest` first or pass --store DIR")]
    Missing(PathBuf),
    #[error("store schema version {found} is newer than this newsdesk knows ({known}): upgrade newsdesk")]
    TooNew { found: u32, known: u32 },
    #[error("query exceeded its time budget of {0} ms: add words or filters to narrow it")]
    Budget(u64),
    #[error("store database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored document JSON: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);

fn now_ms() -> u64 {
    EPOCH.elapsed().as_millis() as u64
}

/// A connection to a store. Not `Sync`: give each thread its own (WAL lets readers run beside
/// the one writer).
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    /// Milliseconds since [`EPOCH`] after which the running read query is interrupted; 0 = none.
    deadline: Arc<AtomicU64>,
    budget: Option<Duration>,
}

impl Store {
    /// Opens (creating if needed) the store in `dir` for reading and writing, applying any
    /// missing schema migrations.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Dir { path: dir.into(), source })?;
        let mut conn = Connection::open(dir.join(DB_FILE))?;
        Self::configure(&conn)?;
        Self::version(&conn)?;
        schema::migrate(&mut conn)?;
        // The writer checkpoints the WAL into the database every 32 MB instead of every 4 MB:
        // pages dirtied again and again by a bulk load (index leaves, FTS segments, entity
        // counters) are copied once per checkpoint, not once per batch.
        conn.pragma_update(None, "wal_autocheckpoint", 8192)?;
        Self::wrap(conn, dir)
    }

    /// Opens an existing store for queries only (no migrations, no writes).
    pub fn open_reader(dir: &Path) -> Result<Store> {
        let path = dir.join(DB_FILE);
        if !path.exists() {
            return Err(StoreError::Missing(dir.into()));
        }
        let flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::configure(&conn)?;
        conn.pragma_update(None, "query_only", true)?;
        if Self::version(&conn)? < schema::MIGRATIONS.len() as u32 {
            // An old store: upgrade it through a writer connection first.
            drop(conn);
            drop(Self::open(dir)?);
            return Self::open_reader(dir);
        }
        Self::wrap(conn, dir)
    }

    /// The store's schema version; an error when it is newer than this newsdesk knows.
    fn version(conn: &Connection) -> Result<u32> {
        let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = schema::MIGRATIONS.len() as u32;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        Ok(found)
    }

    fn configure(conn: &Connection) -> Result<()> {
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a committed transaction is on disk before commit returns, so whatever the
        // writer acknowledged survives kill -9 and power loss.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "cache_size", -16000)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    fn wrap(mut conn: Connection, dir: &Path) -> Result<Store> {
        let deadline = Arc::new(AtomicU64::new(0));
        let watched = Arc::clone(&deadline);
        conn.progress_handler(
            10_000,
            Some(move || {
                let d = watched.load(Ordering::Relaxed);
                d != 0 && now_ms() > d
            }),
        )?;
        Ok(Store { conn, dir: dir.into(), deadline, budget: None })
    }

    /// Bounds every later read query of this connection to `budget` of wall time; a query
    /// that runs longer fails with [`StoreError::Budget`] instead of holding the server.
    pub fn set_budget(&mut self, budget: Option<Duration>) {
        self.budget = budget;
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Runs `f` under the read budget, mapping an interrupt to [`StoreError::Budget`].
    fn budgeted<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let Some(budget) = self.budget else { return f(&self.conn) };
        self.deadline.store(now_ms() + budget.as_millis() as u64, Ordering::Relaxed);
        let result = f(&self.conn);
        self.deadline.store(0, Ordering::Relaxed);
        match result {
            Err(StoreError::Sql(rusqlite::Error::SqliteFailure(e, _)))
                if e.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                Err(StoreError::Budget(budget.as_millis() as u64))
            }
            other => other,
        }
    }
}

/// Today's date in UTC as `YYYY-MM-DD` (no time-zone database needed).
pub fn today_utc() -> String {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a proleptic Gregorian `YYYY-MM-DD` (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The `YYYY-MM-DD` prefix of a published date, when it has one.
pub fn day_of(published: &str) -> Option<&str> {
    let day = published.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        for (days, expected) in
            [(0, "1970-01-01"), (19_723, "2024-01-01"), (19_782, "2024-02-29"), (-1, "1969-12-31")]
        {
            assert_eq!(civil_date(days), expected, "days {days}");
        }
    }

    /// A store written by a newer newsdesk is refused by both ways of opening it.
    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let newer = schema::MIGRATIONS.len() as u32 + 1;
        Connection::open(dir.path().join(DB_FILE))
            .unwrap()
            .pragma_update(None, "user_version", newer)
            .unwrap();
        let known = schema::MIGRATIONS.len() as u32;
        for opened in [Store::open(dir.path()), Store::open_reader(dir.path())] {
            assert!(
                matches!(opened, Err(StoreError::TooNew { found, known: k }) if found == newer && k == known)
            );
        }
    }

    #[test]
    fn days_of_published() {
        for (published, expected) in [
            ("2024-03-05", Some("2024-03-05")),
            ("2024-03-05T10:00:00Z", Some("2024-03-05")),
            ("2024-03", None),
            ("March 5", None),
            ("2024-03-0é", None),
        ] {
            assert_eq!(day_of(published), expected, "{published}");
        }
    }
}
