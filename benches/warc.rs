//! WARC input against the same pages as files, and the CLI's peak memory over a large WARC.
//!
//!     cargo bench --bench warc -- DIR     # a folder of .html / .html.gz pages
//!     cargo bench --bench warc            # the project's fixture pages (few: noisy figures)
//!
//! The pages are written once into a temporary folder as `.html.gz` files and once as one
//! WARC file compressed per record (a request and a response record per page, as crawlers
//! write them), then both are run through the same batch runner (`warc::run_pages`, reading,
//! parsing and JSON serialisation) on 1 and 2 threads, three times each, median shown.
//! Target: the WARC path within 1.15x of the files' time.
//!
//! Then a WARC of about `NEWSPARSE_BENCH_WARC_MB` MB (default 1024; 0 skips) is generated from
//! the same pages and the CLI is run over it with `-j 2`; its peak RSS (VmHWM) is the figure.
//! Target: < 150 MB.

#[path = "../tests/common/warcgen.rs"]
mod warcgen;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn main() {
    let dir = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_else(|| "fixtures/pages".into());
    let pages = load_dir(Path::new(&dir));
    if pages.is_empty() {
        eprintln!("warc bench: no .html/.html.gz pages in {dir}");
        std::process::exit(2);
    }
    let total: usize = pages.iter().map(|p| p.len()).sum();
    let mb = total as f64 / 1e6;
    println!("newsparse WARC benchmark");
    println!("corpus:  {dir}: {} pages, {mb:.1} MB of HTML", pages.len());
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load:    {} (1-minute load average at start)", load.split_whitespace().next().unwrap_or("?"));
    }
    let tmp = tempfile::Builder::new().prefix("newsparse-warc-bench-").tempdir().expect("temp dir");
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    for (i, p) in pages.iter().enumerate() {
        std::fs::write(files.join(format!("{i:05}.html.gz")), warcgen::gzip(p)).unwrap();
    }
    let warc_path = tmp.path().join("pages.warc.gz");
    let warc_bytes = write_warc(&warc_path, &pages, 1);
    println!(
        "files:   {:.1} MB as .html.gz; WARC {:.1} MB (gzip per record)",
        dir_size(&files) as f64 / 1e6,
        warc_bytes as f64 / 1e6
    );
    println!();

    let limits = newsparse::Limits::default();
    let file_jobs = newsparse::batch::walk(&[files.display().to_string()]).jobs;
    let warc_jobs = newsparse::batch::walk(&[warc_path.display().to_string()]).jobs;
    let (ok_files, _) = run(&file_jobs, 1, &limits);
    let (ok_warc, _) = run(&warc_jobs, 1, &limits);
    println!("records: {ok_files} from the files, {ok_warc} from the WARC (of {} pages)", pages.len());
    assert_eq!(ok_files, ok_warc, "the WARC must give the records the files give");
    println!();
    let row = |name: &str, t: Duration| {
        println!(
            "{name:<28} {:>7.2} s {:>8.0} records/s {:>7.1} MB/s",
            t.as_secs_f64(),
            ok_files as f64 / t.as_secs_f64(),
            mb / t.as_secs_f64()
        );
    };
    for threads in [1, 2] {
        // Interleaved, so that a change in the machine's load hits both alike.
        let mut tf = Vec::new();
        let mut tw = Vec::new();
        for _ in 0..RUNS {
            tf.push(run(&file_jobs, threads, &limits).1);
            tw.push(run(&warc_jobs, threads, &limits).1);
        }
        let (f, w) = (median(tf), median(tw));
        row(&format!("files, {threads} thread(s)"), f);
        row(&format!("WARC,  {threads} thread(s)"), w);
        let ratio = w.as_secs_f64() / f.as_secs_f64();
        let verdict = if ratio <= 1.15 { "met" } else { "NOT met" };
        println!("{:<28} {ratio:>7.3}x  target <= 1.15x: {verdict}", "WARC / files time");
        println!();
    }

    let want_mb: u64 = std::env::var("NEWSPARSE_BENCH_WARC_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(1024);
    if want_mb > 0 {
        big_warc_rss(tmp.path(), &pages, want_mb);
    }
}

fn median(mut t: Vec<Duration>) -> Duration {
    t.sort();
    t[t.len() / 2]
}

