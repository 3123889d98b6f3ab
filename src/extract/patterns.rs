//! What one line of text is: an Ortsmarke, a kicker of places, a byline, a credit line, a
//! teaser tail, editor initials, a promotional line, a related-list heading, an end marker or
//! furniture. The wordings these tests read live in [`super::words`].
//!
//! Every function takes one white-space-folded, trimmed NFC string and never panics: all
//! slicing uses byte offsets that come from regex matches or `char_indices`.

use std::sync::LazyLock;

use regex::Regex;

use super::{gazetteer, words};
use crate::record::Dateline;

/// The full agency parenthesis content: one agency, optionally followed by further agencies
/// or dpa regional service codes (`dpa/lno`, `dpa/sn`, `dpa/AFP`, `dpa, AFP`).
static AGENCY_FULL: LazyLock<String> =
    LazyLock::new(|| format!(r"{a}(?:\s*[/,]\s*(?:{a}|[a-z]{{2,4}}))*", a = *words::AGENCY));

static ORTSMARKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"^(?:[(\[][^()\[\]]{{1,200}}[)\]]\s*)?",
            r"(?P<dl>(?P<places>[^()\[\]]{{1,80}}?(?:\s?\((?P<qual>[^()]{{2,25}})\))?)",
            r"\s*\((?P<agency>{})\))",
            r"\s*[-–—‒‑:]"
        ),
        *AGENCY_FULL
    ))
    .expect("ortsmarke regex")
});

/// Letters of an abbreviation closed by a dot inside a place name (`Opf.`).
const ABBREV_MAX_LETTERS: usize = 4;
/// Words of one place name at most (`Frankfurt am Main`).
const PLACE_MAX_WORDS: usize = 5;
/// Characters of an Ortsmarke's place list at most.
const PLACES_MAX_CHARS: usize = 60;
/// Characters of a kicker read as a list of places at most.
const KICKER_PLACES_MAX_CHARS: usize = 120;
/// Words of a person's name: at least ...
const NAME_MIN_WORDS: usize = 2;
/// ... at most, particles included ...
const NAME_MAX_WORDS: usize = 6;
/// ... and capitalised ones at most.
const NAME_MAX_CAPITALISED: usize = 4;
/// A byline is shorter than this many characters.
const BYLINE_MAX_CHARS: usize = 120;
/// A source credit line is shorter than this many characters.
const CREDIT_MAX_CHARS: usize = 100;
/// A promotional line has at most this many characters (and four times as many bytes).
const PROMO_MAX_CHARS: usize = 400;
/// Words of a short wording that is furniture where short lines are (a button, a label).
const FURNITURE_MAX_WORDS: usize = 5;
/// Words of a line with a year that is a copyright footer, not a sentence.
const FOOTER_MAX_WORDS: usize = 4;
/// Words of a line ending in a colon that is a label.
const LABEL_MAX_WORDS: usize = 8;
/// Characters of a caption-labelled line that is furniture.
const CAPTION_MAX_CHARS: usize = 300;

/// Characters a paragraph must keep once editor initials are cut off.
const KEPT_MIN_CHARS: usize = 2;
/// Tags in a line that make it markup shown as text (one could be a quoted `<br>`).
const MARKUP_TAGS: usize = 2;
/// Characters a caption standing as a line of the text has at most: a sentence and a credit.
const CAPTION_LINE_MAX_CHARS: usize = 200;
/// Characters an author's bio has at most: two or three sentences.
const BIO_MAX_CHARS: usize = 600;
/// Separators between places: a slash or a comma, with optional spaces.
static PLACE_SEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*[/,]\s*").expect("place separator regex"));

static LOWER_ABBREV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{1,2}\.(?:[a-zA-Z]{1,2}\.)*$").expect("abbrev regex"));

/// One segment of a place list, as a byte range into the original string.
fn place_segments(s: &str) -> Vec<(usize, usize)> {
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut pending_slash = false;
    let push = |segs: &mut Vec<(usize, usize)>, a: usize, b: usize, slash_before: bool| {
        let piece = &s[a..b];
        if slash_before
            && gazetteer::is_compound_suffix(piece)
            && let Some(last) = segs.last_mut()
        {
            last.1 = b;
        } else {
            segs.push((a, b));
        }
    };
    for m in PLACE_SEP.find_iter(s) {
        push(&mut segs, start, m.start(), pending_slash);
        pending_slash = m.as_str().contains('/');
        start = m.end();
    }
    push(&mut segs, start, s.len(), pending_slash);
    segs
}

/// Does one token of a place name look like part of a place name?
fn place_token_ok(tok: &str, first: bool) -> bool {
    if !first && (words::PLACE_PARTICLES.contains(&tok) || LOWER_ABBREV.is_match(tok)) {
        return true;
    }
    let mut chars = tok.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    if !tok.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’' | '/')) {
        return false;
    }
    // A dot only ends a short abbreviation (`St.`, `Opf.`, `D.C.`), never a sentence.
    let mut run = 0;
    for c in tok.chars() {
        if c.is_alphabetic() {
            run += 1;
        } else if c == '.' {
            if run == 0 || run > ABBREV_MAX_LETTERS {
                return false;
            }
            run = 0;
        } else {
            run = 0;
        }
    }
    true
}

fn plausible_place(p: &str) -> bool {
    let toks: Vec<&str> = p.split_whitespace().collect();
    if toks.is_empty() || toks.len() > PLACE_MAX_WORDS {
        return false;
    }
    toks.iter().enumerate().all(|(i, t)| {
        if i > 0
            && i == toks.len() - 1
            && let Some(inner) = t.strip_prefix('(').and_then(|t| t.strip_suffix(')'))
        {
            return gazetteer::is_compound_suffix(inner);
        }
        place_token_ok(t, i == 0)
    })
}

/// More than the longest Ortsmarke the pattern can match (200 + 80 + 25 characters of up to
/// four bytes, the agency and the dash).
const ORTSMARKE_MAX_BYTES: usize = 1600;

/// The first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A dpa-style Ortsmarke at the start of a paragraph: `Berlin/Frankfurt (dpa) - …`.
///
/// A leading correction note in parentheses or brackets (`(Neu: Details) Hamburg (dpa) - …`)
/// is skipped. `text` is the places plus the agency parenthesis exactly as written.
pub fn ortsmarke(paragraph: &str) -> Option<Dateline> {
    // The pattern is anchored and bounded (a note, places, agency: a few hundred characters),
    // so the paragraph's head is all it can match; the rest would only cost search time.
    let caps = ORTSMARKE.captures(head(paragraph, ORTSMARKE_MAX_BYTES))?;
    let places_m = caps.name("places")?;
    let places_str = places_m.as_str().trim();
    if places_str.is_empty() || places_str.chars().count() > PLACES_MAX_CHARS {
        return None;
    }
    if let Some(q) = caps.name("qual")
        && !gazetteer::is_compound_suffix(q.as_str())
    {
        return None;
    }
    if places_str.chars().any(|c| c.is_ascii_digit() || "!?;:\"„“”»«".contains(c)) {
        return None;
    }
    let places: Vec<String> =
        place_segments(places_str).into_iter().map(|(a, b)| places_str[a..b].trim().to_string()).collect();
    if places.iter().any(|p| !plausible_place(p)) {
        return None;
    }
    Some(Dateline {
        text: caps.name("dl")?.as_str().trim().to_string(),
        places,
        agency: Some(caps.name("agency")?.as_str().to_string()),
    })
}

/// A house-style dateline: a place, then ` · `, ` - ` or ` – `, or a full stop, then a new
/// sentence (`Neuss · Was kann …`, `Gundremmingen - Die beiden …`, `Berlin. Die Feuerwehr …`).
static HOUSE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<places>[^.·–()\[\]:;,!?"„“”»«]{2,60}?)(?P<sep>\s+[·\-–]\s+|\.\s+)["„“»]?\p{Lu}"#)
        .expect("house dateline regex")
});

