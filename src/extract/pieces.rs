//! The pieces: the one sequence both formats turn into, text with a role in reading order,
//! and the interpreter that reads lead, sections, credit, byline and visible dates out of it,
//! so markup and copied text give the same record. Also what a date line and a subheading
//! line look like, which both formats ask.

use super::{patterns, words};
use crate::record::Section;
use crate::time::{self, Stamp};

/// Characters a date line has at most ...
pub const DATE_LINE_MAX_CHARS: usize = 160;
/// ... and bytes (four a character), checked first as it is cheaper.
const DATE_LINE_MAX_BYTES: usize = 4 * DATE_LINE_MAX_CHARS;
/// Words of its own, besides labels and the date, a date line may have.
const DATE_LINE_OWN_WORDS: usize = 2;
/// Characters of a header line that strings byline, date and source together, at most.
const META_LINE_MAX_CHARS: usize = 200;
/// Bytes of a line of names alone at most.
const NAMES_LINE_MAX_BYTES: usize = 160;
/// Characters from which a repeated paragraph is a copy, not a refrain (`Ja.`).
const REPEAT_MIN_CHARS: usize = 40;
/// Words a subheading line of copied text has at most ...
const SUBHEADING_MAX_WORDS: usize = 14;
/// ... and characters.
const SUBHEADING_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Body text.
    Para,
    /// Body text that is an item of a list or table: may be a few words only.
    Item,
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
    /// Persons of the first byline before the body text; `Some(vec![])` for a byline without
    /// persons.
    pub byline: Option<Vec<String>>,
    /// Persons of the first byline once the body text has begun: it may be the article's (set
    /// at its end) or a teaser's inside it (`Mehr zum Thema` … `von Anna Beispiel`).
    pub late_byline: Option<Vec<String>>,
    /// Persons named in elements marked as the byline but without its wording.
    pub byline_elements: Vec<String>,
    /// Persons of the head's names alone, beside its date line (`Anna Beispiel`, then the
    /// date; `Anna Beispiel 01.05.2026`) or after a `Von` of its own (`<dt>von</dt><dd>Anna
    /// Beispiel</dd>`): a byline without its wording in the line.
    pub head_names: Option<Vec<String>>,
    /// A visible publication time (a date line near the top).
    pub published: Option<Stamp>,
    /// A visible `Stand:`/`Aktualisiert:` time.
    pub updated: Option<Stamp>,
}

/// A line that is page furniture around a date (`Veröffentlicht: 04.05.2026, 6.58 Uhr |
/// Aktualisiert: 04.05.2026, 11.20 Uhr`), not a sentence mentioning one: its publication and
/// update times. Anything with much more wording is text, unless the caller knows it is aside.
pub fn date_furniture(text: &str, aside: bool) -> Option<(Option<Stamp>, Option<Stamp>)> {
    // Every date form the tool reads has digits.
    if text.len() > DATE_LINE_MAX_BYTES
        || text.chars().count() > DATE_LINE_MAX_CHARS
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    // Besides the date itself, a date line carries labels only (`Stand:`, `am`, `Uhr`); a
    // sentence that mentions a date has words of its own.
    if !aside {
        let own_words = text
            .split(|c: char| c.is_whitespace() || c == '|' || c == '·')
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
            .filter(|w| {
                !w.is_empty()
                    && !words::DATE_LABELS.contains(&w.to_lowercase().as_str())
                    && !time::is_month_name(w)
                    && !time::is_zone_name(w)
            })
            // One word past the limit decides it: the rest are not looked at.
            .take(DATE_LINE_OWN_WORDS + 1)
            .count();
        if own_words > DATE_LINE_OWN_WORDS {
            return None;
        }
    }
    let unglued = unglue_label(text);
    let text = unglued.as_deref().unwrap_or(text);
    let lower = text.to_lowercase();
    let split = words::UPDATE_LABELS.iter().filter_map(|w| lower.find(w)).min();
    let (before, after) = match split {
        Some(at) if lower.is_char_boundary(at) && text.is_char_boundary(at) => (&text[..at], Some(&text[at..])),
        _ => (text, None),
    };
    let published = time::parse_printed(before);
    let updated = after.and_then(time::parse_printed);
    (published.is_some() || updated.is_some()).then_some((published, updated))
}

