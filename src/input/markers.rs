//! What a browser or extension writes into a saved HTML page about the save itself: the
//! `<!-- saved from url=(NNNN)… -->` comment of "Save page as" and the header comment of
//! SingleFile (`url: …`, `saved date: …`). Both sit at the top, so only the first few KB of
//! the decoded text are searched, as plain strings: no HTML parsing.

use crate::time;

/// How much of the decoded page is searched for save comments.
const HEAD: usize = 8 * 1024;

/// What the save comments say.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Markers {
    pub url: Option<String>,
    /// RFC 3339, Europe/Berlin.
    pub saved_at: Option<String>,
}

/// Reads the save comments in the first [`HEAD`] bytes of `text`. The first comment that
/// gives an address wins.
pub fn scan(text: &str) -> Markers {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `head`.
    let lower = head.to_ascii_lowercase();
    let mut found = Markers::default();
    let mut pos = 0;
    while let Some(start) = lower[pos..].find("<!--").map(|i| pos + i + 4) {
        let stop = lower[start..].find("-->").map_or(head.len(), |i| start + i);
        let (body, body_lower) = (&head[start..stop], &lower[start..stop]);
        let m = if body_lower.contains("saved from url=") { saved_from(body, body_lower) } else { single_file(body) };
        if found.url.is_none() {
            found.url = m.url;
        }
        if found.saved_at.is_none() {
            found.saved_at = m.saved_at;
        }
        if found.url.is_some() {
            break;
        }
        pos = stop;
    }
    found
}

/// `saved from url=(0052)https://…`: the count in parentheses is not trusted (it is often
/// wrong after edits); the address runs to the next white space.
fn saved_from(body: &str, lower: &str) -> Markers {
    let Some(at) = lower.find("saved from url=") else {
        return Markers::default();
    };
    let mut rest = body[at + "saved from url=".len()..].trim_start();
    if let Some(after) = rest.strip_prefix('(')
        && let Some(close) = after.find(')')
        && after[..close].bytes().all(|b| b.is_ascii_digit())
    {
        rest = &after[close + 1..];
    }
    let url = rest.split_whitespace().next().unwrap_or("");
    Markers { url: web_address(url), saved_at: None }
}

/// SingleFile's header comment: lines `url: …` and `saved date: …`.
fn single_file(body: &str) -> Markers {
    let mut m = Markers::default();
    for line in body.lines() {
        let line = line.trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "url" if m.url.is_none() => m.url = web_address(value.trim()),
            "saved date" if m.saved_at.is_none() => m.saved_at = time::parse_js_date(value).map(|s| s.rfc3339()),
            _ => {}
        }
    }
    // A comment that merely mentions a date is not a SingleFile header.
    if m.url.is_none() { Markers::default() } else { m }
}

/// An absolute http(s) address, else nothing (`about:internet`, `file:` paths, junk).
pub(crate) fn web_address(s: &str) -> Option<String> {
    let s = s.trim();
    let u = url::Url::parse(s).ok()?;
    matches!(u.scheme(), "http" | "https").then(|| s.to_string())
}

/// A SingleFile "self-extracting ZIP" page: HTML whose real content is a ZIP archive
/// embedded in it (SingleFile marks such pages with `data-sfz` and `sfz-…` elements, and the
/// archive's `PK\x03\x04` local header shows up in the bytes).
pub fn is_single_file_zip(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if has_sfz(head) {
        let lower = head.to_ascii_lowercase();
        let has = |hay: &[u8], needle: &[u8]| memchr::memmem::find(hay, needle).is_some();
        if has(&lower, b"<html data-sfz")
            || has(&lower, b"sfz-extra-data")
            || has(&lower, b"id='sfz-wait-message'")
            || has(&lower, b"id=\"sfz-wait-message\"")
        {
            return true;
        }
    }
    memchr::memmem::find(bytes, b"PK\x03\x04").is_some()
}

