//! Opening an archive: finding the last intact footer, following the chain of index frames,
//! and reading records back (`cat`, `get`, `ls`, `stats`).

use super::format::{self, FOOTER_LEN, Footer, HEADER_LEN, HeaderKind, INDEX_HEAD_LEN, IndexHead, Listing, Locations};
use super::{ArchiveError, Result};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// One add: its data frames and its index.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Offset of the index frame.
    pub index_offset: u64,
    pub head: IndexHead,
    pub loc: Locations,
    /// Absolute offset of each data frame.
    pub frame_offsets: Vec<u64>,
}

impl Segment {
    /// Offset just after this add's footer.
    pub fn end(&self) -> u64 {
        self.index_offset + self.head.frame_len() + FOOTER_LEN
    }
}

/// An archive opened for reading: every add covered by the last intact footer.
#[derive(Debug)]
pub struct Archive {
    pub(super) path: PathBuf,
    pub(super) file: File,
    /// File length when opened.
    pub len: u64,
    /// End of the last intact footer: everything the archive vouches for lies before it.
    pub committed: u64,
    /// Oldest add first.
    pub segments: Vec<Segment>,
}

/// Bytes past the last intact footer: an add that was interrupted, or one still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TornTail {
    pub offset: u64,
    pub bytes: u64,
}

pub(super) fn read_at(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

/// The most one frame or index table may decompress to. The writer closes frames at about
/// 1 MiB of JSON and no record can be near this, so a larger claim is damage, and is refused
/// before any memory is taken for it.
pub(super) const MAX_DECODED: usize = 256 << 20;

pub(super) fn read_vec(file: &File, offset: u64, len: u64) -> io::Result<Vec<u8>> {
    // Lengths come from the file itself: never allocate for bytes the file does not have.
    let file_len = file.metadata()?.len();
    if offset.checked_add(len).is_none_or(|end| end > file_len) {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the index points past the end of the file"));
    }
    let mut v = vec![0u8; len as usize];
    read_at(file, offset, &mut v)?;
    Ok(v)
}

/// Decompresses one zstd frame that must give exactly `size` bytes (its checksum is checked).
pub(super) fn decompress_exact(
    dec: &mut zstd::bulk::Decompressor<'_>,
    src: &[u8],
    size: usize,
    out: &mut Vec<u8>,
) -> std::result::Result<(), String> {
    out.clear();
    if size > MAX_DECODED {
        return Err(format!("it claims {size} bytes, more than any frame can hold"));
    }
    out.reserve(size);
    match format::u32_at(src, 0) {
        format::ZSTD_MAGIC => {}
        _ => return Err("no zstd frame here".into()),
    }
    match zstd::zstd_safe::find_frame_compressed_size(src) {
        Ok(n) if n == src.len() => {}
        Ok(n) => return Err(format!("the frame is {n} bytes, the index says {}", src.len())),
        Err(code) => return Err(zstd::zstd_safe::get_error_name(code).to_string()),
    }
    let n = dec.decompress_to_buffer(src, out).map_err(|e| e.to_string())?;
    if n != size {
        return Err(format!("it gives {n} bytes, the index says {size}"));
    }
    Ok(())
}

fn blob(dec: &mut zstd::bulk::Decompressor<'_>, src: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let size = match zstd::zstd_safe::get_frame_content_size(src) {
        Ok(Some(n)) if n < (1 << 32) => n as usize,
        _ => return Err("index table has no readable size".into()),
    };
    let mut out = Vec::new();
    decompress_exact(dec, src, size, &mut out)?;
    Ok(out)
}

impl Archive {
    /// Opens an archive for reading. A file of zero bytes is an empty archive.
    pub fn open(path: &Path) -> Result<Archive> {
        let file = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
        Archive::from_file(path, file)
    }

    pub(super) fn from_file(path: &Path, file: File) -> Result<Archive> {
        let len = file.metadata().map_err(|e| ArchiveError::io(path, e))?.len();
        let mut a = Archive { path: path.to_path_buf(), file, len, committed: 0, segments: Vec::new() };
        if len == 0 {
            return Ok(a);
        }
        let mut head = vec![0u8; len.min(HEADER_LEN) as usize];
        read_at(&a.file, 0, &mut head).map_err(|e| a.io(e))?;
        match format::read_header(&head) {
            HeaderKind::Archive { version } if version > format::VERSION => {
                return Err(ArchiveError::NewerVersion { path: a.path.clone(), offset: 0, version });
            }
            HeaderKind::Archive { .. } => {}
            HeaderKind::Partial => return Ok(a),
            HeaderKind::PlainZstd => {
                return Err(a.not_archive(
                    "a zstd file without the archive header (import plain JSON Lines with \
                     `zstd -dc FILE | newsparse archive add NEW --from-jsonl -`)",
                ));
            }
            HeaderKind::Other => return Err(a.not_archive("it does not start with the archive header")),
        }
        a.committed = HEADER_LEN;
        let Some((footer_at, footer)) = a.find_footer()? else {
            return Ok(a);
        };
        a.committed = footer_at + FOOTER_LEN;
        a.load_chain(footer_at, footer)?;
        Ok(a)
    }