/// A dateline in a German paper's own style at the start of a paragraph, with no agency:
/// `Neuss · …` and `Gundremmingen - …` for any plausible place name, `Berlin. …` (a place, a
/// full stop, a new sentence) only for a place in the gazetteer. A place opening with a word
/// that opens sentences (`Die Polizei - …`) is none.
pub fn house_dateline(paragraph: &str) -> Option<Dateline> {
    let (places_str, full_stop) = house_dateline_parts(paragraph)?;
    let places: Vec<String> =
        place_segments(places_str).into_iter().map(|(a, b)| places_str[a..b].trim().to_string()).collect();
    let known = |p: &String| gazetteer::is_place(p);
    if places.iter().any(|p| !plausible_place(p)) || (full_stop && !places.iter().all(known)) {
        return None;
    }
    Some(Dateline { text: places_str.to_string(), places, agency: None })
}

/// The place part of a house-style dateline and whether it ends in a full stop.
fn house_dateline_parts(paragraph: &str) -> Option<(&str, bool)> {
    let caps = HOUSE_DATELINE.captures(head(paragraph, ORTSMARKE_MAX_BYTES))?;
    let places = caps.name("places")?.as_str().trim();
    let first = places.split_whitespace().next()?;
    if words::SENTENCE_OPENERS.binary_search(&first.to_lowercase().as_str()).is_ok()
        || places.chars().count() > PLACES_MAX_CHARS
        || places.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((places, caps.name("sep")?.as_str().trim() == "."))
}

/// Bytes of the dateline opening a paragraph, with its separator (an Ortsmarke's dash, a
/// house style's `·`, `-` or full stop), so that the text after it can be compared.
pub fn dateline_len(paragraph: &str) -> Option<usize> {
    if ortsmarke(paragraph).is_some() {
        return ORTSMARKE.find(head(paragraph, ORTSMARKE_MAX_BYTES)).map(|m| m.end());
    }
    house_dateline(paragraph)?;
    let caps = HOUSE_DATELINE.captures(head(paragraph, ORTSMARKE_MAX_BYTES))?;
    caps.name("sep").map(|m| m.end())
}

static UND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+und\s+").expect("und regex"));

/// A kicker (Dachzeile) that lists only known places: `Ukraine, Russland`.
///
/// Items are separated by `,`, `/` and ` und `; slash compounds (`Frankfurt/Main`) and
/// names containing `und` (`Bosnien und Herzegowina`) stay whole. Every item must be in the
/// gazetteer, otherwise `None`. `text` is the kicker verbatim, `agency` is `None`.
pub fn kicker_dateline(kicker: &str) -> Option<Dateline> {
    let kicker = kicker.trim();
    if kicker.is_empty() || kicker.chars().count() > KICKER_PLACES_MAX_CHARS {
        return None;
    }
    let mut places = Vec::new();
    for (a, b) in place_segments(kicker) {
        let item = kicker[a..b].trim();
        if item.is_empty() {
            return None;
        }
        if gazetteer::is_place(item) {
            places.push(item.to_string());
            continue;
        }
        for part in UND.split(item) {
            let part = part.trim();
            if !gazetteer::is_place(part) {
                return None;
            }
            places.push(part.to_string());
        }
    }
    if places.is_empty() {
        return None;
    }
    Some(Dateline { text: kicker.to_string(), places, agency: None })
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    // `Von`, and the same word of other languages' bylines, as [`is_byline_word`] takes them.
    let opening: Vec<String> = words::BYLINE_WORDS
        .iter()
        .flat_map(|w| {
            let lower = matches!(*w, "Von" | "By").then(|| w.to_lowercase());
            [w.to_string(), w.to_uppercase()].into_iter().chain(lower)
        })
        .collect();
    Regex::new(&format!(
        concat!(
            r"^(?:(?:Eine?\s+[A-ZÄÖÜ][a-zäöüß-]+\s+(?:von|VON)|{opening})\s+",
            r"|(?:Autor|Autorin|Autoren|Autorinnen|Text)\s*:\s*)(?P<rest>\S.*)$"
        ),
        opening = opening.join("|")
    ))
    .expect("byline regex")
});

/// The word that opens a byline ([`words::BYLINE_WORDS`]), capitalised or in capitals; `von`
/// and `by` also in lower case.
pub fn is_byline_word(w: &str) -> bool {
    words::BYLINE_WORDS.iter().any(|b| {
        w == *b || w.eq_ignore_ascii_case(b) && (w.chars().all(|c| c.is_ascii_uppercase()) || matches!(w, "von" | "by"))
    })
}

static BYLINE_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\((?P<inner>[^()]*)\)$").expect("byline paren regex"));

/// The separators of [`BYLINE_SEGMENT`] with their spaces, searched for first.
const BYLINE_SEGMENT_CHARS: [&str; 6] = [" | ", " · ", " • ", " – ", " — ", " - "];

/// The separator between a byline's names and the agency or date beside them.
static BYLINE_SEGMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+[|·•–—-]\s+").expect("byline segment regex"));

static BYLINE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[,;]\s*|\s+(?:und|sowie|&|and|et|och|og)\s+").expect("byline split regex"));

static ROLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:unserem|unserer|unseren)\s+)?",
        r"(?:(?:dpa|AFP|epd|KNA)-)?",
        r"(?:Korrespondent(?:in|en)?|Redakteur(?:in|en)?|Reporter(?:in)?|Mitarbeiter(?:in)?)\s+"
    ))
    .expect("role prefix regex")
});

/// A byline item without a button after the name (`Anna Beispiel Folgen`) and without the
/// outlet named after `for` (`Anna Beispiel for Beispiel.com`).
fn strip_byline_extras(item: &str) -> &str {
    let mut item = item;
    if let Some((name, last)) = item.rsplit_once(' ')
        && words::BYLINE_BUTTONS.contains(&last)
    {
        item = name.trim_end();
    }
    // The first `for` after a name's words cuts the outlet off.
    let cut = item.match_indices(' ').map(|(at, _)| at).find(|&at| {
        let next = item[at + 1..].split(' ').next().unwrap_or("");
        words::BYLINE_FOR.contains(&next) && item[..at].split_whitespace().count() >= NAME_MIN_WORDS
    });
    cut.map_or(item, |at| item[..at].trim_end())
}

/// Organisations and agencies: never authors.
fn is_org(item: &str) -> bool {
    let l = item.to_lowercase();
    words::AGENCY_ONLY.is_match(item) || words::BYLINE_ORG_PARTS.iter().any(|o| l.contains(o))
}

fn name_token_ok(tok: &str) -> bool {
    let mut chars = tok.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    tok.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
}

fn looks_like_name(item: &str) -> bool {
    let toks: Vec<&str> = item.split_whitespace().collect();
    if toks.len() < NAME_MIN_WORDS || toks.len() > NAME_MAX_WORDS {
        return false;
    }
    let (first, last) = (toks[0], toks[toks.len() - 1]);
    // An article or pronoun opens a sentence, never a name (`Die Gesellschaft`).
    if !name_token_ok(first) || !name_token_ok(last) || words::SENTENCE_OPENERS.contains(&first.to_lowercase().as_str())
    {
        return false;
    }
    let mut capitalised = 0;
    for t in &toks {
        if name_token_ok(t) {
            capitalised += 1;
        } else if !words::NAME_PARTICLES.contains(t) || *t == "und" {
            return false;
        }
    }
    (NAME_MIN_WORDS..=NAME_MAX_CAPITALISED).contains(&capitalised)
}

/// A byline whose names are followed by segments of their own that name only the agency or
/// the date (`Anna Beispiel | dpa`, `By Anna Beispiel - AP - Friday, May 1, 2026`): its
/// persons, if it names any. Names without a byline word need an agency beside them.
fn segmented_byline(line: &str) -> Option<Vec<String>> {
    // The separators are searched for plainly first: this runs for every line.
    if !BYLINE_SEGMENT_CHARS.iter().any(|sep| line.contains(sep)) {
        return None;
    }
    let mut segments = BYLINE_SEGMENT.split(line);
    // At least one segment after the names (else `byline` would ask about the same line).
    let names = segments.next().filter(|n| n.len() < line.len())?;
    let mut agency = false;
    let tails_only = segments.all(|seg| {
        let seg = seg.trim();
        let is_agency = words::AGENCY_ONLY.is_match(seg);
        agency |= is_agency;
        is_agency || is_org(seg) || crate::time::parse_printed(seg).is_some()
    });
    if !tails_only {
        return None;
    }
    byline(names)
        .or_else(|| agency.then(|| byline(&format!("Von {}", names.trim()))).flatten())
        .filter(|p| !p.is_empty())
}

