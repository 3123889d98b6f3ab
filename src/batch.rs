//! Many inputs at once: walking folders for saved pages, parsing them on several threads, and
//! handing the results back strictly in input order with a bounded look-ahead, so memory stays
//! flat however long the batch.

use crate::{Error, Limits, Record, parse_page};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// One page to parse.
#[derive(Debug, Clone)]
pub struct Job {
    /// The path as reported (`source.path`, error lines); `-` for standard input.
    pub display: String,
    pub path: PathBuf,
    /// Path below the folder it was found in (the file name for a file argument), used to
    /// mirror the tree in `--out-dir`.
    pub rel: PathBuf,
}

/// What walking the arguments found.
#[derive(Debug, Default)]
pub struct Walk {
    pub jobs: Vec<Job>,
    /// Arguments or entries that could not be read: (path, reason).
    pub errors: Vec<(String, String)>,
    /// Files in folders that are not saved pages.
    pub skipped: usize,
    /// Whether any argument was a folder.
    pub had_dir: bool,
}

const PAGE_EXTS: &[&str] = &["html", "htm", "xhtml", "shtml", "mhtml", "mht", "txt", "warc"];
const NOT_PAGE_EXTS: &[&str] = &[
    "css", "js", "mjs", "json", "map", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff",
    "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav", "pdf", "zip", "xml", "rss", "zst",
    "jsonl", "md", "csv", "exe", "wasm",
];

fn ext_of(p: &Path) -> Option<String> {
    p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// Picks page files by extension (`.gz` looked through), and sniffs files without a telling one.
fn is_page_file(p: &Path) -> bool {
    let mut ext = ext_of(p);
    if ext.as_deref() == Some("gz") {
        ext = p.file_stem().map(Path::new).and_then(ext_of);
        return ext.is_none_or(|e| PAGE_EXTS.contains(&e.as_str()));
    }
    match ext.as_deref() {
        Some(e) if PAGE_EXTS.contains(&e) => true,
        Some(e) if NOT_PAGE_EXTS.contains(&e) => false,
        _ => sniff_page(p),
    }
}

fn sniff_page(p: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 512];
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]).to_ascii_lowercase();
    head.starts_with("\u{1f}\u{fffd}")
        || head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("mime-version:")
        || head.starts_with("warc/1.")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// "Webpage, complete" saves put images and scripts in `NAME_files/` beside `NAME.html`.
fn is_save_assets_dir(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.ends_with("_files") || s.ends_with("-Dateien") || s.ends_with("_Dateien"))
}

/// Expands the arguments: files as given, folders walked recursively in sorted order.
pub fn walk(inputs: &[String]) -> Walk {
    let mut w = Walk::default();
    for arg in inputs {
        let p = Path::new(arg);
        if arg == "-" || !p.is_dir() {
            let rel = p.file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("stdin"));
            w.jobs.push(Job { display: arg.clone(), path: p.to_path_buf(), rel });
            continue;
        }
        w.had_dir = true;
        let walker = walkdir::WalkDir::new(p).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
            e.depth() == 0
                || !(is_hidden(e.file_name()) || (e.file_type().is_dir() && is_save_assets_dir(e.file_name())))
        });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && e.path().to_str().is_none() && is_page_file(e.path()) => {
                    // `source.path` is the name as given: a name that is not UTF-8 cannot be it.
                    let reason = "file name is not valid UTF-8, not read (rename it)".to_string();
                    w.errors.push((e.path().display().to_string(), reason));
                }
                Ok(e) if e.file_type().is_file() => {
                    if is_page_file(e.path()) {
                        let rel = e.path().strip_prefix(p).unwrap_or(e.path()).to_path_buf();
                        w.jobs.push(Job { display: e.path().display().to_string(), path: e.path().to_path_buf(), rel });
                    } else {
                        w.skipped += 1;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map(|p| p.display().to_string()).unwrap_or_else(|| arg.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else {
                        match e.into_io_error() {
                            Some(io) => Error::Io(io).to_string(),
                            None => "cannot be read".to_string(),
                        }
                    };
                    w.errors.push((path, reason));
                }
            }
        }
    }
    w
}

