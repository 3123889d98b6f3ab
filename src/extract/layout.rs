//! The article's reading order, from headline to related list, whatever the page is made of.
//! HTML and copied text are first turned into the same sequence of [`Piece`]s; one interpreter
//! then finds lead, sections, credit and byline in it, so both give the same record.

use super::patterns;
use super::time::{self, Stamp};
use crate::record::Section;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Body text.
    Para,
    /// A subheading inside the body.
    Heading,
    /// Marked as the lead (Vorspann) by the page.
    Lead,
    /// Text around the body (header lines, boxes): read for byline, credit and dates only.
    Aside,
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub role: Role,
}

#[derive(Debug, Default)]
pub struct Parts {
    pub lead: Option<String>,
    pub sections: Vec<Section>,
    pub credit: Option<String>,
    /// Persons of the first byline; `Some(vec![])` for a byline without persons.
    pub byline: Option<Vec<String>>,
    /// A visible publication time (a date line near the top).
    pub published: Option<Stamp>,
    /// A visible `Stand:`/`Aktualisiert:` time.
    pub updated: Option<Stamp>,
}

/// Lines such as `Stand: 08.01.2026, 15:10 Uhr` name the last change, not the publication.
pub fn is_update_line(text: &str) -> bool {
    let l = text.trim_start().to_lowercase();
    [
        "stand",
        "aktualisiert",
        "zuletzt aktualisiert",
        "update",
        "updated",
        "geändert",
        "letzte aktualisierung",
        "last updated",
        "modified",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// A short line that is mostly a date: the page's date line rather than a sentence with a date.
pub fn date_line(text: &str) -> Option<Stamp> {
    if text.chars().count() > 80 {
        return None;
    }
    time::parse_german(text)
}

pub fn interpret(pieces: &[Piece]) -> Parts {
    let mut parts = Parts::default();
    let mut sections: Vec<Section> = vec![Section { heading: None, paragraphs: Vec::new() }];
    let mut pending_heading: Option<String> = None;
    for piece in pieces {
        let text = piece.text.as_str();
        if let Some(c) = patterns::credit(text) {
            parts.credit.get_or_insert(c);
            continue;
        }
        if let Some(names) = patterns::byline(text) {
            if parts.byline.is_none() {
                parts.byline = Some(names);
            }
            continue;
        }
        if patterns::is_promo(text) {
            continue;
        }
        if let Some(stamp) = date_line(text) {
            // A line that is only a date (and maybe a label) is page furniture, not text.
            let rest = text.chars().filter(|c| c.is_alphabetic()).count();
            if rest <= 30 || piece.role == Role::Aside {
                if is_update_line(text) {
                    parts.updated.get_or_insert(stamp);
                } else {
                    parts.published.get_or_insert(stamp);
                }
                continue;
            }
        }
        match piece.role {
            Role::Aside => {}
            Role::Lead => {
                if parts.lead.is_none() && sections.iter().all(|s| s.paragraphs.is_empty()) {
                    parts.lead = Some(text.to_string());
                } else {
                    push_para(&mut sections, &mut pending_heading, text);
                }
            }
            Role::Heading => {
                pending_heading = Some(text.to_string());
            }
            Role::Para => push_para(&mut sections, &mut pending_heading, text),
        }
    }
    sections.retain(|s| !s.paragraphs.is_empty());
    parts.sections = sections;
    parts
}

fn push_para(sections: &mut Vec<Section>, pending: &mut Option<String>, text: &str) {
    let text = patterns::strip_editor_initials(text).unwrap_or_else(|| text.to_string());
    if let Some(h) = pending.take() {
        sections.push(Section { heading: Some(h), paragraphs: Vec::new() });
    }
    if let Some(last) = sections.last_mut() {
        last.paragraphs.push(text);
    }
}

/// A line of copied text that reads as a subheading: short, no closing punctuation.
pub fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.chars().last().unwrap_or('.');
    (1..=14).contains(&words)
        && text.chars().count() <= 100
        && !matches!(last, '.' | '!' | '?' | ':' | ';' | ',' | '…' | '"' | '“' | '”' | '»' | '«' | ')' | '-' | '–')
        && patterns::teaser_tail(text).is_none()
}
