//! The development server's content half. `trunk serve` builds the app and
//! serves the site folder, and rebuilds the whole site (pipeline, app, every
//! prerendered page) when the code changes; an edit of the content would cost
//! the same, a minute at 10,000 articles per language. This keeps the site in
//! memory instead and, after an edit, rebuilds only what it changes:
//!
//! 1. the pipeline loads again only the articles whose files changed
//!    ([`pipeline::load_again`]) and writes only the documents whose bytes
//!    change ([`pipeline::emit::write`]);
//! 2. those files (and those no longer made) are placed in the served folder;
//! 3. the pages whose documents changed, and the new ones, are prerendered
//!    again with the [`Frame`] Trunk's build made ([`prerender::page`]), and the
//!    pages of removed routes go;
//! 4. [`prerender::DEV_BUILD_FILE`] gets the next number, which reloads the
//!    pages open in a browser.
//!
//! Only for fetched documents: a bundled build compiles them into the app, so
//! Trunk rebuilds it (`scripts/serve` leaves the content to Trunk then).

use engineering_insights::api::{self, Request};
use model::site_toml::FeedSettings;
use model::Route;
use pipeline::{Loaded, Options};
use prerender::Frame;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Where the development server reads and writes.
#[derive(Debug, Clone)]
pub struct Folders {
    /// The content sources (`content/`).
    pub content: PathBuf,
    /// The pipeline's output (`target/site`): `content/`, `root/`, `cache/`.
    pub out: PathBuf,
    /// The folder Trunk serves (`target/serve`).
    pub site: PathBuf,
}

/// What one rebuild changed.
#[derive(Debug, Default)]
pub struct Rebuilt {
    /// Where the time went: loading, each kind of file, the pages.
    pub took: String,
    /// The pipeline's files written anew or removed.
    pub files: usize,
    /// The pages prerendered again, as paths under the site folder.
    pub pages: Vec<String>,
    /// The pages removed (their routes are gone).
    pub removed_pages: Vec<String>,
}

/// The content site, kept in memory between edits.
pub struct Dev {
    folders: Folders,
    options: Options,
    base_url: String,
    base_path: String,
    feed: FeedSettings,
    frame: Frame,
    loaded: Loaded,
    kept: pipeline::emit::Kept,
    /// Every page's route, with the documents it shows (each with its path
    /// under the pipeline's `content/`).
    routes: HashMap<Route, Vec<(Request, String)>>,
    /// What [`prerender::DEV_BUILD_FILE`] says: this run's start and its
    /// rebuilds so far, so that no two rebuilds of any run write the same.
    build: (u128, u64),
}

