//! Appending to an archive: one add = new data frames, one index frame, one footer, written in
//! that order with an fsync before and after the footer, under an exclusive file lock.

use super::format::{self, Footer, FrameEntry, HEADER_LEN, IndexHead, Listing, Locations, RecordEntry};
use super::read::{Archive, TornTail};
use super::{ArchiveError, Result};
use crate::Record;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// How an add compresses.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// zstd level of the data frames (1–22).
    pub level: i32,
    /// A frame is closed once it holds this many bytes of JSON (a larger record gets a frame
    /// of its own).
    pub frame_bytes: usize,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions { level: 19, frame_bytes: 1 << 20 }
    }
}

/// One record ready to be archived: its JSON (one line, no newline) and what the index keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: u64,
    pub json: Vec<u8>,
    pub timestamp: Option<String>,
    pub headline: String,
}

impl Entry {
    pub fn from_record(r: &Record) -> std::result::Result<Entry, String> {
        let id = format::parse_id(&r.id).ok_or_else(|| format!("id {:?} is not 16 lowercase hex digits", r.id))?;
        let json = serde_json::to_vec(r).map_err(|e| e.to_string())?;
        Ok(Entry { id, json, timestamp: r.timestamp.clone(), headline: r.headline.clone() })
    }

    /// A line of JSON Lines holding a record of the contract (checked by
    /// [`super::check_record`]). The line is kept byte for byte (without surrounding white
    /// space).
    pub fn from_json_line(line: &str) -> std::result::Result<Entry, String> {
        let line = line.trim();
        if !line.starts_with('{') {
            return Err("not a JSON object".into());
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
        super::validate::check_record(&v)?;
        let text = |k: &str| v.get(k).and_then(|s| s.as_str()).map(str::to_string);
        Ok(Entry {
            id: text("id").as_deref().and_then(format::parse_id).ok_or("no id")?,
            json: line.as_bytes().to_vec(),
            timestamp: text("timestamp"),
            headline: text("headline").unwrap_or_default(),
        })
    }
}

/// What an add did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddSummary {
    pub added: u64,
    /// Records whose id was already in the archive (or earlier in the same add).
    pub duplicates: u64,
    /// A torn tail that was cut off before appending.
    pub recovered: Option<TornTail>,
}

/// An add in progress. Holds the archive's exclusive lock until committed or dropped; dropped
/// without [`Writer::commit`], nothing it wrote counts (the next writer cuts it off).
pub struct Writer {
    archive: Archive,
    opts: WriteOptions,
    known: HashSet<u64>,
    pos: u64,
    data_start: u64,
    frame_buf: Vec<u8>,
    queue: Vec<Vec<u8>>,
    sealed: u32,
    frames: Vec<FrameEntry>,
    records: Vec<RecordEntry>,
    listing: Listing,
    summary: AddSummary,
    /// This add created the file.
    created: bool,
    /// The file's length before this add wrote to it (after a torn tail was cut).
    start_len: u64,
}

fn write_at(file: &File, offset: u64, buf: &[u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.write_all(buf)
    }
}

fn compressor(level: i32) -> io::Result<zstd::bulk::Compressor<'static>> {
    let mut c = zstd::bulk::Compressor::new(level)?;
    c.set_parameter(zstd::stream::raw::CParameter::ChecksumFlag(true))?;
    c.set_parameter(zstd::stream::raw::CParameter::ContentSizeFlag(true))?;
    Ok(c)
}

