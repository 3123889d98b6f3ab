//! Copied text: every non-empty line is a block (browsers put a paragraph on one line).

use super::{Block, Document, Kind, Node};
use crate::text::clean_text;

pub fn build(source: &str) -> Document {
    let mut doc = Document {
        nodes: vec![Node { tag: "body".into(), hint: String::new(), parent: None, depth: 0 }],
        ..Document::default()
    };
    for line in source.lines() {
        let text = clean_text(line);
        if text.is_empty() {
            continue;
        }
        doc.blocks.push(Block::new(Kind::Text, text, 0));
    }
    doc
}
