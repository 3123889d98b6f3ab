//! Where the article's text is on a page of unknown template: containers are scored by the
//! paragraphs they hold (length, commas, link density), as Readability does, with class/id
//! hints as a weight; the best container and its strong siblings form the body.

use crate::document::{Block, Document, Kind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Words that name a boilerplate container when they stand as a part of a class or id
/// (`share-bar`, `related_articles`, `site-footer`). BEM modifiers (`--hidden`, `--ads`) say
/// how a block looks, not what it is, so they are not read.
const NEGATIVE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anzeige",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "cta",
    "disqus",
    "empfehlung",
    "empfehlungen",
    "footer",
    "gdpr",
    "kommentar",
    "kommentare",
    "meistgelesen",
    "menu",
    "modal",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "popup",
    "promo",
    "recommend",
    "recommendations",
    "related",
    "share",
    "shariff",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "socials",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "tags",
    "toolbar",
    "werbung",
];

const UNDER_BOILER: f32 = 0.5;

/// Length of the longest word in `NEGATIVE_WORDS` and `WEAK_NEGATIVE_WORDS`.
const MAX_WORD: usize = 15;

/// Words that make a container less likely to be the article, without ruling it out.
const WEAK_NEGATIVE_WORDS: &[&str] = &[
    "author", "bio", "carousel", "gallery", "login", "masthead", "paywall", "print", "rating", "skip", "slider",
    "teaser",
];

/// A state class (`has-sharing`, `is-sticky`, `with-ads`) says what an element holds or how
/// it looks, as a BEM modifier does, not what it is.
pub fn is_state_class(token: &str) -> bool {
    ["has-", "is-", "with-", "no-"].iter().any(|p| token.starts_with(p))
}

fn hint_has(hint: &str, words: &[&str]) -> bool {
    hint.split_whitespace().any(|token| {
        if is_state_class(token) {
            return false;
        }
        // Byte search: a `str` pattern search would build a searcher for every token.
        let end = token.as_bytes().windows(2).position(|w| w == b"--").unwrap_or(token.len());
        token[..end]
            .split(['-', '_', ':'])
            .any(|w| (2..=MAX_WORD).contains(&w.len()) && words.binary_search(&w).is_ok())
    })
}

/// A class name that makes a container less likely the article's (an author box, a teaser).
pub fn is_weak_boilerplate_hint(hint: &str) -> bool {
    hint_has(hint, WEAK_NEGATIVE_WORDS)
}

fn is_boilerplate_hint(hint: &str) -> bool {
    hint_has(hint, NEGATIVE_WORDS)
}

/// Class/id fragments of article containers.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s_-])(?:article|articlebody|article-?body|article-?text|content|entry|entry-?content|main|post|post-?content|story|story-?body|text|body|artikel|beitrag|inhalt|blog|page-?content|richtext|rte|copy)(?:$|[\s_-])",
    )
    .unwrap()
});

/// Tags whose content is never article text, wherever it sits.
fn is_boilerplate_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "figure" | "form" | "menu")
}

/// A block of running text: long enough, few links.
fn is_prose(b: &Block) -> bool {
    let kind_ok =
        matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::ListItem | Kind::Quote | Kind::Preformatted | Kind::Cell);
    kind_ok && b.chars() >= 25 && !is_link_text(b) && !is_consent_text(&b.text)
}

/// Mostly link text: a menu, a teaser. A long block inside a single link is a paragraph that
/// an unclosed `<a>` swallowed, not a link list.
pub fn is_link_text(b: &Block) -> bool {
    b.link_density() > 0.5 && !(b.chars() >= 300 && b.links.len() <= 1)
}

/// Cookie and consent banners read like prose; their wording gives them away.
fn is_consent_text(text: &str) -> bool {
    // Cheap test first: this runs for every block of every page.
    if !text.contains("ookie") && !text.contains("OOKIE") {
        return false;
    }
    let l = text.to_lowercase();
    l.contains("cookie")
        && ["zustimm", "akzeptier", "einwillig", "consent", "accept", "speicher", "einverstanden"]
            .iter()
            .any(|w| l.contains(w))
}

/// The selected body: indices of blocks in order, and per node whether it is boilerplate (a
/// nav, a share bar, …), judged from the body's roots downward so that a page-wide wrapper with
/// an unlucky class name does not condemn the article inside it.
pub struct Body {
    pub blocks: Vec<usize>,
    pub boiler: Vec<bool>,
}

/// Per node: boilerplate by its own tag or class names. Page-level elements and the
/// elements that say they hold the article (`<article>`, `<main>`) are not judged by class
/// names: their tag says more than any class.
pub fn own_flags(doc: &Document) -> Vec<bool> {
    // Templates repeat their class names from item to item: each is read once.
    let mut judged: HashMap<&str, bool> = HashMap::new();
    doc.nodes
        .iter()
        .map(|nd| {
            is_boilerplate_tag(&nd.tag)
                || (!nd.hint.is_empty()
                    && !matches!(nd.tag.as_str(), "article" | "main" | "body" | "html")
                    && *judged.entry(nd.hint.as_str()).or_insert_with(|| is_boilerplate_hint(&nd.hint)))
        })
        .collect()
}

/// Per node: boilerplate by its tag alone.
pub fn own_tag_flags(doc: &Document) -> Vec<bool> {
    doc.nodes.iter().map(|nd| is_boilerplate_tag(&nd.tag)).collect()
}

