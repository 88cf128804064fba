//! `newsdesk serve`: the JSON API and web reader over a store (see `newsdesk-server`).

use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port; the chosen address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// The store directory.
    #[arg(long, default_value = newsdesk_store::DEFAULT_DIR)]
    store: PathBuf,
    /// Bearer token required for writes (default: the NEWSDESK_TOKEN environment variable;
    /// none = writes open, fine on loopback only).
    #[arg(long)]
    token: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    // The server reads the embedded store only; never create a directory named after a URL.
    crate::backend::Backend::refuse_pg(&args.store, "`newsdesk serve`")?;
    let token = args.token.or_else(|| std::env::var("NEWSDESK_TOKEN").ok()).filter(|t| !t.is_empty());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!("newsdesk: serving {} on http://{addr}/", args.store.display());
        use std::io::Write;
        std::io::stdout().flush()?;
        let config = newsdesk_server::Config { store: args.store, token };
        newsdesk_server::serve(listener, config).await.context("server failed")
    })?;
    Ok(ExitCode::SUCCESS)
}
