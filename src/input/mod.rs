//! Input stage: raw bytes in, decoded page text out, with what the container said about the
//! page (address, save time) and how it was decoded.

pub mod charset;

use crate::record::Format;
use crate::{Error, Limits, Result};
use sha2::{Digest, Sha256};

/// A page after containers and charset are dealt with.
#[derive(Debug, Clone)]
pub struct Input {
    pub format: Format,
    pub text: String,
    /// WHATWG name, lowercase (`utf-8`, `windows-1252`).
    pub encoding: String,
    /// The page address the container or a save marker gives (not the canonical link).
    pub url: Option<String>,
    /// RFC 3339 save time, where the save itself says so.
    pub saved_at: Option<String>,
    pub bytes: u64,
    pub sha256: String,
    pub warnings: Vec<String>,
}

/// Reads one input: detects its kind by content, unpacks it and decodes its text.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Input> {
    if bytes.len() as u64 > limits.max_input {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: limits.max_input });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let sha256 = hex(&Sha256::digest(bytes));
    let size = bytes.len() as u64;
    let (format, decoded) = if looks_like_html(bytes) {
        (Format::Html, charset::decode_html(bytes))
    } else {
        (Format::Text, charset::decode_text(bytes))
    };
    if looks_binary(&decoded.text) {
        return Err(Error::Binary("control characters in the text".into()));
    }
    Ok(Input {
        format,
        text: decoded.text,
        encoding: decoded.encoding.name().to_ascii_lowercase(),
        url: None,
        saved_at: None,
        bytes: size,
        sha256,
        warnings: decoded.warnings,
    })
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Markup if, after a BOM and white space, the bytes open with a tag, comment or doctype, or
/// an `<html`/`<body` tag appears early (pages saved with junk in front).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let lower: Vec<u8> = head.iter().filter(|&&b| b != 0).map(|b| b.to_ascii_lowercase()).collect();
    let trimmed = lower.trim_ascii_start();
    if trimmed.starts_with(b"<!doctype html")
        || trimmed.starts_with(b"<html")
        || trimmed.starts_with(b"<!--")
        || trimmed.starts_with(b"<head")
        || trimmed.starts_with(b"<meta")
    {
        return true;
    }
    let find = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    find(b"<html") || find(b"<body") || (find(b"<p>") && find(b"</p>")) || find(b"<div")
}

/// Text that is mostly control characters (other than white space) is not a page.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let bad = sample.iter().filter(|c| (c.is_control() && !c.is_whitespace()) || **c == '\u{fffd}').count();
    sample.contains(&'\0') || bad * 20 > sample.len()
}
