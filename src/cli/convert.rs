//! Conversion, the command without a subcommand: pages in, one JSON record per page out (to
//! stdout, one file, or one file per page).

use super::files::{self, Target};
use super::{Outcome, ParseArgs, io_reason};
use anyhow::{Context, bail};
use clap::Args;
use newsparse::batch::{self, Job, Progress};
use newsparse::warc::Outcome as Unit;
use std::collections::HashMap;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// Saved pages or folders of them; `-` reads one page from standard input.
    #[arg(value_name = "PATH", required_unless_present_any = ["generate", "files_from"])]
    pub inputs: Vec<PathBuf>,

    /// Indent each record for reading.
    #[arg(long)]
    pub pretty: bool,

    /// Write the records to FILE instead of standard output (renamed into place when complete;
    /// a device or pipe such as /dev/null is written in place).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one `.json` file per page into DIR, mirroring the folders' relative paths.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// With --out-dir: leave pages whose `.json` already exists alone (resume a run).
    #[arg(long, requires = "out_dir")]
    pub skip_existing: bool,

    #[command(flatten)]
    pub parse: ParseArgs,
}

/// Inputs that could not be read before any page was parsed: (path, reason).
pub type Failures = Vec<(String, String)>;

/// The inputs as strings: the arguments, then the lines of `--files-from`. A name that is not
/// UTF-8 is not read (a record's `source.path` must be the name as given): it is returned as a
/// failure (path shown lossily, reason), like such a name found in a folder.
pub fn inputs(args: &[PathBuf], files_from: Option<&Path>) -> anyhow::Result<(Vec<String>, Failures)> {
    let mut raw: Vec<std::ffi::OsString> = args.iter().map(|p| p.clone().into_os_string()).collect();
    if let Some(list) = files_from {
        if list == Path::new("-") && raw.iter().any(|a| a == "-") {
            bail!("-: standard input cannot be both --files-from and a page");
        }
        raw.extend(read_list(list)?);
    }
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for a in raw {
        match a.into_string() {
            Ok(s) => good.push(s),
            Err(a) => bad.push((
                Path::new(&a).display().to_string(),
                "file name is not valid UTF-8, not read (rename it)".to_string(),
            )),
        }
    }
    Ok((good, bad))
}

/// `--files-from FILE`: one path per line (`-`: standard input); empty lines are passed over.
fn read_list(list: &Path) -> anyhow::Result<Vec<std::ffi::OsString>> {
    let name = list.display().to_string();
    let reader: Box<dyn BufRead> = if list == Path::new("-") {
        Box::new(io::stdin().lock())
    } else {
        let f = std::fs::File::open(list).map_err(|e| anyhow::anyhow!("{name}: {}", io_reason(&e)))?;
        Box::new(io::BufReader::new(f))
    };
    let mut out = Vec::new();
    for line in reader.split(b'\n') {
        let mut line = line.map_err(|e| anyhow::anyhow!("{name}: {}", io_reason(&e)))?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        if !line.is_empty() {
            out.push(os_string(line));
        }
    }
    Ok(out)
}

#[cfg(unix)]
fn os_string(b: Vec<u8>) -> std::ffi::OsString {
    std::os::unix::ffi::OsStringExt::from_vec(b)
}

#[cfg(not(unix))]
fn os_string(b: Vec<u8>) -> std::ffi::OsString {
    String::from_utf8_lossy(&b).into_owned().into()
}

