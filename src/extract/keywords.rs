//! Keywords pass: the page's own topic tags, from the most article-specific source it has.

use super::site::ld_articles;
use super::words;
use crate::document::{Document, Meta};
use crate::text::clean_text;
use serde_json::Value;
use std::ops::Range;

/// A tag-list label is at most this long.
const MAX_LABEL_CHARS: usize = 30;

/// Blocks after the body's last one in which a tag list still belongs to the article.
const TAG_LIST_REACH: usize = 12;
/// Levels of containers above a link looked at for a tag-list name.
const TAG_LIST_LEVELS: usize = 3;
/// A tag longer than this is a sentence, not a tag.
const MAX_TAG_CHARS: usize = 80;
/// A tag list has at most this many links; more is a site's topic index.
const MAX_TAG_LINKS: usize = 30;

/// Topic tags in priority order: `article:tag`, `news_keywords`, `keywords`, JSON-LD
/// `keywords`, then a visible tag list of the article (in `header` or `after`, block ranges).
/// The first source that gives any wins: the more specific ones (the article's own tags) leave
/// out what a site repeats on every page, so sources are not merged. A visible tag list that
/// holds every value of that source and more is the fuller statement of the same topics (a
/// JSON-LD `keywords` that names only the section) and wins over it.
pub fn collect(doc: &Document, json_ld: &[Value], header: Range<usize>, after: Range<usize>) -> Vec<String> {
    // The containers of the body's first block are the article's (or the page's): their
    // names (WordPress writes `tag-…` classes of the post's tags on it) name no tag list.
    let article: Vec<usize> = doc.blocks.get(header.end).map(|b| doc.ancestors(b.node).collect()).unwrap_or_default();
    let menus = menu_items(doc);
    let shown = tidy(
        visible(doc, header, &article, &menus)
            .into_iter()
            .chain(visible(doc, after, &article, &menus))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    let fuller = |k: Vec<String>| {
        let lower: std::collections::HashSet<String> = shown.iter().map(|s| s.to_lowercase()).collect();
        if shown.len() > k.len() && k.iter().all(|v| lower.contains(&v.to_lowercase())) { shown.clone() } else { k }
    };
    let from_meta = |key: &str| tidy(meta_values(&doc.meta, key).flat_map(|v| v.split(',')));
    for key in ["article:tag", "news_keywords", "keywords"] {
        let k = from_meta(key);
        if !k.is_empty() {
            return fuller(k);
        }
    }
    let ld = tidy(
        ld_articles(json_ld)
            .into_iter()
            .flat_map(|a| ld_keywords(a.get("keywords")))
            .collect::<Vec<_>>()
            .iter()
            .flat_map(|s| s.split(',')),
    );
    if !ld.is_empty() {
        return fuller(ld);
    }
    shown
}

fn meta_values<'a>(meta: &'a Meta, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    meta.metas.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn ld_keywords(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().flat_map(|x| ld_keywords(Some(x))).collect(),
        Some(Value::Object(o)) => o
            .get("name")
            .or_else(|| o.get("title"))
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Trimmed, cleaned (entities a page escaped twice decoded), without empty ones, numbers (ids), internal markers (`_commerce`) and
/// repeats ignoring case; page order.
pub fn tidy<'a>(raw: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    raw.map(clean_text)
        .filter(|k| {
            !k.is_empty()
                && k.chars().count() <= MAX_TAG_CHARS
                && !k.chars().all(|c| c.is_ascii_digit())
                && !k.starts_with('_')
        })
        .filter(|k| seen.insert(k.to_lowercase()))
        .collect()
}

fn is_tag_word(w: &str) -> bool {
    words::TAG_LIST_NAMES.binary_search(&w).is_ok()
}

/// The link texts of a tag list that starts in a range of blocks (and runs to its list's end):
/// links whose container (not one of `article`'s, nor an `<article>`) is named as a tag list,
/// whose address is a tag's page (a tag word, then one last segment: `/thema/hafen-kiel`), or
/// that are marked `rel="tag"` and lead to no section.
fn visible(doc: &Document, range: Range<usize>, article: &[usize], menus: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let mut list: Option<usize> = None;
    // The container of the links after a tag-list label (`Themen:`), while they go on.
    let mut labelled: Option<usize> = None;
    for (j, b) in doc.blocks.iter().enumerate().skip(range.start) {
        let named = doc
            .ancestors(b.node)
            .take(TAG_LIST_LEVELS)
            .find(|&n| {
                !article.contains(&n)
                    && doc.nodes[n].tag != "article"
                    && doc.nodes[n].hint.split(|c: char| !c.is_ascii_alphanumeric()).any(is_tag_word)
            })
            .or(labelled.filter(|&l| doc.is_inside(b.node, l) && b.link_density() > 0.5));
        let in_list = list.is_some_and(|l| doc.is_inside(b.node, l));
        if j >= range.end && !in_list {
            break;
        }
        if b.link_density() <= 0.5 {
            labelled = (b.chars() <= MAX_LABEL_CHARS && is_tag_label(&b.text))
                .then(|| doc.blocks.get(j + 1).and_then(|n| doc.nodes[n.node].parent))
                .flatten();
        }
        // A list item that holds a list is a menu (a site's sections and their topics), not tags.
        if doc.ancestors(b.node).any(|n| menus[n]) {
            continue;
        }
        // Links within the page (`#…`, a skip link) are no tags.
        for l in b.links.iter().filter(|l| !l.href.starts_with('#')) {
            let segs = path_segments(&l.href);
            let path_says = segs.iter().rev().nth(1).is_some_and(|s| is_tag_word(s));
            let rel_says = l.rel_tag && !segs.iter().any(|s| words::SECTION_PATH_NAMES.contains(&s.as_str()));
            if (named.is_some() || path_says || rel_says) && !l.text.is_empty() && b.link_density() > 0.5 {
                out.push(l.text.trim_start_matches('#').to_string());
                // The list read to its end is that of the latest tag.
                list = named.or(doc.nodes[b.node].parent);
            }
        }
    }
    if out.len() > MAX_TAG_LINKS {
        out.clear();
    }
    out
}

/// The list items that hold another list item: a menu's.
fn menu_items(doc: &Document) -> Vec<bool> {
    // Nodes come in document order, parents first: one pass finds each node's nearest `li`
    // above it, and an `li` with an `li` inside is the nearest one above some `li`.
    let mut nearest_li: Vec<Option<usize>> = Vec::with_capacity(doc.nodes.len());
    let mut out = vec![false; doc.nodes.len()];
    for node in &doc.nodes {
        let above = node.parent.and_then(|p| if doc.nodes[p].tag == "li" { Some(p) } else { nearest_li[p] });
        if node.tag == "li"
            && let Some(a) = above
        {
            out[a] = true;
        }
        nearest_li.push(above);
    }
    out
}

/// The lowercase, non-empty segments of a link's path (without scheme, host, query, fragment).
fn path_segments(href: &str) -> Vec<String> {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    path.split('/').filter(|s| !s.is_empty()).map(str::to_ascii_lowercase).collect()
}

/// A line that introduces a tag list: its words, a trailing colon dropped, are one of the
/// labels.
fn is_tag_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    words::TAG_LABELS.contains(&t.as_str())
}

