//! The lexicon: every word list extraction reads, and every regex built from word lists, in
//! one place (after dom_smoothie's `glob.rs`, which keeps all its patterns in one file). Each
//! list says why it exists; each is sorted and free of duplicates (a unit test checks), so a
//! newcomer adds a word in one spot and binary search works where it is used. Place names are
//! data, not wording: they stay in [`super::gazetteer`]; month names belong to [`crate::time`].
//!
//! Word boundaries in every pattern here and in `patterns`, `copied` and `time` are ASCII ones,
//! `(?-u:\b)`: with a Unicode `\b` the regex crate's fast engine gives up at the first umlaut
//! and a slow one reads the line again. The two differ only next to a non-ASCII letter
//! (`Südpa…`), which no word the patterns look for stands beside.

use regex::Regex;
use std::sync::LazyLock;

// ---- Class and id names -------------------------------------------------------------------

/// Class/id/itemprop parts that name an element holding the byline's names (`article-author`,
/// `byline`, `itemprop="author"`).
pub const BYLINE_NAMES: &[&str] = &["author", "authors", "autor", "autoren", "byline"];

/// Class/id parts that name a boilerplate container (`share-bar`, `related_articles`).
pub const BOILERPLATE_NAMES: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anzeige",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "cta",
    "disqus",
    "empfehlung",
    "empfehlungen",
    "footer",
    "gdpr",
    "kommentar",
    "kommentare",
    "meistgelesen",
    "menu",
    "modal",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "popup",
    "promo",
    "recommend",
    "recommendations",
    "related",
    "share",
    "shariff",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "socials",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "tags",
    "toolbar",
    "werbung",
];

/// Class/id parts that make a container less likely the article's without ruling it out.
pub const WEAK_BOILERPLATE_NAMES: &[&str] = &[
    "author", "bio", "carousel", "gallery", "login", "masthead", "paywall", "print", "rating", "skip", "slider",
    "teaser",
];

/// Length of the longest word in the two name lists above: longer class parts are skipped.
pub const MAX_NAME_LEN: usize = 15;

/// Prefixes of state classes (`has-sharing`, `is-sticky`): how an element looks, not what it is.
pub const STATE_CLASS_PREFIXES: &[&str] = &["has-", "is-", "no-", "with-"];

/// Class/id parts of article containers: a small bonus when scoring containers.
const ARTICLE_NAMES: &[&str] = &[
    "article",
    "article-?body",
    "article-?text",
    "articlebody",
    "artikel",
    "beitrag",
    "blog",
    "body",
    "content",
    "copy",
    "entry",
    "entry-?content",
    "inhalt",
    "main",
    "page-?content",
    "post",
    "post-?content",
    "richtext",
    "rte",
    "story",
    "story-?body",
    "text",
];

/// A class attribute that names an article container (any of [`ARTICLE_NAMES`] as a part).
pub static ARTICLE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[\s_-])(?:{})(?:$|[\s_-])", ARTICLE_NAMES.join("|"))).expect("article class regex")
});

/// Class/id parts that mark the kicker (Dachzeile) above a headline.
pub const KICKER_NAMES: &[&str] = &[
    "dachzeile",
    "eyebrow",
    "heading-pre",
    "kicker",
    "label",
    "overline",
    "ressort",
    "roofline",
    "spitzmarke",
    "subtitle-top",
    "supertitle",
    "topline",
];

/// Class/id parts that mark the lead (Vorspann) under a headline.
pub const LEAD_NAMES: &[&str] = &[
    "abstract",
    "anleser",
    "deck",
    "dek",
    "description",
    "einleitung",
    "excerpt",
    "intro",
    "kurztext",
    "lead",
    "standfirst",
    "subline",
    "summary",
    "teaser",
    "vorspann",
];

// ---- Page furniture wording ---------------------------------------------------------------

/// Words besides `cookie` that give a consent banner away (stems: `zustimm` for `zustimmen`).
pub const CONSENT_WORDS: &[&str] =
    &["accept", "akzeptier", "consent", "einverstanden", "einwillig", "speicher", "zustimm"];

/// Labels around a date in a date line (`Stand: 4. Mai 2026, 11.20 Uhr`) and the words that join
/// its parts (`3 de mayo de 2024 a las 10:00`, `kl. 09.00`, `4:55 p.m.`): not words of a sentence.
pub const DATE_LABELS: &[&str] = &[
    "a.m",
    "aktualisiert",
    "aktualisierung",
    "alle",
    "am",
    "at",
    "datum",
    "de",
    "erstellt",
    "geändert",
    "kl",
    "klo",
    "klockan",
    "klokken",
    "las",
    "letzte",
    "modified",
    "om",
    "on",
    "opdateret",
    "oppdatert",
    "ore",
    "p.m",
    "pm",
    "posted",
    "publicerad",
    "publiceret",
    "publisert",
    "published",
    "publiziert",
    "stand",
    "uhr",
    "um",
    "update",
    "updated",
    "uppdaterad",
    "uur",
    "veröffentlicht",
    "veröffentlichung",
    "vom",
    "von",
    "zuletzt",
    "à",
    "às",
];