fn error(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Removes `path` and the folders it leaves empty, up to `top`.
fn remove(path: &Path, top: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| *d != top && d.starts_with(top)) {
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

/// A path under a folder, with `/` between its parts (as documents are named).
fn relative(path: &Path, folder: &Path) -> Option<String> {
    let rel = path.strip_prefix(folder).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

impl Dev {
    /// Loads the site from `folders.content` as the pipeline would with
    /// `options`, for `site_url` (or the one `content/site.toml` names), and
    /// writes whatever differs from what is in `folders.out` and the served folder
    /// already (nothing, right after Trunk's build).
    pub fn start(
        folders: Folders,
        options: Options,
        site_url: Option<String>,
        frame: Frame,
    ) -> Result<Dev, String> {
        let url = pipeline::config::site_url(&folders.content, site_url).map_err(error)?;
        let feed = pipeline::config::feed_settings(&folders.content).map_err(error)?;
        let mut dev = Dev {
            base_url: url.as_str().to_string(),
            base_path: url.base_path().to_string(),
            folders,
            options,
            feed,
            frame,
            loaded: Loaded::default(),
            kept: Default::default(),
            routes: HashMap::new(),
            build: (
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_millis()),
                0,
            ),
        };
        dev.resync()?;
        Ok(dev)
    }

    /// Brings the site in the served folder and `folders.out` in line with the
    /// content, trusting nothing kept from earlier rebuilds: compares every file
    /// with what is on disk, reads every document into the data layer again,
    /// and reloads the browser. For the start, and after a Trunk build, which
    /// replaces the served folder and runs the pipeline itself.
    pub fn resync(&mut self) -> Result<Rebuilt, String> {
        self.kept = Default::default();
        let langs = prerender::load_documents(&self.content_out())?;
        self.routes = Dev::routes_of(&langs);
        let rebuilt = self.rebuild()?;
        self.stamp()?;
        Ok(rebuilt)
    }

    /// Writes the next [`prerender::DEV_BUILD_FILE`]: the pages open in a
    /// browser reload.
    fn stamp(&mut self) -> Result<(), String> {
        self.build.1 += 1;
        let path = self.folders.site.join(prerender::DEV_BUILD_FILE);
        fs::write(&path, format!("{}-{}", self.build.0, self.build.1))
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Takes the frame of a new Trunk build (its pages name the app's files by
    /// their new hashes).
    pub fn set_frame(&mut self, frame: Frame) {
        self.frame = frame;
    }

    fn content_out(&self) -> PathBuf {
        self.folders.out.join("content")
    }

    fn routes_of(
        langs: &[(model::Lang, model::SiteIndex)],
    ) -> HashMap<Route, Vec<(Request, String)>> {
        prerender::routes(langs)
            .into_iter()
            .map(|route| {
                let documents = api::documents_for(&route)
                    .into_iter()
                    .filter_map(|r| {
                        let path = api::document_path(&r).ok()?;
                        Some((r, path))
                    })
                    .collect();
                (route, documents)
            })
            .collect()
    }

    /// Rebuilds what changed in the content since the last rebuild. On bad
    /// content it returns the pipeline's errors (each `file:line: message`) and
    /// changes nothing: the site served stays the last good one.
    pub fn rebuild(&mut self) -> Result<Rebuilt, String> {
        let clock = std::time::Instant::now();
        let site = pipeline::load_again(
            &self.folders.content,
            &self.base_path,
            &self.options,
            &mut self.loaded,
        )
        .map_err(error)?;
        let loading = clock.elapsed();
        let written = pipeline::emit::write_with(
            &site,
            &self.folders.out,
            &self.base_url,
            &self.feed,
            Some(&mut self.kept),
        )
        .map_err(|e| format!("{}: {e}", self.folders.out.display()))?;
        drop(site);

        // The pipeline's files into the served folder: documents under
        // `content/`, the root files (feeds, sitemap, cards, figures) at its root.
        let content_out = self.content_out();
        let root_out = self.folders.out.join("root");
        let site_dir = &self.folders.site;
        let served = |path: &Path| -> Option<(PathBuf, Option<String>)> {
            if let Some(doc) = relative(path, &content_out) {
                let fetched = self.frame.fetched;
                return fetched.then(|| (site_dir.join("content").join(&doc), Some(doc)));
            }
            relative(path, &root_out).map(|file| (site_dir.join(file), None))
        };
        let mut documents: HashSet<String> = HashSet::new();
        for path in &written.rewritten {
            if let Some((to, doc)) = served(path) {
                // The pipeline replaces a file rather than write into it.
                pipeline::output::link_or_copy(path, &to)
                    .map_err(|e| format!("{}: {e}", to.display()))?;
                documents.extend(doc);
            }
        }
        for path in &written.removed {
            if let Some((to, doc)) = served(path) {
                remove(&to, site_dir).map_err(|e| format!("{}: {e}", to.display()))?;
                documents.extend(doc);
            }
        }

        // The pages: those showing a changed document, and new ones.
        let mut rebuilt = Rebuilt {
            files: written.rewritten.len() + written.removed.len(),
            took: format!("loading {:.2} s, {}", loading.as_secs_f64(), written.stages),
            ..Rebuilt::default()
        };
        let clock = std::time::Instant::now();
        if rebuilt.files == 0 {
            return Ok(rebuilt);
        }
        // The site's pages, from the indexes just written (not read back), and
        // the documents that changed read into the app's data layer.
        let routes = Dev::routes_of(&written.indexes);
        let requests: HashSet<&Request> = routes.values().flatten().map(|(r, _)| r).collect();
        prerender::load_wanted(&content_out, requests.into_iter().cloned(), |doc| {
            documents.contains(doc)
        })?;
        let mut pages: Vec<&Route> = routes
            .iter()
            .filter(|(route, docs)| {
                !self.routes.contains_key(*route) || docs.iter().any(|(_, d)| documents.contains(d))
            })
            .map(|(route, _)| route)
            .collect();
        pages.sort_by_key(|route| route.file());
        for route in pages {
            let (file, html) = prerender::page(&self.frame, &content_out, route)?;
            prerender::write(&site_dir.join(&file), &html)?;
            rebuilt.pages.push(file);
        }
        let mut gone: Vec<String> = self
            .routes
            .keys()
            .filter(|route| !routes.contains_key(*route))
            .map(Route::file)
            .collect();
        gone.sort();
        for file in &gone {
            let path = site_dir.join(file);
            remove(&path, site_dir).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        rebuilt.removed_pages = gone;
        self.routes = routes;
        rebuilt.took += &format!(", pages {:.2} s", clock.elapsed().as_secs_f64());
        self.stamp()?;
        Ok(rebuilt)
    }
}
