//! Writes WARC files for the tests and the benchmark: records built from the project's own
//! pages, uncompressed or gzip-compressed one member per record, with the byte range of each.
#![allow(dead_code)]

use std::io::Write;

/// One WARC record to write.
pub struct Rec {
    pub kind: &'static str,
    pub uri: String,
    /// `WARC-Date`, UTC.
    pub date: String,
    pub extra: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Rec {
    pub fn new(kind: &'static str, uri: &str, date: &str, block: Vec<u8>) -> Rec {
        Rec { kind, uri: uri.to_string(), date: date.to_string(), extra: Vec::new(), block }
    }

    pub fn with(mut self, name: &str, value: &str) -> Rec {
        self.extra.push((name.to_string(), value.to_string()));
        self
    }

    /// The record's id: derived from its position so the tests can name it.
    pub fn id(n: usize) -> String {
        format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>")
    }

    pub fn bytes(&self, n: usize) -> Vec<u8> {
        let content_type = match self.kind {
            "response" => "application/http; msgtype=response",
            "request" => "application/http; msgtype=request",
            "warcinfo" => "application/warc-fields",
            _ => "application/octet-stream",
        };
        let mut head = format!(
            "WARC/1.1\r\nWARC-Type: {}\r\nWARC-Record-ID: {}\r\nWARC-Date: {}\r\n",
            self.kind,
            Rec::id(n),
            self.date
        );
        if self.kind != "warcinfo" {
            head.push_str(&format!("WARC-Target-URI: {}\r\n", self.uri));
        }
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
        for (k, v) in &self.extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", self.block.len()));
        let mut out = head.into_bytes();
        out.extend_from_slice(&self.block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }
}

/// An HTTP response: status line, headers, blank line, body as given.
pub fn http(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        _ => "Other",
    };
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n").into_bytes();
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// `body` in chunks of `size` bytes, chunked transfer coding.
pub fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for c in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// The file's bytes and, per record, its `(offset, length)` (of its gzip member when `gz`).
pub fn warc(records: &[Rec], gz: bool) -> (Vec<u8>, Vec<(u64, u64)>) {
    let mut out = Vec::new();
    let mut ranges = Vec::new();
    for (n, r) in records.iter().enumerate() {
        let bytes = r.bytes(n);
        let bytes = if gz { gzip(&bytes) } else { bytes };
        ranges.push((out.len() as u64, bytes.len() as u64));
        out.extend_from_slice(&bytes);
    }
    (out, ranges)
}

/// A response record serving `page` as a 200 `text/html` page.
pub fn page_response(uri: &str, date: &str, page: &[u8]) -> Rec {
    Rec::new("response", uri, date, http(200, &[("Content-Type", "text/html; charset=utf-8")], page))
}
