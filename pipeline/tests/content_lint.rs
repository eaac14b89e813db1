//! Content rules: the editorial promises the site's articles keep, checked on
//! `content/`. A red test here means an article broke a content rule (a title
//! that is not the seed's, too few words, a missing "checked against" line or one
//! dated after the article's last update), not
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
fn content_rule_both_languages_link_the_same_articles() {
    for (en, ru) in translations(site()) {
        assert_eq!(
            linked_slugs(en),
            linked_slugs(ru),
            "content rule: {}",
            en.front.slug
        );
    }
}

/// Links go back in time (content/README.md): a later article links to the
/// earlier ones it builds on, and an earlier one gets an update note only where
/// a later article changes what it says. So the oldest article may link to
/// nothing and the newest may be linked from nothing; what every article needs
/// is a link to or from another one, in either language (a Russian link to an
/// English-only article reaches its untranslated page).
#[test]
fn content_rule_every_article_links_to_another_or_is_linked_from_one() {
    let site = site();
    let inbound = inbound(site);
    for (lang, list) in &site.articles {
        for a in list {
            let slug = a.front.slug.as_str();
            let links_out = linked_slugs(a).iter().any(|s| *s != slug);
            let linked_in = inbound
                .get(slug)
                .is_some_and(|from| from.iter().any(|s| *s != slug));
            assert!(
                links_out || linked_in,
                "content rule: {lang:?} {slug} links to no other article and none links to it"
            );
        }
    }
}

#[test]
fn content_rule_every_article_states_what_its_apis_and_figures_were_checked_against() {
    for lang in Lang::ALL {
        for a in &site().articles[&lang] {
            assert!(
                check_phrases(lang).iter().any(|p| a.body.html.contains(p)),
                "content rule: {lang:?} {}: no checked-against line",
                a.front.slug
            );
        }
    }
}

/// The phrases that open the line saying what an article was checked against.
fn check_phrases(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["hecked against"],
        Lang::Ru => &["Сверено с", "сверена с"],
    }
}

/// A date a line names: year, month, and the day where the line gives one.
type Named = (u32, u32, Option<u32>);

/// The month a word names in `lang`, in any of the forms a check line uses:
/// "December"; "декабрь", "декабря" (after a day) and "декабре" ("в декабре 2026").
/// The names come from the pipeline's own dates, so they live in one place.
fn month_of(lang: Lang, word: &str) -> Option<u32> {
    if let Some((_, month)) = pipeline::dates::parse_month(lang, &format!("{word} 2000")) {
        return Some(month);
    }
    (1..=12u32).find(|m| {
        let label = pipeline::dates::label(lang, &format!("2000-{m:02}-01")).unwrap_or_default();
        match lang {
            // "1 декабря 2000 г.": the genitive, and the prepositional made from it.
            Lang::Ru => label.split(' ').nth(1).is_some_and(|genitive| {
                let stem = genitive.strip_suffix(['я', 'а']).unwrap_or(genitive);
                word == genitive || word == format!("{stem}е")
            }),
            // "December 1, 2000": English has one form.
            Lang::En => label.split(' ').next() == Some(word),
        }
    })
}

/// Every date `line` names: ISO dates (`2026-07-28`), "6 November 2026",
/// "November 6, 2026", "December 2026", "6 ноября 2026 года", "декабрь 2026" and
/// "в декабре 2026". A day counts only when a space alone parts it from its month,
/// so the version in "psycopg 3.3, December 2026" is not read as the 3rd.
fn dates_named(lang: Lang, line: &str) -> Vec<Named> {
    // Each word with the text that parts it from the word before.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut last_end = 0;
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        let in_word = c.is_alphanumeric() || c == '-';
        match (start, in_word && i < line.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push((&line[s..i], &line[last_end..s]));
                last_end = i;
                start = None;
            }
            _ => {}
        }
    }
    let number = |i: usize, digits: usize| {
        words
            .get(i)
            .map(|(w, _)| *w)
            .filter(|w| w.len() <= digits && w.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|w| w.parse::<u32>().ok())
    };
    let day = |i: usize| number(i, 2).filter(|d| (1..=31).contains(d));
    let spaced = |i: usize| words.get(i).is_some_and(|(_, gap)| *gap == " ");
    let year = |i: usize| number(i, 4).filter(|y| *y >= 1000);
    let mut found = Vec::new();
    for (i, (word, _)) in words.iter().enumerate() {
        if pipeline::dates::is_iso_date(word) {
            let mut parts = word
                .split('-')
                .map(|p| p.parse::<u32>().unwrap_or_default());
            let (y, m, d) = (parts.next(), parts.next(), parts.next());
            found.push((y.unwrap_or_default(), m.unwrap_or_default(), d));
        } else if let Some(month) = month_of(lang, word) {
            if let Some(y) = year(i + 1) {
                // "6 November 2026", "6 ноября 2026", or the month alone.
                let before = i.checked_sub(1).filter(|_| spaced(i)).and_then(day);
                found.push((y, month, before));
            } else if let (Some(d), Some(y)) = (day(i + 1).filter(|_| spaced(i + 1)), year(i + 2)) {
                // "November 6, 2026".
                found.push((y, month, Some(d)));
            }
        }
    }
    found
}

