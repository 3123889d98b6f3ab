//! The record contract (`docs/record.md`) checked on a line of JSON Lines before `add
//! --from-jsonl` archives it: every key with its type, the id 16 lowercase hex digits, times
//! RFC 3339. Keys the contract gained later (`site`, `keywords`, `images`, `source.warc`) may
//! be missing, so records written before them are accepted; keys unknown to this version are
//! let through, as the contract grows by adding keys.

use super::format;
use super::write::Entry;
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// A line that is not a record: its number (from 1) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub reason: String,
}

type Obj = Map<String, Value>;

fn get<'a>(o: &'a Obj, key: &str, at: &str) -> Result<&'a Value, String> {
    o.get(key).ok_or_else(|| format!("no `{at}{key}`"))
}

fn string<'a>(v: &'a Value, what: &str) -> Result<&'a str, String> {
    v.as_str().ok_or_else(|| format!("`{what}` is not a string"))
}

fn opt_string(v: &Value, what: &str) -> Result<(), String> {
    if v.is_null() { Ok(()) } else { string(v, what).map(|_| ()) }
}

fn time(v: &Value, what: &str) -> Result<(), String> {
    if v.is_null() {
        return Ok(());
    }
    let s = string(v, what)?;
    chrono::DateTime::parse_from_rfc3339(s).map(|_| ()).map_err(|_| format!("`{what}` {s:?} is not an RFC 3339 time"))
}

fn list<'a>(v: &'a Value, what: &str) -> Result<&'a Vec<Value>, String> {
    v.as_array().ok_or_else(|| format!("`{what}` is not a list"))
}

fn strings(v: &Value, what: &str) -> Result<(), String> {
    list(v, what)?.iter().try_for_each(|s| string(s, &format!("{what}[]")).map(|_| ()))
}

fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Obj, String> {
    v.as_object().ok_or_else(|| format!("`{what}` is not an object"))
}

fn count(v: &Value, what: &str) -> Result<(), String> {
    v.as_u64().map(|_| ()).ok_or_else(|| format!("`{what}` is not a whole number"))
}

/// Checks one parsed line against the record contract.
pub fn check_record(v: &Value) -> Result<(), String> {
    let o = v.as_object().ok_or("not a JSON object")?;
    let id = string(get(o, "id", "")?, "id")?;
    if format::parse_id(id).is_none() {
        return Err(format!("id {id:?} is not 16 lowercase hex digits"));
    }
    match string(get(o, "schema", "")?, "schema")? {
        crate::record::SCHEMA => {}
        s => return Err(format!("`schema` is {s:?}, not {:?}", crate::record::SCHEMA)),
    }
    check_source(object(get(o, "source", "")?, "source")?)?;
    if string(get(o, "headline", "")?, "headline")?.is_empty() {
        return Err("`headline` is empty".into());
    }
    for k in ["language", "kicker", "lead", "credit"] {
        opt_string(get(o, k, "")?, k)?;
    }
    for k in ["timestamp", "updated"] {
        time(get(o, k, "")?, k)?;
    }
    for k in ["authors", "warnings"] {
        strings(get(o, k, "")?, k)?;
    }
    let d = get(o, "dateline", "")?;
    if !d.is_null() {
        let d = object(d, "dateline")?;
        string(get(d, "text", "dateline.")?, "dateline.text")?;
        strings(get(d, "places", "dateline.")?, "dateline.places")?;
        opt_string(get(d, "agency", "dateline.")?, "dateline.agency")?;
    }
    for s in list(get(o, "sections", "")?, "sections")? {
        let s = object(s, "sections[]")?;
        opt_string(get(s, "heading", "sections[].")?, "sections[].heading")?;
        strings(get(s, "paragraphs", "sections[].")?, "sections[].paragraphs")?;
    }
    for t in list(get(o, "teasers", "")?, "teasers")? {
        let t = object(t, "teasers[]")?;
        string(get(t, "headline", "teasers[].")?, "teasers[].headline")?;
        for k in ["summary", "category", "url"] {
            opt_string(get(t, k, "teasers[].")?, &format!("teasers[].{k}"))?;
        }
        time(get(t, "timestamp", "teasers[].")?, "teasers[].timestamp")?;
    }
    check_added_later(o)
}

/// `site`, `keywords` and `images`: checked when present.
fn check_added_later(o: &Obj) -> Result<(), String> {
    if let Some(v) = o.get("site") {
        opt_string(v, "site")?;
    }
    if let Some(v) = o.get("keywords") {
        strings(v, "keywords")?;
    }
    if let Some(v) = o.get("images") {
        for i in list(v, "images")? {
            let i = object(i, "images[]")?;
            string(get(i, "url", "images[].")?, "images[].url")?;
            opt_string(get(i, "caption", "images[].")?, "images[].caption")?;
            opt_string(get(i, "credit", "images[].")?, "images[].credit")?;
        }
    }
    Ok(())
}

