//! Structured metadata: JSON-LD, OpenGraph and `article:*`, `name=` metas, microdata. Each
//! value is a claim that extraction checks against the visible page.

use super::words;
use crate::document::Meta;
use crate::text::{clean, clean_text};
use crate::time::{self, Stamp};
use serde_json::Value;

/// Bytes of a language tag at most (RFC 5646's longest sensible tag) ...
const LANGUAGE_TAG_MAX_BYTES: usize = 35;
/// ... and of one of its subtags.
const LANGUAGE_SUBTAG_MAX_BYTES: usize = 8;
/// Nesting searched for article objects in JSON-LD.
const JSON_LD_MAX_DEPTH: usize = 8;
/// Words of a metadata author who is a person: at least ...
const PERSON_MIN_WORDS: usize = 2;
/// ... and at most.
const PERSON_MAX_WORDS: usize = 5;

#[derive(Debug, Default)]
pub struct PageMeta {
    pub headline: Option<String>,
    /// `og:title`/`<title>`-style titles that may carry a site name.
    pub titles: Vec<String>,
    /// The OpenGraph title alone: with the JSON-LD headline, the only titles trusted to split
    /// a kicker off an `<h1>`.
    pub og_title: Option<String>,
    pub published: Option<Stamp>,
    pub modified: Option<Stamp>,
    pub authors: Vec<String>,
    pub description: Option<String>,
    /// The descriptions the page gives of itself in `<meta>` (`og:description`, `description`,
    /// `twitter:description`), each once: a lead may agree with any of them. Not JSON-LD's: a
    /// save without scripts (MHTML) would lose it, and with it the lead and the id.
    pub descriptions: Vec<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The page's JSON-LD, parsed once (site, keywords, images read it).
    pub json_ld: Vec<Value>,
}

pub fn read(meta: &Meta) -> PageMeta {
    let mut pm = PageMeta::default();
    for raw in &meta.json_ld {
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim().trim_end_matches(';')) {
            let mut articles = Vec::new();
            collect_articles(&v, &mut articles, 0);
            // Prefer a real article type over a WebPage.
            articles.sort_by_key(|a| type_names(a).iter().any(|t| t == "webpage") as u8);
            for a in articles {
                fill_from_json_ld(&mut pm, a);
            }
            pm.json_ld.push(v);
        }
    }
    let get = |k: &str| meta.get(k);
    if pm.headline.is_none() {
        pm.headline = get("headline").map(clean);
    }
    pm.og_title = get("og:title").map(clean);
    for k in ["og:title", "twitter:title", "dc.title", "title"] {
        if let Some(t) = get(k) {
            pm.titles.push(clean(t));
        }
    }
    if let Some(t) = &meta.title {
        pm.titles.push(t.clone());
    }
    read_meta_times(&mut pm, get);
    if pm.authors.is_empty() {
        for k in ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"] {
            if let Some(a) = get(k)
                && !a.starts_with("http")
            {
                pm.authors.extend(split_names(a));
            }
        }
    }
    if pm.description.is_none() {
        pm.description = get("description").or_else(|| get("og:description")).map(clean);
    }
    for k in ["og:description", "description", "twitter:description"] {
        if let Some(d) = get(k).map(clean)
            && !d.is_empty()
            && !pm.descriptions.contains(&d)
        {
            pm.descriptions.push(d);
        }
    }
    pm.language = meta
        .lang
        .clone()
        .or_else(|| get("og:locale").map(str::to_string))
        .or_else(|| get("content-language").map(str::to_string))
        .or(pm.language.take())
        .and_then(|l| bcp47(&l));
    // A relative canonical link is resolved against og:url, or passed over for it.
    let og = get("og:url").filter(|u| u.starts_with("http")).map(str::to_string);
    let canonical = meta.canonical.as_deref().and_then(|c| {
        if c.starts_with("http") {
            Some(c.to_string())
        } else {
            let base = url::Url::parse(og.as_deref()?).ok()?;
            base.join(c).ok().map(|u| u.to_string())
        }
    });
    pm.url = canonical.or(og);
    pm
}

