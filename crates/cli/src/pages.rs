//! Reading pages to ingest from files, directories, JSON Lines and WARC files, as a stream:
//! one page at a time, never a whole input file in memory. Broken records are reported as
//! [`Item::Bad`] and skipped; reading goes on with the next record.

use newsdesk_extract::Format;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Largest page (or JSON line, or WARC record) accepted; bigger ones are reported and skipped.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// One page to analyse.
pub struct Page {
    pub url: Option<String>,
    pub bytes: Vec<u8>,
    pub format: Option<Format>,
    /// Where it came from, for messages: `file`, `file:line`, `file#record`.
    pub origin: String,
}

pub enum Item {
    Page(Page),
    Bad { origin: String, reason: String },
}

/// Counts bytes read from the underlying files (for progress and ETA).
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Every input file under `paths` (directories walked in name order, hidden entries skipped).
pub fn files(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        walk(path, &mut out)?;
    }
    Ok(out)
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                walk(&entry, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Reads every page of `path`, handing each to `emit`; stops early when `emit` returns false.
pub fn read_file(path: &Path, count: &Arc<AtomicU64>, emit: &mut dyn FnMut(Item) -> bool) -> io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let shown = path.display().to_string();
    let file = Counting { inner: File::open(path)?, count: Arc::clone(count) };
    let gz = name.ends_with(".gz");
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    if stem.ends_with(".warc") {
        crate::warc::read(reader, &shown, emit);
    } else if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        read_jsonl(reader, &shown, emit);
    } else {
        let mut bytes = Vec::new();
        let item = match reader.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > MAX_PAGE_BYTES => bad(&shown, "larger than the page limit"),
            Ok(_) => Item::Page(Page { url: None, bytes, format: None, origin: shown }),
            Err(e) => bad(&shown, &format!("cannot read: {e}")),
        };
        emit(item);
    }
    Ok(())
}

pub fn bad(origin: &str, reason: &str) -> Item {
    Item::Bad { origin: origin.to_string(), reason: reason.to_string() }
}

/// Reads one line of at most `max` bytes into `buf` (without the newline). `Ok(None)` at end
/// of input; `Ok(Some(false))` when the line was too long (the rest of it is skipped).
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: u64) -> io::Result<Option<bool>> {
    buf.clear();
    let n = Read::take(&mut *r, max).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(Some(true));
    }
    if (n as u64) < max {
        return Ok(Some(true)); // last line without a newline
    }
    // Too long: skip to the end of the line.
    let mut sink = Vec::new();
    loop {
        sink.clear();
        let m = Read::take(&mut *r, 1 << 20).read_until(b'\n', &mut sink)?;
        if m == 0 || sink.last() == Some(&b'\n') {
            return Ok(Some(false));
        }
    }
}

#[derive(serde::Deserialize)]
struct JsonPage {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
}

fn read_jsonl(mut r: Box<dyn BufRead>, shown: &str, emit: &mut dyn FnMut(Item) -> bool) {
    let mut buf = Vec::new();
    for line_no in 1.. {
        let origin = format!("{shown}:{line_no}");
        let item = match read_line(&mut r, &mut buf, MAX_PAGE_BYTES) {
            Ok(None) => return,
            Err(e) => {
                emit(bad(&origin, &format!("cannot read (truncated?): {e}")));
                return;
            }
            Ok(Some(false)) => bad(&origin, "line longer than the page limit"),
            Ok(Some(true)) if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(true)) => match serde_json::from_slice::<JsonPage>(&buf) {
                Err(e) => bad(&origin, &format!("not a JSON page object: {e}")),
                Ok(JsonPage { url, html: Some(html), .. }) => {
                    Item::Page(Page { url, bytes: html.into_bytes(), format: Some(Format::Html), origin })
                }
                Ok(JsonPage { url, text: Some(text), .. }) => {
                    Item::Page(Page { url, bytes: text.into_bytes(), format: Some(Format::Text), origin })
                }
                Ok(_) => bad(&origin, "needs an \"html\" or a \"text\" field"),
            },
        };
        if !emit(item) {
            return;
        }
    }
}