/// A date label glued to its date (`Publiziert17. Dezember 2026`: label and date are two
/// elements of the page, one run of its text), parted by a space; `None` when there is none.
fn unglue_label(text: &str) -> Option<String> {
    let digit = text.find(|c: char| c.is_ascii_digit())?;
    let letters =
        text[..digit].char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(at, c)| at + c.len_utf8());
    let label = text[letters..digit].to_lowercase();
    (!label.is_empty() && words::DATE_LABELS.contains(&label.as_str()))
        .then(|| format!("{} {}", &text[..digit], &text[digit..]))
}

pub fn interpret(pieces: &[Piece]) -> Parts {
    let mut parts = Parts::default();
    let mut sections: Vec<Section> = vec![Section { heading: None, paragraphs: Vec::new() }];
    let mut pending_heading: Option<String> = None;
    for (i, piece) in pieces.iter().enumerate() {
        let text = piece.text.as_str();
        if let Some(c) = patterns::credit(text) {
            parts.credit.get_or_insert(c);
            continue;
        }
        if let Some(names) = patterns::byline(text) {
            if parts.byline.is_none() && parts.late_byline.is_none() {
                if sections.iter().any(|s| !s.paragraphs.is_empty()) {
                    parts.late_byline = Some(names);
                } else {
                    parts.byline = Some(names);
                    // The date beside the names (`Von A · 04.11.2026, 16:20 Uhr`).
                    if let Some((p, u)) = date_furniture(text, true) {
                        parts.published = parts.published.or(p);
                        parts.updated = parts.updated.or(u);
                    }
                }
            }
            continue;
        }
        // The head's byline may be its names alone (see `Parts::head_names`).
        if parts.byline.is_none() && parts.late_byline.is_none() && sections.iter().all(|s| s.paragraphs.is_empty()) {
            if byline_label(text) {
                continue;
            }
            if parts.head_names.is_none()
                && let Some(names) = names_alone(text).filter(|_| names_set_apart(pieces, i))
            {
                parts.head_names = Some(names);
                continue;
            }
        }
        if piece.role == Role::Aside {
            read_meta_line(text, &mut parts);
        }
        if patterns::is_promo(text) {
            continue;
        }
        if let Some((published, updated)) = date_furniture(text, piece.role == Role::Aside) {
            if let Some(p) = published {
                parts.published.get_or_insert(p);
            }
            if let Some(u) = updated {
                parts.updated.get_or_insert(u);
            }
            if parts.byline.is_none() && sections.iter().all(|s| s.paragraphs.is_empty()) {
                parts.byline = byline_in_date_line(text);
                if parts.byline.is_none() && parts.head_names.is_none() {
                    parts.head_names = names_before_date(text);
                }
            }
            continue;
        }
        // Times alone with their labels (`Stand: 20:03 Uhr`) before the text are the head's.
        if sections.iter().all(|s| s.paragraphs.is_empty()) && clock_line(text) {
            continue;
        }
        match piece.role {
            Role::Aside => {}
            Role::Lead | Role::Para if patterns::is_furniture(text, true) => {}
            Role::Item if patterns::is_furniture(text, false) => {}
            Role::Lead => {
                if parts.lead.is_none() && sections.iter().all(|s| s.paragraphs.is_empty()) {
                    // Headings above the lead are the header's (a second title, an
                    // Unterzeile), not the text's subheadings.
                    pending_heading = None;
                    sections.truncate(1);
                    parts.lead = Some(text.to_string());
                } else {
                    push_para(&mut sections, &mut pending_heading, text);
                }
            }
            // A label such as `Die Karte zum Abspeichern:` heads no section.
            Role::Heading if patterns::is_furniture(text, false) => {}
            // A subheading right after another still starts its own section (`Module`, then
            // `3. Klasse`); a repeated one (an accordion's title and its heading) does not.
            Role::Heading => {
                if let Some(prev) = pending_heading.replace(text.to_string())
                    && prev != text
                {
                    sections.push(Section { heading: Some(prev), paragraphs: Vec::new() });
                }
            }
            Role::Para | Role::Item => push_para(&mut sections, &mut pending_heading, text),
        }
    }
    // An author's bio closing the text is end matter, however it was marked up.
    while let Some(last) = sections.last_mut()
        && last.paragraphs.last().is_some_and(|p| patterns::is_author_bio(p))
    {
        last.paragraphs.pop();
    }
    // Empty sections stay only where a later one has text: a heading over further headings.
    let last_text = sections.iter().rposition(|s| !s.paragraphs.is_empty());
    sections.truncate(last_text.map_or(0, |l| l + 1));
    sections.retain(|s| !s.paragraphs.is_empty() || s.heading.is_some());
    parts.sections = sections;
    parts
}

