//! Inputs that once crashed, hung or blew up, found by fuzzing or by hand, and the resource
//! limits that keep pathological pages cheap. Each must now give a record or a clear error
//! quickly.

use newsparse::{Error, Limits, parse_page};
use std::time::{Duration, Instant};

/// Generous: these took minutes before their fix; in a debug build they now take about a second.
const QUICK: Duration = Duration::from_secs(30);

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"de\"><head><title>Tiefe Schachtelung im Test</title></head><body>\
         <h1>Tiefe Schachtelung im Test</h1><p>Berlin (dpa) - Ein Absatz mit genug Text, damit es ein Artikel \
         ist, und noch etwas mehr Text.</p>{body}</body></html>"
    )
}

fn parse_quickly(bytes: &[u8], limits: &Limits) -> newsparse::Result<newsparse::Record> {
    let started = Instant::now();
    let r = parse_page(bytes, "deep.html", limits);
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    r
}

fn all_text(r: &newsparse::Record) -> String {
    r.sections.iter().flat_map(|s| s.paragraphs.iter()).cloned().collect::<Vec<_>>().join("\n")
}

/// 100,000 nested `<div>`s took a minute in html5ever's tree builder, whose stack of open
/// elements is scanned for every tag. Past the depth limit elements are flattened into their
/// ancestor: the text stays, and the record says so.
#[test]
fn deep_div_nesting_is_flattened_quickly() {
    let n = 100_000;
    let deep = page(&format!("{}<p>Ganz tief unten steht noch ein Satz.</p>{}", "<div>".repeat(n), "</div>".repeat(n)));
    let r = parse_quickly(deep.as_bytes(), &Limits::default()).expect("a record");
    assert_eq!(r.headline, "Tiefe Schachtelung im Test");
    assert!(all_text(&r).contains("Ganz tief unten"), "{r:?}");
    assert!(r.warnings.iter().any(|w| w.contains("nested deeper than 512 levels")), "{:?}", r.warnings);
}

#[test]
fn deep_unclosed_and_mixed_nesting_is_quick() {
    let n = 20_000;
    for open in ["<div>", "<div><p><span><a href=x><b>", "<table><tr><td>", "<ul><li>", "<blockquote>", "<svg><g>"] {
        let deep = page(&format!("{}Ganz tief unten steht noch ein Satz.", open.repeat(n / open.matches('<').count())));
        let r = parse_quickly(deep.as_bytes(), &Limits::default());
        if let Ok(r) = r {
            assert!(r.warnings.iter().any(|w| w.contains("nested deeper")), "{open}: {:?}", r.warnings);
        }
    }
}

/// A page nested less deeply than the limit is not touched: no warning.
#[test]
fn moderate_nesting_is_kept_as_it_is() {
    let deep =
        page(&format!("{}<p>Ein Satz in der Tiefe, mit Komma.</p>{}", "<div>".repeat(300), "</div>".repeat(300)));
    let r = parse_page(deep.as_bytes(), "p.html", &Limits::default()).unwrap();
    assert!(!r.warnings.iter().any(|w| w.contains("nested deeper")), "{:?}", r.warnings);
}

#[test]
fn depth_limit_can_be_raised() {
    let deep = page(&format!("{}<p>Ein Satz.</p>{}", "<div>".repeat(2000), "</div>".repeat(2000)));
    let low = parse_page(deep.as_bytes(), "p.html", &Limits::default()).unwrap();
    assert!(low.warnings.iter().any(|w| w.contains("--max-depth")));
    let high = parse_page(deep.as_bytes(), "p.html", &Limits { max_depth: 5000, ..Limits::default() }).unwrap();
    assert!(!high.warnings.iter().any(|w| w.contains("nested deeper")), "{:?}", high.warnings);
}

/// Each nested `itemprop` element read its whole subtree's text: depth times page size.
#[test]
fn nested_itemprop_elements_with_much_text_are_quick() {
    let text = "Wort ".repeat(200_000);
    let deep = page(&format!("{}{text}{}", "<div itemprop=\"author\">".repeat(500), "</div>".repeat(500)));
    let _ = parse_quickly(deep.as_bytes(), &Limits::default());
    let titles = page(&format!("<svg>{}{text}</svg>", "<title>".repeat(500)));
    let _ = parse_quickly(titles.as_bytes(), &Limits::default());
}

