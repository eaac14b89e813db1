//! The few direct DOM lookups the app needs beyond its views (focus management).

/// The HTML element with id `id`, if the document has one.
#[cfg(target_arch = "wasm32")]
pub fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}
