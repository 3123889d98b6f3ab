//! Pages that are lists of teasers (a portal's front page, a tag page, a search page) are not
//! articles: each fails with the reason that says so and exit status 1. A very short article
//! whose few lines sit above a row of teaser cards stays an article.

use std::path::Path;

use assert_cmd::Command;

const LISTINGS: &str = "fixtures/listings";
const REASON: &str = "no article found: a list of teasers (a front, section, tag or search page), not an article";

fn fails_as_listing(name: &str) {
    let path = Path::new(LISTINGS).join(name);
    let out = Command::cargo_bin("newsparse").unwrap().arg(&path).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert!(out.stdout.is_empty(), "{name}: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(stderr.trim_end(), format!("newsparse: {}: {REASON}", path.display()));
}

#[test]
fn a_front_page_of_teaser_sections_is_not_an_article() {
    fails_as_listing("front-page.html");
}

#[test]
fn a_tag_page_with_linked_titles_inside_headings_is_not_an_article() {
    fails_as_listing("tag-page.html");
}

#[test]
fn a_search_page_with_long_summaries_is_not_an_article() {
    fails_as_listing("search-page.html");
}

#[test]
fn a_very_short_article_above_teaser_cards_stays_an_article() {
    let out = Command::cargo_bin("newsparse").unwrap().arg("fixtures/pages/mech-short-article.html").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["headline"], "Fähre fällt wegen Sturm aus");
    assert_eq!(r["sections"][0]["paragraphs"].as_array().map(Vec::len), Some(2));
}
