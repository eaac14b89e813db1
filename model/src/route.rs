//! The pages of the site as one typed value: what a URL means, and the URL of
//! each page. The app's router, its links and language switcher, the head tags,
//! the prerenderer's file list, the sitemap and the pipeline's link checks all
//! build and read URLs through [`Route`], so a page's address has one spelling.
//!
//! Paths here are site paths: without the prefix of a site hosted under a
//! sub-path (see [`crate::SiteUrl::base_path`]).

use crate::{Lang, PageNumber};

/// A page of the site.
///
/// Adding a page kind means a variant here (its path, parse and language
/// switch below) and one `<Route>` line in the app.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// `/`: sends readers to their language.
    Root,
    /// `/{lang}/`, and `/{lang}/page/{n}` for later pages: the article index.
    Home {
        /// The language.
        lang: Lang,
        /// The page of the index.
        page: PageNumber,
    },
    /// `/{lang}/blog/{slug}`: one article.
    Article {
        /// The language.
        lang: Lang,
        /// The article's slug, shared by its languages.
        slug: String,
    },
    /// `/{lang}/tags/`, and `/{lang}/tags/page/{n}` for later pages: every tag
    /// with its count, most used first.
    Tags {
        /// The language.
        lang: Lang,
        /// The page of the tag list.
        page: PageNumber,
    },
    /// `/{lang}/tags/{tag}`, and `/{lang}/tags/{tag}/page/{n}` for later pages:
    /// the articles with one tag.
    Tag {
        /// The language.
        lang: Lang,
        /// The tag's slug, shared by its languages.
        tag: String,
        /// The page of the tag's articles.
        page: PageNumber,
    },
    /// `/404`, `/{lang}/404`: the page a host serves for an unknown URL. Never
    /// indexed and never an alternate of another page.
    NotFound {
        /// The language of the page, if the URL named one.
        lang: Option<Lang>,
    },
}

impl Route {
    /// The first page of the index of `lang`.
    pub const fn home(lang: Lang) -> Route {
        Route::Home {
            lang,
            page: PageNumber::FIRST,
        }
    }

    /// The article `slug` in `lang`.
    pub fn article(lang: Lang, slug: impl Into<String>) -> Route {
        Route::Article {
            lang,
            slug: slug.into(),
        }
    }

    /// The first page of the tag list of `lang`.
    pub const fn tags(lang: Lang) -> Route {
        Route::Tags {
            lang,
            page: PageNumber::FIRST,
        }
    }

    /// The first page of the articles tagged `tag` in `lang`.
    pub fn tag(lang: Lang, tag: impl Into<String>) -> Route {
        Route::Tag {
            lang,
            tag: tag.into(),
            page: PageNumber::FIRST,
        }
    }

    /// The language of the page, if its URL names one.
    pub const fn lang(&self) -> Option<Lang> {
        match self {
            Route::Root => None,
            Route::NotFound { lang } => *lang,
            Route::Home { lang, .. }
            | Route::Article { lang, .. }
            | Route::Tags { lang, .. }
            | Route::Tag { lang, .. } => Some(*lang),
        }
    }

    /// The page of a paged list (the index, the tag list, a tag's articles);
    /// `None` for the other pages.
    pub const fn page(&self) -> Option<PageNumber> {
        match self {
            Route::Home { page, .. } | Route::Tags { page, .. } | Route::Tag { page, .. } => {
                Some(*page)
            }
            _ => None,
        }
    }

    /// Page `n` of the same paged list; any other page unchanged.
    pub fn with_page(&self, n: PageNumber) -> Route {
        let mut route = self.clone();
        if let Route::Home { page, .. } | Route::Tags { page, .. } | Route::Tag { page, .. } =
            &mut route
        {
            *page = n;
        }
        route
    }

    /// The page's site path: `/en/`, `/en/blog/slug`, `/en/tags/rag/page/2`.
    /// Folders (the index, the tag list) end with `/`; other pages do not.
    pub fn path(&self) -> String {
        let code = |lang: &Lang| lang.code();
        match self {
            Route::Root => "/".into(),
            Route::Home { lang, page } if page.is_first() => format!("/{}/", code(lang)),
            Route::Home { lang, page } => format!("/{}/page/{page}", code(lang)),
            Route::Article { lang, slug } => format!("/{}/blog/{slug}", code(lang)),
            Route::Tags { lang, page } if page.is_first() => format!("/{}/tags/", code(lang)),
            Route::Tags { lang, page } => format!("/{}/tags/page/{page}", code(lang)),
            Route::Tag { lang, tag, page } if page.is_first() => {
                format!("/{}/tags/{tag}", code(lang))
            }
            Route::Tag { lang, tag, page } => format!("/{}/tags/{tag}/page/{page}", code(lang)),
            Route::NotFound { lang: None } => "/404".into(),
            Route::NotFound { lang: Some(lang) } => format!("/{}/404", code(lang)),
        }
    }

