//! Batch conversion through the binary: folder walking, ordering, the summary line, exit
//! status and the output modes, on small invented pages written into temporary folders.

use assert_cmd::Command;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TOPICS: &[&str] = &[
    "Stadtrat beschließt neuen Radweg am Flussufer",
    "Landesregierung plant mehr Geld für Schulen",
    "Hochwasser an der Elbe geht langsam zurück",
    "Bahn kündigt neue Verbindungen im Süden an",
    "Zoo freut sich über Nachwuchs bei den Pinguinen",
    "Forscher entdecken seltene Pflanze im Moor",
    "Feuerwehr löscht Brand in einer Lagerhalle",
    "Verein feiert hundertjähriges Bestehen mit Fest",
];

const SENTENCES: &[&str] = &[
    "Die Arbeiten sollen im Frühjahr beginnen.",
    "Die Kosten liegen nach ersten Schätzungen bei rund zwei Millionen Euro.",
    "Die Bürgermeisterin sprach von einem wichtigen Schritt für die Region.",
    "Kritik kam von der Opposition, die die Planung für zu teuer hält.",
    "Viele Anwohner hatten sich seit Jahren eine Lösung gewünscht.",
    "Ein Sprecher des Ministeriums bestätigte die Angaben am Nachmittag.",
    "Wann genau das Vorhaben abgeschlossen sein wird, ist noch offen.",
    "Experten rechnen mit einer deutlichen Entlastung im Alltag.",
];

fn headline(n: usize) -> String {
    format!("{} ({})", TOPICS[n % TOPICS.len()], n + 1)
}

fn paragraph(n: usize, k: usize) -> String {
    (0..3).map(|i| SENTENCES[(n * 3 + k * 5 + i) % SENTENCES.len()]).collect::<Vec<_>>().join(" ")
}

/// A small saved article page; `n` varies headline, time and text.
fn html_page(n: usize) -> String {
    let paras: String = (0..3 + n % 2).map(|k| format!("<p>{}</p>\n", paragraph(n, k))).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>{h}</title></head>\n\
         <body><nav><a href=\"/\">Startseite</a></nav><article>\n<h1>{h}</h1>\n\
         <p class=\"date\">08.01.2026 - 15:{m:02}:39</p>\n\
         <p class=\"lead\">Musterstadt (dpa) - {lead}</p>\n{paras}</article></body></html>\n",
        h = headline(n),
        m = n % 60,
        lead = paragraph(n + 1, 7),
    )
}

/// The same kind of article as text copied out of the browser.
fn text_page(n: usize) -> String {
    let paras: Vec<String> = (0..3).map(|k| paragraph(n, k)).collect();
    format!("{}\n\n08.01.2026 - 15:10:39\n\n{}\n\n{}\n", headline(n), paragraph(n + 1, 7), paras.join("\n\n"))
}

fn write(path: &Path, data: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, data).unwrap();
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A folder of `n` good pages spread over subfolders, HTML and text.
fn good_tree(root: &Path, n: usize) {
    for i in 0..n {
        let sub = ["", "politik/", "politik/land/", "sport/"][i % 4];
        if i % 5 == 4 {
            write(&root.join(format!("{sub}meldung-{i:03}.txt")), text_page(i));
        } else {
            write(&root.join(format!("{sub}artikel-{i:03}.html")), html_page(i));
        }
    }
}

fn newsparse() -> Command {
    let mut cmd = Command::cargo_bin("newsparse").unwrap();
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON record per line")).collect()
}

fn paths(stdout: &[u8]) -> Vec<String> {
    records(stdout).iter().map(|r| r["source"]["path"].as_str().unwrap().to_string()).collect()
}

/// The summary line's counts; panics unless the last stderr line has the documented shape.
fn summary(stderr: &[u8]) -> (usize, usize, usize) {
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().last().unwrap_or_default();
    let re = regex::Regex::new(r"^(\d[\d,]*) parsed, (\d+) failed, (\d+) skipped in \d+\.\d s$").unwrap();
    let c = re.captures(line).unwrap_or_else(|| panic!("no summary line in stderr: {text}"));
    let num = |i: usize| c[i].replace(',', "").parse::<usize>().unwrap();
    (num(1), num(2), num(3))
}

