//! Character encodings: which one a page is in, and its text.
//!
//! HTML follows the WHATWG order, simplified: a byte order mark wins; then a `<meta>`
//! declaration in the first 4096 bytes; then UTF-8 if the bytes are valid UTF-8; then a
//! guess by `chardetng`. A declaration that contradicts the bytes (a page declared as
//! windows-1252 that is UTF-8, or declared UTF-8 that is not) is overruled, with a warning.

use std::sync::LazyLock;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use regex::bytes::Regex;

pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

/// How much of an HTML page is searched for a `<meta>` charset declaration.
const PRESCAN: usize = 4096;

/// A `<meta …>` tag or a comment, in bytes, case-insensitive.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is-u)<!--.*?(?:-->|\z)|<meta\b[^>]*>?").expect("valid regex"));

/// `charset=` inside a `<meta>` tag: `charset="utf-8"`, `content="text/html; charset=utf-8"`.
static CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i-u)charset\s*=\s*["']?\s*([^\s"';/>]+)"#).expect("valid regex"));

/// Decodes an HTML page: BOM, then `<meta>` declaration, then UTF-8, then a guess.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    if let Some(decoded) = decode_bom(bytes) {
        return decoded;
    }
    if let Some(declared) = prescan(&bytes[..bytes.len().min(PRESCAN)]) {
        return decode_declared(bytes, declared);
    }
    decode_undeclared(bytes)
}

/// Decodes an HTML document whose container names its charset (an MHTML part's `charset=`
/// parameter): a BOM wins, then that label, checked against the bytes like a `<meta>`
/// declaration; without a usable label, as [`decode_html`].
pub fn decode_html_labelled(bytes: &[u8], label: Option<&str>) -> Decoded {
    if let Some(decoded) = decode_bom(bytes) {
        return decoded;
    }
    match label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        Some(e) if e != REPLACEMENT && e != UTF_16LE && e != UTF_16BE => decode_declared(bytes, e),
        _ => decode_html(bytes),
    }
}

/// Decodes text without markup: BOM, then UTF-8, then a guess.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    decode_bom(bytes).unwrap_or_else(|| decode_undeclared(bytes))
}

fn decode_bom(bytes: &[u8]) -> Option<Decoded> {
    let (encoding, len) = Encoding::for_bom(bytes)?;
    Some(decode_with(&bytes[len..], encoding, Vec::new()))
}

/// The encoding the first `<meta>` with a usable charset declares, WHATWG-resolved.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    for tag in TAG.find_iter(head) {
        let tag = tag.as_bytes();
        if tag.starts_with(b"<!--") {
            continue;
        }
        let Some(caps) = CHARSET.captures(tag) else {
            continue;
        };
        let Some(encoding) = caps.get(1).and_then(|m| Encoding::for_label(m.as_bytes())) else {
            continue;
        };
        // WHATWG: a declared UTF-16 means UTF-8 (the bytes are ASCII-compatible, or the
        // meta could not have been read), x-user-defined means windows-1252.
        let encoding = match encoding {
            e if e == UTF_16LE || e == UTF_16BE => UTF_8,
            e if e.name() == "x-user-defined" => WINDOWS_1252,
            e => e,
        };
        // The replacement encoding (ISO-2022-KR and friends) would turn the whole page
        // into U+FFFD: better to look at the bytes themselves.
        if encoding == REPLACEMENT {
            continue;
        }
        return Some(encoding);
    }
    None
}

fn decode_declared(bytes: &[u8], declared: &'static Encoding) -> Decoded {
    let utf8 = std::str::from_utf8(bytes).ok();
    if declared == UTF_8 {
        if let Some(text) = utf8 {
            return valid(text);
        }
        if !has_multibyte_utf8(bytes) {
            // Not a single UTF-8 sequence, but bytes that UTF-8 cannot read: a legacy
            // page mislabelled as UTF-8.
            let guessed = guess(bytes);
            if guessed != UTF_8 {
                let warning =
                    format!("page declares utf-8 but is not UTF-8; decoded as {}", guessed.name().to_ascii_lowercase());
                return decode_with(bytes, guessed, vec![warning]);
            }
        }
        return decode_with(bytes, UTF_8, Vec::new());
    }
    if let Some(text) = utf8.filter(|t| !t.is_ascii()) {
        // Reading these bytes as declared would give `Ã¤`-style mojibake.
        let warning = format!("page declares {} but is UTF-8; decoded as UTF-8", declared.name().to_ascii_lowercase());
        return Decoded { warnings: vec![warning], ..valid(text) };
    }
    decode_with(bytes, declared, Vec::new())
}

