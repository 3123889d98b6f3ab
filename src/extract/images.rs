//! Images pass: the article's own pictures (lead picture and figures of the body) with
//! caption and credit.

use super::frame::Frame;
use super::site::ld_articles;
use super::words;
use crate::document::{Document, Kind, Picture};
use crate::record::Image;
use crate::text::clean;
use regex::Regex;
use serde_json::Value;
use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

/// Containers above a picture read for the words that rule it out.
const CONTEXT_LEVELS: usize = 5;
/// Containers above a picture that may be its figure when no `<figure>` holds it.
const FIGURE_LEVELS: usize = 2;
/// A picture whose `width` or `height` attribute is below this is an icon or a pixel.
const MIN_SIDE: u32 = 60;
/// Blocks after a picture read for its caption.
const CAPTION_REACH: usize = 4;
/// Blocks either side of a picture looked at for the title of a teaser card holding it.
const CARD_REACH: usize = 3;
/// Caption and credit words this long are read also as the end of a one-piece class name.
const MIN_SUFFIX_WORD: usize = 6;
/// A caption line right after a picture is at most this long.
const MAX_CAPTION_LINE: usize = 400;
/// Words of a credit set apart in its own inline element at most.
const CREDIT_PIECE_WORDS: usize = 8;
/// A credit longer than this is a sentence of the caption, not a credit.
const MAX_CREDIT_CHARS: usize = 120;
/// Room for the label in front of a credit (`Foto: `, `Bildquelle: `) on top of its length.
const CREDIT_LABEL_CHARS: usize = 12;
/// A density descriptor (`2x`) ranks as this many width pixels per unit where a `srcset` mixes
/// densities and widths.
const WIDTH_PER_DENSITY: f64 = 1000.0;

/// What may dangle at the end of a caption once its credit is cut off.
const DANGLING: &[char] = &[' ', '(', '[', '|', '–', '—', '/', '·'];

/// Characters of body text outside caption lines, less than a sentence, below which the
/// captions are the text (a gallery whose only text is its slides' descriptions).
const SCANT_TEXT: usize = 60;

/// What the pass finds: the pictures, each with the block it stands before, and which blocks
/// are captions or credits of a picture (they are no text of the article).
pub struct Found {
    images: Vec<(usize, Image)>,
    pub captions: Vec<bool>,
}

impl Found {
    /// The pictures up to the article's last line of text (`last_text`, a block index).
    pub fn up_to(self, last_text: usize) -> Vec<Image> {
        self.images.into_iter().filter(|(block, _)| *block <= last_text + 1).map(|(_, im)| im).collect()
    }
}

/// The article's pictures in page order: those from the headline (else the body's first block)
/// to the body's end, and one before that the page's metadata (`og:image`, JSON-LD `image`)
/// names as its picture. Addresses as written.
pub fn collect(doc: &Document, json_ld: &[Value], frame: &Frame) -> Found {
    let zone = frame.headline_at.unwrap_or(frame.first_body)..=frame.last_body + 1;
    let mut found = pictures(doc, json_ld, zone);
    let uncaptioned: usize = frame.body.iter().filter(|&&j| !found.captions[j]).map(|&j| doc.blocks[j].chars()).sum();
    if uncaptioned < SCANT_TEXT {
        found.captions.fill(false);
    }
    found
}

