//! Text normalisation shared by every stage: the record's rule is NFC, every Unicode white
//! space (no-break spaces included) folded to one ASCII space, ends trimmed.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Like [`clean`], for text that may show markup as text: tags (`<b>`, `</p>`, `<br/>`) and
/// comments are dropped and leftover entities (`&amp;` of a page that escaped twice, or copied
/// text) decoded, so that no tag or entity reaches the record.
pub fn clean_text(s: &str) -> String {
    clean(&unmarkup(s))
}

/// Tags and comments removed, common entities decoded; borrowed when there are none.
pub fn unmarkup(s: &str) -> Cow<'_, str> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>").unwrap());
    static ENTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]{2,8}));").unwrap());
    let mut out = Cow::Borrowed(s);
    // An entity may decode to another (`&amp;amp;`, `&amp;lt;b&amp;gt;`): a few rounds.
    for _ in 0..4 {
        let mut changed = false;
        if out.contains('<') && TAG.is_match(&out) {
            out = Cow::Owned(TAG.replace_all(&out, " ").into_owned());
            changed = true;
        }
        if out.contains('&') && ENTITY.is_match(&out) {
            let replaced = ENTITY.replace_all(&out, |c: &regex::Captures| {
                let ch = if let Some(h) = c.get(1) {
                    u32::from_str_radix(h.as_str(), 16).ok().and_then(char::from_u32)
                } else if let Some(d) = c.get(2) {
                    d.as_str().parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    named_entity(&c[3])
                };
                match ch {
                    Some(ch) if ch != '\0' => ch.to_string(),
                    _ => c[0].to_string(),
                }
            });
            if replaced != out {
                out = Cow::Owned(replaced.into_owned());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "deg" => '°',
        "sect" => '§',
        "times" => '×',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

/// Folds white space and trims; NFC-normalises only when the text is not already NFC-quick.
pub fn clean(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // Text made only of characters below U+0300 is NFC (they are all NFC_Quick_Check=Yes
    // starters), so the check is needed only once one of those is kept.
    let mut check_nfc = false;
    // Characters that are kept are copied a run at a time: the run starts at `start`.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            if !is_ascii_space(b) {
                i += 1;
                continue;
            }
            (true, 1)
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            let space = c.is_whitespace();
            if !space && c != '\u{200b}' && c != '\u{feff}' && c != '\u{ad}' {
                check_nfc |= c >= '\u{300}';
                i += c.len_utf8();
                continue;
            }
            (space, c.len_utf8())
        };
        // White space or a character that is dropped: the run before it is copied.
        if start < i {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&s[start..i]);
        }
        if space {
            pending_space = !out.is_empty();
        }
        i += len;
        start = i;
    }
    if start < i {
        if pending_space {
            out.push(' ');
        }
        out.push_str(&s[start..i]);
    }
    if !check_nfc || unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// Whether `s` is white space only (`s.trim().is_empty()`), looked at a byte at a time while
/// it is ASCII.
pub fn is_blank(s: &str) -> bool {
    match s.bytes().position(|b| !is_ascii_space(b)) {
        None => true,
        // Only ASCII before `at`, so it is a character boundary.
        Some(at) => !s.as_bytes()[at].is_ascii() && s[at..].trim_start().is_empty(),
    }
}

/// The characters of `s` that are not white space (`char::is_whitespace`).
pub fn non_space_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len() - s.bytes().filter(|&b| is_ascii_space(b)).count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// The ASCII characters `char::is_whitespace` takes: tab, line feed, vertical tab, form feed,
/// carriage return and space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn folds_all_unicode_spaces_and_trims() {
        assert_eq!(clean("  Berlin\u{a0}(dpa)\u{202f}-\t\n Text  "), "Berlin (dpa) - Text");
        assert_eq!(clean("\u{a0}\u{a0}"), "");
    }

    #[test]
    fn drops_soft_hyphens_and_zero_width_spaces() {
        assert_eq!(clean("Bundes\u{ad}regierung\u{200b}"), "Bundesregierung");
    }

    #[test]
    fn markup_shown_as_text_is_dropped_and_entities_decoded() {
        use super::clean_text;
        assert_eq!(clean_text("<br>Titel <b>fett</b> <!-- x --> Ende"), "Titel fett Ende");
        assert_eq!(clean_text("AT&amp;T &bdquo;Zitat&ldquo; &#8211; &#x2013;"), "AT&T „Zitat“ – –");
        assert_eq!(clean_text("a < b und c > d, &bogus; & mehr"), "a < b und c > d, &bogus; & mehr");
        assert_eq!(clean_text("&amp;amp; &amp;lt;b&amp;gt;x"), "& x");
    }

    /// `clean` as first written, a character at a time: the reference for the faster one.
    fn clean_by_chars(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            if c == '\u{ad}' || c == '\u{200b}' || c == '\u{feff}' {
                continue;
            }
            if c.is_whitespace() {
                pending_space = !out.is_empty();
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out.nfc().collect()
    }

    #[test]
    fn characters_below_u0300_need_no_nfc_check() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for c in ('\u{80}'..'\u{300}').chain(['\u{0}', 'a', ' ']) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn clean_is_the_character_at_a_time_fold(
            s in "[ a-zA-Z0-9.\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{ad}\u{200b}\u{feff}\u{2009}\u{3000}äöüßé\u{300}\u{308}\u{327}\u{1100}\u{1161}\u{ac00}€„“]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean(&s), clean_by_chars(&s));
        }

        #[test]
        fn clean_is_the_character_at_a_time_fold_on_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(clean(&s), clean_by_chars(&s));
        }

        #[test]
        fn blank_and_non_space_count_agree_with_std(
            s in "[ a\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{ad}\u{2009}\u{3000}ä€]{0,12}"
        ) {
            proptest::prop_assert_eq!(super::is_blank(&s), s.trim().is_empty());
            proptest::prop_assert_eq!(super::non_space_chars(&s), s.chars().filter(|c| !c.is_whitespace()).count());
        }
    }

    #[test]
    fn normalises_to_nfc() {
        // "a" + combining diaeresis becomes "ä"
        assert_eq!(clean("Ka\u{308}se"), "K\u{e4}se");
    }
}
