//! WARC files (ISO 28500, WARC/1.0 and 1.1), uncompressed or gzip-compressed per record, read
//! as a stream of records with the byte range each came from.
//!
//! A reader of our own rather than a crate: the maintained ones either give no byte offsets of
//! gzip members (`warc`, `rust_warc`) or bring a second zstd, sha2 and HTTP stack with them
//! (`fastwarc`), and none of them goes on after a damaged member. Here every gzip member is
//! decoded by flate2 over a reader that counts the compressed bytes it consumes, so a
//! record's `offset`/`length` is exactly its member: `tail -c +$((offset+1)) FILE | head -c
//! length | zcat` gives the record back. A member that does not decode is reported and the
//! reader seeks to the next gzip header after its start; a file cut off inside its last
//! member is reported too. Memory is one record at a time.

use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use flate2::bufread::GzDecoder;

use super::http;
use crate::record::WarcOrigin;

/// The longest WARC header block read; longer is damage.
const MAX_HEADER: usize = 64 << 10;

/// Whether the first bytes of a file are a WARC file, and how it is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Gzip,
}

/// Detects a WARC file by content: `WARC/1.` at the start, or inside a gzip member at the start.
pub fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"WARC/") {
        return Some(Kind::Plain);
    }
    if super::gzip::is_gzip(head) {
        let mut out = [0u8; 5];
        let mut d = flate2::read::GzDecoder::new(head);
        let mut n = 0;
        while n < out.len() {
            match d.read(&mut out[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        if n == 5 && &out == b"WARC/" {
            return Some(Kind::Gzip);
        }
    }
    None
}

/// Reads the first bytes of `path` and tells whether it is a WARC file.
pub fn sniff_file(path: &std::path::Path) -> Option<Kind> {
    let mut head = vec![0u8; 4096];
    let mut f = std::fs::File::open(path).ok()?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return None,
        }
    }
    sniff(&head[..n])
}

/// One HTML page with HTTP status 200 from a `response` record.
#[derive(Debug, Clone)]
pub struct Page {
    pub origin: WarcOrigin,
    pub target_uri: Option<String>,
    /// `WARC-Date` as written (UTC, ISO 8601).
    pub date: Option<String>,
    /// `WARC-Truncated`'s reason, when the crawler cut the payload short.
    pub truncated: Option<String>,
    /// The record block: the HTTP response as stored.
    pub block: Vec<u8>,
}

/// What one record of the file is.
#[derive(Debug, Clone)]
pub enum Item {
    Page(Page),
    /// Not a page: a request, warcinfo, metadata or revisit record, a redirect, another
    /// status or a payload that is not HTML. `what` says which.
    PassedOver {
        offset: u64,
        what: String,
    },
    /// A record (or gzip member) that cannot be read; the reader goes on after it.
    Damaged {
        offset: u64,
        reason: String,
    },
}

/// Counts the bytes consumed from a buffered reader: the position in the file.
struct Counted<R> {
    inner: BufReader<R>,
    pos: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

impl<R: Read + Seek> Counted<R> {
    fn seek_to(&mut self, pos: u64) -> io::Result<()> {
        self.inner.seek(SeekFrom::Start(pos))?;
        self.pos = pos;
        Ok(())
    }
}

/// A gzip member's data: what was read ahead to check the member whole, then the rest.
type MemberData<R> = BufReader<io::Chain<io::Cursor<Vec<u8>>, GzDecoder<Counted<R>>>>;

enum State<R: Read> {
    /// Uncompressed file.
    Plain(Counted<R>),
    /// Between gzip members.
    Between(Counted<R>),
    /// Inside a gzip member that began at `start`, too large to be checked whole first.
    Member {
        dec: Box<MemberData<R>>,
        start: u64,
    },
    Done,
}

/// A WARC file as an iterator of [`Item`]s in file order.
pub struct Reader<R: Read + Seek> {
    state: State<R>,
    /// Records of a member already read and checked, still to be handed out.
    pending: std::collections::VecDeque<Item>,
    file: String,
    /// Records with a larger block are reported, not read into memory.
    max_block: u64,
    /// Set when a damaged record could not be skipped because the input cannot seek (a
    /// [`Stream`]); the damage report then says that the rest is not read.
    halted: bool,
}

/// Standard input or a pipe as a WARC source: read forward only. Seeking fails, so after a
/// damaged record the reader stops, and says so, instead of searching for the next record.
pub struct Stream<R>(pub R);

impl<R: Read> Read for Stream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R> Seek for Stream<R> {
    fn seek(&mut self, _: SeekFrom) -> io::Result<u64> {
        Err(io::Error::new(io::ErrorKind::Unsupported, "a stream cannot go back"))
    }
}

/// Added to the report of the damage after which a [`Stream`] is not read on.
const HALTED: &str = "the rest of the stream is not read (a damaged record can only be skipped in a file: save the stream to a file and read that)";

impl Reader<std::fs::File> {
    /// Opens `path` (reported as `file` in every origin); `None` when it is not a WARC file.
    pub fn open(path: &std::path::Path, file: &str, max_block: u64) -> io::Result<Option<Self>> {
        let Some(kind) = sniff_file(path) else { return Ok(None) };
        Ok(Some(Reader::new(std::fs::File::open(path)?, kind, file, max_block)))
    }
}

impl<R: Read + Seek> Reader<R> {
    pub fn new(r: R, kind: Kind, file: &str, max_block: u64) -> Self {
        let counted = Counted { inner: BufReader::with_capacity(64 << 10, r), pos: 0 };
        let state = match kind {
            Kind::Plain => State::Plain(counted),
            Kind::Gzip => State::Between(counted),
        };
        Reader { state, pending: Default::default(), file: file.to_string(), max_block, halted: false }
    }