/// A header line that strings byline, date and source together (`Von A, dpa 18.08.2026,
/// 09:14 Uhr Quelle: dpa`, from inline elements side by side): its parts one by one.
fn read_meta_line(text: &str, parts: &mut Parts) {
    if text.chars().count() > META_LINE_MAX_CHARS {
        return;
    }
    if parts.byline.is_none() && text.starts_with("Von ") {
        parts.byline = byline_in_date_line(text);
    }
    if parts.credit.is_none() {
        for marker in ["Quelle:", "©", "@ "] {
            // `Rubriklistenbild: © …`, `Bild © …`: a picture's credit.
            if let Some(at) = text.find(marker).filter(|&at| at > 0)
                && !words::PHOTO_CREDIT_END.is_match(&text[..at])
                && let Some(c) = patterns::credit(&text[at..])
            {
                parts.credit = Some(c);
                break;
            }
        }
    }
}

/// The persons a date line names besides the time: a byline before it (`Von A · 22.10.2026,
/// 07:45 Uhr`, `Von A und B | Stand: …`) or after it (`Veröffentlicht am 18. Oktober 2026 von
/// A`), up to the next digit or separator.
fn byline_in_date_line(text: &str) -> Option<Vec<String>> {
    if text.chars().count() > META_LINE_MAX_CHARS {
        return None;
    }
    let at = if text.starts_with("Von ") { 0 } else { text.find(" von ")? + 1 };
    let names = &text[at + "von ".len()..];
    let end = names.find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '·' | '•')).unwrap_or(names.len());
    let names = names[..end].trim().trim_end_matches([',', '-', '–', '—']).trim_end();
    if names.is_empty() {
        return None;
    }
    patterns::byline(&format!("Von {names}"))
}

/// A byline's opening word on a line of its own (`von`, `By:`).
fn byline_label(text: &str) -> bool {
    let word = text.trim().trim_end_matches(':').trim_end();
    !word.contains(' ') && patterns::is_byline_word(word)
}

/// Persons of a line that is names alone (`Anna Beispiel`, `Anna Beispiel und Jan Muster`): no
/// byline word before them, no weekday or date label among them (month names are also first
/// names: `Jan`, `April`). In markup and copied text alike; copied text also reads such lines
/// anywhere in its head (`copied::head_names`).
fn names_alone(text: &str) -> Option<Vec<String>> {
    // Cheap tests first: this runs for every line of the head. Names have no digits, colons,
    // question or exclamation marks (a full stop they may have: `Dr.`, `Anna B. Beispiel`),
    // and open with a capital.
    if text.len() > NAMES_LINE_MAX_BYTES
        || text.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '!' | '?'))
        || !text.trim_start().starts_with(char::is_uppercase)
    {
        return None;
    }
    let first = text.split_whitespace().next()?;
    let date_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        words::DATE_LABELS.contains(&w.as_str()) || words::WEEKDAYS.contains(&w.as_str())
    };
    if patterns::is_byline_word(first)
        || text.split_whitespace().any(|w| w.starts_with(char::is_uppercase) && date_word(w))
    {
        return None;
    }
    patterns::byline(&format!("Von {text}")).filter(|p| !p.is_empty())
}

