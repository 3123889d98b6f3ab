//! Copied text (no markup): the same passes as for a page of markup, read off the lines. Each
//! line is typed by what it says ([`kind`]); the article is the longest run of running text
//! ([`article_run`]), its head the headline-like line above the date, byline and caption lines
//! that open that run. Menus, consent text, sidebars and footers around it are passed over. The
//! body runs to the last paragraph of the run; a related list's heading after it opens the
//! teasers. The pieces go through the same interpreter as markup's.

use super::frame::KICKER_MAX_CHARS;
use super::pieces::{self, Piece, Role};
use super::{Article, meta, patterns, teasers, words};
use crate::document::Document;
use crate::text;
use crate::{Error, Result};
use regex::Regex;
use std::sync::LazyLock;

/// Words a headline line has at least ...
const HEADLINE_MIN_WORDS: usize = 2;
/// Words of a headline preferred over shorter lines (buttons, names) nearer the text.
const HEADLINE_FULL_WORDS: usize = 4;
/// ... and at most.
const HEADLINE_MAX_WORDS: usize = 40;
/// Characters a headline line has at most.
const HEADLINE_MAX_CHARS: usize = 300;
/// Words from which a line that closes on sentence punctuation is running text.
const PROSE_MIN_WORDS: usize = 10;
/// Words from which a line is running text even without closing punctuation (a paragraph
/// whose last full stop the page forgot).
const PROSE_UNCLOSED_WORDS: usize = 30;
/// Share of capitalised words from which an unclosed line is a menu, not text: 4 in 5.
const MENU_CAPITALISED_SHARE: usize = 4;
const MENU_CAPITALISED_DIVISOR: usize = 5;
/// Lines of no known kind (share buttons, menu words, subheadings) the run of running text
/// passes over between two paragraphs; a longer stretch ends it.
const RUN_GAP_LINES: usize = 8;
/// Paragraphs of a run at most that an article's head below them cuts off.
const HEAD_OPENS_AFTER_PARAGRAPHS: usize = 2;
/// Paragraphs of a run from which an end marker ends it.
const END_MARKER_MIN_PARAGRAPHS: usize = 3;
/// Lines at the run's top searched for the date or byline that closes the head (a lead may
/// stand above it).
const HEAD_INSIDE_REACH: usize = 3;
/// Lines just above the run searched for a date or byline that closes the head (a caption and
/// a gallery or share button may stand between).
const HEAD_CLOSE_ABOVE: usize = 4;
/// Lines above the run searched for the article's head.
const HEAD_REACH: usize = 14;
/// Words of a line with a digit that is a label, not a headline (`Lesezeit: 3 Min.`, `1/12`).
const LABEL_WITH_DIGIT_MAX_WORDS: usize = 5;
/// Words of a short line between paragraphs that is a button or menu word, not a subheading.
const MENU_MAX_WORDS: usize = 3;
/// Words a subheading has at least (a lone word before text is a button: `Drucken`).
const SUBHEADING_MIN_WORDS: usize = 2;
/// Characters of a line signed `Von …` or `By …` at most.
const SIGNED_MAX_CHARS: usize = 120;
/// Words of the credit after a caption's `©` at most.
const CAPTION_CREDIT_MAX_WORDS: usize = 10;
/// Lines after the last paragraph searched for the text's credit and the author box.
const TAIL_REACH: usize = 4;
/// Lines of one teaser card in a copy at most (headline, summary, tail).
const TEASER_CARD_LINES: usize = 3;
/// Words of an untailed related item at least (fewer is a menu word after the list).
const RELATED_ITEM_MIN_WORDS: usize = 3;
/// Words of a headline that closes on `?` or `!` at most: such a line reads as running text.
const PROSE_HEADLINE_MAX_WORDS: usize = 20;
/// Words of a line of names only (`Anna Beispiel Jan Muster`, authors without `Von`) at most.
const NAMES_MAX_WORDS: usize = 12;

/// What a line of copied text is, by what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A date line (`03.05.2024, 16:24 Uhr`, `Stand: …`).
    Date,
    /// A byline (`Von Anna Beispiel`).
    Byline,
    /// The text's credit (`@ dpa.de`, `Quelle: dpa`).
    Credit,
    /// A caption with its photo credit, or a promotion (`Lesen Sie auch: …`).
    Aside,
    /// A related list's heading: the article text has ended.
    End,
    /// Running text: a sentence of several words.
    Prose,
    /// Anything else: headlines, subheadings, menu words, labels.
    Other,
}

/// The kind of one line.
pub fn kind(line: &str) -> Kind {
    if teasers::is_related_heading(line) {
        Kind::End
    } else if patterns::credit(line).is_some() {
        Kind::Credit
    } else if patterns::byline(line).is_some() || signed(line) {
        Kind::Byline
    } else if pieces::date_furniture(line, false).is_some_and(|(p, u)| p.is_some() || u.is_some())
        || patterns::is_dated_line(line)
    {
        Kind::Date
    } else if patterns::is_promo(line) || is_caption(line) || photo_credit_line(line) {
        Kind::Aside
    } else if is_prose(line) && !patterns::is_consent_text(line) {
        Kind::Prose
    } else {
        Kind::Other
    }
}

/// A line that signs the text though [`patterns::byline`] cannot name its persons
/// (`Von Anna Beispiel, Redakteurin für Finanzen`, `By Ana Example / Staff Writer`): a byline's
/// opening word ([`patterns::is_byline_word`]) and a capitalised word, short, no sentence
/// punctuation and no colon (`Von München bis Aachen: …` is a headline).
fn signed(line: &str) -> bool {
    let t = line.trim();
    let mut words = t.split_whitespace();
    words.next().is_some_and(patterns::is_byline_word)
        && words.next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && t.chars().count() <= SIGNED_MAX_CHARS
        && !t.contains([':', '.', '!', '?'])
}

/// A line of names only, the authors without `Von` (`Anna Beispiel Jan Muster`): every
/// word capitalised or a name particle, no digits, no punctuation but commas.
fn names_only(line: &str) -> bool {
    let toks: Vec<&str> = line.split_whitespace().collect();
    (2..=NAMES_MAX_WORDS).contains(&toks.len())
        && toks.iter().all(|t| {
            let t = t.trim_end_matches(',');
            words::NAME_PARTICLES.contains(&t)
                || (t.chars().next().is_some_and(char::is_uppercase)
                    && t.chars().skip(1).all(|c| c.is_lowercase() || c == '-'))
        })
}

