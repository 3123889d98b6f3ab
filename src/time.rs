//! Times as pages print them and metadata writes them, put into Europe/Berlin civil time.
//!
//! Every parser returns a [`Stamp`] whose `at` is Europe/Berlin civil time with the offset in
//! force then (`+01:00` in winter, `+02:00` in summer). Times written without an offset are
//! read as German civil time through [`berlin`]; times with an offset or zone are converted.
//! Nothing is ever filled in from the current date.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone};
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
// Printed dates
// ---------------------------------------------------------------------------------------

/// Month names and abbreviations, lowercase, as German, English, French, Italian, Spanish,
/// Portuguese, Dutch and Scandinavian pages print them. Abbreviations that are common words
/// elsewhere (`ago`, `set`, `out`, `des`) are left out.
const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("jaenner", 1),
    ("january", 1),
    ("januari", 1),
    ("janvier", 1),
    ("janv", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("enero", 1),
    ("ene", 1),
    ("jan", 1),
    ("februar", 2),
    ("feber", 2),
    ("february", 2),
    ("februari", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("febbraio", 2),
    ("febrero", 2),
    ("feb", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mrz", 3),
    ("mär", 3),
    ("march", 3),
    ("mars", 3),
    ("marts", 3),
    ("maart", 3),
    ("mrt", 3),
    ("marzo", 3),
    ("março", 3),
    ("mar", 3),
    ("april", 4),
    ("avril", 4),
    ("avr", 4),
    ("aprile", 4),
    ("abril", 4),
    ("abr", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("maggio", 5),
    ("mag", 5),
    ("mayo", 5),
    ("maio", 5),
    ("mei", 5),
    ("maj", 5),
    ("juni", 6),
    ("june", 6),
    ("juin", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junio", 6),
    ("junho", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("juillet", 7),
    ("juil", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julio", 7),
    ("julho", 7),
    ("jul", 7),
    ("august", 8),
    ("augusti", 8),
    ("augustus", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("aug", 8),
    ("september", 9),
    ("septembre", 9),
    ("settembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("octobre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("nov", 11),
    ("dezember", 12),
    ("december", 12),
    ("desember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dez", 12),
    ("dec", 12),
];

/// The month names of [`MONTHS`] as a regex alternation, longest first.
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

/// Numeric dates: `08.01.2026`, `8.1.2026`, `10.02.26`; slashed `30/04/2026` (day first unless
/// only month first is a date: `04/30/2026`); year first `2026-01-08`, `2026/01/08`,
/// `2026.01.08`.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})|(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})(?:-(\d{2})-(\d{2})|/(\d{1,2})/(\d{1,2})|\.(\d{2})\.(\d{2}))",
    )
    .expect("valid regex")
});

/// Day, month name, year: `8. Juli 2026`, `8. Sept. 2026`, `22 novembre 2024`, `3 de mayo de
/// 2024`, `13th October 2024`, `06 Jan 2026`.
static NAMED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})(?:st|nd|rd|th|er)?(?:\.\s*|\s+de\s+|\s+)({})\.?(?:\s+de)?,?\s*(\d{{4}})",
        month_alternation()
    ))
    .expect("valid regex")
});

/// English month first: `October 13, 2024`, `Oct. 13, 2024`, `OCT 13 2024`, `May 1st, 2024`;
/// the month name capitalised, so that a verb (`may`) does not open a date.
static MONTH_FIRST_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})").expect("valid regex")
});

/// The separator and the word that may stand between a date and its time of day (`, `,
/// ` - `, ` um `, ` at `, ` à `, ` alle `, ` a las `, ` kl. `), or `T`. The group is set when a
/// word joins them: then a dotted time (`kl. 10.23`) is a time of day without `Uhr`.
static TIME_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:T|\s*(?:[,\-–—|/·•@]\s*)?(?:(um|gegen|ab|at|à|às|a\s+las|a\s+la|alle\s+ore|alle|ore|om|kl|klo|klockan|klokken)(?:\.\s*|\s+))?)")
        .expect("valid regex")
});

/// A clock time: `15:10:39`, `9:05`, `23.15` (dotted), `07h22` (French), `15` (an hour, only
/// with `Uhr`).
static CLOCK_HERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{1,2})\.(\d{2})(?:\.(\d{2}))?|(\d{1,2})h(\d{2})|(\d{1,2}))")
        .expect("valid regex")
});