/// Weekday names and abbreviations, lowercase, that open a date (`Freitag, 1. Mai 2026`,
/// `Fri, May 1`): not names.
pub const WEEKDAYS: &[&str] = &[
    "di",
    "dienstag",
    "do",
    "domingo",
    "donderdag",
    "donnerstag",
    "fr",
    "fre",
    "freitag",
    "fri",
    "friday",
    "giovedì",
    "jeudi",
    "jueves",
    "lundi",
    "lunedì",
    "lunes",
    "mandag",
    "mardi",
    "martedì",
    "martes",
    "mercoledì",
    "mercredi",
    "miércoles",
    "mi",
    "mittwoch",
    "mo",
    "mon",
    "monday",
    "montag",
    "sa",
    "sabato",
    "samedi",
    "samstag",
    "sat",
    "saturday",
    "so",
    "sonntag",
    "sun",
    "sunday",
    "thu",
    "thursday",
    "tue",
    "tuesday",
    "venerdì",
    "vendredi",
    "viernes",
    "vrijdag",
    "wed",
    "wednesday",
    "zaterdag",
    "zondag",
];

/// Share and action buttons and the networks they name, lowercase: a line of nothing else
/// (`Teilen Posten Senden Mailen Merken`, `Facebook X WhatsApp`) is a button row.
pub const SHARE_ACTIONS: &[&str] = &[
    "anhören",
    "bluesky",
    "comment",
    "copy",
    "drucken",
    "e-mail",
    "email",
    "empfehlen",
    "facebook",
    "flipboard",
    "instagram",
    "kommentieren",
    "kopieren",
    "link",
    "linkedin",
    "mail",
    "mailen",
    "mastodon",
    "merken",
    "messenger",
    "pinterest",
    "post",
    "posten",
    "print",
    "reddit",
    "save",
    "senden",
    "share",
    "speichern",
    "telegram",
    "teilen",
    "threads",
    "tweet",
    "twitter",
    "versenden",
    "vorlesen",
    "whatsapp",
    "x",
    "xing",
];

/// Words that join a share action to its network (`Share on Facebook`, `Teilen auf X`).
pub const SHARE_CONNECTORS: &[&str] = &["auf", "on", "per", "via"];

/// Lowercase wordings that start the update half of a date line (`… | Aktualisiert: …`).
pub const UPDATE_LABELS: &[&str] = &["aktualisiert", "geändert", "modified", "stand:", "update"];

/// Link texts that only say "read on": stripped from a teaser's end, skipped as a teaser line.
pub const READ_MORE: &[&str] =
    &["mehr", "mehr...", "read more", "weiterlesen", "weiterlesen...", "weiterlesen…", "zum artikel"];

/// Headings of related-teaser lists, lowercase and without colon: the list after one is teasers.
pub const RELATED_HEADINGS: &[&str] = &[
    "auch interessant",
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "mehr aus dem ressort",
    "mehr nachrichten",
    "mehr zum thema",
    "more on this story",
    "read more",
    "related",
    "related articles",
    "related stories",
    "schlagzeilen",
    "verwandte artikel",
    "verwandte themen",
    "weitere artikel",
    "weitere meldungen",
    "weitere nachrichten",
];

/// Longer than the longest of [`RELATED_HEADINGS`] in any letter case (lowercasing can shrink
/// a few letters, never by more than twice): longer lines are never asked further.
pub const RELATED_HEADING_MAX_BYTES: usize = 80;

/// Headings besides [`RELATED_HEADINGS`] that close the article text: what follows is about the
/// author, the comments or further reading, in any language the pages come in.
pub const END_MARKERS: &[&str] = &[
    "about the author",
    "beliebte artikel",
    "comments",
    "czytaj także",
    "fragen an den autor",
    "further reading",
    "kommentar schreiben",
    "kommentare",
    "kommentare schreiben",
    "lee también",
    "leggi anche",
    "leia também",
    "lesen sie auch",
    "lire aussi",
    "más noticias",
    "neueste artikel",
    "quellen",
    "related posts",
    "schon gelesen?",
    "teilen",
    "top themen der redaktion",
    "veja também",
    "weitere beiträge",
    "weiterführende informationen",
    "weiterführende links",
    "weiterführender link",
    "you may also like",
    "zobacz także",
    "zum weiterlesen",
    "à lire aussi",
    "über den autor",
    "über die autorin",
];

/// Labels that put a link to another article after a colon (`Mehr zum Thema: Neue Regeln`), in
/// the languages of the pages (`Les også: …`, `Read more: …`); `Lesen Sie auch …` is matched
/// on its own.
const PROMO_LABELS: &[&str] = &[
    "also read",
    "auch interessant",
    "lea también",
    "lees ook",
    "leggi anche",
    "leia também",
    "les også",
    "lire aussi",
    "läs också",
    "læs også",
    "mehr dazu",
    "mehr zum thema",
    "read also",
    "read more",
    "see also",
];

/// Words after a separator that close a link to another article (`Feuerwehr protestiert am
/// Landtag | mehr`, `… | audio`), lowercase.
pub const LINK_TAIL_WORDS: &[&str] = &["audio", "mehr", "read more", "video", "weiterlesen"];

/// Separators before a [`LINK_TAIL_WORDS`] word.
pub const LINK_TAIL_SEPARATORS: [char; 3] = ['|', '»', '›'];

/// Labels of captions and image or source credits in a line of its own, in the languages the
/// pages come in; the German photo words of [`PHOTO_WORDS`] count as well.
const CAPTION_LABELS: &[&str] = &[
    "abbildung",
    "bildquelle",
    "credits?",
    "crédits? photos?",
    "image",
    "photo",
    "photos",
    "quelle",
    "source",
    "titelbild",
];

