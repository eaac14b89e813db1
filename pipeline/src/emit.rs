//! Writing what the pipeline produces, under one output folder (`target/site`):
//!
//! * `content/` — the JSON documents the app reads (fetched, or compiled in);
//! * `root/` — files for the site root: feeds, sitemap, robots.txt, figures;
//! * `cache/` — encoded figures kept for the next build.

use crate::discovery;
use crate::site::Site;
use model::site_toml::FeedSettings;
use model::{paths, Lang};
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
        write_json(&content.join(paths::tags(lang)), &index.tag_index())?;
        written += 1;
        for tagged in index.tagged() {
            let path = paths::tag(lang, &tagged.tag.slug, tagged.page);
            write_json(&content.join(path), &tagged)?;
            written += 1;
        }
        // Article documents are independent: built and written on every core.
        // Also the documents of articles shown untranslated in this language.
        let listing = site.listing(lang);
        let count = listing.len();
        let indexes: Vec<usize> = (0..count).collect();
        for result in crate::parallel::parallel_map(&indexes, |&i| {
            let post = site.post_of(lang, &listing, i);
            write_json(&content.join(paths::post(lang, &post.meta.slug)), &post)
        }) {
            result?;
        }
        written += count;
        let (index, texts) = crate::search::index(site, lang);
        write_json(&content.join(paths::search(lang)), &index)?;
        for (doc, text) in index.docs.iter().zip(&texts) {
            write_json(&content.join(paths::search_text(lang, &doc.slug)), text)?;
        }
        written += 1 + texts.len();
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
    let figures = site
        .figures
        .write(&root, &out.join(CACHE).join("figures"))?;
    Ok(written + sitemaps.len() + 1 + figures)
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
