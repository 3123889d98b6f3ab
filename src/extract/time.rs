//! Times as German pages write them, put into Europe/Berlin civil time. (Stub.)

use chrono::{DateTime, FixedOffset, NaiveDateTime};

/// A time found on a page, already in Europe/Berlin civil time with its offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: DateTime<FixedOffset>,
    /// false for a bare date (`8. Juli 2026`): `at` is then midnight.
    pub has_time: bool,
    /// false when the source gave no seconds (they are `:00`).
    pub has_seconds: bool,
    /// Set when the DST rule for a missing or repeated hour was applied.
    pub warning: Option<String>,
}

impl Stamp {
    pub fn rfc3339(&self) -> String {
        self.at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

pub fn berlin(_naive: NaiveDateTime) -> (DateTime<FixedOffset>, Option<String>) {
    unimplemented!()
}
pub fn parse_german(_s: &str) -> Option<Stamp> {
    None
}
pub fn parse_iso(_s: &str) -> Option<Stamp> {
    None
}
pub fn parse_js_date(_s: &str) -> Option<Stamp> {
    None
}
pub fn parse_rfc2822(_s: &str) -> Option<Stamp> {
    None
}