/// Reads and parses one job.
pub fn parse_job(job: &Job, limits: &Limits) -> Result<Record, Error> {
    let bytes = if job.display == "-" {
        read_capped(Vec::new(), std::io::stdin().lock(), limits)?
    } else {
        let meta = std::fs::metadata(&job.path)?;
        if meta.len() > limits.max_input {
            return Err(Error::TooLarge { size: meta.len(), limit: limits.max_input });
        }
        std::fs::read(&job.path)?
    };
    parse_page(&bytes, &job.display, limits)
}

/// What is left of a stream after its first bytes `head`, appended to them, up to
/// `--max-size`: standard input and pipes are read once and have no size to check first.
pub fn read_capped(mut head: Vec<u8>, rest: impl std::io::Read, limits: &Limits) -> Result<Vec<u8>, Error> {
    let room = limits.max_input.saturating_add(1).saturating_sub(head.len() as u64);
    std::io::Read::read_to_end(&mut std::io::Read::take(rest, room), &mut head)?;
    if head.len() as u64 > limits.max_input {
        return Err(Error::StreamTooLarge { limit: limits.max_input });
    }
    Ok(head)
}

/// Runs `work` over `jobs` on `threads` threads and calls `emit` with each result in job
/// order. Workers stay at most a window ahead of the slowest unfinished job. `emit` returns
/// false to stop early (a closed pipe, `--fail-fast`).
pub fn run_ordered<T, W, E>(jobs: &[Job], threads: usize, work: W, mut emit: E)
where
    T: Send,
    W: Fn(&Job) -> T + Sync,
    E: FnMut(&Job, T) -> bool,
{
    let threads = threads.max(1);
    if threads == 1 {
        for job in jobs {
            if !emit(job, work(job)) {
                return;
            }
        }
        return;
    }
    let window = threads * 8;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let emitted = Mutex::new(0usize);
    let progressed = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, emitted, progressed, work) = (&next, &stop, &emitted, &progressed, &work);
            s.spawn(move || {
                // A panicking job never sends its result, so the jobs after it are never
                // emitted: without this, workers ahead of it would wait for progress forever.
                let _guard = StopOnPanic { stop, emitted, progressed };
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= jobs.len() {
                        break;
                    }
                    {
                        let mut done = emitted.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *done + window && !stop.load(Ordering::SeqCst) {
                            done = progressed.wait(done).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if tx.send((i, work(&jobs[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0usize;
        for (i, result) in rx.iter() {
            pending.insert(i, result);
            while let Some(r) = pending.remove(&want) {
                let keep_going = emit(&jobs[want], r);
                want += 1;
                *emitted.lock().unwrap_or_else(|e| e.into_inner()) = want;
                progressed.notify_all();
                if !keep_going {
                    halt(&stop, &emitted, &progressed);
                    return;
                }
            }
        }
    });
}

/// Tells waiting workers to stop. The flag is set under the lock the workers check it under:
/// set outside it, a worker could read `false`, then miss the wake-up and wait forever.
fn halt(stop: &AtomicBool, emitted: &Mutex<usize>, progressed: &Condvar) {
    let _held = emitted.lock().unwrap_or_else(|e| e.into_inner());
    stop.store(true, Ordering::SeqCst);
    progressed.notify_all();
}

struct StopOnPanic<'a> {
    stop: &'a AtomicBool,
    emitted: &'a Mutex<usize>,
    progressed: &'a Condvar,
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            halt(self.stop, self.emitted, self.progressed);
        }
    }
}

/// Progress on stderr while a batch runs: a bar with pages/s and ETA when stderr is a
/// terminal, nothing otherwise; and the closing summary line.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    pub parsed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Progress {
        use std::io::IsTerminal;
        Progress::with_bar(total, !quiet && std::io::stderr().is_terminal())
    }

    /// With a bar (when there is more than one page) only if `bar`: the caller knows whether
    /// something else writes to the same terminal.
    pub fn with_bar(total: usize, bar: bool) -> Progress {
        let bar = (bar && total > 1).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let width = terminal_size::terminal_size_of(std::io::stderr()).map_or(80, |(w, _)| w.0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(bar_template(width))
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .with_key("rate", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(s.per_sec()));
                    }),
            );
            bar
        });
        Progress { bar, started: std::time::Instant::now(), parsed: 0, failed: 0, skipped: 0 }
    }

    pub fn tick(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Prints an error line above the bar.
    pub fn error(&self, path: &str, reason: &str) {
        let line = format!("newsparse: {path}: {reason}");
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }

    /// `9,873 parsed, 4 failed, 12 skipped in 41.2 s`
    pub fn summary(&self) -> String {
        format!(
            "{} parsed, {} failed, {} skipped in {:.1} s",
            thousands(self.parsed),
            thousands(self.failed),
            thousands(self.skipped),
            self.started.elapsed().as_secs_f64()
        )
    }
}