/// Publication and modification times from `<meta>` tags, where JSON-LD gave none: the first
/// key that parses, in the order of the lists (most specific first).
fn read_meta_times<'m>(pm: &mut PageMeta, get: impl Fn(&str) -> Option<&'m str>) {
    if pm.published.is_none() {
        pm.published = [
            "article:published_time",
            "datepublished",
            "og:article:published_time",
            "date",
            "dc.date.issued",
            "dc.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "parsely-pub-date",
            "sailthru.date",
            "article.published",
            "published_time",
            "dcterms.date",
            "dcterms.created",
            // A content-recommendation service's metas that many publishers carry; last, as
            // they are no article vocabulary, but they outlive a save without scripts.
            "cxenseparse:publishtime",
            "cxenseparse:recs:publishtime",
        ]
        .iter()
        .filter_map(|k| get(k))
        .find_map(|v| time::parse_iso(v).or_else(|| time::parse_printed(v)));
    }
    if pm.modified.is_none() {
        pm.modified = ["article:modified_time", "datemodified", "og:updated_time", "last-modified", "dcterms.modified"]
            .iter()
            .filter_map(|k| get(k))
            .find_map(time::parse_iso);
    }
}

/// `de_DE` -> `de-DE`; the first tag of a list; None for junk.
fn bcp47(raw: &str) -> Option<String> {
    let first = raw.split([',', ';', ' ']).find(|s| !s.is_empty())?;
    let tag = first.replace('_', "-");
    let ok = !tag.is_empty()
        && tag.len() <= LANGUAGE_TAG_MAX_BYTES
        && tag.split('-').all(|p| {
            !p.is_empty() && p.len() <= LANGUAGE_SUBTAG_MAX_BYTES && p.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if !ok {
        return None;
    }
    // BCP 47's conventional case: language lower, script title, region upper (`de-DE`).
    let parts: Vec<String> = tag
        .split('-')
        .enumerate()
        .map(|(i, p)| match (i, p.len()) {
            (0, _) => p.to_ascii_lowercase(),
            (_, 2) => p.to_ascii_uppercase(),
            (_, 4) => p[..1].to_ascii_uppercase() + &p[1..].to_ascii_lowercase(),
            _ => p.to_ascii_lowercase(),
        })
        .collect();
    Some(parts.join("-"))
}

fn type_names(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn collect_articles<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > JSON_LD_MAX_DEPTH {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_articles(x, out, depth + 1)),
        Value::Object(o) => {
            if type_names(v).iter().any(|t| words::ARTICLE_TYPES.contains(&t.as_str())) {
                out.push(v);
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(x) = o.get(key) {
                    collect_articles(x, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A JSON-LD value as text: a string (entities and tags some pages write into JSON-LD
/// decoded and dropped: `Redacci&oacute;n`), the first of a list, an object's name.
fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(clean_text(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name").or_else(|| o.get("@value"))),
        _ => None,
    }
}

fn fill_from_json_ld(pm: &mut PageMeta, a: &Value) {
    if pm.headline.is_none() {
        pm.headline = str_of(a.get("headline")).or_else(|| {
            // WebPage names are often the site's, so only a real article's name counts
            (!type_names(a).iter().any(|t| t == "webpage")).then(|| str_of(a.get("name"))).flatten()
        });
    }
    if pm.published.is_none() {
        pm.published = str_of(a.get("datePublished")).and_then(|s| time::parse_iso(&s));
    }
    if pm.modified.is_none() {
        pm.modified = str_of(a.get("dateModified")).and_then(|s| time::parse_iso(&s));
    }
    if pm.authors.is_empty() {
        let mut list = Vec::new();
        match a.get("author").or_else(|| a.get("creator")) {
            Some(Value::Array(xs)) => list.extend(xs.iter()),
            Some(x) => list.push(x),
            None => {}
        }
        for x in list {
            let types = type_names(x);
            if types.iter().any(|t| t.contains("organization")) {
                continue;
            }
            // A typed Person is a person whatever its case or script; its name may be given
            // in parts only.
            if types.iter().any(|t| t == "person") {
                if let Some(n) = str_of(Some(x)).or_else(|| name_in_parts(x)) {
                    pm.authors.extend(split(&n).filter(|p| looks_like_typed_person(p)));
                }
            } else if let Some(n) = str_of(Some(x)) {
                pm.authors.extend(split_names(&n));
            }
        }
    }
    if pm.description.is_none() {
        pm.description = str_of(a.get("description"));
    }
    if pm.language.is_none() {
        pm.language = str_of(a.get("inLanguage"));
    }
}

/// Metadata authors: `A, B und C`; agencies and organisations are not persons.
pub fn split_names(s: &str) -> Vec<String> {
    split(s).filter(|p| looks_like_person(p)).collect()
}

/// The items of a metadata author list, a leading `Von` dropped.
fn split(s: &str) -> impl Iterator<Item = String> {
    clean(s)
        .split([',', ';', '|'])
        .flat_map(|p| p.split(" und ").flat_map(|q| q.split(" and ").flat_map(|r| r.split(" & "))))
        .map(|p| p.trim().trim_start_matches("Von ").trim_start_matches("von ").trim().to_string())
        .collect::<Vec<_>>()
        .into_iter()
}

/// A JSON-LD Person's name given as `givenName` and `familyName` only.
fn name_in_parts(x: &Value) -> Option<String> {
    let given = str_of(x.get("givenName"))?;
    let family = str_of(x.get("familyName"))?;
    Some(format!("{given} {family}"))
}

pub fn looks_like_person(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (PERSON_MIN_WORDS..=PERSON_MAX_WORDS).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !org_like(p)
}

/// A name typed as a Person: also one written all in lowercase (`anna beispiel`), and in a
/// script without letter case, where family and given name are written together, one word.
fn looks_like_typed_person(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let uncased = !p.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let lowercase = words.iter().all(|w| w.chars().next().is_some_and(char::is_lowercase));
    looks_like_person(p)
        || (lowercase && (PERSON_MIN_WORDS..=PERSON_MAX_WORDS).contains(&words.len()) && !org_like(p))
        || (uncased && (1..=PERSON_MAX_WORDS).contains(&words.len()) && !org_like(p))
}

/// Wording of an organisation or an address rather than a person.
fn org_like(p: &str) -> bool {
    let lower = p.to_lowercase();
    words::META_ORG_PARTS.iter().any(|o| lower.contains(o) || lower == o.trim())
        || p.chars().any(|c| c.is_ascii_digit() || c == '@' || c == '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_with_ld(ld: &str) -> Meta {
        Meta { json_ld: vec![ld.to_string()], ..Meta::default() }
    }

    #[test]
    fn json_ld_graph_with_nested_authors() {
        let m = meta_with_ld(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Portal"},
            {"@type":["NewsArticle"],"headline":"Hafen meldet Rekord","datePublished":"2026-07-08T10:05:31Z",
             "author":[{"@type":"Person","name":"Anna Beispiel"},{"@type":"Organization","name":"dpa"}],
             "publisher":{"@type":"Organization","name":"Beispiel Verlag"}}]}"#,
        );
        let pm = read(&m);
        assert_eq!(pm.headline.as_deref(), Some("Hafen meldet Rekord"));
        assert_eq!(pm.published.unwrap().rfc3339(), "2026-07-08T12:05:31+02:00");
        assert_eq!(pm.authors, vec!["Anna Beispiel"]);
    }

    #[test]
    fn entities_and_tags_written_into_json_ld_are_text() {
        let pm = read(&meta_with_ld(
            r#"{"@type":"NewsArticle","headline":"Ca&ntilde;ones &amp; <b>Puertos</b>",
             "author":{"@type":"Person","name":"Ana Mar&iacute;a L&oacute;pez"}}"#,
        ));
        assert_eq!(pm.headline.as_deref(), Some("Cañones & Puertos"));
        assert_eq!(pm.authors, ["Ana María López"]);
    }

    #[test]
    fn a_typed_person_is_read_in_parts_lowercase_or_in_one_word() {
        let authors = |list: &str| {
            read(&meta_with_ld(&format!(r#"{{"@type":"NewsArticle","headline":"Hafen","author":[{list}]}}"#))).authors
        };
        let in_parts = r#"{"@type":"Person","givenName":"Anna Maria","familyName":"Beispiel"},
            {"@type":"Person","givenName":"Jan","familyName":"Muster"}"#;
        assert_eq!(authors(in_parts), ["Anna Maria Beispiel", "Jan Muster"]);
        assert_eq!(authors(r#"{"@type":"Person","name":"lena beispiel"}"#), ["lena beispiel"]);
        assert_eq!(authors(r#"{"@type":"Person","name":"山田"}"#), ["山田"]);
        // Mixed case that is no name, wording of an organisation, one Latin word: none.
        assert!(authors(r#"{"@type":"Person","name":"der Heimwerker Ratgeber"}"#).is_empty());
        assert!(authors(r#"{"@type":"Person","name":"redaktion nord"}"#).is_empty());
        assert!(authors(r#"{"@type":"Person","name":"Admin"}"#).is_empty());
        // Untyped names still need a capital.
        assert!(authors(r#"{"name":"lena beispiel"}"#).is_empty());
    }

    #[test]
    fn og_locale_becomes_bcp47() {
        let m = Meta { metas: vec![("og:locale".into(), "de_DE".into())], ..Meta::default() };
        assert_eq!(read(&m).language.as_deref(), Some("de-DE"));
    }

    #[test]
    fn language_tags_get_conventional_case() {
        assert_eq!(bcp47("DE-de").as_deref(), Some("de-DE"));
        assert_eq!(bcp47("EN").as_deref(), Some("en"));
        assert_eq!(bcp47("sr_latn_rs").as_deref(), Some("sr-Latn-RS"));
    }

    #[test]
    fn relative_canonical_resolves_against_og_url() {
        let m = Meta {
            canonical: Some("/nachrichten/a-1.html".into()),
            metas: vec![("og:url".into(), "https://www.example.de/x/y.html".into())],
            ..Meta::default()
        };
        assert_eq!(read(&m).url.as_deref(), Some("https://www.example.de/nachrichten/a-1.html"));
    }

    #[test]
    fn a_cxense_publish_time_is_read_after_the_article_metas() {
        let meta = |metas: &[(&str, &str)]| Meta {
            metas: metas.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            ..Meta::default()
        };
        let published = |m: &Meta| read(m).published.map(|s| s.rfc3339());
        let recs = meta(&[("cxenseparse:recs:publishtime", "2026-07-08T10:05:31Z")]);
        assert_eq!(published(&recs).as_deref(), Some("2026-07-08T12:05:31+02:00"));
        let plain = meta(&[("cxenseparse:publishtime", "2026-01-08T15:10:00+01:00")]);
        assert_eq!(published(&plain).as_deref(), Some("2026-01-08T15:10:00+01:00"));
        // the article's own vocabulary comes first, wherever it stands
        let both = meta(&[
            ("cxenseparse:recs:publishtime", "2026-07-08T10:05:31Z"),
            ("article:published_time", "2026-07-08T09:00:00Z"),
        ]);
        assert_eq!(published(&both).as_deref(), Some("2026-07-08T11:00:00+02:00"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        assert!(read(&meta_with_ld("{\"@type\": \"NewsArticle\", ")).headline.is_none());
    }
}