    /// The last intact footer: at the very end, or (after an interrupted add) the last one
    /// before the torn tail.
    fn find_footer(&self) -> Result<Option<(u64, Footer)>> {
        if self.len >= HEADER_LEN + FOOTER_LEN {
            let at = self.len - FOOTER_LEN;
            let b = read_vec(&self.file, at, FOOTER_LEN).map_err(|e| self.io(e))?;
            if let Some(f) = format::decode_footer(&b) {
                return self.accept_footer(at, f).map(Some);
            }
            if format::looks_like_footer(&b) {
                return Err(self.damaged(at, "the archive footer fails its check"));
            }
        }
        // Scan backwards for the last intact footer.
        const CHUNK: u64 = 1 << 20;
        let mut end = self.len;
        while end > HEADER_LEN {
            let start = end.saturating_sub(CHUNK).max(HEADER_LEN);
            let read_end = (end + FOOTER_LEN - 1).min(self.len);
            let buf = read_vec(&self.file, start, read_end - start).map_err(|e| self.io(e))?;
            let magic = format::FOOTER_MAGIC.to_le_bytes();
            let mut i = (end - start) as usize;
            while i > 0 {
                i -= 1;
                if buf[i..].starts_with(&magic)
                    && buf.len() - i >= FOOTER_LEN as usize
                    && let Some(f) = format::decode_footer(&buf[i..i + FOOTER_LEN as usize])
                {
                    return self.accept_footer(start + i as u64, f).map(Some);
                }
            }
            end = start;
        }
        Ok(None)
    }

    fn accept_footer(&self, at: u64, f: Footer) -> Result<(u64, Footer)> {
        if f.version > format::VERSION {
            return Err(ArchiveError::NewerVersion { path: self.path.clone(), offset: at, version: f.version });
        }
        Ok((at, f))
    }

    fn load_chain(&mut self, footer_at: u64, footer: Footer) -> Result<()> {
        let mut dec = zstd::bulk::Decompressor::new().map_err(|e| self.io(e))?;
        let mut next = footer.index_offset;
        let mut limit = footer_at;
        let mut segments: Vec<Segment> = Vec::new();
        loop {
            if segments.len() as u64 >= footer.segments as u64 || next < HEADER_LEN || next >= limit {
                return Err(self.damaged(limit, "the chain of index frames is broken"));
            }
            let seg = self.load_segment(&mut dec, next, limit)?;
            let (prev, data_start) = (seg.loc.prev_index, seg.loc.data_start);
            segments.push(seg);
            if prev == format::NO_PREV {
                break;
            }
            // The add before ends with its own footer, which must point at the same index.
            if data_start < HEADER_LEN + FOOTER_LEN {
                return Err(self.damaged(data_start, "the chain of index frames is broken"));
            }
            limit = data_start - FOOTER_LEN;
            let b = read_vec(&self.file, limit, FOOTER_LEN).map_err(|e| self.io(e))?;
            match format::decode_footer(&b) {
                Some(f) if f.index_offset == prev && f.version <= format::VERSION => {}
                _ => return Err(self.damaged(limit, "the footer of an earlier add is damaged")),
            }
            next = prev;
        }
        segments.reverse();
        if segments.len() != footer.segments as usize {
            return Err(self.damaged(footer_at, "the footer's count of adds disagrees with the index chain"));
        }
        let mut expect = HEADER_LEN;
        let mut total = 0u64;
        for s in &segments {
            if s.loc.data_start != expect {
                return Err(self.damaged(s.index_offset, "an index frame's data start does not follow the add before"));
            }
            expect = s.end();
            total += s.loc.records.len() as u64;
        }
        if total != footer.total_records {
            return Err(self.damaged(footer_at, "the footer's record count disagrees with the indexes"));
        }
        self.segments = segments;
        Ok(())
    }