/// What may follow a clock time: `Uhr` (or Dutch `uur`), a half of a 12-hour clock (`PM`,
/// `p.m.`, `pm`, `a.m.`, `am`) and a zone (`MYT`, `(JST)`, `GMT+1`, `UTC-05:00`). A bare
/// lowercase `am` is read as a half only when no word follows (German `am` is "on").
static CLOCK_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\s*(?i:uhr|uur)(?-u:\b))?(?:\s*([ap]\.\s?m\.|[AP]\.?\s?M(?-u:\b)\.?|pm(?-u:\b)|am(?-u:\b)))?(?:\s*\(?((?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})(?-u:\b)\)?)?",
    )
    .expect("valid regex")
});

/// A clock time right before a date: `15:10 Uhr, 08.01.2026`, `15:10 Uhr am 8. Juli 2026`,
/// `17:41 JST, October 13, 2024`, `08:39, 06 Jan 2026`.
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?i:uhr))?(?:\s*([ap]\.\s?m\.|[AP]\.?\s?M(?-u:\b)\.?|pm(?-u:\b)))?(?:\s*\(?((?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})(?-u:\b)\)?)?\s*(?:[,|·–—-]|(?-u:\b)(?i:am|on)(?-u:\b))?\s*$",
    )
    .expect("valid regex")
});

/// A month name or abbreviation of [`MONTHS`] (`Juli`, `Sept`, `novembre`), any case.
pub fn is_month_name(word: &str) -> bool {
    month_number(word.trim_end_matches('.')).is_some()
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, number)| *number)
}

