//! The document head follows the view: `<title>`, `<html lang>` and every tag a
//! search engine or link preview reads (description, canonical URL, `hreflang`
//! alternates, Open Graph, Twitter card, JSON-LD, robots).
//!
//! One function, [`head_tags`], decides the tags of a page. The prerenderer writes
//! them into each HTML file; in the browser [`PageHead`] replaces them after every
//! client-side navigation, so a crawler and a reader see the same head. Managed
//! tags carry a `data-h` attribute; nothing else in the head is touched.

use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::PostMeta;

/// What a page says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// Language of the page.
    pub lang: Lang,
    /// The page's own title; the document title appends the site name.
    pub title: String,
    /// Text for the description tags.
    pub description: String,
    /// Where the page lives, which decides its URL and structured data.
    pub page: Page,
}

/// The kinds of page, as the head describes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: sends readers to their language.
    Root,
    /// `/{lang}/`: the article index.
    Home,
    /// `/{lang}/page/{n}`: a later page of the index (n ≥ 2).
    HomePage(usize),
    /// `/{lang}/blog/{slug}`.
    Article(Box<PostMeta>),
    /// `/{lang}/tags`.
    Tags,
    /// `/{lang}/tags/{tag}` (page 1) and `/{lang}/tags/{tag}/page/{n}`.
    Tag(String, usize),
    /// Any unknown URL: not indexed, no canonical URL.
    NotFound,
}

impl Head {
    /// The full document title: `"{title} — {site}"`, or the site name alone.
    pub fn document_title(&self) -> String {
        document_title(self.lang, &self.title)
    }

    /// The page's site path without the prefix (`/en/blog/x`), if it has one.
    fn path(&self) -> Option<String> {
        let code = self.lang.code();
        Some(match &self.page {
            Page::Root => "/".to_string(),
            Page::Home => format!("/{code}/"),
            Page::HomePage(n) => format!("/{code}/page/{n}"),
            Page::Article(meta) => format!("/{code}/blog/{}", meta.slug),
            Page::Tags => format!("/{code}/tags/"),
            Page::Tag(tag, n) if *n > 1 => format!("/{code}/tags/{tag}/page/{n}"),
            Page::Tag(tag, _) => format!("/{code}/tags/{tag}"),
            Page::NotFound => return None,
        })
    }
}

/// The full document title of a page: `"{title} — {site}"`, or the site name alone.
pub fn document_title(lang: Lang, title: &str) -> String {
    let site = strings(lang).site_name;
    if title == site {
        site.to_string()
    } else {
        format!("{title} — {site}")
    }
}

/// One managed element of the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTag {
    /// `meta`, `link` or `script`.
    pub element: &'static str,
    /// Attributes in order (`data-h` is added when written).
    pub attrs: Vec<(&'static str, String)>,
    /// Text content (the JSON-LD of a `script`).
    pub text: Option<String>,
}

impl HeadTag {
    fn meta(key: &'static str, name: &str, content: impl Into<String>) -> HeadTag {
        HeadTag {
            element: "meta",
            attrs: vec![(key, name.to_string()), ("content", content.into())],
            text: None,
        }
    }

    fn link(rel: &str, hreflang: Option<&str>, href: String) -> HeadTag {
        let mut attrs = vec![("rel", rel.to_string())];
        if let Some(lang) = hreflang {
            attrs.push(("hreflang", lang.to_string()));
        }
        attrs.push(("href", href));
        HeadTag {
            element: "link",
            attrs,
            text: None,
        }
    }

    /// The tag as HTML, attribute values and text escaped.
    pub fn to_html(&self) -> String {
        let mut out = format!("<{} data-h", self.element);
        for (name, value) in &self.attrs {
            out.push_str(&format!(" {name}=\"{}\"", escape_attr(value)));
        }
        out.push('>');
        if let Some(text) = &self.text {
            // JSON-LD escapes `<` itself, so the text cannot close the script.
            out.push_str(text);
        }
        if self.element == "script" {
            out.push_str("</script>");
        }
        out
    }
}

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A JSON string literal, with `<` escaped so it is safe inside `<script>`.
fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `og:locale` of a language.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::Ru => "ru_RU",
    }
}

