//! One file per screen. A page reads its route, asks the data layer for documents
//! and hands them to components.

mod article;
mod home;
mod not_found;
mod root_redirect;

pub use article::ArticlePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use root_redirect::RootRedirect;
