//! Pass 3, the body: each of the article's blocks becomes a piece with its role (paragraph,
//! list item, subheading, lead, or aside), in reading order. Where the article ends (the tail
//! cut, end markers) is asked of [`super::container`]; [`super::pieces`] then makes the
//! paragraphs and sections.

use super::container::{self, Containers, RUNNING_TEXT_CHARS};
use super::frame::Frame;
use super::header::{BODY_LEAD_NAME_LEVELS, agrees_with_description, hinted, runs_on};
use super::pieces::{self, Piece, Role};
use super::{patterns, words};
use crate::document::{Block, Document, Kind};
use rustc_hash::FxHashMap;

/// Characters a line may have to be a heading (an end marker, a teaser list's title).
pub const SHORT_HEADING_CHARS: usize = 60;
/// A list keeps its linked items while at most 1/this of them are links.
const LINKED_ITEMS_DIVISOR: usize = 3;

/// The body's blocks as pieces, cut where the article text ends; a picture's caption lines
/// (`captions`, by block) are passed over. The block of the last piece that is no aside (the
/// body's last block if there is none): the article's pictures stand up to it.
pub fn read(doc: &Document, frame: &Frame, lead_taken: bool, captions: &[bool], pieces: &mut Vec<Piece>) -> usize {
    let containers = Containers::find(doc, &frame.body, &frame.boiler);
    let lists = text_lists(doc, &frame.body);
    let mut prose_seen = 0;
    let mut last_text = frame.last_body;
    let mut text_started = false;
    // A paragraph of running text has come: the header's lines are behind.
    let mut running = false;
    for (k, &j) in frame.body.iter().enumerate() {
        let b = &doc.blocks[j];
        if captions[j] {
            continue;
        }
        if containers.after_text(k, b) {
            pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
            continue;
        }
        // An end marker (`Über den Autor`, `Mehr zum Thema`) closes the article once most of
        // its prose is behind and little running text follows; otherwise it heads a box
        // inside the text.
        if b.chars() <= SHORT_HEADING_CHARS && patterns::is_article_end(&b.text) {
            if containers.closes_article(&frame.body, k, prose_seen) {
                break;
            }
            pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
            continue;
        }
        prose_seen += b.chars();
        let role = if !text_started && super::header::bold_names(b).is_some() {
            // The byline set in bold above the text (read by `header::byline_elements`).
            Role::Aside
        } else if !running && patterns::is_numeric_date_line(&b.text) {
            // The header's date line set at the top of the text container.
            Role::Aside
        } else {
            role(doc, frame, b, lead_taken, |b| lists.keeps_links(doc, b))
        };
        text_started |= role == Role::Para;
        running |= role == Role::Para && b.chars() >= RUNNING_TEXT_CHARS;
        if role != Role::Aside {
            last_text = j;
        }
        pieces.push(Piece { text: b.text.clone(), role });
    }
    last_text
}

/// A body block's role. A lead candidate only becomes the lead if no body paragraph came
/// before it (see [`pieces::interpret`]).
fn role(doc: &Document, frame: &Frame, b: &Block, lead_taken: bool, in_text_list: impl Fn(&Block) -> bool) -> Role {
    let whole_bold = b.emphasis.as_deref() == Some(b.text.as_str());
    let lead_named = || hinted(doc, b, words::LEAD_NAMES, BODY_LEAD_NAME_LEVELS);
    match b.kind {
        _ if frame.is_boiler(b) || b.kind == Kind::Caption => Role::Aside,
        Kind::Heading(_) if container::is_link_text(b) => Role::Aside,
        Kind::Heading(_) if runs_on(b) && !lead_taken && lead_named() => Role::Lead,
        // The standfirst set as a heading: it agrees with the page's description.
        Kind::Heading(n) if n > 1 && !lead_taken && agrees_with_description(&b.text, &frame.descriptions) => Role::Lead,
        Kind::Heading(_) if runs_on(b) => Role::Para,
        Kind::Heading(1) => Role::Aside,
        Kind::Heading(_) => Role::Heading,
        _ if container::is_link_text(b) && !(matches!(b.kind, Kind::ListItem | Kind::Cell) && in_text_list(b)) => {
            Role::Aside
        }
        _ if !matches!(b.kind, Kind::ListItem | Kind::Cell) && patterns::is_header_furniture(&b.text) => Role::Aside,
        _ if whole_bold && pieces::heading_like(&b.text) => Role::Heading,
        _ if !lead_taken
            && (lead_named()
                || (whole_bold && b.chars() >= RUNNING_TEXT_CHARS)
                || (b.kind != Kind::ListItem && agrees_with_description(&b.text, &frame.descriptions))) =>
        {
            Role::Lead
        }
        Kind::ListItem | Kind::Cell => Role::Item,
        _ => Role::Para,
    }
}

