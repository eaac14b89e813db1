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
        None => {
            let source = std::fs::read_to_string(&path).map_err(|e| SiteTomlError::Io {
                path: path.clone(),
                message: e.to_string(),
            })?;
            let parsed: SiteToml = toml::from_str(&source).map_err(|e| SiteTomlError::Toml {
                line: 1 + e.span().map_or(0, |s| {
                    source[..s.start.min(source.len())].matches('\n').count()
                }),
                message: e.message().trim().to_string(),
                path: path.clone(),
            })?;
            parsed.url
        }
    };
    SiteUrl::parse(&url).map_err(|_| SiteTomlError::BadUrl { path, url })
}