/// Boilerplate flags from the class names and tags alone, inherited down the whole tree.
pub fn boilerplate_chain(doc: &Document, own: &[bool]) -> Vec<bool> {
    let mut boiler = vec![false; doc.nodes.len()];
    for i in 0..doc.nodes.len() {
        boiler[i] = own[i] || doc.nodes[i].parent.is_some_and(|p| boiler[p]);
    }
    boiler
}

/// Finds the body. `anchor`, the headline block where known, places the article: text far
/// below it or wholly above it is less likely the article's.
pub fn select(doc: &Document, anchor: Option<usize>, own_boiler: &[bool]) -> Body {
    let n = doc.nodes.len();
    if n == 0 {
        return Body { blocks: Vec::new(), boiler: Vec::new() };
    }
    // Non-white-space characters per subtree: all text, and prose (see `is_prose`) outside
    // boilerplate containers ("good") or anywhere.
    let mut chars = vec![0usize; n];
    let mut good = vec![0usize; n];
    let mut prose = vec![0usize; n];
    // First and last block index in each subtree.
    let mut span = vec![(usize::MAX, 0usize); n];
    for (k, b) in doc.blocks.iter().enumerate() {
        let sp = &mut span[b.node];
        *sp = (sp.0.min(k), sp.1.max(k));
        let solid = b.solid_chars();
        chars[b.node] += solid;
        if is_prose(b) {
            good[b.node] += solid;
            prose[b.node] += solid;
        }
    }
    // Nodes come in document order, children after parents: one backward pass sums subtrees.
    for i in (0..n).rev() {
        if let Some(p) = doc.nodes[i].parent {
            chars[p] += chars[i];
            prose[p] += prose[i];
            span[p] = (span[p].0.min(span[i].0), span[p].1.max(span[i].1));
            if !own_boiler[i] {
                good[p] += good[i];
            }
        }
    }
    let mut under_boiler = vec![false; n];
    for i in 0..n {
        under_boiler[i] = doc.nodes[i].parent.is_some_and(|p| own_boiler[p] || under_boiler[p]);
    }
    // The article container holds as much prose as possible and as little else: the node
    // maximising its prose minus half the other text it takes in. That reaches over bodies
    // split into several containers, and a lone long caption cannot outweigh the text. Class
    // hints only nudge.
    let value = |i: usize| -> f32 {
        if own_boiler[i] || good[i] == 0 {
            return f32::MIN;
        }
        let node = &doc.nodes[i];
        let other = chars[i].saturating_sub(good[i]) as f32;
        let mut v = good[i] as f32 - 0.5 * other;
        if POSITIVE.is_match(&node.hint) || matches!(node.tag.as_str(), "article" | "main") {
            v *= 1.1;
        }
        if is_weak_boilerplate_hint(&node.hint) {
            v *= 0.9;
        }
        // Inside a sidebar or footer, text is more likely a widget's than the article's.
        if under_boiler[i] {
            v *= UNDER_BOILER;
        }
        if let Some(h) = anchor {
            let (first, last) = span[i];
            if last < h {
                v *= 0.5;
            } else if first > h + 30 {
                v *= 0.7;
            }
        }
        v
    };
    let values: Vec<f32> = (0..n).map(value).collect();
    let top = (0..n).max_by(|&a, &b| values[a].total_cmp(&values[b])).unwrap_or(0);
    if values[top] == f32::MIN {
        let mut boiler = vec![false; n];
        for i in 0..n {
            boiler[i] = own_boiler[i] || doc.nodes[i].parent.is_some_and(|p| boiler[p]);
        }
        return Body { blocks: Vec::new(), boiler };
    }
    let roots = [top];
    // The body's roots and their ancestors hold the article, so they are never boilerplate
    // themselves; parents precede children, so one forward pass propagates both flags.
    let mut holds_body = vec![false; n];
    for &r in &roots {
        for a in doc.ancestors(r) {
            holds_body[a] = true;
        }
    }
    let mut inside = vec![false; n];
    let mut boiler = vec![false; n];
    // Inside the body a boilerplate-sounding wrapper that holds much of its prose is not one.
    let body_prose = roots.iter().map(|&r| prose[r]).sum::<usize>();
    for i in 0..n {
        let parent = doc.nodes[i].parent;
        let is_root = holds_body[i];
        inside[i] = roots.contains(&i) || parent.is_some_and(|p| inside[p]);
        let own = own_boiler[i] && !(inside[i] && prose[i] * 3 >= body_prose && body_prose > 0);
        boiler[i] = !is_root && (own || parent.is_some_and(|p| boiler[p]));
    }
    let blocks = (0..doc.blocks.len()).filter(|&i| inside[doc.blocks[i].node]).collect();
    Body { blocks, boiler }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_within_the_length_filter() {
        for list in [NEGATIVE_WORDS, WEAK_NEGATIVE_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "binary search needs sorted, unique words");
            assert!(list.iter().all(|w| (2..=MAX_WORD).contains(&w.len())));
        }
    }

    #[test]
    fn class_names_are_read_by_their_parts() {
        assert!(is_boilerplate_hint("article-share-bar"));
        assert!(is_boilerplate_hint("site_footer"));
        assert!(!is_boilerplate_hint("article__body--ads"), "a BEM modifier is no name");
        assert!(!is_boilerplate_hint("contentheader has-sharing"), "a state class is no name");
        assert!(!is_boilerplate_hint("shareholder-news"));
    }
}
