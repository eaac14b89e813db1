//! Navigation ready before the click. When a reader shows that they are about to
//! follow a link to a page of the site, the documents its view shows first (see
//! [`api::documents_for`]) are fetched and kept for the visit, so that the click
//! finds them at hand and the new page is painted without waiting for the
//! network. A navigation that comes while they are on their way waits for the
//! same request (see `api::load`).
//!
//! Intent is one of: a pointer pressed on the link (the click follows about
//! 100 ms later), the pointer resting on it for [`HOVER_MS`], keyboard focus on
//! it, or, on a touch screen (no hover, a coarse pointer), the link entering the viewport
//! as the reader scrolls
//! (up to [`VIEWPORT_LINKS`] documents a page, for those not at hand). What is
//! fetched on a guess (all but the pressed pointer) is bounded by [`GUESSES`] a
//! visit, and a reader who
//! asked the browser to save data (`navigator.connection.saveData`) gets no
//! guesses at all: only the pressed pointer's fetch, for the page they open;
//! nor does a browser that knows it is offline.

use crate::api;
use model::Route;

/// How long the pointer rests on a link before its page is fetched: a pointer
/// passing over links on its way elsewhere fetches nothing.
pub const HOVER_MS: i32 = 65;

/// Documents fetched as links enter the viewport on a touch screen, per page.
pub const VIEWPORT_LINKS: usize = 4;

/// Documents fetched on a guess (hover, focus, viewport) in one visit.
pub const GUESSES: usize = 40;

/// What a reader did to a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Pressed a pointer on it: the click is coming.
    Press,
    /// Rested the pointer on it, focused it, or scrolled it into view.
    Guess,
}

/// The documents to fetch for a link to `path` (a site path, without the
/// prefix) from the page at `current`: those of the route's view, unless the
/// link is to the page on screen.
pub fn documents_for_link(path: &str, current: &str) -> Vec<api::Request> {
    if path.trim_end_matches('/') == current.trim_end_matches('/') {
        return Vec::new();
    }
    Route::parse(path)
        .map(|route| api::documents_for(&route))
        .unwrap_or_default()
}

/// Whether an intent of this kind fetches, with `guessed` guesses made so far
/// in the visit and the reader's `save_data` wish.
pub fn allowed(intent: Intent, guessed: usize, save_data: bool) -> bool {
    match intent {
        Intent::Press => true,
        Intent::Guess => !save_data && guessed < GUESSES,
    }
}

/// Starts watching the reader's intent: called once, by the app's frame (under
/// `owner`), with the current path for the viewport's links of each page. The
/// watching is code of the views' chunk (see `routes`), which the navigation
/// it prepares needs anyway: it starts once that chunk is here.
#[cfg(target_arch = "wasm32")]
pub async fn watch(pathname: leptos::prelude::Memo<String>, owner: leptos::prelude::Owner) {
    #[cfg(feature = "split")]
    let _ = watcher(pathname, owner).await;
    #[cfg(not(feature = "split"))]
    let _ = watcher(pathname, owner);
}

