//! The `newsparse` command: argument parsing, output and exit codes. The work is in the
//! library.

mod archive_cli;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use newsparse::Limits;
use newsparse::batch::{self, Job, Progress};
use newsparse::warc::Outcome;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn saved news-article pages into JSON records.
///
/// Reads pages saved from news portals — HTML ("Save page as"), single-file MHTML, gzip-compressed
/// pages, or text copied out of the browser — and prints one JSON record per page (JSON Lines),
/// in argument order; folders are walked recursively in sorted order. A page that fails is
/// reported on stderr as `newsparse: PATH: reason`; the others still print.
///
/// Exit status: 0 every input parsed, 1 some input failed, 2 usage error.
#[derive(Parser, Debug)]
#[command(
    name = "newsparse",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    convert: ConvertArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Keep records in a compact archive file (zstd-compressed JSON Lines with an index).
    #[command(subcommand)]
    Archive(archive_cli::ArchiveCommand),
}

#[derive(Args, Debug)]
struct ConvertArgs {
    /// Saved pages or folders of them; `-` reads one page from standard input.
    #[arg(value_name = "PATH", required_unless_present = "generate")]
    inputs: Vec<String>,

    /// Indent each record for reading.
    #[arg(long)]
    pretty: bool,

    /// Write the records to FILE instead of standard output (renamed into place when complete).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    output: Option<PathBuf>,

    /// Write one `.json` file per page into DIR, mirroring the folders' relative paths.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// With --out-dir: leave pages whose `.json` already exists alone (resume a run).
    #[arg(long, requires = "out_dir")]
    skip_existing: bool,

    #[command(flatten)]
    parse: ParseArgs,

    /// Print a man page or shell completions and exit.
    #[arg(long, value_name = "WHAT")]
    generate: Option<Generate>,
}

/// How pages are read and parsed; shared by conversion and `archive add`.
#[derive(Args, Debug, Clone)]
pub struct ParseArgs {
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Stop at the first page that fails.
    #[arg(long)]
    pub fail_fast: bool,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Largest input file accepted (suffixes K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_size: u64,

    /// Largest decompressed size of a gzip input or container part (suffixes K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_decompressed: u64,

    /// Deepest element nesting kept; deeper elements are flattened into their ancestor, with a
    /// warning.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_depth)]
    pub max_depth: usize,

    /// Body paragraphs kept per page; the rest are dropped with a warning.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_paragraphs)]
    pub max_paragraphs: usize,

    /// Related teasers kept per page; the rest are dropped with a warning.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_teasers)]
    pub max_teasers: usize,

    /// Time one page may take; a slower page fails and the batch goes on (0: no limit).
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = parse_secs)]
    pub page_timeout: f64,
}