/// Authors named in the head's lines without a byline's full wording, in order, each once: a
/// line of a name only (`Anna Beispiel`), `von` on a line of its own above the names, the
/// names after `von` inside a line (`Kolumne von Anna Beispiel – 28.04.2026`), and a byline
/// whose names a role follows (`Von Anna Beispiel, Redakteurin für Finanzen`). From `text_from`
/// on, in the text, a line of a name only is no author.
fn head_names(lines: &[&str], text_from: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let l = l.trim();
        let candidate = if patterns::is_byline_word(l) {
            lines.get(i + 1).map(|n| n.trim())
        } else if names_only(l) && i < text_from && !l.split_once(' ').is_some_and(|(w, _)| patterns::is_byline_word(w))
        {
            Some(l)
        } else {
            l.split_once(' ')
                .filter(|(w, _)| patterns::is_byline_word(w))
                .map(|(_, after)| after)
                .or_else(|| l.split_once(" von ").filter(|(before, _)| !before.contains(' ')).map(|(_, after)| after))
                .map(|after| {
                    after.split(|c: char| c.is_ascii_digit() || matches!(c, '|' | '·' | '–')).next().unwrap_or("")
                })
                .map(|after| after.split(" - ").next().unwrap_or("").trim())
        };
        let Some(candidate) = candidate.map(|c| c.trim_end_matches([',', ';', ' '])).filter(|c| !c.is_empty()) else {
            continue;
        };
        let found = patterns::byline(&format!("Von {candidate}")).or_else(|| {
            let (first, _) = candidate.split_once(',')?;
            patterns::byline(&format!("Von {}", first.trim()))
        });
        for name in found.unwrap_or_default() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// A caption closing on its photo credit: `… © Anna Muster | Agentur`, `… (Foto: Anna
/// Muster/dpa)` or `… Foto: Anna Muster`.
pub fn is_caption(line: &str) -> bool {
    let t = line.trim();
    if let Some(at) = t.rfind('©') {
        let credit = &t[at + '©'.len_utf8()..];
        let closed = credit.trim_end().ends_with(['.', '!', '?']);
        if at > 0 && !closed && credit.split_whitespace().count() <= CAPTION_CREDIT_MAX_WORDS {
            return true;
        }
    }
    let in_paren = t
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|o| &s[o + 1..]))
        .is_some_and(|inner| words::CAPTION_LABEL.is_match(inner.trim_start()));
    // `… an. Bild: Anna Muster/Archiv`: a credit label after the caption's last sentence.
    let after_sentence = t.rfind(['.', '!', '?']).map(|at| t[at + 1..].trim_start()).is_some_and(|rest| {
        rest.split_whitespace().count() <= CAPTION_CREDIT_MAX_WORDS && words::CAPTION_LABEL.is_match(rest)
    });
    in_paren || after_sentence || patterns::photo_credit_tail(t).is_some()
}

/// A picture's credit on a line of its own: unlabelled (`Max Muster/dpa`, `Getty Images`), or
/// after `©` or a photo label (`© Anna Muster`, `Foto: Anna Muster`) with a few words, no
/// digit, no sentence's end and no company's legal form. A text's credit (`© dpa`) is typed
/// as a credit first.
fn photo_credit_line(line: &str) -> bool {
    let t = line.trim();
    if patterns::is_photo_credit(t) {
        return true;
    }
    let rest = match t.strip_prefix('©') {
        Some(rest) => rest,
        None => match words::PHOTO_LABEL.find(t) {
            Some(m) if m.start() == 0 => &t[m.end()..],
            _ => return false,
        },
    };
    let rest = rest.trim();
    // `© Copyright Beispiel Verlag GmbH`: the site's footer, whose line above is the text's.
    !words::COPYRIGHT_FOOTER.is_match(rest)
        && (1..=CAPTION_CREDIT_MAX_WORDS).contains(&rest.split_whitespace().count())
        && !rest.chars().any(|c| c.is_ascii_digit())
        && !rest.ends_with(['.', '!', '?'])
}

/// A photo credit on a line of its own closes the caption above it (a bare `Foto:` label
/// between them at most): a page prints caption and credit as two elements. A short line
/// without punctuation is one only right after a paragraph: above the text it is a headline.
fn captions_over_credits(lines: &[&str], kinds: &mut [Kind]) {
    for i in 1..lines.len() {
        if kinds[i] != Kind::Aside || !photo_credit_line(lines[i]) {
            continue;
        }
        let label = |l: &str| l.trim().ends_with(':') && l.split_whitespace().count() <= 2;
        let above = if label(lines[i - 1]) { i.checked_sub(2) } else { Some(i - 1) };
        // A short line without punctuation is a caption only between paragraphs; below a
        // menu or kicker it is the headline over the lead picture.
        let after_text =
            |a: usize| (0..a).rev().find(|&j| kinds[j] != Kind::Aside).is_some_and(|j| kinds[j] == Kind::Prose);
        if let Some(a) = above
            && matches!(kinds[a], Kind::Prose | Kind::Other)
            && (!pieces::heading_like(lines[a]) || after_text(a))
        {
            kinds[a] = Kind::Aside;
        }
    }
}