/// Per list or table in the body: its items and how many of them are links.
struct TextLists(FxHashMap<usize, (usize, usize)>);

/// The list or table a block is an item of.
fn list_of(doc: &Document, b: &Block) -> Option<usize> {
    doc.ancestors(b.node).find(|&n| matches!(doc.nodes[n].tag.as_str(), "ul" | "ol" | "table" | "dl"))
}

/// Counts the items of the body's lists and tables.
fn text_lists(doc: &Document, body: &[usize]) -> TextLists {
    let mut items: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
    for &j in body {
        let b = &doc.blocks[j];
        if matches!(b.kind, Kind::ListItem | Kind::Cell)
            && let Some(l) = list_of(doc, b)
        {
            let e = items.entry(l).or_default();
            e.0 += 1;
            e.1 += usize::from(container::is_link_text(b));
        }
    }
    TextLists(items)
}

impl TextLists {
    /// A list or table whose items are mostly text (ingredients, a price table) keeps its
    /// linked items: a product linked from a recipe is still an ingredient. Menus are all links.
    fn keeps_links(&self, doc: &Document, b: &Block) -> bool {
        list_of(doc, b).and_then(|l| self.0.get(&l)).is_some_and(|&(all, links)| links * LINKED_ITEMS_DIVISOR <= all)
    }
}

#[cfg(test)]
mod tests {
    const TEXT: &str = "<p>Zwischen zwei Nordseeinseln pendelt von Mai an eine kleine Elektrofähre, die sechzig \
        Fahrgäste und zwanzig Fahrräder fasst.</p><p>Betrieben wird die Linie von einer Genossenschaft, in der sich \
        die Inselbewohner zusammengeschlossen haben.</p>";

    /// Records of a page whose text container opens with `top`, in two layouts: an `<article>`
    /// with the headline inside, and a page of `<div>`s with the headline above the container.
    fn records(top: &str) -> Vec<crate::Record> {
        let head =
            "<!DOCTYPE html><html lang=\"de\"><head><title>Fähre pendelt künftig zwischen zwei Inseln</title></head>";
        [
            format!(
                "{head}<body><article><h1>Fähre pendelt künftig zwischen zwei Inseln</h1>\
                 <div class=\"text\">{top}{TEXT}</div></article></body></html>"
            ),
            format!(
                "{head}<body><div class=\"page\"><div class=\"head\"><h1>Fähre pendelt künftig zwischen zwei Inseln</h1>\
                 </div><div class=\"content\"><div class=\"body\">{top}{TEXT}</div></div></div></body></html>"
            ),
        ]
        .iter()
        .map(|html| crate::parse_page(html.as_bytes(), "t.html", &crate::Limits::default()).expect("a record"))
        .collect()
    }

    fn paragraphs(r: &crate::Record) -> Vec<&str> {
        r.sections.iter().flat_map(|s| s.paragraphs.iter().map(String::as_str)).collect()
    }

    #[test]
    fn a_date_line_opening_the_text_is_no_paragraph_and_leaves_the_lead_to_the_next() {
        let lead = "Die Gemeinden erhoffen sich von der neuen Verbindung weniger Autoverkehr auf dem Festland.";
        for date in ["<div>Published on 14/04/2026 - 09:30</div>", "<p>Publicerad 09:30</p>"] {
            for r in records(&format!("{date}<p class=\"summary\">{lead}</p>")) {
                assert_eq!(r.lead.as_deref(), Some(lead), "{date}: {:?}", r.sections);
                assert_eq!(paragraphs(&r).len(), 2, "{date}");
            }
        }
    }

    #[test]
    fn a_dated_line_inside_the_text_stays_text() {
        // Once the text has begun, a programme's line is the text's; a result opening it is too.
        let programme = "<p>Erste Abfahrt 09:30</p>";
        for r in records(&format!("{TEXT}{programme}")) {
            assert!(paragraphs(&r).contains(&"Erste Abfahrt 09:30"), "{:?}", r.sections);
        }
        for r in records("<p>61:47</p>") {
            assert!(
                r.sections
                    .iter()
                    .any(|s| s.heading.as_deref() == Some("61:47") || s.paragraphs.iter().any(|p| p == "61:47")),
                "{:?}",
                r.sections
            );
        }
    }
}