/// Blocks after the body in which its tag list is looked for.
pub fn after_body(last_body: usize) -> Range<usize> {
    last_body + 1..last_body + 1 + TAG_LIST_REACH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_splits_trims_and_drops_repeats_and_ids() {
        let raw = "Hafen, Kiel ,hafen,,12345, Ostsee, Bund &amp; Länder";
        assert_eq!(tidy(raw.split(',')), vec!["Hafen", "Kiel", "Ostsee", "Bund & Länder"]);
    }

    #[test]
    fn article_tag_wins_over_keywords_and_json_ld() {
        let doc = Document {
            meta: Meta {
                metas: vec![
                    ("keywords".into(), "Nachrichten, Hafen, Kiel".into()),
                    ("article:tag".into(), "Hafen".into()),
                    ("article:tag".into(), "Kiel".into()),
                ],
                ..Meta::default()
            },
            ..Document::default()
        };
        assert_eq!(collect(&doc, &[], 0..0, 0..0), vec!["Hafen", "Kiel"]);
        let ld: Vec<Value> =
            vec![serde_json::from_str(r#"{"@type":"NewsArticle","keywords":["Werft","Kiel, Ostsee"]}"#).unwrap()];
        assert_eq!(collect(&Document::default(), &ld, 0..0, 0..0), vec!["Werft", "Kiel", "Ostsee"]);
    }
}