    /// The site path of the page's social card (`og:image`, drawn by the
    /// pipeline): an article's own, the language's for its other pages, the
    /// first language's for the root (which sends readers to theirs); none for
    /// the 404 pages, which are never shared.
    pub fn card(&self) -> Option<String> {
        if *self == Route::Root {
            return Route::home(Lang::ALL[0]).card();
        }
        let lang = self.lang()?.code();
        match self {
            Route::Root | Route::NotFound { .. } => None,
            Route::Article { slug, .. } => Some(format!("/cards/{lang}/{slug}.png")),
            _ => Some(format!("/cards/{lang}/index.png")),
        }
    }

    /// The page at a site path, or `None` for a URL that is no page of the site:
    /// an unsupported language, an invalid slug, page 1 or a number spelled
    /// another way in `…/page/{n}`. A trailing slash is allowed on any path (the
    /// router ignores it; hosts redirect it away).
    pub fn parse(path: &str) -> Option<Route> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let Some((first, rest)) = segments.split_first() else {
            return Some(Route::Root);
        };
        if *first == "404" && rest.is_empty() {
            return Some(Route::NotFound { lang: None });
        }
        let lang = Lang::from_code(first)?;
        let slug = |s: &str| is_valid_slug(s).then(|| s.to_string());
        let tag = |s: &str| is_valid_tag(s).then(|| s.to_string());
        Some(match rest {
            [] => Route::home(lang),
            ["page", n] => Route::Home {
                lang,
                page: PageNumber::from_segment(n)?,
            },
            ["blog", s] => Route::Article {
                lang,
                slug: slug(s)?,
            },
            ["tags"] => Route::tags(lang),
            ["tags", "page", n] => Route::Tags {
                lang,
                page: PageNumber::from_segment(n)?,
            },
            ["tags", t] => Route::Tag {
                lang,
                tag: tag(t)?,
                page: PageNumber::FIRST,
            },
            ["tags", t, "page", n] => Route::Tag {
                lang,
                tag: tag(t)?,
                page: PageNumber::from_segment(n)?,
            },
            ["404"] => Route::NotFound { lang: Some(lang) },
            _ => return None,
        })
    }

    /// The same page in language `to`. The pages without a language (the root
    /// and the language-less 404 page) lead to the index of `to`.
    pub fn in_lang(&self, to: Lang) -> Route {
        let mut route = self.clone();
        match &mut route {
            Route::Root | Route::NotFound { lang: None } => return Route::home(to),
            Route::NotFound { lang: Some(lang) } => *lang = to,
            Route::Home { lang, .. }
            | Route::Article { lang, .. }
            | Route::Tags { lang, .. }
            | Route::Tag { lang, .. } => *lang = to,
        }
        route
    }

    /// The page's alternates as search engines read them, `(hreflang, page)`:
    /// the page in every language, then `x-default`, the page for readers of
    /// neither. The root, which sends readers to their language, is the
    /// default of the indexes; every other page defaults to English. A 404
    /// page has none. The one rule for the head tags and the sitemap.
    pub fn alternates(&self) -> Vec<(&'static str, Route)> {
        self.alternates_in(&Lang::ALL)
    }

    /// [`Route::alternates`] of a page that exists only in `langs` (an article
    /// not yet translated): only those are named, and the default is English
    /// where it exists, else the first of them.
    pub fn alternates_in(&self, langs: &[Lang]) -> Vec<(&'static str, Route)> {
        let default = if langs.contains(&Lang::En) {
            Lang::En
        } else {
            match langs.first() {
                Some(lang) => *lang,
                None => return Vec::new(),
            }
        };
        let x_default = match self {
            Route::NotFound { .. } => return Vec::new(),
            Route::Root => Route::Root,
            Route::Home { page, .. } if page.is_first() => Route::Root,
            other => other.in_lang(default),
        };
        langs
            .iter()
            .map(|lang| (lang.code(), self.in_lang(*lang)))
            .chain([("x-default", x_default)])
            .collect()
    }

    /// Whether search engines may index the page (all but the 404 pages).
    pub const fn is_indexable(&self) -> bool {
        !matches!(self, Route::NotFound { .. })
    }

    /// The prerendered file of the page, relative to the site folder: a folder's
    /// `index.html` (`en/tags/index.html`), else `name.html` (`en/blog/x.html`),
    /// which every common static host serves at `name`.
    pub fn file(&self) -> String {
        let path = self.path();
        match path.strip_suffix('/') {
            Some(folder) => format!("{folder}/index.html")
                .trim_start_matches('/')
                .to_string(),
            None => format!("{}.html", &path[1..]),
        }
    }
}

