//! The archive: the `newsparse archive` commands end to end, and the library API.

use assert_cmd::Command;
use newsparse::sink::archive::{self, Archive, Entry, WriteOptions, Writer};
use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

/// Small seeded generator, so the test data is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "Bundesregierung",
    "Haushalt",
    "Ministerin",
    "Streit",
    "Koalition",
    "Wirtschaft",
    "Stadtrat",
    "Wetterdienst",
    "Regen",
    "Bahnstrecke",
    "Streik",
    "Verkehr",
    "Polizei",
    "Feuerwehr",
    "Energie",
    "Preise",
    "Gemeinde",
    "Schule",
    "Krankenhaus",
    "Verein",
    "Spieltag",
    "Trainer",
    "Bürgermeister",
    "Umfrage",
    "Gericht",
    "Urteil",
    "Baustelle",
    "neue",
    "alte",
    "große",
    "wegen",
    "nach",
    "über",
    "mit",
    "für",
    "und",
    "oder",
    "nicht",
    "gestern",
    "heute",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    s.push("berichtet.");
    s.join(" ")
}

/// One record-shaped JSON line (~1–3 KB).
fn record(rng: &mut Rng) -> (String, String) {
    let id = format!("{:016x}", rng.next());
    let day = 1 + rng.below(28);
    let timestamp = if rng.below(10) == 0 {
        serde_json::Value::Null
    } else {
        format!("2026-02-{day:02}T{:02}:{:02}:00+01:00", rng.below(24), rng.below(60)).into()
    };
    let n = 3 + rng.below(5);
    let paragraphs: Vec<String> = (0..n)
        .map(|_| {
            let words = 20 + rng.below(30);
            sentence(rng, words)
        })
        .collect();
    let v = serde_json::json!({
        "schema": "newsparse/1",
        "id": id,
        "source": {"path": format!("seiten/{id}.html"), "url": null, "format": "html", "encoding": "utf-8",
                   "bytes": 1000 + rng.below(50000), "sha256": format!("{:016x}{:016x}", rng.next(), rng.next()).repeat(2),
                   "saved_at": null},
        "language": "de",
        "kicker": null,
        "headline": sentence(rng, 6),
        "dateline": null,
        "timestamp": timestamp,
        "updated": null,
        "authors": [],
        "lead": sentence(rng, 15),
        "sections": [{"heading": null, "paragraphs": paragraphs}],
        "credit": "dpa",
        "teasers": [],
        "warnings": []
    });
    (id, v.to_string())
}

fn records(seed: u64, n: usize) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    (0..n).map(|_| record(&mut rng)).collect()
}

fn write_jsonl(path: &Path, recs: &[(String, String)]) {
    let mut f = std::fs::File::create(path).unwrap();
    for (_, line) in recs {
        writeln!(f, "{line}").unwrap();
    }
}

fn np() -> Command {
    Command::cargo_bin("newsparse").unwrap()
}

fn add_jsonl(archive: &Path, jsonl: &Path) -> std::process::Output {
    np().args(["archive", "add", "--level", "3"]).arg(archive).arg("--from-jsonl").arg(jsonl).output().unwrap()
}

fn cat_lines(archive: &Path) -> Vec<String> {
    let out = np().args(["archive", "cat"]).arg(archive).output().unwrap();
    assert!(out.status.success(), "cat failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect()
}

fn ids_of(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

fn verify_ok(archive: &Path) {
    let out = np().args(["archive", "verify"]).arg(archive).output().unwrap();
    assert!(out.status.success(), "verify failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn round_trip_cat_gives_the_records_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a, b) = (dir.path().join("news.jsonl.zst"), dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    let ra = records(1, 700);
    let rb = records(2, 300);
    write_jsonl(&a, &ra);
    write_jsonl(&b, &rb);
    let out = add_jsonl(&arc, &a);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "700 added, 0 already archived, 0 failed");
    assert!(add_jsonl(&arc, &b).status.success());
    let want: Vec<String> = ra.iter().chain(&rb).map(|(_, l)| l.clone()).collect();
    assert_eq!(cat_lines(&arc), want);
    verify_ok(&arc);
    let stats = np().args(["archive", "stats"]).arg(&arc).output().unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(stats.contains("records      1,000"), "{stats}");
    assert!(stats.contains("adds         2"), "{stats}");
}

#[test]
fn records_already_archived_are_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a, b) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    let recs = records(3, 50);
    write_jsonl(&a, &recs[..30]);
    // b overlaps a by 10 and repeats one of its own lines
    let mut rb = recs[20..].to_vec();
    rb.push(recs[45].clone());
    write_jsonl(&b, &rb);
    add_jsonl(&arc, &a);
    let out = add_jsonl(&arc, &b);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "20 added, 11 already archived, 0 failed");
    let ids = ids_of(&cat_lines(&arc));
    assert_eq!(ids, recs.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
}

