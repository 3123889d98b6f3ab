//! Pass 5, the merge: the article's parts and the page's metadata become the record. Visible
//! values and metadata are weighed (times, authors), times go into Europe/Berlin, the dateline
//! is read, teaser links and picture addresses are resolved, the site is named, and the id is
//! derived.

use super::{Article, patterns, site, words};
use crate::document::Document;
use crate::input::Input;
use crate::record::{self, Dateline, Format, Image, Record, Source, Teaser};
use crate::time::{self, Stamp};
use crate::{Error, Result};

/// The warning for an article split over several pages (contract wording).
const CONTINUES: &str = "article continues on another page";

/// The record of an article found on a page.
pub fn record(input: &Input, doc: &Document, path: &str, art: Article) -> Result<Record> {
    let mut warnings = input.warnings.clone();
    warnings.extend(doc.warnings.iter().cloned());
    let Article { kicker, headline, parts, meta, teasers, base_href, images, keywords, continues } = art;
    if parts.sections.is_empty() && parts.lead.is_none() {
        return Err(Error::NoArticle("a headline but no body text".into()));
    }
    let published = merge_times(meta.published, parts.published);
    let timestamp = match &published {
        Some(s) => {
            warnings.extend(s.warning.clone());
            if !s.has_time {
                warnings.push("timestamp has no time of day".into());
            }
            Some(s.rfc3339())
        }
        None => {
            warnings.push("no timestamp found".into());
            None
        }
    };
    let updated = parts.updated.or(meta.modified).map(|s| {
        warnings.extend(s.warning.clone());
        s.rfc3339()
    });
    // The visible byline wins over metadata authors, which win over names in the header's
    // byline elements (those may be partial: a role glued to a name), which win over names
    // alone beside the date line, which win over a byline inside the text (it may be a
    // teaser's); each name once. The publication's own name is
    // no person, wherever it stands (`<meta name="author" content="Beispielbote">`): metadata
    // naming the site alone leaves the authors to the header's byline elements, not to a
    // byline inside the text.
    let site = site::name(&doc.meta, &meta.json_ld);
    let persons = |names: Vec<String>| -> Vec<String> {
        names.into_iter().filter(|n| !site.as_deref().is_some_and(|s| names_site(n, s))).collect()
    };
    let elements = persons(parts.byline_elements);
    let mut authors = match parts.byline {
        Some(b) => persons(b),
        None if !meta.authors.is_empty() => {
            Some(persons(meta.authors.clone())).filter(|m| !m.is_empty()).unwrap_or(elements)
        }
        None if !elements.is_empty() => elements,
        None => persons(parts.head_names.or(parts.late_byline).unwrap_or_default()),
    };
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| seen.insert(a.clone()));
    let url = meta.url.clone().or_else(|| input.url.clone());
    let base = page_base(base_href.as_deref(), url.as_deref());
    let teasers = resolve_teasers(teasers, base.as_ref(), &mut warnings);
    let images = resolve_images(images, base.as_ref());
    let credit = text_credit(parts.credit, &images);
    let mut sections = parts.sections;
    drop_captions(&mut sections, &images);
    let dateline = dateline(parts.lead.as_deref(), &sections, kicker.as_deref());
    if continues {
        warnings.push(CONTINUES.into());
    }
    let id = record::content_id(&headline, published.as_ref().map(|s| &s.at), parts.lead.as_deref(), &sections);
    Ok(Record {
        schema: record::SCHEMA.into(),
        id,
        source: Source {
            path: path.to_string(),
            url,
            format: input.format,
            encoding: input.encoding.clone(),
            bytes: input.bytes,
            sha256: input.sha256.clone(),
            saved_at: input.saved_at.clone(),
            warc: None,
        },
        language: if input.format == Format::Text { None } else { meta.language },
        site,
        kicker,
        headline,
        dateline,
        timestamp,
        updated,
        authors,
        keywords,
        lead: parts.lead,
        sections,
        images,
        credit,
        teasers,
        warnings,
    })
}

/// A name is the site's own: equal to it ignoring case, or to it without a leading article
/// (`Postbote` for `Der Postbote`).
fn names_site(name: &str, site: &str) -> bool {
    let strip = |s: &str| -> String {
        let l = s.trim().to_lowercase();
        for a in ["der ", "die ", "das ", "the "] {
            if let Some(rest) = l.strip_prefix(a) {
                return rest.to_string();
            }
        }
        l
    };
    strip(name) == strip(site)
}

