//! The data layer: the only place that knows where content comes from.
//!
//! * fetched (default): documents are requested from `content/…` relative to the
//!   document's base URL, so the site also works under a sub-path.
//! * bundled (`BLOG_CONTENT=bundled` at build time): every document is compiled into
//!   the wasm and no content request is made.
//!
//! Either way a document is parsed once and kept for the rest of the visit.

use model::{paths, Lang, Post, SearchIndex, SiteIndex};
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
    /// The body is not the expected document; says what was wrong.
    #[error("malformed document: {0}")]
    Format(&'static str),
}

/// A document the app can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The article index of a language.
    Index(Lang),
    /// One article of a language, by slug.
    Post(Lang, String),
    /// The search index of a language.
    Search(Lang),
    /// The plain texts of a language's articles, for search snippets.
    SearchTexts(Lang),
}

/// A loaded document.
///
/// Every view loads through the one [`load`] function and this one type, so the
/// async machinery behind a resource is compiled once rather than per view.
#[derive(Debug, Clone)]
pub enum Document {
    /// The article index, newest first.
    Index(Rc<SiteIndex>),
    /// One article.
    Post(Rc<Post>),
    /// A search index.
    Search(Rc<SearchIndex>),
    /// Article texts for search snippets, in search index order.
    SearchTexts(Rc<Vec<String>>),
}

impl Document {
    /// The index, or a format error if another kind of document arrived.
    pub fn into_index(self) -> Result<Rc<SiteIndex>, ContentError> {
        match self {
            Document::Index(index) => Ok(index),
            _ => Err(ContentError::Format("expected an index")),
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

    /// The search texts, or a format error if another kind of document arrived.
    pub fn into_search_texts(self) -> Result<Rc<Vec<String>>, ContentError> {
        match self {
            Document::SearchTexts(texts) => Ok(texts),
            _ => Err(ContentError::Format("expected search texts")),
        }
    }
}

thread_local! {
    /// Documents by content path, kept for the visit.
    static CACHE: RefCell<HashMap<String, Document>> = RefCell::new(HashMap::new());
}

/// Loads the requested document: from the visit's cache, else from the source, then
/// checks that it is the document that was asked for.
pub async fn load(request: Request) -> Result<Document, ContentError> {
    let path = match &request {
        Request::Index(lang) => paths::index(*lang),
        // Slugs come from the URL: refuse anything that is not a slug before it
        // becomes part of a request path.
        Request::Post(_, slug) if !model::is_valid_slug(slug) => {
            return Err(ContentError::NotFound)
        }
        Request::Post(lang, slug) => paths::post(*lang, slug),
        Request::Search(lang) => paths::search(*lang),
        Request::SearchTexts(lang) => paths::search_texts(*lang),
    };
    if let Some(doc) = CACHE.with_borrow(|c| c.get(&path).cloned()) {
        return Ok(doc);
    }
    let text = source::read(&path).await?;
    let doc = match &request {
        Request::Index(lang) => {
            let index: SiteIndex = parse(&text)?;
            if index.lang != *lang {
                return Err(ContentError::Format("index of another language"));
            }
            Document::Index(Rc::new(index))
        }
        Request::Post(lang, slug) => {
            let post: Post = parse(&text)?;
            if post.lang != *lang || post.meta.slug != *slug {
                return Err(ContentError::Format("another article or language"));
            }
            Document::Post(Rc::new(post))
        }
        Request::Search(lang) => {
            let index: SearchIndex = parse(&text)?;
            if index.lang != *lang {
                return Err(ContentError::Format("search index of another language"));
            }
            Document::Search(Rc::new(index))
        }
        Request::SearchTexts(_) => Document::SearchTexts(Rc::new(parse(&text)?)),
    };
    CACHE.with_borrow_mut(|c| c.insert(path, doc.clone()));
    Ok(doc)
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

    pub async fn read(path: &str) -> Result<&'static str, ContentError> {
        DOCUMENTS
            .binary_search_by_key(&path, |(p, _)| p)
            .map(|i| DOCUMENTS[i].1)
            .map_err(|_| ContentError::NotFound)
    }
}

#[cfg(not(bundled))]
mod source {
    //! Documents fetched from the same origin with gloo-net.
    use super::ContentError;
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;

    /// Folder of the documents, relative to the page's `<base href>`.
    const ROOT: &str = "content/";

    pub async fn read(path: &str) -> Result<String, ContentError> {
        let abort = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = abort.as_ref().map(|a| a.signal());
        // A reader who navigates away stops waiting for this page's document.
        on_cleanup(move || {
            if let Some(abort) = abort.take() {
                abort.abort();
            }
        });
        let response = gloo_net::http::Request::get(&format!("{ROOT}{path}"))
            .abort_signal(signal.as_ref())
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
    fn parse_tells_damaged_from_wrongly_shaped_documents() {
        for (text, want) in [
            ("{\"lang\":\"en\"}", "unexpected shape"),
            ("{\"lang\":\"en\",\"posts\":[], \"tags\"", "not JSON"),
            ("<!doctype html>", "not JSON"),
            (
                "{\"lang\":\"xx\",\"posts\":[],\"tags\":[]}",
                "unexpected shape",
            ),
        ] {
            assert_eq!(
                parse::<SiteIndex>(text).unwrap_err(),
                ContentError::Format(want),
                "{text}"
            );
        }
        let ok = parse::<SiteIndex>("{\"lang\":\"ru\",\"posts\":[],\"tags\":[]}").unwrap();
        assert_eq!(ok.lang, Lang::Ru);
    }
}
