//! Fixture pages: every `fixtures/pages/PAGE.expected.json` holds the record that
//! `newsparse PAGE` must print (without `source.path`, which depends on how the binary is
//! called). See `fixtures/README.md`.
//!
//! `BLESS=1 cargo test --test fixtures` rewrites every expected file from what the binary
//! prints now; review the change with `git diff fixtures/` before committing it.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// A broken glob or a moved directory must not let the suite pass with nothing checked.
const MIN_PAGES: usize = 12;
/// Pages that exist both as saved HTML and as copied text.
const MIN_PAIRS: usize = 15;
const SUFFIX: &str = ".expected.json";

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("pages")
}

/// `(page, expected)` for every `*.expected.json`, sorted by name.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = pages_dir();
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if let Some(page) = name.strip_suffix(SUFFIX) {
            out.push((dir.join(page), path.clone()));
        }
    }
    out.sort();
    out
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Runs the binary on one page; the record with `source.path` removed.
fn run(page: &Path) -> Result<Value, String> {
    let output = Command::cargo_bin("newsparse")
        .map_err(|e| format!("binary not found: {e}"))?
        .arg(page)
        .output()
        .map_err(|e| format!("running newsparse: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "newsparse exited with {}\n--- stderr ---\n{}--- stdout ---\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr),
            stdout
        ));
    }
    let mut record: Value = serde_json::from_str(stdout.trim())
        .map_err(|e| format!("stdout is not one JSON record: {e}\n--- stdout ---\n{stdout}"))?;
    let removed = match record.get_mut("source").and_then(Value::as_object_mut) {
        Some(source) => source.remove("path").is_some(),
        None => return Err(format!("record has no `source` object\n{}", pretty(&record))),
    };
    if !removed {
        return Err(format!("record has no `source.path`\n{}", pretty(&record)));
    }
    Ok(record)
}

fn read_expected(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", name_of(path)))
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// `BLESS` set to anything but empty or `0`: write what the binary prints instead of comparing.
fn blessing() -> bool {
    std::env::var("BLESS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Writes the page's record as its expected file: pretty-printed through the library's own
/// type, so the keys stay in contract order, with the `source.path` line taken out.
fn bless(page: &Path, expected: &Path) -> Result<(), String> {
    let output =
        Command::cargo_bin("newsparse").map_err(|e| e.to_string())?.arg(page).output().map_err(|e| e.to_string())?;
    let record: newsparse::Record = serde_json::from_slice(&output.stdout).map_err(|e| format!("not a record: {e}"))?;
    let text = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
    let path_line =
        format!("\n    \"path\": {},", serde_json::to_string(&record.source.path).map_err(|e| e.to_string())?);
    fs::write(expected, text.replacen(&path_line, "", 1) + "\n")
        .map_err(|e| format!("writing {}: {e}", expected.display()))
}

/// Line diff of two texts (longest common subsequence), unchanged runs shortened to
/// three lines of context around each change.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = ops.iter().enumerate().filter(|(_, op)| op.0 != ' ').map(|(k, _)| k).collect();
    let near = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= CONTEXT);
    let mut out = String::from("--- expected\n+++ actual\n");
    let mut skipped = false;
    for (k, (tag, line)) in ops.iter().enumerate() {
        if near(k) {
            if skipped {
                out.push_str("  ...\n");
                skipped = false;
            }
            out.push_str(&format!("{tag} {line}\n"));
        } else {
            skipped = true;
        }
    }
    if skipped {
        out.push_str("  ...\n");
    }
    out
}

fn fail_if_any(what: &str, failures: Vec<String>, total: usize) {
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|f| f.lines().next().unwrap_or("")).collect();
        panic!("{} of {total} {what} failed:\n  {}\n\n{}", failures.len(), names.join("\n  "), failures.join("\n\n"));
    }
}

