//! What the tests over the site's real content share: the content, loaded once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `content/`, the site's real content.
pub fn content_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// The real site, loaded once for all tests of a file.
pub fn site() -> &'static pipeline::Site {
    static SITE: OnceLock<pipeline::Site> = OnceLock::new();
    SITE.get_or_init(|| {
        pipeline::load(&content_root(), "").unwrap_or_else(|e| panic!("content/ must build:\n{e}"))
    })
}

/// The English and Russian versions of every article written in both, paired by
/// slug (an article may exist in one language only).
pub fn translations(site: &pipeline::Site) -> Vec<(&pipeline::Article, &pipeline::Article)> {
    use model::Lang;
    site.articles[&Lang::En]
        .iter()
        .filter_map(|en| {
            let ru = site.articles[&Lang::Ru]
                .iter()
                .find(|a| a.front.slug == en.front.slug)?;
            Some((en, ru))
        })
        .collect()
}

/// The article slugs `a` links to, in order.
pub fn linked_slugs(a: &pipeline::Article) -> Vec<&str> {
    let prefix = format!("/{}/blog/", a.lang.code());
    a.body
        .internal_links
        .iter()
        .filter_map(|(_, url)| url.strip_prefix(&prefix))
        .map(|rest| rest.split(['#', '?', '/']).next().unwrap_or_default())
        .collect()
}
