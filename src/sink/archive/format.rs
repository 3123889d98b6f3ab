//! The bytes of the archive format (`docs/archive-format.md`): magic numbers, the header
//! frame, the index frame and the footer, and their encoding and decoding. Nothing here
//! touches a file.

use sha2::{Digest, Sha256};

/// The format version written by this code; readers refuse anything newer.
pub const VERSION: u16 = 1;

/// Magic of a zstd data frame, little-endian on disk.
pub const ZSTD_MAGIC: u32 = 0xFD2F_B528;
/// Skippable-frame magics (`0x184D2A50..=0x184D2A5F`); `zstd -dc` ignores all of them.
pub const SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;
pub const SKIPPABLE_BASE: u32 = 0x184D_2A50;
/// The archive header frame, first in the file.
pub const HEADER_MAGIC: u32 = 0x184D_2A5A;
/// An index frame, one per add.
pub const INDEX_MAGIC: u32 = 0x184D_2A5B;
/// The footer frame, last of each add.
pub const FOOTER_MAGIC: u32 = 0x184D_2A5C;

pub const HEADER_TAG: &[u8; 4] = b"NPAR";
pub const INDEX_TAG: &[u8; 4] = b"NPIX";
pub const FOOTER_TAG: &[u8; 4] = b"NPFT";

/// Header frame: skippable header (8) + tag (4) + version (2) + flags (2).
pub const HEADER_LEN: u64 = 16;
/// Footer frame: skippable header (8) + 32 bytes of payload.
pub const FOOTER_LEN: u64 = 40;
/// Start of an index frame: skippable header (8) + tag, version, flags, two blob lengths, check.
pub const INDEX_HEAD_LEN: u64 = 28;
/// "No previous index" in `prev_index`.
pub const NO_PREV: u64 = u64::MAX;

/// First 4 bytes of SHA-256: the check value of the header and footer fields.
pub fn check(bytes: &[u8]) -> [u8; 4] {
    let d = Sha256::digest(bytes);
    [d[0], d[1], d[2], d[3]]
}

pub fn header() -> [u8; HEADER_LEN as usize] {
    let mut b = [0u8; HEADER_LEN as usize];
    b[0..4].copy_from_slice(&HEADER_MAGIC.to_le_bytes());
    b[4..8].copy_from_slice(&8u32.to_le_bytes());
    b[8..12].copy_from_slice(HEADER_TAG);
    b[12..14].copy_from_slice(&VERSION.to_le_bytes());
    b
}

/// What the first bytes of a file say.
#[derive(Debug, PartialEq, Eq)]
pub enum HeaderKind {
    Archive {
        version: u16,
    },
    /// A prefix of our header: a first add that died while writing it.
    Partial,
    PlainZstd,
    Other,
}

pub fn read_header(b: &[u8]) -> HeaderKind {
    let full = header();
    if b.len() < full.len() {
        return if full.starts_with(b) { HeaderKind::Partial } else { HeaderKind::Other };
    }
    if b[0..12] == full[0..12] {
        return HeaderKind::Archive { version: u16::from_le_bytes([b[12], b[13]]) };
    }
    if u32_at(b, 0) == ZSTD_MAGIC { HeaderKind::PlainZstd } else { HeaderKind::Other }
}

/// The footer's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footer {
    /// Offset of this add's index frame.
    pub index_offset: u64,
    /// Records in the whole archive up to this footer.
    pub total_records: u64,
    /// Adds (index frames) in the chain.
    pub segments: u32,
    pub version: u16,
}

impl Footer {
    pub fn encode(&self) -> [u8; FOOTER_LEN as usize] {
        let mut b = [0u8; FOOTER_LEN as usize];
        b[0..4].copy_from_slice(&FOOTER_MAGIC.to_le_bytes());
        b[4..8].copy_from_slice(&32u32.to_le_bytes());
        b[8..16].copy_from_slice(&self.index_offset.to_le_bytes());
        b[16..24].copy_from_slice(&self.total_records.to_le_bytes());
        b[24..28].copy_from_slice(&self.segments.to_le_bytes());
        b[28..30].copy_from_slice(&self.version.to_le_bytes());
        // 30..32 flags, zero
        let c = check(&b[8..32]);
        b[32..36].copy_from_slice(&c);
        b[36..40].copy_from_slice(FOOTER_TAG);
        b
    }
}

