//! Site pass: the publication's name from `og:site_name`, the JSON-LD publisher, or the
//! `application-name` meta, in that order.

use super::words;
use crate::document::Meta;
use crate::text::clean_text;
use serde_json::Value;

/// Nesting of JSON-LD objects walked looking for the article.
const MAX_LD_DEPTH: usize = 8;

/// The site's name: `og:site_name`, the JSON-LD publisher's name, `application-name`.
pub fn name(meta: &Meta, json_ld: &[Value]) -> Option<String> {
    // Entities a page escaped twice (`GmbH &amp; Co. KG` in JSON-LD) are text, as elsewhere.
    let named = |s: &str| Some(clean_text(s)).filter(|s| !s.is_empty());
    meta.get("og:site_name")
        .and_then(named)
        .or_else(|| {
            ld_articles(json_ld).into_iter().find_map(|a| match a.get("publisher")? {
                Value::Array(list) => list.iter().find_map(|p| p.get("name")?.as_str().and_then(named)),
                p => p.get("name")?.as_str().and_then(named),
            })
        })
        .or_else(|| meta.get("application-name").and_then(named))
}

/// The JSON-LD objects that describe the article, real article types before web pages.
pub fn ld_articles(json_ld: &[Value]) -> Vec<&Value> {
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
        if depth > MAX_LD_DEPTH {
            return;
        }
        match v {
            Value::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
            Value::Object(o) => {
                if is_article(v) {
                    out.push(v);
                }
                for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                    if let Some(x) = o.get(key) {
                        walk(x, out, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for v in json_ld {
        walk(v, &mut out, 0);
    }
    out.sort_by_key(|a| types(a).iter().any(|t| t == "webpage"));
    out
}

fn types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn is_article(v: &Value) -> bool {
    types(v).iter().any(|t| words::ARTICLE_TYPE_ENDINGS.iter().any(|e| t.ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(pairs: &[(&str, &str)]) -> Meta {
        Meta { metas: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), ..Meta::default() }
    }

    #[test]
    fn og_site_name_then_publisher_then_application_name() {
        let ld: Vec<Value> = vec![
            serde_json::from_str(r#"{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Hafenblatt"}}"#)
                .unwrap(),
        ];
        let m = meta(&[("application-name", "HB App"), ("og:site_name", " Hafen  Blatt ")]);
        assert_eq!(name(&m, &ld).as_deref(), Some("Hafen Blatt"));
        let m = meta(&[("application-name", "HB App")]);
        assert_eq!(name(&m, &ld).as_deref(), Some("Hafenblatt"));
        assert_eq!(name(&m, &[]).as_deref(), Some("HB App"));
        assert_eq!(name(&Meta::default(), &[]), None);
    }

    #[test]
    fn entities_escaped_twice_are_decoded() {
        let ld: Vec<Value> = vec![
            serde_json::from_str(
                r#"{"@type":"NewsArticle","publisher":{"name":"Kurier - Verlag Muster GmbH &amp; Co. KG"}}"#,
            )
            .unwrap(),
        ];
        assert_eq!(name(&Meta::default(), &ld).as_deref(), Some("Kurier - Verlag Muster GmbH & Co. KG"));
        let m = meta(&[("og:site_name", "Hafen &amp;amp; Land")]);
        assert_eq!(name(&m, &[]).as_deref(), Some("Hafen & Land"));
    }
}
