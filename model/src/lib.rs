//! The data contract between the build-time content pipeline and the app.
//!
//! The pipeline serialises these types to JSON (`dist/content/...`); the app
//! deserialises the same types, either fetched at run time or bundled into the wasm.
//! Keeping them in one crate means the two sides cannot drift apart; so does
//! everything else both sides must agree on: the site's pages and their URLs
//! ([`Route`]), page numbers, content paths, search words and the site URL.

mod documents;
mod ids;
mod lang;
mod page;
pub mod paths;
mod route;
mod search;
mod site_url;

#[cfg(feature = "sources")]
pub mod locales;
#[cfg(feature = "sources")]
pub mod site_toml;

pub use documents::{
    Heading, IndexPage, Outdated, Post, PostLink, PostMeta, SiteIndex, SitePage, Tag, TagCount,
    TagIndex, TaggedPosts,
};
pub use ids::{is_app_id, APP_ELEMENT_IDS, APP_ELEMENT_ID_PREFIXES};
pub use lang::Lang;
pub use page::{PageNumber, PAGE_SIZE, TAG_PAGE_SIZE};
pub use route::{is_valid_slug, is_valid_tag, lang_segment, switch_lang, Route, RESERVED_TAG};
pub use search::{fold, postings, search_words, SearchDoc, SearchIndex, SearchPart, SearchStem};
pub use site_url::SiteUrl;
