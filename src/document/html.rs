//! HTML to blocks with html5ever (through scraper). The walk is iterative, so pathological
//! nesting cannot overflow the stack; and elements nested deeper than the depth limit are
//! flattened before they reach the tree builder, whose work per tag grows with the depth of
//! its stack of open elements (100,000 nested `<div>`s would take minutes).

use super::{Block, Document, Kind, Link, Meta, Node};
use crate::text::clean_text;
use crate::{Deadline, Result};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts, TokenizerResult,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, local_name};
use scraper::{ElementRef, Html, HtmlTreeSink};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// Tokens between two looks at the clock: a token can cost the tree builder a scan of its
/// stack, so they are looked at often.
const CLOCK_EVERY_TOKENS: u64 = 256;
/// Steps of the tree walk between two looks at the clock.
const CLOCK_EVERY_STEPS: u64 = 4096;

/// Start tags that never add a level of nesting: void elements, those the tree builder
/// merges into an element that is already there, and those whose content is raw text (the tree
/// builder then waits for their own end tag: dropping one of those would leave it stuck).
fn never_nests(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("style")
            | local_name!("script")
            | local_name!("title")
            | local_name!("textarea")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
            | local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("image")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("keygen")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("frame")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

/// Counts the handles the tree builder holds: its document, stack of open elements and list of
/// active formatting elements (which it may reopen), `head` and `form`. An upper bound on how
/// deep the next element can land, exact enough for a limit.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;
    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// Sits between tokenizer and tree builder: drops start tags that would nest deeper than the
/// limit (and their end tags), so their content lands in the element at the limit; and stops
/// passing tokens on once the deadline has passed.
struct Limiter {
    inner: TreeBuilder<NodeId, HtmlTreeSink>,
    max_depth: usize,
    /// Start tags dropped, by name, so that as many end tags of that name are dropped too.
    dropped: RefCell<HashMap<LocalName, usize>>,
    flattened: Cell<usize>,
    tokens: Cell<u64>,
    deadline: Deadline,
    timed_out: Cell<bool>,
}

impl Limiter {
    fn depth(&self) -> usize {
        let count = Count(Cell::new(0));
        self.inner.trace_handles(&count);
        // The document handle is not an element.
        count.0.get().saturating_sub(1)
    }
}

impl TokenSink for Limiter {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let n = self.tokens.get() + 1;
        self.tokens.set(n);
        if self.timed_out.get() || (n.is_multiple_of(CLOCK_EVERY_TOKENS) && self.deadline.passed()) {
            self.timed_out.set(true);
            return TokenSinkResult::Continue;
        }
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !never_nests(&tag.name) && self.depth() >= self.max_depth => {
                    *self.dropped.borrow_mut().entry(tag.name.clone()).or_insert(0) += 1;
                    self.flattened.set(self.flattened.get() + 1);
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => {
                    if let Some(c) = self.dropped.borrow_mut().get_mut(&tag.name).filter(|c| **c > 0) {
                        *c -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parses a whole page as scraper's `Html::parse_document` does, with the limiter between
/// tokenizer and tree builder. Gives the tree and how many elements were flattened.
fn parse(source: &str, max_depth: usize, deadline: &Deadline) -> Result<(Html, usize)> {
    let sink = HtmlTreeSink::new(Html::new_document());
    let limiter = Limiter {
        inner: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        max_depth: max_depth.max(1),
        dropped: RefCell::new(HashMap::new()),
        flattened: Cell::new(0),
        tokens: Cell::new(0),
        deadline: *deadline,
        timed_out: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(limiter, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(source));
    while let TokenizerResult::Script(_) = tokenizer.feed(&queue) {}
    tokenizer.end();
    let limiter = tokenizer.sink;
    if limiter.timed_out.get() {
        deadline.check()?;
    }
    let flattened = limiter.flattened.get();
    Ok((limiter.inner.sink.finish(), flattened))
}

/// The text of an element's subtree, reading at most `cap` bytes of it: enough for any value
/// that is kept, and a bound on the work for elements nested in one another.
fn text_capped(node: ego_tree::NodeRef<scraper::Node>, cap: usize) -> (String, bool) {
    let mut out = String::new();
    for d in node.descendants() {
        if let scraper::Node::Text(t) = d.value() {
            let room = cap - out.len();
            if t.len() > room {
                let mut end = room;
                while !t.is_char_boundary(end) {
                    end -= 1;
                }
                out.push_str(&t[..end]);
                return (out, true);
            }
            out.push_str(t);
        }
    }
    (out, false)
}

/// Bytes of an element's text read for `<title>` and `itemprop` values.
const META_TEXT_CAP: usize = 64 << 10;

/// Elements whose content is never visible text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "button"
            | "textarea"
            | "input"
            | "map"
            | "dialog"
    )
}

/// Elements that end the running line of text: everything that is not inline.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "article"
            | "section"
            | "aside"
            | "nav"
            | "header"
            | "footer"
            | "main"
            | "form"
            | "fieldset"
            | "legend"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "body"
            | "html"
            | "center"
            | "hgroup"
            | "menu"
            | "picture"
    )
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "p" => Kind::Paragraph,
        "li" | "dt" | "dd" => Kind::ListItem,
        "blockquote" => Kind::Quote,
        "figcaption" | "caption" => Kind::Caption,
        "pre" => Kind::Preformatted,
        "td" | "th" => Kind::Cell,
        _ => Kind::Text,
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Text being gathered for the block that is open now.
#[derive(Default)]
struct Run {
    raw: String,
    /// Non-white-space characters appended while inside a link.
    link_raw: usize,
    links: Vec<Link>,
    emphasis: Option<String>,
    datetime: Option<String>,
}

struct Builder {
    doc: Document,
    run: Run,
    /// Open containers, innermost last: (node index, kind of block they make).
    open: Vec<(usize, Kind)>,
    /// Open `<a>`: the run it started in, raw offset there, href.
    anchors: Vec<(u64, usize, String)>,
    /// Counts flushes, so an offset is only used within the run it was taken in.
    run_id: u64,
    /// Open emphasis element: raw offset where it started, when it opened the block.
    emph_start: Option<(usize, usize)>,
}

impl Builder {
    fn flush(&mut self) {
        self.run_id += 1;
        let mut run = std::mem::take(&mut self.run);
        let Some(&(node, kind)) = self.open.last() else { return };
        // A link around whole blocks (a teaser card: `<a><h4>…</h4><p>…</p></a>`) is each
        // block's link.
        if run.links.is_empty()
            && let Some((_, _, href)) = self.anchors.iter().find(|a| !a.2.is_empty())
        {
            run.links.push(Link { href: href.clone(), text: String::new() });
        }
        // A double <br> separates paragraphs in pages that use no <p>.
        let pieces: Vec<&str> = run.raw.split("\n\n").collect();
        let single = pieces.len() == 1;
        for piece in pieces {
            let text = clean_text(piece);
            if text.is_empty() {
                continue;
            }
            let link_chars = if single { run.link_raw } else { 0 };
            self.doc.blocks.push(Block {
                kind,
                text,
                node,
                link_chars,
                links: if single { run.links.clone() } else { Vec::new() },
                emphasis: if single { run.emphasis.clone() } else { None },
                datetime: run.datetime.clone(),
            });
        }
    }
}

pub fn build(source: &str, max_depth: usize, deadline: &Deadline) -> Result<Document> {
    let (html, flattened) = parse(source, max_depth, deadline)?;
    let mut b = Builder {
        doc: Document::default(),
        run: Run::default(),
        open: Vec::new(),
        anchors: Vec::new(),
        run_id: 0,
        emph_start: None,
    };
    // Depth of skipped elements we are inside; their subtree contributes nothing.
    let mut skip_depth = 0usize;
    // Element nesting kept alongside to know which closes open a container.
    let mut stack: Vec<(bool /*container*/, bool /*skipped*/)> = Vec::new();
    let mut in_body = false;
    let mut steps = 0u64;

    for edge in html.tree.root().traverse() {
        steps += 1;
        if steps.is_multiple_of(CLOCK_EVERY_STEPS) {
            deadline.check()?;
        }
        match edge {
            Edge::Open(node) => match node.value() {
                scraper::Node::Element(el) => {
                    let tag = el.name();
                    if skip_depth > 0 {
                        skip_depth += 1;
                        stack.push((false, true));
                        continue;
                    }
                    if tag == "body" {
                        in_body = true;
                    }
                    harvest_meta(&mut b.doc.meta, tag, el, node);
                    if is_skipped(tag) || is_hidden(el) {
                        skip_depth = 1;
                        stack.push((false, true));
                        continue;
                    }
                    if tag == "br" {
                        b.run.raw.push('\n');
                        stack.push((false, false));
                        continue;
                    }
                    let container = is_block(tag);
                    if container {
                        b.flush();
                        b.emph_start = None;
                        let mut hint = String::new();
                        for a in ["id", "class", "itemprop", "role"] {
                            if let Some(v) = el.attr(a) {
                                hint.push_str(&v.to_ascii_lowercase());
                                hint.push(' ');
                            }
                        }
                        let parent = b.open.last().map(|&(n, _)| n);
                        let depth = parent.map_or(0, |p| b.doc.nodes[p].depth + 1);
                        b.doc.nodes.push(Node { tag: tag.to_string(), hint, parent, depth });
                        b.open.push((b.doc.nodes.len() - 1, kind_of(tag)));
                    } else {
                        match tag {
                            "a" => {
                                let href = el.attr("href").unwrap_or("").trim().to_string();
                                b.anchors.push((b.run_id, b.run.raw.len(), href));
                            }
                            "strong" | "b" if b.run.raw.trim().is_empty() && b.emph_start.is_none() => {
                                b.emph_start = Some((b.run.raw.len(), b.open.len()));
                            }
                            "time" => {
                                if let Some(dt) = el.attr("datetime") {
                                    b.run.datetime.get_or_insert_with(|| dt.trim().to_string());
                                }
                            }
                            "img" => {}
                            _ => {}
                        }
                    }
                    stack.push((container, false));
                }
                scraper::Node::Text(t) if skip_depth == 0 && in_body => {
                    if !b.anchors.is_empty() {
                        b.run.link_raw += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    b.run.raw.push_str(t);
                }
                scraper::Node::Comment(c) if !in_body => {
                    b.doc.meta.comments.push(c.to_string());
                }
                _ => {}
            },
            Edge::Close(node) => {
                let scraper::Node::Element(el) = node.value() else { continue };
                let Some((container, skipped)) = stack.pop() else { continue };
                if skipped {
                    skip_depth = skip_depth.saturating_sub(1);
                    continue;
                }
                let tag = el.name();
                if container {
                    b.flush();
                    b.open.pop();
                    b.emph_start = None;
                } else if tag == "a" {
                    if let Some((id, start, href)) = b.anchors.pop() {
                        let text = if id == b.run_id {
                            b.run.raw.get(start..).map(clean_text).unwrap_or_default()
                        } else {
                            String::new()
                        };
                        if !text.is_empty() || !href.is_empty() {
                            b.run.links.push(Link { href, text });
                        }
                    }
                } else if matches!(tag, "strong" | "b")
                    && let Some((start, level)) = b.emph_start.take()
                    && level == b.open.len()
                    && b.run.emphasis.is_none()
                {
                    let t = b.run.raw.get(start..).map(clean_text).unwrap_or_default();
                    if !t.is_empty() {
                        b.run.emphasis = Some(t);
                    }
                }
            }
        }
    }
    b.flush();
    if flattened > 0 {
        b.doc
            .warnings
            .push(format!("elements nested deeper than {max_depth} levels were flattened (raise it with --max-depth)"));
    }
    Ok(b.doc)
}

fn harvest_meta(meta: &mut Meta, tag: &str, el: &scraper::node::Element, node: ego_tree::NodeRef<scraper::Node>) {
    match tag {
        "html" => {
            if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                let l = l.trim();
                if !l.is_empty() {
                    meta.lang.get_or_insert_with(|| l.to_string());
                }
            }
        }
        "title" if meta.title.is_none() => {
            let t = clean_text(&text_capped(node, META_TEXT_CAP).0);
            if !t.is_empty() {
                meta.title = Some(t);
            }
        }
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))
                .or_else(|| el.attr("http-equiv"));
            if let (Some(k), Some(v)) = (key, el.attr("content")) {
                let k = k.trim().to_ascii_lowercase();
                // Titles and descriptions are text: markup written into them is not.
                let v = if ["title", "description", "headline", "author"].iter().any(|t| k.contains(t)) {
                    crate::text::unmarkup(v).trim().to_string()
                } else {
                    v.trim().to_string()
                };
                meta.metas.push((k, v));
            }
        }
        "link" => {
            let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical")
                && meta.canonical.is_none()
                && let Some(h) = el.attr("href").map(str::trim).filter(|h| !h.is_empty())
            {
                meta.canonical = Some(h.to_string());
            }
        }
        "base" if meta.base_href.is_none() => {
            if let Some(h) = el.attr("href").map(str::trim).filter(|h| !h.is_empty()) {
                meta.base_href = Some(h.to_string());
            }
        }
        "script" => {
            let ty = el.attr("type").unwrap_or("").to_ascii_lowercase();
            if ty.contains("ld+json")
                && let Some(e) = ElementRef::wrap(node)
            {
                meta.json_ld.push(e.text().collect());
            }
        }
        // itemprop'd elements outside <meta> carry their value as text or datetime
        _ => {
            if let Some(ip) = el.attr("itemprop") {
                let ip = ip.trim().to_ascii_lowercase();
                if matches!(ip.as_str(), "datepublished" | "datemodified" | "headline" | "author") {
                    let v = el.attr("datetime").or_else(|| el.attr("content")).map(str::to_string).or_else(|| {
                        match text_capped(node, META_TEXT_CAP) {
                            (t, false) => Some(clean_text(&t)),
                            (_, true) => None,
                        }
                    });
                    if let Some(v) = v.filter(|v| !v.is_empty() && v.len() < 300) {
                        meta.metas.push((ip, v));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str) -> Document {
        build(source, 512, &Deadline::none()).unwrap()
    }

    /// Kind, text, tag of the block's container, emphasis, links as (href, text).
    type Summary = (Kind, String, String, Option<String>, Vec<(String, String)>);

    fn blocks(source: &str) -> Vec<Summary> {
        let d = doc(source);
        d.blocks
            .iter()
            .map(|b| {
                let links = b.links.iter().map(|l| (l.href.clone(), l.text.clone())).collect();
                (b.kind, b.text.clone(), d.nodes[b.node].tag.clone(), b.emphasis.clone(), links)
            })
            .collect()
    }

    fn s(kind: Kind, text: &str, tag: &str, emphasis: Option<&str>, links: &[(&str, &str)]) -> Summary {
        let links = links.iter().map(|(h, t)| (h.to_string(), t.to_string())).collect();
        (kind, text.into(), tag.into(), emphasis.map(Into::into), links)
    }

    #[test]
    fn misnested_formatting_is_split_by_the_adoption_agency() {
        // </b> inside <p> moves the <p> out of the <b> and gives it a <b> of its own.
        assert_eq!(
            blocks("<body><b>eins<p>zwei</b>drei</p>"),
            vec![
                s(Kind::Text, "eins", "body", Some("eins"), &[]),
                s(Kind::Paragraph, "zweidrei", "p", Some("zwei"), &[]),
            ]
        );
        // A link left open across a paragraph is reopened inside it.
        assert_eq!(
            blocks("<body><a href='/a'>Link<p>Absatz</a> Rest</p>"),
            vec![
                s(Kind::Text, "Link", "body", None, &[("/a", "Link")]),
                s(Kind::Paragraph, "Absatz Rest", "p", None, &[("/a", "Absatz")]),
            ]
        );
    }

    #[test]
    fn text_and_elements_in_a_table_are_fostered_before_it() {
        assert_eq!(
            blocks("<body>Vor<table>Fremd<tr><td>Zelle</td></tr><b>fett</b></table>"),
            vec![s(Kind::Text, "VorFremdfett", "body", None, &[]), s(Kind::Cell, "Zelle", "td", None, &[])]
        );
    }

    #[test]
    fn text_split_into_several_tokens_reads_as_one() {
        let d = doc("<title>A &amp; B</title><body><p>x &lt; y &gt; z</p>");
        assert_eq!(d.meta.title.as_deref(), Some("A & B"));
        assert_eq!(blocks("<body><p>x &lt;y&gt; z</p>"), vec![s(Kind::Paragraph, "x z", "p", None, &[])]);
    }

    #[test]
    fn template_contents_are_not_text() {
        assert_eq!(
            blocks("<body><template><p>Versteckt</p></template><p>Sichtbar</p>"),
            vec![s(Kind::Paragraph, "Sichtbar", "p", None, &[])]
        );
    }

    #[test]
    fn comments_outside_the_body_are_kept() {
        let d = doc("<!-- saved from url=(0016)https://x.test/ --><html><head><!--kopf--></head><body><!--nein-->");
        assert_eq!(d.meta.comments, vec![" saved from url=(0016)https://x.test/ ", "kopf"]);
    }

    #[test]
    fn a_second_html_tag_only_adds_missing_attributes() {
        assert_eq!(doc("<html lang='de'><body><html lang='en'>").meta.lang.as_deref(), Some("de"));
        assert_eq!(doc("<html><body><html lang='fr'>").meta.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn hidden_elements_are_skipped() {
        assert_eq!(
            blocks(
                "<body><p hidden>a</p><p aria-hidden='true'>b</p><p style='Display : None'>c</p>\
                 <p style='visibility:\thidden'>d</p><p aria-hidden='false' style='display:block'>e</p>"
            ),
            vec![s(Kind::Paragraph, "e", "p", None, &[])]
        );
    }
}