/// A paragraph that is the caption of one of the article's pictures (a caption the page
/// prints twice, once beside the headline) is the picture's, not the text's; unless the
/// captions are all the text there is (a gallery told by its slides' descriptions).
fn drop_captions(sections: &mut Vec<record::Section>, images: &[Image]) {
    let captions: std::collections::HashSet<&str> = images.iter().filter_map(|i| i.caption.as_deref()).collect();
    let paragraphs = || sections.iter().flat_map(|s| &s.paragraphs);
    if captions.is_empty() || paragraphs().all(|p| captions.contains(p.as_str())) {
        return;
    }
    for s in sections.iter_mut() {
        s.paragraphs.retain(|p| !captions.contains(p.as_str()));
    }
    sections.retain(|s| !s.paragraphs.is_empty() || s.heading.is_some());
}

/// The text's credit: a credit the page also gives one of its pictures is that picture's
/// (`© Studio Nord` under a photo, read again as a `©` line), unless it names a news agency,
/// which may credit text and pictures alike (`(dpa)` and `Foto: dpa`).
fn text_credit(credit: Option<String>, images: &[Image]) -> Option<String> {
    let credit = credit?;
    let key = credit.trim().to_lowercase();
    let a_pictures = images.iter().filter_map(|i| i.credit.as_deref()).any(|c| c.trim().to_lowercase() == key);
    (!a_pictures || words::NAMES_AGENCY.is_match(&credit)).then_some(credit)
}

/// The Ortsmarke opening the lead, else the first paragraph; else a house-style dateline
/// (`Neuss · …`, `Berlin. …`) opening either; else a kicker of places.
fn dateline(lead: Option<&str>, sections: &[record::Section], kicker: Option<&str>) -> Option<Dateline> {
    let first = sections.first().and_then(|s| s.paragraphs.first()).map(String::as_str);
    lead.and_then(patterns::ortsmarke)
        .or_else(|| first.and_then(patterns::ortsmarke))
        .or_else(|| lead.and_then(patterns::house_dateline))
        .or_else(|| first.and_then(patterns::house_dateline))
        .or_else(|| kicker.and_then(patterns::kicker_dateline))
}

/// The address relative links are resolved against: the page's `<base href>` (itself
/// resolved against the page's address), else the page's address.
fn page_base(base_href: Option<&str>, url: Option<&str>) -> Option<url::Url> {
    base_href
        .and_then(|b| match url {
            Some(u) => url::Url::parse(u).ok()?.join(b).ok(),
            None => url::Url::parse(b).ok(),
        })
        .or_else(|| url.and_then(|u| url::Url::parse(u).ok()))
}

/// Teasers with their times parsed and their links resolved against the page's base.
fn resolve_teasers(
    teasers: Vec<super::teasers::RawTeaser>,
    base: Option<&url::Url>,
    warnings: &mut Vec<String>,
) -> Vec<Teaser> {
    teasers
        .into_iter()
        .map(|t| Teaser {
            headline: t.headline,
            summary: t.summary,
            category: t.category,
            timestamp: t.time.as_deref().and_then(time::parse_printed).map(|s| {
                warnings.extend(s.warning.clone());
                s.rfc3339()
            }),
            url: t.href.map(|h| match base {
                Some(b) => b.join(&h).map(|u| u.to_string()).unwrap_or(h),
                None => h,
            }),
        })
        .collect()
}

/// Picture addresses made absolute like teaser links; without a base, `//host/…` gets `https:`.
fn resolve_images(images: Vec<Image>, base: Option<&url::Url>) -> Vec<Image> {
    images
        .into_iter()
        .map(|im| Image {
            url: match base {
                Some(b) => b.join(&im.url).map(|u| u.to_string()).unwrap_or(im.url),
                None if im.url.starts_with("//") => format!("https:{}", im.url),
                None => im.url,
            },
            ..im
        })
        .collect()
}

/// Metadata first; a visible time of the same minute that is more precise wins; a visible time
/// alone is used as it is.
pub(super) fn merge_times(meta: Option<Stamp>, visible: Option<Stamp>) -> Option<Stamp> {
    match (meta, visible) {
        (Some(m), Some(v)) => {
            let same_minute = m.at.timestamp() / 60 == v.at.timestamp() / 60;
            let same_day = m.at.date_naive() == v.at.date_naive();
            if (same_minute && v.has_seconds && !m.has_seconds) || (same_day && !m.has_time && v.has_time) {
                Some(v)
            } else {
                Some(m)
            }
        }
        (m, v) => m.or(v),
    }
}

#[cfg(test)]
mod tests {
    use super::{Image, drop_captions, names_site, text_credit};
    use crate::record::Section;

