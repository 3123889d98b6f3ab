//! One invented article, saved every way a browser or extension saves pages: each container
//! must give the same article (same id, same content keys) as the plain HTML, with `source`
//! telling where it came from. The container variants are generated from
//! `fixtures/containers/article.html` here, so they stay in sync with it.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use sha2::{Digest, Sha256};

const FIXTURES: &str = "fixtures/containers";
const URL: &str = "https://www.example.de/regional/faehre-ruegen-usedom-100.html";
const BOUNDARY: &str = "----MultipartBoundary--q3VbR8xKp1ZmT7wLc2NyF5sDh9GjE4uA----";
/// The save time every container below records: Thursday 8 January 2026, 15:12 in Berlin.
const SAVED_AT: &str = "2026-01-08T15:12:00+01:00";

fn article() -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join("article.html")).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs the binary on one input and returns its single record.
fn record(path: &Path) -> Value {
    let out = Command::cargo_bin("newsparse").unwrap().arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {stderr}", path.display());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    serde_json::from_str(&stdout).unwrap()
}

/// The keys that make the article this article.
fn content(r: &Value) -> Value {
    serde_json::json!({
        "id": r["id"],
        "headline": r["headline"],
        "timestamp": r["timestamp"],
        "lead": r["lead"],
        "sections": r["sections"],
    })
}

fn plain() -> Value {
    record(&Path::new(FIXTURES).join("article.html"))
}

