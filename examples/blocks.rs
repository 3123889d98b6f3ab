//! Prints a saved page's reading-order blocks and the frame the extraction finds in them: the
//! first look when a record comes out wrong. `cargo run --example blocks -- PAGE`.
//!
//! Each line: the block's index, marks (`H` headline, `[` header zone start, `B` first body
//! block, `]` last body block, `x` in a boilerplate container), kind, element and class words,
//! `<time datetime>`, and the text cut to one line.

use newsparse::document::{self, Kind};
use newsparse::extract::{frame, meta};
use newsparse::{Deadline, Limits, input};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: blocks PAGE")?;
    let bytes = std::fs::read(&path)?;
    let limits = Limits::default();
    let input = input::read(&bytes, &limits)?;
    let doc = document::build(&input, &limits, &Deadline::none())?;
    let frame = frame::locate(&doc, &meta::read(&doc.meta)).ok();
    let mut out = std::io::stdout().lock();
    for (i, b) in doc.blocks.iter().enumerate() {
        let mut marks = String::new();
        if let Some(f) = &frame {
            marks.push(if f.headline_at == Some(i) { 'H' } else { ' ' });
            marks.push(if f.header_start == i { '[' } else { ' ' });
            marks.push(if f.first_body == i { 'B' } else { ' ' });
            marks.push(if f.last_body == i { ']' } else { ' ' });
            marks.push(if f.is_boiler(b) { 'x' } else { ' ' });
        }
        let kind = match b.kind {
            Kind::Heading(n) => format!("h{n}"),
            k => format!("{k:?}").to_lowercase(),
        };
        let node = &doc.nodes[b.node];
        let time = b.datetime.as_deref().map(|t| format!(" <{t}>")).unwrap_or_default();
        let text: String = b.text.chars().take(140).collect();
        // A closed pipe (`| head`) ends the listing.
        if writeln!(out, "{i:4} {marks} {kind:9} {}.{}{time} | {text}", node.tag, node.hint.replace(' ', ".")).is_err()
        {
            break;
        }
    }
    Ok(())
}