/// The pictures standing in `zone` (block indices) or declared by the page's metadata.
fn pictures(doc: &Document, json_ld: &[Value], zone: RangeInclusive<usize>) -> Found {
    let ld_images: Vec<&Value> =
        ld_articles(json_ld).into_iter().filter_map(|a| a.get("image")).flat_map(as_list).collect();
    let mut declared: HashSet<String> = ["og:image", "og:image:url", "og:image:secure_url", "twitter:image"]
        .iter()
        .filter_map(|k| doc.meta.get(k))
        .map(stem)
        .collect();
    declared.extend(ld_images.iter().filter_map(|v| ld_url(v)).map(|u| stem(&u)));
    let mut found = Found { images: Vec::new(), captions: vec![false; doc.blocks.len()] };
    let mut seen = HashSet::new();
    for (i, pic) in doc.pictures.iter().enumerate() {
        let in_zone = zone.contains(&pic.block);
        // Outside the zone only a declared picture before it can be kept: the others are passed
        // over before their address is worked out.
        if !in_zone && (pic.block >= *zone.start() || declared.is_empty()) {
            continue;
        }
        let Some(url) = best_url(pic) else { continue };
        let key = stem(&url);
        let lead = pic.block < *zone.start() && declared.contains(&key);
        if !(in_zone || lead) || ruled_out(doc, pic, &url) {
            continue;
        }
        let (mut caption, mut credit, used) = caption_of(doc, i);
        for j in used {
            found.captions[j] = true;
        }
        if !seen.insert(key.clone()) {
            continue;
        }
        if let Some(ld) = ld_images.iter().find(|v| ld_url(v).is_some_and(|u| stem(&u) == key)) {
            if caption.is_none() {
                caption = ["caption", "description"].iter().find_map(|k| ld_text(ld.get(*k)));
            }
            if credit.is_none() {
                credit = ["creditText", "copyrightHolder", "author"]
                    .iter()
                    .find_map(|k| ld_text(ld.get(*k)))
                    .map(|c| strip_decoration(&c));
            }
        }
        found.images.push((pic.block, Image { url, caption, credit }));
    }
    found
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    }
}

fn ld_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("url").or_else(|| o.get("contentUrl")).and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn ld_text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Object(o) => o.get("name")?.as_str()?.to_string(),
        Value::Array(a) => a.iter().find_map(|x| ld_text(Some(x)))?,
        _ => return None,
    };
    Some(clean(&crate::text::unmarkup(&s))).filter(|s| !s.is_empty())
}

/// What identifies a picture across its sizes: the file name without extension and without a
/// size suffix (`haus-1200x675.jpg`, `haus-800.jpg` and `haus.webp` are one picture).
pub fn stem(url: &str) -> String {
    // An image proxy's address ends in the original's, its slashes encoded (`…/https%3A%2F%2F…`).
    let path = url.split(['?', '#']).next().unwrap_or("").replace("%2F", "/").replace("%2f", "/");
    let file = path.trim_end_matches('/').rsplit('/').next().unwrap_or("").to_lowercase();
    let base = file.rsplit_once('.').map_or(file.as_str(), |(b, _)| b);
    static SIZE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[-_]\d{2,4}(?:x\d{2,4}|w|px)?$").unwrap());
    let base = SIZE.replace(base, "").to_string();
    // A file name that says nothing alone (`image.jpg`, `1200.jpg`) keeps its folder.
    if base.len() < 8 { path.to_lowercase() } else { base }
}

fn attr<'a>(pic: &'a Picture, name: &str) -> Option<&'a str> {
    pic.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether a value is a real address, not a placeholder (`data:` URIs, blank gifs).
fn real(u: &str) -> bool {
    !u.is_empty() && !u.starts_with("data:") && !u.starts_with("about:") && !u.starts_with("javascript:")
}

/// The picture's address: the largest `srcset` candidate (of the `<img>` and its `<source>`s,
/// lazy-loading `data-srcset` too), else the lazy-loading `data-src` (and its kin), else `src`.
pub fn best_url(pic: &Picture) -> Option<String> {
    let sets = pic
        .attrs
        .iter()
        .filter(|(k, _)| k.ends_with("srcset"))
        .map(|(_, v)| v.as_str())
        .chain(pic.sources.iter().map(String::as_str));
    // Only the winning candidate's address is copied.
    let best =
        sets.flat_map(srcset).filter(|(u, _)| real(u)).max_by(|a, b| a.1.total_cmp(&b.1)).map(|(u, _)| u.to_string());
    best.or_else(|| {
        let lazy = pic
            .attrs
            .iter()
            .filter(|(k, _)| k.starts_with("data-") && (k.ends_with("src") || k == "data-original" || k == "data-lazy"))
            .map(|(_, v)| v.as_str());
        lazy.chain(attr(pic, "src")).find(|u| real(u)).map(str::to_string)
    })
}