    fn next_item(&mut self) -> Option<Item> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return self.pending.pop_front(),
                State::Plain(mut c) => {
                    skip_blank(&mut c).ok()?;
                    let start = c.pos;
                    match read_record(&mut c, self.max_block) {
                        Ok(None) => return None,
                        Ok(Some(raw)) => {
                            let length = c.pos - start;
                            self.state = State::Plain(c);
                            return Some(self.classify(raw, start, length));
                        }
                        Err(Damage::CutOff(reason)) => return Some(Item::Damaged { offset: start, reason }),
                        Err(Damage::Bad(reason)) => {
                            // Resynchronise on the next record's version line.
                            match find_after(&mut c, start + 1, b"WARC/1.") {
                                Ok(true) => self.state = State::Plain(c),
                                Ok(false) => self.state = State::Done,
                                Err(e) => self.halt(&e),
                            }
                            return Some(Item::Damaged { offset: start, reason });
                        }
                    }
                }
                State::Between(mut c) => {
                    if let Some(item) = self.pending.pop_front() {
                        self.state = State::Between(c);
                        return Some(item);
                    }
                    match c.fill_buf() {
                        Ok([]) | Err(_) => return None,
                        Ok(_) => {}
                    }
                    let start = c.pos;
                    self.member(c, start);
                }
                State::Member { mut dec, start } => {
                    let result = skip_blank(&mut dec)
                        .map_err(|e| gzip_damage(&e))
                        .and_then(|()| read_record(&mut dec, self.max_block));
                    match result {
                        Ok(Some(raw)) => {
                            // One record a member, as the standard asks: the member ends here.
                            let ended = match dec.fill_buf() {
                                Ok(b) => b.is_empty(),
                                Err(e) => {
                                    let reason = format!("{} after the record", gzip_reason(&e));
                                    self.resync((*dec).into_inner().into_inner().1.into_inner(), start);
                                    return Some(Item::Damaged { offset: start, reason });
                                }
                            };
                            let pos = dec.get_ref().get_ref().1.get_ref().pos;
                            let length = pos - start;
                            if ended {
                                self.state = State::Between((*dec).into_inner().into_inner().1.into_inner());
                            } else {
                                self.state = State::Member { dec, start };
                            }
                            return Some(self.classify(raw, start, length));
                        }
                        Ok(None) => {
                            // An empty member (or one of blank lines): go on with the next.
                            self.state = State::Between((*dec).into_inner().into_inner().1.into_inner());
                        }
                        Err(Damage::CutOff(reason)) | Err(Damage::Bad(reason)) => {
                            self.resync((*dec).into_inner().into_inner().1.into_inner(), start);
                            return Some(Item::Damaged { offset: start, reason });
                        }
                    }
                }
            }
        }
    }

    /// Starts on the gzip member at `start`. One that fits in memory (the usual one record a
    /// member) is decoded whole first, so that its checksum is verified before any record of
    /// it is handed out; a larger one is read as a stream.
    fn member(&mut self, c: Counted<R>, start: u64) {
        let limit = self.max_block.saturating_add(2 * MAX_HEADER as u64);
        let mut dec = GzDecoder::new(c);
        let mut data = Vec::new();
        let read = dec.by_ref().take(limit + 1).read_to_end(&mut data);
        if let Err(e) = read {
            let reason = gzip_reason(&e);
            self.resync(dec.into_inner(), start);
            self.pending.push_back(Item::Damaged { offset: start, reason });
            return;
        }
        if data.len() as u64 > limit {
            let dec = Box::new(BufReader::with_capacity(64 << 10, io::Cursor::new(data).chain(dec)));
            self.state = State::Member { dec, start };
            return;
        }
        let c = dec.into_inner();
        let length = c.pos - start;
        self.state = State::Between(c);
        let mut cur = io::Cursor::new(data);
        loop {
            match skip_blank(&mut cur)
                .map_err(|e| Damage::Bad(e.to_string()))
                .and_then(|()| read_record(&mut cur, self.max_block))
            {
                Ok(Some(raw)) => {
                    let item = self.classify(raw, start, length);
                    self.pending.push_back(item);
                }
                Ok(None) => break,
                Err(Damage::CutOff(reason)) | Err(Damage::Bad(reason)) => {
                    self.pending.push_back(Item::Damaged { offset: start, reason });
                    break;
                }
            }
        }
    }

    /// After a member that did not decode: on at the next gzip header after its start.
    fn resync(&mut self, mut c: Counted<R>, start: u64) {
        self.state = match find_after(&mut c, start + 1, &[0x1f, 0x8b, 0x08]) {
            Ok(true) => State::Between(c),
            Ok(false) => State::Done,
            Err(e) => {
                self.halt(&e);
                State::Done
            }
        };
    }

    /// The reader cannot go on after damage; remembered when the input is a [`Stream`].
    fn halt(&mut self, e: &io::Error) {
        self.state = State::Done;
        self.halted |= e.kind() == io::ErrorKind::Unsupported;
    }

    fn classify(&self, raw: RawRecord, offset: u64, length: u64) -> Item {
        let kind = raw.header("warc-type").unwrap_or("").to_ascii_lowercase();
        if kind != "response" {
            let what = if kind.is_empty() { "record without WARC-Type".to_string() } else { format!("{kind} record") };
            return Item::PassedOver { offset, what };
        }
        let http_msg = raw.header("content-type").is_none_or(|ct| ct.to_ascii_lowercase().contains("application/http"));
        let Some(block) = raw.block.as_deref() else {
            return Item::Damaged {
                offset,
                reason: format!("record of {} bytes, over the limit of {} bytes", raw.length, self.max_block),
            };
        };
        if !http_msg {
            return Item::PassedOver { offset, what: "response that is not HTTP".into() };
        }
        let resp = match http::parse(block) {
            Ok(r) => r,
            Err(e) => return Item::Damaged { offset, reason: e.to_string() },
        };
        if resp.status != 200 {
            let what = match resp.status {
                300..=399 => format!("redirect ({})", resp.status),
                s => format!("HTTP status {s}"),
            };
            return Item::PassedOver { offset, what };
        }
        if let Some(t) = resp.media_type()
            && !matches!(t.as_str(), "text/html" | "application/xhtml+xml")
        {
            return Item::PassedOver { offset, what: format!("{t} payload") };
        }
        let origin = WarcOrigin {
            file: self.file.clone(),
            offset,
            length,
            record_id: raw.header("warc-record-id").unwrap_or("").to_string(),
        };
        Item::Page(Page {
            origin,
            target_uri: raw.header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string()),
            date: raw.header("warc-date").map(str::to_string),
            truncated: raw.header("warc-truncated").map(str::to_string),
            block: raw.block.unwrap_or_default(),
        })
    }
}