impl Writer {
    /// Opens (or creates) the archive for appending, waiting for any other writer to finish.
    /// A torn tail left by an interrupted add is cut off (reported in the summary).
    pub fn open(path: &Path, opts: WriteOptions) -> Result<Writer> {
        let (file, created) = open_locked(path)?;
        if created {
            sync_parent(path);
        }
        let archive = Archive::from_file(path, file)?;
        let mut summary = AddSummary::default();
        if let Some(t) = archive.torn_tail() {
            archive.file.set_len(t.offset).map_err(|e| archive.io(e))?;
            archive.file.sync_data().map_err(|e| archive.io(e))?;
            summary.recovered = Some(t);
        }
        let start_len = archive.committed.min(archive.len);
        let mut pos = archive.committed;
        if pos < HEADER_LEN {
            write_at(&archive.file, 0, &format::header()).map_err(|e| archive.io(e))?;
            pos = HEADER_LEN;
        }
        let known = archive.segments.iter().flat_map(|s| s.loc.records.iter().map(|r| r.id)).collect();
        Ok(Writer {
            archive,
            opts,
            known,
            pos,
            data_start: pos,
            frame_buf: Vec::new(),
            queue: Vec::new(),
            sealed: 0,
            frames: Vec::new(),
            records: Vec::new(),
            listing: Listing::default(),
            summary,
            created,
            start_len,
        })
    }

    /// Whether this add has added a record so far.
    pub fn has_new(&self) -> bool {
        self.summary.added > 0
    }

    /// Whether this add created the archive file.
    pub fn created(&self) -> bool {
        self.created
    }

    /// Ends the add without committing it: what it wrote is cut off again, and a file it
    /// created is removed, so a failed add leaves the archive as it found it.
    pub fn discard(self) -> Result<()> {
        let a = &self.archive;
        if self.created {
            // Removed while the lock is held; a writer waiting for the lock notices (see
            // `open_locked`) and starts over.
            return std::fs::remove_file(&a.path).map_err(|e| a.io(e));
        }
        a.file.set_len(self.start_len).map_err(|e| a.io(e))?;
        a.file.sync_data().map_err(|e| a.io(e))
    }

    /// Whether a record with this id is archived already (or added in this add).
    pub fn contains(&self, id: u64) -> bool {
        self.known.contains(&id)
    }

    /// Records archived before this add.
    pub fn existing_records(&self) -> u64 {
        self.archive.records()
    }

    /// The torn tail cut off when opening, if there was one.
    pub fn recovered(&self) -> Option<TornTail> {
        self.summary.recovered
    }

    /// Adds a record unless its id is archived already; returns whether it was added.
    pub fn add(&mut self, e: Entry) -> Result<bool> {
        if e.json.len() >= u32::MAX as usize {
            return Err(ArchiveError::Record(format!("record {} is too large to archive", format::format_id(e.id))));
        }
        if !self.known.insert(e.id) {
            self.summary.duplicates += 1;
            return Ok(false);
        }
        if !self.frame_buf.is_empty() && self.frame_buf.len() + e.json.len() + 1 > self.opts.frame_bytes.max(1) {
            self.seal()?;
        }
        let offset = self.frame_buf.len() as u64;
        self.frame_buf.extend_from_slice(&e.json);
        self.frame_buf.push(b'\n');
        if self.frame_buf.len() as u64 > u32::MAX as u64 {
            return Err(ArchiveError::Record("frame too large".into()));
        }
        self.records.push(RecordEntry {
            id: e.id,
            frame: self.sealed,
            offset: offset as u32,
            length: e.json.len() as u32 + 1,
        });
        self.listing.items.push((e.timestamp, e.headline));
        self.summary.added += 1;
        Ok(true)
    }

    /// Adds a record, counting it as already archived when its id is known.
    pub fn add_record(&mut self, r: &Record) -> Result<bool> {
        let e = Entry::from_record(r).map_err(ArchiveError::Record)?;
        self.add(e)
    }

    fn seal(&mut self) -> Result<()> {
        self.queue.push(std::mem::take(&mut self.frame_buf));
        self.sealed += 1;
        if self.queue.len() >= 2 * rayon::current_num_threads() {
            self.flush_queue()?;
        }
        Ok(())
    }

