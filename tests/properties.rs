//! Property tests: whatever the bytes, `parse_page` gives a record or a typed error and never
//! panics; every record it gives keeps the contract; the same bytes give the same record.
//!
//! The number of cases is proptest's default (256 per property) unless `PROPTEST_CASES` says
//! otherwise; CI runs them with `PROPTEST_CASES=2000` in release mode.

#[path = "common/contract.rs"]
mod contract;

use newsparse::{Error, Limits, parse_page};
use proptest::prelude::*;

/// Parses twice, checks determinism and, for a record, the contract. Errors are fine, but a
/// small page never runs out of time.
fn check_page(bytes: &[u8], path: &str) -> Result<(), TestCaseError> {
    let limits = Limits::default();
    let first = parse_page(bytes, path, &limits);
    let second = parse_page(bytes, path, &limits);
    match (&first, &second) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(a, b, "same bytes, different records");
            prop_assert_eq!(&a.source.path, path);
            if let Err(e) = contract::check(a) {
                return Err(TestCaseError::fail(format!("{e}\ninput: {:?}", String::from_utf8_lossy(bytes))));
            }
        }
        (Err(a), Err(b)) => {
            prop_assert!(!matches!(a, Error::Timeout { .. }), "a small page timed out");
            prop_assert_eq!(a.to_string(), b.to_string(), "same bytes, different errors");
            prop_assert!(!a.to_string().is_empty());
        }
        _ => prop_assert!(false, "same bytes, once a record and once an error: {:?} / {:?}", first, second),
    }
    Ok(())
}

fn any_path() -> impl Strategy<Value = String> {
    prop_oneof![Just("-".to_string()), Just("a.html".to_string()), Just("seite.txt".to_string()), "[a-z/ ]{0,12}",]
}

// ---- copied text ------------------------------------------------------------------------

fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Weitere Meldungen".to_string()),
        Just("Mehr zum Thema".to_string()),
        Just("08.01.2026 - 15:10:39".to_string()),
        Just("Stand: 08.01.2026, 15:10 Uhr".to_string()),
        Just("Aktualisiert: 23.15 Uhr".to_string()),
        Just("Von Anna Beispiel und Jan Muster, dpa".to_string()),
        Just("© dpa-infocom, dpa:260108-99-012345/2".to_string()),
        Just("Foto: Max Mustermann/dpa".to_string()),
        Just("Lesen Sie auch: Etwas anderes".to_string()),
        Just("weiterlesen...".to_string()),
        Just("Ukraine, Russland".to_string()),
        "[A-ZÄÖÜ][a-zäöüß]{2,10}( [a-zäöüß]{2,10}){2,8}",
        "(Berlin|Frankfurt/Main|Hamburg/Kiel) \\((dpa|dpa-AFX|dpa/lno)\\) - [A-Z][a-z]{2,8}( [a-zäöü]{2,9}){3,20}\\.",
        "[A-Z][a-z]{3,9}( [a-z]{2,9}){2,10} \\((Boerse|Politik|Sport), [0-3][0-9]\\.[01][0-9]\\.20[0-9]{2} - [0-2][0-9]:[0-5][0-9]\\) weiterlesen\\.\\.\\.",
        "[ \t\u{a0}]{0,3}[a-zA-Z0-9äöü.,;:!?()\\-]{1,12}( {1,3}[a-zA-Z0-9äöü.,;:!?()\\-]{1,12}){0,15}[ \t\u{a0}]{0,3}",
    ]
}

fn text_page() -> impl Strategy<Value = String> {
    (prop::collection::vec((text_line(), prop::bool::ANY), 1..40), prop::sample::select(vec!["\n", "\r\n"])).prop_map(
        |(lines, nl)| {
            let mut s = String::new();
            for (l, blank) in lines {
                s.push_str(&l);
                s.push_str(nl);
                if blank {
                    s.push_str(nl);
                }
            }
            s
        },
    )
}

// ---- markup -------------------------------------------------------------------------------