/// Running text: enough words and a sentence's end, or very many words.
fn is_prose(line: &str) -> bool {
    // Editor initials after the last sentence (`… in Europa./ajx/jha`) close a paragraph too.
    let stripped = patterns::strip_editor_initials(line);
    let line = stripped.as_deref().unwrap_or(line);
    let words = text::word_count(line);
    // A sentence's end, inside closing quotes or brackets (`… sagte er.“`, `…した。」`); a
    // headline may close on a quote without a full stop.
    let closed = line
        .trim_end()
        .trim_end_matches(['"', '“', '”', '»', '«', ')', '\'', '’', '」', '』', '）'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？']);
    ((words >= PROSE_MIN_WORDS && closed) || (words >= PROSE_UNCLOSED_WORDS && !menu_words(line)))
        && teasers::teaser_tail(line).is_none()
}

/// A run of link texts (`World Business Culture Video Travel Adventures …`): nearly every word
/// capitalised, as running text in no language is.
fn menu_words(line: &str) -> bool {
    let words: Vec<&str> =
        line.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    !words.is_empty() && capitalised * MENU_CAPITALISED_DIVISOR >= words.len() * MENU_CAPITALISED_SHARE
}

/// The longest run of running text, as the indices of its first and last prose line: prose
/// lines with at most [`RUN_GAP_LINES`] other lines between them, ended by a related list's
/// heading, or by another end marker (`Kommentare`) once the run has paragraphs (at its top
/// the same words are buttons); the run with the most characters of prose wins, the first on a tie.
pub fn article_run(lines: &[&str], kinds: &[Kind]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut current: Option<(usize, usize, usize)> = None;
    let mut paragraphs = 0;
    // Other lines since the run's last paragraph; captions, promotions, dates and bylines belong
    // to an article and do not count.
    let mut gap = 0;
    // Since the run's last paragraph: a head, a headline-like line right over a date or byline.
    let mut head_seen = false;
    for (i, k) in kinds.iter().enumerate() {
        if *k == Kind::Other {
            gap += 1;
        }
        head_seen |= matches!(k, Kind::Date | Kind::Byline)
            && i.checked_sub(1).is_some_and(|h| {
                kinds[h] == Kind::Other && headline_like(lines[h]) && text::word_count(lines[h]) >= HEADLINE_FULL_WORDS
            });
        match (*k, current) {
            // An article's head (headline, then its date or byline) opens its text: the
            // paragraph or two above it (a consent layer's, a teaser's) are not the article's.
            (Kind::Prose, Some(_)) if head_seen && paragraphs <= HEAD_OPENS_AFTER_PARAGRAPHS => {
                current = Some((i, i, lines[i].chars().count()));
                paragraphs = 1;
            }
            (Kind::Prose, Some((s, _, n))) if gap <= RUN_GAP_LINES => {
                current = Some((s, i, n + lines[i].chars().count()));
                paragraphs += 1;
            }
            (Kind::Prose, _) => {
                current = Some((i, i, lines[i].chars().count()));
                paragraphs = 1;
            }
            (Kind::End, Some(_)) if related_box(lines, kinds, i) => {}
            (Kind::End, _) => current = None,
            (Kind::Other, _) if paragraphs >= END_MARKER_MIN_PARAGRAPHS && patterns::is_article_end(lines[i]) => {
                current = None;
                paragraphs = 0;
            }
            _ => {}
        }
        if *k == Kind::Prose {
            gap = 0;
            head_seen = false;
        }
        if let Some(c) = current
            && best.is_none_or(|b| c.2 > b.2)
        {
            best = Some(c);
        }
    }
    best.map(|(s, e, _)| (s, e))
}

/// Teaser cards at least, for a run's last sections to be a related list without a heading.
const CARDS_MIN: usize = 3;
/// Characters of a card's summary at most.
const CARD_SUMMARY_MAX_CHARS: usize = 240;

/// Teaser cards that close the run `start..=end`, as (title, summary) line pairs in order: at
/// least [`CARDS_MIN`] times a headline-like line over one short sentence or two, furniture
/// (a date, a reading or playing time) between cards at most, with at least
/// [`END_MARKER_MIN_PARAGRAPHS`] paragraphs of text before them. A related list printed
/// without its heading reads like this; the text's own sections have longer paragraphs, or
/// more than one.
fn trailing_cards(lines: &[&str], kinds: &[Kind], start: usize, end: usize) -> Vec<(usize, usize)> {
    // A card's date, reading or playing time (`3 Min`, `02:15`).
    let furniture = |i: usize| {
        kinds[i] == Kind::Date
            || patterns::is_header_furniture(lines[i])
            || (text::word_count(lines[i]) <= 2 && lines[i].chars().any(|c| c.is_ascii_digit()))
    };
    let mut cards = Vec::new();
    let mut i = end;
    while i > start + 1 {
        let card = kinds[i] == Kind::Prose
            && lines[i].chars().count() <= CARD_SUMMARY_MAX_CHARS
            && kinds[i - 1] == Kind::Other
            && headline_like(lines[i - 1]);
        if !card {
            break;
        }
        cards.push((i - 1, i));
        i -= 2;
        while i > start && furniture(i) {
            i -= 1;
        }
    }
    let before = cards.last().map_or(0, |&(title, _)| (start..title).filter(|&j| kinds[j] == Kind::Prose).count());
    if cards.len() < CARDS_MIN || before < END_MARKER_MIN_PARAGRAPHS {
        return Vec::new();
    }
    cards.reverse();
    cards
}

/// Paragraphs the text resumes with after a related list's heading, at least, for the list
/// to be a box inside the text rather than its end ...
const BOX_RESUME_PARAGRAPHS: usize = 3;
/// ... with at most this many lines of no known kind in a row between them (a subheading, an
/// ad label).
const BOX_RESUME_GAP_LINES: usize = 2;

/// Whether the related list's heading at `at` opens a box inside the text (`Mehr zum Thema`
/// and a few teaser headlines between two paragraphs): only lines of no known kind (the
/// items, no running text) follow it, at least one and at most [`RUN_GAP_LINES`], and then
/// the text resumes with [`BOX_RESUME_PARAGRAPHS`] paragraphs or more before any other
/// stretch of such lines (more than [`BOX_RESUME_GAP_LINES`] in a row).
fn related_box(lines: &[&str], kinds: &[Kind], at: usize) -> bool {
    let Some(resume) = (at + 1..kinds.len()).find(|&i| kinds[i] != Kind::Other) else {
        return false;
    };
    // A box has items; running text right under the heading is the list's own (a card's
    // title and summary copied onto one line): the text has ended.
    if kinds[resume] != Kind::Prose || resume == at + 1 || resume - at - 1 > RUN_GAP_LINES {
        return false;
    }
    let mut paragraphs = 0;
    // Lines of no known kind in a row since the last paragraph: a subheading or an ad label
    // between the resumed paragraphs, not another stretch of items.
    let mut others = 0;
    for (i, k) in kinds.iter().enumerate().skip(resume) {
        // A teaser's `(category, time)` tail, on a line of its own as a browser copies a card:
        // the list goes on.
        if *k != Kind::Prose && teasers::teaser_tail(&format!("{} {}", lines[i - 1], lines[i])).is_some() {
            break;
        }
        match k {
            Kind::Prose => {
                paragraphs += 1;
                others = 0;
            }
            Kind::End => break,
            Kind::Other if others == BOX_RESUME_GAP_LINES => break,
            Kind::Other => others += 1,
            _ => {}
        }
        if paragraphs >= BOX_RESUME_PARAGRAPHS {
            return true;
        }
    }
    false
}

/// The run's first line when it is running text; the next paragraph when the first is a
/// headline: one sentence closing on `?` or `!` (`Sind wir zu sanft?`), with no date, byline
/// or headline right above it, as the head then lies inside the run.
fn past_prose_headline(lines: &[&str], kinds: &[Kind], start: usize, end: usize) -> usize {
    let dated_above =
        (start.saturating_sub(HEAD_CLOSE_ABOVE)..start).any(|i| matches!(kinds[i], Kind::Date | Kind::Byline));
    // A lead under its headline may close on a question too.
    let headline_above = start
        .checked_sub(1)
        .is_some_and(|i| headline_like(lines[i]) && text::word_count(lines[i]) >= HEADLINE_FULL_WORDS);
    let first = lines[start].trim_end().trim_end_matches(['"', '“', '”', '»', '«', '\'', '’']);
    let Some(last) = first.char_indices().last().map(|(at, _)| at) else {
        return start;
    };
    if dated_above
        || headline_above
        || !first.ends_with(['?', '!'])
        || first[..last].contains(['.', '!', '?'])
        || !prose_headline_like(lines[start])
    {
        return start;
    }
    (start + 1..=end).find(|&i| kinds[i] == Kind::Prose).unwrap_or(start)
}

/// A line that can be a headline: several words, not too long, no full stop, not a label
/// with a number.
fn headline_like(line: &str) -> bool {
    let words = text::word_count(line);
    let digit_label = words <= LABEL_WITH_DIGIT_MAX_WORDS && line.chars().any(|c| c.is_ascii_digit());
    (HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&words)
        && line.chars().count() <= HEADLINE_MAX_CHARS
        && !digit_label
        && !line.trim_end().ends_with([':', '.'])
}

/// A line of running text that can be a headline all the same: headline-like and not longer
/// than a headline (an unclosed paragraph is longer).
fn prose_headline_like(line: &str) -> bool {
    headline_like(line) && text::word_count(line) <= PROSE_HEADLINE_MAX_WORDS
}

/// Words of a kicker at most, where a line above the headline may be either.
const STACK_KICKER_MAX_WORDS: usize = 5;
/// A clock time (`14:07`): a date or label line, no headline.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)\d{1,2}[:.]\d{2}(?-u:\b)").expect("clock regex"));

/// Separators of a breadcrumb trail (`Startseite > Politik`): such a line is no kicker.
const BREADCRUMB_SEPARATORS: [char; 3] = ['>', '›', '»'];

/// Where the run's head lies: the kicker's and headline's lines and the first line of the body.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    kicker: Option<usize>,
    headline: usize,
    body: usize,
}

/// The head of the run `start..=end`. A date or byline line at the run's top closes the head
/// (a lead may stand above it, the body starts after it), else one just above the run; the headline is the nearest
/// headline-like line above that, past date, byline and caption lines; the kicker the short line
/// right above the headline (a lone `:` between them at most).
fn head(lines: &[&str], kinds: &[Kind], start: usize, end: usize) -> Option<Head> {
    let anchor =
        (start..(start + HEAD_INSIDE_REACH).min(end + 1)).find(|&i| matches!(kinds[i], Kind::Date | Kind::Byline));
    // A date or byline just above the run closes the head as well: a share bar between it and
    // the text is no headline.
    let just_above =
        (start.saturating_sub(HEAD_CLOSE_ABOVE)..start).rev().find(|&i| matches!(kinds[i], Kind::Date | Kind::Byline));
    let top = anchor.or(just_above).unwrap_or(start);
    let from = start.saturating_sub(HEAD_REACH);
    let candidate = |i: &usize| match kinds[*i] {
        Kind::Other => headline_like(lines[*i]),
        Kind::Prose => prose_headline_like(lines[*i]),
        _ => false,
    };
    // Above the line that closes the head, nearest first; then between it and the text (a date
    // printed above the headline), no longer than a headline that reads as a sentence.
    let above: Vec<usize> = (from..top).rev().filter(candidate).collect();
    let below: Vec<usize> = ((top + 1).min(start)..start)
        .filter(|i| candidate(i) && text::word_count(lines[*i]) <= PROSE_HEADLINE_MAX_WORDS)
        .collect();
    // Buttons (`News folgen`, `Link kopieren`) and names stand between headline and text too:
    // a headline has more words, unless no line has, and is no line of names only.
    let full = |i: &&usize| {
        (HEADLINE_FULL_WORDS..=PROSE_HEADLINE_MAX_WORDS).contains(&text::word_count(lines[**i]))
            && !names_only(lines[**i])
    };
    // A headline reads first: the lines right below it are its standfirst or the lead
    // picture's caption. So the topmost of the unbroken stack of lines longer than a kicker
    // above the head's close is the headline; a breadcrumb or a line with a clock time is none.
    let stacked = |i: &usize| {
        candidate(i)
            && full(&i)
            && text::word_count(lines[*i]) > STACK_KICKER_MAX_WORDS
            && !lines[*i].contains(BREADCRUMB_SEPARATORS)
            && !lines[*i].contains(" | ")
            && !lines[*i].contains(" / ")
            && !CLOCK.is_match(lines[*i])
    };
    let headline = match above.iter().find(full) {
        Some(&h) => (from..h).rev().take_while(stacked).last().unwrap_or(h),
        None => below
            .iter()
            .find(full)
            .or_else(|| above.iter().find(|&&i| !names_only(lines[i])))
            .or_else(|| below.first())
            .or_else(|| above.first())
            .copied()?,
    };
    let body = match anchor {
        Some(a) => (a + 1..=end).find(|&i| kinds[i] == Kind::Prose)?,
        None => start,
    };
    let kicker = (from..headline)
        .rev()
        .find(|&i| lines[i].chars().any(char::is_alphanumeric))
        .filter(|&i| kinds[i] == Kind::Other && lines[i].chars().count() <= KICKER_MAX_CHARS)
        .filter(|&i| !lines[i].trim_end().ends_with(['.', '!', '?']) && !lines[i].contains(BREADCRUMB_SEPARATORS))
        .filter(|&k| lines[k + 1..headline].iter().all(|l| !l.chars().any(char::is_alphanumeric)));
    Some(Head { kicker, headline, body })
}

/// Copied text as an article: the head above the longest run of running text, the run as body.
pub fn article(doc: &Document) -> Result<Article> {
    let lines: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    if lines.is_empty() {
        return Err(Error::NoArticle("no text".into()));
    }
    let mut kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
    captions_over_credits(&lines, &mut kinds);
    let Some((start, end)) = article_run(&lines, &kinds) else {
        return Err(Error::NoArticle("no running text".into()));
    };
    let start = past_prose_headline(&lines, &kinds, start, end);
    // Teaser cards closing the run are the related list, not the text's last sections.
    let cards = trailing_cards(&lines, &kinds, start, end);
    let end = match cards.first() {
        Some(&(title, _)) => (start..title).rev().find(|&i| kinds[i] == Kind::Prose).unwrap_or(end),
        None => end,
    };
    let Some(head) = head(&lines, &kinds, start, end) else {
        return Err(Error::NoArticle("no headline line above the article text".into()));
    };
    // Between headline and body: the date and bylines give time and authors; running text
    // there is the lead.
    // Above the headline, a date line still dates the article (some pages print it first).
    let mut pieces: Vec<Piece> = (head.headline.saturating_sub(HEAD_REACH)..head.headline)
        .filter(|&i| kinds[i] == Kind::Date)
        .map(|i| Piece { text: with_time_line(&lines, i), role: Role::Aside })
        .collect();
    let mut lead_open = true;
    for i in head.headline + 1..head.body {
        let role = match kinds[i] {
            Kind::Date => {
                pieces.push(Piece { text: with_time_line(&lines, i), role: Role::Aside });
                continue;
            }
            Kind::Byline | Kind::Credit => Role::Aside,
            Kind::Prose if lead_open => {
                lead_open = false;
                if patterns::ortsmarke(lines[i]).is_some() { Role::Para } else { Role::Lead }
            }
            _ => continue,
        };
        pieces.push(Piece { text: lines[i].to_string(), role });
    }
    body_pieces(&lines[head.body..=end], &kinds[head.body..=end], lead_open, &mut pieces);
    // The text's credit and the author's byline follow the last paragraph.
    let tail_end = (end + 1 + TAIL_REACH).min(lines.len());
    for i in end + 1..tail_end {
        if matches!(kinds[i], Kind::Credit | Kind::Byline) {
            pieces.push(Piece { text: lines[i].to_string(), role: Role::Aside });
        }
    }
    let mut parts = pieces::interpret(&pieces);
    if parts.byline.is_none() {
        // The head, and the run's first lines, where a lead may stand above the byline.
        let reach = (head.body + HEAD_INSIDE_REACH).min(end + 1);
        parts.byline_elements = head_names(&lines[head.headline + 1..reach], head.body - head.headline - 1);
    }
    // Every box inside the text, up to the paragraph after its items; then every related list
    // after the text, each up to the next one's heading.
    let boxes = (head.body..=end).filter(|&i| kinds[i] == Kind::End).map(|r| {
        let resume = (r + 1..=end).find(|&i| kinds[i] == Kind::Prose).unwrap_or(end);
        related_items(&lines[r + 1..resume])
    });
    let headings: Vec<usize> = (end + 1..lines.len()).filter(|&i| teasers::is_related_heading(lines[i])).collect();
    let cards = cards.iter().map(|&(title, summary)| teasers::RawTeaser {
        headline: lines[title].trim().to_string(),
        summary: Some(lines[summary].trim().to_string()),
        ..Default::default()
    });
    let teasers = boxes
        .flatten()
        .chain(cards)
        .chain(
            headings
                .iter()
                .enumerate()
                .flat_map(|(n, &r)| related_items(&lines[r + 1..headings.get(n + 1).copied().unwrap_or(lines.len())])),
        )
        .collect();
    Ok(Article {
        kicker: head.kicker.map(|k| lines[k].to_string()),
        headline: lines[head.headline].to_string(),
        parts,
        meta: meta::PageMeta::default(),
        teasers,
        base_href: None,
        images: Vec::new(),
        keywords: Vec::new(),
        continues: false,
    })
}

/// A date line, joined with the next line when that holds only the time of day (`05. Mai
/// 2026` over `15:36 Uhr`: two elements in the page, two lines in the copy).
fn with_time_line(lines: &[&str], i: usize) -> String {
    static TIME_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,2}[:.]\d{2}(?:\s*Uhr)?$").expect("time-only regex"));
    match lines.get(i + 1) {
        Some(next) if TIME_ONLY.is_match(next.trim()) => format!("{}, {}", lines[i], next.trim()),
        _ => lines[i].to_string(),
    }
}

