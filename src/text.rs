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
    if memchr::memchr2(b'<', b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
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

/// A named character reference by the HTML standard's table (the one html5ever's tokenizer
/// reads pages with), where it stands for one character.
fn named_entity(name: &str) -> Option<char> {
    let (first, second) = *html5ever::data::NAMED_ENTITIES.get(format!("{name};").as_str())?;
    if second != 0 {
        return None;
    }
    char::from_u32(first)
}

/// Folds white space and trims; NFC-normalises only when the text is not already NFC-quick.
pub fn clean(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // Text made only of characters that are NFC_Quick_Check=Yes starters is NFC: the check is
    // needed only once another character is kept.
    let mut check_nfc = false;
    // Characters that are kept are copied a run at a time: the run starts at `start`.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Plain ASCII characters eight at a time: most of most text.
        if let Some(word) = bytes.get(i..i + 8) {
            let not_plain = not_plain(u64::from_le_bytes(word.try_into().expect("eight bytes")));
            if not_plain == 0 {
                i += 8;
                continue;
            }
            // On to the first byte that is not plain.
            i += not_plain.trailing_zeros() as usize / 8;
        }
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            // A lone space between plain characters is what folding makes of it anyway: the run
            // goes on across it, and is copied in one piece.
            let lone_space = b == b' ' && start < i && bytes.get(i + 1).is_some_and(|n| (0x21..0x80).contains(n));
            if lone_space || !is_ascii_space(b) {
                i += 1;
                continue;
            }
            (true, 1)
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            let space = c.is_whitespace();
            if !space && c != '\u{200b}' && c != '\u{feff}' && c != '\u{ad}' {
                check_nfc |= may_need_nfc(c);
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
        i += len;
        if space {
            pending_space = !out.is_empty();
            // The rest of a run of ASCII white space changes nothing.
            while i < bytes.len() && is_ascii_space(bytes[i]) {
                i += 1;
            }
        }
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
    let bytes = s.as_bytes();
    let mut at = 0;
    // Indentation: spaces eight at a time.
    while bytes.get(at..at + 8).is_some_and(|w| w == b"        ") {
        at += 8;
    }
    match bytes[at..].iter().position(|&b| !is_ascii_space(b)) {
        None => true,
        // Only ASCII before it, so it is a character boundary.
        Some(i) => !bytes[at + i].is_ascii() && s[at + i..].trim_start().is_empty(),
    }
}

/// Characters of unspaced script (Han, kana) weighed as one word: a Japanese or Chinese word
/// is about two of them.
const UNSPACED_CHARS_PER_WORD: usize = 2;

/// Whether `c` is written without spaces between words: Han ideographs and Japanese kana.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9d}')
}

/// The length of `s` in words, measured by its characters where no spaces part them: a
/// space-separated word counts one, and a run of Han or kana counts one word per
/// [`UNSPACED_CHARS_PER_WORD`] characters, so a Japanese sentence weighs like a German one.
pub fn word_count(s: &str) -> usize {
    // Han and kana start with a byte of 0xE3 or more; without one every word counts one.
    if !s.bytes().any(|b| b >= 0xe3) {
        if s.is_ascii() {
            // A word starts at every byte that is not white space and follows white space or
            // the start.
            let mut words = 0;
            let mut in_space = true;
            for &b in s.as_bytes() {
                let space = is_ascii_space(b);
                words += usize::from(in_space && !space);
                in_space = space;
            }
            return words;
        }
        return s.split_whitespace().count();
    }
    s.split_whitespace()
        .map(|w| {
            let unspaced = w.chars().filter(|&c| is_unspaced_script(c)).count();
            if unspaced == 0 { 1 } else { unspaced.div_ceil(UNSPACED_CHARS_PER_WORD).max(1) }
        })
        .sum()
}

/// [`word_count`] for a test against `cap` or fewer words: counting stops after `cap + 1`, so a
/// long paragraph costs no more than a short line.
pub fn word_count_at_most(s: &str, cap: usize) -> usize {
    if s.bytes().any(|b| b >= 0xe3) {
        return word_count(s).min(cap + 1);
    }
    s.split_whitespace().take(cap + 1).count()
}

/// Whether `c` closes a sentence or a quote, in Latin or East Asian punctuation.
pub fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '"' | '“' | '”' | '»' | '«' | ')' | '…' | '\'' | '。' | '！' | '？' | '」' | '』' | '）'
    )
}

/// The characters of `s` that are not white space (`char::is_whitespace`).
pub fn non_space_chars(s: &str) -> usize {
    char_counts(s).1
}

/// The characters of `s`, and those of them that are not white space.
pub fn char_counts(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let ascii_spaces = ascii_spaces(bytes);
    if s.is_ascii() {
        return (s.len(), s.len() - ascii_spaces);
    }
    // White space beyond ASCII starts with one of these four bytes: only there is it looked for.
    let candidates = memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).chain(memchr::memchr_iter(0xe1, bytes));
    let other_spaces = candidates.filter(|&at| is_wide_space(&bytes[at..])).count();
    let chars = s.chars().count();
    (chars, chars - ascii_spaces - other_spaces)
}

