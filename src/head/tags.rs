//! The tags of a page's head, decided once for the prerenderer and the app.

use super::Head;
use crate::i18n::{strings, Lang};
use model::Route;

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
    let Some(canonical) = head.canonical() else {
        tags.push(HeadTag::meta("name", "robots", "noindex"));
        return tags;
    };
    let url = format!("{site_url}{}", canonical.path());
    tags.push(HeadTag::link("canonical", None, url.clone()));
    for (hreflang, page) in canonical.alternates_in(&head.languages) {
        let href = format!("{site_url}{}", page.path());
        tags.push(HeadTag::link("alternate", Some(hreflang), href));
    }

    let og_type = match head.article {
        Some(_) => "article",
        None => "website",
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
    // An article shown untranslated is in its original's language.
    let written_in = head.article.as_ref().and_then(|a| a.written_in);
    let content_lang = written_in.unwrap_or(lang);
    tags.push(HeadTag::meta("property", "og:locale", locale(content_lang)));
    for other in head.languages.iter().filter(|l| **l != content_lang) {
        tags.push(HeadTag::meta(
            "property",
            "og:locale:alternate",
            locale(*other),
        ));
    }
    if let Some(meta) = &head.article {
        tags.push(HeadTag::meta(
            "property",
            "article:published_time",
            &meta.date,
        ));
        if let Some(updated) = &meta.updated {
            tags.push(HeadTag::meta("property", "article:modified_time", updated));
        }
        for tag in &meta.tags {
            tags.push(HeadTag::meta("property", "article:tag", &tag.name));
        }
    }
    // The card the pipeline draws for the page (pipeline/src/cards.rs), with its
    // size so a network can lay out the preview before fetching it, and its alt
    // text: the title it shows.
    let card = canonical.card().map(|card| format!("{site_url}{card}"));
    if let Some(card) = &card {
        tags.push(HeadTag::meta("property", "og:image", card));
        tags.push(HeadTag::meta("property", "og:image:width", "1200"));
        tags.push(HeadTag::meta("property", "og:image:height", "630"));
        tags.push(HeadTag::meta("property", "og:image:alt", &head.title));
    }
    // X reads `og:title`, `og:description` and `og:image` where its own tags are
    // absent (developer.x.com/cards/markup): only the card type is its own.
    tags.push(HeadTag::meta("name", "twitter:card", "summary_large_image"));

    let site_name = json(t.site_name);
    let blog_url = json(&format!("{site_url}{}", Route::home(lang).path()));
    let common = format!(
        "\"inLanguage\":{},\"url\":{},\"description\":{}",
        json(content_lang.code()),
        json(&url),
        json(&head.description)
    );
    let collection = || {
        format!(
            "\"@type\":\"CollectionPage\",\"name\":{},{common},\"isPartOf\":{{\"@type\":\
             \"Blog\",\"name\":{site_name},\"url\":{blog_url}}}",
            json(&head.title)
        )
    };
    let data = match (&head.route, &head.article) {
        (_, Some(meta)) => {
            let keywords: Vec<&str> = meta.tags.iter().map(|t| t.name.as_str()).collect();
            format!(
                "\"@type\":\"BlogPosting\",\"headline\":{},{common},\"mainEntityOfPage\":{},\
                 \"image\":{},\"datePublished\":{},\"dateModified\":{},\"keywords\":{},\"author\":{{\"@type\":\"Organization\",\
                 \"name\":{site_name},\"url\":{blog_url}}},\"publisher\":{{\"@type\":\
                 \"Organization\",\"name\":{site_name},\"url\":{blog_url}}},\"isPartOf\":\
                 {{\"@type\":\"Blog\",\"name\":{site_name},\"url\":{blog_url}}}",
                json(&meta.title),
                json(&url),
                // The social card: Google's article results show an image
                // (developers.google.com/search/docs/appearance/structured-data/article).
                json(card.as_deref().unwrap_or_default()),
                json(&meta.date),
                json(&meta.lastmod()),
                json(&keywords.join(", ")),
            )
        }
        (Route::Root, None) => format!("\"@type\":\"WebSite\",\"name\":{site_name},{common}"),
        (Route::Home { page, .. }, None) if page.is_first() => {
            format!("\"@type\":\"Blog\",\"name\":{site_name},{common}")
        }
        _ => collection(),
    };
    tags.push(HeadTag {
        element: "script",
        attrs: vec![("type", "application/ld+json".to_string())],
        text: Some(format!("{{\"@context\":\"https://schema.org\",{data}}}")),
    });
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{PostMeta, Tag};

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
            route: Route::article(Lang::Ru, "webhooks"),
            languages: Lang::ALL.to_vec(),
            article: Some(Box::new(PostMeta {
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
                updated: None,
                updated_label: None,
                written_in: None,
                draft: false,
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
        assert_eq!(find(&tags, "name", "twitter:card"), ["summary_large_image"]);
        assert_eq!(
            find(&tags, "property", "og:image"),
            ["https://x.org/insights/cards/ru/webhooks.png"]
        );
        assert_eq!(find(&tags, "property", "og:image:width"), ["1200"]);
        assert_eq!(find(&tags, "property", "og:image:height"), ["630"]);
        assert_eq!(
            find(&tags, "property", "og:image:alt"),
            ["Вебхуки \"на практике\" </script>"]
        );
        // X takes title, description and image from the og: tags.
        assert!(find(&tags, "name", "twitter:title").is_empty());
        assert!(find(&tags, "name", "twitter:description").is_empty());
        let ld = tags.iter().find_map(|t| t.text.as_deref()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(ld).unwrap();
        assert_eq!(parsed["@type"], "BlogPosting");
        assert_eq!(parsed["headline"], "Вебхуки \"на практике\" </script>");
        assert_eq!(parsed["datePublished"], "2026-11-20");
        assert_eq!(
            parsed["image"].as_str(),
            find(&tags, "property", "og:image").first().copied()
        );
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
            route: Route::home(Lang::En),
            article: None,
            languages: Lang::ALL.to_vec(),
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
        assert_eq!(
            find(&tags, "property", "og:image"),
            ["https://x.org/cards/en/index.png"]
        );

        let missing = Head {
            route: Route::NotFound {
                lang: Some(Lang::En),
            },
            ..home
        };
        let tags = head_tags(&missing, "https://x.org");
        assert_eq!(find(&tags, "name", "robots"), ["noindex"]);
        assert!(find(&tags, "rel", "canonical").is_empty());
    }

    #[test]
    fn an_untranslated_article_points_at_its_original_and_names_no_missing_page() {
        let mut head = article();
        if let Some(meta) = head.article.as_mut() {
            meta.written_in = Some(Lang::En);
            meta.updated = Some("2026-11-30".into());
        }
        head.languages = vec![Lang::En];
        let tags = head_tags(&head, "https://x.org");
        let original = "https://x.org/en/blog/webhooks";
        assert_eq!(find(&tags, "rel", "canonical"), [original]);
        assert_eq!(find(&tags, "rel", "alternate"), [original, original]);
        assert!(find(&tags, "property", "og:locale:alternate").is_empty());
        assert_eq!(
            find(&tags, "property", "article:modified_time"),
            ["2026-11-30"]
        );
        let ld: serde_json::Value =
            serde_json::from_str(tags.last().unwrap().text.as_deref().unwrap()).unwrap();
        assert_eq!(ld["inLanguage"], "en");
        assert_eq!(ld["dateModified"], "2026-11-30");
    }
}
