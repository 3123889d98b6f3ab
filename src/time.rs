//! Times as German pages write them, put into Europe/Berlin civil time.
//!
//! Every parser returns a [`Stamp`] whose `at` is Europe/Berlin civil time with the offset in
//! force then (`+01:00` in winter, `+02:00` in summer). Times written without an offset are
//! read as German civil time through [`berlin`]; times with an offset or zone are converted.
//! Nothing is ever filled in from the current date.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone};
use chrono_tz::Europe::Berlin;
use regex::{Captures, Regex};

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

/// Years outside this range are not taken as news dates (a `1970-01-01` default, typos).
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// German civil time (Europe/Berlin) for a wall-clock time, with a warning when the DST
/// rule had to decide: in the skipped hour (spring) the later offset applies, in the
/// repeated hour (autumn) the earlier, summer one.
pub fn berlin(naive: NaiveDateTime) -> (DateTime<FixedOffset>, Option<String>) {
    match Berlin.from_local_datetime(&naive) {
        LocalResult::Single(dt) => (dt.fixed_offset(), None),
        LocalResult::Ambiguous(earlier, _later) => {
            let at = earlier.fixed_offset();
            let warning = format!(
                "time {} occurs twice in Europe/Berlin; read as {}",
                naive.format("%Y-%m-%d %H:%M:%S"),
                at.offset()
            );
            (at, Some(warning))
        }
        LocalResult::None => {
            // The wall-clock time falls into a gap: take the offset in force after it.
            let after =
                (1..=12).filter_map(|step| naive.checked_add_signed(TimeDelta::minutes(30 * step))).find_map(|later| {
                    match Berlin.from_local_datetime(&later) {
                        LocalResult::Single(dt) | LocalResult::Ambiguous(_, dt) => {
                            Some(dt.fixed_offset().offset().to_owned())
                        }
                        LocalResult::None => None,
                    }
                });
            match after.and_then(|off| off.from_local_datetime(&naive).single()) {
                Some(at) => {
                    let warning = format!(
                        "time {} does not exist in Europe/Berlin; read as {}",
                        naive.format("%Y-%m-%d %H:%M:%S"),
                        at.offset()
                    );
                    (at, Some(warning))
                }
                None => fallback(naive),
            }
        }
    }
}

/// Only reached for wall-clock times at the very edge of chrono's range: read them as
/// UTC rather than panic.
fn fallback(naive: NaiveDateTime) -> (DateTime<FixedOffset>, Option<String>) {
    let utc = FixedOffset::east_opt(0).expect("zero offset is valid");
    let at = DateTime::from_naive_utc_and_offset(naive, utc);
    let warning =
        format!("time {} cannot be placed in Europe/Berlin; read as +00:00", naive.format("%Y-%m-%d %H:%M:%S"));
    (at, Some(warning))
}

/// A time whose offset is known, put into Berlin civil time.
fn to_berlin(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    at.with_timezone(&Berlin).fixed_offset()
}

fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// A wall-clock date and time of day (or none) as a Berlin stamp.
fn civil(date: NaiveDate, time: Option<(u32, u32, Option<u32>)>) -> Option<Stamp> {
    if !plausible(date) {
        return None;
    }
    let (naive, has_time, has_seconds) = match time {
        Some((h, m, s)) => (date.and_time(NaiveTime::from_hms_opt(h, m, s.unwrap_or(0))?), true, s.is_some()),
        None => (date.and_time(NaiveTime::MIN), false, false),
    };
    let (at, warning) = berlin(naive);
    Some(Stamp { at, has_time, has_seconds, warning })
}

/// A time written with an explicit offset, converted to Berlin civil time.
fn zoned(naive: NaiveDateTime, offset: FixedOffset, has_seconds: bool) -> Option<Stamp> {
    if !plausible(naive.date()) {
        return None;
    }
    let at = offset.from_local_datetime(&naive).single()?;
    let at = to_berlin(at);
    if !plausible(at.date_naive()) {
        return None;
    }
    Some(Stamp { at, has_time: true, has_seconds, warning: None })
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, i: usize) -> Option<T> {
    caps.get(i)?.as_str().parse().ok()
}

