//! The `newsparse` command: argument parsing, output and exit codes. All the work is in the
//! library.

use clap::Parser;
use newsparse::{Limits, parse_page};
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// Turn saved news-article pages (HTML, MHTML, copied text) into JSON records.
///
/// Prints one record per input as JSON Lines, in argument order. A failing input is reported
/// on stderr as `newsparse: PATH: reason` and the others still print.
///
/// Exit status: 0 all inputs parsed, 1 some input failed, 2 usage error.
#[derive(Parser, Debug)]
#[command(name = "newsparse", version, about, long_about)]
struct Cli {
    /// Saved pages to parse; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    inputs: Vec<String>,

    /// Indent each record for reading instead of one record per line.
    #[arg(long)]
    pretty: bool,

    /// Largest input accepted, in bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_size: u64,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, c)) if c.eq_ignore_ascii_case(&'k') => (&s[..i], 1u64 << 10),
        Some((i, c)) if c.eq_ignore_ascii_case(&'m') => (&s[..i], 1 << 20),
        Some((i, c)) if c.eq_ignore_ascii_case(&'g') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    num.trim().parse::<u64>().ok().and_then(|n| n.checked_mul(mult)).ok_or_else(|| format!("not a size: {s}"))
}

fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let limits = Limits { max_input: cli.max_size, ..Limits::default() };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for path in &cli.inputs {
        let result = read_input(path)
            .map_err(|e| newsparse::Error::Io(e).to_string())
            .and_then(|bytes| parse_page(&bytes, path, &limits).map_err(|e| e.to_string()));
        match result {
            Ok(record) => {
                let json =
                    if cli.pretty { serde_json::to_string_pretty(&record) } else { serde_json::to_string(&record) };
                let mut line = json.expect("records always serialise");
                line.push('\n');
                if let Err(e) = out.write_all(line.as_bytes()).and_then(|_| out.flush()) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return if failed { ExitCode::from(1) } else { ExitCode::SUCCESS };
                    }
                    eprintln!("newsparse: writing output: {e}");
                    return ExitCode::from(1);
                }
            }
            Err(reason) => {
                eprintln!("newsparse: {path}: {reason}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