fn inline_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-zäöüÄÖÜß]{1,10}( [A-Za-zäöüß,.]{1,10}){0,12}",
        1 => prop::sample::select(vec![
            "&amp;", "&nbsp;", "&#8211;", "&#x2013;", "&uuml;", "&lt;", "&gt;", "&quot;", "&bogus;", "&", "&#", "&#x;",
            "(dpa)", "(dpa-AFX)", "Berlin (dpa) - ", "Weitere Meldungen", "weiterlesen...", "08.01.2026 - 15:10:39",
            "15:10 Uhr", "Stand: 08.01.2026", " Uhr", "\u{a0}", "\u{ad}", "\u{200b}", " \n\t ", "Von Anna Beispiel",
            "(Boerse, 10.02.2026 - 18:29)", "© dpa", "Foto: dpa",
        ])
        .prop_map(str::to_string),
    ]
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "a",
    "b",
    "strong",
    "em",
    "i",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "article",
    "section",
    "aside",
    "nav",
    "footer",
    "header",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "time",
    "script",
    "style",
    "noscript",
    "svg",
    "template",
    "textarea",
    "title",
    "form",
    "button",
    "select",
    "option",
    "main",
    "dl",
    "dt",
    "dd",
    "font",
    "center",
    "marquee",
    "object",
    "caption",
    "details",
    "summary",
];

const ATTRS: &[&str] = &[
    "",
    " class=\"article-body\"",
    " class=\"kicker\"",
    " class=\"lead intro\"",
    " class=\"teaser\"",
    " class=\"share social\"",
    " id=\"main\"",
    " href=\"/artikel/1.html\"",
    " href=\"https://example.de/a?b=1&amp;c=2\"",
    " datetime=\"2026-01-08T14:10:39Z\"",
    " itemprop=\"headline\"",
    " itemprop=\"datePublished\" content=\"2026-01-08T15:10:39+01:00\"",
    " hidden",
    " style=\"display: none\"",
    " aria-hidden=\"true\"",
];

/// Fragments of broken markup, dropped between well-formed pieces.
fn broken() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "<div",
        "</p>",
        "</div></div>",
        "<p <p>",
        "<a href='",
        "<!--",
        "-->",
        "<!-- x",
        "<![CDATA[ x ]]>",
        "</",
        "<",
        ">",
        "<br>",
        "<br/>",
        "<hr>",
        "<img src=x>",
        "<h1>",
        "</h1>",
        "<td>",
        "</table>",
        "<li>",
        "<p/>",
        "<b><i>x</b></i>",
        "<script>",
        "</script>",
        "<meta charset=\"latin1\">",
        "<html lang=de>",
        "<body>",
        "</body>",
        "</html>",
    ])
    .prop_map(str::to_string)
}

fn element() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![6 => inline_text(), 1 => broken()];
    leaf.prop_recursive(6, 80, 6, |inner| {
        (
            prop::sample::select(TAGS),
            prop::sample::select(ATTRS),
            prop::collection::vec(inner, 0..6),
            prop::bool::weighted(0.9),
        )
            .prop_map(|(tag, attrs, children, close)| {
                let mut s = format!("<{tag}{attrs}>");
                for c in children {
                    s.push_str(&c);
                }
                if close {
                    s.push_str(&format!("</{tag}>"));
                }
                s
            })
    })
}

/// A page: usually with a head that names a headline, a body of generated elements, and now
/// and then a pathological nesting run.
fn html_page() -> impl Strategy<Value = String> {
    (
        prop::option::of("[A-Z][a-zäöü]{2,9}( [a-zäöü]{2,9}){1,6}"),
        prop::collection::vec(element(), 0..8),
        prop::option::of((prop::sample::select(TAGS), 0usize..700, prop::bool::ANY)),
    )
        .prop_map(|(title, body, deep)| {
            let mut s = String::from("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">");
            if let Some(t) = &title {
                s.push_str(&format!("<title>{t} | Portal</title><meta property=\"og:title\" content=\"{t}\">"));
            }
            s.push_str("</head><body>");
            if let Some(t) = &title {
                s.push_str(&format!("<h1>{t}</h1>"));
            }
            for (i, e) in body.iter().enumerate() {
                if let Some((tag, n, close)) = deep
                    && i == body.len() / 2
                {
                    s.push_str(&format!("<{tag}>").repeat(n));
                    s.push_str(e);
                    if close {
                        s.push_str(&format!("</{tag}>").repeat(n));
                    }
                } else {
                    s.push_str(e);
                }
            }
            s.push_str("</body></html>");
            s
        })
}

proptest! {
    #[test]
    fn any_bytes_give_a_record_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2048), path in any_path()) {
        check_page(&bytes, &path)?;
    }

    #[test]
    fn any_text_gives_a_record_or_an_error(s in "\\PC{0,400}") {
        check_page(s.as_bytes(), "-")?;
    }

    #[test]
    fn copied_text_pages_keep_the_contract(page in text_page()) {
        check_page(page.as_bytes(), "seite.txt")?;
    }

    #[test]
    fn generated_html_keeps_the_contract(page in html_page()) {
        check_page(page.as_bytes(), "seite.html")?;
    }

    #[test]
    fn gzip_of_generated_html_is_the_same_article(page in html_page()) {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(page.as_bytes()).unwrap();
        let packed = e.finish().unwrap();
        let plain = parse_page(page.as_bytes(), "p", &Limits::default()).ok();
        let unpacked = parse_page(&packed, "p", &Limits::default()).ok();
        prop_assert_eq!(plain.map(|r| r.id), unpacked.map(|r| r.id));
    }
}