#[test]
fn bad_jsonl_lines_are_reported_with_their_line_number_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let recs = records(4, 3);
    let mut yesterday: serde_json::Value = serde_json::from_str(&recs[2].1).unwrap();
    yesterday["timestamp"] = "yesterday".into();
    let text = format!(
        "{}\nnot json\n{{\"id\":\"XYZ\"}}\n\n[1]\n{}\n{{\"id\":\"0123456789abcdef\",\"junk\":true}}\n{yesterday}\n",
        recs[0].1, recs[1].1
    );
    std::fs::write(&a, text).unwrap();
    let out = add_jsonl(&arc, &a);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.jsonl:2: not a JSON object"), "{err}");
    assert!(err.contains("a.jsonl:3: id \"XYZ\""), "{err}");
    assert!(err.contains("a.jsonl:5: not a JSON object"), "{err}");
    assert!(err.contains("a.jsonl:7: no `schema`"), "{err}");
    assert!(err.contains("a.jsonl:8: `timestamp` \"yesterday\" is not an RFC 3339 time"), "{err}");
    assert!(err.contains("5 lines are not a record; add the others anyway with --skip-invalid"), "{err}");
    // Nothing from that run, and no file left on the new path.
    assert!(!arc.exists(), "a failed add left a new file");

    let out = np()
        .args(["archive", "add", "--level", "3", "--skip-invalid"])
        .arg(&arc)
        .arg("--from-jsonl")
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 added, 0 already archived, 5 failed"));
    assert_eq!(cat_lines(&arc).len(), 2);

    // A bad line in a later add leaves the archive as it was, byte for byte.
    let before = std::fs::read(&arc).unwrap();
    let out = np()
        .args(["archive", "add", "--level", "3"])
        .arg(&arc)
        .args(["--from-jsonl", "-"])
        .write_stdin(format!("{}\n{{\"id\":\"0123456789abcdef\"}}\n", recs[2].1))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin:2: no `schema`"));
    assert_eq!(std::fs::read(&arc).unwrap(), before);
    // from standard input
    let out = np()
        .args(["archive", "add", "--level", "3"])
        .arg(&arc)
        .args(["--from-jsonl", "-"])
        .write_stdin(format!("{}\n", recs[2].1))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(cat_lines(&arc).len(), 3);
}

#[test]
fn older_records_without_the_new_keys_are_accepted_and_newer_ones_too() {
    let dir = tempfile::tempdir().unwrap();
    let arc = dir.path().join("n.zst");
    let (id, old) = records(40, 1).remove(0);
    let mut v: serde_json::Value = serde_json::from_str(&old).unwrap();
    assert!(v.get("site").is_none() && v.get("images").is_none());
    v["id"] = format!("{:016x}", u64::from_str_radix(&id, 16).unwrap() ^ 1).into();
    v["site"] = "Beispiel-Zeitung".into();
    v["keywords"] = serde_json::json!(["Hafen"]);
    v["images"] = serde_json::json!([{"url": "https://example.org/a.jpg", "caption": null, "credit": "dpa"}]);
    v["source"]["warc"] = serde_json::Value::Null;
    let out = np()
        .args(["archive", "add", "--level", "3"])
        .arg(&arc)
        .args(["--from-jsonl", "-"])
        .write_stdin(format!("{old}\n{v}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cat_lines(&arc).len(), 2);
}

#[test]
fn a_failed_add_of_pages_on_a_new_path_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, page) = (dir.path().join("neu.zst"), dir.path().join("leer.html"));
    std::fs::write(&page, "").unwrap();
    let out = np().args(["archive", "add"]).arg(&arc).arg(&page).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("leer.html"));
    assert!(!arc.exists(), "a failed add left {} bytes", std::fs::metadata(&arc).map_or(0, |m| m.len()));
}

