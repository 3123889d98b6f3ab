//! What a teaser list is: a related list's heading (`Weitere Meldungen`, `Mehr zum Thema`,
//! see [`super::words::RELATED_HEADINGS`]), the items after it, and an item's
//! `(Category, time)` tail; for markup and for copied text.

use super::body::SHORT_HEADING_CHARS;
use super::container::{self, RUNNING_TEXT_CHARS};
use super::words;
use crate::document::{Document, Kind};
use regex::Regex;
use std::sync::LazyLock;

/// Levels climbed from a related heading to find the container of its list.
const CONTAINER_CLIMB: usize = 4;
/// Blocks beyond which a "list" is the rest of the page, not a teaser list.
const MAX_ITEMS: usize = 2000;

/// Headings of related-teaser lists (`Weitere Meldungen`, `Mehr zum Thema`, …): the exact
/// heading text, case-insensitive, with an optional trailing colon.
pub fn is_related_heading(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    // Every paragraph is asked: most are longer than any heading, and need no lowercase copy.
    if t.len() > words::RELATED_HEADING_MAX_BYTES {
        return false;
    }
    let l = t.to_lowercase();
    words::RELATED_HEADINGS.contains(&l.as_str())
}

/// What `teaser_tail` splits off a teaser item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeaserTail {
    /// Everything before the `(category, time)` parenthesis, trimmed.
    pub text: String,
    pub category: String,
    /// The time as written, e.g. `10.02.2026 - 18:29`; the caller parses it.
    pub time: String,
}

static TEASER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\(\s*(?P<cat>[^(),]{1,40}?)\s*,\s*",
        r"(?P<time>\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s*[-–,]\s*|\s+)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*Uhr)?)",
        r"\s*\)\s*(?:(?i:weiterlesen|mehr|mehr lesen)\s*(?:\.{2,3}|…|»|>+|→)?|»|>+|→)?$"
    ))
    .expect("teaser tail regex")
});

/// A teaser item ending in `(Category, DD.MM.YYYY - HH:MM)`, optionally followed by
/// `weiterlesen...`, `weiterlesen…` or `mehr`.
pub fn teaser_tail(item: &str) -> Option<TeaserTail> {
    // The pattern is anchored at the end only, so the search runs backwards from there and
    // the groups are read on the tail alone, not on the whole item.
    let item = item.trim();
    let caps = TEASER_TAIL.captures(item)?;
    let text = item[..caps.get(0)?.start()].trim();
    let category = caps.name("cat")?.as_str().trim();
    if text.is_empty() || !category.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(TeaserTail {
        text: text.to_string(),
        category: category.to_string(),
        time: caps.name("time")?.as_str().trim().to_string(),
    })
}

/// Levels of ancestors compared when grouping list blocks into items.
const MAX_DEPTH: usize = 64;

/// Items with a `(category, time)` tail set the rule when more than 1/this of a list has one.
const TAIL_MAJORITY_DIVISOR: usize = 2;
/// A teaser before its time is parsed and its link resolved.
#[derive(Debug, Clone, Default)]
pub struct RawTeaser {
    pub headline: String,
    pub summary: Option<String>,
    pub category: Option<String>,
    pub time: Option<String>,
    pub href: Option<String>,
}

fn strip_read_more(s: &str) -> &str {
    let t = s.trim_end();
    for r in words::READ_MORE {
        if t.len() >= r.len() && t.is_char_boundary(t.len() - r.len()) && t[t.len() - r.len()..].eq_ignore_ascii_case(r)
        {
            return t[..t.len() - r.len()].trim_end();
        }
    }
    t
}

fn is_read_more(s: &str) -> bool {
    strip_read_more(s).is_empty()
}

/// Copied text: every line after a related heading that ends in a `(Category, time)` tail is a
/// teaser; nothing separates headline from summary there, so the headline keeps it all.
pub fn from_lines(lines: &[&str]) -> Vec<RawTeaser> {
    lines
        .iter()
        .filter_map(|l| {
            let tail = teaser_tail(l)?;
            Some(RawTeaser {
                headline: tail.text,
                summary: None,
                category: Some(tail.category),
                time: Some(tail.time),
                href: None,
            })
        })
        .filter(|t| !t.headline.is_empty())
        .collect()
}