/// The candidates of a `srcset` with their size: width (`800w`), else density times a
/// nominal width (`2x`), else 0 (the bare address).
pub fn srcset(set: &str) -> Vec<(&str, f64)> {
    let mut out = Vec::new();
    let mut rest = set.trim_start_matches([',', ' ']);
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..end];
        rest = &rest[end..];
        let mut size = 0.0;
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d_end = rest.find(',').unwrap_or(rest.len());
            for d in rest[..d_end].split_whitespace() {
                if let Some(w) = d.strip_suffix('w').and_then(|w| w.parse::<f64>().ok()) {
                    size = w;
                } else if let Some(x) = d.strip_suffix('x').and_then(|x| x.parse::<f64>().ok()) {
                    size = x * WIDTH_PER_DENSITY;
                }
            }
            rest = &rest[d_end..];
        }
        if !url.is_empty() {
            out.push((url, size));
        }
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    out
}

/// Whether a word stands in a class or id; BEM modifiers (`--teaser`) say how a block looks,
/// state classes (`has-…`) what it holds, so neither is read.
fn has_word(hint: &str, words: &[&str]) -> bool {
    hint.split_whitespace()
        .filter(|t| !super::container::is_state_class(t))
        .map(|t| t.find("--").map_or(t, |end| &t[..end]))
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .any(|w| words.contains(&w))
}

/// Logos, icons, pixels, ads, author portraits, teaser thumbnails, sidebar pictures.
fn ruled_out(doc: &Document, pic: &Picture, url: &str) -> bool {
    let side = |k| attr(pic, k).and_then(|v| v.trim_end_matches("px").parse::<u32>().ok());
    let tiny = [side("width"), side("height")].iter().flatten().any(|&s| s < MIN_SIDE);
    let path = url.split(['?', '#']).next().unwrap_or("").to_lowercase();
    let icon_file = path.ends_with(".svg") || path.ends_with(".ico");
    // The words of the article's own container (`<article class="… tag-social-media">`) and
    // those above it describe the article or the page, not the picture.
    let context = doc
        .ancestors(pic.node)
        .take(CONTEXT_LEVELS)
        .take_while(|&n| !matches!(doc.nodes[n].tag.as_str(), "article" | "main" | "body"))
        .any(|n| has_word(&doc.nodes[n].hint, words::NOT_PICTURE_NAMES));
    let placed = doc.ancestors(pic.node).any(|n| matches!(doc.nodes[n].tag.as_str(), "nav" | "aside" | "footer"));
    // A picture that links to another page is a teaser's; one that links to itself (a larger
    // size, a lightbox) is not.
    // A figure with a caption of its own is the article's, wherever its picture links to (a
    // photo viewer): a `<figure>` whose line after the picture is set as a caption, or a
    // container just above the picture whose line after it is named as one.
    let first = doc.blocks.get(pic.block);
    let captioned = doc
        .ancestors(pic.node)
        .find(|&n| doc.nodes[n].tag == "figure")
        .is_some_and(|f| first.is_some_and(|b| b.kind == Kind::Caption && doc.is_inside(b.node, f)))
        || doc.ancestors(pic.node).take(FIGURE_LEVELS + 1).any(|n| {
            first.is_some_and(|b| doc.is_inside(b.node, n) && named_below(doc, b.node, n, words::PICTURE_CAPTION_NAMES))
        });
    let teaser_link = !captioned
        && pic.link.as_deref().is_some_and(|h| {
            let h = h.split(['?', '#']).next().unwrap_or("").to_lowercase();
            !h.is_empty() && !h.starts_with("javascript:") && !crate::text::is_image_file(&h)
        });
    // An `<article>` with a title of its own inside another is an embedded one (a teaser
    // card); one without (a CMS's media wrapper) is part of the article.
    let embedded = doc
        .ancestors(pic.node)
        .filter(|&n| doc.nodes[n].tag == "article")
        .take(2)
        .collect::<Vec<_>>()
        .first()
        .filter(|_| doc.ancestors(pic.node).filter(|&n| doc.nodes[n].tag == "article").count() > 1)
        .is_some_and(|&inner| {
            let near = pic.block.saturating_sub(CARD_REACH)..(pic.block + CARD_REACH).min(doc.blocks.len());
            doc.blocks[near].iter().any(|b| matches!(b.kind, Kind::Heading(_)) && doc.is_inside(b.node, inner))
        });
    let file = path.rsplit('/').next().unwrap_or("");
    let icon_name = words::ICON_FILE_PARTS.iter().any(|w| file.contains(w));
    tiny || icon_file
        || icon_name
        || has_word(&pic.hint, words::NOT_PICTURE_NAMES)
        || context
        || placed
        || teaser_link
        || embedded
}

