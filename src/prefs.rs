//! The reader's language preference for URLs that name none. One rule, in
//! `public/lang.js` (which sends readers of the site root to their language
//! before the first paint): the saved choice, else the first supported browser
//! language, else English. The app asks it; on the host (tests, prerendering),
//! and wherever `lang.js` did not run, it is English.

use model::Lang;

/// `localStorage` key of the saved choice (read by `lang.js` too).
#[cfg(target_arch = "wasm32")]
const KEY: &str = "lang";

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `preferredLang` of `public/lang.js`.
    #[wasm_bindgen(catch, js_name = preferredLang)]
    fn boot_preferred_lang() -> Result<String, wasm_bindgen::JsValue>;
}

/// The language to offer this reader when the URL names none.
pub fn preferred_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    if let Some(lang) = boot_preferred_lang()
        .ok()
        .as_deref()
        .and_then(Lang::from_code)
    {
        return lang;
    }
    Lang::En
}

/// Remembers `lang` as the reader's choice. Storage may be unavailable (private
/// mode, disabled cookies); the choice then lasts for this visit only.
#[cfg(target_arch = "wasm32")]
pub fn save(lang: Lang) {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(storage) = storage {
        let _ = storage.set_item(KEY, lang.code());
    }
}

/// Remembers `lang` as the reader's choice (a no-op on the host).
#[cfg(not(target_arch = "wasm32"))]
pub fn save(_lang: Lang) {}