// ---- Photo credits ------------------------------------------------------------------------

/// German words that label a picture or its credit (`Foto: …`, `Archivbild: …`).
pub const PHOTO_WORDS: &[&str] =
    &["archivbild", "archivfoto", "bild", "bilder", "foto", "fotos", "grafik", "symbolbild"];

/// German words that label an illustration rather than a photo: promos and captions only.
const ILLUSTRATION_WORDS: &[&str] = &["illustration", "infografik", "symbolfoto"];

/// Picture agencies, lowercase, as they stand in a credit (`© picture alliance/dpa`).
const PICTURE_AGENCIES: &[&str] = &["getty images", "imago", "picture[- ]alliance"];

/// A picture agency named anywhere in a text, in any case (`IMAGO/Anna Muster`, `Getty Images`).
pub static PICTURE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alternation(PICTURE_AGENCIES))).expect("picture agency regex")
});

/// The alternation of `words`, longest first so that no word shadows a longer one.
fn alternation(words: &[&str]) -> String {
    let mut w = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.join("|")
}

/// `Foto` for `foto`: labels as they are capitalised at a sentence's or caption's start.
fn capitalised(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect()
}

/// A credit line's value that names a picture, not a source (`Foto: …`, `picture alliance`).
pub static PHOTO_CREDIT_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{}|video)(?-u:\b)|getty images|picture[- ]alliance|(?-u:\b)imago(?-u:\b)",
        alternation(PHOTO_WORDS)
    ))
    .expect("photo credit value regex")
});

/// A capitalised photo label with its colon anywhere in a paragraph (`… Foto: Max Jr./STF`).
/// Not `Bilder`/`Grafik`: they were not in this regex before its words came from
/// [`PHOTO_WORDS`], and adding them would change output.
pub static PHOTO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = PHOTO_WORDS.iter().copied().filter(|w| !matches!(*w, "bilder" | "grafik")).collect();
    Regex::new(&format!(r"(?-u:\b)(?:{})\s*:", capitalised(&words).join("|"))).expect("photo label regex")
});

/// A caption line closing on a photo credit: `… Foto: Max Muster/dpa`.
/// Not `Bilder`/`Grafik`/`Symbolbild`, for the same reason as in [`PHOTO_LABEL`]; every word it
/// takes must contain one of [`TRAILING_PHOTO_HINTS`].
pub static TRAILING_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> =
        PHOTO_WORDS.iter().copied().filter(|w| !matches!(*w, "bilder" | "grafik" | "symbolbild")).collect();
    Regex::new(&format!(
        r"(?:^|\s|\()(?:{})\s*:\s*[^:]{{1,80}}(?:/|\s)(?:{})\S*\s*\)?$",
        capitalised(&words).join("|"),
        CREDIT_AGENCIES.join("|")
    ))
    .expect("trailing photo credit regex")
});

/// Whether a text names one of the [`CREDIT_AGENCIES`] as a word of its own (`Max Muster/dpa`,
/// `AP Photo`, `Getty Images`), not inside another word.
pub fn names_credit_agency(text: &str) -> bool {
    let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    CREDIT_AGENCIES.iter().any(|a| {
        text.match_indices(a)
            .any(|(i, _)| apart(text[..i].chars().next_back()) && apart(text[i + a.len()..].chars().next()))
    })
}

/// Words one of which [`TRAILING_PHOTO_CREDIT`] needs: a cheap test before the regex runs.
pub const TRAILING_PHOTO_HINTS: &[&str] = &["Archiv", "Bild", "Foto"];

/// Agencies and picture agencies as a photo caption credits them after the photographer
/// (case-sensitive; `dpa` already covers `dpa-tmn` as the regex allows a tail).
const CREDIT_AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "Getty Images",
    "KNA",
    "Reuters",
    "dpa",
    "dpa-Zentralbild",
    "dpa-tmn",
    "epd",
    "imago",
    "picture alliance",
];

// ---- Pictures, captions and tags (images, keywords, site) --------------------------------------

/// Class/id parts of a picture or a container near it that say it is not the article's
/// picture: logos, icons, author portraits, ads, teasers, sidebars.
pub const NOT_PICTURE_NAMES: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anzeige",
    "author",
    "authors",
    "autor",
    "autoren",
    "avatar",
    "byline",
    "comment",
    "comments",
    "footer",
    "icon",
    "icons",
    "logo",
    "menu",
    "nav",
    "navigation",
    "newsletter",
    "outbrain",
    "person",
    "profil",
    "profile",
    "promo",
    "recommendations",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "taboola",
    "werbung",
];

/// Parts of a picture's file name that make it a logo, an icon or a placeholder
/// (`appIcon.png`, `spacer/16.png`).
pub const ICON_FILE_PARTS: &[&str] = &["avatar", "blank", "icon", "logo", "pixel", "placeholder", "spacer", "sprite"];

/// Class/id parts that name a picture's container (`article__picture`, `image-widget`).
pub const PICTURE_NAMES: &[&str] = &["bild", "figure", "foto", "image", "img", "media", "photo", "picture"];

/// Class/id parts that name a figure's credit element (`figure__credit`, `bildquelle`).
pub const PICTURE_CREDIT_NAMES: &[&str] =
    &["bildnachweis", "bildquelle", "copyright", "credit", "credits", "fotograf", "photographer", "quelle", "source"];

