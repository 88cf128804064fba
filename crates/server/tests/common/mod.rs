//! Test harness: a real server on a loopback port, and a tiny HTTP/1.1 client.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;

/// Starts the server over the store in `dir` on 127.0.0.1:0 in a background thread.
pub fn spawn_server(dir: &Path, token: Option<&str>) -> SocketAddr {
    let config = newsdesk_server::Config { store: dir.to_path_buf(), token: token.map(str::to_string) };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            newsdesk_server::serve(listener, config).await.unwrap();
        });
    });
    rx.recv().expect("server started")
}

/// Sends one request; returns (status, body).
pub fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
    token: Option<&str>,
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let body = body.unwrap_or("");
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    // A server may answer before it has read the whole body (413 on a too-large upload) and
    // close the connection: the rest of the write then fails with a broken pipe or a reset, and
    // the answer is still there to read, as an HTTP client reads it.
    let closed_early = |e: &std::io::Error| {
        matches!(e.kind(), std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset)
    };
    if let Err(e) = s.write_all(req.as_bytes()) {
        assert!(closed_early(&e), "send: {e}");
    }
    let mut raw = Vec::new();
    if let Err(e) = s.read_to_end(&mut raw) {
        assert!(closed_early(&e) && !raw.is_empty(), "receive: {e}");
    }
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
    (status, if chunked { dechunk(rest) } else { rest.to_string() })
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest.get(n + 2..).unwrap_or("");
    }
    out
}

/// A JSON page body `{url, text}`.
pub fn page(url: &str, text: &str) -> String {
    serde_json::json!({ "url": url, "text": text }).to_string()
}