#[test]
fn records_come_out_sorted_by_path_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    good_tree(dir.path(), 40);
    let run = |jobs: &str| newsparse().args(["-q", "-j", jobs]).arg(dir.path()).assert().success().get_output().clone();
    let one = run("1");
    let four = run("4");
    assert_eq!(String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&four.stdout));
    let got = paths(&one.stdout);
    assert_eq!(got.len(), 40);
    let mut sorted = got.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(got, sorted);
}

#[test]
fn summary_line_counts_parsed_failed_and_skipped_and_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    good_tree(root, 6);
    write(&root.join("leer.html"), "");
    write(&root.join("muell.html"), (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>());
    write(
        &root.join("ohne-titel.html"),
        "<html><body><p>Nur ein Absatz ohne Überschrift.</p><p>Noch einer.</p></body></html>",
    );
    write(&root.join("style.css"), "body { color: black }");
    let out = newsparse().arg(root).assert().code(1).get_output().clone();
    assert_eq!(summary(&out.stderr), (6, 3, 1));
    assert_eq!(records(&out.stdout).len(), 6);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for bad in ["leer.html", "muell.html", "ohne-titel.html"] {
        assert!(
            stderr.lines().any(|l| l.starts_with("newsparse: ") && l.contains(bad)),
            "{bad} not reported: {stderr}"
        );
    }

    for bad in ["leer.html", "muell.html", "ohne-titel.html"] {
        fs::remove_file(root.join(bad)).unwrap();
    }
    let out = newsparse().args(["-j", "2"]).arg(root).assert().code(0).get_output().clone();
    assert_eq!(summary(&out.stderr), (6, 0, 1));
}

#[test]
fn summary_line_groups_thousands() {
    let dir = tempfile::tempdir().unwrap();
    let page = html_page(3);
    for i in 0..1001 {
        write(&dir.path().join(format!("p{i:04}.html")), &page);
    }
    let out = newsparse().arg(dir.path()).assert().success().get_output().clone();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.lines().last().unwrap().starts_with("1,001 parsed, 0 failed, 0 skipped in "), "{text}");
    assert_eq!(summary(&out.stderr), (1001, 0, 0));
}

#[test]
fn quiet_prints_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    good_tree(dir.path(), 5);
    newsparse().arg("-q").arg(dir.path()).assert().success().stderr("");
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = tempfile::tempdir().unwrap();
    good_tree(dir.path(), 60);
    write(&dir.path().join("000-leer.html"), "");
    for jobs in ["1", "4"] {
        let out = newsparse().args(["--fail-fast", "-j", jobs]).arg(dir.path()).assert().code(1).get_output().clone();
        let n = records(&out.stdout).len();
        assert!(n < 61, "-j {jobs}: {n} records, the run did not stop");
        assert!(String::from_utf8_lossy(&out.stderr).contains("000-leer.html"));
    }
    // Without it, the others still print.
    let out = newsparse().arg(dir.path()).assert().code(1).get_output().clone();
    assert_eq!(records(&out.stdout).len(), 60);
}

#[test]
fn out_dir_mirrors_the_relative_paths() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    write(&pages.join("a.html"), html_page(1));
    write(&pages.join("sub/a.html"), html_page(2));
    write(&pages.join("sub/tief/b.txt"), text_page(3));
    write(&pages.join("sub/c.html.gz"), gzip(html_page(4).as_bytes()));
    let out_dir = dir.path().join("out");
    newsparse().arg("-q").arg(&pages).arg("--out-dir").arg(&out_dir).assert().stdout("");
    for (page, json) in [("a.html", "a.json"), ("sub/a.html", "sub/a.json"), ("sub/tief/b.txt", "sub/tief/b.json")] {
        let text = fs::read_to_string(out_dir.join(json)).unwrap_or_else(|e| panic!("{json}: {e}"));
        let rec: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(rec["source"]["path"].as_str().unwrap(), pages.join(page).display().to_string());
    }
    let names = files_below(&out_dir);
    assert!(names.iter().all(|p| p.extension().is_some_and(|e| e == "json")), "{names:?}");
    assert!(!names.iter().any(|p| p.to_string_lossy().contains(".newsparse-")), "temp file left: {names:?}");
}

