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
/// Levels above a header-zone block whose class names may mark it the byline.
const BYLINE_NAME_LEVELS: usize = 2;
/// Blocks of the body's start where a byline element may still stand (a layout that opens
/// the text container with it).
const BYLINE_BODY_REACH: usize = 2;
/// Blocks of the body's container searched for the first running paragraph, where the
/// header's byline elements end.
const BYLINE_HEADER_MAX_BLOCKS: usize = 12;
/// Blocks above the headline where a printed date still belongs to it.
const DATE_REACH: usize = 4;
/// A description that a paragraph starts with must make up at least 1/this of it: a
/// description cut off for length, not a paragraph's first words.
const DESCRIPTION_SHARE_DIVISOR: usize = 2;

/// How many of a description's first characters a block must contain before the exact
/// comparison (and the dateline patterns it needs) runs.
const DESCRIPTION_PROBE_CHARS: usize = 24;

/// Some ancestor of `block` within `levels` has a class name with one of `names` as a part,
/// prefix or suffix.
pub fn hinted(doc: &Document, block: &Block, names: &[&str], levels: usize) -> bool {
    doc.ancestors(block.node).take(levels).any(|n| {
        let h = &doc.nodes[n].hint;
        // The class words are split once; each is held against every name.
        !h.is_empty()
            && h.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| names.iter().any(|k| w == *k || (w.len() > k.len() + 1 && w.starts_with(k)) || w.ends_with(k)))
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

/// The paragraph agrees with one of the page's descriptions (`og:description`,
/// `description`, `twitter:description`): it equals one, or starts with one cut off for length, once a
/// house-style dateline opening it (`Berlin. `, `Neuss · `) is set aside. A paragraph opening
/// with an agency's Ortsmarke is body text, whatever the description says: dpa leads never
/// carry one.
pub fn agrees_with_description(text: &str, descriptions: &[String]) -> bool {
    let described = |d: &String| {
        let d = d.trim_end_matches(['…', '.', ' ']);
        let head = d.char_indices().nth(DESCRIPTION_PROBE_CHARS).map_or(d, |(i, _)| &d[..i]);
        !head.is_empty() && text.contains(head)
    };
    // Agreeing text holds the description's head; most blocks fail this before any pattern runs.
    if !descriptions.iter().any(described) || patterns::ortsmarke(text).is_some() {
        return false;
    }
    let text = text[patterns::dateline_len(text).unwrap_or(0)..].trim();
    let n = text.chars().count();
    n >= LEAD_MIN_CHARS
        && descriptions.iter().any(|d| {
            let d = d.trim_end_matches(['…', '.', ' ']);
            text.trim_end_matches(['…', '.', ' ']) == d
                || (!d.is_empty() && text.starts_with(d) && d.chars().count() * DESCRIPTION_SHARE_DIVISOR >= n)
        })
}

/// The header zone between headline and body as pieces: a block that agrees with the page's
/// description is the lead, else the first lead-like block; the rest (dates, bylines, reading
/// time, players) aside; a picture's caption lines (`captions`, by block) are passed over.
/// Whether a lead was found.
pub fn zone(doc: &Document, frame: &Frame, captions: &[bool], pieces: &mut Vec<Piece>) -> bool {
    let zone = frame.header_start..frame.first_body.min(doc.blocks.len());
    let may_lead = |b: &Block| {
        !frame.is_boiler(b)
            && b.link_density() < LEAD_MAX_LINK_DENSITY
            && b.chars() >= LEAD_MIN_CHARS
            && b.kind != Kind::Caption
    };
    let can_lead = |b: &Block| may_lead(b) && (!matches!(b.kind, Kind::Heading(_)) || runs_on(b));
    let caption = |j: usize| captions.get(j) == Some(&true);
    // A heading that agrees with the description is the standfirst set as a heading (`<h2
    // class="subtitle">`), however short.
    let agreeing = zone.clone().find(|&j| {
        !caption(j) && may_lead(&doc.blocks[j]) && agrees_with_description(&doc.blocks[j].text, &frame.descriptions)
    });
    let mut lead_taken = false;
    for j in zone {
        let b = &doc.blocks[j];
        if caption(j) {
            continue;
        }
        let lead_like = match agreeing {
            Some(a) => a == j,
            None => {
                can_lead(b)
                    && (hinted(doc, b, words::LEAD_NAMES, LEAD_NAME_LEVELS)
                        || ((b.kind == Kind::Paragraph || runs_on(b)) && b.chars() >= RUNNING_TEXT_CHARS))
            }
        };
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

/// Names in the header zone's elements named as the byline (`class="author"`,
/// `itemprop="author"`) that carry no `Von` (`Anna Beispiel`, `By Jan Muster`), each element
/// read as a byline, in page order, each name once. A save without scripts keeps them where
/// it loses the JSON-LD author.
pub fn byline_elements(doc: &Document, frame: &Frame, parts: &mut Parts) {
    let start = frame.headline_at.map_or(frame.header_start, |h| h + 1);
    // The header's lines run on into the body's container up to its first running paragraph
    // that is not the lead (lead, byline, date, text).
    let plain_text = |j: &usize| {
        let b = &doc.blocks[*j];
        b.kind == Kind::Paragraph
            && b.chars() >= RUNNING_TEXT_CHARS
            && !frame.is_boiler(b)
            && !hinted(doc, b, words::LEAD_NAMES, LEAD_NAME_LEVELS)
            && !agrees_with_description(&b.text, &frame.descriptions)
    };
    let text_at = frame.body.iter().take(BYLINE_HEADER_MAX_BLOCKS).find(|j| plain_text(j)).copied();
    let end = (frame.first_body + BYLINE_BODY_REACH).max(text_at.unwrap_or(0)).min(doc.blocks.len());
    for (j, b) in doc.blocks.iter().enumerate().take(end).skip(start) {
        let mut texts: Vec<&str> = b.links.iter().filter(|l| author_link(&l.href)).map(|l| l.text.as_str()).collect();
        if hinted(doc, b, words::BYLINE_NAMES, BYLINE_NAME_LEVELS) && patterns::byline(&b.text).is_none() {
            texts.push(&b.text);
        }
        // Before the text's first paragraph.
        if text_at.is_none_or(|t| j < t)
            && let Some(names) = bold_names(b)
        {
            for name in names {
                if !parts.byline_elements.contains(&name) {
                    parts.byline_elements.push(name);
                }
            }
        }
        for text in texts {
            let names = text.strip_prefix("By ").unwrap_or(text);
            for name in patterns::byline(&format!("Von {names}")).unwrap_or_default() {
                if !parts.byline_elements.contains(&name) {
                    parts.byline_elements.push(name);
                }
            }
        }
    }
}

/// Characters of a bold line of names, at most.
const BOLD_NAMES_MAX_CHARS: usize = 80;

/// A paragraph set entirely in bold that holds nothing but persons' names (`<p><strong>Anna
/// Beispiel/Jan Muster</strong></p>`): the byline as printed papers set it, at the top of the
/// text without `Von`. The names, read like a byline; a slash parts them too.
pub fn bold_names(b: &Block) -> Option<Vec<String>> {
    if b.kind != Kind::Paragraph || b.chars() > BOLD_NAMES_MAX_CHARS || b.emphasis.as_deref() != Some(b.text.as_str()) {
        return None;
    }
    let names = b.text.replace('/', ", ");
    patterns::byline(&format!("Von {names}")).filter(|n| !n.is_empty())
}

/// A link to an author's page: a path segment named like the byline (`/autoren/anna-beispiel`).
fn author_link(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    path.split('/').any(|seg| words::BYLINE_NAMES.contains(&seg.to_ascii_lowercase().as_str()))
}

/// Visible dates the pieces missed: one printed right around the headline (above it, with
/// the kicker), and a `<time datetime>` in the header zone or the body's first blocks (a date
/// line set as the text container's first line), machine-readable and precise.
pub fn dates(doc: &Document, frame: &Frame, parts: &mut Parts) {
    if (parts.published.is_none() || parts.updated.is_none())
        && let Some(h) = frame.headline_at
    {
        for j in h.saturating_sub(DATE_REACH)..(h + 1) {
            let b = &doc.blocks[j];
            if let Some(s) = time_element(b) {
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
    // The header's furniture may open the text container: it ends where the running text
    // starts, at the second paragraph of body text that is not set apart as the lead (a
    // standfirst without a lead's name may stand above the date line).
    let reach = (frame.first_body..frame.last_body.min(doc.blocks.len()))
        .filter(|&j| {
            let b = &doc.blocks[j];
            b.kind == Kind::Paragraph
                && b.chars() >= RUNNING_TEXT_CHARS
                && !hinted(doc, b, words::LEAD_NAMES, BODY_LEAD_NAME_LEVELS)
        })
        .nth(1)
        .unwrap_or(frame.first_body);
    if let Some(s) = (frame.header_start..reach)
        .filter(|&j| j < frame.first_body || doc.blocks[j].chars() <= pieces::DATE_LINE_MAX_CHARS)
        .filter(|&j| pieces::date_furniture(&doc.blocks[j].text, true).is_none_or(|(p, _)| p.is_some()))
        .find_map(|j| time_element(&doc.blocks[j]))
    {
        parts.published = super::merge::merge_times(Some(s), parts.published.take());
    }
}

/// The time of a block's `<time datetime>`; a bare date there takes the clock time printed in
/// the block (`<time datetime="2026-04-30">30/04/2026 - 16:38</time>`).
fn time_element(b: &Block) -> Option<crate::time::Stamp> {
    let s = b.datetime.as_deref().and_then(crate::time::parse_iso)?;
    if s.has_time {
        return Some(s);
    }
    crate::time::with_clock(&s, &b.text).or(Some(s))
}

#[cfg(test)]
mod tests {
    use super::{agrees_with_description, author_link};

    const PARAGRAPHS: &str = "<p>Zwischen zwei Nordseeinseln pendelt von Mai an eine kleine Elektrofähre, die sechzig \
        Fahrgäste fasst.</p><p>Betrieben wird die Linie von einer Genossenschaft, in der sich die Inselbewohner \
        zusammengeschlossen haben.</p>";

    /// Pages without byline metadata whose text opens with `text`, in two layouts: an
    /// `<article>` with the headline inside, and a page of `<div>`s with a header and a date line.
    fn records(text: &str) -> Vec<crate::Record> {
        let head =
            "<!DOCTYPE html><html lang=\"de\"><head><title>Fähre pendelt künftig zwischen zwei Inseln</title></head>";
        [
            format!(
                "{head}<body><article><h1>Fähre pendelt künftig zwischen zwei Inseln</h1>\
                 <div class=\"text\">{text}{PARAGRAPHS}</div></article></body></html>"
            ),
            format!(
                "{head}<body><div class=\"page\"><header><div class=\"topline\">Verkehr</div>\
                 <h1>Fähre pendelt künftig zwischen zwei Inseln</h1><div class=\"date\">14.04.2026, 09:30 Uhr</div></header>\
                 <div class=\"content\"><div class=\"body\">{text}{PARAGRAPHS}</div></div></div></body></html>"
            ),
        ]
        .iter()
        .map(|html| crate::parse_page(html.as_bytes(), "t.html", &crate::Limits::default()).expect("a record"))
        .collect()
    }

    #[test]
    fn a_bold_line_of_names_above_the_text_is_the_byline() {
        for (line, names) in [
            ("<p><strong>Lena Beispiel/Jan Muster</strong></p>", &["Lena Beispiel", "Jan Muster"][..]),
            ("<p><b>ANNA MUSTERFRAU</b></p>", &["ANNA MUSTERFRAU"][..]),
            ("<p><strong>Ole Brandt und Ada Kern, dpa</strong></p>", &["Ole Brandt", "Ada Kern"][..]),
        ] {
            for r in records(line) {
                assert_eq!(r.authors, names, "{line}");
                let text: Vec<&str> =
                    r.sections.iter().flat_map(|s| s.heading.iter().chain(&s.paragraphs)).map(String::as_str).collect();
                assert_eq!(text.len(), 2, "{line}: {:?}", r.sections);
            }
        }
    }

    #[test]
    fn a_bold_line_that_names_no_person_or_follows_the_text_is_no_byline() {
        // A bold subheading (a sentence's words), an agency alone, and names once the text has begun.
        for text in [
            "<p><strong>Die Fähre fährt ab Mai</strong></p>",
            "<p><strong>dpa</strong></p>",
            "<p>Die Inseln liegen nur wenige Seemeilen auseinander, doch bisher gab es keine Verbindung.</p><p><strong>Lena Beispiel</strong></p>",
        ] {
            for r in records(text) {
                assert!(r.authors.is_empty(), "{text}: {:?}", r.authors);
            }
        }
    }

    #[test]
    fn a_time_element_below_a_standfirst_dates_the_article() {
        let standfirst = "<p class=\"subtitle\">Die Genossenschaft der Inselbewohner betreibt die Linie selbst und \
                          hofft auf mehr Gäste außerhalb der Saison.</p>";
        for date in [
            "<div class=\"meta\"><time datetime=\"2026-04-14T09:30:00+02:00\">heute</time></div>",
            "<p><span>Anna Beispiel</span> <time datetime=\"2026-04-14T07:30:00Z\">14. April 2026</time></p>",
            "<time datetime=\"2026-04-14T09:30\">vor 2 Stunden</time>",
        ] {
            for r in records(&format!("{standfirst}{date}")) {
                assert_eq!(r.timestamp.as_deref(), Some("2026-04-14T09:30:00+02:00"), "{date}");
            }
        }
    }

    #[test]
    fn author_links() {
        for h in ["/autoren/anna-beispiel", "https://www.beispiel.example/author/jan-muster/", "/Autor/eva?ref=top"] {
            assert!(author_link(h), "{h}");
        }
        for h in ["/politik/autorennen-am-ring", "/authority/x", "#author", ""] {
            assert!(!author_link(h), "{h}");
        }
    }

    fn d(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_paragraph_agrees_with_a_description_it_equals_or_starts_with() {
        let lead = "Zwischen zwei Inseln pendelt von Mai an eine Fähre. Die Gemeinden hoffen auf weniger Verkehr.";
        assert!(agrees_with_description(lead, &d(&[lead])));
        assert!(agrees_with_description(&format!("Kiel. {lead}"), &d(&[lead])));
        assert!(agrees_with_description(&format!("Kiel · {lead}"), &d(&["x", lead])));
        // A description cut off for length, with or without its ellipsis.
        assert!(agrees_with_description(
            lead,
            &d(&["Zwischen zwei Inseln pendelt von Mai an eine Fähre. Die Gemeinden…"])
        ));
    }

    #[test]
    fn a_paragraph_does_not_agree_with_its_first_words_or_a_longer_text() {
        let lead = "Zwischen zwei Inseln pendelt von Mai an eine Fähre. Die Gemeinden hoffen auf weniger Verkehr.";
        assert!(!agrees_with_description(lead, &d(&["Zwischen zwei Inseln pendelt"])));
        assert!(!agrees_with_description(lead, &d(&[&format!("{lead} Und noch viel mehr Text danach.")])));
        assert!(!agrees_with_description(lead, &[]));
        // An agency's Ortsmarke marks body text.
        assert!(!agrees_with_description(&format!("Kiel (dpa) - {lead}"), &d(&[lead])));
        assert!(!agrees_with_description("Kurz.", &d(&["Kurz."])));
    }
}