    /// Reads the index frame at `at` (which must end before `limit`) and checks that its data
    /// frames fit exactly between its data start and itself.
    fn load_segment(&self, dec: &mut zstd::bulk::Decompressor<'_>, at: u64, limit: u64) -> Result<Segment> {
        if at + INDEX_HEAD_LEN > limit {
            return Err(self.damaged(at, "index frame runs past its footer"));
        }
        let hb = read_vec(&self.file, at, INDEX_HEAD_LEN).map_err(|e| self.io(e))?;
        let head = IndexHead::decode(&hb).map_err(|e| self.damaged(at, &e))?;
        if head.version > format::VERSION {
            return Err(ArchiveError::NewerVersion { path: self.path.clone(), offset: at, version: head.version });
        }
        if at + head.frame_len() != limit {
            return Err(self.damaged(at, "index frame does not end at its footer"));
        }
        let a_at = at + INDEX_HEAD_LEN;
        let raw = read_vec(&self.file, a_at, head.len_a as u64).map_err(|e| self.io(e))?;
        let table = blob(dec, &raw).map_err(|e| self.damaged(a_at, &format!("index location table: {e}")))?;
        let loc = Locations::decode(&table).map_err(|e| self.damaged(a_at, &e))?;
        let mut frame_offsets = Vec::with_capacity(loc.frames.len());
        let mut off = loc.data_start;
        for f in &loc.frames {
            frame_offsets.push(off);
            off += f.compressed as u64;
        }
        if off != at || loc.data_start < HEADER_LEN {
            return Err(self.damaged(at, "index frame's data frames do not fill the space before it"));
        }
        for r in &loc.records {
            let ok = loc
                .frames
                .get(r.frame as usize)
                .is_some_and(|f| r.offset as u64 + r.length as u64 <= f.decompressed as u64);
            if !ok {
                return Err(self.damaged(a_at, "index location table points outside its frames"));
            }
        }
        Ok(Segment { index_offset: at, head, loc, frame_offsets })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every record's id, in added order, from the indexes alone.
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.segments.iter().flat_map(|s| s.loc.records.iter().map(|r| r.id))
    }

    /// The ids that start with these hex digits (lowercase, at most 16).
    pub fn ids_with_prefix(&self, prefix: &str) -> Vec<u64> {
        let Some(p) = format::parse_id(&format!("{prefix:0<16}")).filter(|_| prefix.len() <= 16) else {
            return Vec::new();
        };
        let shift = 64 - 4 * prefix.len() as u32;
        self.ids().filter(|id| id.checked_shr(shift).unwrap_or(0) == p.checked_shr(shift).unwrap_or(0)).collect()
    }

    pub fn records(&self) -> u64 {
        self.segments.iter().map(|s| s.loc.records.len() as u64).sum()
    }

    /// Bytes after the last intact footer, if any.
    pub fn torn_tail(&self) -> Option<TornTail> {
        (self.len > self.committed).then(|| TornTail { offset: self.committed, bytes: self.len - self.committed })
    }

    /// Whether some writer holds the archive's lock right now (then a torn tail is an add in
    /// progress, not a leftover).
    pub fn writer_active(&self) -> bool {
        match self.file.try_lock_shared() {
            Ok(()) => {
                let _ = self.file.unlock();
                false
            }
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(_) => false,
        }
    }

    /// Reads and decompresses data frame `frame` of segment `seg` into `out`.
    pub fn read_frame(
        &self,
        dec: &mut zstd::bulk::Decompressor<'_>,
        seg: usize,
        frame: usize,
        out: &mut Vec<u8>,
        raw: &mut Vec<u8>,
    ) -> Result<()> {
        let s = &self.segments[seg];
        let f = s.loc.frames[frame];
        let at = s.frame_offsets[frame];
        raw.resize(f.compressed as usize, 0);
        read_at(&self.file, at, raw).map_err(|e| self.io(e))?;
        decompress_exact(dec, raw, f.decompressed as usize, out)
            .map_err(|e| self.damaged(at, &format!("data frame does not decompress: {e}")))
    }

    /// Writes every record, in the order they were added, as JSON Lines.
    pub fn cat(&self, out: &mut dyn Write) -> Result<()> {
        let mut dec = zstd::bulk::Decompressor::new().map_err(|e| self.io(e))?;
        let (mut buf, mut raw) = (Vec::new(), Vec::new());
        for (si, s) in self.segments.iter().enumerate() {
            for fi in 0..s.loc.frames.len() {
                self.read_frame(&mut dec, si, fi, &mut buf, &mut raw)?;
                out.write_all(&buf).map_err(ArchiveError::Output)?;
            }
        }
        Ok(())
    }

