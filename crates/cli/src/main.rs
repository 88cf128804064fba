//! `newsdesk`: the command-line face of the engine. Thin glue: parse arguments, read input,
//! call the library crates, write output. Each subcommand family lives in its own module.

mod analyze;
mod backend;
mod checklist;
mod clusters;
mod entities;
mod export;
mod extraction;
mod ingest;
mod pages;
mod quotes;
mod search;
mod serve;
mod warc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// News intelligence: who said what, to whom, when, about which country, with which figures.
#[derive(Parser)]
#[command(name = "newsdesk", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse news pages (HTML or text) and print newsdesk.document/1 JSON.
    Analyze(analyze::Args),
    /// Measure quality against gold corpora (precision, recall, F1).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Rebuild a statistical model from the shared corpora.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Measure speed side by side with peer tools.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Analyse pages (files, directories, .jsonl, .warc[.gz]) into the store.
    Ingest(ingest::Args),
    /// Full-text search over the store, with filters.
    Search(search::SearchArgs),
    /// Quotes in the store, by speaker.
    Quotes(search::QuotesArgs),
    /// The entities found in most stored documents.
    Entities(search::EntitiesArgs),
    /// Serve the JSON API and the web reader over a store.
    Serve(serve::Args),
    /// GDELT-style rows (2.0 events, GKG 2.1), tab-separated.
    #[command(subcommand)]
    Export(ExportCommand),
}

#[derive(Subcommand)]
enum ExportCommand {
    /// One GDELT 2.0 event-table row per CAMEO event (61 columns).
    Events(export::Args),
    /// One GDELT GKG 2.1 row per document (27 columns).
    Gkg(export::Args),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Main-text extraction on an article-extraction benchmark folder.
    Extraction(extraction::EvalArgs),
    /// Named entities on IOB2 files.
    Ner(entities::NerEvalArgs),
    /// Coreference on GUM CoNLL files.
    Coref(entities::CorefEvalArgs),
    /// Quote attribution on a PolNeAR folder.
    Quotes(quotes::EvalArgs),
    /// An article against a checklist of what a careful reader finds (e.g. eval/seed.json).
    Checklist(checklist::Args),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity model.
    Ner(entities::TrainArgs),
    /// Train the learned quote tagger on a PolNeAR folder.
    Quotes(quotes::TrainArgs),
    /// Learn the word classes of the quote models from unannotated text.
    Clusters(clusters::Args),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Main-text extraction speed.
    Extraction(extraction::BenchArgs),
    /// NER speed and quality.
    Ner(entities::NerBenchArgs),
    /// Quote attribution speed and quality.
    Quotes(quotes::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(EvalCommand::Extraction(a)) => extraction::eval(a),
        Command::Eval(EvalCommand::Ner(a)) => entities::eval_ner(a),
        Command::Eval(EvalCommand::Coref(a)) => entities::eval_coref(a),
        Command::Eval(EvalCommand::Quotes(a)) => quotes::eval(a),
        Command::Eval(EvalCommand::Checklist(a)) => checklist::run(a),
        Command::Train(TrainCommand::Ner(a)) => entities::train(a),
        Command::Train(TrainCommand::Quotes(a)) => quotes::train(a),
        Command::Train(TrainCommand::Clusters(a)) => clusters::run(a),
        Command::Bench(BenchCommand::Extraction(a)) => extraction::bench(a),
        Command::Bench(BenchCommand::Ner(a)) => entities::bench(a),
        Command::Bench(BenchCommand::Quotes(a)) => quotes::bench(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Search(a) => search::search(a),
        Command::Quotes(a) => search::quotes(a),
        Command::Entities(a) => search::entities(a),
        Command::Serve(a) => serve::run(a),
        Command::Export(ExportCommand::Events(a)) => export::run(export::Table::Events, a),
        Command::Export(ExportCommand::Gkg(a)) => export::run(export::Table::Gkg, a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsdesk: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