    /// Compresses the queued frames in parallel and writes them in order.
    fn flush_queue(&mut self) -> Result<()> {
        let level = self.opts.level;
        let queue = std::mem::take(&mut self.queue);
        let packed: Vec<io::Result<Vec<u8>>> = queue
            .par_iter()
            .map_init(
                || compressor(level),
                |c, frame| c.as_mut().map_err(|e| io::Error::other(e.to_string()))?.compress(frame),
            )
            .collect();
        for (frame, packed) in queue.iter().zip(packed) {
            let packed = packed.map_err(|e| self.archive.io(e))?;
            if packed.len() as u64 >= u32::MAX as u64 {
                return Err(ArchiveError::Record("frame too large".into()));
            }
            write_at(&self.archive.file, self.pos, &packed).map_err(|e| self.archive.io(e))?;
            self.pos += packed.len() as u64;
            self.frames.push(FrameEntry { compressed: packed.len() as u32, decompressed: frame.len() as u32 });
        }
        Ok(())
    }

    /// Writes the index and the footer, making the add's records part of the archive.
    pub fn commit(mut self) -> Result<AddSummary> {
        if !self.frame_buf.is_empty() {
            self.seal()?;
        }
        self.flush_queue()?;
        let file = &self.archive.file;
        let io = |e: io::Error| ArchiveError::io(&self.archive.path, e);
        if self.records.is_empty() {
            file.sync_data().map_err(io)?;
            return Ok(self.summary);
        }
        let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let loc = Locations {
            prev_index: self.archive.segments.last().map_or(format::NO_PREV, |s| s.index_offset),
            data_start: self.data_start,
            created,
            frames: std::mem::take(&mut self.frames),
            records: std::mem::take(&mut self.records),
        };
        let mut c = compressor(self.opts.level).map_err(io)?;
        let a = c.compress(&loc.encode()).map_err(io)?;
        let b = c.compress(&self.listing.encode()).map_err(io)?;
        if a.len() as u64 + b.len() as u64 + 20 > u32::MAX as u64 {
            return Err(ArchiveError::Record("too many records for one add".into()));
        }
        let head = IndexHead { version: format::VERSION, len_a: a.len() as u32, len_b: b.len() as u32 };
        let index_offset = self.pos;
        let mut index = Vec::with_capacity(head.frame_len() as usize);
        index.extend_from_slice(&head.encode());
        index.extend_from_slice(&a);
        index.extend_from_slice(&b);
        write_at(file, index_offset, &index).map_err(io)?;
        // The data and the index are on disk before a footer vouches for them …
        file.sync_data().map_err(io)?;
        let footer = Footer {
            index_offset,
            total_records: self.archive.records() + loc.records.len() as u64,
            segments: self.archive.segments.len() as u32 + 1,
            version: format::VERSION,
        };
        let footer_at = index_offset + head.frame_len();
        write_at(file, footer_at, &footer.encode()).map_err(io)?;
        // … and the footer is on disk before the add reports success.
        file.sync_data().map_err(io)?;
        Ok(self.summary)
    }
}

/// Opens (creating if missing) and locks the archive file; says whether it was created. A
/// file removed while this waited for the lock (a failed add that had created it) is opened
/// again.
fn open_locked(path: &Path) -> Result<(File, bool)> {
    for _ in 0..100 {
        let created = !path.exists();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| ArchiveError::io(path, e))?;
        file.lock().map_err(|e| ArchiveError::io(path, e))?;
        if still_named(path, &file) {
            return Ok((file, created));
        }
    }
    Err(ArchiveError::Io { path: path.to_path_buf(), reason: "the file keeps being replaced by others".into() })
}

/// Whether `path` still names the open `file`.
fn still_named(path: &Path, file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(path), file.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Cuts off the torn tail an interrupted add left (see [`Archive::torn_tail`]), and nothing
/// else; `None` when there was none. Waits for a running writer. Other damage is an error,
/// left for [`super::salvage`].
pub fn repair(path: &Path) -> Result<Option<TornTail>> {
    let file = OpenOptions::new().read(true).write(true).open(path).map_err(|e| ArchiveError::io(path, e))?;
    file.lock().map_err(|e| ArchiveError::io(path, e))?;
    let archive = Archive::from_file(path, file)?;
    let Some(t) = archive.torn_tail() else { return Ok(None) };
    archive.file.set_len(t.offset).map_err(|e| archive.io(e))?;
    archive.file.sync_data().map_err(|e| archive.io(e))?;
    Ok(Some(t))
}

/// Makes a newly created file's directory entry durable.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
