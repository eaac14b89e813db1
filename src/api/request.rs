//! What the app can ask for, where each document lives, and which documents a
//! page opens with.

use super::ContentError;
use model::{paths, Lang, PageNumber, Route};

/// Folder of the documents in a fetched build, relative to the page's `<base href>`.
pub(super) const ROOT: &str = "content/";

/// A document the app can ask for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Request {
    /// A page of the article index of a language.
    IndexPage(Lang, PageNumber),
    /// A page of the tag list of a language.
    Tags(Lang, PageNumber),
    /// A page of the articles of a language with one tag, by tag slug.
    Tag(Lang, String, PageNumber),
    /// One article of a language, by slug.
    Post(Lang, String),
    /// The search index of a language: where its parts and results are.
    Search(Lang),
    /// A part of a language's search index: its number in the index of one parts version.
    SearchPart(Lang, String, u32),
    /// A search result (title, summary, text): its number in the index of one version.
    SearchDoc(Lang, String, u32),
}

/// The content path of a requested document; slugs come from the URL, so anything
/// that is not one is refused before it becomes part of a
/// request path.
pub(super) fn path_of(request: &Request) -> Result<String, ContentError> {
    Ok(match request {
        Request::IndexPage(lang, n) => paths::index_page(*lang, *n),
        Request::Tags(lang, n) => paths::tags(*lang, *n),
        Request::Tag(_, tag, _) if !model::is_valid_tag(tag) => return Err(ContentError::NotFound),
        Request::Post(_, slug)
        | Request::SearchPart(_, slug, _)
        | Request::SearchDoc(_, slug, _)
            if !model::is_valid_slug(slug) =>
        {
            return Err(ContentError::NotFound)
        }
        Request::Tag(lang, slug, n) => paths::tag(*lang, slug, *n),
        Request::Post(lang, slug) => paths::post(*lang, slug),
        Request::Search(lang) => paths::search(*lang),
        Request::SearchPart(lang, version, n) => paths::search_part(*lang, version, *n),
        Request::SearchDoc(lang, version, n) => paths::search_doc(*lang, version, *n),
    })
}

/// The documents the view of `route` shows before anything else: the
/// prerenderer loads them to render the page and names them in it for the
/// browser to prefetch; the app loads them before it renders a prerendered
/// page's view itself (see `takeover`).
pub fn documents_for(route: &Route) -> Vec<Request> {
    match route {
        Route::Home { lang, page } => vec![Request::IndexPage(*lang, *page)],
        Route::Tags { lang, page } => vec![Request::Tags(*lang, *page)],
        Route::Tag { lang, tag, page } => vec![Request::Tag(*lang, tag.clone(), *page)],
        Route::Article { lang, slug } => vec![Request::Post(*lang, slug.clone())],
        Route::Root | Route::NotFound { .. } => Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_name_the_documents_they_open_with() {
        let page = |n| PageNumber::new(n).unwrap();
        let documents = |path| documents_for(&Route::parse(path).unwrap());
        assert_eq!(documents("/ru/"), [Request::IndexPage(Lang::Ru, page(1))]);
        assert_eq!(
            documents("/ru/page/3"),
            [Request::IndexPage(Lang::Ru, page(3))]
        );
        assert_eq!(documents("/en/tags/"), [Request::Tags(Lang::En, page(1))]);
        assert_eq!(
            documents("/ru/tags/page/2"),
            [Request::Tags(Lang::Ru, page(2))]
        );
        assert_eq!(
            document_url(&Request::Tags(Lang::Ru, page(2))).as_deref(),
            Some("content/ru/tags/page/2.json")
        );
        assert_eq!(
            documents("/en/tags/rag/page/2"),
            [Request::Tag(Lang::En, "rag".into(), page(2))]
        );
        assert_eq!(
            documents("/en/blog/webhooks"),
            [Request::Post(Lang::En, "webhooks".into())]
        );
        assert!(documents("/").is_empty());
        assert!(documents("/en/404").is_empty());
        assert_eq!(
            document_url(&Request::Post(Lang::En, "a-b".into())).as_deref(),
            Some("content/en/posts/a-b.json")
        );
    }
}