/// The ASCII white-space bytes in `bytes`, counted in byte-sized lanes (at most 255 to a chunk)
/// that the compiler can vectorise.
fn ascii_spaces(bytes: &[u8]) -> usize {
    let lanes = bytes
        .chunks(255)
        .map(|chunk| chunk.iter().fold(0u8, |n, &b| n + (u8::from(b == b' ') | u8::from(b.wrapping_sub(b'\t') < 5))));
    lanes.map(usize::from).sum()
}

/// Whether `bytes` open with a white-space character beyond ASCII: U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
fn is_wide_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xc2, 0x85 | 0xa0, ..]
            | [0xe1, 0x9a, 0x80, ..]
            | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
            | [0xe2, 0x81, 0x9f, ..]
            | [0xe3, 0x80, 0x80, ..]
    )
}

/// Whether `c` may make text that is not NFC. Below U+0300 (Latin) and in General
/// Punctuation and the currency signs (typographic quotes, dashes, the euro) every character
/// is an NFC_Quick_Check=Yes starter; white space is never kept.
fn may_need_nfc(c: char) -> bool {
    c >= '\u{300}' && !('\u{2000}'..='\u{20cf}').contains(&c)
}

/// The high bit of each of eight bytes (the first byte lowest) that is not plain ASCII above
/// the space (`!` to DEL), at least for the first such byte: the bytes after it may show up
/// too. No bit set: all eight are plain, no white space, nothing to drop or normalise.
fn not_plain(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x21 borrows into its own high bit when 0x21 is taken from it; a borrow only
    // carries into the bytes after it, so the first flagged byte is exact.
    (word & HIGH) | (word.wrapping_sub(ONES * 0x21) & !word & HIGH)
}

/// The ASCII characters `char::is_whitespace` takes: tab, line feed, vertical tab, form feed,
/// carriage return and space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Lowercase hex, two digits a byte (content hashes and record ids).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// File endings of pictures, lowercase.
const IMAGE_FILE_ENDINGS: &[&str] = &[".avif", ".gif", ".jpeg", ".jpg", ".png", ".webp"];

/// An address whose path names an image file (`….jpg`), not a page about one.
pub fn is_image_file(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    IMAGE_FILE_ENDINGS.iter().any(|e| path.ends_with(e))
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_measured_by_characters_where_no_spaces_part_them() {
        assert_eq!(super::word_count("Der Bund will mehr Geld ausgeben."), 6);
        // Twelve Han and kana characters weigh six words; a Latin word among them one.
        assert_eq!(super::word_count("政府は新しい予算案を発表した"), 7);
        assert_eq!(super::word_count("東京 NHK"), 2);
        assert!(super::is_closing_punct('。'));
        assert!(!super::is_closing_punct(':'));
    }

    use super::clean;

    #[test]
    fn hex_is_two_lowercase_digits_a_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(super::hex(&all), all.iter().map(|b| format!("{b:02x}")).collect::<String>());
    }

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
    fn wide_spaces_are_the_white_space_beyond_ascii() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            assert_eq!(super::is_wide_space(c.encode_utf8(&mut buf).as_bytes()), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn plain_words_are_ascii_above_the_space() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                let plain = (0x21..0x80).contains(&b);
                let mask = super::not_plain(u64::from_le_bytes(word));
                assert_eq!(mask == 0, plain, "{b:#x} at {at}");
                if !plain {
                    assert_eq!(mask.trailing_zeros() / 8, at as u32, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn characters_that_skip_the_nfc_check_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for c in (char::MIN..=char::MAX).filter(|&c| !super::may_need_nfc(c) && !c.is_whitespace()) {
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
        fn words_of_spaced_text_are_its_runs_between_white_space(
            s in "[ a-z.\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{1680}\u{2000}\u{200a}\u{200b}\u{2028}\u{202f}\u{205f}äöüß€„“\u{1100}]{0,40}",
            cap in 0usize..12
        ) {
            proptest::prop_assert_eq!(super::word_count(&s), s.split_whitespace().count());
            proptest::prop_assert_eq!(super::word_count_at_most(&s, cap), super::word_count(&s).min(cap + 1));
        }

        #[test]
        fn plain_words_on_any_bytes(
            bytes in proptest::array::uniform8(proptest::prop_oneof![0x19u8..0x23, 0x7eu8..0x82, 0x21u8..0x80])
        ) {
            let first = bytes.iter().position(|b| !(0x21..0x80).contains(b));
            let mask = super::not_plain(u64::from_le_bytes(bytes));
            proptest::prop_assert_eq!((mask != 0).then(|| mask.trailing_zeros() as usize / 8), first);
        }

        #[test]
        fn blank_agrees_with_trim_on_indentation(s in "[ ]{0,20}[ \n\tx\u{a0}\u{3000}]{0,3}[ ]{0,20}") {
            proptest::prop_assert_eq!(super::is_blank(&s), s.trim().is_empty());
        }

        #[test]
        fn blank_and_non_space_count_agree_with_std(
            s in "[ a\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{a9}\u{ad}\u{1680}\u{1e9e}\u{2000}\u{2009}\u{200a}\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}ä€]{0,12}"
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