#[test]
fn skip_existing_leaves_finished_pages_alone() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    good_tree(&pages, 8);
    let out_dir = dir.path().join("out");
    let sentinel = "schon erledigt, nicht anfassen";
    write(&out_dir.join("artikel-000.json"), sentinel);
    write(&out_dir.join("politik/artikel-001.json"), sentinel);
    let out = newsparse()
        .arg(&pages)
        .arg("--out-dir")
        .arg(&out_dir)
        .arg("--skip-existing")
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(summary(&out.stderr), (6, 0, 2));
    assert_eq!(fs::read_to_string(out_dir.join("artikel-000.json")).unwrap(), sentinel);
    assert_eq!(fs::read_to_string(out_dir.join("politik/artikel-001.json")).unwrap(), sentinel);
    assert_eq!(files_below(&out_dir).len(), 8);

    // Everything done: nothing parsed, all skipped, and still a summary.
    let out = newsparse()
        .arg(&pages)
        .arg("--out-dir")
        .arg(&out_dir)
        .arg("--skip-existing")
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(summary(&out.stderr), (0, 0, 8));
}

#[test]
fn walking_skips_save_assets_hidden_files_and_non_pages_and_picks_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("artikel.html"), html_page(1));
    write(&root.join("artikel_files/innen.html"), html_page(2));
    write(&root.join("artikel-Dateien/innen.html"), html_page(3));
    write(&root.join(".versteckt.html"), html_page(4));
    write(&root.join(".cache/drin.html"), html_page(5));
    write(&root.join("style.css"), "body { margin: 0 }");
    write(&root.join("app.js"), "console.log(1);");
    write(&root.join("bild.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&root.join("gepackt.html.gz"), gzip(html_page(6).as_bytes()));
    let out = newsparse().arg(root).assert().get_output().clone();
    let (parsed, failed, skipped) = summary(&out.stderr);
    assert_eq!(skipped, 3, "css, js, png");
    // The gzip page is picked up: it is either a record or a reported failure.
    assert_eq!(parsed + failed, 2);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("gepackt.html.gz") || stderr.contains("gepackt.html.gz"));
    let got = paths(&out.stdout);
    assert!(got.iter().any(|p| p.ends_with("artikel.html")));
    for hidden in ["innen.html", "versteckt", "drin.html"] {
        assert!(!stdout.contains(hidden) && !stderr.contains(hidden), "{hidden} was walked");
    }
}

#[test]
fn output_file_is_written_only_when_the_run_completes() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    good_tree(&pages, 10);
    let target = dir.path().join("out.jsonl");
    newsparse().arg("-q").arg(&pages).arg("-o").arg(&target).assert().success().stdout("");
    assert_eq!(fs::read_to_string(&target).unwrap().lines().count(), 10);
    fs::remove_file(&target).unwrap();

    write(&pages.join("000-leer.html"), "");
    let out = newsparse().arg("--fail-fast").arg(&pages).arg("-o").arg(&target).assert().code(1).get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not written"));
    assert!(!target.exists(), "out.jsonl written by an incomplete run");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("pages")], "temp file left behind");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    good_tree(&root, 4);
    std::os::unix::fs::symlink(&root, root.join("politik/zurueck")).unwrap();
    std::os::unix::fs::symlink("schleife", root.join("schleife")).unwrap();
    let out = newsparse().arg(&root).timeout(Duration::from_secs(30)).assert().get_output().clone();
    assert_eq!(records(&out.stdout).len(), 4, "each page once");
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"));
}

#[test]
fn generates_a_man_page_and_completions() {
    let out = newsparse().args(["--generate", "man"]).assert().success().get_output().clone();
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(man.starts_with(".TH") || man.starts_with(".ie"), "{}", &man[..man.len().min(200)]);
    assert!(man.contains("newsparse"));
    let out = newsparse().args(["--generate", "bash"]).assert().success().get_output().clone();
    let bash = String::from_utf8_lossy(&out.stdout);
    assert!(bash.contains("complete") && bash.contains("newsparse") && bash.contains("--out-dir"));
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(files_below(&p));
        } else {
            out.push(p.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    out
}
