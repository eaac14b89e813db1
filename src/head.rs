//! The document head follows the view: `<title>`, `<meta name="description">`,
//! `<meta name="robots">` and `<html lang>`.
//!
//! A few direct DOM writes instead of a head-management library: the app owns the
//! whole head, and this keeps several KB out of the wasm. On the host nothing is
//! written (prerendering writes the head from the same data).

use crate::i18n::{strings, Lang};
use leptos::prelude::*;

/// The full document title of a page: `"{title} — {site}"`, or the site name alone.
pub fn document_title(lang: Lang, title: &str) -> String {
    let site = strings(lang).site_name;
    if title == site {
        site.to_string()
    } else {
        format!("{title} — {site}")
    }
}

/// Sets the head for the page being rendered. Render it once per page view.
#[component]
pub fn PageHead(
    /// Language of the page.
    lang: Lang,
    /// The page's own title (the site name is appended).
    title: String,
    /// Text for `<meta name="description">`.
    #[prop(optional, into)]
    description: String,
    /// Ask search engines not to index this page (the 404 view).
    #[prop(optional)]
    noindex: bool,
) -> impl IntoView {
    apply(lang, &document_title(lang, &title), &description, noindex);
}

/// Sets `<html lang>`.
pub fn set_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

#[cfg(target_arch = "wasm32")]
fn apply(_lang: Lang, title: &str, description: &str, noindex: bool) {
    use std::cell::Cell;
    thread_local! {
        /// Whether a page was already shown: the first one is the page the reader
        /// opened, where focus stays at the top of the document.
        static SHOWN: Cell<bool> = const { Cell::new(false) };
    }
    let doc = document();
    doc.set_title(title);
    if !description.is_empty() {
        set_meta(&doc, "description", Some(description));
    }
    set_meta(&doc, "robots", noindex.then_some("noindex"));
    if SHOWN.replace(true) {
        let title = title.to_string();
        // After a client-side navigation, screen reader and keyboard users land on
        // the new page's heading and hear its title. The heading is mounted by the
        // next frame.
        request_animation_frame(move || announce_page(&title));
    }
}

/// Moves focus to the page heading (without scrolling) and announces `title`.
#[cfg(target_arch = "wasm32")]
fn announce_page(title: &str) {
    if let Some(heading) = crate::dom::html_element("page-title") {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
    if let Some(region) = crate::dom::html_element("route-announcer") {
        region.set_text_content(Some(title));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn apply(_lang: Lang, _title: &str, _description: &str, _noindex: bool) {}

/// Sets the content of `<meta name=…>`, creating it if needed; `None` removes it.
#[cfg(target_arch = "wasm32")]
fn set_meta(doc: &web_sys::Document, name: &str, content: Option<&str>) {
    let selector = format!("meta[name=\"{name}\"]");
    let existing = doc.query_selector(&selector).ok().flatten();
    match (existing, content) {
        (Some(meta), Some(content)) => {
            let _ = meta.set_attribute("content", content);
        }
        (Some(meta), None) => meta.remove(),
        (None, Some(content)) => {
            if let (Ok(meta), Some(head)) = (doc.create_element("meta"), doc.head()) {
                let _ = meta.set_attribute("name", name);
                let _ = meta.set_attribute("content", content);
                let _ = head.append_child(&meta);
            }
        }
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_carry_the_site_name_once() {
        assert_eq!(
            document_title(Lang::En, "Engineering Insights"),
            "Engineering Insights"
        );
        assert_eq!(
            document_title(Lang::Ru, "Страница не найдена"),
            "Страница не найдена — Инженерные инсайты"
        );
        assert_eq!(
            document_title(Lang::En, "Webhooks"),
            "Webhooks — Engineering Insights"
        );
    }
}
