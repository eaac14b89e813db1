//! Where the head is written: into the document in the browser, or kept for the
//! prerenderer on the host.

#[cfg(target_arch = "wasm32")]
use super::head_tags;
#[cfg(target_arch = "wasm32")]
use super::Announcement;
use super::Head;
use crate::i18n::Lang;
#[cfg(target_arch = "wasm32")]
use crate::routing;
#[cfg(target_arch = "wasm32")]
use leptos::prelude::document;
use leptos::prelude::{ArcRwSignal, Get, Set};

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
}

thread_local! {
    /// Whether the page on screen is missing in the other language (an article
    /// not translated into it yet), for the language switcher to say so. Set
    /// with the head of each page; in the browser it starts as the prerendered
    /// switcher says (the head of the page the app starts on is not applied
    /// again).
    static UNTRANSLATED: ArcRwSignal<bool> = ArcRwSignal::new(
        cfg!(target_arch = "wasm32") && prerendered_untranslated(),
    );
}

/// Whether the page on screen is missing in the other language, tracked.
pub fn untranslated() -> bool {
    UNTRANSLATED.with(|signal| signal.get())
}

/// Says whether the page about to be shown is missing in the other language
/// (the prerenderer sets it before rendering a page: the header, with the
/// switcher, is rendered before the view whose head says so).
pub fn set_untranslated(untranslated: bool) {
    UNTRANSLATED.with(|signal| signal.set(untranslated));
}

/// The prerendered switcher's "no translation" note.
fn prerendered_untranslated() -> bool {
    #[cfg(target_arch = "wasm32")]
    return matches!(document().query_selector(".lang-switch__note"), Ok(Some(_)));
    #[cfg(not(target_arch = "wasm32"))]
    false
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
    set_untranslated(!head.languages.contains(&head.lang.other()));
    if SHOWN.replace(true) {
        // After a client-side navigation, screen reader and keyboard users land on
        // the new page's heading and hear its title (see `Announcement`).
        if let Some(Announcement(announced)) = leptos::prelude::use_context() {
            announced.set(title);
        }
    }
}
