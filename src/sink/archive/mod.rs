//! The record archive: many records in one file that grows by appending, stays a standard
//! zstd file (`zstd -dc` prints the records as JSON Lines), and carries an index so that single
//! records and the listing are found without decompressing everything. The format is
//! described byte by byte in `docs/archive-format.md`.
//!
//! - [`Writer`] appends one add: data frames, an index frame, a footer; crash-safe and
//!   serialised by an exclusive file lock.
//! - [`Archive`] reads what the last intact footer covers: [`Archive::cat`],
//!   [`Archive::get`], [`Archive::list`], [`Archive::stats`].
//! - [`verify`] and [`salvage`] deal with damage, [`repair`] with an interrupted add.
//! - [`check_record`] holds a line of JSON Lines to the record contract before it is added.

mod check;
pub mod format;
mod read;
mod validate;
mod write;

pub use check::{Problem, SalvageReport, VerifyReport, salvage, verify};
pub use format::{format_id, parse_id};
pub use read::{Archive, Segment, Stats, TornTail};
pub use validate::{LineError, check_jsonl, check_record, jsonl_entries};
pub use write::{AddSummary, Entry, WriteOptions, Writer, repair};

use std::path::{Path, PathBuf};

/// What can go wrong with an archive; every variant names the file, and damage its offset.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{}: {reason}", path.display())]
    Io { path: PathBuf, reason: String },
    #[error("{}: not a newsparse archive: {reason}", path.display())]
    NotArchive { path: PathBuf, reason: String },
    #[error(
        "{}: archive format version {version} (at offset {offset}) is newer than this newsparse reads (version {}); upgrade newsparse",
        path.display(), format::VERSION
    )]
    NewerVersion { path: PathBuf, offset: u64, version: u16 },
    #[error("{}: damaged at offset {offset}: {what}", path.display())]
    Damaged { path: PathBuf, offset: u64, what: String },
    #[error("{0}")]
    Record(String),
    /// Writing the output failed (a closed pipe, a full disk).
    #[error("writing output: {0}")]
    Output(std::io::Error),
}

impl ArchiveError {
    pub(crate) fn io(path: &Path, e: std::io::Error) -> ArchiveError {
        ArchiveError::Io { path: path.to_path_buf(), reason: crate::Error::Io(e).to_string() }
    }
}

pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;
