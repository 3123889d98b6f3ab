//! Pass 1, the frame: where the article sits on a page of markup. The headline block, the
//! article's blocks (chosen in [`super::container`]) and the range they span, which the later
//! passes read: the header zone between headline and body, the body, the end matter after it.

use super::container::{self, LINK_TEXT_DENSITY};
use super::meta::PageMeta;
use crate::document::{Document, Kind};
use crate::{Error, Result};

/// A headline block has at least this many characters ...
const HEADLINE_MIN_CHARS: usize = 3;
/// ... and at most this many.
const HEADLINE_MAX_CHARS: usize = 400;
/// Score of a heading equal to a metadata title.
const SAME_TITLE: i32 = 6;
/// Score of a heading that ends in a metadata title making up more than half of it.
const ENDS_IN_TITLE: i32 = 5;
/// Score of a heading inside a metadata title, more than a third of it.
const INSIDE_TITLE: i32 = 4;
/// Score of a heading holding a metadata title that makes up more than half of it.
const HOLDS_TITLE: i32 = 3;
/// A title inside a heading must make up more than 1/this of it to count.
const TITLE_SHARE_DIVISOR: usize = 2;
/// A heading inside a title must make up more than 1/this of it to count.
const HEADING_SHARE_DIVISOR: usize = 3;
/// Score bonus for an `<h1>`.
const H1_BONUS: i32 = 2;
/// Score malus for a heading in a boilerplate container.
const BOILERPLATE_MALUS: i32 = 2;
/// Score malus for a heading that is mostly link text.
const LINKED_MALUS: i32 = 3;
/// Least score of a headline: an `<h1>` alone, or an `<h2>` that agrees with a title.
const HEADLINE_MIN_SCORE: i32 = 2;
/// The headline starts the body only with at most 1/this of the article's prose above it.
const HEADLINE_ABOVE_DIVISOR: usize = 2;
/// Characters a kicker may have: a short line, not a sentence.
pub const KICKER_MAX_CHARS: usize = 80;
/// Words a site name after a `<title>` separator may have.
const SITE_NAME_MAX_WORDS: usize = 4;
/// Words a `<title>` needs before its separator to be a headline.
const TITLE_MIN_WORDS: usize = 2;

/// Where the article is: headline, the body's blocks, and the zones around them.
pub struct Frame {
    /// The headline block, where it precedes most of the body.
    pub headline_at: Option<usize>,
    pub headline: String,
    /// A kicker set in the headline's own element.
    pub kicker: Option<String>,
    /// The article's blocks after the headline (all of them if none follows it), in order.
    pub body: Vec<usize>,
    /// Per node: boilerplate, judged from the article container downward.
    pub boiler: Vec<bool>,
    /// The header zone runs from here to `first_body`.
    pub header_start: usize,
    pub first_body: usize,
    pub last_body: usize,
    /// The page's descriptions of itself, which the lead may agree with.
    pub descriptions: Vec<String>,
}

impl Frame {
    /// The block sits in a boilerplate container.
    pub fn is_boiler(&self, b: &crate::document::Block) -> bool {
        self.boiler.get(b.node).copied().unwrap_or(false)
    }
}

