//! Documents kept for the visit: each parsed once, checked to be the one asked
//! for, and read from here before any request is made.

use super::request::path_of;
use super::{source, ContentError, Document, Loaded, Request};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use model::{IndexPage, Post, SearchIndex, TagIndex, TaggedPosts};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    /// Documents by content path, kept for the visit.
    static CACHE: RefCell<HashMap<String, Document>> = RefCell::new(HashMap::new());
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
        Request::Tags(lang, n) => {
            let tags: TagIndex = parse(text)?;
            if tags.lang != *lang || tags.page != *n || tags.page > tags.pages {
                return Err(ContentError::Format("another tag list page or language"));
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
        Request::SearchPart(..) => Document::SearchPart(Rc::new(parse(text)?)),
        Request::SearchDoc(..) => Document::SearchDoc(Rc::new(parse(text)?)),
    };
    CACHE.with_borrow_mut(|c| c.insert(path, doc.clone()));
    Ok(doc)
}

/// A document on its way, which every caller that asks for it meanwhile awaits.
type Pending = Shared<LocalBoxFuture<'static, Result<Document, ContentError>>>;

thread_local! {
    /// Documents on their way, by content path: a navigation that follows an
    /// intent's early fetch (see `intent`) waits for that request, not a second.
    static PENDING: RefCell<HashMap<String, Pending>> = RefCell::new(HashMap::new());
}

/// Loads the requested document: at hand ([`cached`]), else from the source,
/// with one request however many callers ask for it while it is on its way. A
/// failed request is forgotten, so the next call (a retry) makes a new one.
pub async fn load(request: Request) -> Result<Document, ContentError> {
    if let Some(doc) = cached(&request) {
        return Ok(doc);
    }
    let path = path_of(&request)?;
    let pending = PENDING.with_borrow_mut(|pending| {
        pending
            .entry(path.clone())
            .or_insert_with(|| {
                async move {
                    let result = match source::read(&path).await {
                        Ok(text) => store(&request, &text),
                        Err(e) => Err(e),
                    };
                    PENDING.with_borrow_mut(|pending| pending.remove(&path));
                    result
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    pending.await
}

/// [`load`], as the kind of document the caller reads.
pub async fn load_as<T: Loaded>(request: Request) -> Result<Rc<T>, ContentError> {
    load(request).await.and_then(T::from_document)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::document_url;
    use model::{Lang, PageNumber};

    #[test]
    fn stored_documents_must_be_the_ones_asked_for() {
        let page = |n| PageNumber::new(n).unwrap();
        let index = r#"{"lang":"ru","page":2,"pages":3,"total":45,"posts":[]}"#;
        assert!(store(&Request::IndexPage(Lang::En, page(2)), index).is_err());
        assert!(store(&Request::IndexPage(Lang::Ru, page(3)), index).is_err());
        assert!(cached(&Request::IndexPage(Lang::Ru, page(2))).is_none());
        store(&Request::IndexPage(Lang::Ru, page(2)), index).unwrap();
        assert!(cached(&Request::IndexPage(Lang::Ru, page(2))).is_some());
        let past = r#"{"lang":"ru","page":4,"pages":3,"total":45,"posts":[]}"#;
        assert!(store(&Request::IndexPage(Lang::Ru, page(4)), past).is_err());
        let tags = r#"{"lang":"ru","page":2,"pages":2,"tags":[]}"#;
        assert!(store(&Request::Tags(Lang::En, page(2)), tags).is_err());
        assert!(store(&Request::Tags(Lang::Ru, page(1)), tags).is_err());
        store(&Request::Tags(Lang::Ru, page(2)), tags).unwrap();
        let tag = r#"{"lang":"en","tag":{"slug":"rag","name":"RAG","count":21},
            "page":2,"pages":2,"total":21,"posts":[]}"#;
        assert!(store(&Request::Tag(Lang::En, "llm".into(), page(2)), tag).is_err());
        assert!(store(&Request::Tag(Lang::En, "rag".into(), page(1)), tag).is_err());
        store(&Request::Tag(Lang::En, "rag".into(), page(2)), tag).unwrap();
        assert_eq!(
            store(&Request::Tag(Lang::En, "Bad Tag".into(), page(1)), tag).unwrap_err(),
            ContentError::NotFound
        );
        let doc = Request::SearchDoc(Lang::En, "0a1b".into(), 7);
        assert_eq!(
            document_url(&doc).as_deref(),
            Some("content/en/search/0a1b/7.json")
        );
        assert!(
            store(&doc, "\"Plain text.\"").is_err(),
            "a result is an object"
        );
        let result = r#"{"slug":"a-b","title":"A","summary":"B","text":"C"}"#;
        assert!(store(&doc, result).is_ok());
        assert_eq!(
            store(&Request::SearchDoc(Lang::En, "../x".into(), 0), result).unwrap_err(),
            ContentError::NotFound
        );
        let part = Request::SearchPart(Lang::Ru, "2c3d".into(), 4);
        assert_eq!(
            document_url(&part).as_deref(),
            Some("content/ru/search/2c3d/4.json")
        );
        assert!(store(&part, r#"{"forms":[],"stems":[{}]}"#).is_err());
        assert!(store(&part, r#"{"forms":[["a",0]],"stems":[[0,"01",[]]]}"#).is_ok());
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
        let ok = parse::<TagIndex>("{\"lang\":\"ru\",\"page\":1,\"pages\":1,\"tags\":[]}").unwrap();
        assert_eq!(ok.lang, Lang::Ru);
    }
}