/// What is read of a picture's caption so far: caption texts, the credit, the blocks used and
/// the first block after them.
struct Reading {
    captions: Vec<String>,
    credit: Option<String>,
    used: Vec<usize>,
    after: usize,
}

/// Caption and credit of picture `i`: the text of its figure (a `<figure>`, else a container
/// just above it whose text right after the picture is a caption) before the next picture
/// there, a credit element apart; else a line right after it that ends in a photo credit.
fn caption_of(doc: &Document, i: usize) -> (Option<String>, Option<String>, Vec<usize>) {
    let pic = &doc.pictures[i];
    let first = doc.blocks.get(pic.block);
    let near = || doc.ancestors(pic.node).take(FIGURE_LEVELS + 1);
    // A `<figure>` and a container named as a picture's that holds only it and its lines are
    // read whole; in another container only lines named or set as captions are.
    let figure = doc.ancestors(pic.node).find(|&n| doc.nodes[n].tag == "figure").or_else(|| {
        near().find(|&n| has_word(&doc.nodes[n].hint, words::PICTURE_NAMES) && holds_only_lines(doc, pic, n))
    });
    let strict = figure.is_none();
    let figure = figure
        .or_else(|| near().find(|&n| first.is_some_and(|b| doc.is_inside(b.node, n) && is_caption_block(doc, b, n))));
    let next_pic = next_picture(doc, i).map_or(usize::MAX, |p| p.block);
    let mut r = Reading { captions: Vec::new(), credit: None, used: Vec::new(), after: pic.block };
    if let Some(figure) = figure {
        read_figure(doc, i, figure, strict, &mut r);
        // A `<figure>` without caption text may be followed by its caption (a `<figcaption>`
        // set after it, beside it in the same container).
        if r.captions.is_empty() && r.credit.is_none() && r.after < next_pic {
            caption_after_figure(doc, figure, next_pic, &mut r);
        }
    } else if let Some(n) = near().find(|&n| holds_only_lines(doc, pic, n)) {
        // A container of any name holding only the picture, caption text and a credit after
        // it is its figure (`<div><img><div>Ein Kran.</div><div>Max Muster</div></div>`).
        let mut loose = Reading { captions: Vec::new(), credit: None, used: Vec::new(), after: pic.block };
        read_figure(doc, i, n, false, &mut loose);
        last_line_credit(&mut loose);
        // A lone line of loose text beside the picture, no link in it, is its caption too
        // (`<div><div><img></div><div>Ein Kran im Hafen.</div></div>`).
        let lone = matches!(loose.used.as_slice(), [j] if doc.blocks[*j].kind == Kind::Text && doc.blocks[*j].links.is_empty());
        if !loose.captions.is_empty() && (loose.credit.is_some() || lone) {
            r = loose;
        }
    }
    // A line of its own right after the picture (or its figure) that ends in a photo credit
    // is its caption line: `<p>Ein Kran im Hafen. Foto: Max Muster/dpa</p>`.
    if r.credit.is_none()
        && r.after < next_pic
        && let Some(b) = doc.blocks.get(r.after)
        && b.chars() <= MAX_CAPTION_LINE
        && !matches!(b.kind, Kind::Heading(_))
        && doc.nodes[b.node].parent.is_some_and(|p| doc.ancestors(pic.node).take(FIGURE_LEVELS + 2).any(|a| a == p))
        && let (c, Some(cr)) = split_credit(&b.text)
    {
        if r.captions.is_empty() {
            r.captions.extend(c);
        }
        r.credit = Some(cr);
        r.used.push(r.after);
    }
    // A figure's last line after its caption text, short and no sentence, is its credit
    // (`<div>Ein Kran im Hafen.</div><div>Max Muster</div>`).
    last_line_credit(&mut r);
    // A credit the picture's own `title` or `alt` gives with its label (`… | Foto: Max Muster`).
    if r.credit.is_none() {
        r.credit = ["title", "alt"].iter().filter_map(|k| attr(pic, k)).find_map(|t| split_credit(t).1);
    }
    // A figure that shows no caption text (it is hidden, or there is none) is described by
    // its picture's `alt`.
    // A bracket or separator left dangling where the credit was cut off (`Ein Haus (`) goes.
    let caption = Some(r.captions.join(" ").trim_end_matches(DANGLING).to_string())
        .filter(|c| !c.is_empty())
        .or_else(|| {
            figure
                .filter(|&f| doc.nodes[f].tag == "figure")
                .and_then(|_| attr(pic, "alt").and_then(|a| split_credit(&clean(a)).0))
        })
        .filter(|c| !c.is_empty());
    (caption, r.credit.filter(|c| !c.is_empty()), r.used)
}

