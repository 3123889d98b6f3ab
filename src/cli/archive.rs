//! `newsparse archive …`: argument handling and printing; the archive itself is
//! `newsparse::sink::archive`.

use super::signals::Unfinished;
use super::{Outcome, ParseArgs, bytes, count, io_reason};
use anyhow::{Context, anyhow, bail};
use clap::{Args, Subcommand};
use newsparse::batch::{self, Progress, thousands};
use newsparse::sink::archive::{self, Archive, ArchiveError, Entry, WriteOptions, Writer};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

type Time = chrono::DateTime<chrono::FixedOffset>;

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
        since: Option<Time>,
        /// Only records published at or before this time (RFC 3339, or YYYY-MM-DD for the
        /// whole of that day in German time).
        #[arg(long, value_name = "TIME", value_parser = until_bound)]
        until: Option<Time>,
        /// One JSON object per record instead: {"id", "timestamp", "headline"}.
        #[arg(long)]
        json: bool,
    },
    /// Print the records with these ids, in the order given.
    Get {
        /// The archive file.
        archive: PathBuf,
        /// Record ids, or any unique start of one (`01a3f`); `-` reads ids from standard
        /// input, separated by white space.
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
    },
    /// Records, frames, sizes, compression ratio and time span.
    Stats {
        /// The archive file.
        archive: PathBuf,
        /// One JSON object instead (sizes in bytes, times RFC 3339 in German time).
        #[arg(long)]
        json: bool,
    },
    /// Check every frame's checksum and the index; exit status 1 names any damage's offset.
    Verify {
        /// The archive file.
        archive: PathBuf,
    },
    /// Cut off what an interrupted add left after the last complete add, and nothing else.
    Repair {
        /// The archive file.
        archive: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The archive file (created if missing).
    archive: PathBuf,

    /// Saved pages or folders of them, parsed as in conversion.
    #[arg(value_name = "PATH", required_unless_present_any = ["from_jsonl", "files_from"], conflicts_with = "from_jsonl")]
    inputs: Vec<PathBuf>,

    /// Archive records produced earlier: a JSON Lines file (`-` for standard input) whose every
    /// line is a record of the contract. One bad line and nothing is added.
    #[arg(long, value_name = "FILE", conflicts_with = "files_from")]
    from_jsonl: Option<String>,

    /// With --from-jsonl: add the good lines even when some are not records (those are still
    /// reported, and the exit status is 1).
    #[arg(long, requires = "from_jsonl")]
    skip_invalid: bool,

    /// zstd compression level of the new data frames.
    #[arg(long, value_name = "N", default_value_t = 19, value_parser = clap::value_parser!(i32).range(1..=22))]
    level: i32,

    #[command(flatten)]
    parse: ParseArgs,
}

pub fn run(cmd: ArchiveCommand) -> Outcome {
    match cmd {
        ArchiveCommand::Add(args) => add(args),
        ArchiveCommand::Cat { archive, salvage } => cat(&archive, salvage),
        ArchiveCommand::Ls { archive, since, until, json } => ls(&archive, since, until, json),
        ArchiveCommand::Get { archive, ids } => get(&archive, &ids),
        ArchiveCommand::Stats { archive, json } => stats(&archive, json),
        ArchiveCommand::Verify { archive } => verify(&archive),
        ArchiveCommand::Repair { archive } => repair(&archive),
    }
}

fn open(path: &Path) -> anyhow::Result<Archive> {
    let a = Archive::open(path)?;
    if let Some(t) = a.torn_tail()
        && !a.writer_active()
    {
        eprintln!(
            "newsparse: {}: warning: {} after offset {} are not covered by the last footer (an \
             interrupted add); ignored, `newsparse archive repair` cuts them off",
            path.display(),
            bytes(t.bytes),
            t.offset
        );
    }
    Ok(a)
}

/// An add refused because of damage says how to get the records out.
fn refused(e: ArchiveError, path: &Path) -> anyhow::Error {
    let hint = matches!(e, ArchiveError::Damaged { .. }).then(|| {
        format!(
            "; nothing was added. Save the readable records with `newsparse archive cat --salvage {p} > \
             saved.jsonl` and start a new archive with `newsparse archive add NEW --from-jsonl saved.jsonl`",
            p = path.display()
        )
    });
    anyhow!("{e}{}", hint.unwrap_or_default())
}

/// What an add met besides records.
#[derive(Default)]
struct Tally {
    failed: usize,
    /// Whether what was written may be committed.
    commit: bool,
    write_error: Option<ArchiveError>,
}

