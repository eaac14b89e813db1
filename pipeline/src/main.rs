//! `pipeline [--drafts] [--future] [CONTENT_DIR] [OUT_DIR]`: validates the content
//! sources and writes the JSON documents, feeds, sitemap and robots.txt. Defaults:
//! `content` and `target/site`. The site URL comes from `CONTENT_DIR/site.toml`, or
//! `SITE_URL`. Drafts (`draft = true`) and articles dated after today (UTC, or
//! `BUILD_DATE=YYYY-MM-DD`) are left out unless `--drafts` / `--future` is given
//! (Trunk's pre-build hook passes both when `BLOG_DRAFTS=1`).
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

use pipeline::Options;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Removes `flag` from `args`; whether it was there.
fn take_flag(args: &mut Vec<OsString>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

/// The build's date: `BUILD_DATE` if set, else today in UTC.
fn build_date() -> Result<String, String> {
    match std::env::var("BUILD_DATE") {
        Ok(date) if pipeline::dates::is_iso_date(&date) => Ok(date),
        Ok(date) => Err(format!(
            "BUILD_DATE={date:?} is not a date such as 2026-11-20"
        )),
        Err(_) => Ok(pipeline::dates::today_utc()),
    }
}

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let base_only = take_flag(&mut args, "--base-path");
    let drafts = take_flag(&mut args, "--drafts");
    let future = take_flag(&mut args, "--future");
    let translations = !base_only && args.first().is_some_and(|a| a == "translations");
    let mut args = args.into_iter().skip(usize::from(translations));
    let today = match build_date() {
        Ok(date) => date,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let content = args
        .next()
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    if translations {
        return list_translations(&content, &today);
    }
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("target/site"), PathBuf::from);
    let settings = pipeline::config::site_url(&content, std::env::var("SITE_URL").ok())
        .and_then(|url| Ok((url, pipeline::config::feed_settings(&content)?)));
    let (site_url, feed) = match settings {
        Ok(settings) => settings,
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
    let options = Options {
        drafts,
        future,
        today,
    };
    let site = match pipeline::load_with(&content, site_url.base_path(), &options) {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    for warning in site.translation_warnings() {
        eprintln!("{warning}");
    }
    match pipeline::emit::write(&site, &out, base_url, &feed) {
        Ok(written) => {
            println!(
                "pipeline: {} files in {} for {base_url}: {} written, the others unchanged; {} removed ({})",
                written.files,
                out.display(),
                written.rewritten.len(),
                written.removed.len(),
                written.stages
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// `pipeline translations`: one line per article, `slug: state`, drafts and
/// future articles included.
fn list_translations(content: &Path, today: &str) -> ExitCode {
    let site = match pipeline::load_with(content, "", &Options::everything(today)) {
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