/// Asserts a failing input: exit status 1, nothing on stdout, one `newsparse: PATH: reason`.
fn fails(path: &Path, args: &[&str], reason: &str) {
    let out = Command::cargo_bin("newsparse").unwrap().args(args).arg(path).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    let want = format!("newsparse: {}: {reason}", path.display());
    assert!(stderr.lines().any(|l| l.starts_with(&want)), "want {want:?} in {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Quoted-printable as browsers write it: `=XX` for `=` and every byte above ASCII, CRLF line
/// ends, soft line breaks (`=` at the end of a line) keeping lines under 76 characters, which
/// splits words, attributes and the two bytes of an umlaut alike.
fn quoted_printable(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        let mut col = 0;
        for &b in line.as_bytes() {
            let enc = if b == b'=' || !(b == b'\t' || (0x20..0x7f).contains(&b)) {
                format!("={b:02X}")
            } else {
                (b as char).to_string()
            };
            if col + enc.len() > 75 {
                out.push_str("=\r\n");
                col = 0;
            }
            out.push_str(&enc);
            col += enc.len();
        }
        out.push_str("\r\n");
    }
    out
}

/// The page as Chrome's "Webpage, single file": folded headers, an RFC 2047 subject, the
/// document in quoted-printable without a charset parameter, an image and a frame beside it.
fn mhtml(html: &str) -> String {
    let mut m = format!(
        "From: <Saved by Blink>\r\n\
         Snapshot-Content-Location: {URL}\r\n\
         Subject: =?utf-8?Q?Neue_F=C3=A4hre_verbindet_R=C3=BCgen_und_Usedom_ab_Sommer_|_Na?=\r\n \
         =?utf-8?Q?chrichten?=\r\n\
         Date: Thu, 8 Jan 2026 14:12:00 -0000\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\
         \tboundary=\"{BOUNDARY}\"\r\n\r\n\r\n"
    );
    m.push_str(&format!(
        "--{BOUNDARY}\r\n\
         Content-Type: text/html\r\n\
         Content-ID: <frame-5D0C7A2E41B9F36C@mhtml.blink>\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: {URL}\r\n\r\n{}",
        quoted_printable(html)
    ));
    m.push_str(&format!(
        "--{BOUNDARY}\r\n\
         Content-Type: image/png\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Location: https://www.example.de/static/logo.png\r\n\r\n\
         iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9\r\n\
         awAAAABJRU5ErkJggg==\r\n"
    ));
    m.push_str(&format!(
        "--{BOUNDARY}\r\n\
         Content-Type: text/html\r\n\
         Content-ID: <frame-8E21B3F0C67D4A95@mhtml.blink>\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: cid:frame-8E21B3F0C67D4A95@mhtml.blink\r\n\r\n{}",
        quoted_printable(
            "<html><head></head><body><p>Anzeige: Jetzt Ferienwohnung an der Ostsee buchen!</p></body></html>"
        )
    ));
    m.push_str(&format!("--{BOUNDARY}--\r\n"));
    m
}

fn saved_from(html: &str) -> String {
    html.replacen("<!DOCTYPE html>\n", &format!("<!DOCTYPE html>\n<!-- saved from url=(0067){URL} -->\n"), 1)
}

fn single_file(html: &str) -> String {
    html.replacen(
        "<html lang=\"de\">\n",
        &format!(
            "<html lang=\"de\"><!--\n Page saved with SingleFile \n url: {URL} \n saved date: Thu Jan 08 2026 15:12:00 GMT+0100 (Mitteleuropäische Normalzeit)\n-->\n"
        ),
        1,
    )
}

#[test]
fn plain_html_has_no_save_information() {
    let r = plain();
    assert_eq!(r["headline"], "Neue Fähre verbindet Rügen und Usedom ab Sommer");
    assert_eq!(r["timestamp"], "2026-01-08T15:10:39+01:00");
    assert!(r["lead"].as_str().unwrap().starts_with("Zwischen den beiden größten Inseln"));
    assert_eq!(r["sections"].as_array().unwrap().len(), 2);
    assert_eq!(r["sections"][1]["heading"], "Kritik von Umweltverbänden");
    let s = &r["source"];
    assert_eq!(s["format"], "html");
    assert_eq!(s["encoding"], "utf-8");
    assert_eq!(s["url"], Value::Null);
    assert_eq!(s["saved_at"], Value::Null);
}

#[test]
fn copied_text_gives_the_same_article() {
    let r = record(&Path::new(FIXTURES).join("article.txt"));
    assert_eq!(content(&r), content(&plain()));
    assert_eq!(r["source"]["format"], "text");
    assert_eq!(r["source"]["url"], Value::Null);
    assert_eq!(r["source"]["saved_at"], Value::Null);
}

/// The article with its time of day only in JSON-LD and, where given, in a `<meta>` (the page
/// prints the day alone); `script: false` is the page as a save without scripts keeps it.
fn day_only_page(meta: &str, script: bool) -> String {
    let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
              \"headline\":\"Neue Fähre verbindet Rügen und Usedom ab Sommer\",\
              \"datePublished\":\"2026-01-08T15:10:39+01:00\"}</script>";
    article()
        .replace("<meta property=\"article:published_time\" content=\"2026-01-08T15:10:39+01:00\">\n", "")
        .replace(
            "<time datetime=\"2026-01-08T15:10:39+01:00\">08.01.2026 - 15:10:39</time>",
            "<time datetime=\"2026-01-08\">08.01.2026</time>",
        )
        .replace("</head>", &format!("{meta}{}</head>", if script { ld } else { "" }))
}

#[test]
fn a_save_without_scripts_keeps_the_time_of_a_recommendation_meta() {
    let dir = tempfile::tempdir().unwrap();
    for (i, meta) in [
        "<meta name=\"cXenseParse:publishtime\" content=\"2026-01-08T14:10:39Z\">",
        "<meta name=\"cXenseParse:recs:publishtime\" content=\"2026-01-08T15:10:39+01:00\">",
    ]
    .into_iter()
    .enumerate()
    {
        let html = record(&write(dir.path(), &format!("seite-{i}.html"), day_only_page(meta, true).as_bytes()));
        let saved =
            record(&write(dir.path(), &format!("seite-{i}.mhtml"), mhtml(&day_only_page(meta, false)).as_bytes()));
        assert_eq!(saved["source"]["format"], "mhtml");
        assert_eq!(content(&saved), content(&html), "{meta}");
        assert_eq!(saved["timestamp"], "2026-01-08T15:10:39+01:00");
    }
    // Without such a meta the save keeps the day alone, and another id.
    let html = record(&write(dir.path(), "ohne.html", day_only_page("", true).as_bytes()));
    let saved = record(&write(dir.path(), "ohne.mhtml", mhtml(&day_only_page("", false)).as_bytes()));
    assert_eq!(saved["timestamp"], "2026-01-08T00:00:00+01:00");
    assert_ne!(saved["id"], html["id"]);
}

#[test]
fn mhtml_gives_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let m = mhtml(&article());
    // the document part has what makes MHTML hard: `=3D` in attributes, soft breaks in words,
    // an umlaut's two bytes on two lines
    let qp = quoted_printable(&article());
    assert!(qp.contains("=3D\"") && qp.contains("=\r\n"));
    assert!(qp.contains("=C3=\r\n="), "no umlaut split across a soft break");
    assert!(qp.lines().all(|l| l.len() <= 76));
    let path = write(dir.path(), "faehre.mhtml", m.as_bytes());
    let r = record(&path);
    assert_eq!(content(&r), content(&plain()));
    let s = &r["source"];
    assert_eq!(s["format"], "mhtml");
    assert_eq!(s["url"], URL);
    assert_eq!(s["saved_at"], SAVED_AT);
    assert_eq!(s["encoding"], "utf-8");
    assert_eq!(s["bytes"], m.len());
    // the save time is never the publication time
    assert_eq!(r["timestamp"], "2026-01-08T15:10:39+01:00");
}

