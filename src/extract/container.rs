//! Which containers are the article, step one: per node whether it is boilerplate (by tag
//! and class names, see [`super::words`]), and the one container that holds the most prose
//! outside boilerplate net of half the other text it takes in (class names only nudge the
//! score). [`super::page`] then groups like containers and cuts the tail.

use super::{patterns, words};
use crate::document::{Block, Document, Kind};
use rustc_hash::FxHashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Characters from which a block reads as running text rather than a label or a short line.
pub const RUNNING_TEXT_CHARS: usize = 80;

/// Score malus for a container inside a boilerplate one (a sidebar, a footer).
const UNDER_BOILER: f32 = 0.5;
/// Characters of body text, less than a sentence, below which class names are distrusted.
const SCANT_BODY: usize = 60;
/// Characters a block needs to count as prose when scoring containers.
const PROSE_MIN_CHARS: usize = 25;
/// Share of a block's text in links above which it is link text (a menu, a teaser).
pub const LINK_TEXT_DENSITY: f32 = 0.5;
/// Characters from which a block inside one single link is a paragraph an unclosed `<a>` swallowed.
const SWALLOWED_PARAGRAPH: usize = 300;

/// A state class (`has-sharing`, `is-sticky`, `with-ads`) says what an element holds or how
/// it looks, as a BEM modifier does, not what it is.
pub fn is_state_class(token: &str) -> bool {
    words::STATE_CLASS_PREFIXES.iter().any(|p| token.starts_with(p))
}

fn hint_has(hint: &str, names: &[&str]) -> bool {
    hint.split_whitespace().any(|token| {
        if is_state_class(token) {
            return false;
        }
        // Byte search: a `str` pattern search would build a searcher for every token.
        let end = token.as_bytes().windows(2).position(|w| w == b"--").unwrap_or(token.len());
        token[..end].split(['-', '_', ':']).any(|w| (2..=words::MAX_NAME_LEN).contains(&w.len()) && is_listed(names, w))
    })
}

/// Whether `word` is one of the sorted `names`. The bytes are compared in place: the names
/// are short and most differ from the word in their first byte, where a `str` comparison
/// calls `memcmp` every time.
fn is_listed(names: &[&str], word: &str) -> bool {
    names.binary_search_by(|n| n.bytes().cmp(word.bytes())).is_ok()
}

/// A class name that makes a container less likely the article's (an author box, a teaser).
pub fn is_weak_boilerplate_hint(hint: &str) -> bool {
    hint_has(hint, words::WEAK_BOILERPLATE_NAMES)
}

fn is_boilerplate_hint(hint: &str) -> bool {
    hint_has(hint, words::BOILERPLATE_NAMES)
}

/// Tags whose content is never article text, wherever it sits.
fn is_boilerplate_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "figure" | "form" | "menu")
}

/// A block of running text: long enough, few links.
fn is_prose(b: &Block) -> bool {
    let kind_ok =
        matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::ListItem | Kind::Quote | Kind::Preformatted | Kind::Cell);
    kind_ok && b.chars() >= PROSE_MIN_CHARS && !is_link_text(b) && !patterns::is_consent_text(&b.text)
}

