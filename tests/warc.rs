//! WARC input through the binary, on WARC files written here from the project's own fixture
//! pages: every record's fields, the counts, damage reports and exit status, ordering with
//! several threads, `--out-dir` and `archive add`.

#[path = "common/contract.rs"]
mod contract;
#[path = "common/warcgen.rs"]
mod warcgen;

use assert_cmd::Command;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use warcgen::{Rec, chunked, gzip, http, page_response, warc};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new("fixtures/pages").join(name)).unwrap()
}

fn expected(name: &str) -> Value {
    serde_json::from_slice(&fixture(&format!("{name}.expected.json"))).unwrap()
}

fn canonical(name: &str) -> String {
    expected(name)["source"]["url"].as_str().unwrap().to_string()
}

/// Removes the first line of `page` that contains `needle` (bytes: the page may not be UTF-8).
fn drop_line(page: &[u8], needle: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut done = false;
    for line in page.split_inclusive(|&b| b == b'\n') {
        let hit = !done && line.windows(needle.len()).any(|w| w == needle.as_bytes());
        done |= hit;
        if !hit {
            out.extend_from_slice(line);
        }
    }
    assert!(done, "{needle} not in page");
    out
}

/// What a page of the test file must come to.
struct Want {
    fixture: &'static str,
    /// Index of its record in the file.
    rec: usize,
    url: String,
    saved_at: &'static str,
    payload: Vec<u8>,
    encoding: &'static str,
    extra_warning: Option<&'static str>,
}

const A: &str = "regional-zoo-elefantenkalb.html";
const B: &str = "regional-chemnitz-festival.html";
const C: &str = "semantic-hafen-container.html";
const D: &str = "mech-author-box.html";
const E: &str = "semantic-unwetter-hagel.html";
const F: &str = "finanz-heizkosten-nachzahlung.html";
const G: &str = "regional-landtag-lehrermangel.html";
const H: &str = "mech-bold-subheads.html";