#[test]
fn zstd_dc_reads_the_archive_without_newsparse() {
    if std::process::Command::new("zstd").arg("--version").output().is_err() {
        println!("zstd not installed: skipping the zstd -dc check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (arc, a, b) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    let ra = records(5, 600);
    let rb = records(6, 20);
    write_jsonl(&a, &ra);
    write_jsonl(&b, &rb);
    add_jsonl(&arc, &a);
    add_jsonl(&arc, &b);
    let out = std::process::Command::new("zstd").arg("-dc").arg(&arc).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut want = std::fs::read(&a).unwrap();
    want.extend(std::fs::read(&b).unwrap());
    assert!(out.stdout == want, "zstd -dc gives other bytes than went in");
    let t = std::process::Command::new("zstd").arg("-t").arg(&arc).output().unwrap();
    assert!(t.status.success());
}

#[test]
fn get_prints_the_records_asked_for_and_names_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let recs = records(7, 900);
    write_jsonl(&a, &recs);
    add_jsonl(&arc, &a);
    let out =
        np().args(["archive", "get"]).arg(&arc).args([&recs[850].0, "0123456789abcdef", &recs[3].0]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{}\n{}\n", recs[850].1, recs[3].1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0123456789abcdef: no record with this id"));
}

#[test]
fn ls_lists_from_the_index_and_filters_on_time() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let recs = records(8, 200);
    write_jsonl(&a, &recs);
    add_jsonl(&arc, &a);
    let out = np().args(["archive", "ls"]).arg(&arc).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 200);
    for (line, (id, json)) in lines.iter().zip(&recs) {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let want = format!("{id}\t{}\t{}", v["timestamp"].as_str().unwrap_or(""), v["headline"].as_str().unwrap());
        assert_eq!(*line, want);
    }
    let in_range = |l: &&str| {
        let ts = l.split('\t').nth(1).unwrap();
        ("2026-02-10".."2026-02-13").contains(&ts)
    };
    let want: Vec<&str> = lines.iter().copied().filter(in_range).collect();
    let out =
        np().args(["archive", "ls", "--since", "2026-02-10", "--until", "2026-02-12"]).arg(&arc).output().unwrap();
    let got = String::from_utf8(out.stdout).unwrap();
    assert!(!want.is_empty());
    assert_eq!(got.lines().collect::<Vec<_>>(), want);
    let out = np()
        .args(["archive", "ls", "--since", "2026-02-10T00:00:00+01:00", "--until", "2026-02-12"])
        .arg(&arc)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), got);
}

#[test]
fn add_parses_saved_pages_and_skips_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("seiten");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(
        pages.join("brücke.html"),
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Test</title>\
         <meta property=\"article:published_time\" content=\"2026-02-03T09:15:00+01:00\"></head>\
         <body><article><h1>Neue Brücke über den Fluss eröffnet</h1>\
         <p>Musterstadt (dpa) - Nach drei Jahren Bauzeit ist die neue Brücke am Montag für den Verkehr \
         freigegeben worden. Die Stadt rechnet mit kürzeren Wegen für Pendler.</p>\
         <p>Der Bau kostete nach Angaben der Verwaltung rund zwölf Millionen Euro.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(pages.join("leer.html"), "").unwrap();
    let arc = dir.path().join("n.zst");
    let out = np().args(["archive", "add", "--level", "3"]).arg(&arc).arg(&pages).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("leer.html: empty input"), "{err}");
    assert!(err.contains("1 added, 0 already archived, 1 failed"), "{err}");
    let out = np().args(["archive", "add", "-q"]).arg(&arc).arg(pages.join("brücke.html")).output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let lines = cat_lines(&arc);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("Neue Brücke über den Fluss eröffnet"));
}

