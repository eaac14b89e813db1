//! The data layer: the only place that knows where content comes from.
//!
//! * fetched (default): documents are requested from `content/…` relative to the
//!   document's base URL, so the site also works under a sub-path.
//! * bundled (`BLOG_CONTENT=bundled` at build time): every document is compiled into
//!   the wasm and no content request is made.
//!
//! Either way a document is parsed once and kept for the rest of the visit.

use crate::routing;
use model::{paths, IndexPage, Lang, Post, SearchIndex, TagIndex, TaggedPosts};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Why a document could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// There is no such document: an unknown article.
    #[error("not found")]
    NotFound,
    /// The request did not complete (offline, DNS, aborted, CORS); says which step.
    #[error("network error: {0}")]
    Network(&'static str),
    /// The server answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// No complete answer within [`TIMEOUT_MS`].
    #[error("timed out")]
    Timeout,
    /// The body is not the expected document; says what was wrong.
    #[error("malformed document: {0}")]
    Format(&'static str),
}

/// Folder of the documents in a fetched build, relative to the page's `<base href>`.
const ROOT: &str = "content/";

/// How long a content request may take, body included, before it is given up
/// as [`ContentError::Timeout`]: generous for a phone on a slow network (the
/// largest document, a search index, is under 100 KB compressed).
pub const TIMEOUT_MS: i32 = 10_000;

/// A document the app can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Page `n` (from 1) of the article index of a language.
    IndexPage(Lang, u32),
    /// The tags of a language.
    Tags(Lang),
    /// Page `n` (from 1) of the articles of a language with one tag, by tag slug.
    Tag(Lang, String, u32),
    /// One article of a language, by slug.
    Post(Lang, String),
    /// The search index of a language.
    Search(Lang),
    /// The plain text of one article, by slug, for search snippets.
    SearchText(Lang, String),
}

/// A loaded document.
///
/// Every view loads through the one [`load`] function and this one type, so the
/// async machinery behind a resource is compiled once rather than per view.
#[derive(Debug, Clone)]
pub enum Document {
    /// A page of the article index.
    IndexPage(Rc<IndexPage>),
    /// The tag list.
    Tags(Rc<TagIndex>),
    /// One tag's articles.
    Tag(Rc<TaggedPosts>),
    /// One article.
    Post(Rc<Post>),
    /// A search index.
    Search(Rc<SearchIndex>),
    /// An article's plain text, for search snippets.
    SearchText(Rc<String>),
}

impl Document {
    /// The index page, or a format error if another kind of document arrived.
    pub fn into_index_page(self) -> Result<Rc<IndexPage>, ContentError> {
        match self {
            Document::IndexPage(page) => Ok(page),
            _ => Err(ContentError::Format("expected an index page")),
        }
    }

    /// The tag list, or a format error if another kind of document arrived.
    pub fn into_tags(self) -> Result<Rc<TagIndex>, ContentError> {
        match self {
            Document::Tags(tags) => Ok(tags),
            _ => Err(ContentError::Format("expected a tag list")),
        }
    }

    /// The tag's articles, or a format error if another kind of document arrived.
    pub fn into_tag(self) -> Result<Rc<TaggedPosts>, ContentError> {
        match self {
            Document::Tag(tagged) => Ok(tagged),
            _ => Err(ContentError::Format("expected a tag's articles")),
        }
    }

    /// The article, or a format error if another kind of document arrived.
    pub fn into_post(self) -> Result<Rc<Post>, ContentError> {
        match self {
            Document::Post(post) => Ok(post),
            _ => Err(ContentError::Format("expected an article")),
        }
    }

    /// The search index, or a format error if another kind of document arrived.
    pub fn into_search(self) -> Result<Rc<SearchIndex>, ContentError> {
        match self {
            Document::Search(index) => Ok(index),
            _ => Err(ContentError::Format("expected a search index")),
        }
    }

    /// The search text, or a format error if another kind of document arrived.
    pub fn into_search_text(self) -> Result<Rc<String>, ContentError> {
        match self {
            Document::SearchText(text) => Ok(text),
            _ => Err(ContentError::Format("expected a search text")),
        }
    }
}

thread_local! {
    /// Documents by content path, kept for the visit.
    static CACHE: RefCell<HashMap<String, Document>> = RefCell::new(HashMap::new());
}

