//! The binary's commands: conversion ([`convert`]) and `newsparse archive …` ([`archive`]),
//! with what they share: the page-reading flags, output files ([`files`]), interrupts
//! ([`signals`]) and the wording of errors. `main.rs` maps their outcome to an exit status in
//! one place.

pub mod archive;
pub mod convert;
pub mod files;
pub mod signals;

use clap::Args;
use newsparse::Limits;
use std::io;

/// How a command ended when it did not fail as a whole: `false` when some input failed (each
/// already reported on stderr), which is exit status 1.
pub type Outcome = anyhow::Result<bool>;

/// How pages are read and parsed; shared by conversion and `archive add`.
#[derive(Args, Debug, Clone)]
pub struct ParseArgs {
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Read more paths from FILE, one per line (`-`: standard input), after those given.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<std::path::PathBuf>,

    /// Stop at the first failure of any kind (a page, an unreadable folder entry, an output
    /// file).
    #[arg(long)]
    pub fail_fast: bool,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Largest input file accepted (10MB = 10,000,000 bytes; 64M, 64MiB = 64 × 2^20).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_size: u64,

    /// Largest decompressed size of a gzip input or container part (as --max-size).
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

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=1e9).contains(&v) => Ok(v),
        _ => Err(format!("not a number of seconds: {s}")),
    }
}

/// `123`, `64K`, `64M`, `1G` (binary, as always), `10KB`/`10MB`/`1GB` (decimal) and
/// `64KiB`/`64MiB`/`1GiB` (binary); case and a space before the unit do not matter.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = (&t[..split], t[split..].trim().to_ascii_lowercase());
    let mult: u64 = match unit.as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return Err(format!("not a size: {s} (use e.g. 500K, 10MB, 64MiB)")),
    };
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("not a size: {s} (use e.g. 500K, 10MB, 64MiB)"))
}

/// Whether an error is a closed output pipe (`newsparse … | head`), which ends a run quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let io = c.downcast_ref::<io::Error>().or_else(|| {
            match c.downcast_ref::<newsparse::sink::archive::ArchiveError>() {
                Some(newsparse::sink::archive::ArchiveError::Output(e)) => Some(e),
                _ => None,
            }
        });
        io.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The text after `newsparse: ` for an error: its context chain joined with `: `, without the
/// `(os error N)` that means nothing to a reader.
pub fn message(e: &anyhow::Error) -> String {
    e.chain().map(|c| without_os_error(&c.to_string())).collect::<Vec<_>>().join(": ")
}

/// `No such file or directory`, without ` (os error 2)`.
pub fn io_reason(e: &io::Error) -> String {
    without_os_error(&e.to_string())
}

/// Drops every ` (os error N)` from a message, wherever an I/O error was written into it.
fn without_os_error(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" (os error ") {
        out.push_str(&rest[..i]);
        rest = match rest[i..].find(')') {
            Some(j) => &rest[i + j + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// `1 record`, `2 records`, `1,234 records`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", newsparse::batch::thousands(n as usize), if n == 1 { one } else { many })
}

/// `1 byte`, `4096 bytes`: a byte count beside an offset, both as `dd` takes them.
pub fn bytes(n: u64) -> String {
    format!("{n} {}", if n == 1 { "byte" } else { "bytes" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_and_decimal_units() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("10 mb"), Ok(10_000_000));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("2GB"), Ok(2_000_000_000));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("10XB").is_err());
        assert!(parse_size("MB").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn messages_drop_os_error_numbers_and_count_right() {
        let e = anyhow::Error::from(io::Error::from_raw_os_error(2)).context("out/x.json");
        assert_eq!(message(&e), "out/x.json: No such file or directory");
        let e = anyhow::Error::msg("writing output: Broken pipe (os error 32); again (os error 32)");
        assert_eq!(message(&e), "writing output: Broken pipe; again");
        assert_eq!(count(1, "problem", "problems"), "1 problem");
        assert_eq!(count(1234, "add", "adds"), "1,234 adds");
    }
}