impl<R: Read + Seek> Iterator for Reader<R> {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        let item = self.next_item()?;
        match item {
            // The damage that stopped a stream is the last item: its report says so, once.
            Item::Damaged { offset, reason } if std::mem::take(&mut self.halted) => {
                Some(Item::Damaged { offset, reason: format!("{reason}; {HALTED}") })
            }
            item => Some(item),
        }
    }
}

struct RawRecord {
    headers: Vec<(String, String)>,
    /// `None` when the block is over the limit (it was read past, not kept).
    block: Option<Vec<u8>>,
    length: u64,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

enum Damage {
    /// The data ends inside the record: nothing more follows.
    CutOff(String),
    /// The record cannot be read; what follows may be fine.
    Bad(String),
}

fn gzip_reason(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "gzip member cut off (the file ends inside it)".to_string()
    } else {
        format!("corrupt gzip member ({e})")
    }
}

fn gzip_damage(e: &io::Error) -> Damage {
    Damage::Bad(gzip_reason(e))
}

/// Blank lines between records (the CRLF CRLF after each block) are passed over.
fn skip_blank(r: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        let n = buf.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        if n == 0 {
            return Ok(());
        }
        r.consume(n);
    }
}

/// Reads one record: version line, headers, the block of `Content-Length` bytes, and the blank
/// lines after it. `Ok(None)` at a clean end of data.
fn read_record(r: &mut impl BufRead, max_block: u64) -> Result<Option<RawRecord>, Damage> {
    let io_damage = |e: io::Error, what: &str| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            Damage::CutOff(format!("{what} cut off (the data ends inside it)"))
        } else if e.kind() == io::ErrorKind::InvalidInput || e.kind() == io::ErrorKind::InvalidData {
            Damage::Bad(gzip_reason(&e))
        } else {
            Damage::Bad(e.to_string())
        }
    };
    let mut line = Vec::new();
    let mut head_len = 0usize;
    let mut lines: Vec<Vec<u8>> = Vec::new();
    loop {
        line.clear();
        let n = r.by_ref().take(MAX_HEADER as u64).read_until(b'\n', &mut line).map_err(|e| io_damage(e, "record"))?;
        if n == 0 {
            if lines.is_empty() {
                return Ok(None);
            }
            return Err(Damage::CutOff("WARC header cut off (the data ends inside it)".into()));
        }
        head_len += n;
        if head_len > MAX_HEADER {
            return Err(Damage::Bad("WARC header longer than 64 KiB".into()));
        }
        if lines.is_empty() && !line.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).trim_end().to_string();
            return Err(Damage::Bad(format!("not a WARC record (starts with {shown:?})")));
        }
        let trimmed = line.trim_ascii_end();
        if trimmed.is_empty() {
            break;
        }
        lines.push(trimmed.to_vec());
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for l in &lines[1..] {
        let l = String::from_utf8_lossy(l);
        if l.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(l.trim());
            }
        } else if let Some((n, v)) = l.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<u64>().ok())
        .ok_or_else(|| Damage::Bad("WARC record without a Content-Length".into()))?;
    let block = if length > max_block {
        let copied = io::copy(&mut r.by_ref().take(length), &mut io::sink()).map_err(|e| io_damage(e, "record"))?;
        if copied < length {
            return Err(Damage::CutOff("record cut off (the data ends inside it)".into()));
        }
        None
    } else {
        let mut block = Vec::with_capacity(length as usize);
        let got = r.by_ref().take(length).read_to_end(&mut block).map_err(|e| io_damage(e, "record"))?;
        if (got as u64) < length {
            return Err(Damage::CutOff(format!("record cut off after {got} of {length} bytes")));
        }
        Some(block)
    };
    skip_blank(r).map_err(|e| io_damage(e, "record"))?;
    Ok(Some(RawRecord { headers, block, length }))
}