/// The lines of picture `i`'s figure after it, up to the next picture there: caption text,
/// credit elements, a bare label (`Foto:`) that makes the next line the credit.
fn read_figure(doc: &Document, i: usize, figure: usize, strict: bool, r: &mut Reading) {
    let pic = &doc.pictures[i];
    let in_figure = next_picture(doc, i).filter(|p| doc.is_inside(p.node, figure) && p.block > pic.block);
    let end = in_figure.map_or(usize::MAX, |p| p.block).min(pic.block + CAPTION_REACH);
    let mut label = false;
    for (j, b) in doc.blocks.iter().enumerate().take(end).skip(pic.block) {
        if !doc.is_inside(b.node, figure) || (strict && !is_caption_block(doc, b, figure)) {
            break;
        }
        r.after = j + 1;
        r.used.push(j);
        read_line(doc, b, figure, &mut label, r);
    }
}

/// One caption line of a figure: caption text, a credit element, or a bare label (`Foto:`)
/// that makes the next line (`label`) the credit.
fn read_line(doc: &Document, b: &crate::document::Block, figure: usize, label: &mut bool, r: &mut Reading) {
    if words::PICTURE_COUNT.is_match(&b.text) {
        // A gallery's count of its pictures (`View 3 Images`) is the figure's, but no caption.
    } else if std::mem::take(label) {
        r.credit.get_or_insert_with(|| strip_decoration(&b.text));
    } else if is_bare_label(&b.text) {
        *label = true;
    } else if is_credit_block(doc, b.node, figure) {
        r.credit.get_or_insert_with(|| strip_decoration(&b.text));
    } else if let Some((c, cr)) = credit_piece(b) {
        r.captions.extend(c);
        r.credit.get_or_insert(cr);
    } else if let (_, None) = split_credit(&b.text)
        && let Some((c, cr)) = agency_tail(&b.text)
    {
        r.captions.push(c);
        r.credit.get_or_insert(cr);
    } else {
        let (c, cr) = split_credit(&b.text);
        r.captions.extend(c);
        if let Some(cr) = cr {
            r.credit.get_or_insert(cr);
        }
    }
}

/// A caption line whose text after its last sentence is a short credit naming an agency
/// (`Ein Kran im Hafen. Max Muster/dpa`, `… in Palma. AP Photo`): caption and credit.
fn agency_tail(text: &str) -> Option<(String, String)> {
    let end = text.char_indices().rfind(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' '))?.0;
    let (head, tail) = (text[..=end].trim(), text[end + 1..].trim());
    let credit = !head.is_empty()
        && tail.chars().count() <= MAX_CREDIT_CHARS
        && tail.split_whitespace().count() <= CREDIT_PIECE_WORDS
        && !tail.ends_with(['.', '!', '?', ':'])
        && words::names_credit_agency(tail);
    credit.then(|| (head.to_string(), strip_decoration(tail)))
}

