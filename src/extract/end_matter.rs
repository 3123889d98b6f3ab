//! Pass 4, the end matter: what follows the article text. The few blocks right after the body
//! may carry the credit or byline; the related-teaser lists are read by [`super::teasers`], and
//! their lines leave the body.

use super::frame::Frame;
use super::pieces::{Parts, Piece, Role};
use super::teasers::{self, RawTeaser};
use crate::document::Document;
use std::collections::HashSet;

/// Blocks after the body read for a credit or byline.
const CREDIT_REACH: usize = 6;

/// The blocks after the body up to a related list's heading, as aside pieces.
pub fn credit_lines(doc: &Document, frame: &Frame, pieces: &mut Vec<Piece>) {
    for j in (frame.last_body + 1)..(frame.last_body + 1 + CREDIT_REACH).min(doc.blocks.len()) {
        let b = &doc.blocks[j];
        if teasers::is_related_heading(&b.text) {
            break;
        }
        pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
    }
}

/// A teaser's line is never also a paragraph: paragraphs equal to a teaser's headline or
/// summary (a related list read into the body as well) leave the sections.
pub fn drop_teaser_lines(parts: &mut Parts, teasers: &[RawTeaser]) {
    let lines: HashSet<&str> =
        teasers.iter().flat_map(|t| std::iter::once(t.headline.as_str()).chain(t.summary.as_deref())).collect();
    if lines.is_empty() {
        return;
    }
    for s in &mut parts.sections {
        s.paragraphs.retain(|p| !lines.contains(p.as_str()));
    }
    parts.sections.retain(|s| !s.paragraphs.is_empty() || s.heading.is_some());
}

/// The related-teaser lists after the headline.
pub fn teaser_lists(doc: &Document, frame: &Frame) -> Vec<RawTeaser> {
    teasers::from_html(doc, frame.headline_at.unwrap_or(0))
}