/// Where converted records go.
enum Sink {
    Stdout(io::StdoutLock<'static>),
    /// Written under a temporary name beside FILE, renamed when the run completes.
    File(Target),
    /// One file per page; the name of each page's file, by its displayed path.
    Dir(HashMap<String, PathBuf>),
}

/// What the run found out while writing.
struct Run {
    progress: Progress,
    /// Some input was a WARC file: the summary then counts its records that are not pages.
    saw_warc: bool,
    /// WARC records passed over (requests, metadata, redirects, other payloads).
    passed_over: usize,
    /// Stopped before the last page (`--fail-fast`, a write error, a closed pipe).
    stopped: bool,
    /// The error that ended the run, not a page's failure.
    fatal: Option<anyhow::Error>,
}

pub fn run(args: ConvertArgs) -> Outcome {
    let (inputs, bad_names) = inputs(&args.inputs, args.parse.files_from.as_deref())?;
    // Checked before any page is parsed.
    let target = match &args.output {
        Some(file) => Some(Target::create(file)?),
        None => None,
    };
    if let Some(dir) = &args.out_dir {
        files::prepare_dir(dir)?;
    }
    let walk = batch::walk(&inputs);
    let many = walk.had_dir || walk.jobs.len() > 1;
    let mut errors = bad_names;
    errors.extend(walk.errors);
    let (jobs, sink, skipped) = plan(&args, walk.jobs, target)?;
    let to_stdout = matches!(sink, Sink::Stdout(_));
    let mut progress = Progress::with_bar(jobs.len(), show_bar(args.parse.quiet, to_stdout));
    progress.skipped = walk.skipped + skipped;
    let mut run = Run { progress, saw_warc: false, passed_over: 0, stopped: false, fatal: None };
    for (path, reason) in &errors {
        run.progress.error(path, reason);
        run.progress.failed += 1;
    }
    let sink = if errors.is_empty() || !args.parse.fail_fast {
        convert(&args, &jobs, sink, &mut run)
    } else {
        run.stopped = true;
        sink
    };
    run.progress.finish();
    let summary = !args.parse.quiet && (many || run.saw_warc);
    finish(sink, run, summary)
}

/// The jobs left after `--skip-existing`, the sink, and how many pages were skipped. With
/// `--out-dir`, every page's file is known here, and two pages for one file stop the run.
fn plan(args: &ConvertArgs, mut jobs: Vec<Job>, target: Option<Target>) -> anyhow::Result<(Vec<Job>, Sink, usize)> {
    if let Some(t) = target {
        return Ok((jobs, Sink::File(t), 0));
    }
    let Some(dir) = &args.out_dir else { return Ok((jobs, Sink::Stdout(io::stdout().lock()), 0)) };
    let rels: Vec<&Path> = jobs.iter().map(|j| j.rel.as_path()).collect();
    let displays: Vec<&str> = jobs.iter().map(|j| j.display.as_str()).collect();
    let mut names = match files::out_names(dir, &rels, &displays) {
        Ok(n) => n,
        Err(clashes) => {
            for c in &clashes {
                eprintln!("newsparse: {c}");
            }
            bail!(
                "{}: nothing written: {} would be overwritten by another page; convert such pages in separate runs",
                dir.display(),
                super::count(clashes.len() as u64, "file", "files")
            );
        }
    };
    let before = jobs.len();
    if args.skip_existing {
        let keep: Vec<bool> = names.iter().map(|n| !dir.join(n).exists()).collect();
        let mut it = keep.iter();
        jobs.retain(|_| *it.next().unwrap_or(&true));
        let mut it = keep.iter();
        names.retain(|_| *it.next().unwrap_or(&true));
    }
    let skipped = before - jobs.len();
    let by_job = jobs.iter().zip(names).map(|(j, n)| (j.display.clone(), dir.join(n))).collect();
    Ok((jobs, Sink::Dir(by_job), skipped))
}

/// A bar on stderr when it is a terminal, but not when the records go to that same screen:
/// its redraws would leave stale lines between them.
fn show_bar(quiet: bool, to_stdout: bool) -> bool {
    !quiet && io::stderr().is_terminal() && !(to_stdout && io::stdout().is_terminal())
}

fn convert(args: &ConvertArgs, jobs: &[Job], mut sink: Sink, run: &mut Run) -> Sink {
    let limits = args.parse.limits();
    let pretty = args.pretty;
    // --skip-existing within WARC files: a page whose file is there is not parsed again.
    let resume = match &sink {
        Sink::Dir(names) if args.skip_existing => Some(names.clone()),
        _ => None,
    };
    let done = |job: &Job, at: u64| resume.as_ref().is_some_and(|n| warc_page_path(&n[&job.display], at).exists());
    // Any file may turn out to be a WARC file: it then stands for all the pages in it.
    newsparse::warc::run_pages(
        jobs,
        args.parse.threads(),
        &limits,
        done,
        |r| {
            let mut s =
                if pretty { serde_json::to_string_pretty(&r) } else { serde_json::to_string(&r) }.unwrap_or_default();
            s.push('\n');
            s
        },
        |job, outcome| {
            let (name, warc_offset, result) = match outcome {
                Unit::Page { name, warc_offset, result } => (name, warc_offset, result),
                Unit::PassedOver { .. } => {
                    (run.saw_warc, run.passed_over) = (true, run.passed_over + 1);
                    return true;
                }
                Unit::Skipped => {
                    (run.saw_warc, run.progress.skipped) = (true, run.progress.skipped + 1);
                    return true;
                }
            };
            run.saw_warc |= warc_offset.is_some();
            run.progress.tick();
            let keep_going = match result {
                Ok(line) => match write(&mut sink, job, warc_offset, line.as_bytes()) {
                    Ok(()) => {
                        run.progress.parsed += 1;
                        true
                    }
                    Err(e) => {
                        run.fatal = Some(e);
                        false
                    }
                },
                Err(e) => {
                    run.progress.error(&name, &e.to_string());
                    run.progress.failed += 1;
                    !args.parse.fail_fast
                }
            };
            run.stopped |= !keep_going;
            keep_going
        },
    );
    sink
}

/// Writes one record. Under `--out-dir` a page of a WARC file gets a file of its own, named by
/// its offset in a folder named after the WARC file: `crawl.warc.gz` -> `crawl/1234.json`.
fn write(sink: &mut Sink, job: &Job, warc_offset: Option<u64>, data: &[u8]) -> anyhow::Result<()> {
    match sink {
        Sink::Stdout(out) => out.write_all(data).context("writing output"),
        Sink::File(t) => t.write_all(data).with_context(|| t.path().display().to_string()),
        Sink::Dir(names) => {
            let path = match warc_offset {
                Some(at) => warc_page_path(&names[&job.display], at),
                None => names[&job.display].clone(),
            };
            files::write_atomic(&path, data).with_context(|| path.display().to_string())
        }
    }
}

/// The file of the page at `offset` of a WARC file whose own name would be `file`.
fn warc_page_path(file: &Path, offset: u64) -> PathBuf {
    file.with_extension("").join(format!("{offset}.json"))
}

/// Flushes or renames the output, prints the summary and says how the run went.
fn finish(sink: Sink, mut run: Run, summary: bool) -> Outcome {
    if let Some(e) = run.fatal.take() {
        if super::is_broken_pipe(&e) {
            // Whoever reads has what they wanted: no summary, exit 0.
            return Err(e);
        }
        eprintln!("newsparse: {}", super::message(&e));
        run.progress.failed += 1;
    }
    match sink {
        Sink::Stdout(mut out) => out.flush().context("writing output")?,
        Sink::File(t) if !run.stopped => {
            if let Err(e) = t.finish() {
                eprintln!("newsparse: {}", super::message(&e));
                run.progress.failed += 1;
            }
        }
        Sink::File(t) => {
            eprintln!("newsparse: {}: not written, the run did not complete", t.path().display());
        }
        Sink::Dir(_) => {}
    }
    if summary {
        eprintln!("{}", newsparse::warc::summary(&run.progress, run.passed_over));
    }
    Ok(run.progress.failed == 0)
}