// ---------------------------------------------------------------------------------------
// German dates in running text
// ---------------------------------------------------------------------------------------

/// `08.01.2026`, `8.1.2026`, `10.02.26`.
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})").expect("valid regex"));

/// `8. Juli 2026`, `08. Januar 2026`, `8. Sept. 2026`, `8 Mrz 2026`.
static NAMED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d{1,2})(?:\.\s*|\s+)(januar|jänner|jaenner|jan|februar|feber|feb|märz|maerz|mrz|mär|mar|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez)\.?\s*(\d{4})",
    )
    .expect("valid regex")
});

/// `2026-01-08`, as some pages print it.
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));

/// A time of day right after a date: `- 15:10:39`, `, 15:10 Uhr`, ` um 9:05 Uhr`,
/// `, 23.15 Uhr` (a dot only with `Uhr`), `, 15 Uhr`, `T15:10`.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:T|\s*(?:[,\-–—|/·]\s*)?(?:(?:um|gegen|ab)\s+)?)(?:(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*Uhr\b|\s*(?-i:(p\.?\s?m\b\.?|P\.?\s?M\b\.?|a\.\s?m\.|A\.?\s?M\b\.?)))?|(\d{1,2})\.(\d{2})(?:\.(\d{2}))?\s*Uhr\b|(\d{1,2})\s*Uhr\b)",
    )
    .expect("valid regex")
});

/// A time of day right before a date: `15:10 Uhr, 08.01.2026`, `15:10 Uhr am 8. Juli 2026`.
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*Uhr)?\s*(?:[,|·–—-]|\bam\b)?\s*$")
        .expect("valid regex")
});

/// A German month name or abbreviation (`Juli`, `Sept`), any case.
pub fn is_month_name(word: &str) -> bool {
    month_number(word.trim_end_matches('.')).is_some()
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let m = match n.as_str() {
        "januar" | "jänner" | "jaenner" | "jan" => 1,
        "februar" | "feber" | "feb" => 2,
        "märz" | "maerz" | "mrz" | "mär" | "mar" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "dezember" | "dez" => 12,
        _ => return None,
    };
    Some(m)
}

/// True when the match at `at..end` stands on its own, not inside a longer number such as
/// a version (`v2.10.15`, `1.08.01.2026`) or an address (`192.168.1.10`).
fn free_standing(s: &str, at: usize, end: usize) -> bool {
    let mut before = s[..at].chars().rev();
    let before_ok = match before.next() {
        None => true,
        Some('.') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !(c.is_ascii_alphanumeric() || c == '_'),
    };
    let mut after = s[end..].chars();
    let after_ok = match after.next() {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        Some('.') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_ascii_alphabetic() || matches!(c, 'T' | 'U' | 'u'),
    };
    before_ok && after_ok
}

/// A date candidate: where it starts and ends, and the date.
struct Found {
    start: usize,
    end: usize,
    date: NaiveDate,
}

