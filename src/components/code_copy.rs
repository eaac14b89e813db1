//! The copy buttons of code blocks. The pipeline renders each button into the article
//! HTML; one click handler on the article body serves them all.

use crate::i18n::{strings, Lang};

/// How long a button says "Copied" before it reads "Copy" again.
#[cfg(target_arch = "wasm32")]
const CONFIRM_MS: u64 = 2000;

/// Handles a click anywhere in an article body: a click on a code block's copy
/// button copies that block's code and confirms on the button.
#[cfg(target_arch = "wasm32")]
pub fn on_body_click(ev: leptos::ev::MouseEvent, lang: Lang) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(button)) = target.closest("button.copy") else {
        return;
    };
    let code = button
        .parent_element()
        .and_then(|block| block.query_selector("code").ok().flatten())
        .and_then(|code| code.text_content());
    let (Some(code), Some(window)) = (code, web_sys::window()) else {
        return;
    };
    let t = strings(lang);
    // The write is asynchronous; the confirmation does not wait for it because the
    // Clipboard API rejects only without permission, which a click grants.
    let _ = window.navigator().clipboard().write_text(&code);
    button.set_text_content(Some(t.copied));
    leptos::prelude::set_timeout(
        move || button.set_text_content(Some(t.copy_code)),
        std::time::Duration::from_millis(CONFIRM_MS),
    );
}

/// On the host there is nothing to copy to.
#[cfg(not(target_arch = "wasm32"))]
pub fn on_body_click(_ev: leptos::ev::MouseEvent, lang: Lang) {
    let _ = strings(lang);
}
