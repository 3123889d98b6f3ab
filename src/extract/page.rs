//! Page layouts: where kicker, headline and body sit, for markup and for copied text.

use super::layout::{self, Piece, Role};
use super::{Article, body, images, keywords, meta, patterns, teasers};
use crate::document::{Block, Document, Kind};
use crate::{Error, Result};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Percent of the body's text a container must hold to count as one of the running text's.
const MAIN_SHARE: usize = 15;
/// Characters of body text, less than a sentence, below which class names are distrusted.
const SCANT_BODY: usize = 60;
const KICKER_HINTS: &[&str] = &[
    "kicker",
    "dachzeile",
    "topline",
    "overline",
    "roofline",
    "spitzmarke",
    "eyebrow",
    "ressort",
    "label",
    "supertitle",
    "subtitle-top",
    "heading-pre",
];
const LEAD_HINTS: &[&str] = &[
    "lead",
    "intro",
    "teaser",
    "summary",
    "standfirst",
    "vorspann",
    "abstract",
    "excerpt",
    "description",
    "kurztext",
    "subline",
    "deck",
    "dek",
    "einleitung",
    "anleser",
];

fn hinted(doc: &Document, block: &Block, hints: &[&str], levels: usize) -> bool {
    doc.ancestors(block.node).take(levels).any(|n| {
        let h = &doc.nodes[n].hint;
        !h.is_empty()
            && hints.iter().any(|k| {
                h.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == *k || (w.len() > k.len() + 1 && w.starts_with(k)) || w.ends_with(k))
            })
    })
}

