//! MHTML ("Webpage, single file" in Chrome and Edge, `.mht`/`.mhtml`): a MIME message,
//! normally `multipart/related`, whose parts are the page, its frames and its resources.
//!
//! The main document is the HTML part whose `Content-Location` is the message's
//! `Snapshot-Content-Location` (or `X-Snapshot-Content-Location`), else the first HTML part.
//! Headers and transfer encodings (quoted-printable, base64) are mailparse's work; the
//! splitting into parts is done here, iteratively and with caps on depth and part count, so
//! that hostile input cannot make it recurse or run long.

use mailparse::{MailHeader, MailHeaderMap, ParsedContentType, parse_content_type, parse_headers, parse_mail};

use super::markers::web_address;
use crate::time;
use crate::{Error, Limits, Result};

/// More parts than any saved page has; past this the input is not read further.
const MAX_PARTS: usize = 20_000;
/// `multipart/*` nested inside `multipart/*` is followed this deep.
const MAX_DEPTH: usize = 4;
/// How much of the input is looked at to decide whether it is MHTML.
const SNIFF: usize = 8 * 1024;

/// The page an MHTML file holds, transfer-decoded but not charset-decoded.
#[derive(Debug)]
pub struct Mhtml {
    /// The main document's bytes.
    pub html: Vec<u8>,
    /// The main part's `charset=` parameter, when it has one (Chrome writes none).
    pub charset: Option<String>,
    /// `Snapshot-Content-Location`, else the main part's `Content-Location`.
    pub url: Option<String>,
    /// The `Date:` header (when the page was saved), RFC 3339 in Europe/Berlin.
    pub saved_at: Option<String>,
    /// The `Subject:` header (the page title), RFC 2047 decoded.
    pub subject: Option<String>,
}

/// True when the input opens with a MIME header block that declares a MIME message or an
/// MHTML snapshot (`MIME-Version:`, `Content-Type: multipart/…`, `Snapshot-Content-Location:`).
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let head = head.trim_ascii_start();
    let mut lines = head.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let Some(first) = lines.next() else {
        return false;
    };
    let is_field = |line: &[u8]| {
        line.iter()
            .position(|&b| b == b':')
            .is_some_and(|c| c > 0 && line[..c].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
    };
    if !is_field(first) {
        return false;
    }
    std::iter::once(first).chain(lines).take_while(|l| !l.is_empty()).any(|line| {
        let l = line.to_ascii_lowercase();
        l.starts_with(b"mime-version:")
            || l.starts_with(b"snapshot-content-location:")
            || l.starts_with(b"x-snapshot-content-location:")
            || (l.starts_with(b"content-type:") && l.windows(10).any(|w| w == b"multipart/"))
    })
}

/// One leaf part: its raw bytes (headers and body) and what its headers say.
struct Part<'a> {
    raw: &'a [u8],
    ctype: ParsedContentType,
    location: Option<String>,
}

impl Part<'_> {
    fn is_html(&self) -> bool {
        matches!(self.ctype.mimetype.as_str(), "text/html" | "application/xhtml+xml")
    }
}

fn unreadable(e: mailparse::MailParseError) -> Error {
    Error::Container(format!("MHTML cannot be read ({e})"))
}

/// Reads an MHTML file down to its main document.
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Mhtml> {
    let bytes = bytes.trim_ascii_start();
    let (headers, body_at) = parse_headers(bytes).map_err(unreadable)?;
    let snapshot = headers
        .get_first_value("Snapshot-Content-Location")
        .or_else(|| headers.get_first_value("X-Snapshot-Content-Location"))
        .map(|v| location(&v));
    let saved_at = headers.get_first_value("Date").and_then(|d| time::parse_rfc2822(&d)).map(|s| s.rfc3339());
    let subject = headers.get_first_value("Subject").map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let ctype = content_type(&headers);

    let parts = if ctype.mimetype.starts_with("multipart/") {
        let boundary = ctype
            .params
            .get("boundary")
            .filter(|b| !b.trim().is_empty())
            .ok_or_else(|| Error::Container("MHTML without a multipart boundary".into()))?;
        leaf_parts(&bytes[body_at.min(bytes.len())..], boundary)?
    } else {
        // A single-part message: the message itself is the document.
        vec![Part { raw: bytes, location: headers.get_first_value("Content-Location").map(|v| location(&v)), ctype }]
    };

    let main = parts
        .iter()
        .find(|p| p.is_html() && snapshot.is_some() && p.location == snapshot)
        .or_else(|| parts.iter().find(|p| p.is_html()))
        .ok_or_else(|| Error::Container("MHTML has no HTML part".into()))?;
    let html = parse_mail(main.raw).map_err(unreadable)?.get_body_raw().map_err(unreadable)?;
    if html.len() as u64 > limits.max_decompressed {
        return Err(Error::DecompressedTooLarge { limit: limits.max_decompressed });
    }
    let url = snapshot.as_deref().and_then(web_address).or_else(|| main.location.as_deref().and_then(web_address));
    Ok(Mhtml {
        html,
        charset: main.ctype.params.get("charset").map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
        url,
        saved_at,
        subject,
    })
}

