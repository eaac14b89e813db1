//! The last build step: turns the app Trunk built into a static site.
//!
//! `content/` → `pipeline` → JSON → Trunk (wasm, `index.html`) → **prerender** →
//! `dist/`. For every route in both languages it renders the app's own Leptos
//! components on the host (`ssr`) with the pipeline's documents and writes a
//! complete HTML file: the markup the app renders, the page's head tags, and
//! (fetched builds) the documents the app needs to take the page over, as JSON
//! after the markup.
//! It also writes the 404 pages, the service worker's file list, and the files
//! static hosts read (`_headers`, `_redirects`, `.nojekyll`).

pub mod deploy;
pub mod template;

use engineering_insights::api::{self, Loaded, Request};
use engineering_insights::head::head_tags;
use engineering_insights::routing::{BASE, SITE_URL};
use model::{paths, IndexPage, Lang, PageNumber, Route, TagIndex, PAGE_SIZE};
use std::fs;
use std::path::{Path, PathBuf};
pub use template::Template;
use template::{fnv1a, is_hashed, PageParts};

/// What was written.
#[derive(Debug)]
pub struct Summary {
    /// HTML files, as paths under the site folder.
    pub pages: Vec<String>,
    /// The service worker's cache version.
    pub version: String,
}

/// Every page of the site the prerenderer writes: the root and the 404 pages,
/// then each language's pages ([`model::SiteIndex::site_pages`], also the
/// articles shown untranslated, which the sitemap leaves out). Each is written
/// to [`Route::file`].
pub fn routes(langs: &[(Lang, model::SiteIndex)]) -> Vec<Route> {
    let mut routes = vec![Route::Root, Route::NotFound { lang: None }];
    for (lang, index) in langs {
        routes.push(Route::NotFound { lang: Some(*lang) });
        routes.extend(index.site_pages().into_iter().map(|page| page.route));
    }
    routes
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// [`read`], then removes the file: a source of what the prerenderer writes
/// (`boot.js` goes inline, `start.js` into the start-up module), not deployed
/// itself. */
fn take(path: &Path) -> Result<String, String> {
    let text = read(path)?;
    fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}

/// The documents a page's view opens with, as links that have the browser fetch
/// them when idle into its cache (and the service worker's), where the app's
/// request finds them. Inside a `<template>` they fetch nothing: the start-up
/// module puts them in the page once its largest paint is on screen (see
/// `public/start.js`). `urls` are relative to the page's `<base>`.
fn prefetch_links(urls: &[String]) -> String {
    if urls.is_empty() {
        return String::new();
    }
    let links: String = urls
        .iter()
        .map(|url| format!("<link rel=\"prefetch\" href=\"{url}\" data-document>"))
        .collect();
    format!("<template data-documents>{links}</template>")
}

/// The names of the files directly in `dir`, sorted.
fn list_dir(dir: &Path) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.path().is_file() {
            files.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    files.sort();
    Ok(files)
}

/// Writes `text` to `path`, making its folder; an error names the path.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads the pipeline's documents (`content`, i.e. `target/site/content`) into the
/// app's data layer, checked exactly as the app checks fetched ones, and returns
/// each language's whole index as they describe it: every page of the index and
/// of the tag list, every tag's pages and every article's document.
pub fn load_documents(content: &Path) -> Result<Vec<(Lang, model::SiteIndex)>, String> {
    let mut langs = Vec::new();
    for lang in Lang::ALL {
        let posts = every_page(
            |n| Request::IndexPage(lang, n),
            |request| load(content, request),
            |page: &IndexPage| (page.pages, page.posts.clone()),
        )?;
        let tags = every_page(
            |n| Request::Tags(lang, n),
            |request| load(content, request),
            |page: &TagIndex| (page.pages, page.tags.clone()),
        )?;
        let tagged = tags.iter().flat_map(|tag| {
            PageNumber::count_for(tag.count as usize, PAGE_SIZE)
                .up_to()
                .map(|n| Request::Tag(lang, tag.slug.clone(), n))
        });
        let posts_shown = posts.iter().map(|p| Request::Post(lang, p.slug.clone()));
        for request in tagged.chain(posts_shown) {
            load(content, request)?;
        }
        langs.push((lang, model::SiteIndex { lang, posts, tags }));
    }
    Ok(langs)
}

/// Reads each of `requests` into the app's data layer (see [`load_documents`])
/// when `wanted` says so for its document's path under `content`, or the data
/// layer does not hold it yet: the development server reads again only what an
/// edit changed.
pub fn load_wanted(
    content: &Path,
    requests: impl IntoIterator<Item = Request>,
    wanted: impl Fn(&str) -> bool,
) -> Result<(), String> {
    for request in requests {
        let path = api::document_path(&request).map_err(|e| e.to_string())?;
        if wanted(&path) || api::cached(&request).is_none() {
            load(content, request)?;
        }
    }
    Ok(())
}

/// Reads the document `request` asks for from `content` into the data layer.
fn load(content: &Path, request: Request) -> Result<api::Document, String> {
    let path = api::document_path(&request).map_err(|e| e.to_string())?;
    let file = content.join(&path);
    api::store(&request, &read(&file)?).map_err(|e| format!("{}: {e}", file.display()))
}

/// The items of every page of a paged list (the index, the tag list), from its
/// first page to the last its documents name.
fn every_page<T: Loaded, I>(
    request: impl Fn(PageNumber) -> Request,
    load: impl Fn(Request) -> Result<api::Document, String>,
    items: impl Fn(&T) -> (PageNumber, Vec<I>),
) -> Result<Vec<I>, String> {
    let mut all = Vec::new();
    let mut n = PageNumber::FIRST;
    loop {
        let page = T::from_document(load(request(n))?).map_err(|e| e.to_string())?;
        let (pages, page_items) = items(&page);
        all.extend(page_items);
        if n >= pages {
            return Ok(all);
        }
        n = n.next();
    }
}

/// What every page is made with, prepared once from Trunk's output ([`prepare`]):
/// its page cut where pages put their parts, the inline scripts' policy, and
/// whether the documents are fetched. The development server keeps it to
/// prerender the pages an edit changes (`devserver/`).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    pub template: Template,
    /// The policy's `<meta>` copy for every page's head (none on development pages).
    meta_csp: String,
    /// The policy's sources for the inline scripts.
    scripts: Vec<String>,
    /// Whether the site fetches its documents (else they are compiled in).
    pub fetched: bool,
}