/// The caption lines right after a figure, beside it in its container or the one above, if
/// they are ones (a `<figcaption>` of several lines: text, a bare `Foto:` label, the credit)
/// and no other figure's, up to `end`.
fn caption_after_figure(doc: &Document, figure: usize, end: usize, r: &mut Reading) {
    let Some(next) = doc.blocks.get(r.after) else { return };
    let Some(parent) = doc.ancestors(figure).skip(1).take(FIGURE_LEVELS).find(|&n| doc.is_inside(next.node, n)) else {
        return;
    };
    if doc.ancestors(next.node).take_while(|&n| n != parent).any(|n| doc.nodes[n].tag == "figure") {
        return;
    }
    let mut label = false;
    let end = end.min(r.after + CAPTION_REACH);
    while r.after < end
        && let Some(b) = doc.blocks.get(r.after)
        && doc.is_inside(b.node, parent)
        && !doc.is_inside(b.node, figure)
        && is_caption_block(doc, b, parent)
    {
        r.used.push(r.after);
        read_line(doc, b, parent, &mut label, r);
        r.after += 1;
    }
}

/// The next picture after picture `i` that is not the same picture again (a `<noscript>`
/// copy, another size of it right beside it).
fn next_picture(doc: &Document, i: usize) -> Option<&Picture> {
    let pic = &doc.pictures[i];
    let mine = best_url(pic).map(|u| stem(&u));
    doc.pictures[i + 1..].iter().find(|p| p.block > pic.block || best_url(p).map(|u| stem(&u)) != mine)
}

/// Whether container `n` of a picture holds nothing but the picture and a few short lines
/// after it (no heading, no list of links): the picture's caption and credit.
fn holds_only_lines(doc: &Document, pic: &Picture, n: usize) -> bool {
    if pic.block > 0 && doc.is_inside(doc.blocks[pic.block - 1].node, n) {
        return false;
    }
    let lines: Vec<_> = doc.blocks[pic.block.min(doc.blocks.len())..]
        .iter()
        .take(CAPTION_REACH + 1)
        .take_while(|b| doc.is_inside(b.node, n))
        .collect();
    !lines.is_empty()
        && lines.len() <= CAPTION_REACH
        && lines
            .iter()
            .all(|b| b.chars() <= MAX_CAPTION_LINE && !matches!(b.kind, Kind::Heading(_)) && b.link_density() < 0.5)
}

/// A figure's last line after its caption lines is its credit when it reads as one.
fn last_line_credit(r: &mut Reading) {
    if r.credit.is_none() && r.captions.len() >= 2 && r.captions.last().is_some_and(|l| credit_shaped(l)) {
        r.credit = r.captions.pop().map(|c| strip_decoration(&c));
    }
}

/// Whether a caption line reads as a credit: a few words, no sentence, opening with a capital
/// (a name, an agency) or naming its source after a slash (`picture alliance/dpa`).
fn credit_shaped(line: &str) -> bool {
    let first = line.trim_start_matches(['(', '©', ' ']).chars().next();
    line.chars().count() <= MAX_CREDIT_CHARS
        && line.split_whitespace().count() <= CREDIT_PIECE_WORDS
        && (first.is_some_and(char::is_uppercase) || line.contains('/'))
        && !line.ends_with(['.', '!', '?', ':', '"', '“', '»', '«'])
}

/// A line that is only a credit label (`Foto:`, `©`): the credit follows on the next line.
fn is_bare_label(text: &str) -> bool {
    words::PICTURE_CREDIT_START.is_match(text) && strip_decoration(text).is_empty()
}

/// A caption whose last inline part is set apart as a credit: a short line that is no
/// sentence (`…unterstützen.` + `<span>Getty Images</span>`), after the caption text (a
/// finished sentence, or an element of its own).
fn credit_piece(b: &crate::document::Block) -> Option<(Option<String>, String)> {
    let last = b.pieces.last()?;
    let head = b.text.strip_suffix(last.as_str())?.trim();
    let short = last.chars().count() <= MAX_CREDIT_CHARS && last.split_whitespace().count() <= CREDIT_PIECE_WORDS;
    let sentence = last.ends_with(['.', '!', '?', ':']) && !last.ends_with("Archiv.");
    // Loose caption text before one element must end as a sentence; caption text in an
    // element of its own is set apart by the markup already.
    let apart = b.pieces.len() >= 2 || head.ends_with(['.', '!', '?', '"', '“', '»', '«', ')']);
    if head.is_empty() || !short || sentence || !apart {
        return None;
    }
    let (c, cr) = split_credit(head);
    let credit = cr.map_or_else(|| strip_decoration(last), |cr| format!("{cr} {last}"));
    Some((c, credit))
}

