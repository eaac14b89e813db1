//! The site's real content, checked as its readers and the issue tracker expect:
//! all 20 seed articles in both languages, seed titles and summaries word for word,
//! long enough to be deep dives, with code, tags and links that hold together.

use model::Lang;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

/// The real site, loaded once for all tests of this file.
fn site() -> &'static pipeline::Site {
    static SITE: OnceLock<pipeline::Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        pipeline::load(&root, "").unwrap_or_else(|e| panic!("content/ must build:\n{e}"))
    })
}

/// Title and summary pairs, in the seed's order (newest first).
fn seed() -> Vec<(String, String)> {
    let text = include_str!("fixtures/seed_titles.txt");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines
        .chunks(2)
        .map(|p| (p[0].to_string(), p[1].to_string()))
        .collect()
}

#[test]
fn all_twenty_seed_articles_in_seed_order_with_exact_english_titles_and_summaries() {
    let site = site();
    let seed = seed();
    assert_eq!(seed.len(), 20);
    for lang in Lang::ALL {
        assert_eq!(site.articles[&lang].len(), 20, "{lang:?}");
    }
    let en: Vec<(String, String)> = site.articles[&Lang::En]
        .iter()
        .map(|a| (a.front.title.clone(), a.front.summary.clone()))
        .collect();
    assert_eq!(en, seed, "newest first must follow the seed's order");
}

#[test]
fn russian_versions_are_translated_not_copied() {
    let site = site();
    for ru in &site.articles[&Lang::Ru] {
        let en = site.articles[&Lang::En]
            .iter()
            .find(|a| a.front.slug == ru.front.slug)
            .unwrap();
        assert_ne!(ru.front.title, en.front.title, "{}", ru.front.slug);
        assert_ne!(ru.front.summary, en.front.summary, "{}", ru.front.slug);
        let cyrillic = ru
            .front
            .title
            .chars()
            .filter(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()))
            .count();
        assert!(cyrillic > 10, "{} title is not Russian", ru.front.slug);
    }
}

#[test]
fn every_body_is_a_deep_dive_in_both_languages() {
    let site = site();
    for lang in Lang::ALL {
        for a in &site.articles[&lang] {
            let slug = &a.front.slug;
            assert!(
                a.body.words >= 1200,
                "{lang:?} {slug}: {} words of prose",
                a.body.words
            );
            let sections = a.body.headings.iter().filter(|h| h.level == 2).count();
            assert!(sections >= 4, "{lang:?} {slug}: {sections} sections");
            let has_table = a.body.html.contains("<table>");
            assert!(
                !a.body.code_languages.is_empty() || has_table,
                "{lang:?} {slug}: needs a code block or a table"
            );
        }
    }
}

#[test]
fn the_set_exercises_every_renderer_feature() {
    let site = site();
    for lang in Lang::ALL {
        let html: String = site.articles[&lang]
            .iter()
            .map(|a| a.body.html.as_str())
            .collect();
        for needle in [
            "<table>",
            "<pre tabindex=\"0\"><code class=\"language-",
            "<ul>",
            "<ol>",
            "<a href=\"/",
            "<a href=\"https://",
            "<h3 ",
        ] {
            assert!(html.contains(needle), "{lang:?}: no {needle}");
        }
    }
}

#[test]
fn translations_share_slug_date_tags_and_code_block_languages() {
    let site = site();
    let vocabulary: BTreeSet<&String> = site.vocabulary.keys().collect();
    for en in &site.articles[&Lang::En] {
        let ru = site.articles[&Lang::Ru]
            .iter()
            .find(|a| a.front.slug == en.front.slug)
            .unwrap();
        assert_eq!(en.front.date, ru.front.date);
        assert_eq!(en.front.tags, ru.front.tags);
        assert_eq!(
            en.body.code_languages, ru.body.code_languages,
            "{}",
            en.front.slug
        );
        assert!(en.front.tags.iter().all(|t| vocabulary.contains(t)));
        assert!((2..=5).contains(&en.front.tags.len()));
    }
}

#[test]
fn related_articles_link_to_each_other_in_both_languages() {
    let site = site();
    for lang in Lang::ALL {
        let linked = site.articles[&lang]
            .iter()
            .filter(|a| !a.body.internal_links.is_empty())
            .count();
        assert_eq!(linked, 20, "{lang:?}: every article links to a related one");
        for a in &site.articles[&lang] {
            for (_, url) in &a.body.internal_links {
                assert!(
                    url.starts_with(&format!("/{}/", lang.code())),
                    "{url} in {lang:?}"
                );
            }
        }
    }
}

/// The article slugs `a` links to, in order.
fn linked_slugs(a: &pipeline::Article) -> Vec<&str> {
    let prefix = format!("/{}/blog/", a.lang.code());
    a.body
        .internal_links
        .iter()
        .filter_map(|(_, url)| url.strip_prefix(&prefix))
        .map(|rest| rest.split(['#', '?', '/']).next().unwrap_or_default())
        .collect()
}

#[test]
fn both_languages_link_the_same_articles_and_every_article_is_linked_from_another() {
    let site = site();
    for en in &site.articles[&Lang::En] {
        let ru = site.articles[&Lang::Ru]
            .iter()
            .find(|a| a.front.slug == en.front.slug)
            .unwrap();
        assert_eq!(linked_slugs(en), linked_slugs(ru), "{}", en.front.slug);
    }
    for a in &site.articles[&Lang::En] {
        let inbound = site.articles[&Lang::En]
            .iter()
            .filter(|b| b.front.slug != a.front.slug && linked_slugs(b).contains(&&*a.front.slug))
            .count();
        assert!(inbound >= 1, "nothing links to {}", a.front.slug);
    }
}

