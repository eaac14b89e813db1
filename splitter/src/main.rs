//! Splits the app's wasm into a main module and chunks loaded on demand.
//!
//! Trunk builds the app (cargo, wasm-bindgen) but cannot split it, so the
//! post-build hook runs this on the site being assembled:
//!
//! ```text
//! splitter INPUT_WASM STAGING_DIR [--release]
//! ```
//!
//! `INPUT_WASM` is cargo's output (linked with `--emit-relocs`); `STAGING_DIR`
//! holds Trunk's `{stem}.js` and `{stem}_bg.wasm`, whose names (and so their
//! content hash) are kept. The steps:
//! 1. [`wasm_split_cli_support`] cuts the module at each `#[lazy]` function
//!    (`leptos::lazy`): a function and what only it uses become a chunk, code
//!    shared by several chunks a chunk of its own, the rest stays in main;
//! 2. wasm-bindgen makes main's JS glue, as Trunk did, keeping the exports the
//!    chunks link against;
//! 3. with `--release`, wasm-opt shrinks main and every chunk;
//! 4. the files replace Trunk's, and the `integrity` hashes in `index.html` are
//!    those of the new main files. Beside them, named like every file that may
//!    be cached for ever (`name-{hex}.ext`): each chunk as `{chunk}-{hash of its
//!    bytes}.wasm`, and the loader that fetches them as `{app}-split-{hash}.js`
//!    with Trunk's hash (main's glue imports it by that name).

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};
use std::path::{Path, PathBuf};
use std::process::Command;

/// wasm-opt settings of the release build (as `index.html` gave Trunk before).
const WASM_OPT: &[&str] = &["-Oz", "--low-memory-unused", "--converge"];

/// A second wasm-opt run over the first one's output: `-Oz` once more, which
/// still shrinks the main module by about 0.2 KB (brotli) after the first,
/// converged run (a repeated `-Oz` within one run does not), and without the
/// `producers` and `target_features` sections, which no browser reads
/// (measured in BENCHMARKS.md).
const WASM_OPT_AGAIN: &[&str] = &["-Oz", "--strip-producers", "--strip-target-features"];

/// The wasm features of both runs. Both also read them from the module's
/// `target_features` section (the second run strips it from its output);
/// multivalue, which that section enables, is named here too, so the list says
/// what the module may use.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

type Error = Box<dyn std::error::Error>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let release = args.iter().any(|a| a == "--release");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [input, staging] = paths[..] else {
        eprintln!("usage: splitter INPUT_WASM STAGING_DIR [--release]");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(input), Path::new(staging), release) {
        eprintln!("splitter: {e}");
        std::process::exit(1);
    }
}

