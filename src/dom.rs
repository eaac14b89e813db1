//! The few direct DOM lookups the app needs beyond its views (focus management,
//! the documents a prerendered page carries).

/// The HTML element with id `id`, if the document has one.
#[cfg(target_arch = "wasm32")]
pub fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// The text of the document a prerendered page carries for `url` (see
/// `prerender/`: `<script type="application/json" data-document="{url}">`).
#[cfg(target_arch = "wasm32")]
pub fn inline_document(url: &str) -> Option<String> {
    let selector = format!("script[type=\"application/json\"][data-document=\"{url}\"]");
    leptos::prelude::document()
        .query_selector(&selector)
        .ok()??
        .text_content()
}