/// Moves to the first occurrence of `needle` at or after `from`; false when there is none.
fn find_after<R: Read + Seek>(c: &mut Counted<R>, from: u64, needle: &[u8]) -> io::Result<bool> {
    c.seek_to(from)?;
    let mut carry: Vec<u8> = Vec::new();
    let mut base = from;
    loop {
        let buf = c.inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let mut window = std::mem::take(&mut carry);
        let carried = window.len() as u64;
        window.extend_from_slice(buf);
        let n = buf.len();
        if let Some(i) = memchr::memmem::find(&window, needle) {
            let at = base - carried + i as u64;
            c.seek_to(at)?;
            return Ok(true);
        }
        c.inner.consume(n);
        base += n as u64;
        let keep = needle.len().saturating_sub(1).min(window.len());
        carry = window[window.len() - keep..].to_vec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn record(kind: &str, extra: &str, block: &[u8]) -> Vec<u8> {
        let mut v = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        v.extend_from_slice(block);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const PAGE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<h1>T</h1>";

    fn records() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", "", b"software: test\r\n"),
            record("response", "Content-Type: application/http; msgtype=response\r\n", PAGE),
            record("response", "", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>x</h1>"),
            record("response", "", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
            record("request", "", b"GET / HTTP/1.1\r\n\r\n"),
        ]
    }

    fn summary(items: Vec<Item>) -> Vec<String> {
        items
            .into_iter()
            .map(|i| match i {
                Item::Page(p) => format!("page@{}+{}", p.origin.offset, p.origin.length),
                Item::PassedOver { offset, what } => format!("over@{offset}:{what}"),
                Item::Damaged { offset, reason } => format!("damaged@{offset}:{reason}"),
            })
            .collect()
    }

    #[test]
    fn plain_and_gzip_offsets_give_the_record_back() {
        let recs = records();
        let plain: Vec<u8> = recs.concat();
        let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
        let packed: Vec<u8> = members.concat();
        assert_eq!(sniff(&plain), Some(Kind::Plain));
        assert_eq!(sniff(&packed), Some(Kind::Gzip));
        assert_eq!(sniff(&gz(b"<html>")), None);
        for (bytes, kind) in [(&plain, Kind::Plain), (&packed, Kind::Gzip)] {
            let items: Vec<Item> = Reader::new(Cursor::new(bytes.clone()), kind, "f.warc", 1 << 20).collect();
            assert_eq!(items.len(), 5);
            let Item::Page(p) = &items[1] else { panic!("{:?}", items[1]) };
            let range = &bytes[p.origin.offset as usize..(p.origin.offset + p.origin.length) as usize];
            let rec = if kind == Kind::Gzip {
                crate::input::gzip::decompress(range, 1 << 20).unwrap()
            } else {
                range.to_vec()
            };
            assert_eq!(rec, recs[1]);
            assert_eq!(p.block, PAGE);
            assert_eq!(p.origin.record_id, "<urn:uuid:response>");
            let s = summary(items);
            assert!(s[0].ends_with("warcinfo record") && s[2].ends_with("HTTP status 404"), "{s:?}");
            assert!(s[3].ends_with("image/png payload") && s[4].ends_with("request record"), "{s:?}");
        }
    }

    #[test]
    fn damage_is_reported_and_reading_goes_on() {
        let recs = records();
        let mut members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
        // Corrupt the deflate data of the second member.
        let m = &mut members[1];
        let mid = m.len() / 2;
        m[mid] ^= 0xff;
        m[mid + 1] ^= 0xff;
        // And cut the last member short.
        let last = members.last_mut().unwrap();
        last.truncate(last.len() - 10);
        let packed = members.concat();
        let s = summary(Reader::new(Cursor::new(packed), Kind::Gzip, "f", 1 << 20).collect());
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s[1].starts_with(&format!("damaged@{}:", members[0].len())), "{s:?}");
        assert!(s[2].ends_with("HTTP status 404") && s[3].ends_with("image/png payload"), "{s:?}");
        assert!(s[4].contains("cut off"), "{s:?}");

        // Uncompressed: garbage between records, and a record cut off at the end.
        let mut plain = recs[0].clone();
        plain.extend_from_slice(b"garbage\r\n");
        plain.extend_from_slice(&recs[1]);
        plain.extend_from_slice(&recs[2][..30]);
        let s = summary(Reader::new(Cursor::new(plain), Kind::Plain, "f", 1 << 20).collect());
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[1].contains("not a WARC record") && s[2].starts_with("page@") && s[3].contains("cut off"), "{s:?}");
    }

    #[test]
    fn one_gzip_stream_for_the_whole_file_is_read_as_a_stream() {
        // Not one member a record but one for the file, larger than what is decoded whole
        // first: records come out as the stream is read, all named by the one member.
        let recs = records();
        let mut plain = Vec::new();
        for _ in 0..400 {
            plain.extend(recs.concat());
        }
        assert!(plain.len() > 1000 + 2 * MAX_HEADER);
        let packed = gz(&plain);
        let items: Vec<Item> = Reader::new(Cursor::new(packed.clone()), Kind::Gzip, "f", 1000).collect();
        assert_eq!(items.len(), 2000);
        let pages: Vec<&Page> =
            items.iter().filter_map(|i| if let Item::Page(p) = i { Some(p) } else { None }).collect();
        assert_eq!(pages.len(), 400);
        assert!(pages.iter().all(|p| p.origin.offset == 0 && p.block == PAGE));
        assert!(pages.windows(2).all(|w| w[0].origin.length <= w[1].origin.length));
        assert!(pages.last().unwrap().origin.length <= packed.len() as u64);
    }

    #[test]
    fn oversized_blocks_are_reported_not_read() {
        let big = format!("HTTP/1.1 200 OK\r\n\r\n{}", "x".repeat(5000));
        let bytes = [record("response", "", big.as_bytes()), record("response", "", PAGE)].concat();
        let s = summary(Reader::new(Cursor::new(bytes), Kind::Plain, "f", 1000).collect());
        assert!(s[0].contains("over the limit") && s[1].starts_with("page@"), "{s:?}");
    }
}