/// Mostly link text: a menu, a teaser. A long block inside a single link is a paragraph that
/// an unclosed `<a>` swallowed, not a link list.
pub fn is_link_text(b: &Block) -> bool {
    b.link_density() > LINK_TEXT_DENSITY && !(b.chars() >= SWALLOWED_PARAGRAPH && b.links.len() <= 1)
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
    let mut judged: FxHashMap<&str, bool> = FxHashMap::default();
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

/// Score bonus for a container named or tagged as an article (`article-body`, `<main>`).
const ARTICLE_NAME_BONUS: f32 = 1.1;
/// Score malus for a container named like an author box or teaser.
const WEAK_NAME_MALUS: f32 = 0.9;
/// Score malus for a container wholly above the headline.
const ABOVE_HEADLINE: f32 = 0.5;
/// Score malus for a container that starts far below the headline.
const FAR_BELOW_HEADLINE: f32 = 0.7;
/// Blocks after the headline beyond which a container starts "far below" it.
const FAR_BELOW_BLOCKS: usize = 30;
/// Weight of non-prose text against prose when scoring a container.
const OTHER_TEXT_WEIGHT: f32 = 0.5;
/// A boilerplate-named wrapper inside the body holding at least 1/this of its prose is no
/// boilerplate.
const WRAPPER_SHARE_DIVISOR: usize = 3;

/// Per subtree: non-white-space characters of all text, of prose outside boilerplate
/// containers ("good") and of prose anywhere, and the first and last block index.
struct Subtrees {
    chars: Vec<usize>,
    good: Vec<usize>,
    prose: Vec<usize>,
    span: Vec<(usize, usize)>,
}

/// Sums the counts of [`Subtrees`] bottom-up.
fn subtrees(doc: &Document, own_boiler: &[bool]) -> Subtrees {
    let n = doc.nodes.len();
    let mut t = Subtrees { chars: vec![0; n], good: vec![0; n], prose: vec![0; n], span: vec![(usize::MAX, 0); n] };
    for (k, b) in doc.blocks.iter().enumerate() {
        let sp = &mut t.span[b.node];
        *sp = (sp.0.min(k), sp.1.max(k));
        let solid = b.solid_chars();
        t.chars[b.node] += solid;
        if is_prose(b) {
            t.good[b.node] += solid;
            t.prose[b.node] += solid;
        }
    }
    // Nodes come in document order, children after parents: one backward pass sums subtrees.
    for i in (0..n).rev() {
        if let Some(p) = doc.nodes[i].parent {
            t.chars[p] += t.chars[i];
            t.prose[p] += t.prose[i];
            t.span[p] = (t.span[p].0.min(t.span[i].0), t.span[p].1.max(t.span[i].1));
            if !own_boiler[i] {
                t.good[p] += t.good[i];
            }
        }
    }
    t
}

/// The article container holds as much prose as possible and as little else: each node's
/// prose minus half the other text it takes in. That reaches over bodies split into several
/// containers, and a lone long caption cannot outweigh the text. Class names only nudge.
fn scores(doc: &Document, anchor: Option<usize>, own_boiler: &[bool], t: &Subtrees) -> Vec<f32> {
    let n = doc.nodes.len();
    let mut under_boiler = vec![false; n];
    for i in 0..n {
        under_boiler[i] = doc.nodes[i].parent.is_some_and(|p| own_boiler[p] || under_boiler[p]);
    }
    let value = |i: usize| -> f32 {
        if own_boiler[i] || t.good[i] == 0 {
            return f32::MIN;
        }
        let node = &doc.nodes[i];
        let other = t.chars[i].saturating_sub(t.good[i]) as f32;
        let mut v = t.good[i] as f32 - OTHER_TEXT_WEIGHT * other;
        if words::ARTICLE_CLASS.is_match(&node.hint) || matches!(node.tag.as_str(), "article" | "main") {
            v *= ARTICLE_NAME_BONUS;
        }
        if is_weak_boilerplate_hint(&node.hint) {
            v *= WEAK_NAME_MALUS;
        }
        // Inside a sidebar or footer, text is more likely a widget's than the article's.
        if under_boiler[i] {
            v *= UNDER_BOILER;
        }
        if let Some(h) = anchor {
            let (first, last) = t.span[i];
            if last < h {
                v *= ABOVE_HEADLINE;
            } else if first > h + FAR_BELOW_BLOCKS {
                v *= FAR_BELOW_HEADLINE;
            }
        }
        v
    };
    (0..n).map(value).collect()
}

/// Finds the body: the best-scoring container. `anchor`, the headline block where known,
/// places the article: text far below it or wholly above it is less likely the article's.
pub fn select(doc: &Document, anchor: Option<usize>, own_boiler: &[bool]) -> Body {
    let n = doc.nodes.len();
    if n == 0 {
        return Body { blocks: Vec::new(), boiler: Vec::new() };
    }
    let t = subtrees(doc, own_boiler);
    let values = scores(doc, anchor, own_boiler, &t);
    let top = (0..n).max_by(|&a, &b| values[a].total_cmp(&values[b])).unwrap_or(0);
    if values[top] == f32::MIN {
        return Body { blocks: Vec::new(), boiler: boilerplate_chain(doc, own_boiler) };
    }
    body_under(doc, top, own_boiler, &t.prose)
}

/// The blocks under `root`, and boilerplate flags judged from the root downward.
fn body_under(doc: &Document, root: usize, own_boiler: &[bool], prose: &[usize]) -> Body {
    let n = doc.nodes.len();
    // The root and its ancestors hold the article, so they are never boilerplate themselves;
    // parents precede children, so one forward pass propagates both flags.
    let mut holds_body = vec![false; n];
    for a in doc.ancestors(root) {
        holds_body[a] = true;
    }
    let mut inside = vec![false; n];
    let mut boiler = vec![false; n];
    // Inside the body a boilerplate-sounding wrapper that holds much of its prose is not one.
    let body_prose = prose[root];
    for i in 0..n {
        let parent = doc.nodes[i].parent;
        inside[i] = i == root || parent.is_some_and(|p| inside[p]);
        let own = own_boiler[i] && !(inside[i] && prose[i] * WRAPPER_SHARE_DIVISOR >= body_prose && body_prose > 0);
        boiler[i] = !holds_body[i] && (own || parent.is_some_and(|p| boiler[p]));
    }
    let blocks = (0..doc.blocks.len()).filter(|&i| inside[doc.blocks[i].node]).collect();
    Body { blocks, boiler }
}

/// The body with its fallback: a page whose text sits in containers all named like
/// boilerplate (a slideshow's slide descriptions classed as captions) leaves next to nothing
/// when class names count; it is read once more by tags alone.
pub fn article_body(doc: &Document, anchor: Option<usize>, own: &[bool]) -> Body {
    let sel = select(doc, anchor, own);
    let text_of = |b: &Body| b.blocks.iter().map(|&i| doc.blocks[i].chars()).sum::<usize>();
    if text_of(&sel) < SCANT_BODY {
        let by_tags = select(doc, anchor, &own_tag_flags(doc));
        if text_of(&by_tags) > text_of(&sel) {
            return by_tags;
        }
    }
    sel
}

/// Percent of the body's text a container must hold to count as one of the running text's.
const MAIN_SHARE: usize = 15;
/// Levels of nesting over which like containers are grouped.
const GROUP_LEVELS: usize = 3;
/// Levels above a block in which a weak boilerplate name marks a box after the article.
const BOX_NAME_LEVELS: usize = 3;
/// Characters below which a block after the running text is a box, whatever its name.
const TAIL_BOX_CHARS: usize = 400;
/// An end marker closes the article only while less than 1/this of the prose follows it ...
const END_REST_DIVISOR: usize = 5;
/// ... and at least 1/this of the prose came before it.
const END_SEEN_DIVISOR: usize = 2;

/// The container a block's text sits in: its own element, or for loose text its parent's.
pub fn text_container(doc: &Document, b: &Block) -> usize {
    if b.kind == Kind::Text { b.node } else { doc.nodes[b.node].parent.unwrap_or(b.node) }
}

/// What kind of container a node is, for grouping like ones: its tag and first class-like
/// name; names with digits are ids or generated, state classes say nothing of the kind.
fn signature(n: &crate::document::Node) -> &str {
    n.hint.split_whitespace().find(|t| !t.bytes().any(|c| c.is_ascii_digit()) && !is_state_class(t)).unwrap_or(&n.tag)
}

/// Per node: inside a teaser card, a container with a linked title. A row of cards is a list
/// of links to other articles, however much text they carry, so cards are never grouped.
fn teaser_cards(doc: &Document) -> Vec<bool> {
    let mut card = vec![false; doc.nodes.len()];
    for b in &doc.blocks {
        if matches!(b.kind, Kind::Heading(_)) && is_link_text(b) {
            for a in doc.ancestors(b.node).take(GROUP_LEVELS + 1) {
                card[a] = true;
            }
        }
    }
    card
}

/// Keys of the groups container `n` counts in: itself, then its like ones level by level
/// (hashes of the parent and the signatures on the way up).
fn group_keys<'a>(doc: &'a Document, card: &'a [bool], n: usize) -> impl Iterator<Item = u64> + 'a {
    let mut chain = DefaultHasher::new();
    let alike = std::iter::successors(Some(n), |&a| doc.nodes[a].parent)
        .take(GROUP_LEVELS)
        .take_while(|&a| !card[a])
        .map(move |a| {
            signature(&doc.nodes[a]).hash(&mut chain);
            let mut key = chain.clone();
            (1u8, doc.nodes[a].parent).hash(&mut key);
            key.finish()
        });
    let mut own = DefaultHasher::new();
    (0u8, n).hash(&mut own);
    std::iter::once(own.finish()).chain(alike)
}

/// Which of the body's containers hold its running text, and where that text ends.
pub struct Containers<'a> {
    doc: &'a Document,
    /// Per node: a main container (one of the running text's, alone or with like ones).
    main: Vec<bool>,
    /// Per node: the parent of a main container.
    main_parent: Vec<bool>,
    /// Position in the body of the last block in a main container.
    last_main: Option<usize>,
    /// Characters of all the body's blocks.
    pub prose_total: usize,
}

