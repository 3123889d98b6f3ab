//! newsparse turns one saved news page into one [`Record`].
//!
//! The work flows through four stages, one module each:
//! [`input`] (bytes, containers, charset) -> [`document`] (reading-order blocks) ->
//! [`extract`] (the article's parts, pass by pass, merged with metadata) -> [`record`] (the
//! serde contract and its id). [`text`] and [`time`] are shared by all stages; no stage uses
//! one after it. [`sink`] writes records out. [`parse_page`] is the entry point that runs them
//! in order.

pub mod batch;
pub mod document;
pub mod error;
pub mod extract;
pub mod input;
pub mod record;
pub mod sink;
pub mod text;
pub mod time;

pub use error::{Error, Result};
pub use record::Record;

use std::time::{Duration, Instant};

/// Bounds on what one page may cost; every one has a command-line flag to raise it.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file accepted, in bytes.
    pub max_input: u64,
    /// Largest decompressed size of a compressed input or container part, in bytes.
    pub max_decompressed: u64,
    /// Deepest element nesting kept; deeper elements are flattened into their ancestor at this
    /// depth (their text stays), with a warning.
    pub max_depth: usize,
    /// Body paragraphs kept; the rest are dropped with a warning.
    pub max_paragraphs: usize,
    /// Related teasers kept; the rest are dropped with a warning.
    pub max_teasers: usize,
    /// Wall-clock budget for one page; past it the page fails with [`Error::Timeout`]. `None`
    /// waits as long as it takes.
    pub page_timeout: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input: 64 << 20,
            max_decompressed: 64 << 20,
            max_depth: 512,
            max_paragraphs: 5000,
            max_teasers: 500,
            page_timeout: Some(Duration::from_secs(10)),
        }
    }
}

/// When the time for one page is up. Checked cooperatively by the stages that scale with the
/// input (the HTML tokenizer and tree walk, and between stages), never by interrupting a thread.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Option<Instant>,
    budget: Duration,
}

impl Deadline {
    pub fn new(budget: Option<Duration>) -> Deadline {
        Deadline { at: budget.and_then(|b| Instant::now().checked_add(b)), budget: budget.unwrap_or_default() }
    }

    /// A deadline that never passes.
    pub fn none() -> Deadline {
        Deadline::new(None)
    }

    pub fn passed(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(Timeout)` once the time is up.
    pub fn check(&self) -> Result<()> {
        if self.passed() { Err(Error::Timeout { secs: self.budget.as_secs_f64() }) } else { Ok(()) }
    }
}

/// Parses one saved page. `path` is reported in `source.path` as given (`-` for stdin).
pub fn parse_page(bytes: &[u8], path: &str, limits: &Limits) -> Result<Record> {
    // No input may take the process down: should a component still panic (a bug), this page
    // fails and the others go on.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_page_inner(bytes, path, limits)))
        .unwrap_or(Err(Error::Internal))
}

fn parse_page_inner(bytes: &[u8], path: &str, limits: &Limits) -> Result<Record> {
    let deadline = Deadline::new(limits.page_timeout);
    let input = input::read(bytes, limits)?;
    deadline.check()?;
    let doc = document::build(&input, limits, &deadline)?;
    deadline.check()?;
    let mut record = extract::extract(&input, &doc, path)?;
    deadline.check()?;
    cap_lists(&mut record, limits);
    Ok(record)
}

/// Keeps at most `max_paragraphs` paragraphs and `max_teasers` teasers, saying so in the
/// warnings. The id is taken again from what is kept, so it always matches the record's text.
fn cap_lists(record: &mut Record, limits: &Limits) {
    let total: usize = record.sections.iter().map(|s| s.paragraphs.len()).sum();
    if total > limits.max_paragraphs {
        let mut left = limits.max_paragraphs;
        for s in &mut record.sections {
            s.paragraphs.truncate(left);
            left -= s.paragraphs.len();
        }
        record.sections.retain(|s| !s.paragraphs.is_empty());
        record.warnings.push(format!(
            "only the first {} of {total} paragraphs kept (raise it with --max-paragraphs)",
            limits.max_paragraphs
        ));
        let at = record.timestamp.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        record.id = record::content_id(&record.headline, at.as_ref(), record.lead.as_deref(), &record.sections);
    }
    if record.teasers.len() > limits.max_teasers {
        record.warnings.push(format!(
            "only the first {} of {} teasers kept (raise it with --max-teasers)",
            limits.max_teasers,
            record.teasers.len()
        ));
        record.teasers.truncate(limits.max_teasers);
    }
}