fn add(args: AddArgs) -> Outcome {
    let opts = WriteOptions { level: args.level, ..WriteOptions::default() };
    // An add interrupted on a new path leaves no file behind: marked before it is created.
    let mut unfinished = (!args.archive.exists()).then(|| Unfinished::new(&args.archive));
    let mut writer = Writer::open(&args.archive, opts).map_err(|e| refused(e, &args.archive))?;
    if !writer.created() {
        // Another add created it meanwhile: not ours to remove.
        unfinished = None;
    }
    let name = args.archive.display().to_string();
    if let Some(t) = writer.recovered() {
        eprintln!(
            "newsparse: {name}: warning: cut off {} after offset {} left by an interrupted add",
            bytes(t.bytes),
            t.offset
        );
    }
    let tally = match &args.from_jsonl {
        Some(src) => add_jsonl(&mut writer, src, &args)?,
        None => add_pages(&mut writer, &args)?,
    };
    if let Some(e) = tally.write_error {
        let _ = writer.discard();
        return Err(e.into());
    }
    // A failed add that got no record in leaves the archive as it was (no new file).
    if !tally.commit || (tally.failed > 0 && writer.created() && !writer.has_new()) {
        writer.discard()?;
        if !tally.commit {
            eprintln!("newsparse: {name}: nothing added");
        }
        return Ok(false);
    }
    let summary = writer.commit()?;
    if let Some(u) = unfinished {
        u.done();
    }
    if !args.parse.quiet {
        eprintln!(
            "{} added, {} already archived, {} failed",
            thousands(summary.added as usize),
            thousands(summary.duplicates as usize),
            thousands(tally.failed)
        );
    }
    Ok(tally.failed == 0)
}

/// `--from-jsonl`: every line checked against the record contract; one bad line and nothing
/// is committed, unless `--skip-invalid`.
fn add_jsonl(writer: &mut Writer, src: &str, args: &AddArgs) -> anyhow::Result<Tally> {
    let input: Box<dyn BufRead> = if src == "-" {
        Box::new(io::stdin().lock())
    } else {
        let f = std::fs::File::open(src).map_err(|e| anyhow!("{src}: {}", io_reason(&e)))?;
        Box::new(io::BufReader::new(f))
    };
    let src_name = if src == "-" { "stdin" } else { src };
    let mut t = Tally::default();
    for item in archive::jsonl_entries(input) {
        let (n, entry) = item.map_err(|e| anyhow!("{src_name}: {}", io_reason(&e)))?;
        match entry {
            Ok(e) => {
                if let Err(e) = writer.add(e) {
                    t.write_error = Some(e);
                    break;
                }
            }
            Err(reason) => {
                eprintln!("newsparse: {src_name}:{n}: {reason}");
                t.failed += 1;
                if args.parse.fail_fast {
                    break;
                }
            }
        }
    }
    t.commit = t.failed == 0 || args.skip_invalid;
    if !t.commit {
        eprintln!(
            "newsparse: {src_name}: {} not a record; add the others anyway with --skip-invalid",
            count(t.failed as u64, "line is", "lines are")
        );
    }
    Ok(t)
}

/// Pages: parsed as in conversion; the records of those that parse are added.
fn add_pages(writer: &mut Writer, args: &AddArgs) -> anyhow::Result<Tally> {
    let (inputs, bad_names) = super::convert::inputs(&args.inputs, args.parse.files_from.as_deref())?;
    let walk = batch::walk(&inputs);
    let limits = args.parse.limits();
    let progress = Progress::new(walk.jobs.len(), args.parse.quiet);
    let mut t = Tally { commit: true, ..Tally::default() };
    for (path, reason) in bad_names.iter().chain(&walk.errors) {
        progress.error(path, reason);
        t.failed += 1;
    }
    if t.failed > 0 && args.parse.fail_fast {
        return Ok(t);
    }
    // Any file may turn out to be a WARC file: it then stands for all the pages in it.
    newsparse::warc::run_pages(
        &walk.jobs,
        args.parse.threads(),
        &limits,
        |_, _| false,
        |r| Entry::from_record(&r),
        |_, outcome| {
            let newsparse::warc::Outcome::Page { name, result, .. } = outcome else {
                return true;
            };
            progress.tick();
            match result.map_err(|e| e.to_string()).and_then(|r| r) {
                Ok(e) => {
                    if let Err(e) = writer.add(e) {
                        t.write_error = Some(e);
                        return false;
                    }
                }
                Err(reason) => {
                    progress.error(&name, &reason);
                    t.failed += 1;
                    return !args.parse.fail_fast;
                }
            }
            true
        },
    );
    progress.finish();
    Ok(t)
}