/// Whether 40 bytes have the footer's fixed parts (magic, size, tag) — a footer, possibly damaged.
pub fn looks_like_footer(b: &[u8]) -> bool {
    b.len() == FOOTER_LEN as usize && u32_at(b, 0) == FOOTER_MAGIC && u32_at(b, 4) == 32 && &b[36..40] == FOOTER_TAG
}

/// Decodes a footer; `None` when the bytes are not an intact one.
pub fn decode_footer(b: &[u8]) -> Option<Footer> {
    if !looks_like_footer(b) || check(&b[8..32]) != b[32..36] {
        return None;
    }
    Some(Footer {
        index_offset: u64_at(b, 8),
        total_records: u64_at(b, 16),
        segments: u32_at(b, 24),
        version: u16::from_le_bytes([b[28], b[29]]),
    })
}

/// One data frame as the index describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameEntry {
    pub compressed: u32,
    pub decompressed: u32,
}

/// Where one record is: its frame (numbered within its add) and its bytes in the
/// decompressed frame, newline included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordEntry {
    pub id: u64,
    pub frame: u32,
    pub offset: u32,
    pub length: u32,
}

/// Table A of an index frame: everything `get`, `cat` and `add` need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    pub prev_index: u64,
    pub data_start: u64,
    /// Unix seconds when the add was committed.
    pub created: u64,
    pub frames: Vec<FrameEntry>,
    pub records: Vec<RecordEntry>,
}

const LOC_FIXED: usize = 8 + 8 + 8 + 4 + 4;

impl Locations {
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(LOC_FIXED + self.frames.len() * 8 + self.records.len() * 20);
        b.extend_from_slice(&self.prev_index.to_le_bytes());
        b.extend_from_slice(&self.data_start.to_le_bytes());
        b.extend_from_slice(&self.created.to_le_bytes());
        b.extend_from_slice(&(self.frames.len() as u32).to_le_bytes());
        b.extend_from_slice(&(self.records.len() as u32).to_le_bytes());
        for f in &self.frames {
            b.extend_from_slice(&f.compressed.to_le_bytes());
            b.extend_from_slice(&f.decompressed.to_le_bytes());
        }
        for r in &self.records {
            b.extend_from_slice(&r.id.to_le_bytes());
            b.extend_from_slice(&r.frame.to_le_bytes());
            b.extend_from_slice(&r.offset.to_le_bytes());
            b.extend_from_slice(&r.length.to_le_bytes());
        }
        b
    }

    pub fn decode(b: &[u8]) -> Result<Locations, String> {
        if b.len() < LOC_FIXED {
            return Err("location table too short".into());
        }
        let nf = u32_at(b, 24) as usize;
        let nr = u32_at(b, 28) as usize;
        if b.len() as u64 != LOC_FIXED as u64 + nf as u64 * 8 + nr as u64 * 20 {
            return Err(format!("location table is {} bytes, {nf} frames and {nr} records need another size", b.len()));
        }
        let mut at = LOC_FIXED;
        let mut frames = Vec::with_capacity(nf);
        for _ in 0..nf {
            frames.push(FrameEntry { compressed: u32_at(b, at), decompressed: u32_at(b, at + 4) });
            at += 8;
        }
        let mut records = Vec::with_capacity(nr);
        for _ in 0..nr {
            records.push(RecordEntry {
                id: u64_at(b, at),
                frame: u32_at(b, at + 8),
                offset: u32_at(b, at + 12),
                length: u32_at(b, at + 16),
            });
            at += 20;
        }
        Ok(Locations { prev_index: u64_at(b, 0), data_start: u64_at(b, 8), created: u64_at(b, 16), frames, records })
    }
}

/// Table B of an index frame: what `ls` prints, in record order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub items: Vec<(Option<String>, String)>,
}

impl Listing {
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&(self.items.len() as u32).to_le_bytes());
        for (ts, headline) in &self.items {
            match ts {
                Some(t) => {
                    b.extend_from_slice(&(t.len() as u32).to_le_bytes());
                    b.extend_from_slice(t.as_bytes());
                }
                None => b.extend_from_slice(&u32::MAX.to_le_bytes()),
            }
            b.extend_from_slice(&(headline.len() as u32).to_le_bytes());
            b.extend_from_slice(headline.as_bytes());
        }
        b
    }

    pub fn decode(b: &[u8]) -> Result<Listing, String> {
        let bad = || "listing table is malformed".to_string();
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = b.get(at..at.checked_add(n).ok_or_else(bad)?).ok_or_else(bad)?;
            at += n;
            Ok(s)
        };
        let count = u32_at(take(4)?, 0) as usize;
        let mut items = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let tl = u32_at(take(4)?, 0);
            let ts = if tl == u32::MAX {
                None
            } else {
                Some(String::from_utf8(take(tl as usize)?.to_vec()).map_err(|_| bad())?)
            };
            let hl = u32_at(take(4)?, 0) as usize;
            let headline = String::from_utf8(take(hl)?.to_vec()).map_err(|_| bad())?;
            items.push((ts, headline));
        }
        if at != b.len() {
            return Err(bad());
        }
        Ok(Listing { items })
    }
}

