//! Writing what the pipeline produces, under one output folder (`target/site`):
//!
//! * `content/` — the JSON documents the app reads (fetched, or compiled in);
//! * `root/` — files for the site root: feeds, sitemap, robots.txt, figures,
//!   social cards;
//! * `cache/` — encoded figures and drawn cards kept for the next build.

use crate::cards::Card;
use crate::discovery;
use crate::locale::Labels;
use crate::site::Site;
use model::site_toml::FeedSettings;
use model::{paths, Lang, Route};
use serde::Serialize;
use std::fs;
use std::io;
use std::path::Path;

/// The folder of `out` that keeps what is slow to make (encoded figures, social
/// cards) from one build to the next, by names that carry their inputs' hash.
pub const CACHE: &str = "cache";

/// Writes everything for `site` under `out`, replacing what was there so no stale
/// article survives a rename. `base_url` is the site's absolute URL. Returns the
/// number of files written.
pub fn write(site: &Site, out: &Path, base_url: &str, feed: &FeedSettings) -> io::Result<usize> {
    let content = out.join("content");
    let root = out.join("root");
    for dir in [&content, &root] {
        if dir.exists() {
            fs::remove_dir_all(dir)?;
        }
    }
    let mut written = 0;
    for lang in Lang::ALL {
        // The index goes out in pieces whose size does not grow with the archive.
        let index = site.index(lang);
        for page in index.pages() {
            write_json(&content.join(paths::index_page(lang, page.page)), &page)?;
            written += 1;
        }
        for page in index.tag_pages() {
            write_json(&content.join(paths::tags(lang, page.page)), &page)?;
            written += 1;
        }
        for tagged in index.tagged() {
            let path = paths::tag(lang, &tagged.tag.slug, tagged.page);
            write_json(&content.join(path), &tagged)?;
            written += 1;
        }
        // Article documents are independent: built and written on every core.
        // Also the documents of articles shown untranslated in this language.
        let listing = site.listing(lang);
        let postings = crate::site::TagPostings::of(&listing);
        let count = listing.len();
        let indexes: Vec<usize> = (0..count).collect();
        let label = format!("writing {} article documents", lang.code());
        for result in crate::parallel::parallel_map_reporting(&label, &indexes, |&i| {
            let post = site.post_of(lang, &listing, &postings, i);
            write_json(&content.join(paths::post(lang, &post.meta.slug)), &post)
        }) {
            result?;
        }
        written += count;
        let search = crate::search::index(site, lang, crate::search::PART_BYTES);
        write_json(&content.join(paths::search(lang)), &search.index)?;
        for (n, json) in (0..).zip(&search.parts) {
            let path = paths::search_part(lang, &search.index.parts_version, n);
            write_text(&content.join(path), json)?;
        }
        let version = &search.index.version;
        let numbered: Vec<(u32, &model::SearchDoc)> = (0..).zip(&search.docs).collect();
        for result in crate::parallel::parallel_map(&numbered, |(n, doc)| {
            write_json(&content.join(paths::search_doc(lang, version, *n)), doc)
        }) {
            result?;
        }
        written += 1 + search.parts.len() + search.docs.len();
        write_text(
            &root.join(discovery::feed_path(lang).trim_start_matches('/')),
            &discovery::feed(site, lang, base_url, feed),
        )?;
        written += 1;
    }
    let sitemaps = discovery::sitemap_files(
        site,
        base_url,
        discovery::SITEMAP_MAX_URLS,
        discovery::SITEMAP_MAX_BYTES,
    );
    for (name, xml) in &sitemaps {
        write_text(&root.join(name), xml)?;
    }
    write_text(&root.join("robots.txt"), &discovery::robots(base_url))?;
    let published: std::collections::BTreeSet<&str> = site
        .articles
        .values()
        .flatten()
        .map(|a| a.front.slug.as_str())
        .collect();
    let figures = site
        .figures
        .write(&root, &out.join(CACHE).join("figures"), |slug| {
            published.contains(slug)
        })?;
    let cards = cards(site, base_url);
    let started = std::time::Instant::now();
    let drawn = crate::cards::write(&cards, &root, &out.join(CACHE).join("cards"))?;
    println!(
        "pipeline: social cards: {drawn} of {} drawn, the others unchanged, in {} ms",
        cards.len(),
        started.elapsed().as_millis()
    );
    Ok(written + sitemaps.len() + 1 + figures + cards.len())
}

/// The social card of every article in its own language and of each language's
/// index, by the path [`Route::card`] gives them.
pub fn cards(site: &Site, base_url: &str) -> Vec<(String, Card)> {
    let address = base_url
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let mut cards = Vec::new();
    for lang in Lang::ALL {
        let labels = Labels::of(lang);
        let path = |route: Route| {
            route
                .card()
                .expect("a shared page")
                .trim_start_matches('/')
                .to_string()
        };
        cards.push((
            path(Route::home(lang)),
            Card {
                site: labels.site_name.clone(),
                title: labels.tagline.clone(),
                footer: address.to_string(),
            },
        ));
        for article in &site.articles[&lang] {
            let meta = article.meta_in(lang, &site.vocabulary);
            let footer = std::iter::once(meta.date_label.as_str())
                .chain(meta.tags.iter().map(|t| t.name.as_str()))
                .collect::<Vec<_>>()
                .join(" · ");
            cards.push((
                path(Route::article(lang, &meta.slug)),
                Card {
                    site: labels.site_name.clone(),
                    title: meta.title,
                    footer,
                },
            ));
        }
    }
    cards
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    write_text(path, &serde_json::to_string(value)?)
}

fn write_text(path: &Path, text: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}
