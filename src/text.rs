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
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c == '\u{ad}' {
            if c == '\u{ad}' || c == '\u{200b}' || c == '\u{feff}' {
                continue;
            }
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
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

    #[test]
    fn normalises_to_nfc() {
        // "a" + combining diaeresis becomes "ä"
        assert_eq!(clean("Ka\u{308}se"), "K\u{e4}se");
    }
}
