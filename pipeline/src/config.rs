//! Site-wide settings (`content/site.toml`).

use crate::error::{ContentError, ErrorKind};
use model::site_toml::{FeedSettings, SiteTomlError};
use model::SiteUrl;
use std::path::Path;

/// The site's absolute URL, read by [`model::site_toml::site_url`] (the app's build
/// script reads it there too): `override_url` (from the `SITE_URL` environment
/// variable) if given, else `url` in `site.toml`. Its path is the sub-path the site
/// is hosted under.
pub fn site_url(content: &Path, override_url: Option<String>) -> Result<SiteUrl, ContentError> {
    model::site_toml::site_url(content, override_url).map_err(content_error)
}

/// What each language's feed carries (`[feed]` in `site.toml`, read by
/// [`model::site_toml::feed_settings`]).
pub fn feed_settings(content: &Path) -> Result<FeedSettings, ContentError> {
    model::site_toml::feed_settings(content).map_err(content_error)
}

fn content_error(e: SiteTomlError) -> ContentError {
    match e {
        SiteTomlError::Io { path, message } => ContentError::new(&path, 1, ErrorKind::Io(message)),
        SiteTomlError::Toml {
            path,
            line,
            message,
        } => ContentError::new(&path, line, ErrorKind::FrontMatter(message)),
        SiteTomlError::BadUrl { path, url } => {
            ContentError::new(&path, 1, ErrorKind::BadSiteUrl(url))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_url_is_absolute_without_trailing_slash() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.toml"),
            "url = \"https://example.org/insights/\"\n",
        )
        .unwrap();
        assert_eq!(site_url(dir.path(), None).unwrap().base_path(), "/insights");
        assert_eq!(
            site_url(dir.path(), Some("http://127.0.0.1:8080".into()))
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080"
        );
        let err = site_url(dir.path(), Some("example.org".into())).unwrap_err();
        assert!(err.to_string().contains("site.toml:1: "), "{err}");
        std::fs::write(dir.path().join("site.toml"), "link = \"x\"\n").unwrap();
        assert!(matches!(
            site_url(dir.path(), None).unwrap_err().kind,
            ErrorKind::FrontMatter(_)
        ));
    }
}