fn decode_undeclared(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => valid(text),
        Err(_) => decode_with(bytes, guess(bytes), Vec::new()),
    }
}

/// Bytes already found to be valid UTF-8, as [`decode_with`] would give them: with no need to
/// check them again.
fn valid(text: &str) -> Decoded {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text).to_owned();
    Decoded { text, encoding: UTF_8, warnings: Vec::new() }
}

/// chardetng's guess over all the bytes (no top-level domain hint).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// True when `bytes` hold at least one well-formed multi-byte UTF-8 sequence.
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if !valid.is_ascii() {
                    return true;
                }
                // Skip the malformed sequence (or the truncated tail).
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
    }
    false
}

/// Decodes BOM-less bytes; a leading U+FEFF that survives is dropped as well.
fn decode_with(bytes: &[u8], encoding: &'static Encoding, mut warnings: Vec<String>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "input is not valid {}; malformed bytes replaced with U+FFFD",
            encoding.name().to_ascii_lowercase()
        ));
    }
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text.into_owned(),
    };
    Decoded { text, encoding, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: &str = "Grüße aus Köln: Die Bürger der Stadt äußern sich über die neuen Straßenbahnen. \
        Viele Fahrgäste begrüßen die größeren Türen, während ältere Menschen über zu hohe Stufen \
        klagen. Die Verkehrsbetriebe prüfen nun Änderungen.";

    fn cp1252(s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(s);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in s.encode_utf16() {
            let b = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn bom_utf8() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("<p>äöüß ÄÖÜ</p>".as_bytes());
        for d in [decode_html(&bytes), decode_text(&bytes)] {
            assert_eq!(d.encoding, UTF_8);
            assert_eq!(d.text, "<p>äöüß ÄÖÜ</p>");
            assert!(d.warnings.is_empty());
        }
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("<meta charset=iso-8859-1><p>Grüße</p>".as_bytes());
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with("<p>Grüße</p>"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn bom_utf16() {
        let text = "<p>Grüße: äöüß</p>";
        let d = decode_html(&utf16(text, false));
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, text);
        let d = decode_text(&utf16(text, true));
        assert_eq!(d.encoding, UTF_16BE);
        assert_eq!(d.text, text);
    }

    #[test]
    fn meta_charset() {
        let mut bytes = b"<html><head><META CharSet=\"ISO-8859-1\"></head><body>".to_vec();
        bytes.extend_from_slice(&[0x47, 0x72, 0xFC, 0xDF, 0x65]);
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.ends_with("<body>Grüße"), "{}", d.text);
        assert!(d.warnings.is_empty());

        let mut bytes = b"<meta charset=latin1>".to_vec();
        bytes.extend_from_slice(&[0x47, 0x72, 0xFC, 0xDF, 0x65]);
        assert_eq!(decode_html(&bytes).text, "<meta charset=latin1>Grüße");
    }

    #[test]
    fn meta_http_equiv_either_order() {
        let mut bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">".to_vec();
        bytes.extend_from_slice(&cp1252("Grüße"));
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.ends_with("Grüße"));

        let mut bytes = b"<meta content='text/html;charset=iso-8859-15' http-equiv='content-type'>".to_vec();
        bytes.extend_from_slice(&[0x47, 0x72, 0xFC, 0xDF, 0x65, 0xA4]);
        let d = decode_html(&bytes);
        assert_eq!(d.encoding.name(), "ISO-8859-15");
        assert!(d.text.ends_with("Grüße€"));
    }

    #[test]
    fn meta_in_comment_or_late_is_ignored() {
        let mut bytes = b"<!-- <meta charset=utf-8> --><meta charset=windows-1252>".to_vec();
        bytes.extend_from_slice(&cp1252("Grüße"));
        assert_eq!(decode_html(&bytes).encoding, WINDOWS_1252);

        // A declaration past the first 4096 bytes is not seen: the bytes decide.
        let mut bytes = vec![b' '; PRESCAN];
        bytes.extend_from_slice(b"<meta charset=windows-1252>");
        bytes.extend_from_slice("Grüße".as_bytes());
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn meta_utf16_means_utf8() {
        let mut bytes = b"<meta charset=utf-16>".to_vec();
        bytes.extend_from_slice("Grüße".as_bytes());
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with("Grüße"));
    }

    #[test]
    fn unlabeled_windows_1252_detected() {
        let bytes = cp1252(GERMAN);
        assert!(bytes.len() > 180);
        for d in [decode_text(&bytes), decode_html(&bytes)] {
            assert_eq!(d.encoding, WINDOWS_1252);
            assert_eq!(d.text, GERMAN);
            assert!(d.warnings.is_empty());
        }
    }

    #[test]
    fn utf8_declared_as_windows_1252() {
        let html = format!("<meta charset=\"windows-1252\"><p>{GERMAN}</p>");
        let d = decode_html(html.as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, html);
        assert!(!d.text.contains('Ã'));
        assert_eq!(d.warnings, ["page declares windows-1252 but is UTF-8; decoded as UTF-8"]);

        let html = format!("<meta charset=\"iso-8859-1\"><p>{GERMAN}</p>");
        let d = decode_html(html.as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.warnings, ["page declares windows-1252 but is UTF-8; decoded as UTF-8"]);
    }

    #[test]
    fn ascii_declared_as_windows_1252_keeps_declaration() {
        let d = decode_html(b"<meta charset=windows-1252><p>Hallo</p>");
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_declared_as_utf8() {
        let mut bytes = b"<meta charset=utf-8><p>".to_vec();
        bytes.extend_from_slice(&cp1252(GERMAN));
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("Grüße aus Köln"));
        assert_eq!(d.warnings, ["page declares utf-8 but is not UTF-8; decoded as windows-1252"]);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = b"<meta charset=utf-8><p>Gr\xC3\xBC\xC3\x9Fe ".to_vec();
        bytes.push(0xFC);
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Grüße \u{FFFD}"));
        assert_eq!(d.warnings, ["input is not valid utf-8; malformed bytes replaced with U+FFFD"]);
    }

    #[test]
    fn plain_utf8() {
        let d = decode_text(GERMAN.as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, GERMAN);
        assert!(d.warnings.is_empty());
        let d = decode_html(format!("<p>{GERMAN}</p>").as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn container_label() {
        let bytes = cp1252("<p>Grüße</p>");
        let d = decode_html_labelled(&bytes, Some("ISO-8859-1"));
        assert_eq!(d.encoding, WINDOWS_1252);
        assert_eq!(d.text, "<p>Grüße</p>");
        // no or a useless label: the page itself decides
        let d = decode_html_labelled("<meta charset=utf-8><p>Grüße</p>".as_bytes(), None);
        assert_eq!(d.encoding, UTF_8);
        let d = decode_html_labelled("<p>Grüße</p>".as_bytes(), Some("utf-16"));
        assert_eq!(d.encoding, UTF_8);
        // UTF-8 bytes under a legacy label are UTF-8, as with `<meta>`
        let d = decode_html_labelled(format!("<p>{GERMAN}</p>").as_bytes(), Some("windows-1252"));
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn empty_and_odd_input() {
        assert_eq!(decode_text(b"").text, "");
        assert_eq!(decode_html(b"<meta charset=").text, "<meta charset=");
        assert_eq!(decode_html(b"<meta charset=bogus>").encoding, UTF_8);
        assert_eq!(decode_html(b"\xEF\xBB\xBF").text, "");
        assert_eq!(decode_html(b"\xFF\xFE").text, "");
        let _ = decode_html(b"<meta charset=iso-2022-kr>\xFF\x00\x80");
    }
}
