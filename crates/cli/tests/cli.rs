//! The `newsdesk` binary as a user meets it: inputs from files and stdin, JSON out, clear
//! errors and exit codes on bad input, never a panic, and output that matches the schema.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsdesk(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsdesk");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = input {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().expect("wait newsdesk");
    writer.join().expect("writer thread");
    out
}

/// A panic exits with 101; anything we do on purpose is 0, 1 or 2.
fn assert_no_panic(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert_ne!(out.status.code(), Some(101), "panic exit: {stderr}");
}

fn schema() -> jsonschema::Validator {
    let raw =
        std::fs::read_to_string(repo().join("docs/newsdesk.document.schema.json")).expect("schema file");
    let value: serde_json::Value = serde_json::from_str(&raw).expect("schema is JSON");
    jsonschema::validator_for(&value).expect("schema compiles")
}

#[test]
fn example_output_matches_the_schema() {
    let out = newsdesk(&["analyze", "examples/report.txt"], None);
    assert_no_panic(&out);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let validator = schema();
    let errors: Vec<String> =
        validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
    assert_eq!(doc["schema"], "newsdesk.document/1");
}

#[test]
fn several_inputs_give_json_lines_and_stdin_works() {
    let out =
        newsdesk(&["analyze", "examples/report.txt", "-"], Some(b"Officials said the talks went well."));
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is a document");
        assert_eq!(v["schema"], "newsdesk.document/1");
    }
}

#[test]
fn pretty_output_is_indented() {
    let out = newsdesk(&["analyze", "--pretty", "-"], Some(b"The minister said prices rose."));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n  \"schema\""));
}

#[test]
fn empty_input_is_a_clear_error() {
    let out = newsdesk(&["analyze", "-"], Some(b"  \n "));
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one-line error: {stderr}");
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = newsdesk(&["analyze", "no/such/file.txt"], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn binary_junk_gives_an_error_or_a_result_never_a_panic() {
    let mut junk = Vec::with_capacity(64 * 1024);
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..64 * 1024 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        junk.push((x & 0xFF) as u8);
    }
    let out = newsdesk(&["analyze", "-"], Some(&junk));
    assert_no_panic(&out);
    if !out.status.success() {
        assert!(!out.stderr.is_empty(), "a failure says why");
    }
}

#[test]
fn invalid_utf8_gives_a_result() {
    let mut bytes = b"Officials said the talks in Paris went well. ".to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE, 0xC3]);
    bytes.extend_from_slice(b" The minister said more talks would follow.");
    let out = newsdesk(&["analyze", "-"], Some(&bytes));
    assert_no_panic(&out);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(doc["text"].as_str().unwrap_or("").contains("minister"));
}

#[test]
fn fifty_megabytes_of_text_finish_in_bounded_time() {
    let paragraph = "The minister said on Monday that exports rose by more than 4.5 percent to $3 billion, \
        according to officials in Berlin. \"We expect more,\" she told reporters.\n\n";
    let mut text = String::with_capacity(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(paragraph);
    }
    let started = Instant::now();
    let out = newsdesk(&["analyze", "-"], Some(text.as_bytes()));
    assert_no_panic(&out);
    assert!(!out.stdout.is_empty() || !out.stderr.is_empty(), "a result or an error");
    // Not a speed test: a guard against hangs or quadratic blow-ups.
    assert!(started.elapsed() < Duration::from_secs(600), "took {:?}", started.elapsed());
}

/// Rows without their DATEADDED column (the export's own clock).
fn without_date_added(tsv: &str) -> Vec<String> {
    tsv.lines()
        .map(|l| l.split('\t').enumerate().filter(|(i, _)| *i != 59).map(|(_, f)| f).collect())
        .collect()
}

#[test]
fn export_gives_gdelt_rows_from_pages_and_from_documents() {
    let events = newsdesk(&["export", "events", "--header", "examples/report.txt"], None);
    assert!(events.status.success(), "{}", String::from_utf8_lossy(&events.stderr));
    let events = String::from_utf8(events.stdout).expect("utf-8");
    let mut lines = events.lines();
    assert!(lines.next().is_some_and(|h| h.starts_with("GLOBALEVENTID\tSQLDATE")));
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty(), "the example report has events");
    assert!(rows.iter().all(|r| r.split('\t').count() == 61), "61 columns each");

    let analysed = newsdesk(&["analyze", "examples/report.txt"], None);
    let again = newsdesk(&["export", "events", "--documents", "-"], Some(&analysed.stdout));
    assert!(again.status.success());
    let again = String::from_utf8(again.stdout).expect("utf-8");
    assert_eq!(without_date_added(&again), without_date_added(&rows.join("\n")));

    let gkg = newsdesk(&["export", "gkg", "examples/report.txt"], None);
    let gkg = String::from_utf8(gkg.stdout).expect("utf-8");
    assert_eq!(gkg.lines().count(), 1);
    assert_eq!(gkg.trim_end_matches('\n').split('\t').count(), 27);
}

#[test]
fn export_of_something_that_is_not_a_document_says_what_to_do() {
    let out = newsdesk(&["export", "gkg", "--documents", "-"], Some(b"{\"x\": 1}\n"));
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("drop --documents"));
}
