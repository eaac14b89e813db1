use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Heading;

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
    let page = routing::post(lang, &slug);
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
        <nav class="toc" aria-labelledby="toc-title">
            <details>
                <summary id="toc-title">{strings(lang).toc_title}</summary>
                <ol>{items}</ol>
            </details>
        </nav>
    }
}

/// Keeps `active` on the id of the section at the top of the viewport.
#[cfg(target_arch = "wasm32")]
fn track_sections(headings: &[Heading], active: RwSignal<String>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let ids: Vec<String> = headings.iter().map(|h| h.id.clone()).collect();
    // The observer fires when a heading crosses the band near the top of the
    // viewport; the last heading above that band is the current section.
    let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
        move |_entries: web_sys::js_sys::Array| {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let mut current = None;
            for id in &ids {
                let Some(el) = doc.get_element_by_id(id) else {
                    continue;
                };
                if el.get_bounding_client_rect().top() <= 120.0 {
                    current = Some(id.clone());
                } else {
                    break;
                }
            }
            active.set(current.unwrap_or_default());
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("0px 0px -70% 0px");
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
    else {
        return;
    };
    let ids: Vec<String> = headings.iter().map(|h| h.id.clone()).collect();
    // Observe once the article body is in the document.
    let observer_for_start = observer.clone();
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for id in &ids {
            if let Some(el) = doc.get_element_by_id(id) {
                observer_for_start.observe(&el);
            }
        }
    });
    let observer = send_wrapper::SendWrapper::new(observer);
    let callback = send_wrapper::SendWrapper::new(callback);
    on_cleanup(move || {
        observer.disconnect();
        drop(callback);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn track_sections(_headings: &[Heading], _active: RwSignal<String>) {}