fn cat(path: &Path, salvage: bool) -> Outcome {
    let mut out = io::stdout().lock();
    if salvage {
        let report = archive::salvage(path, &mut out)?;
        out.flush().context("writing output")?;
        for p in &report.skipped {
            eprintln!("newsparse: {}: offset {}: {}", path.display(), p.offset, p.what);
        }
        eprintln!(
            "{} salvaged, {} skipped",
            count(report.records, "record", "records"),
            count(report.skipped.len() as u64, "damaged region", "damaged regions")
        );
        return Ok(report.skipped.is_empty());
    }
    let a = open(path)?;
    a.cat(&mut out)?;
    out.flush().context("writing output")?;
    Ok(true)
}

/// `--since`: an RFC 3339 time, or a date meaning its first instant in Europe/Berlin.
fn since_bound(s: &str) -> Result<Time, String> {
    bound(s, false)
}

/// `--until`: an RFC 3339 time, or a date meaning its last instant in Europe/Berlin.
fn until_bound(s: &str) -> Result<Time, String> {
    bound(s, true)
}

fn bound(s: &str, end_of_day: bool) -> Result<Time, String> {
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

/// One line of `ls --json`, keys in this order.
#[derive(serde::Serialize)]
struct LsLine<'a> {
    id: &'a str,
    timestamp: Option<&'a str>,
    headline: &'a str,
}

fn ls(path: &Path, since: Option<Time>, until: Option<Time>, json: bool) -> Outcome {
    let a = open(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for (id, ts, headline) in a.list()? {
        if since.is_some() || until.is_some() {
            let Some(t) = ts.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()) else { continue };
            if since.is_some_and(|s| t < s) || until.is_some_and(|u| t > u) {
                continue;
            }
        }
        let id = archive::format_id(id);
        if json {
            let line = LsLine { id: &id, timestamp: ts.as_deref(), headline: &headline };
            writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default())
        } else {
            writeln!(out, "{id}\t{}\t{}", clean(ts.as_deref().unwrap_or("")), clean(&headline))
        }
        .context("writing output")?;
    }
    out.flush().context("writing output")?;
    Ok(true)
}

/// The ids asked for: the arguments, with `-` replaced by the words of standard input.
fn wanted_ids(args: &[String]) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::new();
    for a in args {
        if a == "-" {
            let mut text = String::new();
            io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
                .map_err(|e| anyhow!("stdin: {}", io_reason(&e)))?;
            ids.extend(text.split_whitespace().map(str::to_string));
        } else {
            ids.push(a.clone());
        }
    }
    Ok(ids)
}

/// An id or a unique start of one; `Err` says why not.
fn resolve(a: &Archive, s: &str) -> Result<u64, String> {
    let lower = s.to_ascii_lowercase();
    if lower.is_empty() || lower.len() > 16 || !lower.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("not an id (16 hex digits, or the start of one)".into());
    }
    let found = a.ids_with_prefix(&lower);
    match found.as_slice() {
        [id] => Ok(*id),
        [] if lower.len() == 16 => Err("no record with this id".into()),
        [] => Err("no record's id starts with this".into()),
        many => {
            let shown: Vec<String> = many.iter().take(8).map(|&id| archive::format_id(id)).collect();
            let more = if many.len() > 8 { format!(" and {} more", many.len() - 8) } else { String::new() };
            Err(format!("ambiguous, the ids {}{more} start with it", shown.join(", ")))
        }
    }
}

fn get(path: &Path, args: &[String]) -> Outcome {
    let a = open(path)?;
    let asked = wanted_ids(args)?;
    let resolved: Vec<Result<u64, String>> = asked.iter().map(|s| resolve(&a, s)).collect();
    let wanted: Vec<u64> = resolved.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
    let mut found = a.get(&wanted)?.into_iter();
    let mut out = io::stdout().lock();
    let mut ok = true;
    for (s, id) in asked.iter().zip(&resolved) {
        let record = match id {
            Ok(_) => found.next().flatten().ok_or_else(|| "no record with this id".to_string()),
            Err(why) => Err(why.clone()),
        };
        match record {
            Ok(r) => out.write_all(&r).context("writing output")?,
            Err(why) => {
                ok = false;
                eprintln!("newsparse: {}: {s}: {why}", path.display());
            }
        }
    }
    out.flush().context("writing output")?;
    Ok(ok)
}

fn size(n: u64) -> String {
    let mib = n as f64 / (1u64 << 20) as f64;
    format!("{mib:.1} MiB ({})", count(n, "byte", "bytes"))
}

/// Unix seconds as German civil time, like every time in a record.
fn german(t: Option<u64>) -> Option<String> {
    let t = chrono::DateTime::from_timestamp(t? as i64, 0)?;
    Some(t.with_timezone(&chrono_tz::Europe::Berlin).fixed_offset().to_rfc3339())
}