/// Whether a container between a block and its figure is named with one of the words, also as
/// the end of a class name written in one piece (`richtextcredit`, `imagecaption`).
fn named_below(doc: &Document, node: usize, figure: usize, words: &[&str]) -> bool {
    doc.ancestors(node).take_while(|&n| n != figure).any(|n| {
        let hint = &doc.nodes[n].hint;
        has_word(hint, words)
            || hint
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| words.iter().any(|w| w.len() >= MIN_SUFFIX_WORD && t.len() > w.len() && t.ends_with(w)))
    })
}

/// A credit element: named as one, or the `<footer>` of a figure.
fn is_credit_block(doc: &Document, node: usize, figure: usize) -> bool {
    named_below(doc, node, figure, words::PICTURE_CREDIT_NAMES)
        || doc.ancestors(node).take_while(|&n| n != figure).any(|n| doc.nodes[n].tag == "footer")
}

/// A caption line: set as one (`<figcaption>`, a line of its own inside one), or named as a
/// caption or credit.
fn is_caption_block(doc: &Document, b: &crate::document::Block, figure: usize) -> bool {
    b.kind == Kind::Caption
        || doc.ancestors(b.node).take_while(|&n| n != figure).any(|n| doc.nodes[n].tag == "figcaption")
        || named_below(doc, b.node, figure, words::PICTURE_CAPTION_NAMES)
        || named_below(doc, b.node, figure, words::PICTURE_CREDIT_NAMES)
}

/// A caption line split into its caption and its credit: `Ein Haus. Foto: Max Muster/dpa`
/// gives `Ein Haus.` and `Max Muster/dpa`; a line that is all credit gives no caption.
pub fn split_credit(text: &str) -> (Option<String>, Option<String>) {
    let found = words::PICTURE_CREDIT_START
        .find_iter(text)
        .find(|m| text[m.start()..].chars().count() <= MAX_CREDIT_CHARS + CREDIT_LABEL_CHARS);
    match found {
        Some(m) => {
            let head = text[..m.start()].trim().trim_end_matches(['|', '–', '—', '-', '(', '/', '·']).trim();
            let credit = strip_decoration(&text[m.start()..]);
            let head = Some(head.to_string()).filter(|h| !h.is_empty());
            (head, Some(credit).filter(|c| !c.is_empty()))
        }
        None => (Some(text.to_string()), None),
    }
}