/// The content path of a requested document; slugs and page numbers come from the
/// URL, so anything that is not one is refused before it becomes part of a
/// request path.
fn path_of(request: &Request) -> Result<String, ContentError> {
    Ok(match request {
        Request::IndexPage(_, 0) | Request::Tag(_, _, 0) => return Err(ContentError::NotFound),
        Request::IndexPage(lang, n) => paths::index_page(*lang, *n),
        Request::Tags(lang) => paths::tags(*lang),
        Request::Post(_, slug) | Request::Tag(_, slug, _) | Request::SearchText(_, slug)
            if !model::is_valid_slug(slug) =>
        {
            return Err(ContentError::NotFound)
        }
        Request::Tag(lang, slug, n) => paths::tag(*lang, slug, *n),
        Request::Post(lang, slug) => paths::post(*lang, slug),
        Request::Search(lang) => paths::search(*lang),
        Request::SearchText(lang, slug) => paths::search_text(*lang, slug),
    })
}

/// The requested document if it is at hand without waiting: already loaded during
/// this visit, put there by the prerenderer, or (bundled mode) compiled in. Views
/// read this first, so a page whose data is at hand renders complete at once.
pub fn cached(request: &Request) -> Option<Document> {
    let path = path_of(request).ok()?;
    if let Some(doc) = CACHE.with_borrow(|c| c.get(&path).cloned()) {
        return Some(doc);
    }
    #[cfg(bundled)]
    if let Some(text) = source::bundled(&path) {
        return store(request, text).ok();
    }
    None
}

/// Parses `text` as the requested document, checks that it is the document that
/// was asked for, and keeps it for the visit.
pub fn store(request: &Request, text: &str) -> Result<Document, ContentError> {
    let path = path_of(request)?;
    let doc = match request {
        Request::IndexPage(lang, n) => {
            let page: IndexPage = parse(text)?;
            if page.lang != *lang || page.page != *n || page.page > page.pages {
                return Err(ContentError::Format("another index page or language"));
            }
            Document::IndexPage(Rc::new(page))
        }
        Request::Tags(lang) => {
            let tags: TagIndex = parse(text)?;
            if tags.lang != *lang {
                return Err(ContentError::Format("tags of another language"));
            }
            Document::Tags(Rc::new(tags))
        }
        Request::Tag(lang, slug, n) => {
            let tagged: TaggedPosts = parse(text)?;
            if tagged.lang != *lang
                || tagged.tag.slug != *slug
                || tagged.page != *n
                || tagged.page > tagged.pages
            {
                return Err(ContentError::Format("another tag, page or language"));
            }
            Document::Tag(Rc::new(tagged))
        }
        Request::Post(lang, slug) => {
            let post: Post = parse(text)?;
            if post.lang != *lang || post.meta.slug != *slug {
                return Err(ContentError::Format("another article or language"));
            }
            Document::Post(Rc::new(post))
        }
        Request::Search(lang) => {
            let index: SearchIndex = parse(text)?;
            if index.lang != *lang {
                return Err(ContentError::Format("search index of another language"));
            }
            Document::Search(Rc::new(index))
        }
        Request::SearchText(..) => Document::SearchText(Rc::new(parse(text)?)),
    };
    CACHE.with_borrow_mut(|c| c.insert(path, doc.clone()));
    Ok(doc)
}

/// Loads the requested document: at hand ([`cached`]), else from the source.
pub async fn load(request: Request) -> Result<Document, ContentError> {
    if let Some(doc) = cached(&request) {
        return Ok(doc);
    }
    let path = path_of(&request)?;
    let text = source::read(&path).await?;
    store(&request, &text)
}

/// The documents the view at `path` (a site path without the prefix) shows
/// before anything else: the prerenderer loads them to render the page and names
/// them in it for the browser to prefetch; the app loads them before it renders a
/// prerendered page's view itself (see `takeover`).
pub fn documents_for(path: &str) -> Vec<Request> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some(lang) = segments.first().and_then(|s| Lang::from_code(s)) else {
        return Vec::new();
    };
    match segments[1..] {
        [] => vec![Request::IndexPage(lang, 1)],
        ["page", n] => routing::later_page(n)
            .map(|n| Request::IndexPage(lang, n))
            .into_iter()
            .collect(),
        ["tags"] => vec![Request::Tags(lang)],
        ["tags", tag] => vec![Request::Tag(lang, tag.to_string(), 1)],
        ["tags", tag, "page", n] => routing::later_page(n)
            .map(|n| Request::Tag(lang, tag.to_string(), n))
            .into_iter()
            .collect(),
        ["blog", slug] => vec![Request::Post(lang, slug.to_string())],
        _ => Vec::new(),
    }
}

/// The URL of a document relative to the site root (for preload links).
pub fn document_url(request: &Request) -> Option<String> {
    path_of(request).ok().map(|p| format!("{ROOT}{p}"))
}

/// The path of a document under the content folder (for the prerenderer, which
/// reads the pipeline's output).
pub fn document_path(request: &Request) -> Result<String, ContentError> {
    path_of(request)
}

