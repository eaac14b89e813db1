use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Heading;
use model::Route;

/// The article's table of contents: sections and subsections, linked. Beside the
/// article and always shown on wide screens, collapsed above it on narrow ones (the
/// stylesheet decides, so the markup does not depend on the screen); the section
/// being read is marked while scrolling.
#[component]
pub fn Toc(
    /// The article's `##`/`###` headings.
    headings: Vec<Heading>,
    /// Language of the article.
    lang: Lang,
    /// The article's slug, for the links.
    slug: String,
) -> impl IntoView {
    let active = RwSignal::new(String::new());
    track_sections(&headings, active);
    let page = routing::href(&Route::article(lang, &slug));
    let items = headings
        .into_iter()
        .map(|h| {
            let id = h.id.clone();
            let current = move || (active.get() == id).then_some("location");
            view! {
                <li class=format!("toc__l{}", h.level)>
                    <a href=format!("{page}#{}", h.id) aria-current=current>{h.text}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-labelledby="toc-title" lang=lang.code()>
            <details>
                <summary id="toc-title">{strings(lang).toc_title}</summary>
                <ol>{items}</ol>
            </details>
        </nav>
    }
}

/// Keeps `active` on the id of the section at the top of the viewport, for as
/// long as the component lives.
#[cfg(target_arch = "wasm32")]
fn track_sections(headings: &[Heading], active: RwSignal<String>) {
    let ids: Vec<String> = headings.iter().map(|h| h.id.clone()).collect();
    // Observe once the article body is in the document; the tracker (and its
    // callback) lives until the component is cleaned up.
    let tracker = std::rc::Rc::new(std::cell::RefCell::new(None));
    let slot = tracker.clone();
    request_animation_frame(move || {
        *slot.borrow_mut() = SectionTracker::start(ids, move |id| active.set(id));
    });
    let tracker = send_wrapper::SendWrapper::new(tracker);
    on_cleanup(move || drop(tracker.take()));
}

#[cfg(not(target_arch = "wasm32"))]
fn track_sections(_headings: &[Heading], _active: RwSignal<String>) {}

/// Reports the id of the section being read (the last heading above a band near
/// the top of the viewport; empty above the first) whenever it may have changed.
/// Serves the table of contents the app renders and the one of a prerendered
/// page it has not re-rendered (`takeover`). Stops when dropped.
#[cfg(target_arch = "wasm32")]
pub struct SectionTracker {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::js_sys::Array)>,
}

#[cfg(target_arch = "wasm32")]
impl SectionTracker {
    /// Starts observing the headings with these ids, which must be in the
    /// document; `None` if the browser has no IntersectionObserver.
    pub fn start(ids: Vec<String>, mut on_change: impl FnMut(String) + 'static) -> Option<Self> {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        let doc = web_sys::window()?.document()?;
        let headings: Vec<web_sys::Element> = ids
            .iter()
            .filter_map(|id| doc.get_element_by_id(id))
            .collect();
        let watched = headings.clone();
        // The observer fires when a heading crosses the band near the top of the
        // viewport; the last heading above that band is the current section.
        let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
            move |_entries: web_sys::js_sys::Array| {
                let current = watched
                    .iter()
                    .take_while(|el| el.get_bounding_client_rect().top() <= 120.0)
                    .last()
                    .map(|el| el.id())
                    .unwrap_or_default();
                on_change(current);
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("0px 0px -70% 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &init,
        )
        .ok()?;
        for heading in &headings {
            observer.observe(heading);
        }
        Some(SectionTracker {
            observer,
            _callback: callback,
        })
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for SectionTracker {
    fn drop(&mut self) {
        // Disconnected first, so the observer never calls the dropped callback.
        self.observer.disconnect();
    }
}