    #[test]
    fn a_name_is_the_sites_own_ignoring_case_and_a_leading_article() {
        assert!(names_site("Beispielbote", "Der Beispielbote"));
        assert!(names_site("DER BEISPIELBOTE", "Der Beispielbote"));
        assert!(names_site("Nordkurier Online", "nordkurier online"));
        assert!(!names_site("Anna Beispiel", "Der Beispielbote"));
        assert!(!names_site("Beispielbote Nord", "Der Beispielbote"));
    }

    const TEXT: &str = "<p>Zwischen zwei Nordseeinseln pendelt von Mai an eine kleine Elektrofähre, die sechzig \
        Fahrgäste fasst.</p><p>Betrieben wird die Linie von einer Genossenschaft, in der sich die Inselbewohner \
        zusammengeschlossen haben.</p>";

    /// The authors of a page of the site `Der Beispielbote` with `head` in its `<head>` and
    /// `text` opening its article, in two layouts (an `<article>`, a page of `<div>`s).
    fn authors(head: &str, text: &str) -> Vec<Vec<String>> {
        let top = format!(
            "<!DOCTYPE html><html lang=\"de\"><head><title>Fähre pendelt künftig zwischen zwei Inseln</title>\
             <meta property=\"og:site_name\" content=\"Der Beispielbote\">{head}</head>"
        );
        [
            format!(
                "{top}<body><article><h1>Fähre pendelt künftig zwischen zwei Inseln</h1>{text}{TEXT}</article></body></html>"
            ),
            format!(
                "{top}<body><div class=\"page\"><div class=\"head\"><h1>Fähre pendelt künftig zwischen zwei Inseln</h1>\
                 </div><div class=\"content\">{text}{TEXT}</div></div></body></html>"
            ),
        ]
        .iter()
        .map(|html| crate::parse_page(html.as_bytes(), "t.html", &crate::Limits::default()).expect("a record").authors)
        .collect()
    }

    #[test]
    fn the_sites_name_is_no_author() {
        let meta = "<meta name=\"author\" content=\"Der Beispielbote\">";
        // Metadata naming the site alone: the header's names, else none; not the site.
        for a in authors(meta, "<p><strong>Lena Beispiel</strong></p>") {
            assert_eq!(a, ["Lena Beispiel"]);
        }
        for a in authors(meta, "") {
            assert!(a.is_empty(), "{a:?}");
        }
        // A byline inside the text (a teaser's) does not stand in for the site.
        let teaser = "<div class=\"box\"><p>Mehr zum Thema</p><p>Von Jan Muster</p></div>";
        for a in authors(meta, &format!("{TEXT}{teaser}")) {
            assert!(a.is_empty(), "{a:?}");
        }
        // A link to the site's author page naming the site, and a person beside the site.
        for a in authors("", "<p class=\"byline\"><a href=\"/autor/beispielbote\">Der Beispielbote</a></p>") {
            assert!(a.is_empty(), "{a:?}");
        }
        for a in authors("<meta name=\"author\" content=\"Lena Beispiel, Der Beispielbote\">", "") {
            assert_eq!(a, ["Lena Beispiel"]);
        }
    }

    fn picture(caption: &str, credit: &str) -> Image {
        Image { url: "/bild.jpg".into(), caption: Some(caption.into()), credit: Some(credit.into()) }
    }

    #[test]
    fn a_pictures_credit_is_not_the_texts_unless_an_agency_gives_both() {
        let pictures = [picture("Der Hafen.", "Studio Nordlicht"), picture("Die Fähre.", "dpa")];
        assert_eq!(text_credit(Some("Studio Nordlicht".into()), &pictures), None);
        assert_eq!(text_credit(Some("studio nordlicht ".into()), &pictures), None);
        assert_eq!(text_credit(Some("dpa".into()), &pictures).as_deref(), Some("dpa"));
        assert_eq!(text_credit(Some("Inselbote".into()), &pictures).as_deref(), Some("Inselbote"));
        assert_eq!(text_credit(None, &pictures), None);
    }

    #[test]
    fn a_caption_is_no_paragraph_unless_captions_are_all_the_text() {
        let section = |ps: &[&str]| Section { heading: None, paragraphs: ps.iter().map(|p| p.to_string()).collect() };
        let pictures = [picture("Der Hafen am Abend.", "Studio Nordlicht")];
        let mut sections = vec![section(&["Der Hafen am Abend.", "Die Fähre fährt wieder."])];
        drop_captions(&mut sections, &pictures);
        assert_eq!(sections, [section(&["Die Fähre fährt wieder."])]);
        let mut gallery = vec![section(&["Der Hafen am Abend."])];
        drop_captions(&mut gallery, &pictures);
        assert_eq!(gallery, [section(&["Der Hafen am Abend."])]);
    }
}
