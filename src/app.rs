//! The app: the router and the frame every view shares.

use crate::components::{SiteFooter, SiteHeader};
use crate::head::{self, Announcement};
use crate::i18n::{strings, Locale};
use crate::routes::{routes, views_loaded};
use crate::{prefs, routing, takeover};
use leptos::prelude::*;
use leptos_router::{
    components::Router,
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
};

/// The whole app: document head, router and the route table.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=routing::BASE>
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
    provide_context(Locale { lang });
    // A link's page is fetched when the reader shows they will follow it, from
    // the first idle moment (the views' code, which has the watching, is
    // fetched then too: see `takeover`).
    #[cfg(target_arch = "wasm32")]
    {
        let pathname = Memo::new(move |_| location.pathname.get());
        let owner = Owner::current().unwrap_or_default();
        leptos::task::spawn_local(async move {
            crate::dom::next_idle().await;
            crate::intent::watch(pathname, owner).await;
        });
    }
    Effect::new(move || head::set_lang(lang.get()));
    // A prerendered page's view is adopted as it is (see `takeover`): no view is
    // rendered until the first navigation to another page, which puts the app's
    // `<main>` in place of the adopted one once the views' code is at hand.
    // A view rendered anew (not adopted) comes in a task of its own after the
    // frame's (see `takeover::later`), in the browser.
    let adopted = takeover::adopting();
    // Whether the route table's views are held back: while the adopted view is
    // on screen, and in the browser until the frame's task has run.
    let views_held_back = RwSignal::new(adopted || cfg!(target_arch = "wasm32"));
    let main_ref = NodeRef::<leptos::html::Main>::new();
    #[cfg(target_arch = "wasm32")]
    if !adopted {
        leptos::task::spawn_local(async move {
            crate::dom::next_task().await;
            views_held_back.set(false);
        });
    }
    if adopted {
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
                views_held_back.set(false);
                // The router puts a link's URL in the address bar once the routes
                // say its view is ready; the routes start only now, past that
                // moment, so this navigation is completed here.
                if let Some(router) = router {
                    router.ready_to_complete();
                }
            });
        });
    }
    let routes = move || (!views_held_back.get()).then(routes);
    // After a client-side navigation, focus moves to the new page's heading and
    // its title is announced (see `Announcement`). The heading is mounted by
    // the next frame.
    let announced = RwSignal::new(String::new());
    provide_context(Announcement(announced));
    Effect::new(move || {
        if !announced.with(String::is_empty) {
            request_animation_frame(move || focus_heading(main_ref));
        }
    });
    // Filled with the new page's title after each client-side navigation, so not
    // in a prerendered page (the app puts its frame, with it, in place of the
    // prerendered one): every byte of a page counts (see `prerender/`).
    #[cfg(not(feature = "ssr"))]
    let announcer = view! {
        <div id="route-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announced.get()}
        </div>
    };
    #[cfg(feature = "ssr")]
    let announcer = ();
    // The header: in the browser rendered in a task of its own after the rest
    // of the frame (see `takeover::later`); on the host (prerendering) in place.
    #[cfg(target_arch = "wasm32")]
    let header = takeover::later(main_ref, SiteHeader);
    #[cfg(not(target_arch = "wasm32"))]
    let header = SiteHeader();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || strings(lang.get()).skip_to_content}
        </a>
        {header}
        <main id="main" tabindex="-1" node_ref=main_ref>
            {routes}
        </main>
        <SiteFooter />
        {announcer}
    }
}

/// Moves focus to the heading of the page in `main` (without scrolling).
fn focus_heading(main: NodeRef<leptos::html::Main>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(heading) = main
        .get_untracked()
        .and_then(|main| main.query_selector("h1").ok().flatten())
    {
        use wasm_bindgen::JsCast;
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = main;
}

/// The skip link's click: focus moves to the main content. Handled here because
/// `<base href>` would turn the plain `#main` link into a navigation to the
/// site root. The `<main>` on screen is found by its id, not through the shell's
/// `NodeRef`: until the first navigation it is the prerendered one the app
/// adopted (see `takeover`), and the shell's own is not in the document.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    #[cfg(target_arch = "wasm32")]
    if let Some(main) = leptos::prelude::document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
