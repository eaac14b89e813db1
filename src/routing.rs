//! URLs of the app's views, and the pure path logic behind the router and the
//! language switcher. Every link the app renders is built here.
//!
//! A site hosted under a sub-path (`https://example.org/insights`) has every path
//! prefixed with [`BASE`]; the router is given the same prefix.

use model::Lang;

/// The path prefix of the site without a trailing slash (`""` at a domain root,
/// else e.g. `/insights`): the path of the configured site URL, fixed at build time.
pub const BASE: &str = env!("BASE_PATH");

/// The absolute URL of the site without a trailing slash, fixed at build time.
pub const SITE_URL: &str = env!("SITE_URL");

/// The index of `lang`: `/en/`.
pub fn home(lang: Lang) -> String {
    format!("{BASE}/{}/", lang.code())
}

/// Page `page` of the index of `lang`: the index itself for page 1, else
/// `/en/page/<page>`.
pub fn home_page(lang: Lang, page: usize) -> String {
    if page <= 1 {
        home(lang)
    } else {
        format!("{BASE}/{}/page/{page}", lang.code())
    }
}

/// An article: `/en/blog/<slug>`.
pub fn post(lang: Lang, slug: &str) -> String {
    format!("{BASE}/{}/blog/{slug}", lang.code())
}

/// Every tag with its count: `/en/tags/` (a folder, like the index, since the tag
/// pages live under it).
pub fn tags(lang: Lang) -> String {
    format!("{BASE}/{}/tags/", lang.code())
}

/// The articles with one tag: `/en/tags/<tag>`.
pub fn tag(lang: Lang, tag: &str) -> String {
    format!("{BASE}/{}/tags/{tag}", lang.code())
}

/// The page number in a `…/page/{n}` URL: 2 or more, as page 1 is only at the
/// list's own URL (`/en/`, `/en/tags/<tag>`); `None` for anything else, including
/// other spellings of a number (`02`, `+2`), so each page has one URL.
pub fn later_page(segment: &str) -> Option<u32> {
    let canonical = segment.bytes().all(|b| b.is_ascii_digit()) && !segment.starts_with('0');
    segment.parse().ok().filter(|n| canonical && *n >= 2)
}

/// Page `page` of the articles with one tag: `/en/tags/<tag>` for the first,
/// `/en/tags/<tag>/page/2` and so on.
pub fn tag_page(lang: Lang, tag: &str, page: usize) -> String {
    if page <= 1 {
        self::tag(lang, tag)
    } else {
        format!("{BASE}/{}/tags/{tag}/page/{page}", lang.code())
    }
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
    site_path(path)
        .trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Lang::from_code)
}

/// The same page in language `to`: the language segment of `path` is swapped and
/// the rest (article slug, query, fragment) kept. Paths without a language segment,
/// such as an unknown URL, lead to the index of `to`.
pub fn switch_lang(path: &str, to: Lang) -> String {
    format!("{BASE}{}", switch_lang_in_site(site_path(path), to))
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

/// [`switch_lang`] for a site path without the prefix, giving one without it.
pub fn switch_lang_in_site(path: &str, to: Lang) -> String {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    match Lang::from_code(first) {
        Some(_) => format!("/{}/{rest}", to.code()),
        None => format!("/{}/", to.code()),
    }
}

/// The language to send a visitor of `/` to: the saved choice, else the first
/// supported entry of the browser's language list, else English.
pub fn pick_lang(saved: Option<&str>, browser: &[String]) -> Lang {
    saved
        .and_then(Lang::from_code)
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_pages_start_at_two() {
        assert_eq!(later_page("2"), Some(2));
        assert_eq!(later_page("45"), Some(45));
        // One spelling per page: no sign, no leading zero, no spaces.
        for not in [
            "1", "0", "-2", "x", "", "2.0", "02", "+2", " 2", "2 ", "002",
        ] {
            assert_eq!(later_page(not), None, "{not}");
        }
        assert_eq!(tag_page(Lang::En, "rag", 1), "/en/tags/rag");
        assert_eq!(tag_page(Lang::En, "rag", 2), "/en/tags/rag/page/2");
    }

    #[test]
    fn builds_urls() {
        assert_eq!(home(Lang::Ru), "/ru/");
        assert_eq!(home_page(Lang::Ru, 1), "/ru/");
        assert_eq!(home_page(Lang::En, 3), "/en/page/3");
        assert_eq!(tags(Lang::Ru), "/ru/tags/");
        assert_eq!(tag(Lang::Ru, "rag"), "/ru/tags/rag");
        assert_eq!(
            post(Lang::En, "llm-quantization"),
            "/en/blog/llm-quantization"
        );
    }

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
    fn switching_keeps_the_page() {
        for (path, to, want) in [
            ("/en/", Lang::Ru, "/ru/"),
            ("/en", Lang::Ru, "/ru/"),
            (
                "/en/blog/webhook-delivery-architecture",
                Lang::Ru,
                "/ru/blog/webhook-delivery-architecture",
            ),
            ("/ru/blog/x/", Lang::En, "/en/blog/x/"),
            ("/ru/no/such/page", Lang::En, "/en/no/such/page"),
            ("/", Lang::Ru, "/ru/"),
            ("/xx/blog/a", Lang::En, "/en/"),
        ] {
            assert_eq!(switch_lang(path, to), want, "{path}");
        }
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

    #[test]
    fn picks_the_visitor_language() {
        let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            pick_lang(Some("ru"), &browser(&["en-US"])),
            Lang::Ru,
            "saved choice wins"
        );
        assert_eq!(
            pick_lang(Some("xx"), &browser(&["de-DE", "ru-RU", "en"])),
            Lang::Ru
        );
        assert_eq!(pick_lang(None, &browser(&["en-GB", "ru"])), Lang::En);
        assert_eq!(
            pick_lang(None, &browser(&["de", "fr"])),
            Lang::En,
            "fallback"
        );
        assert_eq!(pick_lang(None, &[]), Lang::En);
    }
}
