//! Writing the content documents the app reads.

use crate::site::Site;
use model::{paths, Lang};
use serde::Serialize;
use std::fs;
use std::io;
use std::path::Path;

/// Writes every JSON document of `site` under `out` (e.g. `dist/content`), replacing
/// whatever was there so no stale article survives a rename.
pub fn write(site: &Site, out: &Path) -> io::Result<usize> {
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let mut written = 0;
    for lang in Lang::ALL {
        write_json(&out.join(paths::index(lang)), &site.index(lang))?;
        written += 1;
        for post in site.posts(lang) {
            write_json(&out.join(paths::post(lang, &post.meta.slug)), &post)?;
            written += 1;
        }
    }
    Ok(written)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, serde_json::to_vec(value)?)
}