/// Finds headline, article container and body range; an error when there is no headline.
pub fn locate(doc: &Document, pm: &PageMeta) -> Result<Frame> {
    let own = container::own_flags(doc);
    let found = find_headline(doc, pm, &container::boilerplate_chain(doc, &own));
    let sel = container::article_body(doc, found.as_ref().map(|f| f.0), &own);
    let (hi, headline, kicker) = match found {
        Some((i, h, k)) => (Some(i), h, k),
        None => {
            let h = pm.headline.clone().or_else(|| pm.titles.first().map(|t| title_without_site(t)));
            match h {
                Some(h) if !h.is_empty() => (None, h, None),
                _ => return Err(Error::NoArticle("no headline".into())),
            }
        }
    };
    // The body proper starts after the headline when the headline precedes it; a headline
    // below most of the text (repeated in a list further down) says nothing about where.
    let prose_before = |h: usize| sel.blocks.iter().filter(|&&i| i < h).map(|&i| doc.blocks[i].chars()).sum::<usize>();
    let prose_all: usize = sel.blocks.iter().map(|&i| doc.blocks[i].chars()).sum();
    let hi = hi.filter(|&h| prose_before(h) * HEADLINE_ABOVE_DIVISOR <= prose_all);
    let mut body: Vec<usize> = sel.blocks.iter().copied().filter(|&i| hi.is_none_or(|h| i > h)).collect();
    if body.is_empty() {
        body = sel.blocks.clone();
    }
    let first_body = body.first().copied().unwrap_or(doc.blocks.len());
    let last_body = body.last().copied().unwrap_or(0);
    Ok(Frame {
        headline_at: hi,
        headline,
        kicker,
        body,
        boiler: sel.boiler,
        header_start: hi.map_or(first_body, |h| h + 1),
        first_body,
        last_body,
        descriptions: pm.descriptions.clone(),
    })
}

/// Letters and digits only, lowercase: how headings and titles are compared.
fn norm_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// How well a heading's key agrees with the metadata titles' keys.
fn title_agreement(k: &str, keys: &[String]) -> i32 {
    let mut s = 0;
    for t in keys {
        if *t == k {
            s = s.max(SAME_TITLE);
        } else if k.ends_with(t.as_str()) && t.len() * TITLE_SHARE_DIVISOR > k.len() {
            s = s.max(ENDS_IN_TITLE);
        } else if t.contains(k) && k.len() * HEADING_SHARE_DIVISOR > t.len() {
            s = s.max(INSIDE_TITLE);
        } else if k.contains(t.as_str()) && t.len() * TITLE_SHARE_DIVISOR > k.len() {
            s = s.max(HOLDS_TITLE);
        }
    }
    s
}

/// The headline block: an `<h1>` (else `<h2>`) that agrees with the metadata titles; with
/// the kicker where one `<h1>` holds both.
fn find_headline(doc: &Document, pm: &PageMeta, boiler: &[bool]) -> Option<(usize, String, Option<String>)> {
    let mut titles: Vec<String> = pm.headline.iter().cloned().collect();
    titles.extend(pm.titles.iter().cloned());
    let keys: Vec<String> = titles.iter().map(|t| norm_key(t)).filter(|k| !k.is_empty()).collect();
    let mut best: Option<(i32, usize)> = None;
    for level in [1u8, 2] {
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.kind != Kind::Heading(level) || b.chars() < HEADLINE_MIN_CHARS || b.chars() > HEADLINE_MAX_CHARS {
                continue;
            }
            let k = norm_key(&b.text);
            if k.is_empty() {
                continue;
            }
            let mut s = title_agreement(&k, &keys);
            if level == 1 {
                s += H1_BONUS;
            }
            if boiler.get(b.node).copied().unwrap_or(false) {
                s -= BOILERPLATE_MALUS;
            }
            if b.link_density() > LINK_TEXT_DENSITY {
                s -= LINKED_MALUS;
            }
            if s >= HEADLINE_MIN_SCORE && best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, i));
            }
        }
        if best.is_some() {
            break;
        }
    }
    let (_, i) = best?;
    let text = doc.blocks[i].text.clone();
    // Kicker and headline in one <h1>: the metadata headline is the tail.
    if let Some(h) = pm.headline.iter().chain(&pm.og_title).find(|h| text.ends_with(h.as_str()) && h.len() < text.len())
    {
        let kicker = text[..text.len() - h.len()].trim().trim_end_matches([':', '-', '|', '–']).trim();
        if !kicker.is_empty() && kicker.chars().count() <= KICKER_MAX_CHARS {
            return Some((i, h.clone(), Some(kicker.to_string())));
        }
    }
    Some((i, text, None))
}

/// Strips a site name from a `<title>`: `Headline | Portal`.
fn title_without_site(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, site) = (&t[..pos], &t[pos + sep.len()..]);
            if site.split_whitespace().count() <= SITE_NAME_MAX_WORDS
                && head.split_whitespace().count() >= TITLE_MIN_WORDS
            {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}
