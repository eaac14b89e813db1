//! Engineering Insights, the app: routes, views and the data layer.
//!
//! Data flows one way: `content/` → `pipeline` → JSON in `dist/content/` (or
//! compiled in) → [`api`] → [`pages`] → [`components`] → DOM.

pub mod api;
pub mod components;
pub mod dom;
pub mod head;
pub mod i18n;
pub mod pages;
pub mod prefs;
pub mod routing;
pub mod search;
pub mod takeover;

use components::{SiteFooter, SiteHeader};
use futures::future::LocalBoxFuture;
use i18n::{strings, Locale};
use leptos::prelude::*;
use leptos_router::{
    components::{FlatRoutes, Route, Router},
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
    path,
};
use pages::{ArticlePage, HomePage, NotFoundPage, RootRedirect, TagPage, TagsPage};

/// The whole app: document head, router and the route table.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=routing::BASE>
            <Shell />
        </Router>
    }
}

/// A route rendered on the host, as the prerenderer writes it into an HTML file.
#[cfg(feature = "ssr")]
pub struct Prerendered {
    /// The markup of `<body>`: exactly what the app renders for the route.
    pub body: String,
    /// What the page said about itself (see [`head::head_tags`]).
    pub head: head::Head,
}

/// Renders the view at `path` (a site path without the prefix) on the host with
/// the same components as the browser. Documents the view needs must be in the
/// data layer first ([`api::store`]); a view whose data is missing would render
/// its loading state, so that is refused.
#[cfg(feature = "ssr")]
pub fn prerender(path: &str) -> Result<Prerendered, String> {
    use leptos_router::location::RequestUrl;
    let missing: Vec<_> = api::documents_for(path)
        .into_iter()
        .filter(|r| api::cached(r).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(format!("{path}: documents not loaded: {missing:?}"));
    }
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}{path}", routing::BASE)));
        view! { <App /> }.to_html()
    });
    let head = head::take_rendered().ok_or_else(|| format!("{path}: the view set no head"))?;
    Ok(Prerendered { body, head })
}

/// Moves focus to the main content. Handled here because `<base href>` would turn
/// the plain `#main` link into a navigation to the site root.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    #[cfg(target_arch = "wasm32")]
    if let Some(main) = dom::html_element("main") {
        let _ = main.focus();
    }
}

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
        // Pages under `/:lang` render the 404 view themselves when the segment
        // is not a supported language.
        <FlatRoutes fallback=NotFoundPage>
            <Route path=path!("/") view=RootRedirect />
            <Route path=path!("/:lang") view=HomePage />
            <Route path=path!("/:lang/page/:page") view=HomePage />
            <Route path=path!("/:lang/blog/:slug") view=ArticlePage />
            <Route path=path!("/:lang/tags") view=TagsPage />
            <Route path=path!("/:lang/tags/:tag") view=TagPage />
            <Route path=path!("/:lang/tags/:tag/page/:page") view=TagPage />
        </FlatRoutes>
    }
    .into_any())
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
        for request in api::documents_for(routing::site_path(&path)) {
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
fn routes() -> impl IntoView {
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

/// The frame of every view. It derives the app-wide language from the URL, so it
/// lives inside the router.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    // URLs without a language (`/`, unknown paths) speak the reader's language.
    let preferred = prefs::preferred_lang();
    let route_lang = Memo::new(move |_| routing::lang_of_path(&location.pathname.get()));
    let lang = Memo::new(move |_| route_lang.get().unwrap_or(preferred));
    provide_context(Locale { lang, route_lang });
    Effect::new(move || head::set_lang(lang.get()));
    // A prerendered page's view is adopted as it is (see `takeover`): no view is
    // rendered until the first navigation to another page, which puts the app's
    // `<main>` in place of the adopted one once the views' code is at hand.
    let adopting = RwSignal::new(takeover::adopting());
    let main_ref = NodeRef::<leptos::html::Main>::new();
    if adopting.get_untracked() {
        let adopted_path = location.pathname.get_untracked();
        let releasing = StoredValue::new(false);
        Effect::new(move || {
            let path = location.pathname.get();
            if path == adopted_path || releasing.get_value() {
                return;
            }
            releasing.set_value(true);
            let router = use_context::<BrowserUrl>();
            leptos::task::spawn_local(async move {
                if !views_loaded().await {
                    // Without the views' code, the page is loaded as a page.
                    takeover::load_page(&path);
                    return;
                }
                if let Some(main) = main_ref.get_untracked() {
                    takeover::release(&main);
                }
                adopting.set(false);
                // The router puts a link's URL in the address bar once the routes
                // say its view is ready; the routes start only now, past that
                // moment, so this navigation is completed here.
                if let Some(router) = router {
                    router.ready_to_complete();
                }
            });
        });
    }
    let routes = move || (!adopting.get()).then(routes);
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || strings(lang.get()).skip_to_content}
        </a>
        <SiteHeader />
        <main id="main" tabindex="-1" node_ref=main_ref>
            {routes}
        </main>
        <SiteFooter />
        // Filled with the new page's title after each client-side navigation.
        <div id="route-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
    }
}
