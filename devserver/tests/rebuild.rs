//! The development server's rebuild on the project's own content, copied: what
//! Trunk's build leaves (the pipeline's output, the prerendered site) is made
//! first, then an edit must change exactly the documents and pages it touches,
//! and a broken edit must change nothing.

use devserver::{Dev, Folders};
use model::{Lang, Route};
use std::fs;
use std::path::{Path, PathBuf};

/// A page as `trunk serve` writes it (its live-reload script inline), with the
/// files the prerenderer takes from Trunk's output.
const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <base href="/" />
    <title>Engineering Insights</title>
    <link rel="icon" type="image/svg+xml" href="favicon.svg" />
    <script src="boot.js"></script>
    <link rel="stylesheet" href="/main-4760f333f62bafe.css"/>
<script type="module">
import init from '/app-52182d20db5c4d9b.js';
await init({ module_or_path: '/app-52182d20db5c4d9b_bg.wasm' });
</script>
  </head>
  <body><script>/* trunk live reload */</script></body>
</html>"#;

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

struct Served {
    _dir: tempfile::TempDir,
    folders: Folders,
}

/// The project's content copied, built by the pipeline and prerendered as
/// Trunk's build does it; returns the folders and the frame the pages were made
/// with.
fn served() -> (Served, prerender::Frame) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let folders = Folders {
        content: dir.path().join("content"),
        out: dir.path().join("out"),
        site: dir.path().join("site"),
    };
    copy_tree(&root.join("content"), &folders.content);
    let site = pipeline::load_with(&folders.content, "", &options()).unwrap();
    pipeline::emit::write(&site, &folders.out, URL, &Default::default()).unwrap();
    fs::create_dir_all(&folders.site).unwrap();
    fs::write(folders.site.join("index.html"), TRUNK_PAGE).unwrap();
    for file in ["boot.js", "lang.js", "start.js", "favicon.svg", "sw.js"] {
        fs::copy(root.join("public").join(file), folders.site.join(file)).unwrap();
    }
    copy_tree(&folders.out.join("content"), &folders.site.join("content"));
    copy_tree(&folders.out.join("root"), &folders.site);
    let (_, frame) = prerender::run(&folders.site, &folders.out.join("content")).unwrap();
    (Served { _dir: dir, folders }, frame)
}

const URL: &str = "https://example.org";

fn options() -> pipeline::Options {
    pipeline::Options::release("2026-12-01")
}