/// The English month names of [`MONTHS`], for dates that put the month first.
fn english_month(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let m = match n.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A zone a page writes after a clock time: a fixed offset, or a region whose offset depends
/// on the date (`ET`).
#[derive(Debug, Clone, Copy)]
enum Zone {
    Fixed(i32),
    Region(chrono_tz::Tz),
}

/// Zone abbreviations that name one zone only (not `IST`, `CST`, `AST`, `GST`, `MST`), with
/// their offset in minutes east of UTC.
const ZONES: &[(&str, i32)] = &[
    ("ACDT", 630),
    ("ACST", 570),
    ("AEDT", 660),
    ("AEST", 600),
    ("AKDT", -480),
    ("AKST", -540),
    ("AWST", 480),
    ("BST", 60),
    ("CEST", 120),
    ("CET", 60),
    ("EAT", 180),
    ("EDT", -240),
    ("EEST", 180),
    ("EET", 120),
    ("EST", -300),
    ("GMT", 0),
    ("HKT", 480),
    ("HST", -600),
    ("JST", 540),
    ("KST", 540),
    ("MESZ", 120),
    ("MEZ", 60),
    ("MSK", 180),
    ("MYT", 480),
    ("NZDT", 780),
    ("NZST", 720),
    ("OESZ", 180),
    ("OEZ", 120),
    ("PDT", -420),
    ("PHT", 480),
    ("PKT", 300),
    ("PST", -480),
    ("SAST", 120),
    ("SGT", 480),
    ("UTC", 0),
    ("WAT", 60),
    ("WEST", 60),
    ("WET", 0),
    ("WIB", 420),
];

/// A zone abbreviation of [`ZONES`], or `ET`/`PT`, as written: upper case.
pub fn is_zone_name(word: &str) -> bool {
    zone(word).is_some()
}

/// The zone an abbreviation (`JST`) or a UTC offset (`GMT+1`, `UTC-05:00`) names.
fn zone(s: &str) -> Option<Zone> {
    static OFFSET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$").expect("valid regex"));
    if let Some(caps) = OFFSET.captures(s) {
        let sign = if caps.get(1)?.as_str() == "+" { 1 } else { -1 };
        let (h, m): (i32, i32) = (num(&caps, 2)?, caps.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?);
        return (h <= 14 && m < 60).then_some(Zone::Fixed(sign * (h * 60 + m)));
    }
    match s {
        "ET" => Some(Zone::Region(chrono_tz::America::New_York)),
        "PT" => Some(Zone::Region(chrono_tz::America::Los_Angeles)),
        _ => ZONES.iter().find(|(z, _)| *z == s).map(|(_, minutes)| Zone::Fixed(*minutes)),
    }
}

/// True when the match at `at..end` stands on its own, not inside a longer number such as
/// a version (`v2.10.15`, `1.08.01.2026`), an address (`192.168.1.10`) or a path
/// (`/2026/01/08/`).
fn free_standing(s: &str, at: usize, end: usize) -> bool {
    let slashed = s[at..end].contains('/');
    let mut before = s[..at].chars().rev();
    let before_ok = match before.next() {
        None => true,
        Some('.') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some('/') => !slashed,
        Some(c) => !(c.is_ascii_alphanumeric() || c == '_'),
    };
    let mut after = s[end..].chars();
    let after_ok = match after.next() {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        Some('.') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some('/') => !slashed,
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
        // Every pattern opens with an ASCII digit or letter: the next byte is a char boundary.
        from = m.start() + 1;
    }
    None
}

fn numeric(caps: &Captures<'_>) -> Option<NaiveDate> {
    if caps.get(4).is_some() {
        return slashed(num(caps, 4)?, num(caps, 5)?, num(caps, 6)?);
    }
    if caps.get(7).is_some() {
        let (m, d) =
            [8, 10, 12].into_iter().find(|i| caps.get(*i).is_some()).map(|i| (num(caps, i), num(caps, i + 1)))?;
        return NaiveDate::from_ymd_opt(num(caps, 7)?, m?, d?);
    }
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

/// A slashed date is European, day first (`05/04/2026` is 5 April), unless only month first
/// gives a date (`04/30/2026`).
fn slashed(first: u32, second: u32, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, second, first).or_else(|| NaiveDate::from_ymd_opt(year, first, second))
}

fn named(caps: &Captures<'_>) -> Option<NaiveDate> {
    let month = month_number(caps.get(2)?.as_str())?;
    NaiveDate::from_ymd_opt(num(caps, 3)?, month, num(caps, 1)?)
}

fn month_first(caps: &Captures<'_>) -> Option<NaiveDate> {
    let month = english_month(caps.get(1)?.as_str())?;
    NaiveDate::from_ymd_opt(num(caps, 3)?, month, num(caps, 2)?)
}

/// A time of day as printed, with the zone written after it, if any.
#[derive(Debug, Clone, Copy)]
struct Clock {
    h: u32,
    m: u32,
    s: Option<u32>,
    zone: Option<Zone>,
}

impl Clock {
    /// Hours of a 12-hour clock (`4:55 PM`) put on the 24-hour one; None for an hour that
    /// is not on the clock face or a time that does not exist.
    fn new(h: u32, m: u32, s: Option<u32>, half: Option<&str>, zone: Option<Zone>) -> Option<Clock> {
        let h = match half.map(|x| x.starts_with(['p', 'P'])) {
            Some(_) if !(1..=12).contains(&h) => return None,
            Some(pm) => h % 12 + if pm { 12 } else { 0 },
            None => h,
        };
        NaiveTime::from_hms_opt(h, m, s.unwrap_or(0))?;
        Some(Clock { h, m, s, zone })
    }
}

/// The time of day written right after a date, if any.
fn time_after(rest: &str) -> Option<Clock> {
    let join = TIME_JOIN.captures(rest)?;
    let joined = join.get(1).is_some();
    let rest = &rest[join.get(0)?.end()..];
    let clock = CLOCK_HERE.captures(rest)?;
    let tail_at = clock.get(0)?.end();
    let tail = CLOCK_TAIL.captures(&rest[tail_at..])?;
    let uhr = tail.get(1).is_some();
    let (h, m, s) = if clock.get(1).is_some() {
        (num(&clock, 1)?, num(&clock, 2)?, clock.get(3).and_then(|x| x.as_str().parse().ok()))
    } else if clock.get(4).is_some() && (uhr || joined) {
        // A dotted number is a time only with `Uhr` or a word that joins it to the date:
        // `23.15 Prozent` is not one.
        (num(&clock, 4)?, num(&clock, 5)?, clock.get(6).and_then(|x| x.as_str().parse().ok()))
    } else if clock.get(7).is_some() {
        (num(&clock, 7)?, num(&clock, 8)?, None)
    } else if clock.get(9).is_some() && uhr {
        (num(&clock, 9)?, 0, None)
    } else {
        return None;
    };
    let mut half = tail.get(2).map(|x| x.as_str());
    let zone = tail.get(3).and_then(|z| zone(z.as_str()));
    // Where the time ends: an unknown capitalised word after it is no zone.
    let mut end =
        tail_at + if zone.is_some() { tail.get(0) } else { tail.get(2).or(tail.get(1)) }.map_or(0, |x| x.end());
    // German `am` ("on") before a word (`12:05 am Rathaus`) is no half of the clock.
    if half == Some("am")
        && zone.is_none()
        && rest[end..].starts_with(char::is_whitespace)
        && rest[end..].trim_start().starts_with(char::is_alphabetic)
    {
        half = None;
        end = tail_at + tail.get(1).map_or(0, |x| x.end());
    }
    if rest[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Clock::new(h, m, s, half, zone)
}

/// The time of day written right before a date (`15:10 Uhr, 08.01.2026`), if any.
fn time_before(head: &str) -> Option<Clock> {
    // Only the last few characters matter; cut on a char boundary.
    let mut cut = head.len().saturating_sub(48);
    while !head.is_char_boundary(cut) {
        cut += 1;
    }
    let caps = TIME_BEFORE.captures(&head[cut..])?;
    let zone = match caps.get(5) {
        Some(z) => Some(zone(z.as_str())?),
        None => None,
    };
    let s = caps.get(3).and_then(|x| x.as_str().parse().ok());
    Clock::new(num(&caps, 1)?, num(&caps, 2)?, s, caps.get(4).map(|x| x.as_str()), zone)
}

/// A printed date with its time of day as a Berlin stamp: converted from a zone the page
/// names, else German civil time.
fn stamp(date: NaiveDate, clock: Option<Clock>) -> Option<Stamp> {
    let Some(c) = clock else { return civil(date, None) };
    let naive = date.and_time(NaiveTime::from_hms_opt(c.h, c.m, c.s.unwrap_or(0))?);
    match c.zone {
        None => civil(date, Some((c.h, c.m, c.s))),
        Some(Zone::Fixed(minutes)) => zoned(naive, FixedOffset::east_opt(minutes * 60)?, c.s.is_some()),
        Some(Zone::Region(tz)) => {
            // A wall-clock time the region skips in spring takes the offset in force at the
            // same time read as UTC: an hour nobody's clock shows.
            let off = tz
                .from_local_datetime(&naive)
                .earliest()
                .map_or_else(|| tz.offset_from_utc_datetime(&naive).fix(), |at| at.offset().fix());
            zoned(naive, off, c.s.is_some())
        }
    }
}

/// Finds the first printed date in `s` with the time of day next to it: German
/// (`08.01.2026 - 15:10:39`, `8. Juli 2026 um 9:05 Uhr`, `10.02.26`), other languages' month
/// names (`22 novembre 2024 à 07:22`, `October 13, 2024, 4:55 PM`), slashed (`30/04/2024 -
/// 16:38`) and year first (`2026-01-08 15:10`, `2026/01/08`). A time with a zone (`4:55 PM
/// MYT`, `17:41 JST, October 13, 2024`) is converted; one without is German civil time. A
/// bare date gives midnight with `has_time` false; a time of day without any date gives `None`.
pub fn parse_printed(s: &str) -> Option<Stamp> {
    let found = [
        first_date(s, &NUMERIC_DATE, numeric),
        first_date(s, &NAMED_DATE, named),
        first_date(s, &MONTH_FIRST_DATE, month_first),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|f| f.start)?;
    let clock = time_after(&s[found.end..]).or_else(|| time_before(&s[..found.start]));
    stamp(found.date, clock)
}

/// A cheap test before [`parse_printed`] for a time of day: a colon, `Uhr`, or a dot or `h`
/// between digits (`kl. 10.23`, `07h22`).
pub fn may_hold_clock(s: &str) -> bool {
    s.contains(':')
        || s.contains("Uhr")
        || s.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b'h') && w[2].is_ascii_digit())
}

