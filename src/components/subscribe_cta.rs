use crate::i18n::Strings;
use leptos::prelude::*;

/// The closing call to action of the index.
#[component]
pub fn SubscribeCta(
    /// Strings of the page's language.
    t: &'static Strings,
) -> impl IntoView {
    view! {
        <aside class="cta" aria-labelledby="cta-title">
            <h2 id="cta-title">{t.cta_title}</h2>
            <p>{t.cta_text}</p>
        </aside>
    }
}
