//! WARC files as pages: each HTML response with status 200 parsed like a saved page, with its
//! provenance in `source.warc`; and batches in which any file may turn out to be a WARC file,
//! run on several threads with the records handed back in order (pages of a WARC file in file
//! order, in the place of that file among the inputs).
//!
//! The reader is [`crate::input::warc`], the HTTP layer [`crate::input::http`].

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use crate::batch::{self, Job};
use std::io::Read;

use crate::input::warc::{Item, Page, Reader, Stream, sniff};
use crate::input::{self, http};
use crate::{Deadline, Error, Limits, Record, Result};

/// Parses one page of a WARC file. `source.path` and `source.warc.file` are the WARC file as
/// given, `url` the `WARC-Target-URI` unless the page names its canonical address, `saved_at`
/// the `WARC-Date`, and `bytes`/`sha256` those of the payload after HTTP decoding.
pub fn parse_page(page: &Page, limits: &Limits) -> Result<Record> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_page_inner(page, limits)))
        .unwrap_or(Err(Error::Internal))
}

fn parse_page_inner(page: &Page, limits: &Limits) -> Result<Record> {
    let deadline = Deadline::new(limits.page_timeout);
    let resp = http::parse(&page.block)?;
    let (body, mut warnings) = http::decoded_body(&resp, limits.max_decompressed)?;
    let mut input = input::read_labelled(&body, resp.charset().as_deref(), limits)?;
    if let Some(reason) = &page.truncated {
        warnings.push(format!("payload truncated by the crawler (WARC-Truncated: {reason})"));
    }
    input.warnings.extend(warnings);
    // The record's own header wins over save comments inside the page, as MHTML's does.
    input.url = page.target_uri.clone().or(input.url);
    input.saved_at = page.date.as_deref().and_then(german_time).or(input.saved_at);
    let mut record = crate::parse_input(&input, &page.origin.file, limits, deadline)?;
    record.source.warc = Some(page.origin.clone());
    Ok(record)
}