/// Class/id parts that name a figure's caption element (`figure__caption`, `bildunterschrift`).
pub const PICTURE_CAPTION_NAMES: &[&str] =
    &["bildunterschrift", "caption", "desc", "description", "figcaption", "legende"];

/// A gallery's count of its pictures, not caption text: `2`, `1/12`, `Bild 3 von 7`,
/// `View 3 Images`, `12 Fotos`.
pub static PICTURE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:(?:view|see|show|alle|zeige|zur)\s+)?",
        r"(?:(?:bild|foto|image|photo|picture)\s+)?\d{1,3}(?:\s*(?:/|von|of)\s*\d{1,3})?",
        r"(?:\s+(?:images?|photos?|pictures?|bilder|fotos|galerie))?$"
    ))
    .expect("picture count regex")
});

/// Labels that open a photo credit when a colon follows (`Foto: …`); `©` and `(c)` need none.
const CREDIT_LABELS: &[&str] = &[
    "Archivbild",
    "Archivfoto",
    "Bild",
    "Bilder",
    "Bildnachweis",
    "Bildquelle",
    "Copyright",
    "Credit",
    "Credits",
    "Foto",
    "Fotograf",
    "Fotos",
    "Image",
    "Photo",
    "Photograph",
    "Photos",
    "Quelle",
    "Symbolbild",
    "Symbolfoto",
    "Titelbild",
];

/// Labels that open a photo credit followed by its author (`Foto von …`, `Picture by …`).
const CREDIT_BY_LABELS: &[&str] = &[
    "Bild von",
    "Foto von",
    "Fotos von",
    "Image by",
    "Photo by",
    "Photograph by",
    "Photos by",
    "Picture by",
    "Pictures by",
];

/// Where a photo credit starts in a caption line: a credit label with its colon, a by-label,
/// `©`, `(c)` or `Copyright`, at the start or after a space or separator.
pub static PICTURE_CREDIT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(|/–—·-])(?:(?:{})\s*:|(?:{})\s|©|\(c\)\s|Copyright(?-u:\b))",
        alternation(CREDIT_LABELS),
        alternation(CREDIT_BY_LABELS)
    ))
    .expect("picture credit start regex")
});

/// The decoration opening a photo credit (separators, `©`, labels), to be cut off.
pub static PICTURE_CREDIT_DECORATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[\s(|/–—·-]|©|\(c\)\s|(?:{})\s*:|(?:{})\s|Copyright(?-u:\b))+",
        alternation(CREDIT_LABELS),
        alternation(CREDIT_BY_LABELS)
    ))
    .expect("picture credit decoration regex")
});

/// Class/id parts, and path segments of links (`/thema/…`, `/tag/…`), that name a tag list
/// (`article-tags`, `tag_list`, `schlagworte`).
pub const TAG_LIST_NAMES: &[&str] = &[
    "keywords",
    "schlagwort",
    "schlagworte",
    "stichwort",
    "stichworte",
    "tag",
    "taglist",
    "tagliste",
    "tags",
    "thema",
    "themen",
    "topic",
    "topics",
];

/// Path segments of a site's sections (`/category/kultur/`): a `rel="tag"` link to one names
/// the article's section, not a topic tag of it.
pub const SECTION_PATH_NAMES: &[&str] = &["categories", "category", "kategorie", "kategorien", "ressort", "rubrik"];

/// Lines, lowercase and without their colon, that introduce a list of tag links (`Themen:`,
/// `Mehr lesen über`).
pub const TAG_LABELS: &[&str] = &[
    "mehr lesen über",
    "mehr zu den themen",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "stichwörter",
    "tags",
    "themen",
    "topics",
];

/// Endings of lowercase schema.org `@type`s whose JSON-LD object describes the article or its
/// page, whose `publisher` is the site (`NewsArticle`, `BlogPosting`).
pub const ARTICLE_TYPE_ENDINGS: &[&str] = &["article", "posting", "report", "webpage"];

/// Picture and stock sources, lowercase: a credit naming one belongs to a picture, never to
/// the text (`© Unsplash`, `Quelle: Shutterstock/…`, `DPA Images | …`).
const STOCK_SOURCES: &[&str] = &[
    "adobe stock",
    "adobestock",
    "clipdealer",
    "content pool",
    "fotolia",
    "getty",
    "gettyimages",
    "images",
    "istock",
    "pexels",
    "photo",
    "photograph",
    "pixabay",
    "shutterstock",
    "stock.adobe.com",
    "thinkstock",
    "unsplash",
    "wikimedia",
];

/// A credit value that names a picture or stock source.
pub static STOCK_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = STOCK_SOURCES.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", words.join("|"))).expect("stock source regex")
});

/// Text before a `©` in a line that labels a picture (`Rubriklistenbild: ©`, `Bild ©`).
pub static PHOTO_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?:{})\s*:?\s*$", alternation(PHOTO_WORDS))).expect("photo credit end regex")
});

/// Wording of a site's copyright footer or rights notice, lowercase, in the languages the pages
/// come in: such a line is nobody's credit (`© 2026 Verlag GmbH. Alle Rechte vorbehalten.`).
const RIGHTS_WORDS: &[&str] = &[
    "all rights",
    "alle rechte",
    "datenschutz",
    "direitos reservados",
    "droits reserves",
    "droits réservés",
    "impressum",
    "licencja",
    "powered by",
    "prawa zastrzeżone",
    "rechte am artikel",
    "riproduzione riservata",
];

