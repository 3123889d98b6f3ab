//! Checks a record against the output contract (`record.md`): every key present in contract
//! order once serialised, RFC 3339 times, a 16-hex id, and clean text in every string.

use newsparse::Record;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// JSON with object keys kept in the order they were written.
#[derive(Debug)]
pub enum J {
    Obj(Vec<(String, J)>),
    Arr(Vec<J>),
    Str(String),
    Null,
    Other,
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<J, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, J>()? {
                    out.push((k, v));
                }
                Ok(J::Obj(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<J, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = s.next_element::<J>()? {
                    out.push(v);
                }
                Ok(J::Arr(out))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<J, E> {
                Ok(J::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<J, E> {
                Ok(J::Str(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<J, E> {
                Ok(J::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<J, E> {
                Ok(J::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<J, E> {
                Ok(J::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<J, E> {
                Ok(J::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl J {
    fn get(&self, key: &str) -> &J {
        match self {
            J::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v).unwrap_or(&J::Null),
            _ => &J::Null,
        }
    }

    fn keys(&self) -> Vec<&str> {
        match self {
            J::Obj(kv) => kv.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    fn items(&self) -> &[J] {
        match self {
            J::Arr(a) => a,
            _ => &[],
        }
    }
}

const RECORD_KEYS: &[&str] = &[
    "schema",
    "id",
    "source",
    "language",
    "site",
    "kicker",
    "headline",
    "dateline",
    "timestamp",
    "updated",
    "authors",
    "keywords",
    "lead",
    "sections",
    "images",
    "credit",
    "teasers",
    "warnings",
];
const SOURCE_KEYS: &[&str] = &["path", "url", "format", "encoding", "bytes", "sha256", "saved_at", "warc"];
const DATELINE_KEYS: &[&str] = &["text", "places", "agency"];
const SECTION_KEYS: &[&str] = &["heading", "paragraphs"];
const IMAGE_KEYS: &[&str] = &["url", "caption", "credit"];
const WARC_KEYS: &[&str] = &["file", "offset", "length", "record_id"];
const TEASER_KEYS: &[&str] = &["headline", "summary", "category", "timestamp", "url"];

fn time_ok(v: &J, what: &str) -> Result<(), String> {
    match v {
        J::Null => Ok(()),
        J::Str(s) => chrono::DateTime::parse_from_rfc3339(s).map(|_| ()).map_err(|e| format!("{what} {s:?}: {e}")),
        _ => Err(format!("{what} is neither a string nor null")),
    }
}

/// `<p>`, `</div>`, `<br/>`, `<a href="x">`, `<!--`: what a tag left in text looks like. A `<`
/// that never closes (`a < b`, `</x` at the end) is text.
fn has_markup(s: &str) -> bool {
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>").unwrap());
    TAG.is_match(s)
}

/// Named entities a page may use; `&bogus;` is no entity, and HTML keeps it as text.
const ENTITIES: &[&str] = &[
    "amp", "lt", "gt", "quot", "apos", "nbsp", "shy", "ndash", "mdash", "hellip", "auml", "ouml", "uuml", "Auml",
    "Ouml", "Uuml", "szlig", "euro", "copy", "reg", "bdquo", "ldquo", "rdquo", "lsquo", "rsquo", "sbquo", "laquo",
    "raquo", "middot", "bull", "eacute", "egrave", "agrave", "ccedil", "deg", "sect", "times", "thinsp", "zwnj",
];

/// `&amp;`, `&#8211;`, `&#x2013;`: an entity left undecoded.
fn has_entity(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| {
        let rest = &s[i + 1..];
        let Some(end) = rest.find(';') else { return false };
        let name = &rest[..end];
        if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            !num.is_empty() && num.chars().all(|c| c.is_ascii_hexdigit())
        } else if let Some(num) = name.strip_prefix('#') {
            !num.is_empty() && num.chars().all(|c| c.is_ascii_digit())
        } else {
            ENTITIES.contains(&name)
        }
    })
}

fn text_ok(s: &str, what: &str) -> Result<(), String> {
    if s.trim() != s {
        return Err(format!("{what} not trimmed: {s:?}"));
    }
    if s.contains("  ") || s.chars().any(|c| c.is_whitespace() && c != ' ') {
        return Err(format!("{what} has unfolded white space: {s:?}"));
    }
    if has_markup(s) {
        return Err(format!("{what} has markup: {s:?}"));
    }
    if has_entity(s) {
        return Err(format!("{what} has an entity: {s:?}"));
    }
    Ok(())
}

fn opt_text(v: &J, what: &str, allow_empty: bool) -> Result<(), String> {
    match v {
        J::Null => Ok(()),
        J::Str(s) if s.is_empty() && !allow_empty => Err(format!("{what} is an empty string")),
        J::Str(s) => text_ok(s, what),
        _ => Err(format!("{what} is not a string")),
    }
}

fn keys_are(v: &J, want: &[&str], what: &str) -> Result<(), String> {
    let got = v.keys();
    if got != want { Err(format!("{what} keys {got:?}, want {want:?}")) } else { Ok(()) }
}

/// Every rule of the contract that a record can be checked against on its own.
pub fn check(r: &Record) -> Result<(), String> {
    let json = serde_json::to_string(r).map_err(|e| e.to_string())?;
    let j: J = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    keys_are(&j, RECORD_KEYS, "record")?;
    keys_are(j.get("source"), SOURCE_KEYS, "source")?;
    if !matches!(j.get("source").get("warc"), J::Null) {
        keys_are(j.get("source").get("warc"), WARC_KEYS, "source.warc")?;
    }
    if !matches!(j.get("dateline"), J::Null) {
        let d = j.get("dateline");
        keys_are(d, DATELINE_KEYS, "dateline")?;
        opt_text(d.get("text"), "dateline.text", false)?;
        opt_text(d.get("agency"), "dateline.agency", false)?;
        for p in d.get("places").items() {
            opt_text(p, "dateline.places[]", false)?;
        }
    }
    let id = &r.id;
    if id.len() != 16 || !id.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)) {
        return Err(format!("id {id:?} is not 16 lowercase hex digits"));
    }
    if r.schema != "newsparse/1" {
        return Err(format!("schema {:?}", r.schema));
    }
    time_ok(j.get("timestamp"), "timestamp")?;
    time_ok(j.get("updated"), "updated")?;
    time_ok(j.get("source").get("saved_at"), "source.saved_at")?;
    if r.headline.is_empty() {
        return Err("empty headline".into());
    }
    text_ok(&r.headline, "headline")?;
    for (k, what) in
        [("site", "site"), ("kicker", "kicker"), ("lead", "lead"), ("credit", "credit"), ("language", "language")]
    {
        opt_text(j.get(k), what, false)?;
    }
    for a in &r.authors {
        opt_text(&J::Str(a.clone()), "authors[]", false)?;
    }
    for k in j.get("keywords").items() {
        opt_text(k, "keywords[]", false)?;
    }
    for i in j.get("images").items() {
        keys_are(i, IMAGE_KEYS, "image")?;
        opt_text(i.get("url"), "image url", false)?;
        opt_text(i.get("caption"), "image caption", false)?;
        opt_text(i.get("credit"), "image credit", false)?;
    }
    for s in j.get("sections").items() {
        keys_are(s, SECTION_KEYS, "section")?;
        opt_text(s.get("heading"), "section heading", false)?;
        for p in s.get("paragraphs").items() {
            opt_text(p, "paragraph", false)?;
        }
    }
    for t in j.get("teasers").items() {
        keys_are(t, TEASER_KEYS, "teaser")?;
        opt_text(t.get("headline"), "teaser headline", false)?;
        opt_text(t.get("summary"), "teaser summary", false)?;
        opt_text(t.get("category"), "teaser category", false)?;
        time_ok(t.get("timestamp"), "teaser timestamp")?;
    }
    Ok(())
}

#[test]
fn markup_and_entity_detectors() {
    assert!(has_markup("a <p> b"));
    assert!(has_markup("</div>"));
    assert!(has_markup("x<br/>"));
    assert!(has_markup("<!-- c"));
    assert!(!has_markup("a < b und c > d"));
    assert!(!has_markup("<3"));
    assert!(!has_markup("x </aä yz"));
    assert!(has_markup("<a href=\"x\">"));
    assert!(has_entity("Tom &amp; Jerry"));
    assert!(has_entity("&#8211;"));
    assert!(has_entity("&#x2013;"));
    assert!(!has_entity("Tom & Jerry; und &"));
    assert!(!has_entity("&bogus;"));
}
