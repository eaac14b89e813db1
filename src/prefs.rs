//! The reader's language preference: saved in `localStorage`, else taken from
//! `navigator.languages`. On the host (tests, prerendering) nothing is saved.

use crate::routing::pick_lang;
use model::Lang;

/// `localStorage` key of the saved choice.
#[cfg(target_arch = "wasm32")]
const KEY: &str = "lang";

/// The language to offer this reader when the URL names none.
pub fn preferred_lang() -> Lang {
    pick_lang(saved().as_deref(), &browser_languages())
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn saved() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Remembers `lang` as the reader's choice. Storage may be unavailable (private
/// mode, disabled cookies); the choice then lasts for this visit only.
#[cfg(target_arch = "wasm32")]
pub fn save(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, lang.code());
    }
}

#[cfg(target_arch = "wasm32")]
fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn saved() -> Option<String> {
    None
}

/// Remembers `lang` as the reader's choice (a no-op on the host).
#[cfg(not(target_arch = "wasm32"))]
pub fn save(_lang: Lang) {}

#[cfg(not(target_arch = "wasm32"))]
fn browser_languages() -> Vec<String> {
    Vec::new()
}