/// Every managed head tag of a page, for the site at `site_url` (absolute, no
/// trailing slash, with its path prefix).
pub fn head_tags(head: &Head, site_url: &str) -> Vec<HeadTag> {
    let lang = head.lang;
    let t = strings(lang);
    let mut tags = vec![HeadTag::meta("name", "description", &head.description)];
    let Some(path) = head.path() else {
        tags.push(HeadTag::meta("name", "robots", "noindex"));
        return tags;
    };
    let url = format!("{site_url}{path}");
    let in_lang = |to: Lang| match head.page {
        Page::Root => format!("{site_url}/{}/", to.code()),
        _ => format!("{site_url}{}", routing::switch_lang_in_site(&path, to)),
    };
    let x_default = match head.page {
        Page::Root | Page::Home => format!("{site_url}/"),
        _ => in_lang(Lang::En),
    };
    tags.push(HeadTag::link("canonical", None, url.clone()));
    for other in Lang::ALL {
        tags.push(HeadTag::link(
            "alternate",
            Some(other.code()),
            in_lang(other),
        ));
    }
    tags.push(HeadTag::link("alternate", Some("x-default"), x_default));

    let og_type = match head.page {
        Page::Article(_) => "article",
        _ => "website",
    };
    tags.push(HeadTag::meta("property", "og:type", og_type));
    tags.push(HeadTag::meta("property", "og:site_name", t.site_name));
    tags.push(HeadTag::meta("property", "og:title", &head.title));
    tags.push(HeadTag::meta(
        "property",
        "og:description",
        &head.description,
    ));
    tags.push(HeadTag::meta("property", "og:url", url.clone()));
    tags.push(HeadTag::meta("property", "og:locale", locale(lang)));
    tags.push(HeadTag::meta(
        "property",
        "og:locale:alternate",
        locale(lang.other()),
    ));
    if let Page::Article(meta) = &head.page {
        tags.push(HeadTag::meta(
            "property",
            "article:published_time",
            &meta.date,
        ));
        for tag in &meta.tags {
            tags.push(HeadTag::meta("property", "article:tag", &tag.name));
        }
    }
    tags.push(HeadTag::meta("name", "twitter:card", "summary"));
    tags.push(HeadTag::meta("name", "twitter:title", &head.title));
    tags.push(HeadTag::meta(
        "name",
        "twitter:description",
        &head.description,
    ));

    let site_name = json(t.site_name);
    let blog_url = json(&format!("{site_url}/{}/", lang.code()));
    let common = format!(
        "\"inLanguage\":{},\"url\":{},\"description\":{}",
        json(lang.code()),
        json(&url),
        json(&head.description)
    );
    let data = match &head.page {
        Page::Root => format!("\"@type\":\"WebSite\",\"name\":{site_name},{common}"),
        Page::Home => format!("\"@type\":\"Blog\",\"name\":{site_name},{common}"),
        Page::Article(meta) => {
            let keywords: Vec<&str> = meta.tags.iter().map(|t| t.name.as_str()).collect();
            format!(
                "\"@type\":\"BlogPosting\",\"headline\":{},{common},\"mainEntityOfPage\":{},\
                 \"datePublished\":{},\"keywords\":{},\"author\":{{\"@type\":\"Organization\",\
                 \"name\":{site_name},\"url\":{blog_url}}},\"publisher\":{{\"@type\":\
                 \"Organization\",\"name\":{site_name},\"url\":{blog_url}}},\"isPartOf\":\
                 {{\"@type\":\"Blog\",\"name\":{site_name},\"url\":{blog_url}}}",
                json(&meta.title),
                json(&url),
                json(&meta.date),
                json(&keywords.join(", ")),
            )
        }
        Page::HomePage(_) | Page::Tags | Page::Tag(..) | Page::NotFound => format!(
            "\"@type\":\"CollectionPage\",\"name\":{},{common},\"isPartOf\":{{\"@type\":\
             \"Blog\",\"name\":{site_name},\"url\":{blog_url}}}",
            json(&head.title)
        ),
    };
    tags.push(HeadTag {
        element: "script",
        attrs: vec![("type", "application/ld+json".to_string())],
        text: Some(format!("{{\"@context\":\"https://schema.org\",{data}}}")),
    });
    tags
}

/// Sets the head for the page being rendered. Render it once per page view.
#[component]
pub fn PageHead(
    /// Language of the page.
    lang: Lang,
    /// The page's own title (the site name is appended in `<title>`).
    title: String,
    /// Text for the description tags.
    #[prop(optional, into)]
    description: String,
    /// What the page is.
    page: Page,
) -> impl IntoView {
    apply(Head {
        lang,
        title,
        description,
        page,
    });
}

/// Sets `<html lang>`.
pub fn set_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The head of the page last rendered on the host, for the prerenderer.
    static RENDERED: std::cell::RefCell<Option<Head>> = const { std::cell::RefCell::new(None) };
}

/// The head of the last page rendered on the host, taken (prerendering reads it
/// after rendering each route).
#[cfg(not(target_arch = "wasm32"))]
pub fn take_rendered() -> Option<Head> {
    RENDERED.with_borrow_mut(Option::take)
}