/// Whether `sfz` in any case is in the bytes: every SingleFile marker but the ZIP header has
/// it, and most pages do not, so they are not lowercased to look for the markers.
fn has_sfz(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'z', b'Z', bytes).any(|i| i >= 2 && bytes[i - 2..i].eq_ignore_ascii_case(b"sf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_from_comment() {
        let page = "<!DOCTYPE html>\r\n<!-- saved from url=(0047)https://www.example.de/nachrichten/faehre-1.html -->\r\n<html><body><p>Text</p></body></html>";
        let m = scan(page);
        assert_eq!(m.url.as_deref(), Some("https://www.example.de/nachrichten/faehre-1.html"));
        assert_eq!(m.saved_at, None);
    }

    #[test]
    fn saved_from_count_is_not_trusted() {
        for page in [
            "<!-- saved from url=(0010)https://www.example.de/a/b/c.html -->",
            "<!-- saved from url=(9999)https://www.example.de/a/b/c.html-->",
            "<!--saved from url=https://www.example.de/a/b/c.html-->",
            "<!-- SAVED FROM URL=(0034)https://www.example.de/a/b/c.html -->",
        ] {
            assert_eq!(scan(page).url.as_deref(), Some("https://www.example.de/a/b/c.html"), "{page}");
        }
        assert_eq!(scan("<!-- saved from url=(0014)about:internet -->").url, None);
    }

    #[test]
    fn single_file_header() {
        let page = "<!DOCTYPE html> <html lang=\"de\"><!--\n Page saved with SingleFile \n url: https://www.example.de/regional/faehre-ruegen-usedom \n saved date: Thu Jan 08 2026 15:12:00 GMT+0100 (Mitteleuropäische Normalzeit)\n--><meta charset=\"utf-8\">";
        let m = scan(page);
        assert_eq!(m.url.as_deref(), Some("https://www.example.de/regional/faehre-ruegen-usedom"));
        assert_eq!(m.saved_at.as_deref(), Some("2026-01-08T15:12:00+01:00"));
    }

    #[test]
    fn single_file_summer_date_and_utc() {
        let page = "<html><!--\n url: https://www.example.de/x\n saved date: Mon Jul 06 2026 09:30:15 GMT+0000 (Coordinated Universal Time)\n-->";
        assert_eq!(scan(page).saved_at.as_deref(), Some("2026-07-06T11:30:15+02:00"));
    }

    #[test]
    fn ordinary_comments_give_nothing() {
        assert_eq!(scan("<html><!-- Google Tag Manager --><!-- url: nicht hier --><body>"), Markers::default());
        assert_eq!(scan("<html><!-- saved date: Thu Jan 08 2026 15:12:00 GMT+0100 --><body>"), Markers::default());
        assert_eq!(scan("kein HTML"), Markers::default());
    }

    #[test]
    fn only_the_head_is_searched() {
        let mut page = "<html><body>".to_string();
        page.push_str(&"ä".repeat(HEAD));
        page.push_str("<!-- saved from url=(0020)https://www.example.de/ -->");
        assert_eq!(scan(&page).url, None);
        // an unterminated comment cut by the head limit does not panic
        let mut page = "<!-- saved from url=(0020)https://www.example.de/".to_string();
        page.push_str(&"ö".repeat(HEAD));
        let _ = scan(&page);
    }

    #[test]
    fn single_file_zip_markers() {
        assert!(is_single_file_zip(b"<!DOCTYPE html><html data-sfz><meta charset=utf-8><title>T</title>"));
        assert!(is_single_file_zip(b"<html><body hidden><script>x()</script><!--PK\x03\x04\x14\x00"));
        assert!(!is_single_file_zip(b"<html><body><p>Hallo PK</p></body></html>"));
        assert!(is_single_file_zip(b"<!DOCTYPE html><HTML DATA-SFZ><title>T</title>"));
        assert!(is_single_file_zip(b"<p id=\"SfZ-Wait-Message\">"));
        assert!(!is_single_file_zip(b"<p class=\"sfz\">z</p>"));
    }
}