/// The bar's line for a terminal this wide: the bar takes what the text leaves, and a narrow
/// terminal gets the counts alone, so that the line never wraps.
fn bar_template(width: u16) -> &'static str {
    if width >= 60 { "{wide_bar} {pos}/{len} pages  {rate}  ETA {eta}" } else { "{pos}/{len} {rate}" }
}

/// `304/s`; below ten a decimal: `2.5/s`.
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() {
        "-/s".into()
    } else if per_sec < 10.0 {
        format!("{per_sec:.1}/s")
    } else {
        format!("{per_sec:.0}/s")
    }
}

pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_job_order_whatever_the_threads() {
        let jobs: Vec<Job> =
            (0..200).map(|i| Job { display: i.to_string(), path: PathBuf::new(), rel: PathBuf::new() }).collect();
        let mut seen = Vec::new();
        run_ordered(
            &jobs,
            4,
            |j| {
                let n: u64 = j.display.parse().unwrap();
                std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 500));
                n
            },
            |_, n| {
                seen.push(n);
                true
            },
        );
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn stopping_early_ends_the_run() {
        let jobs: Vec<Job> =
            (0..1000).map(|i| Job { display: i.to_string(), path: PathBuf::new(), rel: PathBuf::new() }).collect();
        let mut count = 0;
        run_ordered(
            &jobs,
            3,
            |_| (),
            |_, _| {
                count += 1;
                count < 10
            },
        );
        assert_eq!(count, 10);
    }

    #[test]
    fn a_panicking_job_ends_the_run_instead_of_hanging_it() {
        let jobs: Vec<Job> =
            (0..500).map(|i| Job { display: i.to_string(), path: PathBuf::new(), rel: PathBuf::new() }).collect();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let r = std::panic::catch_unwind(|| {
                run_ordered(
                    &jobs,
                    4,
                    |j| {
                        if j.display == "3" {
                            panic!("job 3 fails");
                        }
                    },
                    |_, _| true,
                )
            });
            let _ = tx.send(r.is_err());
        });
        let panicked = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("run_ordered hung");
        assert!(panicked);
    }

    #[test]
    fn the_bar_rounds_its_rate_and_fits_narrow_terminals() {
        assert_eq!(rate(304.2351), "304/s");
        assert_eq!(rate(2.54), "2.5/s");
        assert!(bar_template(120).contains("wide_bar"));
        assert!(!bar_template(40).contains("bar"));
        let text = bar_template(40).replace("{pos}/{len}", "10000/10000").replace("{rate}", "9999/s");
        assert!(text.len() < 40, "{text}");
    }

    #[test]
    fn page_files_by_extension() {
        assert!(is_page_file(Path::new("a/b.html")));
        assert!(is_page_file(Path::new("a/b.MHT")));
        assert!(is_page_file(Path::new("a/b.html.gz")));
        assert!(is_page_file(Path::new("a/crawl.warc.gz")));
        assert!(!is_page_file(Path::new("a/b.css")));
        assert!(!is_page_file(Path::new("a/b.png.gz")));
    }
}