/// The first match of `re` in `s` that `accept` turns into a date.
fn first_date(s: &str, re: &Regex, accept: impl Fn(&Captures<'_>) -> Option<NaiveDate>) -> Option<Found> {
    let mut from = 0;
    while from <= s.len() {
        let caps = re.captures_at(s, from)?;
        let m = caps.get(0)?;
        if free_standing(s, m.start(), m.end())
            && let Some(date) = accept(&caps).filter(|d| plausible(*d))
        {
            return Some(Found { start: m.start(), end: m.end(), date });
        }
        // All patterns open with an ASCII digit, so the next byte is a char boundary.
        from = m.start() + 1;
    }
    None
}

fn numeric(caps: &Captures<'_>) -> Option<NaiveDate> {
    let (d, m, y) = (caps.get(1)?.as_str(), caps.get(2)?.as_str(), caps.get(3)?.as_str());
    let year: i32 = y.parse().ok()?;
    let year = if y.len() == 2 {
        // A two-digit year only with a zero-padded day and month (`10.02.26`), so that
        // version numbers such as `1.2.30` do not read as dates.
        if d.len() != 2 || m.len() != 2 {
            return None;
        }
        2000 + year
    } else {
        year
    };
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

fn named(caps: &Captures<'_>) -> Option<NaiveDate> {
    let month = month_number(caps.get(2)?.as_str())?;
    NaiveDate::from_ymd_opt(num(caps, 3)?, month, num(caps, 1)?)
}

fn iso_date(caps: &Captures<'_>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(num(caps, 1)?, num(caps, 2)?, num(caps, 3)?)
}

/// The time of day written right after a date, if any.
fn time_after(rest: &str) -> Option<(u32, u32, Option<u32>)> {
    let caps = TIME_AFTER.captures(rest)?;
    let end = caps.get(0)?.end();
    if rest[end..].chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = if caps.get(1).is_some() {
        let h = num(&caps, 1)?;
        // A 12-hour clock (`4:55 PM`, `12:05 a.m.`); a bare lowercase `am` is German ("on").
        let h = match caps.get(4).map(|m| m.as_str().starts_with(['p', 'P'])) {
            Some(_) if !(1..=12).contains(&h) => return None,
            Some(pm) => h % 12 + if pm { 12 } else { 0 },
            None => h,
        };
        (h, num(&caps, 2)?, caps.get(3).and_then(|m| m.as_str().parse().ok()))
    } else if caps.get(5).is_some() {
        (num(&caps, 5)?, num(&caps, 6)?, caps.get(7).and_then(|m| m.as_str().parse().ok()))
    } else {
        (num(&caps, 8)?, 0, None)
    };
    NaiveTime::from_hms_opt(t.0, t.1, t.2.unwrap_or(0))?;
    Some(t)
}

/// The time of day written right before a date (`15:10 Uhr, 08.01.2026`), if any.
fn time_before(head: &str) -> Option<(u32, u32, Option<u32>)> {
    // Only the last few characters matter; cut on a char boundary.
    let mut cut = head.len().saturating_sub(40);
    while !head.is_char_boundary(cut) {
        cut += 1;
    }
    let caps = TIME_BEFORE.captures(&head[cut..])?;
    let t = (num(&caps, 1)?, num(&caps, 2)?, caps.get(3).and_then(|m| m.as_str().parse().ok()));
    NaiveTime::from_hms_opt(t.0, t.1, t.2.unwrap_or(0))?;
    Some(t)
}

/// Finds the first German-written date in `s` (`08.01.2026 - 15:10:39`, `8. Juli 2026 um
/// 9:05 Uhr`, `10.02.26`, `2026-01-08 15:10`) with the time of day next to it, and reads it
/// as German civil time. A bare date gives midnight with `has_time` false; a time of day
/// without any date gives `None`.
pub fn parse_german(s: &str) -> Option<Stamp> {
    let found =
        [first_date(s, &NUMERIC_DATE, numeric), first_date(s, &NAMED_DATE, named), first_date(s, &ISO_DATE, iso_date)]
            .into_iter()
            .flatten()
            .min_by_key(|f| f.start)?;
    let time = time_after(&s[found.end..]).or_else(|| time_before(&s[..found.start]));
    civil(found.date, time)
}

/// A clock time standing alone in a line: `16:38`, `9:05:12`, `4:24 p.m.`, `23.15 Uhr`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\d.:])(?:(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?|(\d{1,2})\.(\d{2})\s*Uhr\b)(?:[^\d.:]|$)")
        .expect("valid regex")
});

/// A date without time of day (a `<time datetime="2026-04-30">`) completed by the one clock
/// time printed beside it (`30/04/2026 - 16:38`): German civil time like every printed time.
/// None when the text holds no clock time or more than one.
pub fn with_clock(date: &Stamp, text: &str) -> Option<Stamp> {
    let mut found = CLOCK.captures_iter(text);
    let caps = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let (mut h, m, sec): (u32, u32, Option<u32>) = if caps.get(1).is_some() {
        (num(&caps, 1)?, num(&caps, 2)?, caps.get(3).and_then(|x| x.as_str().parse().ok()))
    } else {
        (num(&caps, 5)?, num(&caps, 6)?, None)
    };
    if let Some(half) = caps.get(4) {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = h % 12 + if half.as_str().eq_ignore_ascii_case("p") { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0))?;
    civil(date.at.date_naive(), Some((h, m, sec)))
}