/// A credit without its decoration: `Foto: Kay Nietfeld/dpa` gives `Kay Nietfeld/dpa`,
/// `© picture alliance / dpa` gives `picture alliance / dpa`.
pub fn strip_decoration(credit: &str) -> String {
    let mut s = credit.trim();
    loop {
        let t = words::PICTURE_CREDIT_DECORATION.find(s).map_or(s, |m| &s[m.end()..]).trim();
        if t == s {
            break;
        }
        s = t;
    }
    let s = if s.ends_with(')') && !s.contains('(') { s.trim_end_matches(')') } else { s };
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_largest_candidate_wins() {
        let p = Picture {
            attrs: vec![
                ("src".into(), "data:image/gif;base64,R0lGOD".into()),
                ("data-srcset".into(), "/b/haus-400.jpg 400w, /b/haus-1600.jpg 1600w,/b/haus-800.jpg 800w".into()),
            ],
            ..Picture::default()
        };
        assert_eq!(best_url(&p).as_deref(), Some("/b/haus-1600.jpg"));
        // commas inside an address do not split it
        assert_eq!(
            srcset("https://c.test/w_400,h_300/a.jpg 1x, https://c.test/w_800,h_600/a.jpg 2x"),
            vec![("https://c.test/w_400,h_300/a.jpg", 1000.0), ("https://c.test/w_800,h_600/a.jpg", 2000.0)]
        );
        let lazy = Picture {
            attrs: vec![("src".into(), "/platzhalter.gif".into()), ("data-src".into(), "/b/echt.jpg".into())],
            ..Picture::default()
        };
        assert_eq!(best_url(&lazy).as_deref(), Some("/b/echt.jpg"));
        let sources = Picture {
            attrs: vec![("src".into(), "/b/klein.jpg".into())],
            sources: vec!["/b/gross.webp 1200w, /b/mittel.webp 600w".into()],
            ..Picture::default()
        };
        assert_eq!(best_url(&sources).as_deref(), Some("/b/gross.webp"));
    }

    #[test]
    fn credits_lose_their_decoration() {
        assert_eq!(strip_decoration("Foto: Kay Nietfeld/dpa"), "Kay Nietfeld/dpa");
        assert_eq!(strip_decoration("© picture alliance / dpa"), "picture alliance / dpa");
        assert_eq!(strip_decoration("(Foto: Anna Beispiel/dpa)"), "Anna Beispiel/dpa");
        assert_eq!(strip_decoration("© Foto: Max Muster"), "Max Muster");
        assert_eq!(strip_decoration("Bildquelle: Stadtwerke Kiel"), "Stadtwerke Kiel");
        assert_eq!(strip_decoration("— Foto von Ida Brandt"), "Ida Brandt");
    }

    #[test]
    fn caption_and_credit_are_split() {
        assert_eq!(
            split_credit("Ein Kran im Hafen. Foto: Max Muster/dpa"),
            (Some("Ein Kran im Hafen.".into()), Some("Max Muster/dpa".into()))
        );
        assert_eq!(
            split_credit("Der neue Bahnhof (Foto: Anna Beispiel/dpa)"),
            (Some("Der neue Bahnhof".into()), Some("Anna Beispiel/dpa".into()))
        );
        assert_eq!(split_credit("© picture alliance / dpa"), (None, Some("picture alliance / dpa".into())));
        assert_eq!(split_credit("Das Bild zeigt den Hafen."), (Some("Das Bild zeigt den Hafen.".into()), None));
        assert_eq!(
            agency_tail("Ein Kran im Hafen. Max Muster/dpa"),
            Some(("Ein Kran im Hafen.".into(), "Max Muster/dpa".into()))
        );
        assert_eq!(agency_tail("Ein Kran im Hafen. (AP)"), Some(("Ein Kran im Hafen.".into(), "AP".into())));
        // no agency, or an agency inside a word or a sentence: no credit
        assert_eq!(agency_tail("Ein Kran im Hafen. Max Muster"), None);
        assert_eq!(agency_tail("Ein Kran. Die APOTHEKE am Hafen"), None);
        assert_eq!(agency_tail("Ein Kran. Das meldete dpa."), None);
    }

    #[test]
    fn picture_counts_are_no_captions() {
        for count in ["2", "2/7", "3 / 12", "Bild 3 von 7", "View 3 Images", "Alle 4 Bilder", "12 Fotos"] {
            assert!(words::PICTURE_COUNT.is_match(count), "{count}");
        }
        for caption in ["2 Fähren am Anleger", "Die 3 Bilder der Ausstellung", "Bild: Max Muster", "1990"] {
            assert!(!words::PICTURE_COUNT.is_match(caption), "{caption}");
        }
    }

    #[test]
    fn stem_ignores_size_suffix_and_extension() {
        assert_eq!(stem("https://x.test/a/hafenkran-1200x675.jpg?w=3"), stem("https://x.test/b/hafenkran.webp"));
        assert_eq!(stem("https://x.test/a/hafenkran-800.jpg"), stem("https://x.test/b/hafenkran-1600.jpg"));
        // an image proxy's encoded original address is read to its file
        assert_eq!(
            stem("https://p.test/sig/fill:940/plain/https%3A%2F%2Fb.test%2Fbilder%2Fhafenkran.jpg"),
            "hafenkran"
        );
        assert_ne!(
            stem("https://p.test/sig/plain/https%3A%2F%2Fb.test%2Fbilder%2Fhafenkran.jpg"),
            stem("https://p.test/sig/plain/https%3A%2F%2Fb.test%2Fbilder%2Fleuchtturm.jpg")
        );
    }
}
