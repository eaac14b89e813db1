//! What loading gives back: a document of one of the kinds the app reads, or why
//! there is none.

use model::{IndexPage, Post, SearchDoc, SearchIndex, SearchPart, TagIndex, TaggedPosts};
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

/// A loaded document.
///
/// Every view loads through the one [`super::load`] function and this one type,
/// so the async machinery behind a resource is compiled once rather than per
/// view; [`Loaded`] gives each kind back as its own type.
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
    /// A part of a search index.
    SearchPart(Rc<SearchPart>),
    /// A search result.
    SearchDoc(Rc<SearchDoc>),
}

/// A kind of document, as the views and search read it: what [`super::load`]
/// and [`super::cached`] give back is converted with [`Loaded::from_document`],
/// a format error if another kind arrived.
pub trait Loaded: Sized + 'static {
    /// The document as this kind, if it is one.
    fn from_document(document: Document) -> Result<Rc<Self>, ContentError>;
}

macro_rules! loaded {
    ($($variant:ident => $kind:ty, $expected:literal;)*) => {$(
        impl Loaded for $kind {
            fn from_document(document: Document) -> Result<Rc<Self>, ContentError> {
                match document {
                    Document::$variant(doc) => Ok(doc),
                    _ => Err(ContentError::Format(concat!("expected ", $expected))),
                }
            }
        }
    )*};
}

loaded! {
    IndexPage => IndexPage, "an index page";
    Tags => TagIndex, "a tag list";
    Tag => TaggedPosts, "a tag's articles";
    Post => Post, "an article";
    Search => SearchIndex, "a search index";
    SearchPart => SearchPart, "a search index part";
    SearchDoc => SearchDoc, "a search result";
}