/// A line that gives times of day and their labels only (`Uppdaterad 15.59 | Publicerad
/// 14.14`, `Stand: 20:03 Uhr`): a date line whose date the reader knows from the page.
fn clock_line(text: &str) -> bool {
    // Cheap tests first: this runs for every line of the head.
    if text.len() > DATE_LINE_MAX_BYTES || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let clock = |w: &str| {
        let mut parts = w.split([':', '.']);
        let h = parts.next().unwrap_or_default();
        let m = parts.next().unwrap_or_default();
        (1..=2).contains(&h.len())
            && m.len() == 2
            && parts.next().is_none_or(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    };
    let (mut clocks, mut labels) = (0, 0);
    for w in text.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',')).filter(|w| !w.is_empty())
    {
        let w = w.trim_end_matches(':');
        if clock(w) {
            clocks += 1;
        } else if words::DATE_LABELS.contains(&w.to_lowercase().as_str()) {
            labels += 1;
        } else {
            return false;
        }
    }
    clocks > 0 && labels > 0
}

/// The `i`th piece stands after a byline word alone, or right before or after a date line (one
/// with its date, or its times alone); beside the date, an aside's line (links such as
/// `Teilen Merken Drucken`) is furniture.
fn names_set_apart(pieces: &[Piece], i: usize) -> bool {
    let date_line = |p: &Piece| date_furniture(&p.text, p.role == Role::Aside).is_some() || clock_line(&p.text);
    let prev = i.checked_sub(1).map(|j| &pieces[j]);
    prev.is_some_and(|p| byline_label(&p.text))
        || pieces[i].role != Role::Aside && (prev.is_some_and(date_line) || pieces.get(i + 1).is_some_and(date_line))
}

/// Names alone before a date line's date (`Anna Beispiel 01.05.2026 | 09:36 Uhr`).
fn names_before_date(text: &str) -> Option<Vec<String>> {
    if text.chars().count() > META_LINE_MAX_CHARS {
        return None;
    }
    let text = text.trim_start();
    let end = text.find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '·' | '•'))?;
    let mut names = text[..end].trim_end().trim_end_matches([',', '-', '–', '—']).trim_end();
    // The date's month may come first (`Anna Beispiel May 1, 2026`).
    if let Some((before, last)) = names.rsplit_once(' ')
        && time::is_month_name(last)
    {
        names = before.trim_end_matches(',');
    }
    // The rest is a date line of its own.
    date_furniture(&text[names.len()..], false)?;
    names_alone(names)
}

fn push_para(sections: &mut Vec<Section>, pending: &mut Option<String>, text: &str) {
    let text = patterns::strip_editor_initials(text).unwrap_or_else(|| text.to_string());
    // Pages repeat whole paragraphs (a mobile and a desktop copy, a pull quote): once is enough.
    if text.chars().count() >= REPEAT_MIN_CHARS && sections.iter().any(|s| s.paragraphs.contains(&text)) {
        return;
    }
    if let Some(h) = pending.take() {
        sections.push(Section { heading: Some(h), paragraphs: Vec::new() });
    }
    if let Some(last) = sections.last_mut() {
        last.paragraphs.push(text);
    }
}

