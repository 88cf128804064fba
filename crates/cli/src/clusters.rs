//! `newsdesk train clusters`: the word classes of the quote models (see
//! `newsdesk_quotes::learned::clusters`), learned from unannotated text.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders of text: `.txt` files are read as running text, `.conll` and `.iob2`
    /// files by their token column (the second), a blank line ending a sentence. Folders are
    /// walked for such files.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// How many classes.
    #[arg(long, default_value_t = 256)]
    pub classes: usize,
    /// Words seen fewer times are left without a class.
    #[arg(long, default_value_t = 3)]
    pub min_count: usize,
    /// Passes of the exchange algorithm (it stops early when no word moves).
    #[arg(long, default_value_t = 15)]
    pub passes: usize,
    /// Where to write the classes.
    #[arg(long, default_value = "data/word_clusters.tsv")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    use newsdesk_quotes::learned::clusters;
    let mut files = Vec::new();
    for input in &args.inputs {
        collect(input, &mut files).with_context(|| format!("reading {}", input.display()))?;
    }
    files.sort();
    if files.is_empty() {
        bail!("no .txt, .conll or .iob2 files under {:?}: give files or folders of text", args.inputs);
    }
    let mut sequences = Vec::new();
    for f in &files {
        let raw = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let text = String::from_utf8_lossy(&raw);
        let text =
            if f.extension().is_some_and(|e| e == "txt") { text.into_owned() } else { token_column(&text) };
        sequences.extend(clusters::sequences(&text));
    }
    let tokens: usize = sequences.iter().map(Vec::len).sum();
    eprintln!("{} files, {tokens} tokens; training {} classes", files.len(), args.classes);
    let started = std::time::Instant::now();
    let classes = clusters::train(&sequences, args.classes, args.min_count, args.passes);
    eprintln!("{} words in classes, in {:.1}s", classes.len(), started.elapsed().as_secs_f64());
    let mut out = Vec::new();
    writeln!(
        out,
        "# Word classes for the quote tagger and choosers: word<TAB>class (lowercase forms; digits folded to <num>)."
    )?;
    writeln!(
        out,
        "# source: `newsdesk train clusters` (exchange algorithm, {} classes, words seen >= {} times) over {} files, {tokens} tokens; only counts, no text",
        args.classes,
        args.min_count,
        files.len()
    )?;
    let inputs: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
    writeln!(out, "# inputs: {}; rebuild with `newsdesk train clusters` over the same", inputs.join(" "))?;
    for (w, c) in classes {
        writeln!(out, "{w}\t{c}")?;
    }
    std::fs::write(&args.out, out).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} (rebuild to compile it in)", args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "txt" || e == "conll" || e == "iob2") {
        out.push(path.to_path_buf());
    } else if !path.exists() {
        bail!("no such file or folder");
    }
    Ok(())
}

/// The running text of a CoNLL-style file: its second column, sentences one per paragraph.
fn token_column(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        match line.split('\t').nth(1) {
            Some(tok) => {
                out.push_str(tok);
                out.push(' ');
            }
            None if line.trim().is_empty() => out.push_str("\n\n"),
            None => {}
        }
    }
    out
}
