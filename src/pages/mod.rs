//! One file per screen. A page reads its route, asks the data layer for documents
//! and hands them to components.

mod article;
mod document;
mod home;
mod not_found;
mod root_redirect;
mod tag;
mod tags;

pub use article::ArticlePage;
pub use document::{with_document, with_post};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use root_redirect::RootRedirect;
pub use tag::TagPage;
pub use tags::TagsPage;