/// HTML: the blocks after a related heading, inside the container that holds the heading, are
/// grouped into items by the child of the list's common ancestor they sit in.
pub fn from_html(doc: &Document, from: usize) -> Vec<RawTeaser> {
    let mut out = Vec::new();
    let mut i = from;
    while i < doc.blocks.len() {
        let b = &doc.blocks[i];
        let short = b.chars() <= SHORT_HEADING_CHARS;
        if short && matches!(b.kind, Kind::Heading(_) | Kind::Text | Kind::Paragraph) && is_related_heading(&b.text) {
            let (items, next) = list_after(doc, i);
            out.extend(items);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn list_after(doc: &Document, h: usize) -> (Vec<RawTeaser>, usize) {
    // Climb from the heading's own container until one holds blocks after the heading.
    let mut container = doc.blocks[h].node;
    let mut end = h + 1;
    for _ in 0..CONTAINER_CLIMB {
        end = h + 1;
        while end < doc.blocks.len()
            && doc.is_inside(doc.blocks[end].node, container)
            && !(end > h && is_related_heading(&doc.blocks[end].text) && doc.blocks[end].chars() <= SHORT_HEADING_CHARS)
        {
            end += 1;
        }
        if end > h + 1 {
            break;
        }
        match doc.nodes[container].parent {
            Some(p) => container = p,
            None => break,
        }
    }
    let items: Vec<usize> = (h + 1..end).collect();
    if items.is_empty() || items.len() > MAX_ITEMS {
        return (Vec::new(), end);
    }
    let groups = split_items(doc, &items);
    let mut teasers: Vec<RawTeaser> = groups.iter().filter_map(|g| teaser_of(doc, g)).collect();
    // Where most items carry a (category, time) tail, the ones without are list furniture
    // ("Alle Nachrichten"); elsewhere an item needs a link.
    let with_tail = teasers.iter().filter(|t| t.time.is_some()).count();
    if with_tail * TAIL_MAJORITY_DIVISOR > teasers.len() {
        teasers.retain(|t| t.time.is_some());
    } else {
        teasers.retain(|t| t.href.is_some());
    }
    (teasers, end)
}

/// Splits list blocks into items: by the children of their deepest common ancestor, and again
/// inside any part that still holds several items (a list wrapped in one more element). An
/// item starts at its title: a heading where the part has headings, else a line with a
/// `(category, time)` tail; a tail inside a titled item's summary starts no item of its own.
fn split_items(doc: &Document, blocks: &[usize]) -> Vec<Vec<usize>> {
    let item_starts = |g: &[usize]| {
        let headings = g.iter().filter(|&&b| matches!(doc.blocks[b].kind, Kind::Heading(_))).count();
        if headings > 0 { headings } else { g.iter().filter(|&&b| teaser_tail(&doc.blocks[b].text).is_some()).count() }
    };
    let mut out = Vec::new();
    let mut todo = vec![blocks.to_vec()];
    while let Some(group) = todo.pop() {
        let parts = if group.len() > 1 { group_by_common_ancestor(doc, &group) } else { Vec::new() };
        if parts.len() <= 1 {
            out.push(group);
            continue;
        }
        for p in parts {
            if p.len() > 1 && item_starts(&p) >= 2 {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort_by_key(|g| g.first().copied().unwrap_or(0));
    out
}

/// Groups consecutive blocks by the child of their deepest common ancestor that holds them.
fn group_by_common_ancestor(doc: &Document, blocks: &[usize]) -> Vec<Vec<usize>> {
    let chain = |b: usize| -> Vec<usize> {
        let mut c: Vec<usize> = doc.ancestors(doc.blocks[b].node).take(MAX_DEPTH).collect();
        c.reverse();
        c
    };
    let chains: Vec<Vec<usize>> = blocks.iter().map(|&b| chain(b)).collect();
    let mut depth = chains[0].len();
    for c in &chains[1..] {
        depth = depth.min(chains[0].iter().zip(c).take_while(|(a, b)| a == b).count());
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut last_key = None;
    for (&b, c) in blocks.iter().zip(&chains) {
        let k = c.get(depth).copied().unwrap_or(doc.blocks[b].node);
        if Some(k) != last_key {
            groups.push(Vec::new());
            last_key = Some(k);
        }
        if let Some(g) = groups.last_mut() {
            g.push(b);
        }
    }
    groups
}

/// One item as a teaser: the title is its heading, its emphasised opening or its first line;
/// an item whose first line is running text, neither a link nor a heading, and which carries no
/// `(category, time)` tail is a paragraph of the article, not a teaser.
fn teaser_of(doc: &Document, group: &[usize]) -> Option<RawTeaser> {
    let mut t = RawTeaser::default();
    let mut titled_by_text = false;
    let mut texts: Vec<String> = Vec::new();
    for &b in group {
        let block = &doc.blocks[b];
        let mut text = strip_read_more(&block.text).to_string();
        // The tail may close the block or stand alone in its own element.
        let tail = teaser_tail(&text).or_else(|| {
            teaser_tail(&format!("\u{2022} {text}")).map(|mut t| {
                t.text = t.text.trim_start_matches('\u{2022}').trim().to_string();
                t
            })
        });
        if let Some(tail) = tail {
            t.category = Some(tail.category);
            t.time = Some(tail.time);
            text = tail.text;
        }
        if t.href.is_none() {
            t.href = block
                .links
                .iter()
                .map(|l| l.href.clone())
                .find(|h| !h.is_empty() && !h.starts_with('#') && !h.starts_with("javascript:"));
        }
        if text.is_empty() || is_read_more(&text) {
            continue;
        }
        if t.headline.is_empty() {
            match (&block.kind, &block.emphasis) {
                (Kind::Heading(_), _) => t.headline = text,
                (_, Some(e)) if text.starts_with(e.as_str()) && e.len() < text.len() => {
                    t.headline = e.clone();
                    texts.push(text[e.len()..].trim().to_string());
                }
                _ => {
                    titled_by_text = block.chars() >= RUNNING_TEXT_CHARS && !container::is_link_text(block);
                    t.headline = text;
                }
            }
        } else {
            texts.push(text);
        }
    }
    let summary = texts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    t.summary = (!summary.is_empty()).then_some(summary);
    let paragraph = titled_by_text && t.time.is_none();
    (!t.headline.is_empty() && !paragraph).then_some(t)
}