/// The path of the page at `path` in language `to`, for the language switcher:
/// the language segment swapped and the rest kept, which for every page of the
/// site is [`Route::in_lang`] (tested for every route), and keeps an unknown URL
/// unknown in the other language; a path that names no language leads to the
/// index of `to`. Not parsed into a [`Route`] first: the switcher is in the
/// app's first module, where that parse cost 1.4 KB (brotli) of wasm.
pub fn switch_lang(path: &str, to: Lang) -> String {
    match lang_segment(path) {
        Some((_, rest)) => format!("/{}/{rest}", to.code()),
        None => format!("/{}/", to.code()),
    }
}

/// The language named by the first segment of the site path `path`, with what
/// follows that segment (without its slash): `/ru/blog/x` → `(Ru, "blog/x")`.
/// `None` if the first segment is no language of the site.
pub fn lang_segment(path: &str) -> Option<(Lang, &str)> {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    Some((Lang::from_code(first)?, rest))
}

/// The one word no tag may be: `/{lang}/tags/page/{n}` is a page of the tag
/// list, so a tag `page` would share its URLs and documents.
pub const RESERVED_TAG: &str = "page";

/// Whether `slug` is a valid tag slug: a valid slug (see [`is_valid_slug`])
/// other than [`RESERVED_TAG`].
pub fn is_valid_tag(slug: &str) -> bool {
    is_valid_slug(slug) && slug != RESERVED_TAG
}