/// A byline: `Von Anna Beispiel und Jan Muster, dpa` gives `["Anna Beispiel", "Jan Muster"]`.
///
/// Agencies, editorial desks and media organisations are dropped; a byline that names none
/// but an agency (`Von dpa`) gives `Some(vec![])`. Places after the names (`…, Berlin`) are
/// dropped too. `None` for anything that does not read as a byline.
pub fn byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() >= BYLINE_MAX_CHARS {
        return None;
    }
    if let Some(persons) = segmented_byline(line) {
        return Some(persons);
    }
    let caps = BYLINE.captures(line)?;
    let mut rest = caps.name("rest")?.as_str().trim();
    if let Some(p) = BYLINE_PAREN.captures(rest) {
        let inner = p.name("inner")?.as_str().trim();
        if !(inner.is_empty() || is_org(inner) || gazetteer::is_place(inner)) {
            return None;
        }
        rest = rest[..p.get(0)?.start()].trim_end();
    }
    let mut authors = Vec::new();
    let mut seen_any = false;
    for item in BYLINE_SPLIT.split(rest) {
        let mut item = item.trim();
        if item.is_empty() {
            continue;
        }
        seen_any = true;
        item = strip_byline_extras(item);
        if let Some(m) = ROLE_PREFIX.find(item) {
            item = item[m.end()..].trim();
        }
        if is_org(item) || gazetteer::is_place(item) {
            continue;
        }
        if !looks_like_name(item) {
            return None;
        }
        authors.push(item.to_string());
    }
    if !seen_any {
        return None;
    }
    Some(authors)
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?P<at>@\s)|(?:©|\([cC]\)|(?i:copyright))(?:\s*©)?\s*:?|(?P<source>(?i:quellen?))\s*:)",
        r"\s*(?P<v>\S.*)$"
    ))
    .expect("credit regex")
});

static DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$").expect("domain regex"));

/// The source credit line alone, without its decoration: `@ dpa.de` gives `dpa.de`,
/// `© dpa-infocom, dpa:260108-99-012345/2` gives everything after `©`, `Quelle: dpa` gives
/// `dpa`. Photo credits (`© Foto: …`, `© picture alliance/dpa`) are not source credits.
pub fn credit(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() >= CREDIT_MAX_CHARS {
        return None;
    }
    if let Some(v) = agency_credit(line) {
        return Some(v);
    }
    let caps = CREDIT.captures(line)?;
    let v = caps.name("v")?.as_str().trim();
    if v.is_empty() || words::PHOTO_CREDIT_VALUE.is_match(v) || not_the_texts(v, caps.name("source").is_none()) {
        return None;
    }
    if caps.name("at").is_some() && !DOMAIN.is_match(v) {
        return None;
    }
    if !v.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(v.to_string())
}

/// An agency marker standing alone: `(FR mit dpa)`, `(dpa)`, `jos/dpa`, `Mit Material von dpa
/// und AFP`.
static AGENCY_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"^(?:\((?P<paren>[^()]{{0,40}}{w}[^()]{{0,20}})\)",
            r"|(?P<initials>[a-zäöü]{{2,5}}(?:/[a-zäöü]{{2,5}})*/{a}(?:/[\w-]+)*)",
            r"|(?i:mit material (?:von|der))\s+(?P<material>[^()]{{0,40}}{w}[^()]{{0,40}}?))\.?$"
        ),
        a = *words::AGENCY,
        w = *words::AGENCY_WORD
    ))
    .expect("agency marker regex")
});

/// Separators between the parts of a credit (`Agentur / Name`, `Name | Agentur`, `A - B`).
static CREDIT_PARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[/|,–—:]\s*|\s+-\s+").expect("credit parts regex"));

/// The credit an agency marker gives: the parenthesis' content, the initials line as written,
/// the agencies after `Mit Material von`.
fn agency_credit(line: &str) -> Option<String> {
    let caps = AGENCY_MARKER.captures(line)?;
    let v = caps.name("paren").or(caps.name("initials")).or(caps.name("material"))?.as_str().trim();
    // A bracketed picture credit (`(Foto: Pool via Reuters)`) is the picture's; a bracketed
    // source line (`(Quelle: APA/dpa)`) is read as that line.
    if words::PHOTO_CREDIT_VALUE.is_match(v) || words::PHOTO_LABEL.is_match(v) {
        return None;
    }
    if CREDIT.is_match(v) {
        return credit(v);
    }
    Some(v.to_string())
}

/// A credit value that belongs to a picture or to the site rather than to the text: a stock
/// or picture source, a copyright footer, a fragment of a bracketed caption credit
/// (`HandyGames)`), or, after `©`, a photographer (`Axel Heimken/dpa`, `Bundesregierung/Steffen
/// Kugler`): a text's author is a byline, never a copyright.
fn not_the_texts(v: &str, copyright: bool) -> bool {
    words::STOCK_SOURCE.is_match(v)
        || words::COPYRIGHT_FOOTER.is_match(v)
        || v.matches(')').count() > v.matches('(').count()
        || (copyright && CREDIT_PARTS.split(v).any(|s| looks_like_name(s) && !is_org(s) && !gazetteer::is_place(s)))
}

static EDITOR_INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?P<punct>[.!?"»«“”’)])\s?/[A-Za-z]{1,4}(?:/[A-Za-z]{1,4}){0,3}$"#).expect("editor initials regex")
});

/// dpa-AFX editor initials at a paragraph's end (`…gekippt./mrd/DP/tos`): the paragraph
/// without them, or `None` when there is nothing to strip.
pub fn strip_editor_initials(paragraph: &str) -> Option<String> {
    let paragraph = paragraph.trim();
    let caps = EDITOR_INITIALS.captures(paragraph)?;
    let punct = caps.name("punct")?;
    let before = &paragraph[..punct.start()];
    // The punctuation must close a word, number or quotation, not code (`#!/bin/sh`) or a
    // path (`../x`).
    match before.chars().next_back() {
        Some(c) if c.is_alphanumeric() || ".!?\"»«“”’)%".contains(c) => {}
        _ => return None,
    }
    if before.ends_with("..") && !before.ends_with("...") {
        return None;
    }
    // Photo credits (`Foto: Max Jr./STF`) and URLs keep their slashes.
    if words::PHOTO_LABEL.is_match(paragraph) {
        return None;
    }
    // Not a URL: `http://host/dir./x`, `www.example.de./x`.
    let tail_token = paragraph.rsplit(char::is_whitespace).next().unwrap_or("");
    if tail_token.contains("://") || tail_token.starts_with("www.") || tail_token.starts_with('.') {
        return None;
    }
    let kept = paragraph[..punct.end()].trim_end();
    if kept.chars().count() < KEPT_MIN_CHARS {
        return None;
    }
    Some(kept.to_string())
}

/// Words of a photo credit without a label, standing alone or after a caption's last sentence,
/// at most.
const PHOTO_CREDIT_MAX_WORDS: usize = 6;

/// A photo credit without a label (`Max Muster/dpa`, `IMAGO/Anna Muster`, `Getty Images`): a
/// few words opening with a capital, no sentence's end, naming a news or picture agency or a
/// stock source, and either parted like a credit (`/`, `|`, `via`) or that name alone. A
/// labelled credit (`Quelle: dpa`, `© dpa`) is read as such elsewhere; a text's credit signed
/// with the editor's initials (`ab/dpa`) opens in lower case: neither is one.
pub fn is_photo_credit(text: &str) -> bool {
    let t = text.trim().trim_end_matches(')').trim_end();
    let words = t.split_whitespace().count();
    let parted = t.contains(['/', '|']) || t.contains(" via ");
    t.chars().next().is_some_and(char::is_uppercase)
        && (1..=PHOTO_CREDIT_MAX_WORDS).contains(&words)
        && !t.ends_with(['.', '!', '?', ','])
        && !t.contains([':', '©', '@'])
        && (parted || words <= 2)
        && (words::names_credit_agency(t) || words::PICTURE_AGENCY.is_match(t) || words::STOCK_SOURCE.is_match(t))
}

