use crate::i18n::{strings, use_lang};
use leptos::prelude::*;

/// The closing call to action of the index.
#[component]
pub fn SubscribeCta() -> impl IntoView {
    let lang = use_lang();
    view! {
        <aside class="cta" aria-labelledby="cta-title">
            <h2 id="cta-title">{move || strings(lang.get()).cta_title}</h2>
            <p>{move || strings(lang.get()).cta_text}</p>
        </aside>
    }
}
