//! Input stage: raw bytes in, decoded page text out, with what the container said about the
//! page (address, save time) and how it was decoded.

pub mod charset;
pub mod gzip;
pub mod markers;
pub mod mhtml;

use std::borrow::Cow;

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

/// gzip inside gzip is unpacked this many times at most.
const MAX_GZIP_LAYERS: usize = 3;

/// Reads one input: detects its kind by content (never by file name), unpacks it and decodes
/// its text. gzip is unpacked first, at any layer, then the content inside is detected
/// afresh: MHTML, HTML, or copied text. `bytes` and `sha256` are those of the input as given.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Input> {
    if bytes.len() as u64 > limits.max_input {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: limits.max_input });
    }
    let sha256 = crate::text::hex(&Sha256::digest(bytes));
    let size = bytes.len() as u64;
    let mut content = Cow::Borrowed(bytes);
    let mut layers = 0;
    while gzip::is_gzip(&content) {
        if layers == MAX_GZIP_LAYERS {
            return Err(Error::Container(format!("gzip nested more than {MAX_GZIP_LAYERS} deep")));
        }
        content = Cow::Owned(gzip::decompress(&content, limits.max_decompressed)?);
        layers += 1;
    }
    let mut input = read_content(&content, limits)?;
    input.bytes = size;
    input.sha256 = sha256;
    Ok(input)
}

/// Detects and decodes uncompressed content; `bytes` and `sha256` are left for the caller.
fn read_content(bytes: &[u8], limits: &Limits) -> Result<Input> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::Binary("a ZIP archive".into()));
    }
    let (format, decoded, mut url, mut saved_at) = if mhtml::looks_like_mhtml(bytes) {
        let m = mhtml::parse(bytes, limits)?;
        (Format::Mhtml, charset::decode_html_labelled(&m.html, m.charset.as_deref()), m.url, m.saved_at)
    } else if looks_like_html(bytes) {
        if markers::is_single_file_zip(bytes) {
            return Err(Error::SingleFileZip);
        }
        (Format::Html, charset::decode_html(bytes), None, None)
    } else {
        (Format::Text, charset::decode_text(bytes), None, None)
    };
    if looks_binary(&decoded.text) {
        return Err(Error::Binary("control characters in the text".into()));
    }
    if format != Format::Text {
        // The container's own header wins over comments inside the page.
        let m = markers::scan(&decoded.text);
        url = url.or(m.url);
        saved_at = saved_at.or(m.saved_at);
    }
    Ok(Input {
        format,
        text: decoded.text,
        encoding: decoded.encoding.name().to_ascii_lowercase(),
        url,
        saved_at,
        bytes: 0,
        sha256: String::new(),
        warnings: decoded.warnings,
    })
}

/// Markup if, after a BOM (UTF-8 or UTF-16) and white space, the bytes open with a tag, comment or doctype, or
/// an `<html`/`<body` tag appears early (pages saved with junk in front).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head =
        [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"].iter().find_map(|bom| head.strip_prefix(*bom)).unwrap_or(head);
    // NUL bytes dropped: UTF-16 markup reads as ASCII.
    let lower: Vec<u8> = head.iter().filter(|&&b| b != 0).map(|b| b.to_ascii_lowercase()).collect();
    let trimmed = lower.trim_ascii_start();
    // Copied text does not open with a tag; a page may open with any (`<style>`, `<script>`).
    if trimmed.first() == Some(&b'<') && trimmed.get(1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'!') {
        return true;
    }
    let find = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    find(b"<html") || find(b"<body") || (find(b"<p>") && find(b"</p>")) || find(b"<div")
}