/// A caption closing on a photo credit without a label after its last sentence (`Ein Kran im
/// Hafen. Max Muster/dpa`; `… im Hafen.Max Muster/dpa`, where the copy glued the credit's
/// element to the caption's): where the credit begins.
pub fn photo_credit_tail(text: &str) -> Option<usize> {
    let t = text.trim_end();
    t.char_indices()
        .rev()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && t[i + 1..].chars().next().is_some_and(|n| n == ' ' || n.is_uppercase())
                && t[..i].split_whitespace().count() >= 2
        })
        .map(|(i, _)| i + 1)
        .find(|&at| is_photo_credit(&t[at..]))
}

/// Cookie and consent banners read like prose; their wording gives them away.
pub fn is_consent_text(text: &str) -> bool {
    // Cheap test first: this runs for every block of every page.
    if !text.contains("ookie") && !text.contains("OOKIE") {
        return false;
    }
    let l = text.to_lowercase();
    l.contains("cookie") && words::CONSENT_WORDS.iter().any(|w| l.contains(w))
}

/// An author's bio (`… schreibt seit 2008 für …`): end matter where it closes the text.
pub fn is_author_bio(line: &str) -> bool {
    line.chars().count() <= BIO_MAX_CHARS && words::AUTHOR_BIO.is_match(line)
}

/// A link to another article closed by a separator and a read-more or media word (`Feuerwehr
/// protestiert am Landtag | mehr`, `Rente mit 60? | audio`), with words before the separator.
fn link_tail(line: &str) -> bool {
    let Some(at) = line.rfind(words::LINK_TAIL_SEPARATORS) else { return false };
    let (before, after) = (line[..at].trim_end(), &line[at..]);
    let tail = after[after.chars().next().map_or(0, char::len_utf8)..].trim();
    before.len() < at && !before.is_empty() && words::LINK_TAIL_WORDS.iter().any(|w| tail.eq_ignore_ascii_case(w))
}

/// Lines that are not article paragraphs: read-more links, photo credits and captions,
/// share/newsletter prompts, ad labels. Conservative: a sentence that merely mentions
/// `Foto` stays. Related-teaser headings (see [`super::teasers::is_related_heading`]) are not promos.
pub fn is_promo(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty()
        || line.len() > 4 * PROMO_MAX_CHARS
        || line.chars().count() > PROMO_MAX_CHARS
        || super::teasers::is_related_heading(line)
    {
        return false;
    }
    // The credit regex is not anchored at the start; its words rule out most lines faster.
    link_tail(line)
        || words::PROMO.is_match(line)
        || words::END_MATTER.is_match(line)
        || (words::NEWSLETTER_PROMPT_PARTS.iter().any(|p| line.contains(p)) && words::NEWSLETTER_PROMPT.is_match(line))
        || (line.chars().count() <= CAPTION_LINE_MAX_CHARS
            && words::CAPTION_LINE_HINTS.iter().any(|w| line.contains(w))
            && words::CAPTION_LINE.is_match(line))
        || (words::TRAILING_PHOTO_HINTS.iter().any(|w| line.contains(w)) && words::TRAILING_PHOTO_CREDIT.is_match(line))
}

/// A line that ends the article text (a related list's heading, or one of [`words::END_MARKERS`]).
pub fn is_article_end(line: &str) -> bool {
    let t = line.trim();
    let l = t.strip_suffix(':').unwrap_or(t).trim_end().to_lowercase();
    super::teasers::is_related_heading(line) || words::END_MARKERS.contains(&l.as_str())
}

/// Page furniture that reads like text but is none: labels (`Kontakt:`), buttons and menu
/// words (`Quellen ausblenden`, `Zurück zur Startseite`), image credits (`Titelbild: …`),
/// copyright footers, and markup shown as text. Short wordings count only where
/// `short_is_furniture` (a list item may well be three words).
pub fn is_furniture(line: &str, short_is_furniture: bool) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)").unwrap());
    static MARKUP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>").unwrap());
    let t = line.trim();
    let words = crate::text::word_count_at_most(t, FURNITURE_MAX_WORDS.max(FOOTER_MAX_WORDS).max(LABEL_MAX_WORDS));
    let closed = t.chars().last().is_some_and(crate::text::is_closing_punct);
    let last = t.chars().last().unwrap_or(' ');
    (short_is_furniture && words <= FURNITURE_MAX_WORDS && !closed && !t.chars().any(|c| c.is_ascii_digit()))
        || (words <= FOOTER_MAX_WORDS && !closed && YEAR.is_match(t))
        || (words <= LABEL_MAX_WORDS && last == ':')
        || (t.chars().count() <= CAPTION_MAX_CHARS && words::CAPTION_LABEL.is_match(t))
        || t.starts_with('©')
        || MARKUP.find_iter(t).take(MARKUP_TAGS).count() >= MARKUP_TAGS
        || is_button_row(t)
}

/// A row of share and action buttons copied as one line (`Teilen Posten Senden Mailen Merken`,
/// `Share on Facebook Share on X Email`): two or more words, each one of
/// [`words::SHARE_ACTIONS`] or, after the first, a connector (`on`, `auf`, `per`, `via`).
pub fn is_button_row(line: &str) -> bool {
    if line.len() > BUTTON_ROW_MAX_BYTES {
        return false;
    }
    // The words compare without case in ASCII: a button's capital is an ASCII letter.
    let listed = |list: &[&str], w: &str| list.iter().any(|a| a.eq_ignore_ascii_case(w));
    let mut n = 0;
    line.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',')).filter(|w| !w.is_empty()).all(|w| {
        n += 1;
        listed(words::SHARE_ACTIONS, w) || n > 1 && listed(words::SHARE_CONNECTORS, w)
    }) && n >= 2
}

/// Bytes of a row of share buttons at most.
const BUTTON_ROW_MAX_BYTES: usize = 120;

/// Characters of a media player's line (`00:00 / 03:15`, `Aktuelle Zeit:0:00Gesamtdauer:0:00`).
const PLAYER_MAX_CHARS: usize = 60;
/// Words of its own a media player's line has at most, besides its clock times.
const PLAYER_MAX_WORDS: usize = 4;

/// Words of a line that holds a date with its time of day among other head furniture (a
/// byline, a section, a comment count), at most.
const DATED_LINE_MAX_WORDS: usize = 14;

/// A line that dates the text among other furniture and is no sentence: a date with its time
/// of day besides a byline, a section or a comment count (`Kolumne von Anna Beispiel –
/// 28.04.2026 um 08:52 Uhr – 12 Kommentare`, `erstellt: 01. April 2026, 15:25 in: Politik`).
pub fn is_dated_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 4 * PLAYER_MAX_CHARS
        && t.bytes().any(|b| b.is_ascii_digit())
        // A cheap test for a time of day before the date's.
        && crate::time::may_hold_clock(t)
        && !t.ends_with(['.', '!', '?'])
        && t.split_whitespace().count() <= DATED_LINE_MAX_WORDS
        && crate::time::parse_printed(t).is_some_and(|s| s.has_time)
}

/// A line of the header zone that is furniture, never a paragraph or the lead: a reading time,
/// a relative time, a media player's clock (two clock times and a few labels), or a dated
/// line ([`is_dated_line`]).
pub fn is_header_furniture(line: &str) -> bool {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}").unwrap());
    let t = line.trim();
    if t.len() > 4 * PLAYER_MAX_CHARS {
        return false;
    }
    let player = || {
        t.chars().count() <= PLAYER_MAX_CHARS
            && CLOCK.find_iter(t).count() >= 2
            && CLOCK.replace_all(t, " ").split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count()
                <= PLAYER_MAX_WORDS
    };
    words::READING_OR_RELATIVE_TIME.is_match(t) || player() || is_dated_line(t)
}

/// Characters of a line of a numeric date or clock time with its labels, at most ...
const NUMERIC_DATE_LINE_MAX_CHARS: usize = 60;
/// ... and words besides them.
const NUMERIC_DATE_LINE_MAX_WORDS: usize = 3;

