//! The HTTP layer of a WARC `response` record: status line, headers, and the body after
//! transfer and content decoding.
//!
//! Crawlers that store a body already decoded rename the header that named the coding
//! (`X-Crawler-Content-Encoding`, `X-Crawler-Transfer-Encoding`, Common Crawl's convention), so
//! only the plain `Content-Encoding` and `Transfer-Encoding` are undone, never one twice.

use std::io::Read;

use crate::{Error, Result};

/// A parsed HTTP response head with its raw body.
#[derive(Debug, Clone)]
pub struct Response<'a> {
    pub status: u16,
    /// Header names as sent, values trimmed; in order, repeats kept.
    pub headers: Vec<(String, String)>,
    /// The body as stored in the record, before any decoding.
    pub body: &'a [u8],
}

impl Response<'_> {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lowercase, without parameters.
    pub fn media_type(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        let t = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        (!t.is_empty()).then_some(t)
    }

    /// The `charset` parameter of `Content-Type`, unquoted.
    pub fn charset(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).trim().to_string())
        })
    }
}

/// Reads the status line and headers. Lines may end in CRLF or a bare LF; a head without the
/// blank line that ends it is damage.
pub fn parse(bytes: &[u8]) -> Result<Response<'_>> {
    let (head, body) = split_head(bytes).ok_or_else(|| Error::Container("HTTP header without its end".into()))?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_ascii_whitespace();
    let status = match (parts.next(), parts.next()) {
        (Some(v), Some(code)) if v.starts_with("HTTP/") => code.parse::<u16>().ok(),
        _ => None,
    }
    .ok_or_else(|| Error::Container(format!("not an HTTP status line: {:?}", truncate(status_line, 60))))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding: a continuation of the previous value.
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    Ok(Response { status, headers, body })
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&bytes[..end], &bytes[body..]))
}

/// The body after transfer and content decoding, at most `limit` bytes, with the warnings
/// decoding gave.
pub fn decoded_body(resp: &Response<'_>, limit: u64) -> Result<(Vec<u8>, Vec<String>)> {
    let mut warnings = Vec::new();
    let mut body: Vec<u8> = resp.body.to_vec();
    let chunked = resp
        .header("transfer-encoding")
        .is_some_and(|te| te.split(',').any(|c| c.trim().eq_ignore_ascii_case("chunked")));
    if chunked {
        match dechunk(&body) {
            Some(b) => body = b,
            // Some crawlers store the body de-chunked yet keep the header: read it as it is.
            None => warnings.push("body is not chunked as its header says; read as stored".into()),
        }
    }
    let codings: Vec<String> = resp
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("content-encoding"))
        .flat_map(|(_, v)| v.split(',').map(|c| c.trim().to_ascii_lowercase()).collect::<Vec<_>>())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    // Codings are undone in the reverse of the order they were applied.
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" => {
                if !super::gzip::is_gzip(&body) {
                    warnings.push("body is not gzip as its Content-Encoding says; read as stored".into());
                    continue;
                }
                super::gzip::decompress(&body, limit)?
            }
            "deflate" => inflate(&body, limit)?,
            "br" => capped(brotli_decompressor::Decompressor::new(&body[..], 4096), limit, "brotli")?,
            other => return Err(Error::Container(format!("unknown Content-Encoding {other:?}"))),
        };
    }
    if body.len() as u64 > limit {
        return Err(Error::DecompressedTooLarge { limit });
    }
    Ok((body, warnings))
}

/// `deflate` is meant to be zlib-wrapped (RFC 9110) but servers often send raw deflate.
fn inflate(body: &[u8], limit: u64) -> Result<Vec<u8>> {
    let zlib = body.len() >= 2 && body[0] & 0x0f == 8 && (u16::from(body[0]) << 8 | u16::from(body[1])) % 31 == 0;
    if zlib {
        capped(flate2::read::ZlibDecoder::new(body), limit, "deflate")
    } else {
        capped(flate2::read::DeflateDecoder::new(body), limit, "deflate")
    }
}