/// SIGKILLs `archive add` at random moments; every add that completed must stay whole, and
/// the next add must cut off the torn tail and leave an archive that verifies.
#[cfg(unix)]
#[test]
fn killed_writers_never_lose_completed_adds() {
    let dir = tempfile::tempdir().unwrap();
    let arc = dir.path().join("n.zst");
    let mut rng = Rng(99);
    let mut completed: BTreeSet<String> = BTreeSet::new();
    let mut killed = 0;
    for run in 0..20u64 {
        let recs = records(1000 + run, 150);
        let src = dir.path().join(format!("run{run}.jsonl"));
        write_jsonl(&src, &recs);
        let bin = assert_cmd::cargo::cargo_bin("newsparse");
        let mut child = std::process::Command::new(bin)
            .args(["archive", "add", "-q"])
            .arg(&arc)
            .arg("--from-jsonl")
            .arg(&src)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rng.below(400) as u64));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if status.success() {
            completed.extend(recs.iter().map(|(id, _)| id.clone()));
        } else {
            killed += 1;
        }
        // Readers see every completed add, whatever the tail looks like.
        if !arc.exists() {
            assert!(completed.is_empty());
            continue;
        }
        let a = Archive::open(&arc).unwrap_or_else(|e| panic!("run {run}: {e}"));
        let have: HashSet<String> = a.list().unwrap().into_iter().map(|(id, _, _)| archive::format_id(id)).collect();
        assert!(completed.iter().all(|id| have.contains(id)), "run {run}: a completed add lost records");
    }
    println!("{killed} of 20 adds killed");
    let last = dir.path().join("last.jsonl");
    write_jsonl(&last, &records(5000, 5));
    assert!(add_jsonl(&arc, &last).status.success());
    verify_ok(&arc);
    let ids = ids_of(&cat_lines(&arc));
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate records");
    assert!(completed.iter().all(|id| unique.contains(id)));
}

#[test]
fn a_flipped_byte_is_found_named_and_salvaged_around() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let recs = records(11, 2500);
    write_jsonl(&a, &recs);
    add_jsonl(&arc, &a);
    let ar = Archive::open(&arc).unwrap();
    let seg = ar.segments[0].clone();
    assert!(seg.loc.frames.len() >= 3, "want several frames, got {}", seg.loc.frames.len());
    let frame_at = seg.frame_offsets[1];
    let lost: HashSet<String> =
        seg.loc.records.iter().filter(|r| r.frame == 1).map(|r| archive::format_id(r.id)).collect();
    drop(ar);
    let mut bytes = std::fs::read(&arc).unwrap();
    let flip = (frame_at + seg.loc.frames[1].compressed as u64 / 2) as usize;
    bytes[flip] ^= 0x40;
    std::fs::write(&arc, &bytes).unwrap();

    let out = np().args(["archive", "verify"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("damaged at offset {frame_at}")), "{err}");

    let out = np().args(["archive", "cat"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("offset {frame_at}")));

    let out = np().args(["archive", "cat", "--salvage"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let got = ids_of(&String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect::<Vec<_>>());
    let want: Vec<String> = recs.iter().map(|(id, _)| id.clone()).filter(|id| !lost.contains(id)).collect();
    assert_eq!(got, want);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("offset {frame_at}")), "{err}");
    assert!(lost.iter().all(|id| err.contains(id.as_str())), "salvage must name the ids it lost");
}

#[test]
fn concurrent_writers_are_serialised() {
    let dir = tempfile::tempdir().unwrap();
    let arc = dir.path().join("n.zst");
    let recs = records(12, 900);
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    write_jsonl(&a, &recs[..600]);
    write_jsonl(&b, &recs[300..]);
    let bin = assert_cmd::cargo::cargo_bin("newsparse");
    let spawn = |src: &Path| {
        std::process::Command::new(&bin)
            .args(["archive", "add", "-q", "--level", "9"])
            .arg(&arc)
            .arg("--from-jsonl")
            .arg(src)
            .spawn()
            .unwrap()
    };
    let (mut ca, mut cb) = (spawn(&a), spawn(&b));
    assert!(ca.wait().unwrap().success());
    assert!(cb.wait().unwrap().success());
    verify_ok(&arc);
    let ids = ids_of(&cat_lines(&arc));
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), 900);
    assert_eq!(unique.len(), 900);
}

#[test]
fn a_torn_tail_is_reported_and_cut_off_by_the_next_add() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a, b) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    write_jsonl(&a, &records(13, 100));
    write_jsonl(&b, &records(14, 10));
    add_jsonl(&arc, &a);
    let good = std::fs::metadata(&arc).unwrap().len();
    // half a frame, as a killed writer leaves it
    let half = zstd::bulk::compress(&std::fs::read(&b).unwrap(), 3).unwrap();
    std::fs::OpenOptions::new().append(true).open(&arc).unwrap().write_all(&half[..half.len() / 2]).unwrap();

    let out = np().args(["archive", "ls"]).arg(&arc).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 100);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("after offset {good}")));
    let out = np().args(["archive", "verify"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("offset {good}")));

    let out = add_jsonl(&arc, &b);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("cut off {} bytes after offset {good}", half.len() / 2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    verify_ok(&arc);
    assert_eq!(cat_lines(&arc).len(), 110);
}

