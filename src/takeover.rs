//! How the app takes a prerendered page over without redoing it.
//!
//! A released page arrives prerendered (see `prerender/`): it already shows the
//! view of its URL, and the reader may be reading, scrolling or typing in it.
//! The app renders its frame (skip link, header with search, language and theme
//! controls, footer, route announcer) and puts it in place of the prerendered
//! frame: a small part of the page, and what the reader typed into the search
//! field carries over with its focus and caret. Each step is a task of its own,
//! none long enough to keep the page from answering input (about 50 ms at
//! Lighthouse's mobile CPU setting): adopting the view, rendering the frame
//! without its header, the header ([`later`]), a view rendered anew (see the
//! `Shell`), putting the frame on screen.
//!
//! The prerendered `<main>`, the view itself and nearly all of the page's layout,
//! is *adopted*: it stays on screen as it is, untouched, so taking it over costs
//! no rendering and no layout. Its interactive parts (the code blocks' copy
//! buttons, the table of contents marking the section being read) are attached
//! to it here, with the same code the app's views use. On the first client-side
//! navigation to another page, [`release`] puts the app's own `<main>` in its
//! place and the app renders the new view there, as it does from then on.
//!
//! A view that cannot be adopted is rendered by the app whole, once the views'
//! code and its documents are at hand, and swapped in at once: one whose state
//! lives in the app (a form: the newsletter's), a 404 page, and a page the service
//! worker answered with for another URL (see `browser::adoptable_main`).

#[cfg(target_arch = "wasm32")]
use leptos::prelude::AnyView;

