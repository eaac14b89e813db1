//! Engineering Insights, the app: routes, views and the data layer.
//!
//! Data flows one way: `content/` → `pipeline` → JSON in `dist/content/` (or
//! compiled in) → [`api`] → [`pages`] → [`components`] → DOM.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod prefs;
pub mod routing;

use components::{SiteFooter, SiteHeader};
use i18n::{strings, Locale};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    hooks::use_location,
    path,
};
use pages::{ArticlePage, HomePage, LangScope, NotFoundPage, RootRedirect};

/// The whole app: document head, router and the route table.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// The frame of every view. It derives the app-wide language from the URL, so it
/// lives inside the router.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    // URLs without a language (`/`, unknown paths) speak the reader's language.
    let preferred = prefs::preferred_lang();
    let lang =
        Memo::new(move |_| routing::lang_of_path(&location.pathname.get()).unwrap_or(preferred));
    provide_context(Locale(lang));
    let site_name = move || strings(lang.get()).site_name;
    let formatter = move |text: String| {
        if text == site_name() {
            text
        } else {
            format!("{text} — {}", site_name())
        }
    };
    view! {
        <Html {..} lang=move || lang.get().code() />
        <Title formatter />
        <a class="skip-link" href="#main">{move || strings(lang.get()).skip_to_content}</a>
        <SiteHeader />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=RootRedirect />
                <ParentRoute path=path!("/:lang") view=LangScope>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("blog/:slug") view=ArticlePage />
                </ParentRoute>
            </Routes>
        </main>
        <SiteFooter />
    }
}