fn norm_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The headline block: an `<h1>` (else `<h2>`) that agrees with the metadata titles.
fn find_headline(doc: &Document, pm: &meta::PageMeta, boiler: &[bool]) -> Option<(usize, String, Option<String>)> {
    let mut titles: Vec<String> = pm.headline.iter().cloned().collect();
    titles.extend(pm.titles.iter().cloned());
    let keys: Vec<String> = titles.iter().map(|t| norm_key(t)).filter(|k| !k.is_empty()).collect();
    let mut best: Option<(i32, usize)> = None;
    for level in [1u8, 2] {
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.kind != Kind::Heading(level) || b.chars() < 3 || b.chars() > 400 {
                continue;
            }
            let k = norm_key(&b.text);
            if k.is_empty() {
                continue;
            }
            let mut s = 0;
            for t in &keys {
                if *t == k {
                    s = s.max(6);
                } else if k.ends_with(t.as_str()) && t.len() * 2 > k.len() {
                    s = s.max(5);
                } else if t.contains(k.as_str()) && k.len() * 3 > t.len() {
                    s = s.max(4);
                } else if k.contains(t.as_str()) && t.len() * 2 > k.len() {
                    s = s.max(3);
                }
            }
            if level == 1 {
                s += 2;
            }
            if boiler.get(b.node).copied().unwrap_or(false) {
                s -= 2;
            }
            if b.link_density() > 0.5 {
                s -= 3;
            }
            if s >= 2 && best.is_none_or(|(bs, _)| s > bs) {
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
        if !kicker.is_empty() && kicker.chars().count() <= 80 {
            return Some((i, h.clone(), Some(kicker.to_string())));
        }
    }
    Some((i, text, None))
}

/// Levels of nesting over which like containers are grouped.
const GROUP_LEVELS: usize = 3;

/// What kind of container a node is, for grouping like ones: its tag and first class-like
/// name; names with digits are ids or generated, state classes say nothing of the kind.
fn signature(n: &crate::document::Node) -> &str {
    n.hint
        .split_whitespace()
        .find(|t| !t.bytes().any(|c| c.is_ascii_digit()) && !body::is_state_class(t))
        .unwrap_or(&n.tag)
}

/// A heading element that holds running text (a standfirst set as `<h2>`): sentences, too
/// long for a subheading.
fn runs_on(b: &Block) -> bool {
    let n = b.chars();
    n >= 200 || (n >= 120 && b.text.ends_with(['.', '!', '?', '"', '“', '”', '»', '…']))
}

/// Strips a site name from a `<title>`: `Headline | Portal`.
fn title_without_site(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, site) = (&t[..pos], &t[pos + sep.len()..]);
            if site.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

pub fn html(doc: &Document) -> Result<Article> {
    let pm = meta::read(&doc.meta);
    let own = body::own_flags(doc);
    let chain = body::boilerplate_chain(doc, &own);
    let found = find_headline(doc, &pm, &chain);
    let mut sel = body::select(doc, found.as_ref().map(|f| f.0), &own);
    // A page whose text sits in containers all named like boilerplate (a slideshow's slide
    // descriptions classed as captions) leaves next to nothing: read it once more by tags.
    let text_of = |b: &body::Body| b.blocks.iter().map(|&i| doc.blocks[i].chars()).sum::<usize>();
    if text_of(&sel) < SCANT_BODY {
        let by_tags = body::select(doc, found.as_ref().map(|f| f.0), &body::own_tag_flags(doc));
        if text_of(&by_tags) > text_of(&sel) {
            sel = by_tags;
        }
    }
    let boiler = &sel.boiler;
    let is_boiler = |b: &Block| boiler.get(b.node).copied().unwrap_or(false);
    let (hi, headline, mut kicker) = match found {
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
    let hi = hi.filter(|&h| prose_before(h) * 2 <= prose_all);
    let after = |i: usize| hi.is_none_or(|h| i > h);
    let mut body_blocks: Vec<usize> = sel.blocks.iter().copied().filter(|&i| after(i)).collect();
    if body_blocks.is_empty() {
        body_blocks = sel.blocks.clone();
    }
    let first_body = body_blocks.first().copied().unwrap_or(doc.blocks.len());
    let last_body = body_blocks.last().copied().unwrap_or(0);

    // Kicker: a short line right before the headline, marked as such or beside it.
    if kicker.is_none()
        && let Some(h) = hi
    {
        for j in (h.saturating_sub(3)..h).rev() {
            let b = &doc.blocks[j];
            let hinted_kicker = hinted(doc, b, KICKER_HINTS, 2);
            // In the headline's container, as its sibling element or as loose text there.
            let h_parent = doc.nodes[doc.blocks[h].node].parent;
            let beside = doc.nodes[b.node].parent == h_parent || Some(b.node) == h_parent;
            let short = b.chars() <= 80 && b.text.split_whitespace().count() <= 10;
            if short
                && (hinted_kicker || (beside && j + 1 == h))
                && b.link_density() < 0.5
                && layout::date_furniture(&b.text, false).is_none()
                && !patterns::is_promo(&b.text)
            {
                kicker = Some(b.text.clone());
                break;
            }
        }
    }

    let mut pieces: Vec<Piece> = Vec::new();
    // Header zone between headline and body: dates, byline, the lead.
    let header_start = hi.map_or(first_body, |h| h + 1);
    // images: the pictures from the headline to the body's end; their captions and credits
    // are neither text nor the text's credit.
    let zone = images::Zone { start: hi.unwrap_or(first_body), end: last_body + 1 };
    let images::Found { images, mut caption_blocks } = images::collect(doc, &pm.json_ld, zone);
    // A gallery whose only text is its slides' descriptions: they are the text.
    let uncaptioned: usize = body_blocks.iter().filter(|&&j| !caption_blocks[j]).map(|&j| doc.blocks[j].chars()).sum();
    if uncaptioned < SCANT_BODY {
        caption_blocks.fill(false);
    }
    let is_caption = |j: usize| caption_blocks[j];
    let mut lead_taken = false;
    for j in header_start..first_body.min(doc.blocks.len()) {
        let b = &doc.blocks[j];
        if is_caption(j) {
            continue;
        }
        let lead_like = !is_boiler(b)
            && b.link_density() < 0.3
            && (hinted(doc, b, LEAD_HINTS, 3) || ((b.kind == Kind::Paragraph || runs_on(b)) && b.chars() >= 80))
            && b.chars() >= 30
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
    let prose_total: usize = body_blocks.iter().map(|&j| doc.blocks[j].chars()).sum();
    // The containers that hold the running text; what follows the last of their paragraphs
    // in other containers is a box after the article (author, newsletter, shop).
    let text_container =
        |b: &Block| if b.kind == Kind::Text { b.node } else { doc.nodes[b.node].parent.unwrap_or(b.node) };
    // A container with a linked title is a teaser card: a row of them is a list of links to
    // other articles, however much text they carry.
    let mut card = vec![false; doc.nodes.len()];
    for b in &doc.blocks {
        if matches!(b.kind, Kind::Heading(_)) && body::is_link_text(b) {
            for a in doc.ancestors(b.node).take(GROUP_LEVELS + 1) {
                card[a] = true;
            }
        }
    }
    // Running text is often cut into a row of like containers (steps, widgets, text columns),
    // each holding a small share: like containers side by side, or nested alike a few levels
    // down, count together. Keys of the groups a container counts in: itself, then its like
    // ones level by level (hashes of the parent and the signatures on the way up).
    let groups = |n: usize| {
        let mut chain = DefaultHasher::new();
        let alike = std::iter::successors(Some(n), |&a| doc.nodes[a].parent)
            .take(GROUP_LEVELS)
            .take_while(|&a| !card[a])
            .map(move |a| {
                signature(&doc.nodes[a]).hash(&mut chain);
                let mut key = chain.clone();
                (1u8, doc.nodes[a].parent).hash(&mut key);
                key.finish()
            });
        let mut own = DefaultHasher::new();
        (0u8, n).hash(&mut own);
        std::iter::once(own.finish()).chain(alike)
    };
    let mut held: HashMap<u64, usize> = HashMap::new();
    for &j in &body_blocks {
        let b = &doc.blocks[j];
        if matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::ListItem | Kind::Quote) && !is_boiler(b) {
            // Alike containers count together only for running text: a row of boxes with a
            // few short lines each (a sidebar) is no part of the article.
            let running = b.chars() >= 80;
            for (k, g) in groups(text_container(b)).enumerate() {
                if k == 0 || running {
                    *held.entry(g).or_default() += b.chars();
                }
            }
        }
    }
    let main_prose = prose_total.max(1);
    // Main or not, for the text containers and their parents: all that is asked below.
    let mut main = vec![false; doc.nodes.len()];
    let mut judged = vec![false; doc.nodes.len()];
    for &j in &body_blocks {
        let tc = text_container(&doc.blocks[j]);
        for n in std::iter::once(tc).chain(doc.nodes[tc].parent) {
            if !std::mem::replace(&mut judged[n], true) {
                main[n] = groups(n).any(|g| held.get(&g).is_some_and(|&c| c * 100 >= main_prose * MAIN_SHARE));
            }
        }
    }
    let is_main = |b: &Block| main[text_container(b)];
    let last_main = body_blocks.iter().rposition(|&j| is_main(&doc.blocks[j]));
    // Sections of the text may sit in containers of their own beside the main ones, and a
    // list inside a main container is part of its text.
    let mut main_parent = vec![false; doc.nodes.len()];
    for &j in &body_blocks {
        let tc = text_container(&doc.blocks[j]);
        if main[tc]
            && let Some(p) = doc.nodes[tc].parent
        {
            main_parent[p] = true;
        }
    }
    let beside_main = |b: &Block| {
        let tc = text_container(b);
        doc.nodes[tc].parent.is_some_and(|p| main_parent[p] || (b.kind == Kind::ListItem && main[p]))
    };
    // A list or table whose items are mostly text (ingredients, a price table) keeps its
    // linked items: a product linked from a recipe is still an ingredient. Menus are all links.
    let list_of =
        |b: &Block| doc.ancestors(b.node).find(|&n| matches!(doc.nodes[n].tag.as_str(), "ul" | "ol" | "table" | "dl"));
    let mut list_items: HashMap<usize, (usize, usize)> = HashMap::new();
    for &j in &body_blocks {
        let b = &doc.blocks[j];
        if matches!(b.kind, Kind::ListItem | Kind::Cell)
            && let Some(l) = list_of(b)
        {
            let e = list_items.entry(l).or_default();
            e.0 += 1;
            e.1 += usize::from(body::is_link_text(b));
        }
    }
    let in_text_list =
        |b: &Block| list_of(b).and_then(|l| list_items.get(&l)).is_some_and(|&(all, links)| links * 3 <= all);
    // After the running text, a box named like one (an author's bio) goes however long it is.
    let weak_box =
        |b: &Block| doc.ancestors(b.node).take(3).any(|n| body::is_weak_boilerplate_hint(&doc.nodes[n].hint));
    let mut prose_seen = 0;
    let mut last_text = last_body;
    for (k, &j) in body_blocks.iter().enumerate() {
        let b = &doc.blocks[j];
        if is_caption(j) {
            continue;
        }
        if last_main.is_some_and(|l| k > l) && (b.chars() < 400 || weak_box(b)) && !beside_main(b) {
            pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
            continue;
        }
        // An end marker (`Über den Autor`, `Mehr zum Thema`) closes the article once most of
        // its prose is behind and little running text follows; otherwise it heads a box
        // inside the text.
        if b.chars() <= 60 && patterns::is_article_end(&b.text) {
            let main_after: usize = body_blocks[k + 1..]
                .iter()
                .map(|&j| &doc.blocks[j])
                .filter(|b| is_main(b) && matches!(b.kind, Kind::Paragraph | Kind::Text))
                .map(Block::chars)
                .sum();
            if main_after * 5 < prose_total && prose_seen * 2 >= prose_total {
                break;
            }
            pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
            continue;
        }
        prose_seen += b.chars();
        let whole_bold = b.emphasis.as_deref() == Some(b.text.as_str());
        // A lead candidate only becomes the lead if no body paragraph came before it.
        let role = match b.kind {
            _ if is_boiler(b) || b.kind == Kind::Caption => Role::Aside,
            Kind::Heading(_) if body::is_link_text(b) => Role::Aside,
            Kind::Heading(_) if runs_on(b) && !lead_taken && hinted(doc, b, LEAD_HINTS, 2) => Role::Lead,
            Kind::Heading(_) if runs_on(b) => Role::Para,
            Kind::Heading(1) => Role::Aside,
            Kind::Heading(_) => Role::Heading,
            _ if body::is_link_text(b) && !(matches!(b.kind, Kind::ListItem | Kind::Cell) && in_text_list(b)) => {
                Role::Aside
            }
            _ if whole_bold && layout::heading_like(&b.text) => Role::Heading,
            _ if !lead_taken && (hinted(doc, b, LEAD_HINTS, 2) || (whole_bold && b.chars() >= 80)) => Role::Lead,
            Kind::ListItem | Kind::Cell => Role::Item,
            _ => Role::Para,
        };
        // images: the article's pictures stand up to its last line of text.
        if !matches!(role, Role::Aside) {
            last_text = j;
        }
        pieces.push(Piece { text: b.text.clone(), role });
    }
    // A few blocks after the body may carry the credit or byline.
    for j in (last_body + 1)..(last_body + 7).min(doc.blocks.len()) {
        let b = &doc.blocks[j];
        if patterns::is_related_heading(&b.text) {
            break;
        }
        if is_caption(j) {
            continue;
        }
        pieces.push(Piece { text: b.text.clone(), role: Role::Aside });
    }
    let mut parts = layout::interpret(&pieces);
    // A date printed right around the headline (above it, with the kicker) counts as visible too.
    if (parts.published.is_none() || parts.updated.is_none())
        && let Some(h) = hi
    {
        for j in h.saturating_sub(4)..(h + 1) {
            let b = &doc.blocks[j];
            if let Some(s) = b.datetime.as_deref().and_then(super::time::parse_iso) {
                parts.published.get_or_insert(s);
            } else if let Some((p, u)) = layout::date_furniture(&b.text, false) {
                if let Some(p) = p {
                    parts.published.get_or_insert(p);
                }
                if let Some(u) = u {
                    parts.updated.get_or_insert(u);
                }
            }
        }
    }
    // <time datetime> inside the header zone is machine-readable and precise.
    if let Some(s) = (header_start..first_body.min(doc.blocks.len()))
        .filter(|&j| layout::date_furniture(&doc.blocks[j].text, true).is_none_or(|(p, _)| p.is_some()))
        .find_map(|j| doc.blocks[j].datetime.as_deref().and_then(super::time::parse_iso))
    {
        parts.published = super::merge_times(Some(s), parts.published.take());
    }
    let teasers = teasers::from_html(doc, hi.unwrap_or(0));
    // images, keywords: the pictures up to the last line of text, the tag list around the text.
    let images = images.into_iter().filter(|(block, _)| *block <= last_text + 1).map(|(_, im)| im).collect();
    let keywords = keywords::collect(doc, &pm.json_ld, header_start..first_body, keywords::after_body(last_body));
    Ok(Article { kicker, headline, parts, meta: pm, teasers, base_href: doc.meta.base_href.clone(), images, keywords })
}

pub fn text(doc: &Document) -> Result<Article> {
    let lines: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    if lines.is_empty() {
        return Err(Error::NoArticle("no text".into()));
    }
    // The date line near the top anchors the header: kicker and headline sit above it.
    let date_at = lines.iter().take(8).position(|l| layout::date_furniture(l, false).is_some_and(|(p, _)| p.is_some()));
    let (kicker, headline, body_from) = match date_at {
        Some(d) => {
            let above: Vec<&str> = lines[..d].iter().copied().filter(|l| patterns::byline(l).is_none()).collect();
            match above.len() {
                0 => return Err(Error::NoArticle("no headline line above the date".into())),
                1 => (None, above[0], d),
                n => {
                    let k = above[n - 2];
                    let kicker = (k.chars().count() <= 80).then_some(k);
                    (kicker, above[n - 1], d)
                }
            }
        }
        None => {
            let two_line_head = lines.len() > 2
                && lines[0].chars().count() <= 40
                && lines[0].split_whitespace().count() <= 5
                && layout::heading_like(lines[1])
                && lines[1].chars().count() > lines[0].chars().count();
            if two_line_head { (Some(lines[0]), lines[1], 2) } else { (None, lines[0], 1) }
        }
    };
    let words = headline.split_whitespace().count();
    if !(2..=40).contains(&words) || headline.chars().count() > 300 {
        return Err(Error::NoArticle("no headline line of several words".into()));
    }
    let related = lines.iter().skip(body_from).position(|l| patterns::is_related_heading(l)).map(|p| p + body_from);
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
        let next_is_text = body_lines.get(k + 1).is_some_and(|n| !layout::heading_like(n));
        let is_meta = layout::date_furniture(l, false).is_some()
            || patterns::byline(l).is_some()
            || patterns::credit(l).is_some()
            || patterns::is_promo(l);
        let role = if is_meta {
            Role::Aside
        } else if lead_open {
            lead_open = false;
            // The first paragraph is the lead unless it opens with an Ortsmarke (then it is body).
            if patterns::ortsmarke(l).is_some() || body_lines[k + 1..].iter().all(|n| layout::heading_like(n)) {
                Role::Para
            } else {
                Role::Lead
            }
        } else if layout::heading_like(l) && next_is_text {
            Role::Heading
        } else {
            Role::Para
        };
        pieces.push(Piece { text: l.to_string(), role });
    }
    let parts = layout::interpret(&pieces);
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
    })
}
