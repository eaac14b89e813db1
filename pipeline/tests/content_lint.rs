//! Content rules: the editorial promises the site's articles keep, checked on
//! `content/`. A red test here means an article broke a content rule (a title
//! that is not the seed's, too few words, a missing "checked against" line), not
//! that the code broke; the code's tests over the same content are in
//! `content.rs`. The seed's titles and summaries, newest first, are copied into
//! `fixtures/seed_titles.txt`. The rules hold the seed's articles to the seed and
//! leave room for more articles, also ones written in one language only: rules
//! about translations apply where both versions exist.

// Each test file uses only some of the shared helpers.
#[allow(dead_code)]
mod support;

use model::Lang;
use std::collections::{BTreeMap, BTreeSet};
use support::{linked_slugs, site, translations};

/// Title and summary pairs, in the seed's order (newest first).
fn seed() -> Vec<(String, String)> {
    let text = include_str!("fixtures/seed_titles.txt");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines
        .chunks(2)
        .map(|p| (p[0].to_string(), p[1].to_string()))
        .collect()
}

/// The English articles' titles and summaries, newest first.
fn english_titles() -> Vec<(String, String)> {
    site().articles[&Lang::En]
        .iter()
        .map(|a| (a.front.title.clone(), a.front.summary.clone()))
        .collect()
}

#[test]
fn content_rule_every_seed_article_is_published_in_english_with_the_seeds_title_and_summary() {
    // Articles beyond the seed (also ones written in one language only) may join;
    // a seed article whose title or summary drifts from the seed's is reported.
    let published = english_titles();
    for (title, summary) in seed() {
        let Some((_, ours)) = published.iter().find(|(t, _)| *t == title) else {
            panic!("content rule: the seed's {title:?} is not the title of an English article");
        };
        assert_eq!(ours, &summary, "content rule: summary of {title:?}");
    }
}

#[test]
fn content_rule_every_seed_article_is_published_in_the_seeds_order() {
    let published = english_titles();
    let in_seed_order: Vec<&(String, String)> =
        published.iter().filter(|a| seed().contains(a)).collect();
    let seed = seed();
    let seed: Vec<&(String, String)> = seed.iter().collect();
    assert_eq!(
        in_seed_order, seed,
        "content rule: the seed's articles, dated newest first in the seed's order"
    );
}

#[test]
fn content_rule_russian_versions_are_translated_not_copied() {
    for (en, ru) in translations(site()) {
        let slug = &ru.front.slug;
        assert_ne!(ru.front.title, en.front.title, "content rule: {slug}");
        assert_ne!(ru.front.summary, en.front.summary, "content rule: {slug}");
        let cyrillic = ru
            .front
            .title
            .chars()
            .filter(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()))
            .count();
        assert!(cyrillic > 10, "content rule: {slug} title is not Russian");
    }
}

#[test]
fn content_rule_the_english_versions_are_the_originals_and_each_translation_records_its_digest() {
    for (en, ru) in translations(site()) {
        let slug = &en.front.slug;
        assert_eq!(en.front.translated_from, None, "content rule: {slug}");
        assert!(
            ru.front.translated_from.is_some(),
            "content rule: ru/{slug}.md records no translated_from (see `pipeline translations`)"
        );
    }
}

/// A translated article is a deep dive, a promise to readers of each language;
/// a post written in one language (published before its translation) may be
/// shorter, but is still an article, not a note.
#[test]
fn content_rule_translated_articles_are_deep_dives_and_posts_are_articles() {
    let site = site();
    for lang in Lang::ALL {
        for a in &site.articles[&lang] {
            let slug = &a.front.slug;
            let translated = site.articles[&lang.other()]
                .iter()
                .any(|b| b.front.slug == *slug);
            let (words, sections) = if translated { (1200, 4) } else { (600, 3) };
            assert!(
                a.body.words >= words,
                "content rule: {lang:?} {slug}: {} words of prose, at least {words}",
                a.body.words
            );
            let found = a.body.headings.iter().filter(|h| h.level == 2).count();
            assert!(
                found >= sections,
                "content rule: {lang:?} {slug}: {found} sections, at least {sections}"
            );
            let has_table = a.body.html.contains("<table>");
            assert!(
                !a.body.code_languages.is_empty() || has_table,
                "content rule: {lang:?} {slug}: needs a code block or a table"
            );
        }
    }
}