#[test]
fn saved_from_comment_gives_the_address() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "faehre.html", saved_from(&article()).as_bytes());
    let r = record(&path);
    assert_eq!(content(&r), content(&plain()));
    assert_eq!(r["source"]["format"], "html");
    assert_eq!(r["source"]["url"], URL);
    assert_eq!(r["source"]["saved_at"], Value::Null);
}

#[test]
fn single_file_header_gives_address_and_save_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "faehre (08.01.2026 15_12_00).html", single_file(&article()).as_bytes());
    let r = record(&path);
    assert_eq!(content(&r), content(&plain()));
    assert_eq!(r["source"]["format"], "html");
    assert_eq!(r["source"]["url"], URL);
    assert_eq!(r["source"]["saved_at"], SAVED_AT);
}

#[test]
fn gzip_is_unpacked_and_keeps_the_file_identity() {
    let dir = tempfile::tempdir().unwrap();
    for (name, inner, format, url, saved_at) in [
        ("faehre.html.gz", saved_from(&article()), "html", Value::from(URL), Value::Null),
        ("faehre.mhtml.gz", mhtml(&article()), "mhtml", Value::from(URL), Value::from(SAVED_AT)),
        (
            "faehre.txt.gz",
            std::fs::read_to_string(Path::new(FIXTURES).join("article.txt")).unwrap(),
            "text",
            Value::Null,
            Value::Null,
        ),
    ] {
        let packed = gzip(inner.as_bytes());
        let path = write(dir.path(), name, &packed);
        let r = record(&path);
        assert_eq!(content(&r), content(&plain()), "{name}");
        let s = &r["source"];
        assert_eq!(s["format"], format, "{name}");
        assert_eq!(s["url"], url, "{name}");
        assert_eq!(s["saved_at"], saved_at, "{name}");
        assert_eq!(s["bytes"], packed.len(), "{name}");
        assert_eq!(s["sha256"], format!("{:x}", Sha256::digest(&packed)), "{name}");
    }
}

#[test]
fn detection_is_by_content_not_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "seite.html", mhtml(&article()).as_bytes());
    assert_eq!(record(&a)["source"]["format"], "mhtml");
    let b = write(dir.path(), "seite.txt", &gzip(article().as_bytes()));
    assert_eq!(record(&b)["source"]["format"], "html");
    let c = write(dir.path(), "seite", article().as_bytes());
    assert_eq!(content(&record(&c)), content(&plain()));
}

#[test]
fn utf16_page_gives_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bom, big_endian) in [("le.html", [0xFF, 0xFE], false), ("be.html", [0xFE, 0xFF], true)] {
        let mut bytes = bom.to_vec();
        for unit in saved_from(&article()).encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let r = record(&write(dir.path(), name, &bytes));
        assert_eq!(content(&r), content(&plain()), "{name}");
        assert_eq!(r["source"]["encoding"], if big_endian { "utf-16be" } else { "utf-16le" });
        assert_eq!(r["source"]["url"], URL);
    }
}