/// A line of copied text that reads as a subheading: short, no closing punctuation.
pub fn heading_like(text: &str) -> bool {
    let words = crate::text::word_count(text);
    let last = text.chars().last().unwrap_or('.');
    (1..=SUBHEADING_MAX_WORDS).contains(&words)
        && text.chars().count() <= SUBHEADING_MAX_CHARS
        && !crate::text::is_closing_punct(last)
        && !matches!(last, ':' | ';' | ',' | '-' | '–' | '、')
        && super::teasers::teaser_tail(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, role: Role) -> Piece {
        Piece { text: text.to_string(), role }
    }

    fn outline(parts: &Parts) -> Vec<(Option<&str>, usize)> {
        parts.sections.iter().map(|s| (s.heading.as_deref(), s.paragraphs.len())).collect()
    }

    #[test]
    fn a_subheading_over_a_subheading_keeps_its_empty_section() {
        let parts = interpret(&[
            p("Der Lehrplan gliedert sich in mehrere Module, die aufeinander aufbauen.", Role::Para),
            p("Module", Role::Heading),
            p("3. Klasse", Role::Heading),
            p("Im dritten Jahr stehen Fahrwerk und Elektrik im Mittelpunkt.", Role::Para),
        ]);
        assert_eq!(outline(&parts), [(None, 1), (Some("Module"), 0), (Some("3. Klasse"), 1)]);
    }

    #[test]
    fn headings_above_the_lead_are_the_headers() {
        let parts = interpret(&[
            p("Was die neue Verbindung bringen soll", Role::Heading),
            p("Zwischen zwei Inseln pendelt von Mai an eine Fähre.", Role::Lead),
            p("Die Fähre bietet Platz für sechzig Fahrgäste.", Role::Para),
            p("Kritik vom Naturschutz", Role::Heading),
            p("Naturschützer fürchten um die Brutgebiete.", Role::Para),
        ]);
        assert_eq!(parts.lead.as_deref(), Some("Zwischen zwei Inseln pendelt von Mai an eine Fähre."));
        assert_eq!(outline(&parts), [(None, 1), (Some("Kritik vom Naturschutz"), 1)]);
    }

    #[test]
    fn a_date_line_names_its_author_before_or_after_the_time() {
        let names = |line: &str| super::byline_in_date_line(line).unwrap_or_default();
        assert_eq!(names("Von Greta Vollmers · 22.10.2026, 07:45 Uhr"), ["Greta Vollmers"]);
        assert_eq!(names("Von Ada Kern und Ole Brandt | Stand: 03.11.2026, 18:02 Uhr"), ["Ada Kern", "Ole Brandt"]);
        assert_eq!(names("Veröffentlicht am 18. Oktober 2026 von Hanne Ostermeyer"), ["Hanne Ostermeyer"]);
        assert!(names("Stand: 12.03.2026 von 10 bis 12 Uhr").is_empty());
        assert!(names("22.10.2026, 07:45 Uhr").is_empty());
    }

    #[test]
    fn a_line_of_times_alone_is_no_paragraph() {
        let text = "Zwischen zwei Inseln pendelt von Mai an eine kleine Elektrofähre.";
        for clock in ["Stand: 20:03 Uhr", "Uppdaterad 15.59 | Publicerad 14.14"] {
            let parts = interpret(&[p(clock, Role::Para), p(text, Role::Para)]);
            let paragraphs: Vec<&str> =
                parts.sections.iter().flat_map(|s| s.paragraphs.iter().map(String::as_str)).collect();
            assert_eq!(paragraphs, [text], "{clock}");
        }
        // A sentence with a time of day stays text.
        let parts = interpret(&[p("Seit 20:03 Uhr ist die Strecke gesperrt.", Role::Para)]);
        assert_eq!(parts.sections[0].paragraphs.len(), 1);
    }

    #[test]
    fn a_line_of_times_and_their_labels_is_a_clock_line() {
        for line in [
            "Uppdaterad 15.59 | Publicerad 14.14",
            "Stand: 20:03 Uhr",
            "Aktualisiert um 9:05:12 Uhr",
            "Published 14:14",
        ] {
            assert!(super::clock_line(line), "{line}");
        }
        for line in ["Polisen ber om tips", "Seit 20:03 Uhr gesperrt", "14:14", "Stand: heute", "Anna Beispiel 14:14"] {
            assert!(!super::clock_line(line), "{line}");
        }
    }

    #[test]
    fn names_alone_beside_the_date_line_or_after_a_byline_word_are_the_head_names() {
        let head = |lines: &[(&str, Role)]| {
            let mut pieces: Vec<Piece> = lines.iter().map(|(t, r)| p(t, *r)).collect();
            pieces.push(p("Zwischen zwei Inseln pendelt von Mai an eine kleine Elektrofähre.", Role::Para));
            let parts = interpret(&pieces);
            (parts.head_names.unwrap_or_default(), parts.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>())
        };
        let names = vec!["Anna Beispiel".to_string(), "Jan Muster".to_string()];
        for lines in [
            vec![("Anna Beispiel und Jan Muster", Role::Para), ("01.05.2026, 09:36 Uhr", Role::Aside)],
            vec![("Anna Beispiel und Jan Muster", Role::Para), ("Aktualisiert: 09:36 Uhr", Role::Para)],
            vec![("Veröffentlicht am 1. Mai 2026", Role::Para), ("Anna Beispiel, Jan Muster", Role::Item)],
            vec![("von", Role::Item), ("Anna Beispiel und Jan Muster", Role::Aside)],
            vec![("Anna Beispiel und Jan Muster 01.05.2026 | 09:36 Uhr", Role::Aside)],
            vec![("Anna Beispiel und Jan Muster May 1, 2026", Role::Aside)],
        ] {
            assert_eq!(head(&lines), (names.clone(), 1), "{lines:?}");
        }
        // Not set apart, after the text has begun, links beside the date, weekdays and labels.
        for lines in [
            vec![("Anna Beispiel und Jan Muster", Role::Para)],
            vec![("Teilen Merken Drucken", Role::Aside), ("01.05.2026", Role::Para)],
            vec![("Updated Friday", Role::Para), ("01.05.2026", Role::Para)],
            vec![("Posted May 1, 2026 09:36", Role::Aside)],
        ] {
            assert_eq!(head(&lines).0, Vec::<String>::new(), "{lines:?}");
        }
        let late = interpret(&[
            p("Zwischen zwei Inseln pendelt von Mai an eine kleine Elektrofähre.", Role::Para),
            p("Anna Beispiel", Role::Para),
            p("01.05.2026", Role::Para),
        ]);
        assert_eq!(late.head_names, None);
    }

    #[test]
    fn a_repeated_subheading_opens_one_section_and_trailing_ones_none() {
        let parts = interpret(&[
            p("Zutaten", Role::Heading),
            p("Zutaten", Role::Heading),
            p("250 g Weizenmehl", Role::Item),
            p("Zubereitung", Role::Heading),
            p("Weitere Rezepte", Role::Heading),
        ]);
        assert_eq!(outline(&parts), [(Some("Zutaten"), 1)]);
    }

    #[test]
    fn date_lines_of_other_languages_and_zones_are_read() {
        let at = |line: &str| date_furniture(line, false).and_then(|(p, _)| p).map(|s| s.rfc3339());
        assert_eq!(at("Publicerad 23 okt 2026 kl 10.23").as_deref(), Some("2026-10-23T10:23:00+02:00"));
        assert_eq!(at("17:41 JST, October 13, 2026").as_deref(), Some("2026-10-13T10:41:00+02:00"));
        assert_eq!(at("Friday, 20 Nov 2026 4:55 PM MYT").as_deref(), Some("2026-11-20T09:55:00+01:00"));
        assert_eq!(at("3 de mayo de 2026 a las 10:00").as_deref(), Some("2026-05-03T10:00:00+02:00"));
        assert_eq!(at("Published on 30/04/2026 - 16:38 GMT+1").as_deref(), Some("2026-04-30T17:38:00+02:00"));
        // A sentence that mentions a date has words of its own.
        assert_eq!(at("The council said on October 13, 2026 that the new ferry would run daily"), None);
        assert_eq!(at("Le conseil municipal a voté le 22/11/2026 à 18h00 pour le projet"), None);
    }

    #[test]
    fn a_label_glued_to_its_date_is_read() {
        let (published, _) = date_furniture("Publiziert17. Dezember 2026, 12:17", false).expect("date line");
        assert_eq!(published.map(|s| s.rfc3339()).as_deref(), Some("2026-12-17T12:17:00+01:00"));
        assert_eq!(unglue_label("Aktualisiert·3.05.2026"), None);
        assert_eq!(unglue_label("v2.10.15"), None);
    }
}
