//! Versioned schema migrations. `PRAGMA user_version` records how many of [`MIGRATIONS`] have
//! run; opening a store applies the missing ones in one transaction each, so an old store is
//! upgraded in place and a crash mid-migration leaves the previous version intact.
//!
//! Append new migrations at the end; never edit one that has shipped.

use rusqlite::Connection;

/// Each entry moves the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their findings, and the full-text index.
    r#"
    CREATE TABLE documents (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        url          TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source       TEXT,
        title        TEXT,
        published    TEXT,
        day          TEXT NOT NULL,
        ingested_at  INTEGER NOT NULL,
        text         TEXT NOT NULL,
        json         TEXT NOT NULL
    );
    CREATE INDEX documents_day ON documents(day);
    CREATE INDEX documents_source ON documents(source COLLATE NOCASE);

    CREATE TABLE entities (
        rowid    INTEGER PRIMARY KEY,
        key      TEXT NOT NULL UNIQUE,
        name     TEXT NOT NULL,
        type     TEXT NOT NULL,
        docs     INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0,
        quotes   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_docs ON entities(docs DESC);
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    CREATE VIRTUAL TABLE entities_fts USING fts5(
        name, content='entities', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );

    CREATE TABLE doc_entities (
        doc      INTEGER NOT NULL REFERENCES documents(rowid),
        entity   INTEGER NOT NULL REFERENCES entities(rowid),
        local_id TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        quotes   INTEGER NOT NULL,
        PRIMARY KEY (doc, local_id)
    );
    CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);

    CREATE TABLE mentions (
        doc    INTEGER NOT NULL REFERENCES documents(rowid),
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        start  INTEGER NOT NULL,
        end    INTEGER NOT NULL,
        text   TEXT NOT NULL,
        form   TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc);

    CREATE TABLE quotes (
        rowid        INTEGER PRIMARY KEY,
        doc          INTEGER NOT NULL REFERENCES documents(rowid),
        speaker      INTEGER REFERENCES entities(rowid),
        speaker_name TEXT,
        kind         TEXT NOT NULL,
        text         TEXT NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        cue          TEXT
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE);
    CREATE INDEX quotes_doc ON quotes(doc);

    CREATE TABLE amounts (
        doc       INTEGER NOT NULL REFERENCES documents(rowid),
        text      TEXT NOT NULL,
        value     REAL,
        unit      TEXT,
        qualifier TEXT,
        object    TEXT,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL
    );
    CREATE INDEX amounts_doc ON amounts(doc);

    CREATE TABLE dates (
        doc        INTEGER NOT NULL REFERENCES documents(rowid),
        text       TEXT NOT NULL,
        value      TEXT NOT NULL,
        resolution TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL
    );
    CREATE INDEX dates_doc ON dates(doc);

    CREATE TABLE events (
        doc    INTEGER NOT NULL REFERENCES documents(rowid),
        code   TEXT NOT NULL,
        label  TEXT NOT NULL,
        source INTEGER REFERENCES entities(rowid),
        target INTEGER REFERENCES entities(rowid),
        date   TEXT,
        text   TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    "#,
];

/// Brings `conn` up to the latest schema version; returns the version it found.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<u32> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as u32)?;
        tx.commit()?;
    }
    Ok(found)
}
