//! Typed errors of the library; the binary maps them to `newsparse: PATH: reason` lines.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("empty input")]
    Empty,
    #[error("binary data, not a saved page ({0})")]
    Binary(String),
    #[error("input is {size} bytes, over the limit of {limit} bytes (raise it with --max-size)")]
    TooLarge { size: u64, limit: u64 },
    /// Standard input or a pipe holding more than `--max-size` (read up to the limit only).
    #[error("input is over the limit of {limit} bytes (raise it with --max-size)")]
    StreamTooLarge { limit: u64 },
    #[error("no article found: {0}")]
    NoArticle(String),
    #[error("decompressed size exceeds the limit of {limit} bytes (raise it with --max-decompressed)")]
    DecompressedTooLarge { limit: u64 },
    #[error("SingleFile self-extracting ZIP page; save it as plain HTML")]
    SingleFileZip,
    /// A container (gzip, MHTML) that cannot be unpacked; the text says why.
    #[error("{0}")]
    Container(String),
    /// The page's wall-clock budget (`--page-timeout`) ran out.
    #[error("took longer than {secs} s")]
    Timeout { secs: f64 },
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
    /// A bug: a parser component panicked on this page. Reported like any failure so that a
    /// batch goes on.
    #[error("internal error while parsing this page (a bug: please report it with the page)")]
    Internal,
}

/// `No such file or directory`, without the `(os error 2)` that means nothing to a reader.
fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
