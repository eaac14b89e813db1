//! The pipeline's code run on the site's real content: ordering, highlighting,
//! related articles, feeds, sitemap and search over whatever `content/` holds.
//! Every count here comes from the content that loaded and [`model::PAGE_SIZE`],
//! so adding or removing an article changes no test. The editorial rules (seed
//! titles, length, sections, links) are in `content_lint.rs`: a red test there
//! is a content rule, a red test here is the code.

// Each test file uses only some of the shared helpers.
#[allow(dead_code)]
mod support;

use model::site_toml::FeedSettings;
use model::{Lang, PAGE_SIZE};
use std::collections::{BTreeMap, BTreeSet};
use support::{content_root, site};

#[test]
fn every_article_file_loads_and_each_language_lists_them_newest_first() {
    let site = site();
    // Drafts and scheduled articles load too, though a release leaves them out.
    let everything = pipeline::load_with(
        &content_root(),
        "",
        &pipeline::Options::everything(&pipeline::dates::today_utc()),
    )
    .unwrap();
    for lang in Lang::ALL {
        let files = std::fs::read_dir(content_root().join(lang.code()))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "md")
            })
            .count();
        assert_eq!(
            everything.articles[&lang].len(),
            files,
            "{lang:?}: one article per file"
        );
        let list = &site.articles[&lang];
        for pair in list.windows(2) {
            let (newer, older) = (&pair[0].front, &pair[1].front);
            assert!(
                (&older.date, &newer.slug) <= (&newer.date, &older.slug),
                "{lang:?}: {} ({}) listed before {} ({})",
                newer.slug,
                newer.date,
                older.slug,
                older.date
            );
        }
    }
}