/// `2026-01-08T14:10:39Z` -> `2026-01-08T15:10:39+01:00`: a WARC-Date (UTC) in German civil time.
pub fn german_time(warc_date: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(warc_date.trim()).ok()?;
    let local = at.with_timezone(&chrono_tz::Europe::Berlin).fixed_offset();
    Some(local.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

/// The largest record block read into memory: a payload over `--max-size` with room for its
/// HTTP head.
fn max_block(limits: &Limits) -> u64 {
    limits.max_input.saturating_add(64 << 10)
}

/// The batch summary with the WARC records passed over:
/// `12 parsed, 1 failed, 0 skipped, 30 WARC records passed over in 0.4 s`.
pub fn summary(progress: &batch::Progress, passed_over: usize) -> String {
    let s = progress.summary();
    match (passed_over, s.rfind(" in ")) {
        (0, _) | (_, None) => s,
        (n, Some(at)) => format!("{}, {} WARC records passed over{}", &s[..at], batch::thousands(n), &s[at..]),
    }
}

/// What one unit of a batch came to.
#[derive(Debug)]
pub enum Outcome<T> {
    /// A page (a file, or a page of a WARC file) and its result. `name` is what a failure is
    /// reported under: the path, or `FILE@OFFSET` inside a WARC file.
    Page { name: String, warc_offset: Option<u64>, result: Result<T> },
    /// A WARC record that is not a page (see [`Item::PassedOver`]).
    PassedOver { what: String },
    /// A page of a WARC file left alone because `done` said it was (a resumed run).
    Skipped,
}

/// One unit of work: a file to read, a page read from a stream, or what the WARC reader found.
enum Unit<'a> {
    File(&'a Job),
    /// Standard input or a pipe that is not a WARC file: its first bytes (read to tell) and the
    /// rest, still to be read.
    Stream(&'a Job, Vec<u8>, Box<dyn Read + Send>),
    /// Standard input or a pipe whose first read failed.
    Unreadable(&'a Job, std::io::Error),
    Warc(&'a Job, Item),
}

/// The bytes read from the head of an input to tell whether it is a WARC file.
const SNIFF: usize = 4096;

fn units<'a>(jobs: &'a [Job], limits: &'a Limits) -> impl Iterator<Item = (usize, Unit<'a>)> + Send + 'a {
    jobs.iter().enumerate().flat_map(move |(i, job)| {
        let it: Box<dyn Iterator<Item = (usize, Unit<'a>)> + Send + 'a> = match open(job, limits) {
            Opened::Warc(r) => Box::new(r.map(move |item| (i, Unit::Warc(job, item)))),
            Opened::Page(unit) => Box::new(std::iter::once((i, unit))),
        };
        it
    })
}

enum Opened<'a> {
    Warc(Box<dyn Iterator<Item = Item> + Send>),
    Page(Unit<'a>),
}

/// A regular file is sniffed by reading its head again; standard input and pipes
/// (`<(zcat crawl.warc.gz)`) can be read once only, so their head is kept and put back in
/// front of the rest, for the WARC reader or for the page.
fn open<'a>(job: &'a Job, limits: &Limits) -> Opened<'a> {
    let stdin = job.display == "-";
    let regular = !stdin && std::fs::metadata(&job.path).is_ok_and(|m| m.is_file());
    if regular {
        return match Reader::open(&job.path, &job.display, max_block(limits)) {
            Ok(Some(r)) => Opened::Warc(Box::new(r)),
            _ => Opened::Page(Unit::File(job)),
        };
    }
    let mut src: Box<dyn Read + Send> = if stdin {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(&job.path) {
            Ok(f) => Box::new(f),
            Err(_) => return Opened::Page(Unit::File(job)), // reported when the job runs
        }
    };
    let mut head = Vec::with_capacity(SNIFF);
    if let Err(e) = src.by_ref().take(SNIFF as u64).read_to_end(&mut head) {
        return Opened::Page(Unit::Unreadable(job, e));
    }
    match sniff(&head) {
        Some(kind) => {
            let stream = Stream(std::io::Cursor::new(head).chain(src));
            Opened::Warc(Box::new(Reader::new(stream, kind, &job.display, max_block(limits))))
        }
        None => Opened::Page(Unit::Stream(job, head, src)),
    }
}

fn work<T>(
    unit: Unit<'_>,
    limits: &Limits,
    done: &(impl Fn(&Job, u64) -> bool + Sync),
    map: &(impl Fn(Record) -> T + Sync),
) -> Outcome<T> {
    match unit {
        Unit::Warc(job, Item::Page(page)) if done(job, page.origin.offset) => Outcome::Skipped,
        Unit::File(job) => Outcome::Page {
            name: job.display.clone(),
            warc_offset: None,
            result: batch::parse_job(job, limits).map(map),
        },
        Unit::Stream(job, head, rest) => Outcome::Page {
            name: job.display.clone(),
            warc_offset: None,
            result: batch::read_capped(head, rest, limits)
                .and_then(|bytes| crate::parse_page(&bytes, &job.display, limits))
                .map(map),
        },
        Unit::Unreadable(job, e) => {
            Outcome::Page { name: job.display.clone(), warc_offset: None, result: Err(e.into()) }
        }
        Unit::Warc(job, Item::Page(page)) => Outcome::Page {
            name: format!("{}@{}", job.display, page.origin.offset),
            warc_offset: Some(page.origin.offset),
            result: parse_page(&page, limits).map(map),
        },
        Unit::Warc(_, Item::PassedOver { what, .. }) => Outcome::PassedOver { what },
        Unit::Warc(job, Item::Damaged { offset, reason }) => Outcome::Page {
            name: format!("{}@{offset}", job.display),
            warc_offset: Some(offset),
            result: Err(Error::Container(reason)),
        },
    }
}

/// Parses `jobs` on `threads` threads like [`batch::run_ordered`], except that a job whose file
/// is a WARC file (detected by content) stands for all the records in it. A WARC page for
/// which `done(job, offset)` holds is not parsed ([`Outcome::Skipped`]). `map` runs on the
/// worker threads (serialising, say); `emit` gets every outcome in input order and returns
/// false to stop. Memory stays bounded: at most a window of units is in flight.
pub fn run_pages<T, D, M, E>(jobs: &[Job], threads: usize, limits: &Limits, done: D, map: M, emit: E)
where
    T: Send,
    D: Fn(&Job, u64) -> bool + Sync,
    M: Fn(Record) -> T + Sync,
    E: FnMut(&Job, Outcome<T>) -> bool,
{
    run_ordered_stream(units(jobs, limits), threads, |(i, unit)| (i, work(unit, limits, &done, &map)), {
        let mut emit = emit;
        move |(i, outcome)| emit(&jobs[i], outcome)
    });
}

/// Reads a WARC file and parses its pages in file order on the calling thread; `Ok(None)`
/// when the file is not a WARC file.
pub fn parse_warc<'a>(
    path: &std::path::Path,
    file: &str,
    limits: &'a Limits,
) -> std::io::Result<Option<impl Iterator<Item = Outcome<Record>> + 'a>> {
    let Some(reader) = Reader::open(path, file, max_block(limits))? else { return Ok(None) };
    let job = Job { display: file.to_string(), path: path.to_path_buf(), rel: path.to_path_buf() };
    Ok(Some(reader.map(move |item| work(Unit::Warc(&job, item), limits, &|_, _| false, &|r| r))))
}

