//! `newsdesk ingest` as a process: kill -9 in the middle loses no document it reported
//! stored, a re-run resumes, and broken records are reported and skipped.

use newsdesk_store::{SearchQuery, Store};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn newsdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
}

/// `n` distinct short pages as JSON Lines, written by us.
fn pages(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!(
                "Ferry line {i} resumed service on Monday. \"Crossing {i} is open again,\" port director Lena Okafor said. \
                 The operator carried {} passengers.",
                i * 7 + 3
            );
            serde_json::json!({ "url": format!("https://example.org/ferry/{i}"), "text": text }).to_string() + "\n"
        })
        .collect()
}

#[test]
fn kill_9_during_ingest_loses_no_acknowledged_document_and_rerun_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("pages.jsonl");
    std::fs::write(&input, pages(3000)).unwrap();
    let store = dir.path().join("store");
    let mut child = newsdesk()
        .args(["ingest", "--list", "--batch", "8", "--store"])
        .arg(&store)
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acknowledged = Vec::new();
    let started = Instant::now();
    while acknowledged.len() < 40 && started.elapsed() < Duration::from_secs(60) {
        match lines.next() {
            Some(Ok(line)) => acknowledged.push(line),
            _ => break,
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // Lines already in the pipe were acknowledged too.
    acknowledged.extend(lines.map_while(Result::ok));
    assert!(!acknowledged.is_empty(), "ingest reported nothing before the kill");

    let reopened = Store::open(&store).expect("store opens after kill -9");
    for line in &acknowledged {
        let id = line.split('\t').nth(1).expect("stored<TAB>id<TAB>url");
        assert!(reopened.document(id).unwrap().is_some(), "acknowledged {id} is missing after kill -9");
    }
    let before = reopened.stats().unwrap().documents;
    drop(reopened);

    let out = newsdesk().args(["ingest", "--store"]).arg(&store).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open_reader(&store).unwrap();
    assert_eq!(store.stats().unwrap().documents, 3000, "the re-run completes ({before} before it)");
    let hits =
        store.search(&SearchQuery { text: "crossing".into(), limit: 5, ..Default::default() }).unwrap();
    assert_eq!(hits.len(), 5);
}

#[test]
fn broken_records_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("mixed.jsonl");
    let good = pages(3);
    std::fs::write(&jsonl, format!("{good}{{not json\n{{\"url\":\"https://example.org/none\"}}\n")).unwrap();
    let warc = dir.path().join("cut.warc.gz");
    let record = |url: &str, body: &str| {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n", block.len())
    };
    let html = "<html><body><article><p>The bridge toll rose to 4 euros, the city said on Friday.</p></article></body></html>";
    let full = record("https://example.org/bridge", html) + &record("https://example.org/cut", html);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&full.as_bytes()[..full.len() - 40]).unwrap();
    std::fs::write(&warc, gz.finish().unwrap()).unwrap();
    let store = dir.path().join("store");
    let out = newsdesk().args(["ingest", "--store"]).arg(&store).arg(&jsonl).arg(&warc).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "bad records make exit status 1: {stderr}");
    for needle in ["mixed.jsonl:4", "mixed.jsonl:5", "cut.warc.gz#2", "4 stored", "3 bad"] {
        assert!(stderr.contains(needle), "{needle:?} not in {stderr}");
    }
}
