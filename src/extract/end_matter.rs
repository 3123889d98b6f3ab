//! Pass 4, the end matter: what follows the article text. The few blocks right after the body
//! may carry the credit or byline; the related-teaser lists are read by [`super::teasers`], and
//! their lines leave the body.

use super::frame::Frame;
use super::pieces::{Parts, Piece, Role};
use super::teasers::{self, RawTeaser};
use super::words;
use crate::document::Document;
use rustc_hash::FxHashSet;

/// Blocks after the body read for a credit or byline.
const CREDIT_REACH: usize = 6;
/// Blocks after the body where a link to the article's next page may stand.
const NEXT_PAGE_REACH: usize = 12;
/// Characters of a pager line (`Seite 1 von 3 Nächste Seite`) at most.
const PAGER_MAX_CHARS: usize = 60;

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

/// A teaser's line is never also a paragraph: paragraphs equal to a teaser's headline or
/// summary (a related list read into the body as well) leave the sections.
pub fn drop_teaser_lines(parts: &mut Parts, teasers: &[RawTeaser]) {
    let lines: FxHashSet<&str> =
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

/// The article goes on on another page: between its first block and a few blocks after it,
/// a line says so (`Seite 1 von 3`, `Nächste Seite`, `Weiter auf Seite 2`).
pub fn continues(doc: &Document, frame: &Frame) -> bool {
    let end = (frame.last_body + 1 + NEXT_PAGE_REACH).min(doc.blocks.len());
    doc.blocks.get(frame.header_start..end).unwrap_or_default().iter().any(|b| {
        next_page(&b.text)
            || b.links.iter().any(|l| words::NEXT_PAGE_LINK.is_match(l.text.trim()))
            || (b.chars() <= PAGER_MAX_CHARS && words::PAGE_COUNTER.captures(&b.text).is_some_and(|c| before_last(&c)))
    })
}

/// The page links its own next page in its head (`<link rel="next">`): the next address is
/// this article's address with a page number added (`…/artikel/seite-2`, `…/artikel/2/`,
/// `…artikel.html?page=2`). Many blogs link the next *post* the same way; its address is
/// another article's, so it does not count.
pub fn next_page_linked(doc: &Document, page_url: Option<&str>) -> bool {
    let (Some(next), Some(page)) = (doc.meta.next.as_deref(), page_url) else { return false };
    let Ok(mut page) = url::Url::parse(page) else { return false };
    let Ok(mut next) = page.join(next) else { return false };
    next.set_fragment(None);
    // The article's own address without query, fragment, closing `/` or `.html`.
    page.set_fragment(None);
    page.set_query(None);
    let base = page.as_str().trim_end_matches('/');
    let base = base.strip_suffix(".html").or_else(|| base.strip_suffix(".htm")).unwrap_or(base);
    next.as_str().strip_prefix(base).is_some_and(|tail| words::NEXT_PAGE_URL_TAIL.is_match(tail))
}

/// A line pointing to a following page; `Seite 3 von 3` points to none.
fn next_page(line: &str) -> bool {
    let Some(caps) = words::NEXT_PAGE.captures(line.trim()) else {
        return false;
    };
    caps.name("n").is_none() || before_last(&caps)
}

/// A counter `Seite n von m` with a page after this one.
fn before_last(caps: &regex::Captures) -> bool {
    let num = |k| caps.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    matches!((num("n"), num("m")), (Some(n), Some(m)) if n < m)
}

#[cfg(test)]
mod tests {
    use super::{next_page, next_page_linked};

    #[test]
    fn next_page_addresses() {
        let page = "https://zeitung.example/politik/haushalt-streit";
        let doc = |next: &str| {
            let mut d = crate::document::Document::default();
            d.meta.next = Some(next.to_string());
            d
        };
        for next in [
            "https://zeitung.example/politik/haushalt-streit/seite-2",
            "/politik/haushalt-streit/2/",
            "haushalt-streit?page=2",
            "https://zeitung.example/politik/haushalt-streit.html?seite=2",
        ] {
            assert!(next_page_linked(&doc(next), Some(page)), "{next}");
        }
        for next in [
            "https://zeitung.example/politik/neue-schulden-bremse",
            "https://zeitung.example/politik/haushalt-streit-kommentar",
            "https://zeitung.example/politik/page/2/",
            "https://zeitung.example/politik/haushalt-streit#kommentare",
        ] {
            assert!(!next_page_linked(&doc(next), Some(page)), "{next}");
        }
        assert!(next_page_linked(
            &doc("https://zeitung.example/a/bericht-2.html"),
            Some("https://zeitung.example/a/bericht.html")
        ));
        assert!(!next_page_linked(&doc("seite-2"), None));
    }

    #[test]
    fn next_page_lines() {
        for l in ["Seite 1 von 3", "Seite 2 / 4", "Nächste Seite", "nächste Seite »", "Weiter auf Seite 2", "Next page"]
        {
            assert!(next_page(l), "{l}");
        }
        for l in ["Seite 3 von 3", "Seite 1", "Weiter", "Auf der nächsten Seite lesen Sie, wie es weiterging.", ""] {
            assert!(!next_page(l), "{l}");
        }
    }
}