/// Legal forms of a company: the holder of a copyright notice, not an agency credit.
const LEGAL_FORMS: &[&str] = &["GmbH", "Inc", "KG", "LLC", "Ltd", "SA", "Verlag", "m\\.b\\.H", "mbH"];

/// A copyright footer rather than a text's credit: rights wording, a year (`© 2023 …`,
/// `1999-2024`) or a company's legal form.
pub static COPYRIGHT_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    let rights: Vec<String> = RIGHTS_WORDS.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(
        r"(?i:{})|(?-u:\b)(?:199\d|20\d\d)(?-u:\b)|(?-u:\b)(?:{})(?-u:\b)",
        rights.join("|"),
        LEGAL_FORMS.join("|")
    ))
    .expect("copyright footer regex")
});

/// Whole lines that send the reader to the article's next page (`Nächste Seite`, `Weiter auf
/// Seite 2`, `Seite 1 von 3`).
pub static NEXT_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:(?:lesen sie )?weiter auf (?:seite \d+|der nächsten seite)|(?:zur )?nächsten? seite|next page",
        r"|seite (?P<n>\d+) (?:von|/) (?P<m>\d+))\s*[»›>→:]?$"
    ))
    .expect("next page regex")
});

/// A link to the article's next page that goes on with that page's title (`Nächste Seite
/// Wie es weiterging`).
pub static NEXT_PAGE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:zur )?nächsten? seite|weiter auf seite \d+|next page)(?-u:\b)")
        .expect("next page link regex")
});

/// What a paginated article's next address adds to its own: a page number, with or without a
/// word for page (`/seite-2`, `/2/`, `-2.html`, `?page=2`, `.html?seite=2`).
pub static NEXT_PAGE_URL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\.html?)?(?:[/_-]|[?&;](?:[a-z]+=)?)?(?:(?:seite|page|p|s)[-_/=]?)?\d{1,3}/?(?:\.html?)?$")
        .expect("next page address regex")
});

/// A page counter inside a short pager line (`« Seite 1 von 3 Nächste Seite`).
pub static PAGE_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)seite (?P<n>\d+) (?:von|/) (?P<m>\d+)(?-u:\b)").expect("page counter regex")
});

// ---- Agencies -----------------------------------------------------------------------------

/// News agencies as an Ortsmarke parenthesis or a byline names them, in their usual spelling.
pub const AGENCIES: &[&str] = &[
    "AFP",
    "AFX",
    "ANP",
    "AP",
    "APA",
    "Anadolu Ajansı",
    "Belga",
    "Bloomberg",
    "KNA",
    "Keystone-SDA",
    "Reuters",
    "SDA",
    "SID",
    "Xinhua",
    "dapd",
    "ddp",
    "dpa",
    "dpa-AFX",
    "dts",
    "epd",
    "epdÖ",
];

/// Spellings of [`AGENCIES`] an Ortsmarke also uses (`DPA`, `afp`): matched case-sensitively,
/// so a place in capitals is never read as an agency.
const AGENCY_VARIANTS: &[&str] = &["DPA", "REUTERS", "afp", "dpa-afx", "kna", "sid"];

/// Every spelling of [`AGENCIES`] and [`AGENCY_VARIANTS`], longest first so that no name
/// shadows a longer one.
fn agency_spellings() -> Vec<&'static str> {
    let mut all: Vec<&str> = AGENCIES.iter().chain(AGENCY_VARIANTS).copied().collect();
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all
}

/// One agency in an Ortsmarke parenthesis, case-sensitive.
pub static AGENCY: LazyLock<String> = LazyLock::new(|| format!("(?:{})", agency_spellings().join("|")));

/// One agency as a word of its own: [`AGENCY`] between word boundaries (ASCII ones, see the
/// module's head). An agency that begins or ends with a non-ASCII letter (`epdÖ`) has no
/// boundary on that side.
pub static AGENCY_WORD: LazyLock<String> = LazyLock::new(|| {
    let edge = |c: Option<char>| if c.is_some_and(|c| c.is_ascii_alphanumeric()) { r"(?-u:\b)" } else { "" };
    let bounded: Vec<String> = agency_spellings()
        .iter()
        .map(|a| format!("{}{a}{}", edge(a.chars().next()), edge(a.chars().next_back())))
        .collect();
    format!("(?:{})", bounded.join("|"))
});

/// A credit that names a news agency as a word of its own (`dpa`, `AFP/dpa`, `Reuters`).
pub static NAMES_AGENCY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&AGENCY_WORD).expect("agency word regex"));

/// Agencies of [`AGENCIES`] that a byline item is not tested against: they were missing from
/// the byline's list when the lists were merged, and adding them would change output.
const NOT_BYLINE_AGENCIES: &[&str] = &["ANP", "Belga", "Keystone-SDA", "SDA", "epdÖ"];

/// A byline item that is an agency alone, with any service codes (`dpa/lno`, `AFP/dpa`).
pub static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let agencies: Vec<&str> = AGENCIES.iter().copied().filter(|a| !NOT_BYLINE_AGENCIES.contains(a)).collect();
    Regex::new(&format!(r"(?i)^(?:{})(?:\s*[-/]\s*[\w-]+)*$", alternation(&agencies))).expect("agency regex")
});

/// Words that open a byline as `Von` does, in the languages of the pages (`By Anna Example`,
/// `Par …`, `Por …`, `Door …`, `Av …`, `Af …`), capitalised.
pub const BYLINE_WORDS: &[&str] = &["Af", "Av", "By", "Door", "Par", "Por", "Von"];