/// Runs the batch; the number of records and the wall time.
fn run(jobs: &[newsparse::batch::Job], threads: usize, limits: &newsparse::Limits) -> (usize, Duration) {
    let start = Instant::now();
    let mut ok = 0;
    let mut out = 0usize;
    newsparse::warc::run_pages(
        jobs,
        threads,
        limits,
        |_, _| false,
        |r| serde_json::to_string(&r).unwrap_or_default(),
        |_, o| {
            if let newsparse::warc::Outcome::Page { result: Ok(s), .. } = o {
                ok += 1;
                out += s.len();
            }
            true
        },
    );
    std::hint::black_box(out);
    (ok, start.elapsed())
}

/// Writes the pages `copies` times over (a warcinfo record, then a request and a response
/// record a page); returns the file's size.
fn write_warc(path: &Path, pages: &[Vec<u8>], copies: usize) -> u64 {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut n = 0;
    let mut put = |rec: warcgen::Rec, f: &mut std::io::BufWriter<std::fs::File>| {
        f.write_all(&warcgen::gzip(&rec.bytes(n))).unwrap();
        n += 1;
    };
    put(warcgen::Rec::new("warcinfo", "", "2026-01-08T14:10:39Z", b"software: newsparse-bench\r\n".to_vec()), &mut f);
    for c in 0..copies {
        for (i, p) in pages.iter().enumerate() {
            let uri = format!("https://www.example.de/seite/{c}/{i}");
            let req = warcgen::http(200, &[("Host", "www.example.de")], b"");
            put(warcgen::Rec::new("request", &uri, "2026-01-08T14:10:39Z", req), &mut f);
            put(warcgen::page_response(&uri, "2026-01-08T14:10:39Z", p), &mut f);
        }
    }
    f.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn big_warc_rss(tmp: &Path, pages: &[Vec<u8>], want_mb: u64) {
    let one: u64 = pages.iter().map(|p| warcgen::gzip(p).len() as u64 + 400).sum();
    let copies = ((want_mb << 20) / one.max(1)).max(1) as usize;
    let path = tmp.join("big.warc.gz");
    let t = Instant::now();
    let size = write_warc(&path, pages, copies);
    println!(
        "large WARC: {:.0} MB, {} response records ({copies} copies), written in {:.0} s",
        size as f64 / 1e6,
        copies * pages.len(),
        t.elapsed().as_secs_f64()
    );
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newsparse"));
    let start = Instant::now();
    let mut child = std::process::Command::new(&bin)
        .args(["-j", "2", "--page-timeout", "0"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the CLI");
    // Count the output in a thread of its own; VmHWM only grows, so the last reading before the
    // child exits is its peak.
    let mut stdout = child.stdout.take().unwrap();
    let counter = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let (mut lines, mut bytes) = (0usize, 0usize);
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            lines += buf[..n].iter().filter(|&&b| b == b'\n').count();
            bytes += n;
        }
        (lines, bytes)
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    while child.try_wait().ok().flatten().is_none() {
        if let Some(kb) = vm_hwm_kb(&status_file) {
            peak = peak.max(kb);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let elapsed = start.elapsed();
    let (lines, bytes) = counter.join().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).ok();
    let mb = peak as f64 / 1024.0;
    let verdict = if mb > 0.0 && mb < 150.0 { "met" } else { "NOT met" };
    println!(
        "CLI over it, -j 2:          {lines} records ({:.0} MB of JSON) in {:.1} s, {:.0} records/s, {:.1} MB/s of WARC",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        lines as f64 / elapsed.as_secs_f64(),
        size as f64 / 1e6 / elapsed.as_secs_f64()
    );
    println!("  summary: {}", err.lines().last().unwrap_or(""));
    println!("peak RSS (VmHWM):           {mb:.1} MB   target < 150 MB: {verdict}");
}

fn vm_hwm_kb(file: &str) -> Option<u64> {
    let s = std::fs::read_to_string(file).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line["VmHWM:".len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum()
}

/// Every `.html`, `.htm` and `.html.gz` page directly in `dir`, gzip undone, sorted by name.
fn load_dir(dir: &Path) -> Vec<Vec<u8>> {
    let mut names: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| Some(e.ok()?.path())).collect(),
        Err(_) => return Vec::new(),
    };
    names.sort();
    let mut pages = Vec::new();
    for path in names {
        let name = path.to_string_lossy().to_lowercase();
        let Ok(raw) = std::fs::read(&path) else { continue };
        if name.ends_with(".html.gz") || name.ends_with(".htm.gz") {
            let mut out = Vec::new();
            if flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).is_ok() {
                pages.push(out);
            }
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            pages.push(raw);
        }
    }
    pages
}