#[test]
fn every_page_gives_its_expected_record() {
    let mut fixtures = fixtures();
    // Blessing also writes the expected record of a page that has none yet.
    if blessing() {
        for entry in fs::read_dir(pages_dir()).expect("fixtures/pages") {
            let page = entry.expect("directory entry").path();
            let name = name_of(&page);
            if (name.ends_with(".html") || name.ends_with(".txt")) && !fixtures.iter().any(|(p, _)| *p == page) {
                let expected = page.with_file_name(format!("{name}{SUFFIX}"));
                fixtures.push((page, expected));
            }
        }
    }
    let mut failures = Vec::new();
    for (page, expected_path) in &fixtures {
        let name = name_of(page);
        if !page.is_file() {
            failures.push(format!("{name}: page missing beside {}", name_of(expected_path)));
            continue;
        }
        let expected = match read_expected(expected_path) {
            Ok(v) => v,
            Err(_) if blessing() => Value::Null,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        match run(page) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(actual) if blessing() => {
                if actual != expected
                    && let Err(e) = bless(page, expected_path)
                {
                    failures.push(format!("{name}: {e}"));
                }
            }
            Ok(actual) if actual != expected => {
                failures.push(format!("{name}: record differs\n{}", diff(&pretty(&expected), &pretty(&actual))));
            }
            Ok(_) => {}
        }
    }
    fail_if_any("pages", failures, fixtures.len());
}

/// The copies of `NAME.html` beside it: `NAME.txt` (the text fixtures' own layout) and the
/// browser's copies `NAME.all.txt` (select all) and `NAME.article.txt` (the article region).
const COPY_SUFFIXES: [&str; 3] = ["txt", "all.txt", "article.txt"];

/// A timestamp without its seconds: a copy shows the visible time, the markup may add seconds
/// (the id hashes the instant to the minute).
fn to_the_minute(v: &Value) -> Value {
    match v.as_str() {
        Some(t) if t.len() > 19 => Value::String(format!("{}{}", &t[..16], &t[19..])),
        _ => v.clone(),
    }
}

#[test]
fn html_and_copied_text_of_one_article_agree() {
    const SAME: [&str; 5] = ["id", "headline", "timestamp", "lead", "sections"];
    let pairs: Vec<(PathBuf, PathBuf)> = fixtures()
        .into_iter()
        .map(|(page, _)| page)
        .filter(|p| name_of(p).ends_with(".html"))
        .flat_map(|html| {
            let stem = name_of(&html).trim_end_matches(".html").to_string();
            COPY_SUFFIXES.iter().map(move |s| (html.clone(), html.with_file_name(format!("{stem}.{s}"))))
        })
        .filter(|(_, txt)| txt.is_file())
        .collect();
    assert!(pairs.len() >= MIN_PAIRS, "expected at least {MIN_PAIRS} NAME.html/NAME.txt pairs, found {}", pairs.len());
    let mut failures = Vec::new();
    for (html, txt) in &pairs {
        let name = format!("{} / {}", name_of(html), name_of(txt));
        let (h, t) = match (run(html), run(txt)) {
            (Ok(h), Ok(t)) => (h, t),
            (Err(e), _) | (_, Err(e)) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        for key in SAME {
            let (mut hv, mut tv) =
                (h.get(key).unwrap_or(&Value::Null).clone(), t.get(key).unwrap_or(&Value::Null).clone());
            if key == "timestamp" {
                (hv, tv) = (to_the_minute(&hv), to_the_minute(&tv));
            }
            if hv != tv {
                failures.push(format!(
                    "{name}: `{key}` differs\n{}",
                    diff(&pretty(&hv), &pretty(&tv)).replacen("--- expected\n+++ actual", "--- html\n+++ text", 1)
                ));
            }
        }
    }
    fail_if_any("pairs", failures, pairs.len());
}

#[test]
fn the_fixture_set_is_complete() {
    let fixtures = fixtures();
    assert!(
        fixtures.len() >= MIN_PAGES,
        "found only {} fixture pages (*{SUFFIX}) in {}; at least {MIN_PAGES} expected",
        fixtures.len(),
        pages_dir().display()
    );
    let mut problems = Vec::new();
    for (page, expected) in &fixtures {
        if !page.is_file() {
            problems.push(format!("{} has no page {}", name_of(expected), name_of(page)));
        }
        if let Err(e) = read_expected(expected) {
            problems.push(e);
        }
    }
    // every page has an expected record
    for entry in fs::read_dir(pages_dir()).expect("fixtures/pages") {
        let path = entry.expect("directory entry").path();
        let name = name_of(&path);
        if (name.ends_with(".html") || name.ends_with(".txt")) && !fixtures.iter().any(|(p, _)| *p == path) {
            problems.push(format!("{name} has no {name}{SUFFIX}"));
        }
    }
    assert!(problems.is_empty(), "fixture set is inconsistent:\n  {}", problems.join("\n  "));
}
