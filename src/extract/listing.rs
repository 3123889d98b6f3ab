//! Whether the page is an article at all: a portal's front page, a section, tag or search page
//! is a list of teasers (a linked title over a few lines each) with no running text of its own.
//! Asked of the article's blocks once the frame is found.

use super::container::{self, RUNNING_TEXT_CHARS};
use super::frame::Frame;
use super::teasers;
use crate::document::{Block, Document, Kind};

/// Teasers from which a page of them is a listing rather than an article with a few links.
const MIN_TEASERS: usize = 4;
/// Levels climbed from a teaser's linked title to the element holding the whole teaser.
const CARD_LEVELS: usize = 3;
/// Characters a teaser holds at most (title, summary, date): more is a section of an article.
const CARD_MAX_CHARS: usize = 1200;

/// The page's content is a list of teasers: at least [`MIN_TEASERS`] linked titles in the
/// article's blocks, and outside the teasers they head less running text than a short
/// paragraph ([`RUNNING_TEXT_CHARS`]). Teasers after a related list's heading (`Mehr zum
/// Thema`) are an article's end matter and are not counted, nor is the text in them.
pub fn is_teaser_list(doc: &Document, frame: &Frame) -> bool {
    let end = frame
        .body
        .iter()
        .position(|&j| {
            let b = &doc.blocks[j];
            b.chars() <= super::body::SHORT_HEADING_CHARS && teasers::is_related_heading(&b.text)
        })
        .unwrap_or(frame.body.len());
    let blocks: Vec<&Block> =
        frame.body[..end].iter().map(|&j| &doc.blocks[j]).filter(|b| !frame.is_boiler(b)).collect();
    let titles: Vec<&Block> = blocks.iter().copied().filter(|b| is_linked_title(b)).collect();
    if titles.len() < MIN_TEASERS {
        return false;
    }
    let cards = cards(doc, &titles);
    let running: usize = blocks
        .iter()
        .filter(|b| is_running(b) && !doc.ancestors(b.node).any(|n| cards.contains(&n)))
        .map(|b| b.chars())
        .sum();
    running < RUNNING_TEXT_CHARS
}

/// A teaser's title: a heading that is mostly link text.
fn is_linked_title(b: &Block) -> bool {
    matches!(b.kind, Kind::Heading(_)) && container::is_link_text(b)
}

/// A block of the text's own, not a label or a link.
fn is_running(b: &Block) -> bool {
    matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::Quote | Kind::ListItem) && !container::is_link_text(b)
}

/// Per linked title, the element holding its teaser: climbed from the title while the parent
/// holds no other linked title and stays teaser-sized.
fn cards(doc: &Document, titles: &[&Block]) -> Vec<usize> {
    let title_nodes: Vec<usize> = titles.iter().map(|b| b.node).collect();
    let chars_under =
        |n: usize| -> usize { doc.blocks.iter().filter(|b| doc.is_inside(b.node, n)).map(Block::chars).sum::<usize>() };
    let titles_under = |n: usize| title_nodes.iter().filter(|&&t| doc.is_inside(t, n)).count();
    title_nodes
        .iter()
        .map(|&t| {
            let mut card = t;
            for _ in 0..CARD_LEVELS {
                match doc.nodes[card].parent {
                    Some(p) if titles_under(p) == 1 && chars_under(p) <= CARD_MAX_CHARS => card = p,
                    _ => break,
                }
            }
            card
        })
        .collect()
}
