//! Pass 5, the merge: the article's parts and the page's metadata become the record. Visible
//! values and metadata are weighed (times, authors), times go into Europe/Berlin, the dateline
//! is read, teaser links and picture addresses are resolved, the site is named, and the id is
//! derived.

use super::{Article, patterns, site};
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
    let dateline = dateline(parts.lead.as_deref(), &parts.sections, kicker.as_deref());
    // The visible byline wins over metadata authors, which win over names in the header's
    // byline elements (those may be partial: a role glued to a name), which win over a byline
    // inside the text (it may be a teaser's); each name once.
    let mut authors = match parts.byline {
        Some(b) => b,
        None if !meta.authors.is_empty() => meta.authors.clone(),
        None if !parts.byline_elements.is_empty() => parts.byline_elements,
        None => parts.late_byline.unwrap_or_default(),
    };
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| seen.insert(a.clone()));
    let url = meta.url.clone().or_else(|| input.url.clone());
    let base = page_base(base_href.as_deref(), url.as_deref());
    let teasers = resolve_teasers(teasers, base.as_ref(), &mut warnings);
    let images = resolve_images(images, base.as_ref());
    if continues {
        warnings.push(CONTINUES.into());
    }
    let id = record::content_id(&headline, published.as_ref().map(|s| &s.at), parts.lead.as_deref(), &parts.sections);
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
        site: site::name(&doc.meta, &meta.json_ld),
        kicker,
        headline,
        dateline,
        timestamp,
        updated,
        authors,
        keywords,
        lead: parts.lead,
        sections: parts.sections,
        images,
        credit: parts.credit,
        teasers,
        warnings,
    })
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
            timestamp: t.time.as_deref().and_then(time::parse_german).map(|s| {
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