/// Text that is mostly control characters (other than white space) is not a page.
fn looks_binary(text: &str) -> bool {
    const SAMPLE: usize = 8192;
    let bytes = text.as_bytes();
    let (mut len, mut bad, mut at) = (0, 0, 0);
    while len < SAMPLE && at < bytes.len() {
        // Printable ASCII (space to `~`), the bulk of any page, eight characters at a time.
        if len + 8 <= SAMPLE && bytes.get(at..at + 8).is_some_and(|w| w.iter().all(|b| (b' '..=b'~').contains(b))) {
            (len, at) = (len + 8, at + 8);
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        if c == '\0' {
            return true;
        }
        len += 1;
        bad += usize::from((c.is_control() && !c.is_whitespace()) || c == '\u{fffd}');
        at += c.len_utf8();
    }
    bad * 20 > len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    proptest::proptest! {
        #[test]
        fn looks_binary_reads_the_first_8192_characters(
            s in "[ -~]{0,9000}[\u{0}\u{1}\u{7f}\u{85}\u{fffd}\t\näx ]{0,500}[ -~\u{1}]{0,500}"
        ) {
            let sample: Vec<char> = s.chars().take(8192).collect();
            let bad = sample.iter().filter(|c| (c.is_control() && !c.is_whitespace()) || **c == '\u{fffd}').count();
            let expected = sample.contains(&'\0') || bad * 20 > sample.len();
            proptest::prop_assert_eq!(looks_binary(&s), expected);
        }
    }

    #[test]
    fn a_page_opening_with_a_style_block_is_html() {
        let page = format!("<style>{}</style><h1>Titel</h1><p>Text.</p>", "a{color:red}".repeat(500));
        assert!(looks_like_html(page.as_bytes()));
        assert!(!looks_like_html("Ukraine, Russland\n\nEine Schlagzeile".as_bytes()));
    }

    const PAGE: &str = "<!DOCTYPE html>\n<!-- saved from url=(0030)https://www.example.de/artikel -->\n<html><body><p>Grüße aus Stralsund</p></body></html>";

    #[test]
    fn utf16_html_with_bom_is_html() {
        for big_endian in [false, true] {
            let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in PAGE.encode_utf16() {
                bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            let input = read(&bytes, &Limits::default()).unwrap();
            assert_eq!(input.format, Format::Html);
            assert_eq!(input.encoding, if big_endian { "utf-16be" } else { "utf-16le" });
            assert_eq!(input.text, PAGE);
            assert_eq!(input.url.as_deref(), Some("https://www.example.de/artikel"));
        }
    }

    #[test]
    fn gzip_layers_keep_the_outer_file_identity() {
        let once = gz(PAGE.as_bytes());
        let twice = gz(&once);
        for packed in [&once, &twice] {
            let input = read(packed, &Limits::default()).unwrap();
            assert_eq!(input.format, Format::Html);
            assert_eq!(input.text, PAGE);
            assert_eq!(input.bytes, packed.len() as u64);
            assert_eq!(input.sha256, crate::text::hex(&Sha256::digest(packed)));
        }
        let text = gz("Überschrift eines Artikels\n\nEin Absatz.".as_bytes());
        assert_eq!(read(&text, &Limits::default()).unwrap().format, Format::Text);
        let mut deep = PAGE.as_bytes().to_vec();
        for _ in 0..=MAX_GZIP_LAYERS {
            deep = gz(&deep);
        }
        assert!(read(&deep, &Limits::default()).is_err());
    }

    #[test]
    fn gzip_of_nothing_is_empty() {
        assert!(matches!(read(&gz(b"  \n"), &Limits::default()), Err(Error::Empty)));
    }

    #[test]
    fn zip_and_single_file_zip() {
        let err = read(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", &Limits::default()).unwrap_err();
        assert_eq!(err.to_string(), "binary data, not a saved page (a ZIP archive)");
        let page =
            b"<!DOCTYPE html><html data-sfz><meta charset=utf-8><title>T</title><body hidden></body><!--PK\x03\x04";
        assert!(matches!(read(page, &Limits::default()), Err(Error::SingleFileZip)));
    }

    #[test]
    fn text_has_no_save_markers() {
        let input =
            read(b"Titel der Seite\n\nsaved from url=(0020)https://www.example.de/\n", &Limits::default()).unwrap();
        assert_eq!(input.format, Format::Text);
        assert_eq!(input.url, None);
    }
}