/// Parses a document, mapping any failure to [`ContentError::Format`].
#[cfg(target_arch = "wasm32")]
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    let value = web_sys::js_sys::JSON::parse(text).map_err(|_| ContentError::Format("not JSON"))?;
    serde_wasm_bindgen::from_value(value).map_err(|_| ContentError::Format("unexpected shape"))
}

/// Parses a document, mapping any failure to [`ContentError::Format`].
#[cfg(not(target_arch = "wasm32"))]
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| ContentError::Format("not JSON"))?;
    serde_json::from_value(value).map_err(|_| ContentError::Format("unexpected shape"))
}

#[cfg(bundled)]
mod source {
    //! Documents compiled into the wasm by `build.rs`.
    use super::ContentError;
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));

    /// The compiled-in text of a document.
    pub fn bundled(path: &str) -> Option<&'static str> {
        DOCUMENTS
            .binary_search_by_key(&path, |(p, _)| p)
            .ok()
            .map(|i| DOCUMENTS[i].1)
    }

    /// Every document that exists is at hand (see `cached`): the rest do not.
    pub async fn read(_path: &str) -> Result<&'static str, ContentError> {
        Err(ContentError::NotFound)
    }
}

#[cfg(not(bundled))]
mod source {
    //! Documents fetched from the same origin with gloo-net.
    use super::ContentError;
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;

    pub async fn read(path: &str) -> Result<String, ContentError> {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::{closure::Closure, JsCast};

        let abort = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = abort.as_ref().map(|a| a.signal());
        // A slow server is given up after TIMEOUT_MS, body included.
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = Closure::once({
            let timed_out = timed_out.clone();
            let abort = (*abort).clone();
            move || {
                timed_out.set(true);
                if let Some(abort) = abort {
                    abort.abort();
                }
            }
        });
        let window = web_sys::window();
        let timer = window.as_ref().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                super::TIMEOUT_MS,
            )
            .ok()
        });
        // A reader who navigates away stops waiting for this page's document.
        on_cleanup(move || {
            if let Some(abort) = abort.take() {
                abort.abort();
            }
        });
        let result = fetch(path, signal.as_ref()).await;
        if let (Some(window), Some(timer)) = (window, timer) {
            window.clear_timeout_with_handle(timer);
        }
        drop(on_timeout);
        match result {
            Err(_) if timed_out.get() => Err(ContentError::Timeout),
            other => other,
        }
    }

    async fn fetch(
        path: &str,
        signal: Option<&web_sys::AbortSignal>,
    ) -> Result<String, ContentError> {
        let response = gloo_net::http::Request::get(&format!("{}{path}", super::ROOT))
            .abort_signal(signal)
            .send()
            .await
            .map_err(|_| ContentError::Network("request failed"))?;
        match response.status() {
            200 => {}
            404 | 410 => return Err(ContentError::NotFound),
            status => return Err(ContentError::Status(status)),
        }
        // A static host with an SPA rewrite answers unknown paths with the app's HTML
        // and status 200: that is a missing document, not a damaged one.
        let html = response
            .headers()
            .get("content-type")
            .is_some_and(|t| t.starts_with("text/html"));
        if html {
            return Err(ContentError::NotFound);
        }
        response
            .text()
            .await
            .map_err(|_| ContentError::Network("body could not be read"))
    }
}

/// Why a subscription request failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SubscribeError {
    /// The request did not complete.
    #[error("network error")]
    Network,
    /// The endpoint answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
}

/// Where the subscribe form posts, set at build time (`SUBSCRIBE_ENDPOINT`); `None`
/// when the site has no newsletter.
pub fn subscribe_endpoint() -> Option<&'static str> {
    Some(env!("SUBSCRIBE_ENDPOINT")).filter(|e| !e.is_empty())
}