impl Frame {
    /// Saves the frame at `path` (for the development server).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        write(
            path,
            &serde_json::to_string(self).map_err(|e| e.to_string())?,
        )
    }

    /// The frame [`Frame::save`] saved at `path`.
    pub fn load(path: &Path) -> Result<Frame, String> {
        serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The file a development page asks for every half second (see
/// [`DEV_RELOAD_SCRIPT`]); the development server (`devserver/`) writes a new
/// number to it after each rebuild.
pub const DEV_BUILD_FILE: &str = "dev-build.txt";

/// On development pages: reloads the page when [`DEV_BUILD_FILE`] changes, that
/// is when the development server rebuilt what an edit of the content changed
/// (Trunk's own live reload follows Trunk's builds, which leave the content to
/// it).
fn dev_reload_script() -> String {
    format!(
        "<script>(()=>{{let seen;setInterval(async()=>{{try{{const r=await fetch('{BASE}/{DEV_BUILD_FILE}',{{cache:'no-store'}});if(!r.ok)return;const v=await r.text();if(seen!==undefined&&v!==seen)location.reload();seen=v;}}catch{{}}}},500);}})();</script>\n"
    )
}

/// Turns Trunk's output in `site` into the [`Frame`] of every page: the app's
/// start-up module under a hashed name, the early script and the icon inline.
/// How the early script (`public/boot.js`) imports the start-up module, whose
/// name the prerenderer puts in: resolved against the page's `<base>` by the
/// script itself, as WebKit resolves an inline script's `import('./x.js')`
/// against the page's own URL (`/en/x.js`), where Chromium and Firefox take the
/// `<base>`.
const START_IMPORT: &str = "import(new URL('./start.js', document.baseURI))";

/// Consumes `boot.js` and `start.js` (they are not deployed themselves).
pub fn prepare(site: &Path) -> Result<Frame, String> {
    let public_url = format!("{BASE}/");
    let mut template =
        Template::parse(&read(&site.join("index.html"))?).map_err(|e| e.to_string())?;
    // The app's start-up module (public/start.js, after the reader's language
    // rule and before Trunk's start-up script), under a name that changes with
    // its content, like the app's other files.
    let start = format!(
        "{}\n{}\n{}",
        read(&site.join("lang.js"))?,
        take(&site.join("start.js"))?,
        template.start_module
    );
    let start_file = format!("start-{:016x}.js", fnv1a(start.as_bytes()));
    write(&site.join(&start_file), &start)?;
    template.assets.push(format!("{public_url}{start_file}"));
    // The early script (theme before the first paint, the toggle until the app
    // is there, the app's start once the page is on screen) blocks rendering:
    // inline it rather than make the page wait for one more request. It names
    // the start-up module by its hashed name.
    let boot = take(&site.join("boot.js"))?;
    let boot = boot
        .contains(START_IMPORT)
        .then(|| boot.replacen("'./start.js'", &format!("'./{start_file}'"), 1))
        .ok_or_else(|| format!("boot.js: no {START_IMPORT}"))?;
    let boot_hash = template
        .inline_script("<script src=\"boot.js\"></script>", &boot)
        .map_err(|e| e.to_string())?;
    // The icon, a few hundred bytes, goes inline too: a request for it that
    // ends before the largest paint is counted in it by Lighthouse's simulation.
    template
        .inline_icon("favicon.svg", &read(&site.join("favicon.svg"))?)
        .map_err(|e| e.to_string())?;
    let scripts = vec![boot_hash];
    let endpoint = api::subscribe_endpoint();
    // Pages served by `trunk serve` carry its inline live-reload script, which the
    // policy would block: development pages go without the <meta> copy, and
    // reload when the development server rebuilt what an edit changed.
    let meta_csp = if template.dev_scripts {
        dev_reload_script()
    } else {
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
            deploy::csp(endpoint, &scripts, false)
        )
    };
    Ok(Frame {
        template,
        meta_csp,
        scripts,
        fetched: site.join("content").is_dir(),
    })
}

/// The HTML file of `route` (its path under the site folder, and its text),
/// rendered from the documents the app's data layer holds (see
/// [`load_documents`]); `content` is where they were read from.
pub fn page(frame: &Frame, content: &Path, route: &Route) -> Result<(String, String), String> {
    let file = route.file();
    let page = engineering_insights::prerender(&route.path())?;
    let mut head = frame.meta_csp.clone();
    if *route == Route::Root {
        // The site root sends readers to their language before anything is
        // drawn (public/lang.js).
        head.push_str("<script src=\"lang.js\"></script>\n");
    }
    for tag in head_tags(&page.head, SITE_URL) {
        head.push_str(&tag.to_html());
        head.push('\n');
    }
    // A fetched build's page names the documents its view opens with, for the
    // browser to fetch once the page is on screen (`prefetch`, started by the
    // start-up script): the app adopts the prerendered
    // view without them (see `src/takeover.rs`) and finds them at hand when it
    // renders that view itself. Carried inside the page they cost its first
    // paint a round trip (an article's HTML no longer fit the first TCP
    // window). Bundled builds have them compiled in.
    // Without the markers Leptos leaves for hydration (`<!>`): the app adopts
    // the page rather than hydrating it (see `src/takeover.rs`). Text never
    // contains one: its `<` is escaped.
    let mut body = page.body.replace("<!>", "");
    if frame.fetched {
        let mut urls = Vec::new();
        for request in api::documents_for(route) {
            let file = api::document_path(&request).map_err(|e| e.to_string())?;
            // A document that is missing fails the build here.
            read(&content.join(&file))?;
            urls.push(api::document_url(&request).unwrap_or_default());
        }
        body.push_str(&prefetch_links(&urls));
    }
    let html = frame.template.page(&PageParts {
        lang: page.head.lang.code(),
        title: &page.head.document_title(),
        head: &head,
        body: &body,
    });
    Ok((file, html))
}

/// Prerenders the site in `site` (Trunk's output: `index.html`, the hashed files,
/// `sw.js`, and `content/` for a fetched build) from the documents in `content`.
/// Returns what was written and the [`Frame`] the pages were made with.
pub fn run(site: &Path, content: &Path) -> Result<(Summary, Frame), String> {
    let public_url = format!("{BASE}/");
    let frame = prepare(site)?;
    let langs = load_documents(content)?;
    let endpoint = api::subscribe_endpoint();

    let mut pages = Vec::new();
    let mut fingerprint = String::new();
    for route in routes(&langs) {
        let (file, html) = page(&frame, content, &route)?;
        fingerprint.push_str(&format!("{file}:{:016x}\n", fnv1a(html.as_bytes())));
        write(&site.join(&file), &html)?;
        pages.push(file);
    }

    // The root, each language's index and the 404 page.
    let folders = [Route::Root].into_iter().chain(Lang::ALL.map(Route::home));
    let mut shell: Vec<String> = folders
        .map(|page| format!("{BASE}{}", page.path()))
        .chain([Route::NotFound { lang: None }.file()].map(|f| format!("{public_url}{f}")))
        .collect();
    // The hashed files: those the page names, and the chunks the app loads on
    // demand (splitter/), which only its loader names.
    let mut assets = frame.template.assets.clone();
    for file in list_dir(site)? {
        let url = format!("{public_url}{file}");
        if is_hashed(&file) && !assets.contains(&url) {
            assets.push(url);
        }
    }
    shell.extend(assets.iter().cloned());
    if frame.fetched {
        for lang in Lang::ALL {
            shell.push(format!(
                "{public_url}content/{}",
                paths::index_page(lang, PageNumber::FIRST)
            ));
        }
    }
    fingerprint.push_str(&shell.join("\n"));
    let version = format!("{:016x}", fnv1a(fingerprint.as_bytes()));
    let sw = site.join("sw.js");
    write(&sw, &deploy::service_worker(&read(&sw)?, &version, &shell)?)?;

    write(
        &site.join("_headers"),
        &deploy::headers(BASE, &deploy::csp(endpoint, &frame.scripts, true), &assets),
    )?;
    write(&site.join("_redirects"), &deploy::redirects(BASE))?;
    // GitHub Pages: publish every file as it is (no Jekyll processing).
    write(&site.join(".nojekyll"), "")?;
    Ok((Summary { pages, version }, frame))
}

/// The site folder given on the command line, or Trunk's staging folder.
pub fn site_dir(arg: Option<PathBuf>) -> Option<PathBuf> {
    arg.or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
}

#[cfg(test)]
mod tests {
    use super::prefetch_links;

    #[test]
    fn a_page_names_its_documents_inert_until_the_start_up_script_fetches_them() {
        assert_eq!(
            prefetch_links(&["content/en/posts/x.json".into(), "content/en/y.json".into()]),
            r#"<template data-documents><link rel="prefetch" href="content/en/posts/x.json" data-document><link rel="prefetch" href="content/en/y.json" data-document></template>"#
        );
        assert_eq!(prefetch_links(&[]), "");
    }
}
