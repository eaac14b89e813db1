use crate::api::ContentError;
use crate::i18n::{fill, strings, Lang};
use leptos::prelude::*;

/// Shown while a document loads.
#[component]
pub fn Loading(
    /// Language of the message.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {strings(lang).loading}
        </div>
    }
}

/// What went wrong with a load, in the reader's language.
pub fn error_text(lang: Lang, error: &ContentError) -> String {
    let t = strings(lang);
    match error {
        ContentError::Status(code) => fill(t.error_status, code),
        // Only a part of a page that exists gets here with a missing document:
        // the content host is incomplete, which the reader sees as a server error.
        ContentError::NotFound => fill(t.error_status, 404),
        ContentError::Format(_) => t.error_format.to_string(),
        ContentError::Timeout => t.error_timeout.to_string(),
        ContentError::Network(_) => t.error_network.to_string(),
    }
}

/// A failed load, explained in the reader's language, with a retry button.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: ContentError,
    /// Language of the message.
    lang: Lang,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
    /// The panel is a part of a page that has its own title (the index's list),
    /// not the whole page: its heading is then a section heading.
    #[prop(optional)]
    part: bool,
) -> impl IntoView {
    let t = strings(lang);
    let detail = error_text(lang, &error);
    view! {
        // In place of the page that could not be loaded, its heading is the page's
        // (and takes focus after a navigation, like any page title).
        <div class="error-panel" role="alert">
            {if part {
                view! { <h2>{t.error_title}</h2> }.into_any()
            } else {
                view! { <h1 id="page-title" tabindex="-1">{t.error_title}</h1> }.into_any()
            }}
            <p>{detail}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </div>
    }
}
