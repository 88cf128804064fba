//! `newsdesk search`, `newsdesk quotes --speaker`, `newsdesk entities --top`: querying the
//! store. Tables for people (columns cut to the terminal-friendly width), `--json` for tools.

use crate::backend::Backend;
use anyhow::Result;
use newsdesk_store::{QuoteQuery, SearchQuery};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct StoreArg {
    /// The store directory, or a `postgres://user@host/db` URL (`search` and `quotes` only).
    #[arg(long, default_value = newsdesk_store::DEFAULT_DIR)]
    pub store: PathBuf,
    /// One JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words that must all occur (empty: newest documents).
    #[arg(default_value = "")]
    query: String,
    /// Only documents quoting this speaker.
    #[arg(long)]
    speaker: Option<String>,
    /// Only documents mentioning this entity.
    #[arg(long)]
    entity: Option<String>,
    /// Only documents from this source (site name or host).
    #[arg(long)]
    source: Option<String>,
    /// Only documents dated on or after this day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only documents dated on or before this day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    common: StoreArg,
}

#[derive(clap::Args)]
pub struct QuotesArgs {
    /// Only quotes by this speaker (a name or part of one).
    #[arg(long)]
    speaker: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    common: StoreArg,
}

#[derive(clap::Args)]
pub struct EntitiesArgs {
    /// How many entities to list, most documents first.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Only this type: PERSON, ORG, LOCATION or MISC.
    #[arg(long = "type")]
    kind: Option<String>,
    #[command(flatten)]
    common: StoreArg,
}

fn open(common: &StoreArg) -> Result<Backend> {
    Backend::open_reader(&common.store)
}

fn valid_day(day: &Option<String>, flag: &str) -> Result<()> {
    match day {
        Some(d) if newsdesk_store::day_of(d) != Some(d.as_str()) => {
            anyhow::bail!("--{flag} {d:?}: expected a day as YYYY-MM-DD")
        }
        _ => Ok(()),
    }
}

/// Cuts `s` to `width` chars on one line, with an ellipsis when cut.
fn cell(s: &str, width: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        return flat;
    }
    let mut out: String = flat.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn search(args: SearchArgs) -> Result<ExitCode> {
    valid_day(&args.from, "from")?;
    valid_day(&args.to, "to")?;
    let mut store = open(&args.common)?;
    let query = SearchQuery {
        text: args.query,
        speaker: args.speaker,
        entity: args.entity,
        source: args.source,
        from: args.from,
        to: args.to,
        limit: args.limit,
        offset: 0,
    };
    let hits = store.search(&query)?;
    if args.common.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<10}  {:<16}  {:<18}  {:<40}  snippet", "day", "id", "source", "title");
    for h in &hits {
        let snippet = h.snippet.replace('\u{2}', "[").replace('\u{3}', "]");
        println!(
            "{:<10}  {:<16}  {:<18}  {:<40}  {}",
            h.day,
            cell(&h.id, 16),
            cell(h.source.as_deref().unwrap_or("-"), 18),
            cell(h.title.as_deref().unwrap_or("-"), 40),
            cell(&snippet, 80)
        );
    }
    eprintln!("{} document(s)", hits.len());
    Ok(ExitCode::SUCCESS)
}

pub fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    let mut store = open(&args.common)?;
    let rows = store.quotes(&QuoteQuery { speaker: args.speaker, limit: args.limit, offset: 0 })?;
    if args.common.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<10}  {:<24}  {:<8}  quote", "day", "speaker", "kind");
    for q in &rows {
        println!(
            "{:<10}  {:<24}  {:<8}  {}",
            q.day,
            cell(q.speaker.as_deref().unwrap_or("?"), 24),
            q.kind,
            cell(&q.text, 100)
        );
    }
    eprintln!("{} quote(s)", rows.len());
    Ok(ExitCode::SUCCESS)
}

pub fn entities(args: EntitiesArgs) -> Result<ExitCode> {
    let store = Backend::sqlite_reader(&args.common.store, "`newsdesk entities`")?;
    let rows = store.top_entities(args.top, args.kind.as_deref())?;
    if args.common.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:>8}  {:<32}  {:<8}  {:>9}  {:>8}  {:>6}",
        "id", "name", "type", "documents", "mentions", "quotes"
    );
    for e in &rows {
        println!(
            "{:>8}  {:<32}  {:<8}  {:>9}  {:>8}  {:>6}",
            e.id,
            cell(&e.name, 32),
            e.kind,
            e.documents,
            e.mentions,
            e.quotes
        );
    }
    Ok(ExitCode::SUCCESS)
}
