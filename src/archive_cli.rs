//! `newsparse archive …`: argument handling, printing and exit codes; the archive itself is
//! `newsparse::sink::archive`.

use crate::ParseArgs;
use clap::{Args, Subcommand};
use newsparse::batch::{self, Progress, thousands};
use newsparse::sink::archive::{self, Archive, ArchiveError, Entry, WriteOptions, Writer};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ArchiveCommand {
    /// Parse saved pages (or read records from JSON Lines) and append their records. Records
    /// whose id is archived already are skipped and counted.
    Add(AddArgs),
    /// Print every record as JSON Lines, in the order they were added.
    Cat {
        /// The archive file.
        archive: PathBuf,
        /// Print every record that can still be read from a damaged archive, and report what
        /// was skipped on stderr.
        #[arg(long)]
        salvage: bool,
    },
    /// One line per record: id, timestamp, headline (tab-separated), from the index alone.
    Ls {
        /// The archive file.
        archive: PathBuf,
        /// Only records published at or after this time (RFC 3339, or YYYY-MM-DD for the
        /// start of that day in German time).
        #[arg(long, value_name = "TIME", value_parser = since_bound)]
        since: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// Only records published at or before this time (RFC 3339, or YYYY-MM-DD for the
        /// whole of that day in German time).
        #[arg(long, value_name = "TIME", value_parser = until_bound)]
        until: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
    /// Print the records with these ids, in the order given.
    Get {
        /// The archive file.
        archive: PathBuf,
        /// Record ids (16 hex digits).
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
    },
    /// Records, frames, sizes, compression ratio and time span.
    Stats {
        /// The archive file.
        archive: PathBuf,
    },
    /// Check every frame's checksum and the index; exit status 1 names any damage's offset.
    Verify {
        /// The archive file.
        archive: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The archive file (created if missing).
    archive: PathBuf,

    /// Saved pages or folders of them, parsed as in conversion.
    #[arg(value_name = "PATH", required_unless_present = "from_jsonl", conflicts_with = "from_jsonl")]
    inputs: Vec<String>,

    /// Archive records produced earlier: a JSON Lines file (`-` for standard input) whose every
    /// line is a record object with an `id`.
    #[arg(long, value_name = "FILE")]
    from_jsonl: Option<String>,

    /// zstd compression level of the new data frames.
    #[arg(long, value_name = "N", default_value_t = 19, value_parser = clap::value_parser!(i32).range(1..=22))]
    level: i32,

    #[command(flatten)]
    parse: ParseArgs,
}

pub fn run(cmd: ArchiveCommand) -> ExitCode {
    let result = match cmd {
        ArchiveCommand::Add(args) => add(args),
        ArchiveCommand::Cat { archive, salvage } => cat(&archive, salvage),
        ArchiveCommand::Ls { archive, since, until } => ls(&archive, since, until),
        ArchiveCommand::Get { archive, ids } => get(&archive, &ids),
        ArchiveCommand::Stats { archive } => stats(&archive),
        ArchiveCommand::Verify { archive } => verify(&archive),
    };
    match result {
        Ok(code) => code,
        Err(ArchiveError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsparse: {e}");
            ExitCode::from(1)
        }
    }
}

type Outcome = Result<ExitCode, ArchiveError>;

fn code(ok: bool) -> ExitCode {
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn open(path: &Path) -> Result<Archive, ArchiveError> {
    let a = Archive::open(path)?;
    if let Some(t) = a.torn_tail()
        && !a.writer_active()
    {
        eprintln!(
            "newsparse: {}: warning: {} bytes after offset {} are not covered by the last footer \
             (an interrupted add); ignored, the next add cuts them off",
            path.display(),
            t.bytes,
            t.offset
        );
    }
    Ok(a)
}

fn add(args: AddArgs) -> Outcome {
    let opts = WriteOptions { level: args.level, ..WriteOptions::default() };
    let mut writer = Writer::open(&args.archive, opts)?;
    let name = args.archive.display().to_string();
    if let Some(t) = writer.recovered() {
        eprintln!(
            "newsparse: {name}: warning: cut off {} bytes after offset {} left by an interrupted add",
            t.bytes, t.offset
        );
    }
    let mut failed = 0usize;
    let mut write_error: Option<ArchiveError> = None;
    let fail_fast = args.parse.fail_fast;
    match &args.from_jsonl {
        Some(src) => {
            let input: Box<dyn BufRead> = if src == "-" {
                Box::new(io::stdin().lock())
            } else {
                match std::fs::File::open(src) {
                    Ok(f) => Box::new(io::BufReader::new(f)),
                    Err(e) => {
                        eprintln!("newsparse: {src}: {}", newsparse::Error::Io(e));
                        return Ok(ExitCode::from(1));
                    }
                }
            };
            let src_name = if src == "-" { "stdin" } else { src.as_str() };
            for (n, line) in input.split(b'\n').enumerate() {
                let line = match line {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("newsparse: {src_name}: {}", newsparse::Error::Io(e));
                        failed += 1;
                        break;
                    }
                };
                let entry = match std::str::from_utf8(&line) {
                    Ok(s) if s.trim().is_empty() => continue,
                    Ok(s) => Entry::from_json_line(s),
                    Err(_) => Err("not UTF-8".to_string()),
                };
                match entry {
                    Ok(e) => {
                        if let Err(e) = writer.add(e) {
                            write_error = Some(e);
                            break;
                        }
                    }
                    Err(reason) => {
                        eprintln!("newsparse: {src_name}:{}: {reason}", n + 1);
                        failed += 1;
                        if fail_fast {
                            break;
                        }
                    }
                }
            }
        }
        None => {
            let walk = batch::walk(&args.inputs);
            let limits = args.parse.limits();
            let progress = Progress::new(walk.jobs.len(), args.parse.quiet);
            for (path, reason) in &walk.errors {
                progress.error(path, reason);
                failed += 1;
            }
            // Any file may turn out to be a WARC file: it then stands for all the pages in it.
            newsparse::warc::run_pages(
                &walk.jobs,
                args.parse.threads(),
                &limits,
                |r| Entry::from_record(&r),
                |_, outcome| {
                    let newsparse::warc::Outcome::Page { name, result, .. } = outcome else {
                        return true;
                    };
                    progress.tick();
                    match result.map_err(|e| e.to_string()).and_then(|r| r) {
                        Ok(e) => {
                            if let Err(e) = writer.add(e) {
                                write_error = Some(e);
                                return false;
                            }
                        }
                        Err(reason) => {
                            progress.error(&name, &reason);
                            failed += 1;
                            if fail_fast {
                                return false;
                            }
                        }
                    }
                    true
                },
            );
            progress.finish();
        }
    }
    if let Some(e) = write_error {
        // Nothing of this add is committed; the next add cuts off what was written.
        return Err(e);
    }
    let summary = writer.commit()?;
    if !args.parse.quiet {
        eprintln!(
            "{} added, {} already archived, {} failed",
            thousands(summary.added as usize),
            thousands(summary.duplicates as usize),
            thousands(failed)
        );
    }
    Ok(code(failed == 0))
}

fn cat(path: &Path, salvage: bool) -> Outcome {
    let mut out = io::stdout().lock();
    if salvage {
        let report = archive::salvage(path, &mut out)?;
        out.flush().map_err(ArchiveError::Output)?;
        for p in &report.skipped {
            eprintln!("newsparse: {}: offset {}: {}", path.display(), p.offset, p.what);
        }
        eprintln!(
            "{} records salvaged, {} damaged regions skipped",
            thousands(report.records as usize),
            report.skipped.len()
        );
        return Ok(code(report.skipped.is_empty()));
    }
    let a = open(path)?;
    a.cat(&mut out)?;
    out.flush().map_err(ArchiveError::Output)?;
    Ok(ExitCode::SUCCESS)
}

/// `--since`: an RFC 3339 time, or a date meaning its first instant in Europe/Berlin.
fn since_bound(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    bound(s, false)
}

/// `--until`: an RFC 3339 time, or a date meaning its last instant in Europe/Berlin.
fn until_bound(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    bound(s, true)
}

fn bound(s: &str, end_of_day: bool) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    use chrono::TimeZone;
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("not a time: {s} (use RFC 3339 or YYYY-MM-DD)"))?;
    let day = if end_of_day { date.succ_opt().ok_or("date out of range")? } else { date };
    let midnight = day.and_hms_opt(0, 0, 0).ok_or("date out of range")?;
    let t =
        chrono_tz::Europe::Berlin.from_local_datetime(&midnight).earliest().ok_or("date out of range")?.fixed_offset();
    Ok(if end_of_day { t - chrono::Duration::nanoseconds(1) } else { t })
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn ls(
    path: &Path,
    since: Option<chrono::DateTime<chrono::FixedOffset>>,
    until: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> Outcome {
    let a = open(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for (id, ts, headline) in a.list()? {
        if since.is_some() || until.is_some() {
            let Some(t) = ts.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()) else { continue };
            if since.is_some_and(|s| t < s) || until.is_some_and(|u| t > u) {
                continue;
            }
        }
        writeln!(out, "{}\t{}\t{}", archive::format_id(id), clean(ts.as_deref().unwrap_or("")), clean(&headline))
            .map_err(ArchiveError::Output)?;
    }
    out.flush().map_err(ArchiveError::Output)?;
    Ok(ExitCode::SUCCESS)
}

fn get(path: &Path, ids: &[String]) -> Outcome {
    let a = open(path)?;
    let parsed: Vec<Option<u64>> = ids.iter().map(|s| archive::parse_id(&s.to_ascii_lowercase())).collect();
    let wanted: Vec<u64> = parsed.iter().flatten().copied().collect();
    let mut found = a.get(&wanted)?.into_iter();
    let mut out = io::stdout().lock();
    let mut ok = true;
    for (s, id) in ids.iter().zip(&parsed) {
        let record = match id {
            Some(_) => found.next().flatten(),
            None => None,
        };
        match record {
            Some(r) => out.write_all(&r).map_err(ArchiveError::Output)?,
            None => {
                ok = false;
                let why = if id.is_some() { "no record with this id" } else { "not an id (16 hex digits)" };
                eprintln!("newsparse: {}: {s}: {why}", path.display());
            }
        }
    }
    out.flush().map_err(ArchiveError::Output)?;
    Ok(code(ok))
}

fn size(n: u64) -> String {
    let mib = n as f64 / (1u64 << 20) as f64;
    format!("{mib:.1} MiB ({} bytes)", thousands(n as usize))
}

fn stats(path: &Path) -> Outcome {
    let a = open(path)?;
    let s = a.stats()?;
    let when = |t: Option<u64>| {
        t.and_then(|t| chrono::DateTime::from_timestamp(t as i64, 0))
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_else(|| "-".into())
    };
    let ratio = if s.file_bytes > 0 { s.json_bytes as f64 / s.file_bytes as f64 } else { 0.0 };
    let share = if s.json_bytes > 0 { 100.0 * s.file_bytes as f64 / s.json_bytes as f64 } else { 0.0 };
    let mut out = io::stdout().lock();
    let text = format!(
        "records      {}\nadds         {}\nframes       {}\nfile         {}\ndata frames  {}\nindex        {}\n\
         JSON Lines   {}\nratio        {ratio:.2}x (the file is {share:.1}% of the JSON Lines)\n\
         time span    {} .. {}\nadded        {} .. {}\n",
        thousands(s.records as usize),
        s.adds,
        thousands(s.frames),
        size(s.file_bytes),
        size(s.data_bytes),
        size(s.index_bytes),
        size(s.json_bytes),
        s.oldest.map_or("-".into(), |t| t.to_rfc3339()),
        s.newest.map_or("-".into(), |t| t.to_rfc3339()),
        when(s.first_add),
        when(s.last_add),
    );
    out.write_all(text.as_bytes()).map_err(ArchiveError::Output)?;
    if s.torn_tail > 0 {
        writeln!(out, "torn tail    {}", size(s.torn_tail)).map_err(ArchiveError::Output)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(path: &Path) -> Outcome {
    let r = archive::verify(path)?;
    for p in &r.problems {
        eprintln!("newsparse: {}: damaged at offset {}: {}", path.display(), p.offset, p.what);
    }
    if r.ok() {
        println!(
            "{}: OK, {} records in {} frames from {} adds",
            path.display(),
            thousands(r.records as usize),
            thousands(r.frames),
            r.adds
        );
    } else {
        println!("{}: {} problems", path.display(), r.problems.len());
    }
    Ok(code(r.ok()))
}
