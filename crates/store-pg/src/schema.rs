//! Versioned schema migrations. The `schema_version` table holds one row per migration
//! applied; connecting applies the missing ones in a single transaction under an advisory
//! lock, so two newsdesks starting together migrate once and a failed migration leaves the
//! previous version intact (PostgreSQL's DDL is transactional).
//!
//! Append new migrations at the end; never edit one that has shipped.

use crate::{PgError, Result};
use postgres::Client;

/// Each entry moves the schema from version `i` to `i + 1`. Column names follow the SQLite
/// store's (`start`/`end` are quoted: `end` is reserved here). Offsets are char offsets, as
/// on the wire. Full-text search uses the `simple` configuration (lower-cased words, no
/// stemming, no stop words), like the embedded store's `unicode61` tokenizer.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their findings, and the full-text index.
    r#"
    CREATE TABLE documents (
        rowid        BIGSERIAL PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        url          TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source       TEXT,
        title        TEXT,
        published    TEXT,
        day          TEXT NOT NULL,
        ingested_at  BIGINT NOT NULL,
        text         TEXT NOT NULL,
        json         JSONB NOT NULL,
        tsv          TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple', text), 'B')
        ) STORED
    );
    CREATE INDEX documents_tsv ON documents USING GIN (tsv);
    CREATE INDEX documents_day ON documents (day DESC, rowid DESC);
    CREATE INDEX documents_source ON documents (lower(source));

    CREATE TABLE entities (
        rowid    BIGSERIAL PRIMARY KEY,
        key      TEXT NOT NULL UNIQUE,
        name     TEXT NOT NULL,
        type     TEXT NOT NULL,
        docs     BIGINT NOT NULL DEFAULT 0,
        mentions BIGINT NOT NULL DEFAULT 0,
        quotes   BIGINT NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_docs ON entities (docs DESC);
    CREATE INDEX entities_name ON entities USING GIN (to_tsvector('simple', name));

    CREATE TABLE doc_entities (
        doc      BIGINT NOT NULL REFERENCES documents (rowid),
        entity   BIGINT NOT NULL REFERENCES entities (rowid),
        local_id TEXT NOT NULL,
        mentions BIGINT NOT NULL,
        quotes   BIGINT NOT NULL,
        PRIMARY KEY (doc, local_id)
    );
    CREATE INDEX doc_entities_entity ON doc_entities (entity, doc);

    CREATE TABLE mentions (
        doc    BIGINT NOT NULL REFERENCES documents (rowid),
        entity BIGINT NOT NULL REFERENCES entities (rowid),
        start  BIGINT NOT NULL,
        "end"  BIGINT NOT NULL,
        text   TEXT NOT NULL,
        form   TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions (doc);

    CREATE TABLE quotes (
        rowid        BIGSERIAL PRIMARY KEY,
        doc          BIGINT NOT NULL REFERENCES documents (rowid),
        speaker      BIGINT REFERENCES entities (rowid),
        speaker_name TEXT,
        kind         TEXT NOT NULL,
        text         TEXT NOT NULL,
        start        BIGINT NOT NULL,
        "end"        BIGINT NOT NULL,
        cue          TEXT
    );
    CREATE INDEX quotes_speaker ON quotes (speaker, doc);
    CREATE INDEX quotes_speaker_name ON quotes (lower(speaker_name), doc);
    CREATE INDEX quotes_doc ON quotes (doc DESC, rowid);

    CREATE TABLE amounts (
        doc       BIGINT NOT NULL REFERENCES documents (rowid),
        text      TEXT NOT NULL,
        value     DOUBLE PRECISION,
        unit      TEXT,
        qualifier TEXT,
        object    TEXT,
        start     BIGINT NOT NULL,
        "end"     BIGINT NOT NULL
    );
    CREATE INDEX amounts_doc ON amounts (doc);

    CREATE TABLE dates (
        doc        BIGINT NOT NULL REFERENCES documents (rowid),
        text       TEXT NOT NULL,
        value      TEXT NOT NULL,
        resolution TEXT NOT NULL,
        start      BIGINT NOT NULL,
        "end"      BIGINT NOT NULL
    );
    CREATE INDEX dates_doc ON dates (doc);

    CREATE TABLE events (
        doc    BIGINT NOT NULL REFERENCES documents (rowid),
        code   TEXT NOT NULL,
        label  TEXT NOT NULL,
        source BIGINT REFERENCES entities (rowid),
        target BIGINT REFERENCES entities (rowid),
        date   TEXT,
        text   TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events (doc);
    "#,
];

/// Any constant: the advisory lock key that serialises migrations across connections.
const MIGRATION_LOCK: i64 = 0x6e65_7773_6465_736b; // "newsdesk"

/// Brings the database up to the latest schema version; returns the version it found.
pub fn migrate(client: &mut Client) -> Result<i64> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let found: i64 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?.get(0);
    let known = MIGRATIONS.len() as i64;
    if found > known {
        return Err(PgError::TooNew { found, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&(i as i64 + 1)])?;
    }
    tx.commit()?;
    Ok(found)
}

/// The schema version of the connected database.
pub fn version(client: &mut Client) -> Result<i64> {
    Ok(client.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?.get(0))
}
