//! `pipeline [CONTENT_DIR] [OUT_DIR]`: validates the content sources and writes the
//! JSON documents. Defaults: `content` and `target/site/content`. On bad input it
//! prints every problem as `file:line: message` and exits with status 1.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let content = args
        .next()
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("target/site/content"), PathBuf::from);
    let site = match pipeline::load(&content) {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    match pipeline::emit::write(&site, &out) {
        Ok(n) => {
            println!("pipeline: wrote {n} documents to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
