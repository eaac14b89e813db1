//! Where the head is written: into the document in the browser, or kept for the
//! prerenderer on the host.

#[cfg(target_arch = "wasm32")]
use super::head_tags;
use super::Head;
#[cfg(target_arch = "wasm32")]
use super::{Announcement, PageLanguages};
use crate::i18n::Lang;
#[cfg(target_arch = "wasm32")]
use crate::routing;
#[cfg(target_arch = "wasm32")]
use leptos::prelude::document;
#[cfg(target_arch = "wasm32")]
use leptos::prelude::Set;

/// Sets `<html lang>`.
pub fn set_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The head of the page last rendered on the host, for the prerenderer.
    static RENDERED: std::cell::RefCell<Option<Head>> = const { std::cell::RefCell::new(None) };
    /// The languages of the page about to be rendered on the host (see
    /// [`initial_languages`]).
    static LANGUAGES: std::cell::RefCell<Option<Vec<Lang>>> = const { std::cell::RefCell::new(None) };
}

/// The languages the page being rendered on the host exists in, set before it
/// is rendered: the header (with the language switcher) is rendered before the
/// view whose head says so.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_languages(languages: Vec<Lang>) {
    LANGUAGES.with_borrow_mut(|slot| *slot = Some(languages));
}

/// The languages the page on screen exists in when the app starts: on the
/// host, as the prerenderer set them; in the browser, as the prerendered head
/// names them in its alternates; all where nothing says otherwise.
pub fn initial_languages() -> Vec<Lang> {
    #[cfg(not(target_arch = "wasm32"))]
    let found = LANGUAGES.with_borrow_mut(Option::take);
    #[cfg(target_arch = "wasm32")]
    let found = {
        let links = document().query_selector_all("head > link[rel='alternate'][hreflang]");
        let mut found: Vec<Lang> = Vec::new();
        if let Ok(links) = links {
            for i in 0..links.length() {
                let code = links.item(i).and_then(|node| {
                    use wasm_bindgen::JsCast;
                    node.dyn_into::<web_sys::Element>()
                        .ok()?
                        .get_attribute("hreflang")
                });
                if let Some(lang) = code.as_deref().and_then(Lang::from_code) {
                    found.push(lang);
                }
            }
        }
        Some(found).filter(|found| !found.is_empty())
    };
    found.unwrap_or_else(|| Lang::ALL.to_vec())
}

/// The head of the last page rendered on the host, taken (prerendering reads it
/// after rendering each route).
#[cfg(not(target_arch = "wasm32"))]
pub fn take_rendered() -> Option<Head> {
    RENDERED.with_borrow_mut(Option::take)
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn apply(head: Head) {
    RENDERED.with_borrow_mut(|slot| *slot = Some(head));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Whether a page was already shown: the first one is the page the reader
    /// opened, where focus stays at the top of the document.
    static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The page the reader opened is on screen without a head written by the app
/// (an adopted prerendered page, see `takeover`): the next head is a navigation's.
#[cfg(target_arch = "wasm32")]
pub fn mark_shown() {
    SHOWN.set(true);
}

#[cfg(target_arch = "wasm32")]
pub(super) fn apply(head: Head) {
    let doc = document();
    let title = head.document_title();
    doc.set_title(&title);
    if let (Some(el), Ok(old)) = (doc.head(), doc.query_selector_all("head > [data-h]")) {
        for i in 0..old.length() {
            if let Some(node) = old.item(i) {
                let _ = el.remove_child(&node);
            }
        }
        for tag in head_tags(&head, routing::SITE_URL) {
            let Ok(node) = doc.create_element(tag.element) else {
                continue;
            };
            let _ = node.set_attribute("data-h", "");
            for (name, value) in &tag.attrs {
                let _ = node.set_attribute(name, value);
            }
            if let Some(text) = &tag.text {
                node.set_text_content(Some(text));
            }
            let _ = el.append_child(&node);
        }
    }
    if let Some(PageLanguages(languages)) = leptos::prelude::use_context() {
        languages.set(head.languages.clone());
    }
    if SHOWN.replace(true) {
        // After a client-side navigation, screen reader and keyboard users land on
        // the new page's heading and hear its title (see `Announcement`).
        if let Some(Announcement(announced)) = leptos::prelude::use_context() {
            announced.set(title);
        }
    }
}
