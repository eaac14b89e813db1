//! The app's components rendered on the host (`--features ssr`): the same markup
//! the browser builds, checked without a browser. Prerendering builds on this.
#![cfg(feature = "ssr")]

use engineering_insights::components::{ArticleView, PostCard};
use engineering_insights::i18n::{Lang, Locale};
use engineering_insights::App;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use model::{Post, PostMeta, Tag};
use std::rc::Rc;

fn render_app(path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        view! { <App /> }.to_html()
    })
}

fn render_with_lang<V: RenderHtml>(lang: Lang, f: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Locale::fixed(lang));
        f().to_html()
    })
}

fn meta(slug: &str) -> PostMeta {
    PostMeta {
        slug: slug.into(),
        title: "Vector Index Tuning & <HNSW>".into(),
        summary: "Parameters decide.".into(),
        description: "Parameters decide.".into(),
        date: "2026-09-25".into(),
        date_label: "25 сентября 2026 г.".into(),
        tags: vec![Tag {
            slug: "rag".into(),
            name: "RAG".into(),
        }],
        reading_minutes: 9,
        updated: None,
        updated_label: None,
        written_in: None,
        draft: false,
    }
}

#[test]
fn unknown_urls_render_the_localized_404() {
    for (path, title) in [
        ("/en/no/such/page", "Page not found"),
        ("/ru/blog/a/b/c", "Страница не найдена"),
        ("/de/", "Page not found"),
        ("/english/blog/x", "Page not found"),
    ] {
        let html = render_app(path);
        assert!(html.contains(title), "{path}: {html}");
        assert!(!html.contains("card-list"), "{path}");
    }
}