fn capped(r: impl Read, limit: u64, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Error::Container(format!("corrupt {what} body ({e})")))?;
    if out.len() as u64 > limit {
        return Err(Error::DecompressedTooLarge { limit });
    }
    Ok(out)
}

/// Undoes chunked transfer coding; `None` when the bytes are not chunked. A body cut off inside
/// a chunk keeps what arrived.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let eol = memchr::memchr(b'\n', rest)?;
        let line = std::str::from_utf8(&rest[..eol]).ok()?.trim();
        let size_hex = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = &rest[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        if take < size || rest.is_empty() {
            return Some(out);
        }
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn resp(head: &str, body: &[u8]) -> Vec<u8> {
        let mut v = head.replace('\n', "\r\n").into_bytes();
        v.extend_from_slice(b"\r\n");
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn status_headers_and_charset() {
        let raw =
            resp("HTTP/1.1 200 OK\nContent-Type: text/html; charset=\"ISO-8859-1\"\nX-Long: a\n  b\n", b"<p>x</p>");
        let r = parse(&raw).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.charset().as_deref(), Some("ISO-8859-1"));
        assert_eq!(r.header("x-long"), Some("a b"));
        assert_eq!(r.body, b"<p>x</p>");
        assert!(parse(b"GET / HTTP/1.1\r\n\r\n").is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html").is_err());
    }

    #[test]
    fn chunked_and_encodings() {
        let page = "<p>Grüße aus Kiel</p>".repeat(30);
        let chunked = format!("5\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n", &page[..5], page.len() - 5, &page[5..]);
        let raw = resp("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n", chunked.as_bytes());
        assert_eq!(decoded_body(&parse(&raw).unwrap(), 1 << 20).unwrap().0, page.as_bytes());

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(page.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let raw = resp("HTTP/1.1 200 OK\nContent-Encoding: gzip\n", &gz);
        assert_eq!(decoded_body(&parse(&raw).unwrap(), 1 << 20).unwrap().0, page.as_bytes());
        assert!(matches!(decoded_body(&parse(&raw).unwrap(), 100), Err(Error::DecompressedTooLarge { limit: 100 })));

        // Already decoded by the crawler: never decoded again.
        let raw = resp(
            "HTTP/1.1 200 OK\nX-Crawler-Content-Encoding: gzip\nX-Crawler-Transfer-Encoding: chunked\n",
            page.as_bytes(),
        );
        assert_eq!(decoded_body(&parse(&raw).unwrap(), 1 << 20).unwrap().0, page.as_bytes());

        for zlib in [true, false] {
            let data = if zlib {
                let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
                e.write_all(page.as_bytes()).unwrap();
                e.finish().unwrap()
            } else {
                let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
                e.write_all(page.as_bytes()).unwrap();
                e.finish().unwrap()
            };
            let raw = resp("HTTP/1.1 200 OK\nContent-Encoding: deflate\n", &data);
            assert_eq!(decoded_body(&parse(&raw).unwrap(), 1 << 20).unwrap().0, page.as_bytes(), "zlib {zlib}");
        }
    }

    #[test]
    fn brotli_body() {
        // "hello" compressed with brotli (quality 11): a stream made by the reference encoder.
        let br: &[u8] = &[0x0b, 0x02, 0x80, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x03];
        let raw = resp("HTTP/1.1 200 OK\nContent-Encoding: br\n", br);
        assert_eq!(decoded_body(&parse(&raw).unwrap(), 1 << 20).unwrap().0, b"hello");
    }

    #[test]
    fn dechunk_edges() {
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n").unwrap(), b"abc");
        assert_eq!(dechunk(b"3;ext=1\nabc\n0\n").unwrap(), b"abc");
        assert_eq!(dechunk(b"a\r\nabc").unwrap(), b"abc");
        assert!(dechunk(b"<html>").is_none());
    }
}
