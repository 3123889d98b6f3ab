//! Where the article's text is on a page of unknown template: containers are scored by the
//! paragraphs they hold (length, commas, link density), as Readability does, with class/id
//! hints as a weight; the best container and its strong siblings form the body.

use crate::document::{Block, Document, Kind};
use regex::Regex;
use std::sync::LazyLock;

/// Words that name a boilerplate container when they stand as a part of a class or id
/// (`share-bar`, `related_articles`, `site-footer`). BEM modifiers (`--hidden`, `--ads`) say
/// how a block looks, not what it is, so they are not read.
const NEGATIVE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anzeige",
    "author",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "carousel",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "disqus",
    "empfehlung",
    "empfehlungen",
    "footer",
    "gallery",
    "gdpr",
    "kommentar",
    "kommentare",
    "login",
    "masthead",
    "meistgelesen",
    "menu",
    "modal",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "paywall",
    "popup",
    "print",
    "promo",
    "rating",
    "recommend",
    "recommendations",
    "related",
    "share",
    "shariff",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "slider",
    "social",
    "socials",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "tags",
    "toolbar",
    "werbung",
];

pub fn is_boilerplate_hint(hint: &str) -> bool {
    hint.split_whitespace().any(|token| {
        let block = token.split("--").next().unwrap_or(token);
        block.split(['-', '_', ':']).any(|w| NEGATIVE_WORDS.binary_search(&w).is_ok())
    })
}

/// Class/id fragments of article containers.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s_-])(?:article|articlebody|article-?body|article-?text|content|entry|entry-?content|main|post|post-?content|story|story-?body|text|body|artikel|beitrag|inhalt|blog|page-?content|richtext|rte|copy)(?:$|[\s_-])",
    )
    .unwrap()
});

/// Tags whose content is never article text, wherever it sits.
fn is_boilerplate_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "figure" | "form" | "menu")
}

fn content_score(b: &Block) -> f32 {
    let n = b.chars();
    let prose =
        matches!(b.kind, Kind::Paragraph | Kind::Text | Kind::ListItem | Kind::Quote | Kind::Preformatted | Kind::Cell);
    if !prose || n < 25 || b.link_density() > 0.5 {
        return 0.0;
    }
    let commas = b.text.matches([',', '，']).count() as f32;
    (1.0 + commas + (n as f32 / 100.0).min(3.0)) * (1.0 - b.link_density())
}

/// The selected body: indices of blocks in order, and per node whether it is boilerplate (a
/// nav, a share bar, …), judged from the body's roots downward so that a page-wide wrapper with
/// an unlucky class name does not condemn the article inside it.
pub struct Body {
    pub blocks: Vec<usize>,
    pub boiler: Vec<bool>,
}

pub fn select(doc: &Document) -> Body {
    let n = doc.nodes.len();
    if n == 0 {
        return Body { blocks: Vec::new(), boiler: Vec::new() };
    }
    let mut score = vec![0f32; n];
    let mut chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    // Characters of prose blocks outside boilerplate containers.
    let mut good = vec![0usize; n];
    // The same, boilerplate containers included.
    let mut prose = vec![0usize; n];
    for b in &doc.blocks {
        let solid = b.text.chars().filter(|c| !c.is_whitespace()).count();
        chars[b.node] += solid;
        link_chars[b.node] += b.link_chars;
        let s = content_score(b);
        if s == 0.0 {
            continue;
        }
        good[b.node] += solid;
        prose[b.node] += solid;
        // Loose text scores its own container; a <p> or <li> scores its parent.
        let start = if b.kind == Kind::Text { Some(b.node) } else { doc.nodes[b.node].parent };
        for (level, a) in std::iter::successors(start, |&a| doc.nodes[a].parent).take(5).enumerate() {
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
        }
    }
    let own_boiler_of: Vec<bool> =
        doc.nodes.iter().map(|nd| is_boilerplate_tag(&nd.tag) || is_boilerplate_hint(&nd.hint)).collect();
    let positive: Vec<bool> = doc.nodes.iter().map(|nd| POSITIVE.is_match(&nd.hint)).collect();
    let own_boiler = |i: usize| own_boiler_of[i];
    // Nodes come in document order, children after parents: one backward pass sums subtrees.
    for i in (0..n).rev() {
        if let Some(p) = doc.nodes[i].parent {
            chars[p] += chars[i];
            link_chars[p] += link_chars[i];
            prose[p] += prose[i];
            if !own_boiler(i) {
                good[p] += good[i];
            }
        }
    }
    let weight = |i: usize| -> f32 {
        let node = &doc.nodes[i];
        let mut w = match node.tag.as_str() {
            "article" | "main" => 10.0,
            "div" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "ol" | "ul" | "li" | "form" | "dl" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        if own_boiler(i) {
            w -= 25.0;
        }
        if positive[i] {
            w += 25.0;
        }
        w
    };
    let final_score = |i: usize| -> f32 {
        if score[i] == 0.0 {
            return f32::MIN;
        }
        let ld = if chars[i] == 0 { 0.0 } else { link_chars[i] as f32 / chars[i] as f32 };
        (score[i] + weight(i)) * (1.0 - ld)
    };
    let scores: Vec<f32> = (0..n).map(final_score).collect();
    let top = (0..n).max_by(|&a, &b| scores[a].total_cmp(&scores[b])).unwrap_or(0);
    if scores[top] == f32::MIN {
        let mut boiler = vec![false; n];
        for i in 0..n {
            boiler[i] = own_boiler(i) || doc.nodes[i].parent.is_some_and(|p| boiler[p]);
        }
        return Body { blocks: Vec::new(), boiler };
    }
    // Articles split into one container per section: climb while what the parent adds is
    // mostly prose.
    let mut top = top;
    while let Some(p) = doc.nodes[top].parent {
        if matches!(doc.nodes[p].tag.as_str(), "body" | "html") || own_boiler(p) {
            break;
        }
        let extra_good = good[p].saturating_sub(good[top]);
        let extra_all = chars[p].saturating_sub(chars[top]);
        if extra_good * 2 < extra_all || (extra_good == 0 && extra_all > 0) {
            break;
        }
        top = p;
    }
    let top_score = scores[top];
    // Siblings that score well enough belong to the article too (split bodies, ads between).
    let parent = doc.nodes[top].parent;
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots = vec![top];
    if let Some(p) = parent {
        for i in 0..n {
            if i != top && doc.nodes[i].parent == Some(p) && scores[i] >= threshold && !own_boiler(i) {
                roots.push(i);
            }
        }
    }
    // The body's roots and their ancestors hold the article, so they are never boilerplate
    // themselves; parents precede children, so one forward pass propagates both flags.
    let mut holds_body = vec![false; n];
    for &r in &roots {
        for a in doc.ancestors(r) {
            holds_body[a] = true;
        }
    }
    let mut inside = vec![false; n];
    let mut boiler = vec![false; n];
    // Inside the body a boilerplate-sounding wrapper that holds much of its prose is not one.
    let body_prose = roots.iter().map(|&r| prose[r]).sum::<usize>();
    for i in 0..n {
        let parent = doc.nodes[i].parent;
        let is_root = holds_body[i];
        inside[i] = roots.contains(&i) || parent.is_some_and(|p| inside[p]);
        let own = own_boiler(i) && !(inside[i] && prose[i] * 3 >= body_prose && body_prose > 0);
        boiler[i] = !is_root && (own || parent.is_some_and(|p| boiler[p]));
    }
    let blocks = (0..doc.blocks.len()).filter(|&i| inside[doc.blocks[i].node]).collect();
    Body { blocks, boiler }
}