#[test]
fn a_page_over_its_time_fails_with_a_timeout() {
    let big = page(&"<p>Ein Absatz, der sich oft wiederholt.</p>".repeat(20_000));
    let limits = Limits { page_timeout: Some(Duration::from_nanos(1)), ..Limits::default() };
    let err = parse_page(big.as_bytes(), "big.html", &limits).unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    assert_eq!(err.to_string(), "took longer than 0.000000001 s");
    assert!(parse_page(big.as_bytes(), "big.html", &Limits { page_timeout: None, ..Limits::default() }).is_ok());
}

#[test]
fn paragraphs_and_teasers_are_capped_with_a_warning() {
    let paras: String = (0..40).map(|i| format!("<p>Absatz Nummer {i}, mit einem Komma und etwas Text.</p>")).collect();
    let teasers: String =
        (0..30).map(|i| format!("<li><a href=\"/t{i}.html\"><h3>Meldung {i}</h3></a><p>Kurz {i}.</p></li>")).collect();
    let html =
        page(&format!("<article>{paras}</article><section><h2>Weitere Meldungen</h2><ul>{teasers}</ul></section>"));
    let full = parse_page(html.as_bytes(), "p.html", &Limits::default()).unwrap();
    let n_full: usize = full.sections.iter().map(|s| s.paragraphs.len()).sum();
    assert!(n_full > 10, "{full:?}");
    let limits = Limits { max_paragraphs: 10, max_teasers: 3, ..Limits::default() };
    let capped = parse_page(html.as_bytes(), "p.html", &limits).unwrap();
    let n: usize = capped.sections.iter().map(|s| s.paragraphs.len()).sum();
    assert_eq!(n, 10);
    assert!(capped.warnings.iter().any(|w| w.contains(&format!("only the first 10 of {n_full} paragraphs"))));
    assert_ne!(capped.id, full.id, "the id follows the text that is kept");
    if full.teasers.len() > 3 {
        assert_eq!(capped.teasers.len(), 3);
        assert!(capped.warnings.iter().any(|w| w.contains("teasers kept")), "{:?}", capped.warnings);
    }
}

/// The command line: a page over its time budget fails with one line and the batch goes on.
#[test]
fn batch_goes_on_past_a_page_that_takes_too_long() {
    let dir = tempfile::tempdir().unwrap();
    let slow = dir.path().join("a-slow.html");
    // Without the depth limit this nesting costs the tree builder seconds.
    std::fs::write(&slow, page(&format!("{}x", "<div>".repeat(60_000)))).unwrap();
    let fine = dir.path().join("b-fine.html");
    std::fs::write(&fine, page("<p>Noch ein Absatz, damit es reicht.</p>")).unwrap();
    let started = Instant::now();
    let out = assert_cmd::Command::cargo_bin("newsparse")
        .unwrap()
        .args(["--page-timeout", "0.5", "--max-depth", "1000000", "--jobs", "1"])
        .arg(&slow)
        .arg(&fine)
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("newsparse: {}: took longer than 0.5 s", slow.display())), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("b-fine.html"));
}

/// Found by the property tests in CI: a `<style>` flattened away past the depth limit made a
/// later `</style>` look like its end tag, so that one was dropped too and html5ever, left
/// waiting in raw-text mode, panicked at the next tag. Raw-text elements are never flattened.
#[test]
fn raw_text_elements_past_the_depth_limit_do_not_derail_the_parser() {
    let n = 600;
    let body =
        format!("A\u{f6}a{}<div><style>{}\u{df}<div><style></style><div>", "<span>".repeat(n), "</span>".repeat(n));
    for tag in ["style", "script", "title", "textarea", "xmp", "noscript"] {
        let page = page(&body.replace("style", tag));
        let r = parse_quickly(page.as_bytes(), &Limits::default());
        assert!(r.is_ok(), "{tag}: {r:?}");
    }
}

/// Found by fuzzing the archive reader: an index table claiming to decompress to 2 GiB made
/// the reader reserve that much memory. Claims past any frame's size, and lengths past the end
/// of the file, are damage now, reported with the offset.
#[cfg(unix)]
#[test]
fn an_archive_claiming_a_huge_table_is_damage_not_an_allocation() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regressions/archive-oom-huge-blob.bin");
    for args in [&["stats"][..], &["ls"], &["verify"], &["cat", "--salvage"], &["get", "228d94324bbcb954"]] {
        let started = Instant::now();
        // Under a 1 GiB address-space limit, so that a 2 GiB reservation aborts the process.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1048576; exec \"$0\" archive \"$@\"")
            .arg(env!("CARGO_BIN_EXE_newsparse"))
            .arg(args[0])
            .arg(path)
            .args(&args[1..])
            .output()
            .expect("runs");
        assert!(started.elapsed() < QUICK);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("archive-oom-huge-blob.bin") && err.contains("offset"), "{args:?}: {err}");
    }
}