#[test]
fn index_route_renders_the_frame_and_a_loading_state() {
    let html = render_app("/ru/");
    assert!(html.contains("Инженерные инсайты"), "{html}");
    assert!(html.contains("Глубокие разборы AI-систем"), "{html}");
    assert!(html.contains("Загрузка…"), "{html}");
    assert!(html.contains("Оставайтесь впереди"), "{html}");
    assert!(!html.contains("Page not found"), "{html}");
    // The switcher links to the same page in English, with hreflang and lang.
    assert!(html.contains(r#"href="/en/""#), "{html}");
    assert!(html.contains(r#"hreflang="en""#), "{html}");
}

#[test]
fn index_matches_with_and_without_trailing_slash() {
    for path in ["/en", "/en/"] {
        let html = render_app(path);
        assert!(html.contains("Latest articles"), "{path}: {html}");
        // A later page waits for its document: only the host knows if it exists.
        let later = render_app(&format!("{path}/page/2").replace("//", "/"));
        assert!(later.contains("Loading…"), "{path}: {later}");
        assert!(!later.contains("Latest articles"), "{path}: {later}");
    }
}

#[test]
fn article_route_matches_with_and_without_trailing_slash() {
    for path in ["/en/blog/llm-quantization", "/en/blog/llm-quantization/"] {
        let html = render_app(path);
        assert!(!html.contains("Page not found"), "{path}: {html}");
        assert!(html.contains("Loading…"), "{path}: {html}");
        assert!(
            html.contains(r#"href="/ru/blog/llm-quantization"#),
            "{path}: {html}"
        );
    }
}

#[test]
fn post_card_shows_everything_a_reader_scans() {
    let html = render_with_lang(
        Lang::Ru,
        || view! { <PostCard post=meta("vector-index-tuning") lang=Lang::Ru /> },
    );
    assert!(
        html.contains(r#"href="/ru/blog/vector-index-tuning""#),
        "{html}"
    );
    assert!(
        html.contains("Vector Index Tuning &amp; &lt;HNSW&gt;"),
        "titles are escaped: {html}"
    );
    assert!(
        html.contains(r#"<time datetime="2026-09-25">25 сентября 2026 г.</time>"#),
        "{html}"
    );
    assert!(html.contains("9 мин чтения"), "{html}");
    assert!(html.contains("RAG"), "{html}");
}

#[test]
fn a_translation_behind_its_original_says_so_and_links_the_original() {
    let mut meta = meta("vector-index-tuning");
    meta.updated = Some("2026-11-02".into());
    meta.updated_label = Some("2 ноября 2026 г.".into());
    let post = Rc::new(Post {
        lang: Lang::Ru,
        meta,
        html: "<p>Текст.</p>".into(),
        headings: vec![],
        newer: None,
        older: None,
        related: vec![],
        languages: Lang::ALL.to_vec(),
        outdated: Some(model::Outdated {
            original: Lang::En,
            since: "2026-11-30".into(),
            since_label: "30 ноября 2026 г.".into(),
        }),
    });
    let html = render_with_lang(Lang::Ru, move || view! { <ArticleView post /> });
    assert!(
        html.contains(
            "Оригинал обновлён <time datetime=\"2026-11-30\">30 ноября 2026 г.</time>, уже после"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<a href="/en/blog/vector-index-tuning" hreflang="en">Читать оригинал</a>"#
        ),
        "{html}"
    );
    assert!(
        html.contains(r#"Обновлено <time datetime="2026-11-02">2 ноября 2026 г.</time>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<article lang="ru" class="article">"#),
        "{html}"
    );
}

#[test]
fn an_article_shown_untranslated_is_in_its_language_under_a_notice() {
    let mut meta = meta("vector-index-tuning");
    meta.written_in = Some(Lang::En);
    let post = Rc::new(Post {
        lang: Lang::Ru,
        meta,
        html: "<p>Body.</p>".into(),
        headings: vec![],
        newer: None,
        older: None,
        related: vec![],
        languages: vec![Lang::En],
        outdated: None,
    });
    let html = render_with_lang(Lang::Ru, move || view! { <ArticleView post /> });
    assert!(
        html.contains(r#"<article lang="en" class="article">"#),
        "{html}"
    );
    assert!(
        html.contains("Эта статья ещё не переведена на русский."),
        "{html}"
    );
    assert!(
        html.contains("9 min read"),
        "the byline is the original's: {html}"
    );
    assert!(
        html.contains(r#"href="/ru/""#),
        "links stay in the reader's language: {html}"
    );
}

#[test]
fn article_view_renders_title_meta_and_body() {
    let post = Rc::new(Post {
        lang: Lang::En,
        meta: meta("vector-index-tuning"),
        html: "<h2 id=\"why\">Why</h2><p>Body text.</p>".into(),
        headings: vec![],
        newer: None,
        older: None,
        related: vec![],
        languages: Lang::ALL.to_vec(),
        outdated: None,
    });
    let html = render_with_lang(Lang::En, move || view! { <ArticleView post /> });
    assert!(
        html.contains(
            "<h1 id=\"page-title\" tabindex=\"-1\">Vector Index Tuning &amp; &lt;HNSW&gt;</h1>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"why\">Why</h2><p>Body text.</p>"),
        "{html}"
    );
    assert!(html.contains("9 min read"), "{html}");
    assert!(html.contains(r#"href="/en/""#), "{html}");
}

#[test]
fn prerender_renders_a_complete_page_once_its_document_is_stored() {
    use engineering_insights::api::{self, Request};
    use model::Route;
    let post = Post {
        lang: Lang::Ru,
        meta: meta("vector-index-tuning"),
        html: "<p>Тело статьи.</p>".into(),
        headings: vec![],
        newer: None,
        older: None,
        related: vec![],
        languages: Lang::ALL.to_vec(),
        outdated: None,
    };
    let path = "/ru/blog/vector-index-tuning";
    let err = engineering_insights::prerender(path).err().unwrap();
    assert!(err.contains("documents not loaded"), "{err}");
    let request = Request::Post(Lang::Ru, "vector-index-tuning".into());
    api::store(&request, &serde_json::to_string(&post).unwrap()).unwrap();
    let page = engineering_insights::prerender(path).unwrap();
    assert!(page.body.contains("<p>Тело статьи.</p>"), "{}", page.body);
    assert!(!page.body.contains("Загрузка…"), "no loading state");
    assert_eq!(page.head.lang, Lang::Ru);
    assert_eq!(
        page.head.route,
        Route::article(Lang::Ru, "vector-index-tuning")
    );
    assert!(matches!(page.head.article, Some(ref m) if m.slug == "vector-index-tuning"));
    assert_eq!(
        page.head.document_title(),
        "Vector Index Tuning & <HNSW> — Инженерные инсайты"
    );
}

#[test]
fn prerendered_unknown_urls_are_404_pages_without_canonical() {
    use engineering_insights::head::head_tags;
    use model::Route;
    let page = engineering_insights::prerender("/ru/404").unwrap();
    assert_eq!(
        page.head.route,
        Route::NotFound {
            lang: Some(Lang::Ru)
        }
    );
    assert!(page.body.contains("Страница не найдена"));
    let tags: String = head_tags(&page.head, "https://x.org")
        .iter()
        .map(|t| t.to_html())
        .collect();
    assert!(
        tags.contains("noindex") && !tags.contains("canonical"),
        "{tags}"
    );
}

#[test]
fn the_index_is_paginated_and_pages_past_the_last_are_404s() {
    use engineering_insights::api::{self, Request};
    use model::Route;
    let posts: Vec<PostMeta> = (0..45).map(|i| meta(&format!("post-{i}"))).collect();
    let index = model::SiteIndex {
        lang: Lang::En,
        posts,
        tags: vec![],
    };
    for page in index.pages() {
        api::store(
            &Request::IndexPage(Lang::En, page.page),
            &serde_json::to_string(&page).unwrap(),
        )
        .unwrap();
    }
    let first = engineering_insights::prerender("/en/").unwrap();
    assert_eq!(
        first.body.matches("class=\"card\"").count(),
        20,
        "{}",
        first.body
    );
    assert!(first.body.contains("45 articles"));
    assert!(
        first.body.contains(r#"rel="next" href="/en/page/2""#),
        "{}",
        first.body
    );
    assert!(!first.body.contains(r#"rel="prev""#));
    let third = engineering_insights::prerender("/en/page/3").unwrap();
    assert_eq!(third.body.matches("class=\"card\"").count(), 5);
    assert!(third.body.contains("Page 3 of 3"));
    assert!(third.body.contains(r#"rel="prev" href="/en/page/2""#));
    assert_eq!(third.head.route, Route::parse("/en/page/3").unwrap());
    for missing in ["/en/page/1", "/en/page/x"] {
        let page = engineering_insights::prerender(missing).unwrap();
        assert!(!page.head.route.is_indexable(), "{missing}");
    }
    // Past the last page there is no document: the app shows the 404 view when
    // the host answers 404, and the prerenderer has no such route to render.
    let Err(past) = engineering_insights::prerender("/en/page/4") else {
        panic!("/en/page/4 has no document and must not render");
    };
    assert!(past.contains("not loaded"), "{past}");
}

#[test]
fn a_tag_with_many_articles_is_paginated_like_the_index() {
    use engineering_insights::api::{self, Request};
    use model::Route;
    let index = model::SiteIndex {
        lang: Lang::En,
        posts: (0..45).map(|i| meta(&format!("tagged-{i}"))).collect(),
        tags: vec![model::TagCount {
            slug: "rag".into(),
            name: "RAG".into(),
            count: 45,
        }],
    };
    for tagged in index.tagged() {
        api::store(
            &Request::Tag(Lang::En, "rag".into(), tagged.page),
            &serde_json::to_string(&tagged).unwrap(),
        )
        .unwrap();
    }
    let first = engineering_insights::prerender("/en/tags/rag").unwrap();
    assert_eq!(first.body.matches("class=\"card\"").count(), 20);
    assert!(first.body.contains("45 articles"), "{}", first.body);
    assert!(first
        .body
        .contains(r#"rel="next" href="/en/tags/rag/page/2""#));
    assert_eq!(first.head.route, Route::tag(Lang::En, "rag"));
    let second = engineering_insights::prerender("/en/tags/rag/page/2").unwrap();
    assert!(second.body.contains(r#"rel="prev" href="/en/tags/rag""#));
    assert!(second
        .body
        .contains(r#"rel="next" href="/en/tags/rag/page/3""#));
    let third = engineering_insights::prerender("/en/tags/rag/page/3").unwrap();
    assert_eq!(third.body.matches("class=\"card\"").count(), 5);
    assert!(
        third.head.title.ends_with("Page 3 of 3"),
        "{}",
        third.head.title
    );
    assert_eq!(
        third.head.route,
        Route::parse("/en/tags/rag/page/3").unwrap()
    );
    let page_one = engineering_insights::prerender("/en/tags/rag/page/1").unwrap();
    assert!(
        !page_one.head.route.is_indexable(),
        "page 1 is only at the tag's URL"
    );
}

/// The `id` attributes of `html`, in order.
fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn every_element_id_the_app_renders_is_reserved_from_article_headings() {
    use engineering_insights::api::{self, Request};
    use model::Heading;
    // An article with a table of contents; its own HTML has no ids to count.
    let post = Post {
        lang: Lang::En,
        meta: meta("ids-of-the-app"),
        html: "<p>Body.</p>".into(),
        headings: vec![Heading {
            level: 2,
            id: "part".into(),
            text: "Part".into(),
        }],
        newer: None,
        older: None,
        related: vec![],
        languages: Lang::ALL.to_vec(),
        outdated: None,
    };
    let request = Request::Post(Lang::En, "ids-of-the-app".into());
    api::store(&request, &serde_json::to_string(&post).unwrap()).unwrap();
    let mut seen = ids(&engineering_insights::prerender("/en/blog/ids-of-the-app")
        .unwrap()
        .body);
    for path in ["/en/", "/ru/tags/", "/en/no/such/page", "/"] {
        seen.extend(ids(&render_app(path)));
    }
    // The route announcer is rendered in the browser only (a prerendered page
    // has no client-side navigations to announce).
    assert!(!seen.iter().any(|id| id == "route-announcer"), "{seen:?}");
    assert!(model::is_app_id("route-announcer"));
    assert!(seen.iter().any(|id| id == "toc-title"), "{seen:?}");
    for id in &seen {
        assert!(
            model::is_app_id(id),
            "{id} is rendered by the app but not in model::APP_ELEMENT_IDS, so an article heading could take it"
        );
    }
}
