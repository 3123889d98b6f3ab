//! Pass 2, the header zone: what sits around the headline and before the body. The kicker
//! (Dachzeile) right above the headline; between headline and body the dates, the bylines and
//! the lead (Vorspann); and a date printed beside the headline. Which class names mark a kicker
//! or a lead is in [`super::words`].

use super::container::RUNNING_TEXT_CHARS;
use super::frame::{Frame, KICKER_MAX_CHARS};
use super::pieces::{self, Parts, Piece, Role};
use super::{patterns, words};
use crate::document::{Block, Document, Kind};

/// Blocks above the headline searched for a kicker.
const KICKER_REACH: usize = 3;
/// Words a kicker may have.
const KICKER_MAX_WORDS: usize = 10;
/// Levels above a block whose class names may mark it a kicker.
const KICKER_NAME_LEVELS: usize = 2;
/// Link share below which a line can be a kicker.
const KICKER_MAX_LINK_DENSITY: f32 = 0.5;
/// Levels above a header-zone block whose class names may mark it the lead.
const LEAD_NAME_LEVELS: usize = 3;
/// Levels above a body block whose class names may mark it the lead.
pub const BODY_LEAD_NAME_LEVELS: usize = 2;
/// Link share below which a header-zone block can be the lead.
const LEAD_MAX_LINK_DENSITY: f32 = 0.3;
/// Characters a lead needs at least.
const LEAD_MIN_CHARS: usize = 30;
/// Characters from which a heading element holds running text, whatever its end ...
const RUNS_ON_CHARS: usize = 200;
/// ... and from which it does when it ends like a sentence.
const RUNS_ON_SENTENCE_CHARS: usize = 120;
/// Blocks above the headline where a printed date still belongs to it.
const DATE_REACH: usize = 4;

/// Some ancestor of `block` within `levels` has a class name with one of `names` as a part,
/// prefix or suffix.
pub fn hinted(doc: &Document, block: &Block, names: &[&str], levels: usize) -> bool {
    doc.ancestors(block.node).take(levels).any(|n| {
        let h = &doc.nodes[n].hint;
        !h.is_empty()
            && names.iter().any(|k| {
                h.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == *k || (w.len() > k.len() + 1 && w.starts_with(k)) || w.ends_with(k))
            })
    })
}

/// A heading element that holds running text (a standfirst set as `<h2>`): sentences, too
/// long for a subheading.
pub fn runs_on(b: &Block) -> bool {
    let n = b.chars();
    n >= RUNS_ON_CHARS || (n >= RUNS_ON_SENTENCE_CHARS && b.text.ends_with(['.', '!', '?', '"', '“', '”', '»', '…']))
}

/// The kicker: a short line right before the headline, named as such or beside it.
pub fn kicker(doc: &Document, frame: &Frame) -> Option<String> {
    if frame.kicker.is_some() {
        return frame.kicker.clone();
    }
    let h = frame.headline_at?;
    for j in (h.saturating_sub(KICKER_REACH)..h).rev() {
        let b = &doc.blocks[j];
        let named = hinted(doc, b, words::KICKER_NAMES, KICKER_NAME_LEVELS);
        // In the headline's container, as its sibling element or as loose text there.
        let h_parent = doc.nodes[doc.blocks[h].node].parent;
        let beside = doc.nodes[b.node].parent == h_parent || Some(b.node) == h_parent;
        let short = b.chars() <= KICKER_MAX_CHARS && crate::text::word_count(&b.text) <= KICKER_MAX_WORDS;
        if short
            && (named || (beside && j + 1 == h))
            && b.link_density() < KICKER_MAX_LINK_DENSITY
            && pieces::date_furniture(&b.text, false).is_none()
            && !patterns::is_promo(&b.text)
        {
            return Some(b.text.clone());
        }
    }
    None
}

/// The header zone between headline and body as pieces: the first lead-like block is the
/// lead, the rest (dates, bylines) aside. Whether a lead was found.
pub fn zone(doc: &Document, frame: &Frame, pieces: &mut Vec<Piece>) -> bool {
    let mut lead_taken = false;
    for j in frame.header_start..frame.first_body.min(doc.blocks.len()) {
        let b = &doc.blocks[j];
        let lead_like = !frame.is_boiler(b)
            && b.link_density() < LEAD_MAX_LINK_DENSITY
            && (hinted(doc, b, words::LEAD_NAMES, LEAD_NAME_LEVELS)
                || ((b.kind == Kind::Paragraph || runs_on(b)) && b.chars() >= RUNNING_TEXT_CHARS))
            && b.chars() >= LEAD_MIN_CHARS
            && (!matches!(b.kind, Kind::Heading(_)) || runs_on(b))
            && b.kind != Kind::Caption;
        let role = if lead_like && !lead_taken {
            lead_taken = true;
            Role::Lead
        } else {
            Role::Aside
        };
        pieces.push(Piece { text: b.text.clone(), role });
    }
    lead_taken
}

/// Visible dates the pieces missed: one printed right around the headline (above it, with
/// the kicker), and a `<time datetime>` in the header zone, machine-readable and precise.
pub fn dates(doc: &Document, frame: &Frame, parts: &mut Parts) {
    if (parts.published.is_none() || parts.updated.is_none())
        && let Some(h) = frame.headline_at
    {
        for j in h.saturating_sub(DATE_REACH)..(h + 1) {
            let b = &doc.blocks[j];
            if let Some(s) = b.datetime.as_deref().and_then(crate::time::parse_iso) {
                parts.published.get_or_insert(s);
            } else if let Some((p, u)) = pieces::date_furniture(&b.text, false) {
                if let Some(p) = p {
                    parts.published.get_or_insert(p);
                }
                if let Some(u) = u {
                    parts.updated.get_or_insert(u);
                }
            }
        }
    }
    if let Some(s) = (frame.header_start..frame.first_body.min(doc.blocks.len()))
        .filter(|&j| pieces::date_furniture(&doc.blocks[j].text, true).is_none_or(|(p, _)| p.is_some()))
        .find_map(|j| doc.blocks[j].datetime.as_deref().and_then(crate::time::parse_iso))
    {
        parts.published = super::merge::merge_times(Some(s), parts.published.take());
    }
}
