//! HTML to blocks: html5ever builds a small tree of our own, which is then walked in reading
//! order. The walk is iterative, so pathological nesting cannot overflow the stack; and elements
//! nested deeper than the depth limit are flattened before they reach the tree builder, whose
//! work per tag grows with the depth of its stack of open elements (100,000 nested `<div>`s
//! would take minutes).

use super::{Block, Document, Kind, Link, Meta, Node, Picture};
use crate::text::{clean_text, is_blank, is_image_file, non_space_chars};
use crate::{Deadline, Result};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts, TokenizerResult,
};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{Attribute, LocalName, QualName, local_name, namespace_url, ns};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

/// Tokens between two looks at the clock: a token can cost the tree builder a scan of its
/// stack, so they are looked at often.
const CLOCK_EVERY_TOKENS: u64 = 256;
/// Nodes of the tree walk between two looks at the clock.
const CLOCK_EVERY_STEPS: u64 = 2048;

// ---- the tree ------------------------------------------------------------------------------

/// No node: the end of a list of siblings, or the parent of a node that has none.
const NONE: usize = usize::MAX;
/// The document node is always the first.
const DOCUMENT: usize = 0;

enum Data {
    Document,
    /// A template's contents.
    Fragment,
    /// Name and attributes as the tokenizer gave them: nothing is parsed or interned here,
    /// the walk looks at only a few attributes of each element.
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(Text),
    Comment(StrTendril),
    /// A processing instruction, which nothing reads.
    Other,
}

/// The text of a text node. The tokenizer hands text over in pieces (it stops at every line
/// break, for one), and most of a page's text is a run of its source as it stands: such text is
/// kept as that range of the input, and nothing is copied however many pieces it comes in.
enum Text {
    /// `input[start..end]`.
    Input(usize, usize),
    /// Text that is not a run of the input (a character reference decoded, a line break
    /// normalised), or not yet known to be.
    Other(StrTendril),
}

