//! Copied text (no markup): the same passes as for a page of markup, read off the lines. The
//! date line near the top anchors the header; the body runs to a related list's heading, whose
//! lines are the teasers. The pieces go through the same interpreter as markup's.

use super::frame::KICKER_MAX_CHARS;
use super::pieces::{self, Piece, Role};
use super::{Article, meta, patterns, teasers};
use crate::document::Document;
use crate::{Error, Result};

/// Lines from the top searched for the date line.
const DATE_LINE_REACH: usize = 8;
/// Characters of a first line that is a kicker over a longer headline line, without a date.
const TWO_LINE_KICKER_CHARS: usize = 40;
/// Words of such a kicker line.
const TWO_LINE_KICKER_WORDS: usize = 5;
/// Words a headline line has at least ...
const HEADLINE_MIN_WORDS: usize = 2;
/// ... and at most.
const HEADLINE_MAX_WORDS: usize = 40;
/// Characters a headline line has at most.
const HEADLINE_MAX_CHARS: usize = 300;

/// Copied text as an article: header above the date line, body up to a related list.
pub fn article(doc: &Document) -> Result<Article> {
    let lines: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    if lines.is_empty() {
        return Err(Error::NoArticle("no text".into()));
    }
    // The date line near the top anchors the header: kicker and headline sit above it.
    let date_at = lines
        .iter()
        .take(DATE_LINE_REACH)
        .position(|l| pieces::date_furniture(l, false).is_some_and(|(p, _)| p.is_some()));
    let (kicker, headline, body_from) = match date_at {
        Some(d) => {
            let above: Vec<&str> = lines[..d].iter().copied().filter(|l| patterns::byline(l).is_none()).collect();
            match above.len() {
                0 => return Err(Error::NoArticle("no headline line above the date".into())),
                1 => (None, above[0], d),
                n => {
                    let k = above[n - 2];
                    let kicker = (k.chars().count() <= KICKER_MAX_CHARS).then_some(k);
                    (kicker, above[n - 1], d)
                }
            }
        }
        None => {
            let two_line_head = lines.len() > 2
                && lines[0].chars().count() <= TWO_LINE_KICKER_CHARS
                && lines[0].split_whitespace().count() <= TWO_LINE_KICKER_WORDS
                && pieces::heading_like(lines[1])
                && lines[1].chars().count() > lines[0].chars().count();
            if two_line_head { (Some(lines[0]), lines[1], 2) } else { (None, lines[0], 1) }
        }
    };
    let words = headline.split_whitespace().count();
    if !(HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&words) || headline.chars().count() > HEADLINE_MAX_CHARS {
        return Err(Error::NoArticle("no headline line of several words".into()));
    }
    let related = lines.iter().skip(body_from).position(|l| teasers::is_related_heading(l)).map(|p| p + body_from);
    let body_end = related.unwrap_or(lines.len());
    let body_lines = &lines[body_from..body_end];
    // Bylines above the date line still name the authors.
    let mut pieces: Vec<Piece> = lines[..body_from]
        .iter()
        .filter(|l| patterns::byline(l).is_some())
        .map(|l| Piece { text: l.to_string(), role: Role::Aside })
        .collect();
    let mut lead_open = true;
    for (k, l) in body_lines.iter().enumerate() {
        let next_is_text = body_lines.get(k + 1).is_some_and(|n| !pieces::heading_like(n));
        let is_meta = pieces::date_furniture(l, false).is_some()
            || patterns::byline(l).is_some()
            || patterns::credit(l).is_some()
            || patterns::is_promo(l);
        let role = if is_meta {
            Role::Aside
        } else if lead_open {
            lead_open = false;
            // The first paragraph is the lead unless it opens with an Ortsmarke (then it is body).
            if patterns::ortsmarke(l).is_some() || body_lines[k + 1..].iter().all(|n| pieces::heading_like(n)) {
                Role::Para
            } else {
                Role::Lead
            }
        } else if pieces::heading_like(l) && next_is_text {
            Role::Heading
        } else {
            Role::Para
        };
        pieces.push(Piece { text: l.to_string(), role });
    }
    let parts = pieces::interpret(&pieces);
    let teasers = related.map(|r| teasers::from_lines(&lines[r + 1..])).unwrap_or_default();
    Ok(Article {
        kicker: kicker.map(str::to_string),
        headline: headline.to_string(),
        parts,
        meta: meta::PageMeta::default(),
        teasers,
        base_href: None,
        images: Vec::new(),
        keywords: Vec::new(),
        continues: false,
    })
}