#[test]
fn content_rule_the_articles_exercise_every_renderer_feature() {
    for lang in Lang::ALL {
        let html: String = site().articles[&lang]
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
            assert!(html.contains(needle), "content rule: {lang:?}: no {needle}");
        }
    }
}

#[test]
fn content_rule_every_article_links_to_a_related_one_in_both_languages() {
    for lang in Lang::ALL {
        for a in &site().articles[&lang] {
            assert!(
                !linked_slugs(a).is_empty(),
                "content rule: {lang:?} {} links to no other article",
                a.front.slug
            );
        }
    }
}

/// Every slug some article of any language links to, with the linking slugs.
fn inbound(site: &pipeline::Site) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut inbound: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in site.articles.values().flatten() {
        for slug in linked_slugs(a) {
            inbound.entry(slug).or_default().insert(&a.front.slug);
        }
    }
    inbound
}

#[test]
fn content_rule_both_languages_link_the_same_articles_and_every_translated_article_is_linked_from_another(
) {
    let site = site();
    let pairs = translations(site);
    for (en, ru) in &pairs {
        assert_eq!(
            linked_slugs(en),
            linked_slugs(ru),
            "content rule: {}",
            en.front.slug
        );
    }
    // A link from an article in either language counts (a Russian link to an
    // English-only article reaches its untranslated page). An article written in
    // one language only is exempt: it is new, and asking older articles to link
    // it would mean editing translated originals, which would mark every one of
    // their translations out of date for an article that has no translation yet.
    let inbound = inbound(site);
    for (en, _) in pairs {
        let slug = en.front.slug.as_str();
        let from_others = inbound
            .get(slug)
            .is_some_and(|from| from.iter().any(|s| *s != slug));
        assert!(from_others, "content rule: nothing links to {slug}");
    }
}

#[test]
fn content_rule_every_article_states_what_its_apis_and_figures_were_checked_against() {
    for lang in Lang::ALL {
        let phrases: &[&str] = match lang {
            Lang::En => &["hecked against"],
            Lang::Ru => &["Сверено с", "сверена с"],
        };
        for a in &site().articles[&lang] {
            assert!(
                phrases.iter().any(|p| a.body.html.contains(p)),
                "content rule: {lang:?} {}: no checked-against line",
                a.front.slug
            );
        }
    }
}

#[test]
fn content_rule_descriptions_fit_search_snippets() {
    for lang in Lang::ALL {
        for a in &site().articles[&lang] {
            let n = a.front.description.chars().count();
            assert!(
                n <= 200,
                "content rule: {lang:?} {}: description of {n} characters",
                a.front.slug
            );
        }
    }
}

/// A figure teaches something the text refers to: each captioned figure's
/// number appears in its article's prose ("Figure 2 shows", «на рисунке 2»),
/// and at least eight articles have a figure (content/README.md, "Figures").
#[test]
fn content_rule_every_figure_is_referred_to_by_its_number() {
    let mut problems = Vec::new();
    let mut illustrated = BTreeSet::new();
    for (lang, list) in &site().articles {
        for a in list {
            let html = &a.body.html;
            let figures = html.matches("<figcaption>").count();
            if figures > 0 {
                illustrated.insert(a.front.slug.clone());
            }
            // The prose without the figures themselves (their captions carry
            // the label).
            let prose: String = html
                .split("<figure>")
                .enumerate()
                .map(|(i, part)| match i {
                    0 => part,
                    _ => part.split_once("</figure>").map_or("", |(_, rest)| rest),
                })
                .collect();
            for n in 1..=figures {
                let referred = match lang {
                    Lang::En => prose.contains(&format!("Figure {n}")),
                    Lang::Ru => ["Рисунок", "рисунок", "рисунке", "рисунка"]
                        .iter()
                        .any(|word| prose.contains(&format!("{word} {n}"))),
                };
                if !referred {
                    problems.push(format!(
                        "{}: figure {n} is not referred to",
                        a.path.display()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        illustrated.len() >= 8,
        "{} articles with figures: {illustrated:?}",
        illustrated.len()
    );
}