/// Buttons printed right after an author's name (`Anna Beispiel Folgen`): not part of it.
pub const BYLINE_BUTTONS: &[&str] = &["Abonnieren", "Folgen", "Follow", "Subscribe"];

/// Words after which a byline names the outlet the person writes for (`Anna Beispiel for
/// Beispiel.com`), not more persons.
pub const BYLINE_FOR: &[&str] = &["For", "for", "für"];

/// Parts of a byline item, lowercase, that make it an organisation, never an author.
pub const BYLINE_ORG_PARTS: &[&str] = &[".com", ".de", "agentur", "online", "redaktion", "zeitung"];

/// Parts of a metadata author, lowercase, that make it an organisation (`ap ` with its space,
/// or the whole name `ap`).
pub const META_ORG_PARTS: &[&str] = &[
    ".com",
    ".de",
    "afp",
    "agentur",
    "ap ",
    "dpa",
    "epd",
    "kna",
    "news",
    "online",
    "redaktion",
    "reuters",
    "staff",
    "team",
    "verlag",
    "zeitung",
];

// ---- Names and places ---------------------------------------------------------------------

/// Lowercase words allowed inside a place name (`Frankfurt am Main`, `Rio de Janeiro`).
pub const PLACE_PARTICLES: &[&str] = &[
    "al", "am", "an", "auf", "bei", "da", "das", "de", "del", "della", "dem", "den", "der", "di", "die", "do", "dos",
    "du", "e", "el", "im", "in", "la", "las", "le", "les", "los", "ob", "on", "sous", "sur", "unter", "upon", "van",
    "von", "vor", "y", "zu", "zum", "zur",
];

/// Lowercase words allowed inside a person's name (`Ursula von der Leyen`); `und` joins two.
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "la", "le", "ten", "ter",
    "und", "van", "vom", "von", "y", "zu", "zur",
];

/// Lowercase words that open sentences (articles, pronouns, conjunctions): a line opening with
/// one and a dash (`Die Polizei - …`, `Er - …`) has no house-style dateline.
pub const SENTENCE_OPENERS: &[&str] = &[
    "aber", "als", "am", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "dies",
    "diese", "dieser", "doch", "du", "ein", "eine", "einer", "er", "es", "für", "ich", "ihr", "im", "in", "man", "mit",
    "nach", "nun", "oder", "sie", "so", "und", "von", "vor", "was", "wenn", "wer", "wie", "wir", "zu",
];

/// schema.org `@type`s, lowercase, whose JSON-LD object describes the article.
pub const ARTICLE_TYPES: &[&str] = &[
    "analysisnewsarticle",
    "article",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "newsarticle",
    "opinionnewsarticle",
    "report",
    "reportagenewsarticle",
    "webpage",
];

// ---- Regexes built from wordings ------------------------------------------------------------

/// Lines that are not article paragraphs: read-more prompts, photo credits and captions,
/// share and newsletter prompts, ad labels.
pub static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = PROMO_LABELS.iter().map(|l| format!(r"{l}\s*:.*")).collect();
    let photo: Vec<&str> = PHOTO_WORDS.iter().chain(ILLUSTRATION_WORDS).copied().collect();
    Regex::new(&format!(
        concat!(
            r"(?i)^(?:",
            // Read-more prompts.
            r"lesen sie (?:auch|mehr|hier|dazu)(?-u:\b).*",
            r"|{labels}",
            r"|(?:zum artikel|zur meldung|weiterlesen|hier weiterlesen|mehr lesen|artikel lesen|mehr erfahren)\s*(?:\.{{2,3}}|…|»|>+|→)?",
            // Photo credits and captions.
            r"|\(?(?:©\s*)?(?:{photo})\s*:.*",
            r"|©\s*(?:{agencies}|foto|bild)(?-u:\b).*",
            // Social and newsletter prompts, page furniture.
            r"|folgen sie uns(?-u:\b).*",
            r"|(?:jetzt\s+)?(?:den\s+|unseren\s+)?newsletter(?-u:\b).*abonnieren.*",
            r"|jetzt\s+.*abonnieren",
            r"|(?:artikel\s+)?(?:teilen|drucken|merken|versenden)",
            r"|teilen auf \w+|link kopieren|per e-mail teilen|zur startseite|nach oben",
            r"|\d*\s*kommentare?\s*(?:\(\d+\))?|kommentieren",
            r"|anzeige|werbung",
            // The same furniture in English: `Article continues below`, `View 3 images`.
            r"|(?:the\s+)?(?:article|story)\s+continues\s+(?:below|after\s+(?:this\s+)?(?:ad|advertisement))",
            r"|view\s+\d+\s+(?:images|photos|pictures)|view\s+(?:image|gallery)",
            r"|advertisement|continue reading|share this article|share this story",
            r")$"
        ),
        labels = labels.join("|"),
        photo = alternation(&photo),
        agencies = alternation(PICTURE_AGENCIES),
    ))
    .expect("promo regex")
});

/// Header furniture that tells the reader about the page, not the story: a reading time
/// (`Lesezeit: 3 Min.`, `Lesedauer: 4 Minuten`, `5 min read`) or a relative time (`vor 3
/// Stunden`, `2 hours ago`).
pub static READING_OR_RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        r"(?:lesezeit|lesedauer|reading time|read time)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min\.?|minuten?|minutes?|mins?)",
        r"|\d+\s*(?:min\.?|minuten?|minutes?|mins?)\s*(?:lesezeit|lesedauer|read|reading time)",
        r"|(?:vor|seit)\s+(?:\d+|einer|einem|wenigen)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monaten?)",
        r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago",
        r")\s*[.|·•]?$"
    ))
    .expect("reading or relative time regex")
});

