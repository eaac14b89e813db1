//! One file per screen. A page reads its route, asks for its documents through
//! `loader` and hands them to components.

mod article;
mod home;
mod not_found;
mod root_redirect;
mod tag;
mod tags;

pub use article::ArticlePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use root_redirect::RootRedirect;
pub use tag::TagPage;
pub use tags::TagsPage;