// ---------------------------------------------------------------------------------------
// Machine-written forms
// ---------------------------------------------------------------------------------------

/// `2026-01-08T15:10:39.123+01:00`, `2026-01-08 15:10`, `2026-01-08`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|utc|gmt|([+-])(\d{2})(?::?(\d{2}))?)?)?$",
    )
    .expect("valid regex")
});

/// An offset from sign, hours and minutes.
fn offset(sign: &str, hours: u32, minutes: u32) -> Option<FixedOffset> {
    if hours > 23 || minutes > 59 {
        return None;
    }
    let secs = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    FixedOffset::east_opt(if sign == "-" { -secs } else { secs })
}

/// Reads a metadata time (`article:published_time`, JSON-LD `datePublished`, `<time
/// datetime>`). With an offset or `Z` it is converted to Berlin civil time; without one it is
/// German civil time. Fractional seconds are dropped.
pub fn parse_iso(s: &str) -> Option<Stamp> {
    let caps = ISO.captures(s.trim())?;
    let date = NaiveDate::from_ymd_opt(num(&caps, 1)?, num(&caps, 2)?, num(&caps, 3)?)?;
    if caps.get(4).is_none() {
        return civil(date, None);
    }
    let (h, m) = (num(&caps, 4)?, num(&caps, 5)?);
    let sec: Option<u32> = caps.get(6).and_then(|x| x.as_str().parse().ok());
    match caps.get(7) {
        None => civil(date, Some((h, m, sec))),
        Some(_) => {
            let off = if caps.get(8).is_some() {
                let mins = caps.get(10).map_or(Some(0), |x| x.as_str().parse().ok())?;
                offset(caps.get(8)?.as_str(), num(&caps, 9)?, mins)?
            } else {
                FixedOffset::east_opt(0)?
            };
            let naive = date.and_time(NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0))?);
            zoned(naive, off, sec.is_some())
        }
    }
}

const EN_MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn en_month(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    EN_MONTHS.iter().position(|m| *m == n).and_then(|i| u32::try_from(i + 1).ok())
}

/// `Thu Jan 08 2026 15:12:00 GMT+0100 (Mitteleuropäische Normalzeit)`.
static JS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:gmt|utc)\s*([+-])(\d{2}):?(\d{2})",
    )
    .expect("valid regex")
});

/// Reads JavaScript's `Date.prototype.toString()` form as SingleFile writes it into its
/// `saved date` header, with or without the parenthesised zone name.
pub fn parse_js_date(s: &str) -> Option<Stamp> {
    let caps = JS_DATE.captures(s)?;
    let date = NaiveDate::from_ymd_opt(num(&caps, 3)?, en_month(caps.get(1)?.as_str())?, num(&caps, 2)?)?;
    let sec: Option<u32> = caps.get(6).and_then(|x| x.as_str().parse().ok());
    let time = NaiveTime::from_hms_opt(num(&caps, 4)?, num(&caps, 5)?, sec.unwrap_or(0))?;
    let off = offset(caps.get(7)?.as_str(), num(&caps, 8)?, num(&caps, 9)?)?;
    zoned(date.and_time(time), off, sec.is_some())
}

/// `Thu, 8 Jan 2026 15:12:00 +0100`, `Thu, 08 Jan 2026 14:12:00 -0000 (UTC)`.
static RFC2822: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{3},?\s*)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|(ut|utc|gmt|z)|(est|edt|cst|cdt|mst|mdt|pst|pdt))?\s*(?:\(.*\))?$",
    )
    .expect("valid regex")
});

