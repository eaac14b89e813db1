//! `pipeline [CONTENT_DIR] [OUT_DIR]`: validates the content sources and writes the
//! JSON documents, feeds, sitemap and robots.txt. Defaults: `content` and
//! `target/site`. The site URL comes from `CONTENT_DIR/site.toml`, or `SITE_URL`.
//! On bad input it prints every problem as `file:line: message` and exits with 1.
//! A translation whose original changed since it was made is a warning on stderr.
//!
//! `pipeline --base-path [CONTENT_DIR]` prints the site's path prefix with a
//! trailing slash (`/`, or `/insights/` for a sub-path site): the public URL the
//! build scripts give Trunk.
//!
//! `pipeline translations [CONTENT_DIR]` lists every article's slug with where its
//! translation stands: `current`, `out of date since YYYY-MM-DD` with the digest
//! the translation should record, or `missing (ru)`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).peekable();
    let base_only = args.next_if(|a| a == "--base-path").is_some();
    let translations = !base_only && args.next_if(|a| a == "translations").is_some();
    let content = args
        .next()
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    if translations {
        return list_translations(&content);
    }
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("target/site"), PathBuf::from);
    let site_url = match pipeline::config::site_url(&content, std::env::var("SITE_URL").ok()) {
        Ok(url) => url,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if base_only {
        println!("{}/", site_url.base_path());
        return ExitCode::SUCCESS;
    }
    let base_url = site_url.as_str();
    let site = match pipeline::load(&content, site_url.base_path()) {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    for warning in site.translation_warnings() {
        eprintln!("{warning}");
    }
    match pipeline::emit::write(&site, &out, base_url) {
        Ok(n) => {
            println!(
                "pipeline: wrote {n} files to {} for {base_url}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// `pipeline translations`: one line per article, `slug: state`.
fn list_translations(content: &std::path::Path) -> ExitCode {
    let site = match pipeline::load(content, "") {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    for t in site.translations() {
        println!("{}: {}", t.slug, t.state);
    }
    ExitCode::SUCCESS
}