impl<'a> Containers<'a> {
    /// Running text is often cut into a row of like containers (steps, widgets, text columns),
    /// each holding a small share: like containers side by side, or nested alike a few levels
    /// down, count together, and any group holding [`MAIN_SHARE`] percent of the text is main.
    pub fn find(doc: &'a Document, body: &[usize], boiler: &[bool]) -> Self {
        let is_boiler = |b: &Block| boiler.get(b.node).copied().unwrap_or(false);
        let prose_total: usize = body.iter().map(|&j| doc.blocks[j].chars()).sum();
        let card = teaser_cards(doc);
        let mut held: FxHashMap<u64, usize> = FxHashMap::default();
        for &j in body {
            let b = &doc.blocks[j];
            if matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::ListItem | Kind::Quote) && !is_boiler(b) {
                // Alike containers count together only for running text: a row of boxes with a
                // few short lines each (a sidebar) is no part of the article.
                let running = b.chars() >= RUNNING_TEXT_CHARS;
                for (k, g) in group_keys(doc, &card, text_container(doc, b)).enumerate() {
                    if k == 0 || running {
                        *held.entry(g).or_default() += b.chars();
                    }
                }
            }
        }
        let main_prose = prose_total.max(1);
        // Main or not, for the text containers and their parents: all that is asked below.
        let mut main = vec![false; doc.nodes.len()];
        let mut judged = vec![false; doc.nodes.len()];
        for &j in body {
            let tc = text_container(doc, &doc.blocks[j]);
            for n in std::iter::once(tc).chain(doc.nodes[tc].parent) {
                if !std::mem::replace(&mut judged[n], true) {
                    main[n] = group_keys(doc, &card, n)
                        .any(|g| held.get(&g).is_some_and(|&c| c * 100 >= main_prose * MAIN_SHARE));
                }
            }
        }
        let last_main = body.iter().rposition(|&j| main[text_container(doc, &doc.blocks[j])]);
        // Sections of the text may sit in containers of their own beside the main ones.
        let mut main_parent = vec![false; doc.nodes.len()];
        for &j in body {
            let tc = text_container(doc, &doc.blocks[j]);
            if main[tc]
                && let Some(p) = doc.nodes[tc].parent
            {
                main_parent[p] = true;
            }
        }
        Containers { doc, main, main_parent, last_main, prose_total }
    }

    /// The block sits in a main container.
    pub fn is_main(&self, b: &Block) -> bool {
        self.main[text_container(self.doc, b)]
    }

    /// The block sits beside a main container, or is an item of a list inside one.
    fn beside_main(&self, b: &Block) -> bool {
        let tc = text_container(self.doc, b);
        self.doc.nodes[tc].parent.is_some_and(|p| self.main_parent[p] || (b.kind == Kind::ListItem && self.main[p]))
    }

    /// Tail cut: the body's `k`-th block follows the running text's last paragraph in another
    /// container and is short or named like a box (an author's bio, a newsletter, a shop).
    pub fn after_text(&self, k: usize, b: &Block) -> bool {
        let weak_box = || {
            self.doc.ancestors(b.node).take(BOX_NAME_LEVELS).any(|n| is_weak_boilerplate_hint(&self.doc.nodes[n].hint))
        };
        self.last_main.is_some_and(|l| k > l) && (b.chars() < TAIL_BOX_CHARS || weak_box()) && !self.beside_main(b)
    }

    /// An end marker at the body's `k`-th block, with `prose_seen` characters before it, closes
    /// the article when most of its prose is behind and little running text follows.
    pub fn closes_article(&self, body: &[usize], k: usize, prose_seen: usize) -> bool {
        let main_after: usize = body[k + 1..]
            .iter()
            .map(|&j| &self.doc.blocks[j])
            .filter(|b| self.is_main(b) && matches!(b.kind, Kind::Paragraph | Kind::Text))
            .map(Block::chars)
            .sum();
        main_after * END_REST_DIVISOR < self.prose_total && prose_seen * END_SEEN_DIVISOR >= self.prose_total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_are_read_by_their_parts() {
        assert!(is_boilerplate_hint("article-share-bar"));
        assert!(is_boilerplate_hint("site_footer"));
        assert!(!is_boilerplate_hint("article__body--ads"), "a BEM modifier is no name");
        assert!(!is_boilerplate_hint("contentheader has-sharing"), "a state class is no name");
        assert!(!is_boilerplate_hint("shareholder-news"));
    }
}