/// Where `piece` sits in `input`, when it is a slice of it.
fn offset_in(input: &str, piece: &str) -> Option<usize> {
    let at = (piece.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    (at + piece.len() <= input.len()).then_some(at)
}

impl Text {
    fn new(input: &str, piece: StrTendril) -> Text {
        match offset_in(input, &piece) {
            Some(at) => Text::Input(at, at + piece.len()),
            None => Text::Other(piece),
        }
    }

    /// Appends `piece`. Text stays a range of the input while the input goes on with the same
    /// bytes, whether the piece is a slice of it or merely equal to it (a line break handed over
    /// on its own): the text is the same either way.
    fn push(&mut self, input: &str, piece: StrTendril) {
        match self {
            Text::Input(start, end) => {
                if offset_in(input, &piece) == Some(*end) || input.as_bytes()[*end..].starts_with(str::as_bytes(&piece))
                {
                    *end += piece.len();
                } else {
                    let mut text = StrTendril::from_slice(&input[*start..*end]);
                    text.push_tendril(&piece);
                    *self = Text::Other(text);
                }
            }
            Text::Other(text) => {
                // A short text (the line break before an indented line) that the input has just
                // before the piece.
                if let Some(at) = offset_in(input, &piece)
                    && text.len() <= 16
                    && at >= text.len()
                    && input.as_bytes()[at - text.len()..at] == *str::as_bytes(text)
                {
                    *self = Text::Input(at - text.len(), at + piece.len());
                } else {
                    text.push_tendril(&piece);
                }
            }
        }
    }
}

struct TreeNode {
    data: Data,
    parent: usize,
    prev: usize,
    next: usize,
    first: usize,
    last: usize,
}

/// The parsed page: nodes linked by index, the document first. A node taken out of the tree
/// stays in the arena, unlinked.
struct Tree {
    nodes: Vec<TreeNode>,
    /// The tokenizer's input. Held here, it stays allocated while any text points into it, so no
    /// other allocation can sit where `offset_in` looks.
    input: StrTendril,
    /// Elements made that are containers by name: room for the document's nodes and blocks.
    containers: usize,
}

impl Tree {
    /// A tree holding only the document node, with room for the nodes of a typical page as long
    /// as `input` (one per 64 bytes or so), so that the arena is seldom moved as it grows.
    fn new(input: StrTendril) -> Tree {
        let mut tree = Tree { nodes: Vec::with_capacity(input.len() / 64 + 16), input, containers: 0 };
        tree.push(Data::Document);
        tree
    }

    fn push(&mut self, data: Data) -> usize {
        self.nodes.push(TreeNode { data, parent: NONE, prev: NONE, next: NONE, first: NONE, last: NONE });
        self.nodes.len() - 1
    }

    fn detach(&mut self, id: usize) {
        let TreeNode { parent, prev, next, .. } = self.nodes[id];
        if parent == NONE {
            return;
        }
        match prev {
            NONE => self.nodes[parent].first = next,
            p => self.nodes[p].next = next,
        }
        match next {
            NONE => self.nodes[parent].last = prev,
            n => self.nodes[n].prev = prev,
        }
        let node = &mut self.nodes[id];
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    fn append(&mut self, parent: usize, child: usize) {
        self.detach(child);
        let last = self.nodes[parent].last;
        let node = &mut self.nodes[child];
        (node.parent, node.prev) = (parent, last);
        match last {
            NONE => self.nodes[parent].first = child,
            l => self.nodes[l].next = child,
        }
        self.nodes[parent].last = child;
    }

    /// `sibling` must have a parent.
    fn insert_before(&mut self, sibling: usize, child: usize) {
        self.detach(child);
        let TreeNode { parent, prev, .. } = self.nodes[sibling];
        let node = &mut self.nodes[child];
        (node.parent, node.prev, node.next) = (parent, prev, sibling);
        match prev {
            NONE => self.nodes[parent].first = child,
            p => self.nodes[p].next = child,
        }
        self.nodes[sibling].prev = child;
    }

    /// Appends text to the text node `at` if it is one; gives the text back otherwise.
    fn merge_text(&mut self, at: usize, text: StrTendril) -> Option<StrTendril> {
        match self.nodes.get_mut(at).map(|n| &mut n.data) {
            Some(Data::Text(t)) => {
                t.push(&self.input, text);
                None
            }
            _ => Some(text),
        }
    }

    fn new_text(&mut self, text: StrTendril) -> usize {
        let text = Text::new(&self.input, text);
        self.push(Data::Text(text))
    }

    fn text<'a>(&'a self, text: &'a Text) -> &'a str {
        match text {
            Text::Input(start, end) => &self.input[*start..*end],
            Text::Other(t) => t,
        }
    }

    /// The node and the nodes below it, in document order.
    fn subtree(&self, root: usize) -> impl Iterator<Item = &TreeNode> + '_ {
        let mut at = root;
        std::iter::from_fn(move || {
            let id = at;
            if id == NONE {
                return None;
            }
            at = self.following(id, root);
            Some(&self.nodes[id])
        })
    }

    /// The node after `id` in document order, or `NONE` past the end of `root`'s subtree.
    fn following(&self, mut id: usize, root: usize) -> usize {
        let first = self.nodes[id].first;
        if first != NONE {
            return first;
        }
        while id != root {
            let node = &self.nodes[id];
            if node.next != NONE {
                return node.next;
            }
            id = node.parent;
        }
        NONE
    }

    /// The text below a node, reading at most `cap` bytes of it: enough for any value that is
    /// kept, and a bound on the work for elements nested in one another.
    fn text_capped(&self, root: usize, cap: usize) -> (String, bool) {
        let mut out = String::new();
        for node in self.subtree(root) {
            if let Data::Text(t) = &node.data {
                let t = self.text(t);
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
}

/// html5ever's side of the tree. Its methods take `&self`, hence the `RefCell`.
struct Sink(RefCell<Tree>);

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |t| match &t.nodes[*target].data {
            Data::Element { name, .. } => name,
            _ => unreachable!("the tree builder asks only elements for their name"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut tree = self.0.borrow_mut();
        tree.containers += usize::from(block_kind(&name.local).is_some());
        let id = tree.push(Data::Element { name, attrs });
        if flags.template {
            // The contents hang below the template itself, as in the tree this one replaced: the
            // walk skips templates, but still reads comments in them outside the body.
            let contents = tree.push(Data::Fragment);
            tree.append(id, contents);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> usize {
        self.0.borrow_mut().push(Data::Comment(text))
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> usize {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut tree = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => tree.append(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = tree.nodes[*parent].last;
                if let Some(text) = tree.merge_text(last, text) {
                    let id = tree.new_text(text);
                    tree.append(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        if self.0.borrow().nodes[*element].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        // The first child, as in the tree this one replaced (the adoption agency can move the
        // contents away, and something else in).
        self.0.borrow().nodes[*target].first
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut tree = self.0.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            tree.detach(id);
        }
        if tree.nodes[*sibling].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => tree.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = tree.nodes[*sibling].prev;
                if let Some(text) = tree.merge_text(prev, text) {
                    let id = tree.new_text(text);
                    tree.insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        let Data::Element { attrs: have, .. } = &mut tree.nodes[*target].data else {
            unreachable!("the tree builder adds attributes only to elements")
        };
        for a in attrs {
            if !have.iter().any(|h| h.name == a.name) {
                have.push(a);
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut tree = self.0.borrow_mut();
        let (first, last) = (tree.nodes[*node].first, tree.nodes[*node].last);
        if first == NONE {
            return;
        }
        (tree.nodes[*node].first, tree.nodes[*node].last) = (NONE, NONE);
        let mut child = first;
        while child != NONE {
            tree.nodes[child].parent = *new_parent;
            child = tree.nodes[child].next;
        }
        match tree.nodes[*new_parent].last {
            NONE => tree.nodes[*new_parent].first = first,
            l => {
                tree.nodes[l].next = first;
                tree.nodes[first].prev = l;
            }
        }
        tree.nodes[*new_parent].last = last;
    }

    // `is_mathml_annotation_xml_integration_point` stays at its default (no), as in the tree
    // this one replaced: HTML inside MathML's <annotation-xml> is parsed as MathML, and skipped
    // with it.
}

// ---- the limiter ---------------------------------------------------------------------------
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
    type Handle = usize;
    fn trace_handle(&self, _: &usize) {
        self.0.set(self.0.get() + 1);
    }
}

/// Sits between tokenizer and tree builder: drops start tags that would nest deeper than the
/// limit (and their end tags), so their content lands in the element at the limit; and stops
/// passing tokens on once the deadline has passed.
struct Limiter {
    inner: TreeBuilder<usize, Sink>,
    max_depth: usize,
    /// Start tags dropped, by name, so that as many end tags of that name are dropped too.
    dropped: RefCell<HashMap<LocalName, usize>>,
    flattened: Cell<usize>,
    tokens: Cell<u64>,
    deadline: Deadline,
    timed_out: Cell<bool>,
    /// Text handed over by the tokenizer and not yet passed on. The tokenizer stops at every
    /// line break (and hands the break over on its own), and every token costs the tree builder
    /// a pass through its rules; it takes text a character at a time whatever the tokens, so a
    /// run of text is passed on as one token, as a slice of the input where it is one.
    text: RefCell<Option<Text>>,
    text_line: Cell<u64>,
    input: StrTendril,
}

impl Limiter {
    /// Passes on the text held back. Text never makes the tree builder stop the tokenizer.
    fn flush_text(&self) {
        let Some(text) = self.text.take() else { return };
        let text = match text {
            Text::Input(start, end) => self.input.subtendril(start as u32, (end - start) as u32),
            Text::Other(text) => text,
        };
        let _ = self.inner.process_token(Token::CharacterTokens(text), self.text_line.get());
    }

    fn depth(&self) -> usize {
        let count = Count(Cell::new(0));
        self.inner.trace_handles(&count);
        // The document handle is not an element.
        count.0.get().saturating_sub(1)
    }
}

impl TokenSink for Limiter {
    type Handle = usize;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<usize> {
        let n = self.tokens.get() + 1;
        self.tokens.set(n);
        if self.timed_out.get() || (n.is_multiple_of(CLOCK_EVERY_TOKENS) && self.deadline.passed()) {
            self.timed_out.set(true);
            return TokenSinkResult::Continue;
        }
        let token = match token {
            Token::CharacterTokens(piece) => {
                let mut text = self.text.borrow_mut();
                match text.as_mut() {
                    Some(text) => text.push(&self.input, piece),
                    None => {
                        *text = Some(Text::new(&self.input, piece));
                        self.text_line.set(line_number);
                    }
                }
                return TokenSinkResult::Continue;
            }
            // Everything else (a parse error too: it takes the tree builder's "ignore a line
            // feed" with it) comes after the text before it.
            token => {
                self.flush_text();
                token
            }
        };
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
        self.flush_text();
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        // Text can make elements (`<body>` for one) that change the answer.
        self.flush_text();
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parses a whole page as html5ever's own `parse_document` would, with the limiter between
/// tokenizer and tree builder. Gives the tree and how many elements were flattened.
fn parse(source: &str, max_depth: usize, deadline: &Deadline) -> Result<(Tree, usize)> {
    let input = StrTendril::from_slice(source);
    let limiter = Limiter {
        inner: TreeBuilder::new(Sink(RefCell::new(Tree::new(input.clone()))), TreeBuilderOpts::default()),
        max_depth: max_depth.max(1),
        dropped: RefCell::new(HashMap::new()),
        flattened: Cell::new(0),
        tokens: Cell::new(0),
        deadline: *deadline,
        timed_out: Cell::new(false),
        text: RefCell::new(None),
        text_line: Cell::new(0),
        input: input.clone(),
    };
    let tokenizer = Tokenizer::new(limiter, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(input);
    while let TokenizerResult::Script(_) = tokenizer.feed(&queue) {}
    tokenizer.end();
    let limiter = tokenizer.sink;
    if limiter.timed_out.get() {
        deadline.check()?;
    }
    let flattened = limiter.flattened.get();
    Ok((limiter.inner.sink.finish(), flattened))
}

// ---- the walk ------------------------------------------------------------------------------

/// The value of an attribute in no namespace.
fn attr<'a>(attrs: &'a [Attribute], name: &LocalName) -> Option<&'a str> {
    attrs.iter().find(|a| a.name.local == *name && a.name.ns == ns!() && a.name.prefix.is_none()).map(|a| &*a.value)
}

/// The attributes looked at on every element, found in one pass over them.
#[derive(Default, Clone)]
struct Common<'a> {
    id: Option<&'a str>,
    class: Option<&'a str>,
    itemprop: Option<&'a str>,
    role: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
}

impl<'a> Common<'a> {
    fn of(attrs: &'a [Attribute]) -> Common<'a> {
        let mut c = Common::default();
        for a in attrs {
            if a.name.ns != ns!() || a.name.prefix.is_some() {
                continue;
            }
            let slot = match a.name.local {
                local_name!("id") => &mut c.id,
                local_name!("class") => &mut c.class,
                local_name!("itemprop") => &mut c.itemprop,
                local_name!("role") => &mut c.role,
                local_name!("aria-hidden") => &mut c.aria_hidden,
                local_name!("style") => &mut c.style,
                local_name!("hidden") => {
                    c.hidden = true;
                    continue;
                }
                _ => continue,
            };
            // The tokenizer keeps the first of repeated attributes; so does this.
            slot.get_or_insert(&a.value);
        }
        c
    }

    /// `scratch` is reused between elements: most elements with a style have one.
    fn is_hidden(&self, scratch: &mut String) -> bool {
        if self.hidden || self.aria_hidden == Some("true") {
            return true;
        }
        self.style.is_some_and(|s| {
            scratch.clear();
            scratch.extend(s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()));
            scratch.contains("display:none") || scratch.contains("visibility:hidden")
        })
    }
}

/// What a `<br>` puts into a run: U+2028 LINE SEPARATOR, white space that the text folds like
/// any other, but not the source's own line feed. A `<br />` at the end of a source line is one
/// line break, not a blank line (`Christian Beispiel<br />\nTennenmälzerei`).
const BREAK: char = '\u{2028}';

/// Where paragraphs part: two `<br>`s with nothing but white space between them, or a blank
/// line in the source.
static PARAGRAPH_BREAK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new("\u{2028}(?:\\s*\u{2028})+|\n\n").expect("paragraph break regex"));

/// The raw ranges of the paragraphs of a run; `None` when nothing parts it.
fn paragraph_ranges(s: &str) -> Option<Vec<(usize, usize)>> {
    // Cheap tests first: this runs for every run of text.
    if !(s.contains(BREAK) || s.contains("\n\n")) || !PARAGRAPH_BREAK.is_match(s) {
        return None;
    }
    let mut ranges = Vec::new();
    let mut at = 0;
    for m in PARAGRAPH_BREAK.find_iter(s) {
        ranges.push((at, m.start()));
        at = m.end();
    }
    ranges.push((at, s.len()));
    Some(ranges)
}

/// Text being gathered for the block that is open now.
#[derive(Default)]
struct Run {
    raw: String,
    /// Non-white-space characters appended while inside a link.
    link_raw: usize,
    links: Vec<Link>,
    /// Raw range of each of `links` (from the run's start for a link opened in an earlier one).
    link_spans: Vec<(usize, usize)>,
    emphasis: Option<String>,
    datetime: Option<String>,
    /// Raw ranges of the inline elements right inside a figure's text (caption and credit
    /// spans), while one is open.
    pieces: Vec<(usize, usize)>,
}

#[derive(Default)]
struct Builder {
    doc: Document,
    run: Run,
    /// Open containers, innermost last: (node index, kind of block they make).
    open: Vec<(usize, Kind)>,
    /// Open `<a>`: the run it started in, raw offset there, href.
    anchors: Vec<(u64, usize, String, bool)>,
    /// Counts flushes, so an offset is only used within the run it was taken in.
    run_id: u64,
    /// Open emphasis element: raw offset where it started, when it opened the block.
    emph_start: Option<(usize, usize)>,
    /// `srcset`s of the `<source>`s of the open `<picture>` (its node), for its `<img>`.
    sources: Option<(usize, Vec<String>)>,
    /// Open `<figure>`s and `<figcaption>`s, and the inline elements open in the run inside one.
    figures: usize,
    inline_depth: usize,
    /// An inline element opened or closed since the last text: the next text may start a
    /// new word.
    seam: bool,
}

/// Text on the two sides of an inline element's edge that would glue two words into one: a
/// word or sentence ends and a capitalised one starts, with no space between
/// (`<span>Coronavirus und andere Zoonosen</span><span>Wie …</span>`, a kicker and a
/// headline, a short and a full name). German and English never write a lower-case letter
/// straight before a capital inside a word across markup, so the edge is a word boundary.
fn glued(before: &str, after: &str) -> bool {
    let Some(last) = before.chars().next_back() else { return false };
    let mut next = after.chars();
    let Some(first) = next.next() else { return false };
    let capital = first.is_uppercase()
        || (matches!(first, '"' | '„' | '“' | '»' | '«' | '\'') && next.next().is_some_and(char::is_uppercase));
    capital && (last.is_lowercase() || matches!(last, '.' | '!' | '?'))
}

impl Builder {
    fn flush(&mut self) {
        let mut run = std::mem::take(&mut self.run);
        self.emit(&mut run);
        self.run_id += 1;
        // The text buffer is kept: the next block's text would grow a new one from nothing.
        run.raw.clear();
        self.run.raw = run.raw;
    }

    /// The blocks of a run that ends.
    fn emit(&mut self, run: &mut Run) {
        let Some(&(node, kind)) = self.open.last() else { return };
        // Most runs are the white space between two containers, which cleans to nothing.
        if is_blank(&run.raw) {
            return;
        }
        // A double <br> separates paragraphs in pages that use no <p>, as does a blank line.
        let Some(ranges) = paragraph_ranges(&run.raw) else {
            let text = clean_text(&run.raw);
            if text.is_empty() {
                return;
            }
            // A link around whole blocks (a teaser card: `<a><h4>…</h4><p>…</p></a>`) is each
            // block's link.
            if run.links.is_empty()
                && let Some((_, _, href, rel_tag)) = self.anchors.iter().find(|a| !a.2.is_empty())
            {
                run.links.push(Link { href: href.clone(), text: String::new(), rel_tag: *rel_tag });
            }
            let pieces = run
                .pieces
                .drain(..)
                .filter_map(|(a, b)| run.raw.get(a..b).map(clean_text))
                .filter(|p| !p.is_empty())
                .collect();
            self.doc.blocks.push(Block {
                link_chars: run.link_raw,
                links: std::mem::take(&mut run.links),
                emphasis: run.emphasis.take(),
                datetime: run.datetime.take(),
                pieces,
                ..Block::new(kind, text, node)
            });
            return;
        };
        // Each paragraph keeps the links that stand in it, and their characters as its linked
        // ones; a link still open (around the whole run) covers the run from where it opened.
        let mut spans = run.link_spans.clone();
        spans.extend(self.anchors.iter().map(|a| (if a.0 == self.run_id { a.1 } else { 0 }, run.raw.len())));
        for (from, to) in ranges {
            let text = clean_text(&run.raw[from..to]);
            if text.is_empty() {
                continue;
            }
            let overlap = |&(a, b): &(usize, usize)| (a.max(from), b.min(to));
            let links =
                run.links.iter().zip(&run.link_spans).filter(|(_, s)| s.0 < to && s.1 > from).map(|(l, _)| l.clone());
            let link_chars = spans
                .iter()
                .map(overlap)
                .filter(|(a, b)| a < b)
                .map(|(a, b)| run.raw.get(a..b).map_or(0, non_space_chars))
                .sum::<usize>();
            let block = Block::new(kind, text, node);
            let link_chars = link_chars.min(block.solid_chars());
            self.doc.blocks.push(Block { datetime: run.datetime.clone(), links: links.collect(), link_chars, ..block });
        }
    }

    /// An element that is not skipped opens. Gives whether it is a container.
    fn open(&mut self, tag: &LocalName, attrs: &[Attribute], common: &Common) -> bool {
        if *tag == local_name!("br") {
            self.run.raw.push(BREAK);
            return false;
        }
        self.seam = true;
        if let Some(kind) = block_kind(tag) {
            self.flush();
            self.emph_start = None;
            let values = [common.id, common.class, common.itemprop, common.role];
            let mut hint = String::with_capacity(values.iter().flatten().map(|v| v.len() + 1).sum());
            for v in values.into_iter().flatten() {
                let start = hint.len();
                hint.push_str(v);
                hint[start..].make_ascii_lowercase();
                hint.push(' ');
            }
            let parent = self.open.last().map(|&(n, _)| n);
            let depth = parent.map_or(0, |p| self.doc.nodes[p].depth + 1);
            if matches!(*tag, local_name!("figure") | local_name!("figcaption")) {
                self.figures += 1;
            }
            self.inline_depth = 0;
            self.doc.nodes.push(Node { tag: String::from(&**tag), hint, parent, depth });
            self.open.push((self.doc.nodes.len() - 1, kind));
            return true;
        }
        // images: the inline elements right inside a figure's text are its caption's parts.
        if self.figures > 0 {
            if self.inline_depth == 0 {
                self.run.pieces.push((self.run.raw.len(), usize::MAX));
            }
            self.inline_depth += 1;
        }
        match *tag {
            local_name!("a") => {
                let href = attr(attrs, &local_name!("href")).unwrap_or("").trim().to_string();
                // `rel="category tag"` marks a category (a section), not a tag.
                let rel = attr(attrs, &local_name!("rel")).unwrap_or("").to_ascii_lowercase();
                let rel_tag = rel.split_ascii_whitespace().any(|w| w == "tag")
                    && !rel.split_ascii_whitespace().any(|w| w == "category");
                self.anchors.push((self.run_id, self.run.raw.len(), href, rel_tag));
            }
            local_name!("strong") | local_name!("b") if is_blank(&self.run.raw) && self.emph_start.is_none() => {
                self.emph_start = Some((self.run.raw.len(), self.open.len()));
            }
            local_name!("time") => {
                if let Some(dt) = attr(attrs, &local_name!("datetime")) {
                    self.run.datetime.get_or_insert_with(|| dt.trim().to_string());
                }
            }
            // images: pictures are recorded where they stand (read by extract::images).
            local_name!("img") => self.picture(attrs, common),
            local_name!("source") => self.picture_source(attrs),
            local_name!("meta") => self.image_object_meta(attrs, common),
            // A custom element that loads a picture (`<amp-img>`, a lazy-loading component).
            _ if tag.contains('-')
                && attrs.iter().any(|a| match &*a.name.local {
                    "srcset" | "data-srcset" => true,
                    "src" | "data-src" => is_image_file(&a.value),
                    _ => false,
                }) =>
            {
                self.picture(attrs, common)
            }
            _ => {}
        }
        false
    }

    /// A schema.org ImageObject's address (`<figure itemprop="image"><meta itemprop="url"
    /// content="…">`), for figures whose picture is drawn by script.
    fn image_object_meta(&mut self, attrs: &[Attribute], common: &Common) {
        let prop = common.itemprop.map(str::to_ascii_lowercase);
        let in_image = self.open.last().is_some_and(|&(n, _)| {
            let node = &self.doc.nodes[n];
            node.tag == "figure" || node.hint.split_whitespace().any(|w| w == "image")
        });
        if in_image
            && matches!(prop.as_deref(), Some("url" | "contenturl"))
            && let Some(content) = attr(attrs, &local_name!("content"))
            && is_image_file(content)
        {
            let src = [Attribute { name: QualName::new(None, ns!(), local_name!("src")), value: content.into() }];
            self.picture(&src, &Common::default());
        }
    }

    /// A `<source>`: its `srcset` waits for the `<img>` of its `<picture>`.
    fn picture_source(&mut self, attrs: &[Attribute]) {
        let Some(&(node, _)) = self.open.last() else { return };
        if self.doc.nodes[node].tag != "picture" {
            return;
        }
        let set = attrs
            .iter()
            .find(|a| matches!(&*a.name.local, "srcset" | "data-srcset"))
            .map(|a| a.value.trim().to_string())
            .filter(|v| !v.is_empty());
        if let Some(set) = set {
            if self.sources.as_ref().is_none_or(|(n, _)| *n != node) {
                self.sources = Some((node, Vec::new()));
            }
            if let Some((_, list)) = self.sources.as_mut() {
                list.push(set);
            }
        }
    }

    fn picture(&mut self, attrs: &[Attribute], common: &Common) {
        let Some(&(node, _)) = self.open.last() else { return };
        let mut hint = String::new();
        for v in [common.id, common.class, common.itemprop].into_iter().flatten() {
            hint.push_str(&v.to_lowercase());
            hint.push(' ');
        }
        let attrs = attrs
            .iter()
            .filter(|a| {
                let n = &*a.name.local;
                n.contains("src") || matches!(n, "width" | "height" | "alt" | "title" | "data-original" | "data-lazy")
            })
            .map(|a| (a.name.local.to_string(), a.value.trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let sources = match self.sources.take() {
            Some((n, list)) if n == node => list,
            _ => Vec::new(),
        };
        let link = self.anchors.last().map(|a| a.2.clone()).filter(|h| !h.is_empty());
        self.doc.pictures.push(Picture { node, block: self.doc.blocks.len(), hint, attrs, sources, link });
    }

    /// An element opened by `open` closes.
    fn close(&mut self, tag: &LocalName, container: bool) {
        self.seam = true;
        if container {
            self.flush();
            if let Some((n, _)) = self.open.pop()
                && matches!(self.doc.nodes[n].tag.as_str(), "figure" | "figcaption")
            {
                self.figures -= 1;
            }
            self.emph_start = None;
            self.inline_depth = 0;
            return;
        }
        if self.inline_depth > 0 && *tag != local_name!("br") {
            self.inline_depth -= 1;
            if self.inline_depth == 0
                && let Some(last) = self.run.pieces.last_mut()
                && last.1 == usize::MAX
            {
                last.1 = self.run.raw.len();
            }
        }
        if *tag == local_name!("a") {
            if let Some((id, start, href, rel_tag)) = self.anchors.pop() {
                let text = if id == self.run_id {
                    self.run.raw.get(start..).map(clean_text).unwrap_or_default()
                } else {
                    String::new()
                };
                if !text.is_empty() || !href.is_empty() {
                    let from = if id == self.run_id { start } else { 0 };
                    self.run.link_spans.push((from, self.run.raw.len()));
                    self.run.links.push(Link { href, text, rel_tag });
                }
            }
        } else if matches!(*tag, local_name!("strong") | local_name!("b"))
            && let Some((start, level)) = self.emph_start.take()
            && level == self.open.len()
            && self.run.emphasis.is_none()
        {
            let t = self.run.raw.get(start..).map(clean_text).unwrap_or_default();
            if !t.is_empty() {
                self.run.emphasis = Some(t);
            }
        }
    }
}

pub fn build(source: &str, max_depth: usize, deadline: &Deadline) -> Result<Document> {
    let (tree, flattened) = parse(source, max_depth, deadline)?;
    let mut doc = walk(&tree, deadline)?;
    if flattened > 0 {
        doc.warnings
            .push(format!("elements nested deeper than {max_depth} levels were flattened (raise it with --max-depth)"));
    }
    Ok(doc)
}

/// The tree in reading order, into blocks.
fn walk(tree: &Tree, deadline: &Deadline) -> Result<Document> {
    let nodes = &tree.nodes;
    // Growing these a doubling at a time copied them over and over.
    let doc = Document {
        nodes: Vec::with_capacity(tree.containers),
        blocks: Vec::with_capacity(tree.containers),
        ..Document::default()
    };
    let mut b = Builder { doc, ..Builder::default() };
    // Elements open in the walk, innermost last: whether each is a container. Skipped
    // elements are never entered.
    let mut stack: Vec<bool> = Vec::new();
    let mut in_body = false;
    let mut scratch = String::new();
    let mut steps = 0u64;

    let mut id = nodes[DOCUMENT].first;
    'walk: while id != NONE {
        steps += 1;
        if steps.is_multiple_of(CLOCK_EVERY_STEPS) {
            deadline.check()?;
        }
        let node = &nodes[id];
        let enter = match &node.data {
            Data::Element { name, attrs } => {
                let tag = &name.local;
                if *tag == local_name!("body") {
                    in_body = true;
                }
                enter_element(&mut b, tree, id, (tag, attrs), in_body, &mut scratch, &mut stack)
            }
            Data::Text(t) => {
                if in_body {
                    let t = tree.text(t);
                    if !b.anchors.is_empty() {
                        b.run.link_raw += non_space_chars(t);
                    }
                    if std::mem::take(&mut b.seam) && glued(&b.run.raw, t) {
                        b.run.raw.push(' ');
                    }
                    b.run.raw.push_str(t);
                }
                false
            }
            Data::Comment(c) => {
                if !in_body {
                    b.doc.meta.comments.push(c.to_string());
                }
                false
            }
            Data::Document | Data::Fragment => true,
            Data::Other => false,
        };
        if enter {
            if node.first != NONE {
                id = node.first;
                continue;
            }
            close(&mut b, &mut stack, &node.data);
        }
        // On to the next sibling, closing the elements that end on the way up.
        let mut at = node;
        loop {
            if at.next != NONE {
                id = at.next;
                continue 'walk;
            }
            if at.parent == NONE {
                break 'walk;
            }
            at = &nodes[at.parent];
            close(&mut b, &mut stack, &at.data);
        }
    }
    b.flush();
    Ok(b.doc)
}

/// The walk meets an element: its metadata is harvested, and it is opened unless nothing in
/// it is text (skipped or hidden). Whether the walk enters it.
#[inline]
fn enter_element(
    b: &mut Builder,
    tree: &Tree,
    id: usize,
    (tag, attrs): (&LocalName, &[Attribute]),
    in_body: bool,
    scratch: &mut String,
    stack: &mut Vec<bool>,
) -> bool {
    let common = Common::of(attrs);
    harvest_meta(&mut b.doc.meta, tree, id, tag, attrs, &common);
    if *tag == local_name!("noscript") && in_body {
        noscript_pictures(b, tree, id);
    }
    if in_body && !is_skipped(tag) && common.aria_hidden == Some("true") && !common.hidden {
        let mut visible = common.clone();
        visible.aria_hidden = None;
        if !visible.is_hidden(scratch) {
            aria_hidden_pictures(b, tree, id);
        }
    }
    if (is_skipped(tag) && !is_figure_button(tree, id, tag)) || common.is_hidden(scratch) {
        // Nothing in it is text; comments outside the body still count.
        if !in_body {
            for n in tree.subtree(id) {
                if let Data::Comment(c) = &n.data {
                    b.doc.meta.comments.push(c.to_string());
                }
            }
        }
        false
    } else {
        stack.push(b.open(tag, attrs, &common));
        true
    }
}

/// The walk leaves a node it entered.
fn close(b: &mut Builder, stack: &mut Vec<bool>, data: &Data) {
    if let Data::Element { name, .. } = data
        && let Some(container) = stack.pop()
    {
        b.close(&name.local, container);
    }
}

fn harvest_meta(meta: &mut Meta, tree: &Tree, id: usize, tag: &LocalName, attrs: &[Attribute], common: &Common) {
    let attr = |name: LocalName| attr(attrs, &name);
    match *tag {
        local_name!("html") => {
            if let Some(l) = attr(local_name!("lang")).or_else(|| attr(local_name!("xml:lang"))) {
                let l = l.trim();
                if !l.is_empty() {
                    meta.lang.get_or_insert_with(|| l.to_string());
                }
            }
        }
        local_name!("title") if meta.title.is_none() => {
            let t = clean_text(&tree.text_capped(id, META_TEXT_CAP).0);
            if !t.is_empty() {
                meta.title = Some(t);
            }
        }
        local_name!("meta") => {
            let key = attr(local_name!("property"))
                .or_else(|| attr(local_name!("name")))
                .or(common.itemprop)
                .or_else(|| attr(local_name!("http-equiv")));
            if let (Some(k), Some(v)) = (key, attr(local_name!("content"))) {
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
        local_name!("link") => {
            let rel = attr(local_name!("rel")).unwrap_or("").to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical")
                && meta.canonical.is_none()
                && let Some(h) = attr(local_name!("href")).map(str::trim).filter(|h| !h.is_empty())
            {
                meta.canonical = Some(h.to_string());
            }
            if rel.split_whitespace().any(|r| r == "next")
                && meta.next.is_none()
                && let Some(h) = attr(local_name!("href")).map(str::trim).filter(|h| !h.is_empty())
            {
                meta.next = Some(h.to_string());
            }
        }
        local_name!("base") if meta.base_href.is_none() => {
            if let Some(h) = attr(local_name!("href")).map(str::trim).filter(|h| !h.is_empty()) {
                meta.base_href = Some(h.to_string());
            }
        }
        local_name!("script") => {
            let ty = attr(local_name!("type")).unwrap_or("").to_ascii_lowercase();
            if ty.contains("ld+json") {
                let mut text = String::new();
                for n in tree.subtree(id) {
                    if let Data::Text(t) = &n.data {
                        text.push_str(tree.text(t));
                    }
                }
                meta.json_ld.push(text);
            }
        }
        // itemprop'd elements outside <meta> carry their value as text or datetime
        _ => {
            if let Some(ip) = common.itemprop {
                let ip = ip.trim().to_ascii_lowercase();
                if matches!(ip.as_str(), "datepublished" | "datemodified" | "headline" | "author") {
                    let v = attr(local_name!("datetime"))
                        .or_else(|| attr(local_name!("content")))
                        .map(str::to_string)
                        .or_else(|| match tree.text_capped(id, META_TEXT_CAP) {
                            (t, false) => Some(clean_text(&t)),
                            (_, true) => None,
                        });
                    if let Some(v) = v.filter(|v| !v.is_empty() && v.len() < 300) {
                        meta.metas.push((ip, v));
                    }
                }
            }
        }
    }
}

/// Bytes of an element's text read for `<title>` and `itemprop` values.
const META_TEXT_CAP: usize = 64 << 10;

/// An attribute in the raw text of a `<noscript>`: name, `=`, value quoted or not.
static NOSCRIPT_ATTR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#"([A-Za-z][A-Za-z0-9_:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .expect("attribute regex")
});

/// The pictures of a `<noscript>` fallback (its content is raw text to a parser that runs
/// scripts): a page that draws its picture by script shows this one without them.
fn noscript_pictures(b: &mut Builder, tree: &Tree, id: usize) {
    static IMG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?is)<img\b[^>]*>").expect("img tag regex"));
    let mut raw = String::new();
    for n in tree.subtree(id) {
        if let Data::Text(t) = &n.data {
            raw.push_str(tree.text(t));
        }
    }
    for img in IMG.find_iter(&raw) {
        // The regex finds each attribute; its parts are read off the match by hand, as asking
        // it for its capture groups costs many times the search.
        let attrs: Vec<Attribute> = NOSCRIPT_ATTR
            .find_iter(img.as_str())
            .filter_map(|m| {
                let (name, value) = attr_parts(m.as_str())?;
                Some(Attribute {
                    name: QualName::new(None, ns!(), LocalName::from(name.to_ascii_lowercase())),
                    value: crate::text::unmarkup(value).as_ref().into(),
                })
            })
            .collect();
        b.picture(&attrs, &Common::of(&attrs));
    }
}

/// Name and value of a match of [`NOSCRIPT_ATTR`], `name\s*=\s*value`. The
/// name is the match's leading run of name characters; the value follows the `=` and the white
/// space after it, inside its quotes when the match ends in one (an unquoted value holds no
/// quote).
fn attr_parts(m: &str) -> Option<(&str, &str)> {
    let name_end = m.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-')))?;
    let after = &m[name_end..];
    let rest = after[after.find('=')? + 1..].trim_start();
    let value = match rest.as_bytes().last() {
        Some(b'"' | b'\'') if rest.len() >= 2 => &rest[1..rest.len() - 1],
        _ => rest,
    };
    Some((&m[..name_end], value))
}

/// The pictures inside an element hidden from assistive technology only (`aria-hidden`, a
/// duplicate link around a picture): they are on screen, so they are pictures; their text
/// is not read.
fn aria_hidden_pictures(b: &mut Builder, tree: &Tree, id: usize) {
    let nodes: Vec<usize> = {
        let mut out = Vec::new();
        let mut at = id;
        while at != NONE {
            if let Data::Element { name, .. } = &tree.nodes[at].data
                && name.local == local_name!("img")
            {
                out.push(at);
            }
            at = tree.following(at, id);
        }
        out
    };
    for n in nodes {
        let Data::Element { attrs, .. } = &tree.nodes[n].data else { continue };
        // The link around the picture inside the hidden element, if any.
        let mut up = n;
        let mut href = None;
        while up != NONE {
            if let Data::Element { name, attrs } = &tree.nodes[up].data
                && name.local == local_name!("a")
            {
                href = attr(attrs, &local_name!("href")).map(|h| h.trim().to_string());
                break;
            }
            if up == id {
                break;
            }
            up = tree.nodes[up].parent;
        }
        let pushed = href.is_some();
        if let Some(h) = href {
            // A picture's link names no topic tag.
            b.anchors.push((b.run_id, b.run.raw.len(), h, false));
        }
        let attrs = attrs.clone();
        b.picture(&attrs, &Common::of(&attrs));
        if pushed {
            b.anchors.pop();
        }
    }
}

/// A `<button>` around a figure (one that opens the picture large) holds the figure: its
/// picture and caption are read as if the button were a plain container.
fn is_figure_button(tree: &Tree, id: usize, tag: &LocalName) -> bool {
    *tag == local_name!("button")
        && tree.subtree(id).any(|n| {
            matches!(&n.data, Data::Element { name, .. } if matches!(name.local, local_name!("figure") | local_name!("img") | local_name!("picture")))
        })
}

/// Elements whose content is never visible text.
fn is_skipped(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("select")
            | local_name!("option")
            | local_name!("button")
            | local_name!("textarea")
            | local_name!("input")
            | local_name!("map")
            | local_name!("dialog")
    )
}

/// Elements that end the running line of text (everything that is not inline), with the kind
/// of block their own text makes.
fn block_kind(tag: &LocalName) -> Option<Kind> {
    Some(match *tag {
        local_name!("h1") => Kind::Heading(1),
        local_name!("h2") => Kind::Heading(2),
        local_name!("h3") => Kind::Heading(3),
        local_name!("h4") => Kind::Heading(4),
        local_name!("h5") => Kind::Heading(5),
        local_name!("h6") => Kind::Heading(6),
        local_name!("p") => Kind::Paragraph,
        local_name!("li") | local_name!("dt") | local_name!("dd") => Kind::ListItem,
        local_name!("blockquote") => Kind::Quote,
        local_name!("figcaption") | local_name!("caption") => Kind::Caption,
        local_name!("pre") => Kind::Preformatted,
        local_name!("td") | local_name!("th") => Kind::Cell,
        local_name!("div")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("table")
        | local_name!("thead")
        | local_name!("tbody")
        | local_name!("tfoot")
        | local_name!("tr")
        | local_name!("figure")
        | local_name!("article")
        | local_name!("section")
        | local_name!("aside")
        | local_name!("nav")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("main")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("legend")
        | local_name!("address")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("hr")
        | local_name!("body")
        | local_name!("html")
        | local_name!("center")
        | local_name!("hgroup")
        | local_name!("menu")
        | local_name!("picture") => Kind::Text,
        _ => return None,
    })
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
    fn children_moved_by_the_adoption_agency_all_move() {
        // </a> moves the <div> out of the <a> and the div's children into a new <a>, then the
        // last <p> out of that one and its text into a third. When only the first and last of
        // the moved children learned their new parent, moving the <p> unlinked "drei vier".
        assert_eq!(
            blocks("<body><a href='/a'><div>eins<p>zwei<p>drei</a> vier</div>"),
            vec![
                s(Kind::Text, "eins", "div", None, &[("/a", "")]),
                s(Kind::Paragraph, "zwei", "p", None, &[("/a", "")]),
                s(Kind::Paragraph, "drei vier", "p", None, &[("/a", "drei")]),
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
    fn text_in_many_tokens_reads_as_it_stands() {
        // The line feed right after <pre> is dropped, Windows line ends and character references
        // do not break a run, and a blank line still parts paragraphs.
        assert_eq!(
            blocks("<body><pre>\nEins\r\nzwei &amp; drei\n\u{0}vier</pre><div>a\n\nb</div>"),
            vec![
                s(Kind::Preformatted, "Eins zwei & drei vier", "pre", None, &[]),
                s(Kind::Text, "a", "div", None, &[]),
                s(Kind::Text, "b", "div", None, &[]),
            ]
        );
    }

    #[test]
    fn inline_elements_do_not_glue_words() {
        assert_eq!(
            blocks("<body><h1><span class='k'>Die Zukunft der Arbeit</span><span>\"Wir dekorieren nur\"</span></h1>"),
            vec![s(Kind::Heading(1), "Die Zukunft der Arbeit \"Wir dekorieren nur\"", "h1", None, &[])]
        );
        assert_eq!(
            blocks("<body><p><a href='/a'>Trauer um eine Legende</a><span>Der Komiker ist tot.</span></p>"),
            vec![s(
                Kind::Paragraph,
                "Trauer um eine Legende Der Komiker ist tot.",
                "p",
                None,
                &[("/a", "Trauer um eine Legende")]
            )]
        );
        assert_eq!(
            blocks("<body><p><span>Paddy</span><span>Patrick Beispiel</span></p>"),
            vec![s(Kind::Paragraph, "Paddy Patrick Beispiel", "p", None, &[])]
        );
        // Within a word, and where the page writes the space itself, nothing is added.
        assert_eq!(
            blocks("<body><p>Bundes<em>tag</em> und <b>Bundesrat</b>, <span class='d'>D</span>ie Stadt.</p>"),
            vec![s(Kind::Paragraph, "Bundestag und Bundesrat, Die Stadt.", "p", None, &[])]
        );
    }

    /// Text and link density of each block.
    fn densities(source: &str) -> Vec<(String, f32)> {
        doc(source).blocks.iter().map(|b| (b.text.clone(), b.link_density())).collect()
    }

    #[test]
    fn a_line_break_at_the_end_of_a_source_line_parts_no_paragraphs() {
        assert_eq!(
            blocks("<body><p>Ausstellung im Rathaus<br />\nAnna Beispiel, Jan Muster<br />\nGroßer Saal</p>"),
            vec![s(Kind::Paragraph, "Ausstellung im Rathaus Anna Beispiel, Jan Muster Großer Saal", "p", None, &[])]
        );
        // Two line breaks do, with or without white space between them.
        assert_eq!(
            blocks("<body><div>Erster Absatz.<br><br>Zweiter Absatz.<br />\n<br />\nDritter Absatz.</div>"),
            vec![
                s(Kind::Text, "Erster Absatz.", "div", None, &[]),
                s(Kind::Text, "Zweiter Absatz.", "div", None, &[]),
                s(Kind::Text, "Dritter Absatz.", "div", None, &[]),
            ]
        );
    }

    #[test]
    fn a_link_keeps_its_text_when_the_source_indents_its_end_tags() {
        // A teaser item whose link wraps a picture's box: the title after the box is the link's,
        // however the source breaks its lines before `</a>` and `</li>`.
        let item = "<body><ul><li>\n<a href='/weitere.html'>\n<div class='bild'><img src='/t.jpg'></div>\n\
                    <span>Hafen bekommt neue Fähre</span> <span>|</span> <strong>mehr</strong>\n</a>\n</li></ul>";
        assert_eq!(densities(item), vec![("Hafen bekommt neue Fähre | mehr".to_string(), 1.0)]);
        // A card of divs, indented with blank lines around the title.
        let card = "<body><div class='karte'><a href='/andere.html'>\n\n<div><img src='/k.jpg'></div>\n\n\
                    <span>Deichbau beginnt im Mai</span>\n\n</a></div>";
        assert_eq!(densities(card), vec![("Deichbau beginnt im Mai".to_string(), 1.0)]);
    }

    #[test]
    fn paragraphs_parted_by_line_breaks_keep_their_own_links() {
        let d = doc("<body><div><a href='/mehr.html'>Weitere Meldungen aus dem Hafen</a><br><br>\
                     Die Fähre legt um acht Uhr ab, sagte eine Sprecherin der <a href='/r'>Reederei</a>.</div>");
        let got: Vec<_> = d.blocks.iter().map(|b| (b.text.as_str(), b.link_chars, b.links.len())).collect();
        assert_eq!(
            got,
            vec![
                ("Weitere Meldungen aus dem Hafen", 27, 1),
                ("Die Fähre legt um acht Uhr ab, sagte eine Sprecherin der Reederei.", 8, 1),
            ]
        );
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
    fn noscript_attributes_are_read_as_the_regex_groups_say() {
        let tags = [
            r#"<img src="/a.jpg" alt='Ein "Bild"' width=300 data-x = "y">"#,
            "<img src = \"\" title='' class=a\u{a0}b data-src=\u{2003}x.jpg>",
            "<img a=\"unclosed b='c' d=e\" f='g\"h' 9z=1 x:y-z_w=v>",
        ];
        for tag in tags {
            let by_groups: Vec<(String, String)> = NOSCRIPT_ATTR
                .captures_iter(tag)
                .map(|c| {
                    let v = c.get(2).or_else(|| c.get(3)).or_else(|| c.get(4)).unwrap();
                    (c[1].to_string(), v.as_str().to_string())
                })
                .collect();
            let by_hand: Vec<(String, String)> = NOSCRIPT_ATTR
                .find_iter(tag)
                .map(|m| attr_parts(m.as_str()).map(|(n, v)| (n.to_string(), v.to_string())).unwrap())
                .collect();
            assert!(!by_groups.is_empty());
            assert_eq!(by_hand, by_groups, "{tag}");
        }
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
