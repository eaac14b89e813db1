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
use crate::site::{Article, Site};
use model::site_toml::FeedSettings;
use model::{paths, Lang, Route};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folder of `out` that keeps what is slow to make (encoded figures, social
/// cards) from one build to the next, by names that carry their inputs' hash.
pub const CACHE: &str = "cache";

/// What [`write`] did.
pub struct Written {
    /// The site's files under `content/` and `root/`.
    pub files: usize,
    /// Of those, the ones written anew (the others were there already).
    pub rewritten: Vec<PathBuf>,
    /// Files of an earlier build removed (no longer made: e.g. a renamed article).
    pub removed: Vec<PathBuf>,
    /// How long each kind of file took, in the order first made.
    pub stages: Stages,
    /// Each language's index, as its pages were written from: what the site's
    /// pages are (see `model::SiteIndex::site_pages`).
    pub indexes: Vec<(Lang, model::SiteIndex)>,
}

/// Time spent per stage of a build, added up over the languages.
#[derive(Debug, Default)]
pub struct Stages {
    spent: Vec<(&'static str, std::time::Duration)>,
    since: Option<std::time::Instant>,
}

impl Stages {
    /// Stages timed from now.
    fn started() -> Stages {
        Stages {
            spent: Vec::new(),
            since: Some(std::time::Instant::now()),
        }
    }

    /// Ends the stage running since the last mark (or since the start) as `name`.
    fn mark(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        let took = now - self.since.unwrap_or(now);
        self.since = Some(now);
        match self.spent.iter_mut().find(|(n, _)| *n == name) {
            Some((_, spent)) => *spent += took,
            None => self.spent.push((name, took)),
        }
    }
}

impl std::fmt::Display for Stages {
    /// `lists 0.1 s, articles 2.3 s, …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .spent
            .iter()
            .map(|(name, took)| format!("{name} {:.2} s", took.as_secs_f64()))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

/// Writes everything for `site` under `out`, touching only the files that change
/// and removing those no longer made, so no stale article survives a rename
/// (see [`Output`]). `base_url` is the site's absolute URL.
pub fn write(site: &Site, out: &Path, base_url: &str, feed: &FeedSettings) -> io::Result<Written> {
    write_with(site, out, base_url, feed, None)
}

/// What a build keeps for the next one: the development server's rebuild after
/// an edit makes only what the edit can change, and skips the rest without
/// serialising it (see [`write_with`]).
#[derive(Default)]
pub struct Kept {
    /// The articles' search words.
    words: crate::search::Words,
    /// Each article document written, by path: the hash of its body (HTML) and
    /// the document without its body.
    posts: HashMap<PathBuf, (u64, model::Post)>,
    /// Each language's search index as written, with the hash of what it was
    /// made from.
    search: HashMap<Lang, (u64, crate::search::Built)>,
    /// Each language's listing's related articles, with the hash of the
    /// listing's slugs and tags in order (all they are found from).
    related: HashMap<Lang, (u64, Related)>,
    /// Each social card written.
    cards: crate::cards::Known,
}

/// Each article's related articles, by their places in the listing.
type Related = Arc<Vec<Vec<usize>>>;

/// The related articles of every article of `lang`'s `listing` (see
/// [`crate::site::related`]), taken from `kept` when the listing's slugs and
/// tags are as last time: an edit of an article's text or title changes none.
fn related_of(listing: &[&Article], lang: Lang, kept: Option<&mut Kept>) -> Related {
    let find = || Arc::new(crate::site::TagPostings::of(listing).related_all());
    let Some(kept) = kept else {
        return find();
    };
    let made_of = hash_of(
        &listing
            .iter()
            .map(|a| (&a.front.slug, &a.front.tags))
            .collect::<Vec<_>>(),
    );
    match kept.related.get(&lang) {
        Some((hash, related)) if *hash == made_of => Arc::clone(related),
        _ => {
            let related = find();
            kept.related.insert(lang, (made_of, Arc::clone(&related)));
            related
        }
    }
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// [`write`], with what the last build made kept in `kept` (and kept for the
/// next): an article document whose body and every other field are as last time,
/// and a language's search index whose articles' texts, titles and summaries
/// are, are left as they are without being made again, and only the changed
/// articles' search words are read. Without, each language's words are dropped
/// once its index is written.
pub fn write_with(
    site: &Site,
    out: &Path,
    base_url: &str,
    feed: &FeedSettings,
    mut kept: Option<&mut Kept>,
) -> io::Result<Written> {
    let content = out.join("content");
    let root = out.join("root");
    let output = Output::new();
    let mut written = 0;
    let mut stages = Stages::started();
    let mut indexes = Vec::new();
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
        indexes.push((lang, index));
        stages.mark("lists");
        // Article documents are independent: built and written on every core.
        // Also the documents of articles shown untranslated in this language.
        let listing = site.listing(lang);
        let related = related_of(&listing, lang, kept.as_deref_mut());
        let count = listing.len();
        let indexes: Vec<usize> = (0..count).collect();
        let label = format!("writing {} article documents", lang.code());
        let known = kept.as_deref().map(|k| &k.posts);
        for result in crate::parallel::parallel_map_reporting(&label, &indexes, |&i| {
            let frame = site.post_frame(lang, &listing, &related[i], i);
            let path = content.join(paths::post(lang, &frame.meta.slug));
            let Some(known) = known else {
                write_json(&output, &path, &site.with_body(frame, listing[i]))?;
                return Ok::<_, io::Error>(None);
            };
            // The headings come from the same HTML (their ids and text are in it).
            let html_hash = hash_of(&listing[i].body.html);
            if known
                .get(&path)
                .is_some_and(|(h, f)| *h == html_hash && *f == frame)
            {
                output.keep(&path);
                return Ok(None);
            }
            write_json(&output, &path, &site.with_body(frame.clone(), listing[i]))?;
            Ok(Some((path, (html_hash, frame))))
        }) {
            if let (Some(kept), Some((path, post))) = (kept.as_deref_mut(), result?) {
                kept.posts.insert(path, post);
            }
        }
        written += count;
        stages.mark("articles");
        // The index is made of the articles' slugs, texts, titles and summaries,
        // in order.
        let made_of = hash_of(
            &site.articles[&lang]
                .iter()
                .map(|a| (&a.front.slug, &a.digest, &a.front.title, &a.front.summary))
                .collect::<Vec<_>>(),
        );
        // What the last build wrote for this language: kept as it is when it
        // was made of the same, else what the new one is compared with.
        let last = kept.as_deref_mut().and_then(|k| k.search.remove(&lang));
        let (search, unchanged, previous) = match (last, kept.as_deref_mut()) {
            (Some((hash, built)), _) if hash == made_of => (built, true, None),
            (last, Some(kept)) => {
                let part_bytes = crate::search::PART_BYTES;
                let built = crate::search::index_with(site, lang, part_bytes, &mut kept.words);
                (built, false, last.map(|(_, built)| built))
            }
            (_, None) => (
                crate::search::index(site, lang, crate::search::PART_BYTES),
                false,
                None,
            ),
        };
        let search_path = content.join(paths::search(lang));
        let parts_version = &search.index.parts_version;
        let parts = (0..).zip(&search.parts).map(|(n, json)| {
            (
                content.join(paths::search_part(lang, parts_version, n)),
                json,
            )
        });
        if unchanged {
            output.keep(&search_path);
            parts.for_each(|(path, _)| output.keep(&path));
        } else {
            write_json(&output, &search_path, &search.index)?;
            for (path, json) in parts {
                write_text(&output, &path, json)?;
            }
        }
        let version = &search.index.version;
        let same_docs = previous.as_ref().filter(|p| p.index.version == *version);
        let numbered: Vec<(u32, &model::SearchDoc)> = (0..).zip(&search.docs).collect();
        for result in crate::parallel::parallel_map(&numbered, |(n, doc)| {
            let path = content.join(paths::search_doc(lang, version, *n));
            let as_before = same_docs.is_some_and(|p| p.docs.get(*n as usize) == Some(doc));
            if unchanged || as_before {
                output.keep(&path);
                return Ok(());
            }
            write_json(&output, &path, doc)
        }) {
            result?;
        }
        written += 1 + search.parts.len() + search.docs.len();
        if let Some(kept) = kept.as_deref_mut() {
            kept.search.insert(lang, (made_of, search));
        }
        stages.mark("search");
        write_text(
            &output,
            &root.join(discovery::feed_path(lang).trim_start_matches('/')),
            &discovery::feed(site, lang, base_url, feed),
        )?;
        written += 1;
        stages.mark("feeds and sitemaps");
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
    stages.mark("feeds and sitemaps");
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
    let known = kept.map(|k| &mut k.cards);
    let drawn = crate::cards::write(
        &cards,
        &root,
        &out.join(CACHE).join("cards"),
        &output,
        known,
    )?;
    println!(
        "pipeline: social cards: {drawn} of {} drawn, the others unchanged, in {} ms",
        cards.len(),
        started.elapsed().as_millis()
    );
    stages.mark("figures and cards");
    let removed = output.prune(&[&content, &root])?;
    stages.mark("removing");
    Ok(Written {
        stages,
        indexes,
        files: written + sitemaps.len() + 1 + figures + cards.len(),
        rewritten: output.into_rewritten(),
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
