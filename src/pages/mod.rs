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

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page of a paged list (the index, a tag) the route shows: 1 without a
/// `page` parameter, the number in `…/page/{n}` otherwise, and `None` when that
/// is not a page this list serves (`page/1`, `page/x`), which is the 404 view.
fn use_page_number() -> Memo<Option<u32>> {
    let params = use_params_map();
    Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(n) => crate::routing::later_page(&n),
    })
}