impl ParseArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_input: self.max_size,
            max_decompressed: self.max_decompressed,
            max_depth: self.max_depth,
            max_paragraphs: self.max_paragraphs,
            max_teasers: self.max_teasers,
            page_timeout: (self.page_timeout > 0.0).then(|| std::time::Duration::from_secs_f64(self.page_timeout)),
        }
    }

    pub fn threads(&self) -> usize {
        self.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Generate {
    Man,
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=1e9).contains(&v) => Ok(v),
        _ => Err(format!("not a number of seconds: {s}")),
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim().parse::<u64>().ok().and_then(|n| n.checked_mul(mult)).ok_or_else(|| format!("not a size: {s}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Archive(cmd)) => archive_cli::run(cmd),
        None => match cli.convert.generate {
            Some(what) => generate(what),
            None => convert(cli.convert),
        },
    }
}

fn generate(what: Generate) -> ExitCode {
    let mut cmd = Cli::command();
    let mut out = io::stdout();
    let shell = match what {
        Generate::Man => {
            return match clap_mangen::Man::new(cmd).render(&mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail_io(e),
            };
        }
        Generate::Bash => clap_complete::Shell::Bash,
        Generate::Zsh => clap_complete::Shell::Zsh,
        Generate::Fish => clap_complete::Shell::Fish,
        Generate::Elvish => clap_complete::Shell::Elvish,
        Generate::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "newsparse", &mut out);
    ExitCode::SUCCESS
}

fn fail_io(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("newsparse: {e}");
    ExitCode::from(1)
}

/// Where converted records go.
enum Sink {
    Stdout(io::StdoutLock<'static>),
    /// Written under a temporary name beside FILE, renamed when the run completes.
    File(BufWriter<tempfile::NamedTempFile>, PathBuf),
    Dir(PathBuf),
}

/// `a/b.html.gz` -> `a/b.json`: the page's own extensions replaced.
fn json_name(rel: &Path) -> PathBuf {
    let mut p = rel.to_path_buf();
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        p.set_extension("");
    }
    p.set_extension("json");
    p
}

fn convert(args: ConvertArgs) -> ExitCode {
    let walk = batch::walk(&args.inputs);
    let limits = args.parse.limits();
    // Decided before `--skip-existing` thins the jobs: a resumed folder run still gets its summary.
    let many = walk.had_dir || walk.jobs.len() > 1;
    let mut skipped = walk.skipped;
    let mut jobs: Vec<Job> = walk.jobs;
    // Output names: `b.html` -> `b.json`, unless two pages would collide (`b.html`, `b.txt`).
    let mut out_names: Vec<PathBuf> = jobs.iter().map(|j| json_name(&j.rel)).collect();
    if let Some(dir) = &args.out_dir {
        let mut count = std::collections::HashMap::new();
        for n in &out_names {
            *count.entry(n.clone()).or_insert(0) += 1;
        }
        for (n, j) in out_names.iter_mut().zip(&jobs) {
            if count[n] > 1 {
                *n = PathBuf::from(format!("{}.json", j.rel.display()));
            }
        }
        if args.skip_existing {
            let before = jobs.len();
            let keep: Vec<bool> = out_names.iter().map(|n| !dir.join(n).exists()).collect();
            let mut it = keep.iter();
            jobs.retain(|_| *it.next().unwrap_or(&true));
            let mut it = keep.iter();
            out_names.retain(|_| *it.next().unwrap_or(&true));
            skipped += before - jobs.len();
        }
    }
    // Counted after skipping, so the bar's total is the pages that will actually be parsed.
    let mut progress = Progress::new(jobs.len(), args.parse.quiet);
    progress.skipped = skipped;
    for (path, reason) in &walk.errors {
        progress.error(path, reason);
        progress.failed += 1;
    }
    let mut sink = match (&args.output, &args.out_dir) {
        (Some(file), _) => {
            let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            match tempfile::Builder::new().prefix(".newsparse-").tempfile_in(dir) {
                Ok(t) => Sink::File(BufWriter::new(t), file.clone()),
                Err(e) => {
                    eprintln!("newsparse: {}: cannot write here: {e}", file.display());
                    return ExitCode::from(1);
                }
            }
        }
        (None, Some(dir)) => Sink::Dir(dir.clone()),
        (None, None) => Sink::Stdout(io::stdout().lock()),
    };
    let pretty = args.pretty;
    let mut stopped = false;
    let mut out_error: Option<String> = None;
    let names: std::collections::HashMap<String, PathBuf> =
        jobs.iter().zip(&out_names).map(|(j, n)| (j.display.clone(), n.clone())).collect();
    let mut saw_warc = false;
    let mut passed_over = 0usize;
    // Any file may turn out to be a WARC file: it then stands for all the pages in it.
    newsparse::warc::run_pages(
        &jobs,
        args.parse.threads(),
        &limits,
        |r| {
            let mut s =
                if pretty { serde_json::to_string_pretty(&r) } else { serde_json::to_string(&r) }.unwrap_or_default();
            s.push('\n');
            s
        },
        |job, outcome| {
            let (name, warc_offset, result) = match outcome {
                Outcome::Page { name, warc_offset, result } => (name, warc_offset, result),
                Outcome::PassedOver { .. } => {
                    (saw_warc, passed_over) = (true, passed_over + 1);
                    return true;
                }
            };
            saw_warc |= warc_offset.is_some();
            progress.tick();
            match result {
                Ok(line) => {
                    let written = match &mut sink {
                        Sink::Stdout(out) => out.write_all(line.as_bytes()),
                        Sink::File(w, _) => w.write_all(line.as_bytes()),
                        Sink::Dir(dir) => {
                            let mut out = names[&job.display].clone();
                            if let Some(at) = warc_offset {
                                // One file per page of a WARC file: `crawl.warc.gz` -> `crawl/1234.json`.
                                out = out.with_extension("").join(format!("{at}.json"));
                            }
                            write_atomic(&dir.join(out), line.as_bytes())
                        }
                    };
                    match written {
                        Ok(()) => progress.parsed += 1,
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                            stopped = true;
                            return false;
                        }
                        Err(e) => {
                            out_error = Some(e.to_string());
                            stopped = true;
                            return false;
                        }
                    }
                }
                Err(e) => {
                    progress.error(&name, &e.to_string());
                    progress.failed += 1;
                    if args.parse.fail_fast {
                        stopped = true;
                        return false;
                    }
                }
            }
            true
        },
    );
    progress.finish();
    let mut code = if progress.failed > 0 { 1 } else { 0 };
    if let Some(e) = &out_error {
        eprintln!("newsparse: writing output: {e}");
        code = 1;
    }
    match sink {
        Sink::Stdout(mut out) => {
            if let Err(e) = out.flush()
                && e.kind() != io::ErrorKind::BrokenPipe
            {
                eprintln!("newsparse: writing output: {e}");
                code = 1;
            }
        }
        Sink::File(w, file) => {
            let done = !stopped && out_error.is_none();
            let kept = done
                && w.into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|t| {
                        t.as_file().sync_all()?;
                        t.persist(&file).map_err(|e| e.error)
                    })
                    .map_err(|e| eprintln!("newsparse: {}: {e}", file.display()))
                    .is_ok();
            if !kept {
                eprintln!("newsparse: {}: not written, the run did not complete", file.display());
                code = 1;
            }
        }
        Sink::Dir(_) => {}
    }
    if !args.parse.quiet && (many || saw_warc) {
        eprintln!("{}", newsparse::warc::summary(&progress, passed_over));
    }
    ExitCode::from(code)
}

/// Writes a file under a temporary name and renames it, so no half file ever has the name.
fn write_atomic(path: &Path, data: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut t = tempfile::Builder::new().prefix(".newsparse-").tempfile_in(dir)?;
    t.write_all(data)?;
    t.persist(path).map_err(|e| e.error)?;
    Ok(())
}