/// Closing quote marks a subheading may end on.
const CLOSING_QUOTES: [char; 6] = ['"', '“', '”', '«', '»', '\''];

/// A line that reads as a subheading, also one that ends on a closing quote without a
/// sentence's end inside it (`„Wir geben nicht auf“`: a quote as a subheading).
fn subheading_like(line: &str) -> bool {
    let t = line.trim_end();
    let unquoted = t.trim_end_matches(CLOSING_QUOTES);
    pieces::heading_like(t) || (unquoted.len() < t.len() && pieces::heading_like(unquoted))
}

/// The run's lines as pieces: dates, bylines, credits, captions and promotions aside; a short
/// line before text a subheading; menu words dropped; the first paragraph the lead unless it
/// opens with an Ortsmarke.
fn body_pieces(lines: &[&str], kinds: &[Kind], mut lead_open: bool, pieces: &mut Vec<Piece>) {
    let mut in_text = false;
    // Inside a related box (its heading up to the text's next paragraph) lines are its items.
    let mut in_box = false;
    for (k, l) in lines.iter().enumerate() {
        in_box = match kinds[k] {
            Kind::End => true,
            Kind::Prose => false,
            _ => in_box,
        };
        if in_box {
            continue;
        }
        let next_is_text = lines.get(k + 1).is_some_and(|n| !subheading_like(n));
        let words = text::word_count(l);
        let role = if kinds[k] == Kind::Date && in_text && pieces::date_furniture(l, false).is_none() {
            // A dated line among other words inside the text (a programme's `Radio | 17.06.2026 |
            // 15:00 Uhr`) does not date the article.
            continue;
        } else if kinds[k] != Kind::Prose && kinds[k] != Kind::Other {
            Role::Aside
        } else if subheading_like(l) && !lead_open && next_is_text && words >= SUBHEADING_MIN_WORDS {
            Role::Heading
        } else if subheading_like(l) && (words <= MENU_MAX_WORDS || lead_open) {
            // Buttons and menu words (`Anhören`, `Teilen`) between the paragraphs.
            continue;
        } else if lead_open {
            lead_open = false;
            if patterns::ortsmarke(l).is_some() { Role::Para } else { Role::Lead }
        } else {
            Role::Para
        };
        in_text |= matches!(role, Role::Para | Role::Lead);
        pieces.push(Piece { text: l.to_string(), role });
    }
}

