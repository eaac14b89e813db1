//! The files one build writes under its output folder, touched only where they
//! change. A file whose bytes are already there is left alone (its time too, so
//! whatever copies or serves the folder sees no change), a file kept in the cache
//! is linked there rather than copied, and at the end every file the build no
//! longer makes is removed. After one article changed, a rebuild rewrites that
//! article's files, not the whole site (at 10,000 articles per language the
//! documents and cards are 1.3 GB).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a build wrote so far.
#[derive(Default)]
pub struct Output {
    made: Mutex<HashSet<PathBuf>>,
    rewritten: Mutex<Vec<PathBuf>>,
}

impl Output {
    pub fn new() -> Output {
        Output::default()
    }

    /// `path` holds `bytes` from now on: written unless it already does.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.made(path);
        let unchanged = fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
            && fs::read(path).is_ok_and(|old| old == bytes);
        if unchanged {
            return Ok(());
        }
        // A new file, never a write into the old one: it may be a link to a
        // file of the cache.
        if fs::symlink_metadata(path).is_ok() {
            fs::remove_file(path)?;
        }
        create_parent(path)?;
        fs::write(path, bytes)?;
        self.rewritten(path);
        Ok(())
    }

    /// `path` stays as the last build wrote it (the caller knows its bytes
    /// would be the same).
    pub fn keep(&self, path: &Path) {
        self.made(path);
    }

    /// `path` is the file `kept` (in the cache) from now on: a hard link to it,
    /// or a copy where the file system has none.
    pub fn link(&self, kept: &Path, path: &Path) -> io::Result<()> {
        self.made(path);
        if same_file(kept, path) {
            return Ok(());
        }
        link_or_copy(kept, path)?;
        self.rewritten(path);
        Ok(())
    }

    /// Removes every file under `dirs` this build did not make, and the folders
    /// left empty; returns the files it removed.
    pub fn prune(&self, dirs: &[&Path]) -> io::Result<Vec<PathBuf>> {
        let made = self.made.lock().expect("not poisoned");
        let mut removed = Vec::new();
        for dir in dirs {
            if dir.is_dir() {
                prune_dir(dir, &made, &mut removed)?;
            }
        }
        Ok(removed)
    }

    /// The files written or linked anew (the others were already there), in
    /// the order they were.
    pub fn into_rewritten(self) -> Vec<PathBuf> {
        self.rewritten.into_inner().expect("not poisoned")
    }

    fn rewritten(&self, path: &Path) {
        self.rewritten
            .lock()
            .expect("not poisoned")
            .push(path.to_path_buf());
    }

    fn made(&self, path: &Path) {
        self.made
            .lock()
            .expect("not poisoned")
            .insert(path.to_path_buf());
    }
}

/// Makes `path` the file `kept`: a hard link to it, or a copy where the file
/// system has none; whatever was at `path` is replaced, never written into (it
/// may itself be a link to another file).
pub fn link_or_copy(kept: &Path, path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        fs::remove_file(path)?;
    }
    create_parent(path)?;
    if fs::hard_link(kept, path).is_err() {
        fs::copy(kept, path)?;
    }
    Ok(())
}

fn create_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) => fs::create_dir_all(dir),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// [`Output::prune`] for one folder; removes it too if nothing is left in it.
fn prune_dir(dir: &Path, made: &HashSet<PathBuf>, removed: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            prune_dir(&path, made, removed)?;
        } else if !made.contains(&path) {
            fs::remove_file(&path)?;
            removed.push(path);
        }
    }
    if fs::read_dir(dir)?.next().is_none() {
        fs::remove_dir(dir)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modified(path: &Path) -> std::time::SystemTime {
        fs::metadata(path).unwrap().modified().unwrap()
    }

    #[test]
    fn only_what_changed_is_written_and_what_is_gone_is_removed() {
        let out = tempfile::tempdir().unwrap();
        let [same, changed, gone] =
            ["a/same.json", "a/changed.json", "b/gone.json"].map(|name| out.path().join(name));
        let first = Output::new();
        for path in [&same, &changed, &gone] {
            first.write(path, b"one").unwrap();
        }
        assert_eq!(
            first.into_rewritten(),
            [same.clone(), changed.clone(), gone.clone()]
        );
        let before = modified(&same);
        std::thread::sleep(std::time::Duration::from_millis(20));

        let second = Output::new();
        second.write(&same, b"one").unwrap();
        second.write(&changed, b"two").unwrap();
        assert_eq!(
            second.prune(&[out.path()]).unwrap(),
            std::slice::from_ref(&gone)
        );
        assert_eq!(second.into_rewritten(), std::slice::from_ref(&changed));
        assert_eq!(modified(&same), before, "an unchanged file is not touched");
        assert_eq!(fs::read(&changed).unwrap(), b"two");
        assert!(!gone.exists());
        assert!(!out.path().join("b").exists(), "an emptied folder goes too");
    }

    #[test]
    fn a_kept_file_is_linked_once() {
        let dir = tempfile::tempdir().unwrap();
        let (kept, path) = (dir.path().join("kept.png"), dir.path().join("out/card.png"));
        fs::write(&kept, b"png").unwrap();
        let output = Output::new();
        output.link(&kept, &path).unwrap();
        output.link(&kept, &path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"png");
        // A file that was there before is replaced by the kept one.
        let other = dir.path().join("other.png");
        fs::write(&other, b"new").unwrap();
        output.link(&other, &path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read(&kept).unwrap(), b"png", "the cache is untouched");
        assert_eq!(
            output.into_rewritten(),
            [path.clone(), path],
            "linked once, then replaced"
        );
    }
}
