use crate::api::ContentError;
use crate::i18n::{fill, strings, use_lang};
use leptos::prelude::*;

/// Shown while a document loads.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {move || strings(lang.get()).loading}
        </div>
    }
}

/// A failed load, explained in the reader's language, with a retry button.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: ContentError,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let detail = move || {
        let t = strings(lang.get());
        match &error {
            ContentError::Status(code) => fill(t.error_status, code),
            ContentError::Format(_) => t.error_format.to_string(),
            ContentError::Network(_) | ContentError::NotFound => t.error_network.to_string(),
        }
    };
    view! {
        <div class="error-panel" role="alert">
            <h2>{move || strings(lang.get()).error_title}</h2>
            <p>{detail}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || strings(lang.get()).retry}
            </button>
        </div>
    }
}