fn read(path: PathBuf) -> String {
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The newest article of the English index's first page written in both
/// languages (`content/{lang}/{slug}.md`): its slug and title.
fn newest(folders: &Folders) -> (String, String) {
    let index: serde_json::Value =
        serde_json::from_str(&read(folders.site.join("content/en/pages/1.json"))).unwrap();
    let both = |slug: &str| {
        ["en", "ru"].iter().all(|lang| {
            folders
                .content
                .join(lang)
                .join(format!("{slug}.md"))
                .exists()
        })
    };
    let post = index["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|post| both(post["slug"].as_str().unwrap()))
        .expect("an article in both languages");
    (
        post["slug"].as_str().unwrap().to_string(),
        post["title"].as_str().unwrap().to_string(),
    )
}

fn edit(path: &Path, from: &str, to: &str) {
    let source = read(path.to_path_buf());
    assert!(source.contains(from), "{}: no {from:?}", path.display());
    fs::write(path, source.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edit_rebuilds_the_documents_and_pages_it_changes_and_reloads_the_browser() {
    let (served, frame) = served();
    let folders = &served.folders;
    let mut dev = Dev::start(folders.clone(), options(), Some(URL.into()), frame).unwrap();
    let stamp = folders.site.join(prerender::DEV_BUILD_FILE);
    let first_stamp = read(stamp.clone());
    // Nothing changed since "Trunk's build": nothing to do.
    let nothing = dev.rebuild().unwrap();
    assert_eq!((nothing.files, nothing.pages.len()), (0, 0), "{nothing:?}");

    let (slug, title) = newest(folders);
    let article = folders.content.join("en").join(format!("{slug}.md"));
    let page = folders.site.join(Route::article(Lang::En, &slug).file());
    let other_language = folders.site.join(Route::article(Lang::Ru, &slug).file());
    let untouched = fs::metadata(&other_language).unwrap().modified().unwrap();
    edit(&article, &title, "A retitled article");
    let rebuilt = dev.rebuild().unwrap();

    // Its page, and the index that lists it, say the new title; the served
    // documents too.
    assert!(read(page.clone()).contains("A retitled article"));
    assert!(read(folders.site.join(Route::home(Lang::En).file())).contains("A retitled article"));
    assert_eq!(newest(folders).1, "A retitled article");
    assert!(rebuilt
        .pages
        .contains(&Route::article(Lang::En, &slug).file()));
    assert!(rebuilt.pages.contains(&Route::home(Lang::En).file()));
    // Only the pages of what changed: not every page of the site.
    let every_page = walk(&folders.site).filter(|p| p.ends_with(".html")).count();
    assert!(
        rebuilt.pages.len() * 3 < every_page,
        "{} of {every_page} pages rendered again",
        rebuilt.pages.len()
    );
    assert_eq!(
        fs::metadata(&other_language).unwrap().modified().unwrap(),
        untouched,
        "the Russian page of that article shows nothing that changed"
    );
    assert_ne!(
        read(stamp.clone()),
        first_stamp,
        "the browser is told to reload"
    );

    // A broken edit changes nothing and says where it is.
    let good = read(page.clone());
    let stamp_before = read(stamp.clone());
    edit(&article, "A retitled article", "");
    let error = dev.rebuild().unwrap_err();
    assert!(error.contains(&format!("{slug}.md:")), "{error}");
    assert_eq!(read(page.clone()), good);
    assert_eq!(read(stamp.clone()), stamp_before);

    // Mended, it rebuilds again.
    edit(&article, "title = \"\"", "title = \"Mended\"");
    dev.rebuild().unwrap();
    assert!(read(page).contains("Mended"));
}

#[test]
fn a_new_article_gets_its_pages_and_takes_them_when_removed() {
    let (served, frame) = served();
    let folders = &served.folders;
    let mut dev = Dev::start(folders.clone(), options(), Some(URL.into()), frame).unwrap();
    let (slug, _) = newest(folders);
    // A copy of that article under a new slug, dated after every other.
    let new = "a-brand-new-article";
    for lang in ["en", "ru"] {
        let source = read(folders.content.join(lang).join(format!("{slug}.md")));
        let source = source
            .replacen(
                &format!("slug = \"{slug}\""),
                &format!("slug = \"{new}\""),
                1,
            )
            .lines()
            .map(|line| {
                if line.starts_with("date = ") {
                    "date = 2026-11-30"
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        fs::write(folders.content.join(lang).join(format!("{new}.md")), source).unwrap();
    }
    let added = dev.rebuild().unwrap();
    for lang in Lang::ALL {
        let page = Route::article(lang, new).file();
        assert!(added.pages.contains(&page), "{added:?}");
        assert!(read(folders.site.join(&page)).contains(new));
        assert!(folders
            .site
            .join(format!("content/{}", model::paths::post(lang, new)))
            .exists());
        assert!(read(folders.site.join(Route::home(lang).file())).contains(new));
    }
    assert_eq!(newest(folders).0, new);

    for lang in ["en", "ru"] {
        fs::remove_file(folders.content.join(lang).join(format!("{new}.md"))).unwrap();
    }
    let removed = dev.rebuild().unwrap();
    for lang in Lang::ALL {
        let page = Route::article(lang, new).file();
        assert!(removed.removed_pages.contains(&page), "{removed:?}");
        assert!(!folders.site.join(&page).exists());
        assert!(!folders
            .site
            .join(format!("content/{}", model::paths::post(lang, new)))
            .exists());
        assert!(!read(folders.site.join(Route::home(lang).file())).contains(new));
    }
    assert_eq!(newest(folders).0, slug);
}

#[test]
fn after_a_trunk_build_replaced_the_site_a_resync_brings_back_what_changed_since() {
    let (served, frame) = served();
    let folders = &served.folders;
    let mut dev = Dev::start(folders.clone(), options(), Some(URL.into()), frame).unwrap();
    // What a Trunk build whose pipeline ran before the edit below leaves.
    let before = tempfile::tempdir().unwrap();
    copy_tree(&folders.site, &before.path().join("site"));
    copy_tree(&folders.out, &before.path().join("out"));
    let (slug, title) = newest(folders);
    let page = folders.site.join(Route::article(Lang::En, &slug).file());
    edit(
        &folders.content.join("en").join(format!("{slug}.md")),
        &title,
        "Retitled during a build",
    );
    dev.rebuild().unwrap();
    assert!(read(page.clone()).contains("Retitled during a build"));
    for folder in [&folders.site, &folders.out] {
        fs::remove_dir_all(folder).unwrap();
    }
    copy_tree(&before.path().join("site"), &folders.site);
    copy_tree(&before.path().join("out"), &folders.out);
    // What the last rebuild kept no longer says what is on disk: a rebuild
    // trusting it leaves the article's page with the old title.
    dev.rebuild().unwrap();
    assert!(!read(page.clone()).contains("Retitled during a build"));

    let resynced = dev.resync().unwrap();
    assert!(read(page).contains("Retitled during a build"));
    assert!(
        read(folders.site.join(Route::home(Lang::En).file())).contains("Retitled during a build")
    );
    assert_eq!(newest(folders).1, "Retitled during a build");
    assert!(resynced
        .pages
        .contains(&Route::article(Lang::En, &slug).file()));
}

/// Every file under `dir`, as paths relative to it.
fn walk(dir: &Path) -> impl Iterator<Item = String> {
    fn go(dir: &Path, top: &Path, found: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                go(&path, top, found);
            } else {
                found.push(path.strip_prefix(top).unwrap().display().to_string());
            }
        }
    }
    let mut found = Vec::new();
    go(dir, dir, &mut found);
    found.into_iter()
}
