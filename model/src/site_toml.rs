//! The one reader of the site URL setting: `SITE_URL` if set, else `url` in
//! `content/site.toml`. The app's build script and the content pipeline both call
//! it, so the two cannot disagree on where the site lives.

use crate::SiteUrl;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    url: String,
    #[serde(default)]
    feed: FeedSettings,
}

/// What each language's feed carries: `[feed]` in `content/site.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedSettings {
    /// How many of the newest articles (`items`, 50 unless set; at least 1).
    pub items: std::num::NonZeroUsize,
    /// What an item holds of its article (`content`, `"summary"` unless set).
    pub content: FeedContent,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            items: std::num::NonZeroUsize::new(50).expect("50 is not zero"),
            content: FeedContent::Summary,
        }
    }
}

/// What a feed item holds of its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    /// The summary, as its description.
    Summary,
    /// The summary, and the whole article as `content:encoded`.
    Full,
}

/// Why the site URL could not be read, with the file to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteTomlError {
    /// `site.toml` cannot be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        message: String,
    },
    /// `site.toml` is not valid TOML or not of the expected shape.
    Toml {
        /// The file.
        path: PathBuf,
        /// 1-based line the parser points to.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// The URL is not an absolute http(s) URL.
    BadUrl {
        /// The file that sets it (or would, when `SITE_URL` overrides it).
        path: PathBuf,
        /// The URL as given.
        url: String,
    },
}

impl fmt::Display for SiteTomlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteTomlError::Io { path, message } => {
                write!(f, "{}: cannot read file: {message}", path.display())
            }
            SiteTomlError::Toml {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            SiteTomlError::BadUrl { path, url } => write!(
                f,
                "{}:1: site url {url:?} must be absolute, like https://example.org",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SiteTomlError {}

/// The site's absolute URL: `override_url` (the `SITE_URL` environment variable)
/// if given and not blank, else `url` in `content/site.toml` under `content`. Its
/// path is the sub-path the site is hosted under.
pub fn site_url(content: &Path, override_url: Option<String>) -> Result<SiteUrl, SiteTomlError> {
    let path = content.join("site.toml");
    let url = match override_url.filter(|u| !u.trim().is_empty()) {
        Some(url) => url,
        None => read(&path)?.url,
    };
    SiteUrl::parse(&url).map_err(|_| SiteTomlError::BadUrl { path, url })
}

/// The feeds' settings in `content/site.toml` under `content` (`[feed]`); the
/// defaults where there is no such file (`SITE_URL` then gives the URL).
pub fn feed_settings(content: &Path) -> Result<FeedSettings, SiteTomlError> {
    let path = content.join("site.toml");
    if !path.exists() {
        return Ok(FeedSettings::default());
    }
    Ok(read(&path)?.feed)
}

fn read(path: &Path) -> Result<SiteToml, SiteTomlError> {
    let source = std::fs::read_to_string(path).map_err(|e| SiteTomlError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    toml::from_str(&source).map_err(|e| SiteTomlError::Toml {
        line: 1 + e.span().map_or(0, |s| {
            source[..s.start.min(source.len())].matches('\n').count()
        }),
        message: e.message().trim().to_string(),
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(toml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.toml"), toml).unwrap();
        dir
    }

    #[test]
    fn feeds_hold_the_newest_fifty_summaries_unless_set() {
        let dir = with("url = \"https://example.org\"\n");
        let feed = feed_settings(dir.path()).unwrap();
        assert_eq!(feed, FeedSettings::default());
        assert_eq!(feed.items.get(), 50);
        assert_eq!(feed.content, FeedContent::Summary);
        let dir = with("url = \"https://example.org\"\n\n[feed]\nitems = 10\ncontent = \"full\"\n");
        let feed = feed_settings(dir.path()).unwrap();
        assert_eq!((feed.items.get(), feed.content), (10, FeedContent::Full));
    }

    #[test]
    fn a_bad_feed_setting_is_an_error_at_its_line() {
        for (toml, line) in [
            ("url = \"https://example.org\"\n[feed]\nitems = 0\n", 3),
            (
                "url = \"https://example.org\"\n[feed]\ncontent = \"everything\"\n",
                3,
            ),
            ("url = \"https://example.org\"\n[feed]\nsize = 3\n", 3),
        ] {
            match feed_settings(with(toml).path()) {
                Err(SiteTomlError::Toml { line: got, .. }) => assert_eq!(got, line, "{toml}"),
                other => panic!("{toml}: {other:?}"),
            }
        }
    }
}
