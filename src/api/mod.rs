//! The data layer: the only place that knows where content comes from.
//!
//! * fetched (default): documents are requested from `content/…` relative to the
//!   document's base URL, so the site also works under a sub-path.
//! * bundled (`BLOG_CONTENT=bundled` at build time): every document is compiled into
//!   the wasm and no content request is made.
//!
//! Either way a document is parsed once and kept for the rest of the visit.
//!
//! The newsletter's endpoint is here too: the data layer is everything the app
//! sends to or reads from a server.

mod cache;
mod document;
mod request;
mod source;
mod subscribe;

pub use cache::{cached, load, load_as, parse, store};
pub use document::{ContentError, Document, Loaded};
pub use request::{document_path, document_url, documents_for, Request};
pub use subscribe::{is_plausible_email, subscribe, subscribe_endpoint, SubscribeError};

/// How long a content request may take, body included, before it is given up
/// as [`ContentError::Timeout`]: generous for a phone on a slow network (the
/// largest document, a search index, is under 100 KB compressed).
pub const TIMEOUT_MS: i32 = 10_000;