/// Whether the app starts with an adopted `<main>`: the Shell then renders no
/// view until the first navigation (see [`release`]). Never on the host.
pub fn adopting() -> bool {
    #[cfg(target_arch = "wasm32")]
    return browser::ADOPTED.with_borrow(Option::is_some);
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Puts the app's `<main>` (rendered but not yet in the document) in place of
/// the adopted one and stops what was attached to the adopted one. Called once,
/// on the first navigation away from the prerendered page.
pub fn release(app_main: &web_sys::HtmlElement) {
    #[cfg(target_arch = "wasm32")]
    if let Some(adopted) = browser::ADOPTED.take() {
        let _ = adopted.main.replace_with_with_node_1(app_main);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = app_main;
}

/// Takes over the prerendered page in `body`: renders the app, puts its frame in
/// place of the prerendered one and adopts the prerendered view (or, for a view
/// that cannot be adopted, swaps the app's whole page in).
///
/// The views' code (a chunk of its own, see [`crate::routes::views_loaded`]) and the
/// view's documents are loaded first when the view cannot be adopted, else
/// afterwards, once the main thread is idle, so that the first navigation finds
/// them at hand.
#[cfg(target_arch = "wasm32")]
pub async fn take_over(body: &web_sys::HtmlElement, app: impl FnOnce() -> AnyView + 'static) {
    let path = leptos::prelude::location().pathname().unwrap_or_default();
    let main = browser::adoptable_main(body);
    let adopted = main.is_some();
    if let Some(main) = &main {
        crate::head::mark_shown();
        browser::adopt(main);
    } else if !crate::load_documents(path.clone()).await {
        // The view is rendered anew, complete: the views' code and its documents
        // first (the page had the browser prefetch them; a failed document shows
        // in the view). Without the views' code the page stays as it is.
        return;
    }
    // Each step of the takeover is a task of its own (see `later`): this one
    // adopted the view, or instantiated the views' code.
    crate::dom::next_task().await;
    let Some(frame) = browser::render(app) else {
        return;
    };
    // The header's task (see `later`) is asked for once the render's microtasks
    // run: it comes before the second of these.
    crate::dom::next_task().await;
    crate::dom::next_task().await;
    browser::place(body, main, &frame);
    if adopted {
        // Once idle: the views, and the documents of the adopted view, so that
        // coming back to it (history) renders it at once, where the browser
        // restores the reader's scroll position.
        crate::dom::next_idle().await;
        crate::load_documents(path).await;
    }
}

/// Renders `part` of the app's frame (the header) in a task of its own after
/// the rest of the frame, under the current owner, before the shell's
/// `<main>`. Rendering the frame in one task kept the page from answering
/// input for the sum of its parts (Lighthouse's total blocking time), most of
/// it the browser compiling the wasm functions each part runs for the first
/// time. [`take_over`] puts the frame on screen in the task after it.
#[cfg(target_arch = "wasm32")]
pub fn later<V: leptos::prelude::IntoView + 'static>(
    main: leptos::prelude::NodeRef<leptos::html::Main>,
    part: fn() -> V,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    use leptos::tachys::view::{Mountable, Render};
    let owner = Owner::current();
    wasm_bindgen_futures::spawn_local(async move {
        crate::dom::next_task().await;
        if let (Some(owner), Some(main)) = (owner, main.get_untracked()) {
            if let Some(parent) = main.parent_element() {
                // The frame lives as long as the app: its state is never dropped.
                let mut state = owner.with(|| part().into_view().build());
                state.mount(&parent, Some(&main));
                std::mem::forget(state);
            }
        }
    });
}

/// Loads `path` (a path of this site) as a page: what a navigation does when
/// the views' code cannot be fetched.
pub fn load_page(path: &str) {
    #[cfg(target_arch = "wasm32")]
    let _ = leptos::prelude::location().assign(path);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = path;
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::components::code_copy;
    use crate::components::toc::SectionTracker;
    use crate::routing;
    use leptos::prelude::*;
    use model::Lang;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement, Node};

    /// The prerendered `<main>` the app has adopted, with what is attached to it.
    pub(super) struct Adopted {
        pub main: Element,
        _copy_buttons: Closure<dyn FnMut(web_sys::MouseEvent)>,
        _sections: Option<SectionTracker>,
    }

    thread_local! {
        pub(super) static ADOPTED: RefCell<Option<Adopted>> = const { RefCell::new(None) };
    }

    /// The element children of `parent` (text and comments left out).
    fn children(parent: &Node) -> Vec<Node> {
        let list = parent.child_nodes();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }

    /// The prerendered `<main>` if its view can be adopted: the view of this URL
    /// (not a page the service worker answered with for another one, offline),
    /// and not one whose state lives in the app (a form).
    pub(super) fn adoptable_main(body: &HtmlElement) -> Option<Element> {
        if !rendered_for_this_url() {
            return None;
        }
        body.query_selector(":scope > main")
            .ok()
            .flatten()
            .filter(|main| main.query_selector("form").ok().flatten().is_none())
    }

    /// Whether the page was prerendered for the URL it is shown at: its canonical
    /// URL has the same path. The 404 pages have none, and are rendered anew.
    fn rendered_for_this_url() -> bool {
        let canonical = document()
            .query_selector("link[rel='canonical']")
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"));
        let Some(canonical) = canonical else {
            return false;
        };
        // Both are the page's site path: after the site URL the canonical URL
        // was built from, and after the site's prefix in the address bar.
        let path = canonical.strip_prefix(routing::SITE_URL);
        location()
            .pathname()
            .is_ok_and(|here| path == Some(routing::site_path(&here)))
    }

    /// Renders the app apart from the document, where creating nodes costs no
    /// layout: the frame's header follows in a task of its own (see
    /// `super::later`).
    pub(super) fn render(app: impl FnOnce() -> AnyView + 'static) -> Option<HtmlElement> {
        let container: HtmlElement = document().create_element("div").ok()?.unchecked_into();
        leptos::mount::mount_to(container.clone(), app).forget();
        Some(container)
    }

    /// Puts the app's frame, rendered in `frame` ([`render`]), in place of the
    /// prerendered one around the adopted `main`, or the app's whole page in
    /// place of the prerendered one; what the reader typed into the search field
    /// meanwhile carries over.
    pub(super) fn place(body: &HtmlElement, main: Option<Element>, frame: &HtmlElement) {
        let prerendered = children(body);
        let search = SearchField::read();
        let rendered = children(frame);
        match &main {
            Some(main) => {
                // The app's frame around the adopted view; the app's `<main>`
                // waits outside the document (see `release`).
                let app_main = frame.query_selector(":scope > main").ok().flatten();
                let after = main.next_sibling();
                let mut before_main = true;
                for node in rendered {
                    if app_main
                        .as_ref()
                        .is_some_and(|m| m.is_same_node(Some(&node)))
                    {
                        before_main = false;
                    } else if before_main {
                        let _ = body.insert_before(&node, Some(main));
                    } else {
                        let _ = body.insert_before(&node, after.as_ref());
                    }
                }
            }
            None => {
                for node in rendered {
                    let _ = body.append_child(&node);
                }
            }
        }
        for node in prerendered {
            let adopted = main.as_ref().is_some_and(|m| m.is_same_node(Some(&node)));
            // The links that prefetch the page's documents stay: a prefetch may
            // still be on its way.
            let prefetch = node
                .dyn_ref::<Element>()
                .is_some_and(|e| e.has_attribute("data-document"));
            if !adopted && !prefetch {
                let _ = body.remove_child(&node);
            }
        }
        search.restore();
    }

    /// Attaches the prerendered view's interactive parts to it.
    pub(super) fn adopt(main: &Element) {
        // The page's language, as the prerenderer wrote it on `<html lang>`.
        let lang = document()
            .document_element()
            .and_then(|html| Lang::from_code(&html.get_attribute("lang")?))
            .unwrap_or(Lang::ALL[0]);
        let copy_buttons = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev| {
            code_copy::on_body_click(ev, lang);
        });
        let _ =
            main.add_event_listener_with_callback("click", copy_buttons.as_ref().unchecked_ref());
        let links: Vec<Element> = main
            .query_selector_all(".toc a[href*='#']")
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default();
        let ids: Vec<String> = links
            .iter()
            .filter_map(|a| Some(a.get_attribute("href")?.rsplit_once('#')?.1.to_string()))
            .collect();
        let sections = (!ids.is_empty()).then(|| {
            let marked = ids.clone();
            SectionTracker::start(ids, move |current| {
                for (link, id) in links.iter().zip(&marked) {
                    if *id == current {
                        let _ = link.set_attribute("aria-current", "location");
                    } else {
                        let _ = link.remove_attribute("aria-current");
                    }
                }
            })
        });
        ADOPTED.set(Some(Adopted {
            main: main.clone(),
            _copy_buttons: copy_buttons,
            _sections: sections.flatten(),
        }));
    }

    /// What the reader did in the prerendered search field before the app was
    /// ready: the text, whether it had focus, and the caret or selection.
    struct SearchField {
        value: String,
        focused: bool,
        selection: (Option<u32>, Option<u32>),
    }

    /// The search field, found by its id (the header is the app's own markup:
    /// the prerendered field and the app's have the same one).
    fn search_input() -> Option<HtmlInputElement> {
        document()
            .get_element_by_id(crate::components::search_box::INPUT_ID)?
            .dyn_into()
            .ok()
    }

    impl SearchField {
        fn read() -> Self {
            let Some(input) = search_input() else {
                return SearchField {
                    value: String::new(),
                    focused: false,
                    selection: (None, None),
                };
            };
            let focused = document()
                .active_element()
                .is_some_and(|active| active.is_same_node(Some(&input)));
            SearchField {
                value: input.value(),
                focused,
                selection: (
                    input.selection_start().ok().flatten(),
                    input.selection_end().ok().flatten(),
                ),
            }
        }

        /// Gives the app's field the same text, focus and caret; the app then
        /// searches for the text as if it had been typed there.
        fn restore(self) {
            let Some(input) = search_input() else {
                return;
            };
            if self.focused {
                let _ = input.focus();
            }
            if !self.value.is_empty() {
                input.set_value(&self.value);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                }) {
                    let _ = input.dispatch_event(&event);
                }
            }
            let (Some(start), Some(end)) = self.selection else {
                return;
            };
            let _ = input.set_selection_range(start, end);
        }
    }
}