/// The items of a related list in copied text. Where the list has `(category, time)` tails,
/// the lines up to a tail are one teaser (a browser copies headline, summary and tail of a card
/// onto lines of their own); otherwise each line is one teaser, up to the first menu word after
/// the list.
fn related_items(lines: &[&str]) -> Vec<teasers::RawTeaser> {
    let mut tailed = Vec::new();
    let mut card: Vec<&str> = Vec::new();
    for l in lines {
        card.push(l.trim());
        if let Some(tail) = teasers::teaser_tail(&card.join(" ")) {
            tailed.push(teasers::RawTeaser {
                headline: tail.text,
                category: Some(tail.category),
                time: Some(tail.time),
                ..Default::default()
            });
            card.clear();
        } else if card.len() >= TEASER_CARD_LINES {
            card.remove(0);
        }
    }
    if !tailed.is_empty() {
        return tailed;
    }
    lines
        .iter()
        // The footer's copyright line (`© 2026 Verlag GmbH`) ends the list too.
        .take_while(|l| {
            l.split_whitespace().count() >= RELATED_ITEM_MIN_WORDS
                && !patterns::is_article_end(l)
                && !patterns::is_furniture(l, false)
        })
        .map(|l| teasers::RawTeaser { headline: l.trim().to_string(), ..Default::default() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_typed_by_what_they_say() {
        assert_eq!(kind("03.05.2026, 16:24 Uhr"), Kind::Date);
        assert_eq!(kind("Stand: 28.04.2026 16:11 Uhr"), Kind::Date);
        assert_eq!(kind("Von Anna Beispiel und Jan Muster"), Kind::Byline);
        assert_eq!(kind("Von Anna Beispiel, Redakteurin für Wirtschaft"), Kind::Byline);
        assert_eq!(kind("Von Kiel bis Passau: Wo es am Wochenende regnet"), Kind::Other);
        assert_eq!(kind("By Anna Example and Jan Sample / Harbour Times Staff Writers"), Kind::Byline);
        assert_eq!(kind("By the numbers: what the strike costs commuters"), Kind::Other);
        assert_eq!(kind("Lesen Sie auch: Was der Streik für Pendler bedeutet"), Kind::Aside);
        assert_eq!(kind("Les også: Slik blir været i helgen"), Kind::Aside);
        assert_eq!(kind("Read more: What the strike means for commuters"), Kind::Aside);
        assert_eq!(kind("Feuerwehr protestiert vor dem Landtag | mehr"), Kind::Aside);
        assert_eq!(kind("Rente mit 60 für Feuerwehrleute? | audio"), Kind::Aside);
        assert_eq!(kind("Article continues below"), Kind::Aside);
        assert_eq!(kind("View 3 Images"), Kind::Aside);
        assert_eq!(kind("Advertisement"), Kind::Aside);
        assert_eq!(kind("Ein Kran hebt den Container an. © Max Muster | Bildagentur"), Kind::Aside);
        assert_eq!(kind("Ein Kran hebt den Container an. (Foto: Max Muster/dpa)"), Kind::Aside);
        assert_eq!(kind("Weitere Meldungen"), Kind::End);
        assert_eq!(kind("Die Stadt will in diesem Jahr mehr Geld für neue Radwege ausgeben als bisher."), Kind::Prose);
        assert_eq!(kind("Neue Radwege für die Innenstadt"), Kind::Other);
        assert_eq!(kind("Zum E-Paper"), Kind::Other);
        // A consent layer's text reads like prose, but says what it is.
        let consent = "Wir und unsere Partner verwenden Cookies, um Inhalte zu personalisieren. Mit einem Klick auf \
            Zustimmen willigen Sie ein.";
        assert_eq!(kind(consent), Kind::Other);
        assert_eq!(
            kind("Viele Nutzer klicken bei Cookie-Bannern inzwischen einfach auf Ablehnen, sagte die Forscherin."),
            Kind::Prose
        );
    }

    #[test]
    fn a_long_menu_line_is_no_running_text() {
        let menu = "World Business Politics Green Next Health Travel Culture Video Live Programmes Debates \
                    Witness Sport Tech Space Science Weather Money Markets Cars Style Food Books Film Music \
                    Games Podcasts Newsletters Events About Contact";
        assert_eq!(kind(menu), Kind::Other);
        // German text capitalises its nouns, but far from every word.
        let text = "Die Stadt will in diesem Jahr mehr Geld für neue Radwege in der Innenstadt und an den \
                    großen Ausfallstraßen ausgeben als bisher und dafür auch Parkplätze am Rand der Altstadt \
                    umwidmen lassen wie der Rat am Montag beschloss";
        assert_eq!(kind(text), Kind::Prose);
    }

    #[test]
    fn a_credit_line_makes_the_line_above_a_caption() {
        let lines = [P, "Die Fähre im Hafen bei ihrer ersten Probefahrt.", "Foto:", "Max Muster/dpa", P];
        let mut kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(kinds[3], Kind::Aside);
        captions_over_credits(&lines, &mut kinds);
        assert_eq!(kinds, [Kind::Prose, Kind::Aside, Kind::Aside, Kind::Aside, Kind::Prose]);
        // A headline above a credit stays, a short caption between paragraphs goes; a text's
        // credit takes no line with it.
        let lines =
            ["Neue Fähre für die Inseln", "Getty Images", P, "Die Fähre im Hafen", "Getty Images", P, "Quelle: dpa"];
        let mut kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        captions_over_credits(&lines, &mut kinds);
        assert_eq!(kinds, [Kind::Other, Kind::Aside, Kind::Prose, Kind::Aside, Kind::Aside, Kind::Prose, Kind::Credit]);
    }

    #[test]
    fn a_labelled_credit_line_closes_a_caption_but_a_footer_does_not() {
        assert!(photo_credit_line("© Eva Probe"));
        assert!(photo_credit_line("Foto: Eva Probe"));
        assert!(!photo_credit_line("© Beispiel Verlag GmbH"));
        assert!(!photo_credit_line("© 2026 Beispiel-Zeitung"));
        let lines = [P, "Die Fähre legt zum ersten Mal in Wittdün an.", "© Eva Probe", P, "© Beispiel Verlag GmbH"];
        let mut kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        captions_over_credits(&lines, &mut kinds);
        assert_eq!(kinds[1], Kind::Aside);
        assert_eq!(kinds[3], Kind::Prose);
    }

    #[test]
    fn a_caption_closing_on_an_unlabelled_credit_is_one() {
        assert!(is_caption("Das Gelände liegt seit Jahren brach. IMAGO/Eva Probe"));
        assert!(is_caption("Das Gelände liegt seit Jahren brach.Unsplash/Eva Probe"));
        assert!(!is_caption("Die Stadt rechnet mit Kosten von 20 Millionen Euro. Die Bauzeit"));
    }

    #[test]
    fn a_related_box_between_paragraphs_does_not_end_the_text() {
        let items = ["Windräder im Forst: Gemeinderat stimmt zu", "Neue Ladesäulen am Bahnhof"];
        let mut lines = vec![P, P, P, "Mehr zum Thema"];
        lines.extend(items);
        lines.extend([P, P, P]);
        assert_eq!(run_of(&lines), Some((0, 8)));
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        let mut pieces = Vec::new();
        body_pieces(&lines, &kinds, false, &mut pieces);
        assert!(pieces.iter().all(|p| !items.contains(&p.text.as_str())));
        // A list after the text, followed by fewer paragraphs (a teaser's summary), ends it.
        let mut lines = vec![P, P, P, "Weitere Meldungen"];
        lines.extend(items);
        lines.extend([TEASER, "Impressum"]);
        assert_eq!(run_of(&lines), Some((0, 2)));
        // The text resumes past an ad label and a subheading; cards with their tails do not.
        let mut lines = vec![P, P, P, "Mehr zum Thema"];
        lines.extend(items);
        lines.extend([P, P, "Anzeige", "Ein Zwischentitel zur Lage", P, P]);
        assert_eq!(run_of(&lines), Some((0, 11)));
        let mut lines = vec![P, P, P, P, P, "Weitere Meldungen"];
        for _ in 0..3 {
            lines.extend(["Fähre fällt aus", TEASER, "(Inland, 12.02.2026 - 06:14) weiterlesen..."]);
        }
        assert_eq!(run_of(&lines), Some((0, 4)));
    }

    #[test]
    fn a_quote_standing_as_a_subheading_is_one() {
        let lines = [P, "„Wir geben nicht auf“", P, "Er sagte: „Wir geben nicht auf.“", P];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        let mut pieces = Vec::new();
        body_pieces(&lines, &kinds, false, &mut pieces);
        let roles: Vec<Role> = pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles, [Role::Para, Role::Heading, Role::Para, Role::Para, Role::Para]);
        assert!(subheading_like("\"Das Wasser geht alle an\""));
        assert!(!subheading_like("„Das Wasser geht alle an.“"));
    }

    #[test]
    fn a_time_of_day_on_its_own_line_joins_its_date() {
        let lines = ["05. Mai 2026", "15:36 Uhr", "Text"];
        assert_eq!(with_time_line(&lines, 0), "05. Mai 2026, 15:36 Uhr");
        assert_eq!(with_time_line(&lines, 1), "15:36 Uhr");
    }

    #[test]
    fn a_copyright_footer_is_no_caption_but_a_caption_credit_is() {
        assert!(is_caption("Ein Kran im Hafen. © Beispiel Foto | Max Muster"));
        assert!(!is_caption("Der Preis stieg um 3 Prozent. Das sagte der Sprecher."));
    }

    fn run_of(lines: &[&str]) -> Option<(usize, usize)> {
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        article_run(lines, &kinds)
    }

    const P: &str = "Die Stadt will in diesem Jahr mehr Geld für neue Radwege ausgeben als bisher.";
    const TEASER: &str = "Ein Teaser mit einer kurzen Zusammenfassung, die wie ein Satz aus dem Text klingt.";

    #[test]
    fn the_longest_run_of_prose_is_the_article() {
        const MENU: [&str; 9] = ["Anmelden", "Suche", "Politik", "Sport", "Kultur", "Wetter", "Mehr", "Abo", "Konto"];
        let mut lines = vec!["Startseite", TEASER];
        lines.extend(MENU);
        lines.extend([
            "Schlagzeile des Tages",
            "03.05.2026, 16:24 Uhr",
            P,
            P,
            "Zwischentitel",
            P,
            "Anhören",
            "Teilen",
            P,
        ]);
        let end = lines.len() - 1;
        lines.extend(MENU);
        lines.push(TEASER);
        assert_eq!(run_of(&lines), Some((13, end)));
    }

    #[test]
    fn a_head_below_a_paragraph_or_two_opens_the_run() {
        let consent =
            "Wir setzen Cookies ein, um Inhalte zu personalisieren und die Nutzung unserer Seite auszuwerten.";
        let lines = [
            "Ihre Zustimmung zu unseren Cookies",
            consent,
            "Zustimmen Ablehnen",
            "Politik",
            "Neue Radwege sollen bis zum Herbst fertig werden",
            "Von Anna Beispiel",
            "03.05.2026, 16:24 Uhr",
            P,
            P,
            P,
        ];
        assert_eq!(run_of(&lines), Some((7, 9)));
        // A standfirst under the headline, over the date: the head lies above it.
        let lines = ["Neue Radwege sollen bis zum Herbst fertig werden", TEASER, "03.05.2026, 16:24 Uhr", P, P];
        assert_eq!(run_of(&lines), Some((1, 4)));
    }

    #[test]
    fn a_related_heading_over_cards_on_one_line_each_ends_the_run() {
        let card = "Fähre fällt aus Die Linie ruht wegen Sturms bis Freitag, teilte die Reederei mit.";
        let mut lines = vec!["Schlagzeile des Tages", "03.05.2026, 16:24 Uhr", P, P, P, P, P, "Mehr zum Thema"];
        lines.extend([card; 3]);
        assert_eq!(run_of(&lines), Some((2, 6)));
    }

    #[test]
    fn a_related_heading_ends_the_run() {
        let lines = [P, P, P, P, "Weitere Meldungen", TEASER, TEASER];
        assert_eq!(run_of(&lines), Some((0, 3)));
    }

    #[test]
    fn no_prose_no_run() {
        assert_eq!(run_of(&["Startseite", "Politik", "Wirtschaft", "Impressum"]), None);
    }

    #[test]
    fn the_headline_is_above_date_byline_and_caption() {
        let lines = [
            "Startseite",
            "Zum E-Paper und mehr",
            "Hafen",
            "Ein Schiff wird kommen",
            "03.05.2026, 16:24 Uhr",
            "Lesezeit: 3 Min.",
            "Von Anna Beispiel",
            "Ein Kran im Hafen. © Beispiel Foto | Max Muster",
            P,
        ];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(head(&lines, &kinds, 8, 8), Some(Head { kicker: Some(2), headline: 3, body: 8 }));
    }

    #[test]
    fn the_headline_tops_its_standfirst_and_caption_but_not_a_kicker_or_breadcrumb() {
        let headline = "Neue Fähre verbindet die Inseln ab dem Sommer täglich";
        let standfirst = "Die Reederei setzt auf Elektroantrieb und verspricht kürzere Wartezeiten";
        let caption = "DIE NEUE FÄHRE BEI IHRER ERSTEN PROBEFAHRT";
        fn head_of<'a>(lines: &[&'a str]) -> Option<(Option<&'a str>, &'a str)> {
            let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
            let start = lines.len() - 2;
            head(lines, &kinds, start, start + 1).map(|h| (h.kicker.map(|k| lines[k]), lines[h.headline]))
        }
        // Headline, standfirst, caption and credit, names, date.
        let layout = [headline, standfirst, caption, "BEISPIEL IMAGES", "ANNA BEISPIEL", "2 STUNDEN", P, P];
        assert_eq!(head_of(&layout), Some((None, headline)));
        // A short kicker above stays the kicker.
        let layout = ["Nordsee", headline, standfirst, "Von Anna Beispiel", "03.05.2026, 16:24 Uhr", P, P];
        assert_eq!(head_of(&layout), Some((Some("Nordsee"), headline)));
        // A kicker of a few words, and a breadcrumb or a clock line above, are no headline.
        for above in ["Die Zukunft der Fähren", "Start / Region / Nordsee", "Lesedauer 3 Min. 14:07 Uhr heute"] {
            let layout = [above, headline, "Von Anna Beispiel", "03.05.2026, 16:24 Uhr", P, P];
            assert_eq!(head_of(&layout).map(|h| h.1), Some(headline), "{above}");
        }
    }

    #[test]
    fn teaser_cards_closing_the_text_are_teasers_not_sections() {
        let card = |n: usize| {
            (
                format!("Neue Fähre Nummer {n} fährt bald zwischen den Inseln"),
                "Die Reederei plant im kommenden Sommer weitere Verbindungen zu den kleineren Inseln.".to_string(),
            )
        };
        let cards: Vec<(String, String)> = (1..=3).map(card).collect();
        let mut lines: Vec<&str> = vec!["Hafen", "Ein Schiff wird kommen", "03.05.2026, 16:24 Uhr", P, P, P];
        for (i, (t, s)) in cards.iter().enumerate() {
            if i == 1 {
                lines.push("3 Min");
            }
            lines.push(t);
            lines.push(s);
        }
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        let end = lines.len() - 1;
        assert_eq!(trailing_cards(&lines, &kinds, 3, end), vec![(6, 7), (9, 10), (11, 12)]);
        // Two cards are a text's last sections; so are cards right under the head.
        assert!(trailing_cards(&lines[..11], &kinds[..11], 3, 10).is_empty());
        let short: Vec<&str> = lines[..4].iter().chain(&lines[6..]).copied().collect();
        let kinds: Vec<Kind> = short.iter().map(|l| kind(l)).collect();
        assert!(trailing_cards(&short, &kinds, 3, short.len() - 1).is_empty());
    }

    #[test]
    fn a_date_among_other_head_furniture_is_a_date_line() {
        assert_eq!(kind("Kolumne von Anna Beispiel - 28.04.2026 um 08:52 Uhr - 12 Kommentare"), Kind::Date);
        assert_eq!(kind("Publiziert17. Dezember 2025, 12:17"), Kind::Date);
        assert_eq!(kind("Anna Example – 4 Febbraio 2026 alle 14:41 – 12 commenti"), Kind::Date);
        assert_eq!(kind("Ana Example, Harbour Desk · 02/02/2026 KL. 09:00 · Politik"), Kind::Date);
        // A bare date among other furniture dates nothing: it needs its time of day.
        assert_eq!(kind("Anna Example – 4 Febbraio 2026 – 12 commenti"), Kind::Other);
        assert_eq!(
            kind("Am 28.04.2026 um 08:52 Uhr rückte die Feuerwehr zu einem Brand in der Altstadt aus."),
            Kind::Prose
        );
    }

    #[test]
    fn a_headline_that_reads_as_a_sentence_heads_the_run() {
        let lines = [
            "Verkehr",
            "Kommen die neuen Radwege im Umland jetzt endlich ein Stück voran?",
            P,
            "Anna Beispiel Jan Muster",
            "03.05.2026, 16:24 Uhr",
            P,
            P,
        ];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        let start = past_prose_headline(&lines, &kinds, 1, 6);
        assert_eq!(start, 2);
        assert_eq!(head(&lines, &kinds, start, 6), Some(Head { kicker: Some(0), headline: 1, body: 5 }));
    }

    #[test]
    fn a_lead_that_asks_stays_under_its_headline() {
        let lines = [
            "Ein Hitzeschild für das Eis der Arktis",
            "Kann eine Schicht aus Glasperlen das Eis vor der Sonne schützen?",
            P,
        ];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(past_prose_headline(&lines, &kinds, 1, 2), 1);
    }

    #[test]
    fn a_date_above_the_headline_does_not_hide_it() {
        let lines = ["Publiziert17. Dezember 2025, 12:17", "Neues Hallenbad kostet deutlich mehr als geplant", P, P];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(head(&lines, &kinds, 2, 3), Some(Head { kicker: None, headline: 1, body: 2 }));
    }

    #[test]
    fn unspaced_script_is_weighed_by_its_characters() {
        assert_eq!(
            kind("市は来年度から、中心部と郊外の住宅地を結ぶ三つの路線で自転車道の整備を始めると発表した。"),
            Kind::Prose
        );
        assert_eq!(kind("「住民の意見を聞いて計画の一部を見直す可能性もある。」"), Kind::Prose);
        assert_eq!(kind("市が自転車道を整備へ　来年度から三路線"), Kind::Other);
        assert!(headline_like("市が自転車道を整備へ　来年度から三路線"));
    }

    #[test]
    fn the_head_names_authors_without_a_bylines_wording() {
        let names = |lines: &[&str]| head_names(lines, lines.len());
        assert_eq!(names(&["Anna Beispiel", "03.05.2026, 16:24 Uhr"]), ["Anna Beispiel"]);
        assert_eq!(names(&["von", "Jan Muster,", "Beispiel-Agentur"]), ["Jan Muster"]);
        assert_eq!(names(&["By", "Anna Example"]), ["Anna Example"]);
        assert_eq!(names(&["By Anna Example", "03.05.2026, 16:24 Uhr"]), ["Anna Example"]);
        assert_eq!(names(&["Kolumne von Anna Beispiel – 28.04.2026 um 08:52 Uhr"]), ["Anna Beispiel"]);
        assert_eq!(names(&["Von Anna Beispiel, Redakteurin für Wirtschaft"]), ["Anna Beispiel"]);
        assert!(names(&["Von Kiel bis Passau: Wo es am Wochenende regnet"]).is_empty());
        // In the text a line of a name only is no author (an interview's speaker).
        assert!(head_names(&["Anna Beispiel"], 0).is_empty());
    }

    #[test]
    fn a_long_caption_below_the_date_does_not_outrank_a_short_headline_above() {
        let caption = "Der neue Vorstand auf der Bühne (von links nach rechts): Anna Beispiel, Jan Muster, \
                       Eva Probe, Max Muster, Lena Beispielmann, Tim Test, Ida Muster und Paul Probe";
        let lines = ["„Unermüdlicher Einsatz“", "erstellt: 01. April 2026, 15:25 in: Gesellschaft", caption, P, P];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(head(&lines, &kinds, 3, 4).map(|h| h.headline), Some(0));
    }

    #[test]
    fn a_dated_line_inside_the_text_does_not_date_it() {
        let lines = [P, "Radio Beispiel | Regionales | 17.06.2026 | 15:00 Uhr", P];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        let mut pieces = Vec::new();
        body_pieces(&lines, &kinds, false, &mut pieces);
        assert_eq!(pieces.len(), 2);
        assert!(pieces::interpret(&pieces).published.is_none());
    }

    #[test]
    fn a_line_longer_than_a_headline_is_passed_over_for_one_further_up() {
        let ad = "Neu bei Beispiel-Spar? Die App hilft beim Sparen, und wer jetzt 100 Euro einzahlt, \
                  bekommt mit dem Code BEISPIEL10 noch zehn Euro Bonus gutgeschrieben";
        let lines =
            ["Politik", "Minister zahlten ihre Reisen selbst, sagt die Regierung", ad, "Von Anna Beispiel", P, P];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(head(&lines, &kinds, 4, 5).map(|h| h.headline), Some(1));
    }

    #[test]
    fn a_caption_and_a_button_between_date_and_text_leave_the_date_closing_the_head() {
        let lines = [
            "Politik",
            "Neues Hallenbad kostet deutlich mehr als geplant",
            "03.05.2026, 16:24 Uhr",
            "3 Bilder ansehen",
            "Die Baustelle am See im Frühjahr mit den ersten Fundamenten und dem Kran",
            P,
            P,
        ];
        let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
        assert_eq!(head(&lines, &kinds, 5, 6).map(|h| h.headline), Some(1));
    }
}