    /// The records with these ids, in the order asked; `None` for an id not in the archive.
    pub fn get(&self, ids: &[u64]) -> Result<Vec<Option<Vec<u8>>>> {
        let want: std::collections::HashMap<u64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        // (segment, frame, offset, length) per wanted id
        let mut found: Vec<Option<(usize, u32, u32, u32)>> = vec![None; ids.len()];
        for (si, s) in self.segments.iter().enumerate() {
            for r in &s.loc.records {
                if let Some(&i) = want.get(&r.id) {
                    found[i] = Some((si, r.frame, r.offset, r.length));
                }
            }
        }
        let mut dec = zstd::bulk::Decompressor::new().map_err(|e| self.io(e))?;
        let (mut buf, mut raw) = (Vec::new(), Vec::new());
        let mut loaded: Option<(usize, u32)> = None;
        let mut out = vec![None; ids.len()];
        // Visit in frame order so that each frame is decompressed once.
        let mut order: Vec<usize> = (0..ids.len()).filter(|&i| found[i].is_some()).collect();
        order.sort_by_key(|&i| found[i].map(|(s, f, o, _)| (s, f, o)));
        for i in order {
            let Some((si, fi, off, len)) = found[i] else { continue };
            if loaded != Some((si, fi)) {
                self.read_frame(&mut dec, si, fi as usize, &mut buf, &mut raw)?;
                loaded = Some((si, fi));
            }
            out[i] = Some(buf[off as usize..(off + len) as usize].to_vec());
        }
        // The same id asked twice: both get it.
        for (i, id) in ids.iter().enumerate() {
            if out[i].is_none() && found[i].is_none() && want.get(id).is_some_and(|&j| j != i) {
                out[i] = out[want[id]].clone();
            }
        }
        Ok(out)
    }

    /// Id, timestamp and headline of every record in added order, from the indexes alone.
    pub fn list(&self) -> Result<Vec<(u64, Option<String>, String)>> {
        let mut dec = zstd::bulk::Decompressor::new().map_err(|e| self.io(e))?;
        let mut all = Vec::with_capacity(self.records() as usize);
        for s in &self.segments {
            let l = self.listing(&mut dec, s)?;
            all.extend(s.loc.records.iter().zip(l.items).map(|(r, (ts, h))| (r.id, ts, h)));
        }
        Ok(all)
    }

    pub(super) fn listing(&self, dec: &mut zstd::bulk::Decompressor<'_>, s: &Segment) -> Result<Listing> {
        let at = s.index_offset + INDEX_HEAD_LEN + s.head.len_a as u64;
        let raw = read_vec(&self.file, at, s.head.len_b as u64).map_err(|e| self.io(e))?;
        let b = blob(dec, &raw).map_err(|e| self.damaged(at, &format!("index listing table: {e}")))?;
        let l = Listing::decode(&b).map_err(|e| self.damaged(at, &e))?;
        if l.items.len() != s.loc.records.len() {
            return Err(self.damaged(at, "index listing table has another record count than its location table"));
        }
        Ok(l)
    }

    /// Counts and sizes.
    pub fn stats(&self) -> Result<Stats> {
        let mut st = Stats {
            file_bytes: self.len,
            records: self.records(),
            adds: self.segments.len(),
            index_bytes: self.len.min(HEADER_LEN),
            ..Stats::default()
        };
        for s in &self.segments {
            st.frames += s.loc.frames.len();
            st.data_bytes += s.loc.frames.iter().map(|f| f.compressed as u64).sum::<u64>();
            st.json_bytes += s.loc.frames.iter().map(|f| f.decompressed as u64).sum::<u64>();
            st.index_bytes += s.head.frame_len() + FOOTER_LEN;
            st.first_add = st.first_add.or(Some(s.loc.created));
            st.last_add = Some(s.loc.created);
        }
        for (_, ts, _) in self.list()? {
            let Some(t) = ts.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()) else { continue };
            if st.oldest.as_ref().is_none_or(|o| t < *o) {
                st.oldest = Some(t);
            }
            if st.newest.as_ref().is_none_or(|n| t > *n) {
                st.newest = Some(t);
            }
        }
        st.torn_tail = self.torn_tail().map(|t| t.bytes).unwrap_or(0);
        Ok(st)
    }

    pub(super) fn io(&self, e: io::Error) -> ArchiveError {
        ArchiveError::io(&self.path, e)
    }

    pub(super) fn damaged(&self, offset: u64, what: &str) -> ArchiveError {
        ArchiveError::Damaged { path: self.path.clone(), offset, what: what.to_string() }
    }

    fn not_archive(&self, reason: &str) -> ArchiveError {
        ArchiveError::NotArchive { path: self.path.clone(), reason: reason.to_string() }
    }
}

/// What `stats` reports.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub records: u64,
    pub adds: usize,
    pub frames: usize,
    pub file_bytes: u64,
    /// Compressed bytes of the data frames.
    pub data_bytes: u64,
    /// JSON Lines bytes the data frames hold.
    pub json_bytes: u64,
    /// Header, index frames and footers.
    pub index_bytes: u64,
    pub oldest: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub newest: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Unix seconds of the first and last add.
    pub first_add: Option<u64>,
    pub last_add: Option<u64>,
    pub torn_tail: u64,
}