/// The test file's records, and what each page among them must give. With `damage`, a
/// corrupt member and a cut-off last member are added (gzip only).
fn build(damage: bool) -> (Vec<Rec>, Vec<Want>) {
    let winter = "2026-01-08T14:10:39Z";
    let summer = "2026-07-01T10:00:00Z";
    let mut recs = vec![Rec::new("warcinfo", "", winter, b"software: newsparse-test\r\nformat: WARC 1.1\r\n".to_vec())];
    let mut wants = Vec::new();
    let mut page = |recs: &mut Vec<Rec>, rec: Rec, want: Want| {
        wants.push(Want { rec: recs.len(), ..want });
        recs.push(rec);
    };
    let w = |fixture: &'static str, saved_at: &'static str, payload: Vec<u8>| Want {
        fixture,
        rec: 0,
        url: canonical(fixture),
        saved_at,
        payload,
        encoding: "utf-8",
        extra_warning: None,
    };

    // A plain response after its request; the target URI has a tracking query, the page's
    // canonical link is its address.
    let uri = format!("{}?utm_source=feed", canonical(A));
    recs.push(Rec::new("request", &uri, winter, b"GET / HTTP/1.1\r\nHost: example\r\n\r\n".to_vec()));
    page(&mut recs, page_response(&uri, winter, &fixture(A)), w(A, "2026-01-08T15:10:39+01:00", fixture(A)));
    recs.push(Rec::new("metadata", &uri, winter, b"fetchTimeMs: 120\r\n".to_vec()));

    // Chunked transfer coding.
    let body =
        http(200, &[("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], &chunked(&fixture(B), 1000));
    page(&mut recs, Rec::new("response", &canonical(B), summer, body), w(B, "2026-07-01T12:00:00+02:00", fixture(B)));

    // A gzip-encoded body, chunked on top.
    let body = http(
        200,
        &[("Content-Type", "text/html; charset=UTF-8"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
        &chunked(&gzip(&fixture(C)), 777),
    );
    page(&mut recs, Rec::new("response", &canonical(C), winter, body), w(C, "2026-01-08T15:10:39+01:00", fixture(C)));

    // Stored decoded by the crawler, which renamed the headers: never decoded again.
    let body = http(
        200,
        &[
            ("Content-Type", "text/html"),
            ("X-Crawler-Content-Encoding", "gzip"),
            ("X-Crawler-Transfer-Encoding", "chunked"),
        ],
        &fixture(D),
    );
    page(&mut recs, Rec::new("response", &canonical(D), winter, body), w(D, "2026-01-08T15:10:39+01:00", fixture(D)));

    // Not pages.
    let png = http(200, &[("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    recs.push(Rec::new("response", "https://www.example.de/bild.png", winter, png));
    let missing = http(404, &[("Content-Type", "text/html")], b"<html><body><h1>Nicht gefunden</h1></body></html>");
    recs.push(Rec::new("response", "https://www.example.de/weg", winter, missing));
    let moved = http(301, &[("Location", "https://www.example.de/neu")], b"");
    recs.push(Rec::new("response", "https://www.example.de/alt", winter, moved));
    recs.push(
        Rec::new("revisit", &canonical(A), winter, http(200, &[("Content-Type", "text/html")], b""))
            .with("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
    );

    // No canonical link or og:url: the address is the target URI.
    let bare = drop_line(&drop_line(&fixture(E), "rel=\"canonical\""), "og:url");
    page(
        &mut recs,
        page_response(&canonical(E), winter, &bare),
        Want { url: canonical(E), ..w(E, "2026-01-08T15:10:39+01:00", bare.clone()) },
    );

    // A windows-1252 page whose only charset declaration is the HTTP header's.
    let latin = drop_line(&fixture(F), "<meta charset");
    let body = http(200, &[("Content-Type", "text/html; charset=windows-1252")], &latin);
    page(
        &mut recs,
        Rec::new("response", &canonical(F), winter, body),
        Want { encoding: "windows-1252", ..w(F, "2026-01-08T15:10:39+01:00", latin.clone()) },
    );

    // Labelled UTF-8 by the server but not UTF-8: the page's own declaration is used.
    let body = http(200, &[("Content-Type", "text/html; charset=utf-8")], &fixture(F));
    page(
        &mut recs,
        Rec::new("response", &canonical(F), winter, body),
        Want {
            encoding: "windows-1252",
            extra_warning: Some("HTTP header declares utf-8 but the page is not UTF-8; its own declaration used"),
            ..w(F, "2026-01-08T15:10:39+01:00", fixture(F))
        },
    );

    if damage {
        // Its member is corrupted below.
        recs.push(page_response(&canonical(H), winter, &fixture(H)));
    }

    // Cut short by the crawler, which says so.
    let full = fixture(G);
    let cut = full[..full.len() - 8].to_vec();
    page(
        &mut recs,
        page_response(&canonical(G), winter, &cut).with("WARC-Truncated", "length"),
        Want {
            extra_warning: Some("payload truncated by the crawler (WARC-Truncated: length)"),
            ..w(G, "2026-01-08T15:10:39+01:00", cut.clone())
        },
    );

    if damage {
        // The file ends inside this member.
        recs.push(page_response(&canonical(H), winter, &fixture(H)));
    }
    (recs, wants)
}

/// The test file, written into `dir`; with `damage`, the member of the first `H` page is
/// corrupted and the last member cut off. Returns the path, the ranges, and the offsets of
/// the two damaged members.
/// A test file as written: its path, each record's byte range, the records, the pages.
type Written = (PathBuf, Vec<(u64, u64)>, Vec<Rec>, Vec<Want>);

fn write(dir: &Path, name: &str, gz: bool, damage: bool) -> Written {
    let (recs, wants) = build(damage);
    let (mut bytes, ranges) = warc(&recs, gz);
    if damage {
        let bad = ranges[ranges.len() - 3];
        let mid = (bad.0 + bad.1 / 2) as usize;
        for b in &mut bytes[mid..mid + 16] {
            *b ^= 0x5a;
        }
        bytes.truncate(bytes.len() - 200);
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    (path, ranges, recs, wants)
}

fn run(args: &[&str], dir: &Path) -> (i32, Vec<Value>, String, String) {
    let out = Command::cargo_bin("newsparse").unwrap().current_dir(dir).args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.code().unwrap_or(-1), records, stdout, String::from_utf8(out.stderr).unwrap())
}

fn check_records(records: &[Value], file: &str, bytes: &[u8], ranges: &[(u64, u64)], wants: &[Want], gz: bool) {
    assert_eq!(records.len(), wants.len());
    for (r, w) in records.iter().zip(wants) {
        let record: newsparse::Record = serde_json::from_value(r.clone()).unwrap();
        contract::check(&record).unwrap_or_else(|e| panic!("{}: {e}", w.fixture));
        let mut exp = expected(w.fixture);
        let src = &r["source"];
        assert_eq!(src["path"], file, "{}", w.fixture);
        assert_eq!(src["format"], "html");
        assert_eq!(src["url"].as_str(), Some(w.url.as_str()), "{}", w.fixture);
        assert_eq!(src["saved_at"].as_str(), Some(w.saved_at), "{}", w.fixture);
        assert_eq!(src["encoding"].as_str(), Some(w.encoding), "{}", w.fixture);
        assert_eq!(src["bytes"].as_u64(), Some(w.payload.len() as u64), "{}", w.fixture);
        let sha: String = Sha256::digest(&w.payload).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(src["sha256"].as_str(), Some(sha.as_str()), "{}", w.fixture);
        let origin = &src["warc"];
        assert_eq!(origin["file"], file);
        assert_eq!(origin["record_id"].as_str(), Some(Rec::id(w.rec).as_str()));
        let (offset, length) = ranges[w.rec];
        assert_eq!(
            (origin["offset"].as_u64(), origin["length"].as_u64()),
            (Some(offset), Some(length)),
            "{}",
            w.fixture
        );
        // The range gives the record back: its gzip member, or the record itself.
        let range = &bytes[offset as usize..(offset + length) as usize];
        let record = if gz { newsparse::input::gzip::decompress(range, 1 << 30).unwrap() } else { range.to_vec() };
        assert!(record.starts_with(b"WARC/1.1\r\nWARC-Type: response\r\n"));
        assert!(String::from_utf8_lossy(&record[..300]).contains(&Rec::id(w.rec)));

        // The content is that of the page as a saved file.
        let mut warnings = exp["warnings"].as_array().unwrap().clone();
        warnings.extend(w.extra_warning.map(Value::from));
        assert_eq!(r["warnings"], Value::Array(warnings), "{}", w.fixture);
        let obj = exp.as_object_mut().unwrap();
        for (k, v) in obj.iter() {
            if k != "source" && k != "warnings" {
                assert_eq!(&r[k], v, "{}: {k}", w.fixture);
            }
        }
    }
}

#[test]
fn gzip_per_record_with_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ranges, recs, wants) = write(dir.path(), "crawl.warc.gz", true, true);
    let bytes = std::fs::read(&path).unwrap();
    let (code, records, stdout, stderr) = run(&["-j", "2", "crawl.warc.gz"], dir.path());
    assert_eq!(code, 1, "{stderr}");
    check_records(&records, "crawl.warc.gz", &bytes, &ranges, &wants, true);
    let lines: Vec<&str> = stderr.lines().collect();
    let corrupt = ranges[recs.len() - 3].0;
    let cut = ranges[recs.len() - 1].0;
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with(&format!("newsparse: crawl.warc.gz@{corrupt}: corrupt gzip member")), "{stderr}");
    assert_eq!(lines[1], format!("newsparse: crawl.warc.gz@{cut}: gzip member cut off (the file ends inside it)"));
    assert!(lines[2].starts_with("8 parsed, 2 failed, 0 skipped, 7 WARC records passed over in "), "{stderr}");

    // One thread gives the same records in the same order.
    let (_, _, one, _) = run(&["-j", "1", "-q", "crawl.warc.gz"], dir.path());
    assert_eq!(one, stdout);
}

#[test]
fn uncompressed_and_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    // No telling name: the content says WARC.
    let (path, ranges, _, wants) = write(dir.path(), "crawl.dat", false, false);
    let bytes = std::fs::read(&path).unwrap();
    let (code, records, _, stderr) = run(&["crawl.dat"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    check_records(&records, "crawl.dat", &bytes, &ranges, &wants, false);
    assert!(stderr.starts_with("8 parsed, 0 failed, 0 skipped, 7 WARC records passed over in "), "{stderr}");
}

#[test]
fn in_a_folder_among_pages_and_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("in");
    std::fs::create_dir(&pages).unwrap();
    write(&pages, "b-crawl.warc.gz", true, false);
    std::fs::write(pages.join("a.html"), fixture(A)).unwrap();
    std::fs::write(pages.join("c.html"), fixture(B)).unwrap();
    let (code, records, _, stderr) = run(&["-j", "2", "in"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    let paths: Vec<&str> = records.iter().map(|r| r["source"]["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 10);
    assert_eq!(paths[0], "in/a.html");
    assert!(paths[1..9].iter().all(|p| *p == "in/b-crawl.warc.gz"));
    assert_eq!(paths[9], "in/c.html");
    assert!(records[0]["source"]["warc"].is_null());
    assert!(stderr.starts_with("10 parsed, 0 failed, 0 skipped, 7 WARC records passed over in "), "{stderr}");

    let (code, _, _, stderr) = run(&["--out-dir", "out", "-q", "in"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    let mut names: Vec<String> = walk(&dir.path().join("out"));
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
    assert!(names.contains(&"a.json".to_string()) && names.contains(&"c.json".to_string()), "{names:?}");
    assert_eq!(names.iter().filter(|n| n.starts_with("b-crawl/")).count(), 8, "{names:?}");

    // Resuming: only the pages whose files are gone are parsed again, WARC pages included.
    let out = dir.path().join("out");
    let gone = names.iter().find(|n| n.starts_with("b-crawl/")).unwrap().clone();
    let kept = out.join(names.iter().rfind(|n| n.starts_with("b-crawl/")).unwrap());
    let before = std::fs::read(out.join(&gone)).unwrap();
    std::fs::remove_file(out.join(&gone)).unwrap();
    std::fs::remove_file(out.join("a.json")).unwrap();
    std::fs::write(&kept, b"left alone\n").unwrap();
    let (code, _, _, stderr) = run(&["--out-dir", "out", "--skip-existing", "in"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("2 parsed, 0 failed, 8 skipped, 7 WARC records passed over in "), "{stderr}");
    assert_eq!(std::fs::read(out.join(&gone)).unwrap(), before);
    assert_eq!(std::fs::read(&kept).unwrap(), b"left alone\n");
    assert_eq!(walk(&out).len(), 10);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            let base = p.file_name().unwrap().to_string_lossy().to_string();
            out.extend(walk(&p).into_iter().map(|n| format!("{base}/{n}")));
        } else {
            out.push(p.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    out
}

#[test]
fn archive_add_reads_a_warc_like_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "crawl.warc.gz", true, true);
    let out = Command::cargo_bin("newsparse")
        .unwrap()
        .current_dir(dir.path())
        .args(["archive", "add", "--level", "3", "news.jsonl.zst", "crawl.warc.gz"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("crawl.warc.gz@"), "{stderr}");
    // The two pages of F share an id: the second is a duplicate.
    assert!(stderr.ends_with("7 added, 1 already archived, 2 failed\n"), "{stderr}");
    let (code, records, _, _) = run(&["archive", "cat", "news.jsonl.zst"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(records.len(), 7);
    assert!(records.iter().all(|r| r["source"]["warc"]["file"] == "crawl.warc.gz"));
}

#[test]
fn library_parse_warc_gives_the_same_records_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, _, wants) = write(dir.path(), "crawl.warc.gz", true, true);
    let limits = newsparse::Limits::default();
    let outcomes: Vec<_> = newsparse::warc::parse_warc(&path, "crawl.warc.gz", &limits).unwrap().unwrap().collect();
    let mut headlines = Vec::new();
    let (mut failed, mut over) = (0, 0);
    for o in outcomes {
        match o {
            newsparse::warc::Outcome::Page { result: Ok(r), .. } => headlines.push(r.headline),
            newsparse::warc::Outcome::Page { name, result: Err(_), .. } => {
                assert!(name.starts_with("crawl.warc.gz@"));
                failed += 1;
            }
            newsparse::warc::Outcome::PassedOver { .. } => over += 1,
            newsparse::warc::Outcome::Skipped => panic!("parse_warc skips nothing"),
        }
    }
    let want: Vec<String> =
        wants.iter().map(|w| expected(w.fixture)["headline"].as_str().unwrap().to_string()).collect();
    assert_eq!((headlines, failed, over), (want, 2, 7));
    // Not a WARC file: None.
    let page = dir.path().join("a.html");
    std::fs::write(&page, fixture(A)).unwrap();
    assert!(newsparse::warc::parse_warc(&page, "a.html", &limits).unwrap().is_none());
}

/// Telling a WARC file by its head must not eat the head of a page read from a pipe.
#[cfg(unix)]
#[test]
fn a_page_from_a_pipe_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("page.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available, skipped");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, fixture(A)).unwrap())
    };
    // Were the head taken, the writer would be gone when the page is read and the read would
    // wait forever: the timeout turns that into a failure.
    let out = Command::cargo_bin("newsparse")
        .unwrap()
        .current_dir(dir.path())
        .arg("page.fifo")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["id"], expected(A)["id"]);
    writer.join().unwrap();
}

/// A WARC file on standard input is read as it streams by: the same records as from the file,
/// with `-` as their path.
#[test]
fn a_warc_file_on_stdin_gives_the_files_records() {
    for gz in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let (path, ranges, _, wants) = write(dir.path(), "crawl.warc", gz, false);
        let bytes = std::fs::read(&path).unwrap();
        let out = Command::cargo_bin("newsparse")
            .unwrap()
            .current_dir(dir.path())
            .args(["-j", "2", "-"])
            .write_stdin(bytes.clone())
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let records: Vec<Value> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        check_records(&records, "-", &bytes, &ranges, &wants, gz);
        assert!(stderr.starts_with("8 parsed, 0 failed, 0 skipped, 7 WARC records passed over in "), "{stderr}");
    }
}

/// A stream cannot be searched for the record after a damaged one: the records before the
/// damage come out, and the damage report says that the rest is not read.
#[test]
fn damage_in_a_streamed_warc_file_ends_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ranges, recs, wants) = write(dir.path(), "crawl.warc.gz", true, true);
    let bytes = std::fs::read(&path).unwrap();
    let corrupt = ranges[recs.len() - 3].0;
    let out = Command::cargo_bin("newsparse")
        .unwrap()
        .current_dir(dir.path())
        .arg("-")
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let records: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let before: Vec<Want> = wants.into_iter().filter(|w| ranges[w.rec].0 < corrupt).collect();
    check_records(&records, "-", &bytes, &ranges, &before, true);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with(&format!("newsparse: -@{corrupt}: corrupt gzip member")), "{stderr}");
    assert!(lines[0].ends_with("the rest of the stream is not read (a damaged record can only be skipped in a file: save the stream to a file and read that)"), "{stderr}");
}

/// A WARC file read from a pipe named on the command line (`<(zcat …)`) is a WARC file too.
#[cfg(unix)]
#[test]
fn a_warc_file_from_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ranges, _, wants) = write(dir.path(), "crawl.warc.gz", true, false);
    let bytes = std::fs::read(&path).unwrap();
    let fifo = dir.path().join("crawl.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available, skipped");
        return;
    }
    let writer = {
        let (fifo, bytes) = (fifo.clone(), bytes.clone());
        std::thread::spawn(move || std::fs::write(fifo, bytes).unwrap())
    };
    let out = Command::cargo_bin("newsparse")
        .unwrap()
        .current_dir(dir.path())
        .args(["-q", "crawl.fifo"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let records: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    check_records(&records, "crawl.fifo", &bytes, &ranges, &wants, true);
    writer.join().unwrap();
}

/// A page on standard input is read up to `--max-size` and no further.
#[test]
fn a_page_on_stdin_over_the_size_limit_is_refused() {
    let out = Command::cargo_bin("newsparse")
        .unwrap()
        .args(["--max-size", "1000", "-"])
        .write_stdin(fixture(A))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().next(),
        Some("newsparse: -: input is over the limit of 1000 bytes (raise it with --max-size)"),
        "{stderr}"
    );
}