#[test]
fn foreign_and_newer_files_are_refused_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("text.zst");
    std::fs::write(&text, "hello, this is not an archive").unwrap();
    let out = np().args(["archive", "cat"]).arg(&text).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("text.zst: not a newsparse archive"), "{err}");
    // adding must not touch it
    let a = dir.path().join("a.jsonl");
    write_jsonl(&a, &records(15, 2));
    assert_eq!(add_jsonl(&text, &a).status.code(), Some(1));
    assert_eq!(std::fs::read(&text).unwrap(), b"hello, this is not an archive");

    let plain = dir.path().join("plain.zst");
    std::fs::write(&plain, zstd::bulk::compress(b"{\"id\":\"0000000000000001\"}\n", 3).unwrap()).unwrap();
    let out = np().args(["archive", "ls"]).arg(&plain).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("a zstd file without the archive header"));

    let arc = dir.path().join("n.zst");
    add_jsonl(&arc, &a);
    let mut bytes = std::fs::read(&arc).unwrap();
    bytes[12] = 9; // header version
    std::fs::write(&arc, &bytes).unwrap();
    let out = np().args(["archive", "verify"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("version 9 (at offset 0) is newer"));
}

#[test]
fn library_writer_and_reader_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.zst");
    let recs = records(16, 400);
    let opts = WriteOptions { level: 3, frame_bytes: 64 << 10 };
    let mut w = Writer::open(&path, opts.clone()).unwrap();
    for (_, line) in &recs[..250] {
        assert!(w.add(Entry::from_json_line(line).unwrap()).unwrap());
    }
    let s = w.commit().unwrap();
    assert_eq!((s.added, s.duplicates, s.recovered), (250, 0, None));
    let mut w = Writer::open(&path, opts).unwrap();
    assert_eq!(w.existing_records(), 250);
    for (_, line) in &recs {
        w.add(Entry::from_json_line(line).unwrap()).unwrap();
    }
    let s = w.commit().unwrap();
    assert_eq!((s.added, s.duplicates), (150, 250));

    let a = Archive::open(&path).unwrap();
    assert_eq!(a.records(), 400);
    assert!(a.segments.iter().map(|s| s.loc.frames.len()).sum::<usize>() > 4);
    let mut out = Vec::new();
    a.cat(&mut out).unwrap();
    let want: String = recs.iter().map(|(_, l)| format!("{l}\n")).collect();
    assert_eq!(String::from_utf8(out).unwrap(), want);
    let ids = [archive::parse_id(&recs[399].0).unwrap(), 42, archive::parse_id(&recs[0].0).unwrap()];
    let got = a.get(&ids).unwrap();
    assert_eq!(got[0].as_deref(), Some(format!("{}\n", recs[399].1).as_bytes()));
    assert_eq!(got[1], None);
    assert_eq!(got[2].as_deref(), Some(format!("{}\n", recs[0].1).as_bytes()));
    let report = archive::verify(&path).unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.records, 400);
}

