//! Keywords and site on invented pages: which links after (or around) the article are its tag
//! list and which only look like one.

use newsparse::{Limits, Record, parse_page};

const HEADLINE: &str = "Neue Radwege entlang der Förde geplant";

/// An article page: `head` goes into `<head>`, `article_attrs` onto the `<article>`, `after`
/// right after the body's paragraphs (inside the article), `tail` after the article.
fn page(head: &str, article_attrs: &str, after: &str, tail: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{HEADLINE} - Fördeblatt</title>
<meta property="og:title" content="{HEADLINE}">{head}</head><body>
<nav class="hauptmenue"><ul><li><a href="/">Start</a></li><li><a href="/lokales/">Lokales</a></li></ul></nav>
<main><article {article_attrs}><header><h1>{HEADLINE}</h1>
<p class="byline">Von Jana Beispiel</p><time datetime="2026-05-04T08:15:00+02:00">04.05.2026, 08:15 Uhr</time></header>
<div class="entry-content">
<p>Kiel (dpa/lno) - Die Stadt will in den kommenden drei Jahren mehrere neue Radwege entlang der Förde bauen. Das kündigte die Verwaltung am Montag an.</p>
<p>Geplant sind vor allem breitere Wege, auf denen sich Radfahrer und Fußgänger nicht mehr in die Quere kommen. Die Kosten schätzt die Stadt auf einen zweistelligen Millionenbetrag.</p>
<p>Anwohner sollen in mehreren Versammlungen mitreden können. Die erste ist für den Juni geplant, wie ein Sprecher sagte.</p>
</div>
{after}</article>{tail}</main>
<footer><p>© 2026 Fördeblatt Verlag</p></footer></body></html>"#
    )
}

fn record(html: &str) -> Record {
    parse_page(html.as_bytes(), "test.html", &Limits::default()).expect("a record")
}

fn keywords(html: &str) -> Vec<String> {
    record(html).keywords
}

/// A blog-style post footer: the `rel="tag"` links are the tags, whatever their addresses; a
/// `rel="category tag"` link and one to a `/category/` address name the section instead; the
/// post's own `tag-…` classes do not make its date, author or comment links tags.
#[test]
fn rel_tag_links_are_tags_and_categories_are_not() {
    let footer = r#"<footer class="entry-meta">
<span class="posted-on"><a href="/2026/05/04/radwege/">4. Mai 2026</a></span>
<span class="author"><a href="/author/jana/">Jana Beispiel</a></span>
<span class="cat-links"><a href="/category/lokales/" rel="category tag">Lokales</a></span>
<span class="tags-links"><a href="/schlagwort-radverkehr/" rel="tag">Radverkehr</a>, <a href="/s/foerde/" rel="tag">Förde</a>, <a href="/category/kiel/" rel="tag">Kiel</a></span>
<a href="/2026/05/04/radwege/#respond">Hinterlasse einen Kommentar</a>
</footer>"#;
    let attrs = r#"id="post-77" class="post-77 post hentry category-lokales tag-radverkehr tag-foerde""#;
    assert_eq!(keywords(&page("", attrs, footer, "")), ["Radverkehr", "Förde"]);
    // The same tags in a line of their own inside the text's container, no class names at all.
    let inline = r#"<p>Schlagwörter: <a rel="tag" href="?t=radverkehr">Radverkehr</a> · <a rel="tag" href="?t=stadtplanung">Stadtplanung</a></p>"#;
    assert_eq!(keywords(&page("", "", inline, "")), ["Radverkehr", "Stadtplanung"]);
}