/// Reads an RFC 2822 date (MHTML's `Date:` header) and converts it to Berlin civil time.
/// A header without any zone is read as German civil time.
pub fn parse_rfc2822(s: &str) -> Option<Stamp> {
    let caps = RFC2822.captures(s.trim())?;
    let y = caps.get(3)?.as_str();
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        // RFC 2822 4.3: two-digit years below 50 are 20xx, others 19xx.
        year += if year < 50 { 2000 } else { 1900 };
    }
    let date = NaiveDate::from_ymd_opt(year, en_month(caps.get(2)?.as_str())?, num(&caps, 1)?)?;
    let sec: Option<u32> = caps.get(6).and_then(|x| x.as_str().parse().ok());
    let (h, m) = (num(&caps, 4)?, num(&caps, 5)?);
    let off = if let Some(sign) = caps.get(7) {
        offset(sign.as_str(), num(&caps, 8)?, num(&caps, 9)?)?
    } else if caps.get(10).is_some() {
        FixedOffset::east_opt(0)?
    } else if let Some(us) = caps.get(11) {
        let hours = match us.as_str().to_ascii_lowercase().as_str() {
            "edt" => -4,
            "est" | "cdt" => -5,
            "cst" | "mdt" => -6,
            "mst" | "pdt" => -7,
            _ => -8,
        };
        FixedOffset::east_opt(hours * 3600)?
    } else {
        return civil(date, Some((h, m, sec)));
    };
    let naive = date.and_time(NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0))?);
    zoned(naive, off, sec.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn german(s: &str) -> String {
        parse_german(s).unwrap_or_else(|| panic!("no date in {s:?}")).rfc3339()
    }

    #[test]
    fn berlin_winter_and_summer() {
        assert_eq!(berlin(naive("2026-01-08 15:10:39")).0.to_rfc3339(), "2026-01-08T15:10:39+01:00");
        assert_eq!(berlin(naive("2026-07-08 09:05:00")).0.to_rfc3339(), "2026-07-08T09:05:00+02:00");
        assert_eq!(berlin(naive("2026-07-08 09:05:00")).1, None);
    }

    #[test]
    fn berlin_spring_forward() {
        let (at, w) = berlin(naive("2026-03-29 01:59:59"));
        assert_eq!(at.to_rfc3339(), "2026-03-29T01:59:59+01:00");
        assert_eq!(w, None);
        let (at, w) = berlin(naive("2026-03-29 02:00:00"));
        assert_eq!(at.to_rfc3339(), "2026-03-29T02:00:00+02:00");
        assert!(w.is_some());
        let (at, w) = berlin(naive("2026-03-29 02:30:00"));
        assert_eq!(at.to_rfc3339(), "2026-03-29T02:30:00+02:00");
        assert_eq!(w.as_deref(), Some("time 2026-03-29 02:30:00 does not exist in Europe/Berlin; read as +02:00"));
        let (at, w) = berlin(naive("2026-03-29 03:00:00"));
        assert_eq!(at.to_rfc3339(), "2026-03-29T03:00:00+02:00");
        assert_eq!(w, None);
    }

    #[test]
    fn berlin_fall_back() {
        let (at, w) = berlin(naive("2026-10-25 01:30:00"));
        assert_eq!(at.to_rfc3339(), "2026-10-25T01:30:00+02:00");
        assert_eq!(w, None);
        let (at, w) = berlin(naive("2026-10-25 02:30:00"));
        assert_eq!(at.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(w.as_deref(), Some("time 2026-10-25 02:30:00 occurs twice in Europe/Berlin; read as +02:00"));
        let (at, w) = berlin(naive("2026-10-25 03:00:00"));
        assert_eq!(at.to_rfc3339(), "2026-10-25T03:00:00+01:00");
        assert_eq!(w, None);
    }

    #[test]
    fn berlin_extremes_do_not_panic() {
        let _ = berlin(NaiveDateTime::MIN);
        let _ = berlin(NaiveDateTime::MAX);
    }

    #[test]
    fn german_numeric_forms() {
        let s = parse_german("08.01.2026 - 15:10:39").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:39+01:00");
        assert!(s.has_time && s.has_seconds && s.warning.is_none());
        let s = parse_german("Stand: 08.01.2026, 15:10 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:00+01:00");
        assert!(s.has_time && !s.has_seconds);
        assert_eq!(german("08.01.2026 15:10"), "2026-01-08T15:10:00+01:00");
        assert_eq!(german("8.1.2026, 9:05 Uhr"), "2026-01-08T09:05:00+01:00");
        assert_eq!(german("(Boerse, 10.02.2026 - 18:29)"), "2026-02-10T18:29:00+01:00");
        assert_eq!(german("2026-01-08 15:10"), "2026-01-08T15:10:00+01:00");
        assert_eq!(german("Aktualisiert: 15:10 Uhr, 08.01.2026"), "2026-01-08T15:10:00+01:00");
    }

    #[test]
    fn german_tight_punctuation() {
        assert_eq!(german("Fr.08.01.2026"), "2026-01-08T00:00:00+01:00");
        assert_eq!(german("(Boerse,10.02.2026,18:29)"), "2026-02-10T18:29:00+01:00");
        assert_eq!(german("am 08.01.2026."), "2026-01-08T00:00:00+01:00");
        assert_eq!(german("2026-01-08T15:10"), "2026-01-08T15:10:00+01:00");
    }

    #[test]
    fn german_two_digit_years() {
        assert_eq!(german("10.02.26"), "2026-02-10T00:00:00+01:00");
        assert_eq!(german("(Boerse, 10.02.26 - 18:29)"), "2026-02-10T18:29:00+01:00");
    }

    #[test]
    fn german_dot_hour() {
        let s = parse_german("08.01.2026, 23.15 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T23:15:00+01:00");
        assert!(s.has_time && !s.has_seconds);
        // Without `Uhr` a dotted number is not a time.
        let s = parse_german("08.01.2026, 23.15 Prozent").unwrap();
        assert!(!s.has_time);
        assert_eq!(german("am 8. Juli 2026, 15 Uhr"), "2026-07-08T15:00:00+02:00");
    }

    #[test]
    fn german_month_names() {
        let s = parse_german("8. Juli 2026").unwrap();
        assert_eq!(s.rfc3339(), "2026-07-08T00:00:00+02:00");
        assert!(!s.has_time && !s.has_seconds);
        assert_eq!(german("8. Juli 2026, 14:30 Uhr"), "2026-07-08T14:30:00+02:00");
        assert_eq!(german("08. Januar 2026 um 15:10 Uhr"), "2026-01-08T15:10:00+01:00");
        assert_eq!(german("Veröffentlicht am 8. Juli 2026 um 9:05 Uhr"), "2026-07-08T09:05:00+02:00");
        assert_eq!(german("3. Jan. 2026"), "2026-01-03T00:00:00+01:00");
        assert_eq!(german("3. Feb 2026"), "2026-02-03T00:00:00+01:00");
        assert_eq!(german("3. März 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(german("3. Maerz 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(german("3. Mrz. 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(german("3. Sept. 2026"), "2026-09-03T00:00:00+02:00");
        assert_eq!(german("3. Okt 2026"), "2026-10-03T00:00:00+02:00");
        assert_eq!(german("24. DEZEMBER 2026"), "2026-12-24T00:00:00+01:00");
    }

    #[test]
    fn german_dst_switches() {
        let s = parse_german("29.03.2026, 02:30 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-03-29T02:30:00+02:00");
        assert_eq!(
            s.warning.as_deref(),
            Some("time 2026-03-29 02:30:00 does not exist in Europe/Berlin; read as +02:00")
        );
        let s = parse_german("25. Oktober 2026 um 2:30 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(
            s.warning.as_deref(),
            Some("time 2026-10-25 02:30:00 occurs twice in Europe/Berlin; read as +02:00")
        );
    }

    #[test]
    fn german_rejects() {
        assert_eq!(parse_german("32.01.2026"), None);
        assert_eq!(parse_german("29.02.2025"), None);
        assert_eq!(parse_german("31. April 2026"), None);
        assert_eq!(parse_german("01.01.1970"), None);
        assert_eq!(parse_german("01.01.2150"), None);
        assert_eq!(parse_german("15:10 Uhr"), None);
        assert_eq!(parse_german("um 23.15 Uhr"), None);
        assert_eq!(parse_german("Version 1.2.3"), None);
        assert_eq!(parse_german("v2.10.15"), None);
        assert_eq!(parse_german("1.2.30"), None);
        assert_eq!(parse_german("1.000,50 Euro"), None);
        assert_eq!(parse_german("192.168.1.10"), None);
        assert_eq!(parse_german("1.08.01.2026"), None);
        assert_eq!(parse_german(""), None);
        assert_eq!(parse_german("Keine Zeitangabe hier."), None);
        // A valid leap day is fine.
        assert_eq!(german("29.02.2028"), "2028-02-29T00:00:00+01:00");
        // An impossible time leaves the date alone.
        let s = parse_german("08.01.2026 - 25:61").unwrap();
        assert!(!s.has_time);
    }

    #[test]
    fn german_first_date_wins() {
        assert_eq!(german("Erschienen 07.01.2026 – aktualisiert 08.01.2026 15:10"), "2026-01-07T00:00:00+01:00");
        assert_eq!(german("Ab 8. Juli 2026 gilt, was am 09.07.2026 galt"), "2026-07-08T00:00:00+02:00");
    }

    #[test]
    fn german_never_panics_on_odd_input() {
        for s in ["99999999999.99999999999.9999", "ä.ö.ü", "1.1.", "äüö 31.12.2099 23:59:59 Uhr€", "0.0.00"] {
            let _ = parse_german(s);
        }
        assert_eq!(german("€€ 31.12.2099 23:59:59 Uhr"), "2099-12-31T23:59:59+01:00");
    }

    #[test]
    fn iso_forms() {
        let s = parse_iso("2026-01-08T14:10:39Z").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:39+01:00");
        assert!(s.has_time && s.has_seconds && s.warning.is_none());
        assert_eq!(parse_iso("2026-01-08T15:10:39+01:00").unwrap().rfc3339(), "2026-01-08T15:10:39+01:00");
        assert_eq!(parse_iso("2026-07-08T07:05:00+0000").unwrap().rfc3339(), "2026-07-08T09:05:00+02:00");
        assert_eq!(parse_iso("2026-01-08T15:10:39+0100").unwrap().rfc3339(), "2026-01-08T15:10:39+01:00");
        assert_eq!(parse_iso("2026-01-08T09:10:39-05:00").unwrap().rfc3339(), "2026-01-08T15:10:39+01:00");
        let s = parse_iso("2026-01-08T14:10:39.123Z").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:39+01:00");
        assert_eq!(s.at.timestamp_subsec_nanos(), 0);
        let s = parse_iso("2026-01-08T15:10").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:00+01:00");
        assert!(s.has_time && !s.has_seconds);
        assert_eq!(parse_iso(" 2026-01-08 15:10:39 ").unwrap().rfc3339(), "2026-01-08T15:10:39+01:00");
        let s = parse_iso("2026-01-08").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T00:00:00+01:00");
        assert!(!s.has_time);
        let s = parse_iso("2026-03-29T02:30").unwrap();
        assert_eq!(s.rfc3339(), "2026-03-29T02:30:00+02:00");
        assert!(s.warning.is_some());
        // With an offset the instant is unambiguous: no warning.
        let s = parse_iso("2026-10-25T01:30:00Z").unwrap();
        assert_eq!(s.rfc3339(), "2026-10-25T02:30:00+01:00");
        assert_eq!(s.warning, None);
    }

    #[test]
    fn iso_rejects() {
        for s in [
            "",
            "2026-13-01",
            "2026-02-30T10:00",
            "2026-01-08T24:00",
            "1970-01-01T00:00:00Z",
            "2026-01-08T15:10:39+99:00",
            "heute",
            "2026-01-08T15:10:39+01:00 extra",
        ] {
            assert_eq!(parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn js_date() {
        let s = parse_js_date("Thu Jan 08 2026 15:12:00 GMT+0100 (Mitteleuropäische Normalzeit)").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:12:00+01:00");
        assert!(s.has_seconds);
        assert_eq!(parse_js_date("Thu Jan 08 2026 15:12:00 GMT+0100").unwrap().rfc3339(), "2026-01-08T15:12:00+01:00");
        assert_eq!(
            parse_js_date("Wed Jul 08 2026 13:12:00 GMT+0000 (Coordinated Universal Time)").unwrap().rfc3339(),
            "2026-07-08T15:12:00+02:00"
        );
        assert_eq!(parse_js_date("Thu Jan 32 2026 15:12:00 GMT+0100"), None);
        assert_eq!(parse_js_date("Thu Jan 08 2026"), None);
    }

    #[test]
    fn rfc2822() {
        let s = parse_rfc2822("Thu, 8 Jan 2026 15:12:00 +0100").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:12:00+01:00");
        assert!(s.has_time && s.has_seconds);
        assert_eq!(parse_rfc2822("Thu, 08 Jan 2026 14:12:00 -0000").unwrap().rfc3339(), "2026-01-08T15:12:00+01:00");
        assert_eq!(parse_rfc2822("Wed, 08 Jul 2026 13:12:00 GMT").unwrap().rfc3339(), "2026-07-08T15:12:00+02:00");
        assert_eq!(parse_rfc2822("8 Jan 2026 09:12 -0500 (EST)").unwrap().rfc3339(), "2026-01-08T15:12:00+01:00");
        assert_eq!(parse_rfc2822("Thu, 8 Jan 26 15:12:00 +0100").unwrap().rfc3339(), "2026-01-08T15:12:00+01:00");
        assert_eq!(parse_rfc2822("Thu, 8 Foo 2026 15:12:00 +0100"), None);
        assert_eq!(parse_rfc2822(""), None);
    }

    #[test]
    fn a_twelve_hour_clock_after_the_date() {
        let at = |t: &str| parse_german(t).map(|s| s.rfc3339());
        assert_eq!(at("30 April 2026 4:55 PM").as_deref(), Some("2026-04-30T16:55:00+02:00"));
        assert_eq!(at("30.04.2026, 4:55 p.m.").as_deref(), Some("2026-04-30T16:55:00+02:00"));
        assert_eq!(at("30.04.2026, 12:05 a.m.").as_deref(), Some("2026-04-30T00:05:00+02:00"));
        assert_eq!(at("30.04.2026 12:05 AM").as_deref(), Some("2026-04-30T00:05:00+02:00"));
        // German `am` is "on", not a clock half.
        assert_eq!(at("30.04.2026, 12:05 am Rathaus").as_deref(), Some("2026-04-30T12:05:00+02:00"));
        assert_eq!(at("30.04.2026, 16:38 Uhr").as_deref(), Some("2026-04-30T16:38:00+02:00"));
    }

    #[test]
    fn a_bare_date_takes_the_clock_printed_beside_it() {
        let day = parse_iso("2026-04-30").unwrap();
        let at = |t: &str| with_clock(&day, t).map(|s| s.rfc3339());
        assert_eq!(at("30/04/2026 - 16:38").as_deref(), Some("2026-04-30T16:38:00+02:00"));
        assert_eq!(at("Apr 30, 2026, 4:24 p.m.").as_deref(), Some("2026-04-30T16:24:00+02:00"));
        assert_eq!(at("30. April, 12:05 am").as_deref(), Some("2026-04-30T00:05:00+02:00"));
        assert_eq!(at("30.04.2026, 9.05 Uhr").as_deref(), Some("2026-04-30T09:05:00+02:00"));
        assert_eq!(at("Veröffentlicht 30.04.2026 08:10:07").as_deref(), Some("2026-04-30T08:10:07+02:00"));
        // No clock, two clocks, or no clock time at all.
        assert_eq!(at("30.04.2026"), None);
        assert_eq!(at("10:00 bis 12:00"), None);
        assert_eq!(at("Spiel endet 25:61"), None);
    }
}