/// A clock time standing alone in a line: `16:38`, `9:05:12`, `4:24 p.m.`, `23.15 Uhr`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\d.:])((?:(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m(?-u:\b)\.?)?|(\d{1,2})\.(\d{2})\s*Uhr(?-u:\b)))(?:[^\d.:]|$)")
        .expect("valid regex")
});

/// A date without time of day (a `<time datetime="2026-04-30">`) completed by the one clock
/// time printed beside it (`30/04/2026 - 16:38`): German civil time, or converted from the
/// zone written after it (`16:38 GMT+1`). None when the text holds no clock time or more
/// than one.
pub fn with_clock(date: &Stamp, text: &str) -> Option<Stamp> {
    let mut found = CLOCK.captures_iter(text);
    let caps = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let (h, m, sec): (u32, u32, Option<u32>) = if caps.get(2).is_some() {
        (num(&caps, 2)?, num(&caps, 3)?, caps.get(4).and_then(|x| x.as_str().parse().ok()))
    } else {
        (num(&caps, 6)?, num(&caps, 7)?, None)
    };
    let zone = CLOCK_TAIL.captures(&text[caps.get(1)?.end()..]).and_then(|t| zone(t.get(3)?.as_str()));
    let clock = Clock::new(h, m, sec, caps.get(5).map(|x| x.as_str()), zone)?;
    stamp(date.at.date_naive(), Some(clock))
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
        r"(?i)(?:(?-u:\b)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:gmt|utc)\s*([+-])(\d{2}):?(\d{2})",
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

    fn printed(s: &str) -> String {
        parse_printed(s).unwrap_or_else(|| panic!("no date in {s:?}")).rfc3339()
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
        let s = parse_printed("08.01.2026 - 15:10:39").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:39+01:00");
        assert!(s.has_time && s.has_seconds && s.warning.is_none());
        let s = parse_printed("Stand: 08.01.2026, 15:10 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T15:10:00+01:00");
        assert!(s.has_time && !s.has_seconds);
        assert_eq!(printed("08.01.2026 15:10"), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("8.1.2026, 9:05 Uhr"), "2026-01-08T09:05:00+01:00");
        assert_eq!(printed("(Boerse, 10.02.2026 - 18:29)"), "2026-02-10T18:29:00+01:00");
        assert_eq!(printed("2026-01-08 15:10"), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("Aktualisiert: 15:10 Uhr, 08.01.2026"), "2026-01-08T15:10:00+01:00");
    }

    #[test]
    fn german_tight_punctuation() {
        assert_eq!(printed("Fr.08.01.2026"), "2026-01-08T00:00:00+01:00");
        assert_eq!(printed("(Boerse,10.02.2026,18:29)"), "2026-02-10T18:29:00+01:00");
        assert_eq!(printed("am 08.01.2026."), "2026-01-08T00:00:00+01:00");
        assert_eq!(printed("2026-01-08T15:10"), "2026-01-08T15:10:00+01:00");
    }

    #[test]
    fn german_two_digit_years() {
        assert_eq!(printed("10.02.26"), "2026-02-10T00:00:00+01:00");
        assert_eq!(printed("(Boerse, 10.02.26 - 18:29)"), "2026-02-10T18:29:00+01:00");
    }

    #[test]
    fn german_dot_hour() {
        let s = parse_printed("08.01.2026, 23.15 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-01-08T23:15:00+01:00");
        assert!(s.has_time && !s.has_seconds);
        // Without `Uhr` a dotted number is not a time.
        let s = parse_printed("08.01.2026, 23.15 Prozent").unwrap();
        assert!(!s.has_time);
        assert_eq!(printed("am 8. Juli 2026, 15 Uhr"), "2026-07-08T15:00:00+02:00");
    }

    #[test]
    fn german_month_names() {
        let s = parse_printed("8. Juli 2026").unwrap();
        assert_eq!(s.rfc3339(), "2026-07-08T00:00:00+02:00");
        assert!(!s.has_time && !s.has_seconds);
        assert_eq!(printed("8. Juli 2026, 14:30 Uhr"), "2026-07-08T14:30:00+02:00");
        assert_eq!(printed("08. Januar 2026 um 15:10 Uhr"), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("Veröffentlicht am 8. Juli 2026 um 9:05 Uhr"), "2026-07-08T09:05:00+02:00");
        assert_eq!(printed("3. Jan. 2026"), "2026-01-03T00:00:00+01:00");
        assert_eq!(printed("3. Feb 2026"), "2026-02-03T00:00:00+01:00");
        assert_eq!(printed("3. März 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(printed("3. Maerz 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(printed("3. Mrz. 2026"), "2026-03-03T00:00:00+01:00");
        assert_eq!(printed("3. Sept. 2026"), "2026-09-03T00:00:00+02:00");
        assert_eq!(printed("3. Okt 2026"), "2026-10-03T00:00:00+02:00");
        assert_eq!(printed("24. DEZEMBER 2026"), "2026-12-24T00:00:00+01:00");
    }

    #[test]
    fn german_dst_switches() {
        let s = parse_printed("29.03.2026, 02:30 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-03-29T02:30:00+02:00");
        assert_eq!(
            s.warning.as_deref(),
            Some("time 2026-03-29 02:30:00 does not exist in Europe/Berlin; read as +02:00")
        );
        let s = parse_printed("25. Oktober 2026 um 2:30 Uhr").unwrap();
        assert_eq!(s.rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(
            s.warning.as_deref(),
            Some("time 2026-10-25 02:30:00 occurs twice in Europe/Berlin; read as +02:00")
        );
    }

    #[test]
    fn german_rejects() {
        assert_eq!(parse_printed("32.01.2026"), None);
        assert_eq!(parse_printed("29.02.2025"), None);
        assert_eq!(parse_printed("31. April 2026"), None);
        assert_eq!(parse_printed("01.01.1970"), None);
        assert_eq!(parse_printed("01.01.2150"), None);
        assert_eq!(parse_printed("15:10 Uhr"), None);
        assert_eq!(parse_printed("um 23.15 Uhr"), None);
        assert_eq!(parse_printed("Version 1.2.3"), None);
        assert_eq!(parse_printed("v2.10.15"), None);
        assert_eq!(parse_printed("1.2.30"), None);
        assert_eq!(parse_printed("1.000,50 Euro"), None);
        assert_eq!(parse_printed("192.168.1.10"), None);
        assert_eq!(parse_printed("1.08.01.2026"), None);
        assert_eq!(parse_printed(""), None);
        assert_eq!(parse_printed("Keine Zeitangabe hier."), None);
        // A valid leap day is fine.
        assert_eq!(printed("29.02.2028"), "2028-02-29T00:00:00+01:00");
        // An impossible time leaves the date alone.
        let s = parse_printed("08.01.2026 - 25:61").unwrap();
        assert!(!s.has_time);
    }

    #[test]
    fn german_first_date_wins() {
        assert_eq!(printed("Erschienen 07.01.2026 – aktualisiert 08.01.2026 15:10"), "2026-01-07T00:00:00+01:00");
        assert_eq!(printed("Ab 8. Juli 2026 gilt, was am 09.07.2026 galt"), "2026-07-08T00:00:00+02:00");
    }

    #[test]
    fn german_never_panics_on_odd_input() {
        for s in ["99999999999.99999999999.9999", "ä.ö.ü", "1.1.", "äüö 31.12.2099 23:59:59 Uhr€", "0.0.00"] {
            let _ = parse_printed(s);
        }
        assert_eq!(printed("€€ 31.12.2099 23:59:59 Uhr"), "2099-12-31T23:59:59+01:00");
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
        let at = |t: &str| parse_printed(t).map(|s| s.rfc3339());
        assert_eq!(at("30 April 2026 4:55 PM").as_deref(), Some("2026-04-30T16:55:00+02:00"));
        assert_eq!(at("30.04.2026, 4:55 p.m.").as_deref(), Some("2026-04-30T16:55:00+02:00"));
        assert_eq!(at("30.04.2026, 12:05 a.m.").as_deref(), Some("2026-04-30T00:05:00+02:00"));
        assert_eq!(at("30.04.2026 12:05 AM").as_deref(), Some("2026-04-30T00:05:00+02:00"));
        // German `am` is "on", not a clock half.
        assert_eq!(at("30.04.2026, 12:05 am Rathaus").as_deref(), Some("2026-04-30T12:05:00+02:00"));
        assert_eq!(at("30.04.2026, 16:38 Uhr").as_deref(), Some("2026-04-30T16:38:00+02:00"));
    }

    #[test]
    fn english_month_first() {
        assert_eq!(printed("October 13, 2026"), "2026-10-13T00:00:00+02:00");
        assert_eq!(printed("Oct. 13, 2026, 4:55 PM"), "2026-10-13T16:55:00+02:00");
        assert_eq!(printed("Published Jan 8, 2026 at 3:10 p.m."), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("Tuesday, November 24 2026"), "2026-11-24T00:00:00+01:00");
        assert_eq!(printed("SEPT 3 2026 10:00 AM"), "2026-09-03T10:00:00+02:00");
        assert_eq!(printed("Updated May 1st, 2026, 9:05 am"), "2026-05-01T09:05:00+02:00");
        // A lowercase verb opens no date; nor does a month glued to a word.
        assert_eq!(parse_printed("sales may 10, 2026 rise"), None);
        assert_eq!(parse_printed("SPORTSOCT 13, 2026"), None);
        assert_eq!(parse_printed("Octopus 13, 2026"), None);
    }

    #[test]
    fn day_first_month_names_of_other_languages() {
        assert_eq!(printed("4 Febbraio 2026 - 14:41"), "2026-02-04T14:41:00+01:00");
        assert_eq!(printed("4 febbraio 2026 alle 14:41"), "2026-02-04T14:41:00+01:00");
        assert_eq!(printed("Publié le 22 novembre 2026 à 07:22"), "2026-11-22T07:22:00+01:00");
        assert_eq!(printed("le 1er mars 2026 à 7h05"), "2026-03-01T07:05:00+01:00");
        assert_eq!(printed("3 de mayo de 2026 a las 10:00"), "2026-05-03T10:00:00+02:00");
        assert_eq!(printed("12 maart 2026 om 14.30 uur"), "2026-03-12T14:30:00+01:00");
        assert_eq!(printed("2 februari 2026 kl. 09.00"), "2026-02-02T09:00:00+01:00");
        assert_eq!(printed("Publicerad 23 okt 2026 kl 10.23"), "2026-10-23T10:23:00+02:00");
        assert_eq!(printed("5 desember 2026 klokken 18:15"), "2026-12-05T18:15:00+01:00");
        assert_eq!(printed("13th October 2026"), "2026-10-13T00:00:00+02:00");
        assert_eq!(printed("08:39, 06 Jan 2026"), "2026-01-06T08:39:00+01:00");
        assert_eq!(printed("5 août 2026"), "2026-08-05T00:00:00+02:00");
        assert_eq!(printed("9 março 2026 às 10h00"), "2026-03-09T10:00:00+01:00");
        // A dotted number joined by nothing is no time.
        assert!(!parse_printed("2 februari 2026, 09.00 procent").unwrap().has_time);
    }

    #[test]
    fn slashed_and_year_first_dates() {
        assert_eq!(printed("30/04/2026 - 16:38"), "2026-04-30T16:38:00+02:00");
        assert_eq!(printed("02/02/2026 KL. 09:00"), "2026-02-02T09:00:00+01:00");
        assert_eq!(printed("le 22/11/2026 à 09h47"), "2026-11-22T09:47:00+01:00");
        // Day first unless only month first is a date.
        assert_eq!(printed("05/04/2026"), "2026-04-05T00:00:00+02:00");
        assert_eq!(printed("04/30/2026 4:55 PM"), "2026-04-30T16:55:00+02:00");
        assert_eq!(parse_printed("13/13/2026"), None);
        assert_eq!(printed("2026/12/04 00:05"), "2026-12-04T00:05:00+01:00");
        assert_eq!(printed("입력 2026.07.12 22:09"), "2026-07-12T22:09:00+02:00");
        // Paths, fractions and versions are no dates.
        assert_eq!(parse_printed("example.org/2026/04/30/story"), None);
        assert_eq!(parse_printed("/30/04/2026/"), None);
        assert_eq!(parse_printed("1/2/20"), None);
        assert_eq!(parse_printed("v2026.04.30"), None);
        assert_eq!(parse_printed("2026.4.3"), None);
    }

    #[test]
    fn a_zone_after_the_time_is_converted() {
        assert_eq!(printed("Friday, 20 Nov 2026 4:55 PM MYT"), "2026-11-20T09:55:00+01:00");
        assert_eq!(printed("17:41 JST, October 13, 2026"), "2026-10-13T10:41:00+02:00");
        assert_eq!(printed("Published on 06/01/2026 - 13:55 GMT+1"), "2026-01-06T13:55:00+01:00");
        assert_eq!(printed("06/01/2026 - 13:55 UTC-05:00"), "2026-01-06T19:55:00+01:00");
        assert_eq!(printed("8 July 2026 09:05 BST"), "2026-07-08T10:05:00+02:00");
        assert_eq!(printed("8. Juli 2026, 9:05 Uhr MESZ"), "2026-07-08T09:05:00+02:00");
        assert_eq!(printed("08.01.2026, 15:10 MEZ"), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("Jan 8, 2026 9:10 a.m. EST"), "2026-01-08T15:10:00+01:00");
        assert_eq!(printed("Jul 8, 2026 6:05 PM (PDT)"), "2026-07-09T03:05:00+02:00");
        assert_eq!(printed("8 July 2026 18:00 AEST"), "2026-07-08T10:00:00+02:00");
        assert_eq!(printed("8 July 2026 18:00 UTC"), "2026-07-08T20:00:00+02:00");
        assert_eq!(printed("3 March 2026, 12:00 MSK"), "2026-03-03T10:00:00+01:00");
        // A region's zone takes the offset of the day: ET is EST in January, EDT in July.
        assert_eq!(printed("Jan 8, 2026 10:00 AM ET"), "2026-01-08T16:00:00+01:00");
        assert_eq!(printed("Jul 8, 2026 10:00 AM ET"), "2026-07-08T16:00:00+02:00");
        // Ambiguous or unknown abbreviations are no zone: German civil time.
        assert_eq!(printed("8 July 2026 18:00 IST"), "2026-07-08T18:00:00+02:00");
        assert_eq!(printed("8 July 2026 18:00 CST"), "2026-07-08T18:00:00+02:00");
        assert_eq!(printed("08.01.2026, 15:10 Uhr ARD"), "2026-01-08T15:10:00+01:00");
        let s = parse_printed("8 July 2026 18:00 JST").unwrap();
        assert!(s.has_time && !s.has_seconds && s.warning.is_none());
    }

    #[test]
    fn a_zone_before_the_date_needs_to_be_known() {
        assert_eq!(printed("09:05 CET, 8 January 2026"), "2026-01-08T09:05:00+01:00");
        assert!(!parse_printed("09:05 ARD, 8 January 2026").unwrap().has_time);
    }

    #[test]
    fn zone_names() {
        for z in ["JST", "GMT", "UTC", "CEST", "MESZ", "EDT", "AEDT", "ET", "GMT+2", "UTC-03:30"] {
            assert!(is_zone_name(z), "{z}");
        }
        for z in ["IST", "CST", "AST", "jst", "Gmt", "ARD", "GMT+25", ""] {
            assert!(!is_zone_name(z), "{z}");
        }
    }

    #[test]
    fn month_names_of_every_language() {
        for m in ["Juli", "Sept.", "October", "novembre", "Febbraio", "mayo", "maart", "augusti", "MÄR", "déc"] {
            assert!(is_month_name(m), "{m}");
        }
        for m in ["ago", "set", "out", "des", "Marco", "Monday"] {
            assert!(!is_month_name(m), "{m}");
        }
    }

    #[test]
    fn may_hold_a_clock() {
        for s in ["15:10", "15 Uhr", "kl. 10.23", "à 07h22"] {
            assert!(may_hold_clock(s), "{s}");
        }
        assert!(!may_hold_clock("4 Febbraio 2026"));
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
        assert_eq!(at("30/04/2026 - 16:38 GMT+1").as_deref(), Some("2026-04-30T17:38:00+02:00"));
        assert_eq!(at("4:24 PM EDT").as_deref(), Some("2026-04-30T22:24:00+02:00"));
        // No clock, two clocks, or no clock time at all.
        assert_eq!(at("30.04.2026"), None);
        assert_eq!(at("10:00 bis 12:00"), None);
        assert_eq!(at("Spiel endet 25:61"), None);
    }
}
