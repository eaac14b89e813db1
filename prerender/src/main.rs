//! `prerender [SITE_DIR] [CONTENT_DIR]`: prerenders the site Trunk assembled in
//! `SITE_DIR` (default: Trunk's staging folder, when run as its post-build hook)
//! from the pipeline's documents in `CONTENT_DIR` (default `target/site/content`).
//! With `PRERENDER_FRAME=FILE` in the environment it also saves what every page
//! is made with there, for the development server (`devserver/`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let Some(site) = prerender::site_dir(args.next()) else {
        eprintln!("usage: prerender SITE_DIR [CONTENT_DIR]");
        return ExitCode::FAILURE;
    };
    let content = args
        .next()
        .unwrap_or_else(|| PathBuf::from("target/site/content"));
    let saved = |frame: &prerender::Frame| match std::env::var_os("PRERENDER_FRAME") {
        Some(path) => frame.save(std::path::Path::new(&path)),
        None => Ok(()),
    };
    match prerender::run(&site, &content).and_then(|(summary, frame)| {
        saved(&frame)?;
        Ok(summary)
    }) {
        Ok(summary) => {
            println!(
                "prerender: {} pages in {} (service worker version {})",
                summary.pages.len(),
                site.display(),
                summary.version
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: error: {e}");
            ExitCode::FAILURE
        }
    }
}