// ---- printed times ----------------------------------------------------------------------

const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SWEDISH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// One wall-clock time printed in every form the tool reads without a zone.
fn printed_forms(y: i32, m: usize, d: u32, h: u32, min: u32) -> Vec<String> {
    let (h12, half) = ((h + 11) % 12 + 1, if h < 12 { "AM" } else { "PM" });
    let i = m - 1;
    vec![
        format!("Stand: {d:02}.{m:02}.{y}, {h:02}:{min:02} Uhr"),
        format!("{d}. {} {y} um {h}:{min:02} Uhr", GERMAN_MONTHS[i]),
        format!("{} {d}, {y}, {h12}:{min:02} {half}", ENGLISH_MONTHS[i]),
        format!("{d} {} {y} à {h:02}h{min:02}", FRENCH_MONTHS[i]),
        format!("{d} {} {y} kl. {h:02}.{min:02}", SWEDISH_MONTHS[i]),
        format!("{d:02}/{m:02}/{y} - {h:02}:{min:02}"),
        format!("{y}/{m:02}/{d:02} {h:02}:{min:02}"),
        format!("{h:02}:{min:02}, {d} {} {y}", &ENGLISH_MONTHS[i][..3]),
    ]
}

proptest! {
    #[test]
    fn a_berlin_time_printed_in_any_form_reads_back(
        y in 1995i32..2095, m in 1usize..=12, d in 1u32..=28, h in 0u32..24, min in 0u32..60,
    ) {
        let naive = chrono::NaiveDate::from_ymd_opt(y, m as u32, d).unwrap().and_hms_opt(h, min, 0).unwrap();
        let want = newsparse::time::berlin(naive).0;
        for form in printed_forms(y, m, d, h, min) {
            let got = newsparse::time::parse_printed(&form);
            prop_assert_eq!(got.as_ref().map(|s| s.at), Some(want), "{}", form);
            prop_assert!(got.is_some_and(|s| s.has_time && !s.has_seconds), "{}", form);
        }
    }

    #[test]
    fn a_time_printed_with_a_zone_is_the_same_instant(
        y in 1995i32..2095, m in 1usize..=12, d in 1u32..=28, h in 0u32..24, min in 0u32..60,
        zone in prop_oneof![Just(("UTC", 0)), Just(("JST", 540)), Just(("EDT", -240)), Just(("GMT+2", 120)), Just(("MSK", 180))],
    ) {
        let naive = chrono::NaiveDate::from_ymd_opt(y, m as u32, d).unwrap().and_hms_opt(h, min, 0).unwrap();
        let want = naive.and_utc() - chrono::TimeDelta::minutes(zone.1);
        let forms = [
            format!("{} {d}, {y}, {h:02}:{min:02} {}", ENGLISH_MONTHS[m - 1], zone.0),
            format!("{h:02}:{min:02} {}, {d} {} {y}", zone.0, ENGLISH_MONTHS[m - 1]),
        ];
        for form in forms {
            let got = newsparse::time::parse_printed(&form).map(|s| s.at);
            prop_assert_eq!(got, Some(want.fixed_offset()), "{}", form);
        }
    }
}