fn run(input: &Path, staging: &Path, release: bool) -> Result<(), Error> {
    let stem = trunk_stem(staging)?;
    let input_wasm = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let work = std::env::temp_dir().join(format!("splitter-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let split_dir = work.join("split");
    let bindgen_dir = work.join("bindgen");
    std::fs::create_dir_all(&bindgen_dir)?;

    // 1. Split.
    let (app, build_hash) = stem
        .rsplit_once('-')
        .ok_or_else(|| format!("{stem}: not a hashed name (Trunk's filehash is off?)"))?;
    let link_file = format!("{app}-split-{build_hash}.js");
    let link_name = format!("./{link_file}");
    let main_module = format!("./{stem}.js");
    let main_split = split_dir.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input_wasm);
        options.output_dir = &split_dir;
        options.main_out_path = &main_split;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|e| format!("splitting {}: {e}", input.display()))?;

    // 2. JS glue for main (the chunks import main's memory, table and exports).
    run_tool(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports"])
            .arg("--out-name")
            .arg(&stem)
            .arg("--out-dir")
            .arg(&bindgen_dir)
            .arg(&main_split),
    )?;
    let main_wasm = bindgen_dir.join(format!("{stem}_bg.wasm"));

    // 3. Optimise main and the chunks.
    let mut chunks: Vec<(String, PathBuf)> = Vec::new();
    for path in &split.split_modules {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("chunk without a name: {}", path.display()))?;
        chunks.push((name.to_string(), path.clone()));
    }
    chunks.sort();
    if release {
        for path in std::iter::once(&main_wasm).chain(chunks.iter().map(|(_, p)| p)) {
            for settings in [WASM_OPT, WASM_OPT_AGAIN] {
                run_tool(
                    Command::new("wasm-opt")
                        .args(settings)
                        .args(WASM_FEATURES)
                        // For size work: keep function names (`twiggy top/diff`).
                        .args(std::env::var_os("SPLIT_NAMES").map(|_| "-g"))
                        .arg(path)
                        .arg("-o")
                        .arg(path),
                )?;
            }
        }
    }

    // 4. Into the site: main over Trunk's files, chunks and loader beside them.
    let mut loader = std::fs::read_to_string(split_dir.join(&link_file))?;
    for (name, path) in &chunks {
        let bytes = std::fs::read(path)?;
        let hash: String = Sha256::digest(&bytes)[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let file = format!("{name}-{hash}.wasm");
        let from = format!("\"./{name}.wasm\"");
        if !loader.contains(&from) {
            return Err(format!("the loader does not name chunk {name}").into());
        }
        loader = loader.replace(&from, &format!("\"./{file}\""));
        std::fs::write(staging.join(file), bytes)?;
    }
    std::fs::write(staging.join(&link_file), loader)?;
    let js = format!("{stem}.js");
    let wasm = format!("{stem}_bg.wasm");
    std::fs::copy(bindgen_dir.join(&js), staging.join(&js))?;
    std::fs::copy(&main_wasm, staging.join(&wasm))?;
    refresh_integrity(staging, &[&js, &wasm])?;
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "splitter: main {} and {} chunks ({})",
        wasm,
        chunks.len(),
        chunks
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

/// The name Trunk gave the app's files: `{stem}.js` beside `{stem}_bg.wasm`.
fn trunk_stem(staging: &Path) -> Result<String, Error> {
    let mut stems = Vec::new();
    for entry in std::fs::read_dir(staging)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            if staging.join(format!("{stem}.js")).is_file() {
                stems.push(stem.to_string());
            }
        }
    }
    match &stems[..] {
        [stem] => Ok(stem.clone()),
        _ => Err(format!(
            "{}: expected one app built by Trunk, found {stems:?}",
            staging.display()
        )
        .into()),
    }
}

fn run_tool(command: &mut Command) -> Result<(), Error> {
    let program = command.get_program().to_string_lossy().into_owned();
    let status = command
        .status()
        .map_err(|e| format!("{program}: {e} (scripts/setup installs it)"))?;
    if !status.success() {
        return Err(format!("{program} failed ({status})").into());
    }
    Ok(())
}

/// Trunk wrote `integrity="sha384-…"` for the files it made; they are replaced,
/// so their hashes are too.
fn refresh_integrity(staging: &Path, files: &[&str]) -> Result<(), Error> {
    let index = staging.join("index.html");
    let mut html = std::fs::read_to_string(&index)?;
    for file in files {
        let digest = Sha384::digest(std::fs::read(staging.join(file))?);
        let integrity = format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        html = replace_integrity(&html, file, &integrity)
            .ok_or_else(|| format!("index.html has no integrity for {file}"))?;
    }
    std::fs::write(index, html)?;
    Ok(())
}

/// The tag that names `file` (`href="/x/{file}"`) with its `integrity` value
/// replaced; `None` when there is no such tag.
fn replace_integrity(html: &str, file: &str, integrity: &str) -> Option<String> {
    let at = html.find(&format!("{file}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let key = "integrity=\"";
    let value_start = tag_start + tag.find(key)? + key.len();
    let value_end = value_start + html[value_start..].find('"')?;
    Some(format!(
        "{}{integrity}{}",
        &html[..value_start],
        &html[value_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::replace_integrity;

    #[test]
    fn replaces_the_integrity_of_the_named_file_only() {
        let html = r#"<link rel="modulepreload" href="/app-1.js" integrity="sha384-old1"><link rel="preload" href="/app-1_bg.wasm" integrity="sha384-old2" as="fetch">"#;
        let out = replace_integrity(html, "app-1_bg.wasm", "sha384-new").unwrap();
        assert_eq!(
            out,
            r#"<link rel="modulepreload" href="/app-1.js" integrity="sha384-old1"><link rel="preload" href="/app-1_bg.wasm" integrity="sha384-new" as="fetch">"#
        );
        assert!(replace_integrity(html, "other.js", "x").is_none());
        assert!(replace_integrity("<script src=\"/a.js\">", "a.js", "x").is_none());
    }
}
