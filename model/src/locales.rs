//! Reading `locales/*.json`, the UI strings of each language: flat snake_case keys
//! to strings, plural families as `<key>_one/_few/_many/_other`. The app's build
//! script and the content pipeline both read them here.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A locale file that cannot be used, with the file to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError {
    /// The locale file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LocaleError {}

/// The strings of the locale file at `path`, whose text is `source`, by key.
pub fn parse(path: &Path, source: &str) -> Result<BTreeMap<String, String>, LocaleError> {
    serde_json::from_str(source).map_err(|e| LocaleError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads and parses the locale file at `path`.
pub fn read(path: &Path) -> Result<BTreeMap<String, String>, LocaleError> {
    let source = std::fs::read_to_string(path).map_err(|e| LocaleError {
        path: path.to_path_buf(),
        message: format!("cannot read file: {e}"),
    })?;
    parse(path, &source)
}