/// A header's `Content-Type`, `text/plain` when absent (as mailparse's default).
fn content_type(headers: &[MailHeader<'_>]) -> ParsedContentType {
    parse_content_type(&headers.get_first_value("Content-Type").unwrap_or_else(|| "text/plain".into()))
}

/// A location header's value with any folding white space taken out (addresses hold none).
fn location(v: &str) -> String {
    v.split_whitespace().collect()
}

/// All non-multipart parts below a multipart body, in document order, walking nested
/// multiparts with an explicit stack.
fn leaf_parts<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<Part<'a>>> {
    let mut leaves = Vec::new();
    let mut seen = 0usize;
    // (chunks still to visit, reversed so `pop` yields document order; nesting depth)
    let mut stack: Vec<(Vec<&'a [u8]>, usize)> = vec![(split(body, boundary).into_iter().rev().collect(), 0)];
    while let Some((chunks, depth)) = stack.last_mut() {
        let depth = *depth;
        let Some(chunk) = chunks.pop() else {
            stack.pop();
            continue;
        };
        seen += 1;
        if seen > MAX_PARTS {
            return Err(Error::Container(format!("MHTML has more than {MAX_PARTS} parts")));
        }
        // A part whose headers cannot be read is not the page; skip it.
        let Ok((headers, body_at)) = parse_headers(chunk) else {
            continue;
        };
        let ctype = content_type(&headers);
        if ctype.mimetype.starts_with("multipart/") {
            if let Some(inner) = ctype.params.get("boundary").filter(|b| !b.trim().is_empty())
                && depth + 1 < MAX_DEPTH
            {
                let inner = split(&chunk[body_at.min(chunk.len())..], inner);
                stack.push((inner.into_iter().rev().collect(), depth + 1));
            }
            continue;
        }
        let location = headers.get_first_value("Content-Location").map(|v| location(&v));
        leaves.push(Part { raw: chunk, ctype, location });
    }
    Ok(leaves)
}

/// The parts between `--boundary` lines, up to the closing `--boundary--` (or the end, when
/// that is missing), at most one more than [`MAX_PARTS`]. The line break before a boundary
/// line belongs to the boundary.
fn split<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delim = format!("--{}", boundary.trim());
    let delim = delim.as_bytes();
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while pos < body.len() {
        let line_end = body[pos..].iter().position(|&b| b == b'\n').map_or(body.len(), |i| pos + i);
        let next = (line_end + 1).min(body.len());
        let line = body[pos..line_end].trim_ascii_end();
        if let Some(rest) = line.strip_prefix(delim) {
            let close = rest.starts_with(b"--");
            if close || rest.is_empty() {
                if let Some(s) = start {
                    let mut end = pos;
                    if end > s && body[end - 1] == b'\n' {
                        end -= 1;
                        if end > s && body[end - 1] == b'\r' {
                            end -= 1;
                        }
                    }
                    parts.push(&body[s..end]);
                    if parts.len() > MAX_PARTS {
                        // Enough to trip the part cap; the rest is not split.
                        return parts;
                    }
                }
                if close {
                    return parts;
                }
                start = Some(next);
            }
        }
        pos = next.max(pos + 1);
    }
    if let Some(s) = start
        && s < body.len()
    {
        parts.push(&body[s..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDARY: &str = "----MultipartBoundary--Xy7QkR2mVb9sLw3TzP4nJd6Hc8FgA1eU----";

    fn message(parts: &[&str]) -> String {
        let mut m = format!(
            "From: <Saved by Blink>\r\n\
             Snapshot-Content-Location: https://www.example.de/regional/faehre-ruegen-usedom-100.html\r\n\
             Subject: =?utf-8?Q?Neue_F=C3=A4hre_verbindet_R=C3=BCgen_und_Usedom_ab?=\r\n \
             =?utf-8?Q?_Sommer_|_Nachrichten?=\r\n\
             Date: Thu, 8 Jan 2026 14:12:00 -0000\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/related;\r\n\
             \ttype=\"text/html\";\r\n\
             \tboundary=\"{BOUNDARY}\"\r\n\r\n\r\n"
        );
        for p in parts {
            m.push_str(&format!("--{BOUNDARY}\r\n{p}\r\n"));
        }
        m.push_str(&format!("--{BOUNDARY}--\r\n"));
        m
    }

    const MAIN: &str = "Content-Type: text/html\r\n\
        Content-ID: <frame-2F1C0E7D@mhtml.blink>\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        Content-Location: https://www.example.de/regional/faehre-ruegen-usedom-100.html\r\n\r\n\
        <html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head><body><h1 c=\r\n\
        lass=3D\"headline\">Neue F=C3=\r\n\
        =A4hre</h1><p>Gr=c3=bc=C3=9Fe   \r\n\
        aus Gre=\r\n\
        ifswald</p></body></html>";

    const FRAME: &str = "Content-Type: text/html\r\n\
        Content-ID: <frame-9A8B@mhtml.blink>\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        Content-Location: cid:frame-9A8B@mhtml.blink\r\n\r\n\
        <html><body><p>Werbung</p></body></html>";

    const IMAGE: &str = "Content-Type: image/png\r\n\
        Content-Transfer-Encoding: base64\r\n\
        Content-Location: https://www.example.de/img/logo.png\r\n\r\n\
        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9\r\n\
        awAAAABJRU5ErkJggg==";

    fn limits() -> Limits {
        Limits::default()
    }

    #[test]
    fn detects_mhtml_by_content() {
        assert!(looks_like_mhtml(message(&[MAIN]).as_bytes()));
        assert!(looks_like_mhtml(b"\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html>"));
        assert!(!looks_like_mhtml(b"<!DOCTYPE html><html><body>MIME-Version: 1.0</body></html>"));
        assert!(!looks_like_mhtml("Ukraine, Russland\n\nSelenskyj: Dokument bereit\n".as_bytes()));
        assert!(!looks_like_mhtml("Selenskyj: Dokument bereit\n\nMIME-Version: 1.0\n".as_bytes()));
        assert!(!looks_like_mhtml(b""));
    }

    #[test]
    fn main_part_quoted_printable() {
        let m = parse(message(&[IMAGE, FRAME, MAIN]).as_bytes(), &limits()).unwrap();
        let html = String::from_utf8(m.html).unwrap();
        // `=3D` in attributes, a soft break mid-word and inside an attribute name, an umlaut's
        // two bytes split across a soft break, lowercase hex, trailing white space dropped.
        assert!(html.contains("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"), "{html}");
        assert!(html.contains("<h1 class=\"headline\">Neue Fähre</h1>"), "{html}");
        assert!(html.contains("<p>Grüße\r\naus Greifswald</p>"), "{html}");
        assert_eq!(m.url.as_deref(), Some("https://www.example.de/regional/faehre-ruegen-usedom-100.html"));
        assert_eq!(m.saved_at.as_deref(), Some("2026-01-08T15:12:00+01:00"));
        assert_eq!(m.charset, None);
    }

    #[test]
    fn folded_rfc2047_subject() {
        let m = parse(message(&[MAIN]).as_bytes(), &limits()).unwrap();
        assert_eq!(m.subject.as_deref(), Some("Neue Fähre verbindet Rügen und Usedom ab Sommer | Nachrichten"));
    }

    #[test]
    fn snapshot_location_picks_the_main_part_over_a_frame_before_it() {
        let m = parse(message(&[FRAME, MAIN]).as_bytes(), &limits()).unwrap();
        assert!(String::from_utf8(m.html).unwrap().contains("Neue Fähre"));
        // without a match, the first HTML part is the document
        let other = message(&[FRAME, MAIN]).replace(
            "Snapshot-Content-Location: https://www.example.de/regional/faehre-ruegen-usedom-100.html",
            "X-Snapshot-Content-Location: https://www.example.de/anderswo.html",
        );
        let m = parse(other.as_bytes(), &limits()).unwrap();
        assert!(String::from_utf8(m.html).unwrap().contains("Werbung"));
        assert_eq!(m.url.as_deref(), Some("https://www.example.de/anderswo.html"));
    }

    #[test]
    fn x_snapshot_content_location() {
        let msg = message(&[FRAME, MAIN]).replace("Snapshot-Content-Location:", "X-Snapshot-Content-Location:");
        let m = parse(msg.as_bytes(), &limits()).unwrap();
        assert!(String::from_utf8(m.html).unwrap().contains("Neue Fähre"));
    }

    #[test]
    fn base64_html_part_and_charset_parameter() {
        let part = "Content-Type: text/html; charset=\"windows-1252\"\r\n\
            Content-Transfer-Encoding: base64\r\n\r\n\
            PHA+R3L832U8L3A+";
        let m = parse(message(&[part]).as_bytes(), &limits()).unwrap();
        assert_eq!(m.html, b"<p>Gr\xfc\xdfe</p>");
        assert_eq!(m.charset.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn date_formats() {
        for (date, want) in [
            ("Thu, 8 Jan 2026 14:12:00 -0000", Some("2026-01-08T15:12:00+01:00")),
            ("Thu, 08 Jan 2026 15:12:00 +0100", Some("2026-01-08T15:12:00+01:00")),
            ("Wed, 8 Jul 2026 13:05:09 GMT", Some("2026-07-08T15:05:09+02:00")),
            ("kein Datum", None),
        ] {
            let msg = message(&[MAIN]).replace("Thu, 8 Jan 2026 14:12:00 -0000", date);
            assert_eq!(parse(msg.as_bytes(), &limits()).unwrap().saved_at.as_deref(), want, "{date}");
        }
    }

    #[test]
    fn missing_boundary() {
        let msg = "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>Hallo</p>\r\n--x--\r\n";
        assert_eq!(parse(msg.as_bytes(), &limits()).unwrap_err().to_string(), "MHTML without a multipart boundary");
    }

    #[test]
    fn no_html_part() {
        let err = parse(message(&[IMAGE]).as_bytes(), &limits()).unwrap_err();
        assert_eq!(err.to_string(), "MHTML has no HTML part");
        // a boundary that never occurs gives no parts at all
        let msg = message(&[MAIN]).replace(&format!("--{BOUNDARY}\r\n"), "");
        assert_eq!(parse(msg.as_bytes(), &limits()).unwrap_err().to_string(), "MHTML has no HTML part");
    }

    #[test]
    fn unterminated_last_part() {
        let msg = message(&[MAIN]);
        let cut = msg.strip_suffix(&format!("\r\n--{BOUNDARY}--\r\n")).unwrap();
        let m = parse(cut.as_bytes(), &limits()).unwrap();
        assert!(String::from_utf8(m.html).unwrap().ends_with("</html>"));
    }

    #[test]
    fn nested_multipart_is_bounded() {
        // Each level opens another multipart: followed only MAX_DEPTH deep, never recursed.
        let mut msg = String::from("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n");
        for i in 1..5000 {
            msg.push_str(&format!("--b{}\r\nContent-Type: multipart/related; boundary=\"b{i}\"\r\n\r\n", i - 1));
        }
        msg.push_str("--b4999\r\nContent-Type: text/html\r\n\r\n<p>tief</p>\r\n");
        assert_eq!(parse(msg.as_bytes(), &limits()).unwrap_err().to_string(), "MHTML has no HTML part");
        // a shallow nesting is followed
        let msg = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>innen</p>\r\n--b--\r\n--a--\r\n";
        assert_eq!(parse(msg.as_bytes(), &limits()).unwrap().html, b"<p>innen</p>");
    }

    #[test]
    fn part_count_is_capped() {
        let mut msg = String::from("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"q\"\r\n\r\n");
        for _ in 0..=MAX_PARTS {
            msg.push_str("--q\r\nContent-Type: image/gif\r\n\r\nx\r\n");
        }
        let err = parse(msg.as_bytes(), &limits()).unwrap_err().to_string();
        assert!(err.starts_with("MHTML has more than"), "{err}");
    }

    #[test]
    fn decoded_part_over_the_limit() {
        let limits = Limits { max_input: 1 << 20, max_decompressed: 50, ..Limits::default() };
        let err = parse(message(&[MAIN]).as_bytes(), &limits).unwrap_err();
        assert!(matches!(err, Error::DecompressedTooLarge { limit: 50 }), "{err}");
    }

    #[test]
    fn split_edge_cases() {
        assert_eq!(split(b"--b\r\n\r\n--b--", "b"), vec![&b""[..]]);
        assert_eq!(split(b"preamble\n--b\nA\n--bx\nB\n--b--\nepilogue", "b"), vec![&b"A\n--bx\nB"[..]]);
        assert!(split(b"no boundary here", "b").is_empty());
    }
}