/// The fixed start of an index frame, after which come blob A (compressed [`Locations`]) and
/// blob B (compressed [`Listing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexHead {
    pub version: u16,
    pub len_a: u32,
    pub len_b: u32,
}

impl IndexHead {
    pub fn encode(&self) -> [u8; INDEX_HEAD_LEN as usize] {
        let mut b = [0u8; INDEX_HEAD_LEN as usize];
        b[0..4].copy_from_slice(&INDEX_MAGIC.to_le_bytes());
        let payload = 20u64 + self.len_a as u64 + self.len_b as u64;
        b[4..8].copy_from_slice(&(payload as u32).to_le_bytes());
        b[8..12].copy_from_slice(INDEX_TAG);
        b[12..14].copy_from_slice(&self.version.to_le_bytes());
        // 14..16 flags, zero
        b[16..20].copy_from_slice(&self.len_a.to_le_bytes());
        b[20..24].copy_from_slice(&self.len_b.to_le_bytes());
        let c = check(&b[0..24]);
        b[24..28].copy_from_slice(&c);
        b
    }

    /// Decodes and checks the fixed start of an index frame.
    pub fn decode(b: &[u8]) -> Result<IndexHead, String> {
        if b.len() < INDEX_HEAD_LEN as usize || u32_at(b, 0) != INDEX_MAGIC || &b[8..12] != INDEX_TAG {
            return Err("no index frame here".into());
        }
        if check(&b[0..24]) != b[24..28] {
            return Err("index frame header fails its check".into());
        }
        let head =
            IndexHead { version: u16::from_le_bytes([b[12], b[13]]), len_a: u32_at(b, 16), len_b: u32_at(b, 20) };
        if u32_at(b, 4) as u64 != 20 + head.len_a as u64 + head.len_b as u64 {
            return Err("index frame size disagrees with its blob lengths".into());
        }
        Ok(head)
    }

    /// Bytes of the whole index frame, skippable header included.
    pub fn frame_len(&self) -> u64 {
        INDEX_HEAD_LEN + self.len_a as u64 + self.len_b as u64
    }
}

pub fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

pub fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or([0; 4]))
}

pub fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]))
}

/// `0123456789abcdef` -> the id's 64 bits; only 16 lowercase hex digits are an id.
pub fn parse_id(s: &str) -> Option<u64> {
    (s.len() == 16 && s.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)))
        .then(|| u64::from_str_radix(s, 16).ok())
        .flatten()
}

pub fn format_id(id: u64) -> String {
    format!("{id:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_round_trips_and_detects_damage() {
        let f = Footer { index_offset: 1234, total_records: 99, segments: 3, version: VERSION };
        let mut b = f.encode();
        assert_eq!(decode_footer(&b), Some(f));
        b[10] ^= 1;
        assert!(looks_like_footer(&b));
        assert_eq!(decode_footer(&b), None);
    }

    #[test]
    fn tables_round_trip() {
        let loc = Locations {
            prev_index: NO_PREV,
            data_start: 16,
            created: 1,
            frames: vec![FrameEntry { compressed: 10, decompressed: 20 }],
            records: vec![RecordEntry { id: 7, frame: 0, offset: 0, length: 20 }],
        };
        assert_eq!(Locations::decode(&loc.encode()).unwrap(), loc);
        let l = Listing { items: vec![(None, "Titel".into()), (Some("2026-01-08T15:10:39+01:00".into()), "".into())] };
        assert_eq!(Listing::decode(&l.encode()).unwrap(), l);
        let h = IndexHead { version: 1, len_a: 5, len_b: 6 };
        assert_eq!(IndexHead::decode(&h.encode()).unwrap(), h);
    }

    #[test]
    fn ids_are_16_lowercase_hex() {
        assert_eq!(parse_id("00000000000000ff"), Some(255));
        assert_eq!(parse_id("00000000000000FF"), None);
        assert_eq!(parse_id("ff"), None);
        assert_eq!(format_id(255), "00000000000000ff");
    }
}