/// Newsletter prompts, wherever the words stand in the line (`… jeden Morgen direkt in Ihr
/// Postfach. Kostenlos und jederzeit abbestellbar.`): searched for, not matched as a whole line.
/// Parts of [`NEWSLETTER_PROMPT`]'s wordings in either case, searched for before the regex.
pub const NEWSLETTER_PROMPT_PARTS: &[&str] = &["bestellbar", "kündbar", "ostfach", "nsubscribe"];

pub static NEWSLETTER_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:jederzeit abbestellbar|jederzeit kündbar|direkt in ihr postfach|unsubscribe at any time)(?-u:\b)")
        .expect("newsletter prompt regex")
});

/// Lines of end matter, recognised by what they say wherever they stand in the text: reading
/// time, paywall counters, comment rules, "first appeared in" notes, network footers.
pub static END_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        // `Lesezeit: 3 min`, `Lesedauer 4 Minuten`.
        r"(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min|minuten)(?-u:\b).*",
        // `Noch 10 Gratis-Artikel diesen Monat`, `3 von 5 kostenlosen Artikeln gelesen`.
        r"|noch\s+\d+\s+(?:gratis|kostenlose|freie)[- ]?artikel(?-u:\b).*",
        r"|\d+\s+von\s+\d+\s+(?:gratis|kostenlosen|freien)[- ]?artikel.*",
        // Comment rules: `Bitte registrieren Sie sich …`, `Die Kommentarfunktion ist geschlossen`.
        r"|bitte\s+(?:registrieren|melden)\s+sie\s+sich(?-u:\b).*",
        r"|(?:die\s+)?kommentarfunktion\s+(?:ist|wurde)(?-u:\b).*",
        // `Dieser Artikel erschien zuerst in …`, `This article first appeared in …`.
        r"|(?:dieser|der)\s+(?:artikel|beitrag|text)\s+(?:ist|erschien|wurde)\s+(?:zuerst|erstmals|ursprünglich)(?-u:\b).*",
        r"|this\s+(?:article|story)\s+(?:first|originally)\s+appeared(?-u:\b).*",
        // Network footers: `*Das Portal ist Teil des …-Netzwerks`.
        r"|\*.{1,120}\s+ist\s+(?:teil|mitglied)\s+(?:des|der|im)(?-u:\b).*",
        r")$"
    ))
    .expect("end matter regex")
});

/// A caption standing as a line of the text: a short line closing on `(Symbolfoto)`, `(Foto:
/// Name)`, `Foto: Name` without a full stop, or a picture agency after a slash or `via`.
pub static CAPTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\((?:Symbolfoto|Symbolbild|Archivfoto|Archivbild|Foto|Bild|Photo)(?:\s*:\s*[^()]{1,80})?\)",
        r"|(?:^|\s)(?:Foto|Bild|Photo|Fotocredit|Credit)\s*:\s*[^.:!?]{1,60}",
        r"|(?:/|(?-u:\b)via)\s*(?:Getty Images|Getty|imago|picture alliance))\s*$"
    ))
    .expect("caption line regex")
});

/// Words one of which [`CAPTION_LINE`] needs (case-sensitive, as the regex is): a cheap test
/// before the regex, whose counted repetitions make its search slow on long lines.
pub const CAPTION_LINE_HINTS: &[&str] =
    &["Bild", "Credit", "Foto", "Getty", "Photo", "bild", "foto", "imago", "picture alliance"];

/// An author's bio in the text's last lines: `Anna Muster schreibt seit 2008 für …`, `… kam
/// 2001 zur Zeitung`.
pub static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:(?-u:\b)(?:schreibt|arbeitet|berichtet)\s+seit\s+(?:19|20)\d\d\s+(?:für|als|bei|im|in|aus|über)(?-u:\b)",
        r"|(?-u:\b)kam\s+(?:19|20)\d\d\s+(?:zur|zum|zu)(?-u:\b)",
        r"|(?-u:\b)ist\s+(?:seit\s+(?:19|20)\d\d\s+)?(?:redakteur|redakteurin|korrespondent|korrespondentin|volontär|volontärin)(?-u:\b))"
    ))
    .expect("author bio regex")
});