/// Related posts after the article are `<article>`s that carry their own `tag-…` classes: their
/// headlines are teasers, not tags. A site menu of topics (a list inside a list item) and links
/// to articles filed under a topics section (`/themen/…/…/artikel`) are no tags either.
#[test]
fn teasers_menus_and_articles_under_topics_are_not_tags() {
    let related = r#"<ul class="related-posts"><li><article class="post-12 post tag-kiel tag-verkehr">
<h4><a href="/2026/04/30/faehre/">Fähre fährt wieder nach Fahrplan</a></h4></article></li>
<li><article class="post-13 post tag-kiel"><h4><a href="/2026/04/29/bruecke/">Brücke wird gesperrt</a></h4></article></li></ul>"#;
    assert_eq!(keywords(&page("", "", "", related)), Vec::<String>::new());
    let menu = r#"<div class="themen-navigation"><ul><li><a href="/themen/">Themen</a><ul>
<li><a href="/themen/verkehr">Verkehr</a></li><li><a href="/themen/umwelt">Umwelt</a></li><li><a href="/themen/kultur">Kultur</a></li></ul></li></ul></div>"#;
    assert_eq!(keywords(&page("", "", "", menu)), Vec::<String>::new());
    let filed = r#"<div class="weitere"><p><a href="/themen/detail/nachricht/faehre-fahrplan.html">Fähre fährt wieder nach Fahrplan</a></p>
<p><a href="/themen/detail/nachricht/bruecke-gesperrt.html">Brücke wird gesperrt</a></p></div>"#;
    assert_eq!(keywords(&page("", "", filed, "")), Vec::<String>::new());
    // A tag list is still read to its end when it goes on past the nearest blocks.
    let list = r#"<div class="schlagworte"><ul><li><a href="/thema/radverkehr">Radverkehr</a></li><li><a href="/thema/foerde">Förde</a></li></ul></div>"#;
    assert_eq!(keywords(&page("", "", list, "")), ["Radverkehr", "Förde"]);
}

/// A JSON-LD `keywords` that names only the section, and a visible tag list that holds it and
/// more: the list is the fuller statement of the page's topics. A list that lacks the value, or
/// a meta source with values the list does not show, leaves the meta source as it is.
#[test]
fn a_visible_list_holding_every_meta_value_and_more_wins() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Neue Radwege entlang der Förde geplant","articleSection":"Lokales","keywords":"Lokales"}</script>"#;
    let tags = r#"<div class="article-tags"><a href="/tag/lokales">Lokales</a> <a href="/tag/radverkehr">Radverkehr</a> <a href="/tag/foerde">Förde</a></div>"#;
    assert_eq!(keywords(&page(ld, "", tags, "")), ["Lokales", "Radverkehr", "Förde"]);
    let other =
        r#"<div class="article-tags"><a href="/tag/radverkehr">Radverkehr</a> <a href="/tag/foerde">Förde</a></div>"#;
    assert_eq!(keywords(&page(ld, "", other, "")), ["Lokales"]);
    let meta = r#"<meta name="keywords" content="Radverkehr, Förde, Stadtplanung">"#;
    let tags = r#"<ul class="tag-list"><li><a href="/tag/radverkehr">Radverkehr</a></li><li><a href="/tag/foerde">Förde</a></li></ul>"#;
    assert_eq!(keywords(&page(meta, "", tags, "")), ["Radverkehr", "Förde", "Stadtplanung"]);
}

/// Entities a page escaped twice are text in `site` and `keywords` alike.
#[test]
fn entities_escaped_twice_are_text() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Neue Radwege entlang der Förde geplant",
"publisher":{"@type":"Organization","name":"Fördeblatt - Verlag Muster GmbH &amp; Co. KG"},"keywords":"Rad &amp; Fuß, Kiel"}</script>"#;
    let r = record(&page(ld, "", "", ""));
    assert_eq!(r.site.as_deref(), Some("Fördeblatt - Verlag Muster GmbH & Co. KG"));
    assert_eq!(r.keywords, ["Rad & Fuß", "Kiel"]);
}

/// The tag list set inside the text's own container, right after its last paragraph: it is
/// looked for after the last line of text, not after the container's last block (the tag
/// links themselves, or a share line after them).
#[test]
fn a_tag_list_inside_the_text_container_is_found() {
    let inside = |tags: &str| page("", "", "", "").replacen("</p>\n</div>", &format!("</p>\n{tags}</div>"), 1);
    // A named container of its own.
    let named =
        r#"<div class="schlagworte"><a href="/thema/radverkehr/">Radverkehr</a> <a href="/thema/kiel/">Kiel</a></div>"#;
    assert_eq!(keywords(&inside(named)), ["Radverkehr", "Kiel"]);
    // A named list, one tag an item.
    let list = r#"<ul class="tags"><li><a href="/s/radverkehr/">Radverkehr</a></li><li><a href="/s/foerde/">Förde</a></li></ul>"#;
    assert_eq!(keywords(&inside(list)), ["Radverkehr", "Förde"]);
    // No names at all: tag addresses in a line, a line of share links after it.
    let bare = r#"<p><a href="/thema/radverkehr/">Radverkehr</a> <a href="/thema/kiel/">Kiel</a></p>
<p><a href="https://teilen.example/fb">Auf Facebook teilen</a> <a href="https://teilen.example/x">Auf X teilen</a></p>"#;
    assert_eq!(keywords(&inside(bare)), ["Radverkehr", "Kiel"]);
}
