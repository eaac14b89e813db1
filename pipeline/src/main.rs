//! `pipeline [CONTENT_DIR] [OUT_DIR]`: validates the content sources and writes the
//! JSON documents, feeds, sitemap and robots.txt. Defaults: `content` and
//! `target/site`. The site URL comes from `CONTENT_DIR/site.toml`, or `SITE_URL`.
//! On bad input it prints every problem as `file:line: message` and exits with 1.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let content = args
        .next()
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("target/site"), PathBuf::from);
    let base_url = match pipeline::config::site_url(&content, std::env::var("SITE_URL").ok()) {
        Ok(url) => url,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let site = match pipeline::load(&content) {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    match pipeline::emit::write(&site, &out, &base_url) {
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
