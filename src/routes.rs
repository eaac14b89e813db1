//! The route table, and the wasm chunk it lives in: every view, fetched when the
//! main thread is idle after the takeover (see `takeover`), with the loading of
//! a view's documents.

use crate::loader::lang_param;
use crate::pages::{ArticlePage, HomePage, NotFoundPage, RootRedirect, TagPage, TagsPage};
use crate::{api, routing};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos_router::{
    components::{FlatRoutes, Route},
    hooks::use_params_map,
    path,
};
use model::Route as Page;

/// The route table with every view. In release builds (`split`) a chunk of its
/// own: a prerendered page's view is adopted (see `takeover`), so the first view
/// runs none of this code; it is fetched when the main thread is idle after the
/// takeover, or on the first navigation, whichever comes first. Fallible: a chunk
/// that cannot be fetched (offline without it, or gone after a deploy) makes
/// navigations plain page loads.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        views,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_views)
    )
)]
fn route_table() -> Result<AnyView, ChunkError> {
    Ok(view! {
        // One route per kind of page (`model::Route`); the pages of a language
        // are under one gate that shows the 404 view for an unsupported one.
        <FlatRoutes fallback=NotFoundPage>
            // A paged list's two routes share one view function, so its code is
            // there once.
            <Route path=path!("/") view=RootRedirect />
            <Route path=path!("/:lang") view=home />
            <Route path=path!("/:lang/page/:page") view=home />
            <Route path=path!("/:lang/blog/:slug") view=|| gated(ArticlePage) />
            <Route path=path!("/:lang/tags") view=tags />
            <Route path=path!("/:lang/tags/page/:page") view=tags />
            <Route path=path!("/:lang/tags/:tag") view=tag />
            <Route path=path!("/:lang/tags/:tag/page/:page") view=tag />
        </FlatRoutes>
    }
    .into_any())
}

fn home() -> AnyView {
    gated(HomePage)
}

fn tags() -> AnyView {
    gated(TagsPage)
}

fn tag() -> AnyView {
    gated(TagPage)
}

/// Loads the documents the view at `path` (a path of this site) opens with, for a
/// prerendered page whose view is rendered anew rather than adopted. In the views'
/// chunk with the data layer's parsing, which the first view never runs.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn documents_loader(path: String) -> Result<LocalBoxFuture<'static, ()>, ChunkError> {
    Ok(Box::pin(async move {
        let route = Page::parse(routing::site_path(&path));
        for request in route.iter().flat_map(api::documents_for) {
            // A failure shows in the view.
            let _ = api::load(request).await;
        }
    }))
}

/// [`documents_loader`], from the views' chunk in split builds (false if the chunk
/// could not be fetched).
pub async fn load_documents(path: String) -> bool {
    #[cfg(feature = "split")]
    let loader = documents_loader(path).await;
    #[cfg(not(feature = "split"))]
    let loader = documents_loader(path);
    match loader {
        Ok(load) => {
            load.await;
            true
        }
        Err(_) => false,
    }
}

/// Why a chunk could not be fetched (split builds fetch it; others always have it).
#[cfg(feature = "split")]
pub type ChunkError = leptos::wasm_split::SplitLoaderError;
/// Why a chunk could not be fetched (split builds fetch it; others always have it).
#[cfg(not(feature = "split"))]
pub type ChunkError = std::convert::Infallible;

/// Fetches the views' chunk (once; at once if it is already here): whether the
/// views can now be rendered.
pub async fn views_loaded() -> bool {
    #[cfg(feature = "split")]
    return preload_views().await.is_ok();
    #[cfg(not(feature = "split"))]
    true
}

/// The routes' view. Split builds render it once the views' chunk is here, which
/// is at once when [`views_loaded`] has answered (the Shell waits for it).
pub(crate) fn routes() -> impl IntoView {
    #[cfg(feature = "split")]
    return Suspend::new(async move {
        // Fetched already (see the Shell); a failure shows the page as it is.
        route_table().await.unwrap_or_else(|_| ().into_any())
    });
    #[cfg(not(feature = "split"))]
    match route_table() {
        Ok(view) => view,
        Err(never) => match never {},
    }
}

/// The gate of every page under `/:lang`: the page, or the 404 view when the
/// segment is no language of the site. Not a parent route with an `<Outlet>`:
/// nested routes made the views' chunk 9.9 KB (brotli) larger than flat ones
/// with this gate (measured, see BENCHMARKS.md).
fn gated<V: IntoView + 'static>(page: fn() -> V) -> AnyView {
    let params = use_params_map();
    let known = Memo::new(move |_| params.with(lang_param).is_some());
    (move || {
        if known.get() {
            page().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    })
    .into_any()
}