/// Runs `work` over a stream of units on `threads` threads and calls `emit` with each result
/// in stream order. The stream is pulled on a thread of its own, at most a window of units
/// ahead of the last one emitted, so a long stream (a large WARC file) is never held whole.
pub fn run_ordered_stream<U, T, I, W, E>(units: I, threads: usize, work: W, mut emit: E)
where
    I: Iterator<Item = U> + Send,
    U: Send,
    T: Send,
    W: Fn(U) -> T + Sync,
    E: FnMut(T) -> bool,
{
    let threads = threads.max(1);
    if threads == 1 {
        for u in units {
            if !emit(work(u)) {
                return;
            }
        }
        return;
    }
    let window = threads * 8;
    let stop = AtomicBool::new(false);
    let emitted = Mutex::new(0usize);
    let progressed = Condvar::new();
    let (unit_tx, unit_rx) = mpsc::sync_channel::<(usize, U)>(window);
    let unit_rx = Mutex::new(unit_rx);
    let (out_tx, out_rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|s| {
        let (stop, emitted, progressed, work, unit_rx) = (&stop, &emitted, &progressed, &work, &unit_rx);
        s.spawn(move || {
            let _guard = Halt { stop, emitted, progressed };
            for (seq, u) in units.enumerate() {
                {
                    let mut done = emitted.lock().unwrap_or_else(|e| e.into_inner());
                    while seq >= *done + window && !stop.load(Ordering::SeqCst) {
                        done = progressed.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if stop.load(Ordering::SeqCst) || unit_tx.send((seq, u)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..threads {
            let out_tx = out_tx.clone();
            s.spawn(move || {
                // A panicking unit never sends its result: stop the feeder rather than hang.
                let _guard = Halt { stop, emitted, progressed };
                loop {
                    let next = unit_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, u)) = next else { break };
                    // Once stopped, units are drained unworked so a feeder blocked on the full
                    // channel can see the flag and end.
                    if stop.load(Ordering::SeqCst) {
                        continue;
                    }
                    if out_tx.send((seq, work(u))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
        let mut pending = BTreeMap::new();
        let mut want = 0usize;
        for (seq, result) in out_rx.iter() {
            pending.insert(seq, result);
            while let Some(r) = pending.remove(&want) {
                let keep_going = emit(r);
                want += 1;
                *emitted.lock().unwrap_or_else(|e| e.into_inner()) = want;
                progressed.notify_all();
                if !keep_going {
                    halt(stop, emitted, progressed);
                    return;
                }
            }
        }
    });
}

fn halt(stop: &AtomicBool, emitted: &Mutex<usize>, progressed: &Condvar) {
    let _held = emitted.lock().unwrap_or_else(|e| e.into_inner());
    stop.store(true, Ordering::SeqCst);
    progressed.notify_all();
}

/// Stops the run when the thread holding it panics.
struct Halt<'a> {
    stop: &'a AtomicBool,
    emitted: &'a Mutex<usize>,
    progressed: &'a Condvar,
}

impl Drop for Halt<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            halt(self.stop, self.emitted, self.progressed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_time_of_a_warc_date() {
        assert_eq!(german_time("2026-01-08T14:10:39Z").as_deref(), Some("2026-01-08T15:10:39+01:00"));
        assert_eq!(german_time("2026-07-08T14:10:39Z").as_deref(), Some("2026-07-08T16:10:39+02:00"));
        assert_eq!(german_time("gestern"), None);
    }

    #[test]
    fn stream_results_come_back_in_order_and_stop_early() {
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            run_ordered_stream(
                0..300u64,
                threads,
                |n| {
                    std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 300));
                    n
                },
                |n| {
                    seen.push(n);
                    true
                },
            );
            assert_eq!(seen, (0..300).collect::<Vec<_>>());
            let mut count = 0;
            run_ordered_stream(
                0..100_000u64,
                threads,
                |n| n,
                |_| {
                    count += 1;
                    count < 10
                },
            );
            assert_eq!(count, 10);
        }
    }

    #[test]
    fn a_panicking_unit_ends_the_run_instead_of_hanging_it() {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let r = std::panic::catch_unwind(|| {
                run_ordered_stream(0..500u64, 4, |n| assert_ne!(n, 3, "unit 3 fails"), |_| true)
            });
            let _ = tx.send(r.is_err());
        });
        assert!(rx.recv_timeout(std::time::Duration::from_secs(20)).expect("run hung"));
    }
}