#[test]
fn a_release_build_shows_no_draft_and_nothing_dated_after_today() {
    let site = site();
    let today = pipeline::dates::today_utc();
    for lang in Lang::ALL {
        for p in site.index(lang).posts {
            assert!(!p.draft && p.date <= today, "{lang:?} {}", p.slug);
            assert!(p.updated.as_ref().is_none_or(|u| *u >= p.date));
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
fn every_article_has_related_articles_on_shared_topics_and_neighbours() {
    let site = site();
    for lang in Lang::ALL {
        let posts: Vec<_> = site.posts(lang).collect();
        for (i, post) in posts.iter().enumerate() {
            let slug = &post.meta.slug;
            // Three related articles, or every other one on a smaller site.
            assert_eq!(
                post.related.len(),
                3.min(posts.len() - 1),
                "{lang:?} {slug}"
            );
            assert!(post.related.iter().all(|r| &r.slug != slug));
            let shares = |r: &model::PostMeta| r.tags.iter().any(|t| post.meta.tags.contains(t));
            if posts
                .iter()
                .any(|p| &p.meta.slug != slug && shares(&p.meta))
            {
                assert!(
                    shares(&post.related[0]),
                    "{lang:?} {slug}: first related shares no tag, though another article does"
                );
            }
            assert_eq!(post.newer.is_some(), i > 0);
            assert_eq!(post.older.is_some(), i + 1 < posts.len());
        }
    }
}

const BASE: &str = "https://example.org/insights";

#[test]
fn feeds_are_valid_rss_with_every_article_newest_first_and_absolute_urls() {
    let site = site();
    for lang in Lang::ALL {
        let xml = pipeline::discovery::feed(site, lang, BASE, &FeedSettings::default());
        let channel =
            rss::Channel::read_from(xml.as_bytes()).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_eq!(channel.language(), Some(lang.code()));
        assert_eq!(channel.link(), format!("{BASE}/{}/", lang.code()));
        let items: Vec<(Option<&str>, Option<&str>)> = channel
            .items()
            .iter()
            .map(|i| (i.title(), i.link()))
            .collect();
        let articles: Vec<(String, String)> = site.articles[&lang]
            .iter()
            .map(|a| {
                let url = format!("{BASE}/{}/blog/{}", lang.code(), a.front.slug);
                (a.front.title.clone(), url)
            })
            .collect();
        let expected: Vec<(Option<&str>, Option<&str>)> = articles
            .iter()
            .map(|(t, u)| (Some(t.as_str()), Some(u.as_str())))
            .collect();
        assert_eq!(items, expected, "{lang:?}");
        assert!(channel
            .items()
            .iter()
            .all(|i| i.pub_date().is_some() && i.description().is_some()));
    }
}

#[test]
fn feeds_hold_the_newest_articles_up_to_the_setting_with_summaries_or_whole_articles() {
    use model::site_toml::FeedContent;
    use std::num::NonZeroUsize;
    let site = site();
    let links = |channel: &rss::Channel| -> Vec<String> {
        channel
            .items()
            .iter()
            .map(|i| i.link().unwrap().to_string())
            .collect()
    };
    for lang in Lang::ALL {
        let all = pipeline::discovery::feed(site, lang, BASE, &FeedSettings::default());
        let all = rss::Channel::read_from(all.as_bytes()).unwrap();
        assert!(
            all.items().iter().all(|i| i.content().is_none()),
            "summaries only"
        );
        let items = NonZeroUsize::new(site.articles[&lang].len().div_ceil(2)).unwrap();
        let settings = FeedSettings {
            items,
            content: FeedContent::Full,
        };
        let xml = pipeline::discovery::feed(site, lang, BASE, &settings);
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        // The newest ones, in order.
        assert_eq!(links(&channel), links(&all)[..items.get()], "{lang:?}");
        // Each with its whole article, its site paths made absolute.
        for (item, article) in channel.items().iter().zip(&site.articles[&lang]) {
            let content = item.content().unwrap();
            assert!(
                !content.contains("href=\"/"),
                "{lang:?}: a site path left relative"
            );
            assert_eq!(
                content
                    .replace("=\"https://example.org/", "=\"/")
                    .trim_end(),
                article.body.html.trim_end(),
                "{lang:?}"
            );
            assert!(item.description().is_some());
        }
    }
}

/// The number of index pages `posts` articles take, counted here rather than
/// with the code under test.
fn pages_of(posts: usize) -> usize {
    posts.div_ceil(PAGE_SIZE).max(1)
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
    assert_eq!(locs.len(), urls.len(), "a page is listed twice");
    // The root, then per language: the index and its pages, the articles, the tag
    // list, and each tag with its pages.
    let mut expected = BTreeSet::from([format!("{BASE}/")]);
    // Articles shown untranslated count on the index and tag pages but have no
    // entry of their own: their canonical page is the original.
    for lang in Lang::ALL {
        let code = lang.code();
        let listed = site.listing(lang);
        expected.insert(format!("{BASE}/{code}/"));
        for n in 2..=pages_of(listed.len()) {
            expected.insert(format!("{BASE}/{code}/page/{n}"));
        }
        let mut tagged: BTreeMap<&str, usize> = BTreeMap::new();
        for a in listed {
            if a.lang == lang {
                expected.insert(format!("{BASE}/{code}/blog/{}", a.front.slug));
            }
            for tag in &a.front.tags {
                *tagged.entry(tag).or_default() += 1;
            }
        }
        expected.insert(format!("{BASE}/{code}/tags/"));
        for (tag, count) in tagged {
            expected.insert(format!("{BASE}/{code}/tags/{tag}"));
            for n in 2..=pages_of(count) {
                expected.insert(format!("{BASE}/{code}/tags/{tag}/page/{n}"));
            }
        }
    }
    assert_eq!(locs, expected);
    for url in &urls {
        let loc = url
            .children()
            .find(|c| c.has_tag_name("loc"))
            .unwrap()
            .text()
            .unwrap();
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
        // Every page in both languages, but an article only in those it is written in.
        let written: Vec<&str> = match loc.split_once("/blog/") {
            Some((_, slug)) => site.languages(slug).iter().map(|l| l.code()).collect(),
            None => Lang::ALL.iter().map(|l| l.code()).collect(),
        };
        assert_eq!(langs[..langs.len() - 1], written[..], "{loc}");
        assert_eq!(langs.last(), Some(&"x-default"), "{loc}");
        for (_, href) in alternates {
            assert!(href.starts_with(BASE));
            assert!(locs.contains(href), "alternate {href} is not itself listed");
        }
    }
}

#[test]
fn a_sitemap_over_the_protocols_limits_becomes_an_index_of_files_within_them() {
    let site = site();
    let whole = pipeline::discovery::sitemap(site, BASE);
    let locs = |xml: &str| -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed");
        doc.descendants()
            .filter(|n| n.has_tag_name("loc") && n.parent().is_some_and(|p| p.has_tag_name("url")))
            .map(|n| n.text().unwrap().to_string())
            .collect()
    };
    let all = locs(&whole);
    // Within the limits: one file, the sitemap itself.
    let files = pipeline::discovery::sitemap_files(site, BASE, all.len(), usize::MAX);
    assert_eq!(files, [("sitemap.xml".to_string(), whole.clone())]);
    // A limit of URLs (the protocol's 50,000, made small): an index naming each
    // part, the parts holding every URL once, in order, none over the limit.
    let limit = all.len().div_ceil(3);
    let files = pipeline::discovery::sitemap_files(site, BASE, limit, usize::MAX);
    let (index_name, index) = &files[0];
    assert_eq!(index_name, "sitemap.xml");
    let doc = roxmltree::Document::parse(index).expect("well-formed index");
    assert_eq!(doc.root_element().tag_name().name(), "sitemapindex");
    let named: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect();
    let parts = &files[1..];
    assert_eq!(parts.len(), 3);
    assert_eq!(
        named,
        parts
            .iter()
            .map(|(name, _)| format!("{BASE}/{name}"))
            .collect::<Vec<_>>()
    );
    let mut listed = Vec::new();
    for (name, xml) in parts {
        let urls = locs(xml);
        assert!(
            !urls.is_empty() && urls.len() <= limit,
            "{name}: {}",
            urls.len()
        );
        listed.extend(urls);
    }
    assert_eq!(listed, all);
    // A limit of bytes (the protocol's 50 MB, made small): every part within it.
    let max_bytes = whole.len() / 4;
    let files = pipeline::discovery::sitemap_files(site, BASE, usize::MAX, max_bytes);
    assert!(files.len() > 2);
    for (name, xml) in &files[1..] {
        assert!(xml.len() <= max_bytes, "{name}: {} bytes", xml.len());
    }
    let listed: Vec<String> = files[1..].iter().flat_map(|(_, xml)| locs(xml)).collect();
    assert_eq!(listed, all);
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
        let search = pipeline::search::index(site, lang, pipeline::search::PART_BYTES);
        // Every article is searched, so every article's words are checked below.
        assert_eq!(
            search.index.docs as usize,
            site.articles[&lang].len(),
            "{lang:?}"
        );
        let fields = site.articles[&lang]
            .iter()
            .flat_map(|a| [&a.front.title, &a.front.summary, &a.body.text]);
        for field in fields {
            for word in field
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let unicode = word.to_lowercase().replace(['ё', 'э'], "е");
                let folded: String = word.chars().map(model::fold).collect();
                assert_eq!(folded, unicode, "{lang:?}: {word}");
            }
        }
    }
}

