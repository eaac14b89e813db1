//! The app's side of URLs: the site's prefix, links to pages (whose paths are
//! [`model::Route`]'s), the language switcher's link and the language of a URL.
//! Every link the app renders is built here.
//!
//! A site hosted under a sub-path (`https://example.org/insights`) has every path
//! prefixed with [`BASE`]; the router is given the same prefix.

use model::{Lang, Route};

/// The path prefix of the site without a trailing slash (`""` at a domain root,
/// else e.g. `/insights`): the path of the configured site URL, fixed at build time.
pub const BASE: &str = env!("BASE_PATH");

/// The absolute URL of the site without a trailing slash, fixed at build time.
pub const SITE_URL: &str = env!("SITE_URL");

/// The URL of a page as the app links to it: its site path under [`BASE`].
pub fn href(route: &Route) -> String {
    format!("{BASE}{}", route.path())
}

/// `path` (as the browser has it) without the site's prefix: the path the route
/// table and the content know. A path outside the site stays as it is.
pub fn site_path(path: &str) -> &str {
    strip_base(BASE, path)
}

fn strip_base<'a>(base: &str, path: &'a str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// The language named by the first segment of `path`, if any.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    model::lang_segment(site_path(path)).map(|(lang, _)| lang)
}

/// The same page in language `to` (see [`model::switch_lang`]), for `path` as the
/// browser has it.
pub fn switch_lang(path: &str, to: Lang) -> String {
    format!("{BASE}{}", model::switch_lang(site_path(path), to))
}

/// The language switcher's link to the page at `path` in language `to`, keeping
/// the query and the fragment. `search` is the query without its `?` and `hash`
/// the fragment with its `#`, as the router gives them; empty ones add nothing.
pub fn switch_href(path: &str, search: &str, hash: &str, to: Lang) -> String {
    let mut href = switch_lang(path, to);
    let search = search.trim_start_matches('?');
    if !search.is_empty() {
        href.push('?');
        href.push_str(search);
    }
    if hash.len() > 1 {
        href.push_str(hash);
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language_segment() {
        for (path, want) in [
            ("/en/", Some(Lang::En)),
            ("/ru", Some(Lang::Ru)),
            ("/ru/blog/x", Some(Lang::Ru)),
            ("/", None),
            ("/de/blog/x", None),
            ("/english/", None),
        ] {
            assert_eq!(lang_of_path(path), want, "{path}");
        }
    }

    #[test]
    fn the_site_prefix_is_stripped_only_at_a_segment_boundary() {
        for (path, want) in [
            ("/insights/en/", "/en/"),
            ("/insights", "/"),
            ("/insights/", "/"),
            ("/insightsx/en", "/insightsx/en"),
            ("/en/", "/en/"),
        ] {
            assert_eq!(strip_base("/insights", path), want, "{path}");
        }
        assert_eq!(strip_base("", "/en/blog/x"), "/en/blog/x");
    }

    #[test]
    fn the_switcher_keeps_the_query_and_the_fragment() {
        let path = "/en/blog/llm-quantization";
        for (search, hash, want) in [
            ("utm_source=x", "", "/ru/blog/llm-quantization?utm_source=x"),
            (
                "utm_source=x&b=2",
                "#part",
                "/ru/blog/llm-quantization?utm_source=x&b=2#part",
            ),
            ("", "#part", "/ru/blog/llm-quantization#part"),
            ("", "", "/ru/blog/llm-quantization"),
            ("", "#", "/ru/blog/llm-quantization"),
        ] {
            assert_eq!(
                switch_href(path, search, hash, Lang::Ru),
                want,
                "{search} {hash}"
            );
        }
    }
}