/// The check-line dates in `source` that come after `lastmod` (the article's
/// `updated`, else its `date`), as (1-based line, the date as year-month[-day]).
/// A month alone is after `lastmod` only if the month is; a day, if the day is.
fn check_dates_after(lang: Lang, lastmod: &str, source: &str) -> Vec<(usize, String)> {
    let mut parts = lastmod
        .split('-')
        .map(|p| p.parse::<u32>().unwrap_or_default());
    let last = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let mut in_fence = false;
    let mut found = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || !check_phrases(lang).iter().any(|p| line.contains(p)) {
            continue;
        }
        for (y, m, d) in dates_named(lang, line) {
            let after = match d {
                Some(d) => (y, m, d) > last,
                None => (y, m) > (last.0, last.1),
            };
            if after {
                let day = d.map(|d| format!("-{d:02}")).unwrap_or_default();
                found.push((i + 1, format!("{y}-{m:02}{day}")));
            }
        }
    }
    found
}

/// A check made after publication is an update: a line that says an article was
/// checked in December is true only if the article says it changed then, so no
/// date in the checked-against line may come after `updated` (else `date`).
#[test]
fn content_rule_no_checked_against_line_is_dated_after_the_articles_date_or_update() {
    let mut problems = Vec::new();
    for (lang, list) in &site().articles {
        for a in list {
            let source = std::fs::read_to_string(&a.path).expect("the article's file");
            let lastmod = a.front.lastmod();
            for (line, date) in check_dates_after(*lang, lastmod, &source) {
                problems.push(format!(
                    "{}:{line}: checked {date}, but the article says it last changed {lastmod}: \
                     set `updated`",
                    a.path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "content rule: {problems:#?}");
}

#[test]
fn a_check_line_dated_after_the_article_fails_and_one_dated_on_or_before_it_passes() {
    let en = "+++\ndate = 2026-11-06\n+++\n\nText.\n\n*Checked against the docs, December 2026.*\n";
    assert_eq!(
        check_dates_after(Lang::En, "2026-11-06", en),
        [(7, "2026-12".to_string())]
    );
    // The same line on an article updated in that month, or later.
    assert!(check_dates_after(Lang::En, "2026-12-01", en).is_empty());
    assert!(check_dates_after(Lang::En, "2027-01-15", en).is_empty());
    for (lang, lastmod, line, want) in [
        // A day is compared as a day, a month as a month.
        (Lang::En, "2026-11-06", "*Checked against the pages as they read on 6 November 2026.*", vec![]),
        (Lang::En, "2026-11-05", "*Checked against the pages on 6 November 2026.*", vec!["2026-11-06"]),
        (Lang::En, "2026-12-01", "*Checked against Firecracker on December 7, 2026.*", vec!["2026-12-07"]),
        (Lang::En, "2026-11-13", "*Checked against the MCP specification, revision 2026-07-28, November 2026.*", vec![]),
        (Lang::En, "2026-11-13", "*Checked against revision 2026-12-02 of the spec.*", vec!["2026-12-02"]),
        (Lang::Ru, "2026-11-29", "*Сверено с документацией PostgreSQL 18, декабрь 2026.*", vec!["2026-12"]),
        (Lang::Ru, "2026-12-07", "*Сверено с документацией PostgreSQL 18, декабрь 2026.*", vec![]),
        (Lang::Ru, "2026-11-06", "*Сверено со страницами на 6 ноября 2026 года; перепроверено в декабре 2026.*", vec!["2026-12"]),
        (Lang::Ru, "2026-11-06", "*Сверено со страницами на 6 ноября 2026 года; цены перепроверены 7 декабря 2026 года.*", vec!["2026-12-07"]),
        (Lang::Ru, "2026-12-07", "*Картина сверена с README, май 2026 и 7 декабря 2026 года.*", vec![]),
        // A version before the month is not its day.
        (Lang::Ru, "2026-12-01", "*Сверено с psycopg 3.3, декабрь 2026.*", vec![]),
        (Lang::En, "2026-12-01", "*Checked against PostgreSQL 18, December 2026.*", vec![]),
        // Not a check line, and not dates: versions and plain numbers.
        (Lang::En, "2026-01-01", "Released in December 2026, after this article.", vec![]),
        (Lang::En, "2026-01-01", "*Checked against Python 3.11 and SQLite 3.40, 2026.*", vec![]),
    ] {
        let source = format!("{line}\n");
        let got: Vec<String> = check_dates_after(lang, lastmod, &source)
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(got, want, "{lang:?} {lastmod} {line:?}");
    }
    // Inside a code block the phrase is code, not the check line.
    let code = "```text\nChecked against nothing, December 2026\n```\n";
    assert!(check_dates_after(Lang::En, "2026-01-01", code).is_empty());
}

/// content/README.md: a description (or the summary standing in for one) is at
/// most 160 characters, what a search snippet shows.
#[test]
fn content_rule_descriptions_fit_search_snippets() {
    for lang in Lang::ALL {
        for a in &site().articles[&lang] {
            let n = a.front.description.chars().count();
            assert!(
                n <= 160,
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