#[test]
fn legacy_charset_page_gives_the_same_article() {
    let html = article().replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    let r = newsparse::parse_page(&bytes, "faehre.html", &newsparse::Limits::default()).unwrap();
    let plain = newsparse::parse_page(article().as_bytes(), "faehre.html", &newsparse::Limits::default()).unwrap();
    assert_eq!(r.source.encoding, "windows-1252");
    assert_eq!((&r.id, &r.headline, &r.lead, &r.sections), (&plain.id, &plain.headline, &plain.lead, &plain.sections));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn utf8_page_declared_windows_1252_is_read_as_utf8() {
    let html = article().replace(
        "<meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
    );
    let limits = newsparse::Limits::default();
    let r = newsparse::parse_page(html.as_bytes(), "faehre.html", &limits).unwrap();
    let plain = newsparse::parse_page(article().as_bytes(), "faehre.html", &limits).unwrap();
    assert_eq!(r.source.encoding, "utf-8");
    assert_eq!(r.headline, "Neue Fähre verbindet Rügen und Usedom ab Sommer");
    assert_eq!((&r.id, &r.lead, &r.sections), (&plain.id, &plain.lead, &plain.sections));
    assert!(
        r.warnings.iter().any(|w| w == "page declares windows-1252 but is UTF-8; decoded as UTF-8"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn truncated_gzip_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let packed = gzip(article().as_bytes());
    let path = write(dir.path(), "kaputt.html.gz", &packed[..packed.len() / 2]);
    fails(&path, &[], "truncated gzip data");
}

#[test]
fn gzip_bomb_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bombe.html.gz", &gzip(&vec![b' '; 4 << 20]));
    fails(
        &path,
        &["--max-decompressed", "1M"],
        "decompressed size exceeds the limit of 1048576 bytes (raise it with --max-decompressed)",
    );
}

#[test]
fn mhtml_without_boundary_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let m = mhtml(&article()).replace(&format!(";\r\n\tboundary=\"{BOUNDARY}\""), "");
    let path = write(dir.path(), "ohne-grenze.mhtml", m.as_bytes());
    fails(&path, &[], "MHTML without a multipart boundary");
}

#[test]
fn mhtml_without_html_part_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let m = mhtml(&article()).replace("Content-Type: text/html\r\n", "Content-Type: text/css\r\n");
    let path = write(dir.path(), "ohne-html.mht", m.as_bytes());
    fails(&path, &[], "MHTML has no HTML part");
}

#[test]
fn single_file_zip_page_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = b"<!DOCTYPE html><html data-sfz><meta charset=utf-8><title>Neue F\xc3\xa4hre</title>\
        <body hidden><div id='sfz-wait-message'>Bitte warten</div><script>globalThis.bootstrap=1</script><!--"
        .to_vec();
    page.extend_from_slice(b"PK\x03\x04\x14\x00\x08\x08\x08\x00\xa0\x7a\x28\x5c\x00\x00\x00\x00index.html");
    page.extend_from_slice(b"--></body></html>");
    let path = write(dir.path(), "faehre.zip.html", &page);
    fails(&path, &[], "SingleFile self-extracting ZIP page; save it as plain HTML");
}

#[test]
fn oversized_input_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gross.html", article().as_bytes());
    fails(&path, &["--max-size", "1K"], "input is ");
}

#[test]
fn a_bad_input_does_not_stop_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let packed = gzip(article().as_bytes());
    let bad = write(dir.path(), "a-kaputt.html.gz", &packed[..20]);
    let good = write(dir.path(), "b-gut.html.gz", &packed);
    let out = Command::cargo_bin("newsparse").unwrap().args(["-q"]).arg(&bad).arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(content(&r), content(&plain()));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("newsparse: {}: truncated gzip data", bad.display())), "{stderr}");
}
