//! Document stage: decoded page text in, reading-order blocks with markup hints out.
//!
//! Extraction only ever sees a [`Document`], never the HTML parser's tree, so the parser can be
//! swapped (a streaming one, say) without touching extraction.

mod html;
mod text;

use crate::input::Input;
use crate::record::Format;
use crate::{Deadline, Limits, Result};

/// A page as a flat list of text blocks in reading order, with the element containers they sit
/// in (for scoring where the article is) and the page's metadata.
#[derive(Debug, Default, Clone)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub nodes: Vec<Node>,
    pub meta: Meta,
    /// Every `<img>` of the body in reading order (images: read by `extract::images`).
    pub pictures: Vec<Picture>,
    /// What the document stage had to change (nesting flattened at the depth limit).
    pub warnings: Vec<String>,
}

/// A block-level element that holds blocks: `article`, `div`, `p`, `li`, …
#[derive(Debug, Clone)]
pub struct Node {
    /// Lowercase tag name.
    pub tag: String,
    /// Lowercase `id`, `class`, `itemprop` and `role` values, space-separated: hints to what it is.
    pub hint: String,
    pub parent: Option<usize>,
    pub depth: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Caption,
    Preformatted,
    Cell,
    /// Loose text directly inside a container such as a `div`, or a line of copied text.
    Text,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    /// Clean text: NFC, white space folded, trimmed; never empty.
    pub text: String,
    /// The innermost container holding the block.
    pub node: usize,
    /// Non-white-space characters of `text` that sit inside links.
    pub link_chars: usize,
    pub links: Vec<Link>,
    /// Text of a bold or heading-like inline element that opens the block, when more follows or
    /// it is the whole block (`<p><strong>…</strong></p>`).
    pub emphasis: Option<String>,
    /// `datetime` of a `<time>` inside the block.
    pub datetime: Option<String>,
    /// Inside a figure: the texts of the inline elements right inside the block (a caption's
    /// text and credit spans), in order.
    pub pieces: Vec<String>,
    /// Characters of `text`, and those that are not white space: extraction asks for them over
    /// and over, so they are counted once, by [`Block::new`].
    char_count: usize,
    solid_chars: usize,
}

impl Block {
    /// A block of `text`, in no link, with no emphasis or time.
    pub fn new(kind: Kind, text: String, node: usize) -> Block {
        let (char_count, solid_chars) = crate::text::char_counts(&text);
        Block {
            kind,
            char_count,
            solid_chars,
            text,
            node,
            link_chars: 0,
            links: Vec::new(),
            emphasis: None,
            datetime: None,
            pieces: Vec::new(),
        }
    }

    pub fn chars(&self) -> usize {
        self.char_count
    }

    /// Characters of `text` that are not white space.
    pub fn solid_chars(&self) -> usize {
        self.solid_chars
    }

    pub fn link_density(&self) -> f32 {
        let n = self.solid_chars;
        if n == 0 { 0.0 } else { (self.link_chars as f32 / n as f32).min(1.0) }
    }
}

/// An `<img>` where it stands in reading order, with what says where it comes from.
#[derive(Debug, Clone, Default)]
pub struct Picture {
    /// The innermost container holding it.
    pub node: usize,
    /// Blocks that came before it: it stands between block `block - 1` and block `block`.
    pub block: usize,
    /// Lowercase `id`, `class` and `itemprop` of the `<img>`, space-separated.
    pub hint: String,
    /// Address attributes (`src`, `srcset`, `data-src`, `data-srcset`, …), `width`/`height`, `alt` and `title`,
    /// lowercase name and value, as written.
    pub attrs: Vec<(String, String)>,
    /// `srcset`s of the `<source>`s of its `<picture>`.
    pub sources: Vec<String>,
    /// The `href` of the link around it.
    pub link: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
    /// `rel="tag"`: the link names a topic tag of the page it is on (the rel-tag microformat).
    pub rel_tag: bool,
}

/// What the page says about itself outside its visible text.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub lang: Option<String>,
    pub title: Option<String>,
    /// `<meta>` name/property/itemprop (lowercase) and content, in page order.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    /// `<link rel="next">`: the next page of a paginated document (or, on many blogs, the
    /// next post: see `extract::end_matter::continues`).
    pub next: Option<String>,
    pub base_href: Option<String>,
    /// Raw contents of `application/ld+json` scripts.
    pub json_ld: Vec<String>,
    /// Comments outside `<body>` (save markers live there).
    pub comments: Vec<String>,
}

impl Meta {
    /// The first non-empty content of a `<meta>` with this (lowercase) name or property.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.as_str())
    }
}

impl Document {
    /// Ancestors of a node, the node itself first.
    pub fn ancestors(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(node), move |&n| self.nodes[n].parent)
    }

    pub fn is_inside(&self, node: usize, container: usize) -> bool {
        self.ancestors(node).any(|n| n == container)
    }
}

/// Builds the document for an input: markup through the HTML parser, copied text line by line.
/// Fails only when the deadline passes.
pub fn build(input: &Input, limits: &Limits, deadline: &Deadline) -> Result<Document> {
    match input.format {
        Format::Html | Format::Mhtml => html::build(&input.text, limits.max_depth, deadline),
        Format::Text => Ok(text::build(&input.text)),
    }
}
