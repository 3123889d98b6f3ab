//! The output contract (`docs/record.md`): serde types in the key order the contract fixes,
//! and the content-derived id.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const SCHEMA: &str = "newsparse/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub schema: String,
    pub id: String,
    pub source: Source,
    pub language: Option<String>,
    pub site: Option<String>,
    pub kicker: Option<String>,
    pub headline: String,
    pub dateline: Option<Dateline>,
    pub timestamp: Option<String>,
    pub updated: Option<String>,
    pub authors: Vec<String>,
    pub keywords: Vec<String>,
    pub lead: Option<String>,
    pub sections: Vec<Section>,
    pub images: Vec<Image>,
    pub credit: Option<String>,
    pub teasers: Vec<Teaser>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub url: Option<String>,
    pub format: Format,
    pub encoding: String,
    pub bytes: u64,
    pub sha256: String,
    pub saved_at: Option<String>,
    pub warc: Option<WarcOrigin>,
}

/// Where in a WARC file a page's record sits: `dd`/`zcat` of `offset..offset+length` of `file`
/// gives the WARC record (its gzip member when the file is compressed per record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarcOrigin {
    pub file: String,
    pub offset: u64,
    pub length: u64,
    pub record_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Mhtml,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub text: String,
    pub places: Vec<String>,
    pub agency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// One of the article's own pictures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teaser {
    pub headline: String,
    pub summary: Option<String>,
    pub category: Option<String>,
    pub timestamp: Option<String>,
    pub url: Option<String>,
}

/// The id hashes what makes the article this article (headline, the instant of the timestamp
/// to the minute, lead, headings, paragraphs) and nothing about how it was saved, so HTML,
/// MHTML and copied text of one article agree: one save keeps the seconds of the page's
/// metadata, another shows only the visible `15:10 Uhr`. Fields are length-prefixed so that
/// moving text between fields changes the id.
pub fn content_id(
    headline: &str,
    timestamp: Option<&chrono::DateTime<chrono::FixedOffset>>,
    lead: Option<&str>,
    sections: &[Section],
) -> String {
    let mut h = Sha256::new();
    let mut put = |tag: u8, s: &str| {
        h.update([tag]);
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    put(b'h', headline);
    put(b't', &timestamp.map(|t| t.timestamp().div_euclid(60) * 60).map(|m| m.to_string()).unwrap_or_default());
    put(b'l', lead.unwrap_or(""));
    for s in sections {
        put(b's', s.heading.as_deref().unwrap_or(""));
        for p in &s.paragraphs {
            put(b'p', p);
        }
    }
    let digest = h.finalize();
    crate::text::hex(&digest[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(h: Option<&str>, ps: &[&str]) -> Section {
        Section { heading: h.map(Into::into), paragraphs: ps.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn id_is_16_hex_and_depends_on_content_only() {
        let a = content_id("Titel", None, Some("Vorspann"), &[sec(None, &["Eins", "Zwei"])]);
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(a, content_id("Titel", None, Some("Vorspann"), &[sec(None, &["Eins", "Zwei"])]));
        assert_ne!(a, content_id("Titel", None, Some("Vorspann"), &[sec(None, &["Eins", "Drei"])]));
        // moving a paragraph into the lead is another article shape, another id
        assert_ne!(a, content_id("Titel", None, Some("VorspannEins"), &[sec(None, &["Zwei"])]));
    }

    #[test]
    fn id_uses_the_instant_not_the_offset_spelling() {
        let a = chrono::DateTime::parse_from_rfc3339("2026-01-08T15:10:39+01:00").unwrap();
        let b = chrono::DateTime::parse_from_rfc3339("2026-01-08T14:10:39Z").unwrap();
        assert_eq!(content_id("T", Some(&a), None, &[]), content_id("T", Some(&b), None, &[]));
        assert_ne!(content_id("T", Some(&a), None, &[]), content_id("T", None, None, &[]));
    }

    #[test]
    fn id_drops_the_seconds_but_not_the_minute() {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let id = |s: &str| content_id("T", Some(&t(s)), None, &[]);
        assert_eq!(id("2026-01-08T15:10:39+01:00"), id("2026-01-08T15:10:00+01:00"));
        assert_eq!(id("2026-01-08T15:10:59+01:00"), id("2026-01-08T14:10:00Z"));
        assert_ne!(id("2026-01-08T15:10:59+01:00"), id("2026-01-08T15:11:00+01:00"));
        // before 1970 the minute is still the one below the instant
        assert_eq!(id("1969-12-31T23:59:30Z"), id("1969-12-31T23:59:00Z"));
    }
}
