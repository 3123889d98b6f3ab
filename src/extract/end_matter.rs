//! Pass 4, the end matter: what follows the article text. The few blocks right after the body
//! may carry the credit or byline; the related-teaser lists are read by [`super::teasers`].

use super::frame::Frame;
use super::pieces::{Piece, Role};
use super::teasers::{self, RawTeaser};
use crate::document::Document;

/// Blocks after the body read for a credit or byline.
const CREDIT_REACH: usize = 6;

/// The blocks after the body up to a related list's heading, as aside pieces; a picture's
/// caption lines (`captions`, by block) are passed over.
pub fn credit_lines(doc: &Document, frame: &Frame, captions: &[bool], pieces: &mut Vec<Piece>) {
    for j in (frame.last_body + 1)..(frame.last_body + 1 + CREDIT_REACH).min(doc.blocks.len()) {
        let b = &doc.blocks[j];
        if teasers::is_related_heading(&b.text) {
            break;
        }
        if captions.get(j) == Some(&true) {
            continue;
        }
        pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
    }
}

/// The related-teaser lists after the headline.
pub fn teaser_lists(doc: &Document, frame: &Frame) -> Vec<RawTeaser> {
    teasers::from_html(doc, frame.headline_at.unwrap_or(0))
}
