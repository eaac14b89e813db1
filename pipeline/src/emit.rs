//! Writing what the pipeline produces, under one output folder (`target/site`):
//!
//! * `content/` — the JSON documents the app reads (fetched, or compiled in);
//! * `root/` — files for the site root: feeds, sitemap, robots.txt, figures,
//!   social cards;
//! * `cache/` — encoded figures and drawn cards kept for the next build.

use crate::cards::Card;
use crate::discovery;
use crate::locale::Labels;
use crate::output::Output;
use crate::site::Site;
use model::site_toml::FeedSettings;
use model::{paths, Lang, Route};
use serde::Serialize;
use std::io;
use std::path::Path;

/// The folder of `out` that keeps what is slow to make (encoded figures, social
/// cards) from one build to the next, by names that carry their inputs' hash.
pub const CACHE: &str = "cache";

/// What [`write`] did.
pub struct Written {
    /// The site's files under `content/` and `root/`.
    pub files: usize,
    /// Of those, how many were written anew (the others were there already).
    pub rewritten: usize,
    /// Files of an earlier build removed (no longer made: e.g. a renamed article).
    pub removed: usize,
}

/// Writes everything for `site` under `out`, touching only the files that change
/// and removing those no longer made, so no stale article survives a rename
/// (see [`Output`]). `base_url` is the site's absolute URL.
pub fn write(site: &Site, out: &Path, base_url: &str, feed: &FeedSettings) -> io::Result<Written> {
    let content = out.join("content");
    let root = out.join("root");
    let output = Output::new();
    let mut written = 0;
    for lang in Lang::ALL {
        // The index goes out in pieces whose size does not grow with the archive.
        let index = site.index(lang);
        for page in index.pages() {
            write_json(
                &output,
                &content.join(paths::index_page(lang, page.page)),
                &page,
            )?;
            written += 1;
        }
        for page in index.tag_pages() {
            write_json(&output, &content.join(paths::tags(lang, page.page)), &page)?;
            written += 1;
        }
        for tagged in index.tagged() {
            let path = paths::tag(lang, &tagged.tag.slug, tagged.page);
            write_json(&output, &content.join(path), &tagged)?;
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
            write_json(
                &output,
                &content.join(paths::post(lang, &post.meta.slug)),
                &post,
            )
        }) {
            result?;
        }
        written += count;
        let search = crate::search::index(site, lang, crate::search::PART_BYTES);
        write_json(&output, &content.join(paths::search(lang)), &search.index)?;
        for (n, json) in (0..).zip(&search.parts) {
            let path = paths::search_part(lang, &search.index.parts_version, n);
            write_text(&output, &content.join(path), json)?;
        }
        let version = &search.index.version;
        let numbered: Vec<(u32, &model::SearchDoc)> = (0..).zip(&search.docs).collect();
        for result in crate::parallel::parallel_map(&numbered, |(n, doc)| {
            write_json(
                &output,
                &content.join(paths::search_doc(lang, version, *n)),
                doc,
            )
        }) {
            result?;
        }
        written += 1 + search.parts.len() + search.docs.len();
        write_text(
            &output,
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
        write_text(&output, &root.join(name), xml)?;
    }
    write_text(
        &output,
        &root.join("robots.txt"),
        &discovery::robots(base_url),
    )?;
    let published: std::collections::BTreeSet<&str> = site
        .articles
        .values()
        .flatten()
        .map(|a| a.front.slug.as_str())
        .collect();
    let figures = site.figures.write(
        &root,
        &out.join(CACHE).join("figures"),
        |slug| published.contains(slug),
        &output,
    )?;
    let cards = cards(site, base_url);
    let started = std::time::Instant::now();
    let drawn = crate::cards::write(&cards, &root, &out.join(CACHE).join("cards"), &output)?;
    println!(
        "pipeline: social cards: {drawn} of {} drawn, the others unchanged, in {} ms",
        cards.len(),
        started.elapsed().as_millis()
    );
    let removed = output.prune(&[&content, &root])?;
    Ok(Written {
        files: written + sitemaps.len() + 1 + figures + cards.len(),
        rewritten: output.rewritten(),
        removed,
    })
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

fn write_json<T: Serialize>(output: &Output, path: &Path, value: &T) -> io::Result<()> {
    output.write(path, &serde_json::to_vec(value)?)
}

fn write_text(output: &Output, path: &Path, text: &str) -> io::Result<()> {
    output.write(path, text.as_bytes())
}