/// Whether `slug` is a valid article or tag slug: non-empty lowercase ASCII letters,
/// digits and single hyphens, neither starting nor ending with a hyphen.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn page(n: u32) -> PageNumber {
        PageNumber::new(n).unwrap()
    }

    #[test]
    fn every_kind_of_page_has_its_path_and_file() {
        for (route, path, file) in [
            (Route::Root, "/", "index.html"),
            (Route::home(Lang::Ru), "/ru/", "ru/index.html"),
            (
                Route::Home {
                    lang: Lang::En,
                    page: page(3),
                },
                "/en/page/3",
                "en/page/3.html",
            ),
            (
                Route::article(Lang::En, "llm-quantization"),
                "/en/blog/llm-quantization",
                "en/blog/llm-quantization.html",
            ),
            (Route::tags(Lang::Ru), "/ru/tags/", "ru/tags/index.html"),
            (
                Route::Tags {
                    lang: Lang::En,
                    page: page(2),
                },
                "/en/tags/page/2",
                "en/tags/page/2.html",
            ),
            (
                Route::tag(Lang::Ru, "rag"),
                "/ru/tags/rag",
                "ru/tags/rag.html",
            ),
            (
                Route::Tag {
                    lang: Lang::En,
                    tag: "rag".into(),
                    page: page(2),
                },
                "/en/tags/rag/page/2",
                "en/tags/rag/page/2.html",
            ),
            (Route::NotFound { lang: None }, "/404", "404.html"),
            (
                Route::NotFound {
                    lang: Some(Lang::Ru),
                },
                "/ru/404",
                "ru/404.html",
            ),
        ] {
            assert_eq!(route.path(), path);
            assert_eq!(route.file(), file);
            assert_eq!(Route::parse(path), Some(route));
        }
    }

    #[test]
    fn a_paged_list_keeps_its_kind_from_page_to_page() {
        for route in [
            Route::home(Lang::En),
            Route::tags(Lang::Ru),
            Route::tag(Lang::En, "rag"),
        ] {
            assert_eq!(route.page(), Some(PageNumber::FIRST));
            let second = route.with_page(page(2));
            assert_eq!(second.page(), Some(page(2)));
            assert_eq!(second.with_page(PageNumber::FIRST), route);
            assert_eq!(second.lang(), route.lang());
        }
        let article = Route::article(Lang::En, "x");
        assert_eq!(article.page(), None);
        assert_eq!(article.with_page(page(2)), article);
    }

    #[test]
    fn urls_that_are_no_page_are_refused() {
        for path in [
            "/de/",
            "/english/",
            "/en/page/1",
            "/en/page/02",
            "/en/page/+2",
            "/en/tags/rag/page/1",
            "/en/tags/page/1",
            "/en/tags/page",
            "/en/tags/page/page/2",
            "/en/blog/Caps",
            "/en/blog/a--b",
            "/en/blog",
            "/en/blog/a/b",
            "/en/unknown",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
        assert_eq!(Route::parse("/en"), Some(Route::home(Lang::En)));
        assert_eq!(
            Route::parse("/ru/blog/x/"),
            Some(Route::article(Lang::Ru, "x"))
        );
    }

    #[test]
    fn shared_pages_have_a_card_of_their_own_or_their_languages() {
        assert_eq!(
            Route::article(Lang::Ru, "x").card().as_deref(),
            Some("/cards/ru/x.png")
        );
        for page in [
            Route::home(Lang::En),
            Route::tags(Lang::En),
            Route::tag(Lang::En, "rag"),
        ] {
            assert_eq!(page.card().as_deref(), Some("/cards/en/index.png"));
        }
        assert_eq!(Route::Root.card().as_deref(), Some("/cards/en/index.png"));
        assert_eq!(
            Route::NotFound {
                lang: Some(Lang::En)
            }
            .card(),
            None
        );
    }

    #[test]
    fn the_switcher_keeps_the_page() {
        for (path, to, want) in [
            ("/en/", Lang::Ru, "/ru/"),
            ("/en", Lang::Ru, "/ru/"),
            ("/en/blog/webhooks", Lang::Ru, "/ru/blog/webhooks"),
            ("/ru/tags/rag/page/2", Lang::En, "/en/tags/rag/page/2"),
            ("/ru/no/such/page", Lang::En, "/en/no/such/page"),
            ("/", Lang::Ru, "/ru/"),
            ("/xx/blog/a", Lang::En, "/en/"),
        ] {
            assert_eq!(switch_lang(path, to), want, "{path}");
        }
    }

    #[test]
    fn alternates_name_every_language_and_a_default() {
        let paths = |route: Route| -> Vec<(&str, String)> {
            route
                .alternates()
                .into_iter()
                .map(|(h, r)| (h, r.path()))
                .collect()
        };
        assert_eq!(
            paths(Route::home(Lang::Ru)),
            [
                ("en", "/en/".into()),
                ("ru", "/ru/".into()),
                ("x-default", "/".into())
            ]
        );
        assert_eq!(paths(Route::Root), paths(Route::home(Lang::En)));
        assert_eq!(
            paths(Route::article(Lang::Ru, "x")),
            [
                ("en", "/en/blog/x".into()),
                ("ru", "/ru/blog/x".into()),
                ("x-default", "/en/blog/x".into())
            ]
        );
        assert!(Route::NotFound { lang: None }.alternates().is_empty());
        let only_ru: Vec<_> = Route::article(Lang::En, "x")
            .alternates_in(&[Lang::Ru])
            .into_iter()
            .map(|(h, r)| (h, r.path()))
            .collect();
        assert_eq!(
            only_ru,
            [
                ("ru", "/ru/blog/x".into()),
                ("x-default", "/ru/blog/x".into())
            ]
        );
    }

    #[test]
    fn slugs() {
        for (slug, ok) in [
            ("vector-index-tuning", true),
            ("a1", true),
            ("", false),
            ("-a", false),
            ("a-", false),
            ("a--b", false),
            ("Caps", false),
            ("с-кириллицей", false),
            ("a_b", false),
        ] {
            assert_eq!(is_valid_slug(slug), ok, "slug {slug:?}");
        }
    }

    fn any_route() -> impl Strategy<Value = Route> {
        let lang = prop_oneof![Just(Lang::En), Just(Lang::Ru)];
        let slug = "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}";
        let page = (1u32..=u32::MAX).prop_map(|n| PageNumber::new(n).unwrap());
        prop_oneof![
            Just(Route::Root),
            (lang.clone(), page.clone()).prop_map(|(lang, page)| Route::Home { lang, page }),
            (lang.clone(), slug).prop_map(|(lang, slug)| Route::Article { lang, slug }),
            (lang.clone(), page.clone()).prop_map(|(lang, page)| Route::Tags { lang, page }),
            (
                lang.clone(),
                slug.prop_filter("a tag", |s| is_valid_tag(s)),
                page
            )
                .prop_map(|(lang, tag, page)| Route::Tag { lang, tag, page }),
            proptest::option::of(lang).prop_map(|lang| Route::NotFound { lang }),
        ]
    }

    proptest! {
        #[test]
        fn parsing_a_routes_path_gives_the_route(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.path()), Some(route.clone()));
            for lang in Lang::ALL {
                let switched = route.in_lang(lang);
                prop_assert_eq!(switched.lang(), Some(lang));
                prop_assert_eq!(switch_lang(&route.path(), lang), switched.path());
            }
        }
    }
}
