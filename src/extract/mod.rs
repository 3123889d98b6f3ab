//! Extraction stage: document blocks and metadata in, the record out.
//!
//! [`page::html`] and [`page::text`] find the article's parts; [`extract`] turns them into the
//! record's values (times into Europe/Berlin, dateline, id) the same way for both.

pub mod body;
pub mod gazetteer;
pub mod images;
pub mod keywords;
pub mod layout;
pub mod meta;
mod page;
pub mod patterns;
pub mod site;
pub mod teasers;
pub mod time;

use crate::document::Document;
use crate::input::Input;
use crate::record::{self, Format, Record, Source, Teaser};
use crate::{Error, Result};
use time::Stamp;

/// What a page layout yields before it becomes a record.
#[derive(Debug, Default)]
pub struct Article {
    pub kicker: Option<String>,
    pub headline: String,
    pub parts: layout::Parts,
    pub meta: meta::PageMeta,
    pub teasers: Vec<teasers::RawTeaser>,
    pub base_href: Option<String>,
    /// images, keywords: the article's pictures (addresses as written) and topic tags.
    pub images: Vec<record::Image>,
    pub keywords: Vec<String>,
}

pub fn extract(input: &Input, doc: &Document, path: &str) -> Result<Record> {
    let art = match input.format {
        Format::Text => page::text(doc)?,
        Format::Html | Format::Mhtml => page::html(doc)?,
    };
    let mut warnings = input.warnings.clone();
    warnings.extend(doc.warnings.iter().cloned());
    let Article { kicker, headline, parts, meta, teasers, base_href, images, keywords } = art;
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

    let dateline = parts
        .lead
        .as_deref()
        .and_then(patterns::ortsmarke)
        .or_else(|| parts.sections.first().and_then(|s| s.paragraphs.first()).and_then(|p| patterns::ortsmarke(p)))
        .or_else(|| kicker.as_deref().and_then(patterns::kicker_dateline));

    let mut authors = match parts.byline {
        Some(names) => names,
        None => meta.authors.clone(),
    };
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| seen.insert(a.clone()));

    let url = meta.url.clone().or_else(|| input.url.clone());
    let base = base_href
        .as_deref()
        .and_then(|b| match &url {
            Some(u) => url::Url::parse(u).ok()?.join(b).ok(),
            None => url::Url::parse(b).ok(),
        })
        .or_else(|| url.as_deref().and_then(|u| url::Url::parse(u).ok()));
    let teasers = teasers
        .into_iter()
        .map(|t| Teaser {
            headline: t.headline,
            summary: t.summary,
            category: t.category,
            timestamp: t.time.as_deref().and_then(time::parse_german).map(|s| {
                warnings.extend(s.warning.clone());
                s.rfc3339()
            }),
            url: t.href.map(|h| match &base {
                Some(b) => b.join(&h).map(|u| u.to_string()).unwrap_or(h),
                None => h,
            }),
        })
        .collect();

    // images: addresses made absolute like teaser links; `//host/…` keeps the page's scheme.
    let images = images
        .into_iter()
        .map(|im| record::Image {
            url: match &base {
                Some(b) => b.join(&im.url).map(|u| u.to_string()).unwrap_or(im.url),
                None if im.url.starts_with("//") => format!("https:{}", im.url),
                None => im.url,
            },
            ..im
        })
        .collect();
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
