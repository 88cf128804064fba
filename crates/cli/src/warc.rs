//! A streaming WARC 1.0/1.1 reader for ingest: one record at a time from any `BufRead` (gzip
//! members already decoded by the caller), so a multi-gigabyte Common Crawl News file needs
//! only one record's worth of memory. `response` records yield the HTTP body of HTML pages,
//! `resource`/`conversion` records of `text/plain` yield text; other records are skipped.
//! A malformed header is reported and the reader resynchronises on the next `WARC/` line; a
//! truncated record is reported and ends the file.

use crate::pages::{bad, read_line, Item, Page, MAX_PAGE_BYTES};
use newsdesk_extract::Format;
use std::io::{self, BufRead, Read};

const MAX_HEADER_LINE: u64 = 64 * 1024;
const MAX_HEADERS: usize = 256;

struct Header {
    kind: String,
    url: Option<String>,
    length: Option<u64>,
    content_type: String,
}

pub fn read(mut r: Box<dyn BufRead>, shown: &str, emit: &mut dyn FnMut(Item) -> bool) {
    let mut line = Vec::new();
    let mut record = 0usize;
    loop {
        // Find the next version line, skipping the blank lines between records.
        let mut garbage = false;
        loop {
            match read_line(&mut r, &mut line, MAX_HEADER_LINE) {
                Ok(None) => return,
                Err(e) => {
                    emit(bad(&format!("{shown}#{}", record + 1), &format!("truncated or corrupt: {e}")));
                    return;
                }
                Ok(Some(_)) if line.starts_with(b"WARC/") => break,
                Ok(Some(_)) if line.is_empty() => {}
                Ok(Some(_)) => garbage = true,
            }
        }
        record += 1;
        let origin = format!("{shown}#{record}");
        if garbage && !emit(bad(&origin, "bytes between records skipped (malformed record before this one)"))
        {
            return;
        }
        let header = match read_header(&mut r, &mut line) {
            Ok(h) => h,
            Err(e) => {
                emit(bad(&origin, &format!("truncated header: {e}")));
                return;
            }
        };
        let Some(length) = header.length else {
            if !emit(bad(&origin, "no valid Content-Length: record skipped")) {
                return;
            }
            continue;
        };
        let wanted = matches!(header.kind.as_str(), "response" | "resource" | "conversion");
        if !wanted || length > MAX_PAGE_BYTES {
            if let Err(e) = skip(&mut r, length) {
                emit(bad(&origin, &format!("truncated record: {e}")));
                return;
            }
            if wanted && !emit(bad(&origin, "record larger than the page limit: skipped")) {
                return;
            }
            continue;
        }
        let mut body = Vec::with_capacity(length as usize);
        match r.by_ref().take(length).read_to_end(&mut body) {
            Ok(n) if n as u64 == length => {}
            Ok(n) => {
                emit(bad(&origin, &format!("truncated record: {n} of {length} bytes")));
                return;
            }
            Err(e) => {
                emit(bad(&origin, &format!("truncated record: {e}")));
                return;
            }
        }
        let item = if header.kind == "response" {
            http_page(&body, header.url, origin)
        } else if header.content_type.starts_with("text/plain") {
            Some(Item::Page(Page { url: header.url, bytes: body, format: Some(Format::Text), origin }))
        } else if header.content_type.contains("html") {
            Some(Item::Page(Page { url: header.url, bytes: body, format: Some(Format::Html), origin }))
        } else {
            None
        };
        if let Some(item) = item {
            if !emit(item) {
                return;
            }
        }
    }
}

fn read_header(r: &mut Box<dyn BufRead>, line: &mut Vec<u8>) -> io::Result<Header> {
    let mut h = Header { kind: String::new(), url: None, length: None, content_type: String::new() };
    for _ in 0..MAX_HEADERS {
        match read_line(r, line, MAX_HEADER_LINE)? {
            None => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "end of input in a header")),
            Some(_) if line.is_empty() => return Ok(h),
            Some(_) => {}
        }
        let text = String::from_utf8_lossy(line);
        let Some((name, value)) = text.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => h.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => {
                h.url = Some(value.trim_matches(['<', '>']).to_string()).filter(|u| !u.is_empty())
            }
            "content-length" => h.length = value.parse().ok(),
            "content-type" => h.content_type = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    Err(io::Error::new(io::ErrorKind::InvalidData, "too many header lines"))
}

fn skip(r: &mut Box<dyn BufRead>, length: u64) -> io::Result<()> {
    let n = io::copy(&mut r.by_ref().take(length), &mut io::sink())?;
    if n < length {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, format!("{n} of {length} bytes")));
    }
    Ok(())
}

/// The HTML body of an HTTP response, or `None` for non-HTML responses.
fn http_page(body: &[u8], url: Option<String>, origin: String) -> Option<Item> {
    let split = find(body, b"\r\n\r\n").map(|i| (i, 4)).or_else(|| find(body, b"\n\n").map(|i| (i, 2)));
    let Some((end, sep)) = split else {
        return Some(bad(&origin, "HTTP response without a header end"));
    };
    let head = String::from_utf8_lossy(&body[..end]).to_ascii_lowercase();
    let mut content_type = "";
    let mut chunked = false;
    let mut gzip = false;
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else { continue };
        match name.trim() {
            "content-type" => content_type = value.trim(),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => gzip = value.contains("gzip"),
            _ => {}
        }
    }
    if !content_type.is_empty() && !content_type.contains("html") {
        return None;
    }
    let mut payload = body[end + sep..].to_vec();
    if chunked {
        payload = dechunk(&payload)?;
    }
    if gzip {
        let mut out = Vec::new();
        let decoder = flate2::read::MultiGzDecoder::new(payload.as_slice());
        if decoder.take(MAX_PAGE_BYTES + 1).read_to_end(&mut out).is_err()
            || out.len() as u64 > MAX_PAGE_BYTES
        {
            return Some(bad(&origin, "gzip body cannot be decoded within the page limit"));
        }
        payload = out;
    }
    Some(Item::Page(Page { url, bytes: payload, format: Some(Format::Html), origin }))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTTP/1.1 chunked body; `None` if malformed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = data.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, url: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    /// Reads `input` and describes each item as `url|body` or `bad`.
    fn check(input: &str, expected: &[&str]) {
        let mut got = Vec::new();
        let owned: Box<dyn BufRead> = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
        read(owned, "t.warc", &mut |item| {
            got.push(match item {
                Item::Page(p) => {
                    format!("{}|{}", p.url.unwrap_or_default(), String::from_utf8_lossy(&p.bytes))
                }
                Item::Bad { .. } => "bad".to_string(),
            });
            true
        });
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn records() {
        let html = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>";
        let chunked =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>H\r\n5\r\ni</p>\r\n0\r\n\r\n";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let ok = record("response", "http://a/", html);
        check(&ok, &["http://a/|<p>Hi</p>"]);
        check(&(record("request", "http://a/", "GET /") + &ok), &["http://a/|<p>Hi</p>"]);
        check(&record("response", "http://b/", chunked), &["http://b/|<p>Hi</p>"]);
        check(&record("response", "http://c/", image), &[]);
        check(&format!("junk\r\n{ok}"), &["bad", "http://a/|<p>Hi</p>"]);
        check(&ok[..ok.len() - 10], &["bad"]);
        check(&ok.replace("Content-Length: ", "Content-Length: x"), &["bad"]);
        check("", &[]);
    }
}
