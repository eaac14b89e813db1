//! `devserver [--drafts] [--future] CONTENT_DIR OUT_DIR SITE_DIR FRAME_FILE`: run
//! by `scripts/serve` beside `trunk serve`. Waits for Trunk's first build (the
//! prerenderer saves the pages' frame in FRAME_FILE, see `PRERENDER_FRAME`),
//! then watches CONTENT_DIR and rebuilds what each edit changes (see the
//! library). While Trunk builds again (the code changed), edits wait for its
//! build to be in place; then the whole site is compared with the content. The
//! site URL is `SITE_URL`, as for the pipeline. An edit that breaks the content
//! prints the errors and keeps the last good site.

use devserver::{Dev, Folders};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

/// How long the server waits after a change for the ones that come with it (an
/// editor's save is often several events).
const SETTLE: Duration = Duration::from_millis(50);

/// The folder in the served one where Trunk assembles a build (there from the
/// build's start until Trunk has moved it into place; a failed build leaves it
/// until the next one).
const TRUNK_STAGE: &str = ".stage";

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut flag = |name: &str| {
        let before = args.len();
        args.retain(|a| a != name);
        args.len() != before
    };
    let (drafts, future) = (flag("--drafts"), flag("--future"));
    let [content, out, site, frame_file] = match <[String; 4]>::try_from(args) {
        Ok(paths) => paths.map(PathBuf::from),
        Err(_) => {
            eprintln!(
                "usage: devserver [--drafts] [--future] CONTENT_DIR OUT_DIR SITE_DIR FRAME_FILE"
            );
            return ExitCode::FAILURE;
        }
    };
    let today = std::env::var("BUILD_DATE").unwrap_or_else(|_| pipeline::dates::today_utc());
    let options = pipeline::Options {
        drafts,
        future,
        today,
    };
    // Trunk's first build ends with the prerenderer saving the frame, then
    // Trunk moving the build into the served folder.
    let started = SystemTime::now();
    let stage = site.join(TRUNK_STAGE);
    while modified(&frame_file).is_none_or(|t| t < started) || stage.exists() {
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut frame_time = modified(&frame_file);
    let folders = Folders {
        content: content.clone(),
        out,
        site,
    };
    let clock = Instant::now();
    let frame = match prerender::Frame::load(&frame_file) {
        Ok(frame) => frame,
        Err(e) => {
            eprintln!("devserver: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut dev = match Dev::start(folders, options, std::env::var("SITE_URL").ok(), frame) {
        Ok(dev) => dev,
        Err(e) => {
            eprintln!("devserver: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "devserver: watching {} (ready in {:.1} s)",
        content.display(),
        clock.elapsed().as_secs_f64()
    );

    let (events, changes) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(events) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("devserver: cannot watch: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = watcher.watch(&content, RecursiveMode::Recursive) {
        eprintln!("devserver: cannot watch {}: {e}", content.display());
        return ExitCode::FAILURE;
    }
    let mut trunk_built = false;
    loop {
        // While Trunk builds (the code changed), it runs the pipeline into the
        // same folder and then replaces the served folder: a rebuild now would
        // race it (and fail its move). Edits wait for the build; then the site
        // is compared with the content anew, as at the start.
        if stage.exists() {
            if !trunk_built {
                println!("devserver: Trunk is building; content edits wait for its build");
                trunk_built = true;
            }
            while changes.try_recv().is_ok() {}
            std::thread::sleep(Duration::from_millis(200));
            continue;
        }
        // A new Trunk build names the app's files anew.
        if modified(&frame_file) != frame_time {
            frame_time = modified(&frame_file);
            match prerender::Frame::load(&frame_file) {
                Ok(frame) => dev.set_frame(frame),
                Err(e) => eprintln!("devserver: {e}"),
            }
        }
        if std::mem::take(&mut trunk_built) {
            let clock = Instant::now();
            match dev.resync() {
                Ok(rebuilt) => println!(
                    "devserver: after Trunk's build: {} files, {} pages in {} ms",
                    rebuilt.files,
                    rebuilt.pages.len() + rebuilt.removed_pages.len(),
                    clock.elapsed().as_millis()
                ),
                Err(e) => eprintln!("devserver: the site served is the last good one:\n{e}"),
            }
        }
        let first = match changes.recv_timeout(Duration::from_millis(500)) {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return ExitCode::FAILURE,
        };
        let clock = Instant::now();
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut event = Some(first);
        while let Some(e) = event {
            if let Ok(e) = e {
                if !matches!(e.kind, notify::EventKind::Access(_)) {
                    paths.extend(e.paths);
                }
            }
            event = changes.recv_timeout(SETTLE).ok();
        }
        if paths.is_empty() {
            continue;
        }
        paths.sort();
        paths.dedup();
        match dev.rebuild() {
            Ok(rebuilt) => println!(
                "devserver: {} changed: {} files, {} pages in {} ms ({})",
                paths
                    .iter()
                    .map(|p| p.strip_prefix(&content).unwrap_or(p).display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                rebuilt.files,
                rebuilt.pages.len() + rebuilt.removed_pages.len(),
                clock.elapsed().as_millis(),
                rebuilt.took
            ),
            Err(e) => eprintln!("devserver: the site served is the last good one:\n{e}"),
        }
    }
}