#[cfg(not(target_arch = "wasm32"))]
fn apply(head: Head) {
    RENDERED.with_borrow_mut(|slot| *slot = Some(head));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Whether a page was already shown: the first one is the page the reader
    /// opened, where focus stays at the top of the document.
    static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The page the reader opened is on screen without a head written by the app
/// (an adopted prerendered page, see `takeover`): the next head is a navigation's.
#[cfg(target_arch = "wasm32")]
pub fn mark_shown() {
    SHOWN.set(true);
}

#[cfg(target_arch = "wasm32")]
fn apply(head: Head) {
    let doc = document();
    let title = head.document_title();
    doc.set_title(&title);
    if let (Some(el), Ok(old)) = (doc.head(), doc.query_selector_all("head > [data-h]")) {
        for i in 0..old.length() {
            if let Some(node) = old.item(i) {
                let _ = el.remove_child(&node);
            }
        }
        for tag in head_tags(&head, routing::SITE_URL) {
            let Ok(node) = doc.create_element(tag.element) else {
                continue;
            };
            let _ = node.set_attribute("data-h", "");
            for (name, value) in &tag.attrs {
                let _ = node.set_attribute(name, value);
            }
            if let Some(text) = &tag.text {
                node.set_text_content(Some(text));
            }
            let _ = el.append_child(&node);
        }
    }
    if SHOWN.replace(true) {
        // After a client-side navigation, screen reader and keyboard users land on
        // the new page's heading and hear its title. The heading is mounted by the
        // next frame.
        request_animation_frame(move || announce_page(&title));
    }
}

/// Moves focus to the page heading (without scrolling) and announces `title`.
#[cfg(target_arch = "wasm32")]
fn announce_page(title: &str) {
    if let Some(heading) = crate::dom::html_element("page-title") {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
    if let Some(region) = crate::dom::html_element("route-announcer") {
        region.set_text_content(Some(title));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Tag;

    #[test]
    fn titles_carry_the_site_name_once() {
        assert_eq!(
            document_title(Lang::En, "Engineering Insights"),
            "Engineering Insights"
        );
        assert_eq!(
            document_title(Lang::Ru, "Страница не найдена"),
            "Страница не найдена — Инженерные инсайты"
        );
        assert_eq!(
            document_title(Lang::En, "Webhooks"),
            "Webhooks — Engineering Insights"
        );
    }

    fn find<'a>(tags: &'a [HeadTag], key: &str, name: &str) -> Vec<&'a str> {
        tags.iter()
            .filter(|t| t.attrs.iter().any(|(k, v)| *k == key && v == name))
            .filter_map(|t| {
                t.attrs
                    .iter()
                    .find(|(k, _)| *k == "content" || *k == "href")
            })
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn article() -> Head {
        Head {
            lang: Lang::Ru,
            title: "Вебхуки \"на практике\" </script>".into(),
            description: "Описание".into(),
            page: Page::Article(Box::new(PostMeta {
                slug: "webhooks".into(),
                title: "Вебхуки \"на практике\" </script>".into(),
                summary: String::new(),
                description: "Описание".into(),
                date: "2026-11-20".into(),
                date_label: String::new(),
                tags: vec![Tag {
                    slug: "apis".into(),
                    name: "API".into(),
                }],
                reading_minutes: 5,
            })),
        }
    }

    #[test]
    fn an_article_has_absolute_reciprocal_urls_and_article_data() {
        let tags = head_tags(&article(), "https://x.org/insights");
        let url = "https://x.org/insights/ru/blog/webhooks";
        assert_eq!(find(&tags, "rel", "canonical"), [url]);
        assert_eq!(
            find(&tags, "rel", "alternate"),
            [
                "https://x.org/insights/en/blog/webhooks",
                url,
                "https://x.org/insights/en/blog/webhooks"
            ]
        );
        assert_eq!(find(&tags, "property", "og:type"), ["article"]);
        assert_eq!(find(&tags, "property", "og:url"), [url]);
        assert_eq!(find(&tags, "property", "og:locale"), ["ru_RU"]);
        assert_eq!(find(&tags, "property", "article:tag"), ["API"]);
        assert_eq!(find(&tags, "name", "twitter:card"), ["summary"]);
        let ld = tags.iter().find_map(|t| t.text.as_deref()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(ld).unwrap();
        assert_eq!(parsed["@type"], "BlogPosting");
        assert_eq!(parsed["headline"], "Вебхуки \"на практике\" </script>");
        assert_eq!(parsed["datePublished"], "2026-11-20");
        assert!(!ld.contains("</script"), "{ld}");
        let html: String = tags.iter().map(HeadTag::to_html).collect();
        assert!(html.contains("content=\"Вебхуки &quot;на практике&quot; &lt;/script>\""));
    }

    #[test]
    fn indexes_point_x_default_at_the_root_and_404s_are_not_indexed() {
        let home = Head {
            lang: Lang::En,
            title: "Engineering Insights".into(),
            description: "d".into(),
            page: Page::Home,
        };
        let tags = head_tags(&home, "https://x.org");
        assert_eq!(find(&tags, "rel", "canonical"), ["https://x.org/en/"]);
        assert_eq!(
            find(&tags, "rel", "alternate"),
            ["https://x.org/en/", "https://x.org/ru/", "https://x.org/"]
        );
        let ld: serde_json::Value =
            serde_json::from_str(tags.last().unwrap().text.as_deref().unwrap()).unwrap();
        assert_eq!(ld["@type"], "Blog");

        let missing = Head {
            page: Page::NotFound,
            ..home
        };
        let tags = head_tags(&missing, "https://x.org");
        assert_eq!(find(&tags, "name", "robots"), ["noindex"]);
        assert!(find(&tags, "rel", "canonical").is_empty());
    }
}
