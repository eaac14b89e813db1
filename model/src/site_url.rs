//! The absolute URL the site is served from.

/// The absolute URL the site is served from, e.g. `https://example.org/insights`:
/// one setting (`content/site.toml`, or `SITE_URL` at build time) from which the
/// pipeline, the prerenderer and the app take absolute URLs and the path prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl {
    url: String,
    base_len: usize,
}

impl SiteUrl {
    /// Parses an `http(s)://host[:port][/path]` URL; a trailing slash is dropped.
    pub fn parse(raw: &str) -> Result<SiteUrl, String> {
        let url = raw.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("site URL must start with https:// or http://: {url:?}"))?;
        let host = rest.split('/').next().unwrap_or_default();
        let bad = |c: char| c.is_whitespace() || matches!(c, '?' | '#' | '"' | '<' | '>' | '\\');
        if host.is_empty() || url.contains(bad) || rest.contains("//") {
            return Err(format!("not a usable site URL: {url:?}"));
        }
        Ok(SiteUrl {
            url: url.to_string(),
            base_len: rest.len() - host.len(),
        })
    }

    /// The URL without a trailing slash: `https://example.org/insights`.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The path prefix without a trailing slash: `/insights`, or `""` at a root.
    pub fn base_path(&self) -> &str {
        &self.url[self.url.len() - self.base_len..]
    }

    /// The absolute URL of a site path given without the prefix (`/en/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_urls_give_their_path_prefix() {
        let root = SiteUrl::parse("https://example.org/").unwrap();
        assert_eq!(
            (root.as_str(), root.base_path()),
            ("https://example.org", "")
        );
        let sub = SiteUrl::parse(" https://example.org/insights/ ").unwrap();
        assert_eq!(sub.as_str(), "https://example.org/insights");
        assert_eq!(sub.base_path(), "/insights");
        assert_eq!(sub.absolute("/en/"), "https://example.org/insights/en/");
        let local = SiteUrl::parse("http://127.0.0.1:8080/a/b").unwrap();
        assert_eq!(local.base_path(), "/a/b");
        for bad in [
            "example.org",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x/a?q",
            "https://x//a",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
