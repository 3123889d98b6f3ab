//! Text normalisation shared by every stage: the record's rule is NFC, every Unicode white
//! space (no-break spaces included) folded to one ASCII space, ends trimmed.

use unicode_normalization::UnicodeNormalization;

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
    fn normalises_to_nfc() {
        // "a" + combining diaeresis becomes "ä"
        assert_eq!(clean("Ka\u{308}se"), "K\u{e4}se");
    }
}