#[test]
fn every_article_states_what_its_apis_and_figures_were_checked_against() {
    let site = site();
    for lang in Lang::ALL {
        let phrases: &[&str] = match lang {
            Lang::En => &["hecked against"],
            Lang::Ru => &["Сверено с", "сверена с"],
        };
        for a in &site.articles[&lang] {
            assert!(
                phrases.iter().any(|p| a.body.html.contains(p)),
                "{lang:?} {}: no checked-against line",
                a.front.slug
            );
        }
    }
}

#[test]
fn descriptions_fit_search_snippets() {
    let site = site();
    for lang in Lang::ALL {
        for a in &site.articles[&lang] {
            let n = a.front.description.chars().count();
            assert!(
                n <= 200,
                "{lang:?} {}: description of {n} characters",
                a.front.slug
            );
        }
    }
}

#[test]
fn code_blocks_are_highlighted_at_build_time() {
    let site = site();
    for lang in Lang::ALL {
        for a in &site.articles[&lang] {
            let highlightable = a.body.code_languages.iter().any(|l| l != "text");
            assert_eq!(
                a.body.html.contains("<span class=\"tk-"),
                highlightable,
                "{lang:?} {}",
                a.front.slug
            );
            assert_eq!(
                a.body.html.matches("<span").count(),
                a.body.html.matches("</span>").count()
            );
        }
    }
}

#[test]
fn every_article_has_three_related_articles_on_shared_topics_and_neighbours() {
    let site = site();
    for lang in Lang::ALL {
        let posts: Vec<_> = site.posts(lang).collect();
        for (i, post) in posts.iter().enumerate() {
            let slug = &post.meta.slug;
            assert_eq!(post.related.len(), 3, "{lang:?} {slug}");
            assert!(post.related.iter().all(|r| &r.slug != slug));
            let shares = |r: &model::PostMeta| r.tags.iter().any(|t| post.meta.tags.contains(t));
            assert!(
                shares(&post.related[0]),
                "{lang:?} {slug}: first related shares no tag"
            );
            assert_eq!(post.newer.is_some(), i > 0);
            assert_eq!(post.older.is_some(), i + 1 < posts.len());
        }
    }
}

const BASE: &str = "https://example.org/insights";

#[test]
fn feeds_are_valid_rss_with_every_article_and_absolute_urls() {
    let site = site();
    for lang in Lang::ALL {
        let xml = pipeline::discovery::feed(site, lang, BASE);
        let channel =
            rss::Channel::read_from(xml.as_bytes()).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_eq!(channel.items().len(), 20);
        assert_eq!(channel.language(), Some(lang.code()));
        assert_eq!(channel.link(), format!("{BASE}/{}/", lang.code()));
        let first = &channel.items()[0];
        let newest = &site.articles[&lang][0].front;
        assert_eq!(first.title(), Some(newest.title.as_str()));
        assert_eq!(
            first.link(),
            Some(format!("{BASE}/{}/blog/{}", lang.code(), newest.slug).as_str())
        );
        assert!(channel
            .items()
            .iter()
            .all(|i| i.pub_date().is_some() && i.description().is_some()));
    }
}

#[test]
fn sitemap_lists_every_page_with_reciprocal_hreflang_alternates() {
    let site = site();
    let xml = pipeline::discovery::sitemap(site, BASE);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let tags = site.index(Lang::En).tags.len();
    // The root, then per language: index, articles, tag list, tag pages.
    assert_eq!(urls.len(), 1 + 2 * (1 + 20 + 1 + tags));
    let locs: BTreeSet<String> = urls
        .iter()
        .map(|u| {
            u.children()
                .find(|c| c.has_tag_name("loc"))
                .unwrap()
                .text()
                .unwrap()
                .to_string()
        })
        .collect();
    for url in &urls {
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|c| c.has_tag_name("link"))
            .map(|l| {
                (
                    l.attribute("hreflang").unwrap(),
                    l.attribute("href").unwrap(),
                )
            })
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| *l).collect();
        assert_eq!(langs, ["en", "ru", "x-default"]);
        for (_, href) in alternates {
            assert!(href.starts_with(BASE));
            assert!(locs.contains(href), "alternate {href} is not itself listed");
        }
    }
    assert!(locs.contains(&format!("{BASE}/ru/blog/webhook-delivery-architecture")));
    assert!(locs.contains(&format!("{BASE}/en/tags/rag")));
}

#[test]
fn robots_txt_points_to_the_sitemap() {
    assert_eq!(
        pipeline::discovery::robots(BASE),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/insights/sitemap.xml\n"
    );
}

#[test]
fn search_folds_every_word_of_the_content_as_unicode_lower_case_would() {
    // `model::fold` covers only the site's scripts; on the real titles, summaries
    // and texts it must give what full Unicode lower-casing gives.
    let site = site();
    for lang in Lang::ALL {
        let (index, texts) = pipeline::search::index(site, lang);
        let fields = index
            .docs
            .iter()
            .flat_map(|d| [&d.title, &d.summary])
            .chain(&texts);
        let mut words = 0;
        for field in fields {
            for word in field
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let unicode = word.to_lowercase().replace(['ё', 'э'], "е");
                let folded: String = word.chars().map(model::fold).collect();
                assert_eq!(folded, unicode, "{lang:?}: {word}");
                words += 1;
            }
        }
        assert!(words > 20_000, "{lang:?}: {words} words");
    }
}