/// Every shared page's card, the longest Russian title among them, shows its
/// whole title inside the card's margins: wrapped by the font's metrics, and
/// its glyphs as drawn.
#[test]
fn every_card_shows_its_whole_title_within_the_card() {
    use pipeline::cards;
    let site = site();
    let list = pipeline::emit::cards(site, "https://example.org");
    // An article card in each language, and each language's index card.
    let articles: usize = Lang::ALL.iter().map(|l| site.articles[l].len()).sum();
    assert_eq!(list.len(), articles + Lang::ALL.len());
    let longest = list
        .iter()
        .filter(|(path, _)| path.starts_with("cards/ru/"))
        .max_by_key(|(_, card)| card.title.chars().count())
        .unwrap();
    for (path, card) in &list {
        let layout = cards::layout_title(&card.title);
        assert!(
            layout.lines.iter().all(|l| !l.ends_with('…')),
            "{path}: {layout:?}"
        );
        assert_eq!(
            layout.lines.join(" "),
            card.title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // The drawn glyphs stay inside the card with its margin.
        if path == &longest.0 || path.ends_with("index.png") {
            let texts = cards::text_bounds(card);
            // The site's name, the title's lines and the footer.
            assert_eq!(texts.len(), layout.lines.len() + 2, "{path}");
            for [left, top, right, bottom] in texts {
                assert!(
                    left >= 40
                        && top >= 0
                        && right <= i64::from(cards::WIDTH) - 40
                        && bottom <= i64::from(cards::HEIGHT),
                    "{path}: {left} {top} {right} {bottom}"
                );
            }
        }
    }
}