#[cfg(target_arch = "wasm32")]
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn watcher(
    pathname: leptos::prelude::Memo<String>,
    owner: leptos::prelude::Owner,
) -> Result<(), crate::ChunkError> {
    owner.with(|| browser::watch(pathname));
    Ok(())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{allowed, documents_for_link, Intent, HOVER_MS, VIEWPORT_LINKS};
    use crate::{api, routing};
    use leptos::prelude::*;
    use std::cell::Cell;
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::js_sys;
    use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

    thread_local! {
        /// Documents fetched on a guess this visit.
        static GUESSED: Cell<usize> = const { Cell::new(0) };
    }

    /// The reader's wish to save data, where the browser tells it.
    fn save_data() -> bool {
        let connection = js_sys::Reflect::get(&window().navigator(), &"connection".into());
        connection
            .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()))
            .is_ok_and(|v| v.is_truthy())
    }

    /// The link of the site that `target` is in, and its path.
    fn site_link(target: Option<web_sys::EventTarget>) -> Option<(Element, String)> {
        let link = target?
            .dyn_into::<Element>()
            .ok()?
            .closest("a[href]")
            .ok()??;
        if link.has_attribute("download")
            || link.get_attribute("target").is_some_and(|t| t != "_self")
        {
            return None;
        }
        let base = document().base_uri().ok()??;
        let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &base).ok()?;
        if url.origin() != window().location().origin().ok()? {
            return None;
        }
        Some((link, url.pathname()))
    }

    /// Fetches what the link to `path` (as the browser has it) opens, if this
    /// intent may; returns how many documents it asked for (none for those at
    /// hand).
    fn fetch(intent: Intent, path: &str) -> usize {
        let current = window().location().pathname().unwrap_or_default();
        let requests: Vec<_> =
            documents_for_link(routing::site_path(path), routing::site_path(&current))
                .into_iter()
                .filter(|r| api::cached(r).is_none())
                .collect();
        // A browser that knows it is offline gets no guesses either.
        let saving = save_data() || !window().navigator().on_line();
        if requests.is_empty() || !allowed(intent, GUESSED.get(), saving) {
            return 0;
        }
        if intent == Intent::Guess {
            GUESSED.set(GUESSED.get() + requests.len());
        }
        // Loaded by the views' chunk, with the data layer's parsing, which the
        // first view never runs (see `routes::load_documents`): an early
        // intent also fetches that chunk, which the navigation needs too. A
        // failed early fetch is forgotten: the navigation, if it comes, asks
        // again and shows the error there.
        let path = path.to_string();
        leptos::task::spawn_local(async move {
            crate::routes::load_documents(path).await;
        });
        requests.len()
    }

    fn listen(kind: &str, handler: impl Fn(web_sys::Event) + 'static) {
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            handler.as_ref().unchecked_ref(),
            &options,
        );
        // Listens for the visit.
        handler.forget();
    }

    pub fn watch(pathname: Memo<String>) {
        listen("pointerdown", |e| {
            if let Some((_, path)) = site_link(e.target()) {
                fetch(Intent::Press, &path);
            }
        });
        listen("focusin", |e| {
            if let Some((_, path)) = site_link(e.target()) {
                fetch(Intent::Guess, &path);
            }
        });
        listen("mouseover", |e| {
            let Some((link, path)) = site_link(e.target()) else {
                return;
            };
            let rested = Closure::once_into_js(move || {
                if link.matches(":hover").unwrap_or(false) {
                    fetch(Intent::Guess, &path);
                }
            });
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                rested.unchecked_ref(),
                HOVER_MS,
            );
        });
        let touch = window()
            .match_media("(hover: none) and (pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if touch {
            watch_viewport(pathname);
        }
    }

    thread_local! {
        /// Whether the reader has scrolled the page on screen.
        static SCROLLED: Cell<bool> = const { Cell::new(false) };
    }

    /// On a touch screen: the first links of each page to enter the viewport
    /// as the reader scrolls. Those in view when the page opens are left: no
    /// reader moved them there, and fetching (and parsing) their documents
    /// then would be work on the main thread right after the page loaded.
    fn watch_viewport(pathname: Memo<String>) {
        // The page's scroll is an event of the document.
        listen("scroll", |_| SCROLLED.set(true));
        let observer = StoredValue::new_local(None::<IntersectionObserver>);
        Effect::new(move || {
            pathname.track();
            SCROLLED.set(false);
            if let Some(old) = observer.get_value() {
                old.disconnect();
            }
            // The new page's view is in place by the next frame.
            request_animation_frame(move || {
                let left = std::rc::Rc::new(Cell::new(VIEWPORT_LINKS));
                let seen = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
                    move |entries: js_sys::Array, observer: IntersectionObserver| {
                        for entry in entries.iter() {
                            let entry: IntersectionObserverEntry = entry.unchecked_into();
                            if !entry.is_intersecting() || left.get() == 0 || !SCROLLED.get() {
                                continue;
                            }
                            let target = entry.target();
                            observer.unobserve(&target);
                            if let Some((_, path)) = site_link(Some(target.into())) {
                                // A link whose page is at hand costs nothing.
                                let asked = fetch(Intent::Guess, &path);
                                left.set(left.get().saturating_sub(asked));
                            }
                        }
                        if left.get() == 0 {
                            observer.disconnect();
                        }
                    },
                );
                let Ok(next) = IntersectionObserver::new(seen.as_ref().unchecked_ref()) else {
                    return;
                };
                seen.forget();
                if let Ok(links) = document().query_selector_all("main a[href]") {
                    for i in 0..links.length() {
                        if let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok())
                        {
                            next.observe(&link);
                        }
                    }
                }
                observer.set_value(Some(next));
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Lang;

    #[test]
    fn a_link_fetches_what_its_view_shows_first_but_not_the_page_on_screen() {
        assert_eq!(
            documents_for_link("/en/blog/a-b", "/en/"),
            vec![api::Request::Post(Lang::En, "a-b".into())]
        );
        assert_eq!(
            documents_for_link("/ru/", "/en/blog/a-b"),
            api::documents_for(&Route::home(Lang::Ru))
        );
        assert!(documents_for_link("/en/blog/a-b", "/en/blog/a-b/").is_empty());
        assert!(documents_for_link("/feed.xml", "/en/").is_empty());
        assert!(documents_for_link("/en/blog/Not A Slug", "/en/").is_empty());
    }

    #[test]
    fn guesses_are_bounded_and_left_out_when_the_reader_saves_data() {
        assert!(allowed(Intent::Guess, 0, false));
        assert!(allowed(Intent::Guess, GUESSES - 1, false));
        assert!(!allowed(Intent::Guess, GUESSES, false));
        assert!(!allowed(Intent::Guess, 0, true));
        assert!(allowed(Intent::Press, GUESSES, true));
    }
}
