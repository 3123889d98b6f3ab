//! newsparse turns one saved news page into one [`Record`].
//!
//! The work flows through four stages, one module each:
//! [`input`] (bytes, containers, charset) -> [`document`] (reading-order blocks) ->
//! [`extract`] (metadata, dpa patterns, body) -> [`record`] (the serde contract and its id).
//! [`sink`] writes records out. [`parse_page`] is the entry point that runs them in order.

pub mod batch;
pub mod document;
pub mod error;
pub mod extract;
pub mod input;
pub mod record;
pub mod sink;
pub mod text;

pub use error::{Error, Result};
pub use record::Record;

/// Bounds on what one page may cost; every one has a command-line flag to raise it.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file accepted, in bytes.
    pub max_input: u64,
    /// Largest decompressed size of a compressed input or container part, in bytes.
    pub max_decompressed: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_input: 64 << 20, max_decompressed: 64 << 20 }
    }
}

/// Parses one saved page. `path` is reported in `source.path` as given (`-` for stdin).
pub fn parse_page(bytes: &[u8], path: &str, limits: &Limits) -> Result<Record> {
    let input = input::read(bytes, limits)?;
    let doc = document::build(&input);
    extract::extract(&input, &doc, path)
}
