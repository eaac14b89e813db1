//! Compile-time inputs of the app:
//!
//! 1. `locales/*.json` (flat snake_case keys, CLDR plural suffixes) become typed
//!    `Strings` constants, so a key missing in one language, or a `{name}`
//!    placeholder one language has and another lacks, fails the build and the
//!    browser parses no locale file.
//! 2. With `BLOG_CONTENT=bundled`, every JSON document the pipeline wrote to
//!    `target/site/content` is compiled into the wasm (cfg `bundled`).
//! 3. `SUBSCRIBE_ENDPOINT` (optional) is where the subscribe form posts; without it
//!    the form is not shown.
//! 4. The site URL (`SITE_URL`, else `url` in `content/site.toml`, read by
//!    `model::site_toml` as the pipeline reads it) becomes `SITE_URL` and its path
//!    prefix `BASE_PATH`, for the router, links and the head's absolute URLs.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

const LANGS: [&str; 2] = ["en", "ru"];
const PLURAL_FORMS: [&str; 4] = ["one", "few", "many", "other"];

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-env-changed=BLOG_CONTENT");
    println!("cargo:rerun-if-env-changed=SUBSCRIBE_ENDPOINT");
    let endpoint = env::var("SUBSCRIBE_ENDPOINT").unwrap_or_default();
    println!("cargo:rustc-env=SUBSCRIBE_ENDPOINT={}", endpoint.trim());
    println!("cargo::rustc-check-cfg=cfg(bundled)");
    // Drafts reach only a build that asked for them (`BLOG_DRAFTS=1`, what
    // scripts/serve does): only such a build carries the code that marks them.
    println!("cargo:rerun-if-env-changed=BLOG_DRAFTS");
    println!("cargo::rustc-check-cfg=cfg(drafts)");
    if env::var("BLOG_DRAFTS").as_deref() == Ok("1") {
        println!("cargo:rustc-cfg=drafts");
    }
    let site = site_url();
    println!("cargo:rustc-env=SITE_URL={}", site.as_str());
    println!("cargo:rustc-env=BASE_PATH={}", site.base_path());
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("strings.rs"), strings()).expect("write strings.rs");

    let bundled = match env::var("BLOG_CONTENT").as_deref() {
        Ok("bundled") => true,
        Ok("fetched") | Err(_) => false,
        Ok(other) => panic!("BLOG_CONTENT must be `fetched` or `bundled`, not {other:?}"),
    };
    let documents = if bundled {
        println!("cargo:rustc-cfg=bundled");
        bundle()
    } else {
        String::new()
    };
    fs::write(out.join("bundle.rs"), documents).expect("write bundle.rs");
}

/// The site URL, read where the content pipeline reads it (`model::site_toml`).
fn site_url() -> model::SiteUrl {
    println!("cargo:rerun-if-env-changed=SITE_URL");
    println!("cargo:rerun-if-changed=content/site.toml");
    model::site_toml::site_url(Path::new("content"), env::var("SITE_URL").ok())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A UI string or a plural family, by field name.
enum Entry {
    Plain(String),
    Plural(BTreeMap<String, String>),
}

/// The flat strings of `locales/{lang}.json`, by key.
fn read_flat(lang: &str) -> (PathBuf, BTreeMap<String, String>) {
    let path = PathBuf::from(format!("locales/{lang}.json"));
    let flat = model::locales::read(&path).unwrap_or_else(|e| panic!("{e}"));
    (path, flat)
}

/// `flat`, the strings of the locale file at `path`, with plural forms grouped.
fn group(path: &Path, flat: BTreeMap<String, String>) -> BTreeMap<String, Entry> {
    let path = path.display();
    let mut entries = BTreeMap::new();
    for (key, value) in flat {
        let plural = key
            .rsplit_once('_')
            .filter(|(_, form)| PLURAL_FORMS.contains(form));
        match plural {
            Some((base, form)) => {
                let slot = entries
                    .entry(base.to_string())
                    .or_insert_with(|| Entry::Plural(BTreeMap::new()));
                match slot {
                    Entry::Plural(forms) => forms.insert(form.to_string(), value),
                    Entry::Plain(_) => panic!("{path}: `{base}` is both plain and plural"),
                };
            }
            None => {
                entries.insert(key, Entry::Plain(value));
            }
        }
    }
    for (key, entry) in &entries {
        if let Entry::Plural(forms) = entry {
            assert!(
                forms.contains_key("other"),
                "{path}: `{key}_other` is required"
            );
        }
    }
    entries
}

fn strings() -> String {
    let flat: Vec<_> = LANGS.iter().map(|l| read_flat(l)).collect();
    // A placeholder one language fills and another lacks shows a reader a raw
    // `{name}` or drops the value: a build error, naming the file and key.
    let mismatches: Vec<String> = flat[1..]
        .iter()
        .flat_map(|(path, strings)| {
            model::locales::placeholder_mismatches((&flat[0].0, &flat[0].1), (path, strings))
        })
        .map(|m| m.to_string())
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    let locales: Vec<_> = LANGS
        .iter()
        .zip(flat)
        .map(|(lang, (path, strings))| (*lang, group(&path, strings)))
        .collect();
    let (_, first) = &locales[0];
    for (lang, entries) in &locales[1..] {
        let a: Vec<_> = first.keys().collect();
        let b: Vec<_> = entries.keys().collect();
        assert_eq!(
            a, b,
            "locales/{lang}.json must have the same keys as locales/en.json"
        );
    }
    let mut code = String::from(
        "/// Every UI string of one language, generated from `locales/*.json`.\n\
         #[derive(Debug)]\npub struct Strings {\n",
    );
    for (key, entry) in first {
        let ty = match entry {
            Entry::Plain(_) => "&'static str",
            Entry::Plural(_) => "Plural",
        };
        writeln!(
            code,
            "    /// `{key}` in locales/*.json.\n    pub {key}: {ty},"
        )
        .unwrap();
    }
    code.push_str("}\n");
    for (lang, entries) in &locales {
        writeln!(
            code,
            "/// UI strings for `{lang}`.\npub const {}: Strings = Strings {{",
            lang.to_uppercase()
        )
        .unwrap();
        for (key, entry) in entries {
            match entry {
                Entry::Plain(s) => writeln!(code, "    {key}: {s:?},").unwrap(),
                Entry::Plural(forms) => {
                    let other = &forms["other"];
                    let form = |f: &str| forms.get(f).unwrap_or(other).clone();
                    writeln!(
                        code,
                        "    {key}: Plural {{ one: {:?}, few: {:?}, many: {:?}, other: {other:?} }},",
                        form("one"),
                        form("few"),
                        form("many")
                    )
                    .unwrap();
                }
            }
        }
        code.push_str("};\n");
    }
    code
}

/// `static DOCUMENTS: &[(&str, &str)]`: content path to JSON text, sorted by path.
fn bundle() -> String {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("target/site/content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(
        !files.is_empty(),
        "BLOG_CONTENT=bundled but {} is empty: run the pipeline first (scripts/build does)",
        root.display()
    );
    files.sort();
    let mut code = String::from(
        "/// Every content document, compiled in: (path under `content/`, JSON).\n\
         pub static DOCUMENTS: &[(&str, &str)] = &[\n",
    );
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
}
