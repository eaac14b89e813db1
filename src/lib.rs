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
use i18n::{strings, Locale};
use leptos::prelude::*;
use leptos_router::{
    components::{FlatRoutes, Route, Router},
    hooks::use_location,
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

/// A route's view, rendered only once the prerendered view is no longer adopted
/// (at once on a page that was not prerendered).
fn unless_adopted<V: IntoView + 'static>(
    adopting: RwSignal<bool>,
    view: fn() -> V,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || (move || (!adopting.get()).then(view)).into_any()
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
    // A prerendered page's view is adopted as it is (see `takeover`): the routes
    // render nothing until the first navigation to another page, which puts the
    // app's `<main>` in place of the adopted one. The router itself runs from the
    // start, as it completes navigations (the address bar) for its views.
    let adopting = RwSignal::new(takeover::adopting());
    let main_ref = NodeRef::<leptos::html::Main>::new();
    if adopting.get_untracked() {
        let adopted_path = location.pathname.get_untracked();
        Effect::new(move || {
            if location.pathname.get() != adopted_path && adopting.get_untracked() {
                if let Some(main) = main_ref.get_untracked() {
                    takeover::release(&main);
                }
                adopting.set(false);
            }
        });
    }
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || strings(lang.get()).skip_to_content}
        </a>
        <SiteHeader />
        <main id="main" tabindex="-1" node_ref=main_ref>
            // Pages under `/:lang` render the 404 view themselves when the segment
            // is not a supported language.
            <FlatRoutes fallback=unless_adopted(adopting, NotFoundPage)>
                <Route path=path!("/") view=unless_adopted(adopting, RootRedirect) />
                <Route path=path!("/:lang") view=unless_adopted(adopting, HomePage) />
                <Route path=path!("/:lang/page/:page") view=unless_adopted(adopting, HomePage) />
                <Route path=path!("/:lang/blog/:slug") view=unless_adopted(adopting, ArticlePage) />
                <Route path=path!("/:lang/tags") view=unless_adopted(adopting, TagsPage) />
                <Route path=path!("/:lang/tags/:tag") view=unless_adopted(adopting, TagPage) />
                <Route path=path!("/:lang/tags/:tag/page/:page") view=unless_adopted(adopting, TagPage) />
            </FlatRoutes>
        </main>
        <SiteFooter />
        // Filled with the new page's title after each client-side navigation.
        <div id="route-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
    }
}
