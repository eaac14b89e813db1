//! Site-wide settings (`content/site.toml`).

use crate::error::{ContentError, ErrorKind};
use model::SiteUrl;
use serde::Deserialize;
use std::fs;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    url: String,
}

/// The site's absolute URL: `override_url` (from the `SITE_URL` environment
/// variable) if given, else `url` in `site.toml`. Its path is the sub-path the site
/// is hosted under.
pub fn site_url(content: &Path, override_url: Option<String>) -> Result<SiteUrl, ContentError> {
    let path = content.join("site.toml");
    let url = match override_url.filter(|u| !u.trim().is_empty()) {
        Some(url) => url,
        None => {
            let source = fs::read_to_string(&path)
                .map_err(|e| ContentError::new(&path, 1, ErrorKind::Io(e.to_string())))?;
            let parsed: SiteToml = toml::from_str(&source)
                .map_err(|e| ContentError::from_toml(&path, &source, 1, &e))?;
            parsed.url
        }
    };
    SiteUrl::parse(&url).map_err(|_| ContentError::new(&path, 1, ErrorKind::BadSiteUrl(url)))
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
