//! gzip: any input that opens with the gzip magic is decompressed before anything else looks
//! at it, with a cap on the decompressed size so that a small file cannot expand without bound.

use std::io::{ErrorKind, Read};

use flate2::read::MultiGzDecoder;

use crate::{Error, Result};

/// gzip's magic number, RFC 1952.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses all gzip members of `bytes`, failing once more than `limit` bytes come out.
pub fn decompress(bytes: &[u8], limit: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut reader = MultiGzDecoder::new(bytes).take(limit.saturating_add(1));
    match reader.read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Err(Error::Container("truncated gzip data".into())),
        Err(e) => return Err(Error::Container(format!("corrupt gzip data ({e})"))),
    }
    if out.len() as u64 > limit {
        return Err(Error::DecompressedTooLarge { limit });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    pub(crate) fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn round_trip_and_magic() {
        let data = "<p>Grüße aus Kiel</p>".repeat(50);
        let packed = gz(data.as_bytes());
        assert!(is_gzip(&packed));
        assert!(!is_gzip(data.as_bytes()));
        assert_eq!(decompress(&packed, 1 << 20).unwrap(), data.as_bytes());
    }

    #[test]
    fn concatenated_members() {
        let mut packed = gz(b"erster Teil, ");
        packed.extend(gz(b"zweiter Teil"));
        assert_eq!(decompress(&packed, 1 << 20).unwrap(), b"erster Teil, zweiter Teil");
    }

    #[test]
    fn limit_is_exact() {
        let data = vec![b'a'; 10_000];
        let packed = gz(&data);
        assert_eq!(decompress(&packed, 10_000).unwrap().len(), 10_000);
        let err = decompress(&packed, 9_999).unwrap_err();
        assert_eq!(
            err.to_string(),
            "decompressed size exceeds the limit of 9999 bytes (raise it with --max-decompressed)"
        );
    }

    #[test]
    fn truncated() {
        let data = "Die Fähre legt um acht Uhr ab. ".repeat(200);
        let packed = gz(data.as_bytes());
        for cut in [3, 10, packed.len() / 2, packed.len() - 4] {
            let err = decompress(&packed[..cut], 1 << 20).unwrap_err();
            assert_eq!(err.to_string(), "truncated gzip data", "cut at {cut}");
        }
    }

    #[test]
    fn corrupt() {
        let mut packed = gz("Ein Satz über die Ostsee.".repeat(40).as_bytes());
        let mid = packed.len() / 2;
        packed[mid] ^= 0xff;
        packed[mid + 1] ^= 0x55;
        let err = decompress(&packed, 1 << 20).unwrap_err().to_string();
        assert!(err.starts_with("corrupt gzip data") || err == "truncated gzip data", "{err}");
    }
}