/// A short line that gives a date in digits, or a clock time with a label, and no sentence
/// (`Published on 14/04/2026 - 09:30`, `Publicerad 08:12`, `14.04.2026`), in any language:
/// the header's date line, whether or not the date is read. A clock time alone (`61:47`) may
/// be a result.
pub fn is_numeric_date_line(line: &str) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?-u:\b)")
            .expect("date regex")
    });
    static CLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)\d{1,2}:\d{2}(?-u:\b)").expect("clock regex"));
    if line.chars().count() > NUMERIC_DATE_LINE_MAX_CHARS || line.ends_with(['.', '!', '?']) {
        return false;
    }
    let words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    words <= NUMERIC_DATE_LINE_MAX_WORDS && (DATE.is_match(line) || (words > 0 && CLOCK.is_match(line)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::teasers::{is_related_heading, teaser_tail};

    #[test]
    fn numeric_date_lines() {
        for l in [
            "Published on 14/04/2026 - 09:30",
            "Publicerad 08:12",
            "14.04.2026",
            "Veröffentlicht 2026-04-14, 09:30",
            "Uppdaterad 11:05 | Publicerad 08:12",
        ] {
            assert!(is_numeric_date_line(l), "{l}");
        }
        for l in [
            // A result, a sentence, a price, a line with words of its own.
            "61:47",
            "Am 14.04.2026 legte die Fähre zum ersten Mal ab.",
            "Bäder: 4.00",
            "Die Fähre legt am 14.04.2026 um 09:30 Uhr in Husum ab",
        ] {
            assert!(!is_numeric_date_line(l), "{l}");
        }
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "Kontakt:",
            "Quellen ausblenden",
            "Zurück zur Startseite",
            "Titelbild: Anna Muster/dpa",
            "© 2026 Beispiel Verlag. Alle Rechte vorbehalten.",
            "<div class=\"x\"><h3>Abo</h3>",
        ] {
            assert!(is_furniture(l, true), "{l}");
        }
        for l in [
            "Der Bund will mehr Geld ausgeben.",
            "Die Polizei ermittelt wegen des Verdachts auf Brandstiftung",
            "Am 3. Mai 2026 um 14 Uhr",
        ] {
            assert!(!is_furniture(l, true), "{l}");
        }
    }

    #[test]
    fn end_matter_and_caption_lines_are_no_paragraphs() {
        for l in [
            "Lesezeit: 3 min",
            "Noch 10 Gratis-Artikel diesen Monat",
            "Bitte registrieren Sie sich, um zu kommentieren.",
            "Dieser Artikel erschien zuerst im Wochenblatt.",
            "This article first appeared on Beispiel News.",
            "*Das Blatt ist Teil des Nordmedien-Netzwerks",
            "Ein Hund im Schnee. (Symbolfoto)",
            "Der Hafen am Abend. Foto: Anna Muster",
            "Rep. Max Muster. | Erika Beispiel/Getty Images",
            "Die Nachrichten des Tages, jeden Morgen direkt in Ihr Postfach. Kostenlos und jederzeit abbestellbar.",
            "The day's news in one email. Unsubscribe at any time.",
        ] {
            assert!(is_promo(l), "{l}");
        }
        for l in [
            "Die Lesezeit der Kinder hat sich verdoppelt, sagte die Ministerin.",
            "Das Foto zeigt den Hafen am Abend.",
            "Noch nie kamen so viele Besucher wie in diesem Jahr.",
        ] {
            assert!(!is_promo(l), "{l}");
        }
        assert!(is_author_bio("Anna Muster schreibt seit 2008 für das Blatt."));
        assert!(is_author_bio("Jan Beispiel kam 2001 zur Zeitung."));
        assert!(is_author_bio("Eva Probe berichtet seit 2014 als Korrespondentin aus Brüssel."));
        assert!(!is_author_bio("Die Polizei berichtet seit Montag über die Lage."));
        assert!(!is_author_bio("Der Verein wurde 2008 gegründet."));
    }

    #[test]
    fn short_list_items_are_not_furniture() {
        assert!(!is_furniture("Frische Kräuter", false));
        assert!(is_furniture("Kontakt:", false));
    }

    #[test]
    fn related_headings_in_any_case() {
        assert!(is_related_heading("DAS KÖNNTE SIE AUCH INTERESSIEREN:"));
    }

    #[test]
    fn article_end_markers() {
        assert!(is_article_end("Über den Autor"));
        assert!(is_article_end("Mehr zum Thema:"));
        assert!(is_article_end("Weitere Meldungen"));
        assert!(!is_article_end("Über den Autor wurde viel geschrieben."));
    }

    fn dl(text: &str, places: &[&str], agency: Option<&str>) -> Dateline {
        Dateline {
            text: text.to_string(),
            places: places.iter().map(|s| s.to_string()).collect(),
            agency: agency.map(str::to_string),
        }
    }

    #[test]
    fn ortsmarke_basic_forms() {
        assert_eq!(
            ortsmarke("Berlin/Frankfurt (dpa) - Immer mehr Leute fahren Rad."),
            Some(dl("Berlin/Frankfurt (dpa)", &["Berlin", "Frankfurt"], Some("dpa")))
        );
        assert_eq!(
            ortsmarke("Frankfurt/Main (dpa-AFX) - Der Leitindex stieg."),
            Some(dl("Frankfurt/Main (dpa-AFX)", &["Frankfurt/Main"], Some("dpa-AFX")))
        );
        assert_eq!(
            ortsmarke("Dresden (dpa/sn) - Im Zoo gibt es Nachwuchs."),
            Some(dl("Dresden (dpa/sn)", &["Dresden"], Some("dpa/sn")))
        );
        assert_eq!(
            ortsmarke("FRANKFURT (dpa-AFX) - Die Kurse fielen."),
            Some(dl("FRANKFURT (dpa-AFX)", &["FRANKFURT"], Some("dpa-AFX")))
        );
        assert_eq!(
            ortsmarke("FRANKFURT/MAIN (dpa-AFX) - Die Kurse fielen."),
            Some(dl("FRANKFURT/MAIN (dpa-AFX)", &["FRANKFURT/MAIN"], Some("dpa-AFX")))
        );
    }

    #[test]
    fn ortsmarke_agencies_and_separators() {
        for (para, agency) in [
            ("Kiel (dpa/lno) - Text folgt.", "dpa/lno"),
            ("Bonn (dpa/tmn) – Text folgt.", "dpa/tmn"),
            ("Paris (AFP) — Text folgt.", "AFP"),
            ("London (Reuters): Text folgt.", "Reuters"),
            ("Fulda (epd) -Text folgt.", "epd"),
            ("Rom (KNA)- Text folgt.", "KNA"),
            ("Essen (dts) - Text folgt.", "dts"),
            ("Washington (AP) - Text folgt.", "AP"),
            ("Wien (epdÖ) – Text folgt.", "epdÖ"),
            ("Paris (dpa, AFP) - Text folgt.", "dpa, AFP"),
            ("Brüssel (dpa/AFP) - Text folgt.", "dpa/AFP"),
        ] {
            let d = ortsmarke(para).unwrap_or_else(|| panic!("{para}"));
            assert_eq!(d.agency.as_deref(), Some(agency), "{para}");
        }
    }

    #[test]
    fn ortsmarke_compound_and_multiword_places() {
        let cases: &[(&str, &[&str])] = &[
            ("Frankfurt am Main (dpa) - x", &["Frankfurt am Main"]),
            ("Frankfurt/Oder (dpa) - x", &["Frankfurt/Oder"]),
            ("Halle/Saale (dpa) - x", &["Halle/Saale"]),
            ("Mülheim/Ruhr (dpa) - x", &["Mülheim/Ruhr"]),
            ("Freiburg/Breisgau (dpa) - x", &["Freiburg/Breisgau"]),
            ("Offenbach/Main (dpa) - x", &["Offenbach/Main"]),
            ("Neustadt/Weinstraße (dpa) - x", &["Neustadt/Weinstraße"]),
            ("Rothenburg/Tauber (dpa) - x", &["Rothenburg/Tauber"]),
            ("Weiden/Opf. (dpa) - x", &["Weiden/Opf."]),
            ("Landsberg/Lech (dpa) - x", &["Landsberg/Lech"]),
            ("Berlin/Frankfurt/Main (dpa) - x", &["Berlin", "Frankfurt/Main"]),
            ("St. Petersburg (dpa) - x", &["St. Petersburg"]),
            ("Bad Homburg (dpa) - x", &["Bad Homburg"]),
            ("Baden-Baden (dpa) - x", &["Baden-Baden"]),
            ("Halle (Saale) (dpa) - x", &["Halle (Saale)"]),
            ("Washington/Moskau (dpa) - x", &["Washington", "Moskau"]),
        ];
        for (para, places) in cases {
            let d = ortsmarke(para).unwrap_or_else(|| panic!("{para}"));
            assert_eq!(d.places, *places, "{para}");
        }
        assert_eq!(ortsmarke("Halle (Saale) (dpa) - x").unwrap().text, "Halle (Saale) (dpa)");
    }

    #[test]
    fn ortsmarke_after_correction_note() {
        assert_eq!(
            ortsmarke("(Wiederholung: Tippfehler im zweiten Absatz behoben) Berlin (dpa) - Ein Satz."),
            Some(dl("Berlin (dpa)", &["Berlin"], Some("dpa")))
        );
        assert_eq!(
            ortsmarke("(Neu: Details) Hamburg (dpa) - Ein Satz."),
            Some(dl("Hamburg (dpa)", &["Hamburg"], Some("dpa")))
        );
        assert_eq!(ortsmarke("[Aktualisiert] Köln (dpa) - Ein Satz.").map(|d| d.text), Some("Köln (dpa)".to_string()));
    }

    #[test]
    fn ortsmarke_rejects_sentences() {
        for para in [
            "",
            "Berlin",
            "Die Partei (SPD) - so heißt es - will mehr.",
            "Die Partei (SPD) (dpa) - so heißt es.",
            "Der Minister sagte am Freitag. Berlin (dpa) - x",
            "Wie die Agentur berichtet (dpa) - x",
            "Berlin (dpa) Immer mehr Leute.",
            "berlin (dpa) - kleingeschrieben",
            "Im Jahr 2025 (dpa) - x",
            "Warum? Berlin (dpa) - x",
            "(dpa) - Ohne Ort.",
            "(Neu: Details)",
            "Ein sehr langer Ortsname der eigentlich gar kein Ortsname ist Stadt Land (dpa) - x",
        ] {
            assert_eq!(ortsmarke(para), None, "{para}");
        }
    }

    #[test]
    fn ortsmarke_no_panic_on_odd_input() {
        for s in ["(", ")", "((((", "ä (dpa) -", "Ü/ (dpa) -", "/Main (dpa) -", "€ (dpa) - x", "Ä"] {
            let _ = ortsmarke(s);
            let _ = kicker_dateline(s);
            let _ = byline(s);
            let _ = credit(s);
            let _ = teaser_tail(s);
            let _ = strip_editor_initials(s);
            let _ = is_promo(s);
            let _ = is_related_heading(s);
        }
    }

    #[test]
    fn house_style_datelines() {
        assert_eq!(house_dateline("Neuss · Was kann die Stadt tun?"), Some(dl("Neuss", &["Neuss"], None)));
        assert_eq!(
            house_dateline("Gundremmingen - Die beiden Kühltürme fallen."),
            Some(dl("Gundremmingen", &["Gundremmingen"], None))
        );
        assert_eq!(house_dateline("Berlin. Die Feuerwehr kämpft."), Some(dl("Berlin", &["Berlin"], None)));
        assert_eq!(house_dateline("Bad Tölz – „Wir bleiben“, sagt er."), Some(dl("Bad Tölz", &["Bad Tölz"], None)));
        assert_eq!(dateline_len("Berlin. Die Feuerwehr kämpft."), Some("Berlin. ".len()));
        assert_eq!(dateline_len("Kiel (dpa) - Ein Satz."), Some("Kiel (dpa) -".len()));
    }

    #[test]
    fn house_style_datelines_reject_sentences() {
        for p in [
            "Die Polizei - so heißt es - ermittelt.",
            "Er - und nur er - wusste es.",
            "Gundremmingen. Die beiden Kühltürme fallen.",
            "Fazit. Die Lage bleibt ernst.",
            "Am 3. Mai - Die Sitzung.",
            "Neuss ·",
            "Berlin. das ist klein.",
            "Ein ganz normaler Satz ohne Ort.",
        ] {
            assert_eq!(house_dateline(p), None, "{p}");
        }
    }

    #[test]
    fn header_furniture_lines() {
        for l in [
            "Lesezeit: 3 Min.",
            "Lesedauer: 4 Minuten",
            "5 min read",
            "vor 3 Stunden",
            "Vor einer Stunde",
            "2 hours ago",
            "00:00 / 03:15",
            "Aktuelle Zeit:0:00Gesamtdauer:0:00",
            "Kolumne von Anna Beispiel – 28.04.2026 um 08:52 Uhr – 12 Kommentare",
            "erstellt: 01. April 2026, 15:25 in: Politik | Kommentare: 0",
        ] {
            assert!(is_header_furniture(l), "{l}");
        }
        for l in [
            "Vor 3 Stunden brach das Feuer aus, sagte die Polizei.",
            "Um 14:00 Uhr beginnt die Sitzung, um 16:30 Uhr endet sie mit einer Abstimmung über den Haushalt.",
            "Lesezeit",
            "Der Film dauert 90 Minuten.",
            "Am 28.04.2026 um 08:52 Uhr ging der Alarm ein.",
            "Kolumne von Anna Beispiel – 28. April 2026",
        ] {
            assert!(!is_header_furniture(l), "{l}");
        }
    }

    #[test]
    fn kicker_places() {
        assert_eq!(kicker_dateline("Ukraine, Russland"), Some(dl("Ukraine, Russland", &["Ukraine", "Russland"], None)));
        assert_eq!(
            kicker_dateline("Israel / Gaza").map(|d| d.places),
            Some(vec!["Israel".to_string(), "Gaza".to_string()])
        );
        assert_eq!(
            kicker_dateline("Berlin und Brandenburg").map(|d| d.places),
            Some(vec!["Berlin".to_string(), "Brandenburg".to_string()])
        );
        assert_eq!(
            kicker_dateline("Bosnien und Herzegowina").map(|d| d.places),
            Some(vec!["Bosnien und Herzegowina".to_string()])
        );
        assert_eq!(kicker_dateline("Frankfurt/Main").map(|d| d.places), Some(vec!["Frankfurt/Main".to_string()]));
        assert_eq!(kicker_dateline("NRW").map(|d| d.places), Some(vec!["NRW".to_string()]));
        assert_eq!(kicker_dateline("Nahost").map(|d| d.places), Some(vec!["Nahost".to_string()]));
    }

    #[test]
    fn kicker_rejects_non_places() {
        for k in [
            "",
            "Fußball, Bundesliga",
            "Ukraine-Krieg",
            "EU",
            "Russland, Sanktionen",
            "Ukraine,",
            "Berlin und Umgebung",
            "Konflikte",
        ] {
            assert_eq!(kicker_dateline(k), None, "{k}");
        }
    }

    fn names(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn byline_names() {
        assert_eq!(byline("Von Anna Beispiel und Jan Muster, dpa"), names(&["Anna Beispiel", "Jan Muster"]));
        assert_eq!(byline("Von Anna Beispiel, dpa"), names(&["Anna Beispiel"]));
        assert_eq!(
            byline("Von Anna Beispiel, Jan Muster und Eva Probe (dpa)"),
            names(&["Anna Beispiel", "Jan Muster", "Eva Probe"])
        );
        assert_eq!(byline("Von Marie-Luise Köhler-Schmidt, dpa/lno"), names(&["Marie-Luise Köhler-Schmidt"]));
        assert_eq!(byline("Von Ursula von der Leyen"), names(&["Ursula von der Leyen"]));
        assert_eq!(byline("Autor: Jan Muster"), names(&["Jan Muster"]));
        assert_eq!(byline("Autorin: Eva Probe, Redaktion"), names(&["Eva Probe"]));
        assert_eq!(byline("Autor: Die Redaktion"), Some(vec![]));
        assert_eq!(byline("Text: Jan Muster"), names(&["Jan Muster"]));
        assert_eq!(byline("Von dpa-Korrespondentin Anna Beispiel, Berlin"), names(&["Anna Beispiel"]));
        assert_eq!(byline("Von Jan Muster, Beispiel Zeitung"), names(&["Jan Muster"]));
        assert_eq!(byline("Von Jan Muster, beispiel-online.de"), names(&["Jan Muster"]));
        assert_eq!(byline("Ein Kommentar von Anna Beispiel"), names(&["Anna Beispiel"]));
        assert_eq!(byline("Eine Analyse von Jan Muster und Eva Probe"), names(&["Jan Muster", "Eva Probe"]));
        assert_eq!(byline("Anna Beispiel | dpa"), names(&["Anna Beispiel"]));
        assert_eq!(byline("Anna Beispiel und Jan Muster | dpa"), names(&["Anna Beispiel", "Jan Muster"]));
        // The agency and the date in segments of their own.
        assert_eq!(byline("By Anna Example - AP - Friday, May 1, 2026"), names(&["Anna Example"]));
        assert_eq!(byline("Anna Beispiel · dpa · 01.05.2026"), names(&["Anna Beispiel"]));
        assert_eq!(byline("Von Anna Beispiel | 01.05.2026, 09:36 Uhr"), names(&["Anna Beispiel"]));
        assert_eq!(
            byline("Von Anna Beispiel, Jan Muster und Eva Probe"),
            names(&["Anna Beispiel", "Jan Muster", "Eva Probe"])
        );
    }

    #[test]
    fn bylines_in_other_languages_and_with_extras() {
        assert_eq!(byline("By Anna Example and Jan Sample"), names(&["Anna Example", "Jan Sample"]));
        assert_eq!(byline("BY ANNA EXAMPLE"), names(&["ANNA EXAMPLE"]));
        assert_eq!(byline("Par Anna Exemple et Jean Modèle"), names(&["Anna Exemple", "Jean Modèle"]));
        assert_eq!(byline("Por Ana Ejemplo"), names(&["Ana Ejemplo"]));
        assert_eq!(byline("Door Anna Voorbeeld"), names(&["Anna Voorbeeld"]));
        assert_eq!(byline("Av Anna Exempel och Jan Prov"), names(&["Anna Exempel", "Jan Prov"]));
        assert_eq!(byline("Af Anna Eksempel og Jan Prøve"), names(&["Anna Eksempel", "Jan Prøve"]));
        // The outlet after `for`, and a button after the name, are no part of it.
        assert_eq!(byline("By Anna Example For Example.com"), names(&["Anna Example"]));
        assert_eq!(byline("Von Anna Beispiel für die Beispiel Zeitung"), names(&["Anna Beispiel"]));
        assert_eq!(byline("By Anna Example Follow"), names(&["Anna Example"]));
        assert_eq!(byline("Von Anna Beispiel Folgen"), names(&["Anna Beispiel"]));
        for l in ["By 2030, the city wants more bike lanes.", "By the river", "Door to door", "Por favor"] {
            assert_eq!(byline(l), None, "{l}");
        }
    }

    #[test]
    fn a_row_of_share_buttons_is_furniture() {
        for l in [
            "Teilen Posten Senden Mailen Merken",
            "Share | Facebook | X | Email",
            "Link kopieren",
            "Share on Facebook Share on X Email",
        ] {
            assert!(is_button_row(l) && is_furniture(l, false), "{l}");
        }
        for l in ["Teilen", "Facebook und Instagram", "Senden Sie uns Ihre Fragen", "On Facebook"] {
            assert!(!is_button_row(l), "{l}");
        }
    }

    #[test]
    fn byline_agency_only() {
        assert_eq!(byline("Von dpa"), Some(vec![]));
        assert_eq!(byline("Von dpa-AFX"), Some(vec![]));
        assert_eq!(byline("Von AFP und Reuters"), Some(vec![]));
    }

    #[test]
    fn byline_rejects_sentences() {
        for l in [
            "Von den 300 Beschäftigten wurden 40 entlassen.",
            "Von Berlin nach Paris fährt ein Zug.",
            "Von Montag an gilt die neue Regel.",
            "Von",
            "Anna Beispiel",
            "Von Anna",
            "Von Anna Beispiel (SPD)",
            "Autor: unbekannt",
            "Ein Zug von Berlin nach Paris",
            "Eine Mehrheit von 300 Abgeordneten stimmte zu.",
            "Politik | dpa",
            "Anna Beispiel | 01.05.2026",
            "Die Gesellschaft für Allgemeinmedizin",
            "Von Anna Beispiel - Pressesprecherin der Stadt",
            "Von Anna Beispiel und Jan Muster, die seit Jahren gemeinsam über Politik, Wirtschaft und viele andere Themen schreiben",
        ] {
            assert_eq!(byline(l), None, "{l}");
        }
    }

    #[test]
    fn credit_lines() {
        assert_eq!(credit("@ dpa.de").as_deref(), Some("dpa.de"));
        assert_eq!(
            credit("© dpa-infocom, dpa:260108-99-012345/2").as_deref(),
            Some("dpa-infocom, dpa:260108-99-012345/2")
        );
        assert_eq!(credit("(c) dpa").as_deref(), Some("dpa"));
        assert_eq!(credit("Copyright dpa").as_deref(), Some("dpa"));
        assert_eq!(credit("Copyright © dpa").as_deref(), Some("dpa"));
        assert_eq!(credit("Quelle: dpa").as_deref(), Some("dpa"));
        assert_eq!(credit("Quelle: dpa-AFX").as_deref(), Some("dpa-AFX"));
        assert_eq!(credit("© dpa-AFX").as_deref(), Some("dpa-AFX"));
        assert_eq!(credit("Quelle: dpa, AFP").as_deref(), Some("dpa, AFP"));
        assert_eq!(credit("(FR mit dpa)").as_deref(), Some("FR mit dpa"));
        assert_eq!(credit("(dpa)").as_deref(), Some("dpa"));
        assert_eq!(credit("(Quelle: APA/sda/dpa)").as_deref(), Some("APA/sda/dpa"));
        assert_eq!(credit("(AZ/dpa/AFP)").as_deref(), Some("AZ/dpa/AFP"));
        assert_eq!(credit("jos/dpa").as_deref(), Some("jos/dpa"));
        assert_eq!(credit("Mit Material von dpa und AFP").as_deref(), Some("dpa und AFP"));
        assert_eq!(credit("mit Material der dpa.").as_deref(), Some("dpa"));
        assert_eq!(credit("Quelle: Beispiel-Online, mla/dpa").as_deref(), Some("Beispiel-Online, mla/dpa"));
        assert_eq!(credit("Quelle: Verbraucherzentrale Musterland").as_deref(), Some("Verbraucherzentrale Musterland"));
    }

    #[test]
    fn picture_and_footer_credits_are_not_the_texts() {
        for l in [
            "© Anna Beispiel/dpa",
            "© Beispiel Images | Jan Muster",
            "© Jan Muster/dpa | Jan Muster",
            "© Stadtverwaltung/Eva Probe",
            "© Eva Probe",
            "Copyright: Eva Probe",
            "© Unsplash",
            "Quelle: Unsplash",
            "© Shutterstock/nutzername",
            "© nutzername / stock.adobe.com",
            "(c) AP Photo",
            "© 2026 Beispiel Verlag GmbH. Alle Rechte vorbehalten.",
            "Copyright © 2023 Beispiel-TV. All Rights Reserved.",
            "© Beispielmedien | 2023 | Impressum | Datenschutz",
            "© Copyright Musterdruck und Verlag GmbH & Co. KG",
            "© 1999-2024 The Example Times",
            "© Beispielspiele)",
            "(Quelle: Beispielnetz)",
            "(Die Partei will mehr.)",
            "(SPD)",
            "(Foto: Pool via Reuters)",
            "© ARTIS - Eva Probe / Beispielbank",
        ] {
            assert_eq!(credit(l), None, "{l}");
        }
    }

    #[test]
    fn credit_rejects() {
        for l in [
            "",
            "Foto: Max Muster/dpa",
            "© Foto: Max Muster/dpa",
            "© picture alliance/dpa",
            "Quelle",
            "Die Quelle: ein Brunnen im Wald, der seit Jahren sprudelt und viele Menschen anzieht, auch im Winter.",
            "@ jemand hat geschrieben",
            "@media(min-width:992px){",
            "@classmethod",
            "© 2022",
            "Laut dpa gibt es neue Zahlen.",
        ] {
            assert_eq!(credit(l), None, "{l}");
        }
    }

    #[test]
    fn teaser_tails() {
        let t = teaser_tail(
            "Minister trifft Diplomaten Der Minister sagte etwas. (Boerse, 10.02.2026 - 18:29) weiterlesen...",
        )
        .unwrap();
        assert_eq!(t.text, "Minister trifft Diplomaten Der Minister sagte etwas.");
        assert_eq!(t.category, "Boerse");
        assert_eq!(t.time, "10.02.2026 - 18:29");
        let t = teaser_tail("Ein Titel (Sport, 09.02.2026 - 11:18) weiterlesen…").unwrap();
        assert_eq!((t.text.as_str(), t.category.as_str()), ("Ein Titel", "Sport"));
        let t = teaser_tail("Ein Titel (Politik, 09.02.2026 - 11:18)").unwrap();
        assert_eq!(t.time, "09.02.2026 - 11:18");
        let t = teaser_tail("Ein Titel (mit Klammer) und mehr (Ausland, 1.2.2026 - 7:05) mehr").unwrap();
        assert_eq!(t.text, "Ein Titel (mit Klammer) und mehr");
        assert_eq!(t.time, "1.2.2026 - 7:05");
    }

    #[test]
    fn teaser_tail_rejects() {
        for s in [
            "",
            "Ein Titel ohne Zeit",
            "Ein Titel (Sport) weiterlesen...",
            "Ein Titel (Sport, 09.02.2026 - 11:18) und danach noch Text",
            "(Sport, 09.02.2026 - 11:18) weiterlesen...",
            "Ein Titel (10.02.2026 - 18:29)",
        ] {
            assert!(teaser_tail(s).is_none(), "{s}");
        }
    }

    #[test]
    fn editor_initials() {
        assert_eq!(
            strip_editor_initials("Die Regel wurde gekippt./mrd/DP/tos").as_deref(),
            Some("Die Regel wurde gekippt.")
        );
        assert_eq!(strip_editor_initials("Das hat er gesagt. /bf/DP/zb").as_deref(), Some("Das hat er gesagt."));
        assert_eq!(strip_editor_initials("Es bleibt dabei./ck").as_deref(), Some("Es bleibt dabei."));
        assert_eq!(
            strip_editor_initials("Er sagte: \"Wir bleiben.\"/ck").as_deref(),
            Some("Er sagte: \"Wir bleiben.\"")
        );
        assert_eq!(strip_editor_initials("Wirklich?/ab/CD").as_deref(), Some("Wirklich?"));
    }

    #[test]
    fn editor_initials_untouched() {
        for p in [
            "",
            "Ein ganz normaler Satz.",
            "Mehr unter https://example.org/a.b/cd",
            "Mehr unter https://example.org/dir./ab",
            "Siehe www.example.org./ab",
            "Sie können Tee und/oder Kaffee trinken.",
            "Sie nehmen Tee und/oder",
            "Am 10.02./11.02. war es kalt.",
            "Der Pfad lautet ../docs",
            "#!/bin/sh",
            "Regex = /([^=&?/]+)/g",
            "Ein Haus. Foto: Max Jr./STF",
            "Fünf Gruppen sind zu viel./ab/cd/ef/gh/ij",
            "Zu lange Kürzel./abcde",
            "./ab",
        ] {
            assert_eq!(strip_editor_initials(p), None, "{p}");
        }
    }

    #[test]
    fn promos() {
        for l in [
            "Lesen Sie auch: Was jetzt wichtig ist",
            "Lesen Sie auch Was jetzt wichtig ist",
            "Mehr zum Thema: Neue Regeln",
            "Auch interessant: Neue Regeln",
            "Zum Artikel",
            "Weiterlesen",
            "Hier weiterlesen",
            "Foto: Max Muster/dpa",
            "Foto: dpa",
            "(Foto: Max Muster/dpa)",
            "Bild: Eva Probe",
            "Archivbild: Ein Haus am See",
            "© Foto: Max Muster",
            "Foto: picture alliance/dpa",
            "Ein Mann steht vor einem Haus. Foto: Max Muster/dpa",
            "Folgen Sie uns auf Mastodon",
            "Jetzt Newsletter abonnieren",
            "Teilen",
            "Artikel teilen",
            "Drucken",
            "Kommentare",
            "Anzeige",
            "Werbung",
        ] {
            assert!(is_promo(l), "{l}");
        }
    }

    #[test]
    fn not_promos() {
        for l in [
            "",
            "Das Foto zeigt den Minister bei der Ankunft.",
            "Auf dem Foto: ein Mann vor einem Haus, der lacht.",
            "Die Werbung für das Produkt wurde verboten.",
            "Er wollte die Anzeige bei der Polizei erstatten.",
            "Weitere Meldungen",
            "Mehr zum Thema",
            "Berlin (dpa) - Ein Fotograf wurde ausgezeichnet.",
        ] {
            assert!(!is_promo(l), "{l}");
        }
    }

    #[test]
    fn unlabelled_photo_credits() {
        for l in
            ["Max Muster/dpa", "IMAGO/Eva Probe", "Getty Images", "Anna Beispiel / AP", "Jan Muster via Getty Images)"]
        {
            assert!(is_photo_credit(l), "{l}");
        }
        for l in [
            "ab/dpa",
            "Quelle: dpa",
            "© dpa",
            "Was Reuters berichtet",
            "Berlin/Brandenburg",
            "Die Agentur dpa meldete am Abend neue Zahlen aus Berlin",
        ] {
            assert!(!is_photo_credit(l), "{l}");
        }
        assert!(photo_credit_tail("Ein Kran im Hafen. Max Muster/dpa").is_some());
        assert!(photo_credit_tail("Ein Kran im Hafen.Max Muster/dpa").is_some());
        // A full stop inside the credit (`News.de`) is no sentence's end.
        assert!(photo_credit_tail("Ein Kran im Hafen. IMAGO/Blaulicht-Beispiel.de").is_some());
        assert!(photo_credit_tail("Der Kran hebt den Container an. Dann fährt er los.").is_none());
    }

    #[test]
    fn related_headings() {
        for l in [
            "Weitere Meldungen",
            "weitere meldungen:",
            "Mehr zum Thema",
            "Weitere Nachrichten",
            "Das könnte Sie auch interessieren",
            "Schlagzeilen",
            "Auch interessant",
            "Verwandte Artikel",
            "Mehr aus dem Ressort",
            "Mehr Nachrichten",
            "Related",
            "Related articles",
            "More on this story",
            "Read more:",
        ] {
            assert!(is_related_heading(l), "{l}");
        }
        for l in [
            "",
            "Weitere Meldungen zum Krieg findet man hier",
            "Es gibt weitere Meldungen",
            "Mehr zum Thema: Neue Regeln",
        ] {
            assert!(!is_related_heading(l), "{l}");
        }
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use crate::extract::teasers::{is_related_heading, teaser_tail};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(s in "[ a-zA-ZäöüÄÖÜß()/.,:\\-–—!?\"»«„“@©0-9]{0,80}") {
            let _ = ortsmarke(&s);
            let _ = kicker_dateline(&s);
            let _ = byline(&s);
            let _ = credit(&s);
            let _ = teaser_tail(&s);
            let _ = strip_editor_initials(&s);
            let _ = is_promo(&s);
            let _ = is_related_heading(&s);
        }

        #[test]
        fn ortsmarke_text_is_a_prefix_of_the_dateline_part(
            place in "[A-ZÄÖÜ][a-zäöüß]{2,12}",
            rest in "[a-zäöü ]{0,30}",
        ) {
            let para = format!("{place} (dpa) - {rest}");
            let d = ortsmarke(&para).expect("simple Ortsmarke");
            prop_assert_eq!(d.text, format!("{place} (dpa)"));
            prop_assert_eq!(d.places, vec![place]);
        }
    }
}