#[test]
fn repair_cuts_a_torn_tail_and_only_that() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    write_jsonl(&a, &records(30, 50));
    add_jsonl(&arc, &a);
    let good = std::fs::read(&arc).unwrap();
    std::fs::OpenOptions::new().append(true).open(&arc).unwrap().write_all(b"\x28\xb5\x2f\xfd half a frame").unwrap();
    let out = np().args(["archive", "verify"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": 1 problem\n"), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stderr).contains("archive repair"));
    let out = np().args(["archive", "repair"]).arg(&arc).output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("cut off 17 bytes after offset {}", good.len())), "{said}");
    assert_eq!(std::fs::read(&arc).unwrap(), good);
    verify_ok(&arc);
    let out = np().args(["archive", "repair"]).arg(&arc).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing to repair"));

    // Damage inside is not repair's business: it points at salvage, as does a refused add.
    let mut bytes = good.clone();
    // a bit of the footer's index offset: the footer fails its check
    let at = bytes.len() - 40 + 10;
    bytes[at] ^= 0xff;
    std::fs::write(&arc, &bytes).unwrap();
    let out = np().args(["archive", "repair"]).arg(&arc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cat --salvage"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&arc).unwrap(), bytes);
    let out = add_jsonl(&arc, &a);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cat --salvage"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn ls_and_stats_speak_json_and_stats_uses_german_time() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let recs = records(31, 20);
    write_jsonl(&a, &recs);
    add_jsonl(&arc, &a);
    let out = np().args(["archive", "ls", "--json"]).arg(&arc).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("{{\"id\":\"{}\",\"timestamp\":", recs[0].0)), "{text}");
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 20);
    let first: serde_json::Value = serde_json::from_str(&recs[0].1).unwrap();
    assert_eq!(
        lines[0],
        serde_json::json!({"id": recs[0].0, "timestamp": first["timestamp"], "headline": first["headline"]})
    );
    let out = np().args(["archive", "stats", "--json"]).arg(&arc).output().unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["records"], 20);
    assert_eq!(s["adds"], 1);
    assert!(s["ratio"].as_f64().unwrap() > 1.0);
    let german = regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$").unwrap();
    assert!(german.is_match(s["first_add"].as_str().unwrap()), "{s}");
    let text = String::from_utf8(np().args(["archive", "stats"]).arg(&arc).output().unwrap().stdout).unwrap();
    let added = text.lines().find(|l| l.starts_with("added")).unwrap();
    assert!(!added.contains('Z') && added.contains("+0"), "{text}");

    // An empty archive has no ratio.
    let empty = dir.path().join("leer.zst");
    np().args(["archive", "add"]).arg(&empty).args(["--from-jsonl", "-"]).write_stdin("").assert().success();
    let text = String::from_utf8(np().args(["archive", "stats"]).arg(&empty).output().unwrap().stdout).unwrap();
    assert!(text.contains("ratio        -\n"), "{text}");
    let out = np().args(["archive", "stats", "--json"]).arg(&empty).output().unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["ratio"], serde_json::Value::Null);
    assert_eq!(s["records"], 0);
}

#[test]
fn get_takes_unique_prefixes_and_ids_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, a) = (dir.path().join("n.zst"), dir.path().join("a.jsonl"));
    let mut recs = records(32, 3);
    // Three ids that share their first 10 digits.
    let base = recs[0].0[..10].to_string();
    for (i, tail) in [(0, "000000"), (1, "100000"), (2, "200000")] {
        let mut v: serde_json::Value = serde_json::from_str(&recs[i].1).unwrap();
        let id = format!("{base}{tail}");
        v["id"] = id.clone().into();
        recs[i] = (id, v.to_string());
    }
    write_jsonl(&a, &recs);
    add_jsonl(&arc, &a);
    let out = np().args(["archive", "get"]).arg(&arc).arg(&recs[1].0[..11]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{}\n", recs[1].1));
    let out = np().args(["archive", "get"]).arg(&arc).arg(&base).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ambiguous") && err.contains(&recs[1].0) && err.contains(&recs[2].0), "{err}");
    let out = np()
        .args(["archive", "get"])
        .arg(&arc)
        .arg("-")
        .write_stdin(format!("{}\n{}  {}\n", recs[2].0, recs[0].0, &recs[1].0[..11].to_uppercase()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{}\n{}\n{}\n", recs[2].1, recs[0].1, recs[1].1));
}

/// The contract check of `add --from-jsonl` accepts every record the parser writes, here the
/// records of the fixture pages (their `.expected.json` files lack `source.path` on purpose).
#[test]
fn every_fixture_record_passes_the_jsonl_contract_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pages");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            continue;
        }
        let limits = newsparse::Limits::default();
        let Ok(r) = newsparse::parse_page(&std::fs::read(&path).unwrap(), &name, &limits) else { continue };
        let value = serde_json::to_value(&r).unwrap();
        if let Err(e) = archive::check_record(&value) {
            panic!("{name}: {e}");
        }
        let line = serde_json::to_string(&value).unwrap();
        assert!(Entry::from_json_line(&line).is_ok(), "{name}");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} records checked");
}

#[test]
fn add_reads_page_paths_from_files_from() {
    let dir = tempfile::tempdir().unwrap();
    let (arc, list) = (dir.path().join("n.zst"), dir.path().join("liste.txt"));
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pages");
    let names = ["finanz-dax-ausblick.html", "finanz-bundesanleihen-konjunktur.html"];
    let text: String = names.iter().map(|n| format!("{}\n", pages.join(n).display())).collect();
    std::fs::write(&list, text).unwrap();
    let out = np().args(["archive", "add", "--level", "3"]).arg(&arc).arg("--files-from").arg(&list).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 added"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cat_lines(&arc).len(), 2);
}
