//! Extraction stage: document blocks and metadata in, the record out.
//!
//! A page of markup goes through five passes, in the order the data flows (the shape follows
//! trafilatura's `main_extractor.py`, where pruning is a list of named passes):
//!
//! 1. [`frame`]: where the article is: the headline, the article's containers (chosen in
//!    [`container`]) and the range of blocks they span; a page that is a list of teasers
//!    ([`listing`]) stops here.
//! 2. [`header`]: the header zone: kicker, bylines, dates and the lead.
//! 3. [`body`]: the body's blocks as pieces (paragraph, item, subheading, aside), cut where
//!    the article text ends.
//! 4. [`end_matter`]: the credit lines after the body and the related-teaser lists
//!    ([`teasers`]).
//! 5. [`merge`]: parts and metadata ([`meta`]) become the record.
//!
//! Beside them, three passes read what the record holds besides the text: [`images`] (the
//! article's pictures; their caption lines are kept out of passes 2 to 4), [`keywords`] (its
//! topic tags) and [`site`] (the publication's name).
//!
//! Copied text takes the same steps on lines ([`copied`]). Both turn the page into a sequence
//! of [`pieces::Piece`]s that one interpreter reads into lead, sections, credit and byline.
//! What a single line is (Ortsmarke, byline, credit, promo) is in [`patterns`]; every word list
//! is in [`words`]; place names in [`gazetteer`].

pub mod body;
pub mod container;
mod copied;
pub mod end_matter;
pub mod frame;
pub mod gazetteer;
pub mod header;
pub mod images;
pub mod keywords;
pub mod listing;
pub mod merge;
pub mod meta;
pub mod patterns;
pub mod pieces;
pub mod site;
pub mod teasers;
pub mod words;

use crate::Result;
use crate::document::Document;
use crate::input::Input;
use crate::record::{self, Format, Record};

/// Why a page of teasers gives no record (see [`listing`]).
pub const NOT_AN_ARTICLE: &str = "a list of teasers (a front, section, tag or search page), not an article";

/// What the passes yield before the merge makes it a record.
#[derive(Debug, Default)]
pub struct Article {
    pub kicker: Option<String>,
    pub headline: String,
    pub parts: pieces::Parts,
    pub meta: meta::PageMeta,
    pub teasers: Vec<teasers::RawTeaser>,
    pub base_href: Option<String>,
    /// images, keywords: the article's pictures (addresses as written) and topic tags.
    pub images: Vec<record::Image>,
    pub keywords: Vec<String>,
    /// The page shows that the article goes on on another page.
    pub continues: bool,
}

/// The record of one page: the passes for its format, then the merge.
pub fn extract(input: &Input, doc: &Document, path: &str) -> Result<Record> {
    let article = match input.format {
        Format::Text => copied::article(doc)?,
        Format::Html | Format::Mhtml => html(doc)?,
    };
    merge::record(input, doc, path, article)
}

/// A page of markup, pass by pass.
fn html(doc: &Document) -> Result<Article> {
    let meta = meta::read(&doc.meta);
    let frame = frame::locate(doc, &meta)?;
    if listing::is_teaser_list(doc, &frame) {
        return Err(crate::Error::NoArticle(NOT_AN_ARTICLE.into()));
    }
    let kicker = header::kicker(doc, &frame);
    // The pictures from the headline to the body's end; their caption lines are neither text
    // nor the text's credit, so the passes after this one pass them over.
    let pictures = images::collect(doc, &meta.json_ld, &frame);
    let mut pieces = Vec::new();
    let lead_taken = header::zone(doc, &frame, &pictures.captions, &mut pieces);
    let last_text = body::read(doc, &frame, lead_taken, &pictures.captions, &mut pieces);
    end_matter::credit_lines(doc, &frame, &pictures.captions, &mut pieces);
    let mut parts = pieces::interpret(&pieces);
    header::dates(doc, &frame, &mut parts);
    header::byline_elements(doc, &frame, &mut parts);
    let teasers = end_matter::teaser_lists(doc, &frame);
    let images = pictures.up_to(last_text);
    // The tag list follows the body's last line of text; the text's container may end with
    // link lines (the tags themselves, share links) that the frame counts as body.
    let keywords = keywords::collect(
        doc,
        &meta.json_ld,
        frame.header_start..frame.first_body,
        keywords::after_body(last_text.min(frame.last_body)),
    );
    let continues = end_matter::continues(doc, &frame) || end_matter::next_page_linked(doc, meta.url.as_deref());
    end_matter::drop_teaser_lines(&mut parts, &teasers);
    Ok(Article {
        kicker,
        headline: frame.headline,
        parts,
        meta,
        teasers,
        base_href: doc.meta.base_href.clone(),
        images,
        keywords,
        continues,
    })
}
