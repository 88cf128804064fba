//! Where `--store` points: a directory (the embedded SQLite store) or a `postgres://` URL
//! (the PostgreSQL store, for teams). `ingest`, `search` and `quotes` work on both through
//! [`Backend`]; every other command reads the embedded store only and says so.

use anyhow::{bail, Context, Result};
use newsdesk_model::Document;
use newsdesk_store::{Hit, Inserted, QuoteQuery, QuoteRow, SearchQuery, Store};
use newsdesk_store_pg::PgStore;
use std::path::Path;

/// An open store of either kind.
pub enum Backend {
    Sqlite(Store),
    Pg(Box<PgStore>),
}

/// The PostgreSQL URL `location` is, if it is one.
pub fn pg_url(location: &Path) -> Option<&str> {
    location.to_str().filter(|s| newsdesk_store_pg::is_url(s))
}

/// `location` for messages: a URL's password is never shown.
pub fn shown(location: &Path) -> String {
    let Some(url) = pg_url(location) else { return location.display().to_string() };
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    match rest.split_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}")
        }
        _ => url.to_string(),
    }
}

impl Backend {
    /// Opens the store for writing (creating the directory or the schema when needed).
    pub fn open(location: &Path) -> Result<Backend> {
        let opened = match pg_url(location) {
            Some(url) => PgStore::connect(url).map(|s| Backend::Pg(Box::new(s))).map_err(anyhow::Error::from),
            None => Store::open(location).map(Backend::Sqlite).map_err(anyhow::Error::from),
        };
        opened.with_context(|| format!("opening store {}", shown(location)))
    }

    /// Opens an existing store for queries.
    pub fn open_reader(location: &Path) -> Result<Backend> {
        let opened = match pg_url(location) {
            Some(url) => PgStore::connect(url).map(|s| Backend::Pg(Box::new(s))).map_err(anyhow::Error::from),
            None => Store::open_reader(location).map(Backend::Sqlite).map_err(anyhow::Error::from),
        };
        opened.with_context(|| format!("opening store {}", shown(location)))
    }

    /// An error when `location` is a PostgreSQL URL: `what` reads the embedded store only.
    pub fn refuse_pg(location: &Path, what: &str) -> Result<()> {
        if pg_url(location).is_some() {
            bail!(
                "{what} reads the embedded store only for now; a PostgreSQL store answers `ingest`, `search` and `quotes`"
            );
        }
        Ok(())
    }

    /// The embedded store at `location`, for the commands only it answers (`what`).
    pub fn sqlite_reader(location: &Path, what: &str) -> Result<Store> {
        Self::refuse_pg(location, what)?;
        Store::open_reader(location).with_context(|| format!("opening store {}", location.display()))
    }

    pub fn contains_url(&mut self, url: &str) -> Result<bool> {
        Ok(match self {
            Backend::Sqlite(s) => s.contains_url(url)?,
            Backend::Pg(s) => s.contains_url(url)?,
        })
    }

    pub fn contains_hash(&mut self, hash: &str) -> Result<bool> {
        Ok(match self {
            Backend::Sqlite(s) => s.contains_hash(hash)?,
            Backend::Pg(s) => s.contains_hash(hash)?,
        })
    }

    /// Stores a batch in one transaction; `Stored` documents are durable once this returns.
    pub fn insert_fetched(&mut self, docs: &[(Document, Option<String>)]) -> Result<Vec<Inserted>> {
        Ok(match self {
            Backend::Sqlite(s) => s.insert_fetched(docs)?,
            Backend::Pg(s) => s.insert_fetched(docs)?,
        })
    }

    pub fn search(&mut self, q: &SearchQuery) -> Result<Vec<Hit>> {
        Ok(match self {
            Backend::Sqlite(s) => s.search(q)?,
            Backend::Pg(s) => s.search(q)?,
        })
    }

    pub fn quotes(&mut self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        Ok(match self {
            Backend::Sqlite(s) => s.quotes(q)?,
            Backend::Pg(s) => s.quotes(q)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_shown() {
        let check = |location: &str, expected: &str| assert_eq!(shown(Path::new(location)), expected);
        check("newsdesk-data", "newsdesk-data");
        check("postgres://ann@db/news", "postgres://ann@db/news");
        check("postgres://ann:s3cret@db:5432/news", "postgres://ann:***@db:5432/news");
        check("postgresql://:pw@db/news", "postgresql://:***@db/news");
    }
}
