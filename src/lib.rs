//! Engineering Insights, the app: routes, views and the data layer.
//!
//! Data flows one way: `content/` → `pipeline` → JSON in `dist/content/` (or
//! compiled in) → [`api`] → [`pages`] → [`components`] → DOM. The site's pages
//! and their URLs are `model::Route`; [`routes`] maps them to views.

pub mod api;
mod app;
pub mod components;
pub mod dom;
pub mod head;
pub mod i18n;
pub mod intent;
pub mod loader;
pub mod pages;
pub mod prefs;
#[cfg(feature = "ssr")]
mod prerender;
pub mod routes;
pub mod routing;
pub mod search;
pub mod takeover;

pub use app::App;
#[cfg(feature = "ssr")]
pub use prerender::{prerender, Prerendered};
pub use routes::{load_documents, views_loaded, ChunkError};
