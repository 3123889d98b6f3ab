//! `verify` (every frame's checksum, every index table, every record's id) and salvage (every
//! intact record out of a damaged archive, with a report of what could not be read).

use super::format::{self, HEADER_LEN, SKIPPABLE_BASE, SKIPPABLE_MASK, ZSTD_MAGIC};
use super::read::{Archive, read_vec};
use super::{ArchiveError, Result};
use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::Path;

/// A place in the file and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: u64,
    pub what: String,
}

#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    pub adds: usize,
    pub frames: usize,
    pub records: u64,
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

#[derive(serde::Deserialize)]
struct IdOnly {
    id: Option<serde_json::Value>,
}

/// Checks the whole archive. Waits for a running writer to finish first. Damage is reported
/// in the result; `Err` means the file could not be checked at all (unreadable, not an archive,
/// a newer format).
pub fn verify(path: &Path) -> Result<VerifyReport> {
    let file = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
    file.lock_shared().map_err(|e| ArchiveError::io(path, e))?;
    let mut report = VerifyReport::default();
    let a = match Archive::from_file(path, file) {
        Ok(a) => a,
        Err(ArchiveError::Damaged { offset, what, .. }) => {
            report.problems.push(Problem { offset, what });
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    report.adds = a.segments.len();
    if let Some(t) = a.torn_tail() {
        report.problems.push(Problem {
            offset: t.offset,
            what: format!(
                "{} bytes after the last footer belong to an interrupted add (`newsparse archive repair` cuts them off)",
                t.bytes
            ),
        });
    }
    let mut dec = zstd::bulk::Decompressor::new().map_err(|e| a.io(e))?;
    let (mut buf, mut raw) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    for (si, s) in a.segments.iter().enumerate() {
        if let Err(e) = a.listing(&mut dec, s) {
            report.problems.push(problem_of(e));
        }
        let mut by_frame: Vec<Vec<&format::RecordEntry>> = vec![Vec::new(); s.loc.frames.len()];
        for r in &s.loc.records {
            by_frame[r.frame as usize].push(r);
            if !seen.insert(r.id) {
                report.problems.push(Problem {
                    offset: s.index_offset,
                    what: format!("id {} is archived twice", format::format_id(r.id)),
                });
            }
        }
        for (fi, recs) in by_frame.iter().enumerate() {
            report.frames += 1;
            let at = s.frame_offsets[fi];
            if let Err(e) = a.read_frame(&mut dec, si, fi, &mut buf, &mut raw) {
                report.problems.push(problem_of(e));
                continue;
            }
            let mut expect = 0u64;
            for r in recs {
                report.records += 1;
                let (off, len) = (r.offset as u64, r.length as u64);
                let bad = |what: String| Problem { offset: at, what };
                if off != expect {
                    report.problems.push(bad(format!(
                        "index and data frame disagree on where record {} starts",
                        format::format_id(r.id)
                    )));
                    break;
                }
                expect = off + len;
                let line = &buf[off as usize..expect as usize];
                let id = line
                    .strip_suffix(b"\n")
                    .and_then(|l| serde_json::from_slice::<IdOnly>(l).ok())
                    .and_then(|p| p.id)
                    .and_then(|v| v.as_str().and_then(format::parse_id));
                if id != Some(r.id) {
                    report.problems.push(bad(format!(
                        "record {} in this frame is not the JSON line the index says",
                        format::format_id(r.id)
                    )));
                }
            }
            if expect != buf.len() as u64 && report.problems.last().is_none_or(|p| p.offset != at) {
                report
                    .problems
                    .push(Problem { offset: at, what: "data frame holds bytes no index entry covers".into() });
            }
        }
    }
    Ok(report)
}

fn problem_of(e: ArchiveError) -> Problem {
    match e {
        ArchiveError::Damaged { offset, what, .. } => Problem { offset, what },
        e => Problem { offset: 0, what: e.to_string() },
    }
}

#[derive(Debug, Clone, Default)]
pub struct SalvageReport {
    pub records: u64,
    /// What could not be read; each names its offset and, where the index knows them, the ids
    /// lost.
    pub skipped: Vec<Problem>,
}

/// Writes every record that can still be read. With an intact index, each data frame is tried
/// in turn and a damaged one is reported with the ids it held; without one, the file is
/// scanned frame by frame. Intact frames after the last footer (an interrupted add) are
/// written too.
pub fn salvage(path: &Path, out: &mut dyn Write) -> Result<SalvageReport> {
    let file = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
    let mut report = SalvageReport::default();
    let (a, scan_from) = match Archive::from_file(path, file) {
        Ok(a) => {
            let from = a.committed;
            (a, from)
        }
        Err(ArchiveError::Damaged { offset, what, .. }) => {
            report.skipped.push(Problem { offset, what: format!("{what}; the index is not used, frames are scanned") });
            let file = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
            let len = file.metadata().map_err(|e| ArchiveError::io(path, e))?.len();
            scan(path, &file, HEADER_LEN.min(len), len, out, &mut report)?;
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    let mut dec = zstd::bulk::Decompressor::new().map_err(|e| a.io(e))?;
    let (mut buf, mut raw) = (Vec::new(), Vec::new());
    for (si, s) in a.segments.iter().enumerate() {
        for fi in 0..s.loc.frames.len() {
            match a.read_frame(&mut dec, si, fi, &mut buf, &mut raw) {
                Ok(()) => {
                    out.write_all(&buf).map_err(ArchiveError::Output)?;
                    report.records += s.loc.records.iter().filter(|r| r.frame as usize == fi).count() as u64;
                }
                Err(e) => {
                    let ids: Vec<String> = s
                        .loc
                        .records
                        .iter()
                        .filter(|r| r.frame as usize == fi)
                        .map(|r| format::format_id(r.id))
                        .collect();
                    let mut p = problem_of(e);
                    p.what = format!("{}; skipped {} records: {}", p.what, ids.len(), ids.join(" "));
                    report.skipped.push(p);
                }
            }
        }
    }
    if a.len > scan_from {
        scan(path, &a.file, scan_from, a.len, out, &mut report)?;
    }
    Ok(report)
}

/// Scans `[from, to)` frame by frame without an index.
fn scan(path: &Path, file: &File, from: u64, to: u64, out: &mut dyn Write, report: &mut SalvageReport) -> Result<()> {
    let buf = read_vec(file, from, to - from).map_err(|e| ArchiveError::io(path, e))?;
    let ours = |m: u32| m == ZSTD_MAGIC || (m & SKIPPABLE_MASK) == SKIPPABLE_BASE;
    let resync =
        |i: usize| (i..buf.len().saturating_sub(3)).find(|&j| ours(format::u32_at(&buf, j))).unwrap_or(buf.len());
    let mut i = 0usize;
    while i < buf.len() {
        let at = from + i as u64;
        if buf.len() - i < 8 {
            report
                .skipped
                .push(Problem { offset: at, what: format!("{} stray bytes at the end skipped", buf.len() - i) });
            break;
        }
        let m = format::u32_at(&buf, i);
        if m == ZSTD_MAGIC {
            match zstd::zstd_safe::find_frame_compressed_size(&buf[i..]) {
                Ok(n) => {
                    match zstd::stream::decode_all(&buf[i..i + n]) {
                        Ok(data) => {
                            report.records += data.iter().filter(|&&b| b == b'\n').count() as u64;
                            out.write_all(&data).map_err(ArchiveError::Output)?;
                        }
                        Err(e) => report.skipped.push(Problem {
                            offset: at,
                            what: format!("damaged data frame of {n} bytes skipped: {e}"),
                        }),
                    }
                    i += n;
                }
                Err(_) => {
                    let next = resync(i + 1);
                    report.skipped.push(Problem {
                        offset: at,
                        what: format!("unreadable or cut-off data frame, {} bytes skipped", next - i),
                    });
                    i = next;
                }
            }
        } else if (m & SKIPPABLE_MASK) == SKIPPABLE_BASE {
            let n = 8 + format::u32_at(&buf, i + 4) as usize;
            if i + n > buf.len() {
                report.skipped.push(Problem { offset: at, what: "cut-off index frame skipped".into() });
                break;
            }
            i += n;
        } else {
            let next = resync(i + 1);
            report.skipped.push(Problem { offset: at, what: format!("{} bytes of unknown data skipped", next - i) });
            i = next;
        }
    }
    Ok(())
}