fn check_source(s: &Obj) -> Result<(), String> {
    string(get(s, "path", "source.")?, "source.path")?;
    opt_string(get(s, "url", "source.")?, "source.url")?;
    match string(get(s, "format", "source.")?, "source.format")? {
        "html" | "mhtml" | "text" => {}
        f => return Err(format!("`source.format` is {f:?}, not \"html\", \"mhtml\" or \"text\"")),
    }
    string(get(s, "encoding", "source.")?, "source.encoding")?;
    count(get(s, "bytes", "source.")?, "source.bytes")?;
    let sha = string(get(s, "sha256", "source.")?, "source.sha256")?;
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(format!("`source.sha256` {sha:?} is not 64 lowercase hex digits"));
    }
    time(get(s, "saved_at", "source.")?, "source.saved_at")?;
    match s.get("warc") {
        None | Some(Value::Null) => Ok(()),
        Some(w) => {
            let w = object(w, "source.warc")?;
            string(get(w, "file", "source.warc.")?, "source.warc.file")?;
            count(get(w, "offset", "source.warc.")?, "source.warc.offset")?;
            count(get(w, "length", "source.warc.")?, "source.warc.length")?;
            string(get(w, "record_id", "source.warc.")?, "source.warc.record_id").map(|_| ())
        }
    }
}

/// The records of a JSON Lines stream, each with its line number; blank lines are passed
/// over. An `Err` item is a read error, after which the stream ends.
pub fn jsonl_entries<R: BufRead>(r: R) -> impl Iterator<Item = io::Result<(u64, Result<Entry, String>)>> {
    r.split(b'\n').enumerate().filter_map(|(n, line)| {
        let line = match line {
            Ok(l) => l,
            Err(e) => return Some(Err(e)),
        };
        let entry = match std::str::from_utf8(&line) {
            Ok(s) if s.trim().is_empty() => return None,
            Ok(s) => Entry::from_json_line(s),
            Err(_) => Err("not UTF-8".to_string()),
        };
        Some(Ok((n as u64 + 1, entry)))
    })
}

/// Every line of a JSON Lines stream that is not a record, with its number.
pub fn check_jsonl<R: BufRead>(r: R) -> io::Result<Vec<LineError>> {
    let mut bad = Vec::new();
    for item in jsonl_entries(r) {
        let (line, entry) = item?;
        if let Err(reason) = entry {
            bad.push(LineError { line, reason });
        }
    }
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Value {
        serde_json::json!({
            "schema": "newsparse/1", "id": "0123456789abcdef",
            "source": {"path": "a.html", "url": null, "format": "html", "encoding": "utf-8", "bytes": 12,
                       "sha256": "ab".repeat(32), "saved_at": null},
            "language": "de", "kicker": null, "headline": "Titel", "dateline": null,
            "timestamp": "2026-01-08T15:10:00+01:00", "updated": null, "authors": [], "lead": null,
            "sections": [{"heading": null, "paragraphs": ["Text."]}], "credit": null, "teasers": [],
            "warnings": []
        })
    }

    #[test]
    fn an_older_record_passes_and_the_new_keys_are_checked_when_there() {
        let mut r = record();
        assert_eq!(check_record(&r), Ok(()));
        r["site"] = "Zeitung".into();
        r["keywords"] = serde_json::json!(["a"]);
        r["images"] = serde_json::json!([{"url": "https://x/1.jpg", "caption": null, "credit": "dpa"}]);
        r["source"]["warc"] = serde_json::json!({"file": "x.warc", "offset": 0, "length": 9, "record_id": "<u>"});
        r["unknown_later_key"] = true.into();
        assert_eq!(check_record(&r), Ok(()));
        r["images"] = serde_json::json!([{"url": 3}]);
        assert_eq!(check_record(&r), Err("`images[].url` is not a string".into()));
    }

    #[test]
    fn missing_keys_wrong_types_and_bad_times_are_named() {
        let junk = serde_json::json!({"id": "0123456789abcdef", "junk": true});
        assert_eq!(check_record(&junk), Err("no `schema`".into()));
        let mut r = record();
        r["timestamp"] = "yesterday".into();
        assert_eq!(check_record(&r), Err("`timestamp` \"yesterday\" is not an RFC 3339 time".into()));
        let mut r = record();
        r["source"].as_object_mut().unwrap().remove("bytes");
        assert_eq!(check_record(&r), Err("no `source.bytes`".into()));
        let mut r = record();
        r["sections"][0]["paragraphs"] = serde_json::json!([1]);
        assert_eq!(check_record(&r), Err("`sections[].paragraphs[]` is not a string".into()));
        let mut r = record();
        r["id"] = "0123456789ABCDEF".into();
        assert!(check_record(&r).unwrap_err().contains("16 lowercase hex digits"));
    }

    #[test]
    fn check_jsonl_numbers_the_bad_lines() {
        let good = record().to_string();
        let text = format!("{good}\n\nnot json\n{good}\n{{\"id\":\"0123456789abcdef\"}}\n");
        let bad = check_jsonl(text.as_bytes()).unwrap();
        assert_eq!(bad.iter().map(|e| e.line).collect::<Vec<_>>(), vec![3, 5]);
    }
}
