//! The data layer: the only place that knows where content comes from.
//!
//! * fetched (default): documents are requested from `content/…` relative to the
//!   document's base URL, so the site also works under a sub-path.
//! * bundled (`BLOG_CONTENT=bundled` at build time): every document is compiled into
//!   the wasm and no content request is made.
//!
//! Either way a document is parsed once and kept for the rest of the visit.

use model::{paths, Lang, Post, SiteIndex};
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
    /// The request did not complete (offline, DNS, aborted, CORS).
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The body is not a document of the expected shape.
    #[error("malformed document: {0}")]
    Format(String),
}

/// The article index of `lang`, newest first.
pub async fn load_index(lang: Lang) -> Result<Rc<SiteIndex>, ContentError> {
    let index: Rc<SiteIndex> = load(&paths::index(lang)).await?;
    if index.lang != lang {
        return Err(ContentError::Format(format!(
            "index of {:?} served for {lang:?}",
            index.lang
        )));
    }
    Ok(index)
}

/// One article of `lang`.
pub async fn load_post(lang: Lang, slug: &str) -> Result<Rc<Post>, ContentError> {
    // Slugs come from the URL: refuse anything that is not a slug before it becomes
    // part of a request path.
    if !model::is_valid_slug(slug) {
        return Err(ContentError::NotFound);
    }
    let post: Rc<Post> = load(&paths::post(lang, slug)).await?;
    if post.lang != lang || post.meta.slug != slug {
        return Err(ContentError::Format(format!(
            "document for {}/{} served for {}/{slug}",
            post.lang.code(),
            post.meta.slug,
            lang.code()
        )));
    }
    Ok(post)
}

thread_local! {
    /// Parsed documents by content path, kept for the visit.
    static CACHE: RefCell<HashMap<String, Rc<dyn std::any::Any>>> = RefCell::new(HashMap::new());
}

/// Loads and parses the document at `path` (relative to the content root), once.
async fn load<T: DeserializeOwned + 'static>(path: &str) -> Result<Rc<T>, ContentError> {
    let cached = CACHE.with_borrow(|c| c.get(path).cloned());
    if let Some(any) = cached {
        if let Ok(doc) = any.downcast::<T>() {
            return Ok(doc);
        }
    }
    let text = source::read(path).await?;
    let doc: Rc<T> = Rc::new(parse(&text)?);
    CACHE.with_borrow_mut(|c| c.insert(path.to_string(), doc.clone()));
    Ok(doc)
}

/// Parses a document, mapping any failure to [`ContentError::Format`].
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    serde_json::from_str(text).map_err(|e| ContentError::Format(e.to_string()))
}

/// Forgets every cached document (tests start from a clean visit).
pub fn clear_cache() {
    CACHE.with_borrow_mut(HashMap::clear);
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
            .map_err(|e| ContentError::Network(e.to_string()))?;
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
            .map_err(|e| ContentError::Network(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rejects_wrong_shapes() {
        assert!(matches!(
            parse::<SiteIndex>("{\"lang\":\"en\"}"),
            Err(ContentError::Format(_))
        ));
        assert!(matches!(
            parse::<SiteIndex>("{\"lang\":\"en\",\"posts\":[], \"tags\""),
            Err(ContentError::Format(_))
        ));
        assert!(matches!(
            parse::<SiteIndex>("<!doctype html>"),
            Err(ContentError::Format(_))
        ));
        let ok = parse::<SiteIndex>("{\"lang\":\"ru\",\"posts\":[],\"tags\":[]}").unwrap();
        assert_eq!(ok.lang, Lang::Ru);
    }
}
