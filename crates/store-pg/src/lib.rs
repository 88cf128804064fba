//! The newsdesk store on PostgreSQL, for teams sharing one database: the same record of
//! truth as the embedded store (each document's `newsdesk.document/1` JSON, here in a `jsonb`
//! column, deduplicated by URL and by content hash), the same derived tables (entities,
//! mentions, quotes, amounts, dates, events) and full-text search over a generated
//! `tsvector` column with a GIN index.
//!
//! ```no_run
//! use newsdesk_store_pg::PgStore;
//! use newsdesk_store::SearchQuery;
//! let mut store = PgStore::connect("postgres://newsdesk@localhost/newsdesk")?;
//! # let doc: newsdesk_model::Document = unimplemented!();
//! store.insert_batch(&[doc])?; // acknowledged = committed
//! let hits = store.search(&SearchQuery { text: "ceasefire".into(), ..Default::default() })?;
//! # Ok::<(), newsdesk_store_pg::PgError>(())
//! ```
//!
//! Invariant: like `newsdesk-store`, this crate never analyses anything and derives every row
//! from the wire JSON it stores, with `newsdesk_store::rows` (shared, so both backends file a
//! document the same way). A document is acknowledged only after its batch's transaction
//! committed. Every read has a row limit and runs under a `statement_timeout`.

mod read;
pub mod schema;
mod write;

pub use newsdesk_store::{Hit, Inserted, QuoteQuery, QuoteRow, SearchQuery};
pub use read::Stats;

use postgres::{Client, NoTls};
use std::time::Duration;

/// Wall time a read may take unless [`PgStore::set_budget`] says otherwise.
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("not a PostgreSQL URL ({0}): expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")]
    Url(String),
    /// The reasons are in the message, not a `source()`, so a printed chain says them once.
    #[error("cannot connect to PostgreSQL at {target}: {}", chain(cause))]
    Connect { target: String, cause: postgres::Error },
    #[error("store schema version {found} is newer than this newsdesk knows ({known}): upgrade newsdesk")]
    TooNew { found: i64, known: i64 },
    #[error("query exceeded its time budget of {0} ms: add words or filters to narrow it")]
    Budget(u64),
    #[error("PostgreSQL: {}", chain(.0))]
    Sql(postgres::Error),
    #[error("stored document JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<postgres::Error> for PgError {
    fn from(e: postgres::Error) -> PgError {
        PgError::Sql(e)
    }
}

pub type Result<T, E = PgError> = std::result::Result<T, E>;

/// True when `location` names a PostgreSQL database rather than a store directory.
pub fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// A connection to a PostgreSQL store. One per thread; the server serialises writers per
/// row, so several ingests may write at once.
pub struct PgStore {
    client: Client,
    budget: Duration,
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/db`,
    /// libpq-style `?options` allowed) and applies any missing schema migrations.
    pub fn connect(url: &str) -> Result<PgStore> {
        if !is_url(url) {
            return Err(PgError::Url("it must start with postgres:// or postgresql://".into()));
        }
        let config: postgres::Config =
            url.parse().map_err(|e: postgres::Error| PgError::Url(e.to_string()))?;
        let target = describe(&config);
        let mut config = config;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("newsdesk");
        let client = config.connect(NoTls).map_err(|cause| PgError::Connect { target, cause })?;
        let mut store = PgStore { client, budget: DEFAULT_BUDGET };
        schema::migrate(&mut store.client)?;
        store.set_budget(Some(DEFAULT_BUDGET))?;
        Ok(store)
    }

    /// Bounds every later read of this connection to `budget` of wall time (`None`: no
    /// bound); a read that runs longer fails with [`PgError::Budget`]. Writes are not bounded.
    pub fn set_budget(&mut self, budget: Option<Duration>) -> Result<()> {
        let ms = budget.map_or(0, |b| b.as_millis().clamp(1, i32::MAX as u128) as u64);
        self.client.batch_execute(&format!("SET statement_timeout = {ms}"))?;
        self.budget = budget.unwrap_or(Duration::ZERO);
        Ok(())
    }

    /// Maps a cancelled statement (the timeout) to [`PgError::Budget`].
    fn budgeted<T>(&self, result: Result<T>) -> Result<T> {
        match result {
            Err(PgError::Sql(e)) if e.code() == Some(&postgres::error::SqlState::QUERY_CANCELED) => {
                Err(PgError::Budget(self.budget.as_millis() as u64))
            }
            other => other,
        }
    }
}

/// An error and its causes, `: `-separated (the driver's own message is only its kind).
fn chain(e: &postgres::Error) -> String {
    let mut out = e.to_string();
    let mut next = std::error::Error::source(e);
    while let Some(cause) = next {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        next = cause.source();
    }
    out
}

/// `user@host:port/db` of a connection, never its password, for messages.
fn describe(config: &postgres::Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let port = config.get_ports().first().map(|p| format!(":{p}")).unwrap_or_default();
    format!(
        "{}@{}{port}/{}",
        config.get_user().unwrap_or("?"),
        hosts.join(","),
        config.get_dbname().unwrap_or("?")
    )
}