/// Whether `email` looks like an address worth sending: one `@`, something before
/// it, a dotted domain after it, no spaces. The endpoint does the real check.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// Subscribes `email` (for the newsletter in `lang`) at the configured endpoint:
/// a JSON POST of `{"email": …, "lang": …}`; any 2xx answer is success.
pub async fn subscribe(endpoint: &str, email: &str, lang: Lang) -> Result<(), SubscribeError> {
    use web_sys::js_sys::{Object, Reflect, JSON};
    // Built with the browser's JSON rather than serde_json, which would add more
    // to the wasm than this whole feature.
    let body = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&body, &key.into(), &value.into());
    set("email", email).map_err(|_| SubscribeError::Network)?;
    set("lang", lang.code()).map_err(|_| SubscribeError::Network)?;
    let text: String = JSON::stringify(&body)
        .map_err(|_| SubscribeError::Network)?
        .into();
    let request = gloo_net::http::Request::post(endpoint)
        .header("content-type", "application/json")
        .body(text)
        .map_err(|_| SubscribeError::Network)?;
    let response = request.send().await.map_err(|_| SubscribeError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        Err(SubscribeError::Status(response.status()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_emails() {
        for (email, ok) in [
            ("reader@example.org", true),
            ("a.b+c@mail.example.co.uk", true),
            ("читатель@пример.рф", true),
            ("", false),
            ("reader", false),
            ("@example.org", false),
            ("reader@", false),
            ("reader@localhost", false),
            ("reader@example..org", false),
            ("re ader@example.org", false),
            ("a@b@example.org", false),
        ] {
            assert_eq!(is_plausible_email(email), ok, "{email:?}");
        }
    }

    #[test]
    fn views_name_the_documents_they_open_with() {
        assert_eq!(documents_for("/ru/"), [Request::IndexPage(Lang::Ru, 1)]);
        assert_eq!(
            documents_for("/ru/page/3"),
            [Request::IndexPage(Lang::Ru, 3)]
        );
        assert_eq!(documents_for("/en/tags/"), [Request::Tags(Lang::En)]);
        assert_eq!(
            documents_for("/en/tags/rag"),
            [Request::Tag(Lang::En, "rag".into(), 1)]
        );
        assert_eq!(
            documents_for("/en/tags/rag/page/2"),
            [Request::Tag(Lang::En, "rag".into(), 2)]
        );
        assert_eq!(
            documents_for("/en/blog/webhooks"),
            [Request::Post(Lang::En, "webhooks".into())]
        );
        for path in [
            "/",
            "/de/",
            "/en/blog",
            "/en/x/y/z",
            "/en/page/1",
            "/en/page/x",
            "/en/tags/rag/page/1",
        ] {
            assert!(documents_for(path).is_empty(), "{path}");
        }
        assert_eq!(
            document_url(&Request::Post(Lang::En, "a-b".into())).as_deref(),
            Some("content/en/posts/a-b.json")
        );
    }

    #[test]
    fn stored_documents_must_be_the_ones_asked_for() {
        let page = r#"{"lang":"ru","page":2,"pages":3,"total":45,"posts":[]}"#;
        assert!(store(&Request::IndexPage(Lang::En, 2), page).is_err());
        assert!(store(&Request::IndexPage(Lang::Ru, 3), page).is_err());
        assert!(cached(&Request::IndexPage(Lang::Ru, 2)).is_none());
        store(&Request::IndexPage(Lang::Ru, 2), page).unwrap();
        assert!(cached(&Request::IndexPage(Lang::Ru, 2)).is_some());
        let past = r#"{"lang":"ru","page":4,"pages":3,"total":45,"posts":[]}"#;
        assert!(store(&Request::IndexPage(Lang::Ru, 4), past).is_err());
        let tag = r#"{"lang":"en","tag":{"slug":"rag","name":"RAG","count":21},
            "page":2,"pages":2,"total":21,"posts":[]}"#;
        assert!(store(&Request::Tag(Lang::En, "llm".into(), 2), tag).is_err());
        assert!(store(&Request::Tag(Lang::En, "rag".into(), 1), tag).is_err());
        store(&Request::Tag(Lang::En, "rag".into(), 2), tag).unwrap();
        assert_eq!(
            store(&Request::Tag(Lang::En, "Bad Tag".into(), 1), tag).unwrap_err(),
            ContentError::NotFound
        );
        let text = Request::SearchText(Lang::En, "a-b".into());
        assert_eq!(
            document_url(&text).as_deref(),
            Some("content/en/texts/a-b.json")
        );
        assert!(
            store(&text, "{\"html\":1}").is_err(),
            "a text is a JSON string"
        );
        assert!(store(&text, "\"Plain text.\"").is_ok());
        assert_eq!(
            store(&Request::SearchText(Lang::En, "../x".into()), "\"\"").unwrap_err(),
            ContentError::NotFound
        );
        assert_eq!(
            store(&Request::Post(Lang::En, "../x".into()), "{}").unwrap_err(),
            ContentError::NotFound
        );
    }

    #[test]
    fn parse_tells_damaged_from_wrongly_shaped_documents() {
        for (text, want) in [
            ("{\"lang\":\"en\"}", "unexpected shape"),
            ("{\"lang\":\"en\",\"tags\"", "not JSON"),
            ("<!doctype html>", "not JSON"),
            ("{\"lang\":\"xx\",\"tags\":[]}", "unexpected shape"),
        ] {
            assert_eq!(
                parse::<TagIndex>(text).unwrap_err(),
                ContentError::Format(want),
                "{text}"
            );
        }
        let ok = parse::<TagIndex>("{\"lang\":\"ru\",\"tags\":[]}").unwrap();
        assert_eq!(ok.lang, Lang::Ru);
    }
}