fn german_time(t: Option<&Time>) -> Option<String> {
    t.map(|t| t.with_timezone(&chrono_tz::Europe::Berlin).fixed_offset().to_rfc3339())
}

/// `stats --json`: sizes in bytes, times RFC 3339 in German civil time, keys in this order.
#[derive(serde::Serialize)]
struct StatsJson {
    records: u64,
    adds: usize,
    frames: usize,
    file_bytes: u64,
    data_bytes: u64,
    index_bytes: u64,
    json_bytes: u64,
    /// JSON Lines bytes per file byte; `null` for an empty archive.
    ratio: Option<f64>,
    oldest: Option<String>,
    newest: Option<String>,
    first_add: Option<String>,
    last_add: Option<String>,
    torn_tail_bytes: u64,
}

fn stats(path: &Path, json: bool) -> Outcome {
    let a = open(path)?;
    let s = a.stats()?;
    let ratio = (s.json_bytes > 0 && s.file_bytes > 0).then(|| s.json_bytes as f64 / s.file_bytes as f64);
    let text = if json {
        let v = StatsJson {
            records: s.records,
            adds: s.adds,
            frames: s.frames,
            file_bytes: s.file_bytes,
            data_bytes: s.data_bytes,
            index_bytes: s.index_bytes,
            json_bytes: s.json_bytes,
            ratio: ratio.map(|r| (r * 100.0).round() / 100.0),
            oldest: german_time(s.oldest.as_ref()),
            newest: german_time(s.newest.as_ref()),
            first_add: german(s.first_add),
            last_add: german(s.last_add),
            torn_tail_bytes: s.torn_tail,
        };
        let v = serde_json::to_string(&v).unwrap_or_default();
        format!("{v}\n")
    } else {
        stats_text(&s, ratio)
    };
    io::stdout().lock().write_all(text.as_bytes()).context("writing output")?;
    Ok(true)
}

fn stats_text(s: &archive::Stats, ratio: Option<f64>) -> String {
    let dash = |t: Option<String>| t.unwrap_or_else(|| "-".into());
    let ratio = match ratio {
        Some(r) => format!("{r:.2}x (the file is {:.1}% of the JSON Lines)", 100.0 / r),
        None => "-".into(),
    };
    let mut text = format!(
        "records      {}\nadds         {}\nframes       {}\nfile         {}\ndata frames  {}\nindex        {}\n\
         JSON Lines   {}\nratio        {ratio}\ntime span    {} .. {}\nadded        {} .. {}\n",
        thousands(s.records as usize),
        thousands(s.adds),
        thousands(s.frames),
        size(s.file_bytes),
        size(s.data_bytes),
        size(s.index_bytes),
        size(s.json_bytes),
        dash(german_time(s.oldest.as_ref())),
        dash(german_time(s.newest.as_ref())),
        dash(german(s.first_add)),
        dash(german(s.last_add)),
    );
    if s.torn_tail > 0 {
        text.push_str(&format!("torn tail    {} (`newsparse archive repair` cuts it off)\n", size(s.torn_tail)));
    }
    text
}

fn verify(path: &Path) -> Outcome {
    let r = archive::verify(path)?;
    for p in &r.problems {
        eprintln!("newsparse: {}: damaged at offset {}: {}", path.display(), p.offset, p.what);
    }
    if r.ok() {
        println!(
            "{}: OK, {} in {} from {}",
            path.display(),
            count(r.records, "record", "records"),
            count(r.frames as u64, "frame", "frames"),
            count(r.adds as u64, "add", "adds")
        );
    } else {
        println!("{}: {}", path.display(), count(r.problems.len() as u64, "problem", "problems"));
        // A torn tail alone is named with its remedy (repair) in its problem line.
        let torn = Archive::open(path).ok().and_then(|a| a.torn_tail()).is_some();
        if !(torn && r.problems.len() == 1) {
            eprintln!(
                "newsparse: {}: `newsparse archive cat --salvage` prints every record that can still be read",
                path.display()
            );
        }
    }
    Ok(r.ok())
}

fn repair(path: &Path) -> Outcome {
    match archive::repair(path) {
        Ok(Some(t)) => {
            println!(
                "{}: cut off {} after offset {} left by an interrupted add",
                path.display(),
                bytes(t.bytes),
                t.offset
            );
            Ok(true)
        }
        Ok(None) => {
            println!("{}: nothing to repair", path.display());
            Ok(true)
        }
        Err(e @ ArchiveError::Damaged { .. }) => bail!(
            "{e}; repair only cuts off an interrupted add. `newsparse archive cat --salvage {}` prints every record \
             that can still be read",
            path.display()
        ),
        Err(e) => Err(e.into()),
    }
}