/// A caption or credit label opening a line (`Titelbild: …`, `Quelle: …`): page furniture.
pub static CAPTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = ["bild", "foto", "fotos", "grafik"].iter().chain(CAPTION_LABELS).copied().collect();
    Regex::new(&format!(r"(?i)^(?:{})\s*:", alternation(&words))).expect("caption label regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_is_a_word_of_its_own_beside_umlauts_too() {
        for credit in
            ["Foto: Anna Beispiel/dpa", "Bild: Anadolu Ajansı", "(epdÖ)", "AFP/Reuters", "Grafik: dpa-infografik"]
        {
            assert!(NAMES_AGENCY.is_match(credit), "{credit}");
        }
        // Inside a longer word it is none (`Südpazifik` holds `dpa` after an umlaut).
        for text in ["Südpazifik", "Xdpa", "dpafoto", "Sapa"] {
            assert!(!NAMES_AGENCY.is_match(text), "{text}");
        }
    }

    #[test]
    fn every_list_is_sorted_and_free_of_duplicates() {
        let lists: &[(&str, &[&str])] = &[
            ("BOILERPLATE_NAMES", BOILERPLATE_NAMES),
            ("WEAK_BOILERPLATE_NAMES", WEAK_BOILERPLATE_NAMES),
            ("STATE_CLASS_PREFIXES", STATE_CLASS_PREFIXES),
            ("ARTICLE_NAMES", ARTICLE_NAMES),
            ("KICKER_NAMES", KICKER_NAMES),
            ("LEAD_NAMES", LEAD_NAMES),
            ("CONSENT_WORDS", CONSENT_WORDS),
            ("DATE_LABELS", DATE_LABELS),
            ("UPDATE_LABELS", UPDATE_LABELS),
            ("READ_MORE", READ_MORE),
            ("RELATED_HEADINGS", RELATED_HEADINGS),
            ("END_MARKERS", END_MARKERS),
            ("PROMO_LABELS", PROMO_LABELS),
            ("LINK_TAIL_WORDS", LINK_TAIL_WORDS),
            ("CAPTION_LABELS", CAPTION_LABELS),
            ("PHOTO_WORDS", PHOTO_WORDS),
            ("ILLUSTRATION_WORDS", ILLUSTRATION_WORDS),
            ("PICTURE_AGENCIES", PICTURE_AGENCIES),
            ("TRAILING_PHOTO_HINTS", TRAILING_PHOTO_HINTS),
            ("CAPTION_LINE_HINTS", CAPTION_LINE_HINTS),
            ("CREDIT_AGENCIES", CREDIT_AGENCIES),
            ("AGENCIES", AGENCIES),
            ("AGENCY_VARIANTS", AGENCY_VARIANTS),
            ("NOT_BYLINE_AGENCIES", NOT_BYLINE_AGENCIES),
            ("BYLINE_ORG_PARTS", BYLINE_ORG_PARTS),
            ("BYLINE_BUTTONS", BYLINE_BUTTONS),
            ("BYLINE_WORDS", BYLINE_WORDS),
            ("BYLINE_FOR", BYLINE_FOR),
            ("BYLINE_NAMES", BYLINE_NAMES),
            ("STOCK_SOURCES", STOCK_SOURCES),
            ("RIGHTS_WORDS", RIGHTS_WORDS),
            ("LEGAL_FORMS", LEGAL_FORMS),
            ("META_ORG_PARTS", META_ORG_PARTS),
            ("PLACE_PARTICLES", PLACE_PARTICLES),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("SENTENCE_OPENERS", SENTENCE_OPENERS),
            ("ARTICLE_TYPES", ARTICLE_TYPES),
            ("NOT_PICTURE_NAMES", NOT_PICTURE_NAMES),
            ("ICON_FILE_PARTS", ICON_FILE_PARTS),
            ("PICTURE_NAMES", PICTURE_NAMES),
            ("PICTURE_CREDIT_NAMES", PICTURE_CREDIT_NAMES),
            ("PICTURE_CAPTION_NAMES", PICTURE_CAPTION_NAMES),
            ("CREDIT_LABELS", CREDIT_LABELS),
            ("CREDIT_BY_LABELS", CREDIT_BY_LABELS),
            ("TAG_LIST_NAMES", TAG_LIST_NAMES),
            ("TAG_LABELS", TAG_LABELS),
            ("SECTION_PATH_NAMES", SECTION_PATH_NAMES),
            ("ARTICLE_TYPE_ENDINGS", ARTICLE_TYPE_ENDINGS),
        ];
        for (name, list) in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{name} must be sorted and free of duplicates");
        }
    }

    #[test]
    fn every_caption_line_form_holds_a_hint() {
        // One line per alternative of the regex: each matches, and each holds a hint, so the
        // hint test before the regex never hides a caption line.
        for line in [
            "Der Hafen am Abend (Symbolfoto)",
            "Ein Stellwerk (Symbolbild)",
            "Die alte Brücke (Archivfoto: Max Muster)",
            "Der Marktplatz 1990 (Archivbild)",
            "Die Fähre (Foto: Lena Beispiel)",
            "Der Deich (Bild)",
            "The harbour (Photo)",
            "Die Schleuse Foto: Jan Muster",
            "Bild: Stadtarchiv",
            "Photo: Ana Example",
            "Fotocredit: Verlag",
            "Credit: Hafenamt",
            "Der Kran im Nebel / Getty Images",
            "Der Kran im Nebel via Getty",
            "Der Kran im Nebel/imago",
            "Der Kran im Nebel / picture alliance",
        ] {
            assert!(CAPTION_LINE.is_match(line), "{line}");
            assert!(CAPTION_LINE_HINTS.iter().any(|w| line.contains(w)), "{line}");
        }
    }

    #[test]
    fn name_lists_fit_the_length_filter() {
        for w in BOILERPLATE_NAMES.iter().chain(WEAK_BOILERPLATE_NAMES) {
            assert!((2..=MAX_NAME_LEN).contains(&w.len()), "{w}");
        }
    }

    #[test]
    fn end_markers_do_not_repeat_related_headings() {
        assert!(END_MARKERS.iter().all(|m| !RELATED_HEADINGS.contains(m)));
    }

    #[test]
    fn related_headings_fit_the_length_filter() {
        assert!(RELATED_HEADINGS.iter().all(|h| h.to_uppercase().len() <= RELATED_HEADING_MAX_BYTES));
    }
}
