//! `newsparse archive …` (stub until the archive lands).

use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ArchiveCommand {
    /// Print every record as JSON Lines.
    Cat {
        /// The archive file.
        archive: std::path::PathBuf,
    },
}

pub fn run(_cmd: ArchiveCommand) -> ExitCode {
    eprintln!("newsparse: archive: not implemented yet");
    ExitCode::from(2)
}
